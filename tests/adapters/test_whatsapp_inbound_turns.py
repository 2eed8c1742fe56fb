"""The per-process side of durable inbound work (adapters/whatsapp/inbound.py), driven directly:
a message that waits in its sender's line longer than its lease, while this process's sweep runs,
is answered once and not given up (seen as 'failed' after 9 attempts in the kill -9 test)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from wijkwijzer.adapters.whatsapp.graph import SendResult
from wijkwijzer.adapters.whatsapp.inbound import InboundTurns
from wijkwijzer.adapters.whatsapp.parse import Inbound
from wijkwijzer.store.addresses import AddressCipher
from wijkwijzer.store.inbound import MAX_ATTEMPTS, InboundWork
from wijkwijzer.store.schema import inbound_work

LEASE = timedelta(seconds=0.2)


class RecordingGraph:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, to: str, payload: dict[str, Any], who: str = "") -> SendResult:
        self.sent.append(payload["biz_opaque_callback_data"])
        return SendResult("ok", message_id="wamid.x")


async def test_a_message_that_waits_past_its_lease_while_the_sweep_runs_is_answered_once(engine):
    release = asyncio.Event()

    async def turn(message: Inbound, repeat_unsupported: bool) -> list[dict[str, Any]]:
        if message.message_id == "m1":
            await release.wait()  # a slow first turn: m2 waits in the sender's line behind it
        return [{"type": "text", "text": {"body": f"antwoord op {message.message_id}"}}]

    graph = RecordingGraph()
    turns = InboundTurns(work=InboundWork(engine, AddressCipher("test-key")), client=graph,  # type: ignore[arg-type]
                         turn=turn, who=lambda sender: "p", slots=asyncio.Semaphore(4), slots_total=4, lease=LEASE)
    messages = [Inbound(f"m{n}", "31612345678", "text", "smw ypenburg") for n in (1, 2)]
    assert await turns.receive(messages, lambda number: "pseudonym") == messages
    for _ in range(3 * MAX_ATTEMPTS):  # sweeps every 0.1 s: the lease runs out a dozen times
        await asyncio.sleep(0.1)
        await turns.sweep()
    release.set()
    assert await turns.drain(timeout=10)
    async with engine.connect() as conn:
        states = dict((await conn.execute(select(inbound_work.c.message_id, inbound_work.c.state))).all())
    assert states == {"m1": "answered", "m2": "answered"}
    assert sorted(graph.sent) == ["m1:0", "m2:0"]


async def test_a_message_taken_over_during_its_slow_turn_is_left_to_the_new_holder(engine):
    release = asyncio.Event()

    async def turn(message: Inbound, repeat_unsupported: bool) -> list[dict[str, Any]]:
        await release.wait()
        return [{"type": "text", "text": {"body": "antwoord"}}]

    graph = RecordingGraph()
    work = InboundWork(engine, AddressCipher("test-key"))
    turns = InboundTurns(work=work, client=graph, turn=turn, who=lambda sender: "p",  # type: ignore[arg-type]
                         slots=asyncio.Semaphore(4), slots_total=4, lease=LEASE)
    await turns.receive([Inbound("m1", "31612345678", "text", "smw ypenburg")], lambda number: "pseudonym")
    await asyncio.sleep(LEASE.total_seconds() * 2)
    assert [t.message_id for t in await work.claim_abandoned("other", timedelta(minutes=1), 10)] == ["m1"]
    release.set()
    assert await turns.drain(timeout=10)
    assert graph.sent == []  # the other process answers it; never twice
    async with engine.connect() as conn:
        row = (await conn.execute(select(inbound_work.c.state, inbound_work.c.claimed_by))).one()
    assert tuple(row) == ("received", "other")
