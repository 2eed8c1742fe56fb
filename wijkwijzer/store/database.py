"""Engines and migrations. A local SQLite file is the default; PostgreSQL by URL.

The schema is managed by Alembic; its environment and versions live inside this package
(``migrations/``) and are configured in code, so migrating works from an installed package and
in any working directory. A new revision (``autogenerate=True`` compares with ``schema.metadata``,
which holds every table)::

    async with engine.begin() as conn:
        await conn.run_sync(lambda c: command.revision(alembic_config(c), "message", rev_id="0006",
                                                       autogenerate=True))

Autogenerate does not see CHECK constraints; ``tests/store/test_migrations.py`` compares those.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar
from weakref import WeakKeyDictionary

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Select, Table, UpdateBase, event, literal, select, text
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 5000
# Any constant: PostgreSQL serialises concurrent migrate() calls of several workers on it.
MIGRATION_LOCK_ID = 0x57_69_6A_6B
# How Alembic compares a database with the models: in the migrations' environment (autogenerate)
# and in the test that keeps a database migrated to head equal to ``schema.metadata``.
COMPARE_OPTIONS: Final[Mapping[str, Any]] = {"compare_type": True, "compare_server_default": True}

# Alembic keeps the running migration in module-global state: two upgrades interleaving on one
# event loop (even on different databases) would overwrite each other's. One at a time per loop.
_MIGRATION_LOCKS: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = WeakKeyDictionary()

_SQLITE = sqlite.dialect(paramstyle="named")
T = TypeVar("T")

_ASYNC_DRIVERS = {
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
}


def default_sqlite_url(path: Path) -> str:
    """The URL of a SQLite database file at ``path`` (async driver)."""
    return URL.create("sqlite+aiosqlite", database=str(path)).render_as_string(hide_password=False)


def async_url(url: str) -> str:
    """Accept the URLs people write (``postgres://``, ``postgresql://``, ``sqlite:///``) and pick the async driver.

    Hosted PostgreSQL URLs often carry libpq's ``sslmode``; asyncpg calls that option ``ssl``.
    """
    parsed = make_url(url)
    parsed = parsed.set(drivername=_ASYNC_DRIVERS.get(parsed.drivername, parsed.drivername))
    if parsed.drivername == "postgresql+asyncpg" and "sslmode" in parsed.query:
        parsed = parsed.update_query_dict({"ssl": parsed.query["sslmode"]}).difference_update_query(["sslmode"])
    return parsed.render_as_string(hide_password=False)


def create_engine(url: str | None = None, *, sqlite_path: Path | None = None) -> AsyncEngine:
    """An async engine for ``url``, or for a SQLite file at ``sqlite_path`` when ``url`` is None.

    SQLite connections run in WAL mode with a busy timeout, so readers do not block the writer
    and concurrent writers wait for the lock instead of failing at once. On a SQLite file the
    async engine keeps a single connection: SQLite has one writer at a time anyway, and waiting
    in this process's pool queue is first come, first served, where connections racing for the
    lock sleep in SQLite's busy handler and some starve (on the benchmark, WhatsApp deliveries
    waited past the busy timeout; its p99 went from 1.7 s to 0.3 s). The other process's writers
    (a CLI command) still meet the busy timeout. Per-turn reads go through :class:`PointReads`.

    ``hide_parameters``: a failed statement's error (and so every traceback that is logged) names
    the SQL but not its values, which can be a signal's text or a person's pseudonym.
    """
    if url is None:
        if sqlite_path is None:
            raise ValueError("create_engine(): give a database URL or a SQLite file path")
        url = default_sqlite_url(sqlite_path)
    url = async_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        pool = {"pool_size": 1, "max_overflow": 0} if _is_sqlite_file(parsed) else {}
        engine = create_async_engine(url, hide_parameters=True, **pool)
        event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
        return engine
    return create_async_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True, hide_parameters=True)


@dataclass(frozen=True)
class PointRead:
    """A per-turn read, compiled once for SQLite (see :class:`PointReads`).

    Only plain SELECTs of columns with bound parameters: a statement SQLAlchemy would still
    rewrite at execution (an expanding ``IN``, a literal-execute parameter) is refused here."""

    statement: Select[Any]
    sql: str
    defaults: Mapping[str, Any]
    bind_processors: Mapping[str, Callable[[Any], Any]]
    result_processors: tuple[Callable[[Any], Any] | None, ...]
    row: type


@dataclass(frozen=True)
class PointWrite:
    """A per-turn write of one statement, compiled once for SQLite (see :class:`PointReads`)."""

    sql: str
    defaults: Mapping[str, Any]
    bind_processors: Mapping[str, Callable[[Any], Any]]

    def values(self, params: Mapping[str, Any]) -> dict[str, Any]:
        return _bound(self.defaults, self.bind_processors, params)


# Uses SQLAlchemy's compiled statement and type processors directly: docs/performance.md (B1).
def point_read(statement: Select[Any]) -> PointRead:
    """Compile ``statement`` for SQLite once, at import time of the store that owns it."""
    write = _compiled(statement)
    columns = list(statement.selected_columns)
    names = tuple(column.key for column in columns if column.key is not None)
    if len(names) != len(columns):
        raise ValueError("point_read(): every selected column needs a name")
    return PointRead(
        statement=statement,
        sql=write.sql,
        defaults=write.defaults,
        bind_processors=write.bind_processors,
        result_processors=tuple(c.type.dialect_impl(_SQLITE).result_processor(_SQLITE, None) for c in columns),
        row=_row_class(names),
    )


def point_write(statement: UpdateBase) -> PointWrite:
    """Compile an INSERT/UPDATE/DELETE for SQLite once; every value it needs is a named parameter."""
    return _compiled(statement)


def _compiled(statement: Select[Any] | UpdateBase) -> PointWrite:
    compiled = statement.compile(dialect=_SQLITE)
    if "POSTCOMPILE" in compiled.string or getattr(compiled, "literal_execute_params", None):
        raise ValueError("point statements: expanding or literal-execute parameters are not supported")
    binds = {name: bind.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)
             for name, bind in getattr(compiled, "binds", {}).items() if name in compiled.params}
    return PointWrite(
        sql=compiled.string,
        defaults=dict(compiled.params),
        bind_processors={name: processor for name, processor in binds.items() if processor is not None},
    )


def _bound(defaults: Mapping[str, Any], processors: Mapping[str, Callable[[Any], Any]],
           params: Mapping[str, Any] | None) -> dict[str, Any]:
    values = {**defaults, **(params or {})}
    for name, processor in processors.items():
        values[name] = processor(values[name])
    return values


def _row_class(names: tuple[str, ...]) -> type:
    """A named tuple with the ``_mapping`` of SQLAlchemy's Row, so callers read both alike."""
    base = namedtuple("Row", names)  # type: ignore[misc]
    return type("Row", (base,), {"__slots__": (), "_mapping": property(base._asdict)})


class PointReads:
    """The few small statements every turn makes: reading the user record and the conversation
    state, and writing that state back.

    On a SQLite file they run right here, on the event loop, on plain ``sqlite3`` connections in
    autocommit mode, with the SQL that :func:`point_read` / :func:`point_write` compiled once. A
    primary-key lookup or update in a local file takes microseconds; the same statement through
    SQLAlchemy's async adaptation makes several hops to aiosqlite's thread: a read about 0.9 ms
    of CPU on the 2-core benchmark machine, a one-row write transaction about 3 ms (its BEGIN,
    statement and COMMIT each wake both threads), and a synchronous SQLAlchemy engine still costs
    about 0.25 ms per statement (bench/README.md). On PostgreSQL everything goes through the
    async engine.

    Each read is its own statement outside a transaction, so it sees every write committed
    before it, from this process or any other (in WAL mode a reader never waits for a writer).
    A write is one statement, its own transaction, on a second connection that never waits for
    SQLite's write lock inside SQLite: while another connection holds it (the async engine's,
    another process's) :meth:`write` sleeps on the event loop and tries again, so the loop is
    never blocked on a lock.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._path = engine.url.database if _is_sqlite_file(engine.url) else None
        self._connection: sqlite3.Connection | None = None
        self._writer: sqlite3.Connection | None = None
        self._sync: Engine | None = None
        self._lock = threading.Lock()

    async def rows(self, read: PointRead, params: Mapping[str, Any] | None = None) -> Sequence[Any]:
        if self._path is None:
            async with self.engine.connect() as conn:
                result: Sequence[Any] = (await conn.execute(read.statement, params)).all()
                return result
        values = _bound(read.defaults, read.bind_processors, params)
        with self._lock:
            raw = self._local(self._path).execute(read.sql, values).fetchall()
        processors = read.result_processors
        return [read.row(*(p(v) if p else v for p, v in zip(processors, found, strict=True))) for found in raw]

    async def write(self, statement: PointWrite, params: Mapping[str, Any]) -> int | None:
        """Run ``statement`` here as its own transaction and return its row count; None when this
        is not a SQLite file (the caller then writes through the async engine).

        While another connection holds SQLite's write lock, the write tries again after a short
        sleep that lets the event loop run (1, 2, 4 … up to 50 ms), for at most the engine's busy
        timeout, and then fails as the engine would ("database is locked")."""
        if self._path is None:
            return None
        path, values = self._path, statement.values(params)
        return await self._when_unlocked(lambda: self._writing(path).execute(statement.sql, values).rowcount)

    async def transaction(self, work: Callable[[Connection], T]) -> T:
        """``work`` in one write transaction, on a SQLAlchemy ``Connection`` (Core statements, as
        any store writes them), and its result.

        On a SQLite file it runs right here on the writer connection (``BEGIN IMMEDIATE`` …
        ``COMMIT``), so ``work`` must be a few short statements and must not wait for anything;
        while another connection holds the write lock it sleeps on the event loop and tries
        again, as :meth:`write` does. Elsewhere it runs in a transaction of the async engine
        (``run_sync``). ``work`` runs once: only ``BEGIN IMMEDIATE`` can find the lock taken."""
        if self._path is None:
            async with self.engine.begin() as conn:
                return await conn.run_sync(work)
        path = self._path

        def run() -> T:
            with self._sync_writer(path).connect() as conn:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    result = work(conn)
                    conn.exec_driver_sql("COMMIT")
                except BaseException:
                    conn.exec_driver_sql("ROLLBACK")  # never leave the writer inside a transaction
                    raise
                return result

        return await self._when_unlocked(run)

    async def _when_unlocked(self, attempt: Callable[[], T]) -> T:
        """``attempt()`` under this object's lock; while SQLite's write lock is held by another
        connection (SQLITE_BUSY) sleep on the event loop (1, 2, 4 … up to 50 ms) and try again,
        for at most the engine's busy timeout, then fail as the engine would."""
        deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
        pause = 0.001
        while True:
            try:
                with self._lock:
                    return attempt()
            except (sqlite3.OperationalError, OperationalError) as error:
                if not _busy(getattr(error, "orig", error)) or time.monotonic() + pause > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.05)

    def dispose(self) -> None:
        with self._lock:
            if self._sync is not None:
                self._sync.dispose(close=False)
                self._sync = None
            for connection in (self._connection, self._writer):
                if connection is not None:
                    connection.close()
            self._connection = self._writer = None

    def _local(self, path: str) -> sqlite3.Connection:
        if self._connection is None:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA query_only=ON")
            self._connection = connection
        return self._connection

    def _sync_writer(self, path: str) -> Engine:
        """A synchronous SQLAlchemy engine over the writer connection (one connection, autocommit:
        :meth:`transaction` says BEGIN and COMMIT itself)."""
        if self._sync is None:
            self._sync = create_sync_engine("sqlite://", creator=lambda: self._writing(path), poolclass=StaticPool,
                                            hide_parameters=True, isolation_level="AUTOCOMMIT")
        return self._sync

    def _writing(self, path: str) -> sqlite3.Connection:
        if self._writer is None:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            _configure_sqlite_connection(connection, None)  # as the engine's: WAL, secure_delete, NORMAL
            connection.execute("PRAGMA busy_timeout=0")  # never wait for the lock on the event loop
            self._writer = connection
        return self._writer


def _busy(error: BaseException | None) -> bool:
    """SQLite's write lock is taken by another connection (SQLITE_BUSY / SQLITE_LOCKED)."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


async def write_transaction(engine: AsyncEngine, work: Callable[[Connection], T]) -> T:
    """``work`` in one write transaction on ``engine``: on a SQLite file on the event loop
    (:meth:`PointReads.transaction`), else through the async engine."""
    return await point_reads(engine).transaction(work)


_POINT_READS: WeakKeyDictionary[AsyncEngine, PointReads] = WeakKeyDictionary()


def point_reads(engine: AsyncEngine) -> PointReads:
    """The engine's :class:`PointReads`, shared by every store on it (one SQLite connection)."""
    reads = _POINT_READS.get(engine)
    if reads is None:
        reads = _POINT_READS[engine] = PointReads(engine)
    return reads


async def dispose(engine: AsyncEngine) -> None:
    """Close the engine's connections, its point-read connection included."""
    reads = _POINT_READS.get(engine)
    if reads is not None:
        reads.dispose()
    await engine.dispose()


def sqlite_file(engine: AsyncEngine) -> str | None:
    """The path of the engine's SQLite file; None for PostgreSQL or an in-memory database."""
    return engine.url.database if _is_sqlite_file(engine.url) else None


def _is_sqlite_file(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
        and url.query.get("mode") != "memory"


def _configure_sqlite_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # Deleted rows are overwritten with zeros, so erased personal data does not linger in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured in code: this package's migrations, run on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


async def migrate(engine_or_url: AsyncEngine | str, revision: str = "head") -> None:
    """Bring the schema to the newest migration (or ``revision``). Idempotent: a current database
    is left alone; a change is logged once ("database migrated: 0005 -> 0006"), by the process
    that made it.

    Runs in one transaction under a lock, so workers that start together migrate one after the
    other and a failed migration leaves nothing half done: PostgreSQL takes an advisory lock,
    SQLite its write lock (``BEGIN IMMEDIATE``; also makes its DDL transactional, which the
    sqlite3 driver's default transaction handling does not).
    """
    if isinstance(engine_or_url, AsyncEngine):
        await _migrate(engine_or_url, revision)
        return
    engine = create_engine(engine_or_url)
    try:
        await _migrate(engine, revision)
    finally:
        await engine.dispose()


async def _migrate(engine: AsyncEngine, revision: str) -> None:
    lock = _MIGRATION_LOCKS.setdefault(asyncio.get_running_loop(), asyncio.Lock())
    async with lock, engine.begin() as connection:
        await connection.run_sync(_upgrade, revision)


def _upgrade(connection: Connection, revision: str) -> None:
    _lock_for_migration(connection)
    before = schema_revision(connection)
    command.upgrade(alembic_config(connection), revision)
    after = schema_revision(connection)
    if after != before:
        log.info("database migrated: %s -> %s", before or "empty", after)


def schema_revision(connection: Connection) -> str | None:
    """The Alembic revision the database is at (None: never migrated)."""
    return MigrationContext.configure(connection).get_current_revision()


def _lock_for_migration(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": MIGRATION_LOCK_ID})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


_PING = point_read(select(literal(1).label("one")))


async def unreachable(engine: AsyncEngine, timeout: float, tick: float = 0.05) -> Exception | None:
    """None when the database answers ``SELECT 1`` within ``timeout`` seconds, else the error.

    The seconds counted are the check's own: the time is counted in ticks of ``tick`` seconds,
    and a tick that took longer because the event loop was busy with other work (a turn that
    holds it) still counts as one tick. A busy process is not a broken database."""
    check = asyncio.ensure_future(_select_one(engine))
    waited = 0.0
    try:
        while waited < timeout:
            done, _ = await asyncio.wait({check}, timeout=tick)
            if done:
                error = check.exception()
                return error if error is None or isinstance(error, Exception) else RuntimeError(repr(error))
            waited += tick
    finally:
        if not check.done():
            check.cancel()
    return TimeoutError(f"no answer to SELECT 1 within {timeout} s")


async def _select_one(engine: AsyncEngine) -> None:
    """On a SQLite file through the point-read connection (:class:`PointReads`): the engine's one
    pooled connection may be queued for by every turn in flight, and a readiness check must not
    wait in that line (a reader never waits for a writer in WAL mode)."""
    if _is_sqlite_file(engine.url):
        await point_reads(engine).rows(_PING)
        return
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


async def reachability_problem(url: str, timeout: float) -> str | None:
    """Why the database at ``url`` does not answer (for a skip or a benchmark line), or None."""
    engine = create_engine(url)
    try:
        error = await unreachable(engine, timeout)
    finally:
        await engine.dispose()
    return None if error is None else f"{type(error).__name__}: {error}"


async def insert_unless_exists(conn: AsyncConnection, table: Table, values: dict[str, Any]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL); True when a row was inserted.

    No savepoint and no IntegrityError: on PostgreSQL a failed INSERT would abort the whole
    surrounding transaction."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    done = await conn.execute(insert(table).values(**values).on_conflict_do_nothing())
    return done.rowcount == 1
