"""Conversation state for the SDK Storage, and pseudonymous signals.

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
        sa.Column("thema", sa.Text, nullable=False),
        sa.Column("wijk", sa.Text, nullable=True),
        sa.Column("urgency", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reporter", sa.Text, nullable=False),
        sa.Column("channel", sa.Text, nullable=False, server_default=""),
        sa.CheckConstraint("urgency IN ('laag', 'normaal', 'hoog')", name="ck_signals_urgency"),
    )
    op.create_index("ix_signals_wijk_thema", "signals", ["wijk", "thema"])
    op.create_index("ix_signals_created_at", "signals", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_signals_created_at", "signals")
    op.drop_index("ix_signals_wijk_thema", "signals")
    op.drop_table("signals")
    op.drop_table("state")
