"""The official roll-call records: one record, finding records by symbol or title words, a
country's records, and a record in the shape of a reported vote.

Official records belong to no source scope: every server sees them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from sqlite_utils import Database

from db.agreement import OFFICIAL_TOTALS
from db.names import resolution_key
from reference.countries import seat_codes
from reference.vocabulary import RECORDED_BODIES, SECURITY_COUNCIL

MAX_TYPED = 100
MAX_SEARCH_WORDS = 12
# The highest code point: a prefix's range ends just before prefix + this.
LAST_CHARACTER = "\U0010ffff"
TOKEN = re.compile(r"[^\W_]+")
# The titles' index stems words (porter): a word being typed may run past its stem by up to
# LONGEST_SUFFIX letters; stems shorter than SHORTEST_STEM are not tried.
LONGEST_SUFFIX = 6
SHORTEST_STEM = 4
# The columns of a record that answers show (``r`` being ``roll_calls``), its title without the
# catalogue's closing words (:func:`catalogue_title`, registered on every connection).
RECORD_FIELDS = """r.undl_id, r.body, r.date, r.resolution, r.draft, catalogue_title(r.title) AS title,
       r.subjects, r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting, r.undl_link, r.dataset"""
# The UN Digital Library's titles end with the catalogue's words: " : resolution / adopted by …".
CATALOGUE_SUFFIX = re.compile(r"\s*:\s*resolution\s*/\s*adopted by\b.*$", re.IGNORECASE)


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
    """Official records for autocomplete: those whose symbol starts with ``text`` ("A/RES/77"), in
    symbol order, then those with every word of ``text`` in their symbol or title, the last word
    as a prefix ("ES-11", "territorial integ"), highest record id first. Empty text: the newest."""
    text = " ".join(text.split())[:MAX_TYPED]
    if not text:
        newest = f"SELECT {RECORD_FIELDS} FROM roll_calls r ORDER BY r.date DESC, r.undl_id DESC LIMIT ?"
        return list(db.query(newest, [limit]))
    found = {row["undl_id"]: row for row in _by_symbol_prefix(db, text, limit)}
    if len(found) < limit and (words := _words_match(text)):
        for row in _by_words(db, words, limit):
            found.setdefault(row["undl_id"], row)
    return list(found.values())[:limit]


def _by_symbol_prefix(db: Database, text: str, limit: int) -> list[dict]:
    """Records whose resolution symbol starts with ``text`` (any case, spaces ignored)."""
    prefix = resolution_key(text)
    return list(
        db.query(
            f"SELECT {RECORD_FIELDS} FROM roll_calls r"
            " WHERE r.resolution >= :prefix AND r.resolution < :prefix || :last"
            " ORDER BY r.resolution LIMIT :limit",
            {"prefix": prefix, "last": LAST_CHARACTER, "limit": limit},
        )
    )


def _by_words(db: Database, words: str, limit: int) -> list[dict]:
    """Records whose symbol or title matches the FTS5 query ``words``, highest record id first
    (the order FTS5 yields without sorting, so a word in every title stays fast)."""
    return list(
        db.query(
            f"SELECT {RECORD_FIELDS} FROM roll_calls_fts f JOIN roll_calls r ON r.undl_id = f.rowid"
            " WHERE roll_calls_fts MATCH :words ORDER BY f.rowid DESC LIMIT :limit",
            {"words": words, "limit": limit},
        )
    )


def _words_match(text: str) -> str | None:
    """An FTS5 query requiring each space-separated part of ``text``, the last as a prefix.

    Each part becomes a quoted phrase of its letters and digits only ("ES-11" → ``"ES 11"``),
    so nothing the user types is read as FTS5 syntax.
    """
    parts = [tokens for tokens in (TOKEN.findall(part) for part in text.split()) if tokens][:MAX_SEARCH_WORDS]
    if not parts:
        return None
    *whole, last = parts
    return " AND ".join([*map(_phrase, whole), _prefix(last)])


def _phrase(tokens: list[str]) -> str:
    """Words as one quoted FTS5 phrase."""
    return '"' + " ".join(tokens) + '"'


def _prefix(tokens: list[str]) -> str:
    """A phrase whose last word is being typed: a prefix, or a word the index holds stemmed
    shorter than what is typed so far ("integrit" of "integrity", indexed as "integr")."""
    *head, word = tokens
    cuts = range(max(SHORTEST_STEM, len(word) - LONGEST_SUFFIX), len(word))
    return "(" + " OR ".join([_phrase(tokens) + "*", *(_phrase([*head, word[:end]]) for end in cuts)]) + ")"


def roll_calls_for_country(db: Database, iso3: str, limit: int = 25) -> list[dict]:
    """Official records of a country's votes, newest first, as vote summaries with its position
    (``country_positions``), like :func:`db.queries.votes_for_country`."""
    # Walk the records newest first and look the country up in each (a primary-key probe), so the
    # answer costs `limit` probes rather than sorting every vote the country ever cast.
    rows = db.query(
        """
        SELECT * FROM (
            SELECT c.undl_id, c.body, c.date, c.resolution, c.draft, catalogue_title(c.title) AS title, c.subjects,
                   c.total_yes, c.total_no, c.total_abstentions, c.total_non_voting, c.dataset,
                   (SELECT position FROM roll_call_positions p
                     WHERE p.undl_id = c.undl_id AND p.country IN (SELECT value FROM json_each(:country)))
                   AS position
              FROM roll_calls c INDEXED BY roll_calls_date
             ORDER BY c.date DESC)
         WHERE position IS NOT NULL
         LIMIT :limit
        """,
        {"country": json.dumps(seat_codes(iso3)), "limit": limit},
    )
    return [
        roll_call_summary(row) | {"country_positions": [{"position": row["position"], "source_id": None}]}
        for row in rows
    ]


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
    """An official record's title without the catalogue's closing words."""
    return CATALOGUE_SUFFIX.sub("", title) if title else title


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
