"""Paragraph and sentence boundaries as ``(start, end)`` character spans.

Rule-based: paragraphs are separated by blank lines (or by single line breaks when a text
has no blank line); a sentence ends at ``.``, ``!`` or ``?`` (plus any closing quotation marks
or brackets) followed by a space and a capital, digit or opening mark, unless the period ends
a known abbreviation ("Sen.", "U.S.": ``extraction.lexicon.ABBREVIATIONS``) or an initial
("Donald J. Trump"). ``SentenceIndex`` finds the sentence of an offset.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from extraction.lexicon import is_abbreviation

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_SENTENCE_END = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")
_WORD_BEFORE_PERIOD = re.compile(r"([\w.]+)\.*[”’\"')\]]*$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    spans, start = [], 0
    for brk in breaks.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _ends_abbreviation(text: str, period: int) -> bool:
    """Whether the period at ``period`` closes an abbreviation or an initial."""
    match = _WORD_BEFORE_PERIOD.search(text, max(0, period - 12), period + 1)
    if match is None:
        return False
    return is_abbreviation(match.group(1).lower().rstrip("."))


def sentence_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never crossing a paragraph boundary; ``paragraphs``: the
    text's ``paragraph_spans`` when the caller has them."""
    spans = []
    for para_start, para_end in paragraph_spans(text) if paragraphs is None else paragraphs:
        start = para_start
        for end in _SENTENCE_END.finditer(text, para_start, para_end):
            if text[end.start()] == "." and end.group().startswith(".") and len(end.group().rstrip("”’\"')]")) == 1:
                if _ends_abbreviation(text, end.start()):
                    continue
            spans.append((start, end.end()))
            start = end.end()
            while start < para_end and text[start].isspace():
                start += 1
        if start < para_end:
            spans.append((start, para_end))
    return spans


class SentenceIndex:
    """Sentence lookup by character offset."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans  # from ``sentence_spans``
        self._starts = [s for s, _ in spans]

    def index_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the last one starting before it)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def indices_at(self, offsets: Sequence[int]) -> array:
        """``index_at`` of each of the ascending ``offsets``, in one pass."""
        indices = array("i")
        for index in range(1, len(self._starts)):
            first_after = bisect_left(offsets, self._starts[index])  # offsets before sentence ``index``
            indices.extend(array("i", [index - 1]) * (first_after - len(indices)))
        indices.extend(array("i", [max(0, len(self._starts) - 1)]) * (len(offsets) - len(indices)))
        return indices
