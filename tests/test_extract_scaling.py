"""Extraction grows linearly with the text: four times the text, about four times the work.

The work is counted, not timed: the Python lines that extraction executes (a ``sys.settrace``
line count), which depends neither on the machine nor on its load. A scan over the whole text
(or over all its quotations, mentions or votes) for each quotation or piece makes the count
grow with the square of the length: 16 times for four times the text. Two texts: news stories,
and one endless sentence (no sentence ends) of quotations, vetoes and votes. And each whole-text
reading (paragraphs, sentences, tokens, quotations, countries, dates) is made once per document.
"""

from __future__ import annotations

import sys

import pytest

import extraction.countries
import extraction.dates
import extraction.quote_marks
import extraction.scanning
import extraction.sentences
import extraction.text
from extraction.extractor import extract
from extraction.models import Document

COUNTRIES = ("Chile", "Peru", "France", "Kenya", "Norway", "Brazil", "Japan", "Mexico", "Ghana", "Spain",
             "India", "Cuba", "Nepal", "Egypt", "Fiji", "Mali")
PEOPLE = ("Ana Ortiz", "Li Wei", "Omar Haddad", "Ruth Keller", "Tomas Berg", "Ines Duarte")
MAX_GROWTH = 6.0  # linear work gives 4; work per item that grows with the text gives 16


def article(number: int) -> str:
    """One short synthetic news story about a vote, different for each ``number``."""
    first, second, third, fourth = (COUNTRIES[(number * 3 + k) % len(COUNTRIES)] for k in range(4))
    speaker, other = PEOPLE[number % len(PEOPLE)], PEOPLE[(number + 2) % len(PEOPLE)]
    surname = speaker.split()[-1]
    yes, no, abstain = 100 + number % 60, 3 + number % 9, 20 + number % 30
    return (
        f"The General Assembly on Monday adopted resolution A/RES/{70 + number % 9}/{number} by a recorded "
        f"vote of {yes} in favour to {no} against, with {abstain} abstentions. {first}, {second} and "
        f"{third} voted against, while {fourth} abstained.\n\n"
        f"“This text number {number} is a step towards peace,” said {speaker}, the ambassador of {first}. "
        f"{surname} added that the vote was “long overdue” and that {second} would “keep working with "
        f"every delegation.”\n\n"
        f"{other}, the envoy of {third}, told reporters: “We regret that our amendment {number} was "
        f"rejected.” She said the outcome was “a missed chance for {fourth}.”\n\n"
    )


def clause(number: int) -> str:
    """A piece of a sentence that never ends: a veto, a vote and a quotation without a cue."""
    first, second = COUNTRIES[number % len(COUNTRIES)], COUNTRIES[(number + 5) % len(COUNTRIES)]
    return (f"{first} vetoed draft {number} in the Security Council, {second} voted against and "
            f"“no more war {number}” rang out, ")


def repeated(piece, length: int) -> str:
    """``piece(0)``, ``piece(1)``... until ``length`` characters."""
    pieces, total, number = [], 0, 0
    while total < length:
        pieces.append(piece(number))
        total += len(pieces[-1])
        number += 1
    return "".join(pieces)


def extract_watched(text: str, watch, install=sys.settrace) -> None:
    """Extract ``text`` (which holds quotations and votes) with ``watch`` installed as the trace
    function (``install=sys.setprofile``: as the profile function)."""
    document = Document(text=text, published="2024-03-04")
    extract(Document(text=article(0)))  # build the gazetteer before watching
    install(watch)
    try:
        result = extract(document)
    finally:
        install(None)
    assert result.quotes and result.votes


def lines_executed(text: str) -> int:
    """Python lines executed to extract ``text``, extraction's own code and the libraries it calls."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return trace

    extract_watched(text, trace)
    return count


@pytest.mark.parametrize(("piece", "length"), [(article, 40_000), (clause, 10_000)],
                         ids=["stories", "one-sentence"])
def test_extraction_work_grows_linearly(piece, length):
    small = lines_executed(repeated(piece, length))
    large = lines_executed(repeated(piece, 4 * length))
    assert large / small < MAX_GROWTH, f"4x the text cost {large / small:.1f}x the work"


# The whole-text readings of extraction.text.AnalyzedText, each of which one extraction makes once.
WHOLE_TEXT_READINGS = {
    "paragraphs": extraction.sentences.paragraph_spans,
    "sentences": extraction.sentences.sentence_spans,
    "tokens": extraction.text.Tokens.__init__,
    "quotations": extraction.quote_marks.quotation_spans,
    "countries": extraction.countries.find_countries,
    "dates": extraction.dates.find_date_phrases,
    "case folding": extraction.scanning.fold_case,
}


def test_each_whole_text_reading_is_made_once_per_document():
    readings = {function.__code__: name for name, function in WHOLE_TEXT_READINGS.items()}
    made = dict.fromkeys(WHOLE_TEXT_READINGS, 0)

    def count(frame, event, arg):
        if event == "call" and frame.f_code in readings:
            made[readings[frame.f_code]] += 1

    extract_watched(article(1) + article(2), count, install=sys.setprofile)
    assert made == dict.fromkeys(WHOLE_TEXT_READINGS, 1)
