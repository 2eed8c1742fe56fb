"""Persistence: SQLAlchemy 2 (async) on a SQLite file by default or PostgreSQL; schema by Alembic.

- :mod:`.schema`: every table, on one ``metadata`` (what Alembic's autogenerate compares with).
- :mod:`.roles`: ``UserRole``, the one list of user roles.
- :mod:`.database`: ``create_engine``, ``default_sqlite_url``, ``migrate``.
- :mod:`.sql_storage`: ``SqlStorage``, the Agents SDK ``Storage`` with eTag concurrency.
- :mod:`.signals`: ``SignalStore`` and ``pseudonymize``.
- :mod:`.people`, :mod:`.outbox`, :mod:`.references`, :mod:`.whatsapp_store`: the other stores;
  :mod:`.audit`: the audit log they write in their own transactions.
"""
