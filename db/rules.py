"""Conventions shared by the store's writes and reads: scopes, speaker keys, how reports merge.

Pure functions, no SQL: :mod:`db.ingest` and :mod:`db.queries` both rely on them so that
what is written and what is read follow one rule.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

GLOBAL_SCOPE = "global"
TALLY_FIGURES = ("yes", "no", "abstain", "absent")


def guild_scope(guild_id: int | str) -> str:
    """The scope of sources a Discord server's moderators add: ``guild:<id>``."""
    return f"guild:{guild_id}"


def scopes_seen_from(scope: str) -> tuple[str, str]:
    """The scopes whose facts a scope sees: the global one, and itself.

    Always two values so queries can use a fixed ``scope IN (?, ?)``.
    """
    return (GLOBAL_SCOPE, scope)


def visible_scopes(guild_id: int | str | None) -> tuple[str, str]:
    """The scopes a caller sees: always the global one, plus its own server's if any."""
    return scopes_seen_from(GLOBAL_SCOPE if guild_id is None else guild_scope(guild_id))


def fullest_name(names: Iterable[str]) -> str:
    """The form of a name with most words (the first of those on a tie): "Vassily Nebenzia"."""
    return max(names, key=lambda name: len(name.split()))


def name_key(name: str) -> str:
    """A name reduced for matching: accents stripped, casefolded, whitespace collapsed.

    Typographic apostrophes become straight ones, so "O’Brien" and "O'Brien" agree.
    """
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def resolution_key(symbol: str | None) -> str | None:
    """A UN document symbol reduced for comparison: upper case, no spaces."""
    if not symbol:
        return None
    return re.sub(r"\s+", "", symbol).upper()


def dates_compatible(first: str | None, second: str | None) -> bool | None:
    """Whether two report dates can be the same day; ``None`` when either is unknown.

    A month (``YYYY-MM``) is compatible with itself and with any day in that month.
    """
    if not first or not second:
        return None
    shorter, longer = sorted((first, second), key=len)
    return longer.startswith(shorter)


def days_apart_at_most(first: str | None, second: str | None, days: int) -> bool | None:
    """Whether two dates are at most ``days`` apart; a month agrees with its days. None when unknown."""
    if first and second and len(first) == len(second) == 10:
        return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) <= days
    return dates_compatible(first, second)


def compare_tallies(first: Mapping, second: Mapping) -> tuple[int, int]:
    """How many yes/no/abstain figures stated by both accounts agree, and how many differ."""
    stated = [(first[figure], second[figure]) for figure in ("yes", "no", "abstain")
              if first.get(figure) is not None and second.get(figure) is not None]
    conflicting = sum(ours != theirs for ours, theirs in stated)
    return len(stated) - conflicting, conflicting


def tallies_agree(first: Mapping, second: Mapping) -> bool | None:
    """Whether two accounts' yes/no/abstain figures tell the same vote: none differs, or one
    differs beside at least two that agree. None when no figure is stated by both."""
    agreeing, conflicting = compare_tallies(first, second)
    if not agreeing + conflicting:
        return None
    return conflicting == 0 or (conflicting == 1 and agreeing >= 2)


def symbol_contradicted(vote: Mapping, other: Mapping, *, days: int = 0) -> bool:
    """Whether a vote and another account naming the same symbol (a report, or an official
    record as :func:`record_figures`) are shown to be different votes: their date or tallies
    conflict and neither agrees. A symbol is a key to trust only when nothing contradicts it or
    something confirms it; ``days`` is how far apart the dates may be."""
    verdicts = (days_apart_at_most(vote.get("date"), other.get("date"), days), tallies_agree(vote, other))
    return False in verdicts and True not in verdicts


def decode_report(row: Mapping) -> dict:
    """A ``vote_reports`` row as Python values: booleans, and ``vetoed_by`` as a list."""
    report = dict(row)
    report["vetoed_by"] = json.loads(report["vetoed_by"] or "[]")
    report["absent_derived"] = bool(report["absent_derived"])
    if report["adopted"] is not None:
        report["adopted"] = bool(report["adopted"])
    return report


def merge_reports(reports: Iterable[Mapping]) -> dict:
    """The vote as its (decoded) reports describe it together, reports taken in the order given.

    The date is the most precise one stated (a day beats a month; between two days, the
    first report's); resolution and subject are the first ones stated; each tally figure and
    ``adopted`` is the value most reports state (a tie goes to the earliest); ``vetoed_by``
    is every country any report names.
    """
    reports = list(reports)
    merged: dict = {"date": None, "resolution": None, "subject": None}
    for report in reports:
        stated = report["date"]
        if stated and (merged["date"] is None or len(stated) > len(merged["date"])):
            merged["date"] = stated
        for column in ("resolution", "subject"):
            if merged[column] is None and report[column]:
                merged[column] = report[column]
    for figure in (*TALLY_FIGURES, "adopted"):
        stated = [report[figure] for report in reports if report[figure] is not None]
        merged[figure] = Counter(stated).most_common(1)[0][0] if stated else None
    merged["vetoed_by"] = sorted({country for report in reports for country in report["vetoed_by"]})
    return merged


# A reported figure and the official total it corresponds to.
OFFICIAL_TOTALS = {"yes": "total_yes", "no": "total_no", "abstain": "total_abstentions", "absent": "total_non_voting"}


def record_figures(record: Mapping) -> dict:
    """An official record's date and totals under a report's names (``yes``, ``no``, …)."""
    return {"date": record["date"], **{figure: record[column] for figure, column in OFFICIAL_TOTALS.items()}}


def record_agreement(vote: Mapping, record: Mapping) -> int | None:
    """How many of a reported vote's yes/no/abstain figures equal an official record's totals, or
    None when they cannot be the same vote: fewer than two agree, or more than one differs.

    One differing figure is allowed so that an article's wrong tally still links to its record
    and the disagreement shows. "Did not vote" is left out: articles often derive it.
    """
    agreeing, conflicting = compare_tallies(vote, record_figures(record))
    return agreeing if agreeing >= 2 and conflicting <= 1 else None


# The UN Digital Library's titles end with the catalogue's words: " : resolution / adopted by …".
_CATALOGUE_SUFFIX = re.compile(r"\s*:\s*resolution\s*/\s*adopted by\b.*$", re.IGNORECASE)


def catalogue_title(title: str | None) -> str | None:
    """An official record's title without the catalogue's closing words."""
    return _CATALOGUE_SUFFIX.sub("", title) if title else title
