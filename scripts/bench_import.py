"""Import speed of the official roll-call records, side by side with a plain sqlite3 executemany.

    python scripts/bench_import.py [--source VOETEN.csv.gz] [--work DIR] [--limit N]

Converts Voeten's 1946-2024 General Assembly matrix into the official UNDL layout (about one
million rows, scripts/un_layout.py), imports it into a fresh store with
``db.roll_calls.import_roll_calls``, imports it again (the update path), then inserts the very
same rows, already parsed, with a plain ``executemany`` into the identical tables of another fresh
store. Prints the times, the ratio and the import's peak resident memory. Figures, not a verdict.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db import open_store  # noqa: E402
from db.roll_calls import (  # noqa: E402
    INSERT_POSITION, IMPORTED_COLUMNS, GENERAL_ASSEMBLY, RowReader, import_roll_calls,
)
from scripts.un_layout import convert_voeten  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "un-votes" / "voeten-derived_ungaVoting_003_full_1946-2024.csv.gz"
PLAIN_INSERT_ROLL_CALL = (
    f"INSERT INTO roll_calls ({', '.join(IMPORTED_COLUMNS)}) VALUES ({', '.join('?' for _ in IMPORTED_COLUMNS)})"
)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def parsed_rows(path: Path) -> tuple[list[tuple], list[tuple]]:
    """The roll_calls and roll_call_positions rows of a GA file, in memory (not timed)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = RowReader(GENERAL_ASSEMBLY, header, path.name, "bench")
        records: dict[int, tuple] = {}
        positions = []
        for row in reader:
            undl_id = rows.undl_id_of(row)
            positions.append(rows.position(undl_id, row))
            records.setdefault(undl_id, rows.record(undl_id, row))
    return list(records.values()), positions


def plain_executemany(db_path: Path, records: list[tuple], positions: list[tuple]) -> float:
    """Seconds to insert the rows with executemany, in one transaction, into a fresh store."""
    conn = open_store(db_path).conn
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(PLAIN_INSERT_ROLL_CALL, records)
    conn.executemany(INSERT_POSITION, positions)  # OR REPLACE: Voeten repeats a few roll calls
    conn.execute("COMMIT")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--work", type=Path, help="folder for the converted file and stores (default: a temporary one)")
    parser.add_argument("--limit", type=int, help="convert only the first N votes")
    args = parser.parse_args()
    if not args.source.exists():
        print(f"no source file {args.source}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        csv_path = work / "ga_voting.csv"
        started = time.perf_counter()
        conversion = convert_voeten(args.source, csv_path, limit=args.limit)
        print(f"converted {conversion.rows['ga']:,} rows ({csv_path.stat().st_size / 2**20:.0f} MB) "
              f"in {time.perf_counter() - started:.1f} s")

        rss_before = peak_rss_mib()
        store = open_store(work / "import.db")
        first = import_roll_calls(store, csv_path)
        rss_after = peak_rss_mib()
        again = import_roll_calls(store, csv_path)
        print(f"import_roll_calls: {first.records:,} records, {first.positions:,} rows in {first.seconds:.2f} s "
              f"({first.positions / first.seconds:,.0f} rows/s); peak RSS {rss_before:.0f} MiB before, "
              f"{rss_after:.0f} MiB after")
        print(f"re-import of the same file (update path): {again.seconds:.2f} s")

        records, positions = parsed_rows(csv_path)
        plain = plain_executemany(work / "plain.db", records, positions)
        print(f"plain sqlite3 executemany of the same {len(positions):,} parsed rows: {plain:.2f} s")
        print(f"ratio import / executemany: {first.seconds / plain:.2f} (target <= 2)")
        for name in ("import.db", "plain.db"):
            print(f"store size {name}: {(work / name).stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
