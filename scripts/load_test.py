"""Load test: many members' interactions arriving at once while moderators add large articles.

    python scripts/load_test.py [--servers 20] [--members 200] [--article-kb 300] [--adds 2]

Runs the real bot (its command tree, cogs, store writer process and HTTP layer) on a simulated
Discord (simcord), on a fresh store built from the bundled sources. After a warm-up (the store
writer's process started by one small /source add, as in a bot that has been running), it fires at
once: ``--members`` interactions spread over ``--servers`` servers (slash answers and autocompletes)
and ``--adds`` /source add of ``--article-kb`` kB articles by moderators of different servers, the
bot's loop running between arrivals as it does between gateway messages (``--at-once``: all in one
turn of the loop). It
prints the time from each interaction's arrival to the bot's first response (answer, deferral or
autocomplete choices) as p50/p95/max, the event loop's worst lag while they ran, and failures.
Figures, not a verdict; the targets are every first response within 1 s (Discord allows 3 s), a
loop lag of at most 100 ms, and no failures.

The burst reaches the bot through simcord's internals (its gateway emit and settle), the only way
to dispatch interactions concurrently: simcord's public verbs wait for each one to finish.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import discord  # noqa: E402
import simcord  # noqa: E402
from discord.webhook.async_ import AsyncWebhookAdapter  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bot import Rollcall  # noqa: E402
from config import BUNDLED_SOURCES, Config  # noqa: E402
from sources.ingest import build_store  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "quotes" / "polnear"
LAG_PROBE_SECONDS = 0.005
COUNTRIES = ["China", "Syria", "India", "Russia", "France", "North Korea", "Belarus", "Pakistan", "US", "Brazil"]
FRAGMENTS = ["it mite be you", "clear message", "double standard", "wipe a sovereign state", "grateful to 143"]
TYPED = ["ch", "ru", "in", "s", "north", "uni", ""]


def article_of(kilobytes: int, seed: int) -> bytes:
    """About ``kilobytes`` kB of real news text (PolNeAR when present, else the bundled article),
    different for each ``seed``."""
    sources = sorted(POLNEAR.glob("*/text/*.txt")) or sorted(BUNDLED_SOURCES.glob("*.txt"))
    random.Random(seed).shuffle(sources)
    parts, size, index = [f"Load test article {seed}\n\n"], 0, 0
    while size < kilobytes * 1024:
        text = sources[index % len(sources)].read_text(encoding="utf-8")
        parts.append(f"{text}\n\n(Part {index} of load test article {seed}.)\n\n")
        size += len(parts[-1].encode())
        index += 1
    return "".join(parts).encode()


class FirstResponses:
    """When each interaction arrived and when the bot first answered it (the interaction callback)."""

    def __init__(self) -> None:
        self.arrived: dict[int, float] = {}
        self.answered: dict[int, float] = {}
        self.last: int | None = None

    def observe_dispatch(self, record) -> None:
        self.last = int(record.id)
        self.arrived.setdefault(self.last, time.perf_counter())

    def install(self) -> None:
        original = AsyncWebhookAdapter.create_interaction_response
        responses = self

        def create_interaction_response(adapter, interaction_id, *args, **kwargs):
            responses.answered.setdefault(int(interaction_id), time.perf_counter())
            return original(adapter, interaction_id, *args, **kwargs)

        AsyncWebhookAdapter.create_interaction_response = create_interaction_response

    def latencies(self, ids) -> list[float]:
        return [self.answered[i] - self.arrived[i] for i in ids if i in self.answered and i in self.arrived]


async def watch_loop(stop: asyncio.Event) -> float:
    """The event loop's worst lag: how late a short sleep wakes up, until ``stop`` is set."""
    worst = 0.0
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(LAG_PROBE_SECONDS)
        worst = max(worst, time.perf_counter() - started - LAG_PROBE_SECONDS)
    return worst


def member_request(rng: random.Random, vote_id: str) -> tuple[str, str, dict]:
    """One member's interaction: (kind, command, options); autocompletes name their option."""
    roll = rng.random()
    if roll < 0.25:
        return "vote", "vote", {"country": rng.choice(COUNTRIES), "vote": vote_id}
    if roll < 0.35:
        return "tally", "vote", {"vote": vote_id}
    if roll < 0.5:
        return "whosaid", "whosaid", {"quote": rng.choice(FRAGMENTS)}
    if roll < 0.6:
        return "sources", "sources", {}
    if roll < 0.8:
        return "autocomplete country", "vote", {"focus": "country", "value": rng.choice(TYPED)}
    return "autocomplete speaker", "quotes", {"focus": "speaker", "value": rng.choice(TYPED)}


async def run(args: argparse.Namespace) -> None:
    console = Console()
    folder = Path(tempfile.mkdtemp(prefix="rollcall-load-"))
    store = folder / "rollcall.db"
    build_store(store)
    articles = [article_of(args.article_kb, seed) for seed in range(args.adds)]
    bot = Rollcall(Config(store_path=store))
    responses = FirstResponses()
    responses.install()
    async with simcord.run(bot, settle_timeout=args.settle_timeout) as env:
        await bot.sync_commands()
        env._register_dispatch_observer(responses.observe_dispatch)
        mods = []
        servers = []
        for number in range(args.servers):
            guild = env.create_guild(f"Server {number}")
            channel = guild.create_text_channel("general")
            role = guild.create_role("Mods", permissions=discord.Permissions(manage_guild=True))
            mods.append(guild.add_member(env.create_user(f"chair{number}"), roles=[role]))
            servers.append((guild, channel))
        members = [
            (servers[n % args.servers][1], servers[n % args.servers][0].add_member(env.create_user(f"member{n}")))
            for n in range(args.members)
        ]
        (vote,) = [c["value"] for c in await members[0][1].autocomplete(members[0][0], "vote", "vote", "General")][:1]
        warm = await mods[-1].slash(servers[-1][1], "source add", text="Warm-up\n\n“We are ready,” said Ana Example.")
        assert warm.response is not None, "the warm-up /source add got no answer"

        rng = random.Random(7)
        plan = [(mods[n], servers[n][1], "source add (large)", "source add",
                 {"file": (f"article-{n}.txt", articles[n])}) for n in range(args.adds)]
        plan += [(actor, channel, *member_request(rng, vote)) for channel, actor in members]
        rng.shuffle(plan)

        stop = asyncio.Event()
        monitor = asyncio.ensure_future(watch_loop(stop))
        real_settle = env._settle_internal

        async def no_settle(**_options) -> None:
            return None

        env._settle_internal = no_settle  # emit every interaction now; settle once, below
        started = time.perf_counter()
        ids_by_kind: dict[str, list[int]] = {}
        try:
            for actor, channel, kind, command, options in plan:
                if "focus" in options:
                    await actor.autocomplete(channel, command, options["focus"], options["value"])
                else:
                    await actor.slash(channel, command, **options)
                ids_by_kind.setdefault(kind, []).append(responses.last)
                if not args.at_once:
                    await asyncio.sleep(0)  # as from a gateway: the bot's loop runs between arrivals
        finally:
            env._settle_internal = real_settle
        arriving = time.perf_counter() - started
        await env.settle(timeout=args.settle_timeout)
        total = time.perf_counter() - started
        stop.set()
        worst_lag = await monitor
        failures = [error for error in env.errors]

    table = Table(title=f"{len(plan)} interactions at once over {args.servers} servers "
                        f"({args.adds} × {args.article_kb} kB /source add)")
    for column in ("interactions", "count", "first response p50", "p95", "max", "unanswered"):
        table.add_column(column, justify="right" if column != "interactions" else "left")
    every = []
    for kind, ids in sorted(ids_by_kind.items()):
        latencies = responses.latencies(ids)
        every += latencies
        table.add_row(kind, str(len(ids)), *figures(latencies), str(len(ids) - len(latencies)))
    all_ids = [i for ids in ids_by_kind.values() for i in ids]
    table.add_row("all", str(len(all_ids)), *figures(every), str(len(all_ids) - len(every)), style="bold")
    console.print(table)
    within = sum(latency <= 1.0 for latency in every)
    console.print(f"first response within 1 s: {within} of {len(all_ids)}; within 3 s: "
                  f"{sum(latency <= 3.0 for latency in every)}")
    console.print(f"all arrived within {arriving * 1000:.0f} ms; event loop's worst lag: {worst_lag * 1000:.0f} ms; "
                  f"everything done in {total:.1f} s")
    console.print(f"failures: {len(failures)}" + "".join(f"\n  {type(e).__name__}: {e}" for e in failures[:5]))


def figures(latencies: list[float]) -> list[str]:
    """p50, p95 and max in ms."""
    if not latencies:
        return ["–", "–", "–"]
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return [f"{statistics.median(ordered) * 1000:.0f} ms", f"{p95 * 1000:.0f} ms", f"{ordered[-1] * 1000:.0f} ms"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--servers", type=int, default=20)
    parser.add_argument("--members", type=int, default=200, help="member interactions in the burst")
    parser.add_argument("--adds", type=int, default=2, help="large /source add in the burst (one per server)")
    parser.add_argument("--article-kb", type=int, default=300)
    parser.add_argument("--settle-timeout", type=float, default=600.0)
    parser.add_argument("--at-once", action="store_true",
                        help="emit the whole burst in one turn of the loop (the harness then holds the loop "
                             "while it emits, which counts in the lag) instead of letting the bot run between arrivals")
    args = parser.parse_args()
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
