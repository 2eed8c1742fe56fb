"""The console's way in: single-use login links and sessions.

A login link carries a random token (``secrets.token_urlsafe``) that is valid for
:data:`LINK_VALID` and works once; a session cookie carries another. Neither token is stored:
the database holds only an HMAC of each, keyed with the pseudonym secret (never in the
database), so a copy of the database lets nobody in. A link is redeemed by one
``UPDATE … WHERE used_at IS NULL AND expires_at > now``, so two tabs racing for one link cannot
both win. Only adviseurs and beheerders get a link or a session, and every request checks the
role again: a demoted or forgotten person is out at once. Logins, refusals, links and logouts
go to the audit log (pseudonymous ids, never a token).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.audit import write_audit
from wijkwijzer.store.people import User, _user
from wijkwijzer.store.roles import UserRole
from wijkwijzer.store.schema import console_links, console_sessions, users

LINK_VALID = timedelta(minutes=10)
CONSOLE_ROLES = frozenset({UserRole.ADVISEUR, UserRole.BEHEERDER})
TOUCH_EVERY = timedelta(minutes=1)


class NotAllowed(ValueError):
    """The person may not use the console (not an adviseur or beheerder)."""


@dataclass(frozen=True)
class Login:
    """What redeeming a link gave: ``outcome`` is ``ok``, ``unknown``, ``used``, ``expired`` or
    ``not_allowed``; ``user`` only when ok."""

    outcome: str
    user: User | None = None


@dataclass(frozen=True)
class Session:
    user: User
    expires_at: datetime


class ConsoleAccess:
    """Links, sessions and CSRF tokens; see the module docstring."""

    def __init__(self, engine: AsyncEngine, secret: str, session_valid: timedelta = timedelta(hours=8),
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        if not secret:
            raise ValueError("ConsoleAccess needs the pseudonym secret")
        self.engine = engine
        self.secret = secret
        self.session_valid = session_valid
        self.clock = clock

    def _hash(self, kind: str, token: str) -> str:
        return hmac.new(self.secret.encode(), f"console-{kind}:{token}".encode(), hashlib.sha256).hexdigest()

    def csrf_token(self, session_token: str) -> str:
        """The CSRF token of a session: derived from it, so it needs no storage and dies with it."""
        return self._hash("csrf", session_token)[:40]

    def csrf_ok(self, session_token: str, given: str) -> bool:
        return hmac.compare_digest(self.csrf_token(session_token), given or "")

    async def create_link(self, user: User, actor: str) -> str:
        """A new single-use login link token for ``user``; NotAllowed for anyone but adviseurs and beheerders."""
        if user.role not in CONSOLE_ROLES:
            raise NotAllowed(f"gebruiker {user.id} is {user.role}, geen adviseur of beheerder")
        token = secrets.token_urlsafe(32)
        now = self.clock()
        async with self.engine.begin() as conn:
            await conn.execute(insert(console_links).values(
                token_hash=self._hash("link", token), user_ref=user.id, created_by=actor, created_at=now,
                expires_at=now + LINK_VALID))
            await write_audit(conn, now, actor, "console.link", user.user_id,
                              f"geldig tot {now + LINK_VALID:%H:%M} UTC")
        return token

    async def redeem_link(self, token: str) -> Login:
        """Use a link once. Refusals are audited with their reason."""
        now = self.clock()
        digest = self._hash("link", token)
        async with self.engine.begin() as conn:
            taken = (await conn.execute(
                update(console_links).where(and_(console_links.c.token_hash == digest,
                                                 console_links.c.used_at.is_(None), console_links.c.expires_at > now))
                .values(used_at=now).returning(console_links.c.user_ref))).first()
            if taken is None:
                row = (await conn.execute(select(console_links).where(console_links.c.token_hash == digest))).first()
                outcome = "unknown" if row is None else "used" if row.used_at is not None else "expired"
                await write_audit(conn, now, "-", "console.login_refused", "-", outcome)
                return Login(outcome)
            found = (await conn.execute(select(users).where(users.c.id == taken.user_ref))).first()
            user = _user(found) if found is not None else None
            if user is None or user.role not in CONSOLE_ROLES:
                await write_audit(conn, now, user.user_id if user else "-", "console.login_refused", "-", "not_allowed")
                return Login("not_allowed")
            await write_audit(conn, now, user.user_id, "console.login", user.user_id, "")
        return Login("ok", user)

    async def start_session(self, user: User) -> str:
        token = secrets.token_urlsafe(32)
        now = self.clock()
        async with self.engine.begin() as conn:
            await conn.execute(insert(console_sessions).values(
                session_hash=self._hash("session", token), user_ref=user.id, created_at=now,
                expires_at=now + self.session_valid, last_seen_at=now))
        return token

    async def session(self, token: str) -> Session | None:
        """The session of this cookie value, if it is valid and its person still may use the console."""
        if not token:
            return None
        now = self.clock()
        query = (select(console_sessions.c.id, console_sessions.c.expires_at, console_sessions.c.last_seen_at, users)
                 .join(users, users.c.id == console_sessions.c.user_ref)
                 .where(console_sessions.c.session_hash == self._hash("session", token)))
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        if row is None or row.expires_at <= now:
            return None
        values: dict[str, Any] = {c.name: row._mapping[c] for c in users.c}
        user = _user(_Mapping(values))
        if user.role not in CONSOLE_ROLES:
            return None
        if now - row.last_seen_at > TOUCH_EVERY:
            async with self.engine.begin() as conn:
                await conn.execute(update(console_sessions).where(console_sessions.c.id == row.id)
                                   .values(last_seen_at=now))
        return Session(user, row.expires_at)

    async def end_session(self, token: str, user: User) -> None:
        now = self.clock()
        async with self.engine.begin() as conn:
            await conn.execute(delete(console_sessions).where(
                console_sessions.c.session_hash == self._hash("session", token)))
            await write_audit(conn, now, user.user_id, "console.logout", user.user_id, "")


class _Mapping:
    """A row-like object with ``_mapping`` for :func:`store.people._user`."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._mapping = values
