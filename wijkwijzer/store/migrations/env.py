"""Alembic environment for Wijkwijzer.

Migrations run on the connection that :func:`wijkwijzer.store.database.migrate` passes in
``config.attributes["connection"]`` (Alembic's recipe for async engines: the caller runs this
synchronously through ``AsyncConnection.run_sync``). There is no alembic.ini and no URL here.

Autogenerate compares with ``schema.metadata`` and only looks at the tables defined there, so it
never proposes dropping tables that other modules define.
"""

from typing import Any

from alembic import context

from wijkwijzer.store.schema import metadata


def _known_table(name: str | None, type_: str, _parent_names: Any) -> bool:
    return type_ != "table" or name in metadata.tables


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Wijkwijzer migrations need a connection in config.attributes['connection']; "
        "run them with wijkwijzer.store.database.migrate() or alembic_config(connection)."
    )
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=_known_table,
)
with context.begin_transaction():
    context.run_migrations()
