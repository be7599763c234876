"""Votes reported in news text and UN releases: body, date, symbol, tallies and named positions.

``votes_in`` reads an analysed text (:mod:`extraction.text`: its sentences, country mentions,
quotation spans and date phrases). The text is cut into segments (sentences, split again at ";",
at ", while"-style joints and after a leading "After ...," clause). Each segment yields facts —
counts, named positions, vetoes, adoption, body, date, symbol — and joins the most recent vote it
is compatible with (same kind, body and date, no clashing count or position) among the last
``RECENT_VOTES`` votes told of, or starts a new one. An amendment, a "similar"/"previous"
resolution, another body or another date is therefore a separate vote.
Segments that only say how voting works ("a no vote from any permanent member...") or speak of a
vote still to come ("is expected to be adopted", "will vote on Friday") are ignored; a dated record
of many votes ("The Council this morning adopted six texts") only gives its body and date as
context. Context waits for the votes of the next few segments ("The Assembly on Friday backed a
bid ... The assembly adopted it with 143 votes"). A segment whose vote words are all inside
someone's quoted words ("“Chile voted against it,” he said") never starts a vote nor gives
context: it may only add to a compatible vote already told.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from extraction.countries import CountryMention
from extraction.country_lists import CountryLists
from extraction.dates import resolve_date
from extraction.lexicon import VOTED_TEXT_NOUNS
from extraction.models import Position, Vote
from extraction.numbers import NUMBER, parse_number
from extraction.quote_marks import QuotationSpan
from extraction.scanning import finditer_where, fold_case
from extraction.tallies import COUNTS, find_rest, find_tallies, is_unanimous, side
from extraction.text import AnalyzedText
from extraction.vote_subjects import vote_subject

PERMANENT_MEMBERS = frozenset({"CHN", "FRA", "GBR", "RUS", "USA"})  # UN Charter, Article 23
FIXED_MEMBERSHIP = {"UNSC": 15, "HRC": 47}
COUNCIL_MAJORITY = 9  # affirmative votes a Security Council resolution needs
UN_BODIES = frozenset({"UNGA", "UNSC", "HRC", "ECOSOC"})
_UN_CONTEXT = re.compile(r"\bU\.?N\.?\b|\bUnited Nations\b")
# In the text's lower case, what every text that may report a UN vote holds: a council or assembly
# (referred to or named), the UN, a veto, a UN document or a Main Committee. Most texts hold none.
_UN_HINT_WORDS = ("council", "assembly", "world body", "veto", "united nations", "unga", "unsc", "unhrc", "ecosoc")
_UN_HINT = re.compile(r"u(?<!\wu)\.?n\b|/(?<=\b[aes]/)\d|resolution \d")  # literal first: a fast scan
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")

_F = re.IGNORECASE
_VOTE_WORD_FORMS = (r"\bvot", "abstain", "abstention", "veto", "in favou?r", "against", "adopt", "unanimous",
                    "reject", "approv", "passed", r"\bfailed", r"\bsupported by", r"\bbacked by")
_VOTE_WORDS = re.compile("|".join(_VOTE_WORD_FORMS), _F)
# Finder (see extraction.scanning): the first three characters of each form, all literal.
_VOTE_WORD_FINDER = re.compile("|".join(
    f"{prefix[0]}(?={re.escape(prefix[1:])})"
    for prefix in sorted({form.removeprefix(r"\b")[:3] for form in _VOTE_WORD_FORMS})
))
# How voting works or a record of many votes, not how one vote went: "a no vote from any
# permanent member blocks action", "the UN has passed five resolutions".
_GENERIC = re.compile(
    r"\bany\s+(?:one\s+)?(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:members?|resolutions?|measures?"
    r"|drafts?|country|state)\b|\bthe\s+power\s+to\b|\b(?:needs?|needed|requires?|required)\s+"
    r"(?:an?\s+)?(?:two-thirds?|simple|majority|nine)\b"
    r"|\b(?:passed|adopted|approved)\s+(?:[\w-]+\s+){0,3}?(?:resolutions|texts|drafts)\b", _F)
# Said of a vote still to come or only imagined: "will vote", "is expected to be adopted",
# "could be put to a vote". Lower case only: "In May the Assembly voted" is no modal.
_HYPOTHETICAL = re.compile(
    r"\b(?:will|would|could|might|may|shall|must|(?:expected|likely|unlikely|set|due|scheduled|poised"
    r"|planning|plans?|aims?|hopes?|going|yet|(?:is|are))\s+to)\s+(?:[\w-]+\s+){0,4}?$")
SPEECH_WORDS = 3  # shorter quoted words ("voted “no”", a “sham” vote) are not someone speaking
CONTEXT_REACH = 3  # a waiting piece of context is used by a vote at most this many segments later
RECENT_VOTES = 32  # a segment may join one of this many votes, the latest told of (an article tells a few)

# ---------------------------------------------------------------- segments
_JOINT = re.compile(r";\s*|,?\s+(?:while|whereas|but|and\s+then)\s+(?=\S)|,\s+(?:before|after)\s+(?=\S)",
                    _F)
_LEADING_CLAUSE = re.compile(r"(?:After|Before|Following|Although|Though)\b[^,;()]{5,200}?,\s*")

# ---------------------------------------------------------------- bodies
_ORDINAL = r"(First|Second|Third|Fourth|Fifth|Sixth)"
_BODY_NOUNS = r"(?:Council|Assembly|Board|Committee|Commission|Conference)"
_NAME_WORD = r"[A-Z][\w'’.&-]*"
# (pattern, body, finder): a finder of a pattern that ignores case reads the text in lower case
# (see extraction.scanning).
_BODY_PATTERNS: list[tuple[re.Pattern, str, re.Pattern]] = [
    (re.compile(r"\bHuman Rights Council\b|\bUNHRC\b|\brights council\b", _F), "HRC",
     re.compile(r"h(?=uman rights council)|u(?=nhrc)|r(?=ights council)")),
    (re.compile(rf"\b{_ORDINAL} Committee\b"), "committee", re.compile(r"[FST](?=[a-z]+ Committee)")),
    (re.compile(r"\bSecurity Council\b|\bUNSC\b", _F), "UNSC", re.compile(r"s(?=ecurity council)|u(?=nsc)")),
    (re.compile(r"\bGeneral Assembly\b|\bUNGA\b", _F), "UNGA", re.compile(r"g(?=eneral assembly)|u(?=nga)")),
    (re.compile(r"\bEconomic and Social Council\b|\bECOSOC\b", _F), "ECOSOC",
     re.compile(r"e(?=conomic and social council|cosoc)")),
    (re.compile(r"\b(?:the|this)\s+(?:\d+-\w+\s+)?(?P<ref>[Cc]ouncil|[Aa]ssembly|Committee)\b", _F),
     "reference", re.compile(r"t(?=h(?:e|is)\s+(?:\d+-\S+\s+)?(?:council|assembly|committee))")),
    (re.compile(rf"\b(?:{_NAME_WORD}\s+){{1,5}}{_BODY_NOUNS}\b"), "named",
     re.compile(rf"[A-Z](?<!\w.)(?=[\w'’.&-]*\s+(?:{_NAME_WORD}\s+){{0,4}}{_BODY_NOUNS})")),
    (re.compile(r"\b(?:the|this)\s+(?:\d+-\w+\s+)?world body\b"), "reference",
     re.compile(r"t(?<!\w.)(?=h(?:e|is)\s+(?:\d+-\w+\s+)?world body)")),
]
_MEMBERSHIP = re.compile(rf"(?P<n>{NUMBER})[-‐\s](?:member|nation|seat|strong)\b", _F)
# "153 votes from a total of 193 members", "out of 15 members": the membership, no body named
_TOTAL_MEMBERSHIP = re.compile(
    rf"\b(?:(?:from|out\s+of)\s+(?:a\s+total\s+of\s+)?|a\s+total\s+of\s+)(?:the\s+)?(?P<n>{NUMBER})"
    r"\s+(?:member\s+states|members|countries|states|nations)\b", _F)

# ---------------------------------------------------------------- positions and vetoes
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
_VETO_WORD = re.compile(r"\bveto(?:ed|es|ing)?\b", _F)
_VETO_THREAT = re.compile(r"(?:threat\w*\s+(?:of\s+|to\s+)?(?:a\s+)?|would|could|might|may|will|"
                          r"to)\s+(?:\w+\s+)?$", _F)
# At most five words (counting "'s") between a country and its veto: _VETO_OWNER and _DELEGATION.
MAX_WORDS_BEFORE_VETO = 5
_VETO_OWNER = re.compile(r"(?:['’]s\s+|\s+)(?:(?:and|double|\w+['’]s)\s+){0,3}(?:\w+\s+)?")
# "the US delegation vetoed", "the Chinese envoy had vetoed": the country's representatives
_DELEGATION = re.compile(r"\s+(?:delegation|government|mission|envoy|ambassador|representative)\s+"
                         r"(?:\w+\s+)?", _F)

# ---------------------------------------------------------------- adoption, kind, symbol
_REJECTED = re.compile(
    r"\b(?:rejected|defeated|voted\s+down|blocked|scrapped)\b|\bfailed\s+(?:to\s+(?:pass|be\s+adopted"
    r"|win|get|secure|garner|gain|receive|muster)|by)\b|\bnot\s+(?:been\s+|be\s+)?adopted\b"
    r"|\bdid\s+not\s+pass\b|\bfell\s+short\b", _F)
_ADOPTED = re.compile(r"\b(?:adopted|passed|approved|endorsed)\b", _F)
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to)\s+(?:been\s+|be\s+)?$", _F)
_DOCUMENT_NOUN = re.compile(rf"\b(?:{'|'.join(VOTED_TEXT_NOUNS)}|decision|proposal)s?\b", _F)
_VOTE_VERB = re.compile(r"\bvot(?:e|ed|es|ing)\b", _F)
_AMENDMENT = re.compile(r"\bamendments?\b", _F)
_OTHER_VOTE = re.compile(
    r"\b(?:similar|previous|earlier|prior|separate|another|rival|competing|last\s+year['’]s|"
    r"last\s+month['’]s)\s+(?:[\w-]+\s+){0,2}?(?:resolution|draft|text|vote|measure|motion)s?\b", _F)
_YEAR = re.compile(r"\b(?:in|since)\s+((?:19|20)\d\d)\b", _F)
_SYMBOL = re.compile(r"\b[AES]/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*"
                     r"(?:\s\((?:19|20)\d\d\))?")
_NUMBERED_COUNCIL_RESOLUTION = re.compile(r"\bresolution\s+(\d{2,4})\s*\(((?:19|20)\d\d)\)", _F)


@dataclass
class _Segment:
    """What one piece of text says about a vote."""

    start: int
    end: int
    index: int = 0  # position among the text's segments
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
    quoted: bool = False  # every vote word is inside a quotation: it may only add to a known vote

    @property
    def decisive(self) -> bool:
        """Says how the vote went: a tally, a position, a veto, the outcome or "the rest"."""
        return self.strong or self.adopted is not None or self.rest is not None

    @property
    def strong(self) -> bool:
        """Enough to start a vote: a tally, a named position or a veto."""
        return bool(self.counts or self.positions or self.vetoed_by or self.unanimous)


class _VoteWords:
    """Every vote word of a text (``_VOTE_WORDS.finditer``), found in one fast pass."""

    def __init__(self, text: str, folded: str) -> None:
        self.matches = list(finditer_where(_VOTE_WORDS, text, _VOTE_WORD_FINDER, folded))
        self._starts = [match.start() for match in self.matches]

    def between(self, start: int, end: int) -> list[re.Match]:
        """The vote words that start in [start, end) (no vote word spans two segments)."""
        return self.matches[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


class _Speech:
    """Where the text quotes someone's words."""

    def __init__(self, text: str, quotations: list[QuotationSpan]) -> None:
        spans = sorted((q.start, q.end) for q in quotations if len(text[q.start:q.end].split()) >= SPEECH_WORDS)
        self._starts = [start for start, _ in spans]
        self._reach = list(accumulate((end for _, end in spans), max))  # furthest end so far

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` is inside quoted words."""
        started = bisect_right(self._starts, offset)
        return started > 0 and self._reach[started - 1] > offset


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


def _segments(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def _body_mentions(text: str, folded: str) -> list[tuple[int, int, str]]:
    """Every body mention as (start, end, body); "the council" follows the last council named
    (``folded``: the text's ``fold_case``)."""
    found: list[tuple[int, int, str]] = []  # in order, never overlapping
    for pattern, body, finder in _BODY_PATTERNS:
        ends = [end for _, end, _ in found]
        finder_text = folded if pattern.flags & re.IGNORECASE else text
        new = [
            (match.start(), match.end(), _body_name(match, body))
            for match in finditer_where(pattern, text, finder, finder_text)
            if not _overlaps(found, ends, match.start(), match.end())
        ]
        found = sorted(found + new)
    resolved = []
    last = {"council": "UNSC", "assembly": "UNGA", "committee": None}
    for start, end, name in found:
        if name in last:
            name = last[name]
        elif name in ("UNSC", "HRC", "ECOSOC") or name.endswith("Council"):
            last["council"] = name
        elif name == "UNGA" or name.endswith("Assembly"):
            last["assembly"] = name
        elif name.endswith("Committee"):
            last["committee"] = name
        if name:
            resolved.append((start, end, name))
    return resolved


def _overlaps(spans: list[tuple[int, int, str]], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans``, which are in order and never overlap (so
    their ``ends`` ascend too)."""
    first_ending_after = bisect_right(ends, start)
    return first_ending_after < len(spans) and spans[first_ending_after][0] < end


def _body_name(match: re.Match, body: str) -> str:
    """The body one pattern match names; "council"/"assembly"/"committee" for a reference."""
    if body == "committee":
        return f"UNGA {match.group(1).title()} Committee"
    if body == "reference":
        return (match.groupdict().get("ref") or "assembly").lower()
    if body == "named":
        name = re.sub(r"^The\s+", "", match.group()).strip()
        return name.lower() if name in ("Council", "Assembly", "Committee") else name
    return body


class _Reader:
    """Reads the facts of each segment of one text."""

    def __init__(self, analyzed: AnalyzedText, published: str | None, vote_words: _VoteWords,
                 bodies: list[tuple[int, int, str]]) -> None:
        text = self.text = analyzed.text
        self.published = published
        self.vote_words = vote_words
        self.mentions = [m for m in analyzed.countries if m.form in ("name", "demonym")]
        self.lists = CountryLists(text, self.mentions)
        self.bodies = bodies
        self._body_starts = [start for start, _, _ in self.bodies]
        self.dates = analyzed.date_phrases
        self._date_starts = [start for start, _, _ in self.dates]
        self.speech = _Speech(text, analyzed.quotations)

    def read(self, start: int, end: int, index: int = 0) -> _Segment:
        """The facts of ``text[start:end]``, the text's segment number ``index``."""
        segment = _Segment(start, end, index)
        piece = self.text[start:end]
        if not self.vote_words.between(start, end):
            if self._bodies_between(start, end):
                self._read_context(segment)  # "The Assembly on Monday demanded a ceasefire."
            return segment
        if self._hypothetical(start, end):
            return segment
        if _GENERIC.search(piece):
            self._read_session(segment)
            return segment
        segment.quoted = self._quoted(start, end)
        self._read_counts(segment)
        self._read_positions(segment)
        self._read_vetoes(segment)
        self._read_outcome(segment)
        if segment.decisive or _VOTE_VERB.search(piece):
            self._read_context(segment)
        return segment

    def _hypothetical(self, start: int, end: int) -> bool:
        """Whether every vote word is in a future or imagined vote ("is expected to be adopted")."""
        return all(_HYPOTHETICAL.search(self.text, max(start, word.start() - 60), word.start())
                   for word in self.vote_words.between(start, end))

    def _quoted(self, start: int, end: int) -> bool:
        """Whether every vote word is inside someone's quoted words."""
        return all(self.speech.holds(word.start()) for word in self.vote_words.between(start, end))

    def _read_counts(self, segment: _Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        for tally in find_tallies(text, start, end):
            named: list[CountryMention] = []
            if tally.names_before:
                named = self.lists.before(tally.names_end, tally.names_start)
            elif tally.names_start is not None:
                named = self.lists.after(tally.names_start, tally.names_end, introduced=True)
            segment.counts[tally.key] = tally.value + (len(named) if tally.names_added else 0)
            for mention in named:
                self._place(segment, mention, tally.key)
        segment.rest = find_rest(text, start, end)
        segment.unanimous = is_unanimous(text, start, end)

    def _read_positions(self, segment: _Segment) -> None:
        """Named positions: labelled lists ("In favour: A, B"), then cues before or after a list."""
        unlabelled_end = self._read_labels(segment)
        text, start = self.text, segment.start
        for position, cue in _FORWARD_CUES:
            for match in cue.finditer(text, start, unlabelled_end):
                for mention in self.lists.after(match.end(), unlabelled_end):
                    self._place(segment, mention, position)
        for match in _BACKWARD_CUE.finditer(text, start, unlabelled_end):
            verb = match.group("verb").lower()
            if verb.startswith("veto"):
                continue
            # "abstained from voting for the text" is an abstention, not a yes
            position = side(verb) if "abstain" in verb else side(match.group("rest") or verb)
            for mention in self.lists.before(match.start(), start) if position else []:
                self._place(segment, mention, position)

    def _read_labels(self, segment: _Segment) -> int:
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
                self._place(segment, mention, position)
            if named and position:
                segment.listed[position] = len(named)
        return labels[0].start() if labels else end

    def _read_vetoes(self, segment: _Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        vetoers: list[CountryMention] = []
        for match in _VETO_WORD.finditer(text, start, end):
            if _VETO_THREAT.search(text[max(start, match.start() - 30):match.start()]):
                continue
            vetoers += self.lists.before(match.start(), start)
            if re.match(r"\s+by\b", text[match.end():match.end() + 4]):
                vetoers += self.lists.after(match.end() + 4, end, introduced=True)
            vetoers += self._veto_owners(start, match.start())
        for mention in vetoers:
            if mention.iso3 not in segment.vetoed_by:
                segment.vetoed_by.append(mention.iso3)
            self._place(segment, mention, "no")

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

    def _read_outcome(self, segment: _Segment) -> None:
        """Adopted or not, when the piece says so about a document or a body."""
        piece = self.text[segment.start:segment.end]
        if segment.vetoed_by or _REJECTED.search(piece):
            segment.adopted = False
        elif (adopted := _ADOPTED.search(piece)) and not _NEGATED.search(piece[:adopted.start()]):
            segment.adopted = True
        if segment.adopted is not None and not segment.strong and not (
            _DOCUMENT_NOUN.search(piece) or self._bodies_in(segment)
        ):
            segment.adopted = None  # "time passed", "adopted a new strategy"

    def _bodies_in(self, segment: _Segment) -> list[tuple[int, int, str]]:
        return self._bodies_between(segment.start, segment.end)

    def _bodies_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The body mentions that start in [start, end)."""
        return self.bodies[bisect_left(self._body_starts, start) : bisect_left(self._body_starts, end)]

    def bodies_around(self, offset: int) -> tuple[tuple[int, int, str] | None, tuple[int, int, str] | None]:
        """The last body mention starting before ``offset`` and the first starting at or after it."""
        first_after = bisect_left(self._body_starts, offset)
        before = self.bodies[first_after - 1] if first_after else None
        after = self.bodies[first_after] if first_after < len(self.bodies) else None
        return before, after

    def _read_setting(self, segment: _Segment) -> None:
        """The acting body and the date."""
        vote_words = self.vote_words.between(segment.start, segment.end)
        first_vote_word = vote_words[0].start() if vote_words else None
        segment.body = "UNSC" if segment.vetoed_by else _acting_body(self._bodies_in(segment), first_vote_word)
        self._read_date(segment)

    def _read_session(self, segment: _Segment) -> None:
        """A dated record of a body's work ("The Council this morning adopted six texts"): its body
        and date, context for the votes that follow; nothing when the date does not resolve."""
        self._read_setting(segment)
        if segment.date is None:
            segment.body = segment.date_text = segment.date_key = None

    def _read_context(self, segment: _Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        piece = text[start:end]
        self._read_setting(segment)
        for match in _MEMBERSHIP.finditer(text, start, end):
            following = self._bodies_between(match.end(), min(match.end() + 41, end))  # within 40 characters
            if following and (segment.body in (None, following[0][2])):
                segment.members = parse_number(match.group("n"))
        if segment.counts and (total := _TOTAL_MEMBERSHIP.search(text, start, end)):
            segment.members = segment.members or parse_number(total.group("n"))
        if symbol := _SYMBOL.search(piece):
            segment.symbol = symbol.group().rstrip(".")
        elif numbered := _NUMBERED_COUNCIL_RESOLUTION.search(piece):
            segment.council_resolution = f"S/RES/{numbered.group(1)} ({numbered.group(2)})"
        segment.kind = "amendment" if _AMENDMENT.search(piece) else "resolution"
        segment.other_vote = bool(_OTHER_VOTE.search(piece))
        segment.subject = vote_subject(_SYMBOL.sub(" ", piece))

    def _read_date(self, segment: _Segment) -> None:
        """The date phrase nearest the first named position (or the end), resolved."""
        start, end = segment.start, segment.end
        anchor = min([*(s for _, (_, (s, _e)) in segment.positions.items()), end])
        dates = self.dates[bisect_left(self._date_starts, start) : bisect_left(self._date_starts, end)]
        if dates:
            nearest = min(dates, key=lambda d: abs(d[0] - anchor))
            segment.date_text = nearest[2]
            segment.date = resolve_date(nearest[2], self.published)
            segment.date_key = segment.date or re.sub(r"^(?:on|in)\s+", "", nearest[2].lower())
        elif year := _YEAR.search(self.text, start, end):
            segment.date_text, segment.date_key = year.group(), year.group(1)

    def _place(self, segment: _Segment, mention: CountryMention, position: Position | None) -> None:
        if position and mention.iso3 not in segment.positions:
            segment.positions[mention.iso3] = (position, (mention.start, mention.end))


def _acting_body(bodies: list[tuple[int, int, str]], first_vote_word: int | None) -> str | None:
    """The body that acts in a piece: the last one named before the first vote word, else the
    first one named ("The Assembly on Friday backed ... recommending the Council ...")."""
    if not bodies:
        return None
    before = [b for b in bodies if first_vote_word is not None and b[0] < first_vote_word]
    return (before[-1] if before else bodies[0])[2]


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


def _joins(draft: _Draft, segment: _Segment) -> bool:
    """Whether ``segment`` speaks of ``draft``'s vote.

    "A similar resolution" is another vote, unless it names the same body and date as one
    already told of (a past veto mentioned twice).
    """
    if segment.other_vote:
        return bool(draft.body_stated and segment.body == draft.vote.body and segment.date_key
                    and segment.date_key == draft.date_key and _compatible(draft, segment))
    return _compatible(draft, segment)


def _merge(draft: _Draft, segment: _Segment) -> None:
    """Add what ``segment`` says to ``draft``'s vote: what the vote does not know yet, a veto, a
    rejection, a date more precise than the one known, a longer subject."""
    vote = draft.vote
    vote.start, vote.end = min(vote.start, segment.start), max(vote.end, segment.end)
    if segment.body and not draft.body_stated:
        vote.body, draft.body_stated = segment.body, True
    _fill_counts(vote, segment.counts)
    _merge_positions(vote, segment)
    if segment.date_key and (draft.date_key is None or vote.date is None and segment.date):
        vote.date, vote.date_text, draft.date_key = segment.date, segment.date_text, segment.date_key
    if segment.adopted is not None and (vote.adopted is None or segment.adopted is False):
        vote.adopted = segment.adopted
    vote.members = vote.members or segment.members
    vote.resolution = vote.resolution or segment.symbol
    if segment.subject and (vote.subject is None or len(vote.subject.split()) < 3):
        vote.subject = segment.subject
    _merge_implied(draft, segment)


def _merge_positions(vote: Vote, segment: _Segment) -> None:
    """The named positions and vetoes ``vote`` does not know yet."""
    for iso3, (position, span) in segment.positions.items():
        if iso3 not in vote.positions:
            vote.positions[iso3], vote.position_spans[iso3] = position, span
    for iso3 in segment.vetoed_by:
        if iso3 not in vote.vetoed_by:
            vote.vetoed_by.append(iso3)


def _merge_implied(draft: _Draft, segment: _Segment) -> None:
    """What the segment implies without stating it: listed counts, a Council resolution number,
    unanimity, what "the rest" did."""
    for key, value in segment.listed.items():
        draft.listed.setdefault(key, value)
    draft.council_resolution = draft.council_resolution or segment.council_resolution
    draft.unanimous = draft.unanimous or segment.unanimous
    draft.rest = draft.rest or segment.rest


def _fill_counts(vote: Vote, counts: dict[str, int]) -> None:
    """The counts ``vote`` does not know yet."""
    for key, value in counts.items():
        if getattr(vote, key) is None:
            setattr(vote, key, value)


def _finish(draft: _Draft, reader: _Reader) -> Vote:
    """Fill what the stated facts imply: body, membership, counts, vetoes and the outcome."""
    vote = draft.vote
    if not draft.body_stated:
        vote.body = "UNSC" if vote.vetoed_by else _nearest_body(reader, vote.start)
    vote.members = vote.members or FIXED_MEMBERSHIP.get(vote.body)
    if vote.resolution is None and vote.body == "UNSC":
        vote.resolution = draft.council_resolution
    _infer_counts(draft)
    _derive_remainder(draft)
    _infer_vetoes(vote)
    _infer_outcome(vote)
    return vote


def _nearest_body(reader: _Reader, offset: int) -> str:
    """The body named last before ``offset``, else first after it, else "UN"."""
    before, after = reader.bodies_around(offset)
    return (before or after)[2] if reader.bodies else "UN"


def _infer_outcome(vote: Vote) -> None:
    """Vetoed is not adopted; else, when the text does not say, the outcome the counts decide (a
    Council majority, a clear two-thirds majority or a defeat)."""
    if vote.vetoed_by:
        vote.adopted = False
    elif vote.adopted is None and vote.yes is not None:
        if vote.body == "UNSC":
            vote.adopted = vote.yes >= COUNCIL_MAJORITY
        elif vote.no is not None and (vote.yes >= 2 * vote.no or vote.yes <= vote.no):
            vote.adopted = vote.yes >= 2 * vote.no and vote.yes > vote.no


def _infer_counts(draft: _Draft) -> None:
    """Counts from exhaustive lists, "unanimously", or a yes count plus every other vote named."""
    vote = draft.vote
    _fill_counts(vote, draft.listed)
    if draft.unanimous and vote.members and vote.no is None and vote.abstain is None:
        vote.yes = vote.yes if vote.yes is not None else vote.members
        vote.no = vote.abstain = 0
    if vote.members and vote.yes is not None and vote.no is None and vote.abstain is None:
        named = {key: sum(1 for p in vote.positions.values() if p == key) for key in COUNTS}
        if named["no"] + named["abstain"] + (vote.absent or 0) == vote.members - vote.yes:
            vote.no, vote.abstain = named["no"], named["abstain"]  # "13 in favour", vetoed by the other two


def _derive_remainder(draft: _Draft) -> None:
    """Absent (or abstaining) members from the membership, when "the rest" is stated or none is left."""
    vote = draft.vote
    known = [vote.yes, vote.no, vote.abstain]
    if vote.members and vote.absent is None and None not in known:
        remainder = vote.members - sum(known)
        if remainder == 0 or (remainder > 0 and draft.rest == "absent"):
            vote.absent, vote.absent_derived = remainder, True
    elif vote.members and draft.rest == "abstain" and vote.abstain is None and None not in (
        vote.yes, vote.no
    ):
        vote.abstain = vote.members - vote.yes - vote.no - (vote.absent or 0)


def _infer_vetoes(vote: Vote) -> None:
    """A permanent member voting no on a Security Council text that had a majority vetoed it."""
    if vote.body != "UNSC" or (vote.yes is not None and vote.yes < COUNCIL_MAJORITY):
        return
    for iso3, position in vote.positions.items():
        if position == "no" and iso3 in PERMANENT_MEMBERS and iso3 not in vote.vetoed_by:
            vote.vetoed_by.append(iso3)


def votes_in(text: AnalyzedText, published: str | None = None) -> list[Vote]:
    """Every vote an analysed text reports, in order of first mention; [] when there is none."""
    folded = fold_case(text.text)
    if not _may_speak_of_the_un(folded):
        return []
    vote_words = _VoteWords(text.text, folded)
    if not vote_words.matches:
        return []
    bodies = _body_mentions(text.text, folded)
    if not _speaks_of_the_un(text.text, bodies):
        return []
    reader = _Reader(text, published, vote_words, bodies)
    told = _ToldVotes(text.text)
    for index, (start, end) in enumerate(_segments(text.text, text.sentences)):
        told.add(reader.read(start, end, index))
    votes = [_finish(draft, reader) for draft in told.drafts]
    return [vote for vote in votes if _reportable(vote, text.text)]


def extract_votes(text: str, published: str | None = None) -> list[Vote]:
    """Every vote ``text`` reports (see ``votes_in``); [] for anything but a string."""
    return votes_in(AnalyzedText(text), published) if isinstance(text, str) else []


class _ToldVotes:
    """The votes a text has told of so far, and the context waiting for the next one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: list[_Draft] = []
        self.recent: list[_Draft] = []  # at most RECENT_VOTES, most recently touched last
        self.waiting: list[_Segment] = []  # "The Council voted on Friday to ...": context for the next vote

    def add(self, segment: _Segment) -> None:
        """Join ``segment`` to the vote it speaks of, start a vote, or keep it as context."""
        if not segment.decisive:
            self._add_context(segment)
            return
        target = next((d for d in reversed(self.recent) if _joins(d, segment)), None)
        if target is None:
            if segment.quoted or not (segment.strong or segment.body or segment.symbol):
                return
            target = self._new_draft(segment)
            self.drafts.append(target)
        _merge(target, segment)
        if target in self.recent:
            self.recent.remove(target)
        self.recent.append(target)
        del self.recent[:-RECENT_VOTES]

    def _add_context(self, segment: _Segment) -> None:
        """A piece naming a body but not how it voted: context for the vote it speaks of.

        "The Assembly today voted to ..." joins the latest vote of that body (or one whose body is
        not yet known); otherwise, like a dated "The Assembly on Monday demanded ...", it waits for
        the next votes.
        """
        if not segment.body or segment.quoted:
            return
        if _VOTE_VERB.search(self.text, segment.start, segment.end):
            for draft in reversed(self.recent):
                if (not draft.body_stated or draft.vote.body == segment.body) and _compatible(draft, segment):
                    _merge(draft, segment)
                    return
            self.waiting.append(segment)
        elif segment.date_key:
            self.waiting.append(segment)

    def _new_draft(self, segment: _Segment) -> _Draft:
        """A vote started by ``segment``, with the compatible context that waited for it."""
        draft = _Draft(Vote(body="", start=segment.start, end=segment.end), segment.kind, None)
        _merge(draft, segment)
        self.waiting[:] = [earlier for earlier in self.waiting if segment.index - earlier.index <= CONTEXT_REACH]
        for earlier in self.waiting:  # kept for the next votes too: "The Council this morning adopted ..."
            if (earlier.body == draft.vote.body or not draft.body_stated) and _compatible(draft, earlier):
                _merge(draft, earlier)
        return draft


def _may_speak_of_the_un(folded: str) -> bool:
    """A fast first look at the text's lower case (``fold_case``): whether it may report a UN vote."""
    return bool(any(word in folded for word in _UN_HINT_WORDS) or _UN_HINT.search(folded)
                or _names_a_main_committee(folded))


def _names_a_main_committee(folded: str) -> bool:
    at = folded.find(" committee")
    while at != -1:
        if folded[max(0, at - 6):at].endswith(_ORDINALS):
            return True
        at = folded.find(" committee", at + 1)
    return False


def _speaks_of_the_un(text: str, bodies: list[tuple[int, int, str]]) -> bool:
    """Whether the text names the UN, one of its bodies, a UN document or a veto (a Council vote):
    else no vote is reportable."""
    return bool(any(_is_un_body(body) for _, _, body in bodies) or _UN_CONTEXT.search(text)
                or _SYMBOL.search(text) or _NUMBERED_COUNCIL_RESOLUTION.search(text) or _VETO_WORD.search(text))


def _is_un_body(body: str) -> bool:
    return body in UN_BODIES or body.startswith("UNGA ")


def _reportable(vote: Vote, text: str) -> bool:
    """A UN vote with something to report, not "the Senate's vote" or "has passed resolutions"."""
    if not (_is_un_body(vote.body) or vote.resolution or _UN_CONTEXT.search(text)):
        return False
    tallied = any(getattr(vote, key) is not None for key in COUNTS)
    return bool(tallied or vote.positions or vote.vetoed_by or vote.resolution or vote.date_text)
