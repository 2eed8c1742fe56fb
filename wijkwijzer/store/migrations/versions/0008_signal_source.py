"""A signal remembers the message that saved it (``signals.source``, a keyed hash, unique), so a
turn that runs again for the same message (its process died before the turn was marked done)
stores no second signal.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("signals") as batch:
        batch.add_column(sa.Column("source", sa.String(16), nullable=True))
    op.create_index("ux_signals_source", "signals", ["source"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_signals_source", table_name="signals")
    with op.batch_alter_table("signals") as batch:
        batch.drop_column("source")
