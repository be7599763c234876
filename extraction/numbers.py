"""Cardinal numbers written in figures or English words ("143", "1,000", "Thirty-five")."""

from __future__ import annotations

import re

from text_to_num import text2num

_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand"
)
_WORD = rf"(?:{_NUMBER_WORDS})"
# A run of number words: "one hundred and forty-three", "Thirty-five", "twenty one".
NUMBER_IN_WORDS = rf"(?i:\b{_WORD}(?:(?:[\s\-]+|\s+and\s+){_WORD})*\b)"
NUMBER_IN_FIGURES = r"(?<![\d/.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+|\d+)(?!\d|[.,]\d)"
# Either form; use inside larger patterns, e.g. rf"(?P<n>{NUMBER}) countries".
NUMBER = rf"(?:{NUMBER_IN_FIGURES}|{NUMBER_IN_WORDS})"


def parse_number(phrase: str) -> int | None:
    """The integer a phrase spells ("one hundred and forty-three" -> 143), or None."""
    if not isinstance(phrase, str):
        return None
    cleaned = phrase.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", cleaned):
        return int(cleaned.replace(",", ""))
    words = re.sub(r"[\s\-]+", " ", cleaned.lower())
    try:
        return int(text2num(words, "en"))
    except (ValueError, TypeError):
        return None
