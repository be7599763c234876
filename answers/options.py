"""Options as users type them, read once for every command: picked ids and countries (dates:
:mod:`answers.dates`)."""

from __future__ import annotations

from sqlite_utils import Database

from answers.reply import Reply, Suggestion, refusal
from db import queries
from reference.countries import country_code, country_name
from replies import embeds

# SQLite's largest integer: a picked id beyond it names nothing.
MAX_STORED_ID = 2**63 - 1
MAX_SUGGESTIONS = 25


def stored_id(text: str | None) -> int | None:
    """The row id a picked option stands for ("42"), or None for anything that cannot be one:
    not all digits, or beyond SQLite's 64-bit integers."""
    text = (text or "").strip()
    if not text.isdecimal() or not text.isascii():
        return None
    value = int(text)
    return value if value <= MAX_STORED_ID else None


def resolve_country(db: Database, text: str | None) -> str | None:
    """ISO3 for what the user typed or picked: a code, a name, an alias or a demonym."""
    text = (text or "").strip()
    if not text:
        return None
    code = country_code(text)
    if code:
        return code
    matches = queries.match_countries(db, text, limit=1)
    return matches[0] if matches else None


def unknown_country(text: str) -> Reply:
    """The answer to a country name nobody knows."""
    return refusal(
        f"I don't know a country called “{embeds.safe(text)}”. Try its English name, "
        "a short form like “US” or a demonym like “Russian”, or pick one from the list."
    )


def country_suggestions(db: Database, guild_id: int | None, typed: str) -> list[Suggestion]:
    """Countries by name, alias or demonym; for empty input, the countries the sources name most."""
    codes = (
        queries.match_countries(db, typed, limit=MAX_SUGGESTIONS)
        if typed.strip()
        else queries.countries_with_positions(db, guild_id, limit=MAX_SUGGESTIONS)
    )
    return [Suggestion(country_name(code), code) for code in codes]
