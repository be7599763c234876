"""Date phrases in news text, resolved against the publication date.

Precision follows :class:`extraction.models.Vote`: ``YYYY-MM-DD`` or ``YYYY-MM``. A phrase
that needs the publication date ("Wednesday", "last month", "Oct. 12") resolves to None
without one, and so does one too vague for a month ("last year"); nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from extraction.lexicon import MONTHS, WEEKDAY_NAMES, WEEKDAYS
from extraction.scanning import finditer_where

_SAME_DAY = frozenset({"today", "tonight", "morning", "afternoon", "evening"})  # "this morning"

_MONTH_WORDS = "|".join(sorted((name.capitalize() for name in MONTHS), key=len, reverse=True))
_MONTH = rf"(?P<month>(?:{_MONTH_WORDS})\b\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

# Each pattern is tried on its own (group names repeat); the longest phrase wins.
_PATTERNS = [
    re.compile(pattern)
    for pattern in (
        r"\b(?P<year>\d{4})-(?P<month_number>\d\d)-(?P<day>\d\d)\b",
        rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR}\b)?",
        rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
        rf"\b{_MONTH}\s+{_YEAR}\b",
        # A bare month needs a preposition: "in May", not the verb "may".
        rf"\b(?:[Ii]n|[Ss]ince|[Ll]ast|[Ee]arly|[Ll]ate|[Mm]id-?)\s+{_MONTH}(?!\s*\d)",
        rf"\b(?:(?P<last>[Ll]ast)\s+|[Oo]n\s+)?(?P<weekday>{'|'.join(WEEKDAY_NAMES)})\b",
        r"\b(?P<relative>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|(?:[Ee]arlier\s+)?[Tt]his\s+"
        r"(?:month|year|week|morning|afternoon|evening)|[Ll]ast\s+(?:month|year|week))\b",
    )
]
_MONTH_INITIAL = "[" + "".join(sorted({name[0] for name in _MONTH_WORDS.split("|")})) + "]"
_WEEKDAY_INITIAL = "[" + "".join(sorted({name[0] for name in WEEKDAY_NAMES})) + "]"
_WORD_START = r"(?<!\w.)"  # after a first character that is a word character: \b before it
# A finder for each pattern (see extraction.scanning), in the same order.
_FINDERS = [
    re.compile(finder)
    for finder in (
        r"\d(?=\d{3}-\d\d-\d\d)",
        rf"\d(?=\d?(?:st|nd|rd|th)?\s+{_MONTH_INITIAL})",
        rf"{_MONTH_INITIAL}{_WORD_START}(?=[a-z]*\.?\s+\d)",
        rf"{_MONTH_INITIAL}{_WORD_START}(?=[a-z]*\.?\s+\d)",
        rf"[IiSsLlEeMm]{_WORD_START}(?=[a-z]*-?\s+{_MONTH_INITIAL})",
        rf"[LlOo{_WEEKDAY_INITIAL[1:-1]}]{_WORD_START}(?=[a-z]*\s+{_WEEKDAY_INITIAL}[a-z]*day|[a-z]*day)",
        rf"[YyTtEeLl]{_WORD_START}(?=esterday|o(?:day|night|morrow)|arlier\s|his\s|ast\s)",
    )
]


def find_date_phrases(text: str) -> list[tuple[int, int, str]]:
    """Every date phrase in ``text`` as (start, end, phrase), in order, non-overlapping."""
    found = sorted(
        (match.start(), -match.end(), match.group())
        for pattern, finder in zip(_PATTERNS, _FINDERS, strict=True)
        for match in finditer_where(pattern, text, finder)
    )
    phrases: list[tuple[int, int, str]] = []
    for start, negative_end, phrase in found:
        if phrases and start < phrases[-1][1]:
            continue
        phrases.append((start, -negative_end, phrase))
    return phrases


def _published_date(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except (TypeError, ValueError):
        return None


def _month_before(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve_date(phrase: str, published: str | None) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY-MM`` for a date phrase, or None when it cannot be resolved."""
    if not isinstance(phrase, str):
        return None
    base = _published_date(published)
    for pattern in _PATTERNS:
        match = pattern.fullmatch(phrase.strip())
        if match:
            return _resolve_match(match.groupdict(), base)
    return None


def _resolve_match(groups: dict, base: dt.date | None) -> str | None:
    if groups.get("relative"):
        return _resolve_relative(groups["relative"].lower().split(), base)
    if groups.get("weekday"):
        return _resolve_weekday(groups["weekday"], bool(groups.get("last")), base)
    month = int(groups["month_number"]) if groups.get("month_number") else MONTHS.get(
        (groups.get("month") or "").rstrip(".").lower()
    )
    if not month or not 1 <= month <= 12:
        return None
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else _latest_year(month, day, base)
    if year is None:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve_weekday(weekday: str, last: bool, base: dt.date | None) -> str | None:
    """The most recent such weekday on or before publication ("last Monday": before it)."""
    if base is None:
        return None
    days_back = (base.weekday() - WEEKDAYS[weekday.lower()]) % 7
    if last and days_back == 0:
        days_back = 7
    return (base - dt.timedelta(days=days_back)).isoformat()


def _latest_year(month: int, day: int | None, base: dt.date | None) -> int | None:
    """The year of the most recent such month (and day) on or before publication."""
    if base is None:
        return None
    latest = (base.month, base.day) if day else (base.month,)
    return base.year - 1 if ((month, day) if day else (month,)) > latest else base.year


def _resolve_relative(words: list[str], base: dt.date | None) -> str | None:
    if base is None:
        return None
    if words == ["yesterday"]:
        return (base - dt.timedelta(days=1)).isoformat()
    if words[-1] in _SAME_DAY:
        return base.isoformat()
    if words == ["tomorrow"]:
        return (base + dt.timedelta(days=1)).isoformat()
    if words[-1] == "month":
        return _month_before(base, 1 if words[0] == "last" else 0)
    return None  # "last year", "last week", "this year": coarser than a month
