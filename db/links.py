"""Linking the votes articles report to the official roll-call records they describe, as each
scope sees them.

``votes.roll_call_id`` is decided by the reports of the vote's own scope alone (for a vote the
bundled sources report, by the bundled sources). A server whose own reports joined a shared vote
gets a row in ``guild_vote_links``: the record as that server's visible reports link it. Nothing a
server adds changes another server's link. Links are recomputed whenever a vote gains or loses a
report, and after records are imported.

A vote links to the record whose resolution or draft symbol a report states, unless the vote's
date and tallies show that record is a different vote (:func:`db.agreement.symbol_contradicted`:
a conflict to show, not a key to trust); failing that, to the one record of the same body within a
day whose totals agree best (:func:`db.agreement.record_agreement`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from sqlite_utils import Database

from db.agreement import record_agreement, record_figures, symbol_contradicted
from db.records import RECORD_FIELDS, records_named
from db.reports import decode_report, merge_reports
from db.scopes import GLOBAL_SCOPE
from db.store import write_transaction
from reference.vocabulary import RECORDED_BODIES

# How many days a report's date may be from its record's (time zones, meetings past midnight).
RECORD_DATE_TOLERANCE = 1


def refresh_links(db: Database, vote_ids: Iterable[int] | None = None) -> int:
    """Recompute the links of these votes (all when None) for every scope that sees them;
    returns how many of them their own scope links to a record."""
    with write_transaction(db):
        if vote_ids is None:
            vote_ids = [row[0] for row in db.execute("SELECT id FROM votes")]
        return sum(_refresh_vote_links(db, vote_id) for vote_id in vote_ids)


def _refresh_vote_links(db: Database, vote_id: int) -> bool:
    """Recompute one vote's links; whether its own scope links it to a record."""
    row = db.execute("SELECT body, scope FROM votes WHERE id = ?", [vote_id]).fetchone()
    if row is None:
        return False
    body, owner = row
    reports = list(
        db.query(
            "SELECT r.*, s.scope AS source_scope FROM vote_reports r JOIN sources s ON s.id = r.source_id"
            " WHERE r.vote_id = ? ORDER BY r.id",
            [vote_id],
        )
    )
    record_id = linked_record(db, body, [r for r in reports if r["source_scope"] == owner])
    db.execute("UPDATE votes SET roll_call_id = ? WHERE id = ?", [record_id, vote_id])
    db.execute("DELETE FROM guild_vote_links WHERE vote_id = ?", [vote_id])
    if owner == GLOBAL_SCOPE:
        for guild in sorted({r["source_scope"] for r in reports} - {GLOBAL_SCOPE}):
            seen = [r for r in reports if r["source_scope"] in (GLOBAL_SCOPE, guild)]
            db["guild_vote_links"].insert(
                {"vote_id": vote_id, "scope": guild, "roll_call_id": linked_record(db, body, seen)}
            )
    return record_id is not None


def linked_record(db: Database, body: str, reports: list[Mapping]) -> int | None:
    """The record a vote of ``body`` links to, as these (raw) reports describe it."""
    if body not in RECORDED_BODIES or not reports:
        return None
    decoded = [decode_report(report) for report in reports]
    vote = merge_reports(decoded)
    for symbol in dict.fromkeys(report["resolution"] for report in decoded if report["resolution"]):
        for record in records_named(db, symbol):
            if not symbol_contradicted(vote, record_figures(record), days=RECORD_DATE_TOLERANCE):
                return record["undl_id"]
    return _record_by_tally(db, body, vote)




def contradicted_records(db: Database, vote: Mapping, symbols: Iterable[str]) -> list[dict]:
    """The records that these symbols of a vote name but that its date and tallies show to be
    other votes: what /vote shows as a conflict."""
    return [
        record | {"symbol": symbol}
        for symbol in dict.fromkeys(symbols)
        for record in records_named(db, symbol)
        if symbol_contradicted(vote, record_figures(record), days=RECORD_DATE_TOLERANCE)
    ]


def _record_by_tally(db: Database, body: str, vote: Mapping) -> int | None:
    """The one record of the same body within a day of the vote whose totals agree best."""
    if not vote["date"] or len(vote["date"]) != 10:
        return None
    day = date.fromisoformat(vote["date"])
    window = timedelta(days=RECORD_DATE_TOLERANCE)
    candidates = db.query(
        f"SELECT {RECORD_FIELDS} FROM roll_calls r WHERE r.body = ? AND r.date BETWEEN ? AND ?",
        [body, (day - window).isoformat(), (day + window).isoformat()],
    )
    scored = [(agreement, record["undl_id"]) for record in candidates
              if (agreement := record_agreement(vote, record)) is not None]
    best = max((agreement for agreement, _ in scored), default=None)
    winners = [undl_id for agreement, undl_id in scored if agreement == best]
    return winners[0] if len(winners) == 1 else None
