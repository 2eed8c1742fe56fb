"""The pseudonym key: never in the database whose pseudonyms it protects.

Pseudonymous ids (HMAC-SHA256 of a channel identity) are as strong as the key is hidden: with
the key, a pseudonym is reversed by trying every Dutch mobile number in minutes. So the key comes
from ``WIJKWIJZER_PSEUDONYM_SECRET`` (production, and required on PostgreSQL), or — for the
embedded default on one machine — from a key file created once with mode 0600 in the state
directory (``pseudonym.key``), next to but never inside the SQLite file.

Databases made before this rule kept the key in ``app_secrets``; on start it is moved to the key
file and deleted from the database (same key, so every pseudonym stays valid). Rotation: see
docs/deploy.md ("De sleutel wisselen").
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from wijkwijzer.store.schema import app_secrets

log = logging.getLogger(__name__)

KEY_FILE = "pseudonym.key"
LEGACY_NAME = "pseudonym"


class PseudonymKeyError(RuntimeError):
    """No usable key: the message says what to set."""


async def pseudonym_key(configured: str | None, state_dir: Path, engine: AsyncEngine) -> str:
    """The key: the configured one, else the key file (created on first use; a key left in the
    database by an older version is moved there). On PostgreSQL a key must be configured."""
    legacy = await _take_legacy_key(engine)
    if configured:
        return configured
    if engine.dialect.name != "sqlite":
        raise PseudonymKeyError("Zet WIJKWIJZER_PSEUDONYM_SECRET: met PostgreSQL hoort de sleutel niet bij de server "
                        "in een bestand, en nooit in de database (zie docs/deploy.md).")
    path = state_dir / KEY_FILE
    if path.exists():
        return _read(path)
    state_dir.mkdir(parents=True, exist_ok=True)
    _write(path, legacy or secrets.token_hex(32))
    if legacy:
        log.warning("pseudonym key moved from the database to %s", path)
    return _read(path)


def existing_key(configured: str | None, state_dir: Path) -> str | None:
    """The key without creating one: the configured one, else the key file if it exists."""
    if configured:
        return configured
    path = state_dir / KEY_FILE
    return _read(path) if path.exists() else None


async def _take_legacy_key(engine: AsyncEngine) -> str | None:
    async with engine.begin() as conn:
        value = (await conn.execute(select(app_secrets.c.value).where(app_secrets.c.name == LEGACY_NAME))).scalar()
        if value is not None:
            await conn.execute(delete(app_secrets).where(app_secrets.c.name == LEGACY_NAME))
    return str(value) if value is not None else None


def _write(path: Path, key: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")


def _read(path: Path) -> str:
    if path.stat().st_mode & 0o077:
        raise PseudonymKeyError(f"{path} mag alleen door de eigenaar leesbaar zijn (chmod 600 {path}).")
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise PseudonymKeyError(f"{path} bevat geen bruikbare sleutel (minstens 32 tekens).")
    return key
