"""What a channel answers when the outbox sends it an announcement, and how to wait before a retry.

The delivery worker itself is ``wijkwijzer.app.workers``."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Protocol

from wijkwijzer.store.outbox import Announcement, Claimed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """``kind``: ``sent``, ``transient`` or ``permanent``; ``via``: how it went (text, template, teams)."""

    kind: str
    provider_message_id: str | None = None
    via: str = ""
    error: str = ""
    retry_after: float | None = None


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delay-seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def backoff_delay(attempt: int, retry_after: float | None, base: float, maximum: float) -> float | None:
    """Seconds to wait before try ``attempt + 1``: ``Retry-After`` when given (None when it
    exceeds ``maximum``: waiting that long would hold the turn), else :func:`jittered_backoff`."""
    if retry_after is not None:
        return retry_after if retry_after <= maximum else None
    return jittered_backoff(attempt, base, maximum)


def jittered_backoff(attempt: int, base: float, maximum: float) -> float:
    """Exponential backoff from ``base`` with equal jitter (half fixed, half random), capped at
    ``maximum``: retries of many senders do not arrive in step."""
    ceiling = min(maximum, base * 2 ** (attempt - 1))
    return float(ceiling / 2 + random.uniform(0, ceiling / 2))


class ChannelSender(Protocol):
    channel: str
    rate_per_second: float
    per_recipient_interval: float

    async def deliver(self, row: Claimed, announcement: Announcement) -> Outcome: ...

    async def close(self) -> None: ...
