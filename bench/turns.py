"""Conversation benchmark: turns/s and per-turn latency p50/p99, in-process.

    .venv/bin/python bench/turns.py [--conversations 60] [--postgres URL]

Plays scripted conversations through the console channel and prints figures for:
understanding only; ``Resolver.outside_gemeente`` on the same lines (a gemeente outside the
region, for grensverkeer); a full turn with SQLite state; a full turn with PostgreSQL state
(skipped with a message when PostgreSQL does not answer). Target: full turn p99 < 15 ms
with SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wijkwijzer.adapters.console.adapter import ConsoleAdapter
from wijkwijzer.app.runtime import FixedProfile, create_runtime
from wijkwijzer.app.settings import Settings
from wijkwijzer.core.services import Profile
from wijkwijzer.core.understanding import understand
from wijkwijzer.knowledge.loader import load_knowledge_base
from wijkwijzer.store.database import reachability_problem

SCRIPTS = [
    ["smw'er ypenbrg?", "en de jgz?", "en voor scheveningen?", "leerplicht de vliegerwolk"],
    ["hoe vraag ik een tlv aan", "terug", "stop", "wat is een opp", "Naar de route", "stop"],
    ["meldcode", "nee", "ja", "nee", "ja", "stop"],
    ["wie is de smw'er", "ypenburg", "welk jeugdteam als de leerling in rijswijk woont", "bedankt!"],
    ["signaal: steeds meer angstklachten in groep 8, wijk Scheveningen", "normaal", "nee, annuleren", "help"],
    ["welke school heeft ervaring met nt2 in centrum", "thuiszitter, wat nu?", "1", "stop"],
]
OUTSIDE = ["leerling woont in utrecht, wie is het lokaal team", "woont in utrect", "kind woont in den bosch",
           "ik ben best moe", "woont in best", "jeugdteam voor een kind dat in delft woont"]
DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def report(label: str, samples: list[float], wall: float) -> None:
    ms = [s * 1000 for s in samples]
    print(f"{label:<28} {len(ms) / wall:8.0f} turns/s   p50 {statistics.median(ms):6.2f} ms   p99 {percentile(ms, 99):6.2f} ms   (n={len(ms)})")


def bench_understand(rounds: int) -> None:
    kb = load_knowledge_base()
    kb.resolver  # noqa: B018 - build the index outside the measurement
    lines = [line for script in SCRIPTS for line in script] * rounds
    samples = []
    start = time.perf_counter()
    for line in lines:
        t = time.perf_counter()
        understand(line, kb)
        samples.append(time.perf_counter() - t)
    report("understand only", samples, time.perf_counter() - start)
    outside = [*lines, *(OUTSIDE * rounds)]
    samples = []
    start = time.perf_counter()
    for line in outside:
        t = time.perf_counter()
        kb.resolver.outside_gemeente(line)
        samples.append(time.perf_counter() - t)
    report("outside_gemeente only", samples, time.perf_counter() - start)


async def bench_turns(label: str, settings: Settings, conversations: int) -> None:
    runtime = await create_runtime(settings, FixedProfile(Profile(user_id="bench", role="ib", wijk="Den Haag: Ypenburg")))
    runtime.kb.current.resolver  # noqa: B018 - build the index outside the measurement
    samples: list[float] = []
    try:
        start = time.perf_counter()
        for n in range(conversations):
            adapter = ConsoleAdapter(runtime.agent.on_turn, conversation_id=f"bench-{label}-{n}-{time.time_ns()}")
            for line in SCRIPTS[n % len(SCRIPTS)]:
                t = time.perf_counter()
                await adapter.send_text(line)
                samples.append(time.perf_counter() - t)
        report(label, samples, time.perf_counter() - start)
    finally:
        await runtime.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=60)
    parser.add_argument("--postgres", default=os.environ.get("WIJKWIJZER_TEST_POSTGRES_URL", DEFAULT_PG))
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    bench_understand(rounds=50)
    with tempfile.TemporaryDirectory() as tmp:
        await bench_turns("full turn, SQLite", Settings(state_dir=Path(tmp), pseudonym_secret="bench"), args.conversations)
    problem = await reachability_problem(args.postgres, timeout=3)
    if problem:
        print(f"full turn, PostgreSQL: overgeslagen, PostgreSQL antwoordt niet ({problem})")
    else:
        await bench_turns("full turn, PostgreSQL", Settings(database_url=args.postgres, pseudonym_secret="bench"), args.conversations)
    print("target: full turn p99 < 15 ms with SQLite")


if __name__ == "__main__":
    asyncio.run(main())
