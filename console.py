"""Terminal output for the command line (rich): progress, ingest summaries, the store overview."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlite_utils import Database

from db import queries
from extraction.countries import country_name
from pipeline import IngestReport

POSITION_LABELS = {"yes": "Yes", "no": "No", "abstain": "Abstained", "absent": "Did not vote"}
POSITION_STYLES = {"yes": "green", "no": "red", "abstain": "yellow", "absent": "bright_black"}

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
        stderr.print(f"[red]✗[/red] {path}: {reason}", highlight=False, soft_wrap=True)
    stdout.print(
        f"[green]{len(report.added)} added[/green] ({report.quotes} quotations, {report.votes} votes), "
        f"{len(report.unchanged)} unchanged, "
        f"[{'red' if report.failed else 'dim'}]{len(report.failed)} failed[/]",
        highlight=False,
    )


def describe_tally(vote: dict) -> str:
    """"143 yes · 5 no · 35 abstain · 10 did not vote", leaving out what no source states."""
    parts = [
        f"{vote[figure]} {label}"
        for figure, label in (("yes", "yes"), ("no", "no"), ("abstain", "abstain"), ("absent", "did not vote"))
        if vote.get(figure) is not None
    ]
    return " · ".join(parts) or "tally not stated"


def describe_outcome(vote: dict) -> str:
    if vote.get("vetoed_by"):
        return "vetoed by " + ", ".join(country_name(iso3) for iso3 in vote["vetoed_by"])
    return {True: "adopted", False: "not adopted", None: "outcome not stated"}[vote.get("adopted")]


def print_overview(db: Database, guild_id: int | None = None) -> None:
    """The sources, votes and quotations the store holds, as a terminal report."""
    sources = queries.list_sources(db, guild_id)
    table = Table(title="Sources", title_justify="left")
    for column in ("#", "title", "published", "quotations", "votes"):
        table.add_column(column)
    for source in sources:
        table.add_row(
            str(source["id"]), source["title"] or source["origin"] or "untitled",
            source["published"] or "—", str(source["quotes"]), str(source["votes"]),
        )
    stdout.print(table)

    for summary in queries.find_votes(db, guild_id, limit=100):
        vote = queries.get_vote(db, summary["id"], guild_id)
        heading = f"[bold]{vote['body']}[/bold] {vote['date'] or 'date not stated'}"
        if vote.get("resolution"):
            heading += f" · {vote['resolution']}"
        lines = [f"{describe_tally(vote)} — {describe_outcome(vote)}"]
        if vote.get("subject"):
            lines.insert(0, vote["subject"])
        for position in ("yes", "no", "abstain", "absent"):
            named = sorted({country_name(p["country"]) for p in vote["positions"] if p["position"] == position})
            if named:
                lines.append(f"[{POSITION_STYLES[position]}]{POSITION_LABELS[position]}:[/] {', '.join(named)}")
        for disagreement in vote["disagreements"]:
            values = "; ".join(
                f"{value['value']} (sources {', '.join(map(str, value['source_ids']))})"
                for value in disagreement["values"]
            )
            lines.append(f"[red]sources disagree on {disagreement['figure']}:[/red] {values}")
        cited = ", ".join(f"#{report['source_id']}" for report in vote["reports"])
        lines.append(f"[dim]sources: {cited}[/dim]")
        stdout.print(Panel("\n".join(lines), title=heading, title_align="left", expand=False))

    for source in sources:
        quotes = queries.quotes_in_source(db, source["id"], guild_id)
        if not quotes:
            continue
        table = Table(title=f"Quotations in source #{source['id']}", title_justify="left", show_lines=True)
        table.add_column("speaker", max_width=34)
        table.add_column("quotation")
        for quote in quotes:
            who = quote["speaker"] or "[dim]unattributed[/dim]"
            details = ", ".join(
                filter(None, [quote["speaker_role"], quote["speaker_country"] and country_name(quote["speaker_country"])])
            )
            table.add_row(f"{who}\n[dim]{details}[/dim]" if details else who, f"“{quote['text']}”")
        stdout.print(table)
