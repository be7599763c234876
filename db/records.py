"""The official roll-call records: one record, finding records by symbol or title words, a
country's records, and a record in the shape of a reported vote.

Official records belong to no source scope: every server sees them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from itertools import islice, product

from sqlite_utils import Database

from db.agreement import OFFICIAL_TOTALS
from db.names import resolution_key
from db.vote_terms import Body, Date, Reading, Tally, Term, Veto, VoteText, Words, parse_terms, ranked
from reference.countries import seat_codes
from reference.vocabulary import RECORDED_BODIES, SECURITY_COUNCIL

MAX_TYPED = 100
# How many readings of what is typed are looked up, and how many records each offers for ranking.
MAX_READINGS = 4
RECORD_CANDIDATES = 25
# The highest code point: a prefix's range ends just before prefix + this.
LAST_CHARACTER = "\U0010ffff"
# The titles' index stems words (porter): a word being typed may run past its stem by up to
# LONGEST_SUFFIX letters; stems shorter than SHORTEST_STEM are not tried.
LONGEST_SUFFIX = 6
SHORTEST_STEM = 4
# The columns of a record that answers show (``r`` being ``roll_calls``), its title without the
# catalogue's closing words (:func:`catalogue_title`, registered on every connection).
RECORD_FIELDS = """r.undl_id, r.body, r.date, r.resolution, r.draft, catalogue_title(r.title) AS title,
       r.subjects, r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting, r.undl_link, r.dataset"""
# A record ``r`` dated from ``:since`` to ``:until`` (date prefixes, both included; NULL: no bound) and
# of body ``:body`` (NULL: any).
IN_PERIOD = """(:since IS NULL OR r.date >= :since)
               AND (:until IS NULL OR substr(r.date, 1, length(:until)) <= :until)
               AND (:body IS NULL OR r.body = :body)"""
# The columns of a record looked for: those of RECORD_FIELDS, its title as the catalogue gives it
# (:func:`catalogue_title` is applied to the records found only).
CANDIDATE_FIELDS = """r.undl_id, r.body, r.date, r.resolution, r.draft, r.title,
       r.subjects, r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting, r.undl_link, r.dataset"""
# The UN Digital Library's titles end with the catalogue's words (" : resolution / adopted by …"),
# name a Council resolution before its topic ("Security Council resolution 2323 (2016) [on …]"),
# and mark a title they cut short with "[...]".
CATALOGUE_SUFFIX = re.compile(r"\s*:\s*resolution\s*/\s*adopted by\b.*$", re.IGNORECASE)
COUNCIL_RESOLUTION_TOPIC = re.compile(r"^Security Council resolution \d+ \(\d{4}\)\s*\[(?P<topic>.+?)\]?$", re.DOTALL)
CUT_SHORT = re.compile(r"\s*\[\.\.\.\]\s*")


def has_roll_calls(db: Database) -> bool:
    """Whether any official record is loaded."""
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM roll_calls)").fetchone()[0])


def get_roll_call(db: Database, undl_id: int) -> dict | None:
    """One official record with every member's position (``positions``, by country code)."""
    rows = list(db.query("SELECT * FROM roll_calls WHERE undl_id = ?", [undl_id]))
    if not rows:
        return None
    rows[0]["title"] = catalogue_title(rows[0]["title"])
    positions = db.query(
        "SELECT country, country_name, position, permanent_member FROM roll_call_positions"
        " WHERE undl_id = ? ORDER BY country",
        [undl_id],
    )
    return {**rows[0], "positions": list(positions)}


def records_named(db: Database, symbol: str) -> list[dict]:
    """Official records whose resolution or draft symbol is ``symbol`` (upper case, no spaces)."""
    return list(
        db.query(
            f"SELECT {RECORD_FIELDS} FROM roll_calls r"
            " WHERE replace(upper(r.resolution), ' ', '') = :symbol OR replace(upper(r.draft), ' ', '') = :symbol"
            " ORDER BY r.undl_id",
            {"symbol": symbol},
        )
    )


def match_roll_calls(db: Database, text: str, limit: int = 25) -> list[dict]:
    """Official records for what is typed, best first: those whose symbol starts with ``text``
    ("A/RES/77"), in symbol order, then those matching every term of it (:mod:`db.vote_terms`:
    words of the symbol or title, the last as a prefix; a date or part of one; a tally; the body),
    by how well they match, then newest first (of words, among the RECORD_CANDIDATES matches with
    the highest record ids). Empty text: the newest records."""
    text = " ".join(text.split())[:MAX_TYPED]
    if not text:
        newest = f"SELECT {RECORD_FIELDS} FROM roll_calls r ORDER BY r.date DESC, r.undl_id DESC LIMIT ?"
        return list(db.query(newest, [limit]))
    found = {row["undl_id"]: row for row in _by_symbol_prefix(db, text, limit)}
    if len(found) < limit and (terms := parse_terms(text)):
        candidates = _by_readings(db, terms, limit)
        for row in ranked(((row, record_text(row)) for row in candidates), terms, strict=False):
            found.setdefault(row["undl_id"], row)
    return [row | {"title": catalogue_title(row["title"])} for row in list(found.values())[:limit]]


def record_text(record: Mapping) -> VoteText:
    """What an official record (a row of :data:`CANDIDATE_FIELDS`) can be found by."""
    return VoteText(
        newest=(record["date"] or "", record["undl_id"]),
        bodies={record["body"]},
        dates=[record["date"]] if record["date"] else [],
        tallies={record[column] for column in OFFICIAL_TOTALS.values() if record[column] is not None},
        own_texts=[record["resolution"], record["draft"], record["title"]],
    )


def _by_symbol_prefix(db: Database, text: str, limit: int) -> list[dict]:
    """Records whose resolution symbol starts with ``text`` (any case, spaces ignored), in symbol
    order (the :data:`CANDIDATE_FIELDS`)."""
    return list(db.query(
        f"SELECT {CANDIDATE_FIELDS} FROM roll_calls r WHERE r.resolution >= :prefix AND r.resolution < :prefix || :last"
        " ORDER BY r.resolution LIMIT :limit",
        {"prefix": resolution_key(text), "last": LAST_CHARACTER, "limit": limit},
    ))


def _by_readings(db: Database, terms: list[Term], limit: int) -> list[dict]:
    """Records matching the terms as read one of the likeliest MAX_READINGS ways, the likeliest
    first and until ``limit`` are found, each once: for a reading with words, RECORD_CANDIDATES
    to rank; for one without, the ``limit`` newest."""
    found: dict[int, dict] = {}
    for readings in islice(product(*(term.readings for term in terms)), MAX_READINGS):
        worded = any(isinstance(reading, Words) for reading in readings)
        for row in _by_reading(db, readings, max(limit, RECORD_CANDIDATES) if worded else limit):
            found.setdefault(row["undl_id"], row)
        if len(found) >= limit:
            break
    return list(found.values())


def _by_reading(db: Database, readings: tuple[Reading, ...], limit: int) -> list[dict]:
    """Up to ``limit`` records matching every reading (the :data:`CANDIDATE_FIELDS`): through the
    title index when words are among them (in the order it yields, highest record id first, so
    that a word in every title stays fast), else newest first along the date index.

    Words reach FTS5 as quoted phrases of letters and digits only, never as its syntax. No index
    holds the totals: a tally narrows words or a year, it is not looked for alone.
    """
    words = [reading for reading in readings if isinstance(reading, Words)]
    if not _records_may_match(readings):
        return []
    conditions, params = [], {"limit": limit, "last": LAST_CHARACTER}
    if words:
        conditions.append("roll_calls_fts MATCH :words")
        params["words"] = " AND ".join(_prefix(list(w.tokens)) if w.prefix else _phrase(list(w.tokens)) for w in words)
    for index, reading in enumerate(readings):
        if found := _record_condition(reading, str(index)):
            conditions.append(found[0])
            params |= found[1]
    source, order = ("roll_calls_fts f JOIN roll_calls r ON r.undl_id = f.rowid", "f.rowid DESC") if words else (
        "roll_calls r", "r.date DESC")
    where = " AND ".join(conditions) or "1"
    return list(db.query(f"SELECT {CANDIDATE_FIELDS} FROM {source} WHERE {where} ORDER BY {order} LIMIT :limit", params))


def _records_may_match(readings: tuple[Reading, ...]) -> bool:
    """False for a veto (the records hold adopted resolutions and recorded votes, never a veto) and
    for a tally without words or a year to narrow it."""
    if any(isinstance(reading, Veto) for reading in readings):
        return False
    narrowed = any(isinstance(reading, Words) or isinstance(reading, Date) and reading.year for reading in readings)
    return narrowed or not any(isinstance(reading, Tally) for reading in readings)


def _record_condition(reading: Reading, key: str) -> tuple[str, dict] | None:
    """The SQL condition on a record (``r``) of one reading that is no words, with its parameters
    (named with ``key``)."""
    if isinstance(reading, Body):
        return f"r.body = :body{key}", {f"body{key}": reading.code}
    if isinstance(reading, Tally):
        return (f":count{key} IN (r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting)",
                {f"count{key}": reading.count})
    if isinstance(reading, Date) and reading.year:
        day = "-".join(part for part in (reading.year, reading.month, reading.day) if part)
        return f"r.date >= :from{key} AND r.date < :from{key} || :last", {f"from{key}": day}
    if isinstance(reading, Date):
        return (f"substr(r.date, 6, 2) = :month{key} AND (:day{key} IS NULL OR substr(r.date, 9, 2) = :day{key})",
                {f"month{key}": reading.month, f"day{key}": reading.day})
    return None


def _phrase(tokens: list[str]) -> str:
    """Words as one quoted FTS5 phrase."""
    return '"' + " ".join(tokens) + '"'


def _prefix(tokens: list[str]) -> str:
    """A phrase whose last word is being typed: a prefix, or a word the index holds stemmed
    shorter than what is typed so far ("integrit" of "integrity", indexed as "integr")."""
    *head, word = tokens
    cuts = range(max(SHORTEST_STEM, len(word) - LONGEST_SUFFIX), len(word))
    return "(" + " OR ".join([_phrase(tokens) + "*", *(_phrase([*head, word[:end]]) for end in cuts)]) + ")"


def roll_calls_for_country(
    db: Database, iso3: str, limit: int = 25, *, since: str | None = None, until: str | None = None,
    body: str | None = None,
) -> list[dict]:
    """Official records of a country's votes, newest first, dated ``since`` to ``until`` (date
    prefixes, both included) and of ``body`` when given, as vote summaries with its position
    (``country_positions``), like :func:`db.queries.votes_for_country`."""
    # Walk the records newest first and look the country up in each (a primary-key probe), so the
    # answer costs `limit` probes rather than sorting every vote the country ever cast.
    rows = db.query(
        f"""
        SELECT * FROM (
            SELECT r.undl_id, r.body, r.date, r.resolution, r.draft, catalogue_title(r.title) AS title, r.subjects,
                   r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting, r.dataset,
                   (SELECT position FROM roll_call_positions p
                     WHERE p.undl_id = r.undl_id AND p.country IN (SELECT value FROM json_each(:country)))
                   AS position
              FROM roll_calls r INDEXED BY roll_calls_date
             WHERE {IN_PERIOD}
             ORDER BY r.date DESC)
         WHERE position IS NOT NULL
         LIMIT :limit
        """,
        {"country": json.dumps(seat_codes(iso3)), "limit": limit, "since": since, "until": until, "body": body},
    )
    return [
        roll_call_summary(row) | {"country_positions": [{"position": row["position"], "source_id": None}]}
        for row in rows
    ]


def count_country_records(
    db: Database, iso3: str, *, since: str | None = None, until: str | None = None, body: str | None = None
) -> int:
    """How many official records hold a vote of the country in that period (see
    :func:`roll_calls_for_country`)."""
    return db.execute(
        f"""SELECT count(*) FROM roll_call_positions p INDEXED BY roll_call_positions_country
              JOIN roll_calls r ON r.undl_id = p.undl_id
             WHERE p.country IN (SELECT value FROM json_each(:country)) AND {IN_PERIOD}""",
        {"country": json.dumps(seat_codes(iso3)), "since": since, "until": until, "body": body},
    ).fetchone()[0]

def roll_call_summary(record: Mapping) -> dict:
    """A ``roll_calls`` row as a vote summary (the keys :func:`db.queries.find_votes` gives); its id is
    ``r<undl_id>``."""
    return {
        "id": f"r{record['undl_id']}",
        "body": record["body"],
        "date": record["date"],
        "resolution": record["resolution"] or record["draft"],
        "subject": record["title"] or record["subjects"],
        **{figure: record[column] for figure, column in OFFICIAL_TOTALS.items()},
        # The official files hold adopted resolutions (SC) and the recorded GA votes on resolutions.
        "adopted": True if record["resolution"] else None,
        "vetoed_by": [],
    }


def catalogue_title(title: str | None) -> str | None:
    """An official record's title as people read it: without the catalogue's closing words, a
    Council resolution's topic rather than its number, "…" where the catalogue cut it short."""
    if not title:
        return title
    title = CUT_SHORT.sub("… ", CATALOGUE_SUFFIX.sub("", title)).strip()
    if topic := COUNCIL_RESOLUTION_TOPIC.match(title):
        title = topic["topic"].strip()
        title = title[:1].upper() + title[1:]
    return title


def was_member(db: Database, iso3: str, body: str, day: str | None) -> bool | None:
    """Whether a country could vote in ``body`` on ``day`` (``YYYY-MM-DD`` or ``YYYY-MM``), as
    the official records show it; None when they cannot tell.

    The Security Council: whether any of its records of that year lists the country (members sit
    for calendar years). The General Assembly: whether the day falls between the country's first
    and last recorded votes; a day in the year of either is left undecided, since admission (or a
    state's end) and its first (or last) recorded vote may be months apart.
    """
    if not day or body not in RECORDED_BODIES:
        return None
    year = day[:4]
    if body == SECURITY_COUNCIL:
        listed = db.execute(
            "SELECT count(*), count(p.country) FROM roll_calls r LEFT JOIN roll_call_positions p"
            " ON p.undl_id = r.undl_id AND p.country IN (SELECT value FROM json_each(?))"
            " WHERE r.body = ? AND substr(r.date, 1, 4) = ?",
            [json.dumps(seat_codes(iso3)), body, year],
        ).fetchone()
        return None if not listed[0] else listed[1] > 0
    first, last = db.execute(
        "SELECT min(r.date), max(r.date) FROM roll_call_positions p INDEXED BY roll_call_positions_country"
        " JOIN roll_calls r ON r.undl_id = p.undl_id WHERE p.country IN (SELECT value FROM json_each(?)) AND r.body = ?",
        [json.dumps(seat_codes(iso3)), body],
    ).fetchone()
    covered = db.execute("SELECT min(date) <= ? AND max(date) >= ? FROM roll_calls WHERE body = ?",
                         [day, day, body]).fetchone()[0]
    if not covered:
        return None
    if first is None or year < first[:4] or year > last[:4]:
        return False
    return True if first <= day <= last else None


def count_records(db: Database) -> int:
    """How many official records the store holds."""
    return db.execute("SELECT count(*) FROM roll_calls").fetchone()[0]
