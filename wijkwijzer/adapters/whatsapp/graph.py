"""graph: part of the whatsapp channel (see the package docstring)."""


from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

from wijkwijzer.adapters.whatsapp.parse import _dict, _list, _str
from wijkwijzer.adapters.whatsapp.settings import (
    _PHONE_ADDRESS,
    CHANNEL_ID,
    PERMANENT_ERROR_CODES,
    TRANSIENT_ERROR_CODES,
    WhatsAppSettings,
)
from wijkwijzer.core.delivery import backoff_delay, parse_retry_after
from wijkwijzer.core.metrics import Metrics

log = logging.getLogger(__name__)


# --- outbound: the Graph API ------------------------------------------------------------------


@dataclass(frozen=True)
class SendResult:
    """``outcome``: ``ok``, ``permanent_error`` or ``gave_up`` (transient errors until the last attempt)."""

    outcome: str
    message_id: str | None = None
    error_code: int | None = None


@dataclass(frozen=True)
class _Answer:
    status: int
    code: int | None = None
    title: str = ""
    retry_after: float | None = None
    message_id: str | None = None


def classify(answer: _Answer) -> str:
    if 200 <= answer.status < 300 and answer.message_id:
        return "ok"
    if answer.code in TRANSIENT_ERROR_CODES:
        return "transient"
    if answer.code in PERMANENT_ERROR_CODES:
        return "permanent"
    if answer.status in (0, 429) or answer.status >= 500:
        return "transient"
    return "permanent"


class GraphClient:
    """Posts messages to ``/{phone-number-id}/messages``: jittered exponential backoff on 429,
    5xx, network errors and transient error codes, honouring Retry-After; permanent errors are
    counted and logged (code and title, never the message) and not retried."""

    def __init__(self, settings: WhatsAppSettings, metrics: Metrics,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.settings = settings
        self.metrics = metrics
        self.sleep = sleep
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.settings.request_timeout))
        return self._session

    async def send(self, address: str, message: dict[str, Any], who: str) -> SendResult:
        """Send one message object to ``address``; ``who`` (a pseudonym) is what the logs show."""
        attempt = 0
        while True:
            attempt += 1
            answer = await self.post_once(address, message)
            verdict = classify(answer)
            if verdict == "ok":
                self.metrics.sent(CHANNEL_ID, "ok")
                return SendResult("ok", answer.message_id)
            if verdict == "permanent":
                return self._failed("permanent_error", answer, who, attempt)
            delay = self._delay(attempt, answer.retry_after)
            if attempt >= self.settings.max_attempts or delay is None:
                return self._failed("gave_up", answer, who, attempt)
            self.metrics.sent(CHANNEL_ID, "retry")
            log.info("whatsapp send retry: status=%s code=%s attempt=%d wait=%.2fs", answer.status, answer.code,
                     attempt, delay)
            await self.sleep(delay)

    async def post_once(self, address: str, message: dict[str, Any]) -> _Answer:
        """One attempt, no retry: the outbox keeps its own schedule of retries."""
        target = {"to": address} if _PHONE_ADDRESS.fullmatch(address) else {"recipient": address}
        return await self._post({"messaging_product": "whatsapp", "recipient_type": "individual", **target, **message})

    def _delay(self, attempt: int, retry_after: float | None) -> float | None:
        return backoff_delay(attempt, retry_after, self.settings.backoff_base, self.settings.backoff_max)

    def _failed(self, outcome: str, answer: _Answer, who: str, attempts: int) -> SendResult:
        self.metrics.sent(CHANNEL_ID, outcome)
        log.warning("whatsapp send failed: outcome=%s status=%s code=%s title=%r recipient=%s attempts=%d",
                    outcome, answer.status, answer.code, answer.title, who, attempts)
        return SendResult(outcome, error_code=answer.code)

    async def _post(self, payload: dict[str, Any]) -> _Answer:
        headers = {"Authorization": f"Bearer {self.settings.access_token.get_secret_value()}"}
        try:
            async with self._client().post(self.settings.messages_url, json=payload, headers=headers) as response:
                body = await _json_or_empty(response)
                return _answer(response.status, body, parse_retry_after(response.headers.get("Retry-After")))
        except (aiohttp.ClientError, TimeoutError) as error:
            log.info("whatsapp send: network error %s", type(error).__name__)
            return _Answer(status=0)


async def _json_or_empty(response: aiohttp.ClientResponse) -> dict[str, Any]:
    try:
        return _dict(await response.json(content_type=None))
    except (ValueError, aiohttp.ClientError):
        return {}


def _answer(status: int, body: dict[str, Any], retry_after: float | None) -> _Answer:
    error = _dict(body.get("error"))
    code = error.get("code")
    message_id = _dict(next(iter(_list(body.get("messages"))), None)).get("id")
    return _Answer(status=status, code=code if isinstance(code, int) else None, title=_str(error.get("message"))[:200],
                   retry_after=retry_after, message_id=message_id if isinstance(message_id, str) else None)


