"""parse: part of the whatsapp channel (see the package docstring)."""


from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from wijkwijzer.adapters.whatsapp.identity import valid_address
from wijkwijzer.adapters.whatsapp.render import inbound_reply_text
from wijkwijzer.adapters.whatsapp.settings import _CONTROL, _MESSAGE_ID, _SIGNATURE
from wijkwijzer.core.inbound import capped
from wijkwijzer.store.whatsapp_store import StatusUpdate

log = logging.getLogger(__name__)


# --- webhook parsing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Inbound:
    """One inbound message: ``kind`` is ``text``, ``welcome``, ``unsupported`` or ``number_changed``
    (then ``new_address`` is the sender's new number)."""

    message_id: str
    sender: str
    kind: str
    text: str = ""
    timestamp: datetime | None = None
    new_address: str | None = None


IGNORED_TYPES = frozenset({"reaction", "edit", "revoke"})
"""Message types that are no message to answer: a reaction (or its removal), an edit or a
deletion of an earlier message. Acknowledged and dropped without a reply."""
IGNORED_UNSUPPORTED = frozenset({"edit", "revoke"})
"""``unsupported.type`` values of the same. Cloud API delivers a message type it does not support
as ``type: unsupported`` with ``unsupported.type`` naming it (Meta's reference:
https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/unsupported
; ``edit`` is among the types BSPs list, e.g. https://docs.ycloud.com/en/documentation/inbox/unsupported-messages-in-inbox).
Other unsupported types still get the one "alleen tekst" answer."""
NUMBER_CHANGED = "user_changed_number"
"""``system.type`` when a user changed their number; ``from`` is the old number and
``system.wa_id`` the new one (``system.new_wa_id`` in older API versions):
https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/system/"""


@dataclass
class Delivery:
    messages: list[Inbound] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _timestamp(value: Any) -> datetime | None:
    """Meta's ``timestamp`` (Unix seconds, as a string of digits); None when it is missing or odd
    (not a positive number of seconds that is a date): such a message is still answered."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        seconds = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        seconds = value
    else:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC) if seconds > 0 else None
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def stale(message: Inbound, now: datetime, max_age: timedelta) -> bool:
    """Sent longer ago than ``max_age`` (the time received ids are kept): a delivery replayed
    after its id was forgotten. Acknowledged, never answered again. A message without a usable
    timestamp is not stale: Meta always sends one, and its signature covers it."""
    return message.timestamp is not None and now - message.timestamp > max_age


def clean_text(text: str) -> str:
    """Capped in length first (before anything else reads it), then valid UTF-8 without control
    characters (lone surrogates, NUL)."""
    text = capped(text).encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub("", text)


def parse_delivery(payload: dict[str, Any], phone_number_id: str, pseudonym: Callable[[str], str]) -> Delivery:
    """The messages and statuses for our phone number; malformed items are skipped one by one."""
    delivery = Delivery()
    if payload.get("object") != "whatsapp_business_account":
        return delivery
    for entry in _list(payload.get("entry")):
        for change in _list(_dict(entry).get("changes")):
            change = _dict(change)
            value = _dict(change.get("value"))
            ours = _dict(value.get("metadata")).get("phone_number_id") == phone_number_id
            if change.get("field") != "messages" or not ours:
                continue
            _log_errors(value)
            messages = (inbound_message(raw, pseudonym) for raw in _list(value.get("messages")))
            delivery.messages.extend(m for m in messages if m)
            statuses = (status_update(s, pseudonym) for s in _list(value.get("statuses")))
            delivery.statuses.extend(s for s in statuses if s)
    return delivery


def _log_errors(value: dict[str, Any]) -> None:
    for error in _list(value.get("errors")):
        log.warning("whatsapp webhook error: code=%s", _dict(error).get("code"))


def message_key(message_id: str, pseudonym: Callable[[str], str]) -> str:
    """What we keep of a Meta message id (a ``wamid``, which encodes the phone number in base64):
    a keyed hash, the same for every worker with the same key, so redeliveries still match."""
    return pseudonym(f"wamid:{message_id}")


def inbound_message(raw: Any, pseudonym: Callable[[str], str]) -> Inbound | None:
    raw = _dict(raw)
    message_id = raw.get("id")
    sender = raw.get("from") or raw.get("from_user_id")
    if not isinstance(message_id, str) or not _MESSAGE_ID.fullmatch(message_id) or not valid_address(sender):
        return None
    message_id = message_key(message_id, pseudonym)
    kind = _str(raw.get("type"))
    timestamp = _timestamp(raw.get("timestamp"))
    if kind == "system":
        return number_change(message_id, sender, raw, timestamp)
    if kind in IGNORED_TYPES or (kind == "unsupported"
                                 and _dict(raw.get("unsupported")).get("type") in IGNORED_UNSUPPORTED):
        return None
    if kind == "request_welcome":
        return Inbound(message_id, sender, "welcome", timestamp=timestamp)
    text = message_text(kind, raw)
    if text is None:
        return Inbound(message_id, sender, "unsupported", timestamp=timestamp)
    return Inbound(message_id, sender, "text", clean_text(text), timestamp)


def number_change(message_id: str, sender: str, raw: dict[str, Any], timestamp: datetime | None) -> Inbound | None:
    """A "user changed number" system message; None for every other system message."""
    system = _dict(raw.get("system"))
    new = system.get("wa_id") or system.get("new_wa_id")
    if system.get("type") != NUMBER_CHANGED or not valid_address(new) or new == sender:
        return None
    return Inbound(message_id, sender, "number_changed", timestamp=timestamp, new_address=new)


def message_text(kind: str, raw: dict[str, Any]) -> str | None:
    """The text of a text message or a tapped reply; None for every other type."""
    if kind == "text":
        return _str(_dict(raw.get("text")).get("body"))
    if kind == "interactive":
        interactive = _dict(raw.get("interactive"))
        sub = interactive.get("type")
        if sub in ("button_reply", "list_reply"):
            chosen = _dict(interactive.get(sub))
            return inbound_reply_text(_str(chosen.get("id")), _str(chosen.get("title")))
        return None
    if kind == "button":
        return _str(_dict(raw.get("button")).get("text"))
    return None


def status_update(raw: Any, pseudonym: Callable[[str], str]) -> StatusUpdate | None:
    raw = _dict(raw)
    message_id, status = raw.get("id"), raw.get("status")
    if not isinstance(message_id, str) or not _MESSAGE_ID.fullmatch(message_id) or not isinstance(status, str):
        return None
    recipient = raw.get("recipient_id") or raw.get("recipient_user_id")
    error = _dict(next(iter(_list(raw.get("errors"))), None))
    code = error.get("code")
    return StatusUpdate(
        provider_message_id=message_key(message_id, pseudonym),
        status=status[:16],
        recipient=pseudonym(recipient) if valid_address(recipient) else None,
        error_code=code if isinstance(code, int) else None,
        error_title=_str(error.get("title"))[:200] or None,
        timestamp=_timestamp(raw.get("timestamp")),
        reply_to=reply_tag(raw.get("biz_opaque_callback_data")),
    )


_REPLY_TAG = re.compile(r"([0-9a-f]{16}):(\d{1,3})")


def reply_tag(raw: Any) -> tuple[str, int] | None:
    """Our ``biz_opaque_callback_data`` (``<inbound message key>:<reply number>``, set by
    adapters/whatsapp/inbound.py), or None for anything else."""
    match = _REPLY_TAG.fullmatch(raw) if isinstance(raw, str) else None
    return (match.group(1), int(match.group(2))) if match else None


def signature_ok(raw: bytes, header: str | None, secret: str) -> bool:
    """``X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>``, compared in constant time."""
    match = _SIGNATURE.fullmatch(header or "")
    if not secret or match is None:
        return False
    expected = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, match.group(1).lower())


async def read_capped(request: web.Request, limit: int) -> bytes | None:
    """The raw body, or None as soon as it is known to be larger than ``limit``."""
    if request.content_length is not None and request.content_length > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(65536):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


