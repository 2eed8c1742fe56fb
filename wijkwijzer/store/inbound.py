"""Durable inbound WhatsApp turns: every claimed message is a row of ``inbound_work`` until it is
answered, so a message that was acknowledged to Meta is answered even when the process that took
it dies.

A row's life: ``received`` (claimed from the webhook, leased to the process that acknowledged it)
→ ``replying`` (the turn ran and its replies are stored with the row, in the step that follows
the state save) → ``answered`` (every reply sent; number, text and replies are set to NULL).
A row that cannot be answered (too many attempts) becomes ``failed``, also without content.

- **Leases** as in the outbox (store/leases.py): the process working on a row holds it until
  ``claimed_until``; a row whose lease ran out belongs to a process that died and is taken by
  another one (:meth:`InboundWork.claim_abandoned`).
- **Never a turn twice:** the turn runs only for a ``received`` row, and its replies are stored
  with the row before the first is sent; a row found ``replying`` resumes sending at ``sent``,
  without running the turn again.
- **Never a reply twice:** each reply sent is counted in the row right after the Graph API
  accepted it, and again when Meta's status webhook for it arrives (its tag names the message
  and the reply: :meth:`InboundWork.accepted`). Meta has no idempotency key, so a process dying
  between the acceptance and the count leaves the reply uncounted until its status arrives
  (usually within seconds; a lease lasts a minute): only when no status came before the lease
  ran out does the reply go out again.
- **Flushes:** recording a message waits for the disk (the 200 to Meta depends on it); the
  bookkeeping after it does not on PostgreSQL (store/leases.py ``without_flush``): losing it in a
  database crash means a message answered again, never one lost.
- **Privacy:** the message id is the keyed hash kept in ``inbound_messages``; the sender is a
  pseudonym; the number, the text and the replies are sealed with the address key
  (store/addresses.py) and removed once answered. Forget-me deletes the rows by sender
  (store/erasure.py); retention removes every row after a day (store/retention.py): past
  WhatsApp's 24-hour window no free-form answer is possible anyway.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Update, and_, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.addresses import AddressCipher
from wijkwijzer.store.database import write_transaction
from wijkwijzer.store.leases import flushless, lease_due, lease_free, without_flush
from wijkwijzer.store.schema import inbound_work
from wijkwijzer.store.whatsapp_store import claim_ids

__all__ = ["MAX_ATTEMPTS", "InboundWork", "NewInbound", "Taken", "inbound_work"]

MAX_ATTEMPTS = 8
"""Turns or sends tried for one message before it is given up (``failed``)."""
_OPEN = ("received", "replying")


@dataclass(frozen=True)
class NewInbound:
    """A message to record: ``message_id`` is the keyed hash, ``sender`` the pseudonym, ``payload``
    what a turn needs (number, text, …) as JSON-able data; it is stored sealed."""

    message_id: str
    sender: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Taken:
    """A row this process holds now: its payload, and when ``replying`` the replies still to send."""

    message_id: str
    state: str
    payload: dict[str, Any] | None
    replies: list[dict[str, Any]]
    sent: int
    attempts: int
    received_at: datetime


class InboundWork:
    def __init__(self, engine: AsyncEngine, cipher: AddressCipher,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.engine = engine
        self.cipher = cipher
        self.clock = clock

    # --- the webhook ----------------------------------------------------------------------------

    async def receive(self, messages: Sequence[NewInbound], worker: str, lease: timedelta) -> list[str]:
        """Claim the ids (``inbound_messages``) and record the new ones as ``received``, leased to
        ``worker``, in one transaction; returns the ids that were new (each once, in order)."""
        wanted = list(dict.fromkeys(m.message_id for m in messages))
        if not wanted:
            return []
        now = self.clock()
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        first: dict[str, NewInbound] = {}
        for message in messages:
            first.setdefault(message.message_id, message)
        sealed = {message_id: self._seal(message.payload) for message_id, message in first.items()}

        def record(conn: Connection) -> set[str]:
            fresh = claim_ids(conn, wanted, now)
            rows = [{"message_id": message_id, "sender": message.sender, "state": "received",
                     "payload": sealed[message_id], "sent": 0, "attempts": 0, "received_at": now,
                     "next_attempt_at": now, "claimed_by": worker, "claimed_until": now + lease}
                    for message_id, message in first.items() if message_id in fresh]
            if rows:
                conn.execute(insert(inbound_work).on_conflict_do_nothing(), rows)
            return fresh

        fresh = await write_transaction(self.engine, record)
        return [m for m in wanted if m in fresh]

    # --- the worker's side ----------------------------------------------------------------------

    async def take(self, message_id: str, worker: str, lease: timedelta, attempt: bool = True) -> Taken | None:
        """Hold the row for ``worker`` for ``lease`` more (counting an attempt unless ``attempt`` is
        false: a lease renewed before a turn that has not been tried yet), if it is still open and
        ``worker`` holds it or nobody does; None otherwise (answered, or taken elsewhere)."""
        now = self.clock()
        held = and_(inbound_work.c.message_id == message_id, inbound_work.c.state.in_(_OPEN),
                    (inbound_work.c.claimed_by == worker) | lease_free(inbound_work, now))
        statement = (update(inbound_work).where(held)
                     .values(claimed_by=worker, claimed_until=now + lease,
                             attempts=inbound_work.c.attempts + (1 if attempt else 0))
                     .returning(inbound_work.c.message_id, inbound_work.c.state, inbound_work.c.payload,
                                inbound_work.c.replies, inbound_work.c.sent, inbound_work.c.attempts,
                                inbound_work.c.received_at))
        row = await write_transaction(self.engine, lambda conn: _flushless(conn).execute(statement).first())
        return self._taken(row) if row is not None else None

    async def claim_abandoned(self, worker: str, lease: timedelta, limit: int,
                              waiting: Collection[str] = ()) -> list[Taken]:
        """Open rows nobody holds (their process died, or a retry is due), taken for ``worker``;
        not the ``waiting`` ones, which ``worker`` has in line already: their lease may have run
        out while they waited, and taking them again would count attempts never made."""
        now = self.clock()
        due = and_(inbound_work.c.state.in_(_OPEN), inbound_work.c.next_attempt_at <= now,
                   lease_free(inbound_work, now))
        if waiting:
            due = and_(due, inbound_work.c.message_id.not_in(list(waiting)))
        async with self.engine.begin() as conn:
            await without_flush(conn)
            rows = await lease_due(
                conn, inbound_work, due=due, order_by=(inbound_work.c.received_at, inbound_work.c.message_id),
                limit=limit, values={"claimed_by": worker, "claimed_until": now + lease,
                                    "attempts": inbound_work.c.attempts + 1},
                returning=(inbound_work.c.message_id, inbound_work.c.state, inbound_work.c.payload,
                           inbound_work.c.replies, inbound_work.c.sent, inbound_work.c.attempts,
                           inbound_work.c.received_at))
        return sorted((self._taken(row) for row in rows), key=lambda t: (t.received_at, (t.payload or {}).get("seq", 0)))

    async def replying(self, message_id: str, worker: str, replies: Sequence[dict[str, Any]]) -> bool:
        """The turn ran: store its replies (``replying``, nothing sent yet). False when the row is
        no longer this worker's (or no longer there: the person asked to be forgotten)."""
        if not replies:
            return await self.answered(message_id, worker)
        return await self._set(message_id, worker, "received", state="replying", replies=self._seal(list(replies)),
                               sent=0)

    async def progress(self, message_id: str, worker: str, sent: int) -> bool:
        """``sent`` replies are out now (counted right after the channel accepted each)."""
        return await self._set(message_id, worker, "replying", sent=sent)

    async def accepted(self, message_id: str, number: int) -> bool:
        """Meta reported reply ``number`` of the message (a status webhook with its tag), so the
        Graph API accepted it and every reply before it: counted as sent, whoever holds the row.
        This closes the gap in which a process dies after the acceptance and before counting it:
        the process that takes the row over (after the lease) does not send it again."""
        return await self._changed_one(update(inbound_work).where(
            inbound_work.c.message_id == message_id, inbound_work.c.state == "replying",
            inbound_work.c.sent <= number).values(sent=number + 1))

    async def accepted_all(self, tags: Sequence[tuple[str, int]]) -> int:
        """:meth:`accepted` for every reply tag of one status delivery, in one transaction (the
        webhook records them before it answers Meta, so a take-over right after cannot resend
        them); how many rows changed."""
        statements = [update(inbound_work).where(
            inbound_work.c.message_id == message_id, inbound_work.c.state == "replying",
            inbound_work.c.sent <= number).values(sent=number + 1) for message_id, number in tags]
        return await write_transaction(self.engine, lambda conn: sum(
            _flushless(conn).execute(statement).rowcount for statement in statements))

    async def answered(self, message_id: str, worker: str) -> bool:
        """Done: the content goes."""
        return await self._finish(message_id, worker, state="answered", answered_at=self.clock())

    async def retry(self, message_id: str, worker: str, delay: timedelta) -> bool:
        """Not now (the channel did not answer in time): give the row back, due after ``delay``;
        after :data:`MAX_ATTEMPTS` the message is given up and its content removed."""
        now = self.clock()
        back = (update(inbound_work).where(self._mine(message_id, worker), inbound_work.c.attempts < MAX_ATTEMPTS)
                .values(claimed_by=None, claimed_until=None, next_attempt_at=now + delay))
        if await self._changed_one(back):
            return True
        return await self.give_up(message_id, worker)

    async def recorded(self, message_id: str) -> bool:
        """Whether the message still has its row (in any state): false once the person asked to
        be forgotten (erasure deletes their rows)."""
        query = select(inbound_work.c.message_id).where(inbound_work.c.message_id == message_id)
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).first() is not None

    async def give_up(self, message_id: str, worker: str) -> bool:
        """Tried too often (a turn that keeps failing): ``failed``, content removed."""
        return await self._finish(message_id, worker, state="failed")

    async def _finish(self, message_id: str, worker: str, **values: Any) -> bool:
        return await self._changed_one(update(inbound_work).where(self._mine(message_id, worker)).values(
            payload=None, replies=None, claimed_by=None, claimed_until=None, **values))

    async def _set(self, message_id: str, worker: str, expected: str, **values: Any) -> bool:
        return await self._changed_one(update(inbound_work).where(
            self._mine(message_id, worker), inbound_work.c.state == expected).values(**values))

    async def _changed_one(self, statement: Update) -> bool:
        """Run one bookkeeping UPDATE (no flush wait); whether it changed exactly one row."""
        return await write_transaction(self.engine, lambda conn: _flushless(conn).execute(statement).rowcount == 1)

    @staticmethod
    def _mine(message_id: str, worker: str) -> Any:
        return and_(inbound_work.c.message_id == message_id, inbound_work.c.claimed_by == worker,
                    inbound_work.c.state.in_(_OPEN))

    async def counts(self) -> dict[str, int]:
        """Rows per state (for tests and the operator)."""
        query = select(inbound_work.c.state, func.count()).group_by(inbound_work.c.state)
        async with self.engine.connect() as conn:
            return {str(row[0]): int(row[1]) for row in (await conn.execute(query)).all()}

    def _seal(self, data: Any) -> str:
        sealed = self.cipher.seal(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        assert sealed is not None
        return sealed

    def _open(self, stored: str | None) -> Any:
        opened = self.cipher.open(stored)
        return json.loads(opened) if opened else None

    def _taken(self, row: Any) -> Taken:
        replies = self._open(row.replies) if row.replies else []
        return Taken(row.message_id, row.state, self._open(row.payload), list(replies or []), row.sent, row.attempts,
                     row.received_at)


def _flushless(conn: Connection) -> Connection:
    flushless(conn)
    return conn
