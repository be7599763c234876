"""Reading the official roll-call records: two countries compared, a country's record, finding a vote.

Plain dicts out. Positions are read through the index (country, undl_id, position), named with
``INDEXED BY`` so the plan does not depend on ANALYZE statistics: a country's record is one
range of it, and two countries' agreement joins two ranges on ``undl_id``, counted in SQL.
Official records belong to no source scope: every server sees them.
"""

from __future__ import annotations

import re

from sqlite_utils import Database

from db.rules import resolution_key

POSITIONS = ("yes", "no", "abstain", "absent")
RECENT_DISAGREEMENTS = 5
RECENT_NOTABLE = 5
# A vote is close when the yes–no margin is at most this share of the yes and no votes (60–40).
CLOSE_MARGIN = 0.2
# Agreement over time is shown per year for spans up to this many years, per decade beyond.
MOST_YEARS_SHOWN = 12
MAX_TYPED = 100
MAX_SEARCH_WORDS = 12
# The highest code point: a prefix's range ends just before prefix + this.
LAST_CHARACTER = "\U0010ffff"
TOKEN = re.compile(r"[^\W_]+")
# The titles' index stems words (porter): a word being typed may run past its stem by up to
# LONGEST_SUFFIX letters; stems shorter than SHORTEST_STEM are not tried.
LONGEST_SUFFIX = 6
SHORTEST_STEM = 4

ROLL_CALL_COLUMNS = """r.undl_id, r.body, r.date, r.resolution, r.draft, r.title, r.total_yes, r.total_no,
       r.total_abstentions, r.total_non_voting, r.undl_link"""
# The majority of an official record: yes when more voted yes than no, otherwise no; NULL when
# the totals are unknown. A country is against it when it voted the other way (not abstaining).
MAJORITY = """CASE WHEN r.total_yes > r.total_no THEN 'yes'
                   WHEN r.total_yes <= r.total_no THEN 'no' END"""
AGAINST_MAJORITY = f"(p.position IN ('yes', 'no') AND p.position != {MAJORITY})"
SINCE = "(:since IS NULL OR r.date >= :since)"

# The records on which both countries voted (yes, no or abstain), with the record's row.
BOTH_VOTED = f"""
  FROM roll_call_positions a INDEXED BY roll_call_positions_country
  JOIN roll_call_positions b INDEXED BY roll_call_positions_country
       ON b.country = :b AND b.undl_id = a.undl_id
  JOIN roll_calls r ON r.undl_id = a.undl_id
 WHERE a.country = :a AND a.position != 'absent' AND b.position != 'absent' AND {SINCE}
"""
# One country's positions, with the record's row.
COUNTRY_POSITIONS = f"""
  FROM roll_call_positions p INDEXED BY roll_call_positions_country
  JOIN roll_calls r ON r.undl_id = p.undl_id
 WHERE p.country = :country AND {SINCE}
"""


def has_roll_calls(db: Database) -> bool:
    """Whether any official record is loaded."""
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM roll_calls)").fetchone()[0])


# ---------------------------------------------------------------- two countries
def compare_countries(db: Database, a: str, b: str, since: str | None = None) -> dict:
    """How often countries ``a`` and ``b`` (ISO3) voted alike on the records dated ``since`` or later.

    ``both_voted`` counts the records where both voted yes, no or abstain ('absent' excluded),
    ``same`` those where they voted the same way, ``share`` is ``same / both_voted`` (None when
    they never both voted). ``over_time`` gives the same per ``period`` ("year" or "decade"),
    oldest first; ``disagreements`` the most recent records where they voted differently.
    """
    params = {"a": a, "b": b, "since": since}
    years = [
        {"year": row[0], "both_voted": row[1], "same": row[2]}
        for row in db.execute(
            f"SELECT substr(r.date, 1, 4) AS year, count(*), sum(a.position = b.position) {BOTH_VOTED}"
            " GROUP BY year ORDER BY year",
            params,
        )
    ]
    both_voted = sum(year["both_voted"] for year in years)
    same = sum(year["same"] for year in years)
    period, over_time = _over_time([year for year in years if year["year"]])
    disagreements = list(
        db.query(
            f"SELECT {ROLL_CALL_COLUMNS}, a.position AS position_a, b.position AS position_b {BOTH_VOTED}"
            " AND a.position != b.position ORDER BY r.date DESC, r.undl_id DESC LIMIT :limit",
            {**params, "limit": RECENT_DISAGREEMENTS},
        )
    )
    return {
        "country_a": a,
        "country_b": b,
        "since": since,
        "both_voted": both_voted,
        "same": same,
        "share": _share(same, both_voted),
        "period": period,
        "over_time": over_time,
        "disagreements": disagreements,
    }


def _over_time(years: list[dict]) -> tuple[str, list[dict]]:
    """Yearly agreement counts as they are (a short span) or summed per decade (a long one)."""
    if len(years) <= MOST_YEARS_SHOWN:
        return "year", [
            {"period": year["year"], **_counts(year["both_voted"], year["same"])} for year in years
        ]
    decades: dict[str, list[int]] = {}
    for year in years:
        totals = decades.setdefault(f"{year['year'][:3]}0s", [0, 0])
        totals[0] += year["both_voted"]
        totals[1] += year["same"]
    return "decade", [{"period": decade, **_counts(*totals)} for decade, totals in decades.items()]


def _counts(both_voted: int, same: int) -> dict:
    """The agreement figures of one period."""
    return {"both_voted": both_voted, "same": same, "share": _share(same, both_voted)}


def _share(part: int, whole: int) -> float | None:
    """``part / whole``, or None for nothing counted."""
    return part / whole if whole else None


# ---------------------------------------------------------------- one country
def country_record(db: Database, iso3: str, since: str | None = None) -> dict:
    """A country's official voting profile on the records dated ``since`` or later.

    ``recorded`` records name it; ``yes``, ``no``, ``abstain``, ``absent`` count its positions;
    ``first_date`` and ``last_date`` span them. ``against_majority`` counts its yes or no votes
    on the losing side of the official totals (the majority is yes when more voted yes than no,
    otherwise no; an abstention is never against), out of ``yes + no``. ``recent_against`` lists
    the latest of those and ``recent_close`` the latest close votes it took part in otherwise
    (margin within a fifth of the yes and no votes); each row carries ``position`` and ``majority``.
    """
    params = {"country": iso3, "since": since}
    counted = ", ".join(f"coalesce(sum(p.position = '{kind}'), 0) AS {kind}" for kind in POSITIONS)
    (summary,) = db.query(
        f"""SELECT count(*) AS recorded, {counted},
                   coalesce(sum({AGAINST_MAJORITY}), 0) AS against_majority,
                   min(r.date) AS first_date, max(r.date) AS last_date
            {COUNTRY_POSITIONS}""",
        params,
    )
    close = f"""p.position != 'absent' AND NOT {AGAINST_MAJORITY}
                AND abs(r.total_yes - r.total_no) <= :close_margin * (r.total_yes + r.total_no)"""
    return {
        "country": iso3,
        "since": since,
        **summary,
        "against_share": _share(summary["against_majority"], summary["yes"] + summary["no"]),
        "recent_against": _latest_positions(db, AGAINST_MAJORITY, params),
        "recent_close": _latest_positions(db, close, {**params, "close_margin": CLOSE_MARGIN}),
    }


def _latest_positions(db: Database, condition: str, params: dict) -> list[dict]:
    """The country's most recent records meeting ``condition``, with its position and the majority."""
    return list(
        db.query(
            f"SELECT {ROLL_CALL_COLUMNS}, p.position, {MAJORITY} AS majority {COUNTRY_POSITIONS}"
            f" AND {condition} ORDER BY r.date DESC, r.undl_id DESC LIMIT :limit",
            {**params, "limit": RECENT_NOTABLE},
        )
    )


# ---------------------------------------------------------------- finding a record
def get_roll_call(db: Database, undl_id: int) -> dict | None:
    """One official record with every member's position (``positions``, by country code)."""
    rows = list(db.query("SELECT * FROM roll_calls WHERE undl_id = ?", [undl_id]))
    if not rows:
        return None
    positions = db.query(
        "SELECT country, country_name, position, permanent_member FROM roll_call_positions"
        " WHERE undl_id = ? ORDER BY country",
        [undl_id],
    )
    return {**rows[0], "positions": list(positions)}


def match_roll_calls(db: Database, text: str, limit: int = 25) -> list[dict]:
    """Official records for autocomplete: those whose symbol starts with ``text`` ("A/RES/77"), in
    symbol order, then those with every word of ``text`` in their symbol or title, the last word
    as a prefix ("ES-11", "territorial integ"), highest record id first. Empty text: the newest."""
    text = " ".join(text.split())[:MAX_TYPED]
    if not text:
        newest = f"SELECT {ROLL_CALL_COLUMNS} FROM roll_calls r ORDER BY r.date DESC, r.undl_id DESC LIMIT ?"
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
            f"SELECT {ROLL_CALL_COLUMNS} FROM roll_calls r"
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
            f"SELECT {ROLL_CALL_COLUMNS} FROM roll_calls_fts f JOIN roll_calls r ON r.undl_id = f.rowid"
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
