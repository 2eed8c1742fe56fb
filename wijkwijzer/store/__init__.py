"""Persistence: SQLAlchemy 2 (async) on a SQLite file by default or PostgreSQL; schema by Alembic.

- :mod:`.database`: ``create_engine``, ``default_sqlite_url``, ``migrate``.
- :mod:`.sql_storage`: ``SqlStorage``, the Agents SDK ``Storage`` with eTag concurrency.
- :mod:`.signals`: ``SignalStore`` and ``pseudonymize``.
"""
