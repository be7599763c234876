"""Rollcall's command line (``python bot.py COMMAND``):

    ask ["/vote country:China" ...]          answers in the terminal, no Discord needed
    extract PATH [--published YYYY-MM-DD]    facts of one source as JSON
    ingest PATH... [--published] [--title] [--url]
    import-un FILE...                        UN Digital Library voting data (GA/SC CSV)
    update-records                           download the Library's current voting files and import them
    sync [--guild ID | --global]             register the slash commands (DISCORD_TOKEN)
    run [--shards IDS]                       connect to Discord (DISCORD_TOKEN)

Each command imports what it needs when it runs, so that none pays for another's start.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from answers.dates import BadOption, typed_day
from config import Config, load_config
from console import DEFAULT_PICTURES, stderr, stdout

if TYPE_CHECKING:
    from db.roll_calls import ImportReport
    from sources.ingest import IngestReport

# discord.py loggers whose DEBUG lines carry interaction or webhook tokens (request URLs, payloads).
TOKEN_BEARING_LOGGERS = ("discord.http", "discord.webhook", "discord.gateway")
SHOWN_SKIPS = 5


def fail(message: str) -> None:
    """A problem, on stderr, with outside text escaped."""
    stderr.print(f"rollcall: {escape(message)}", highlight=False, soft_wrap=True)


@contextmanager
def progress(label: str, *, in_bytes: bool = False) -> Iterator[Callable[..., None]]:
    """A transient progress bar on stderr, shown on a terminal only; yields ``update(**fields)``
    (``advance=1, description=name`` per file, or ``completed=…, total=…`` in bytes)."""
    counted = (DownloadColumn(),) if in_bytes else (MofNCompleteColumn(),)
    columns = (TextColumn(f"[bold]{label}"), BarColumn(), *counted, TimeRemainingColumn(),
               TextColumn("{task.description}", style="dim"))
    with Progress(*columns, console=stderr, transient=True, disable=not stderr.is_terminal) as bar:
        task = bar.add_task("", total=None)
        yield lambda **fields: bar.update(task, **{
            key: escape(value) if key == "description" else value for key, value in fields.items()
        })


def print_ingest_report(report: IngestReport) -> None:
    """One line per failure, then the totals."""
    for path, reason in report.failed:
        stderr.print(f"[red]✗[/red] {escape(str(path))}: {escape(str(reason))}", highlight=False, soft_wrap=True)
    from replies.embeds import plural

    stdout.print(
        f"[green]{len(report.added)} added[/green] ({plural(report.quotes, 'quotation')}, {plural(report.votes, 'vote')}), "
        f"{len(report.unchanged)} unchanged, "
        f"[{'red' if report.failed else 'dim'}]{len(report.failed)} failed[/]",
        highlight=False,
    )


def print_import_report(report: ImportReport) -> None:
    """The file's counts, then the first unreadable rows with their line numbers."""
    from replies.embeds import plural

    colour = "yellow" if report.skipped_rows else "green"
    duplicates = (
        f"; {plural(report.duplicate_rows, 'duplicate row')} "
        "(a member named again in a record: the last row counts)"
        if report.duplicate_rows
        else ""
    )
    stdout.print(
        f"[{colour}]✓[/{colour}] {escape(report.file.name)} ({report.body}): {plural(report.records, 'record')}, "
        f"{plural(report.positions, 'position')} in {report.seconds:.1f} s ({report.new_records:,} new, "
        f"{report.changed_records:,} changed); {plural(report.skipped_rows, 'row')} skipped{duplicates}",
        highlight=False,
        soft_wrap=True,
    )
    for line, reason in report.skipped[:SHOWN_SKIPS]:
        stdout.print(f"    line {line}: {escape(reason)}", highlight=False, soft_wrap=True)
    if report.skipped_rows > SHOWN_SKIPS:
        stdout.print(f"    … and {report.skipped_rows - SHOWN_SKIPS} more", highlight=False)


# ---------------------------------------------------------------- commands
def command_extract(args: argparse.Namespace, config: Config) -> int:
    """Print the JSON contract of one source and nothing else on stdout (read as ``ingest`` reads it)."""
    from extraction.documents import SourceError
    from sources.files import read_metadata, read_source_file
    from sources.ingest import read_source

    try:
        metadata = read_metadata(args.path)
        _, extraction = read_source(read_source_file(args.path), published=args.published or metadata.get("published"),
                                    file_name=args.path.name)
    except SourceError as error:
        fail(f"cannot read {args.path}: {error}")
        return 1
    sys.stdout.write(json.dumps(extraction.to_json(), ensure_ascii=False, indent=2) + "\n")
    return 0


def command_ingest(args: argparse.Namespace, config: Config) -> int:
    """Exit status 1 when any path or file could not be added."""
    from db import open_store
    from sources.files import find_source_files, path_problem
    from sources.ingest import ingest_paths

    unreadable = {path: problem for path in args.paths if (problem := path_problem(path))}
    for path, problem in unreadable.items():
        fail(f"{path}: {problem}")
    files = list(find_source_files(p for p in args.paths if p not in unreadable))
    db = open_store(config.store_path)
    with progress("Ingesting") as update:
        update(total=len(files))
        report = ingest_paths(
            db, files, on_file=lambda path: update(advance=1, description=path.name),
            title=args.title, published=args.published, url=args.url,
        )
    print_ingest_report(report)
    return 1 if report.failed or unreadable else 0


def command_ask(args: argparse.Namespace, config: Config) -> int:
    from console import interactive, print_answer
    from db import open_store

    if not config.store_path.exists():
        build_bundled_store(config)
    db = open_store(config.store_path)
    if not args.commands:
        interactive(db, args.pictures)
    for line in args.commands:
        print_answer(db, line, args.pictures)
    return 0


def build_bundled_store(config: Config) -> None:
    """Make the store from the official records and the sources Rollcall ships, with a progress
    bar, and report what went in."""
    from sources.files import find_source_files
    from sources.ingest import build_store

    stderr.print(f"Building the store {escape(str(config.store_path))} from the official records and "
                 f"{escape(str(config.sources_path))} …", highlight=False)
    files = list(find_source_files([config.sources_path]))
    with progress("Building") as update:
        report = build_store(
            config.store_path, config.sources_path, records=config.records_path,
            on_records=lambda done, total: update(completed=done, total=total, description="official records"),
            on_file=lambda path: update(completed=files.index(path) + 1, total=len(files), description=path.name),
        )
    print_ingest_report(report)


def command_import_un(args: argparse.Namespace, config: Config) -> int:
    """Import each file in its own transaction; 1 if any file could not be imported."""
    from db import StoreBusy, open_store
    from db.links import refresh_links
    from db.roll_calls import NotUndlFile, import_roll_calls

    db = open_store(config.store_path)
    failed = 0
    for path in args.paths:
        try:
            with progress(f"Importing {escape(path.name)}", in_bytes=True) as update:
                report = import_roll_calls(db, path, on_progress=lambda done, total: update(completed=done, total=total))
        except (OSError, NotUndlFile, StoreBusy) as error:
            stderr.print(f"[red]✗[/red] {escape(str(path))}: {escape(str(error))}", highlight=False, soft_wrap=True)
            failed += 1
        except KeyboardInterrupt:
            stderr.print(f"[yellow]interrupted[/yellow]: {escape(str(path))} was not imported, the store is unchanged",
                         highlight=False)
            return 130
        else:
            print_import_report(report)
    linked = refresh_links(db)
    db.execute("PRAGMA optimize")  # fresh statistics for the comparison queries
    if linked:
        stdout.print(f"{linked} reported votes linked to their official records", highlight=False)
    return 1 if failed else 0


def command_update_records(args: argparse.Namespace, config: Config) -> int:
    """Download the official voting files that changed, import them and say what changed; 1 if a
    download failed (nothing was replaced)."""
    from sources.records import DownloadError, RecordsSettings, update_records

    try:
        with progress("Downloading", in_bytes=True) as update:
            result = update_records(
                config.store_path, RecordsSettings.of(config),
                on_progress=lambda name, done, total: update(completed=done, total=total, description=name),
            )
    except DownloadError as error:
        fail(f"the official records were not updated: {error}")
        return 1
    for report in result.imports:
        print_import_report(report)
    stdout.print(escape(result.summary()), highlight=False)
    return 0


def discord_token(config: Config, purpose: str) -> str | None:
    """The token from the environment, with logging set up; None (and a hint) when it is unset."""
    import discord

    if not config.token:
        fail(f"set DISCORD_TOKEN to the bot's token to {purpose}")
        return None
    discord.utils.setup_logging(level=config.log_level)
    for name in TOKEN_BEARING_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
    return config.token


def command_run(args: argparse.Namespace, config: Config) -> int:
    from bot import create_bot

    if not (token := discord_token(config, "connect to Discord")):
        return 2
    if args.shards:
        if not config.shard_count or max(args.shards) >= config.shard_count:
            fail("--shards needs discord.shard_count in the config, above every id given")
            return 2
        config = replace(config, shard_ids=args.shards)
    create_bot(config).run(token, log_handler=None)
    return 0


def command_sync(args: argparse.Namespace, config: Config) -> int:
    from bot import create_bot

    if not (token := discord_token(config, "sync its commands")):
        return 2
    guild_id = None if args.globally else (args.guild or config.sync_guild_id)

    async def sync() -> list:
        async with create_bot(config) as bot:
            await bot.login(token)  # runs setup_hook: the cogs' commands join the tree
            return await bot.sync_commands(guild_id)

    synced = asyncio.run(sync())
    where = f"guild {guild_id}" if guild_id else "every server (global commands can take up to an hour)"
    stdout.print(f"synced {len(synced)} commands to {where}: " + ", ".join(f"/{c.name}" for c in synced),
                 highlight=False)
    return 0


# ---------------------------------------------------------------- parsing
def day(text: str) -> str:
    """argparse type for a YYYY-MM-DD date."""
    try:
        return typed_day(text)
    except BadOption as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def shard_ids(text: str) -> tuple[int, ...]:
    """argparse type for a comma-separated list of shard ids."""
    try:
        ids = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of shard ids like 0,1: {text!r}") from None
    if any(shard < 0 for shard in ids):
        raise argparse.ArgumentTypeError("shard ids start at 0")
    return ids


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bot.py", description="Rollcall: UN votes and who said what.")
    parser.add_argument("--config", type=Path, help="config file (default: config.toml)")
    parser.add_argument("--store", type=Path, help="SQLite store (default: from the config)")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="print the votes and quotations of one source as JSON")
    extract.add_argument("path", type=Path)
    extract.add_argument("--published", type=day, help="publication date, YYYY-MM-DD")
    extract.set_defaults(handler=command_extract)

    ingest = commands.add_parser("ingest", help="add source files or folders to the store")
    ingest.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    ingest.add_argument("--published", type=day, help="publication date, YYYY-MM-DD")
    ingest.add_argument("--title")
    ingest.add_argument("--url")
    ingest.set_defaults(handler=command_ingest)

    ask = commands.add_parser(
        "ask", help="answer slash commands in the terminal, without Discord (a prompt when none given)"
    )
    ask.add_argument("commands", nargs="*", metavar="COMMAND", help='e.g. "/vote country:China"')
    ask.add_argument("--pictures", type=Path, default=DEFAULT_PICTURES, metavar="DIR",
                     help=f"where to save the pictures answers have (default: {DEFAULT_PICTURES})")
    ask.set_defaults(handler=command_ask)

    import_un = commands.add_parser(
        "import-un", help="import UN Digital Library voting data (GA or SC CSV, official layout)"
    )
    import_un.add_argument("paths", type=Path, nargs="+", metavar="FILE")
    import_un.set_defaults(handler=command_import_un)

    update_records = commands.add_parser(
        "update-records", help="download the UN Digital Library's current voting files, when changed, and import them"
    )
    update_records.set_defaults(handler=command_update_records)

    run = commands.add_parser("run", help="connect to Discord and answer (needs DISCORD_TOKEN)")
    run.add_argument("--shards", type=shard_ids, metavar="IDS",
                     help="run these shard ids (e.g. 0,1) of discord.shard_count in this process")
    run.set_defaults(handler=command_run)

    sync = commands.add_parser("sync", help="register the slash commands with Discord (needs DISCORD_TOKEN)")
    target = sync.add_mutually_exclusive_group()
    target.add_argument("--guild", type=int, help="one server, for instant updates while developing")
    target.add_argument("--global", dest="globally", action="store_true", help="every server (ignore the config's guild)")
    sync.set_defaults(handler=command_sync)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = load_config(args.config)
    if args.store:
        config = replace(config, store_path=args.store)
    return args.handler(args, config)
