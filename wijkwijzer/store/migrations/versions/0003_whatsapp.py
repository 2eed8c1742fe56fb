"""WhatsApp: processed inbound message ids (dedupe of Meta's redeliveries) and delivery statuses.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbound_messages",
        sa.Column("message_id", sa.String(256), primary_key=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_inbound_messages_received_at", "inbound_messages", ["received_at"])
    op.create_table(
        "message_status",
        sa.Column("provider_message_id", sa.String(256), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("recipient", sa.String(64), nullable=True),
        sa.Column("error_code", sa.Integer, nullable=True),
        sa.Column("error_title", sa.String(200), nullable=True),
        sa.Column("timestamp", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("message_status")
    op.drop_index("ix_inbound_messages_received_at", "inbound_messages")
    op.drop_table("inbound_messages")
