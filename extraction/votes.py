"""Votes reported in news text and UN releases: body, date, symbol, tallies and named positions.

``votes_in`` reads an analysed text (:mod:`extraction.text`: its sentences, country mentions,
quotation spans and date phrases) in pieces (:mod:`extraction.vote_segments`). Each piece yields
facts — counts (:mod:`extraction.tallies`), named positions and vetoes
(:mod:`extraction.vote_positions`), the outcome (:mod:`extraction.vote_outcomes`), the body
(:mod:`extraction.bodies`), the date (:mod:`extraction.vote_dates`), the symbol, topics of texts
acted on (:mod:`extraction.vote_topics`) — and joins a vote already told of or starts one
(:mod:`extraction.vote_drafts`).
Pieces that only say how voting works ("a no vote from any permanent member...") or speak of a
vote still to come ("is expected to be adopted", "will vote on Friday") are ignored; a dated record
of many votes ("The Council this morning adopted six texts") only gives its body and date as
context. A piece whose vote words are all inside someone's quoted words ("“Chile voted against
it,” he said") never starts a vote nor gives context: it may only add to a compatible vote already
told. A text that names neither the UN nor one of its bodies is not read at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from extraction.bodies import Bodies, BodyMention, acting_body, is_un_body, may_speak_of_the_un, names_the_un
from extraction.countries import CountryMention
from extraction.country_lists import CountryLists
from extraction.models import Vote
from extraction.numbers import NUMBER, parse_number
from extraction.quote_marks import QuotationSpan
from extraction.scanning import finditer_where
from extraction.tallies import find_rest, find_tallies, unanimity_claims
from extraction.text import AnalyzedText
from extraction.vote_dates import DateReader
from extraction.vote_drafts import ToldVotes, finish, reportable
from extraction.vote_outcomes import HYPOTHETICAL, HYPOTHETICAL_REACH, OutcomeReader
from extraction.vote_positions import VETO_WORD, PositionReader
from extraction.vote_segments import Segment, segments
from extraction.vote_topics import adopts, tells_a_vote_taken, topics_in
from extraction.vote_subjects import vote_subject
from reference.vocabulary import SECURITY_COUNCIL

_F = re.IGNORECASE
_VOTE_WORD_FORMS = (r"\bvot", "abstain", "abstention", "veto", "in favou?r", "against", "adopt", "unanimous",
                    "reject", "approv", "passed", r"\bfailed", r"\bsupported by", r"\bbacked by", r"\boppos",
                    r"\bdissent", r"\bbacking (?:of|from)", r"\bsupport (?:of|from)", r"\bopponents",
                    r"\bsupporters", r"\bbackers")
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
    r"|\b(?:passed|adopted|adopting|approved|approving|vetoed)\s+(?:[\w-]+\s+){0,5}?(?:resolutions|texts|drafts)\b"
    r"|\b(?:resolutions|texts|drafts|decisions)\s+(?:are|were|have\s+been)\s+(?:\w+\s+)?(?:adopted|approved|passed)\b",
    _F)
# One vote's tally, told even beside a record of many: "adopted 33 drafts, including one on X, which
# was adopted by a recorded vote of 149 in favour to 6 against"
_RECORDED = re.compile(r"\bby\s+(?:a\s+)?recorded\s+vote\s+of\b", _F)
_CANDIDATE_VOTES = re.compile(r"(?:received|won|got|garnered|secured)\b", _F)
SPEECH_WORDS = 3  # shorter quoted words ("voted “no”", a “sham” vote) are not someone speaking

# ---------------------------------------------------------------- membership, kind of text, which vote, symbol
_MEMBERSHIP = re.compile(rf"(?P<n>{NUMBER})[-‐\s](?:member|nation|seat|strong)\b", _F)
# "153 votes from a total of 193 members", "out of 15 members": the membership, no body named (not "up
# from 104 countries": an earlier count)
_TOTAL_MEMBERSHIP = re.compile(
    rf"\b(?:(?<!\bup\s)(?<!\bdown\s)(?:from|out\s+of)\s+(?:a\s+total\s+of\s+)?|a\s+total\s+of\s+)(?:the\s+)?"
    rf"(?P<n>{NUMBER})\s+(?:member\s+states|members|countries|states|nations)\b", _F)
_VOTE_VERB = re.compile(r"\bvot(?:e|ed|es|ing)\b", _F)
_AMENDMENT = re.compile(r"\bamendments?\b", _F)
# A paragraph voted on apart from its text: "Operative paragraph 3 was adopted by ...", "a separate
# vote on paragraph 5", "the Assembly adopted a paragraph on ..."
_PARAGRAPH = re.compile(r"\b(?:operative|preambular)\s+paragraphs?\b|\bvotes?\s+on\s+(?:the\s+)?paragraphs?\b"
                        r"|\b(?:adopted|approved|retained|rejected|deleted)\s+(?:a|the)\s+paragraph\b"
                        r"|\bparagraphs?\s+\d+[^.;]{0,80}?\b(?:was|were)\s+"
                        r"(?:adopted|approved|retained|rejected|deleted)\b", _F)
# Another vote than the one just told, an earlier one ("a similar resolution", "last year's text") or
# one of the same meeting ("a separate vote", "It also adopted a text on ...", "In other action", "Earlier in
# the meeting").
_VOTED = r"\s+(?:[\w-]+\s+){0,2}?(?:resolution|draft|text|vote|measure|motion)s?\b"
_EARLIER_VOTE = re.compile(rf"\b(?:similar|previous|earlier|prior|last\s+year['’]s|last\s+month['’]s){_VOTED}", _F)
_OTHER_VOTE = re.compile(
    rf"\b(?:separate|another|rival|competing){_VOTED}"
    r"|\balso\s+(?:adopted|approved|passed|endorsed)\b|\bin\s+(?:other|related|separate)\s+action\b"
    r"|\b(?:earlier|later)\s+(?:in\s+the|that)\s+(?:meeting|day|morning|afternoon|session)\b", _F)
# An earlier vote mentioned in passing, to compare: "up from 104 that backed a similar text last year"
_COMPARED = re.compile(r"\b(?:up|down|rose|fell|rising|falling)\s+from\b|\bcompared\s+(?:with|to)\b|\bthan\b", _F)
# Said of the past: a piece after a passing mention speaks of that earlier vote only with such words.
_PAST = re.compile(r"\blast\s+year\b|\b(?:a|the)\s+year\s+(?:earlier|before|ago)\b|\bprevious(?:ly)?\b"
                   r"|\bat\s+the\s+time\b|\bthen\b", _F)
# Told as before the time of the text: "The Council had adopted a text on ...", not at the meeting it covers
_HAD_VOTED = re.compile(r"\bhad\s+(?:\w+\s+)?(?:adopted|passed|approved|voted|vetoed|rejected)\b", _F)
# The same position as a year before: there was one earlier vote, where it was taken too.
_AGAIN = re.compile(r"\bsecond\s+(?:straight|consecutive|successive)\s+year\b"
                    r"|\bsecond\s+year\s+(?:in\s+a\s+row|running)\b", _F)
# A few more texts adopted together, each a vote: "Adopting three other texts", "It also approved,
# without a vote, two resolutions and a decision". A count above FEW_TEXTS, or of the texts a
# meeting adopted ("The Council this morning adopted four resolutions"), is a record of its work.
_TEXTS = re.compile(rf"\b(?P<n>{NUMBER}|an?)\s+(?:other\s+|more\s+|further\s+)?(?:draft\s+)?"
                    r"(?:texts?|resolutions?|drafts?|decisions?)\b", _F)
_MORE_TEXTS = re.compile(r"\b(?:other|more|further)\s+(?:draft\s+)?(?:texts|resolutions|drafts|decisions)\b"
                         r"|\bwithout\s+a\s+vote\b|\bby\s+consensus\b|\balso\b", _F)
FEW_TEXTS = 5
_SYMBOL = re.compile(r"\b[AES]/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*"
                     r"(?:\s?\((?:19|20)\d\d\))?")
_NUMBERED_COUNCIL_RESOLUTION = re.compile(r"\bresolution\s+(\d{2,4})\s*\(((?:19|20)\d\d)\)", _F)
# An Assembly resolution numbered by its session in Roman figures: "resolution 412 B (IV)"
_SESSION_NUMBERED_RESOLUTION = re.compile(r"\bresolution\s+(\d{1,4}\s?[A-Z]?\s?\([IVXLC]+\))", _F)


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


class _Reader:
    """Reads the facts of each segment of one text."""

    def __init__(self, analyzed: AnalyzedText, published: str | None, vote_words: _VoteWords,
                 bodies: Bodies) -> None:
        text = self.text = analyzed.text
        self.published = published
        self.vote_words = vote_words
        self.lists = CountryLists(text, [m for m in analyzed.countries if m.form in ("name", "demonym")])
        self.positions = PositionReader(text, self.lists)
        self.outcomes = OutcomeReader(text, self.lists, bodies)
        self.bodies = bodies
        self.dates = DateReader(text, published, analyzed.date_phrases)
        self.speech = _Speech(text, analyzed.quotations)

    def read(self, start: int, end: int, index: int = 0) -> Segment:
        """The facts of ``text[start:end]``, the text's segment number ``index``."""
        segment = Segment(start, end, index)
        piece = self.text[start:end]
        if not self.vote_words.between(start, end):
            self.positions.read_continued(segment)  # "Five voted against. They were A, B and C."
            self._read_topics(segment)  # "Assembly Also Acts on A, B, C"
            if self.bodies.between(start, end):
                self._read_context(segment)  # "The Assembly on Monday demanded a ceasefire."
            return segment
        if self._hypothetical(start, end):
            return segment
        self._read_topics(segment)
        segment.texts = _texts(piece)
        if _GENERIC.search(piece) and not (_RECORDED.search(piece) or segment.texts or self._full_tally(segment)):
            self._read_session(segment)  # a record of many votes or how voting works, unless it gives a tally
            return segment
        segment.quoted = self._quoted(start, end)
        self._read_counts(segment)
        self.positions.read(segment)
        self.positions.read_vetoes(segment)
        self.outcomes.read(segment)
        segment.speaks_of_voting = bool(_VOTE_VERB.search(piece))
        if segment.decisive or segment.speaks_of_voting:
            self._read_context(segment)
        return segment

    def _full_tally(self, segment: Segment) -> bool:
        """Whether the piece gives both the yes and the no count of a vote."""
        return {"yes", "no"} <= {tally.key for tally in find_tallies(self.text, segment.start, segment.end)}

    def _read_topics(self, segment: Segment) -> None:
        """The topics of texts acted on that the piece lists (and whether it says they were adopted),
        or a vote it says was taken."""
        text, start, end = self.text, segment.start, segment.end
        segment.topics = topics_in(text, start, end)
        if segment.topics:
            segment.topics_adopted = adopts(text, start, end)
        segment.vote_taken = segment.other_vote = tells_a_vote_taken(text, start, end)

    def _hypothetical(self, start: int, end: int) -> bool:
        """Whether every vote word is in a future or imagined vote ("is expected to be adopted")."""
        return all(self._imagined(start, word.start()) for word in self.vote_words.between(start, end))

    def _imagined(self, start: int, offset: int) -> bool:
        """Whether the words at ``offset``, in a piece from ``start``, tell of a vote to come or only
        imagined ("had expected it would pass unanimously")."""
        return bool(HYPOTHETICAL.search(self.text, max(start, offset - HYPOTHETICAL_REACH), offset))

    def _quoted(self, start: int, end: int) -> bool:
        """Whether every vote word is inside someone's quoted words."""
        return all(self.speech.holds(word.start()) for word in self.vote_words.between(start, end))

    def _read_counts(self, segment: Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        for tally in find_tallies(text, start, end):
            if _CANDIDATE_VOTES.match(text, tally.start, tally.end) and self.lists.before(tally.start, start):
                continue  # "Ecuador received 190 votes": a candidate's votes in an election
            named: list[CountryMention] = []
            if tally.names_before:
                named = self.lists.before(tally.names_end, tally.names_start)
            elif tally.names_start is not None:
                named = self.lists.after(tally.names_start, tally.names_end, introduced=True)
            segment.counts[tally.key] = tally.value + (len(named) if tally.names_added else 0)
            for mention in named:
                segment.place(mention.iso3, tally.key, (mention.start, mention.end))
        segment.rest = find_rest(text, start, end)
        segment.unanimous = any(not self._imagined(start, claim.start()) for claim in unanimity_claims(text, start, end))

    @staticmethod
    def _anchors(vote_words: list[re.Match], bodies: list[BodyMention]) -> list[tuple[int, int, bool]]:
        """The piece's vote words and body mentions as (start, end, is_body), in order."""
        words = [(word.start(), word.end(), False) for word in vote_words]
        return sorted(words + [(body.start, body.end, True) for body in bodies])

    def _read_setting(self, segment: Segment) -> None:
        """The acting body and the date."""
        vote_words = self.vote_words.between(segment.start, segment.end)
        first_vote_word = vote_words[0].start() if vote_words else None
        bodies = self.bodies.between(segment.start, segment.end)
        segment.body = SECURITY_COUNCIL if segment.vetoed_by else acting_body(bodies, first_vote_word)
        self.dates.read(segment, self._anchors(vote_words, bodies))

    def _read_session(self, segment: Segment) -> None:
        """A dated record of a body's work ("The Council this morning adopted six texts"): its body
        and date, context for the votes that follow; nothing when the date does not resolve."""
        self._read_setting(segment)
        if segment.date is None:
            segment.body = segment.date_text = segment.date_key = None

    def _read_context(self, segment: Segment) -> None:
        """Where and when, the membership, the symbol, what kind of text and which vote it is."""
        piece = self.text[segment.start:segment.end]
        self._read_setting(segment)
        self._read_membership(segment)
        if symbol := _SYMBOL.search(piece):
            segment.symbol = symbol.group().rstrip(".")
        elif numbered := _NUMBERED_COUNCIL_RESOLUTION.search(piece):
            segment.council_resolution = f"S/RES/{numbered.group(1)} ({numbered.group(2)})"
        elif session_numbered := _SESSION_NUMBERED_RESOLUTION.search(piece):
            segment.symbol = session_numbered.group(1)
        segment.kind = "amendment" if _AMENDMENT.search(piece) else "paragraph" if _PARAGRAPH.search(piece) \
            else "resolution"
        segment.earlier_vote = bool(_EARLIER_VOTE.search(piece))
        segment.other_vote = segment.vote_taken or segment.earlier_vote or bool(_OTHER_VOTE.search(piece))
        segment.before_the_meeting = segment.earlier_vote or bool(_HAD_VOTED.search(piece))
        segment.passing = segment.earlier_vote and bool(_COMPARED.search(piece))
        segment.of_the_past = segment.earlier_vote or bool(_PAST.search(piece))
        segment.again = bool(segment.positions and _AGAIN.search(piece))
        segment.subject = vote_subject(_SYMBOL.sub(" ", piece))

    def _read_membership(self, segment: Segment) -> None:
        """"the 193-member Assembly", "153 votes from a total of 193 members"."""
        text, start, end = self.text, segment.start, segment.end
        for match in _MEMBERSHIP.finditer(text, start, end):
            following = self.bodies.between(match.end(), min(match.end() + 41, end))  # within 40 characters
            if following and (segment.body in (None, following[0].body)):
                segment.members = parse_number(match.group("n"))
        if segment.counts and (total := _TOTAL_MEMBERSHIP.search(text, start, end)):
            segment.members = segment.members or parse_number(total.group("n"))

def _texts(piece: str) -> int:
    """How many texts a piece counts, when it counts a few more ("also adopted two resolutions and a
    decision"), else 0."""
    counts = [parse_number(match.group("n")) or 1 for match in _TEXTS.finditer(piece)]
    few = counts and max(counts) <= FEW_TEXTS and sum(counts) > 1
    return sum(counts) if few and _MORE_TEXTS.search(piece) else 0


def votes_in(text: AnalyzedText, published: str | None = None) -> list[Vote]:
    """Every vote an analysed text reports, in order of first mention; [] when there is none."""
    if not may_speak_of_the_un(text.folded):
        return []
    vote_words = _VoteWords(text.text, text.folded)
    if not vote_words.matches:
        return []
    bodies = text.bodies
    if not (text.press_release_body or _speaks_of_the_un(text.text, bodies)):
        return []
    reader = _Reader(text, published, vote_words, bodies)
    told = ToldVotes(text.text)
    for index, (start, end) in enumerate(segments(text.text, text.sentences)):
        told.add(reader.read(start, end, index))
    un_named = names_the_un(text.text)
    for draft in told.drafts:
        finish(draft, bodies, told.sessions)
    return [draft.vote for draft in told.drafts if reportable(draft, un_named)]


def extract_votes(text: str, published: str | None = None) -> list[Vote]:
    """Every vote ``text`` reports (see ``votes_in``); [] for anything but a string."""
    return votes_in(AnalyzedText(text), published) if isinstance(text, str) else []




def _speaks_of_the_un(text: str, bodies: Bodies) -> bool:
    """Whether the text names the UN, one of its bodies, a UN document or a veto (a Council vote):
    else no vote is reportable."""
    return bool(any(is_un_body(mention.body) for mention in bodies.mentions) or names_the_un(text)
                or _SYMBOL.search(text) or _NUMBERED_COUNCIL_RESOLUTION.search(text) or VETO_WORD.search(text))
