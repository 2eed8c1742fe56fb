"""WhatsApp end to end, over real HTTP: webhook items that are no message to answer (reactions,
edits, deletions, system messages), a user's new number, and rate-limit error codes."""

from __future__ import annotations

import copy
import io
import json
import logging
from collections.abc import Callable
from typing import Any

import pytest

from wijkwijzer.adapters.whatsapp.settings import UNSUPPORTED_REPLY
from wijkwijzer.app.logs import configure_logging
from wijkwijzer.store.erasure import reporter_of
from wijkwijzer.store.signals import pseudonymize

from . import fakes
from . import test_people_e2e as people
from . import test_whatsapp as whatsapp
from .test_erasure_e2e import rows, traces
from .test_people_e2e import IB_NUMBER, Both, _announce
from .test_whatsapp import REGISTERED, Harness, fixture, sign, text_payload

make_teams = fakes.make_teams  # the server fixture
both = people.both  # Teams and WhatsApp on one server, with a fake Graph API
make_whatsapp = whatsapp.make_whatsapp  # the WhatsApp harness fixtures
wa = whatsapp.wa
NEW_NUMBER = "31699988877"


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


def number_change(old: str, new: str, message_id: str = "wamid.NUMBERCHANGE1", field: str = "wa_id") -> dict[str, Any]:
    """Meta's "user changed number" system message (webhooks/reference/messages/system)."""
    payload = fixture("system", sender=old, message_id=message_id)
    _message(payload)["system"] = {"body": f"User Sanne changed from {old} to {new}", field: new,
                                   "type": "user_changed_number"}
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


# --- a new number -------------------------------------------------------------------------------------


async def test_a_changed_number_keeps_the_registration_and_leaves_nothing_under_the_old_one(both: Both):
    secret = both.server.runtime.settings.secret()
    old_id, new_id = pseudonymize(IB_NUMBER, secret), pseudonymize(NEW_NUMBER, secret)
    await both.invited_ib()
    assert "ook berichten voor Scheveningen" in await both.whatsapp("meld me ook aan voor Scheveningen")
    await both.whatsapp("signaal: steeds meer kinderen zonder ontbijt in groep 7")
    await both.whatsapp("normaal")
    assert "opgeslagen" in await both.whatsapp("ja")
    before = await both.people.get(old_id)
    assert before is not None
    wijken = await both.people.subscriptions(before)
    assert len(wijken) == 2
    sent = len(both.graph.requests)

    assert await both._deliver(number_change(IB_NUMBER, NEW_NUMBER)) == ""
    assert len(both.graph.requests) == sent

    assert await both.people.get(old_id) is None
    moved = await both.people.get(new_id)
    assert moved is not None
    assert (moved.id, moved.role, moved.school, moved.wijk) == (before.id, before.role, before.school, before.wijk)
    assert moved.address == NEW_NUMBER and moved.user_id == new_id
    assert await both.people.subscriptions(moved) == wijken
    after = await rows(both)
    for trace in traces(both, IB_NUMBER):
        assert trace not in after, trace
    assert reporter_of(new_id, secret) in after
    assert "user.number" in [entry.action for entry in await both.people.audit_entries()]
    raw = both.server.runtime.settings.sqlite_path().read_bytes()
    for trace in traces(both, IB_NUMBER)[2:]:
        assert trace.encode() not in raw, trace

    assert "Fatma Yilmaz" in await both.whatsapp("smw ypenburg", NEW_NUMBER)
    assert "Ypenburg" in await both.whatsapp("welke berichten krijg ik?", NEW_NUMBER)
    assert "Fatma" not in await both.whatsapp("smw ypenburg", IB_NUMBER)
    await _announce(both, "Netwerkbijeenkomst na het nieuwe nummer")
    await both.teams("Versturen")
    await both.deliver_all()
    announced = [r for r in both.graph.requests if "nieuwe nummer" in json.dumps(r.body)]
    assert [r.body["to"] for r in announced] == [NEW_NUMBER]


async def test_a_number_change_is_applied_once_and_the_older_field_name_works(both: Both):
    secret = both.server.runtime.settings.secret()
    await both.invited_ib()
    change = number_change(IB_NUMBER, NEW_NUMBER, field="new_wa_id")
    await both._deliver(change)
    await both._deliver(copy.deepcopy(change))
    moved = await both.people.get(pseudonymize(NEW_NUMBER, secret))
    assert moved is not None and moved.address == NEW_NUMBER
    assert await both.people.count() == 2  # the adviseur on Teams and the moved IB'er
    assert [entry.action for entry in await both.people.audit_entries()].count("user.number") == 1


async def test_a_stranger_who_changes_number_leaves_nothing_behind(both: Both):
    await both.whatsapp("hoi", "31655544433")
    assert traces(both, "31655544433")[2] in await rows(both)
    await both._deliver(number_change("31655544433", NEW_NUMBER))
    after = await rows(both)
    for trace in traces(both, "31655544433"):
        assert trace not in after, trace
    assert await both.people.get(pseudonymize(NEW_NUMBER, both.server.runtime.settings.secret())) is None


async def test_the_number_change_logs_neither_number(both: Both):
    stream = io.StringIO()
    handler = configure_logging("DEBUG", "text", stream)
    try:
        await both.invited_ib()
        await both._deliver(number_change(IB_NUMBER, NEW_NUMBER))
        await both.whatsapp("smw ypenburg", NEW_NUMBER)
    finally:
        logging.getLogger().removeHandler(handler)
    logged = stream.getvalue()
    assert "changed number" in logged
    for secret in (IB_NUMBER, NEW_NUMBER, "Sanne"):
        assert secret not in logged, secret


# --- rate limits -------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [131048, 131064])
async def test_spam_rate_limit_and_131064_are_retried_not_given_up(wa: Harness, code):
    wa.graph.permanent_error_next(1, code=code)
    sent = await wa.say("hoi")
    assert [r.status for r in sent] == [400, 200]
    assert sent[0].body == sent[1].body
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="retry") == 1
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="permanent_error") == 0


@pytest.mark.parametrize("code", [131048, 131064])
async def test_an_announcement_hit_by_a_rate_limit_code_is_sent_later(both: Both, code):
    await both.invited_ib()
    await _announce(both, "Studiemiddag")
    await both.teams("Versturen")
    both.graph.permanent_error_next(1, code=code)
    await both.deliver_all()
    attempts = [r.status for r in both.graph.requests if "Studiemiddag" in json.dumps(r.body)]
    assert attempts == [400, 200]
    status = await both.teams("status aankondiging")
    assert "verstuurd: 1" in status and "mislukt" not in status
