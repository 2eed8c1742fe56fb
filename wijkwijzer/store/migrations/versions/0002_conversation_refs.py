"""Conversation references: where to reach a user or conversation later (proactive messages).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_refs",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_conversation_refs_user_id", "conversation_refs", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_conversation_refs_user_id", "conversation_refs")
    op.drop_table("conversation_refs")
