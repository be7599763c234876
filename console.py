"""The terminal side of the command line (rich): progress, ingest summaries, and the offline
console that answers slash commands with the bot's own answer code."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import inspect
import re

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlite_utils import Database

from cogs.base import Reply
from cogs.quotes import answer_quotes, answer_whosaid
from cogs.records import answer_compare, answer_record
from cogs.sources import answer_sources
from cogs.votes import answer_vote
from db import queries
from extraction.countries import country_name
from pipeline import IngestReport
from replies.embeds import plural
from replies.terminal import print_embeds

# The read-only slash commands, their answer functions and option names, as in Discord.
COMMANDS: dict[str, tuple[Callable[..., Reply], tuple[str, ...]]] = {
    "vote": (answer_vote, ("country", "vote")),
    "whosaid": (answer_whosaid, ("quote",)),
    "quotes": (answer_quotes, ("speaker",)),
    "sources": (answer_sources, ()),
    "compare": (answer_compare, ("country_a", "country_b", "since")),
    "record": (answer_record, ("country", "since")),
}

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
        yield lambda path: progress.update(task, advance=1, description=escape(path.name))


def print_ingest_report(report: IngestReport) -> None:
    """One line per failure, then the totals."""
    for path, reason in report.failed:
        stderr.print(f"[red]✗[/red] {escape(str(path))}: {escape(str(reason))}", highlight=False, soft_wrap=True)
    stdout.print(
        f"[green]{len(report.added)} added[/green] ({report.quotes} quotations, {report.votes} votes), "
        f"{len(report.unchanged)} unchanged, "
        f"[{'red' if report.failed else 'dim'}]{len(report.failed)} failed[/]",
        highlight=False,
    )


class CommandLineError(ValueError):
    """A console line that is not a command Rollcall knows."""


def parse_command(line: str) -> tuple[str, dict[str, str]]:
    """``/vote country:North Korea vote:UNGA`` -> ``("vote", {"country": "North Korea", "vote": "UNGA"})``.

    An option's value runs to the next option name of that command, so values may hold spaces
    and colons.
    """
    name, _, rest = line.strip().lstrip("/").partition(" ")
    if name not in COMMANDS:
        raise CommandLineError(f"unknown command “/{name}”; try " + ", ".join(f"/{c}" for c in COMMANDS))
    option_names = COMMANDS[name][1]
    if not option_names:
        return name, {}
    marker = re.compile(r"(?:^|(?<=\s))(" + "|".join(option_names) + r"):")
    found = list(marker.finditer(rest))
    if rest.strip() and (not found or rest[: found[0].start()].strip()):
        raise CommandLineError(f"write options as name:value ({', '.join(o + ':' for o in option_names)})")
    options = {}
    for match, following in zip(found, [*found[1:], None]):
        value = rest[match.end() : following.start() if following else len(rest)].strip()
        options[match.group(1)] = value
    return name, options


def answer(db: Database, line: str, guild_id: int | None = None) -> Reply:
    """The reply the bot gives to a slash command line, from the same answer code."""
    name, options = parse_command(line)
    function, option_names = COMMANDS[name]
    required = inspect.signature(function).parameters
    for option in option_names:
        if required[option].default is inspect.Parameter.empty:
            options.setdefault(option, "")  # as Discord would refuse it empty, the answer explains
    return function(db, guild_id, **options)


def print_answer(db: Database, line: str) -> None:
    """Answer one command line in the terminal (errors as a short message)."""
    try:
        reply = answer(db, line)
    except CommandLineError as error:
        stderr.print(f"[red]{escape(str(error))}[/red]", highlight=False)
        return
    print_embeds(reply.pages, stdout)


def welcome(db: Database) -> str:
    """What the console knows and a few commands to try, drawn from the store itself."""
    sources = queries.list_sources(db, None)
    quotes = sum(source["quotes"] for source in sources)
    votes = sum(source["votes"] for source in sources)
    examples = ["/vote                          the votes the sources report"]
    if countries := queries.countries_with_positions(db, None, limit=1):
        country = country_name(countries[0])
        examples.append(f"/vote country:{country:<16} how {country} voted")
    examples.append("/whosaid quote:<words you remember>  who said it")
    if speakers := queries.find_speakers(db, "", None, limit=1):
        surname = speakers[0]["name"].split()[-1]
        examples.append(f"/quotes speaker:{surname:<15} what {speakers[0]['name']} said")
    examples.append("/sources                       where the answers come from")
    return (
        f"Rollcall answers from {plural(len(sources), 'source')} "
        f"({plural(quotes, 'quotation')}, {plural(votes, 'vote')}). "
        "Type a command, or “quit”. For example:\n  " + "\n  ".join(examples)
    )


def interactive(db: Database) -> None:
    """A prompt that answers commands until “quit” or end of input."""
    stdout.print(welcome(db), highlight=False, markup=False)
    while True:
        try:
            line = stdout.input("[bold]rollcall>[/bold] ").strip()
        except (EOFError, KeyboardInterrupt):
            stdout.print()
            return
        if line.lower() in {"quit", "exit", "q"}:
            return
        if line:
            print_answer(db, line)
