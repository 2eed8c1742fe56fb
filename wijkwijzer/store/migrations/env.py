"""Alembic environment for Wijkwijzer.

Migrations run on the connection that :func:`wijkwijzer.store.database.migrate` passes in
``config.attributes["connection"]`` (Alembic's recipe for async engines: the caller runs this
synchronously through ``AsyncConnection.run_sync``). There is no alembic.ini and no URL here.

Autogenerate compares with ``schema.metadata``, which holds every table of the package, so a
table it does not know is one that no model defines. Types and server defaults are compared too
(:data:`~wijkwijzer.store.database.COMPARE_OPTIONS`, shared with the test that keeps a migrated
database equal to the models). Batch mode, so the same operations work on SQLite.
"""

from alembic import context

from wijkwijzer.store.database import COMPARE_OPTIONS
from wijkwijzer.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Wijkwijzer migrations need a connection in config.attributes['connection']; "
        "run them with wijkwijzer.store.database.migrate() or alembic_config(connection)."
    )
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, **COMPARE_OPTIONS)
with context.begin_transaction():
    context.run_migrations()
