"""``python bot.py import-un FILE...``: import UN Digital Library voting files (GA or SC, official
long layout) with a progress bar over each file's bytes and a summary of what was read."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from config import Config

if TYPE_CHECKING:
    from sqlite_utils import Database

    from db.roll_calls import ImportReport

SHOWN_SKIPS = 5

stderr = Console(stderr=True)
stdout = Console()


def add_import_un_parser(commands: argparse._SubParsersAction) -> None:
    """Register ``import-un`` on the command line's subcommands."""
    parser = commands.add_parser(
        "import-un", help="import UN Digital Library voting data (GA or SC CSV, official layout)"
    )
    parser.add_argument("paths", type=Path, nargs="+", metavar="FILE")
    parser.set_defaults(handler=command_import_un)


def command_import_un(args: argparse.Namespace, config: Config) -> int:
    """Import each file in its own transaction; 1 if any file could not be imported."""
    from db import StoreBusy, open_store
    from db.links import refresh_links
    from db.roll_calls import NotUndlFile

    db = open_store(config.store_path)
    failed = 0
    for path in args.paths:
        try:
            report = import_with_progress(db, path)
        except (OSError, NotUndlFile, StoreBusy) as error:
            stderr.print(
                f"[red]✗[/red] {escape(str(path))}: {escape(str(error))}", highlight=False, soft_wrap=True
            )
            failed += 1
        except KeyboardInterrupt:
            stderr.print(
                f"[yellow]interrupted[/yellow]: {escape(str(path))} was not imported, the store is unchanged",
                highlight=False,
            )
            return 130
        else:
            print_import_report(report)
    linked = refresh_links(db)
    db.execute("PRAGMA optimize")  # fresh statistics for the comparison queries
    if linked:
        stdout.print(f"{linked} reported votes linked to their official records", highlight=False)
    return 1 if failed else 0


def import_with_progress(db: Database, path: Path) -> ImportReport:
    """:func:`db.roll_calls.import_roll_calls` under a transient progress bar over the file's bytes."""
    from db.roll_calls import import_roll_calls

    columns = (
        TextColumn("[bold]Importing[/bold] {task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task(escape(path.name), total=None)
        return import_roll_calls(
            db, path, on_progress=lambda done, total: progress.update(task, completed=done, total=total)
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
        f"{plural(report.positions, 'position')} in {report.seconds:.1f} s; "
        f"{plural(report.skipped_rows, 'row')} skipped{duplicates}",
        highlight=False,
        soft_wrap=True,
    )
    for line, reason in report.skipped[:SHOWN_SKIPS]:
        stdout.print(f"    line {line}: {escape(reason)}", highlight=False, soft_wrap=True)
    if report.skipped_rows > SHOWN_SKIPS:
        stdout.print(f"    … and {report.skipped_rows - SHOWN_SKIPS} more", highlight=False)
