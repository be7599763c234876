"""Whole-text regex scans made fast: a pattern is tried only where a cheap finder says a match
may start.

A pattern that opens with ``\\b`` or ignores case makes Python's ``re`` try it at every offset,
slowly. A *finder* consumes one character, from a set that ``re`` skips to quickly (a character
class, or single characters in alternation), and looks ahead for the rest: every offset where the
pattern can match is an offset where its finder matches (more are allowed). For a pattern that
ignores case, the finder runs over :func:`fold_case` of the text, in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The only characters besides ASCII letters that match an ASCII letter when case is ignored.
_ASCII_LETTER_TWINS = {"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"}


def fold_case(text: str) -> str:
    """``text`` in lower case, each character that matches an ASCII letter when case is ignored
    being that letter, with the offsets of ``text`` ("İ" is the one character whose lower case
    is longer)."""
    for twin, letter in _ASCII_LETTER_TWINS.items():
        text = text.replace(twin, letter)
    return text.lower()


def finditer_where(
    pattern: re.Pattern, text: str, finder: re.Pattern, finder_text: str | None = None
) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern that never matches the empty string, trying it only
    where ``finder`` matches ``finder_text`` (``text`` by default)."""
    searched_to = 0  # like finditer, a match starts where the last one ended or later
    for found in finder.finditer(text if finder_text is None else finder_text):
        if found.start() >= searched_to and (match := pattern.match(text, found.start())):
            yield match
            searched_to = match.end()
