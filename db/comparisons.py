"""Questions the official roll-call records answer: two countries compared, a country's record.

Plain dicts out. Positions are read through the index (country, undl_id, position), named with
``INDEXED BY`` so the plan does not depend on ANALYZE statistics: a country's record is one
range of it, and two countries' agreement joins two ranges on ``undl_id``, counted in SQL.
A country's votes include those of the membership it continues (Russia's, the USSR's:
:func:`reference.countries.seat_codes`). Official records belong to no source scope: every server
sees them.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from db.records import IN_PERIOD, RECORD_FIELDS
from reference.countries import seat_codes
from reference.vocabulary import POSITIONS

RECENT_DISAGREEMENTS = 5
RECENT_NOTABLE = 5
# A vote is close when the yes–no margin is at most this share of the yes and no votes (60–40).
CLOSE_MARGIN = 0.2
# Agreement over time is shown per year for spans up to this many years, per decade beyond.
MOST_YEARS_SHOWN = 12
# The majority of an official record: yes when more voted yes than no, otherwise no; NULL when
# the totals are unknown. A country is against it when it voted the other way (not abstaining).
MAJORITY = """CASE WHEN r.total_yes > r.total_no THEN 'yes'
                   WHEN r.total_yes <= r.total_no THEN 'no' END"""
AGAINST_MAJORITY = f"(p.position IN ('yes', 'no') AND p.position != {MAJORITY})"

# The records on which both countries voted (yes, no or abstain), with the record's row.
BOTH_VOTED = f"""
  FROM roll_call_positions a INDEXED BY roll_call_positions_country
  JOIN roll_call_positions b INDEXED BY roll_call_positions_country
       ON b.country IN (SELECT value FROM json_each(:b)) AND b.undl_id = a.undl_id
  JOIN roll_calls r ON r.undl_id = a.undl_id
 WHERE a.country IN (SELECT value FROM json_each(:a)) AND a.position != 'absent' AND b.position != 'absent' AND {IN_PERIOD}
"""
# One country's positions, with the record's row.
COUNTRY_POSITIONS = f"""
  FROM roll_call_positions p INDEXED BY roll_call_positions_country
  JOIN roll_calls r ON r.undl_id = p.undl_id
 WHERE p.country IN (SELECT value FROM json_each(:country)) AND {IN_PERIOD}
"""




# ---------------------------------------------------------------- two countries
def compare_countries(db: Database, a: str, b: str, since: str | None = None) -> dict:
    """How often countries ``a`` and ``b`` (ISO3) voted alike on the records dated ``since`` or later.

    ``both_voted`` counts the records where both voted yes, no or abstain ('absent' excluded)
    (``datasets`` names the files they came from),
    ``same`` those where they voted the same way, ``share`` is ``same / both_voted`` (None when
    they never both voted). ``over_time`` gives the same per ``period`` ("year" or "decade"),
    oldest first; ``disagreements`` the most recent records where they voted differently.
    """
    params = {"a": json.dumps(seat_codes(a)), "b": json.dumps(seat_codes(b)), "since": since, "until": None,
              "body": None}
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
            f"SELECT {RECORD_FIELDS}, a.position AS position_a, b.position AS position_b {BOTH_VOTED}"
            " AND a.position != b.position ORDER BY r.date DESC, r.undl_id DESC LIMIT :limit",
            {**params, "limit": RECENT_DISAGREEMENTS},
        )
    )
    return {
        "datasets": _datasets(db, BOTH_VOTED, params),
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


def _datasets(db: Database, records: str, params: dict) -> list[str]:
    """The datasets the records of ``records`` (a FROM … WHERE clause over ``r``) were imported from."""
    return [row[0] for row in db.execute(f"SELECT DISTINCT r.dataset {records} ORDER BY 1", params)]


def _share(part: int, whole: int) -> float | None:
    """``part / whole``, or None for nothing counted."""
    return part / whole if whole else None


# ---------------------------------------------------------------- one country
def country_record(
    db: Database, iso3: str, since: str | None = None, until: str | None = None, body: str | None = None
) -> dict:
    """A country's official voting profile on the records dated ``since`` to ``until`` (date
    prefixes, both included) and of ``body``, when given.

    ``recorded`` records name it; ``yes``, ``no``, ``abstain``, ``absent`` count its positions;
    ``first_date`` and ``last_date`` span them. ``against_majority`` counts its yes or no votes
    on the losing side of the official totals (the majority is yes when more voted yes than no,
    otherwise no; an abstention is never against), out of ``yes + no``. ``recent_against`` lists
    the latest of those and ``recent_close`` the latest close votes it took part in otherwise
    (margin within a fifth of the yes and no votes); each row carries ``position`` and ``majority``.
    ``datasets`` names the files the records came from.
    """
    params = {"country": json.dumps(seat_codes(iso3)), "since": since, "until": until, "body": body}
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
        "datasets": _datasets(db, COUNTRY_POSITIONS, params),
        "country": iso3,
        "since": since,
        "until": until,
        "body": body,
        **summary,
        "against_share": _share(summary["against_majority"], summary["yes"] + summary["no"]),
        "recent_against": _latest_positions(db, AGAINST_MAJORITY, params),
        "recent_close": _latest_positions(db, close, {**params, "close_margin": CLOSE_MARGIN}),
    }


def _latest_positions(db: Database, condition: str, params: dict) -> list[dict]:
    """The country's most recent records meeting ``condition``, with its position and the majority."""
    return list(
        db.query(
            f"SELECT {RECORD_FIELDS}, p.position, {MAJORITY} AS majority {COUNTRY_POSITIONS}"
            f" AND {condition} ORDER BY r.date DESC, r.undl_id DESC LIMIT :limit",
            {**params, "limit": RECENT_NOTABLE},
        )
    )
