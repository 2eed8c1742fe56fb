"""The operations gauges of ``/metrics``: outbox backlog, the oldest undelivered announcement,
the knowledge base's age and its stale contacts.

They are read when ``/metrics`` is read (two small queries), at most once per
``REFRESH_SECONDS`` per process, so a client polling ``/metrics`` fast does not load the database.
A failed read keeps the previous values and is logged; the counters are served regardless.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from wijkwijzer.core.metrics import Metrics
from wijkwijzer.knowledge.loader import KnowledgeBase, KnowledgeBaseHolder
from wijkwijzer.store.kb_versions import KnowledgeVersions
from wijkwijzer.store.outbox import Outbox

log = logging.getLogger(__name__)

REFRESH_SECONDS = 5.0
READ_TIMEOUT_SECONDS = 2.0


class OperationsGauges:
    """Sets the gauges of ``metrics`` from the outbox, the published versions and the knowledge base."""

    def __init__(self, metrics: Metrics, outbox: Outbox, versions: KnowledgeVersions, kb: KnowledgeBaseHolder,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.metrics = metrics
        self.outbox = outbox
        self.versions = versions
        self.kb = kb
        self.clock = clock
        self.min_interval = REFRESH_SECONDS
        self._refreshed: float | None = None
        self._stale: tuple[KnowledgeBase, date, int] | None = None
        self._lock = asyncio.Lock()

    async def refresh(self) -> None:
        async with self._lock:
            if self._refreshed is not None and time.monotonic() - self._refreshed < self.min_interval:
                return
            try:
                async with asyncio.timeout(READ_TIMEOUT_SECONDS):
                    await self._read()
            except Exception as error:  # noqa: BLE001 - the counters are served without fresh gauges
                log.warning("metrics: operations gauges not refreshed (%s)", type(error).__name__)
                return
            self._refreshed = time.monotonic()

    async def _read(self) -> None:
        now = self.clock()
        backlog, oldest = await self.outbox.backlog()
        self.metrics.outbox_backlog.set(backlog)
        self.metrics.outbox_oldest.set(max(0.0, (now - oldest).total_seconds()) if oldest else 0.0)
        made = await self._kb_made()
        self.metrics.kb_age.set(max(0.0, (now - made).total_seconds()) if made else 0.0)
        self.metrics.kb_stale.set(self._stale_contacts(now.date()))

    async def _kb_made(self) -> datetime | None:
        """When the served knowledge base was made: the upload of the live version, else the
        newest file of the configured directory."""
        if self.kb.version is not None:
            return await self.versions.uploaded_at(self.kb.version)
        return newest_file(self.kb.directory)

    def _stale_contacts(self, today: date) -> int:
        """The count the console's Kennisbank page lists (``KnowledgeBase.stale_contacts``), once per snapshot and day."""
        kb = self.kb.current
        if self._stale is None or self._stale[0] is not kb or self._stale[1] != today:
            self._stale = (kb, today, len(kb.stale_contacts(today)))
        return self._stale[2]


def newest_file(directory: Path) -> datetime | None:
    times = [path.stat().st_mtime for path in directory.iterdir() if path.is_file()]
    return datetime.fromtimestamp(max(times), UTC) if times else None
