"""Every table of Wijkwijzer (SQLAlchemy Core), on one :data:`metadata`.

The store modules import their tables from here; nothing else defines a table. Migrations in
``migrations/versions`` create them: the migrations are frozen snapshots and never import this
module, Alembic's autogenerate compares with this :data:`metadata`, and
``tests/store/test_migrations.py`` checks on SQLite and PostgreSQL that a database migrated to
head matches these definitions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)

from wijkwijzer.store.roles import UserRole

STATE_KEY_MAX_LENGTH = 512
URGENCIES = ("laag", "normaal", "hoog")


def one_of(column: str, values: Iterable[str]) -> str:
    """The SQL of a CHECK that ``column`` holds one of ``values``: ``role IN ('ib', 'adviseur')``."""
    listed = list(values)
    if not listed or any("'" in value for value in listed):
        raise ValueError(f"one_of(): need plain values without quotes, not {listed!r}")
    quoted = ", ".join(f"'{value}'" for value in listed)
    return f"{column} IN ({quoted})"


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC; read back as an aware UTC datetime on every database.

    PostgreSQL keeps ``timestamptz``; SQLite has no time zones, so the value is stored as naive
    UTC. Naive datetimes are refused: their meaning would depend on the server's clock setting.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware datetime (UTC)")
        utc = value.astimezone(UTC)
        return utc if dialect.name == "postgresql" else utc.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# The empty string as a SQL default. Written as SQL rather than as "": the DDL is the same
# (DEFAULT ''), but Alembic compares a "" default with SQLite's reflected '' as different.
EMPTY_TEXT = text("''")

metadata = MetaData()
"""The one schema: every table below, and nothing else."""

# --- conversation state and signals (migration 0001) -------------------------------------------

state = Table(
    "state",
    metadata,
    Column("key", String(STATE_KEY_MAX_LENGTH), primary_key=True),
    Column("etag", String(64), nullable=False),
    Column("value", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

signals = Table(
    "signals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("thema", Text, nullable=False),
    Column("wijk", Text, nullable=True),
    Column("urgency", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("reporter", Text, nullable=False),
    Column("channel", Text, nullable=False, server_default=EMPTY_TEXT),
    # The message that saved it, as a keyed hash (migration 0008): a turn run again for the same
    # message (its process died before the turn was marked done) saves no second signal.
    Column("source", String(16), nullable=True),
    CheckConstraint(one_of("urgency", URGENCIES), name="ck_signals_urgency"),
    Index("ix_signals_wijk_thema", "wijk", "thema"),
    Index("ux_signals_source", "source", unique=True),
    Index("ix_signals_created_at", "created_at"),
    Index("ix_signals_thema_created_at", "thema", "created_at"),
)


# --- conversation references (migration 0002) ---------------------------------------------------

conversation_refs = Table(
    "conversation_refs",
    metadata,
    Column("key", Text, primary_key=True),
    Column("user_id", String(64), nullable=False),
    Column("channel", String(40), nullable=False),
    Column("reference", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index("ix_conversation_refs_user_id", "user_id"),
)

# --- WhatsApp bookkeeping (migration 0003) ------------------------------------------------------

inbound_messages = Table(
    "inbound_messages",
    metadata,
    Column("message_id", String(256), primary_key=True),
    Column("received_at", UtcDateTime, nullable=False),
    Index("ix_inbound_messages_received_at", "received_at"),
)

message_status = Table(
    "message_status",
    metadata,
    Column("provider_message_id", String(256), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("recipient", String(64), nullable=True),
    Column("error_code", Integer, nullable=True),
    Column("error_title", String(200), nullable=True),
    Column("timestamp", UtcDateTime, nullable=True),
    Column("updated_at", UtcDateTime, nullable=False),
)

# --- durable inbound turns and one turn at a time per conversation (migration 0007) -----------

INBOUND_STATES = ("received", "replying", "answered", "failed")

inbound_work = Table(
    "inbound_work",
    metadata,
    # the keyed hash of Meta's message id (as in inbound_messages), never the id itself
    Column("message_id", String(256), primary_key=True),
    # the sender's pseudonym: forget-me finds the rows by it
    Column("sender", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    # sealed (store/addresses.py) and set to NULL once answered: the number and the text
    Column("payload", Text, nullable=True),
    # sealed: the rendered replies of the turn, kept until every one was sent
    Column("replies", Text, nullable=True),
    Column("sent", Integer, nullable=False, server_default="0"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("received_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("claimed_by", String(80), nullable=True),
    Column("claimed_until", UtcDateTime, nullable=True),
    Column("answered_at", UtcDateTime, nullable=True),
    CheckConstraint(one_of("state", INBOUND_STATES), name="ck_inbound_work_state"),
    Index("ix_inbound_work_due", "state", "next_attempt_at"),
    Index("ix_inbound_work_sender", "sender"),
    Index("ix_inbound_work_received_at", "received_at"),
)

turn_leases = Table(
    "turn_leases",
    metadata,
    # a conversation's state key: one turn of that conversation at a time, in any process
    Column("key", String(STATE_KEY_MAX_LENGTH), primary_key=True),
    Column("holder", String(80), nullable=False),
    Column("until", UtcDateTime, nullable=False),
)

# --- people (migration 0004) --------------------------------------------------------------------

app_secrets = Table(
    "app_secrets",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(64), nullable=False, unique=True),
    Column("channel", String(40), nullable=False),
    Column("address", Text, nullable=True),
    Column("role", String(16), nullable=False),
    Column("school", Text, nullable=True),
    Column("wijk", Text, nullable=True),
    Column("display_name", Text, nullable=True),
    Column("registered_at", UtcDateTime, nullable=False),
    Column("registered_via", Text, nullable=False),
    Column("onboarded", Boolean, nullable=False, server_default=false()),
    Column("announcements_off", Boolean, nullable=False, server_default=false()),
    Column("last_seen_at", UtcDateTime, nullable=True),
    CheckConstraint(one_of("role", UserRole), name="ck_users_role"),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("user_ref", Integer, primary_key=True),
    Column("wijk", Text, primary_key=True),
    Index("ix_subscriptions_wijk", "wijk"),
)

invites = Table(
    "invites",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("selector", String(8), nullable=False),
    Column("code_hash", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("school", Text, nullable=True),
    Column("wijk", Text, nullable=True),
    Column("created_by", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("redeemed_at", UtcDateTime, nullable=True),
    Column("redeemed_by", String(64), nullable=True),
    CheckConstraint(one_of("role", UserRole), name="ck_invites_role"),
    Index("ix_invites_selector", "selector"),
)

invite_failures = Table(
    "invite_failures",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", UtcDateTime, nullable=False),
    Column("blocked_until", UtcDateTime, nullable=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject", Text, nullable=False),
    Column("detail", Text, nullable=False, server_default=EMPTY_TEXT),
)

# --- announcements and their delivery outbox (migration 0004) ----------------------------------

announcements = Table(
    "announcements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_by", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("audience", Text, nullable=False),
    Column("recipients", Integer, nullable=False),
    Column("cancelled_at", UtcDateTime, nullable=True),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("announcement_id", Integer, nullable=False),
    Column("recipient", Integer, nullable=False),
    Column("channel", String(40), nullable=False),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("claimed_by", String(80), nullable=True),
    Column("claimed_until", UtcDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("provider_message_id", String(256), nullable=True),
    Column("via", String(16), nullable=True),
    Column("full_text_shown", Boolean, nullable=False, server_default=false()),
    Column("updated_at", UtcDateTime, nullable=False),
    UniqueConstraint("announcement_id", "recipient", name="uq_outbox_announcement_recipient"),
    Index("ix_outbox_due", "state", "next_attempt_at"),
    Index("ix_outbox_recipient", "recipient"),
)

# --- the console: login links, sessions, published knowledge-base versions (migration 0006) ----

console_links = Table(
    "console_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_ref", Integer, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("used_at", UtcDateTime, nullable=True),
    Index("ix_console_links_user_ref", "user_ref"),
)

console_sessions = Table(
    "console_sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_hash", String(64), nullable=False, unique=True),
    Column("user_ref", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("last_seen_at", UtcDateTime, nullable=False),
    Index("ix_console_sessions_user_ref", "user_ref"),
)

kb_versions = Table(
    "kb_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("files", Text, nullable=False),
    Column("report", Text, nullable=False, server_default=EMPTY_TEXT),
    Column("published_at", UtcDateTime, nullable=True),
)

kb_live = Table(
    "kb_live",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", Integer, nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
    Column("changed_by", Text, nullable=False),
)
