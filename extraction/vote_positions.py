"""Named positions and vetoes in one piece of text.

Labelled lists ("(In favour: A, B; Against: C)"), cues after a list ("A and B voted against", "A
opposed the text, as did B", "A joined B in voting no", "A cast the lone dissenting vote", "A and
B all rejected the motion") or before one ("voted against: A, B", "abstaining were A and B"), and
what a country owns: its veto ("Russia vetoed", "a Russian veto", "the veto issued by China", "the
US delegation vetoed") or its abstention ("the abstention by Chile", "Peru's abstention"). A
country right before its own verb takes that verb's position first: in "119 voted yes, Fiji voting
no" Fiji is no yes. A threatened veto is none.
"""

from __future__ import annotations

import re

from extraction.countries import CountryMention, fuzzy_country_code
from extraction.country_lists import CountryLists
from extraction.lexicon import VOTED_TEXT_NOUNS
from extraction.tallies import side
from extraction.vote_segments import Segment

_F = re.IGNORECASE
_QUOTE = r"[“\"‘']?"
_VOTED_TEXT = rf"(?:{'|'.join(VOTED_TEXT_NOUNS)}|proposal)"
_CAME_FROM = r"\s+(?:came|were\s+cast)\s+(?:from|by)\b"  # "the no votes came from A and B"
_FORWARD_CUES = [(position, re.compile(pattern, _F)) for position, pattern in (
    ("yes", rf"\b(?:voted|voting|votes?)\s+(?:\w+\s+){{0,2}}?{_QUOTE}(?:in\s+favou?r|yes)\b(?!\s+of)"
            r"|\bin\s+favou?r\s*(?=[:(])|\b(?:supporters|backers)\s+(?:included|were)"
            rf"|\b(?:supporting|backing)\s+(?:it|the\s+\w+)\s+(?:were|was)\b"
            rf"|\b(?:yes|affirmative)\s+votes?{_CAME_FROM}"),
    ("no", rf"\b(?:voted|voting|votes?)\s+(?:\w+\s+){{0,2}}?{_QUOTE}(?:against|no)\b"
           r"|\bagainst\s*(?=[:(])|\bopponents\s+(?:included|were)"
           rf"|\bopposing\s+(?:it|the\s+\w+)\s+(?:were|was)\b|\b(?:no|negative)\s+votes?{_CAME_FROM}"),
    ("abstain", rf"\babstentions?{_CAME_FROM}|\babstain(?:ed|ing)?\b|\babstentions?\b"),
    ("absent", r"\b(?:did\s+not|didn't)\s+(?:vote|take\s+part)\b|\bnot\s+voting\b|\babsent\b"),
)]
_INTRODUCED = re.compile(r"\b(?:were|was|included|from|by)$", _F)  # a cue that ends introducing its list
# A list told in the next piece: "Five countries voted against. They were A, B and C.", or cut by a
# line's end ("voted against were A, B,\nC and D").
_THEY_WERE = re.compile(r"\s*(?:They|These|Those)\s+(?:were|are|included|include)\b:?")
_LIST_GOES_ON = re.compile(r"\s*(?:(?:and|as\s+well\s+as)\s+)?")
# A verb after the countries it is said of ("A cast the lone dissenting vote", "the only vote
# against"). "opposed" only of a voted text or with nothing after it ("A and B opposed the measure",
# "with A opposed and B abstaining"), never "opposed the idea".
_BACKWARD_CUE = re.compile(
    r"(?P<verb>voted|voting|vote|abstained|abstaining|abstain|vetoed|(?:did\s+not|didn't)\s+vote|were\s+absent"
    r"|cast\s+(?:the|a|its)\s+(?:lone|only|sole|single)\s+(?:(?:dissenting|negative)\s+vote|vote\s+against)"
    rf"|opposed(?=\s+(?:(?:the|it|this|that)\b(?:\s+[\w-]+){{0,3}}?\s+{_VOTED_TEXT}|it\b)|\s*(?:[,.;)]|and\b|$)))\b"
    rf"(?P<rest>\s+(?:\w+\s+){{0,2}}?{_QUOTE}(?:in\s+favou?r|for|yes|against|no)\b)?", _F)
# Phrases naming countries and their side: "with only A and B against", "the second year for A to
# vote against", "A and B joined C in voting no" (_JOINED).
_WITH = re.compile(r"\b(?:with|and)\s+(?:only\s+|just\s+)?(?P<who>[^,;.]{1,80}?)\s+"
                   r"(?P<side>against|opposed|abstaining|in\s+favou?r)\b(?!\s+(?:of\b|the\b|it\b))", _F)
_TIME_FOR = re.compile(r"\b(?:year|time)\s+for\s+(?P<who>[^,;.]{1,80}?)\s+to\s+"
                       r"(?P<side>vote\s+(?:against|in\s+favou?r|for|yes|no)|abstain)\b", _F)
# Explaining a vote: "The representative of Chile said his delegation had voted against", "Peru's
# delegate said her country abstained".
_DELEGATION_VOTED = re.compile(r"\b(?:his|her|its|their|the)\s+(?:delegation|country|Government)\s+"
                               r"(?:(?:had|has|would\s+have|also)\s+)*$", _F)
_SPEAKER_OF = re.compile(r"\b(?:representative|delegate|speaker|ambassador|envoy)\s+(?:of|for)\s+(?P<country>"
                         r"(?:the\s+)?[A-Z][^,;:.]{1,60}?)\s+(?:said|stated|noted|explained|added)\b"
                         r"|(?P<owner>[A-Z][^,;:.]{1,60}?)['’]s?\s+(?:representative|delegate|ambassador|envoy)\s+"
                         r"(?:said|stated|noted|explained|added)\b")
# "A and B joined C in voting no", "A joined C and D in opposing the measure"
_JOINED = re.compile(r"\bjoined\s+(?P<who>[^.;:]{1,120}?)\s+in\s+(?:voting\s+|casting\s+)?[“\"]?"
                     r"(?P<side>against|in\s+favou?r|for|yes|no|opposing|supporting|backing|abstaining"
                     r"|abstention)\b", _F)
_PHRASES = (_WITH, _TIME_FOR, _JOINED)
_AS_DID = re.compile(r"[^.;]{0,80}?,\s*as\s+did\s+", _F)  # "A opposed the measure, as did B and C"
# "A and B all rejected the motion": said of two countries or more, a vote against; said of one
# ("Eritrea rejected the resolution"), often the country the text is about.
_REJECTED = re.compile(rf"\brejected\s+(?:the|a|this|that)\s+(?:[\w-]+\s+){{0,2}}?{_VOTED_TEXT}\b", _F)
_LABEL = re.compile(r"(?P<label>In\s+favou?r|Against|Abstain(?:ing|ed)?|Abstentions?|Absent|Did\s+not\s+vote"
                    r"|Not\s+voting|Non-voting)\s*:", _F)
# A list below its label, one country a line, numbered or bulleted or not.
_LINE_END = re.compile(r"[ \t]*\n")
_LIST_LINE = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:\d{1,3}[.)]|[-•*·–])?[ \t]*"
                        r"(?P<item>[^\n]*?)[ \t]*(?=\n|\Z)")
MAX_LIST_ITEM = 60  # characters: a longer line is prose, not a list item
VETO_WORD = re.compile(r"\bveto(?:ed|es|ing)?\b", _F)
_ABSTENTION_WORD = re.compile(r"\babstention\b|\bdecision\s+to\s+abstain\b", _F)
# "owing to a negative vote cast by X": X voted no (on a failed Council draft, a permanent member's veto)
_NEGATIVE_VOTE = re.compile(r"\bnegative\s+votes?\b", _F)
_BY = re.compile(r"\s+(?:(?:issued|cast|used|exercised|wielded)\s+)?by\b", _F)  # "the veto cast by"
_THREAT = re.compile(r"(?:threat\w*\s+(?:of\s+|to\s+)?(?:a\s+)?|would|could|might|may|will|"
                     r"to)\s+(?:\w+\s+)?$", _F)
# At most five words (counting "'s") between a country and its veto: _OWNER and _DELEGATION.
MAX_WORDS_BEFORE_VETO = 5
_OWNER = re.compile(r"(?:['’]s\s+|\s+)(?:(?:and|double|\w+['’]s)\s+){0,3}(?:\w+\s+)?")
# "the US delegation vetoed", "the Chinese envoy had vetoed": the country's representatives
_DELEGATION = re.compile(r"\s+(?:delegation|government|mission|envoy|ambassador|representative)\s+"
                         r"(?:\w+\s+)?", _F)


class PositionReader:
    """Reads the named positions and vetoes of the pieces of one text."""

    def __init__(self, text: str, lists: CountryLists) -> None:
        self.text = text
        self.lists = lists
        self._open: tuple[int, str, bool] | None = None  # (piece index, side, cut) of a list a piece left open

    def read(self, segment: Segment) -> None:
        """Named positions: labelled lists ("In favour: A, B"), then cues after a list, then before one."""
        self.read_continued(segment)
        unlabelled_end = self._read_labels(segment)
        self._read_backward(segment, unlabelled_end)
        self._read_phrases(segment, unlabelled_end)
        self._read_rejections(segment, unlabelled_end)
        self._read_owned(segment, _ABSTENTION_WORD, "abstain")
        self._read_owned(segment, _NEGATIVE_VOTE, "no")
        last: tuple[int, str, list[CountryMention]] | None = None  # (end, side, list) of the last cue
        for position, cue in _FORWARD_CUES:
            for match in cue.finditer(self.text, segment.start, unlabelled_end):
                introduced = bool(_INTRODUCED.search(match.group()))
                named = self.lists.after(match.end(), unlabelled_end, introduced)
                for mention in named:
                    _place(segment, mention, position)
                if last is None or match.end() > last[0]:
                    last = (match.end(), position, named)
        if last is not None and unlabelled_end == segment.end:
            self._leave_open(segment, *last)

    def read_continued(self, segment: Segment) -> None:
        """The list the piece before left open, if this piece tells it ("They were A and B", "C and D")."""
        if self._open is None or self._open[0] != segment.index - 1:
            return
        _, position, cut = self._open
        intro = _THEY_WERE.match(self.text, segment.start, segment.end)
        if cut or intro:
            start = intro.end() if intro else _LIST_GOES_ON.match(self.text, segment.start).end()
            for mention in self.lists.after(start, segment.end, introduced=True):
                _place(segment, mention, position)
        self._open = None

    def _leave_open(self, segment: Segment, cue_end: int, position: str, named: list[CountryMention]) -> None:
        """Whether the piece ends with a cue and no list ("Five voted against."), or in a list cut by
        a line's end ("A, B,"): the next piece may tell it."""
        tail = self.text[named[-1].end if named else cue_end:segment.end].strip()
        if tail == "," or not named and tail in ("", ".", ":"):
            self._open = (segment.index, position, tail == ",")

    def _read_backward(self, segment: Segment, end: int) -> None:
        """Lists before their verb: "A and B voted against", "A opposed it, as did B"."""
        for match in _BACKWARD_CUE.finditer(self.text, segment.start, end):
            verb = match.group("verb").lower()
            if verb.startswith("veto"):
                continue
            # "abstained from voting for the text" is an abstention, not a yes
            position = side(verb) if "abstain" in verb else side(match.group("rest") or verb)
            if not position:
                continue
            named = self.lists.before(match.start(), segment.start) or self._speakers_delegation(segment, match)
            if named and (as_did := _AS_DID.match(self.text, match.end(), end)):
                named += self.lists.after(as_did.end(), end, introduced=True)
            for mention in named:
                _place(segment, mention, position)

    def _speakers_delegation(self, segment: Segment, cue: re.Match) -> list[CountryMention]:
        """"The representative of Chile said his delegation had voted against": the speaker's country."""
        text, start = self.text, segment.start
        if not _DELEGATION_VOTED.search(text, max(start, cue.start() - 40), cue.start()):
            return []
        speaker = _SPEAKER_OF.search(text, start, cue.start())
        if speaker is None:
            return []
        return self.lists.names(*speaker.span("country" if speaker.group("country") else "owner"))[:1]

    def _read_phrases(self, segment: Segment, end: int) -> None:
        """Countries named inside a phrase that says their side (``_PHRASES``); "A and B joined C in
        voting no": A and B too."""
        for phrase in _PHRASES:
            for match in phrase.finditer(self.text, segment.start, end):
                named = self.lists.voters(*match.span("who"))
                if phrase is _JOINED:
                    named = self.lists.before(match.start(), segment.start) + named
                for mention in named:
                    _place(segment, mention, side(match.group("side")))

    def _read_rejections(self, segment: Segment, end: int) -> None:
        for match in _REJECTED.finditer(self.text, segment.start, end):
            named = self.lists.before(match.start(), segment.start)
            if len(named) > 1:
                for mention in named:
                    _place(segment, mention, "no")

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
            named = self.lists.listed(label.end(), stop) or self._list_below(label.end())
            for mention in named:
                _place(segment, mention, position)
            if named and position:
                segment.listed[position] = len(named)
        return labels[0].start() if labels else end

    def _list_below(self, label_end: int) -> list[CountryMention]:
        """The countries listed one a line below a label that ends its line ("In favour:\n1. Chile\n2.
        Peru"), a misspelt name too ("Mentenegro"), up to the first line that names no country."""
        if not _LINE_END.match(self.text, label_end):
            return []
        named: list[CountryMention] = []
        cursor = label_end
        while line := _LIST_LINE.match(self.text, cursor):
            item = self._list_item(*line.span("item"))
            if item is None:
                break
            named.append(item)
            cursor = line.end()
        return named

    def _list_item(self, start: int, end: int) -> CountryMention | None:
        """The country one list line names, if it names one and little else."""
        if not 0 < end - start <= MAX_LIST_ITEM:
            return None
        if named := self.lists.voters(start, end):
            return named[0] if named[0].start == start else None
        word = self.text[start:end]
        iso3 = fuzzy_country_code(word)
        return CountryMention(start, end, iso3, word, "name") if iso3 else None

    def read_vetoes(self, segment: Segment) -> None:
        for mention in self._read_owned(segment, VETO_WORD, "no", veto=True):
            if mention.iso3 not in segment.vetoed_by:
                segment.vetoed_by.append(mention.iso3)

    def _read_owned(self, segment: Segment, word: re.Pattern, position: str,
                    veto: bool = False) -> list[CountryMention]:
        """The countries that cast each veto (abstention, negative vote) ``word`` finds, placed as
        ``position``."""
        text, start, end = self.text, segment.start, segment.end
        owners: list[CountryMention] = []
        for match in word.finditer(text, start, end):
            if _THREAT.search(text[max(start, match.start() - 30):match.start()]):
                continue
            if veto:
                owners += self.lists.before(match.start(), start)
            if by := _BY.match(text, match.end(), end):
                owners += self.lists.after(by.end(), end, introduced=True)
            owners += self._owners(start, match.start())
        for mention in owners:
            _place(segment, mention, position)
        return owners

    def _owners(self, start: int, word: int) -> list[CountryMention]:
        """The countries named in [start, word) that own the veto or abstention at ``word``
        (``_owns``), in order: the few words before it, no further back."""
        owners = []
        for mention in self.lists.starting_in_backwards(start, word):
            if len(self.text[mention.end:word].split()) > MAX_WORDS_BEFORE_VETO:
                break
            if self._owns(mention, word):
                owners.append(mention)
        return owners[::-1]

    def _owns(self, mention: CountryMention, word: int) -> bool:
        """"Russia's veto", "a Russian veto", "the US delegation vetoed", "the U.S. abstention"."""
        text = self.text
        if _DELEGATION.fullmatch(text, mention.end, word):
            return True
        return bool(_OWNER.fullmatch(text, mention.end, word)) and (
            mention.form == "demonym" or text[mention.end] in "'’" or text[mention.end - 1] == ".")


def _place(segment: Segment, mention: CountryMention, position: str | None) -> None:
    segment.place(mention.iso3, position, (mention.start, mention.end))
