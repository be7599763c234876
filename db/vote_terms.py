"""What people type to find a vote, read as terms, and how well a vote matches them.

A term is a date or part of one ("12 October 2022", "Oct", "2022-10-12"), a tally ("143"), a veto
("vetoed"), a body ("General Assembly", "UNSC") or words of a symbol, subject or title. A term may
be read more than one way ("2019": a year, or a word of S/RES/2466(2019)); a vote matches it when
one reading fits. Words match stemmed ("annexation" finds "annexed" and "annex"), and the last
word typed also as a prefix, since it may not be finished.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, Union

from db.names import name_key
from reference.vocabulary import BODY_NAMES, body_name

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "oct": 10, "nov": 11, "dec": 12}
# A month being typed is recognised from this many letters ("Oct", "Sep").
MONTH_PREFIX = 3
FIRST_YEAR, LAST_YEAR = 1945, 2100
# No UN body has more members than this: a larger number is no tally.
MAX_TALLY = 200
VETO_WORDS = frozenset({"veto", "vetoed", "vetoes", "vetoing", "vetos"})
# Words left out when other words remain: every vote is a UN vote.
STOP_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "un",
                        "vote", "votes", "voted"})
MAX_TERMS = 12
# Suffixes a typed word is stemmed of (the longest first), keeping at least MIN_STEM letters.
SUFFIXES = sorted(("ational", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ions", "ion",
                   "ities", "ity", "ies", "ied", "ed", "es", "s", "ly", "al", "ive", "ous", "ence",
                   "ance", "ent", "ant", "ic", "y", "e"), key=len, reverse=True)
MIN_STEM = 4
WORD = re.compile(r"[^\W_]+")
DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
TALLY_RUN = re.compile(r"\d+(?:[–—-]\d+)+")  # 143–5–35, as suggestions print a tally
PUNCTUATION = ".,;:!?()[]{}\"'“”‘’"

# How well a reading fits (lower is better): a date, tally, veto or body; a whole word of the
# vote's own text (symbol, subject, title, body name); a stemmed or partial word of it; words of
# the title of a source that reports it; a word the title index found that this reading cannot see.
EXACT, WHOLE_WORD, PART_WORD, CITED, INDEXED = range(5)


@dataclass(frozen=True)
class Words:
    """Words to find together, in this order; ``prefix``: the last one may be unfinished."""

    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Date:
    """A date or part of one: ``year`` "2022", ``month`` "10", ``day`` "12"."""

    year: str | None = None
    month: str | None = None
    day: str | None = None


@dataclass(frozen=True)
class Tally:
    """A number of votes for, against, abstaining or absent."""

    count: int


@dataclass(frozen=True)
class Body:
    """A body by its code (``UNGA``)."""

    code: str


@dataclass(frozen=True)
class Veto:
    """A vetoed vote."""


Reading = Union[Words, Date, Tally, Body, Veto]


@dataclass(frozen=True)
class Term:
    """Something typed, and the ways it may be read (the likeliest first)."""

    readings: tuple[Reading, ...]
    stop: bool = False


@dataclass
class VoteText:
    """What a vote can be found by: its bodies, dates, tallies and veto, its own texts (symbols,
    subjects or titles) and those of the sources that report it, and its place in a newest-first
    order. Texts are read into words only when a term looks for words."""

    newest: tuple
    bodies: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    tallies: set[int] = field(default_factory=set)
    vetoed: bool = False
    own_texts: list[str | None] = field(default_factory=list)
    cited_texts: list[str | None] = field(default_factory=list)

    @functools.cached_property
    def own(self) -> list[str]:
        """Its own texts and its bodies' names, as matched."""
        return [*map(folded, self.own_texts), *(text for code in self.bodies for text in body_texts(code))]

    @functools.cached_property
    def cited(self) -> list[str]:
        """The titles of the sources that report it, as matched."""
        return list(map(folded, self.cited_texts))


def folded(text: str | None) -> str:
    """A text as it is matched: case folded, accents stripped."""
    if not text:
        return ""
    return text.casefold() if text.isascii() else name_key(text)


def words_of(text: str | None) -> list[str]:
    """A text's words, as matched."""
    return WORD.findall(folded(text))


@functools.cache
def body_texts(code: str) -> tuple[str, ...]:
    """The names a body goes by, as matched: its code and its name."""
    return folded(code), folded(body_name(code))


def stem(word: str) -> str:
    """``word`` without its ending ("annexation" -> "annex"), at least MIN_STEM letters kept."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


# Bodies by the words that name them: the code, or the whole name without "UN"; the longest first.
BODY_PHRASES = sorted(
    ((phrase, code) for code, name in BODY_NAMES.items()
     for phrase in (tuple(words_of(code)), tuple(word for word in words_of(name) if word != "un"))),
    key=lambda item: len(item[0]), reverse=True,
)


def parse_terms(text: str) -> list[Term]:
    """The terms of a typed description of a vote, at most MAX_TERMS; stop words only when
    nothing else is typed."""
    pieces = _pieces(text)
    terms, index = [], 0
    while index < len(pieces) and len(terms) < MAX_TERMS:
        term, used = _body(pieces, index) or _date(pieces, index) or _single(pieces, index)
        if term:
            terms.append(term)
        index += used
    meaningful = [term for term in terms if not term.stop]
    return meaningful or terms


def _pieces(text: str) -> list[str]:
    """Whitespace-separated pieces, a printed tally ("143–5–35") as its numbers."""
    pieces = []
    for piece in text.split():
        printed_tally = TALLY_RUN.fullmatch(piece) and not ISO_DATE.fullmatch(piece)
        pieces.extend(re.split(r"[–—-]", piece) if printed_tally else [piece])
    return pieces


def _clean(piece: str) -> str:
    """A piece without the punctuation around it, case folded ("2022," -> "2022")."""
    return piece.strip(PUNCTUATION).casefold()


def _body(pieces: Sequence[str], index: int) -> tuple[Term, int] | None:
    """A body named from ``index`` on: its code or its whole name."""
    for phrase, code in BODY_PHRASES:
        if tuple(_clean(piece) for piece in pieces[index : index + len(phrase)]) == phrase:
            return Term((Body(code),)), len(phrase)
    return None


def _month(piece: str, last: bool) -> tuple[int, bool] | None:
    """The month a piece names, and whether it might be a word being typed instead ("dec")."""
    word = _clean(piece)
    if word in MONTHS:
        return MONTHS.index(word) + 1, False
    if word in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[word], last
    if last and len(word) >= MONTH_PREFIX and word.isalpha():
        months = [number for number, name in enumerate(MONTHS, start=1) if name.startswith(word)]
        if len(months) == 1:
            return months[0], True
    return None


def _day(piece: str) -> str | None:
    """The day of the month a piece may be ("12", "12th" -> "12")."""
    match = DAY.fullmatch(_clean(piece))
    return f"{int(match[1]):02d}" if match and 1 <= int(match[1]) <= 31 else None


def _year(piece: str) -> str | None:
    """The year a piece may be ("2022")."""
    word = _clean(piece)
    return word if len(word) == 4 and word.isdecimal() and FIRST_YEAR <= int(word) <= LAST_YEAR else None


def _date(pieces: Sequence[str], index: int) -> tuple[Term, int] | None:
    """A date from ``index`` on: "2022-10-12", "12 October 2022", "October 12, 2022", "Oct 2022",
    "Oct"."""
    if iso := ISO_DATE.fullmatch(_clean(pieces[index])):
        return Term((Date(*iso.groups()),)), 1
    following = index + 1
    day_first = following < len(pieces) and _month(pieces[following], following == len(pieces) - 1)
    day = _day(pieces[index]) if day_first else None
    at = index + (day is not None)
    month = _month(pieces[at], last=at == len(pieces) - 1)
    if month is None:
        return None
    end = at + 1
    if day is None and end < len(pieces) and not _year(pieces[end]) and (day := _day(pieces[end])):
        end += 1
    year = _year(pieces[end]) if end < len(pieces) else None
    end += year is not None
    date = Date(year, f"{month[0]:02d}", day)
    readings = (date, Words(tuple(words_of(pieces[at])), prefix=True)) if month[1] and end == index + 1 else (date,)
    return Term(readings), end - index


def _single(pieces: Sequence[str], index: int) -> tuple[Term | None, int]:
    """One piece: a year, a tally, a veto, a stop word or words."""
    piece, last = pieces[index], index == len(pieces) - 1
    words = Words(tuple(words_of(piece)), prefix=last)
    if not words.tokens:
        return None, 1
    word = _clean(piece)
    if year := _year(piece):
        return Term((Date(year=year), words)), 1
    if word.isdecimal() and int(word) <= MAX_TALLY:
        return Term((Tally(int(word)), words)), 1
    if word in VETO_WORDS:
        return Term((Veto(), words)), 1
    return Term((words,), stop=word in STOP_WORDS), 1


# ---------------------------------------------------------------- matching
def match_quality(terms: Sequence[Term], text: VoteText, *, strict: bool = True) -> int | None:
    """How well a vote matches every term (lower is better): the sum of each term's best reading.
    None when a term fits no reading; unless ``strict``, such a term counts as found by the index."""
    total = 0
    for term in terms:
        quality = _term_quality(term, text)
        if quality is None and strict:
            return None
        total += INDEXED if quality is None else quality
    return total


def _term_quality(term: Term, text: VoteText) -> int | None:
    """The best fit of any reading of the term (the first exact one ends the search)."""
    best = None
    for reading in term.readings:
        quality = _reading_quality(reading, text)
        if quality is not None and (best is None or quality < best):
            best = quality
        if best == EXACT:
            break
    return best


T = TypeVar("T")


def ranked(found: Iterable[tuple[T, VoteText]], terms: Sequence[Term], *, strict: bool = True) -> list[T]:
    """The votes matching every term, best match first, then newest first."""
    scored = [(quality, text.newest, item) for item, text in found
              if (quality := match_quality(terms, text, strict=strict)) is not None]
    scored.sort(key=lambda entry: entry[1], reverse=True)
    scored.sort(key=lambda entry: entry[0])
    return [item for _, _, item in scored]


def _reading_quality(reading: Reading, text: VoteText) -> int | None:
    """How well one reading fits the vote; None when it does not."""
    if isinstance(reading, Body):
        return EXACT if reading.code in text.bodies else None
    if isinstance(reading, Date):
        return min((quality for day in text.dates if (quality := _date_quality(reading, day)) is not None),
                   default=None)
    if isinstance(reading, Tally):
        return EXACT if reading.count in text.tallies else None
    if isinstance(reading, Veto):
        return EXACT if text.vetoed else None
    own = _phrase_quality(reading, text.own)
    if own is not None:
        return own
    return CITED if _phrase_quality(reading, text.cited) is not None else None


def _date_quality(wanted: Date, day: str) -> int | None:
    """Whether a stored date (``YYYY-MM-DD`` or ``YYYY-MM``) is the date asked for: exactly, or
    (as good as part of a word) a month-only date in the month of the day asked for."""
    year, month, rest = day[:4], day[5:7], day[8:10]
    if (wanted.year and wanted.year != year) or (wanted.month and wanted.month != month):
        return None
    if wanted.day and wanted.day != rest:
        return PART_WORD if not rest else None
    return EXACT


def _phrase_quality(words: Words, texts: Iterable[str]) -> int | None:
    """How well the words, in order and side by side, fit any of the texts: as whole words, or
    by their stems (an unfinished last word: by its beginning, however it ends)."""
    whole, stems = _patterns(words)
    if not words.prefix and any(whole.search(text) for text in texts):
        return WHOLE_WORD
    return PART_WORD if any(stems.search(text) for text in texts) else None


# Around and between the words of a pattern: not a letter or digit, one or more.
WORD_EDGE, WORD_GAP = r"(?<![^\W_])", r"[\W_]+"


@functools.lru_cache(maxsize=256)
def _patterns(words: Words) -> tuple[re.Pattern, re.Pattern]:
    """Patterns finding the words side by side in a :func:`folded` text: as they are, and as words
    beginning with their stems (a short word that is not unfinished: as it is)."""
    stems = []
    for index, token in enumerate(words.tokens):
        unfinished = words.prefix and index == len(words.tokens) - 1
        root = stem(token) if len(token) >= MIN_STEM else token if unfinished else None
        stems.append(re.escape(root) + r"[^\W_]*" if root else re.escape(token))
    whole = WORD_GAP.join(map(re.escape, words.tokens))
    end = r"(?![^\W_])"
    return re.compile(WORD_EDGE + whole + end), re.compile(WORD_EDGE + WORD_GAP.join(stems) + end)
