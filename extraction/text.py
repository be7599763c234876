"""The analysed text: one reading of a document that every extractor shares.

``AnalyzedText(text)`` gives the text's paragraphs, sentences, tokens, quotation spans, country
mentions and date phrases. Each is computed once, the first time an extractor asks for it, so a
reading only one extractor needs (tokens for attribution, date phrases for votes) costs nothing
when that extractor finds nothing to do. All offsets index ``text``.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from functools import cached_property
from itertools import accumulate

from extraction.bodies import Bodies, body_mentions, press_release_body
from extraction.countries import CountryMention, find_countries
from extraction.dates import find_date_phrases
from extraction.lexicon import POSSESSIVE_ENDINGS, without_possessive
from extraction.quote_marks import QuotationSpan, quotation_spans
from extraction.scanning import fold_case
from extraction.sentences import SentenceIndex, paragraph_spans, sentence_spans

_TOKEN = re.compile(r"\w+(?:[’'´\-.&]\w+)*|[^\w\s]")  # never holds whitespace
_SPLIT_AT_TOKENS = re.compile(f"({_TOKEN.pattern})")  # splits into spaces, token, spaces, ..., token, spaces
_WHITESPACE = re.compile(r"\s")
TOKENIZE_CHUNK = 1 << 18  # characters tokenized at once (cut at whitespace)


class Tokens:
    """A text's words and punctuation marks: their offsets (a compact array), the words (one string
    per distinct word), their lower case, which are capitalised; for each distinct word, its lower
    case without a possessive ending, and which are acronyms."""

    def __init__(self, text: str):
        self.starts = array("i")  # C ints: 4 bytes an offset
        self.words: list[str] = []
        vocabulary: dict[str, str] = {}
        chunk_start = 0
        while chunk_start < len(text):
            cut = _WHITESPACE.search(text, chunk_start + TOKENIZE_CHUNK)
            chunk_end = cut.start() if cut else len(text)
            pieces = _SPLIT_AT_TOKENS.split(text[chunk_start:chunk_end])
            # [chunk_start, start of word 0, its end, start of word 1, ..., end of the last word, chunk_end]
            bounds = array("i", accumulate(map(len, pieces), initial=chunk_start))
            self.starts.extend(bounds[1:-1:2])
            words = pieces[1::2]
            self.words.extend(map(vocabulary.setdefault, words, words))
            chunk_start = chunk_end
        lower = {word: word.lower() for word in vocabulary}
        self.lower = list(map(lower.__getitem__, self.words))
        possessives = {word: without_possessive(low) for word, low in lower.items() if low.endswith(POSSESSIVE_ENDINGS)}
        self.bare = lower | possessives  # word -> its lower case without a possessive ending
        self.lowercase_words = {word for word in vocabulary if word.islower()}
        capitalised = {word for word in vocabulary if word[0].isupper()}
        self.capitalised = bytearray(map(capitalised.__contains__, self.words))
        self.acronyms = {word for word in vocabulary if word.isupper() and len(word.replace(".", "")) > 1}  # "U.N."


class AnalyzedText:
    """One text and its readings, each made once, when first asked for."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return paragraph_spans(self.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.text, self.paragraphs)

    @cached_property
    def sentence_index(self) -> SentenceIndex:
        return SentenceIndex(self.sentences)

    @cached_property
    def quotations(self) -> list[QuotationSpan]:
        return quotation_spans(self.text, self.paragraphs)

    @cached_property
    def countries(self) -> list[CountryMention]:
        """Country mentions, in order, never overlapping."""
        return find_countries(self.text)

    @cached_property
    def date_phrases(self) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of every date phrase, in order."""
        return find_date_phrases(self.text)

    @cached_property
    def folded(self) -> str:
        """The text in lower case, every offset kept (:func:`extraction.scanning.fold_case`)."""
        return fold_case(self.text)

    @cached_property
    def press_release_body(self) -> str | None:
        """The body whose meeting the text covers, when it is a UN press release."""
        return press_release_body(self.text)

    @cached_property
    def bodies(self) -> Bodies:
        """The bodies the text names (:mod:`extraction.bodies`), found by offset."""
        return Bodies(body_mentions(self.text, self.folded, self.press_release_body), self.press_release_body)

    @cached_property
    def tokens(self) -> Tokens:
        return Tokens(self.text)

    @cached_property
    def token_sentences(self) -> array:
        """The index of the sentence of each token."""
        return self.sentence_index.indices_at(self.tokens.starts)

    @cached_property
    def country_tokens(self) -> bytearray:
        """1 for each token inside a country mention."""
        starts = self.tokens.starts
        mask = bytearray(len(starts))
        for mention in self.countries:
            first = bisect_left(starts, mention.start)
            last = bisect_left(starts, mention.end)
            mask[first:last] = b"\1" * (last - first)
        return mask
