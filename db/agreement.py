"""When two accounts describe the same vote: a report and a stored report, or a vote and an
official record. One rule for figures, dates and symbols, used by ingestion and by linking.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from reference.vocabulary import POSITIONS

# The figures a tally states, and the official totals they correspond to.
TALLY = ("yes", "no", "abstain")
OFFICIAL_TOTALS = {"yes": "total_yes", "no": "total_no", "abstain": "total_abstentions", "absent": "total_non_voting"}


def dates_compatible(first: str | None, second: str | None) -> bool | None:
    """Whether two report dates can be the same day; ``None`` when either is unknown.

    A month (``YYYY-MM``) is compatible with itself and with any day in that month.
    """
    if not first or not second:
        return None
    shorter, longer = sorted((first, second), key=len)
    return longer.startswith(shorter)


def days_apart_at_most(first: str | None, second: str | None, days: int) -> bool | None:
    """Whether two dates are at most ``days`` apart; a month agrees with its days. None when unknown."""
    if first and second and len(first) == len(second) == 10:
        return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) <= days
    return dates_compatible(first, second)


def compare_figures(first: Mapping, second: Mapping, figures: Iterable[str] = TALLY) -> tuple[int, int]:
    """How many of ``figures`` stated by both accounts agree, and how many differ."""
    stated = [(first[f], second[f]) for f in figures if first.get(f) is not None and second.get(f) is not None]
    conflicting = sum(ours != theirs for ours, theirs in stated)
    return len(stated) - conflicting, conflicting


def one_slip_at_most(agreeing: int, conflicting: int) -> bool:
    """Figures that tell the same vote: none differs, or one differs beside at least two that agree
    (so that a source misreporting one figure still lands on the vote, and the difference shows)."""
    return conflicting == 0 or (conflicting == 1 and agreeing >= 2)


def tallies_agree(first: Mapping, second: Mapping) -> bool | None:
    """Whether two accounts' yes/no/abstain figures tell the same vote; None when no figure is
    stated by both."""
    agreeing, conflicting = compare_figures(first, second)
    return one_slip_at_most(agreeing, conflicting) if agreeing + conflicting else None


def symbol_contradicted(vote: Mapping, other: Mapping, *, days: int = 0) -> bool:
    """Whether a vote and another account naming the same symbol (a report, or an official
    record as :func:`record_figures`) are shown to be different votes: their date or tallies
    conflict and neither agrees. A symbol is a key to trust only when nothing contradicts it or
    something confirms it; ``days`` is how far apart the dates may be."""
    verdicts = (days_apart_at_most(vote.get("date"), other.get("date"), days), tallies_agree(vote, other))
    return False in verdicts and True not in verdicts


def report_agreement(report: Mapping, stored: Mapping) -> int | None:
    """How many stated figures a new report shares with a stored one, or None if they describe
    different votes.

    Same vote when: ``adopted`` does not conflict, dates are compatible, and the tally figures
    (``absent`` too, unless either derived it) differ by one at most beside two that agree. When
    either date is unknown, two agreeing figures and no conflict are required.
    """
    if report["adopted"] is not None and stored["adopted"] is not None and report["adopted"] != stored["adopted"]:
        return None
    derived = report["absent_derived"] or stored["absent_derived"]
    agreeing, conflicting = compare_figures(report, stored, [f for f in POSITIONS if not (f == "absent" and derived)])
    dates = dates_compatible(report["date"], stored["date"])
    if dates is False:
        return None
    if dates is None:
        return agreeing if agreeing >= 2 and conflicting == 0 else None
    return agreeing if one_slip_at_most(agreeing, conflicting) else None


def record_figures(record: Mapping) -> dict:
    """An official record's date and totals under a report's names (``yes``, ``no``, …)."""
    return {"date": record["date"], **{figure: record[column] for figure, column in OFFICIAL_TOTALS.items()}}


def record_agreement(vote: Mapping, record: Mapping) -> int | None:
    """How many of a reported vote's yes/no/abstain figures equal an official record's totals, or
    None when they cannot be the same vote: fewer than two agree, or they differ by more than one.
    "Did not vote" is left out: articles often derive it.
    """
    agreeing, conflicting = compare_figures(vote, record_figures(record))
    return agreeing if agreeing >= 2 and one_slip_at_most(agreeing, conflicting) else None
