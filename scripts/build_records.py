"""Build the official records Rollcall ships (data/records/) from the shared UN voting data.

    .venv-test/bin/python scripts/build_records.py [--shared ../shared/data/un-votes] [--out data/records]

Reads the UN Digital Library's General Assembly and Security Council votes of 1946–2021 (the
UNDL-derived wide matrix: official codes, symbols, titles, links) and the General Assembly's votes
of 2022–2024 from Voeten's matrix (no symbols or titles), through the converters of
``scripts/un_layout.py`` (which need the ``reference`` extra), and writes:

- ``members.csv``: every member code the records use, with its name (the most frequent ``ms_name``);
- ``votes.csv.gz``: one row per recorded vote, in record id order — its fields in the official
  layout's names, the dataset it comes from, and ``votes``: one character per member of
  ``members.csv`` in that (code) order (``Y`` yes, ``N`` no, ``A`` abstained, ``X`` did not vote,
  ``.`` not listed). So the positions come in the store's key order, which makes loading them fast.

:func:`db.roll_calls.import_bundled_records` loads them into a store. Deterministic: the same
inputs give the same bytes (gzip without a timestamp).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from un_layout import VOETEN_ID_OFFSET, convert_undl_wide, convert_voeten  # noqa: E402

from db.roll_calls import BUNDLE_FIELDS, NOT_LISTED  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "un-votes"
UNDL_WIDE = "undl-derived_UN_DATA_GA-SC_1946-2021_wide.csv.gz"
VOETEN = "voeten-derived_ungaVoting_003_full_1946-2024.csv.gz"
UNDL_DATASET = "UN Digital Library voting data (1946-2021, via the UN DATA scrape)"
VOETEN_DATASET = "Voeten, United Nations General Assembly Voting Data (2022-2024; no resolution symbols)"
# Voeten's votes taken after the last one of the UNDL-derived matrix.
VOETEN_FROM = "2022-01-01"


def read_layout(path: Path) -> dict[int, dict]:
    """An official-layout CSV as records: their fields, and each member's vote."""
    records: dict[int, dict] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            record = records.setdefault(int(row["undl_id"]), {**row, "members": {}})
            record["members"][row["ms_code"]] = (row["ms_vote"], row["ms_name"])
    return records


def bundle(records: list[tuple[str, str, dict]], out: Path) -> tuple[int, int]:
    """Write members.csv and votes.csv.gz for ``records`` (body, dataset, record); their counts."""
    names: dict[str, Counter] = defaultdict(Counter)
    for _, _, record in records:
        for code, (_, name) in record["members"].items():
            names[code][name] += 1
    members = sorted(names)
    with (out / "members.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name"])
        writer.writerows([code, names[code].most_common(1)[0][0]] for code in members)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(BUNDLE_FIELDS)
    for body, dataset, record in sorted(records, key=lambda item: int(item[2]["undl_id"])):
        fields = {**record, "body": body, "dataset": dataset, "title": record.get("title") or record.get("description"),
                  "agenda": record.get("agenda_title") or record.get("agenda")}
        fields["votes"] = "".join(record["members"].get(code, (NOT_LISTED,))[0] for code in members)
        writer.writerow([fields.get(name) or "" for name in BUNDLE_FIELDS])
    with (out / "votes.csv.gz").open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(text.getvalue().encode("utf-8"))
    return len(records), len(members)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "records")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        ga, sc, voeten = (Path(work) / name for name in ("ga.csv", "sc.csv", "voeten.csv"))
        convert_undl_wide(args.shared / UNDL_WIDE, ga, sc)
        convert_voeten(args.shared / VOETEN, voeten)
        records = [("UNGA", UNDL_DATASET, r) for r in read_layout(ga).values()]
        records += [("UNSC", UNDL_DATASET, r) for r in read_layout(sc).values()]
        records += [("UNGA", VOETEN_DATASET, r) for undl_id, r in read_layout(voeten).items()
                    if r["date"] >= VOETEN_FROM and undl_id >= VOETEN_ID_OFFSET]
    count, members = bundle(records, args.out)
    sizes = ", ".join(f"{path.name} {path.stat().st_size / 1024:.0f} kB" for path in sorted(args.out.glob("*.*")))
    print(f"{count} votes, {members} members -> {args.out} ({sizes})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
