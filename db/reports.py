"""A vote as its sources report it: one report per source, merged into the vote they describe."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping

from reference.vocabulary import POSITIONS as TALLY_FIGURES


def decode_report(row: Mapping) -> dict:
    """A ``vote_reports`` row as Python values: booleans, and ``vetoed_by`` as a list."""
    report = dict(row)
    report["vetoed_by"] = json.loads(report["vetoed_by"] or "[]")
    report["absent_derived"] = bool(report["absent_derived"])
    if report["adopted"] is not None:
        report["adopted"] = bool(report["adopted"])
    return report


def merge_reports(reports: Iterable[Mapping]) -> dict:
    """The vote as its (decoded) reports describe it together, reports taken in the order given.

    The date is the most precise one stated (a day beats a month; between two days, the
    first report's); resolution and subject are the first ones stated; each tally figure and
    ``adopted`` is the value most reports state (a tie goes to the earliest); ``vetoed_by``
    is every country any report names.
    """
    reports = list(reports)
    merged: dict = {"date": None, "resolution": None, "subject": None}
    for report in reports:
        stated = report["date"]
        if stated and (merged["date"] is None or len(stated) > len(merged["date"])):
            merged["date"] = stated
        for column in ("resolution", "subject"):
            if merged[column] is None and report[column]:
                merged[column] = report[column]
    for figure in (*TALLY_FIGURES, "adopted"):
        stated = [report[figure] for report in reports if report[figure] is not None]
        merged[figure] = Counter(stated).most_common(1)[0][0] if stated else None
    merged["vetoed_by"] = sorted({country for report in reports for country in report["vetoed_by"]})
    return merged
