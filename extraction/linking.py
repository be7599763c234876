"""Which vote each quotation is about.

A text reporting several votes (a General Assembly tally beside a Security Council veto, a draft
and its amendment) quotes people about one or another, and some of its quotations are about
neither. A quotation is linked to a vote when the text ties them, in this order:

1. its sentences name the vote's symbol, or name UN bodies (as :mod:`extraction.bodies` reads
   them: "the Council" is the council named last): only the votes of a body named stay
   candidates (a quotation about the Council is not about the Assembly's vote), and a quotation
   naming only bodies that took no vote in the text is about none of them;
2. it lies inside the stretch of text the vote was read from (the innermost such vote);
3. its speaker's country is named for one candidate only (a position or a veto);
4. its sentences speak of a vote ("voted", "the resolution", "abstained", "veto"...), or its
   paragraph reports a candidate or follows one that does: the candidate reported last before
   it, else the first one reported;
5. it continues the previous quotation of the same speaker, a sentence or two later: that
   quotation's vote.

Otherwise it is linked to none: precision before recall, a remark about something else never
appears under a vote.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from extraction.bodies import is_un_body
from extraction.models import Quote, Vote
from extraction.text import AnalyzedText

# Words that make a sentence about a vote.
_VOTE_WORDS = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballot|resolutions?|drafts?|amendments?|abstain\w*|abstentions?|veto\w*"
    r"|adopt\w*|in favou?r|tally)\b",
    re.IGNORECASE,
)
CONTINUATION_GAP = 2  # sentences between two quotations of one speaker that still continue each other
NEARBY_VOTES = 8  # the votes reported closest before, and after, a quotation that may be its vote


def link_quotes_to_votes(text: AnalyzedText, quotes: list[Quote], votes: list[Vote]) -> None:
    """Set each quotation's ``vote`` to the index of the vote it is about, or leave it ``None``."""
    if not votes:
        return
    linker = _Linker(text, votes)
    previous: dict[str | None, Quote] = {}
    for quote in quotes:
        quote.vote = linker.vote_of(quote)
        earlier = previous.get(quote.speaker)
        if quote.vote is None and quote.speaker and earlier is not None and linker.continues(earlier, quote):
            quote.vote = earlier.vote
        previous[quote.speaker] = quote


class _Linker:
    """The votes of one text, indexed by where they were reported, and the rules that link a
    quotation to one of them. Each quotation is weighed against the votes reported nearest it
    only, so linking costs the same per quotation however long the text."""

    def __init__(self, text: AnalyzedText, votes: list[Vote]):
        self.text = text
        self.votes = votes
        self.order = sorted(range(len(votes)), key=lambda index: votes[index].start)
        self.starts = [votes[index].start for index in self.order]
        self.paragraph_starts = [start for start, _ in text.paragraphs]
        self.vote_bodies = {vote.body for vote in votes}

    def vote_of(self, quote: Quote) -> int | None:
        """The index of the vote ``quote`` is about by rules 1 to 4 of the module, or None."""
        window_start, window_end = _window(quote)
        window = self.text.text[window_start:window_end]
        nearby = self._nearby(quote.start)
        named = [index for index in nearby if self.votes[index].resolution
                 and self.votes[index].resolution in window]
        if len(named) == 1:
            return named[0]
        bodies = self._bodies_named(window_start, window_end)
        candidates = [index for index in nearby if not bodies or self.votes[index].body in bodies]
        if not candidates:
            return None
        placed = self._by_place_or_country(quote, candidates)
        return placed if placed is not None else self._by_topic(quote, candidates, window, bodies)

    def continues(self, earlier: Quote, later: Quote) -> bool:
        """Whether ``later`` follows ``earlier`` within a sentence or two, in the same paragraph."""
        index = self.text.sentence_index
        gap = index.index_at(later.start) - index.index_at(earlier.end)
        return gap <= CONTINUATION_GAP and self._paragraph(earlier.start) == self._paragraph(later.start)

    def _bodies_named(self, start: int, end: int) -> set[str]:
        """The UN bodies, and the bodies of this text's votes, named in ``text[start:end]``."""
        return {mention.body for mention in self.text.bodies.between(start, end)
                if is_un_body(mention.body) or mention.body in self.vote_bodies}

    def _nearby(self, offset: int) -> list[int]:
        """The votes reported closest before and after ``offset``, in the order extracted."""
        at = bisect_right(self.starts, offset)
        return sorted(self.order[max(0, at - NEARBY_VOTES) : at + NEARBY_VOTES])

    def _by_place_or_country(self, quote: Quote, candidates: list[int]) -> int | None:
        """Rules 2 and 3: the innermost candidate whose report holds the quotation, else the one
        candidate naming the speaker's country."""
        votes = self.votes
        inside = [index for index in candidates if votes[index].start <= quote.start < votes[index].end]
        if inside:
            return min(inside, key=lambda index: votes[index].end - votes[index].start)
        country = quote.speaker_country
        concerned = [index for index in candidates if country and _names_country(votes[index], country)]
        return concerned[0] if len(concerned) == 1 else None

    def _by_topic(self, quote: Quote, candidates: list[int], window: str, bodies: set[str]) -> int | None:
        """Rule 4: for a quotation that speaks of a vote or a body, or follows a vote's report, the
        candidate reported last before it, else the first one."""
        if not (bodies or _VOTE_WORDS.search(window) or self._follows_a_report(quote, candidates)):
            return None
        before = [index for index in candidates if self.votes[index].start <= quote.start]
        return max(before, key=lambda index: self.votes[index].start) if before else candidates[0]

    def _follows_a_report(self, quote: Quote, candidates: list[int]) -> bool:
        """Whether, in a text of paragraphs, the quotation's paragraph is one a candidate's report
        spans, or the next."""
        paragraph = self._paragraph(quote.start)
        return len(self.paragraph_starts) > 1 and any(
            self._paragraph(self.votes[index].start) <= paragraph <= self._last_paragraph(index) + 1
            for index in candidates
        )

    def _paragraph(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset)

    def _last_paragraph(self, index: int) -> int:
        """The last paragraph the report of vote ``index`` spans."""
        vote = self.votes[index]
        return self._paragraph(max(vote.start, vote.end - 1))


def _window(quote: Quote) -> tuple[int, int]:
    """The sentences around a quotation (its context), else the quotation itself."""
    if quote.context_start is None or quote.context_end is None:
        return quote.start, quote.end
    return min(quote.context_start, quote.start), max(quote.context_end, quote.end)


def _names_country(vote: Vote, country: str) -> bool:
    return country in vote.positions or country in vote.vetoed_by
