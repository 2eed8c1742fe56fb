"""Every process serves the published knowledge-base version: loaded at start, and picked up
within ``WIJKWIJZER_KB_POLL_SECONDS`` after a publish or restore (``serve`` polls; see
store/kb_versions.py). A version that does not load is logged and skipped: the snapshot being
served stays, so a broken version never replaces a working one.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date

from wijkwijzer.knowledge.loader import KnowledgeBase, KnowledgeBaseHolder, Problem, check_knowledge_texts
from wijkwijzer.store.kb_versions import KnowledgeVersions

log = logging.getLogger(__name__)


def _build(files: dict[str, str], today: date) -> tuple[KnowledgeBase | None, list[Problem]]:
    kb, problems = check_knowledge_texts(files, today)
    if kb is not None:
        kb.resolver  # noqa: B018 - build the resolver index off the event loop, before the swap
    return kb, problems


class KnowledgeSync:
    """Loads the live version into ``holder`` when it changed; remembers a version that failed."""

    def __init__(self, holder: KnowledgeBaseHolder, versions: KnowledgeVersions) -> None:
        self.holder = holder
        self.versions = versions
        self.failed: int | None = None

    async def check(self) -> bool:
        """Load the live version if it is not the one served; True when a new one was swapped in."""
        live = await self.versions.live_version()
        if live is None or live == self.holder.version or live == self.failed:
            return False
        version = await self.versions.get(live)
        if version is None:
            return False
        kb, problems = await asyncio.to_thread(_build, dict(version.files), date.today())
        if kb is None:
            self.failed = live
            log.warning("knowledge base: version %d does not load (%d problems); keeping version %s",
                        live, len(problems), self.holder.version)
            return False
        self.holder.swap(kb, live)
        log.info("knowledge base: now serving version %d", live)
        return True

    async def run(self, stop: asyncio.Event, interval: float) -> None:
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), interval)
                return
            except TimeoutError:
                pass
            try:
                await self.check()
            except Exception as error:  # noqa: BLE001 - a failed poll is retried next interval
                log.warning("knowledge base: poll failed (%s)", type(error).__name__)
