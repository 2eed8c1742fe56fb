"""Published knowledge-base versions: what every worker serves, kept in the database.

An upload becomes a *draft* version (the canonical files as text, with the import report);
publishing it points the single ``kb_live`` row at it. Every running server polls that row
(``live_version``, one primary-key read) and loads a new version when the id changes, so a
publish reaches all workers within the poll interval without a restart. Restoring an earlier
version is publishing it again. Only a version that validated is ever published (the caller
checks; workers validate again and keep what they have when a version does not load).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.audit import write_audit
from wijkwijzer.store.database import insert_unless_exists
from wijkwijzer.store.schema import kb_live, kb_versions

DRAFTS_KEPT = timedelta(days=1)


@dataclass(frozen=True)
class KbVersion:
    id: int
    created_at: datetime
    created_by: str
    source: str
    published_at: datetime | None
    report: str
    files: Mapping[str, str]


class KnowledgeVersions:
    """Drafts, publishing, restoring and the live pointer; see the module docstring."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.engine = engine
        self.clock = clock

    async def add_draft(self, *, created_by: str, source: str, files: Mapping[str, str], report: str) -> int:
        now = self.clock()
        async with self.engine.begin() as conn:
            await conn.execute(delete(kb_versions).where(kb_versions.c.published_at.is_(None),
                                                         kb_versions.c.created_at < now - DRAFTS_KEPT))
            result = await conn.execute(insert(kb_versions).values(
                created_at=now, created_by=created_by, source=source, files=json.dumps(dict(files), ensure_ascii=False),
                report=report).returning(kb_versions.c.id))
            version_id = int(result.scalar_one())
            await write_audit(conn, now, created_by, "kb.upload", str(version_id), source[:200])
        return version_id

    async def get(self, version_id: int) -> KbVersion | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(kb_versions).where(kb_versions.c.id == version_id))).first()
        if row is None:
            return None
        return KbVersion(row.id, row.created_at, row.created_by, row.source, row.published_at, row.report,
                         json.loads(row.files))

    async def live_version(self) -> int | None:
        """The id of the live version (the poll), or None while the configured files are served."""
        async with self.engine.connect() as conn:
            found = (await conn.execute(select(kb_live.c.version_id).where(kb_live.c.id == 1))).scalar_one_or_none()
        return int(found) if found is not None else None

    async def uploaded_at(self, version_id: int) -> datetime | None:
        """When ``version_id`` was uploaded (the age of the knowledge base it holds)."""
        async with self.engine.connect() as conn:
            found: datetime | None = (await conn.execute(
                select(kb_versions.c.created_at).where(kb_versions.c.id == version_id))).scalar_one_or_none()
        return found

    async def publish(self, version_id: int, actor: str, *, action: str = "kb.publish") -> None:
        """Make ``version_id`` the live version (restoring is publishing an earlier one again)."""
        now = self.clock()
        async with self.engine.begin() as conn:
            await conn.execute(update(kb_versions).where(kb_versions.c.id == version_id,
                                                         kb_versions.c.published_at.is_(None))
                               .values(published_at=now))
            values = {"version_id": version_id, "changed_at": now, "changed_by": actor}
            if not await insert_unless_exists(conn, kb_live, {"id": 1, **values}):
                await conn.execute(update(kb_live).where(kb_live.c.id == 1).values(**values))
            await write_audit(conn, now, actor, action, str(version_id), "")

    async def published(self, limit: int = 20) -> list[KbVersion]:
        """Published versions, newest first, without their files."""
        query = (select(kb_versions.c.id, kb_versions.c.created_at, kb_versions.c.created_by, kb_versions.c.source,
                        kb_versions.c.published_at, kb_versions.c.report)
                 .where(kb_versions.c.published_at.is_not(None)).order_by(kb_versions.c.published_at.desc(),
                                                                          kb_versions.c.id.desc()).limit(limit))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [KbVersion(r.id, r.created_at, r.created_by, r.source, r.published_at, r.report, {}) for r in rows]
