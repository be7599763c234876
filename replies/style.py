"""The look shared by every reply: colours, position labels, flags, country names and dates, and
outside text made harmless."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import discord

from reference.countries import alpha2, country_name
from reference.vocabulary import record_source

POSITION_COLOURS = {
    "yes": discord.Colour(0x2ECC71),
    "no": discord.Colour(0xE74C3C),
    "abstain": discord.Colour(0xF5A623),
    "absent": discord.Colour(0x95A5A6),
}
POSITION_EMOJI = {"yes": "🟢", "no": "🔴", "abstain": "🟡", "absent": "⚪"}

NOT_STATED_COLOUR = POSITION_COLOURS["absent"]
INFO_COLOUR = discord.Colour.blurple()
ERROR_COLOUR = discord.Colour(0xC0392B)

DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
REGIONAL_INDICATOR_A = 0x1F1E6

# Names that read with "the" in a sentence: "the United States", "the Marshall Islands".
ARTICLE_NAME = re.compile(r"\b(United|Republic|Kingdom|States|Islands|Emirates|Federation)\b")
# A square bracket not yet escaped: after an even number of backslashes, perhaps none.
UNESCAPED_BRACKET = re.compile(r"(?<!\\)((?:\\\\)*)([\[\]])")


def plain_safe(text: object) -> str:
    """Text from a source or a user for the parts of an embed Discord shows as plain text (footer,
    author name): any mention (``@everyone``, ``<@id>``) defused."""
    return discord.utils.escape_mentions(str(text))


def safe(text: object) -> str:
    """Text from a source or a user for the parts Discord reads as markdown (titles, descriptions,
    fields): mentions defused, and square brackets escaped so that ``[text](url)`` never becomes a
    disguised link (Discord shows ``\\[`` as ``[``). Applying it twice changes nothing more."""
    return UNESCAPED_BRACKET.sub(r"\1\\\2", plain_safe(text))


def flag(iso3: str | None) -> str:
    """The flag emoji of a country, from its ISO2 code; none for a former state (the USSR)."""
    code = alpha2(iso3)
    if code is None:
        return ""
    return "".join(chr(REGIONAL_INDICATOR_A + ord(letter) - ord("A")) for letter in code)


def country_label(iso3: str) -> str:
    """A country as a list shows it: flag and name (an official record's own code when unknown)."""
    return " ".join(filter(None, [flag(iso3), safe(country_name(iso3))]))


def country_in_sentence(iso3: str) -> str:
    """A country's name as it reads inside a sentence ("the United States", "France")."""
    name = country_name(iso3)
    return f"the {name}" if ARTICLE_NAME.search(name) else name


def possessive(name: str) -> str:
    """``name``'s, or ``name``' when it ends with s."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"




def display_date(value: str | None) -> str:
    """A stored date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a timestamp) as people read it."""
    match = DATE.match(value or "")
    if not match:
        return value or "date unknown"
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day:
            return f"{day} {dt.date(year, month, day):%B %Y}"
        if month:
            return f"{dt.date(year, month, 1):%B %Y}"
    except ValueError:
        return value
    return str(year)


def sources_note(datasets: Iterable[str | None]) -> str:
    """``Source: UN Digital Library voting data`` (and Voeten's data when records come from it)."""
    sources = list(dict.fromkeys(record_source(dataset) for dataset in datasets)) or [record_source(None)]
    return ("Source: " if len(sources) == 1 else "Sources: ") + "; ".join(sources)
