"""Who may ask what: users per channel with their role, wijk subscriptions, invite codes,
wrong-code counters and the audit log.

A user is one person on one channel, keyed by the channel's pseudonymous id (``user_id``, the
same HMAC the turn sees). Only WhatsApp needs an ``address`` (the phone number, to send
announcements); Teams reaches people through their stored conversation reference.

Invite codes are nine characters from an alphabet without look-alikes (``K7P-M3Q-X9T``). The
first group is a *selector* stored in clear to find the row; the whole code is stored only as
an HMAC keyed with the pseudonym secret and compared with ``hmac.compare_digest``. A code is
redeemed by an ``UPDATE … WHERE redeemed_at IS NULL``, so two people racing for one code
cannot both win.

Wrong codes (per pseudonymous sender): the first ``FREE_FAILURES`` cost nothing; after that
every further try must wait 1, 2, 4, … minutes; at ``BLOCK_AFTER`` failures the sender is
blocked for ``BLOCK_HOURS`` hours. A day without failures forgets the count. A try during a
wait or block is refused without looking at the code.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from wijkwijzer.store.addresses import AddressCipher
from wijkwijzer.store.audit import AuditEntry, read_audit, write_audit
from wijkwijzer.store.database import insert_unless_exists, point_read, point_reads
from wijkwijzer.store.erasure import Erased, erase_person
from wijkwijzer.store.renumber import Moved, move_person
from wijkwijzer.store.roles import UserRole
from wijkwijzer.store.schema import (
    app_secrets,
    audit_log,
    invite_failures,
    invites,
    subscriptions,
    users,
)

# Public names; the tables among them are defined in schema.py and stay importable from here.
__all__ = [
    "BLOCK_AFTER", "BLOCK_HOURS", "CODE_ALPHABET", "CODE_GROUPS", "CODE_GROUP_LENGTH", "FAILURE_MEMORY",
    "FREE_FAILURES", "LAST_SEEN_RESOLUTION", "ROLES", "AuditEntry", "Invite", "People", "Redemption", "User",
    "app_secrets", "audit_log", "format_code", "invite_failures", "invites", "new_code",
    "normalize_code", "subscriptions", "users",
]

ROLES: tuple[str, ...] = tuple(role.value for role in UserRole)
"""The role names, for choices (argparse); the roles themselves are :class:`UserRole`."""
CODE_ALPHABET = "ACDEFHJKMNPQRTUVWXY34679"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 3
FREE_FAILURES = 3
BLOCK_AFTER = 8
BLOCK_HOURS = 24
FAILURE_MEMORY = timedelta(hours=24)
LAST_SEEN_RESOLUTION = timedelta(minutes=10)


@dataclass(frozen=True)
class User:
    id: int
    user_id: str
    channel: str
    address: str | None
    role: UserRole
    school: str | None
    wijk: str | None
    display_name: str | None
    registered_at: datetime
    registered_via: str
    onboarded: bool
    announcements_off: bool
    last_seen_at: datetime | None


@dataclass(frozen=True)
class Invite:
    code: str
    role: UserRole
    school: str | None
    wijk: str | None
    expires_at: datetime


@dataclass(frozen=True)
class Redemption:
    """``outcome``: ``ok``, ``wrong``, ``expired``, ``used``, ``wait`` or ``blocked``."""

    outcome: str
    user: User | None = None
    wait: timedelta | None = None


def _user(row: Any) -> User:
    values = dict(row._mapping)
    values["role"] = UserRole(values["role"])
    return User(**values)


# Built once: the lookup runs on every turn, and building it costs more CPU than running it.
_BY_USER_ID = point_read(select(users).where(users.c.user_id == bindparam("user_id")))


def normalize_code(text: str) -> str:
    """The code's characters, upper case, without spaces or hyphens."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def format_code(raw: str) -> str:
    return "-".join(raw[i:i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH))


def new_code() -> str:
    """A random code with at least one digit and one letter, so it never reads as a word or number."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
        if any(ch.isdigit() for ch in code) and any(ch.isalpha() for ch in code):
            return code


class People:
    """Users, subscriptions, invites and the audit log; bound parameters only."""

    def __init__(self, engine: AsyncEngine, secret: str,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.engine = engine
        self.reads = point_reads(engine)
        self.secret = secret
        self.addresses = AddressCipher(secret)
        self.clock = clock

    def _user(self, row: Any) -> User:
        """A user record with its address readable (it is stored encrypted, store/addresses.py)."""
        user = _user(row)
        return replace(user, address=self.addresses.open(user.address)) if user.address else user

    async def seal_addresses(self) -> int:
        """Encrypt addresses stored in clear by an older version; returns how many."""
        async with self.engine.begin() as conn:
            rows = (await conn.execute(select(users.c.id, users.c.address).where(
                users.c.address.is_not(None), users.c.address.not_like("enc:%")))).all()
            for row in rows:
                await conn.execute(update(users).where(users.c.id == row.id)
                                   .values(address=self.addresses.seal(row.address)))
        return len(rows)

    # --- users ----------------------------------------------------------------------------

    async def get(self, user_id: str) -> User | None:
        rows = await self.reads.rows(_BY_USER_ID, {"user_id": user_id})
        return self._user(rows[0]) if rows else None

    async def by_number(self, number: int) -> User | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(users).where(users.c.id == number))).first()
        return self._user(row) if row else None

    async def all(self) -> list[User]:
        async with self.engine.connect() as conn:
            rows = (await conn.execute(select(users).order_by(users.c.id))).all()
        return [self._user(row) for row in rows]

    async def register(self, *, user_id: str, channel: str, role: UserRole | str, via: str, address: str | None = None,
                       school: str | None = None, wijk: str | None = None, display_name: str | None = None,
                       onboarded: bool = True) -> User:
        """Create the user (subscribed to their own wijk); an existing user is returned as is."""
        async with self.engine.begin() as conn:
            user = await self._register(conn, user_id=user_id, channel=channel, role=role, via=via, address=address,
                                        school=school, wijk=wijk, display_name=display_name, onboarded=onboarded)
        return user

    async def _register(self, conn: AsyncConnection, **fields: Any) -> User:
        role = UserRole.parse(fields["role"])
        now = self.clock()
        created = await insert_unless_exists(conn, users, {
            "user_id": fields["user_id"], "channel": fields["channel"], "address": self.addresses.seal(fields["address"]),
            "role": role.value, "school": fields["school"], "wijk": fields["wijk"],
            "display_name": fields["display_name"], "registered_at": now, "registered_via": fields["via"],
            "onboarded": fields["onboarded"], "last_seen_at": now,
        })
        if created:
            row = (await conn.execute(select(users).where(users.c.user_id == fields["user_id"]))).one()
            if fields["wijk"]:
                await _subscribe(conn, row.id, fields["wijk"])
            await write_audit(conn, now, fields["user_id"], "user.register", fields["user_id"],
                              f"role={role} via={fields['via']}")
        return self._user((await conn.execute(select(users).where(users.c.user_id == fields["user_id"]))).one())

    async def finish_onboarding(self, user: User, *, school: str | None, wijk: str | None) -> None:
        """Record the school/wijk the user gave (or that they skipped) and subscribe to the wijk."""
        async with self.engine.begin() as conn:
            await conn.execute(update(users).where(users.c.id == user.id)
                               .values(school=school, wijk=wijk, onboarded=True))
            if wijk:
                await _subscribe(conn, user.id, wijk)

    async def set_role(self, number: int, role: UserRole | str, actor: str) -> User | None:
        role = UserRole.parse(role)
        async with self.engine.begin() as conn:
            done = await conn.execute(update(users).where(users.c.id == number).values(role=role.value))
            if done.rowcount != 1:
                return None
            await write_audit(conn, self.clock(), actor, "user.role", str(number), f"role={role}")
            return self._user((await conn.execute(select(users).where(users.c.id == number))).one())

    async def forget(self, user: User, actor: str) -> Erased:
        """'Verwijder mijn gegevens' for a registered user (chat or CLI): see :meth:`erase`."""
        return await self.erase(user.user_id)

    async def erase(self, user_id: str, state_keys: Iterable[str] = ()) -> Erased:
        """Everything linkable to the person with this pseudonymous id, registered or not
        (store/erasure.py), plus the conversation state under ``state_keys``."""
        return await erase_person(self.engine, user_id=user_id, secret=self.secret, now=self.clock(),
                                  state_keys=state_keys)

    async def change_number(self, old_user_id: str, new_user_id: str, new_address: str,
                            state_keys: Iterable[str] = ()) -> Moved:
        """The person with pseudonym ``old_user_id`` now writes from ``new_address`` (pseudonym
        ``new_user_id``): their registration moves along, nothing stays under the old one
        (store/renumber.py). ``state_keys``: their conversation state under the old pseudonym."""
        return await move_person(self.engine, old_user_id=old_user_id, new_user_id=new_user_id,
                                 new_address=self.addresses.seal(new_address), secret=self.secret, now=self.clock(),
                                 state_keys=state_keys)

    async def touch(self, user: User) -> None:
        """Remember when the user last wrote (for WhatsApp's 24-hour window). Written at most
        every ``LAST_SEEN_RESOLUTION``; the stored time is never later than the real one."""
        now = self.clock()
        if user.last_seen_at and now - user.last_seen_at < LAST_SEEN_RESOLUTION:
            return
        async with self.engine.begin() as conn:
            await conn.execute(update(users).where(users.c.id == user.id).values(last_seen_at=now))

    # --- subscriptions --------------------------------------------------------------------

    async def subscriptions(self, user: User) -> list[str]:
        query = select(subscriptions.c.wijk).where(subscriptions.c.user_ref == user.id).order_by(subscriptions.c.wijk)
        async with self.engine.connect() as conn:
            return list((await conn.execute(query)).scalars())

    async def subscribe(self, user: User, wijk: str) -> bool:
        """Subscribe to ``wijk`` and switch announcements back on; False if already subscribed."""
        async with self.engine.begin() as conn:
            await conn.execute(update(users).where(users.c.id == user.id).values(announcements_off=False))
            return await _subscribe(conn, user.id, wijk)

    async def unsubscribe(self, user: User, wijk: str) -> bool:
        async with self.engine.begin() as conn:
            done = await conn.execute(delete(subscriptions).where(
                and_(subscriptions.c.user_ref == user.id, subscriptions.c.wijk == wijk)))
        return done.rowcount == 1

    async def set_announcements(self, user: User, on: bool) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(update(users).where(users.c.id == user.id).values(announcements_off=not on))
            await write_audit(conn, self.clock(), user.user_id, "user.announcements", str(user.id),
                              "aan" if on else "uit")

    # --- invites --------------------------------------------------------------------------

    def _hash(self, raw: str) -> str:
        return hmac.new(self.secret.encode(), f"invite:{raw}".encode(), hashlib.sha256).hexdigest()

    async def create_invites(self, *, role: UserRole | str, school: str | None, wijk: str | None, count: int,
                             valid_for: timedelta, created_by: str) -> list[Invite]:
        role = UserRole.parse(role)
        now = self.clock()
        expires = now + valid_for
        made: list[Invite] = []
        async with self.engine.begin() as conn:
            for _ in range(count):
                raw = new_code()
                await conn.execute(insert(invites).values(
                    selector=raw[:CODE_GROUP_LENGTH], code_hash=self._hash(raw), role=role.value, school=school,
                    wijk=wijk, created_by=created_by, created_at=now, expires_at=expires))
                made.append(Invite(format_code(raw), role, school, wijk, expires))
            await write_audit(conn, now, created_by, "invite.create", f"{count}x {role}",
                              f"school={school or '-'} wijk={wijk or '-'} verloopt={expires.date().isoformat()}")
        return made

    async def redeem(self, text: str, *, user_id: str, channel: str, address: str | None,
                     display_name: str | None = None) -> Redemption:
        """Redeem an invite code for the sender ``user_id``; counts wrong codes (see module doc)."""
        now = self.clock()
        raw = normalize_code(text)
        async with self.engine.begin() as conn:
            waiting = await self._waiting(conn, user_id, now)
            if waiting is not None:
                return waiting
            found = await self._matching_invite(conn, raw)
            if found is None:
                return await self._failure(conn, user_id, now)
            if found.redeemed_at is not None:
                return Redemption("used")
            if found.expires_at <= now:
                return Redemption("expired")
            taken = await conn.execute(update(invites)
                                       .where(and_(invites.c.id == found.id, invites.c.redeemed_at.is_(None)))
                                       .values(redeemed_at=now, redeemed_by=user_id))
            if taken.rowcount != 1:
                return Redemption("used")
            await conn.execute(delete(invite_failures).where(invite_failures.c.key == user_id))
            user = await self._register(conn, user_id=user_id, channel=channel, role=found.role, via=f"code {found.id}",
                                        address=address, school=found.school, wijk=found.wijk,
                                        display_name=display_name, onboarded=True)
        return Redemption("ok", user)

    async def _matching_invite(self, conn: AsyncConnection, raw: str) -> Any:
        if len(raw) != CODE_GROUPS * CODE_GROUP_LENGTH:
            return None
        digest = self._hash(raw)
        rows = (await conn.execute(select(invites).where(invites.c.selector == raw[:CODE_GROUP_LENGTH]))).all()
        match = None
        for row in rows:
            if hmac.compare_digest(row.code_hash, digest):
                match = row
        return match

    async def _waiting(self, conn: AsyncConnection, key: str, now: datetime) -> Redemption | None:
        row = (await conn.execute(select(invite_failures).where(invite_failures.c.key == key))).first()
        if row is None or row.blocked_until is None or row.blocked_until <= now:
            return None
        outcome = "blocked" if row.failures >= BLOCK_AFTER else "wait"
        return Redemption(outcome, wait=row.blocked_until - now)

    async def _failure(self, conn: AsyncConnection, key: str, now: datetime) -> Redemption:
        row = (await conn.execute(select(invite_failures).where(invite_failures.c.key == key))).first()
        failures = 1 if row is None or now - row.last_failure_at > FAILURE_MEMORY else row.failures + 1
        blocked_until = _blocked_until(failures, now)
        values = {"failures": failures, "last_failure_at": now, "blocked_until": blocked_until}
        if row is None:
            await conn.execute(insert(invite_failures).values(key=key, **values))
        else:
            await conn.execute(update(invite_failures).where(invite_failures.c.key == key).values(**values))
        if failures == BLOCK_AFTER:
            await write_audit(conn, now, key, "invite.blocked", key, f"{failures} foute codes")
        return Redemption("wrong", wait=blocked_until - now if blocked_until else None)

    # --- audit ----------------------------------------------------------------------------

    async def audit(self, actor: str, action: str, subject: str, detail: str = "") -> None:
        async with self.engine.begin() as conn:
            await write_audit(conn, self.clock(), actor, action, subject, detail)

    async def audit_entries(self, limit: int = 100) -> list[AuditEntry]:
        async with self.engine.connect() as conn:
            return await read_audit(conn, limit)

    async def count(self) -> int:
        async with self.engine.connect() as conn:
            return (await conn.execute(select(func.count()).select_from(users))).scalar_one()


def _blocked_until(failures: int, now: datetime) -> datetime | None:
    if failures >= BLOCK_AFTER:
        return now + timedelta(hours=BLOCK_HOURS)
    if failures >= FREE_FAILURES:
        return now + timedelta(minutes=2 ** (failures - FREE_FAILURES))
    return None


async def _subscribe(conn: AsyncConnection, user_ref: int, wijk: str) -> bool:
    return await insert_unless_exists(conn, subscriptions, {"user_ref": user_ref, "wijk": wijk})


