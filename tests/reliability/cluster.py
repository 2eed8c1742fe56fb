"""Real ``wijkwijzer serve`` processes on one database (a SQLite file or a fresh PostgreSQL
database), with the recording fakes of tests/adapters as Graph API and Bot Connector: what the
reliability tests of issue 16 run against. Servers are killed by pid (SIGKILL) where a test asks."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import func, insert, select

from tests.adapters.fake_graph import FakeGraph, GraphRequest
from tests.adapters.fakes import FakeConnector
from tests.outbox.fault import drop_postgres_database, fresh_postgres_database
from wijkwijzer.adapters.whatsapp.parse import message_key
from wijkwijzer.store.database import create_engine, dispose, migrate
from wijkwijzer.store.schema import inbound_work, users
from wijkwijzer.store.signals import pseudonymize

ROOT = Path(__file__).resolve().parents[2]
PHONE_NUMBER_ID = "106540352242922"
APP_SECRET = "reliability-app-secret"
SECRET = "reliability-pseudonym-secret-0123456789"
APOLOGY = "Sorry, er ging iets mis"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def key_of(wamid: str) -> str:
    """What the server stores of a message id, and puts in the replies' biz_opaque_callback_data."""
    return message_key(wamid, lambda value: pseudonymize(value, SECRET))


def number(i: int) -> str:
    return f"3162{i:07d}"


def whatsapp_delivery(messages: list[tuple[str, str, str]]) -> dict[str, Any]:
    """One webhook delivery of ``(sender, wamid, text)`` messages, as Meta sends it."""
    stamp = str(int(time.time()))
    return {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
        "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550783881", "phone_number_id": PHONE_NUMBER_ID},
            "contacts": [{"profile": {"name": "IB"}, "wa_id": sender} for sender in dict.fromkeys(m[0] for m in messages)],
            "messages": [{"from": sender, "id": wamid, "timestamp": stamp, "type": "text", "text": {"body": text}}
                         for sender, wamid, text in messages]}}]}]}


def whatsapp_statuses(replies: list[GraphRequest]) -> dict[str, Any]:
    """One status webhook saying ``sent`` for each accepted reply, echoing its
    biz_opaque_callback_data, as Meta sends it within seconds of the acceptance."""
    stamp = str(int(time.time()))
    return {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
        "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550783881", "phone_number_id": PHONE_NUMBER_ID},
            "statuses": [{"id": f"wamid.SENT{uuid.uuid4().hex[:20]}", "status": "sent", "timestamp": stamp,
                          "recipient_id": reply.body.get("to"),
                          "biz_opaque_callback_data": reply.body.get("biz_opaque_callback_data")}
                         for reply in replies]}}]}]}


def teams_message(text: str, service_url: str, conversation_id: str) -> dict[str, Any]:
    """A Teams message as the Bot Connector posts it, in one personal conversation."""
    return {"type": "message", "id": f"in-{uuid.uuid4().hex[:12]}", "channelId": "msteams",
            "serviceUrl": service_url, "timestamp": datetime.now(UTC).isoformat(), "locale": "nl-NL",
            "from": {"id": "29:pair-user", "name": "IB", "aadObjectId": "aad-pair-user"},
            "recipient": {"id": "28:bot", "name": "Wijkwijzer"},
            "conversation": {"id": conversation_id, "conversationType": "personal", "tenantId": "tenant-1"},
            "channelData": {"tenant": {"id": "tenant-1"}}, "text": text}


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """kill -9 by pid: no shutdown, no drain, whatever is in flight is left as it is."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@dataclass
class Cluster:
    url: str
    tmp: Path
    graph: FakeGraph
    connector: FakeConnector
    session: aiohttp.ClientSession
    env: dict[str, str]
    servers: list[Server] = field(default_factory=list)

    async def start(self, count: int = 2) -> None:
        for _ in range(count):
            self.servers.append(self._spawn())
        await asyncio.gather(*(self.ready(server) for server in self.servers))

    def _spawn(self) -> Server:
        port = free_port()
        log = self.tmp / f"serve-{port}.log"
        handle = log.open("wb")
        process = subprocess.Popen([sys.executable, "-m", "wijkwijzer.app.cli", "serve", "--port", str(port)],
                                   env=self.env, cwd=self.tmp, stdout=handle, stderr=subprocess.STDOUT)
        handle.close()
        return Server(port, process, log)

    async def ready(self, server: Server, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            assert server.process.poll() is None, server.log_text()[-3000:]
            try:
                async with self.session.get(f"{server.url}/readyz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            assert time.monotonic() < deadline, server.log_text()[-3000:]
            await asyncio.sleep(0.2)

    async def post_whatsapp(self, server: Server, payload: dict[str, Any]) -> int:
        """Deliver a signed webhook; the status, or 0 when the server did not answer (dead)."""
        raw = json.dumps(payload).encode()
        signature = "sha256=" + hmac.new(APP_SECRET.encode(), raw, hashlib.sha256).hexdigest()
        try:
            async with self.session.post(f"{server.url}/api/whatsapp", data=raw, headers={
                    "Content-Type": "application/json", "X-Hub-Signature-256": signature}) as response:
                return response.status
        except aiohttp.ClientError:
            return 0

    async def post_teams(self, server: Server, activity: dict[str, Any]) -> int:
        async with self.session.post(f"{server.url}/api/messages", json=activity) as response:
            await response.read()
            return response.status

    async def register_whatsapp(self, numbers: list[str]) -> None:
        """Registered IB'ers (only they get contact details), as fault.py adds them."""
        engine = create_engine(self.url)
        try:
            now = datetime.now(UTC)
            async with engine.begin() as conn:
                await conn.execute(insert(users), [{
                    "user_id": pseudonymize(n, SECRET), "channel": "whatsapp", "address": n, "role": "ib",
                    "registered_at": now, "registered_via": "reliability test", "onboarded": True,
                    "last_seen_at": now} for n in numbers])
        finally:
            await dispose(engine)

    async def open_work(self) -> int:
        """Inbound WhatsApp messages not answered (nor given up) yet."""
        engine = create_engine(self.url)
        try:
            async with engine.connect() as conn:
                return int((await conn.execute(select(func.count()).select_from(inbound_work).where(
                    inbound_work.c.state.in_(("received", "replying"))))).scalar_one())
        finally:
            await dispose(engine)

    async def work_states(self, message_ids: list[str]) -> dict[str, tuple[str, int, int]]:
        """(state, attempts, replies sent) of the inbound rows of ``message_ids`` that still exist
        (an answered row is kept without its content until retention): why a message went unanswered."""
        engine = create_engine(self.url)
        try:
            async with engine.connect() as conn:
                rows = await conn.execute(select(inbound_work.c.message_id, inbound_work.c.state, inbound_work.c.attempts,
                                                 inbound_work.c.sent).where(inbound_work.c.message_id.in_(message_ids)))
                return {row.message_id[:12]: (row.state, row.attempts, row.sent) for row in rows}
        finally:
            await dispose(engine)

    def logs(self) -> str:
        return "\n".join(server.log_text() for server in self.servers)


@asynccontextmanager
async def cluster(kind: str, tmp: Path, **env: str) -> AsyncIterator[Cluster]:
    """A migrated database of ``kind`` (``sqlite`` or ``postgres``), the fakes, and no server yet."""
    if kind == "postgres":
        url, name = await fresh_postgres_database()
    else:
        url, name = f"sqlite:///{tmp / 'reliability.sqlite'}", ""
    graph, connector = FakeGraph(), FakeConnector()
    await graph.start()
    await connector.start()
    await migrate(url)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("WIJKWIJZER_")}
    environment.update({
        "PYTHONPATH": str(ROOT), "WIJKWIJZER_DATABASE_URL": url, "WIJKWIJZER_STATE_DIR": str(tmp),
        "WIJKWIJZER_PSEUDONYM_SECRET": SECRET, "WIJKWIJZER_TEAMS_ANONYMOUS": "true",
        "WIJKWIJZER_OUTBOX_WORKER": "false", "WIJKWIJZER_WHATSAPP_APP_SECRET": APP_SECRET,
        "WIJKWIJZER_WHATSAPP_VERIFY_TOKEN": "verify", "WIJKWIJZER_WHATSAPP_ACCESS_TOKEN": "token",
        "WIJKWIJZER_WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID, "WIJKWIJZER_WHATSAPP_GRAPH_URL": graph.url,
        "WIJKWIJZER_WHATSAPP_BACKOFF_BASE": "0.05", "WIJKWIJZER_MAX_BODY_BYTES": str(4 * 1024 * 1024),
        "WIJKWIJZER_INBOUND_LEASE_SECONDS": "3", "WIJKWIJZER_INBOUND_SWEEP_SECONDS": "0.5", **env,
    })
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
    found = Cluster(url, tmp, graph, connector, session, environment)
    try:
        yield found
    finally:
        for server in found.servers:
            server.stop()
        await session.close()
        await graph.stop()
        await connector.stop()
        if name:
            await drop_postgres_database(name)
