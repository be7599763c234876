"""Numbers in words and figures (extraction.numbers)."""

import pytest

from extraction.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("Thirty-five", 35), ("one hundred and forty-three", 143), ("143", 143), ("1,000", 1000),
     ("twenty one", 21), ("and", None), ("", None)],
)
def test_parse_number(phrase, value):
    assert parse_number(phrase) == value


def test_find_numbers_skips_symbols_and_keeps_offsets():
    text = "Thirty-five abstained, 143 voted for A/77/L.5 in the 193-member body, 95, with 1,000"
    found = find_numbers(text)
    assert [value for _s, _e, value in found] == [35, 143, 193, 95, 1000]
    assert all(parse_number(text[s:e]) == value for s, e, value in found)
