"""Reading what one source gave the store, for its moderators' review: its vote reports with the
positions each names, and its quotations with their speakers as this source gives them."""

from __future__ import annotations

from sqlite_utils import Database

from db.reports import decode_report


def source_facts(db: Database, source_id: int) -> dict:
    """``votes``: the source's vote reports in text order, each decoded with its ``positions``
    (``id``, ``country``, ``position``); ``quotes``: its quotations in text order (``id``, ``text``,
    ``speaker_name``, ``speaker_role``, ``speaker_country``)."""
    votes = [
        decode_report(row)
        for row in db.query("SELECT * FROM vote_reports WHERE source_id = ? ORDER BY span_start, id", [source_id])
    ]
    positions: dict[int, list[dict]] = {vote["id"]: [] for vote in votes}
    for position in db.query(
        "SELECT id, report_id, country, position FROM positions WHERE source_id = ? ORDER BY report_id, country",
        [source_id],
    ):
        positions[position.pop("report_id")].append(position)
    for vote in votes:
        vote["positions"] = positions[vote["id"]]
    quotes = list(
        db.query(
            "SELECT id, text, speaker_name, speaker_role, speaker_country FROM quotes"
            " WHERE source_id = ? ORDER BY span_start, id",
            [source_id],
        )
    )
    return {"votes": votes, "quotes": quotes}
