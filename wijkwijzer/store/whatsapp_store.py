"""WhatsApp bookkeeping: processed inbound message ids (Meta redelivers) and delivery statuses.

``inbound_messages`` holds the id of every inbound message once, as primary key: claiming an id
is an INSERT, and a duplicate key means the message was already taken — by this worker or by
another one sharing the database. Meta retries a delivery for up to 7 days, so ids are kept
at least that long (store/retention.py).

``message_status`` holds the best known status of each message we sent: one row per provider
message id, never downgraded (Meta sends statuses unordered; a late ``delivered`` must not
overwrite ``read``). The recipient is a pseudonymous hash, never the phone number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.database import write_transaction
from wijkwijzer.store.schema import inbound_messages, message_status

# Public names; the tables among them are defined in schema.py and stay importable from here.
__all__ = [
    "STATUS_RANK", "StatusUpdate", "StoredStatus", "WhatsAppStore", "claim_ids", "inbound_messages", "message_status",
]

STATUS_RANK = {"sent": 1, "failed": 2, "delivered": 3, "read": 4}
"""Best known outcome wins: a message that failed on one device but reached another is delivered."""


@dataclass(frozen=True)
class StatusUpdate:
    """One entry of a status webhook, ready to store (``recipient`` already pseudonymous)."""

    provider_message_id: str
    status: str
    recipient: str | None = None
    error_code: int | None = None
    error_title: str | None = None
    timestamp: datetime | None = None
    reply_to: tuple[str, int] | None = None
    """Our reply this status is about, from its ``biz_opaque_callback_data``: the inbound
    message's key and the reply's number. Not stored here: it tells store/inbound.py that the
    Graph API accepted that reply."""


@dataclass(frozen=True)
class StoredStatus:
    provider_message_id: str
    status: str
    recipient: str | None
    error_code: int | None
    error_title: str | None
    timestamp: datetime | None


_CLAIM_CHUNK = 400


def claim_ids(conn: Connection, message_ids: Sequence[str], now: datetime) -> set[str]:
    """Insert the ids that are not there yet (``INSERT … ON CONFLICT DO NOTHING RETURNING``, a few
    hundred a statement); the ones inserted. Part of the caller's transaction (``write_transaction``)."""
    insert_ = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    fresh: set[str] = set()
    for start in range(0, len(message_ids), _CLAIM_CHUNK):
        rows = [{"message_id": m, "received_at": now} for m in message_ids[start:start + _CLAIM_CHUNK]]
        claimed = conn.execute(insert_(inbound_messages).values(rows).on_conflict_do_nothing()
                               .returning(inbound_messages.c.message_id))
        fresh.update(claimed.scalars().all())
    return fresh


class WhatsAppStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def claim(self, message_ids: Sequence[str]) -> list[str]:
        """Record ``message_ids`` as received, in one transaction; returns the ids that were new
        (in the given order). An id seen before, here or by another worker, is left out."""
        wanted = list(dict.fromkeys(message_ids))
        now = datetime.now(UTC)
        fresh = await write_transaction(self.engine, lambda conn: claim_ids(conn, wanted, now))
        return [message_id for message_id in wanted if message_id in fresh]

    async def record_status(self, update_: StatusUpdate) -> bool:
        """Store a status unless a better one is known; returns whether the row changed."""
        rank = STATUS_RANK.get(update_.status)
        if rank is None:
            return False
        lower = [status for status, r in STATUS_RANK.items() if r < rank]
        values = {
            "status": update_.status, "recipient": update_.recipient, "error_code": update_.error_code,
            "error_title": update_.error_title, "timestamp": update_.timestamp, "updated_at": datetime.now(UTC),
        }
        insert_ = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        better = (update(message_status)
                  .where(message_status.c.provider_message_id == update_.provider_message_id,
                         message_status.c.status.in_(lower))
                  .values(**values))
        first = insert_(message_status).values(provider_message_id=update_.provider_message_id,
                                               **values).on_conflict_do_nothing()

        def record(conn: Connection) -> bool:
            return conn.execute(better).rowcount == 1 or conn.execute(first).rowcount == 1

        return await write_transaction(self.engine, record)

    async def status_of(self, provider_message_id: str) -> StoredStatus | None:
        query = select(message_status).where(message_status.c.provider_message_id == provider_message_id)
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        if row is None:
            return None
        return StoredStatus(provider_message_id=row.provider_message_id, status=row.status, recipient=row.recipient,
                            error_code=row.error_code, error_title=row.error_title, timestamp=row.timestamp)

