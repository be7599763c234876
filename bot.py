"""Rollcall's entry point: the Discord bot and the command line.

    python bot.py ask ["/vote country:China" ...]          answers in the terminal, no Discord needed
    python bot.py extract PATH [--published YYYY-MM-DD]   facts of one source as JSON
    python bot.py ingest PATH... [--published] [--title] [--url]
    python bot.py import-un FILE...                        UN Digital Library voting data (GA/SC CSV)
    python bot.py sync [--guild ID | --global]            register the slash commands (DISCORD_TOKEN)
    python bot.py run                                      connect to Discord (DISCORD_TOKEN)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands
from sqlite_utils import Database

from config import Config, load_config
from roll_call_cli import add_import_un_parser

if TYPE_CHECKING:
    from sources.worker import StoreWriter

EXTENSIONS = ("cogs.votes", "cogs.quotes", "cogs.sources", "cogs.records")
# discord.py loggers whose DEBUG lines carry interaction or webhook tokens (request URLs, payloads).
TOKEN_BEARING_LOGGERS = ("discord.http", "discord.webhook", "discord.gateway")
log = logging.getLogger("rollcall")


def user_message(error: app_commands.AppCommandError) -> str | None:
    """What to tell the user about an expected failure; None for a bug."""
    from cogs.base import NotModerator

    if isinstance(error, NotModerator):
        return str(error)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"You're going a little fast: try again in {error.retry_after:.0f} seconds."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here."
    return None


class RollcallTree(app_commands.CommandTree):
    """The command tree with Rollcall's one error handler: a short ephemeral apology to the
    user, the full error in the log."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        from replies.embeds import error_embed

        message = user_message(error)
        if message is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("/%s failed", command, exc_info=error)
            message = "Sorry, something went wrong while answering. The error has been logged."
        embed = error_embed(message)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(embed=embed, ephemeral=True)
            else:
                await interaction.response.send_message(embed=embed, ephemeral=True)
        except discord.HTTPException:
            log.exception("could not tell the user about an error")


class RollcallBot:
    """What the bot is, sharded or not: opens the store (building it from the bundled sources if
    missing), loads one cog per command family, and writes through one worker process
    (:class:`sources.worker.StoreWriter`). Commands are synced only on request (``bot.py sync``)."""

    def __init__(self, config: Config, *, writer: StoreWriter | None = None, **options) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=RollcallTree,
            help_command=None,
            **options,
        )
        from sources.worker import StoreWriter

        self.config = config
        self.db: Database | None = None
        self.writer = writer or StoreWriter(config.store_path)

    async def setup_hook(self) -> None:
        from db import open_store
        from pipeline import build_store

        if not self.config.store_path.exists():
            await asyncio.to_thread(build_store, self.config.store_path, self.config.sources_path)
        self.db = open_store(self.config.store_path)
        for extension in EXTENSIONS:
            await self.load_extension(extension)

    async def close(self) -> None:
        self.writer.close()
        await super().close()

    async def sync_commands(self, guild_id: int | None = None) -> list[app_commands.AppCommand]:
        """Register the commands with Discord: to one guild (instant), or globally."""
        if guild_id is None:
            return await self.tree.sync()
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        return await self.tree.sync(guild=guild)


class Rollcall(RollcallBot, commands.Bot):
    """Rollcall in one connection to Discord (up to 2,500 servers)."""


class ShardedRollcall(RollcallBot, commands.AutoShardedBot):
    """Rollcall over several shards, this process running ``shard_ids`` of ``shard_count``."""


def create_bot(config: Config) -> RollcallBot:
    """The bot the configuration asks for: sharded when ``discord.shard_count`` is set."""
    if config.shard_count is None:
        return Rollcall(config)
    return ShardedRollcall(config, shard_count=config.shard_count,
                           shard_ids=list(config.shard_ids) if config.shard_ids else None)


def shard_ids(text: str) -> tuple[int, ...]:
    """argparse type for a comma-separated list of shard ids."""
    try:
        ids = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of shard ids like 0,1: {text!r}") from None
    if any(shard < 0 for shard in ids):
        raise argparse.ArgumentTypeError("shard ids start at 0")
    return ids


def iso_date(text: str) -> str:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def command_extract(args: argparse.Namespace, config: Config) -> int:
    from extraction.documents import SourceError, load_document
    from extraction.extractor import extract
    from pipeline import read_metadata, read_source_file

    try:
        metadata = read_metadata(args.path)
        document = load_document(read_source_file(args.path), published=args.published or metadata.get("published"))
    except SourceError as error:
        print(f"rollcall: cannot read {args.path}: {error}", file=sys.stderr)
        return 1
    json.dump(extract(document).to_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def command_ingest(args: argparse.Namespace, config: Config) -> int:
    """Exit status 1 when any path or file could not be added."""
    from console import print_ingest_report, progress_bar
    from db import open_store
    from pipeline import find_source_files, ingest_paths, path_problem

    unreadable = [(path, problem) for path in args.paths if (problem := path_problem(path))]
    for path, problem in unreadable:
        print(f"rollcall: {path}: {problem}", file=sys.stderr)
    files = list(find_source_files(p for p in args.paths if p not in dict(unreadable)))
    db = open_store(config.store_path)
    with progress_bar(len(files)) as advance:
        report = ingest_paths(
            db, files, on_file=advance, title=args.title, published=args.published, url=args.url
        )
    print_ingest_report(report)
    return 1 if report.failed or unreadable else 0


def command_ask(args: argparse.Namespace, config: Config) -> int:
    from console import interactive, print_answer, print_ingest_report, progress_bar, stderr
    from pipeline import find_source_files, open_or_build_store

    store_path = config.store_path
    if not store_path.exists():
        stderr.print(f"Building the store {store_path} from {config.sources_path} …", highlight=False)
    with progress_bar(len(list(find_source_files([config.sources_path])))) as advance:
        db, report = open_or_build_store(store_path, config.sources_path, on_file=advance)
    if report is not None:
        print_ingest_report(report)
    if not args.commands:
        interactive(db)
    for line in args.commands:
        print_answer(db, line)
    return 0


def discord_token(config: Config, purpose: str) -> str | None:
    """The token from the environment, with logging set up; None (and a hint) when it is unset."""
    if not config.token:
        print(f"rollcall: set DISCORD_TOKEN to the bot's token to {purpose}", file=sys.stderr)
        return None
    discord.utils.setup_logging(level=config.log_level)
    for name in TOKEN_BEARING_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
    return config.token


def command_run(args: argparse.Namespace, config: Config) -> int:
    if not (token := discord_token(config, "connect to Discord")):
        return 2
    if args.shards:
        if not config.shard_count or max(args.shards) >= config.shard_count:
            print("rollcall: --shards needs discord.shard_count in the config, above every id given", file=sys.stderr)
            return 2
        config = replace(config, shard_ids=args.shards)
    create_bot(config).run(token, log_handler=None)
    return 0


def command_sync(args: argparse.Namespace, config: Config) -> int:
    if not (token := discord_token(config, "sync its commands")):
        return 2
    guild_id = None if args.globally else (args.guild or config.sync_guild_id)

    async def sync() -> list[app_commands.AppCommand]:
        async with create_bot(config) as bot:
            await bot.login(token)  # runs setup_hook: the cogs' commands join the tree
            return await bot.sync_commands(guild_id)

    synced = asyncio.run(sync())
    where = f"guild {guild_id}" if guild_id else "every server (global commands can take up to an hour)"
    print(f"synced {len(synced)} commands to {where}: " + ", ".join(f"/{c.name}" for c in synced))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bot.py", description="Rollcall: UN votes and who said what.")
    parser.add_argument("--config", type=Path, help="config file (default: config.toml)")
    parser.add_argument("--store", type=Path, help="SQLite store (default: from the config)")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="print the votes and quotations of one source as JSON")
    extract.add_argument("path", type=Path)
    extract.add_argument("--published", type=iso_date, help="publication date, YYYY-MM-DD")
    extract.set_defaults(handler=command_extract)

    ingest = commands.add_parser("ingest", help="add source files or folders to the store")
    ingest.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    ingest.add_argument("--published", type=iso_date, help="publication date, YYYY-MM-DD")
    ingest.add_argument("--title")
    ingest.add_argument("--url")
    ingest.set_defaults(handler=command_ingest)

    ask = commands.add_parser(
        "ask", help="answer slash commands in the terminal, without Discord (a prompt when none given)"
    )
    ask.add_argument("commands", nargs="*", metavar="COMMAND", help='e.g. "/vote country:China"')
    ask.set_defaults(handler=command_ask)

    run = commands.add_parser("run", help="connect to Discord and answer (needs DISCORD_TOKEN)")
    run.add_argument("--shards", type=shard_ids, metavar="IDS",
                     help="run these shard ids (e.g. 0,1) of discord.shard_count in this process")
    run.set_defaults(handler=command_run)

    sync = commands.add_parser("sync", help="register the slash commands with Discord (needs DISCORD_TOKEN)")
    target = sync.add_mutually_exclusive_group()
    target.add_argument("--guild", type=int, help="one server, for instant updates while developing")
    target.add_argument("--global", dest="globally", action="store_true", help="every server (ignore the config's guild)")
    sync.set_defaults(handler=command_sync)

    add_import_un_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = load_config(args.config)
    if args.store:
        config = replace(config, store_path=args.store)
    return args.handler(args, config)


if __name__ == "__main__":
    sys.exit(main())
