"""Readings of a whole text that both extractors use, made once per text.

Each is one pass over the text: sentence spans, country mentions and quotation spans. ``extract``
makes them once and hands them to both extractors; an extractor called alone makes its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from extraction.countries import CountryMention, find_countries
from extraction.sentences import sentence_spans

if TYPE_CHECKING:
    from extraction.quotes import QuotationSpan


@dataclass(frozen=True)
class TextAnalysis:
    """Sentence spans, country mentions and quotation spans of one text, in text order."""

    sentences: list[tuple[int, int]]
    countries: list[CountryMention]
    quotations: list[QuotationSpan]

    @classmethod
    def of(cls, text: str) -> TextAnalysis:
        from extraction.quotes import quotation_spans  # quotes imports what imports this module

        return cls(sentence_spans(text), find_countries(text), quotation_spans(text))
