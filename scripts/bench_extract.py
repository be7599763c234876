"""Throughput and memory of the whole extraction (cleaning + quotations + votes).

    python scripts/bench_extract.py [--data ../shared/data/quotes/polnear] [--limit N] [--repeat 1]

Runs load_document + extract over every PolNeAR article (all splits: only the text
is read, no annotation), in one process, and prints articles per second, the
per-article latency distribution and peak resident memory. Figures, not a verdict.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.documents import load_document  # noqa: E402
from extraction.extractor import extract  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "quotes" / "polnear"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="at most N articles (0: all)")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the articles")
    args = parser.parse_args()
    files = sorted(args.data.glob("*/text/*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no PolNeAR articles under {args.data}; nothing to measure")
        return 0
    texts = [path.read_bytes() for path in files]
    started = time.perf_counter()
    load_document(texts[0])
    extract(load_document(texts[0]))
    warmup = time.perf_counter() - started

    latencies = []
    quotes = votes = 0
    started = time.perf_counter()
    for _ in range(args.repeat):
        for raw in texts:
            t0 = time.perf_counter()
            result = extract(load_document(raw))
            latencies.append(time.perf_counter() - t0)
            quotes += len(result.quotes)
            votes += len(result.votes)
    elapsed = time.perf_counter() - started
    latencies.sort()
    count = len(latencies)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {count} ({sum(map(len, texts)) * args.repeat / 1e6:.1f} MB), one process")
    print(f"first call (imports, gazetteer): {warmup * 1000:.0f} ms")
    print(f"throughput: {count / elapsed:.1f} articles/s ({elapsed:.2f} s)")
    print(
        f"per article: p50 {statistics.median(latencies) * 1000:.1f} ms, "
        f"p99 {latencies[int(count * 0.99) - 1] * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms"
    )
    print(f"found: {quotes} quotations, {votes} votes")
    print(f"peak resident memory: {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
