"""The console: single-use login links and sessions (both stored only as keyed hashes), and the
knowledge-base versions the office uploads and publishes, with the one live version that every
worker polls.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "console_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("user_ref", sa.Integer, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_console_links_user_ref", "console_links", ["user_ref"])
    op.create_table(
        "console_sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("session_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("user_ref", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_console_sessions_user_ref", "console_sessions", ["user_ref"])
    op.create_table(
        "kb_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("files", sa.Text, nullable=False),
        sa.Column("report", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "kb_live",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.Text, nullable=False),
    )
    op.create_index("ix_signals_thema_created_at", "signals", ["thema", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_signals_thema_created_at", table_name="signals")
    op.drop_table("kb_live")
    op.drop_table("kb_versions")
    op.drop_index("ix_console_sessions_user_ref", table_name="console_sessions")
    op.drop_table("console_sessions")
    op.drop_index("ix_console_links_user_ref", table_name="console_links")
    op.drop_table("console_links")
