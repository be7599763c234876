"""Country mentions in running text: names, official UN forms, demonyms, capitals and seats.

The surface forms come from :mod:`reference.countries` (a committed table, no library loaded at
run time). ``find_countries`` runs one compiled, trie-shaped regular expression over the text, so
a 5 KB article costs well under a millisecond; the expression is built on the first search only.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from rapidfuzz import fuzz, process

from reference.countries import (
    APOSTROPHES,
    SEPARATOR_CLASS,
    country_aliases,
    country_code,
    country_name,
    surface_index,
    surface_key,
)

# The lookups live in reference.countries; this module still offers them to its former callers.
__all__ = [
    "CountryMention", "country_aliases", "country_code", "country_name", "find_countries",
    "fuzzy_country_code", "people_country",
]

# A word right before or after a match that makes it part of another name:
# "Latin America", "New Mexico", "Northern Ireland", "Washington Post", "South China Sea".
BLOCKING_PREVIOUS_WORDS = frozenset(
    {"Latin", "South", "North", "Central", "East", "West", "Northern", "Southern",
     "Eastern", "Western", "New", "Native"}
)
BLOCKING_NEXT_WORDS = frozenset({"Post", "Times", "Journal", "Sea", "Ocean"})

_APOSTROPHE_CLASS = f"[{APOSTROPHES}]"
MIN_FIRST_WORD = 5  # letters: a shorter first word ("Sao", "New") says too little
# First words of official names that name no country by themselves ("Federated States of ...").
_GENERIC_WORDS = frozenset({
    "country", "republic", "democratic", "federal", "federated", "federation", "federative", "eastern", "western",
    "northern", "southern", "central", "great", "grand", "independent", "islamic", "kingdom", "state", "states",
    "united", "people", "peoples", "socialist", "plurinational", "bolivarian", "hashemite", "principality",
    "commonwealth", "sultanate", "union", "estado", "estados",
})
_LAST_WORD = re.compile(r"(\w+)\s+$")
_NEXT_WORD = re.compile(r"\s+(\w+)")


class CountryMention(NamedTuple):
    """One mention: ``text[start:end] == surface``; ``form`` is name, demonym, capital or seat."""

    start: int
    end: int
    iso3: str
    surface: str
    form: str


def _trie_pattern(words: list[str]) -> str:
    """A regex equivalent to ``word1|word2|...`` that shares prefixes, so it matches fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for unit in _units(word):
            node = node.setdefault(unit, {})
        node[""] = {}
    return _emit(trie)


def _units(word: str) -> list[str]:
    units: list[str] = []
    for char in word:
        if char == " ":
            units.append(SEPARATOR_CLASS)
        elif char == "'":
            units.append(_APOSTROPHE_CLASS)
        else:
            units.append(re.escape(char))
    return units


def _emit(node: dict) -> str:
    branches = [unit + _emit(child) for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@functools.cache
def _mention_pattern() -> re.Pattern[str]:
    """One expression matching every surface form, whole words only."""
    return re.compile(r"(?<!\w)(?:" + _trie_pattern(sorted(surface_index().exact)) + r")(?!\w)")


def _blocked(text: str, start: int, end: int) -> bool:
    before = _LAST_WORD.search(text[max(0, start - 20):start])
    after = _NEXT_WORD.match(text[end:end + 20])
    return bool(
        (before and before.group(1) in BLOCKING_PREVIOUS_WORDS)
        or (after and after.group(1) in BLOCKING_NEXT_WORDS)
    )


def find_countries(text: str) -> list[CountryMention]:
    """Every country mention in ``text``, in order, non-overlapping, longest match first."""
    aliases = surface_index().exact
    mentions = []
    surfaces: dict[str, str] = {}  # one string for each distinct surface
    for match in _mention_pattern().finditer(text):
        surface = surfaces.setdefault(match.group(), match.group())
        alias = aliases.get(surface_key(surface))
        if alias is None or _blocked(text, match.start(), match.end()):
            continue
        mentions.append(CountryMention(match.start(), match.end(), alias.iso3, surface, alias.form))
    return mentions


def people_country(word: str) -> str | None:
    """The ISO3 code of the country whose people a plural demonym names ("Israelis"), else None."""
    if not isinstance(word, str) or not word.endswith("s"):
        return None
    alias = surface_index().exact.get(surface_key(word[:-1]))
    return alias.iso3 if alias is not None and alias.form == "demonym" else None


@functools.cache
def _fuzzy_names() -> tuple[list[str], list[str]]:
    """Country names (not demonyms or capitals) and their ISO3 codes, for fuzzy matching."""
    pairs = sorted((surface, alias.iso3) for surface, alias in surface_index().exact.items()
                   if alias.form == "name" and len(surface) > 3)
    return [surface for surface, _ in pairs], [iso3 for _, iso3 in pairs]


def fuzzy_country_code(word: str, min_score: float = 90) -> str | None:
    """The ISO3 code of the country name closest to a misspelling ("Eritre"), or of the one country
    whose name begins with the word ("Papua", "Trinidad"), or None."""
    if not isinstance(word, str) or len(word) < 4:
        return None
    surfaces, codes = _fuzzy_names()
    best = process.extractOne(word, surfaces, scorer=fuzz.ratio, score_cutoff=min_score)
    return codes[best[2]] if best else _first_words().get(word.lower())


@functools.cache
def _first_words() -> dict[str, str]:
    """The first word of a country name, in lower case, when only one country's names begin with it
    -> that country's ISO3 code."""
    owners: dict[str, set[str]] = {}
    surfaces, codes = _fuzzy_names()
    for surface, iso3 in zip(surfaces, codes, strict=True):
        first = surface.split()[0].lower()
        named_apart = first != surface.lower() and first not in _GENERIC_WORDS
        if len(first) >= MIN_FIRST_WORD and first.isalpha() and named_apart:
            owners.setdefault(first, set()).add(iso3)
    return {first: next(iter(iso3s)) for first, iso3s in owners.items() if len(iso3s) == 1}
