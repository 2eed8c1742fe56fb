"""Outbox throughput: deliveries per second of ``wijkwijzer outbox work`` processes on PostgreSQL
against a fake Graph API that answers at once.

    .venv/bin/python bench/outbox.py [--recipients 10000] [--workers 1 2]

Each run: a fresh database, N WhatsApp recipients, one announcement; the clock runs from the
first accepted message to the last (worker start-up is not counted). Target: ≥ 500
deliveries/s with 2 workers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.outbox.fault import (
    FlakyGraph,
    drop_postgres_database,
    fresh_postgres_database,
    prepare,
    start_worker,
    worker_env,
)


async def measure(recipients: int, workers: int, batch: int) -> tuple[float, int]:
    url, name = await fresh_postgres_database()
    graph = FlakyGraph()
    await graph.start()
    procs = []
    try:
        await prepare(url, recipients)
        with tempfile.TemporaryDirectory() as state:
            env = worker_env(url, graph.url, Path(state), lease=60)
            procs = [start_worker(env, batch) for _ in range(workers)]
            while not graph.accepted:
                await asyncio.sleep(0.001)
            first = time.perf_counter()
            while sum(graph.accepted.values()) < recipients:
                await asyncio.sleep(0.005)
            elapsed = time.perf_counter() - first
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
            proc.wait()
        await graph.stop()
        await drop_postgres_database(name)
    duplicates = sum(n - 1 for n in graph.accepted.values() if n > 1)
    return (recipients - 1) / elapsed, duplicates


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipients", type=int, default=10000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.2f}")
    for workers in args.workers:
        rate, duplicates = await measure(args.recipients, workers, args.batch)
        verdict = "" if workers != 2 else ("  (target ≥ 500: met)" if rate >= 500 else "  (target ≥ 500: NOT met)")
        print(f"{workers} worker(s), PostgreSQL, {args.recipients} recipients: {rate:,.0f} deliveries/s, "
              f"duplicates {duplicates}{verdict}")


if __name__ == "__main__":
    asyncio.run(main())
