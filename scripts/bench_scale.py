"""Rollcall at full scale: the whole 1946-2024 General Assembly history plus 100,000+ quotations.

    python scripts/bench_scale.py [--work DIR] [--quotes 100000] [--calls 1000]

1. Converts Voeten's General Assembly matrix into the official UNDL layout (scripts/un_layout.py),
   imports it with ``import-un``'s code, and inserts the same parsed rows with a plain sqlite3
   ``executemany`` into identical tables in the same run: both times and the ratio.
2. Stores PolNeAR's articles (their real extracted quotations) again and again, as sources
   differing only by a closing line, until the store holds ``--quotes`` quotations.
3. Times the bot's answers, query and embed together, over many calls with varied input:
   /vote (a country on a vote, a whole tally, a country's votes), /whosaid (fragments with a
   typo), /compare, /record, and autocomplete (countries, votes, speakers): p50 and p99.
4. Prints the store's size on disk and the resident memory of the bot once ready (a fresh
   process that opens the store and loads every cog, as ``bot.py run`` does before connecting).

Figures, not a verdict; the README quotes them with the machine and this command.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from answers.options import country_suggestions  # noqa: E402
from answers.quotes import answer_whosaid  # noqa: E402
from answers.records import answer_compare, answer_record  # noqa: E402
from answers.votes import answer_vote, vote_suggestions  # noqa: E402
from db import add_source, open_store, queries  # noqa: E402
from db.roll_calls import import_roll_calls  # noqa: E402
from extraction.documents import load_document  # noqa: E402
from extraction.extractor import extract  # noqa: E402
from extraction.models import Document  # noqa: E402
from scripts.bench_import import DEFAULT_SOURCE, parsed_rows, peak_rss_mib, plain_executemany  # noqa: E402
from scripts.un_layout import convert_voeten  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "quotes" / "polnear"
COUNTRIES = ("USA", "RUS", "CHN", "FRA", "GBR", "IND", "BRA", "ZAF", "DEU", "JPN", "ISR", "CUB", "IRN",
             "PRK", "SYR", "UKR", "CAN", "AUS", "MEX", "NGA", "EGY", "SAU", "TUR", "PAK", "IDN")
COUNTRY_PREFIXES = ("fr", "north k", "russian", "united", "Ger", "DPRK", "Türk", "s", "congo", "ind")
VOTE_TYPED = ("", "UNGA", "2019", "General Assembly 2003", "1971", "Security")
READY_SCRIPT = """
import asyncio, sys
sys.path.insert(0, {root!r})
from bot import Rollcall
from config import Config

async def ready():
    bot = Rollcall(Config(store_path=__import__("pathlib").Path({store!r})))
    await bot.setup_hook()
    status = open("/proc/self/status").read()
    print(int(status.split("VmRSS:")[1].split()[0]) / 1024)

asyncio.run(ready())
"""


def timed(name: str, calls: int, call: Callable[[random.Random], object], seed: int = 7) -> None:
    """Run ``call`` ``calls`` times with a seeded generator; print p50 and p99 in milliseconds."""
    rng = random.Random(seed)
    call(rng)  # warm the caches once
    durations = []
    for _ in range(calls):
        started = time.perf_counter()
        call(rng)
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    p99 = durations[min(len(durations) - 1, int(len(durations) * 0.99))]
    print(f"  {name:<38} p50 {statistics.median(durations):7.2f} ms   p99 {p99:7.2f} ms")


def import_history(work: Path, db) -> None:
    """Step 1: convert, import, and compare with a plain executemany."""
    csv_path = work / "ga_voting.csv"
    conversion = convert_voeten(DEFAULT_SOURCE, csv_path)
    print(f"converted {conversion.rows['ga']:,} rows ({csv_path.stat().st_size / 2**20:.0f} MB)")
    report = import_roll_calls(db, csv_path)
    print(f"import-un: {report.records:,} records, {report.positions:,} positions in {report.seconds:.2f} s")
    records, positions = parsed_rows(csv_path)
    plain = plain_executemany(work / "plain.db", records, positions)
    print(f"plain sqlite3 executemany of the same rows: {plain:.2f} s; ratio {report.seconds / plain:.2f} (target <= 2)")
    db.execute("PRAGMA optimize")


def fill_quotations(db, target: int) -> None:
    """Step 2: store PolNeAR's articles until the store holds ``target`` quotations."""
    articles = []
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        document = load_document(path.read_bytes())
        articles.append((document, extract(document)))
    started, copy = time.perf_counter(), 0
    while db["quotes"].count < target:
        copy += 1
        for document, extraction in articles:
            variant = Document(text=f"{document.text}\n\n(copy {copy})", title=document.title)
            add_source(db, variant, extraction)
    print(f"quotations: {db['quotes'].count:,} in {db['sources'].count:,} sources "
          f"(stored in {time.perf_counter() - started:.1f} s)")


def time_answers(db, calls: int) -> None:
    """Step 3: the bot's answers, query and embed, over varied input."""
    keys = [f"r{row[0]}" for row in db.execute("SELECT undl_id FROM roll_calls")]
    fragments = [row[0] for row in db.execute("SELECT text FROM quotes WHERE length(text) > 40 LIMIT 5000")]

    def fragment(rng: random.Random, quotation: str | None = None) -> str:
        """Six words of a stored quotation, lower case, with one letter mistyped."""
        words = (quotation or rng.choice(fragments)).split()
        start = rng.randrange(max(1, len(words) - 6))
        piece = " ".join(words[start : start + 6]).lower()
        typo = rng.choice([i for i, char in enumerate(piece) if char.isalpha()] or [0])
        return piece[:typo] + ("y" if piece[typo : typo + 1] == "x" else "x") + piece[typo + 1 :]

    print(f"answers over {calls:,} calls each (query and embed):")
    timed("/vote country + vote", calls, lambda r: answer_vote(db, None, r.choice(COUNTRIES), r.choice(keys)))
    timed("/vote vote (whole tally, 193 members)", calls, lambda r: answer_vote(db, None, None, r.choice(keys)))
    timed("/vote country (its votes, 100 newest)", calls, lambda r: answer_vote(db, None, r.choice(COUNTRIES)))
    timed("/whosaid (fragment with a typo)", calls, lambda r: answer_whosaid(db, None, fragment(r)))
    rng = random.Random(11)
    asked = rng.sample(fragments, min(calls, len(fragments)))
    right = 0
    for quotation in asked:
        found = queries.search_quotes(db, fragment(rng, quotation), None, 1)
        right += bool(found) and found[0]["text"] == quotation
    print(f"  /whosaid finds the quotation a fragment came from first: {right / len(asked):.1%} of {len(asked):,}")
    timed("/compare", calls, lambda r: answer_compare(db, None, *r.sample(COUNTRIES, 2)))
    timed("/compare since 2000", calls, lambda r: answer_compare(db, None, *r.sample(COUNTRIES, 2), "2000"))
    timed("/record", calls, lambda r: answer_record(db, None, r.choice(COUNTRIES)))
    timed("autocomplete: country", calls, lambda r: country_suggestions(db, None, r.choice(COUNTRY_PREFIXES)))
    timed("autocomplete: vote", calls, lambda r: vote_suggestions(db, None, r.choice(VOTE_TYPED)))
    timed("autocomplete: speaker", calls, lambda r: queries.find_speakers(db, r.choice("abcdefghjklmprstw"), None))


def bot_memory(store: Path) -> float:
    """Step 4: resident memory (MiB) of a fresh bot process once its store and cogs are ready."""
    script = READY_SCRIPT.format(root=str(ROOT), store=str(store))
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(output.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, help="folder for the converted file and stores (default: temporary)")
    parser.add_argument("--quotes", type=int, default=100_000, help="quotations to hold (default 100,000)")
    parser.add_argument("--calls", type=int, default=1000, help="calls per timed answer (default 1,000)")
    args = parser.parse_args()
    if not DEFAULT_SOURCE.exists() or not POLNEAR.exists():
        print(f"needs {DEFAULT_SOURCE} and {POLNEAR}; nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        store = work / "scale.db"
        db = open_store(store)
        import_history(work, db)
        fill_quotations(db, args.quotes)
        time_answers(db, args.calls)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = sum(path.stat().st_size for path in work.glob("scale.db*"))
        print(f"store size on disk: {size / 2**20:.0f} MiB "
              f"({db['roll_call_positions'].count:,} positions, {db['quotes'].count:,} quotations)")
        db.close()
        print(f"bot resident memory once ready: {bot_memory(store):.0f} MiB "
              f"(this benchmark process peaked at {peak_rss_mib():.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
