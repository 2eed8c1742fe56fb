"""Logging: one line per event, as text or JSON, and never a message text or phone number.

Wijkwijzer's own code logs channel, intent, kind of refusal and error type — never what a user
typed, a number or an address. Two kinds of third-party log lines could carry them, and both are
handled here, for every level (``WIJKWIJZER_LOG_LEVEL=DEBUG`` included):

* database drivers log statements with their parameters (signal texts, numbers) at DEBUG/INFO:
  ``sqlalchemy.engine``, ``sqlalchemy.pool``, ``aiosqlite`` and ``asyncpg`` are capped at WARNING;
* pydantic validation errors quote the rejected input; the Agents SDK logs them at ERROR with
  a traceback (``Activity._validate_channel_id`` in ``microsoft_agents/activity/activity.py``:
  "Validation error for Activity: %s", docs/performance.md A13). :class:`WithoutInput` drops
  that record (the endpoint that refused the activity logs one line of its own) and strips the
  arguments and traceback of any other record about a validation error, so only the event is
  logged.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import TextIO

from pydantic import ValidationError

CAPPED = ("sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.orm", "aiosqlite", "asyncpg")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


SDK_ACTIVITY_VALIDATOR = "microsoft_agents.activity.activity"
"""The SDK logger whose validation-error records are dropped whole (the refusal is logged by us)."""


class WithoutInput(logging.Filter):
    """Drop the arguments and traceback of a record about a validation error (they quote input);
    drop the SDK's own record of a rejected Activity altogether."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        quotes_input = isinstance(error, ValidationError) or any(isinstance(a, ValidationError)
                                                                 for a in _args(record))
        if quotes_input and record.name == SDK_ACTIVITY_VALIDATOR:
            return False
        if quotes_input:
            record.msg = "validation error (details withheld: they quote the input)"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def _args(record: logging.LogRecord) -> tuple[object, ...]:
    args = record.args
    if isinstance(args, tuple):
        return args
    return (args,) if args else ()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str = "INFO", fmt: str = "text", stream: TextIO | None = None) -> logging.Handler:
    """Set up the root logger for a Wijkwijzer process; returns the handler (tests read it)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    handler.addFilter(WithoutInput())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in CAPPED:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    return handler
