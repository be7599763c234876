"""Linking the votes articles report to the official roll-call records they describe.

A reported vote links to a record when a report's symbol is the record's resolution or draft
symbol, or else when body, date (± 1 day) and tallies agree (:func:`db.rules.record_agreement`).
Run after a source is added and after records are imported; a vote keeps its link once made.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlite_utils import Database

from db.rules import record_agreement

LINKABLE_BODIES = ("UNGA", "UNSC")


def link_votes(db: Database, vote_ids: Iterable[int] | None = None) -> int:
    """Link the given votes (all unlinked ones when None) to their records; returns how many."""
    if vote_ids is None:
        vote_ids = [row[0] for row in db.execute("SELECT id FROM votes WHERE roll_call_id IS NULL")]
    linked = 0
    for vote_id in vote_ids:
        vote = db.execute(
            "SELECT id, body, date, yes, no, abstain FROM votes WHERE id = ? AND roll_call_id IS NULL", [vote_id]
        ).fetchone()
        if vote is None or vote[1] not in LINKABLE_BODIES:
            continue
        record_id = _record_by_symbol(db, vote_id) or _record_by_tally(db, dict(zip(("id", "body", "date", "yes", "no", "abstain"), vote)))
        if record_id is not None:
            db.execute("UPDATE votes SET roll_call_id = ? WHERE id = ?", [record_id, vote_id])
            linked += 1
    return linked


def _record_by_symbol(db: Database, vote_id: int) -> int | None:
    """The record whose resolution or draft symbol a report of the vote states."""
    row = db.execute(
        """
        SELECT c.undl_id FROM vote_reports r
          JOIN roll_calls c ON replace(upper(c.resolution), ' ', '') = r.resolution
                            OR replace(upper(c.draft), ' ', '') = r.resolution
         WHERE r.vote_id = ? AND r.resolution IS NOT NULL
         LIMIT 1
        """,
        [vote_id],
    ).fetchone()
    return row[0] if row else None


def _record_by_tally(db: Database, vote: dict) -> int | None:
    """The one record of the same body within a day of the vote whose totals agree best."""
    if not vote["date"] or len(vote["date"]) != 10:
        return None
    day = date.fromisoformat(vote["date"])
    candidates = db.query(
        """
        SELECT undl_id, total_yes, total_no, total_abstentions FROM roll_calls
         WHERE body = ? AND date BETWEEN ? AND ?
        """,
        [vote["body"], (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()],
    )
    scored = [(agreement, record["undl_id"]) for record in candidates
              if (agreement := record_agreement(vote, record)) is not None]
    best = max((agreement for agreement, _ in scored), default=None)
    winners = [undl_id for agreement, undl_id in scored if agreement == best]
    return winners[0] if len(winners) == 1 else None
