"""Terminal output for the command line (rich): progress, ingest summaries, the store overview."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from pipeline import IngestReport

stderr = Console(stderr=True)
stdout = Console()


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[Path], None]]:
    """A progress bar on stderr for batches of several files; yields ``advance(path)``."""
    if total < 2:
        yield lambda path: None
        return
    columns = (
        TextColumn("[bold]Ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}", style="dim"),
    )
    with Progress(*columns, console=stderr, transient=True) as progress:
        task = progress.add_task("", total=total)
        yield lambda path: progress.update(task, advance=1, description=path.name)


def print_ingest_report(report: IngestReport) -> None:
    """One line per failure, then the totals."""
    for path, reason in report.failed:
        stderr.print(f"[red]✗[/red] {path}: {reason}", highlight=False)
    stdout.print(
        f"[green]{len(report.added)} added[/green] ({report.quotes} quotations, {report.votes} votes), "
        f"{len(report.unchanged)} unchanged, "
        f"[{'red' if report.failed else 'dim'}]{len(report.failed)} failed[/]",
        highlight=False,
    )
