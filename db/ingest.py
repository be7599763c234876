"""Writing to the store: one source and everything extracted from it, in one transaction; the
facts a server's moderators drop from it.

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
from collections.abc import Iterable
from dataclasses import dataclass, replace
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
# What a report says of its vote, as far as matching it to a stored vote goes.
ACCOUNT = ("body", "date", "resolution", *TALLY_FIGURES, "absent_derived", "adopted")
ACCOUNT_SQL = ", ".join(f"r.{column}" for column in ACCOUNT)
# A dropped fact as ``dropped_facts`` keys it within one text: kind, span, body, country.
FactKey = tuple[str, int, int, str, str]
# The facts a moderator may drop, by kind: the query giving one's key, vote and speaker (by its
# id and its source's), and the statements deleting it. A vote is one source's report of it.
FACT_ROWS = {
    "vote": (
        "SELECT 'vote', span_start, span_end, body, '', vote_id, NULL FROM vote_reports"
        " WHERE id = :id AND source_id = :source",
        (
            "UPDATE quotes SET report_id = NULL WHERE report_id = :id",
            "DELETE FROM positions WHERE report_id = :id",
            "DELETE FROM vote_reports WHERE id = :id",
        ),
    ),
    "position": (
        "SELECT 'position', r.span_start, r.span_end, r.body, p.country, p.vote_id, NULL FROM positions p"
        " JOIN vote_reports r ON r.id = p.report_id WHERE p.id = :id AND p.source_id = :source",
        ("DELETE FROM positions WHERE id = :id",),
    ),
    "quote": (
        "SELECT 'quote', span_start, span_end, '', '', NULL, speaker_id FROM quotes"
        " WHERE id = :id AND source_id = :source",
        ("DELETE FROM quotes WHERE id = :id",),
    ),
}


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
    left_out: int = 0  # facts this scope's moderators dropped from the same text before


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
    Facts this scope's moderators dropped from the same text (:func:`drop_facts`) are left out.
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
        votes, quotes = _without_dropped(extraction, _dropped_keys(db, scope, digest), result)
        joined: dict[tuple, int] = {}
        reports = {index: _add_vote_report(db, source_id, scope, vote, result, joined) for index, vote in votes}
        vote_ids = {vote_id for vote_id, _ in reports.values()}
        for vote_id in vote_ids:
            _refresh_vote(db, vote_id)
        refresh_links(db, vote_ids)
        report_ids = {index: report_id for index, (_, report_id) in reports.items()}
        refresh_speakers(db, {_add_quote(db, source_id, scope, quote, report_ids) for quote in quotes} - {None})
        result.quotes = len(quotes)
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
        for table in ("positions", "quotes", "vote_reports"):
            db[table].delete_where("source_id = ?", [source_id])
        db["sources"].delete(source_id)
        remaining = {vote_id for vote_id in vote_ids if _refresh_vote(db, vote_id)}
        refresh_links(db, remaining)
        refresh_speakers(db, speaker_ids)
    return True


def drop_facts(
    db: Database, source_id: int, scope: str, facts: Iterable[tuple[str, int]], dropped_by: str | None = None
) -> list[tuple[str, int]]:
    """Delete facts of a source of ``scope``, given as (kind, row id): a vote report (``vote``,
    with its positions), a ``position`` or a ``quote``; recompute what they supported; and record
    them in ``dropped_facts``, so that they stay dropped when this scope adds the same text again.

    Returns the facts dropped: those no longer there, or not this source's, are skipped, and a
    source of another scope drops nothing.
    """
    with write_transaction(db):
        row = db.execute("SELECT content_sha256 FROM sources WHERE id = ? AND scope = ?", [source_id, scope]).fetchone()
        if row is None:
            return []
        dropped: list[tuple[str, int]] = []
        vote_ids: set[int | None] = set()
        speaker_ids: set[int | None] = set()
        for kind, row_id in facts:
            found = _delete_fact(db, source_id, kind, row_id)
            if found is None:
                continue
            key, vote_id, speaker_id = found
            vote_ids.add(vote_id)
            speaker_ids.add(speaker_id)
            db.execute(
                "INSERT OR IGNORE INTO dropped_facts (scope, content_sha256, kind, span_start, span_end, body,"
                " country, dropped_by, dropped_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [scope, row[0], *key, dropped_by, _now()],
            )
            dropped.append((kind, row_id))
        remaining = {vote_id for vote_id in vote_ids - {None} if _refresh_vote(db, vote_id)}
        refresh_links(db, remaining)
        refresh_speakers(db, speaker_ids - {None})
    return dropped


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


def _dropped_keys(db: Database, scope: str, digest: str) -> set[FactKey]:
    """The facts this scope dropped from the text of this digest."""
    return set(db.execute(
        "SELECT kind, span_start, span_end, body, country FROM dropped_facts WHERE scope = ? AND content_sha256 = ?",
        [scope, digest],
    ).fetchall())


def _without_dropped(
    extraction: Extraction, dropped: set[FactKey], result: AddResult
) -> tuple[list[tuple[int, Vote]], list[Quote]]:
    """The votes (each with its index in ``extraction.votes``, without its dropped positions) and
    quotations of ``extraction`` that are not ``dropped``; ``result.left_out`` counts the others."""
    if not dropped:
        return list(enumerate(extraction.votes)), extraction.quotes
    votes = []
    for index, vote in enumerate(extraction.votes):
        if ("vote", vote.start, vote.end, vote.body, "") in dropped:
            result.left_out += 1
            continue
        positions = {country: position for country, position in vote.positions.items()
                     if ("position", vote.start, vote.end, vote.body, country) not in dropped}
        result.left_out += len(vote.positions) - len(positions)
        votes.append((index, replace(vote, positions=positions)))
    quotes = [quote for quote in extraction.quotes if ("quote", quote.start, quote.end, "", "") not in dropped]
    result.left_out += len(extraction.quotes) - len(quotes)
    return votes, quotes


def _delete_fact(db: Database, source_id: int, kind: str, row_id: int) -> tuple[FactKey, int | None, int | None] | None:
    """Delete one fact of a source; its key, and the vote and speaker it supported. None when the
    source has no such fact."""
    lookup, deletions = FACT_ROWS[kind]
    found = db.execute(lookup, {"id": row_id, "source": source_id}).fetchone()
    if found is None:
        return None
    for statement in deletions:
        db.execute(statement, {"id": row_id})
    return found[:5], found[5], found[6]


def _now() -> str:
    """The UTC time, ISO 8601 to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _column(db: Database, sql: str, *params) -> list:
    return [row[0] for row in db.execute(sql, params).fetchall()]


def _insert(db: Database, table: str, row: dict) -> int:
    """Insert one row; its id. Plain SQL: a big source inserts thousands of rows."""
    return db.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    ).lastrowid


def _insert_many(db: Database, table: str, rows: list[dict]) -> None:
    """Insert rows that all have the same keys."""
    if rows:
        db.conn.executemany(
            f"INSERT INTO {table} ({', '.join(rows[0])}) VALUES ({', '.join('?' * len(rows[0]))})",
            [list(row.values()) for row in rows],
        )


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
        "added_at": _now(),
        "added_by": added_by,
    }
    return _insert(db, "sources", row)


def _add_vote_report(
    db: Database, source_id: int, scope: str, vote: Vote, result: AddResult, joined: dict[tuple, int]
) -> tuple[int, int]:
    """Write one source's report of a vote (and its positions); return the vote it joined and the
    report's id.

    ``joined`` remembers, for this source, the vote each account joined: a report stating the same
    figures as an earlier one of the source joins the same vote without another search (it would
    match it), so a text that repeats a vote a thousand times costs no more per report.
    """
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
    account = tuple(report[column] for column in ACCOUNT)
    vote_id = joined.get(account) or _matching_vote(db, scope, report)
    if vote_id is None:
        vote_id = _insert(db, "votes", {"body": vote.body, "scope": scope})
        result.new_votes += 1
    else:
        result.matched_votes += 1
    if report["resolution"] or report_agreement(report, report) is not None:  # it would match itself
        joined.setdefault(account, vote_id)
    report_id = _insert(db, "vote_reports", {"vote_id": vote_id, **report})
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
    _insert_many(db, "positions", positions)
    result.votes += 1
    result.positions += len(positions)
    return vote_id, report_id


def _matching_vote(db: Database, scope: str, report: dict) -> int | None:
    """The vote of this scope or a shared one that a new report (a ``vote_reports`` row) describes,
    judged by the reports this scope sees: by resolution symbol unless their date and tallies
    contradict it, else by body, date and tallies (:func:`db.agreement.report_agreement`).

    Reports that state the same figures are compared once.
    """
    seen = scopes_seen_from(scope)
    candidates = db.query(
        f"""
        SELECT r.vote_id, {ACCOUNT_SQL}
          FROM vote_reports r JOIN votes v ON v.id = r.vote_id JOIN sources s ON s.id = r.source_id
         WHERE v.scope IN (:global, :own) AND s.scope IN (:global, :own)
           AND (r.resolution = :symbol
                OR v.body = :body AND (r.date IS NULL OR :month IS NULL OR substr(r.date, 1, 7) = :month))
         GROUP BY r.vote_id, {ACCOUNT_SQL}
         ORDER BY min(r.id)
        """,
        {"global": seen[0], "own": seen[1], "symbol": report["resolution"], "body": report["body"],
         "month": report["date"][:7] if report["date"] else None},
    )
    accounts_by_vote: dict[int, list[dict]] = {}
    for account in candidates:
        accounts_by_vote.setdefault(account["vote_id"], []).append(account)
    symbol = report["resolution"]
    best: tuple[int, int] | None = None  # (agreements, vote_id)
    for vote_id, accounts in accounts_by_vote.items():
        if symbol and any(a["resolution"] == symbol and not symbol_contradicted(report, a) for a in accounts):
            return vote_id
        if symbol and any(a["resolution"] for a in accounts):
            continue  # a different symbol, or the same one contradicted
        agreements = _best_agreement(report, accounts)
        if agreements is not None and (best is None or agreements > best[0]):
            best = (agreements, vote_id)
    return None if best is None else best[1]


def _best_agreement(report: dict, accounts: list[dict]) -> int | None:
    """How many figures the report shares with the account of a vote it agrees with best; None
    when it contradicts them all."""
    agreements = (agreement for account in accounts if (agreement := report_agreement(report, account)) is not None)
    return max(agreements, default=None)


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
    return _insert(db, "speakers", {"name": quote.speaker, "name_key": key, "kind": quote.speaker_kind,
                                    "country": quote.speaker_country, "scope": scope})


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


def _add_quote(db: Database, source_id: int, scope: str, quote: Quote, report_ids: dict[int, int]) -> int | None:
    """Write one quotation, linked to the report (``report_ids``: by vote index) of the vote it is
    about; return its speaker, whose name grows at once when the quotation gives a fuller form in
    the speaker's own scope (so the next quotations match it)."""
    speaker_id = _speaker_id(db, scope, quote)
    _insert(
        db,
        "quotes",
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
            "rule": quote.rule,
            "report_id": report_ids.get(quote.vote),
        },
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
        db.execute("UPDATE speakers SET name = ?, name_key = ? WHERE id = ?", [name, key, speaker_id])


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
    new_id = _insert(db, "votes", {"body": body, "scope": scope})
    for table in ("vote_reports", "positions"):
        db.execute(f"UPDATE {table} SET vote_id = ? WHERE vote_id = ? AND source_id IN ({sources})",
                   [new_id, vote_id, scope])
    _refresh_vote(db, new_id)
    refresh_links(db, [new_id])


def refresh_speakers(db: Database, speaker_ids: Iterable[int]) -> None:
    """Recompute how each scope names these speakers (``speaker_scopes``) and each speaker's own
    columns from its own scope's quotations; delete a speaker no quotation names any more.

    A speaker whose own scope has no quotation left passes to the scope of its first remaining one.
    """
    speaker_ids = sorted(speaker_ids)
    quotes: dict[int, list[dict]] = {speaker_id: [] for speaker_id in speaker_ids}
    for quote in db.query(
        "SELECT q.speaker_id, s.scope, q.speaker_name, q.speaker_kind, q.speaker_country FROM quotes q"
        " JOIN sources s ON s.id = q.source_id WHERE q.speaker_id IN (SELECT value FROM json_each(?))"
        " ORDER BY q.id", [json.dumps(speaker_ids)]
    ):
        quotes[quote["speaker_id"]].append(quote)
    db.execute("DELETE FROM speaker_scopes WHERE speaker_id IN (SELECT value FROM json_each(?))",
               [json.dumps(speaker_ids)])
    for speaker_id, given in quotes.items():
        _refresh_speaker(db, speaker_id, given)


def _refresh_speaker(db: Database, speaker_id: int, quotes: list[dict]) -> None:
    """Rewrite one speaker's ``speaker_scopes`` rows and own columns from its quotations."""
    if not quotes:
        db.execute("DELETE FROM speakers WHERE id = ?", [speaker_id])
        return
    by_scope: dict[str, list[dict]] = {}
    for quote in quotes:
        by_scope.setdefault(quote["scope"], []).append(quote)
    described = {scope: _described_speaker(given) for scope, given in by_scope.items()}
    _insert_many(db, "speaker_scopes", [
        {"speaker_id": speaker_id, "scope": scope, "quotes": len(by_scope[scope]), **described[scope]}
        for scope in by_scope
    ])
    (owner,) = db.execute("SELECT scope FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    if owner in by_scope:
        own = described[owner]
        db.execute("UPDATE speakers SET kind = ?, country = ? WHERE id = ?", [own["kind"], own["country"], speaker_id])
        _rename_speaker(db, speaker_id, owner, own["name"])
        return
    owner = quotes[0]["scope"]
    own = described[owner]
    twin = db.execute(
        "SELECT id FROM speakers WHERE scope = ? AND name_key = ?", [owner, own["name_key"]]
    ).fetchone()
    if twin:  # that scope already has a speaker of this name: by the matching rules, the same one
        db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [twin[0], speaker_id])
        db.execute("DELETE FROM speakers WHERE id = ?", [speaker_id])
        refresh_speakers(db, [twin[0]])
        return
    db.execute(
        "UPDATE speakers SET scope = ?, name = ?, name_key = ?, kind = ?, country = ? WHERE id = ?",
        [owner, own["name"], own["name_key"], own["kind"], own["country"], speaker_id],
    )


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
