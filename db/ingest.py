"""Writing to the store: one source and everything extracted from it, in one transaction.

``add_source`` is idempotent (the same cleaned text in the same scope is stored once) and atomic
(an error leaves nothing of that source behind). Votes reported by several sources share one
``votes`` row, speakers named by several sources one ``speakers`` row: the matching rules are
documented in ``db/SCHEMA.md``. A vote or speaker belongs to the scope that started it; a
server's facts may join those of its own scope and the shared (global) ones, and never change
what another scope sees: the shared columns of a vote or speaker follow its own scope's facts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlite_utils import Database

from db.agreement import report_agreement, symbol_contradicted
from db.links import refresh_links
from db.names import fullest_name, name_key, resolution_key
from db.reports import TALLY_FIGURES, decode_report, merge_reports
from db.scopes import GLOBAL_SCOPE, scopes_seen_from
from db.store import write_transaction
from extraction.models import Document, Extraction, Quote, Vote
from reference.vocabulary import POSITIONS

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
    with write_transaction(db):
        existing = db.execute(
            "SELECT id FROM sources WHERE content_sha256 = ? AND scope IN (?, ?) ORDER BY id LIMIT 1",
            [digest, *scopes_seen_from(scope)],
        ).fetchone()
        if existing:
            return AddResult(source_id=existing[0], created=False)
        source_id = _insert_source(db, document, digest, scope, origin, added_by)
        result = AddResult(source_id=source_id, created=True)
        vote_ids = {_add_vote_report(db, source_id, scope, vote, result) for vote in extraction.votes}
        for vote_id in vote_ids:
            _refresh_vote(db, vote_id)
        refresh_links(db, vote_ids)
        speaker_ids = {_add_quote(db, source_id, scope, quote) for quote in extraction.quotes}
        for speaker_id in speaker_ids - {None}:
            refresh_speaker(db, speaker_id)
        result.quotes = len(extraction.quotes)
    return result


def remove_source(db: Database, source_id: int, scope: str) -> bool:
    """Delete a source of ``scope`` and every fact only it supported; False if not found there."""
    with write_transaction(db):
        row = db.execute("SELECT scope FROM sources WHERE id = ?", [source_id]).fetchone()
        if row is None or row[0] != scope:
            return False
        vote_ids = _column(db, "SELECT DISTINCT vote_id FROM vote_reports WHERE source_id = ?", source_id)
        speaker_ids = _column(
            db,
            "SELECT DISTINCT speaker_id FROM quotes WHERE source_id = ? AND speaker_id IS NOT NULL",
            source_id,
        )
        for table in ("positions", "vote_reports", "quotes"):
            db[table].delete_where("source_id = ?", [source_id])
        db["sources"].delete(source_id)
        remaining = {vote_id for vote_id in vote_ids if _refresh_vote(db, vote_id)}
        refresh_links(db, remaining)
        for speaker_id in speaker_ids:
            refresh_speaker(db, speaker_id)
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


def _add_vote_report(db: Database, source_id: int, scope: str, vote: Vote, result: AddResult) -> int:
    """Write one source's report of a vote (and its positions); return the vote it joined."""
    report = {
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
    vote_id = _matching_vote(db, scope, report)
    if vote_id is None:
        vote_id = db["votes"].insert({"body": vote.body, "scope": scope}).last_pk
        result.new_votes += 1
    else:
        result.matched_votes += 1
    report_id = db["vote_reports"].insert({"vote_id": vote_id, **report}).last_pk
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


def _matching_vote(db: Database, scope: str, report: dict) -> int | None:
    """The vote of this scope or a shared one that a new report (a ``vote_reports`` row) describes,
    judged by the reports this scope sees: by resolution symbol unless date and tallies contradict
    it, else by body, date and tallies (:func:`db.agreement.report_agreement`)."""
    seen = scopes_seen_from(scope)
    symbol = report["resolution"]
    reports_by_vote: dict[int, list[dict]] = {}
    candidates = db.query(
        """
        SELECT r.* FROM vote_reports r JOIN votes v ON v.id = r.vote_id JOIN sources s ON s.id = r.source_id
         WHERE v.scope IN (:global, :own) AND s.scope IN (:global, :own)
           AND (r.resolution = :symbol
                OR v.body = :body AND (r.date IS NULL OR :month IS NULL OR substr(r.date, 1, 7) = :month))
         ORDER BY r.id
        """,
        {"global": seen[0], "own": seen[1], "symbol": symbol, "body": report["body"],
         "month": report["date"][:7] if report["date"] else None},
    )
    for stored in candidates:
        reports_by_vote.setdefault(stored["vote_id"], []).append(stored)
    best: tuple[int, int] | None = None  # (agreements, vote_id)
    for vote_id, stored_reports in reports_by_vote.items():
        symbols = {r["resolution"] for r in stored_reports if r["resolution"]}
        merged = merge_reports(decode_report(r) for r in stored_reports)
        if symbol in symbols and not symbol_contradicted(report, merged):
            return vote_id
        if symbol and symbols:
            continue  # a different symbol, or the same one contradicted
        agreements = max(
            (agreement for r in stored_reports if (agreement := report_agreement(report, r)) is not None), default=None
        )
        if agreements is not None and (best is None or agreements > best[0]):
            best = (agreements, vote_id)
    return None if best is None else best[1]


def _speaker_id(db: Database, scope: str, quote: Quote) -> int | None:
    """The speaker a quote of this scope names, among its scope's and the shared speakers: by
    normalised name, or a unique surname match; a new speaker of this scope otherwise."""
    if not quote.speaker or not name_key(quote.speaker):
        return None
    key = name_key(quote.speaker)
    if quote.speaker_kind == "document" and key.split()[0] in GENERIC_DETERMINERS:
        return None  # "the resolution" of one source is not "the resolution" of another
    seen = scopes_seen_from(scope)
    row = db.execute(
        "SELECT id FROM speakers WHERE name_key = ? AND scope IN (?, ?) ORDER BY scope = ? DESC LIMIT 1",
        [key, *seen, GLOBAL_SCOPE],
    ).fetchone()
    if row:
        return row[0]
    if quote.speaker_kind in PERSON_KINDS:
        surname = key.rsplit(" ", 1)[-1]
        full_names = _people_with_surname(db, surname, seen)
        if surname == key and len(full_names) == 1:
            return next(iter(full_names))  # a bare surname joins the one full name ending with it
        same_person = [i for i, other in full_names.items() if _same_full_name(key, other)]
        if len(same_person) == 1:
            return same_person[0]  # "Donald Trump" joins "Donald J. Trump"
        if surname != key and not full_names:
            bare = db.execute(
                "SELECT id FROM speakers WHERE name_key = ? AND kind IN (?, ?) AND scope IN (?, ?)",
                [surname, *PERSON_KINDS, *seen],
            ).fetchone()
            if bare:
                return bare[0]  # a full name joins the bare surname it completes
    return db["speakers"].insert(
        {"name": quote.speaker, "name_key": key, "kind": quote.speaker_kind,
         "country": quote.speaker_country, "scope": scope}
    ).last_pk


def _people_with_surname(db: Database, surname: str, seen: tuple[str, str]) -> dict[int, str]:
    """Speakers (people) of these scopes stored under a full name, several words, ending with
    ``surname``: id -> key."""
    return dict(
        db.execute(
            "SELECT id, name_key FROM speakers WHERE substr(name_key, -length(?) - 1) = ' ' || ?"
            " AND kind IN (?, ?) AND scope IN (?, ?)",
            [surname, surname, *PERSON_KINDS, *seen],
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


def _add_quote(db: Database, source_id: int, scope: str, quote: Quote) -> int | None:
    """Write one quotation; return its speaker, whose name grows at once when the quotation
    gives a fuller form in the speaker's own scope (so the next quotations match it)."""
    speaker_id = _speaker_id(db, scope, quote)
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
        name, owner = db.execute("SELECT name, scope FROM speakers WHERE id = ?", [speaker_id]).fetchone()
        if owner == scope and fullest_name([name, quote.speaker]) != name:
            _rename_speaker(db, speaker_id, owner, quote.speaker)
    return speaker_id


def _rename_speaker(db: Database, speaker_id: int, scope: str, name: str) -> None:
    """Give a speaker a fuller name, unless another speaker of its scope has that name."""
    key = name_key(name)
    taken = db.execute(
        "SELECT 1 FROM speakers WHERE name_key = ? AND scope = ? AND id != ?", [key, scope, speaker_id]
    ).fetchone()
    if not taken:
        db["speakers"].update(speaker_id, {"name": name, "name_key": key})


def _refresh_vote(db: Database, vote_id: int) -> bool:
    """Recompute a vote's summary columns from the reports of its own scope; False when no report
    is left and the vote is gone.

    A vote whose own scope has no report left passes to the scope of its first remaining report;
    any other server's reports then become votes of their own, so that no server's view of a vote
    is decided by another's reports.
    """
    reports = [decode_report(row) for row in db.query(
        "SELECT r.*, s.scope AS source_scope FROM vote_reports r JOIN sources s ON s.id = r.source_id"
        " WHERE r.vote_id = ? ORDER BY r.id", [vote_id])]
    if not reports:
        db["guild_vote_links"].delete_where("vote_id = ?", [vote_id])
        db["votes"].delete(vote_id)
        return False
    (owner,) = db.execute("SELECT scope FROM votes WHERE id = ?", [vote_id]).fetchone()
    if owner not in {report["source_scope"] for report in reports}:
        owner = reports[0]["source_scope"]
        db["votes"].update(vote_id, {"scope": owner, "body": reports[0]["body"]})
        for scope in dict.fromkeys(r["source_scope"] for r in reports if r["source_scope"] != owner):
            _split_vote(db, vote_id, scope)
    merged = merge_reports(report for report in reports if report["source_scope"] == owner)
    if merged["adopted"] is not None:
        merged["adopted"] = int(merged["adopted"])
    merged["vetoed_by"] = json.dumps(merged["vetoed_by"])
    db["votes"].update(vote_id, merged)
    return True


def _split_vote(db: Database, vote_id: int, scope: str) -> None:
    """Move a scope's reports (and positions) of a vote to a new vote of that scope."""
    sources = "SELECT id FROM sources WHERE scope = ?"
    (body,) = db.execute(
        f"SELECT body FROM vote_reports WHERE vote_id = ? AND source_id IN ({sources}) ORDER BY id LIMIT 1",
        [vote_id, scope],
    ).fetchone()
    new_id = db["votes"].insert({"body": body, "scope": scope}).last_pk
    for table in ("vote_reports", "positions"):
        db.execute(f"UPDATE {table} SET vote_id = ? WHERE vote_id = ? AND source_id IN ({sources})",
                   [new_id, vote_id, scope])
    _refresh_vote(db, new_id)
    refresh_links(db, [new_id])


def refresh_speaker(db: Database, speaker_id: int) -> None:
    """Recompute how each scope names a speaker (``speaker_scopes``) and the speaker's own columns
    from its own scope's quotations; delete a speaker no quotation names any more.

    A speaker whose own scope has no quotation left passes to the scope of its first remaining one.
    """
    quotes = list(db.query(
        "SELECT s.scope, q.speaker_name, q.speaker_kind, q.speaker_country FROM quotes q"
        " JOIN sources s ON s.id = q.source_id WHERE q.speaker_id = ? ORDER BY q.id", [speaker_id]))
    db["speaker_scopes"].delete_where("speaker_id = ?", [speaker_id])
    if not quotes:
        db["speakers"].delete(speaker_id)
        return
    by_scope: dict[str, list[dict]] = {}
    for quote in quotes:
        by_scope.setdefault(quote["scope"], []).append(quote)
    described = {scope: _described_speaker(given) for scope, given in by_scope.items()}
    db["speaker_scopes"].insert_all(
        {"speaker_id": speaker_id, "scope": scope, "quotes": len(by_scope[scope]), **described[scope]}
        for scope in by_scope
    )
    (owner,) = db.execute("SELECT scope FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    if owner in by_scope:
        own = described[owner]
        db["speakers"].update(speaker_id, {"kind": own["kind"], "country": own["country"]})
        _rename_speaker(db, speaker_id, owner, own["name"])
        return
    owner = quotes[0]["scope"]
    own = described[owner]
    twin = db.execute(
        "SELECT id FROM speakers WHERE scope = ? AND name_key = ?", [owner, own["name_key"]]
    ).fetchone()
    if twin:  # that scope already has a speaker of this name: by the matching rules, the same one
        db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [twin[0], speaker_id])
        db["speakers"].delete(speaker_id)
        refresh_speaker(db, twin[0])
        return
    db["speakers"].update(speaker_id, {"scope": owner, "name": own["name"], "name_key": own["name_key"],
                                       "kind": own["kind"], "country": own["country"]})


def _described_speaker(quotes: list[dict]) -> dict:
    """A speaker as some quotations give it: the fullest name, the first known kind and country."""
    name = fullest_name(quote["speaker_name"] for quote in quotes)
    return {
        "name": name,
        "name_key": name_key(name),
        "name_words": len(name.split()),
        "kind": next((q["speaker_kind"] for q in quotes if q["speaker_kind"] != "unknown"), "unknown"),
        "country": next((q["speaker_country"] for q in quotes if q["speaker_country"]), None),
    }
