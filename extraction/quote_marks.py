"""Quotation spans: the quoted words of a text, found by pairing its quotation marks.

Marks are paired within paragraphs:
- double marks (“ ” „ « », straight " and typewriter '') delimit quotations; single marks (‘ ’ ‚ ') inside
  them are nested quotations; low marks may close with a high one („…“, ‚…‘) and guillemets pair both
  ways («…», »…«); apostrophes (country’s, ’90s, rock ’n’ roll, and the acute accent of Russia´s) are
  never marks;
- an opening “ left unclosed may be closed by a mismatched ’ right after sentence punctuation
  ("...nations.’"); otherwise, when the next paragraph reopens with a mark, the quotation runs on
  over that paragraph (one quotation, its text holding the break and the reopening mark); when it
  does not, the quotation stops at the end of its paragraph;
- a text that uses no double marks at all is read as using single marks for quotations, and so
  is a headline (a short paragraph of capitalised words without a sentence end), where quotations
  take single marks whatever the text uses: "Minister Calls Vote ‘A Turning Point’".
The quoted text is everything between the marks (a comma before the closing mark included, as
in ``"...," he said``), without the marks and surrounding spaces.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

DOUBLE_OPEN = ("“", "„", "«")
DOUBLE_CLOSE = ("”", "»")
STRAIGHT_DOUBLE = ('"', "''")  # '' is the double mark of some archives (typewriter style)
SINGLE_OPEN = "‘"
LOW_SINGLE_OPEN = "‚"
SINGLE_OPENERS = (SINGLE_OPEN, LOW_SINGLE_OPEN)
SINGLE_CLOSE = "’"
STRAIGHT_SINGLE = "'"
REVERSED_GUILLEMET = "»"  # opens a quotation closed by « (German style)
# Marks that close a quotation only after a given opening mark: „…“, ‚…‘, »…«.
CLOSED_ALSO_BY = {"„": "“", LOW_SINGLE_OPEN: SINGLE_OPEN, REVERSED_GUILLEMET: "«"}
_MARK = re.compile(r"'''|''|[“„«”»\"‘’‚']")
_DOUBLE_MARK = re.compile(r"''|[“„«”»\"]")
_BEFORE_OPENING = set("([{—–-/“„«»‘‚")
_AFTER_CLOSING = set(".,;:!?)]}—–-…”»’")
_SENTENCE_PUNCTUATION = set(".!?,;…")
_DECADE = re.compile(r"\d\ds?\b")
_SENTENCE_BREAK = re.compile(r"[.!?…][”’\"']*\s")
_WORD = re.compile(r"[^\W\d_][\w’'´-]*")
_SINGLE_OPENING = re.compile(r"[‘‚']")
_ENDS_SENTENCE = re.compile(r"[.!?…][”’\"')\]]*\s*$")
MAX_HEADLINE_WORDS = 30


@dataclass
class QuotationSpan:
    """Where a quotation's words are: ``start``/``end`` of the words, ``opening`` mark offset."""

    opening: int
    start: int
    end: int


def _neighbours(text: str, i: int, width: int) -> tuple[str, str]:
    """The characters right before and right after the mark ``text[i:i+width]``."""
    return (text[i - 1] if i else " "), (text[i + width] if i + width < len(text) else " ")


def _opens(text: str, i: int, width: int = 1) -> bool:
    """A straight mark leaning on the word after it (left-flanking)."""
    before, after = _neighbours(text, i, width)
    return (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()


def _closes(text: str, i: int, width: int = 1) -> bool:
    """A mark leaning on the word before it (right-flanking)."""
    before, after = _neighbours(text, i, width)
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)


def _closes_after(opening_mark: str, mark: str, closers: tuple[str, ...]) -> bool:
    """Whether ``mark`` closes what ``opening_mark`` opened: one of ``closers``, or the low or
    reversed mark's own partner (see ``CLOSED_ALSO_BY``)."""
    return mark in closers or mark == CLOSED_ALSO_BY.get(opening_mark)


def is_headline(text: str) -> bool:
    """A headline: a short paragraph, most of its longer words capitalised, no sentence end."""
    words = _WORD.findall(text)
    long_words = [word for word in words if len(word) > 3]
    return (
        2 <= len(long_words)
        and len(words) <= MAX_HEADLINE_WORDS
        and sum(word[0].isupper() for word in long_words) > 0.75 * len(long_words)
        and _ENDS_SENTENCE.search(text) is None
    )


def _is_apostrophe(text: str, i: int) -> bool:
    """country’s, don't, ’90s: a mark between letters or before a decade."""
    before, after = _neighbours(text, i, 1)
    return (before.isalnum() and after.isalnum()) or _DECADE.match(text, i + 1) is not None


class _Scanner:
    """Pairs quotation marks paragraph by paragraph (see the module docstring), given the text's
    paragraph spans."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]):
        self.text = text
        self.paragraphs = paragraphs
        self._para_starts = [s for s, _ in self.paragraphs]
        self.single_style = _DOUBLE_MARK.search(text) is None
        self._headlines = set() if self.single_style else {
            k for k, (start, end) in enumerate(paragraphs)
            if _SINGLE_OPENING.search(text, start, end) and is_headline(text[start:end])
        }  # paragraphs where single marks open quotations
        self.spans: list[QuotationSpan] = []
        self._reset()

    def _reset(self) -> None:
        self.opening: int | None = None
        self.single_marked = False  # the open quotation opened with a single mark
        self.start = 0
        self.paragraph = -1
        self.nested: list[str] = []  # opening marks of the open nested quotations
        self.candidates: list[int] = []  # mismatched single closing marks after punctuation

    def _paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._para_starts, offset) - 1)

    def _emit(self, end: int) -> None:
        self.spans.append(QuotationSpan(self.opening, self.start, end))
        self._reset()

    def _close_unpaired(self, limit: int) -> None:
        """End an open quotation whose closing mark never came, before offset ``limit`` (a
        headline's is no quotation)."""
        if self.single_marked and not self.single_style:  # in a headline
            self._reset()
            return
        if self.candidates:
            self._emit(self.candidates[0])
            return
        para_end = self.paragraphs[self.paragraph][1]
        if limit >= para_end:
            self._emit(para_end)
            return
        last_break = None
        for brk in _SENTENCE_BREAK.finditer(self.text, self.start, limit):
            last_break = brk
        self._emit(last_break.start() + 1 if last_break else limit)

    def _continues(self, i: int, mark: str, paragraph: int) -> bool:
        """Whether the mark at ``i`` reopens the open quotation in the next paragraph."""
        if paragraph != self.paragraph + 1 or self.candidates or i != self.paragraphs[paragraph][0]:
            return False
        if self.single_marked and not self.single_style:  # a headline's
            return False
        if self.single_style:
            return mark in SINGLE_OPENERS or mark == STRAIGHT_SINGLE
        return mark in DOUBLE_OPEN or mark in STRAIGHT_DOUBLE or mark == self.text[self.opening] == REVERSED_GUILLEMET

    def scan(self) -> list[QuotationSpan]:
        for match in _MARK.finditer(self.text):
            i, mark = match.start(), match.group()
            paragraph = self._paragraph_of(i)
            if self.opening is not None and paragraph != self.paragraph:
                if self._continues(i, mark, paragraph):
                    self.paragraph = paragraph
                    continue
                self._close_unpaired(self.paragraphs[self.paragraph][1])
            if mark == "'''":  # a nested straight mark beside a typewriter double mark
                self._triple(i, paragraph)
            elif self.opening is None:
                self._at_top_level(i, mark, paragraph)
            elif self.single_marked:
                self._in_single_quotation(i, mark)
            else:
                self._in_double_quotation(i, mark, paragraph)
        if self.opening is not None:
            self._close_unpaired(len(self.text))
        return self.spans

    def _open(self, i: int, mark: str, paragraph: int) -> None:
        self.opening, self.start, self.paragraph = i, i + len(mark), paragraph
        self.single_marked = mark in SINGLE_OPENERS or mark == STRAIGHT_SINGLE

    def _triple(self, i: int, paragraph: int) -> None:
        """''' opens a quotation and a nested one, or closes a nested one and the quotation."""
        if self.opening is None:
            if _opens(self.text, i, 3):
                self._open(i, "''", paragraph)
                self.nested = [STRAIGHT_SINGLE]
        elif self.nested:
            self._emit(i + 1)
        else:
            self._emit(i)

    def _at_top_level(self, i: int, mark: str, paragraph: int) -> None:
        if self.single_style or (paragraph in self._headlines and mark not in DOUBLE_OPEN + DOUBLE_CLOSE
                                 and mark not in STRAIGHT_DOUBLE):
            if mark in SINGLE_OPENERS or (mark == STRAIGHT_SINGLE and _opens(self.text, i)):
                if not _is_apostrophe(self.text, i):
                    self._open(i, mark, paragraph)
        elif mark in DOUBLE_OPEN or (mark == REVERSED_GUILLEMET and _opens(self.text, i)):
            self._open(i, mark, paragraph)
        elif mark in STRAIGHT_DOUBLE and (_opens(self.text, i, len(mark)) or not _closes(self.text, i, len(mark))):
            self._open(i, mark, paragraph)

    def _in_double_quotation(self, i: int, mark: str, paragraph: int) -> None:
        if _closes_after(self.text[self.opening], mark, DOUBLE_CLOSE + STRAIGHT_DOUBLE):
            self._emit(i)
        elif mark in DOUBLE_OPEN:
            self._close_unpaired(i)
            self._open(i, mark, paragraph)
        elif _is_apostrophe(self.text, i):
            return
        elif self.nested and mark == CLOSED_ALSO_BY.get(self.nested[-1]):
            self.nested.pop()
        elif mark in SINGLE_OPENERS or (mark == STRAIGHT_SINGLE and _opens(self.text, i)):
            self.nested.append(mark)
        elif self.nested:
            self.nested.pop()
        elif i and self.text[i - 1] in _SENTENCE_PUNCTUATION and mark == SINGLE_CLOSE:
            self.candidates.append(i)

    def _in_single_quotation(self, i: int, mark: str) -> None:
        closing = _closes_after(self.text[self.opening], mark, (SINGLE_CLOSE, STRAIGHT_SINGLE))
        if closing and not _is_apostrophe(self.text, i) and _closes(self.text, i):
            self._emit(i)


def quotation_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotationSpan]:
    """Every quotation of ``text`` with its words trimmed (see the module docstring), given the
    text's ``paragraph_spans``."""
    spans = []
    for span in _Scanner(text, paragraphs).scan():
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(QuotationSpan(span.opening, start, end))
    return spans
