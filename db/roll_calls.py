"""Importing the UN Digital Library's bulk voting data (official long layout, one row per
member state per vote) into ``roll_calls`` and ``roll_call_positions``.

:func:`import_roll_calls` streams one CSV file: the General Assembly layout (the 2026 header
with ``vote_note`` or the earlier one without) or the Security Council layout, told apart by
the header. Each file is imported in one transaction, in batches, so an interrupted import
leaves the store as it was. A record already in the store is updated and its positions are
replaced, so importing a newer version of a file never duplicates anything.

``ms_code`` is stored as given: an ISO 3166-1 alpha-3 code for current members, the record's own
code for former states (USSR, Yugoslavia…). For display, a code that is not a current ISO3 code
should be named by the position's ``country_name`` (``ms_name``), not looked up.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from db.store import write_transaction
from reference.vocabulary import OFFICIAL_VOTE_CODES, PERMANENT_MEMBERS

BATCH_ROWS = 20_000
MAX_LISTED_SKIPS = 1_000  # the report lists this many unreadable rows, and counts them all
SHOWN_MISSING = 5
MAX_INTEGER = 2**63 - 1  # SQLite stores integers in 64 bits

# ms_vote as the files write it (upper-cased, trimmed) -> the store's position.
TRUTH_VALUES = {"TRUE": 1, "T": 1, "1": 1, "YES": 1, "FALSE": 0, "F": 0, "0": 0, "NO": 0}
TOTALS = ("total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms")
# The roll_calls columns read from the file's text fields, after undl_id, body and date.
RECORD_TEXTS = (
    "session", "resolution", "draft", "committee_report", "meeting", "title", "agenda",
    "subjects", "vote_note", "modality", "undl_link",
)
DATE_FORMATS = ("%d/%m/%Y", "%d %B %Y", "%B %d, %Y", "%d-%b-%Y")  # besides ISO 8601; day first

ProgressCallback = Callable[[int, int], None]


class NotUndlFile(ValueError):
    """A file that is not UN Digital Library voting data in its official long layout."""


@dataclass(frozen=True)
class Layout:
    """One official column set: which body it records, the columns it must have (``vote_note``
    and ``modality`` may be missing: older files lack them) and where its fields are named."""

    body: str
    name: str
    required: tuple[str, ...]
    renamed: dict[str, str]  # roll_calls column -> this layout's column

    def source_column(self, column: str) -> str:
        return self.renamed.get(column, column)


_SHARED = ("undl_id", "ms_code", "ms_name", "ms_vote", "date", "resolution", "draft", "meeting",
           "subjects", *TOTALS, "undl_link")
GENERAL_ASSEMBLY = Layout(
    body="UNGA",
    name="General Assembly",
    required=(*_SHARED, "session", "committee_report", "title", "agenda_title"),
    renamed={"agenda": "agenda_title"},
)
SECURITY_COUNCIL = Layout(
    body="UNSC",
    name="Security Council",
    required=(*_SHARED, "permanent_member", "description", "agenda"),
    renamed={"title": "description"},
)
LAYOUTS = (GENERAL_ASSEMBLY, SECURITY_COUNCIL)


@dataclass
class ImportReport:
    """What one file's import did. ``positions`` counts each member's position in a record once;
    ``duplicate_rows`` counts the rows that named a member again in a record (the later row
    wins); ``new_records``, ``changed_records`` and ``changed_positions`` say what the file
    changed in the store. ``skipped`` lists (line, reason) for the first ``MAX_LISTED_SKIPS`` unreadable rows;
    ``skipped_rows`` counts them all."""

    file: Path
    body: str
    records: int = 0
    positions: int = 0
    duplicate_rows: int = 0
    new_records: int = 0  # records the store did not hold before
    changed_records: int = 0  # records it held whose positions this file changed
    changed_positions: int = 0  # members whose position the file changed, added or removed
    skipped: list[tuple[int, str]] = field(default_factory=list)
    skipped_rows: int = 0
    seconds: float = 0.0

    def skip(self, line: int, reason: str) -> None:
        self.skipped_rows += 1
        if len(self.skipped) < MAX_LISTED_SKIPS:
            self.skipped.append((line, reason))


class BadRow(ValueError):
    """A row the importer cannot read; its message is the reason reported."""


def detect_layout(header: list[str]) -> Layout:
    """The layout whose required columns the header has; :class:`NotUndlFile` otherwise."""
    names = set(header)
    missing, closest = min(
        ([column for column in layout.required if column not in names], layout) for layout in LAYOUTS
    )
    if missing:
        listed = ", ".join(missing[:SHOWN_MISSING]) + (" …" if len(missing) > SHOWN_MISSING else "")
        raise NotUndlFile(
            f"not UN Digital Library voting data: the header lacks {len(missing)} columns of the "
            f"{closest.name} layout ({listed})"
        )
    return closest


def parse_date(text: str) -> str | None:
    """YYYY-MM-DD from an ISO date or timestamp, or a day-first/written-out date; None if empty."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise BadRow(f"date {text!r} not understood")


def parse_count(text: str, column: str) -> int | None:
    """A non-negative whole number SQLite can store, or None when empty."""
    text = text.strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        raise BadRow(f"{column} {text!r} is not a whole number") from None
    if value < 0:
        raise BadRow(f"{column} {text!r} is negative")
    if value > MAX_INTEGER:
        raise BadRow(f"{column} {text!r} is too large to store (SQLite's integers end at {MAX_INTEGER:,})")
    return value


class RowReader:
    """Turns one layout's CSV rows into roll_calls and roll_call_positions tuples."""

    def __init__(self, layout: Layout, header: list[str], dataset: str, imported_at: str) -> None:
        index = {name: position for position, name in enumerate(header)}

        def column(name: str) -> int | None:
            return index.get(layout.source_column(name))

        self.width = len(header)
        self.body = layout.body
        self.undl_id, self.ms_code, self.ms_name, self.ms_vote, self.date = (
            index[name] for name in ("undl_id", "ms_code", "ms_name", "ms_vote", "date")
        )
        self.permanent_member = index.get("permanent_member")
        self.texts = [column(name) for name in RECORD_TEXTS]
        self.totals = [(index[name], name) for name in TOTALS]
        self.provenance = (dataset, imported_at)

    def undl_id_of(self, row: list[str]) -> int:
        if len(row) != self.width:
            raise BadRow(f"{len(row)} fields where the header has {self.width}")
        undl_id = parse_count(row[self.undl_id], "undl_id")
        if undl_id is None:
            raise BadRow("no undl_id")
        return undl_id

    def record(self, undl_id: int, row: list[str]) -> tuple:
        """The roll_calls row, in ``IMPORTED_COLUMNS`` order."""
        texts = tuple(None if i is None else (row[i].strip() or None) for i in self.texts)
        totals = tuple(parse_count(row[i], name) for i, name in self.totals)
        return (undl_id, self.body, parse_date(row[self.date]), *texts, *totals, *self.provenance)

    def position(self, undl_id: int, row: list[str]) -> tuple:
        """The roll_call_positions row, in ``POSITION_COLUMNS`` order."""
        country = row[self.ms_code].strip()
        if not country:
            raise BadRow("no ms_code")
        vote = row[self.ms_vote].strip()
        position = OFFICIAL_VOTE_CODES.get(vote.upper())
        if position is None:
            raise BadRow(f"ms_vote {vote!r} is not Y, N, A, X or NV")
        return (undl_id, country, row[self.ms_name].strip() or None, position, self._permanent(row))

    def _permanent(self, row: list[str]) -> int | None:
        if self.permanent_member is None:
            return None
        text = row[self.permanent_member].strip()
        if not text:
            return None
        if (value := TRUTH_VALUES.get(text.upper())) is None:
            raise BadRow(f"permanent_member {text!r} is not True or False")
        return value


IMPORTED_COLUMNS = ("undl_id", "body", "date", *RECORD_TEXTS, *TOTALS, "dataset", "imported_at")
POSITION_COLUMNS = ("undl_id", "country", "country_name", "position", "permanent_member")
UPSERT_ROLL_CALL = (
    f"INSERT INTO roll_calls ({', '.join(IMPORTED_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in IMPORTED_COLUMNS)}) "
    "ON CONFLICT (undl_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in IMPORTED_COLUMNS[1:])
)
DELETE_POSITIONS = "DELETE FROM roll_call_positions WHERE undl_id = ?"
# A member named twice in one record of one file: the later row wins.
INSERT_POSITION = (
    f"INSERT OR REPLACE INTO roll_call_positions ({', '.join(POSITION_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in POSITION_COLUMNS)})"
)
COUNT_POSITIONS = "SELECT count(*) FROM roll_call_positions WHERE undl_id IN (SELECT value FROM json_each(?))"


class Batch:
    """Whole records waiting to be written; records first, so positions always find theirs."""

    def __init__(self) -> None:
        self.records: list[tuple] = []
        self.positions: list[tuple] = []

    def write(self, db: Database, report: ImportReport) -> None:
        """Write the batch, counting in ``report`` what it changes in the store."""
        self._count_changes(db, report)
        conn = db.conn
        conn.executemany(UPSERT_ROLL_CALL, self.records)
        conn.executemany(DELETE_POSITIONS, ((record[0],) for record in self.records))
        conn.executemany(INSERT_POSITION, self.positions)
        self.records.clear()
        self.positions.clear()

    def _count_changes(self, db: Database, report: ImportReport) -> None:
        ids = json.dumps([record[0] for record in self.records])
        held = {row[0] for row in db.execute(
            "SELECT undl_id FROM roll_calls WHERE undl_id IN (SELECT value FROM json_each(?))", [ids])}
        before: dict[int, dict[str, str]] = {undl_id: {} for undl_id in held}
        for undl_id, country, position in db.execute(
            "SELECT undl_id, country, position FROM roll_call_positions WHERE undl_id IN (SELECT value FROM json_each(?))",
            [ids],
        ):
            before[undl_id][country] = position
        after: dict[int, dict[str, str]] = {}
        for undl_id, country, _, position, _ in self.positions:
            after.setdefault(undl_id, {})[country] = position
        report.new_records += len(self.records) - len(held)
        for undl_id in held:
            old, new = before[undl_id], after.get(undl_id, {})
            changed = sum(old.get(country) != new.get(country) for country in old.keys() | new.keys())
            report.changed_records += changed > 0
            report.changed_positions += changed


def numbered_rows(reader: Iterator[list[str]], report: ImportReport) -> Iterator[tuple[int, list[str]]]:
    """``(first line, fields)`` for every row; rows the csv module cannot split are reported."""
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            report.skip(line, f"unreadable CSV: {error}")
            continue
        if row:
            yield line, row


def import_roll_calls(db: Database, path: str | Path, *, on_progress: ProgressCallback | None = None) -> ImportReport:
    """Import one UNDL voting file (GA or SC, official long layout), all or nothing.

    ``on_progress(bytes_read, total_bytes)`` is called after every batch. Raises
    :class:`NotUndlFile` before writing anything when the header is not an official layout.
    """
    path = Path(path)
    started = time.perf_counter()
    total_bytes = path.stat().st_size
    with path.open("rb") as binary:
        reader = csv.reader(io.TextIOWrapper(binary, encoding="utf-8-sig", newline=""))

        def progress() -> None:
            if on_progress:
                on_progress(binary.tell(), total_bytes)

        try:
            header = [name.strip().lower() for name in next(reader, [])]
            layout = detect_layout(header)
            report = ImportReport(file=path, body=layout.body)
            imported_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
            rows = RowReader(layout, header, path.name, imported_at)
            with write_transaction(db):
                _import_rows(db, rows, numbered_rows(reader, report), report, progress)
        except UnicodeDecodeError as error:
            raise NotUndlFile(f"not UTF-8 text near byte {binary.tell()}: {error.reason}") from None
    if on_progress:
        on_progress(total_bytes, total_bytes)
    report.seconds = time.perf_counter() - started
    return report


def _import_rows(
    db: Database,
    rows: RowReader,
    numbered: Iterator[tuple[int, list[str]]],
    report: ImportReport,
    progress: Callable[[], None],
) -> None:
    """Write every readable row in batches; a record's first row in this file describes it.

    The file's records had their positions replaced, so the store holds each position the file
    gives once: counting them there tells the positions from the rows that repeated one.
    """
    seen: set[int] = set()
    position_rows = 0
    batch = Batch()
    for line, row in numbered:
        try:
            undl_id = rows.undl_id_of(row)
            position = rows.position(undl_id, row)
            if undl_id not in seen:
                if len(batch.positions) >= BATCH_ROWS:  # batches hold whole records
                    batch.write(db, report)
                    progress()
                batch.records.append(rows.record(undl_id, row))
                seen.add(undl_id)
        except BadRow as reason:
            report.skip(line, str(reason))
            continue
        batch.positions.append(position)
        position_rows += 1
    batch.write(db, report)
    report.records = len(seen)
    report.positions = db.execute(COUNT_POSITIONS, [json.dumps(list(seen))]).fetchone()[0]
    report.duplicate_rows = position_rows - report.positions


# ---------------------------------------------------------------- the records Rollcall ships
# data/records/votes.csv.gz (scripts/build_records.py): a record's fields, then its members' votes
# as one character each, in the order of data/records/members.csv.
BUNDLE_FIELDS = ("undl_id", "body", "date", *RECORD_TEXTS, *TOTALS, "dataset", "votes")
NOT_LISTED = "."
BUNDLE_BATCH = 500  # records between progress reports
INSERT_NEW_POSITION = INSERT_POSITION.replace("INSERT OR REPLACE", "INSERT")
BUNDLE_MEMBERS = "members.csv"
BUNDLE_VOTES = "votes.csv.gz"


def import_bundled_records(db: Database, folder: Path, *, on_progress: ProgressCallback | None = None) -> int:
    """Load the official records Rollcall ships (``folder``: members.csv, votes.csv.gz) into the
    store, all or nothing, replacing any record of the same id; returns how many records.
    ``on_progress(done, total)`` counts records.

    The shipped positions come in key order, each once: plain inserts, in order, are the fast way
    in (a replacing insert costs twice as much).
    """
    with (folder / BUNDLE_MEMBERS).open(encoding="utf-8", newline="") as handle:
        members = [(row["code"], row["name"]) for row in csv.DictReader(handle)]
    with gzip.open(folder / BUNDLE_VOTES, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    imported_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with write_transaction(db):
        db.execute(
            "DELETE FROM roll_call_positions WHERE undl_id IN (SELECT value FROM json_each(?))",
            [json.dumps([int(row["undl_id"]) for row in rows])],
        )
        db.conn.executemany(
            UPSERT_ROLL_CALL, (tuple(_bundled_value(row, column, imported_at) for column in IMPORTED_COLUMNS) for row in rows)
        )
        for done in range(0, len(rows), BUNDLE_BATCH):
            db.conn.executemany(INSERT_NEW_POSITION, _bundled_positions(rows[done : done + BUNDLE_BATCH], members))
            if on_progress:
                on_progress(min(done + BUNDLE_BATCH, len(rows)), len(rows))
    return len(rows)


def _bundled_positions(rows: list[dict[str, str]], members: list[tuple[str, str]]) -> Iterator[tuple]:
    """The roll_call_positions rows of some shipped records, in ``POSITION_COLUMNS`` order."""
    for row in rows:
        undl_id, permanent = int(row["undl_id"]), row["body"] == SECURITY_COUNCIL.body
        for (code, name), vote in zip(members, row["votes"]):
            if vote != NOT_LISTED:
                yield undl_id, code, name, OFFICIAL_VOTE_CODES[vote], int(code in PERMANENT_MEMBERS) if permanent else None


def _bundled_value(row: dict[str, str], column: str, imported_at: str) -> object:
    """A roll_calls value from a row of the shipped records."""
    if column == "imported_at":
        return imported_at
    if column in TOTALS or column == "undl_id":
        return int(row[column]) if row[column] else None
    return row[column] or None
