"""Votes reported in news text and UN releases: body, date, symbol, tallies and named positions.

The text is cut into segments (sentences, split again at ";" and at ", while"-style joints).
Each segment yields facts — counts, named positions, vetoes, adoption, body, date, symbol —
and joins the most recent vote it is compatible with (same kind, body, date and no clashing
count), or starts a new one. An amendment, a "similar"/"previous" resolution or a different
date therefore becomes a separate vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extraction.countries import CountryMention, find_countries
from extraction.dates import find_date_phrases, resolve_date
from extraction.models import Position, Vote
from extraction.numbers import NUMBER, parse_number
from extraction.sentences import sentence_spans

PERMANENT_MEMBERS = frozenset({"CHN", "FRA", "GBR", "RUS", "USA"})  # UN Charter, Article 23
FIXED_MEMBERSHIP = {"UNSC": 15, "HRC": 47}
COUNTS = ("yes", "no", "abstain", "absent")
UN_BODIES = frozenset({"UNGA", "UNSC", "HRC", "ECOSOC"})
_UN_CONTEXT = re.compile(r"\bU\.?N\.?\b|\bUnited Nations\b")

_F = re.IGNORECASE
_VOTE_WORDS = re.compile(
    r"\bvot|abstain|abstention|veto|in favou?r|against|adopt|unanimous|reject|approv|passed"
    r"|\bfailed|\bsupported by|\bbacked by", _F)

# ---------------------------------------------------------------- bodies
_ORDINAL = r"(First|Second|Third|Fourth|Fifth|Sixth)"
_BODY_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\bHuman Rights Council\b|\bUNHRC\b|\brights council\b", _F), "HRC"),
    (re.compile(rf"\b{_ORDINAL} Committee\b"), "committee"),
    (re.compile(r"\bSecurity Council\b|\bUNSC\b", _F), "UNSC"),
    (re.compile(r"\bGeneral Assembly\b|\bUNGA\b", _F), "UNGA"),
    (re.compile(r"\bEconomic and Social Council\b|\bECOSOC\b", _F), "ECOSOC"),
    (re.compile(r"\b(?:[A-Z][\w'’.&-]*\s+){1,5}(?:Council|Assembly|Board|Committee|Commission"
                r"|Conference)\b"), "named"),
    (re.compile(r"\b(?:the|this)\s+(?:\d+-\w+\s+)?[Cc]ouncil\b"), "council"),
    (re.compile(r"\b(?:the|this)\s+(?:\d+-\w+\s+)?(?:[Aa]ssembly|world body)\b"), "assembly"),
]
_MEMBERSHIP = re.compile(rf"(?P<n>{NUMBER})[-‐\s](?:member|nation|seat|strong)\b", _F)

# ---------------------------------------------------------------- counts
_N = NUMBER
_NOUN = (r"(?:(?:other\s+|UN\s+|U\.N\.\s+)?(?:countries|states|nations|members|member\s+states"
         r"|delegations|governments|votes|council\s+members)(?:\s+of\s+the\s+[\w-]+(?:\s+[\w-]+)?)?)")
_LINK = r"(?:\s*[-–—,]\s*|\s*)(?:(?:have|had|has|also|all|then)\s+)*"
_AFTER_VERB = r"(?:[\w’'-]+\s+){0,3}?"
_COUNT_PATTERNS = [re.compile(pattern, _F) for pattern in (
    # "by a recorded vote of 99 in favour to 8 against", "by 143 votes to 5"
    rf"\bby\s+(?:an?\s+)?(?:recorded\s+)?(?:vote\s+of\s+)?(?P<yes>{_N})\s+(?:votes?\s+)?"
    rf"(?:in\s+favou?r\s+)?to\s+(?P<no>{_N})\b",
    # "voted 13-2", "by a vote of 143-5-35", "a 143-5-35 vote"
    r"\b(?:vote[ds]?|voting|tally|by|of)\s+(?:of\s+)?(?P<yes>\d+)\s*[-–—]\s*(?P<no>\d+)"
    r"(?:\s*[-–—]\s*(?P<abstain>\d+))?\b(?![-/])",
    r"\b(?P<yes>\d+)\s*[-–—]\s*(?P<no>\d+)(?:\s*[-–—]\s*(?P<abstain>\d+))?\s+(?:vote|tally)\b",
    rf"(?P<yes>{_N})\s+(?:{_NOUN}\s*)?(?:(?:in\s+favou?r\b)|(?:{_LINK}(?:voted|voting|votes?|were)"
    rf"\s+{_AFTER_VERB}(?:in\s+favou?r|for|yes)\b)|(?:(?:that|which|who)\s+(?:supported|backed)))",
    rf"\b(?:supported|backed|approved)\s+by\s+(?P<yes>{_N})\s+{_NOUN}",
    rf"(?P<no>{_N})\s+(?:{_NOUN}\s*)?(?:(?:against|opposed|no\s+votes)\b|(?:{_LINK}(?:voted|voting"
    rf"|votes?|were)\s+{_AFTER_VERB}(?:against|no)\b))",
    rf"(?P<abstain>{_N})\s+(?:{_NOUN}\s*)?(?:{_LINK})?(?:abstained|abstaining|abstentions?|abstain)\b",
    rf"(?P<absent>{_N})\s+(?:{_NOUN}\s*)?(?:{_LINK})?(?:did\s+not|didn't)\s+(?:vote|take\s+part"
    rf"|participate)|(?P<absent2>{_N})\s+(?:{_NOUN}\s*)?(?:were\s+)?(?:absent|not\s+voting)\b",
)]
_JOINED = re.compile(
    rf"(?P<n>{_N})\s+(?:{_NOUN}\s+)?joined\s+(?P<joined>[^.;:]{{1,80}}?)\s+in\s+(?:voting\s+|votes?\s+)?"
    r"(?P<side>against|in\s+favou?r|for|no|yes|abstaining|abstention)", _F)
_REST = re.compile(r"\b(?:the\s+)?(?:rest|remaining\s+(?:countries|states|members|nations)|all\s+"
                   r"others|others)\s+(?P<what>did\s+not\s+vote|didn't\s+vote|were\s+absent|abstained)",
                   _F)
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b|\bwithout\s+(?:a\s+)?(?:dissent|objection)\b", _F)

# ---------------------------------------------------------------- positions and vetoes
_FORWARD_CUES = [(position, re.compile(pattern, _F)) for position, pattern in (
    ("yes", r"\b(?:voted|voting|votes?)\s+(?:\w+\s+){0,2}?(?:in\s+favou?r|yes)\b(?!\s+of)"
            r"|\bin\s+favou?r\s*(?=[:(])|\b(?:supporters|backers)\s+(?:included|were)"),
    ("no", r"\b(?:voted|voting|votes?)\s+(?:\w+\s+){0,2}?(?:against|no)\b|\bagainst\s*(?=[:(])"
           r"|\bopponents\s+(?:included|were)"),
    ("abstain", r"\babstain(?:ed|ing)?\b|\babstentions?\b"),
    ("absent", r"\b(?:did\s+not|didn't)\s+(?:vote|take\s+part)\b|\bnot\s+voting\b|\babsent\b"),
)]
_BACKWARD_CUE = re.compile(
    r"(?P<verb>voted|vote|abstained|abstain|vetoed|(?:did\s+not|didn't)\s+vote|were\s+absent)\b"
    r"(?P<rest>\s+(?:\w+\s+){0,2}?(?:in\s+favou?r|for|yes|against|no)\b)?", _F)
_LABEL = re.compile(r"(?P<label>In\s+favou?r|Against|Abstain(?:ing|ed|ions?)?|Absent|Did\s+not\s+vote"
                    r"|Not\s+voting|Non-voting)\s*:", _F)
_LIST_FILLER = re.compile(
    r"(?:[\s:–—,(-]|\b(?:the|a|an|it|this|that|resolution|draft|text|measure|motion|amendment|"
    r"proposal|were|was|are|is|included|include|including|among|them|those|such|as|namely|"
    r"countries|states|nations|members|only|also|both)\b)*", _F)
_LIST_INTRODUCTION = re.compile(r"[:–—(,-]|\b(?:were|was|are|is|included?|including|namely|such"
                                r"|among)\b", _F)
_LIST_DESCRIPTOR = re.compile(r"(?:(?:the|its|their|his|her)\s+)?(?:\S+['’]s\s+)?(?:[a-z][\w-]*\s+){0,4}")
_LIST_JOINT = re.compile(
    r"(?:\s*\([^()]{0,40}\))?(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|along\s+with\s+|plus\s+)?"
    r"|\s+(?:and|as\s+well\s+as|along\s+with|plus)\s+|\s*;\s*)")
_BACKWARD_GAP = re.compile(
    r"\s*(?:,\s*)?(?:(?:which|who|that|also|both|all|had|have|has|then|itself|too|instead|again"
    r"|jointly|yesterday|today)\s+|on\s+[A-Z]\w+(?:\s+\d{1,2})?\s+|,\s*)*")
_BETWEEN_ITEMS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+along\s+with\s+)",
                            _F)
_VETO_WORD = re.compile(r"\bveto(?:ed|es|ing)?\b", _F)
_VETO_THREAT = re.compile(r"(?:threat\w*\s+(?:of\s+|to\s+)?(?:a\s+)?|would|could|might|may|will|"
                          r"to)\s+(?:\w+\s+)?$", _F)

# ---------------------------------------------------------------- adoption, kind, symbol, subject
_REJECTED = re.compile(
    r"\b(?:rejected|defeated|voted\s+down|blocked)\b|\bfailed\s+(?:to\s+(?:pass|be\s+adopted|win|get"
    r"|secure|garner|gain|receive|muster)|by)\b|\bnot\s+(?:been\s+|be\s+)?adopted\b|\bdid\s+not\s+pass\b"
    r"|\bfell\s+short\b", _F)
_ADOPTED = re.compile(r"\b(?:adopted|passed|approved|endorsed)\b", _F)
_DOCUMENT_NOUN = re.compile(r"\b(?:resolution|draft|text|motion|amendment|measure|decision|proposal)s?\b",
                            _F)
_VOTE_VERB = re.compile(r"\bvot(?:e|ed|es|ing)\b", _F)
_AMENDMENT = re.compile(r"\bamendments?\b", _F)
_OTHER_VOTE = re.compile(
    r"\b(?:similar|previous|earlier|prior|separate|another|rival|competing|last\s+year['’]s|"
    r"last\s+month['’]s)\s+(?:[\w-]+\s+){0,2}?(?:resolution|draft|text|vote|measure|motion)s?\b", _F)
_YEAR = re.compile(r"\b(?:in|since)\s+((?:19|20)\d\d)\b", _F)
_SYMBOL = re.compile(r"\b[AES]/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*"
                     r"(?:\s\((?:19|20)\d\d\))?")
_SUBJECT = re.compile(
    r"\b(?:(?P<article>an?|the)\s+)?(?P<phrase>(?(article)(?:[\w-]+\s+){0,2}?|)(?:resolution|text|motion|amendment|"
    r"measure|draft)\b(?P<rest>\s+[a-z][\w’'-]*(?:\s+[\w’'-]+){0,12})?)"
    r"|\bvoted\s+to\s+(?P<purpose>[a-z][\w’'-]*(?:\s+[\w’'-]+){1,12})")
_SUBJECT_TAIL = re.compile(
    rf"\s+(?:(?:by|with)\s+(?:an?\s+)?(?:recorded\s+)?(?:vote|{NUMBER})|on\s+(?:\d|[A-Z]\w+day|"
    r"[A-Z][a-z]+\.?\s+\d)|(?:in|at|by|before|of)\s+the\s+[^,]*?(?:Council|Assembly|Committee|council"
    r"|assembly)|(?:last|this)\s+\w+|(?:today|yesterday|on\s+[A-Z]\w+day))\b.*$")
_PREDICATE = re.compile(r"\s+(?:was|were|is|are|has|had|have|will|would|could|failed|passed|adopted"
                        r"|received|got|won|states|says|said)\b")
_NUMBERED_COUNCIL_RESOLUTION = re.compile(r"\bresolution\s+(\d{2,4})\s*\(((?:19|20)\d\d)\)", _F)
_JOINT = re.compile(
    r"(?:\s*\([^()]{0,40}\))?(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|along\s+with\s+|plus\s+)?"
    r"|\s+(?:and|as\s+well\s+as|along\s+with|plus)\s+|\s*;\s*)")
_BACKWARD_GAP = re.compile(
    r"\s*(?:,\s*)?(?:(?:which|who|that|also|both|all|had|have|has|then|itself|too|instead|again"
    r"|jointly|yesterday|today)\s+|on\s+[A-Z]\w+(?:\s+\d{1,2})?\s+|,\s*)*")
_BETWEEN_ITEMS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+along\s+with\s+)",
                            _F)
_VETO_WORD = re.compile(r"\bveto(?:ed|es|ing)?\b", _F)
_VETO_THREAT = re.compile(r"(?:threat\w*\s+(?:of\s+|to\s+)?(?:a\s+)?|would|could|might|may|will|"
                          r"to)\s+(?:\w+\s+)?$", _F)

# ---------------------------------------------------------------- adoption, kind, symbol, subject
_REJECTED = re.compile(
    r"\b(?:rejected|defeated|voted\s+down|blocked)\b|\bfailed\s+(?:to\s+(?:pass|be\s+adopted|win|get"
    r"|secure|garner|gain|receive|muster)|by)\b|\bnot\s+(?:been\s+|be\s+)?adopted\b|\bdid\s+not\s+pass\b"
    r"|\bfell\s+short\b", _F)
_ADOPTED = re.compile(r"\b(?:adopted|passed|approved|endorsed)\b", _F)
_DOCUMENT_NOUN = re.compile(r"\b(?:resolution|draft|text|motion|amendment|measure|decision|proposal)s?\b",
                            _F)
_VOTE_VERB = re.compile(r"\bvot(?:e|ed|es|ing)\b", _F)
_AMENDMENT = re.compile(r"\bamendments?\b", _F)
_OTHER_VOTE = re.compile(
    r"\b(?:similar|previous|earlier|prior|separate|another|rival|competing|last\s+year['’]s|"
    r"last\s+month['’]s)\s+(?:[\w-]+\s+){0,2}?(?:resolution|draft|text|vote|measure|motion)s?\b", _F)
_YEAR = re.compile(r"\b(?:in|since)\s+((?:19|20)\d\d)\b", _F)
_SYMBOL = re.compile(r"\b[AES]/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*"
                     r"(?:\s\((?:19|20)\d\d\))?")
_SUBJECT = re.compile(
    r"\b(?:(?P<article>an?|the)\s+)?(?P<phrase>(?(article)(?:[\w-]+\s+){0,2}?|)(?:resolution|text|motion|amendment|"
    r"measure|draft)\b(?P<rest>\s+[a-z][\w’'-]*(?:\s+[\w’'-]+){0,12})?)"
    r"|\bvoted\s+to\s+(?P<purpose>[a-z][\w’'-]*(?:\s+[\w’'-]+){1,12})")
_SUBJECT_TAIL = re.compile(
    rf"\s+(?:(?:by|with)\s+(?:an?\s+)?(?:recorded\s+)?(?:vote|{NUMBER})|on\s+(?:\d|[A-Z]\w+day|"
    r"[A-Z][a-z]+\.?\s+\d)|(?:in|at|by|before|of)\s+the\s+[^,]*?(?:Council|Assembly|Committee|council"
    r"|assembly)|(?:last|this)\s+\w+|(?:today|yesterday|on\s+[A-Z]\w+day))\b.*$")
_PREDICATE = re.compile(r"\s+(?:was|were|is|are|has|had|have|will|would|could|failed|passed|adopted"
                        r"|received|got|won|states|says|said)\b")
_NUMBERED_COUNCIL_RESOLUTION = re.compile(r"\bresolution\s+(\d{2,4})\s*\(((?:19|20)\d\d)\)", _F)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[\"“‘(\[]*[A-Z0-9])|\n\s*")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|No|Jan|Feb|Mar|Apr|Jun|Jul|"
                           r"Aug|Sep|Sept|Oct|Nov|Dec|Amb|Lt|Col|Gov|Prof|vs|etc|Inc|Ltd|Jr|Sr))\.$")
_JOINT = re.compile(r";\s*|,?\s+(?:while|whereas|but|before|after|and\s+then)\s+(?=\S)", _F)


@dataclass
class _Segment:
    """What one piece of text says about a vote."""

    start: int
    end: int
    counts: dict[str, int] = field(default_factory=dict)
    positions: dict[str, tuple[Position, tuple[int, int]]] = field(default_factory=dict)
    listed: dict[str, int] = field(default_factory=dict)  # counts implied by exhaustive lists
    vetoed_by: list[str] = field(default_factory=list)
    adopted: bool | None = None
    unanimous: bool = False
    rest: str | None = None  # "absent" or "abstain": everyone else did this
    body: str | None = None
    members: int | None = None
    date: str | None = None
    date_text: str | None = None
    date_key: str | None = None
    symbol: str | None = None
    council_resolution: str | None = None  # "resolution 2231 (2015)": a Security Council number
    subject: str | None = None
    kind: str = "resolution"
    other_vote: bool = False

    @property
    def decisive(self) -> bool:
        """Says how the vote went: a tally, a position, a veto or the outcome."""
        return self.strong or self.adopted is not None

    @property
    def strong(self) -> bool:
        """Enough to start a vote: a tally, a named position or a veto."""
        return bool(self.counts or self.positions or self.vetoed_by or self.unanimous)


@dataclass
class _Draft:
    vote: Vote
    kind: str
    date_key: str | None
    listed: dict[str, int] = field(default_factory=dict)
    unanimous: bool = False
    rest: str | None = None
    body_stated: bool = False
    council_resolution: str | None = None


def _segments(text: str) -> list[tuple[int, int]]:
    """Sentence pieces as (start, end): sentences split again at ";" and clause joints."""
    pieces = []
    for start, end in sentence_spans(text):
        cut = start
        for joint in _JOINT.finditer(text, start, end):
            if text.count("(", start, joint.start()) > text.count(")", start, joint.start()):
                continue  # inside "(In favour: ...; Against: ...)"
            pieces.append((cut, joint.start()))
            cut = joint.end()
        pieces.append((cut, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _body_mentions(text: str) -> list[tuple[int, int, str]]:
    """Every body mention as (start, end, body); "the council" follows the last council named."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, body in _BODY_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            name = body
            if body == "committee":
                name = f"UNGA {match.group(1).title()} Committee"
            elif body == "named":
                name = re.sub(r"^The\s+", "", match.group()).strip()
            found.append((match.start(), match.end(), name))
            taken.append((match.start(), match.end()))
    found.sort()
    resolved, last_council, last_assembly = [], "UNSC", "UNGA"
    for start, end, name in found:
        if name == "council":
            name = last_council
        elif name == "assembly":
            name = last_assembly
        elif name in ("UNSC", "HRC", "ECOSOC") or name.endswith("Council"):
            last_council = name
        elif name == "UNGA" or name.endswith("Assembly"):
            last_assembly = name
        resolved.append((start, end, name))
    return resolved


class _Reader:
    """Reads the facts of each segment of one text."""

    def __init__(self, text: str, published: str | None) -> None:
        self.text = text
        self.published = published
        self.mentions = [m for m in find_countries(text) if m.form in ("name", "demonym")]
        self.bodies = _body_mentions(text)
        self.dates = find_date_phrases(text)

    # -- helpers
    def _voting_mentions(self, start: int, end: int) -> list[CountryMention]:
        """Country names in [start, end) that can cast a vote (not "Russia's ...")."""
        return [
            m for m in self.mentions
            if start <= m.start and m.end <= end and m.form == "name"
            and not re.match(r"['’]s?\b", self.text[m.end:m.end + 2])
        ]

    def _list_after(self, position: int, end: int, introduced: bool = False) -> list[CountryMention]:
        """A list of countries starting at ``position``: "Syria, Nicaragua and Belarus".

        Unless ``introduced`` (a label or "vetoed by"), the list must be set off by punctuation
        or "were"/"including": in "voted against Israel" Israel is what was voted on.
        """
        filler = _LIST_FILLER.match(self.text, position, end)
        cursor = filler.end() if filler else position
        if not introduced and not _LIST_INTRODUCTION.search(self.text, position, cursor):
            return []
        items: list[CountryMention] = []
        candidates = self._voting_mentions(cursor, end)
        while candidates:
            mention = next((m for m in candidates if m.start >= cursor), None)
            if mention is None:
                break
            prefix = self.text[cursor:mention.start]
            if not _LIST_DESCRIPTOR.fullmatch(prefix):
                break
            items.append(mention)
            joint = _LIST_JOINT.match(self.text, mention.end, end)
            if not joint or not joint.group():
                break
            cursor = joint.end()
        return items

    def _list_before(self, position: int, start: int) -> list[CountryMention]:
        """A list of countries ending right before ``position``: "Russia and China voted"."""
        mentions = self._voting_mentions(start, position)
        items: list[CountryMention] = []
        cursor = position
        for mention in reversed(mentions):
            gap = self.text[mention.end:cursor]
            pattern = _BACKWARD_GAP if not items else _BETWEEN_ITEMS
            if not pattern.fullmatch(gap):
                break
            items.append(mention)
            cursor = mention.start
        return items[::-1]

    # -- one segment
    def read(self, start: int, end: int) -> _Segment:
        text = self.text
        segment = _Segment(start, end)
        piece = text[start:end]
        if not _VOTE_WORDS.search(piece):
            return segment
        self._read_counts(segment)
        self._read_positions(segment)
        self._read_vetoes(segment)
        if segment.vetoed_by or _REJECTED.search(piece):
            segment.adopted = False
        elif (adopted := _ADOPTED.search(piece)) and not re.search(
            r"\b(?:not|never|yet\s+to)\s+(?:been\s+|be\s+)?$", piece[:adopted.start()]
        ):
            segment.adopted = True
        if segment.adopted is not None and not segment.strong and not (
            _DOCUMENT_NOUN.search(piece) or any(start <= b[0] < end for b in self.bodies)
        ):
            segment.adopted = None  # "time passed", "adopted a new strategy"
        if segment.decisive or _VOTE_VERB.search(piece):
            self._read_context(segment)
        return segment

    def _read_counts(self, segment: _Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        for pattern in _COUNT_PATTERNS:
            for match in pattern.finditer(text, start, end):
                for name, value in match.groupdict().items():
                    number = parse_number(value) if value else None
                    key = "absent" if name == "absent2" else name
                    if number is not None and key in COUNTS:
                        segment.counts.setdefault(key, number)
        for match in _JOINED.finditer(text, start, end):
            position = _side(match.group("side"))
            joined = self._voting_mentions(match.start("joined"), match.end("joined"))
            number = parse_number(match.group("n"))
            if number is not None and position:
                segment.counts[position] = number + len(joined)
                for mention in joined:
                    self._place(segment, mention, position)
        if rest := _REST.search(text, start, end):
            segment.rest = "abstain" if "abstain" in rest.group("what").lower() else "absent"
        segment.unanimous = bool(_UNANIMOUS.search(text, start, end))

    def _read_positions(self, segment: _Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        labels = list(_LABEL.finditer(text, start, end))
        for index, label in enumerate(labels):  # "(In favour: A, B; Against: C)"
            stop = labels[index + 1].start() if index + 1 < len(labels) else end
            closing = text.find(")", label.end(), stop)
            stop = closing if closing != -1 and "(" not in text[label.end():closing] else stop
            position = _side(label.group("label"))
            named = self._voting_mentions(label.end(), stop)
            for mention in named:
                self._place(segment, mention, position)
            if named and position:
                segment.listed[position] = len(named)
        labelled = (labels[0].start(), end) if labels else (end, end)
        for position, cue in _FORWARD_CUES:
            for match in cue.finditer(text, start, labelled[0]):
                for mention in self._list_after(match.end(), labelled[0]):
                    self._place(segment, mention, position)
        for match in _BACKWARD_CUE.finditer(text, start, labelled[0]):
            verb = match.group("verb").lower()
            if verb.startswith("veto"):
                continue
            position = _side(match.group("rest") or verb)
            if position is None:
                continue
            for mention in self._list_before(match.start(), start):
                self._place(segment, mention, position)

    def _read_vetoes(self, segment: _Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        vetoers: list[CountryMention] = []
        for match in _VETO_WORD.finditer(text, start, end):
            if _VETO_THREAT.search(text[max(start, match.start() - 30):match.start()]):
                continue
            vetoers += self._list_before(match.start(), start)
            if re.match(r"\s+by\b", text[match.end():match.end() + 4]):
                vetoers += self._list_after(match.end() + 4, end, introduced=True)
            for mention in self.mentions:  # "Russia's veto", "a Russian veto"
                if start <= mention.start < match.start() and re.fullmatch(
                    r"(?:['’]s\s+|\s+)(?:(?:and|double|\w+['’]s)\s+){0,3}(?:\w+\s+)?",
                    text[mention.end:match.start()],
                ) and (mention.form == "demonym" or text[mention.end] in "'’"):
                    vetoers.append(mention)
        for mention in vetoers:
            if mention.iso3 not in segment.vetoed_by:
                segment.vetoed_by.append(mention.iso3)
            self._place(segment, mention, "no")

    def _read_context(self, segment: _Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        piece = text[start:end]
        anchor = min([*(s for _, (_, (s, _e)) in segment.positions.items()), end])
        bodies = [b for b in self.bodies if start <= b[0] < end]
        if segment.vetoed_by:
            segment.body = "UNSC"
        elif bodies:
            segment.body = bodies[0][2]
        for match in _MEMBERSHIP.finditer(text, start, end):
            following = [b for b in bodies if 0 <= b[0] - match.end() <= 40]
            if following and (segment.body in (None, following[0][2])):
                segment.members = parse_number(match.group("n"))
        dates = [d for d in self.dates if start <= d[0] < end]
        if dates:
            nearest = min(dates, key=lambda d: abs(d[0] - anchor))
            segment.date_text = nearest[2]
            segment.date = resolve_date(nearest[2], self.published)
            segment.date_key = segment.date or re.sub(r"^(?:on|in)\s+", "", nearest[2].lower())
        elif year := _YEAR.search(piece):
            segment.date_text, segment.date_key = year.group(), year.group(1)
        if symbol := _SYMBOL.search(piece):
            segment.symbol = symbol.group().rstrip(".")
        elif numbered := _NUMBERED_COUNCIL_RESOLUTION.search(piece):
            segment.council_resolution = f"S/RES/{numbered.group(1)} ({numbered.group(2)})"
        segment.kind = "amendment" if _AMENDMENT.search(piece) else "resolution"
        segment.other_vote = bool(_OTHER_VOTE.search(piece))
        segment.subject = _subject(_SYMBOL.sub(" ", piece))

    def _place(self, segment: _Segment, mention: CountryMention, position: Position | None) -> None:
        if position and mention.iso3 not in segment.positions:
            segment.positions[mention.iso3] = (position, (mention.start, mention.end))


def _side(words: str) -> Position | None:
    """The position a cue names: "in favour" -> yes, "Abstaining" -> abstain."""
    words = words.lower()
    if "abstain" in words or "abstention" in words:
        return "abstain"
    if "absent" in words or "not vot" in words or "non-voting" in words or "n't vote" in words:
        return "absent"
    if "against" in words or re.search(r"\bno\b", words):
        return "no"
    if re.search(r"favou?r|\bfor\b|\byes\b", words):
        return "yes"
    return None


def _compatible(draft: _Draft, segment: _Segment) -> bool:
    vote = draft.vote
    if draft.kind != segment.kind:
        return False
    if segment.body and vote.body and segment.body != vote.body and draft.body_stated:
        return False
    if segment.date_key and draft.date_key and not (
        segment.date_key.startswith(draft.date_key) or draft.date_key.startswith(segment.date_key)
    ):
        return False
    for key, value in segment.counts.items():
        if getattr(vote, key) is not None and getattr(vote, key) != value:
            return False
    return all(
        vote.positions.get(iso3, position) == position
        for iso3, (position, _span) in segment.positions.items()
    )


def _merge(draft: _Draft, segment: _Segment) -> None:
    vote = draft.vote
    vote.start, vote.end = min(vote.start, segment.start), max(vote.end, segment.end)
    if segment.body and not draft.body_stated:
        vote.body, draft.body_stated = segment.body, True
    for key, value in segment.counts.items():
        if getattr(vote, key) is None:
            setattr(vote, key, value)
    for iso3, (position, span) in segment.positions.items():
        if iso3 not in vote.positions:
            vote.positions[iso3], vote.position_spans[iso3] = position, span
    for iso3 in segment.vetoed_by:
        if iso3 not in vote.vetoed_by:
            vote.vetoed_by.append(iso3)
    if segment.date_key and (draft.date_key is None or vote.date is None and segment.date):
        vote.date, vote.date_text, draft.date_key = segment.date, segment.date_text, segment.date_key
    if vote.adopted is None or segment.adopted is False:
        vote.adopted = segment.adopted if segment.adopted is not None else vote.adopted
    vote.members = vote.members or segment.members
    vote.resolution = vote.resolution or segment.symbol
    if segment.subject and (vote.subject is None or len(vote.subject.split()) < 3):
        vote.subject = segment.subject
    for key, value in segment.listed.items():
        draft.listed.setdefault(key, value)
    draft.council_resolution = draft.council_resolution or segment.council_resolution
    draft.unanimous = draft.unanimous or segment.unanimous
    draft.rest = draft.rest or segment.rest


def _finish(draft: _Draft, reader: _Reader) -> Vote:
    """Fill what the stated facts imply: membership, listed counts, the rest, adoption."""
    vote = draft.vote
    if not draft.body_stated:
        before = [b for b in reader.bodies if b[0] < vote.start]
        after = [b for b in reader.bodies if b[0] >= vote.start]
        vote.body = (before[-1] if before else after[0])[2] if reader.bodies else "UN"
        if vote.vetoed_by:
            vote.body = "UNSC"
    vote.members = vote.members or FIXED_MEMBERSHIP.get(vote.body)
    if vote.resolution is None and vote.body == "UNSC":
        vote.resolution = draft.council_resolution
    for key, value in draft.listed.items():
        if getattr(vote, key) is None:
            setattr(vote, key, value)
    if draft.unanimous and vote.members and vote.no is None and vote.abstain is None:
        vote.yes = vote.yes if vote.yes is not None else vote.members
        vote.no = vote.abstain = 0
    named = {key: sum(1 for p in vote.positions.values() if p == key) for key in COUNTS}
    if vote.members and vote.yes is not None and vote.no is None and vote.abstain is None and (
        named["no"] + named["abstain"] + (vote.absent or 0) == vote.members - vote.yes
    ):  # "13 in favour", vetoed by the other two: every remaining vote is named
        vote.no, vote.abstain = named["no"], named["abstain"]
    known = [vote.yes, vote.no, vote.abstain]
    if vote.members and vote.absent is None and None not in known:
        remainder = vote.members - sum(known)
        if remainder >= 0 and (draft.rest == "absent" or draft.rest is None):
            vote.absent, vote.absent_derived = remainder, True
    elif vote.members and draft.rest == "abstain" and vote.abstain is None and None not in (
        vote.yes, vote.no
    ):
        vote.abstain = vote.members - vote.yes - vote.no - (vote.absent or 0)
    if vote.body == "UNSC" and vote.yes is not None and vote.yes >= 9:
        for iso3, position in vote.positions.items():
            if position == "no" and iso3 in PERMANENT_MEMBERS and iso3 not in vote.vetoed_by:
                vote.vetoed_by.append(iso3)
    if vote.vetoed_by:
        vote.adopted = False
    elif vote.adopted is None and vote.yes is not None:
        if vote.body == "UNSC":
            vote.adopted = vote.yes >= 9
        elif vote.no is not None and (vote.yes >= 2 * vote.no or vote.yes <= vote.no):
            vote.adopted = vote.yes >= 2 * vote.no and vote.yes > vote.no
    return vote


def extract_votes(text: str, published: str | None = None) -> list[Vote]:
    """Every vote ``text`` reports, in order of first mention; [] when there is none."""
    if not isinstance(text, str) or not _VOTE_WORDS.search(text):
        return []
    reader = _Reader(text, published)
    drafts: list[_Draft] = []
    recent: list[_Draft] = []  # most recently touched last
    waiting: list[_Segment] = []  # "The Council voted on Friday to ...": context for the next vote
    for start, end in _segments(text):
        segment = reader.read(start, end)
        if not segment.decisive:  # context only when it names the body: "The Council voted to..."
            if segment.body and _VOTE_VERB.search(text, start, end):
                same_body = [d for d in recent if d.body_stated and d.vote.body == segment.body]
                if same_body and _compatible(same_body[-1], segment):
                    _merge(same_body[-1], segment)
                else:
                    waiting.append(segment)
            continue
        target = None
        if not segment.other_vote:
            target = next((d for d in reversed(recent) if _compatible(d, segment)), None)
        if target is None:
            if not segment.strong and not (segment.body or segment.symbol):
                continue
            target = _Draft(Vote(body="", start=start, end=end), segment.kind, None)
            drafts.append(target)
            _merge(target, segment)
            for earlier in waiting:
                if (earlier.body == target.vote.body or not target.body_stated) and _compatible(
                    target, earlier
                ):
                    _merge(target, earlier)
            waiting.clear()
        _merge(target, segment)
        if target in recent:
            recent.remove(target)
        recent.append(target)
    votes = [_finish(draft, reader) for draft in drafts]
    return [vote for vote in votes if _reportable(vote, text)]


def _reportable(vote: Vote, text: str) -> bool:
    """A UN vote with something to report, not "the Senate's vote" or "has passed resolutions"."""
    if not (vote.body in UN_BODIES or vote.body.startswith("UNGA ") or vote.resolution
            or _UN_CONTEXT.search(text)):
        return False
    tallied = any(getattr(vote, key) is not None for key in COUNTS)
    return bool(tallied or vote.positions or vote.vetoed_by or vote.resolution or vote.date_text)


def _subject(piece: str) -> str | None:
    """What was voted on: "resolution calling Moscow's move illegal", from one segment."""
    fallback = None
    for match in _SUBJECT.finditer(piece):
        if match.group("purpose"):
            phrase, complete = match.group("purpose"), True
        elif match.group("article") or match.group("rest"):
            rest = match.group("rest") or ""
            complete = bool(rest) and not _PREDICATE.match(rest)
            phrase = match.group("phrase") if complete else match.group("phrase")[: -len(rest) or None]
        else:
            continue
        phrase = " ".join(_SUBJECT_TAIL.sub("", phrase).split()).strip(" ,–—-")
        if complete and len(phrase.split()) >= 3:
            return phrase
        if len(phrase.split()) >= 2:
            fallback = fallback or phrase
    return fallback
