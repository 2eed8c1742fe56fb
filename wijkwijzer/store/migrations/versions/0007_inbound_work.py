"""Durable inbound WhatsApp turns (``inbound_work``: each claimed message with its state,
received → replying → answered, leased like the outbox) and one turn at a time per conversation
across processes (``turn_leases``).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbound_work",
        sa.Column("message_id", sa.String(256), primary_key=True),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text, nullable=True),
        sa.Column("replies", sa.Text, nullable=True),
        sa.Column("sent", sa.Integer, nullable=False, server_default="0"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.String(80), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("state IN ('received', 'replying', 'answered', 'failed')", name="ck_inbound_work_state"),
    )
    op.create_index("ix_inbound_work_due", "inbound_work", ["state", "next_attempt_at"])
    op.create_index("ix_inbound_work_sender", "inbound_work", ["sender"])
    op.create_index("ix_inbound_work_received_at", "inbound_work", ["received_at"])
    op.create_table(
        "turn_leases",
        sa.Column("key", sa.String(512), primary_key=True),
        sa.Column("holder", sa.String(80), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("turn_leases")
    op.drop_index("ix_inbound_work_received_at", "inbound_work")
    op.drop_index("ix_inbound_work_sender", "inbound_work")
    op.drop_index("ix_inbound_work_due", "inbound_work")
    op.drop_table("inbound_work")
