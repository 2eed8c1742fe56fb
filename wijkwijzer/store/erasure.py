"""'Verwijder mijn gegevens': everything linkable to one person, from every table, in one transaction.

A person is known by their pseudonymous id (``user_id``: a keyed hash of their channel identity)
and, when registered, by their user record's number. What goes:

* ``users`` (with the encrypted address) and ``subscriptions``;
* ``conversation_refs`` and the conversation ``state`` of each of their conversations (the
  state keys of the current conversation and of every stored reference);
* their rows in the ``outbox`` (delivered or not) and the ``message_status`` rows sent to them;
* their WhatsApp messages still in ``inbound_work`` (answered or not) and the turn leases of
  their conversations;
* ``invite_failures`` under their pseudonym; ``invites`` they redeemed or created keep the code
  but lose the pseudonym; ``announcements`` they wrote keep the text but lose the author;
* the link from their ``signals`` to them (the reporter's pseudonym becomes :data:`ERASED`, and the
  keyed hash of the message that saved each goes);
  the signals themselves are anonymous and stay, counted in the aggregates;
* every ``audit_log`` entry that names them (actor or subject becomes :data:`ERASED`);
* their console login links and sessions; knowledge-base versions they uploaded lose the author.

The erasure itself is audited without any identifier.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.audit import write_audit
from wijkwijzer.store.schema import (
    announcements,
    audit_log,
    console_links,
    console_sessions,
    conversation_refs,
    inbound_work,
    invite_failures,
    invites,
    kb_versions,
    message_status,
    outbox,
    signals,
    state,
    subscriptions,
    turn_leases,
    users,
)

ERASED = "verwijderd"
ERASED_REPORTER = "0" * 16
"""A signal's reporter after erasure: the same shape as a pseudonym, belonging to nobody."""


@dataclass(frozen=True)
class Erased:
    """How many rows went (or lost their link to the person), for the audit and the reply."""

    rows: int

    @property
    def anything(self) -> bool:
        return self.rows > 0


def reporter_of(user_id: str, secret: str) -> str:
    """The reporter value of this person's signals (store/signals.pseudonymize of the user id)."""
    return hmac.new(secret.encode(), user_id.encode(), hashlib.sha256).hexdigest()[:16]


async def erase_person(engine: AsyncEngine, *, user_id: str, secret: str, now: datetime,
                       state_keys: Iterable[str] = ()) -> Erased:
    """Remove everything linkable to the person with pseudonymous id ``user_id`` (module docstring)."""
    count = 0
    async with engine.begin() as conn:
        numbers = [row.id for row in (await conn.execute(select(users.c.id).where(users.c.user_id == user_id))).all()]
        refs = (await conn.execute(select(conversation_refs.c.key).where(conversation_refs.c.user_id == user_id))).all()
        keys = set(state_keys) | {_state_key(row.key) for row in refs}
        statements = [
            delete(subscriptions).where(subscriptions.c.user_ref.in_(numbers)),
            delete(outbox).where(outbox.c.recipient.in_(numbers)),
            delete(console_links).where(console_links.c.user_ref.in_(numbers)),
            delete(console_sessions).where(console_sessions.c.user_ref.in_(numbers)),
            delete(users).where(users.c.id.in_(numbers)),
            delete(conversation_refs).where(conversation_refs.c.user_id == user_id),
            delete(state).where(state.c.key.in_(sorted(keys))),
            delete(message_status).where(message_status.c.recipient == user_id),
            delete(inbound_work).where(inbound_work.c.sender == user_id),
            delete(turn_leases).where(turn_leases.c.key.in_(sorted(keys))),
            delete(invite_failures).where(invite_failures.c.key == user_id),
            update(invites).where(invites.c.redeemed_by == user_id).values(redeemed_by=ERASED),
            update(invites).where(invites.c.created_by == user_id).values(created_by=ERASED),
            update(announcements).where(announcements.c.created_by == user_id).values(created_by=ERASED),
            update(console_links).where(console_links.c.created_by == user_id).values(created_by=ERASED),
            update(kb_versions).where(kb_versions.c.created_by == user_id).values(created_by=ERASED),
            update(signals).where(signals.c.reporter == reporter_of(user_id, secret)).values(
                reporter=ERASED_REPORTER, source=None),
            update(audit_log).where(audit_log.c.actor == user_id).values(actor=ERASED),
            update(audit_log).where(audit_log.c.subject == user_id).values(subject=ERASED),
        ]
        for statement in statements:
            result = await conn.execute(statement)
            count += max(0, int(result.rowcount or 0))
        await write_audit(conn, now, ERASED, "user.forget", ERASED, f"{count} rij(en)")
    if engine.dialect.name == "sqlite":
        async with engine.connect() as conn:
            # secure_delete zeroes the freed pages; the checkpoint empties the write-ahead log too
            await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return Erased(count)


def _state_key(reference_key: str) -> str:
    """A conversation reference's key ('msteams:a:1x…') as the SDK's state key ('msteams/conversations/a:1x…')."""
    channel, _, conversation = reference_key.partition(":")
    return f"{channel}/conversations/{conversation}"
