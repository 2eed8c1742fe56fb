"""A person's new channel identity (WhatsApp: "user changed number"), in one transaction.

The pseudonym of a WhatsApp user is a keyed hash of their number, so a new number is a new
pseudonym. ``move_person`` moves everything linkable to the old pseudonym to the new one —
the same tables ``erasure.erase_person`` clears — so the person keeps their registration (role,
school, wijk, subscriptions, pending announcements) and nothing is left under the old pseudonym
or the old number:

* ``users``: the record gets the new pseudonym and the new (encrypted) address. When the new
  number already has a record of its own, that record stays as it is, the old record's
  subscriptions and announcement deliveries are added to it and the old record goes;
* ``conversation_refs`` and the conversation ``state`` under the old pseudonym go (a pending
  question is not carried over); ``invite_failures`` and turn leases under it go;
* ``inbound_work`` rows (their number is sealed, and removed once answered), ``message_status``, ``invites``, ``announcements``, the reporter of ``signals`` and the
  ``audit_log`` entries naming the old pseudonym name the new one.

The move itself is audited with the new pseudonym only. On SQLite the write-ahead log is
checkpointed afterwards, as after an erasure, so the old values leave the file as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, delete, exists, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql import Executable

from wijkwijzer.store.audit import write_audit
from wijkwijzer.store.database import insert_unless_exists
from wijkwijzer.store.erasure import _state_key, reporter_of
from wijkwijzer.store.schema import (
    announcements,
    audit_log,
    conversation_refs,
    inbound_work,
    invite_failures,
    invites,
    message_status,
    outbox,
    signals,
    state,
    subscriptions,
    turn_leases,
    users,
)


@dataclass(frozen=True)
class Moved:
    """``registered``: whether a user record now holds the new pseudonym; ``rows``: rows changed."""

    registered: bool
    rows: int


async def move_person(engine: AsyncEngine, *, old_user_id: str, new_user_id: str, new_address: str | None,
                      secret: str, now: datetime, state_keys: Iterable[str] = ()) -> Moved:
    """Move everything of ``old_user_id`` to ``new_user_id`` (module docstring). ``new_address`` is
    stored as given: the caller seals it (store/addresses.py). ``state_keys`` are the conversation
    state keys of the old identity that no reference names."""
    if old_user_id == new_user_id:
        raise ValueError("move_person(): the old and the new pseudonym are the same")
    async with engine.begin() as conn:
        count = await _move_user(conn, old_user_id, new_user_id, new_address)
        refs = (await conn.execute(select(conversation_refs.c.key)
                                   .where(conversation_refs.c.user_id == old_user_id))).all()
        keys = set(state_keys) | {_state_key(row.key) for row in refs}
        statements: list[Executable] = [
            delete(conversation_refs).where(conversation_refs.c.user_id == old_user_id),
            delete(state).where(state.c.key.in_(sorted(keys))),
            delete(invite_failures).where(invite_failures.c.key == old_user_id),
            delete(turn_leases).where(turn_leases.c.key.in_(sorted(keys))),
            update(inbound_work).where(inbound_work.c.sender == old_user_id).values(sender=new_user_id),
            update(message_status).where(message_status.c.recipient == old_user_id).values(recipient=new_user_id),
            update(invites).where(invites.c.redeemed_by == old_user_id).values(redeemed_by=new_user_id),
            update(invites).where(invites.c.created_by == old_user_id).values(created_by=new_user_id),
            update(announcements).where(announcements.c.created_by == old_user_id).values(created_by=new_user_id),
            update(signals).where(signals.c.reporter == reporter_of(old_user_id, secret))
            .values(reporter=reporter_of(new_user_id, secret)),
            update(audit_log).where(audit_log.c.actor == old_user_id).values(actor=new_user_id),
            update(audit_log).where(audit_log.c.subject == old_user_id).values(subject=new_user_id),
        ]
        for statement in statements:
            result = await conn.execute(statement)
            count += max(0, int(getattr(result, "rowcount", 0) or 0))
        registered = (await conn.execute(select(users.c.id).where(users.c.user_id == new_user_id))).first() is not None
        await write_audit(conn, now, new_user_id, "user.number", new_user_id, f"{count} rij(en)")
    if engine.dialect.name == "sqlite":
        async with engine.connect() as conn:
            # as in erasure.py: the old values leave the write-ahead log too
            await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return Moved(registered=registered, rows=count)


async def _move_user(conn: AsyncConnection, old_user_id: str, new_user_id: str, new_address: str | None) -> int:
    old = (await conn.execute(select(users.c.id).where(users.c.user_id == old_user_id))).first()
    if old is None:
        return 0
    new = (await conn.execute(select(users.c.id).where(users.c.user_id == new_user_id))).first()
    if new is None:
        await conn.execute(update(users).where(users.c.id == old.id)
                           .values(user_id=new_user_id, address=new_address))
        return 1
    wijken = (await conn.execute(select(subscriptions.c.wijk).where(subscriptions.c.user_ref == old.id))).scalars()
    for wijk in list(wijken):
        await insert_unless_exists(conn, subscriptions, {"user_ref": new.id, "wijk": wijk})
    theirs = outbox.alias("theirs")
    await conn.execute(update(outbox)
                       .where(outbox.c.recipient == old.id,
                              ~exists().where(and_(theirs.c.recipient == new.id,
                                                   theirs.c.announcement_id == outbox.c.announcement_id)))
                       .values(recipient=new.id))
    for statement in (delete(outbox).where(outbox.c.recipient == old.id),
                      delete(subscriptions).where(subscriptions.c.user_ref == old.id),
                      delete(users).where(users.c.id == old.id)):
        await conn.execute(statement)
    return 1
