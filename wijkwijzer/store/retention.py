"""Retention: how long anything that holds (or points to) a person is kept, and the purge that
the running server applies on a schedule (app/server.py) and every command applies at start.

| what | kept | why |
| --- | --- | --- |
| conversation state of a registered user | ``state_days`` since the last turn | a pending question, the last lookup |
| conversation state of someone without a user record | ``stranger_days`` | strangers ask once |
| inbound message ids (keyed hashes) | ``inbound_days`` (at least 7) | Meta redelivers for up to 7 days |
| inbound work (sealed number and text until answered) | 1 day | past WhatsApp's 24-hour window no answer is possible |
| turn leases | 1 day after they ran out | a dead process's hold |
| announcements, their deliveries and statuses | ``delivery_days`` after creation | receipts for the author |
| audit log | ``audit_days`` | who did what, for the SWV |
| signals | ``signal_days`` | the trend for the jaarplan |
| wrong-code counters, expired invites | 1 day / 30 days after expiry | brute-force protection |
| console login links, console sessions | 1 day after they expired | a used or old link is refused either way |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, exists, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.schema import (
    announcements,
    audit_log,
    console_links,
    console_sessions,
    inbound_messages,
    inbound_work,
    invite_failures,
    invites,
    message_status,
    outbox,
    signals,
    state,
    turn_leases,
    users,
)

INBOUND_WORK_DAYS = 1
"""A received WhatsApp message is answered within this or not at all (the 24-hour window)."""
STRANGER_CHANNELS = ("whatsapp",)
"""Channels whose conversation id is the sender's pseudonym, so a state row without a user
record is a stranger's (Teams users of an allowed tenant are registered on first contact)."""


@dataclass(frozen=True)
class Retention:
    state_days: int = 90
    stranger_days: int = 7
    inbound_days: int = 14
    delivery_days: int = 180
    audit_days: int = 730
    signal_days: int = 365

    def __post_init__(self) -> None:
        if self.inbound_days < 7:
            raise ValueError("inbound_days must be at least 7: Meta redelivers for up to 7 days")


async def purge(engine: AsyncEngine, policy: Retention, now: datetime) -> dict[str, int]:
    """Delete what is past its retention; returns how many rows per table."""
    def before(days: int) -> datetime:
        return now - timedelta(days=days)

    strangers = [
        and_(state.c.key.like(f"{channel}/conversations/%"),
             ~exists(select(users.c.id).where(literal(f"{channel}/conversations/") + users.c.user_id == state.c.key)))
        for channel in STRANGER_CHANNELS
    ]
    old_announcements = select(announcements.c.id).where(announcements.c.created_at < before(policy.delivery_days))
    statements = {
        "state": delete(state).where(or_(state.c.updated_at < before(policy.state_days),
                                         and_(state.c.updated_at < before(policy.stranger_days), or_(*strangers)))),
        "inbound_messages": delete(inbound_messages).where(inbound_messages.c.received_at < before(policy.inbound_days)),
        "inbound_work": delete(inbound_work).where(inbound_work.c.received_at < before(INBOUND_WORK_DAYS)),
        "turn_leases": delete(turn_leases).where(turn_leases.c.until < before(1)),
        "message_status": delete(message_status).where(message_status.c.updated_at < before(policy.delivery_days)),
        "outbox": delete(outbox).where(outbox.c.announcement_id.in_(old_announcements.scalar_subquery())),
        "announcements": delete(announcements).where(announcements.c.created_at < before(policy.delivery_days)),
        "audit_log": delete(audit_log).where(audit_log.c.at < before(policy.audit_days)),
        "signals": delete(signals).where(signals.c.created_at < before(policy.signal_days)),
        "invite_failures": delete(invite_failures).where(invite_failures.c.last_failure_at < before(1)),
        "invites": delete(invites).where(invites.c.expires_at < before(30)),
        "console_links": delete(console_links).where(console_links.c.expires_at < before(1)),
        "console_sessions": delete(console_sessions).where(console_sessions.c.expires_at < before(1)),
    }
    counts: dict[str, int] = {}
    async with engine.begin() as conn:
        for name, statement in statements.items():
            counts[name] = max(0, int((await conn.execute(statement)).rowcount or 0))
    return counts
