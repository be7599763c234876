"""Date phrases resolved against the publication date (extraction.dates)."""

import pytest

from extraction.dates import find_date_phrases, resolve_date

PUBLISHED = "2022-10-12"  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "with_published", "without"),
    [
        ("Wednesday", "2022-10-12", None),
        ("on Wednesday", "2022-10-12", None),
        ("Thursday", "2022-10-06", None),
        ("last Wednesday", "2022-10-05", None),
        ("yesterday", "2022-10-11", None),
        ("today", "2022-10-12", None),
        ("this morning", "2022-10-12", None),
        ("This afternoon", "2022-10-12", None),
        ("this evening", "2022-10-12", None),
        ("tonight", "2022-10-12", None),
        ("last month", "2022-09", None),
        ("last year", None, None),
        ("in September", "2022-09", None),
        ("in November", "2021-11", None),
        ("12 October 2022", "2022-10-12", "2022-10-12"),
        ("October 12, 2022", "2022-10-12", "2022-10-12"),
        ("Oct. 12", "2022-10-12", None),
        ("Oct. 13", "2021-10-13", None),
        ("Sept. 30", "2022-09-30", None),
        ("October 2022", "2022-10", "2022-10"),
        ("2022-09-30", "2022-09-30", "2022-09-30"),
        ("30 February 2022", None, None),
        ("no date here", None, None),
    ],
)
def test_resolve_date(phrase, with_published, without):
    assert resolve_date(phrase, PUBLISHED) == with_published
    assert resolve_date(phrase, None) == without


def test_bad_published_date_is_ignored():
    assert resolve_date("Wednesday", "not a date") is None
    assert resolve_date("12 October 2022", "garbage") == "2022-10-12"


def test_find_date_phrases():
    text = "In September, Moscow acted. It may vote on Wednesday, after a veto last month."
    phrases = [phrase for _start, _end, phrase in find_date_phrases(text)]
    assert phrases == ["In September", "on Wednesday", "last month"]
    assert all(text[s:e] == p for s, e, p in find_date_phrases(text))
