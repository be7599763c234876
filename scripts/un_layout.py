"""Rewrite the wide UN voting matrices of ../shared/data/un-votes/ in the UN Digital Library's
official long layout (one row per member state per vote), for tests and benchmarks only.
It writes where it is told, never into the repository.

    python scripts/un_layout.py undl-wide SOURCE [--ga GA.csv] [--sc SC.csv] [--limit N] [--old-header]
    python scripts/un_layout.py voeten SOURCE --ga GA.csv [--limit N] [--old-header]

``undl-wide`` reads ``undl-derived_UN_DATA_GA-SC_1946-2021_wide.csv.gz`` (country-name columns,
mislabelled count headers: see SOURCE.md); ``voeten`` reads
``voeten-derived_ungaVoting_003_full_1946-2024.csv.gz`` (ISO3 columns, Voeten's vote codes; its
``rcid`` becomes the synthetic ``undl_id`` 90,000,000 + rcid, outside the UNDL's own range).
``--old-header`` writes the 2025 header (no ``vote_note``) and ``NV`` for non-voting.
``--limit`` converts only the first N votes of the source.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.countries import country_code, country_name  # noqa: E402
from reference.vocabulary import PERMANENT_MEMBERS  # noqa: E402

GA_HEADER = (
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note", "total_yes",
    "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link",
)
SC_HEADER = (
    "undl_id", "ms_code", "ms_name", "permanent_member", "ms_vote", "date", "resolution", "draft",
    "meeting", "description", "agenda", "subjects", "vote_note", "total_yes", "total_no",
    "total_abstentions", "total_non_voting", "total_ms", "modality", "undl_link",
)

# The wide UNDL matrix: what its count columns really hold (their headers are wrong).
WIDE_TOTALS = {
    "YES COUNT": "total_yes",
    "NO COUNT": "total_no",
    "ABSENT COUNT": "total_abstentions",
    "NO-VOTE COUNT": "total_non_voting",
    "TOTAL VOTES": "total_ms",
}
WIDE_METADATA = frozenset({"Council", "Date", "Title", "Resolution", "Link", "token", *WIDE_TOTALS})
WIDE_BODIES = {"General Assembly": "ga", "Security Council": "sc"}

VOETEN_ID_OFFSET = 90_000_000
VOETEN_VOTES = {1: "Y", 2: "A", 3: "N", 8: "X"}  # 9: not a member, no row
VOETEN_ISSUES = {
    "me": "Middle East", "nu": "Nuclear weapons", "di": "Arms control and disarmament",
    "hr": "Human rights", "co": "Colonialism", "ec": "Economic development",
}
VOTE_TOTALS = {"Y": "total_yes", "N": "total_no", "A": "total_abstentions", "X": "total_non_voting"}


@dataclass
class ConversionReport:
    """Rows written per body, and what could not be converted."""

    votes: Counter = field(default_factory=Counter)
    rows: Counter = field(default_factory=Counter)
    unmapped: Counter = field(default_factory=Counter)  # country column -> cells dropped
    incomplete: set[str] = field(default_factory=set)  # undl_ids of votes that lost cells
    unknown_values: Counter = field(default_factory=Counter)

    def lines(self) -> Iterator[str]:
        yield "converted " + ", ".join(
            f"{body.upper()}: {self.votes[body]:,} votes, {self.rows[body]:,} rows" for body in sorted(self.rows)
        )
        for name, cells in self.unmapped.most_common():
            yield f"no country code free for column {name!r}: {cells} cells dropped"
        for value, cells in self.unknown_values.most_common():
            yield f"unknown vote value {value!r}: {cells} cells dropped"


class LayoutWriter:
    """Writes rows of one official layout (UTF-8 with a byte-order mark)."""

    def __init__(self, handle: TextIO, header: tuple[str, ...], *, old_header: bool) -> None:
        self.header = tuple(c for c in header if c != "vote_note") if old_header else header
        self.non_voting = "NV" if old_header else "X"
        self.writer = csv.writer(handle, lineterminator="\n")
        self.writer.writerow(self.header)

    def write(self, record: dict[str, object], member: dict[str, object]) -> None:
        """One member's vote (``ms_vote`` Y/N/A/X) in one record."""
        fields = {**record, **member}
        if fields["ms_vote"] == "X":
            fields["ms_vote"] = self.non_voting
        self.writer.writerow([fields.get(column, "") for column in self.header])


def open_text(path: Path) -> TextIO:
    """A CSV source, gzipped or not, as text without its byte-order mark."""
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


@cache
def _converter() -> object:
    """country_converter's converter (slow to build: once per run)."""
    import country_converter

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return country_converter.CountryConverter()


def candidate_codes(name: str) -> list[str]:
    """Codes a country column may stand for, best first: Rollcall's own lookup, then
    country_converter's regexes (historical names, artefacts such as "AY DENMARK")."""
    found = [country_code(name), _converter().convert(name, to="ISO3", not_found="?")]
    return list(dict.fromkeys(code for code in found if code and code != "?"))


def column_codes(source: Path, countries: list[str], limit: int | None) -> dict[str, str | None]:
    """Each country column's code: its best candidate that no column already holding that code
    voted alongside in the rows converted (two columns voting on one record are two states:
    YEMEN and DEMOCRATIC YEMEN, CONGO (BRAZZAVILLE) and CONGO (LEOPOLDVILLE))."""
    voted: dict[str, set[int]] = {name: set() for name in countries}  # column -> rows it votes on
    with open_text(source) as handle:
        for number, row in enumerate(islice(csv.DictReader(handle), limit)):
            for name in countries:
                if row[name]:
                    voted[name].add(number)
    holders: dict[str, list[str]] = {}
    codes: dict[str, str | None] = {}
    for name in countries:
        codes[name] = next((code for code in candidate_codes(name.strip())
                            if all(voted[name].isdisjoint(voted[other]) for other in holders.get(code, ()))), None)
        holders.setdefault(codes[name], []).append(name)
    return codes


def ga_session(resolution: str) -> str:
    """"A/RES/68/262" -> "68", "A/RES/ES-10/19" -> "ES-10"; "" for older symbols."""
    match = re.match(r"A/RES/((?:ES-|S-)?\d+)/", resolution)
    return match.group(1) if match else ""


def convert_undl_wide(
    source: Path, ga: Path | None = None, sc: Path | None = None, *, limit: int | None = None,
    old_header: bool = False,
) -> ConversionReport:
    """The UNDL-scraped wide matrix -> GA and/or SC files in the official layout."""
    report = ConversionReport()
    with ExitStack() as files:
        writers = {
            body: LayoutWriter(files.enter_context(path.open("w", encoding="utf-8-sig", newline="")),
                               header, old_header=old_header)
            for body, path, header in (("ga", ga, GA_HEADER), ("sc", sc, SC_HEADER)) if path
        }
        reader = csv.DictReader(files.enter_context(open_text(source)))
        countries = [name for name in reader.fieldnames if name not in WIDE_METADATA]
        codes = column_codes(source, countries, limit)
        for row in islice(reader, limit):
            body = WIDE_BODIES.get(row["Council"])
            if body in writers:
                _write_wide_row(row, body, codes, writers[body], report)
    return report


def _write_wide_row(row: dict[str, str], body: str, codes: dict[str, str | None], writer: LayoutWriter,
                    report: ConversionReport) -> None:
    resolution = row["Resolution"].strip()
    record = {
        "undl_id": row["token"].strip(),
        "date": row["Date"].strip(),
        "resolution": resolution,
        "title" if body == "ga" else "description": row["Title"].strip(),
        "session": ga_session(resolution),
        "undl_link": row["Link"].strip(),
        **{total: row[column].strip() for column, total in WIDE_TOTALS.items()},
    }
    for name, code in codes.items():
        vote = row[name].strip().upper()
        if not vote:
            continue
        if vote not in VOTE_TOTALS or code is None:
            report.incomplete.add(record["undl_id"])
            if code is None:
                report.unmapped[name.strip()] += 1
            else:
                report.unknown_values[vote] += 1
            continue
        member = {"ms_code": code, "ms_name": name.strip(), "ms_vote": vote}
        if body == "sc":
            member["permanent_member"] = code in PERMANENT_MEMBERS
        writer.write(record, member)
        report.rows[body] += 1
    report.votes[body] += 1


def convert_voeten(source: Path, ga: Path, *, limit: int | None = None, old_header: bool = False) -> ConversionReport:
    """Voeten's wide GA matrix (ISO3 columns, codes 1/2/3/8/9) -> a GA file in the official layout."""
    report = ConversionReport()
    with open_text(source) as handle, ga.open("w", encoding="utf-8-sig", newline="") as output:
        writer = LayoutWriter(output, GA_HEADER, old_header=old_header)
        reader = csv.DictReader(handle)
        countries = [name for name in reader.fieldnames if name not in {"rcid", "date", *VOETEN_ISSUES}]
        for row in islice(reader, limit):
            votes = {code: vote for code in countries if (vote := _voeten_vote(row[code], report))}
            totals = Counter(VOTE_TOTALS[vote] for vote in votes.values())
            record = {
                "undl_id": VOETEN_ID_OFFSET + int(row["rcid"]),
                "date": row["date"],
                "subjects": "; ".join(name for flag, name in VOETEN_ISSUES.items() if row[flag] == "TRUE"),
                **{total: totals[total] for total in VOTE_TOTALS.values()},
                "total_ms": len(votes),
            }
            for code, vote in votes.items():
                writer.write(record, {"ms_code": code, "ms_name": country_name(code), "ms_vote": vote})
            report.votes["ga"] += 1
            report.rows["ga"] += len(votes)
    return report


def _voeten_vote(cell: str, report: ConversionReport) -> str | None:
    """Y/N/A/X for a member's cell ("1", "3.0"…); None for a non-member or an unknown value."""
    try:
        code = int(float(cell))
    except ValueError:
        code = None
    if code == 9:
        return None
    if code not in VOETEN_VOTES:
        report.unknown_values[cell] += 1
        return None
    return VOETEN_VOTES[code]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sources = parser.add_subparsers(dest="source", required=True)
    wide = sources.add_parser("undl-wide", help="the UNDL-scraped GA + SC matrix, 1946-2021")
    voeten = sources.add_parser("voeten", help="Voeten's GA matrix, 1946-2024")
    for command in (wide, voeten):
        command.add_argument("path", type=Path)
        command.add_argument("--ga", type=Path, required=command is voeten, help="General Assembly output CSV")
        command.add_argument("--limit", type=int, help="convert only the first N votes")
        command.add_argument("--old-header", action="store_true", help="2025 header, NV for non-voting")
    wide.add_argument("--sc", type=Path, help="Security Council output CSV")
    args = parser.parse_args()
    if args.source == "voeten":
        report = convert_voeten(args.path, args.ga, limit=args.limit, old_header=args.old_header)
    elif args.ga or args.sc:
        report = convert_undl_wide(args.path, args.ga, args.sc, limit=args.limit, old_header=args.old_header)
    else:
        parser.error("give --ga and/or --sc")
    for line in report.lines():
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
