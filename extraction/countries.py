"""Country mentions in running text: names, official UN forms, demonyms, capitals and seats.

The gazetteer is built once per process from maintained libraries: pycountry (ISO names,
official and common names, historic states), country_converter (short and official names,
UN membership) and countryinfo (capitals, demonyms, alternative spellings). Only the press
forms those libraries lack ("U.S.", "Britain", "Kremlin"...) live in a small table here.

``find_countries`` runs one compiled, trie-shaped regular expression over the text, so a
5 KB article costs well under a millisecond.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process

FORMS = ("name", "capital", "seat", "demonym")  # preference order when a surface is ambiguous

# Press usage the libraries do not list: (surface, ISO3, form).
PRESS_FORMS: tuple[tuple[str, str, str], ...] = (
    ("US", "USA", "name"),
    ("U.S.", "USA", "name"),
    ("USA", "USA", "name"),
    ("U.S.A.", "USA", "name"),
    ("America", "USA", "name"),
    ("U.K.", "GBR", "name"),
    ("Britain", "GBR", "name"),
    ("DPRK", "PRK", "name"),
    ("ROK", "KOR", "name"),
    ("PRC", "CHN", "name"),
    ("Soviet Union", "SUN", "name"),
    ("Soviet", "SUN", "demonym"),
    ("Saudi", "SAU", "demonym"),
    ("Kiev", "UKR", "capital"),
    ("Washington", "USA", "capital"),
    ("Kremlin", "RUS", "seat"),
    ("White House", "USA", "seat"),
    ("Pentagon", "USA", "seat"),
    ("State Department", "USA", "seat"),
    ("Downing Street", "GBR", "seat"),
    ("Whitehall", "GBR", "seat"),
    ("Élysée", "FRA", "seat"),
    ("Quai d'Orsay", "FRA", "seat"),
    ("Zhongnanhai", "CHN", "seat"),
)
UN_OBSERVER_STATES = frozenset({"PSE", "VAT"})

# A word right before or after a match that makes it part of another name:
# "Latin America", "New Mexico", "Northern Ireland", "Washington Post", "South China Sea".
BLOCKING_PREVIOUS_WORDS = frozenset(
    {"Latin", "South", "North", "Central", "East", "West", "Northern", "Southern",
     "Eastern", "Western", "New", "Native"}
)
BLOCKING_NEXT_WORDS = frozenset({"Post", "Times", "Journal", "Sea", "Ocean"})

_APOSTROPHES = "'’‘`"
_SEPARATOR_CLASS = r"[\s\-‐‑]+"
_APOSTROPHE_CLASS = "['’‘`]"
_SEPARATORS = re.compile(_SEPARATOR_CLASS)
_LAST_WORD = re.compile(r"(\w+)\s+$")
_NEXT_WORD = re.compile(r"\s+(\w+)")


class CountryMention(NamedTuple):
    """One mention: ``text[start:end] == surface``; ``form`` is name, demonym, capital or seat."""

    start: int
    end: int
    iso3: str
    surface: str
    form: str


@dataclass(frozen=True)
class _Entry:
    iso3: str
    form: str
    rank: tuple[int, int, int]  # lower is preferred when one surface names several states


def _key(surface: str) -> str:
    """The form a surface is looked up by: apostrophes, hyphens and spaces unified."""
    surface = unicodedata.normalize("NFC", surface)
    for mark in _APOSTROPHES:
        surface = surface.replace(mark, "'")
    return _SEPARATORS.sub(" ", surface).strip()


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _name_variants(name: str) -> set[str]:
    """Running-text spellings of a library name ("Korea, Republic of" -> "Republic of Korea")."""
    name = name.strip()
    if not name:
        return set()
    bases = {name}
    if "(" in name:  # "Holy See (Vatican City State)"
        outer = re.sub(r"\s*\([^)]*\)", "", name).strip()
        bases = {outer} | set(re.findall(r"\(([^)]*)\)", name))
    variants: set[str] = set()
    for base in bases:
        if ", " in base:
            head, tail = base.split(", ", 1)
            variants.add(head)
            if re.search(r"\bof( the)?$", tail):
                variants.add(f"{tail} {head}")
        else:
            variants.add(base)
    more: set[str] = set()
    for variant in variants:
        variant = re.sub(r"^[Tt]he ", "", variant)
        more.update({variant, variant.replace(" of the ", " of "), _ascii_fold(variant)})
        if variant.startswith("Saint "):
            more.update({"St. " + variant[6:], "St " + variant[6:]})
    return {v for v in more if v}


class _Gazetteer:
    """Every surface form mapped to its country, plus the regex that finds them."""

    def __init__(self) -> None:
        self.candidates: dict[str, dict[str, _Entry]] = {}
        self.codes: dict[str, str] = {}  # ISO alpha-2/alpha-3 -> ISO3, for lookups only
        self.names: dict[str, str] = {}  # ISO3 -> common short English name
        self._collect()
        self.exact: dict[str, _Entry] = self._resolve(self.candidates)
        folded: dict[str, dict[str, _Entry]] = {}
        for surface, entries in self.candidates.items():
            bucket = folded.setdefault(surface.casefold(), {})
            for iso3, entry in entries.items():
                if iso3 not in bucket or entry.rank < bucket[iso3].rank:
                    bucket[iso3] = entry
        self.folded: dict[str, _Entry] = self._resolve(folded)
        self.pattern = re.compile(
            r"(?<!\w)(?:" + _trie_pattern(sorted(self.exact)) + r")(?!\w)"
        )

    def _add(self, surface: str, iso3: str, form: str, *, head: bool, current: bool,
             member: bool) -> None:
        key = _key(surface)
        if len(key) < 2:
            return
        rank = (FORMS.index(form) * 2 + int(head), int(not member), int(not current))
        entries = self.candidates.setdefault(key, {})
        if iso3 not in entries or rank < entries[iso3].rank:
            entries[iso3] = _Entry(iso3, form, rank)

    def _add_name(self, name: str, iso3: str, *, current: bool, member: bool) -> None:
        for variant in _name_variants(name):
            head = "," in name and variant == name.split(",")[0].strip()
            self._add(variant, iso3, "name", head=head, current=current, member=member)

    def _collect(self) -> None:
        import country_converter
        import pycountry
        from countryinfo import CountryInfo

        coco_rows = country_converter.CountryConverter().data
        members = {
            row.ISO3 for row in coco_rows.itertuples() if str(row.UNmember) not in ("<NA>", "nan")
        } | UN_OBSERVER_STATES

        for country in pycountry.countries:
            iso3 = country.alpha_3
            self.codes[country.alpha_2] = self.codes[iso3] = iso3
            for attribute in ("name", "official_name", "common_name"):
                if value := getattr(country, attribute, None):
                    self._add_name(value, iso3, current=True, member=iso3 in members)
        for country in pycountry.historic_countries:
            iso3 = country.alpha_3
            self.codes.setdefault(iso3, iso3)
            self._add_name(country.name, iso3, current=False, member=False)

        for row in coco_rows.itertuples():
            iso3 = str(row.ISO3)
            for value in (row.name_short, row.name_official):
                if isinstance(value, str):
                    self._add_name(value, iso3, current=True, member=iso3 in members)
            if isinstance(row.name_short, str) and "," not in row.name_short:
                self.names.setdefault(iso3, row.name_short)  # coco's short names read best
            self.codes.setdefault(iso3, iso3)

        for info in CountryInfo.all().values():
            iso = info.get("ISO") or {}
            iso3 = iso.get("alpha3")
            if not iso3:
                continue
            member = iso3 in members
            self.names.setdefault(iso3, info["name"])
            self._add_name(info["name"], iso3, current=True, member=member)
            own_codes = {iso.get("alpha2"), iso3}
            for spelling in info.get("altSpellings") or []:
                if spelling in own_codes or not member:  # territories' spellings: "Mann"
                    continue
                self._add_name(spelling, iso3, current=True, member=member)
            capital = info.get("capital")
            if member and isinstance(capital, str) and capital:
                capital = re.sub(r",?\s*D\.C\.$", "", capital)
                self._add(capital, iso3, "capital", head=False, current=True, member=member)
            demonyms = info.get("demonym")
            if isinstance(demonyms, str):
                for demonym in re.split(r"[,/]", demonyms):
                    for variant in {demonym.strip(), _ascii_fold(demonym.strip())}:
                        self._add(variant, iso3, "demonym", head=False, current=True,
                                  member=member)

        for surface, iso3, form in PRESS_FORMS:
            self._add(surface, iso3, form, head=False, current=True, member=True)
        for country in (*pycountry.countries, *pycountry.historic_countries):
            name = getattr(country, "common_name", None) or country.name
            self.names.setdefault(country.alpha_3, name.split(",")[0])

    @staticmethod
    def _resolve(candidates: dict[str, dict[str, _Entry]]) -> dict[str, _Entry]:
        """Keep a surface only when one state is clearly preferred ("Congolese" names two)."""
        resolved: dict[str, _Entry] = {}
        for surface, entries in candidates.items():
            ranked = sorted(entries.values(), key=lambda entry: entry.rank)
            if len(ranked) == 1 or ranked[0].rank < ranked[1].rank:
                resolved[surface] = ranked[0]
        return resolved


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
            units.append(_SEPARATOR_CLASS)
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
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


def _blocked(text: str, start: int, end: int) -> bool:
    before = _LAST_WORD.search(text[max(0, start - 20):start])
    after = _NEXT_WORD.match(text[end:end + 20])
    return bool(
        (before and before.group(1) in BLOCKING_PREVIOUS_WORDS)
        or (after and after.group(1) in BLOCKING_NEXT_WORDS)
    )


def find_countries(text: str) -> list[CountryMention]:
    """Every country mention in ``text``, in order, non-overlapping, longest match first."""
    gazetteer = _gazetteer()
    mentions = []
    surfaces: dict[str, str] = {}  # one string for each distinct surface
    for match in gazetteer.pattern.finditer(text):
        surface = surfaces.setdefault(match.group(), match.group())
        entry = gazetteer.exact.get(_key(surface))
        if entry is None or _blocked(text, match.start(), match.end()):
            continue
        mentions.append(CountryMention(match.start(), match.end(), entry.iso3, surface, entry.form))
    return mentions


def country_code(name: str) -> str | None:
    """The ISO3 code for one name, alias, demonym, capital, seat or ISO code; None if unknown."""
    if not isinstance(name, str):
        return None
    gazetteer = _gazetteer()
    cleaned = re.sub(r"[’']s$", "", name.strip())
    cleaned = re.sub(r"^the\s+", "", cleaned, flags=re.IGNORECASE)
    if cleaned.upper() in gazetteer.codes and cleaned.isupper() and len(cleaned) in (2, 3):
        if entry := gazetteer.exact.get(_key(cleaned)):  # "US", "UK": press forms first
            return entry.iso3
        return gazetteer.codes[cleaned.upper()]
    for variant in (cleaned, *sorted(_name_variants(cleaned))):
        entry = gazetteer.exact.get(_key(variant))
        if entry is None and len(variant) > 3:  # "us" is a pronoun, "russia" is Russia
            entry = gazetteer.folded.get(_key(variant).casefold())
        if entry:
            return entry.iso3
    return None


def people_country(word: str) -> str | None:
    """The ISO3 code of the country whose people a plural demonym names ("Israelis"), else None."""
    if not isinstance(word, str) or not word.endswith("s"):
        return None
    entry = _gazetteer().exact.get(_key(word[:-1]))
    return entry.iso3 if entry is not None and entry.form == "demonym" else None


def country_name(iso3: str) -> str:
    """The common short English name for an ISO3 code (the code itself when unknown)."""
    return _gazetteer().names.get((iso3 or "").upper(), iso3)


@functools.cache
def _fuzzy_names() -> tuple[list[str], list[str]]:
    """Country names (not demonyms or capitals) and their ISO3 codes, for fuzzy matching."""
    gazetteer = _gazetteer()
    pairs = sorted((surface, entry.iso3) for surface, entry in gazetteer.exact.items()
                   if entry.form == "name" and len(surface) > 3)
    return [surface for surface, _ in pairs], [iso3 for _, iso3 in pairs]


def fuzzy_country_code(word: str, min_score: float = 90) -> str | None:
    """The ISO3 code of the country name closest to a misspelling ("Eritre"), or None."""
    if not isinstance(word, str) or len(word) < 4:
        return None
    surfaces, codes = _fuzzy_names()
    best = process.extractOne(word, surfaces, scorer=fuzz.ratio, score_cutoff=min_score)
    return codes[best[2]] if best else None


def country_aliases() -> list[tuple[str, str, str]]:
    """Every unambiguous surface form as ``(surface, iso3, form)``: names, demonyms, capitals, seats."""
    return sorted((surface, entry.iso3, entry.form) for surface, entry in _gazetteer().exact.items())
