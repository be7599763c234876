"""Storing a source costs work linear in its size: four times the quotations of one speaker, about
four times the work, not sixteen (a speaker's quotations were once re-read on every insert).

The work is SQLite's own, counted in virtual-machine steps (a progress handler), not timed.
"""

from __future__ import annotations

from db import add_source, open_store
from extraction.models import Document, Extraction, Quote, Vote

STEPS_PER_CALL = 1_000
MAX_GROWTH = 6.0  # linear work gives 4; work per quotation that grows with the text gives 16


def source(quotations: int) -> tuple[Document, Extraction]:
    """A text of ``quotations`` quotations by one speaker, and one vote reported in every paragraph."""
    paragraphs = [f"“Statement number {n} is on the record,” said Ana Example." for n in range(quotations)]
    text = "\n\n".join(paragraphs)
    quotes, votes, offset = [], [], 0
    for paragraph in paragraphs:
        start = offset + 1
        end = start + paragraph.index("”") - 1
        quotes.append(Quote(text=text[start:end], start=start, end=end, speaker="Ana Example", speaker_kind="person"))
        votes.append(Vote(body="UNGA", date="2022-10-12", yes=143, no=5, abstain=35,
                          start=offset, end=offset + len(paragraph)))
        offset += len(paragraph) + 2
    return Document(text=text), Extraction(quotes=quotes, votes=votes)


def steps_to_store(quotations: int) -> int:
    db = open_store(":memory:")
    counted = [0]

    def count() -> int:
        counted[0] += 1
        return 0

    document, extraction = source(quotations)
    db.conn.set_progress_handler(count, STEPS_PER_CALL)
    add_source(db, document, extraction)
    db.conn.set_progress_handler(None, 0)
    assert db["quotes"].count == quotations
    return counted[0]


def test_storing_four_times_the_quotations_costs_about_four_times_the_work():
    small, large = steps_to_store(150), steps_to_store(600)
    assert large / small < MAX_GROWTH, f"{small} -> {large} ({large / small:.1f}x)"
