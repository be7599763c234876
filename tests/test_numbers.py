"""Numbers in words and figures (extraction.numbers)."""

import pytest

from extraction.numbers import parse_number


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("Thirty-five", 35), ("one hundred and forty-three", 143), ("143", 143), ("1,000", 1000),
     ("twenty one", 21), ("and", None), ("", None)],
)
def test_parse_number(phrase, value):
    assert parse_number(phrase) == value
