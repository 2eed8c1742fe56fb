"""Bounded, odd and replayed input at the channel boundaries (issue 16), through real HTTP on
127.0.0.1: Teams with signed test tokens, WhatsApp with signed deliveries."""

from __future__ import annotations

import asyncio
import io
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.adapters import fakes
from tests.adapters import test_whatsapp as whatsapp
from tests.adapters.test_teams import assert_nothing_happened, rejected
from tests.adapters.test_whatsapp import REGISTERED, Harness, MakeHarness, sign, text_payload
from wijkwijzer.core.inbound import MAX_TEXT

make_teams = fakes.make_teams  # the server fixtures
make_whatsapp = whatsapp.make_whatsapp
wa = whatsapp.wa


def _message(payload: dict[str, Any]) -> dict[str, Any]:
    return payload["entry"][0]["changes"][0]["value"]["messages"][0]


# --- Teams ---------------------------------------------------------------------------------------


async def test_a_token_without_exp_is_refused(make_teams):
    server = await make_teams()
    response = await server.post(server.message("smw ypenburg"), token=server.token(exp=None))
    assert response.status == 401
    assert rejected(server, "bad_token") == 1
    assert_nothing_happened(server)


@pytest.mark.parametrize("value", ["absent", None, {}, "", [], {"action": None}, {"action": {}},
                                   {"action": {"type": "Action.Execute"}}])
async def test_an_adaptive_card_action_without_a_usable_value_gets_an_invoke_answer_not_500(make_teams, value):
    server = await make_teams()
    activity = server.message("", type="invoke", name="adaptiveCard/action")
    del activity["text"]
    if value != "absent":
        activity["value"] = value
    response = await server.post(activity)
    assert response.status in (200, 400), response.status


async def test_an_activity_the_sdk_refuses_with_a_bare_exception_gets_400_not_500(make_teams):
    server = await make_teams()
    activity = server.message("smw ypenburg", channelId="msteams:sub", entities=[{"type": "ProductInfo", "id": "x"}])
    response = await server.post(activity)
    assert response.status == 400
    assert rejected(server, "bad_activity") == 1


async def test_a_long_teams_message_is_cut_before_anything_reads_it(make_teams):
    server = await make_teams()
    response = await server.post(server.message("smw ypenburg " + "x" * 200_000))
    assert response.status == 202
    assert [len(text) <= MAX_TEXT for text in server.understood] == [True]
    assert "Fatma Yilmaz" in json.dumps(server.connector.messages)


async def _timed_get(server: fakes.TeamsServer, path: str) -> float:
    started = time.perf_counter()
    status, _ = await server.get(path)
    assert status == 200
    return time.perf_counter() - started


async def test_a_250000_character_message_does_not_hold_up_healthz_or_another_users_turn(make_teams):
    """Issue 16: 'aanmeldcode ' and digits made one pattern quadratic (37-70 s at this length,
    /healthz blocked throughout). Now the text is cut at the boundary and every pattern is linear."""
    server = await make_teams()
    ordinary = server.message("smw ypenburg", conversation_id="a:other-user")
    started = time.perf_counter()
    await server.post(ordinary)
    alone = time.perf_counter() - started
    for hostile in ("aanmeldcode " + "1" * 250_000, "aanmeldcode " + "1-" * 125_000, "a." * 125_000):
        big = asyncio.create_task(server.post(server.message(hostile)))
        await asyncio.sleep(0.01)
        health = [await _timed_get(server, "/healthz") for _ in range(5)]
        started = time.perf_counter()
        await server.post(ordinary)
        other = time.perf_counter() - started
        assert (await big).status == 202
        assert max(health) < 0.5, health
        assert other < alone + 1.0, (other, alone)


async def test_readyz_answers_ok_while_the_event_loop_is_busy(make_teams):
    """The database check measures its own time, not the time it queued behind other work."""
    server = await make_teams()

    async def hog() -> None:
        for _ in range(10):
            time.sleep(0.5)  # turns that keep the loop busy, one after the other
            await asyncio.sleep(0)

    ready = asyncio.create_task(server.get("/readyz"))
    await asyncio.sleep(0.005)
    await hog()
    status, body = await ready
    assert status == 200, body
    assert json.loads(body)["database"] == "ok"


# --- WhatsApp ------------------------------------------------------------------------------------


@pytest.mark.parametrize("timestamp", ["absent", None, "", "gisteren", "1.7e9", -5, 0, 10**20, True, [], {},
                                       "1733500000000"])
async def test_a_text_without_or_with_an_odd_timestamp_is_answered(wa: Harness, timestamp):
    payload = text_payload("smw ypenburg")
    if timestamp == "absent":
        del _message(payload)["timestamp"]
    else:
        _message(payload)["timestamp"] = timestamp
    sent = await wa.deliver(payload)
    assert "Fatma" in json.dumps([request.body for request in sent])


async def test_a_delivery_replayed_after_the_ids_were_purged_is_not_answered_again(wa: Harness):
    payload = text_payload("smw ypenburg", message_id="wamid.REPLAYED")
    _message(payload)["timestamp"] = str(int((datetime.now(UTC) - timedelta(days=15)).timestamp()))
    assert await wa.deliver(payload) == []
    recent = text_payload("smw ypenburg", message_id="wamid.RECENT")
    _message(recent)["timestamp"] = str(int((datetime.now(UTC) - timedelta(days=6)).timestamp()))
    assert await wa.deliver(recent)  # Meta redelivers for up to 7 days: still answered


async def _post_large(wa: Harness, raw: bytes, signature: str) -> int:
    headers = {"X-Hub-Signature-256": signature, "Content-Type": "application/json"}
    async with wa.session.post(f"{wa.url}/api/whatsapp", data=io.BytesIO(raw), headers=headers) as response:
        return response.status


async def test_a_signed_batch_of_three_megabytes_is_accepted(wa: Harness):
    payload = text_payload("smw ypenburg")
    value = payload["entry"][0]["changes"][0]["value"]
    first = value["messages"][0]
    value["messages"] = [first] + [dict(first, id=f"wamid.BIG{i:06d}", type="reaction",
                                        reaction={"message_id": "wamid.X", "emoji": "👍" + " " * 1000})
                                   for i in range(2500)]
    raw = json.dumps(payload).encode()
    assert 2_900_000 < len(raw) < 3_200_000
    assert await _post_large(wa, raw, sign(raw)) == 200
    await wa.endpoint.drain()
    assert "Fatma" in json.dumps([request.body for request in wa.graph.requests])


async def test_a_body_over_the_webhook_cap_is_refused_before_its_signature_is_checked(wa: Harness):
    raw = b'{"object": "whatsapp_business_account", "pad": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    assert await _post_large(wa, raw, "sha256=" + "0" * 64) == 413


async def test_a_long_whatsapp_text_is_cut_before_anything_reads_it(make_whatsapp: MakeHarness):
    seen: list[str] = []

    class Recorder:
        profiles = None

        async def on_turn(self, context) -> None:
            seen.append(context.activity.text)

    wa = await make_whatsapp(agent=Recorder())
    await wa.deliver(text_payload("a" * 60_000, sender=REGISTERED))
    assert [len(text) for text in seen] == [MAX_TEXT]
