"""Which vote each quotation is about.

A text reporting several votes (a General Assembly tally beside a Security Council veto, a draft
and its amendment) quotes people about one or another, and some of its quotations are about
neither. A quotation is linked to a vote when the text ties them, in this order:

1. its sentences name the vote's symbol, or name bodies: only the votes of a body named stay
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

from extraction.models import Quote, Vote
from extraction.text import AnalyzedText
from reference.vocabulary import BODY_NAMES, body_name

# Words that make a sentence about a vote.
_VOTE_WORDS = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballot|resolutions?|drafts?|amendments?|abstain\w*|abstentions?|veto\w*"
    r"|adopt\w*|in favou?r|tally)\b",
    re.IGNORECASE,
)
# The nouns naming the bodies that vote, and their acronyms ("UNGA"), as a passage names them.
_BODY_NOUN = re.compile(r"\b(assembly|council|committee)\b", re.IGNORECASE)
_BODY_ACRONYM = re.compile(r"\b(?:" + "|".join(BODY_NAMES) + r")\b")
CONTINUATION_GAP = 2  # sentences between two quotations of one speaker that still continue each other


def link_quotes_to_votes(text: AnalyzedText, quotes: list[Quote], votes: list[Vote]) -> None:
    """Set each quotation's ``vote`` to the index of the vote it is about, or leave it ``None``."""
    if not votes:
        return
    reported_in = set()
    if len(text.paragraphs) > 1:
        for vote in votes:
            reported_in.update(range(_paragraph(text, vote.start), _paragraph(text, max(vote.start, vote.end - 1)) + 1))
    previous: dict[str | None, Quote] = {}
    for quote in quotes:
        quote.vote = _vote_of(text, quote, votes, reported_in)
        earlier = previous.get(quote.speaker)
        if quote.vote is None and quote.speaker and earlier is not None and _continues(text, earlier, quote):
            quote.vote = earlier.vote
        previous[quote.speaker] = quote


def _vote_of(text: AnalyzedText, quote: Quote, votes: list[Vote], reported_in: set[int]) -> int | None:
    """The index of the vote ``quote`` is about by rules 1 to 4 of the module, or None."""
    window = text.text[slice(*_window(quote))]
    named = [index for index, vote in enumerate(votes) if vote.resolution and vote.resolution in window]
    if len(named) == 1:
        return named[0]
    bodies = _bodies_named(window)
    candidates = [index for index, vote in enumerate(votes) if not bodies or _body_key(vote.body) in bodies]
    if not candidates:
        return None
    inside = [index for index in candidates if votes[index].start <= quote.start < votes[index].end]
    if inside:
        return min(inside, key=lambda index: votes[index].end - votes[index].start)
    country = quote.speaker_country
    concerned = [index for index in candidates if country and _names_country(votes[index], country)]
    if len(concerned) == 1:
        return concerned[0]
    paragraph = _paragraph(text, quote.start)
    if bodies or _VOTE_WORDS.search(window) or {paragraph, paragraph - 1} & reported_in:
        before = [index for index in candidates if votes[index].start <= quote.start]
        return max(before, key=lambda index: votes[index].start) if before else candidates[0]
    return None


def _window(quote: Quote) -> tuple[int, int]:
    """The sentences around a quotation (its context), else the quotation itself."""
    if quote.context_start is None or quote.context_end is None:
        return quote.start, quote.end
    return min(quote.context_start, quote.start), max(quote.context_end, quote.end)


def _bodies_named(window: str) -> set[str]:
    """The bodies a passage names, as :func:`_body_key` keys them: "the Assembly", "UNGA"."""
    nouns = {match.lower() for match in _BODY_NOUN.findall(window)}
    return nouns | {_body_key(acronym) for acronym in _BODY_ACRONYM.findall(window)}


def _body_key(body: str) -> str:
    """How a passage names a vote's body: ``UNGA`` by "assembly", "Third Committee" by "committee"."""
    noun = _BODY_NOUN.search(body_name(body))
    return noun.group(1).lower() if noun else body


def _names_country(vote: Vote, country: str) -> bool:
    return country in vote.positions or country in vote.vetoed_by


def _paragraph(text: AnalyzedText, offset: int) -> int:
    return bisect_right([start for start, _ in text.paragraphs], offset)


def _continues(text: AnalyzedText, earlier: Quote, later: Quote) -> bool:
    """Whether ``later`` follows ``earlier`` within a sentence or two, in the same paragraph."""
    index = text.sentence_index
    gap = index.index_at(later.start) - index.index_at(earlier.end)
    return gap <= CONTINUATION_GAP and _paragraph(text, earlier.start) == _paragraph(text, later.start)
