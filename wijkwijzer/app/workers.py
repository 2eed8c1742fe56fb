"""The delivery worker: takes due rows from the outbox and sends them through their channel.

One send is in flight per worker at a time, and its result is recorded right after the channel
answered (``store/outbox.py`` explains why that bounds duplicates to one per crash). Rate
limits: each channel's sender names a throughput (messages per second, per worker process) and
a minimum interval between two messages to the same person; a row that would break the latter
goes back to the queue for a moment without counting as an attempt.

Failures: a permanent one (number not on WhatsApp, Teams app removed) is recorded and never
retried; a transient one (429, 5xx, network) is retried with exponential backoff and jitter,
honouring Retry-After, up to ``max_attempts``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from wijkwijzer.core.delivery import ChannelSender, Outcome, jittered_backoff
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.store.outbox import Announcement, Claimed, Outbox

log = logging.getLogger(__name__)


class RateLimiter:
    """At most ``rate`` acquisitions per second (token bucket, burst of one second's worth)."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.clock = clock
        self.tokens = max(rate, 1.0)
        self.updated = clock()

    async def acquire(self) -> None:
        if self.rate <= 0:
            return
        while True:
            now = self.clock()
            self.tokens = min(max(self.rate, 1.0), self.tokens + (now - self.updated) * self.rate)
            self.updated = now
            if self.tokens >= 1:
                self.tokens -= 1
                return
            await asyncio.sleep((1 - self.tokens) / self.rate)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{random.getrandbits(32):08x}"[:80]


@dataclass
class WorkerSettings:
    batch: int = 50
    lease: timedelta = timedelta(seconds=60)
    idle_wait: float = 1.0
    max_attempts: int = 8
    backoff_base: float = 2.0
    backoff_max: float = 600.0


class DeliveryWorker:
    def __init__(self, outbox: Outbox, senders: dict[str, ChannelSender], *, settings: WorkerSettings | None = None,
                 metrics: Metrics | None = None, name: str | None = None) -> None:
        self.outbox = outbox
        self.senders = senders
        self.settings = settings or WorkerSettings()
        self.metrics = metrics
        self.name = name or worker_name()
        self.limiters = {channel: RateLimiter(s.rate_per_second) for channel, s in senders.items()}
        self.last_sent: dict[int, float] = {}
        self._announcements: dict[int, Announcement] = {}

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; waits ``idle_wait`` seconds when nothing is due."""
        log.info("delivery worker %s started (channels: %s)", self.name, ", ".join(sorted(self.senders)) or "geen")
        while not stop.is_set():
            try:
                handled = await self.run_once(stop)
            except Exception as error:  # a database hiccup must not end the worker
                log.error("delivery worker: batch failed (%s)", type(error).__name__, exc_info=error)
                handled = 0
            if not handled:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.settings.idle_wait)
        log.info("delivery worker %s stopped", self.name)

    async def run_once(self, stop: asyncio.Event | None = None) -> int:
        """Claim one batch and handle it; returns how many rows were claimed."""
        started = time.monotonic()
        rows = await self.outbox.claim(self.name, self.settings.batch, self.settings.lease)
        if not rows:
            return 0
        await self._load_announcements(rows)
        deadline = started + self.settings.lease.total_seconds() * 0.8
        for index, row in enumerate(rows):
            if (stop is not None and stop.is_set()) or time.monotonic() > deadline:
                await self.outbox.release(rows[index:], self.name)
                break
            await self._handle(row)
        return len(rows)

    async def drain(self) -> None:
        """Deliver until nothing is due (rows waiting for a retry later are left)."""
        while await self.run_once():
            pass

    async def close(self) -> None:
        for sender in self.senders.values():
            await sender.close()

    async def _load_announcements(self, rows: list[Claimed]) -> None:
        missing = {row.announcement_id for row in rows} - set(self._announcements)
        if missing:
            self._announcements.update(await self.outbox.announcements_by_id(sorted(missing)))

    async def _handle(self, row: Claimed) -> None:
        announcement = self._announcements.get(row.announcement_id)
        sender = self.senders.get(row.channel)
        if announcement is None or row.user_id is None:
            await self._record_failure(row, "ontvanger of aankondiging bestaat niet meer")
            return
        if sender is None:
            await self._record_failure(row, f"kanaal {row.channel} is niet ingesteld")
            return
        wait = self._too_soon(row, sender)
        if wait:
            await self.outbox.postpone(row, self.name, timedelta(seconds=wait))
            return
        await self.limiters[row.channel].acquire()
        try:
            outcome = await sender.deliver(row, announcement)
        except Exception as error:  # an unexpected sender error counts as transient
            log.error("delivery: sender raised %s", type(error).__name__, exc_info=error)
            outcome = Outcome("transient", error=type(error).__name__)
        self.last_sent[row.user_ref] = time.monotonic()
        await self._record(row, outcome)

    def _too_soon(self, row: Claimed, sender: ChannelSender) -> float:
        last = self.last_sent.get(row.user_ref)
        if last is None:
            return 0.0
        return max(0.0, sender.per_recipient_interval - (time.monotonic() - last))

    async def _record(self, row: Claimed, outcome: Outcome) -> None:
        if outcome.kind == "sent":
            recorded = await self.outbox.sent(row, self.name, outcome.provider_message_id, outcome.via)
            self._count(row.channel, "ok")
        elif outcome.kind == "permanent":
            recorded = await self._record_failure(row, outcome.error)
        elif row.attempts >= self.settings.max_attempts:
            recorded = await self._record_failure(row, f"opgegeven na {row.attempts} pogingen: {outcome.error}")
        else:
            self._count(row.channel, "retry")
            recorded = await self.outbox.retry(row, self.name, outcome.error, self._backoff(row.attempts,
                                                                                              outcome.retry_after))
        if not recorded:
            log.warning("delivery: row %d was taken over by another worker before it was recorded", row.id)

    async def _record_failure(self, row: Claimed, error: str) -> bool:
        self._count(row.channel, "failed")
        log.warning("delivery failed for row %d: %s", row.id, error)
        return await self.outbox.failed(row, self.name, error)

    def _backoff(self, attempts: int, retry_after: float | None) -> timedelta:
        delay = jittered_backoff(attempts, self.settings.backoff_base, self.settings.backoff_max)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.settings.backoff_max))
        return timedelta(seconds=delay)

    def _count(self, channel: str, outcome: str) -> None:
        if self.metrics is not None:
            self.metrics.sent(f"{channel}-outbox", outcome)
