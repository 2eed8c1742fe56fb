"""inbound: the WhatsApp messages a process has acknowledged, worked off durably and in bounds.

- **Durable** (store/inbound.py): the webhook records every new message as ``received`` before
  it answers 200; a turn's replies are stored with the row before they are sent, and each reply
  sent is counted. A process that dies leaves its rows leased; when the lease runs out, any live
  process's sweep takes them and goes on where the dead one stopped (the turn again for a
  ``received`` row, the rest of the replies for a ``replying`` one).
- **Bounded:** at most ``slots`` turns run at once in a process (Teams turns share them), and
  WhatsApp's queues use at most half of them: a Teams turn, which holds the Bot Connector's
  request open, never waits behind a whole delivery. Every sender has a queue, so one sender's
  messages are answered in order, one at a time, while other senders go ahead. The
  acknowledgement never waits for a turn.
- **Timeouts:** the sends of one answer together take at most ``reply_timeout`` seconds. When the
  Graph API hangs or keeps failing, the row is given back with a later due time and the sender's
  next message goes ahead; the sweep tries the given-back one again.

Each reply carries ``biz_opaque_callback_data`` (the keyed hash of the inbound message id and the
reply's number), which Meta echoes in its status webhooks: a delivery report can be tied to the
message it answered without storing Meta's ids or the number.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from wijkwijzer.adapters.whatsapp.graph import GraphClient
from wijkwijzer.adapters.whatsapp.parse import Inbound
from wijkwijzer.store.inbound import MAX_ATTEMPTS, InboundWork, NewInbound, Taken

log = logging.getLogger(__name__)

RETRY_DELAY = timedelta(seconds=5)
"""First wait before an answer that could not be sent is tried again; doubled per attempt."""
LONGEST_RETRY_DELAY = timedelta(minutes=5)


def worker_name() -> str:
    """Who holds a lease: host, process and a random part (a restarted process is someone else)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def payload_of(message: Inbound, seq: int) -> dict[str, Any]:
    """What a turn needs of a message, to store sealed until it is answered."""
    return {"from": message.sender, "kind": message.kind, "text": message.text, "seq": seq,
            "ts": message.timestamp.isoformat() if message.timestamp else None, "new": message.new_address}


def message_of(message_id: str, payload: dict[str, Any]) -> Inbound:
    stamp = payload.get("ts")
    return Inbound(message_id, payload["from"], payload["kind"], payload.get("text") or "",
                   datetime.fromisoformat(stamp) if stamp else None, payload.get("new"))


@dataclass
class _Item:
    """One message in a sender's queue; ``taken`` when the row's state is known (from the sweep)."""

    message: Inbound
    held_until: float
    taken: Taken | None = None


@dataclass
class InboundTurns:
    """The per-process side of durable inbound work (module docs)."""

    work: InboundWork
    client: GraphClient
    turn: Callable[[Inbound, bool], Awaitable[list[dict[str, Any]]]]
    who: Callable[[str], str]
    slots: asyncio.Semaphore
    slots_total: int
    lease: timedelta = timedelta(seconds=60)
    reply_timeout: float = 10.0
    sweep_seconds: float = 5.0
    sweep_batch: int = 64
    worker: str = field(default_factory=worker_name)
    _queues: dict[str, deque[_Item]] = field(default_factory=dict)
    _queued: set[str] = field(default_factory=set)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _lanes: asyncio.Semaphore | None = None

    def lanes(self) -> asyncio.Semaphore:
        """How many senders are worked on at once: half the turn slots (at least one), so a turn
        that waits in an HTTP request (Teams) finds a free slot behind at most that many."""
        if self._lanes is None:
            self._lanes = asyncio.Semaphore(max(1, self.slots_total // 2))
        return self._lanes

    # --- from the webhook ------------------------------------------------------------------------

    async def receive(self, messages: list[Inbound], pseudonym: Callable[[str], str]) -> list[Inbound]:
        """Record the messages (their ids claimed, the new ones ``received`` and held by this
        process); returns the new ones, each id once, and queues them. Raises on a database error
        (the webhook then answers 503 and Meta delivers again)."""
        rows = [NewInbound(m.message_id, pseudonym(m.sender), payload_of(m, seq)) for seq, m in enumerate(messages)]
        fresh = set(await self.work.receive(rows, self.worker, self.lease))
        held_until = self._loop_time() + self.lease.total_seconds()
        kept: list[Inbound] = []
        for message in messages:
            if message.message_id in fresh:
                fresh.discard(message.message_id)
                kept.append(message)
                self._submit(_Item(message, held_until))
        return kept

    # --- the queues ------------------------------------------------------------------------------

    def _submit(self, item: _Item) -> None:
        if item.message.message_id in self._queued:
            return
        self._queued.add(item.message.message_id)
        sender = item.message.sender
        queue = self._queues.get(sender)
        if queue is not None:
            queue.append(item)
            return
        self._queues[sender] = deque([item])
        task = asyncio.create_task(self._drain_sender(sender))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def backlog(self) -> int:
        """Messages queued or being answered in this process."""
        return len(self._queued)

    async def _drain_sender(self, sender: str) -> None:
        queue = self._queues[sender]
        previous_kind = ""
        try:
            while queue:
                item = queue[0]
                try:
                    async with self.lanes():
                        await self._answer(item, repeat_unsupported=previous_kind != "unsupported")
                except Exception as error:  # the row stays leased; the sweep takes it again after the lease
                    log.error("whatsapp message not handled: %s", type(error).__name__, exc_info=error)
                previous_kind = item.message.kind
                queue.popleft()
                self._queued.discard(item.message.message_id)
        finally:
            if self._queues.get(sender) is queue and not queue:
                del self._queues[sender]

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queued message is done; False when ``timeout`` passed first."""
        while self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
            if pending:
                return False
        return True

    # --- one message -----------------------------------------------------------------------------

    async def _answer(self, item: _Item, repeat_unsupported: bool) -> None:
        message_id = item.message.message_id
        taken = item.taken
        if taken is not None and taken.attempts > MAX_ATTEMPTS:
            log.warning("whatsapp: a message failed %d times; given up", taken.attempts - 1)
            await self.work.give_up(message_id, self.worker)
            return
        if taken is not None and taken.state == "replying":
            await self._send(item.message, taken.replies, taken.sent, taken.attempts)
            return
        async with self.slots:
            # a lease that aged in line is renewed (no attempt was made yet); a message someone
            # else holds now, or answered meanwhile, is left to them
            aged = self._loop_time() > item.held_until - self.lease.total_seconds() / 2
            if aged and await self.work.take(message_id, self.worker, self.lease, attempt=False) is None:
                return
            replies = await self.turn(item.message, repeat_unsupported)
        if not replies:
            await self.work.answered(message_id, self.worker)
            return
        if not await self.work.replying(message_id, self.worker, replies):
            if await self.work.recorded(message_id):
                log.warning("whatsapp: a message was taken over during its turn; its answer is left to the new holder")
                return
            # the row is gone: the person asked to be forgotten in this very turn; say that it was done
            log.info("whatsapp: message row gone during its turn (erased); replies sent without a record")
            await self._send_untracked(item.message, replies)
            return
        await self._send(item.message, replies, 0, taken.attempts if taken else 1)

    async def _send(self, message: Inbound, replies: list[dict[str, Any]], start: int, attempts: int) -> None:
        deadline = self._loop_time() + self.reply_timeout
        for number in range(start, len(replies)):
            outcome = await self._send_one(message, replies[number], number, deadline)
            if outcome in ("gave_up", "timeout"):
                delay = min(RETRY_DELAY * 2 ** max(attempts - 1, 0), LONGEST_RETRY_DELAY)
                log.warning("whatsapp answer not sent (%s); tried again in %.0fs", outcome, delay.total_seconds())
                await self.work.retry(message.message_id, self.worker, delay)
                return
            # sent, or refused for good (e.g. the 24-hour window closed): either way not again
            if number + 1 < len(replies):
                await self.work.progress(message.message_id, self.worker, number + 1)
        await self.work.answered(message.message_id, self.worker)

    async def _send_one(self, message: Inbound, reply: dict[str, Any], number: int, deadline: float) -> str:
        tagged = {**reply, "biz_opaque_callback_data": f"{message.message_id}:{number}"}
        try:
            async with asyncio.timeout_at(deadline):
                result = await self.client.send(message.sender, tagged, who=self.who(message.sender))
        except TimeoutError:
            return "timeout"
        return result.outcome

    async def _send_untracked(self, message: Inbound, replies: list[dict[str, Any]]) -> None:
        deadline = self._loop_time() + self.reply_timeout
        for number, reply in enumerate(replies):
            if await self._send_one(message, reply, number, deadline) == "timeout":
                return

    # --- the sweep: what dead processes left, and retries that are due ---------------------------

    async def sweep(self) -> int:
        """Take open rows nobody holds and queue them; how many. Skipped while this process has
        a backlog of its own (another process, or a later sweep, takes them then)."""
        room = self.sweep_batch - self.backlog
        if room <= 0:
            return 0
        taken = await self.work.claim_abandoned(self.worker, self.lease, room, waiting=self._queued)
        held_until = self._loop_time() + self.lease.total_seconds()
        for row in taken:
            if row.payload is None:
                continue
            self._submit(_Item(message_of(row.message_id, row.payload), held_until, row))
        return len(taken)

    async def sweep_until(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                found = await self.sweep()
                if found:
                    log.info("whatsapp: took %d unanswered message(s) to answer", found)
            except Exception as error:  # noqa: BLE001 - the next sweep tries again
                log.warning("whatsapp: sweep failed (%s)", type(error).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.sweep_seconds)

    @staticmethod
    def _loop_time() -> float:
        return asyncio.get_running_loop().time()
