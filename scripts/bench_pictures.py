"""How fast the pictures render, and how large they are.

    .venv/bin/python scripts/bench_pictures.py [--runs 100]

Renders, ``--runs`` times each, a General Assembly map of a full official record (every member
state, positions spread over the four colours), a Security Council picture and a /compare chart of
twelve years, and prints the render time (wall p50/p99, and the CPU time's p50: when other work
shares the machine, wall time grows and CPU time much less) and the PNG's size and dimensions. The
first render of each kind (which reads and projects the shapes, or loads fonts) is reported apart
and left out of the percentiles. Target: p99 ≤ 300 ms. Figures, not a verdict.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reference.countries import countries  # noqa: E402
from reference.vocabulary import POSITIONS  # noqa: E402
from replies.pictures import agreement_picture, vote_picture  # noqa: E402

COUNCIL = ("CHN", "FRA", "GBR", "RUS", "USA", "ALB", "BRA", "GAB", "GHA", "IND", "IRL", "KEN", "MEX", "NOR", "ARE")


def official_vote(body: str, members: list[str]) -> dict:
    """An official record's vote dict (the shape :func:`db.queries.roll_call_vote` returns)."""
    official = {code: POSITIONS[index % 7 % 4] for index, code in enumerate(members)}
    tally = {position: sum(1 for p in official.values() if p == position) for position in POSITIONS}
    return {
        "body": body, "date": "2022-04-07", "resolution": "A/RES/ES-11/3", "adopted": True, "vetoed_by": [],
        "subject": "Suspension of the rights of membership of the Russian Federation in the Human Rights Council",
        **tally, "official_tally": tally, "official_positions": official, "positions": [],
        "roll_call": {"positions": [
            {"country": code, "country_name": code, "position": position, "permanent_member": None}
            for code, position in official.items()
        ]},
    }


def comparison() -> dict:
    """A /compare dict over twelve years."""
    years = [{"period": str(year), "both_voted": 90 + year % 7, "same": 40 + year % 13, "share": None}
             for year in range(2010, 2022)]
    for year in years:
        year["share"] = year["same"] / year["both_voted"]
    return {"country_a": "FRA", "country_b": "RUS", "since": None, "both_voted": 1100, "same": 600,
            "share": 600 / 1100, "period": "year", "over_time": years, "disagreements": []}


def measure(label: str, render: Callable[[Mapping], bytes | None], facts: Mapping, runs: int) -> None:
    """Render ``runs`` + 1 times and print the figures."""
    started = time.perf_counter()
    png = render(facts)
    first = time.perf_counter() - started
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        render(facts)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    wall.sort()
    p99 = wall[min(len(wall) - 1, round(0.99 * (len(wall) - 1)))]
    width, height = Image.open(io.BytesIO(png)).size
    print(f"{label:<24} first {first * 1000:4.0f} ms · p50 {statistics.median(wall) * 1000:4.0f} ms"
          f" · p99 {p99 * 1000:4.0f} ms · cpu p50 {statistics.median(cpu) * 1000:4.0f} ms"
          f" · {len(png) / 1024:4.0f} KiB · {width}×{height}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    members = sorted(code for code, country in countries().items() if country.un_member)
    measure("General Assembly map", vote_picture, official_vote("UNGA", members), args.runs)
    measure("Security Council seats", vote_picture, official_vote("UNSC", list(COUNCIL)), args.runs)
    measure("/compare chart", agreement_picture, comparison(), args.runs)


if __name__ == "__main__":
    main()
