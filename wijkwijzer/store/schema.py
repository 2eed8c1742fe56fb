"""Table definitions (SQLAlchemy Core). Migrations in ``migrations/versions`` create them.

The migrations are frozen snapshots and never import this module; a test checks that a
migrated database matches these definitions.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
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
)

STATE_KEY_MAX_LENGTH = 512
URGENCIES = ("laag", "normaal", "hoog")


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

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()

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
    Column("channel", Text, nullable=False, server_default=""),
    CheckConstraint("urgency IN ('laag', 'normaal', 'hoog')", name="ck_signals_urgency"),
    Index("ix_signals_wijk_thema", "wijk", "thema"),
    Index("ix_signals_created_at", "created_at"),
)
