"""Configuration, only from ``WIJKWIJZER_*`` environment variables (and an optional .env)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_state_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "wijkwijzer"


class Settings(BaseSettings):
    """Every setting Wijkwijzer reads; the README documents each with its default."""

    model_config = SettingsConfigDict(env_prefix="WIJKWIJZER_", env_file=".env", extra="ignore")

    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default a SQLite file in state_dir. PostgreSQL: postgresql://user@host/db"
    )
    state_dir: Path = Field(default_factory=default_state_dir, description="where the default SQLite file lives")
    kb_dir: Path | None = Field(default=None, description="knowledge base directory; default the bundled demo")
    pseudonym_secret: SecretStr = Field(
        default_factory=lambda: SecretStr(secrets.token_hex(32)),
        description="key for pseudonymous reporter ids of signals; set it in production so ids stay stable",
    )
    signal_retention_days: int = Field(default=365, ge=1, description="signals older than this are deleted")

    def sqlite_path(self) -> Path:
        return self.state_dir / "wijkwijzer.sqlite"
