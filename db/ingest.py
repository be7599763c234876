"""Writing to the store: one source and everything extracted from it, in one transaction.

``add_source`` is idempotent (the same cleaned text in the same scope is stored once) and atomic
(an error leaves nothing of that source behind). Votes reported by several sources share one
``votes`` row, speakers named by several sources one ``speakers`` row: the matching rules are
documented in ``db/SCHEMA.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlite_utils import Database

from db.links import link_votes
from db.rules import (
    GLOBAL_SCOPE,
    TALLY_FIGURES,
    dates_compatible,
    decode_report,
    merge_reports,
    name_key,
    resolution_key,
)
from extraction.models import POSITIONS, Document, Extraction, Quote, Vote

# A document speaker named like "the resolution" or "its statement" is particular to its source.
GENERIC_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
# Kinds of speaker a bare surname may stand for.
PERSON_KINDS = ("person", "unknown")


class InvalidExtraction(ValueError):
    """An extracted fact whose span does not index the document text it claims."""


@dataclass
class AddResult:
    """What ``add_source`` did. ``created`` is False when the text was already stored."""

    source_id: int
    created: bool
    quotes: int = 0
    votes: int = 0  # vote reports written, one per vote the source reports
    new_votes: int = 0  # ...of which started a new vote
    matched_votes: int = 0  # ...of which joined a vote already stored
    positions: int = 0


def content_sha256(text: str) -> str:
    """The identity of a source: the SHA-256 of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def add_source(
    db: Database,
    document: Document,
    extraction: Extraction,
    *,
    scope: str = GLOBAL_SCOPE,
    origin: str | None = None,
    added_by: str | None = None,
) -> AddResult:
    """Store ``document`` and its extracted facts under ``scope``, all or nothing.

    Text already stored in this scope, or globally, is not stored again (``created=False``).
    Raises :class:`InvalidExtraction` before writing anything if a span is out of place.
    """
    check_spans(document, extraction)
    digest = content_sha256(document.text)
    existing = db.execute(
        "SELECT id FROM sources WHERE content_sha256 = ? AND scope IN (?, ?) ORDER BY id LIMIT 1",
        [digest, scope, GLOBAL_SCOPE],
    ).fetchone()
    if existing:
        return AddResult(source_id=existing[0], created=False)

    with db.atomic():
        source_id = _insert_source(db, document, digest, scope, origin, added_by)
        result = AddResult(source_id=source_id, created=True)
        vote_ids = {_add_vote_report(db, source_id, vote, result) for vote in extraction.votes}
        for vote_id in vote_ids:
            _refresh_vote(db, vote_id)
        link_votes(db, vote_ids)
        for quote in extraction.quotes:
            _add_quote(db, source_id, quote)
        result.quotes = len(extraction.quotes)
    return result


def remove_source(db: Database, source_id: int, scope: str) -> bool:
    """Delete a source of ``scope`` and every fact only it supported; False if not found there."""
    row = db.execute("SELECT scope FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None or row[0] != scope:
        return False
    with db.atomic():
        vote_ids = _column(db, "SELECT DISTINCT vote_id FROM vote_reports WHERE source_id = ?", source_id)
        speaker_ids = _column(
            db,
            "SELECT DISTINCT speaker_id FROM quotes WHERE source_id = ? AND speaker_id IS NOT NULL",
            source_id,
        )
        for table in ("positions", "vote_reports", "quotes"):
            db[table].delete_where("source_id = ?", [source_id])
        db["sources"].delete(source_id)
        for vote_id in vote_ids:
            if db.execute("SELECT 1 FROM vote_reports WHERE vote_id = ?", [vote_id]).fetchone():
                _refresh_vote(db, vote_id)
            else:
                db["votes"].delete(vote_id)
        for speaker_id in speaker_ids:
            if db.execute("SELECT 1 FROM quotes WHERE speaker_id = ?", [speaker_id]).fetchone():
                _refresh_speaker(db, speaker_id)
            else:
                db["speakers"].delete(speaker_id)
    return True


def check_spans(document: Document, extraction: Extraction) -> None:
    """Raise :class:`InvalidExtraction` unless every span indexes ``document.text`` as claimed."""
    length = len(document.text)

    def check(what: str, start: int | None, end: int | None) -> None:
        if start is None and end is None:
            return
        if start is None or end is None or not 0 <= start <= end <= length:
            raise InvalidExtraction(f"{what}: span ({start}, {end}) outside a text of {length} characters")

    for quote in extraction.quotes:
        check(f"quote {quote.text[:40]!r}", quote.start, quote.end)
        if document.text[quote.start : quote.end] != quote.text:
            raise InvalidExtraction(f"quote {quote.text[:40]!r}: text differs from its span")
        check(f"speaker of quote {quote.text[:40]!r}", quote.speaker_start, quote.speaker_end)
        check(f"context of quote {quote.text[:40]!r}", quote.context_start, quote.context_end)
    for vote in extraction.votes:
        check(f"{vote.body} vote", vote.start, vote.end)
        for country, position in vote.positions.items():
            if position not in POSITIONS:
                raise InvalidExtraction(f"{vote.body} vote: unknown position {position!r} for {country}")
        for country, (start, end) in vote.position_spans.items():
            check(f"{vote.body} vote, position of {country}", start, end)


def _column(db: Database, sql: str, *params) -> list:
    return [row[0] for row in db.execute(sql, params).fetchall()]


def _insert_source(
    db: Database, document: Document, digest: str, scope: str, origin: str | None, added_by: str | None
) -> int:
    row = {
        "scope": scope,
        "content_sha256": digest,
        "title": document.title,
        "url": document.url,
        "published": document.published,
        "media_type": document.media_type,
        "origin": origin,
        "text": document.text,
        "added_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "added_by": added_by,
    }
    return db["sources"].insert(row).last_pk


def _add_vote_report(db: Database, source_id: int, vote: Vote, result: AddResult) -> int:
    """Write one source's report of a vote (and its positions); return the vote it joined."""
    vote_id = _matching_vote(db, vote)
    if vote_id is None:
        vote_id = db["votes"].insert({"body": vote.body}).last_pk
        result.new_votes += 1
    else:
        result.matched_votes += 1
    report = {
        "vote_id": vote_id,
        "source_id": source_id,
        "body": vote.body,
        "date": vote.date,
        "date_text": vote.date_text,
        "resolution": resolution_key(vote.resolution),
        "subject": vote.subject,
        **{figure: getattr(vote, figure) for figure in TALLY_FIGURES},
        "absent_derived": int(vote.absent_derived),
        "members": vote.members,
        "adopted": None if vote.adopted is None else int(vote.adopted),
        "vetoed_by": json.dumps(vote.vetoed_by),
        "span_start": vote.start,
        "span_end": vote.end,
    }
    report_id = db["vote_reports"].insert(report).last_pk
    positions = [
        {
            "vote_id": vote_id,
            "report_id": report_id,
            "source_id": source_id,
            "country": country,
            "position": position,
            "span_start": vote.position_spans.get(country, (None, None))[0],
            "span_end": vote.position_spans.get(country, (None, None))[1],
        }
        for country, position in vote.positions.items()
    ]
    if positions:
        db["positions"].insert_all(positions)
    result.votes += 1
    result.positions += len(positions)
    return vote_id


def _matching_vote(db: Database, vote: Vote) -> int | None:
    """The stored vote this report describes, by resolution symbol, else by body, date and tallies."""
    symbol = resolution_key(vote.resolution)
    if symbol:
        row = db.execute(
            "SELECT vote_id FROM vote_reports WHERE resolution = ? ORDER BY id LIMIT 1", [symbol]
        ).fetchone()
        if row:
            return row[0]
    reports_by_vote: dict[int, list[dict]] = {}
    candidates = db.query(
        """
        SELECT r.* FROM vote_reports r JOIN votes v ON v.id = r.vote_id
         WHERE v.body = :body AND (r.date IS NULL OR :month IS NULL OR substr(r.date, 1, 7) = :month)
         ORDER BY r.id
        """,
        {"body": vote.body, "month": vote.date[:7] if vote.date else None},
    )
    for report in candidates:
        reports_by_vote.setdefault(report["vote_id"], []).append(report)
    best: tuple[int, int] | None = None  # (agreements, vote_id)
    for vote_id, reports in reports_by_vote.items():
        if symbol and any(r["resolution"] and r["resolution"] != symbol for r in reports):
            continue
        agreements = max((_agreement(vote, r) for r in reports), default=None)
        if agreements is not None and (best is None or agreements > best[0]):
            best = (agreements, vote_id)
    return None if best is None else best[1]


def _agreement(vote: Vote, report: Mapping) -> int | None:
    """How many stated figures ``vote`` shares with a stored report, or None if they differ.

    Same vote when: adopted does not conflict, dates are compatible, and at most one tally
    figure conflicts while at least two agree (with no conflict, any agreement will do).
    When either date is unknown, two agreeing figures and no conflict are required.
    A derived ``absent`` is ignored: it follows from the other figures.
    """
    if vote.adopted is not None and report["adopted"] is not None and int(vote.adopted) != report["adopted"]:
        return None
    figures = [
        (getattr(vote, figure), report[figure])
        for figure in TALLY_FIGURES
        if not (figure == "absent" and (vote.absent_derived or report["absent_derived"]))
    ]
    stated = [(ours, theirs) for ours, theirs in figures if ours is not None and theirs is not None]
    conflicts = sum(ours != theirs for ours, theirs in stated)
    agreements = len(stated) - conflicts
    dates = dates_compatible(vote.date, report["date"])
    if dates is False:
        return None
    if dates is None:
        return agreements if agreements >= 2 and conflicts == 0 else None
    if conflicts == 0 or (conflicts == 1 and agreements >= 2):
        return agreements
    return None


def _speaker_id(db: Database, quote: Quote) -> int | None:
    """The speaker row for a quote's speaker: by normalised name, or a unique surname match."""
    if not quote.speaker or not name_key(quote.speaker):
        return None
    key = name_key(quote.speaker)
    if quote.speaker_kind == "document" and key.split()[0] in GENERIC_DETERMINERS:
        return None  # "the resolution" of one source is not "the resolution" of another
    row = db.execute("SELECT id FROM speakers WHERE name_key = ?", [key]).fetchone()
    if row:
        return row[0]
    if quote.speaker_kind in PERSON_KINDS:
        surname = key.rsplit(" ", 1)[-1]
        full_names = _people_with_surname(db, surname)
        if surname == key and len(full_names) == 1:
            return next(iter(full_names))  # a bare surname joins the one full name ending with it
        same_person = [i for i, other in full_names.items() if _same_full_name(key, other)]
        if len(same_person) == 1:
            return same_person[0]  # "Donald Trump" joins "Donald J. Trump"
        if surname != key and not full_names:
            bare = db.execute(
                "SELECT id FROM speakers WHERE name_key = ? AND kind IN (?, ?)", [surname, *PERSON_KINDS]
            ).fetchone()
            if bare:
                return bare[0]  # a full name joins the bare surname it completes
    return db["speakers"].insert(
        {"name": quote.speaker, "name_key": key, "kind": quote.speaker_kind, "country": quote.speaker_country}
    ).last_pk


def _people_with_surname(db: Database, surname: str) -> dict[int, str]:
    """Speakers (people) stored under a full name, several words, ending with ``surname``: id -> key."""
    return dict(
        db.execute(
            "SELECT id, name_key FROM speakers WHERE substr(name_key, -length(?) - 1) = ' ' || ? AND kind IN (?, ?)",
            [surname, surname, *PERSON_KINDS],
        ).fetchall()
    )


def _same_full_name(first: str, second: str) -> bool:
    """Whether two name keys differ only by middle initials present in one of them.

    "donald j. trump" and "donald trump" agree; "george h. w. bush" and "george w. bush" do not.
    """
    def parts(key: str) -> tuple[list[str], list[str]]:
        words = key.split()
        initials = [w for w in words[1:-1] if len(w.rstrip(".")) == 1]
        return [w for w in words if w not in initials], initials

    (names_a, initials_a), (names_b, initials_b) = parts(first), parts(second)
    return names_a == names_b and (not initials_a or not initials_b)


def _add_quote(db: Database, source_id: int, quote: Quote) -> None:
    """Write one quotation, and bring its speaker's name up to date with it."""
    speaker_id = _speaker_id(db, quote)
    db["quotes"].insert(
        {
            "source_id": source_id,
            "speaker_id": speaker_id,
            "text": quote.text,
            "span_start": quote.start,
            "span_end": quote.end,
            "context_start": quote.context_start,
            "context_end": quote.context_end,
            "speaker_name": quote.speaker,
            "speaker_role": quote.speaker_role,
            "speaker_country": quote.speaker_country,
            "speaker_kind": quote.speaker_kind,
            "speaker_start": quote.speaker_start,
            "speaker_end": quote.speaker_end,
            "cue": quote.cue,
        }
    )
    if speaker_id is not None:
        _refresh_speaker(db, speaker_id)


def _refresh_vote(db: Database, vote_id: int) -> None:
    """Recompute a vote's summary columns from the reports that remain."""
    reports = db.query("SELECT * FROM vote_reports WHERE vote_id = ? ORDER BY id", [vote_id])
    merged = merge_reports(decode_report(row) for row in reports)
    if merged["adopted"] is not None:
        merged["adopted"] = int(merged["adopted"])
    merged["vetoed_by"] = json.dumps(merged["vetoed_by"])
    db["votes"].update(vote_id, merged)


def _refresh_speaker(db: Database, speaker_id: int) -> None:
    """Recompute a speaker's name (the fullest given), kind and country from its quotes."""
    quotes = list(
        db.query(
            "SELECT speaker_name, speaker_kind, speaker_country FROM quotes WHERE speaker_id = ? ORDER BY id",
            [speaker_id],
        )
    )
    name = max((q["speaker_name"] for q in quotes), key=lambda n: len(n.split()))
    kind = next((q["speaker_kind"] for q in quotes if q["speaker_kind"] != "unknown"), "unknown")
    country = next((q["speaker_country"] for q in quotes if q["speaker_country"]), None)
    key = name_key(name)
    taken = db.execute("SELECT 1 FROM speakers WHERE name_key = ? AND id != ?", [key, speaker_id]).fetchone()
    update = {"kind": kind, "country": country}
    if not taken:
        update |= {"name": name, "name_key": key}
    db["speakers"].update(speaker_id, update)
