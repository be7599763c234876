"""When a vote took place, as a piece of text says it.

A date phrase dates the vote only when it is said of the vote or of the body that voted: "The
Assembly on Friday adopted", "voted 120-14 on October 28", "The General Assembly condemned the coup
on Friday". A date in another clause says when something else happened: "a tribunal for the crash
in July 2014", "welcomed the signing in April of the charter", "the coup that deposed her on 1
February"; and a date still to come ("to be convened in December") dates no vote.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from extraction.dates import resolve_date
from extraction.lexicon import WEEKDAYS
from extraction.vote_outcomes import HYPOTHETICAL, HYPOTHETICAL_REACH
from extraction.vote_segments import Segment

_F = re.IGNORECASE
_YEAR = re.compile(r"\b(?:in|since)\s+((?:19|20)\d\d)\b", _F)
# What opens another clause between a vote (or body) and a date: a relative word or a conjunction,
# or a verb (a participle, a past tense) other than the vote's own words; a body's own verb is allowed
# ("The Assembly condemned the coup on Friday").
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|when|where|while|after|before|since|until|because)\b")
_VERB = re.compile(r"\b(?!(?:during|including|regarding|concerning|according|morning|evening|meeting|United"
                   r"|hundred)\b)[A-Za-z]{3,}(?:ed|ing)\b")
# A date that is not the vote's day: still to come ("to be convened in December") or a term's limit
# ("extended the mandate until 30 June", "from 1 May", "by 31 December").
_NOT_THE_DAY = re.compile(r"\bto\s+be\s+(?:[\w-]+\s+){0,2}$|\b(?:until|till|through|to|from|by)\s+(?:the\s+)?$", _F)
_SAME_DAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", _F)
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b")


class DateReader:
    """Reads the date of the vote each piece of one text tells of."""

    def __init__(self, text: str, published: str | None, phrases: list[tuple[int, int, str]]) -> None:
        self.text = text
        self.published = published
        self.phrases = phrases
        self._starts = [start for start, _, _ in phrases]

    def read(self, segment: Segment, anchors: list[tuple[int, int, bool]]) -> None:
        """The date said of the vote or of its body (``anchors``: the (start, end, is_body) of the
        piece's vote words and body mentions, in order): the one nearest the first named position
        (or the end), resolved."""
        start, end = segment.start, segment.end
        phrases = self.phrases[bisect_left(self._starts, start) : bisect_left(self._starts, end)]
        said_of_the_vote = [phrase for phrase in phrases if self._said_of_the_vote(segment, phrase, anchors)]
        if said_of_the_vote:
            anchor = min([*(s for _, (_, (s, _e)) in segment.positions.items()), end])
            nearest = min(said_of_the_vote, key=lambda phrase: abs(phrase[0] - anchor))
            segment.date_text = nearest[2]
            segment.date = resolve_date(nearest[2], self.published)
            segment.date_key = segment.date or re.sub(r"^(?:on|in)\s+", "", nearest[2].lower())
            segment.same_day = bool(segment.date and _SAME_DAY.search(nearest[2]))
        elif year := _YEAR.search(self.text, start, end):
            segment.date_text, segment.date_key = year.group(), year.group(1)

    def _said_of_the_vote(self, segment: Segment, phrase: tuple[int, int, str],
                          anchors: list[tuple[int, int, bool]]) -> bool:
        """Whether the date phrase is in the clause of a vote word or of a body's action."""
        text, (start, end, _) = self.text, phrase
        if HYPOTHETICAL.search(text, max(segment.start, start - HYPOTHETICAL_REACH), start) or \
                _NOT_THE_DAY.search(text, max(segment.start, start - 30), start):
            return False
        before = [anchor for anchor in anchors if anchor[1] <= start]
        after = next((anchor for anchor in anchors if anchor[0] >= end), None)
        if before and _in_clause(text, before[-1][1], start, verbs=1 if before[-1][2] else 0):
            return True  # "voted on Friday", "The Assembly condemned the coup on Friday"
        return after is not None and _in_clause(text, end, after[0], verbs=0)  # "The Assembly on Friday adopted"


def _in_clause(text: str, start: int, end: int, verbs: int) -> bool:
    """Whether ``text[start:end]`` opens no clause: no relative word, at most ``verbs`` verbs."""
    if _RELATIVE.search(text, start, end):
        return False
    return sum(1 for _ in zip(range(verbs + 1), _VERB.finditer(text, start, end))) <= verbs


def dates_agree(first: str, second: str) -> bool:
    """Whether two date keys may name the same day: one holds the other ("2022-10" and
    "2022-10-12"), or one is a weekday the other date fell on ("thursday", "2012-11-29")."""
    if first.startswith(second) or second.startswith(first):
        return True
    return _weekday_of(first, second) or _weekday_of(second, first)


def _weekday_of(weekday: str, day: str) -> bool:
    """Whether ``weekday`` names the weekday of the ISO date ``day``."""
    named = _WEEKDAY.search(weekday)
    try:
        return bool(named) and dt.date.fromisoformat(day).weekday() == WEEKDAYS[named.group(1)]
    except ValueError:
        return False
