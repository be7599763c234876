"""Whether a piece of text says a vote's text was adopted, rejected or adopted without a vote.

"The resolution was adopted", "the Assembly adopted, without a vote, a draft on ...", "the text
failed to obtain the required number of votes", "the Council's failure to adopt". A piece that tells
no vote of its own (no count, position or veto) speaks of an outcome only when it says what was
adopted or who adopted it: "adopted a report" or "time passed" is none. "Eritrea rejected the
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
_ADOPTING = r"adopted|adopting|approved|approving|passed|endorsed"
_REJECTING = r"reject(?:ed)?|defeated|voted\s+down|blocked|scrapped"
_ADOPTED = re.compile(rf"\b(?:{_ADOPTING})\b", _F)
_REJECTION = re.compile(rf"\b(?:{_REJECTING})\b", _F)
# A text that failed, which these words always say of a text: "the draft failed to obtain the required
# number of votes", "was not adopted", "the Council failed to adopt", "the Council's failure to adopt".
_FAILED = re.compile(
    r"\bfailed\s+(?:to\s+(?:pass|be\s+adopted|win|get|secure|garner|gain|receive|muster|obtain)|by)\b"
    r"|\bfailed\s+to\s+adopt\b"
    r"|\bnot\s+(?:been\s+|be\s+)?adopted\b|\bdid\s+not\s+pass\b|\bfell\s+short\b|\bfailure\s+to\s+(?:adopt|pass)\b"
    r"|\bfailed\b[^.;]{1,100}?\bto\s+(?:garner|obtain|receive|muster|secure)\s+the\s+required\b", _F)
# A record, not one vote: "the Council has repeatedly failed to adopt a text on ..."
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,2}$", _F)
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to)\s+(?:been\s+|be\s+)?$", _F)
_INFINITIVE = re.compile(r"\bto\s+$", _F)
_DECIDED_TO = re.compile(r"\b(?:voted|decided|agreed|moved)\b[^.;]{0,30}?\bto\s+$", _F)
_VOTED_NOUN = rf"(?:{'|'.join(VOTED_TEXT_NOUNS)}|decision|proposal|declaration|paragraph)s?"


def _said_of_a_text(verbs: str) -> re.Pattern:
    """What was adopted (or rejected): "the resolution was adopted", "Text Adopted", "adopted, without
    a vote, a draft", "approved the measure", "adopted in a resolution", "rejected a motion"."""
    return re.compile(
        rf"\b{_VOTED_NOUN}\b(?:\s+[^\s.;!?]+){{0,8}}?\s+(?:(?:was|were|been|being|is|are)\s+)?(?:\w+ly\s+|also\s+)?"
        rf"(?:{verbs})\b|\b(?:it|which)\s+(?:was|were)\s+(?:\w+ly\s+)?(?:{verbs})\b"
        rf"|\b(?:{verbs})\b(?:\s*,[^.;]{{0,60}}?,)?\s+(?:it\b|(?:in\s+)?"
        rf"(?:(?:an?|the|its|this|that|one|another|\w+\s+other)\s+)?(?:[\w-]+\s+){{0,3}}?{_VOTED_NOUN}\b)", _F)


_TEXT_ADOPTED = _said_of_a_text(_ADOPTING)
_TEXT_REJECTED = _said_of_a_text(_REJECTING)
# "The Assembly this afternoon adopted", not "The Assembly's president rejected"
_BODY_BEFORE = re.compile(r"(?:[\s,]+(?!(?:president|chair\w*|spokes\w*|secretary|members?|delegat\w+|envoys?"
                          r"|ambassadors?|representatives?|officials?)\b)[\w-]+){0,4}[\s,]+", _F)
_BY_A_BODY = re.compile(r"\s+by\s+")  # "rejected by the Human Rights Council"
_STANCE = re.compile(r"(?:\s+[a-z]+){0,3}\s+")  # "Eritrea has categorically rejected": its own stance
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
            segment.adopted = False
        elif self._adoption(segment) and (segment.strong or self._of_a_text(segment, _TEXT_ADOPTED, _ADOPTED)):
            segment.adopted = True
            segment.without_vote = not segment.counts and bool(_WITHOUT_A_VOTE.search(text, start, end))
        elif _WITHOUT_A_VOTE.search(text, start, end) and _ACTED.search(text, start, end):
            segment.adopted = segment.without_vote = True  # "took action on the text without a vote"

    def _rejected(self, segment: Segment) -> bool:
        """Whether the piece says a text failed or was rejected ("Eritrea rejected the resolution" is
        a country's stance; "rejected rumours" or "voted 143-5 to reject the annexation" is no text's
        outcome)."""
        text, start, end = self.text, segment.start, segment.end
        if any(not _PERFECT.search(text, max(start, failed.start() - 30), failed.start())
               for failed in _FAILED.finditer(text, start, end)):
            return bool(segment.strong or _VOTED_TEXT.search(text, start, end) or self.bodies.between(start, end))
        stated = self._of_a_text(segment, _TEXT_REJECTED, _REJECTION)
        return stated and any(self._happened(segment, match) and not self._stance(segment, match.start())
                              for match in _REJECTION.finditer(text, start, end))

    def _happened(self, segment: Segment, verb: re.Match) -> bool:
        """Whether ``verb`` tells what happened: not negated, not to come, not wished for ("a plea for
        States to reject it"); "voted 100-50 to reject the proposal" happened."""
        before = self.text[max(segment.start, verb.start() - HYPOTHETICAL_REACH):verb.start()]
        if _NEGATED.search(before) or HYPOTHETICAL.search(before):
            return False
        return not _INFINITIVE.search(before) or bool(_DECIDED_TO.search(before))

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

    def _of_a_text(self, segment: Segment, said_of_a_text: re.Pattern, verb: re.Pattern) -> bool:
        """Whether the piece says which text was adopted (or rejected), or which body did it."""
        text, start, end = self.text, segment.start, segment.end
        if said_of_a_text.search(text, start, end):
            return True
        return any(self._by_a_body(segment, word, acting=verb is _ADOPTED) for word in verb.finditer(text, start, end))

    def _by_a_body(self, segment: Segment, word: re.Match, acting: bool) -> bool:
        """"The Assembly this afternoon adopted" (when a body ``acting`` before the verb counts),
        "rejected by the Council"."""
        text, start = self.text, segment.start
        before = self.bodies.between(max(start, word.start() - 60), word.start()) if acting else []
        if any(_BODY_BEFORE.fullmatch(text, body.end, word.start()) for body in before):
            return True
        agent = _BY_A_BODY.match(text, word.end(), segment.end)
        return agent is not None and any(body.start - agent.end() <= 8
                                         for body in self.bodies.between(agent.end(), agent.end() + 9))
