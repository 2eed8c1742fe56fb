"""Conversation state (SDK Storage) and anonymous signals.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "state",
        sa.Column("key", sa.String(512), primary_key=True),
        sa.Column("etag", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "signals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("thema", sa.String(40), nullable=False),
        sa.Column("wijk", sa.String(200), nullable=True),
        sa.Column("urgency", sa.String(10), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reporter", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False, server_default=""),
    )
    op.create_index("ix_signals_wijk_thema", "signals", ["wijk", "thema"])


def downgrade() -> None:
    op.drop_index("ix_signals_wijk_thema", "signals")
    op.drop_table("signals")
    op.drop_table("state")
