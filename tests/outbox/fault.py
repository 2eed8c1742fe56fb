"""The outbox fault run, shared by the test and by ``bench/outbox.py``: a fake Graph API that
answers 429 and 500 at random and counts what it accepted per number, delivery workers as
separate processes (``wijkwijzer outbox work``) killed by pid and restarted."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from aiohttp import web
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import create_async_engine

from wijkwijzer.store.database import create_engine, migrate
from wijkwijzer.store.outbox import Audience, Outbox
from wijkwijzer.store.people import subscriptions, users

WIJK = "Den Haag: Ypenburg"
PHONE_NUMBER_ID = "106540352242922"
POSTGRES_ADMIN_URL = os.environ.get("WIJKWIJZER_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


@dataclass
class FlakyGraph:
    """Accepts a message with probability 1 - p429 - p500; counts accepted messages per number."""

    p429: float = 0.0
    p500: float = 0.0
    seed: int = 7
    accepted: Counter[str] = field(default_factory=Counter)
    refused: int = 0
    url: str = ""

    async def start(self) -> str:
        self._random = random.Random(self.seed)
        self._ids = 0
        app = web.Application()
        app.router.add_post("/{version}/{phone}/messages", self._messages)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self.url

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def _messages(self, request: web.Request) -> web.Response:
        body = await request.json()
        roll = self._random.random()
        if roll < self.p429:
            self.refused += 1
            return web.json_response({"error": {"code": 130429, "message": "throughput"}}, status=429,
                                     headers={"Retry-After": "0"})
        if roll < self.p429 + self.p500:
            self.refused += 1
            return web.Response(status=500, text="upstream error")
        self.accepted[body["to"]] += 1
        self._ids += 1
        return web.json_response({"messages": [{"id": f"wamid.F{self._ids}"}]})


def number(i: int) -> str:
    return f"3161{i:07d}"


async def prepare(url: str, recipients: int) -> int:
    """Migrate, add ``recipients`` WhatsApp IB'ers of one wijk, queue one announcement; its id."""
    engine = create_engine(url)
    try:
        await migrate(engine)
        now = datetime.now(UTC)
        rows = [{"user_id": f"u{i:07d}", "channel": "whatsapp", "address": number(i), "role": "ib",
                 "registered_at": now, "registered_via": "fault test", "onboarded": True, "last_seen_at": now}
                for i in range(recipients)]
        async with engine.begin() as conn:
            await conn.execute(insert(users), rows)
            ids = (await conn.execute(text("SELECT id FROM users"))).scalars().all()
            await conn.execute(insert(subscriptions), [{"user_ref": i, "wijk": WIJK} for i in ids])
        created = await Outbox(engine).create(created_by="fault-test", text_="Netwerkbijeenkomst\nDonderdag 15:00",
                                              audience=Audience(wijken=(WIJK,)))
        assert created.recipients == recipients
        return created.id
    finally:
        await engine.dispose()


async def remaining(url: str) -> Counter[str]:
    engine = create_engine(url)
    try:
        return await Outbox(engine).counts()
    finally:
        await engine.dispose()


def worker_env(url: str, graph_url: str, state_dir: Path, lease: float) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIJKWIJZER_")}
    env.update({
        "WIJKWIJZER_DATABASE_URL": url, "WIJKWIJZER_STATE_DIR": str(state_dir),
        "WIJKWIJZER_PSEUDONYM_SECRET": "fault-test",
        "WIJKWIJZER_WHATSAPP_ACCESS_TOKEN": "token", "WIJKWIJZER_WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "WIJKWIJZER_WHATSAPP_GRAPH_URL": graph_url, "WIJKWIJZER_WHATSAPP_OUTBOX_RATE": "1000000",
        "WIJKWIJZER_WHATSAPP_RECIPIENT_INTERVAL": "0", "WIJKWIJZER_OUTBOX_LEASE_SECONDS": str(lease),
        "WIJKWIJZER_OUTBOX_BACKOFF_BASE": "0.05", "WIJKWIJZER_OUTBOX_MAX_ATTEMPTS": "100",
    })
    return env


def start_worker(env: dict[str, str], batch: int = 50) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "wijkwijzer.app.cli", "outbox", "work", "--batch", str(batch)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@dataclass
class RunResult:
    recipients: int
    kills: int
    accepted: Counter[str]
    refused: int
    seconds: float

    @property
    def lost(self) -> int:
        return sum(1 for i in range(self.recipients) if self.accepted[number(i)] == 0)

    @property
    def duplicates(self) -> int:
        return sum(n - 1 for n in self.accepted.values() if n > 1)


async def run_with_kills(url: str, graph: FlakyGraph, state_dir: Path, *, recipients: int, workers: int,
                         kills: int, kill_every: float = 0.6, lease: float = 2.0, timeout: float = 240.0) -> RunResult:
    await prepare(url, recipients)
    env = worker_env(url, graph.url, state_dir, lease)
    started = time.monotonic()
    procs = [start_worker(env) for _ in range(workers)]
    killer = random.Random(11)
    done_kills = 0
    try:
        while done_kills < kills:
            await asyncio.sleep(kill_every * (0.5 + killer.random()))
            victim = killer.randrange(workers)
            procs[victim].send_signal(signal.SIGKILL)
            procs[victim].wait()
            done_kills += 1
            procs[victim] = start_worker(env)
        while time.monotonic() - started < timeout:
            counts = await remaining(url)
            if not counts["pending"] and not counts["sending"]:
                break
            await asyncio.sleep(0.3)
        else:
            raise AssertionError(f"outbox not drained after {timeout}s: {dict(await remaining(url))}")
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return RunResult(recipients, done_kills, graph.accepted, graph.refused, time.monotonic() - started)


async def fresh_postgres_database() -> tuple[str, str]:
    """A new, empty database on the test server (workers in other processes need a URL)."""
    name = f"ww_fault_{uuid.uuid4().hex[:10]}"
    await _as_admin(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    return f"{base}/{name}", name


async def drop_postgres_database(name: str) -> None:
    await _as_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _as_admin(statement: str) -> None:
    """CREATE/DROP DATABASE cannot run in a transaction: autocommit on the admin database."""
    admin = create_async_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await admin.dispose()
