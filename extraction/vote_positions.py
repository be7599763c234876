"""Named positions and vetoes in one piece of text.

Labelled lists ("(In favour: A, B; Against: C)"), cues before a list ("voted against: A, B",
"abstaining were A and B") or after one ("A and B voted against"), and vetoes ("Russia vetoed",
"a Russian veto", "vetoed by China", "the US delegation vetoed"). A threatened veto is none.
"""

from __future__ import annotations

import re

from extraction.countries import CountryMention
from extraction.country_lists import CountryLists
from extraction.tallies import side
from extraction.vote_segments import Segment

_F = re.IGNORECASE
_QUOTE = r"[“\"‘']?"
_FORWARD_CUES = [(position, re.compile(pattern, _F)) for position, pattern in (
    ("yes", rf"\b(?:voted|voting|votes?)\s+(?:\w+\s+){{0,2}}?{_QUOTE}(?:in\s+favou?r|yes)\b(?!\s+of)"
            r"|\bin\s+favou?r\s*(?=[:(])|\b(?:supporters|backers)\s+(?:included|were)"),
    ("no", rf"\b(?:voted|voting|votes?)\s+(?:\w+\s+){{0,2}}?{_QUOTE}(?:against|no)\b"
           r"|\bagainst\s*(?=[:(])|\bopponents\s+(?:included|were)"),
    ("abstain", r"\babstain(?:ed|ing)?\b|\babstentions?\b"),
    ("absent", r"\b(?:did\s+not|didn't)\s+(?:vote|take\s+part)\b|\bnot\s+voting\b|\babsent\b"),
)]
_BACKWARD_CUE = re.compile(
    r"(?P<verb>voted|vote|abstained|abstain|vetoed|(?:did\s+not|didn't)\s+vote|were\s+absent)\b"
    rf"(?P<rest>\s+(?:\w+\s+){{0,2}}?{_QUOTE}(?:in\s+favou?r|for|yes|against|no)\b)?", _F)
_LABEL = re.compile(r"(?P<label>In\s+favou?r|Against|Abstain(?:ing|ed|ions?)?|Absent|Did\s+not\s+vote"
                    r"|Not\s+voting|Non-voting)\s*:", _F)
VETO_WORD = re.compile(r"\bveto(?:ed|es|ing)?\b", _F)
_VETO_THREAT = re.compile(r"(?:threat\w*\s+(?:of\s+|to\s+)?(?:a\s+)?|would|could|might|may|will|"
                          r"to)\s+(?:\w+\s+)?$", _F)
# At most five words (counting "'s") between a country and its veto: _VETO_OWNER and _DELEGATION.
MAX_WORDS_BEFORE_VETO = 5
_VETO_OWNER = re.compile(r"(?:['’]s\s+|\s+)(?:(?:and|double|\w+['’]s)\s+){0,3}(?:\w+\s+)?")
# "the US delegation vetoed", "the Chinese envoy had vetoed": the country's representatives
_DELEGATION = re.compile(r"\s+(?:delegation|government|mission|envoy|ambassador|representative)\s+"
                         r"(?:\w+\s+)?", _F)


class PositionReader:
    """Reads the named positions and vetoes of the pieces of one text."""

    def __init__(self, text: str, lists: CountryLists) -> None:
        self.text = text
        self.lists = lists

    def read(self, segment: Segment) -> None:
        """Named positions: labelled lists ("In favour: A, B"), then cues before or after a list."""
        unlabelled_end = self._read_labels(segment)
        text, start = self.text, segment.start
        for position, cue in _FORWARD_CUES:
            for match in cue.finditer(text, start, unlabelled_end):
                for mention in self.lists.after(match.end(), unlabelled_end):
                    _place(segment, mention, position)
        for match in _BACKWARD_CUE.finditer(text, start, unlabelled_end):
            verb = match.group("verb").lower()
            if verb.startswith("veto"):
                continue
            # "abstained from voting for the text" is an abstention, not a yes
            position = side(verb) if "abstain" in verb else side(match.group("rest") or verb)
            for mention in self.lists.before(match.start(), start) if position else []:
                _place(segment, mention, position)

    def _read_labels(self, segment: Segment) -> int:
        """The lists after labels ("(In favour: A, B; Against: C)"), which also count their
        position; where the first label starts (the segment's end when there is none)."""
        text, end = self.text, segment.end
        labels = list(_LABEL.finditer(text, segment.start, end))
        for index, label in enumerate(labels):
            stop = labels[index + 1].start() if index + 1 < len(labels) else end
            closing = text.find(")", label.end(), stop)
            stop = closing if closing != -1 and "(" not in text[label.end():closing] else stop
            position = side(label.group("label"))
            named = self.lists.voters(label.end(), stop)
            for mention in named:
                _place(segment, mention, position)
            if named and position:
                segment.listed[position] = len(named)
        return labels[0].start() if labels else end

    def read_vetoes(self, segment: Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        vetoers: list[CountryMention] = []
        for match in VETO_WORD.finditer(text, start, end):
            if _VETO_THREAT.search(text[max(start, match.start() - 30):match.start()]):
                continue
            vetoers += self.lists.before(match.start(), start)
            if re.match(r"\s+by\b", text[match.end():match.end() + 4]):
                vetoers += self.lists.after(match.end() + 4, end, introduced=True)
            vetoers += self._veto_owners(start, match.start())
        for mention in vetoers:
            if mention.iso3 not in segment.vetoed_by:
                segment.vetoed_by.append(mention.iso3)
            _place(segment, mention, "no")

    def _veto_owners(self, start: int, veto: int) -> list[CountryMention]:
        """The countries named in [start, veto) that cast the veto at ``veto`` (``_owns_veto``), in
        order: the few words before the veto, no further back."""
        owners = []
        for mention in self.lists.starting_in_backwards(start, veto):
            if len(self.text[mention.end:veto].split()) > MAX_WORDS_BEFORE_VETO:
                break
            if self._owns_veto(mention, veto):
                owners.append(mention)
        return owners[::-1]

    def _owns_veto(self, mention: CountryMention, veto: int) -> bool:
        """"Russia's veto", "a Russian veto", "the US delegation vetoed": the country cast it."""
        text = self.text
        if _DELEGATION.fullmatch(text, mention.end, veto):
            return True
        return bool(_VETO_OWNER.fullmatch(text, mention.end, veto)) and (
            mention.form == "demonym" or text[mention.end] in "'’")


def _place(segment: Segment, mention: CountryMention, position: str | None) -> None:
    segment.place(mention.iso3, position, (mention.start, mention.end))
