"""Table definitions; the migrations in ``migrations/versions`` create them."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

state = Table(
    "state",
    metadata,
    Column("key", String(512), primary_key=True),
    Column("etag", String(64), nullable=False),
    Column("value", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

signals = Table(
    "signals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("thema", String(40), nullable=False),
    Column("wijk", String(200), nullable=True),
    Column("urgency", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("reporter", String(64), nullable=False),
    Column("channel", String(40), nullable=False, default=""),
    Index("ix_signals_wijk_thema", "wijk", "thema"),
)
