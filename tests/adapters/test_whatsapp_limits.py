"""WhatsApp end to end, over real HTTP: webhook items that are no message to answer (reactions,
edits, deletions, system messages)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from wijkwijzer.adapters.whatsapp.settings import UNSUPPORTED_REPLY

from . import test_whatsapp as whatsapp
from .test_whatsapp import REGISTERED, Harness, fixture, sign, text_payload

make_whatsapp = whatsapp.make_whatsapp  # the WhatsApp harness fixtures
wa = whatsapp.wa


def _message(payload: dict[str, Any]) -> dict[str, Any]:
    return payload["entry"][0]["changes"][0]["value"]["messages"][0]


def reaction_removed() -> dict[str, Any]:
    payload = fixture("reaction", sender=REGISTERED)
    _message(payload)["reaction"]["emoji"] = ""
    return payload


def unsupported(kind: str) -> Callable[[], dict[str, Any]]:
    """An item Cloud API delivers as ``type: unsupported`` with ``unsupported.type`` = ``kind``."""
    def build() -> dict[str, Any]:
        payload = fixture("unsupported", sender=REGISTERED)
        _message(payload)["unsupported"] = {"type": kind}
        return payload
    return build


def typed(kind: str) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        payload = fixture("unsupported", sender=REGISTERED)
        message = _message(payload)
        message["type"] = kind
        message.pop("errors")
        message[kind] = {"original_message_id": "wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI0QjlGQjU4RjI5RDk2NjE4QjcA"}
        return payload
    return build


def system(kind: str, **fields: str) -> dict[str, Any]:
    payload = fixture("system")
    _message(payload)["system"] = {"type": kind, **fields}
    return payload


NOT_MESSAGES: dict[str, Callable[[], dict[str, Any]]] = {
    "reaction": lambda: fixture("reaction", sender=REGISTERED),
    "reaction removed": reaction_removed,
    "edit as unsupported": unsupported("edit"),
    "deletion as unsupported": unsupported("revoke"),
    "edit": typed("edit"),
    "revoke": typed("revoke"),
    "other system message": lambda: system("user_changed_user_id", user_id="NL.1482963745019284"),
    "number change to no number": lambda: system("user_changed_number", wa_id="<script>"),
    "statuses only": lambda: fixture("statuses"),
}


# --- items that are no message ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(NOT_MESSAGES))
async def test_reactions_edits_deletions_and_system_items_are_acknowledged_and_not_answered(wa: Harness, name):
    payload = NOT_MESSAGES[name]()
    assert await wa.deliver(payload) == []
    answer = await wa.say("hoi")
    assert len(answer) == 1 and UNSUPPORTED_REPLY not in answer[0].text


@pytest.mark.parametrize("name", list(NOT_MESSAGES))
async def test_the_signature_is_checked_before_an_item_is_ignored(wa: Harness, name):
    raw = json.dumps(NOT_MESSAGES[name]()).encode()
    status, _ = await wa.post(raw, signature=sign(raw, secret="not-the-app-secret"))
    assert status == 401
    assert wa.metric("wijkwijzer_rejected_requests_total", channel="whatsapp", reason="signature") == 1


async def test_a_reaction_in_a_batch_does_not_stop_the_text_next_to_it(wa: Harness):
    payload = text_payload("smw ypenburg")
    messages = payload["entry"][0]["changes"][0]["value"]["messages"]
    messages.insert(0, _message(fixture("reaction", sender=REGISTERED)))
    messages.append(_message(unsupported("revoke")()))
    sent = await wa.deliver(payload)
    assert len(sent) == 1 and "Fatma Yilmaz" in sent[0].text


@pytest.mark.parametrize("kind", ["poll_creation", None])
async def test_other_unsupported_messages_still_get_one_dutch_reply(wa: Harness, kind):
    payload = fixture("unsupported", sender=REGISTERED)
    if kind:
        _message(payload)["unsupported"] = {"type": kind}
    assert [r.text for r in await wa.deliver(payload)] == [UNSUPPORTED_REPLY]
