"""A source's title and publication date from its own words, when nobody gave them.

Given metadata (the moderator's options, a ``.meta.toml`` sidecar, an HTML page's own) always wins.
Otherwise the title is the headline on the text's first line, else words from its file name; the
date is a dateline's at the top of the text, else a ``YYYY-MM-DD`` in its file name. Each rule takes
only what plainly is a headline, a dateline or a descriptive name: no title is better than a wrong
one, and a dateline without a year ("UNITED NATIONS, Oct 27 (Reuters) -") gives no date, since
the year would be a guess.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import PurePath

from extraction.dates import find_date_phrases, resolve_date
from extraction.models import Document

HEADLINE_MAX_CHARACTERS = 150
HEADLINE_WORDS = range(2, 21)
# A line of the text's top with at least this many words, not opening on a dateline, is its body:
# no dateline is looked for below it.
BODY_LINE_WORDS = 8
TOP_LINES = 4
# Markdown around a headline: "# Title", "**Title**".
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+|^[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}$")
_FIRST_LINE = re.compile(r"(?P<line>[^\n]+)\n[ \t]*\n\s*\S")
_NOT_A_HEADLINE_END = tuple(".,;:…-–—")
_BYLINE = re.compile(r"^By\s", re.IGNORECASE)
# "UNITED NATIONS, 12 October 2022 (Reuters) -": a place, a date, perhaps an agency, then a dash. A
# place is a few capitalised words, perhaps with particles ("Rio de Janeiro"), and perhaps a country.
_PLACE = r"[A-Z][^\W\d_]*\.?(?:[ '’-](?:[A-Z][^\W\d_]*\.?|[a-z]{1,3})){0,3}"
_DATELINE = re.compile(
    rf"^{_PLACE}(?:,\s+{_PLACE})?,\s+(?P<date>[^()\n]{{3,30}}?)\s*(?:\([^()\n]{{1,30}}\)\s*)?(?:-{{1,2}}|–|—)\s"
)
# A line that is only a date: "12 October 2022", "Published: Wednesday, 12 October 2022, 10:14 BST".
_DATE_LINE = re.compile(
    r"^(?:(?:Published|Posted)(?:\s+on)?:?\s+)?(?:[A-Z][a-z]+day,?\s+)?(?P<date>.+?)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?$"
)
_FILE_NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_](\d{2})[-_](\d{2})(?!\d)")
_FILE_NAME_SEPARATORS = re.compile(r"[\s_.\-–—]+")
# Words that say nothing of what a file holds: "message.txt" (Discord's name for a long paste),
# "article-3.txt", "New Document (2).txt".
_GENERIC_FILE_WORDS = frozenset(
    "article articles copy doc document download draft file final index message new news page paste pasted "
    "post source story text untitled".split()
)
# A run of letters and digits of this length or more is an id or a hash, not a word.
_ID_LENGTH = 8


def with_found_metadata(document: Document, file_name: str | None = None) -> Document:
    """``document`` with the title and date its text (or ``file_name``) gives where it has none."""
    title = document.title
    if not title and document.media_type == "text/plain":  # an HTML page's first paragraph may be navigation
        title = headline(document.text)
    published = document.published or dateline_date(document.text)
    if file_name:
        title = title or file_name_title(file_name)
        published = published or file_name_date(file_name)
    return replace(document, title=title, published=published)


def headline(text: str) -> str | None:
    """The text's first line when it reads as a headline: followed by a blank line and more text,
    2 to 20 words, starting with a capital, a digit or a quotation mark, not all capitals, not
    ending like a sentence or a lead-in (a full stop, a colon, a comma…), not a byline or a date."""
    match = _FIRST_LINE.match(text)
    if match is None:
        return None
    line = _MARKDOWN_HEADING.sub("", match["line"].strip()).strip()
    words = line.split()
    if (
        len(words) not in HEADLINE_WORDS
        or len(line) > HEADLINE_MAX_CHARACTERS
        or line.rstrip("”’\"')").endswith(_NOT_A_HEADLINE_END)
        or not (line[0].isupper() or line[0].isdigit() or line[0] in "“‘\"'")
        or line.upper() == line
        or _BYLINE.match(line)
        or _top_line_date(line)
    ):
        return None
    return line


def dateline_date(text: str) -> str | None:
    """``YYYY-MM-DD`` from a dateline among the text's first lines: a line that is only a date
    ("12 October 2022"), or a body opening on a place and a date ("GENEVA, 12 October 2022 (AFP) —").
    None when the date has no year or day, or the text's body begins before any dateline."""
    for line in [line.strip() for line in text.splitlines() if line.strip()][:TOP_LINES]:
        found = _top_line_date(line)
        if found or len(line.split()) >= BODY_LINE_WORDS:
            return found
    return None


def _top_line_date(line: str) -> str | None:
    """The day a dateline or a date-only line gives; None for any other line."""
    match = _DATELINE.match(line) or _DATE_LINE.fullmatch(line)
    return _whole_date(match["date"]) if match else None


def _whole_date(phrase: str) -> str | None:
    """``YYYY-MM-DD`` when all of ``phrase`` is one date with its day and year."""
    phrase = phrase.strip()
    if [found for _, _, found in find_date_phrases(phrase)] != [phrase]:
        return None
    resolved = resolve_date(phrase, None)  # no publication date: nothing missing is guessed
    return resolved if resolved and len(resolved) == len("YYYY-MM-DD") else None


def file_name_title(file_name: str) -> str | None:
    """Words of a descriptive file name, as written: ``un-vote-ukraine.txt`` -> ``un vote ukraine``.

    None unless two words or more tell what the file holds (not ``message.txt``, ``article-3.txt``
    or ``IMG_2034.txt``), and for a name with an id or a hash in it."""
    stem = _FILE_NAME_DATE.sub(" ", PurePath(file_name).stem)
    words = [word for word in _FILE_NAME_SEPARATORS.split(stem) if word]
    telling = [word for word in words if word.isalpha() and word.casefold() not in _GENERIC_FILE_WORDS]
    if len(telling) < 2 or any(len(word) >= _ID_LENGTH and not word.isalpha() for word in words):
        return None
    return " ".join(words)


def file_name_date(file_name: str) -> str | None:
    """The ``YYYY-MM-DD`` (or ``YYYY_MM_DD``) day a file name holds, if it is a real day."""
    match = _FILE_NAME_DATE.search(PurePath(file_name).stem)
    try:
        return date(*map(int, match.groups())).isoformat() if match else None
    except ValueError:
        return None
