"""Backup and restore of the whole database, on SQLite and PostgreSQL alike.

A backup is one gzip-compressed file of JSON lines: a header (format, the Alembic revision of the
database, when it was made, and a check value of the pseudonym key), then one line per row of
every table. It can be restored into an empty database of either kind (a SQLite backup into
PostgreSQL is a way to move), at the revision of the backup; restore then migrates it to the
newest revision of the code that runs it.

The pseudonym key is never in a backup (nor in the database; ``app_secrets`` held it in old
versions and is skipped). Without the same key a restored database is of no use: every user id,
signal reporter and stored address was made with it. So the header holds ``HMAC(key, KEY_CHECK)``
and restore refuses a different key before writing anything. The backup file holds personal data
(pseudonyms, encrypted numbers, signal texts): it is written readable by its owner only.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Table, func, insert, inspect, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.database import migrate, schema_revision
from wijkwijzer.store.schema import UtcDateTime, metadata

FORMAT = "wijkwijzer-backup/1"
KEY_CHECK = b"wijkwijzer backup key check"
# alembic_version: the header holds it; app_secrets: only ever an old key; turn_leases: who runs a
# turn right now, meaningless in another database (and expired by the time a backup is restored).
SKIPPED_TABLES = frozenset({"alembic_version", "app_secrets", "turn_leases"})
BATCH_ROWS = 500


class BackupError(RuntimeError):
    """A backup that cannot be restored here; the message says why, in Dutch."""


@dataclass(frozen=True)
class Header:
    revision: str | None
    created_at: str
    key_check: str

    def line(self) -> str:
        return json.dumps({"format": FORMAT, "revision": self.revision, "created_at": self.created_at,
                           "key_check": self.key_check})


def key_check(key: str) -> str:
    return hmac.new(key.encode(), KEY_CHECK, hashlib.sha256).hexdigest()


async def backup(engine: AsyncEngine, path: Path, key: str) -> dict[str, int]:
    """Write every table of the database at ``engine`` to ``path``; returns the rows per table."""
    async with engine.connect() as conn:
        return await conn.run_sync(_write_backup, path, key)


def _write_backup(connection: Connection, path: Path, key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    header = Header(schema_revision(connection), datetime.now(UTC).isoformat(), key_check(key))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as out:
        out.write(header.line() + "\n")
        for table, columns in _tables(connection):
            counts[table.name] = 0
            for row in connection.execute(select(*columns)).mappings():
                out.write(json.dumps({"table": table.name, "row": {k: _dump(v) for k, v in row.items()}},
                                     ensure_ascii=False) + "\n")
                counts[table.name] += 1
    return counts


def _tables(connection: Connection) -> list[tuple[Table, list[Column[Any]]]]:
    """The tables of the schema that the database has, each with the columns it has (a database
    at an older revision may lack some)."""
    inspector = inspect(connection)
    present = set(inspector.get_table_names())
    unknown = present - SKIPPED_TABLES - set(metadata.tables)
    if unknown:
        raise BackupError(f"De database heeft tabellen die deze versie van Wijkwijzer niet kent ({', '.join(sorted(unknown))}): "
                          "gebruik de versie die bij de database hoort.")
    found = []
    for table in metadata.sorted_tables:
        if table.name in present and table.name not in SKIPPED_TABLES:
            names = {column["name"] for column in inspector.get_columns(table.name)}
            found.append((table, [column for column in table.columns if column.name in names]))
    return found


def _dump(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    return value


def read_header(path: Path) -> Header:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            first = json.loads(stream.readline())
    except (OSError, ValueError) as error:
        raise BackupError(f"{path} is geen backup van Wijkwijzer ({type(error).__name__}).") from None
    if not isinstance(first, dict) or first.get("format") != FORMAT:
        raise BackupError(f"{path} is geen backup van Wijkwijzer (onbekend formaat).")
    return Header(first.get("revision"), str(first.get("created_at")), str(first.get("key_check")))


async def restore(engine: AsyncEngine, path: Path, key: str) -> dict[str, int]:
    """Restore ``path`` into the empty database at ``engine``, then migrate it to the newest
    revision. Refuses (:class:`BackupError`) a different key or a database that holds data."""
    header = read_header(path)
    if not hmac.compare_digest(header.key_check, key_check(key)):
        raise BackupError("De sleutel (WIJKWIJZER_PSEUDONYM_SECRET of pseudonym.key) is niet de sleutel van deze "
                          "backup. Zet eerst de sleutel terug die bij de backup hoort.")
    async with engine.connect() as conn:
        current = await conn.run_sync(_refuse_unless_empty, header.revision)
    if current is None and header.revision is not None:
        await migrate(engine, header.revision)
    async with engine.begin() as conn:
        counts = await conn.run_sync(_load_rows, path)
    await migrate(engine)
    return counts


def _refuse_unless_empty(connection: Connection, revision: str | None) -> str | None:
    current = schema_revision(connection)
    if current is not None and current != revision:
        raise BackupError(f"De database staat op versie {current} en de backup op {revision}. Zet de backup "
                          "terug in een nieuwe, lege database.")
    for table, _ in _tables(connection):
        if connection.execute(select(func.count()).select_from(table)).scalar_one():
            raise BackupError(f"De database is niet leeg (tabel {table.name} heeft gegevens). Zet de backup "
                              "terug in een nieuwe, lege database.")
    return current


def _load_rows(connection: Connection, path: Path) -> dict[str, int]:
    tables = {table.name: (table, {column.name: column for column in columns})
              for table, columns in _tables(connection)}
    counts: dict[str, int] = {}
    pending: dict[str, list[dict[str, Any]]] = {}
    for name, row in _rows(path):
        if name not in tables:
            raise BackupError(f"De backup heeft een tabel die deze database niet kent: {name}.")
        table, columns = tables[name]
        batch = pending.setdefault(name, [])
        batch.append(_load(name, columns, row))
        counts[name] = counts.get(name, 0) + 1
        if len(batch) >= BATCH_ROWS:
            connection.execute(insert(table), batch)
            batch.clear()
    for name, batch in pending.items():
        if batch:
            connection.execute(insert(tables[name][0]), batch)
    if connection.dialect.name == "postgresql":
        _reset_sequences(connection, [table for table, _ in tables.values()])
    return counts


def _rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        stream.readline()  # the header
        for line in stream:
            item = json.loads(line)
            yield str(item["table"]), dict(item["row"])


def _load(table: str, columns: dict[str, Column[Any]], row: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in row.items():
        column = columns.get(name)
        if column is None:
            raise BackupError(f"De backup heeft een kolom die deze database niet kent: {table}.{name}.")
        if value is not None and isinstance(column.type, UtcDateTime):
            value = datetime.fromisoformat(value)
        values[name] = value
    return values


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """Restored rows kept their ids; the next new row must get a higher one."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(text("SELECT pg_get_serial_sequence(:table, :column)"),
                                          {"table": table.name, "column": column.name}).scalar()
            if sequence is not None:
                connection.execute(text(
                    f'SELECT setval(:sequence, coalesce((SELECT max("{column.name}") FROM "{table.name}"), 0) + 1, false)'),
                    {"sequence": sequence})
