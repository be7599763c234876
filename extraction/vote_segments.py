"""The pieces a text is read in for votes, and what one piece says about a vote.

A piece is a sentence, split again at ";", at ", while"-style joints, after a leading "After ...,"
clause and before a resolution mentioned in passing ("..., invoking General Assembly resolution 412
B (IV), adopted in 1949"), never inside brackets ("(In favour: ...; Against: ...)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reference.vocabulary import Position

_JOINT = re.compile(r";\s*|,?\s+(?:while|whereas|but|and\s+then)\s+(?=\S)|,\s+(?:before|after)\s+(?=\S)"
                    # before a resolution mentioned in passing: "... to invoke General Assembly resolution
                    # 412 B (IV), adopted in 1949"
                    r"|(?=\b(?:General\s+Assembly|Security\s+Council)\s+resolution\s+\d[^.;]{0,80}?"
                    r"\badopted\s+(?:in|on)\s)",
                    re.IGNORECASE)
_LEADING_CLAUSE = re.compile(r"(?:After|Before|Following|Although|Though)\b[^,;()]{5,200}?,\s*")


@dataclass
class Segment:
    """What one piece of text says about a vote."""

    start: int
    end: int
    index: int = 0  # position among the text's segments
    counts: dict[str, int] = field(default_factory=dict)
    positions: dict[str, tuple[Position, tuple[int, int]]] = field(default_factory=dict)
    listed: dict[str, int] = field(default_factory=dict)  # counts implied by exhaustive lists
    vetoed_by: list[str] = field(default_factory=list)
    adopted: bool | None = None
    without_vote: bool = False  # adopted "without a vote" or "by consensus": it has no tally
    unanimous: bool = False
    rest: str | None = None  # "absent" or "abstain": everyone else did this
    body: str | None = None
    members: int | None = None
    date: str | None = None
    date_text: str | None = None
    date_key: str | None = None
    same_day: bool = False  # dated "today", "this morning": the day of the meeting a text covers
    symbol: str | None = None
    council_resolution: str | None = None  # "resolution 2231 (2015)": a Security Council number
    subject: str | None = None
    kind: str = "resolution"
    other_vote: bool = False  # another vote than the one just told
    earlier_vote: bool = False  # an earlier vote: "a similar resolution last year"
    before_the_meeting: bool = False  # told as before the meeting a text covers: "had adopted"
    passing: bool = False  # an earlier vote only compared with ("up from 104 that backed a similar text")
    of_the_past: bool = False  # says it tells of the past ("last year", "a year earlier")
    again: bool = False  # its positions were taken a year before too ("for the second straight year")
    texts: int = 0  # the piece tells of this many texts adopted together ("three other texts")
    topics: list[str] = field(default_factory=list)  # "Votes on A, B, C": one text acted on each
    topics_adopted: bool | None = None  # whether the piece says those texts were adopted
    vote_taken: bool = False  # "took a recorded vote on ...": a vote, its outcome not (yet) told
    quoted: bool = False  # every vote word is inside a quotation: it may only add to a known vote
    speaks_of_voting: bool = False  # "vote", "voted", "voting": the piece may be context for a vote

    @property
    def decisive(self) -> bool:
        """Says how the vote went (a tally, a position, a veto, the outcome, "the rest"), or that it was
        taken."""
        return self.strong or self.adopted is not None or self.rest is not None or self.vote_taken

    @property
    def strong(self) -> bool:
        """Enough to start a vote: a tally, a named position or a veto."""
        return bool(self.counts or self.positions or self.vetoed_by or self.unanimous)

    def place(self, iso3: str, position: Position | None, span: tuple[int, int]) -> None:
        """Record that the country named at ``span`` took ``position``, unless already placed."""
        if position and iso3 not in self.positions:
            self.positions[iso3] = (position, span)


def segments(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence pieces as (start, end): ``sentences`` split again at ";" and clause joints."""
    pieces = []
    for start, end in sentences:
        cut = start
        if leading := _LEADING_CLAUSE.match(text, start, end):  # "After X vetoed ..., the Y voted"
            pieces.append((start, leading.end()))
            cut = leading.end()
        counted = start
        open_brackets = 0  # "(" minus ")" in text[start:counted]
        for joint in _JOINT.finditer(text, cut, end):
            open_brackets += text.count("(", counted, joint.start()) - text.count(")", counted, joint.start())
            counted = joint.start()
            if open_brackets > 0:
                continue  # inside "(In favour: ...; Against: ...)"
            pieces.append((cut, joint.start()))
            cut = joint.end()
        pieces.append((cut, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]
