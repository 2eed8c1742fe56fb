"""Console benchmarks: the signals page with 100,000 signals over 5 years, and publish → all workers.

    .venv/bin/python bench/console.py [--signals 100000] [--requests 200] [--workers 3]

1. **Signals page.** A SQLite database (and PostgreSQL when it answers at
   WIJKWIJZER_TEST_POSTGRES_URL) with ``--signals`` signals spread over 5 years, 86 areas and 12
   themas; the whole server (``create_app``) on 127.0.0.1; ``--requests`` GETs of
   ``/console/signalen`` by a logged-in beheerder with varied filters (area, thema, period up to 5
   years), one at a time. Prints p50/p95/p99 of the response time over loopback (target p99 < 200 ms).
2. **Publish → every worker.** ``--workers`` ``wijkwijzer serve`` processes on one fresh
   PostgreSQL database; a knowledge-base version is published through the store, and the time
   until every worker's ``/readyz`` reports it (``X-Kennisbank-Versie``) is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from aiohttp import ClientSession, web
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.messy_workbook import build  # noqa: E402
from wijkwijzer.app.server import RUNTIME, ServerSettings, create_app  # noqa: E402
from wijkwijzer.app.settings import Settings  # noqa: E402
from wijkwijzer.knowledge.importer import import_sources  # noqa: E402
from wijkwijzer.knowledge.loader import BUNDLED_DIR, FILES, load_knowledge_base  # noqa: E402
from wijkwijzer.knowledge.vocabulary import THEMA_IDS  # noqa: E402
from wijkwijzer.store.database import reachability_problem  # noqa: E402
from wijkwijzer.store.kb_versions import KnowledgeVersions  # noqa: E402
from wijkwijzer.store.schema import signals  # noqa: E402

POSTGRES = os.environ.get("WIJKWIJZER_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
PERIODS = ("12m", "3m", "dit_jaar", "vorig_jaar", "24m", "60m")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def seed(engine, count: int) -> None:
    kb = load_knowledge_base()
    areas = [a.id for a in kb.areas.values() if a.soort == "wijk"]
    now = datetime.now(UTC)
    rng = random.Random(17)
    rows = [{"created_at": now - timedelta(seconds=rng.randrange(5 * 365 * 86400)), "thema": rng.choice(THEMA_IDS),
             "wijk": rng.choice(areas), "urgency": rng.choice(("laag", "normaal", "hoog")),
             "text": "steeds meer zorgen in groep 7", "reporter": "0" * 16, "channel": ""} for _ in range(count)]
    async with engine.begin() as conn:
        for start in range(0, count, 5000):
            await conn.execute(insert(signals), rows[start:start + 5000])


async def signals_page(database_url: str | None, label: str, count: int, requests: int) -> None:
    with tempfile.TemporaryDirectory() as state:
        settings = Settings(state_dir=Path(state), database_url=database_url, pseudonym_secret="bench-secret",
                            signal_retention_days=2000, outbox_worker=False)
        app = await create_app(settings, server=ServerSettings())
        runtime = app[RUNTIME]
        await seed(runtime.engine, count)
        user = await runtime.people.register(user_id="console-bench", channel="console", role="beheerder", via="bench",
                                             wijk="Den Haag: Scheveningen", display_name="Bench")
        token = await runtime.console.start_session(user)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        kb = runtime.kb.current
        areas = [""] + [a.id for a in kb.areas.values() if a.soort != "wijk"] + ["Den Haag: Scheveningen"]
        rng = random.Random(3)
        times: list[float] = []
        async with ClientSession(cookies={"wijkwijzer_console": token}) as session:
            for i in range(requests + 10):
                params = {"gebied": rng.choice(areas), "thema": rng.choice(("", "", *THEMA_IDS)),
                          "periode": rng.choice(PERIODS)}
                started = time.perf_counter()
                async with session.get(f"http://{host}:{port}/console/signalen", params=params) as response:
                    await response.read()
                    assert response.status == 200, response.status
                if i >= 10:
                    times.append((time.perf_counter() - started) * 1000)
        await runner.cleanup()
        print(f"signals page, {label}, {count:,} signals over 5 years, {requests} requests: "
              f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, "
              f"p99 {percentile(times, 99):.1f} ms, max {max(times):.1f} ms (target p99 < 200 ms)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def publish_to_workers(workers: int) -> None:
    problem = await reachability_problem(POSTGRES, 3)
    if problem:
        print(f"publish → workers: skipped, PostgreSQL does not answer ({problem})")
        return
    name = f"ww_bench_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES.rsplit("/", 1)[0] + f"/{name}"
    env = {**os.environ, "WIJKWIJZER_DATABASE_URL": url, "WIJKWIJZER_PSEUDONYM_SECRET": "bench-secret",
           "WIJKWIJZER_OUTBOX_WORKER": "false", "WIJKWIJZER_KB_POLL_SECONDS": "2", "WIJKWIJZER_LOG_LEVEL": "WARNING"}
    ports = [free_port() for _ in range(workers)]
    processes = [subprocess.Popen([str(ROOT / ".venv" / "bin" / "wijkwijzer"), "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for port in ports]
    engine = create_async_engine(url)
    try:
        async with ClientSession() as session:
            await wait_ready(session, ports)
            with tempfile.TemporaryDirectory() as folder:
                report = import_sources([build(Path(folder) / "kennisbank.xlsx", extra=True)], None, date.today())
            files = {**{n: (BUNDLED_DIR / n).read_text(encoding="utf-8") for n in FILES}, **report.files}
            versions = KnowledgeVersions(engine)
            version = await versions.add_draft(created_by="bench", source="bench", files=files, report="{}")
            started = time.perf_counter()
            await versions.publish(version, "bench")
            seen: dict[int, float] = {}
            while len(seen) < len(ports) and time.perf_counter() - started < 60:
                for port in ports:
                    if port in seen:
                        continue
                    async with session.get(f"http://127.0.0.1:{port}/readyz") as response:
                        if response.headers.get("X-Kennisbank-Versie") == str(version):
                            seen[port] = time.perf_counter() - started
                await asyncio.sleep(0.05)
        times = sorted(seen.values())
        print(f"publish → {len(seen)} of {workers} workers on PostgreSQL serve the new version: first after "
              f"{times[0]:.2f} s, all after {times[-1]:.2f} s (poll interval 2 s)")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def wait_ready(session: ClientSession, ports: list[int]) -> None:
    deadline = time.perf_counter() + 120
    waiting = set(ports)
    while waiting and time.perf_counter() < deadline:
        for port in list(waiting):
            try:
                async with session.get(f"http://127.0.0.1:{port}/readyz") as response:
                    if response.status == 200:
                        waiting.discard(port)
            except OSError:
                pass
        await asyncio.sleep(0.2)
    if waiting:
        raise RuntimeError(f"workers on {sorted(waiting)} did not start")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    await signals_page(None, "SQLite", args.signals, args.requests)
    if await reachability_problem(POSTGRES, 3) is None:
        name = f"ww_bench_{uuid.uuid4().hex[:8]}"
        admin = create_async_engine(POSTGRES, isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            await signals_page(POSTGRES.rsplit("/", 1)[0] + f"/{name}", "PostgreSQL", args.signals, args.requests)
        finally:
            async with admin.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await admin.dispose()
    await publish_to_workers(args.workers)


if __name__ == "__main__":
    asyncio.run(main())
