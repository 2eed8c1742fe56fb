"""The audit log: who did what to whom, written in the transaction of the change it records.

Every store that changes people or announcements writes its entry through :func:`write_audit`
on the connection of its own transaction, so a change and its audit entry are committed (or
rolled back) together. Entries hold pseudonymous ids and counts, never message text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wijkwijzer.store.schema import audit_log


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


async def write_audit(conn: AsyncConnection, at: datetime, actor: str, action: str, subject: str,
                      detail: str = "") -> None:
    """Add one entry to the audit log, inside the caller's transaction on ``conn``."""
    await conn.execute(insert(audit_log).values(at=at, actor=actor, action=action, subject=subject, detail=detail))


async def read_audit(conn: AsyncConnection, limit: int) -> list[AuditEntry]:
    """The newest ``limit`` entries, newest first."""
    rows = (await conn.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(limit))).all()
    return [AuditEntry(r.at, r.actor, r.action, r.subject, r.detail) for r in rows]
