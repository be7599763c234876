"""The terminal console: slash command lines answered by the same answer code the bot runs, printed
as the same embeds; and the two terminal streams every command line output goes to."""

from __future__ import annotations

import re
import tempfile
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from sqlite_utils import Database

from answers import COMMANDS
from answers.reply import Reply
from db import queries
from reference.countries import country_name
from replies.embeds import plural
from replies.terminal import print_embeds

stderr = Console(stderr=True)
stdout = Console()
# Where the console saves the pictures answers have, unless told (cli: ask --pictures DIR).
DEFAULT_PICTURES = Path(tempfile.gettempdir()) / "rollcall-pictures"


class CommandLineError(ValueError):
    """A console line that is not a command Rollcall knows."""


def parse_command(line: str) -> tuple[str, dict[str, str]]:
    """``/vote country:North Korea vote:UNGA`` -> ``("vote", {"country": "North Korea", "vote": "UNGA"})``.

    An option's value runs to the next option name of that command, so values may hold spaces
    and colons.
    """
    name, _, rest = line.strip().lstrip("/").partition(" ")
    name = name.casefold()
    if name not in COMMANDS:
        raise CommandLineError(f"unknown command “/{name}”; try " + ", ".join(f"/{c}" for c in COMMANDS))
    option_names = COMMANDS[name].options
    if not option_names:
        return name, {}
    marker = re.compile(r"(?:^|(?<=\s))(" + "|".join(option_names) + r"):", re.IGNORECASE)
    found = list(marker.finditer(rest))
    if rest.strip() and (not found or rest[: found[0].start()].strip()):
        raise CommandLineError(f"write options as name:value ({', '.join(o + ':' for o in option_names)})")
    options = {}
    for match, following in zip(found, [*found[1:], None]):
        value = rest[match.end() : following.start() if following else len(rest)].strip()
        options[match.group(1).casefold()] = value
    return name, options


def answer(db: Database, line: str, guild_id: int | None = None) -> Reply:
    """The reply the bot gives to a slash command line, from the same answer code."""
    name, options = parse_command(line)
    command = COMMANDS[name]
    for option in command.required:
        options.setdefault(option, "")  # as Discord would refuse it empty, the answer explains
    return command.answer(db, guild_id, **options)


def print_answer(db: Database, line: str, pictures: Path = DEFAULT_PICTURES) -> None:
    """Answer one command line in the terminal (errors as a short message); a picture the answer
    has is saved in ``pictures`` and its path printed under the answer."""
    try:
        reply = answer(db, line)
    except CommandLineError as error:
        stderr.print(f"[red]{escape(str(error))}[/red]", highlight=False)
        return
    print_embeds(reply.pages, stdout)
    if reply.picture is not None and (png := reply.picture.draw()):
        pictures.mkdir(parents=True, exist_ok=True)
        stem, suffix = reply.picture.name.rsplit(".", 1)
        path = pictures / f"{stem}-{datetime.now():%Y%m%d-%H%M%S-%f}.{suffix}"
        path.write_bytes(png)
        stdout.print(f"Picture: {escape(str(path))}", highlight=False, soft_wrap=True)


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
        "Type a command, “help”, or “quit”. For example:\n  " + "\n  ".join(examples)
    )


def interactive(db: Database, pictures: Path = DEFAULT_PICTURES) -> None:
    """A prompt that answers commands until “quit” or end of input (pictures saved in ``pictures``)."""
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
            print_answer(db, line, pictures)
