"""Options as users type them, read once for every command: picked ids and countries (dates:
:mod:`answers.dates`)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from answers.dates import BadOption
from answers.reply import Reply, Suggestion, refusal
from db import queries
from db.names import name_key
from reference.countries import countries, country_aliases, country_code, country_name, un_member
from reference.groups import Group, group_named, groups_matching
from reference.vocabulary import RECORDED_BODIES, body_name
from replies import embeds

# SQLite's largest integer: a picked id beyond it names nothing.
MAX_STORED_ID = 2**63 - 1
MAX_SUGGESTIONS = 25
# How alike (rapidfuzz ratio, 0–100) a mistyped name and a country's name must be for the country
# to be offered, and to be taken as the one meant when it leads the next by CLEAR_LEAD; how many
# are offered in a "did you mean".
TYPO_SIMILARITY = 70
CLEAR_TYPO = 80
CLEAR_LEAD = 10
MAX_GUESSES = 3
T = TypeVar("T")


def stored_id(text: str | None) -> int | None:
    """The row id a picked option stands for ("42"), or None for anything that cannot be one:
    not all digits, or beyond SQLite's 64-bit integers."""
    text = (text or "").strip()
    if not text.isdecimal() or not text.isascii():
        return None
    value = int(text)
    return value if value <= MAX_STORED_ID else None


def resolve_country(db: Database, text: str | None) -> str | None:
    """ISO3 for what the user typed or picked: a code, a name, an alias or a demonym, the start of
    one (the best match, :func:`db.queries.match_countries`), or a name mistyped when one country
    is clearly meant ("Chna"); None for a group of countries ("EU")."""
    text = (text or "").strip()
    if not text:
        return None
    code = country_code(text)
    if code:
        return code
    if group_named(text):
        return None
    matches = queries.match_countries(db, text, limit=1)
    return matches[0] if matches else clear_guess(similar_countries(text))


def unknown_country(text: str) -> Reply:
    """The answer to a country name nobody knows: the countries it may be a typo of, if any; for a
    group of countries, where groups are answered."""
    if group := group_named(text):
        return refusal(
            f"“{embeds.safe(text)}” is a group of countries ({group.name}), and this command takes one country: "
            f"/vote country:{group.key} vote:… shows how its members voted."
        )
    if guesses := similar_countries(text)[:MAX_GUESSES]:
        return refusal(f"I don't know a country called “{embeds.safe(text)}”. "
                       + embeds.did_you_mean([country_name(code) for code, _ in guesses]))
    return refusal(
        f"I don't know a country called “{embeds.safe(text)}”. Try its English name, "
        "a short form like “US” or a demonym like “Russian”, or pick one from the list."
    )


def country_suggestions(db: Database, guild_id: int | None, typed: str, groups: bool = False) -> list[Suggestion]:
    """Countries by name, alias or demonym, the best match first, or those a mistyped name may
    mean; for empty input, the countries the sources name most. With ``groups``, the groups of
    countries named so too ("EU", "African Group"): one named exactly first, the others after the
    UN member states."""
    if not typed.strip():
        return [Suggestion(country_name(code), code)
                for code in queries.countries_with_positions(db, guild_id, limit=MAX_SUGGESTIONS)]
    named_groups = groups_matching(typed) if groups else []
    codes = queries.match_countries(db, typed, limit=MAX_SUGGESTIONS)
    if not codes and not named_groups:
        codes = [code for code, _ in similar_countries(typed)[:MAX_SUGGESTIONS]]
    suggestions = [Suggestion(country_name(code), code) for code in codes]
    exact = group_named(typed) if groups else None
    others = [group_suggestion(group) for group in named_groups if group is not exact]
    members = next((index for index, code in enumerate(codes) if not un_member(code)), len(codes))
    return [*([group_suggestion(exact)] if exact else []), *suggestions[:members], *others, *suggestions[members:]]


def group_suggestion(group: Group) -> Suggestion:
    """A group in the list: ``🇪🇺 European Union · group of 27 countries``."""
    name = " ".join(filter(None, [group.emoji, group.name]))
    return Suggestion(f"{name} · group of {len(group.members_on(None))} countries", group.key)


def similar_countries(text: str) -> list[tuple[str, float]]:
    """Countries with a name or demonym spelt like ``text`` ("Chna": China), each once with its
    similarity (0–100, at least TYPO_SIMILARITY), the likeliest first, a UN member first on a tie."""
    keys, codes = _spellings()
    best: dict[str, float] = {}
    for _, score, index in process.extract(name_key(text), keys, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY,
                                           limit=None):
        best[codes[index]] = max(score, best.get(codes[index], 0))
    return sorted(best.items(), key=lambda item: (-item[1], not un_member(item[0]), country_name(item[0])))


@functools.cache
def _spellings() -> tuple[list[str], list[str]]:
    """Every name and demonym of a country as matched (keys), and the country of each."""
    spelt = {(name_key(surface), iso3) for surface, iso3, form in country_aliases() if form in ("name", "demonym")}
    spelt |= {(name_key(country_name(iso3)), iso3) for iso3 in countries()}
    keys, codes = zip(*sorted(spelt))
    return list(keys), list(codes)


def clear_guess(guesses: Sequence[tuple[T, float]]) -> T | None:
    """The guess meant, when it clearly is: similar enough (CLEAR_TYPO) and CLEAR_LEAD ahead of the
    next. ``guesses``: (guess, similarity), the likeliest first."""
    if guesses and guesses[0][1] >= CLEAR_TYPO and (len(guesses) == 1 or guesses[0][1] - guesses[1][1] >= CLEAR_LEAD):
        return guesses[0][0]
    return None


def typed_body(text: str | None) -> str | None:
    """A body picked or typed (``UNSC``, ``Security Council``, ``general assembly``) as its code;
    None when empty; BadOption for one with no recorded votes."""
    text = " ".join((text or "").split()).casefold()
    if not text:
        return None
    for code in RECORDED_BODIES:
        if text in (code.casefold(), body_name(code).casefold(), body_name(code).casefold().removeprefix("un ")):
            return code
    raise BadOption(f"“{text}” is not a body with recorded votes: choose the General Assembly or the Security Council.")
