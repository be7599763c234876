"""Direct quotations: the quoted words of a text (:mod:`extraction.quote_marks`) and who said them
(:mod:`extraction.attribution`).

Quoted titles and names ("Saturday Night Live") that no cue reports anybody as saying are not
quotations, nor are markup attribute values (``id="..."``).
"""

from __future__ import annotations

import re

from extraction.attribution import SUBJECT_CUE, Attributor
from extraction.lexicon import TITLE_SMALL_WORDS
from extraction.models import Quote
from extraction.text import AnalyzedText

_WORD = re.compile(r"\w[\w’'-]*")


def _is_title(words: str) -> bool:
    """Capitalised words only ("Saturday Night Live", "Trainwreck"): a title or name."""
    tokens = _WORD.findall(words)
    return bool(tokens) and all(t[0].isupper() or t in TITLE_SMALL_WORDS or not t[0].isalpha() for t in tokens)


def quotes_in(text: AnalyzedText) -> list[Quote]:
    """Every direct quotation of an analysed text, with its speaker, sorted by start."""
    spans = [s for s in text.quotations if not text.text.endswith("=", 0, s.opening)]
    if not spans:
        return []
    quotes = Attributor(text, spans).quotes()
    return [q for q in quotes if q.cue not in (None, SUBJECT_CUE) or not _is_title(q.text)]


def extract_quotes(text: str) -> list[Quote]:
    """Every direct quotation of a cleaned text (see ``quotes_in``)."""
    return quotes_in(AnalyzedText(text))
