"""announcer: part of the whatsapp channel (see the package docstring)."""


from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from wijkwijzer.adapters.whatsapp.graph import GraphClient, _Answer, classify
from wijkwijzer.adapters.whatsapp.render import inert, render_activity
from wijkwijzer.adapters.whatsapp.settings import (
    _PHONE_ADDRESS,
    CHANNEL_ID,
    CUSTOMER_SERVICE_WINDOW,
    LIMITS,
    TEMPLATE_PARAMETER_MAX,
    WINDOW_MARGIN,
    WhatsAppSettings,
)
from wijkwijzer.core.delivery import Outcome
from wijkwijzer.core.replies import announcement
from wijkwijzer.store.outbox import Announcement, Claimed

# --- announcements from the outbox ------------------------------------------------------------


def template_parameter(text: str) -> str:
    """Text as a template parameter: one line, no runs of spaces, within the length limit."""
    return re.sub(r"\s+", " ", inert(text)).strip()[:TEMPLATE_PARAMETER_MAX] or "-"


class WhatsAppAnnouncer:
    """The outbox's WhatsApp sender: the announcement as free text while the person's 24-hour
    window is open, otherwise the configured template with the title (their reply then gets the
    full text, see the agent). One attempt per call; the outbox schedules retries."""

    channel = CHANNEL_ID

    def __init__(self, settings: WhatsAppSettings, client: GraphClient, message_key: Callable[[str], str],
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.settings = settings
        self.client = client
        self.message_key = message_key
        self.clock = clock
        self.rate_per_second = settings.outbox_rate
        self.per_recipient_interval = settings.recipient_interval

    async def deliver(self, row: Claimed, item: Announcement) -> Outcome:
        if not row.address or not _PHONE_ADDRESS.fullmatch(row.address):
            return Outcome("permanent", error="geen geldig WhatsApp-nummer bekend")
        if self._window_open(row.last_seen_at):
            messages, via = render_activity(announcement(item.text), LIMITS), "text"
        elif self.settings.template_name:
            messages, via = [self._template(item)], "template"
        else:
            return Outcome("permanent", error="24-uursvenster gesloten en geen template ingesteld "
                                              "(WIJKWIJZER_WHATSAPP_TEMPLATE_NAME)")
        last_id = None
        for message in messages:
            answer = await self.client.post_once(row.address, message)
            verdict = classify(answer)
            if verdict != "ok":
                return _whatsapp_failure(verdict, answer)
            last_id = answer.message_id
        return Outcome("sent", provider_message_id=self.message_key(last_id) if last_id else None, via=via)

    async def close(self) -> None:
        await self.client.close()

    def _window_open(self, last_seen: datetime | None) -> bool:
        return last_seen is not None and self.clock() - last_seen < CUSTOMER_SERVICE_WINDOW - WINDOW_MARGIN

    def _template(self, item: Announcement) -> dict[str, Any]:
        return {"type": "template", "template": {
            "name": self.settings.template_name, "language": {"code": self.settings.template_language},
            "components": [{"type": "body", "parameters": [{"type": "text", "text": template_parameter(item.title)}]}],
        }}


def _whatsapp_failure(verdict: str, answer: _Answer) -> Outcome:
    error = f"WhatsApp {answer.code or answer.status}: {answer.title or 'geen omschrijving'}"
    return Outcome("permanent" if verdict == "permanent" else "transient", error=error,
                   retry_after=answer.retry_after)
