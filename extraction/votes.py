"""Votes reported in news text and UN releases: body, date, symbol, tallies and named positions.

``votes_in`` reads an analysed text (:mod:`extraction.text`: its sentences, country mentions,
quotation spans and date phrases) in pieces (:mod:`extraction.vote_segments`). Each piece yields
facts — counts (:mod:`extraction.tallies`), named positions and vetoes
(:mod:`extraction.vote_positions`), adoption, body (:mod:`extraction.bodies`), date, symbol — and
joins a vote already told of or starts one (:mod:`extraction.vote_drafts`).
Pieces that only say how voting works ("a no vote from any permanent member...") or speak of a
vote still to come ("is expected to be adopted", "will vote on Friday") are ignored; a dated record
of many votes ("The Council this morning adopted six texts") only gives its body and date as
context. A piece whose vote words are all inside someone's quoted words ("“Chile voted against
it,” he said") never starts a vote nor gives context: it may only add to a compatible vote already
told.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from extraction.bodies import Bodies, acting_body, body_mentions, is_un_body, may_speak_of_the_un, names_the_un
from extraction.countries import CountryMention
from extraction.country_lists import CountryLists
from extraction.dates import resolve_date
from extraction.lexicon import VOTED_TEXT_NOUNS
from extraction.models import Vote
from extraction.numbers import NUMBER, parse_number
from extraction.quote_marks import QuotationSpan
from extraction.scanning import finditer_where, fold_case
from extraction.tallies import find_rest, find_tallies, is_unanimous
from extraction.text import AnalyzedText
from extraction.vote_drafts import ToldVotes, finish, reportable
from extraction.vote_positions import VETO_WORD, PositionReader
from extraction.vote_segments import Segment, segments
from extraction.vote_subjects import vote_subject
from reference.vocabulary import SECURITY_COUNCIL

_F = re.IGNORECASE
_VOTE_WORD_FORMS = (r"\bvot", "abstain", "abstention", "veto", "in favou?r", "against", "adopt", "unanimous",
                    "reject", "approv", "passed", r"\bfailed", r"\bsupported by", r"\bbacked by", r"\boppos",
                    r"\bdissent")
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


_MEMBERSHIP = re.compile(rf"(?P<n>{NUMBER})[-‐\s](?:member|nation|seat|strong)\b", _F)
# "153 votes from a total of 193 members", "out of 15 members": the membership, no body named
_TOTAL_MEMBERSHIP = re.compile(
    rf"\b(?:(?:from|out\s+of)\s+(?:a\s+total\s+of\s+)?|a\s+total\s+of\s+)(?:the\s+)?(?P<n>{NUMBER})"
    r"\s+(?:member\s+states|members|countries|states|nations)\b", _F)

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
        self.bodies = bodies
        self.dates = analyzed.date_phrases
        self._date_starts = [start for start, _, _ in self.dates]
        self.speech = _Speech(text, analyzed.quotations)

    def read(self, start: int, end: int, index: int = 0) -> Segment:
        """The facts of ``text[start:end]``, the text's segment number ``index``."""
        segment = Segment(start, end, index)
        piece = self.text[start:end]
        if not self.vote_words.between(start, end):
            if self.bodies.between(start, end):
                self._read_context(segment)  # "The Assembly on Monday demanded a ceasefire."
            return segment
        if self._hypothetical(start, end):
            return segment
        if _GENERIC.search(piece):
            self._read_session(segment)
            return segment
        segment.quoted = self._quoted(start, end)
        self._read_counts(segment)
        self.positions.read(segment)
        self.positions.read_vetoes(segment)
        self._read_outcome(segment)
        segment.speaks_of_voting = bool(_VOTE_VERB.search(piece))
        if segment.decisive or segment.speaks_of_voting:
            self._read_context(segment)
        return segment

    def _hypothetical(self, start: int, end: int) -> bool:
        """Whether every vote word is in a future or imagined vote ("is expected to be adopted")."""
        return all(_HYPOTHETICAL.search(self.text, max(start, word.start() - 60), word.start())
                   for word in self.vote_words.between(start, end))

    def _quoted(self, start: int, end: int) -> bool:
        """Whether every vote word is inside someone's quoted words."""
        return all(self.speech.holds(word.start()) for word in self.vote_words.between(start, end))

    def _read_counts(self, segment: Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        for tally in find_tallies(text, start, end):
            named: list[CountryMention] = []
            if tally.names_before:
                named = self.lists.before(tally.names_end, tally.names_start)
            elif tally.names_start is not None:
                named = self.lists.after(tally.names_start, tally.names_end, introduced=True)
            segment.counts[tally.key] = tally.value + (len(named) if tally.names_added else 0)
            for mention in named:
                segment.place(mention.iso3, tally.key, (mention.start, mention.end))
        segment.rest = find_rest(text, start, end)
        segment.unanimous = is_unanimous(text, start, end)

    def _read_outcome(self, segment: Segment) -> None:
        """Adopted or not, when the piece says so about a document or a body."""
        piece = self.text[segment.start:segment.end]
        if segment.vetoed_by or _REJECTED.search(piece):
            segment.adopted = False
        elif (adopted := _ADOPTED.search(piece)) and not _NEGATED.search(piece[:adopted.start()]):
            segment.adopted = True
        if segment.adopted is not None and not segment.strong and not (
            _DOCUMENT_NOUN.search(piece) or self.bodies.between(segment.start, segment.end)
        ):
            segment.adopted = None  # "time passed", "adopted a new strategy"

    def _read_setting(self, segment: Segment) -> None:
        """The acting body and the date."""
        vote_words = self.vote_words.between(segment.start, segment.end)
        first_vote_word = vote_words[0].start() if vote_words else None
        bodies = self.bodies.between(segment.start, segment.end)
        segment.body = SECURITY_COUNCIL if segment.vetoed_by else acting_body(bodies, first_vote_word)
        self._read_date(segment)

    def _read_session(self, segment: Segment) -> None:
        """A dated record of a body's work ("The Council this morning adopted six texts"): its body
        and date, context for the votes that follow; nothing when the date does not resolve."""
        self._read_setting(segment)
        if segment.date is None:
            segment.body = segment.date_text = segment.date_key = None

    def _read_context(self, segment: Segment) -> None:
        text, start, end = self.text, segment.start, segment.end
        piece = text[start:end]
        self._read_setting(segment)
        for match in _MEMBERSHIP.finditer(text, start, end):
            following = self.bodies.between(match.end(), min(match.end() + 41, end))  # within 40 characters
            if following and (segment.body in (None, following[0].body)):
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

    def _read_date(self, segment: Segment) -> None:
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



def votes_in(text: AnalyzedText, published: str | None = None) -> list[Vote]:
    """Every vote an analysed text reports, in order of first mention; [] when there is none."""
    folded = fold_case(text.text)
    if not may_speak_of_the_un(folded):
        return []
    vote_words = _VoteWords(text.text, folded)
    if not vote_words.matches:
        return []
    bodies = Bodies(body_mentions(text.text, folded))
    if not _speaks_of_the_un(text.text, bodies):
        return []
    reader = _Reader(text, published, vote_words, bodies)
    told = ToldVotes()
    for index, (start, end) in enumerate(segments(text.text, text.sentences)):
        told.add(reader.read(start, end, index))
    un_named = names_the_un(text.text)
    return [vote for vote in (finish(draft, bodies) for draft in told.drafts) if reportable(vote, un_named)]


def extract_votes(text: str, published: str | None = None) -> list[Vote]:
    """Every vote ``text`` reports (see ``votes_in``); [] for anything but a string."""
    return votes_in(AnalyzedText(text), published) if isinstance(text, str) else []




def _speaks_of_the_un(text: str, bodies: Bodies) -> bool:
    """Whether the text names the UN, one of its bodies, a UN document or a veto (a Council vote):
    else no vote is reportable."""
    return bool(any(is_un_body(mention.body) for mention in bodies.mentions) or names_the_un(text)
                or _SYMBOL.search(text) or _NUMBERED_COUNCIL_RESOLUTION.search(text) or VETO_WORD.search(text))
