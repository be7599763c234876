"""How cleaning, extraction and storing grow with a text's length (100 kB to 10 MB).

    python scripts/bench_sizes.py [--sizes 100k,300k,1M,3M,10M] [--data ../shared/data/quotes/polnear]

Each size runs in a fresh Python process, so its peak resident memory is its own. The text is
real article text, concatenated until it reaches the size: PolNeAR's articles (all splits, text
only) when ``--data`` holds them, else ``data/sources/unga-annexation-vote-2022.txt`` over and
over. Every copy of an article starts with its own copy number, so no two copies are the same
text. Timed separately: cleaning (``load_document``), extraction (``extract``) and storing
(``add_source`` into a new temporary store); the gazetteer is built before the timing starts.

Prints a table (seconds per phase, total; resident memory once the text is read, peak memory
up to the end of extraction and in all; quotations and votes found) and the growth exponents:
the least-squares slope of log(seconds) and of log(memory) against log(size); 1 is linear, 2
quadratic. Figures, not a verdict.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "quotes" / "polnear"
FALLBACK_SOURCE = ROOT / "data" / "sources" / "unga-annexation-vote-2022.txt"
FALLBACK_PUBLISHED = "2022-10-12"
DEFAULT_SIZES = "100k,300k,1M,3M,10M"
UNITS = {"k": 1_000, "M": 1_000_000}
PHASES = ("clean", "extract", "store")


def parse_size(size: str) -> int:
    """Characters in "300k", "1M" or "2500000"."""
    unit = UNITS.get(size[-1:], 1)
    return int(float(size[:-1] if unit > 1 else size) * unit)


def articles(data: Path) -> tuple[list[str], str | None]:
    """The texts to concatenate and their publication date."""
    files = sorted(data.glob("*/text/*.txt"))
    if files:
        return [path.read_text(encoding="utf-8") for path in files], None
    return [FALLBACK_SOURCE.read_text(encoding="utf-8")], FALLBACK_PUBLISHED


def build_text(texts: list[str], size: int) -> str:
    """Copies of ``texts`` in turn, each opened by its copy number, cut to ``size`` characters."""
    parts, total, copy = [], 0, 0
    while total < size:
        part = f"Copy {copy // len(texts) + 1}.\n\n{texts[copy % len(texts)]}\n\n"
        parts.append(part)
        total += len(part)
        copy += 1
    return "".join(parts)[:size]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return int(status.read().split("VmRSS:")[1].split()[0]) / 1024


def measure(size: int, data: Path) -> dict:
    """Clean, extract and store one text of ``size`` characters (run in a fresh process)."""
    from db import add_source, open_store
    from extraction.documents import load_document
    from extraction.extractor import extract

    extract(load_document("Warm-up: the Assembly voted 99 to 8, and “so be it,” Chile said."))
    texts, published = articles(data)
    raw = build_text(texts, size).encode("utf-8")
    del texts
    baseline = current_rss_mib()
    seconds = {}
    started = time.perf_counter()
    document = load_document(raw, published=published)
    del raw
    seconds["clean"] = time.perf_counter() - started
    started = time.perf_counter()
    extraction = extract(document)
    seconds["extract"] = time.perf_counter() - started
    extract_peak = peak_rss_mib()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        add_source(open_store(Path(folder) / "store.db"), document, extraction)
        seconds["store"] = time.perf_counter() - started
    return {
        "size": size,
        "seconds": seconds,
        "extract_peak_mib": extract_peak,
        "peak_mib": peak_rss_mib(),
        "baseline_mib": baseline,
        "quotes": len(extraction.quotes),
        "votes": len(extraction.votes),
    }


def slope(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of log(value) against log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(v) for v in values]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread if spread else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"comma-separated, e.g. {DEFAULT_SIZES}")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR folder (optional)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)  # one size, in this process
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.data)))
        return 0

    console = Console(width=None if sys.stdout.isatty() else 120)
    source = "PolNeAR articles" if sorted(args.data.glob("*/text/*.txt")) else FALLBACK_SOURCE.name
    console.print(f"text: {source}, one fresh process per size")
    rows = []
    for size in sorted(parse_size(s) for s in args.sizes.split(",")):
        child = [sys.executable, __file__, "--child", str(size), "--data", str(args.data)]
        rows.append(json.loads(subprocess.run(child, check=True, capture_output=True, text=True).stdout))

    table = Table("size", *(f"{phase} s" for phase in PHASES), "total s", "start MiB", "peak MiB to extract",
                  "peak MiB", "quotes", "votes")
    for row in rows:
        table.add_row(
            f"{row['size'] / 1e6:g} MB",
            *(f"{row['seconds'][phase]:.2f}" for phase in PHASES),
            f"{sum(row['seconds'].values()):.2f}",
            f"{row['baseline_mib']:.0f}",
            f"{row['extract_peak_mib']:.0f}",
            f"{row['peak_mib']:.0f}",
            str(row["quotes"]),
            str(row["votes"]),
        )
    console.print(table)
    if len(rows) > 1:
        sizes = [row["size"] for row in rows]
        for name, values in (
            ("total time", [sum(row["seconds"].values()) for row in rows]),
            *((f"{phase} time", [row["seconds"][phase] for row in rows]) for phase in PHASES),
            ("peak memory to extract", [row["extract_peak_mib"] for row in rows]),
            # what extraction adds to the process (1 MiB at least: small texts add nothing measurable)
            ("peak memory to extract, above the start",
             [max(row["extract_peak_mib"] - row["baseline_mib"], 1.0) for row in rows]),
        ):
            console.print(f"growth exponent, {name}: {slope(sizes, values):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
