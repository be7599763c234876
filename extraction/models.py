"""The facts extraction produces: plain dataclasses, no Discord and no SQL.

Every offset is a Python ``str`` index into the *cleaned* text of the document
(see :mod:`extraction.documents`), which the store keeps beside the facts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from reference.vocabulary import Position

SpeakerKind = Literal["person", "organisation", "country", "document", "unknown"]


@dataclass
class Document:
    """A source after cleaning: the text every offset refers to, plus its metadata."""

    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    media_type: str = "text/plain"  # or "text/html" when the original was HTML


@dataclass
class Quote:
    """One direct quotation: ``text == document.text[start:end]``, without its marks."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_country: str | None = None  # ISO 3166-1 alpha-3
    speaker_kind: SpeakerKind = "unknown"
    # Where the speaker was named for this quotation (the mention the attribution used,
    # e.g. the "he" of `"...," he said`), and the sentence(s) around the quotation.
    speaker_start: int | None = None
    speaker_end: int | None = None
    context_start: int | None = None
    context_end: int | None = None
    cue: str | None = None  # the reporting verb or pattern, e.g. "said", "tweeting:"
    rule: str | None = None  # the attribution rule that found the speaker (extraction.attribution.RULES)
    vote: int | None = None  # the index in Extraction.votes of the vote the quotation is about

    @property
    def short(self) -> bool:
        """Fewer than three words, like "amazing" or "double standards"."""
        return len(self.text.split()) < 3


@dataclass
class Vote:
    """One vote as a text reports it; ``None`` means the text does not say."""

    body: str  # UNGA, UNSC, Human Rights Council, UNGA Third Committee, another body by name
    date: str | None = None  # YYYY-MM-DD, or YYYY-MM when only the month is known
    date_text: str | None = None  # the words the date was resolved from
    resolution: str | None = None  # A/RES/ES-11/4, S/2022/720, A/77/L.5
    subject: str | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    absent: int | None = None
    absent_derived: bool = False  # absent computed from the membership, not stated
    members: int | None = None  # membership of the body when the text states or implies it
    adopted: bool | None = None
    vetoed_by: list[str] = field(default_factory=list)  # ISO3
    positions: dict[str, Position] = field(default_factory=dict)  # ISO3 -> position
    # Where in the text each named position was stated: ISO3 -> (start, end) of the name.
    position_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    start: int = 0  # span of the text the vote was read from
    end: int = 0


@dataclass
class Extraction:
    """Everything read from one document."""

    quotes: list[Quote] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)

    def to_json(self) -> dict:
        """The ``extract`` command's contract: ``{"votes": [...], "quotes": [...]}``."""
        quotes = []
        for quote in self.quotes:
            row = asdict(quote)
            row["short"] = quote.short
            quotes.append(row)
        votes = []
        for vote in self.votes:
            row = asdict(vote)
            row["position_spans"] = {k: list(v) for k, v in vote.position_spans.items()}
            votes.append(row)
        return {"votes": votes, "quotes": quotes}
