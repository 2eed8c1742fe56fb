"""Configuration, only from ``WIJKWIJZER_*`` environment variables (and an optional .env)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from wijkwijzer.store.retention import Retention


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
    pseudonym_secret: SecretStr | None = Field(
        default=None,
        description="key for pseudonymous ids, invite codes and stored addresses; default a key file (0600) in "
                    "state_dir; required with PostgreSQL",
    )
    signal_retention_days: int = Field(default=365, ge=1, description="signals older than this are deleted")
    retention_state_days: int = Field(default=90, ge=1, description="conversation state kept after the last turn")
    retention_stranger_days: int = Field(
        default=7, ge=1, description="conversation state of someone without a user record (a WhatsApp stranger)")
    retention_inbound_days: int = Field(default=14, ge=7, description="ids of received WhatsApp messages (≥ 7)")
    retention_delivery_days: int = Field(default=180, ge=1, description="announcements, deliveries and statuses")
    retention_audit_days: int = Field(default=730, ge=1, description="audit log entries")
    retention_interval_seconds: float = Field(default=3600.0, gt=0, description="how often serve applies retention")

    log_level: str = Field(default="INFO", pattern="(?i)^(DEBUG|INFO|WARNING|ERROR)$",
                           description="DEBUG, INFO, WARNING or ERROR; no level logs message text or numbers")
    log_format: str = Field(default="text", pattern="^(text|json)$", description="text or json (one object a line)")
    outbox_worker: bool = Field(default=True, description="serve also runs a delivery worker for announcements")
    outbox_lease_seconds: float = Field(default=60.0, gt=0, description="how long a worker may hold claimed rows")
    outbox_max_attempts: int = Field(default=8, ge=1, description="send attempts before an announcement fails")
    outbox_backoff_base: float = Field(default=2.0, gt=0, description="first retry wait in seconds, doubled per try")
    max_turns: int = Field(default=16, ge=1, le=1000, description="turns in flight per process; more wait in line")
    turn_lease_seconds: float = Field(
        default=30.0, gt=0, description="how long a turn may hold its conversation; a dead process's hold runs out")
    inbound_lease_seconds: float = Field(
        default=60.0, gt=0, description="how long a process may hold a received WhatsApp message before another takes it")
    inbound_sweep_seconds: float = Field(
        default=5.0, gt=0, description="how often serve looks for WhatsApp messages a dead process left unanswered")
    reply_timeout_seconds: float = Field(
        default=10.0, gt=0, description="longest time one answer's sends may take before it is retried later")
    invite_valid_days: int = Field(default=14, ge=1, le=365, description="default validity of an invite code")
    pending_idle_minutes: float = Field(
        default=30.0, gt=0, description="a question the bot asked expires after this many idle minutes")
    public_url: str | None = Field(
        default=None, description="the address people open the console at (https://…); login links start with it")
    report_threshold: int = Field(
        default=5, ge=1, le=100, description="signal counts from 1 to this minus 1 are shown as '< N' everywhere")
    kb_poll_seconds: float = Field(
        default=2.0, gt=0, description="how often serve looks for a newly published knowledge-base version")
    console_session_hours: float = Field(default=8.0, gt=0, le=24 * 14, description="a console login lasts this long")
    console_max_upload_bytes: int = Field(
        default=10 * 1024 * 1024, ge=1024, description="largest spreadsheet upload in the console")

    def retention(self) -> Retention:
        return Retention(state_days=self.retention_state_days, stranger_days=self.retention_stranger_days,
                         inbound_days=self.retention_inbound_days, delivery_days=self.retention_delivery_days,
                         audit_days=self.retention_audit_days, signal_days=self.signal_retention_days)

    def secret(self) -> str:
        """The pseudonym secret; only valid after ``create_runtime`` filled in the stored one."""
        if self.pseudonym_secret is None:
            raise RuntimeError("pseudonym secret not loaded yet")
        return self.pseudonym_secret.get_secret_value()

    def sqlite_path(self) -> Path:
        return self.state_dir / "wijkwijzer.sqlite"
