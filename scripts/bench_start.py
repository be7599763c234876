"""How light Rollcall's start path is: a console answer from a cold process, and the bot's memory.

    python scripts/bench_start.py [--runs 5]

Builds a store from the bundled sources in a temporary folder, then times, each in a fresh
process: ``bot.py ask "/vote country:China"`` (wall time, median and best of ``--runs``) beside a
bare ``python -c "import discord"``; and the bot's resident memory once ready (store open, cogs
loaded: ``setup_hook`` run, no connection to Discord), with the heavy modules it did or did not
load. Run it with the interpreter of the environment to measure (``.venv/bin/python`` is what
``./start.sh`` uses). Figures, not a verdict.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY_MODULES = ("pandas", "country_converter", "trafilatura", "extraction.attribution")
READY = """
import asyncio, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from bot import create_bot
from config import Config

async def ready():
    bot = create_bot(Config(store_path=Path({store!r})))
    await bot.setup_hook()
    rss = next(line for line in open("/proc/self/status") if line.startswith("VmRSS")).split()[1]
    loaded = [name for name in {heavy!r} if name in sys.modules]
    print(int(rss) // 1024, ",".join(loaded) or "none")
    await bot.close()

asyncio.run(ready())
"""


def wall_times(command: list[str], runs: int) -> list[float]:
    """Seconds each of ``runs`` fresh processes took to run ``command``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    store = Path(tempfile.mkdtemp(prefix="rollcall-start-")) / "rollcall.db"
    ask = [sys.executable, "bot.py", "--store", str(store), "ask", "/vote country:China"]
    subprocess.run(ask, cwd=ROOT, check=True, capture_output=True)  # builds the store
    answer = wall_times(ask, args.runs)
    discord_only = wall_times([sys.executable, "-c", "import discord"], args.runs)
    ready = subprocess.run([sys.executable, "-c", READY.format(root=str(ROOT), store=str(store), heavy=HEAVY_MODULES)],
                           cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    print(f"python: {sys.executable}")
    print(f'bot.py ask "/vote country:China": median {statistics.median(answer):.2f} s, best {min(answer):.2f} s '
          f"({args.runs} cold processes)")
    print(f'python -c "import discord":        median {statistics.median(discord_only):.2f} s, best {min(discord_only):.2f} s '
          f"(ratio {statistics.median(answer) / statistics.median(discord_only):.1f}x)")
    print(f"the bot's resident memory once ready: {ready[0]} MiB; heavy modules loaded: {ready[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
