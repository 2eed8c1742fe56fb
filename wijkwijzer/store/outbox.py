"""Announcements and their durable delivery outbox.

Creating an announcement writes the announcement and one outbox row per recipient in one
transaction (``INSERT … SELECT``); the unique (announcement, recipient) key makes a second row
for the same person impossible.

A row's life: ``pending`` → (claimed) ``sending`` → ``sent`` | ``pending`` again with a later
``next_attempt_at`` (transient failure) | ``failed`` (permanent, or too many attempts) |
``cancelled``. Delivered/read come from the channel's status reports (WhatsApp) and are read
from ``message_status`` by provider message id; they never change the row.

Claiming marks a batch ``sending`` with the worker's name and a lease (``claimed_until``) in one
statement (store/leases.py: on PostgreSQL ``… WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)``, so
two workers never get the same row; SQLite has one writer at a time). The worker sends one row at a time and
records the result right after the channel answered, in its own short transaction.

**Rows found mid-send.** A row still ``sending`` after its lease ran out belongs to a worker that
died (a live worker stops using its batch before the lease ends). It is claimed again and sent
again: a lost announcement is worse than a double one. A duplicate therefore needs a worker to
die in the moment between the channel accepting the message and our record of it; with one send
in flight per worker that is at most one duplicate per crash.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, func, insert, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.addresses import AddressCipher
from wijkwijzer.store.audit import write_audit
from wijkwijzer.store.database import point_read, point_reads
from wijkwijzer.store.leases import lease_due, without_flush
from wijkwijzer.store.schema import UtcDateTime, announcements, message_status, outbox, subscriptions, users

# Public names; the tables among them are defined in schema.py and stay importable from here.
__all__ = [
    "MAX_TEXT", "MAX_TITLE", "Announcement", "Audience", "Claimed", "Outbox", "Status", "announcements", "outbox",
    "title_of",
]

MAX_TEXT = 2000
MAX_TITLE = 60


@dataclass(frozen=True)
class Audience:
    """Who gets an announcement: subscribers of any of ``wijken`` (all users when empty), of
    the ``roles`` given (any role when empty). People who switched announcements off never."""

    wijken: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps({"wijken": sorted(self.wijken), "rollen": sorted(self.roles)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> Audience:
        data = json.loads(raw)
        return cls(tuple(data.get("wijken", ())), tuple(data.get("rollen", ())))


@dataclass(frozen=True)
class Announcement:
    id: int
    created_by: str
    created_at: datetime
    title: str
    text: str
    audience: Audience
    recipients: int
    cancelled_at: datetime | None


@dataclass(frozen=True)
class Claimed:
    """A row claimed for sending, with what the sender needs to know about the recipient."""

    id: int
    announcement_id: int
    attempts: int
    channel: str
    user_ref: int
    user_id: str | None
    address: str | None
    last_seen_at: datetime | None


@dataclass
class Status:
    announcement: Announcement
    counts: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)

    @property
    def waiting(self) -> int:
        return self.counts["pending"] + self.counts["sending"]

    @property
    def done(self) -> bool:
        return self.waiting == 0


@dataclass(frozen=True)
class Delivery:
    """One recipient of an announcement: ``state`` is read, delivered, sent, waiting, failed or cancelled."""

    recipient: int
    name: str | None
    channel: str
    state: str
    reason: str | None


def title_of(text_: str) -> str:
    """The first line, shortened to ``MAX_TITLE`` characters: what a template message carries."""
    first = next((line.strip() for line in text_.splitlines() if line.strip()), "")
    return first if len(first) <= MAX_TITLE else first[: MAX_TITLE - 1].rstrip() + "…"


_UNREAD_FULL_TEXTS = point_read(
    select(announcements).join(outbox, outbox.c.announcement_id == announcements.c.id)
    .where(and_(outbox.c.recipient == bindparam("recipient"), outbox.c.via == "template",
                outbox.c.state == "sent", outbox.c.full_text_shown.is_(False)))
    .order_by(announcements.c.id))


def _announcement(row: Any) -> Announcement:
    return Announcement(row.id, row.created_by, row.created_at, row.title, row.text,
                        Audience.from_json(row.audience), row.recipients, row.cancelled_at)


CONSOLE_ONLY = "console"
"""The channel of office users made with ``wijkwijzer users add``: they have no chat to send to."""


def _recipients(audience: Audience) -> Any:
    query = select(users.c.id, users.c.channel).where(users.c.announcements_off.is_(False),
                                                      users.c.channel != CONSOLE_ONLY)
    if audience.roles:
        query = query.where(users.c.role.in_(audience.roles))
    if audience.wijken:
        subscribed = select(subscriptions.c.user_ref).where(subscriptions.c.wijk.in_(audience.wijken))
        query = query.where(users.c.id.in_(subscribed))
    return query


class Outbox:
    """Announcements, their outbox rows and delivery status; bound parameters only."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 addresses: AddressCipher | None = None) -> None:
        self.engine = engine
        self.reads = point_reads(engine)
        self.clock = clock
        self.addresses = addresses

    def _address(self, stored: str | None) -> str | None:
        """A recipient's address, readable only with the key (store/addresses.py)."""
        return self.addresses.open(stored) if self.addresses is not None else None

    async def count_recipients(self, audience: Audience) -> int:
        query = select(func.count()).select_from(_recipients(audience).subquery())
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).scalar_one()

    async def create(self, *, created_by: str, text_: str, audience: Audience) -> Announcement:
        """Store the announcement and queue it for every recipient, atomically."""
        if not text_.strip() or len(text_) > MAX_TEXT:
            raise ValueError("announcement text is empty or too long")
        now = self.clock()
        async with self.engine.begin() as conn:
            new_id = (await conn.execute(insert(announcements).values(
                created_by=created_by, created_at=now, title=title_of(text_), text=text_,
                audience=audience.to_json(), recipients=0).returning(announcements.c.id))).scalar_one()
            rows = _recipients(audience).subquery()
            fan_out = select(literal(new_id), rows.c.id, rows.c.channel, literal("pending"), literal(0),
                             literal(now, UtcDateTime), literal(now, UtcDateTime))
            done = await conn.execute(insert(outbox).from_select(
                ["announcement_id", "recipient", "channel", "state", "attempts", "next_attempt_at", "updated_at"],
                fan_out))
            count = max(done.rowcount, 0)
            await conn.execute(update(announcements).where(announcements.c.id == new_id).values(recipients=count))
            await write_audit(conn, now, created_by, "announcement.send", str(new_id),
                              f"ontvangers={count} publiek={audience.to_json()}")
            row = (await conn.execute(select(announcements).where(announcements.c.id == new_id))).one()
        return _announcement(row)

    async def get(self, announcement_id: int) -> Announcement | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(announcements).where(announcements.c.id == announcement_id))).first()
        return _announcement(row) if row else None

    async def latest_by(self, created_by: str) -> Announcement | None:
        query = (select(announcements).where(announcements.c.created_by == created_by)
                 .order_by(announcements.c.id.desc()).limit(1))
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return _announcement(row) if row else None

    async def cancel(self, announcement_id: int, actor: str) -> int:
        """Stop what is not sent yet; returns how many deliveries were cancelled."""
        now = self.clock()
        async with self.engine.begin() as conn:
            done = await conn.execute(update(outbox).where(and_(
                outbox.c.announcement_id == announcement_id, outbox.c.state == "pending"))
                .values(state="cancelled", updated_at=now))
            await conn.execute(update(announcements).where(announcements.c.id == announcement_id)
                               .values(cancelled_at=now))
            await write_audit(conn, now, actor, "announcement.cancel", str(announcement_id),
                              f"geannuleerd={done.rowcount}")
        return done.rowcount

    async def status(self, announcement_id: int) -> Status | None:
        announcement = await self.get(announcement_id)
        if announcement is None:
            return None
        status = Status(announcement)
        reported = (select(outbox.c.state, outbox.c.last_error, message_status.c.status)
                    .select_from(outbox.outerjoin(
                        message_status, message_status.c.provider_message_id == outbox.c.provider_message_id))
                    .where(outbox.c.announcement_id == announcement_id))
        async with self.engine.connect() as conn:
            for state, error, channel_status in (await conn.execute(reported)).all():
                if state == "sent" and channel_status in ("delivered", "read"):
                    state = channel_status
                elif state == "sent" and channel_status == "failed":
                    state, error = "failed", "door WhatsApp gemeld als niet afgeleverd"
                status.counts[state] += 1
                if state == "failed":
                    status.failures[error or "onbekend"] += 1
        return status

    # --- the delivery worker's side ---------------------------------------------------------

    async def claim(self, worker: str, limit: int, lease: timedelta) -> list[Claimed]:
        """Mark up to ``limit`` due rows (or rows of a dead worker whose lease ran out) as
        ``sending`` for ``worker``; returns them with their recipients."""
        now = self.clock()
        due = or_(and_(outbox.c.state == "pending", outbox.c.next_attempt_at <= now),
                  and_(outbox.c.state == "sending", outbox.c.claimed_until < now))
        async with self.engine.begin() as conn:
            claimed = await lease_due(
                conn, outbox, due=due, order_by=(outbox.c.next_attempt_at, outbox.c.id), limit=limit,
                values={"state": "sending", "claimed_by": worker, "claimed_until": now + lease,
                        "attempts": outbox.c.attempts + 1, "updated_at": now},
                returning=(outbox.c.id, outbox.c.announcement_id, outbox.c.attempts, outbox.c.channel,
                           outbox.c.recipient))
            if not claimed:
                return []
            people = {row.id: row for row in (await conn.execute(
                select(users.c.id, users.c.user_id, users.c.address, users.c.last_seen_at)
                .where(users.c.id.in_([c.recipient for c in claimed])))).all()}
        rows = [Claimed(c.id, c.announcement_id, c.attempts, c.channel, c.recipient,
                        people[c.recipient].user_id if c.recipient in people else None,
                        self._address(people[c.recipient].address) if c.recipient in people else None,
                        people[c.recipient].last_seen_at if c.recipient in people else None)
                for c in claimed]
        return sorted(rows, key=lambda row: row.id)

    async def announcements_by_id(self, ids: Sequence[int]) -> dict[int, Announcement]:
        async with self.engine.connect() as conn:
            rows = (await conn.execute(select(announcements).where(announcements.c.id.in_(list(ids))))).all()
        return {row.id: _announcement(row) for row in rows}

    async def sent(self, row: Claimed, worker: str, provider_message_id: str | None, via: str) -> bool:
        return await self._finish(row, worker, state="sent", provider_message_id=provider_message_id, via=via,
                                  last_error=None)

    async def failed(self, row: Claimed, worker: str, error: str) -> bool:
        return await self._finish(row, worker, state="failed", last_error=error[:300])

    async def retry(self, row: Claimed, worker: str, error: str, delay: timedelta) -> bool:
        return await self._finish(row, worker, state="pending", last_error=error[:300],
                                  next_attempt_at=self.clock() + delay)

    async def postpone(self, row: Claimed, worker: str, delay: timedelta) -> bool:
        """Back to the queue without counting the attempt (a rate limit said 'not yet')."""
        return await self._finish(row, worker, state="pending", attempts=outbox.c.attempts - 1,
                                  next_attempt_at=self.clock() + delay)

    async def release(self, rows: Sequence[Claimed], worker: str) -> None:
        """Give back claimed rows that were not attempted (shutdown, or the lease runs out)."""
        if not rows:
            return
        async with self.engine.begin() as conn:
            await conn.execute(update(outbox).where(and_(
                outbox.c.id.in_([r.id for r in rows]), outbox.c.claimed_by == worker, outbox.c.state == "sending"))
                .values(state="pending", claimed_by=None, claimed_until=None, attempts=outbox.c.attempts - 1,
                        updated_at=self.clock()))

    async def _finish(self, row: Claimed, worker: str, **values: Any) -> bool:
        """Record the result in its own short transaction; on PostgreSQL without waiting for the
        disk flush (a record lost in a database crash means a resend, never a loss)."""
        async with self.engine.begin() as conn:
            await without_flush(conn)
            done = await conn.execute(update(outbox).where(and_(
                outbox.c.id == row.id, outbox.c.claimed_by == worker, outbox.c.state == "sending"))
                .values(claimed_by=None, claimed_until=None, updated_at=self.clock(), **values))
        return done.rowcount == 1

    # --- templates: the full text on the next message ----------------------------------------

    async def unread_full_texts(self, user_ref: int) -> list[Announcement]:
        """Announcements this person got only as a template (outside WhatsApp's 24-hour window)."""
        return [_announcement(row) for row in await self.reads.rows(_UNREAD_FULL_TEXTS, {"recipient": user_ref})]

    async def mark_full_text_shown(self, user_ref: int, announcement_ids: Sequence[int]) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(update(outbox).where(and_(
                outbox.c.recipient == user_ref, outbox.c.announcement_id.in_(list(announcement_ids))))
                .values(full_text_shown=True))

    async def recent(self, limit: int = 30, created_by: str | None = None) -> list[Announcement]:
        """The newest announcements (of ``created_by`` when given), newest first."""
        query = select(announcements).order_by(announcements.c.id.desc()).limit(limit)
        if created_by is not None:
            query = query.where(announcements.c.created_by == created_by)
        async with self.engine.connect() as conn:
            return [_announcement(row) for row in (await conn.execute(query)).all()]

    async def deliveries(self, announcement_id: int) -> list[Delivery]:
        """Per recipient: who (number and name), the channel, what happened and why it failed."""
        query = (select(outbox.c.recipient, outbox.c.channel, outbox.c.state, outbox.c.last_error,
                        message_status.c.status, users.c.display_name)
                 .select_from(outbox.outerjoin(message_status,
                                               message_status.c.provider_message_id == outbox.c.provider_message_id)
                              .outerjoin(users, users.c.id == outbox.c.recipient))
                 .where(outbox.c.announcement_id == announcement_id).order_by(outbox.c.recipient))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        found = []
        for row in rows:
            state, reason = row.state, row.last_error if row.state == "failed" else None
            if state == "sent" and row.status in ("delivered", "read"):
                state = row.status
            elif state == "sent" and row.status == "failed":
                state, reason = "failed", "door WhatsApp gemeld als niet afgeleverd"
            elif state in ("pending", "sending"):
                state = "waiting"
            found.append(Delivery(row.recipient, row.display_name, row.channel, state, reason))
        return found

    async def backlog(self) -> tuple[int, datetime | None]:
        """Deliveries not yet sent (``pending`` or ``sending``) and when the oldest announcement
        among them was created (None when there are none); for the operations gauges."""
        waiting = outbox.c.state.in_(("pending", "sending"))
        async with self.engine.connect() as conn:
            count = (await conn.execute(select(func.count()).where(waiting))).scalar_one()
            oldest = (await conn.execute(
                select(func.min(announcements.c.created_at))
                .where(announcements.c.id.in_(select(outbox.c.announcement_id).where(waiting))))).scalar_one()
        return int(count), oldest

    async def counts(self) -> Counter[str]:
        async with self.engine.connect() as conn:
            rows = (await conn.execute(select(outbox.c.state, func.count()).group_by(outbox.c.state))).all()
        return Counter(dict(rows))
