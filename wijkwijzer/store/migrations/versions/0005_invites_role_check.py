"""Invites may only carry a known user role, as users already may (CHECK ck_invites_role).

With every table on one MetaData, autogenerate compared all of them with a database migrated to
0004, on SQLite and PostgreSQL (types, nullability, server defaults, indexes, unique keys): the
databases were right, only the models needed fixing (the index 0002 created was not declared; an
empty-string default was written in a form Alembic misreads on SQLite). What autogenerate cannot
see is CHECK constraints: ``users.role`` has had one since 0004, ``invites.role`` had none, so an
invite could carry a role that registering its user would then refuse. This adds the constraint
the model now declares, with the same role list.

Existing rows are fine: the people store only ever wrote the three roles. (If a database holds
another role in invites, PostgreSQL refuses the upgrade and names the constraint; fix or delete
those invites and migrate again.) SQLite cannot add a constraint to a table, so batch mode
rebuilds ``invites`` with its rows and its index.

Frozen: the role list is written out here, as in 0004; later role changes get their own revision.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("invites") as batch:
        batch.create_check_constraint("ck_invites_role", "role IN ('ib', 'adviseur', 'beheerder')")


def downgrade() -> None:
    with op.batch_alter_table("invites") as batch:
        batch.drop_constraint("ck_invites_role", type_="check")
