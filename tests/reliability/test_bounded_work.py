"""Issue 16, defects 4 and the hung Graph API: a bounded number of turns per process, the
acknowledgement and the health checks never wait for turns, and a hung upstream holds a turn
seconds, not a minute, without blocking the same sender's later messages. Real ``serve``
processes over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.conftest import require_postgres

from .cluster import Cluster, cluster, key_of, number, teams_message, whatsapp_delivery

BIG = 1000
SENDERS = 250


async def latency(c: Cluster, url: str) -> float:
    started = time.perf_counter()
    async with c.session.get(url) as response:
        await response.read()
        assert response.status == 200, url
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def spread(values: list[float]) -> str:
    shares = [percentile(values, share) for share in (0.5, 0.95, 0.99)] + [max(values)]
    return "/".join(f"{value * 1000:.0f}" for value in shares)


async def answered_keys(c: Cluster) -> set[str]:
    return {tag.split(":")[0] for tag in c.graph.per_tag()}


async def big_delivery(kind: str, tmp_path) -> None:
    async with cluster(kind, tmp_path, WIJKWIJZER_MAX_TURNS="8") as c:
        senders = [number(s) for s in range(SENDERS)]
        await c.register_whatsapp(senders)
        await c.start(1)
        [server] = c.servers
        messages = [(senders[i % SENDERS], f"wamid.BIG{i:05d}", "smw ypenburg") for i in range(BIG)]
        keys = {key_of(wamid) for _, wamid, _ in messages}
        # a server that has answered before: the first turn of a process builds caches (~0.7 s)
        assert await c.post_whatsapp(server, whatsapp_delivery([(senders[0], "wamid.WARM", "smw ypenburg")])) == 200
        while key_of("wamid.WARM") not in await answered_keys(c):
            await asyncio.sleep(0.05)

        started = time.perf_counter()
        assert await c.post_whatsapp(server, whatsapp_delivery(messages)) == 200
        acknowledged = time.perf_counter() - started
        health: list[float] = []
        ready: list[float] = []
        teams: list[float] = []
        while keys - await answered_keys(c) and time.perf_counter() - started < 180:
            health.append(await latency(c, server.url + "/healthz"))
            ready.append(await latency(c, server.url + "/readyz"))
            if len(teams) < 5 and len(health) % 10 == 0:
                begun = time.perf_counter()
                activity = teams_message("smw ypenburg", c.connector.url, f"a:busy-{len(teams)}")
                assert await c.post_teams(server, activity) in (200, 201, 202)
                teams.append(time.perf_counter() - begun)
            await asyncio.sleep(0.02)
        worked_off = time.perf_counter() - started
        missing = keys - await answered_keys(c)
        print(f"\n{kind}: {BIG} messages from {SENDERS} senders in one delivery: acknowledged in "
              f"{acknowledged * 1000:.0f} ms, worked off in {worked_off:.1f}s; during it {len(health)} checks: "
              f"/healthz p50/p95/p99/max {spread(health)} ms, /readyz {spread(ready)} ms; "
              f"Teams turns max {max(teams, default=0) * 1000:.0f} ms")
        assert not missing
        assert len(health) >= 10, "the delivery was worked off before it could be measured"
        # under 100 ms; the machine (2 cores) is shared with other test runs (load average up to 8),
        # so the slowest 5 % may have waited for a core rather than for the server: those are held
        # to a second. Before the bound on turns, every check during such a delivery took seconds.
        for checks in (health, ready):
            assert percentile(checks, 0.95) < 0.1 and max(checks) < 1.0
        assert acknowledged < 1.0
        assert max(teams) < 2.0


async def hung_graph(kind: str, tmp_path) -> None:
    async with cluster(kind, tmp_path, WIJKWIJZER_REPLY_TIMEOUT_SECONDS="1") as c:
        sender = number(7)
        await c.register_whatsapp([sender])
        await c.start(1)
        [server] = c.servers
        c.graph.hang = True
        started = time.perf_counter()
        assert await c.post_whatsapp(server, whatsapp_delivery([(sender, "wamid.HUNG1", "smw ypenburg")])) == 200
        while await c.open_work() and c.graph.hung == 0:
            await asyncio.sleep(0.05)
        # the answer's sends give up after the reply timeout; the message stays open, to be tried again
        await asyncio.sleep(1.5)
        assert await c.open_work() == 1
        assert c.graph.per_tag() == {}
        c.graph.hang = False
        second = time.perf_counter()
        assert await c.post_whatsapp(server, whatsapp_delivery([(sender, "wamid.HUNG2", "smw scheveningen")])) == 200
        while key_of("wamid.HUNG2") not in await answered_keys(c):
            assert time.perf_counter() - second < 3, "the sender's next message waited for the hung one"
            await asyncio.sleep(0.05)
        later = time.perf_counter() - second
        while key_of("wamid.HUNG1") not in await answered_keys(c):
            assert time.perf_counter() - started < 40, "the hung message was never answered"
            await asyncio.sleep(0.1)
        retried = time.perf_counter() - started
        print(f"\n{kind}: Graph API hung: the answer gave up after the 1 s reply timeout, the same sender's next "
              f"message was answered {later * 1000:.0f} ms after it came, the hung one {retried:.1f}s after it came")
        assert {tag: n for tag, n in c.graph.per_tag().items() if n > 1} == {}
        assert await c.open_work() == 0


async def test_a_delivery_of_1000_messages_keeps_health_checks_fast_on_sqlite(tmp_path):
    await big_delivery("sqlite", tmp_path)


@pytest.mark.postgres
async def test_a_delivery_of_1000_messages_keeps_health_checks_fast_on_postgres(tmp_path):
    await require_postgres()
    await big_delivery("postgres", tmp_path)


async def test_a_hung_graph_api_holds_an_answer_seconds_and_blocks_nothing_on_sqlite(tmp_path):
    await hung_graph("sqlite", tmp_path)


@pytest.mark.postgres
async def test_a_hung_graph_api_holds_an_answer_seconds_and_blocks_nothing_on_postgres(tmp_path):
    await require_postgres()
    await hung_graph("postgres", tmp_path)
