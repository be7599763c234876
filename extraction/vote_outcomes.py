"""Whether a piece of text says a vote's text was adopted, rejected or adopted without a vote.

"The resolution was adopted", "the Assembly adopted, without a vote, a draft on ...", "the text
failed to obtain the required number of votes", "the Council's failure to adopt". A piece that tells
no vote of its own (no count, position or veto) speaks of an outcome only when it says what was
adopted or who adopted it: "adopted a report" or "time passed" is none. "Sri Lanka rejected the
resolution" is a country's stance, not the outcome; nor is anything said of a vote still to come.
"""

from __future__ import annotations

import re

from extraction.bodies import Bodies
from extraction.country_lists import CountryLists
from extraction.lexicon import VOTED_TEXT_NOUNS
from extraction.vote_segments import Segment

_F = re.IGNORECASE
# Said of a vote still to come or only imagined: "will vote", "is expected to be adopted",
# "could be put to a vote". Lower case only: "In May the Assembly voted" is no modal.
HYPOTHETICAL = re.compile(
    r"\b(?:will|would|could|might|may|shall|must|(?:expected|likely|unlikely|set|due|scheduled|poised"
    r"|planning|plans?|aims?|hopes?|going|yet|(?:is|are))\s+to)\s+(?:[\w-]+\s+){0,4}?$")
HYPOTHETICAL_REACH = 60  # characters before a vote word where its modal may be
_REJECTED = re.compile(
    r"\b(?:rejected|defeated|voted\s+down|blocked|scrapped)\b|\bfailed\s+(?:to\s+(?:pass|be\s+adopted"
    r"|win|get|secure|garner|gain|receive|muster|obtain)|by)\b|\bnot\s+(?:been\s+|be\s+)?adopted\b"
    r"|\bdid\s+not\s+pass\b|\bfell\s+short\b|\bfailure\s+to\s+(?:adopt|pass)\b"
    r"|\bfailed\b[^.;]{1,100}?\bto\s+(?:garner|obtain|receive|muster|secure)\s+the\s+required\b", _F)
_ADOPTED = re.compile(r"\b(?:adopted|adopting|passed|approved|approving|endorsed)\b", _F)
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to)\s+(?:been\s+|be\s+)?$", _F)
_VOTED_NOUN = rf"(?:{'|'.join(VOTED_TEXT_NOUNS)}|decision|proposal|declaration|paragraph)s?"
# What was adopted: "the resolution was adopted", "Text Adopted", "adopted, without a vote, a
# draft", "approved the measure", "adopted in a resolution".
_TEXT_ADOPTED = re.compile(
    rf"\b{_VOTED_NOUN}\b(?:\s+[\w-]+){{0,8}}?\s+(?:(?:was|were|been|being|is|are)\s+)?(?:\w+ly\s+|also\s+)?"
    rf"(?:adopted|approved|passed|endorsed)\b"
    rf"|\b(?:adopted|adopting|approved|approving|passed|endorsed)\s+(?:[^.;]{{0,60}}?,\s*)?(?:in\s+)?"
    rf"(?:(?:an?|the|its|this|that|one|another|\w+\s+other)\s+)?(?:[\w-]+\s+){{0,3}}?{_VOTED_NOUN}\b", _F)
_BODY_BEFORE = re.compile(r"(?:[\s,]+[\w-]+){0,4}[\s,]+")  # "The Assembly this afternoon adopted"
_STANCE = re.compile(r"(?:\s+[a-z]+){0,3}\s+")  # "Sri Lanka has categorically rejected": its own stance
_VOTED_TEXT = re.compile(rf"\b{_VOTED_NOUN}\b", _F)
_WITHOUT_A_VOTE = re.compile(r"\bwithout\s+(?:a\s+)?(?:recorded\s+)?vote\b|\bby\s+consensus\b", _F)
_ACTED = re.compile(r"\b(?:acted|acting|took\s+action|taking\s+action)\s+on\b", _F)


class OutcomeReader:
    """Reads whether the pieces of one text say a text was adopted or not."""

    def __init__(self, text: str, lists: CountryLists, bodies: Bodies) -> None:
        self.text = text
        self.lists = lists
        self.bodies = bodies

    def read(self, segment: Segment) -> None:
        """Adopted or not, when the piece says so about a text or a body; without a vote or not."""
        text, start, end = self.text, segment.start, segment.end
        if segment.vetoed_by or self._rejected(segment):
            if segment.strong or _VOTED_TEXT.search(text, start, end) or self.bodies.between(start, end):
                segment.adopted = False
        elif self._adoption(segment) and (segment.strong or self._of_a_text(segment)):
            segment.adopted = True
            segment.without_vote = not segment.counts and bool(_WITHOUT_A_VOTE.search(text, start, end))
        elif _WITHOUT_A_VOTE.search(text, start, end) and _ACTED.search(text, start, end):
            segment.adopted = segment.without_vote = True  # "took action on the text without a vote"

    def _rejected(self, segment: Segment) -> bool:
        for match in _REJECTED.finditer(self.text, segment.start, segment.end):
            if not self._stance(segment, match.start()):
                return True
        return False

    def _stance(self, segment: Segment, verb: int) -> bool:
        """Whether a country right before ``verb`` is its subject: its own stance, not the outcome."""
        named = next(self.lists.starting_in_backwards(segment.start, verb), None)
        return named is not None and bool(_STANCE.fullmatch(self.text, named.end, verb))

    def _adoption(self, segment: Segment) -> re.Match | None:
        """The first adoption word that is not negated nor said of a vote to come."""
        text, start = self.text, segment.start
        for match in _ADOPTED.finditer(text, start, segment.end):
            before = text[max(start, match.start() - HYPOTHETICAL_REACH):match.start()]
            if not (_NEGATED.search(before) or HYPOTHETICAL.search(before)):
                return match
        return None

    def _of_a_text(self, segment: Segment) -> bool:
        """Whether the piece says which text was adopted, or which body adopted it."""
        text, start, end = self.text, segment.start, segment.end
        if _TEXT_ADOPTED.search(text, start, end):
            return True
        return any(_BODY_BEFORE.fullmatch(text, body.end, word.start())
                   for word in _ADOPTED.finditer(text, start, end)
                   for body in self.bodies.between(max(start, word.start() - 60), word.start()))
