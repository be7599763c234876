"""The votes a text tells of, gathered piece by piece, and what their stated facts imply.

Each piece that says how a vote went joins the most recent vote it is compatible with (same kind,
body and date, no clashing count or position) among the last ``RECENT_VOTES`` votes told of, or
starts a new one. An amendment, a "similar"/"previous" resolution, another body or another date is
therefore a separate vote. A piece that names a body but not how it voted is context: it joins the
latest vote of that body, or waits a few pieces for the next vote ("The Assembly on Friday backed a
bid ... The assembly adopted it with 143 votes").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extraction.bodies import FIXED_MEMBERSHIP, Bodies, is_un_body
from extraction.models import Vote
from extraction.tallies import COUNTS
from extraction.vote_dates import dates_agree
from extraction.vote_segments import Segment
from extraction.vote_topics import topic_words
from reference.vocabulary import PERMANENT_MEMBERS, SECURITY_COUNCIL

COUNCIL_MAJORITY = 9  # affirmative votes a Security Council resolution needs
CONTEXT_REACH = 3  # a waiting piece of context is used by a vote at most this many segments later
RECENT_VOTES = 32  # a segment may join one of this many votes, the latest told of (an article tells a few)


@dataclass(eq=False)  # one draft is one vote: drafts are told apart by identity
class Draft:
    """A vote being told, and what its pieces imply without stating it."""

    vote: Vote
    kind: str
    date_key: str | None
    listed: dict[str, int] = field(default_factory=dict)
    unanimous: bool = False
    rest: str | None = None
    body_stated: bool = False
    council_resolution: str | None = None
    without_vote: bool = False  # adopted without a vote: no count is its tally
    earlier: bool = False  # told as before the meeting a text covers ("a similar resolution", "had adopted")
    passing: bool = False  # only compared with ("up from 104 last year"): later pieces tell of it only if they say so
    topic: frozenset[str] = frozenset()  # the words of its topic, for a vote named in a list of topics
    vote_taken: bool = False  # told as taken ("took a recorded vote on"), its outcome perhaps not


class ToldVotes:
    """The votes a text has told of so far, and the context waiting for the next one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: list[Draft] = []
        self.recent: list[Draft] = []  # at most RECENT_VOTES, most recently touched last
        self.waiting: list[Segment] = []  # "The Council voted on Friday to ...": context for the next vote
        self.sessions: dict[str, Segment] = {}  # body -> the first piece dating its meeting "today"
        self.topics: list[Draft] = []  # votes named in a list of topics, not yet told in full

    def add(self, segment: Segment) -> None:
        """Join ``segment`` to the vote it speaks of, start a vote, or keep it as context."""
        if segment.same_day and segment.body:
            self.sessions.setdefault(segment.body, segment)  # "The Assembly this morning ...": the meeting
        for topic in segment.topics:
            self._add_topic(segment, topic)
        if not segment.decisive:
            self._add_context(segment)
            return
        if segment.texts > 1 and not segment.quoted:  # "adopted three other texts without a vote"
            for _ in range(segment.texts):
                self._touch(self._new_draft(segment))
            return
        target = next((d for d in reversed(self.recent) if _joins(d, segment)), None)
        if target is None:
            if not _starts_a_vote(segment):
                return
            target = self._new_draft(segment)
        _merge(target, segment)
        self._touch(target)
        if segment.again:
            self._add_the_year_before(target, segment)

    def _add_the_year_before(self, draft: Draft, segment: Segment) -> None:
        """The vote a year before, where the positions ``segment`` names were taken too ("China voted
        against for the second straight year"); only those positions are known of it."""
        earlier = Draft(Vote(body=draft.vote.body, start=segment.start, end=segment.end), draft.kind, None,
                        body_stated=draft.body_stated, earlier=True)
        _merge_positions(earlier.vote, segment)
        self.drafts.append(earlier)

    def _touch(self, draft: Draft) -> None:
        """``draft`` becomes the most recent vote told of."""
        if draft in self.recent:
            self.recent.remove(draft)
        self.recent.append(draft)
        del self.recent[:-RECENT_VOTES]

    def _add_context(self, segment: Segment) -> None:
        """A piece naming a body but not how it voted: context for the vote it speaks of.

        "The Assembly today voted to ..." joins the latest vote of that body (or one whose body is
        not yet known); otherwise, like a dated "The Assembly on Monday demanded ...", it waits for
        the next votes.
        """
        if not segment.body or segment.quoted:
            return
        if segment.speaks_of_voting:
            for draft in reversed(self.recent):
                if (not draft.body_stated or draft.vote.body == segment.body) and _compatible(draft, segment):
                    _merge(draft, segment)
                    return
            self.waiting.append(segment)
        elif segment.date_key:
            self.waiting.append(segment)

    def _add_topic(self, segment: Segment, topic: str) -> None:
        """A vote named in a list of topics ("Votes on A, B, C"), once however often the list is told."""
        words = topic_words(topic)
        if any(draft.topic == words for draft in self.topics):
            return  # a heading told twice
        vote = Vote(body=segment.body or "", subject=topic, adopted=segment.topics_adopted, start=segment.start,
                    end=segment.end)
        draft = Draft(vote, "resolution", None, body_stated=bool(segment.body), topic=words)
        self.drafts.append(draft)
        self.topics.append(draft)
        del self.topics[:-RECENT_VOTES]  # a later piece completes one of the last topics named

    def _topic_told(self, segment: Segment) -> Draft | None:
        """The vote named by a topic that ``segment`` tells in full: it names every word of the topic."""
        if not self.topics:
            return None
        words = topic_words(self.text[segment.start:segment.end])
        told = next((draft for draft in self.topics if draft.topic <= words), None)
        if told is not None:
            self.topics.remove(told)
        return told

    def _new_draft(self, segment: Segment) -> Draft:
        """A vote started by ``segment`` (or named earlier by its topic), with the compatible context
        that waited for it."""
        draft = self._topic_told(segment)
        if draft is None:
            draft = Draft(Vote(body="", start=segment.start, end=segment.end), segment.kind, None,
                          earlier=segment.before_the_meeting, passing=segment.passing)
            self.drafts.append(draft)
        _merge(draft, segment)
        self.waiting[:] = [earlier for earlier in self.waiting if segment.index - earlier.index <= CONTEXT_REACH]
        for earlier in self.waiting:  # kept for the next votes too: "The Council this morning adopted ..."
            if (earlier.body == draft.vote.body or not draft.body_stated) and _compatible(draft, earlier):
                _merge(draft, earlier)
        return draft


def _starts_a_vote(segment: Segment) -> bool:
    """Whether a piece that joins no vote told of tells a new one: a tally, a position, a veto, or an
    outcome said of a body, a symbol or another text ("It also adopted a text on ...", "adopted
    without a vote"), a vote taken ("took a recorded vote on"); never words someone is quoted saying."""
    if segment.quoted:
        return False
    another_text = segment.adopted is not None and (segment.other_vote or segment.without_vote)
    return bool(segment.strong or segment.body or segment.symbol or another_text or segment.vote_taken)


def _compatible(draft: Draft, segment: Segment) -> bool:
    """Whether ``segment`` may speak of ``draft``'s vote: nothing it states clashes with the vote."""
    return _same_setting(draft, segment) and _same_figures(draft, segment)


def _same_setting(draft: Draft, segment: Segment) -> bool:
    """The same kind of text, body, outcome and date, as far as both say."""
    vote = draft.vote
    if draft.kind != segment.kind:
        return False
    if segment.body and vote.body and segment.body != vote.body and draft.body_stated:
        return False
    if segment.adopted is not None and _outcome(vote) not in (None, segment.adopted):
        return False
    return not (segment.date_key and draft.date_key) or dates_agree(segment.date_key, draft.date_key)


def _same_figures(draft: Draft, segment: Segment) -> bool:
    """No count or named position of ``segment`` differs from the vote's, no count is given to a vote
    adopted without a vote (nor the other way round), and no vote against or abstention to a unanimous one."""
    vote = draft.vote
    if draft.without_vote and segment.counts or segment.without_vote and _tallied(vote):
        return False
    if segment.unanimous and (vote.no or vote.abstain) or draft.unanimous and (segment.counts.get("no")
                                                                              or segment.counts.get("abstain")):
        return False  # "unanimously" is no vote with a no or an abstention
    if any(getattr(vote, key) not in (None, value) for key, value in segment.counts.items()):
        return False
    return all(vote.positions.get(iso3, position) == position for iso3, (position, _) in segment.positions.items())


def _outcome(vote: Vote) -> bool | None:
    """Adopted, not (vetoed or rejected), or not yet known."""
    return False if vote.vetoed_by else vote.adopted


def _joins(draft: Draft, segment: Segment) -> bool:
    """Whether ``segment`` speaks of ``draft``'s vote.

    "A similar resolution" is another vote, unless it names the same body and date as one
    already told of (a past veto mentioned twice). An earlier vote only compared with ("up from 104
    last year") is spoken of again only by a piece that says it tells of the past.
    """
    if draft.passing and not segment.of_the_past:
        return False
    if segment.other_vote:
        return bool(draft.body_stated and segment.body == draft.vote.body and segment.date_key
                    and segment.date_key == draft.date_key and _compatible(draft, segment))
    return _compatible(draft, segment)


def _merge(draft: Draft, segment: Segment) -> None:
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


def _merge_positions(vote: Vote, segment: Segment) -> None:
    """The named positions and vetoes ``vote`` does not know yet."""
    for iso3, (position, span) in segment.positions.items():
        if iso3 not in vote.positions:
            vote.positions[iso3], vote.position_spans[iso3] = position, span
    for iso3 in segment.vetoed_by:
        if iso3 not in vote.vetoed_by:
            vote.vetoed_by.append(iso3)


def _merge_implied(draft: Draft, segment: Segment) -> None:
    """What the segment implies without stating it: listed counts, a Council resolution number,
    unanimity, what "the rest" did."""
    for key, value in segment.listed.items():
        draft.listed.setdefault(key, value)
    draft.council_resolution = draft.council_resolution or segment.council_resolution
    draft.unanimous = draft.unanimous or segment.unanimous
    draft.rest = draft.rest or segment.rest
    draft.without_vote = draft.without_vote or segment.without_vote
    draft.vote_taken = draft.vote_taken or segment.vote_taken


def _fill_counts(vote: Vote, counts: dict[str, int]) -> None:
    """The counts ``vote`` does not know yet."""
    for key, value in counts.items():
        if getattr(vote, key) is None:
            setattr(vote, key, value)


# ---------------------------------------------------------------- what the stated facts imply
def finish(draft: Draft, bodies: Bodies, meetings: dict[str, Segment]) -> Vote:
    """Fill what the stated facts imply: body, membership, date (by ``meetings``: body -> the piece
    dating its meeting "today"), counts, vetoes and the outcome."""
    vote = draft.vote
    if not draft.body_stated:
        vote.body = SECURITY_COUNCIL if vote.vetoed_by else bodies.nearest(vote.start)
    vote.members = vote.members or FIXED_MEMBERSHIP.get(vote.body)
    _date_by_the_meeting(draft, meetings)
    if vote.resolution is None and vote.body == SECURITY_COUNCIL:
        vote.resolution = draft.council_resolution
    _infer_counts(draft)
    _derive_remainder(draft)
    _infer_vetoes(vote)
    _infer_outcome(vote)
    return vote


def _date_by_the_meeting(draft: Draft, meetings: dict[str, Segment]) -> None:
    """A vote the text does not date, of a body whose meeting the text covers ("The Assembly this
    morning ..."), took place at that meeting, unless told as an earlier vote."""
    vote, meeting = draft.vote, meetings.get(draft.vote.body)
    if meeting is not None and draft.date_key is None and not draft.earlier:
        vote.date, vote.date_text, draft.date_key = meeting.date, meeting.date_text, meeting.date_key


def _infer_outcome(vote: Vote) -> None:
    """Vetoed is not adopted; else, when the text does not say, the outcome the counts decide (a
    Council majority, a clear two-thirds majority or a defeat)."""
    if vote.vetoed_by:
        vote.adopted = False
    elif vote.adopted is None and vote.yes is not None:
        if vote.body == SECURITY_COUNCIL:
            vote.adopted = vote.yes >= COUNCIL_MAJORITY
        elif vote.no is not None and (vote.yes >= 2 * vote.no or vote.yes <= vote.no):
            vote.adopted = vote.yes >= 2 * vote.no and vote.yes > vote.no


def _infer_counts(draft: Draft) -> None:
    """Counts from exhaustive lists, "unanimously", or a yes count plus every other vote named."""
    vote = draft.vote
    _fill_counts(vote, draft.listed)
    if draft.unanimous and vote.members and vote.yes in (None, vote.members) and not (vote.no or vote.abstain):
        vote.yes, vote.no, vote.abstain = vote.members, 0, 0  # "unanimously", "the 15-0 vote"
    if vote.members and vote.yes is not None and vote.no is None and vote.abstain is None:
        named = {key: sum(1 for p in vote.positions.values() if p == key) for key in COUNTS}
        if named["no"] + named["abstain"] + (vote.absent or 0) == vote.members - vote.yes:
            vote.no, vote.abstain = named["no"], named["abstain"]  # "13 in favour", vetoed by the other two


def _derive_remainder(draft: Draft) -> None:
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
    """A permanent member voting no on a Security Council text that had a majority, and was not
    adopted (a procedural vote knows no veto), vetoed it."""
    if vote.body != SECURITY_COUNCIL or vote.adopted or (vote.yes is not None and vote.yes < COUNCIL_MAJORITY):
        return
    for iso3, position in vote.positions.items():
        if position == "no" and iso3 in PERMANENT_MEMBERS and iso3 not in vote.vetoed_by:
            vote.vetoed_by.append(iso3)


def reportable(draft: Draft, names_the_un: bool) -> bool:
    """A UN vote with something to report, not "the Senate's vote" or "has passed resolutions"
    (``names_the_un``: whether the text names the UN)."""
    vote = draft.vote
    if not (is_un_body(vote.body) or vote.resolution or names_the_un):
        return False
    return bool(_tallied(vote) or vote.positions or vote.vetoed_by or vote.resolution or vote.date_text
                or (vote.adopted is not None or draft.topic or draft.vote_taken) and is_un_body(vote.body))


def _tallied(vote: Vote) -> bool:
    return any(getattr(vote, key) is not None for key in COUNTS)
