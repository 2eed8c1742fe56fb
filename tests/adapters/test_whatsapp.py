"""The WhatsApp channel end to end: real HTTP on 127.0.0.1 into the WhatsApp channel mounted on a real
runtime (SQLite in tmp_path), replies captured at a fake Graph API."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from microsoft_agents.activity import Activity

from wijkwijzer.adapters.whatsapp.channel import WhatsAppChannel
from wijkwijzer.adapters.whatsapp.endpoint import WhatsAppEndpoint
from wijkwijzer.adapters.whatsapp.identity import WhatsAppProfiles
from wijkwijzer.adapters.whatsapp.parse import message_key, reply_tag
from wijkwijzer.adapters.whatsapp.settings import UNSUPPORTED_REPLY, WhatsAppSettings
from wijkwijzer.app.channels import ChannelProfiles, mount
from wijkwijzer.app.runtime import Runtime, create_runtime
from wijkwijzer.app.settings import Settings
from wijkwijzer.core.channel import InboundContext
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.core.replies import reply
from wijkwijzer.store.references import ConversationReferences
from wijkwijzer.store.signals import pseudonymize
from wijkwijzer.store.whatsapp_store import WhatsAppStore

from .fake_graph import FakeGraph, GraphRequest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "whatsapp"
PHONE_NUMBER_ID = "106540352242922"
REGISTERED = "31612345678"
STRANGER = "31687654321"
APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
ACCESS_TOKEN = "test-access-token"
PSEUDONYM_SECRET = "test-pseudonym-secret"
_counter = iter(range(1, 1_000_000))


def fixture(name: str, *, sender: str | None = None, message_id: str | None = None) -> dict[str, Any]:
    """A recorded-shape payload; ``sender``/``message_id`` replace those of its messages, which are
    sent now (a message older than the id-retention window is a replay: not answered)."""
    payload = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    for entry in payload["entry"]:
        for change in entry["changes"]:
            for message in change["value"].get("messages", []):
                message["timestamp"] = str(int(time.time()))
                if sender:
                    message["from"] = sender
                message["id"] = message_id or f"wamid.TEST{next(_counter):08d}"
            for contact in change["value"].get("contacts", []):
                if sender:
                    contact["wa_id"] = sender
    return payload


def text_payload(text: str, sender: str = REGISTERED, message_id: str | None = None) -> dict[str, Any]:
    payload = fixture("text", sender=sender, message_id=message_id)
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = text
    return payload


def sign(raw: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


SIGNED = object()


@dataclass
class Harness:
    url: str
    graph: FakeGraph
    runtime: Runtime
    metrics: Metrics
    endpoint: WhatsAppEndpoint
    session: aiohttp.ClientSession
    runner: web.AppRunner

    async def post(self, body: dict[str, Any] | bytes, signature: Any = SIGNED,
                   headers: dict[str, str] | None = None) -> tuple[int, str]:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if signature is SIGNED:
            all_headers["X-Hub-Signature-256"] = sign(raw)
        elif signature is not None:
            all_headers["X-Hub-Signature-256"] = signature
        async with self.session.post(f"{self.url}/api/whatsapp", data=raw, headers=all_headers) as response:
            return response.status, await response.text()

    async def deliver(self, body: dict[str, Any] | bytes) -> list[GraphRequest]:
        """POST a signed delivery, wait for its background work; the Graph requests it caused."""
        before = len(self.graph.requests)
        status, _ = await self.post(body)
        assert status == 200
        await self.endpoint.drain()
        return self.graph.requests[before:]

    async def say(self, text: str, sender: str = REGISTERED) -> list[GraphRequest]:
        return await self.deliver(text_payload(text, sender))

    def metric(self, name: str, **labels: str) -> float:
        return self.metrics.registry.get_sample_value(name, labels) or 0.0


class StubAgent:
    """Answers every message with one fixed reply Activity (for rendering cases no dialog makes)."""

    def __init__(self, answer: Activity, gate: asyncio.Event | None = None) -> None:
        self.answer = answer
        self.gate = gate
        self.profiles = None

    async def on_turn(self, context) -> None:
        if self.gate is not None:
            await self.gate.wait()
        await context.send_activity(self.answer)


MakeHarness = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def make_whatsapp(tmp_path) -> AsyncIterator[MakeHarness]:
    started: list[Harness] = []

    async def factory(agent: Any = None, **overrides: Any) -> Harness:
        graph = FakeGraph()
        await graph.start()
        values = {
            "verify_token": VERIFY_TOKEN, "app_secret": APP_SECRET, "access_token": ACCESS_TOKEN,
            "phone_number_id": PHONE_NUMBER_ID, "graph_url": graph.url, "backoff_base": 0.01, "backoff_max": 0.2,
            "max_attempts": 4, **overrides,
        }
        settings = WhatsAppSettings(**values)
        runtime = await create_runtime(
            Settings(state_dir=tmp_path / f"state{len(started)}", pseudonym_secret=PSEUDONYM_SECRET),
            ChannelProfiles(),
        )
        await runtime.people.register(user_id=pseudonymize(REGISTERED, PSEUDONYM_SECRET), channel="whatsapp",
                                      address=REGISTERED, role="ib", via="test")
        metrics = Metrics()
        app = web.Application()
        channel = WhatsAppChannel(settings)
        mount(app, channel, InboundContext(metrics=metrics, secret=PSEUDONYM_SECRET,
                                           references=ConversationReferences(runtime.engine),
                                           agent=agent or runtime.agent, runtime=runtime))
        assert channel.endpoint is not None
        endpoint = channel.endpoint
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        harness = Harness(f"http://127.0.0.1:{port}", graph, runtime, metrics, endpoint, aiohttp.ClientSession(),
                          runner)
        started.append(harness)
        return harness

    yield factory
    for harness in started:
        await harness.session.close()
        await harness.runner.cleanup()
        await harness.runtime.close()
        await harness.graph.stop()


@pytest.fixture
async def wa(make_whatsapp: MakeHarness) -> Harness:
    return await make_whatsapp()


# --- verification -------------------------------------------------------------------------------


async def test_verification_echoes_the_challenge(wa: Harness):
    query = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    async with wa.session.get(f"{wa.url}/api/whatsapp", params=query) as response:
        assert response.status == 200
        assert response.content_type == "text/plain"
        assert await response.text() == "1158201444"


@pytest.mark.parametrize("query", [
    {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1158201444"},
    {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"},
    {"hub.challenge": "1158201444"},
])
async def test_verification_with_wrong_token_or_mode_is_forbidden(wa: Harness, query):
    async with wa.session.get(f"{wa.url}/api/whatsapp", params=query) as response:
        assert response.status == 403
        assert "1158201444" not in await response.text()
    assert wa.metric("wijkwijzer_rejected_requests_total", channel="whatsapp", reason="verify_token") == 1


async def test_verification_never_echoes_anything_but_digits(wa: Harness):
    query = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "<script>alert(1)</script>"}
    async with wa.session.get(f"{wa.url}/api/whatsapp", params=query) as response:
        assert response.status == 400
        assert "script" not in await response.text()


# --- refused deliveries ---------------------------------------------------------------------------


async def test_forged_signature_is_refused_and_nothing_processed(wa: Harness):
    payload = text_payload("smw ypenburg", message_id="wamid.FORGED1")
    raw = json.dumps(payload).encode()
    status, _ = await wa.post(raw, signature=sign(raw, secret="not-the-app-secret"))
    assert status == 401
    await wa.endpoint.drain()
    assert wa.graph.requests == []
    assert wa.metric("wijkwijzer_rejected_requests_total", channel="whatsapp", reason="signature") == 1
    assert await WhatsAppStore(wa.runtime.engine).claim(["wamid.FORGED1"]) == ["wamid.FORGED1"]


@pytest.mark.parametrize("header", [None, "", "sha1=" + "0" * 40, "sha256=nothex", "sha256=" + "0" * 64])
async def test_missing_or_malformed_signature_is_refused(wa: Harness, header):
    status, _ = await wa.post(text_payload("hoi"), signature=header)
    assert status == 401
    await wa.endpoint.drain()
    assert wa.graph.requests == []


async def test_signature_is_over_the_raw_bytes(wa: Harness):
    """Meta signs its own serialisation (``\\u00eb`` escapes): verify the bytes, never re-serialised JSON."""
    raw = json.dumps(text_payload("wat is een opp, ë 😀"), ensure_ascii=True).encode()
    assert b"\\u00eb" in raw
    assert (await wa.post(raw))[0] == 200
    tampered = raw.replace(b"opp", b"tlv")
    assert (await wa.post(tampered, signature=sign(raw)))[0] == 401


async def test_oversized_body_is_refused_with_413(make_whatsapp: MakeHarness):
    wa = await make_whatsapp(max_body_bytes=2048)
    big = text_payload("x" * 4000)
    assert (await wa.post(big))[0] == 413

    raw = json.dumps(big).encode()

    async def chunks():
        for start in range(0, len(raw), 512):
            yield raw[start:start + 512]

    headers = {"X-Hub-Signature-256": sign(raw), "Content-Type": "application/json"}
    async with wa.session.post(f"{wa.url}/api/whatsapp", data=chunks(), headers=headers) as response:
        assert response.status == 413
    await wa.endpoint.drain()
    assert wa.graph.requests == []
    assert wa.metric("wijkwijzer_rejected_requests_total", channel="whatsapp", reason="too_large") == 2


@pytest.mark.parametrize(("raw", "reason"), [
    (b"{not json", "bad_json"), (b"[" * 100_000, "bad_json"), (b"\xff\xfe{}", "bad_json"),
    (b"[1, 2, 3]", "bad_payload"),
])
async def test_malformed_json_with_valid_signature_is_400(wa: Harness, raw, reason):
    status, _ = await wa.post(raw)
    assert status == 400
    assert wa.metric("wijkwijzer_rejected_requests_total", channel="whatsapp", reason=reason) == 1
    await wa.endpoint.drain()
    assert wa.graph.requests == []


async def test_other_objects_and_foreign_numbers_are_acknowledged_and_ignored(wa: Harness):
    assert await wa.deliver({"object": "page", "entry": []}) == []
    foreign = text_payload("smw ypenburg")
    foreign["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = "999999999999999"
    assert await wa.deliver(foreign) == []


# --- conversations ----------------------------------------------------------------------------------


async def test_registered_number_gets_the_partner_with_a_tappable_number(wa: Harness):
    sent = await wa.say("smw ypenburg")
    assert len(sent) == 1
    request = sent[0]
    assert request.path == f"/v26.0/{PHONE_NUMBER_ID}/messages"
    assert request.headers["Authorization"] == f"Bearer {ACCESS_TOKEN}"
    assert request.body["messaging_product"] == "whatsapp" and request.body["to"] == REGISTERED
    assert "Fatma Yilmaz" in request.text
    assert "Tel: +31600434831" in request.text
    assert "f.yilmaz@smw-haaglanden.example" in request.text
    assert request.kind == "button" and len(request.choices) <= 3


async def test_unregistered_number_gets_no_contact_details(wa: Harness):
    sent = await wa.say("smw ypenburg", sender=STRANGER)
    text = "\n".join(r.text for r in sent)
    assert sent and sent[0].body["to"] == STRANGER
    assert "Fatma" not in text and "0043" not in text and "@" not in text
    assert "aanmeld" in text and "0800-2000" in text


async def test_route_walk_answered_with_a_reply_button(wa: Harness):
    start = await wa.say("meldcode")
    assert start[-1].kind == "button"
    assert start[-1].choices == ["Ja, direct gevaar", "Nee", "Gaat om medewerker"]
    step = await wa.deliver(fixture("button_reply", sender=REGISTERED))
    assert "Stap 1: signalen vastleggen" in "\n".join(r.text for r in step)


async def test_four_to_ten_choices_are_a_list_and_a_row_answers_with_its_full_label(wa: Harness):
    greeting = await wa.say("hoi")
    assert len(greeting) == 1 and greeting[0].kind == "list"
    rows = greeting[0].body["interactive"]["action"]["sections"][0]["rows"]
    assert 4 <= len(rows) <= 10
    assert all(len(row["title"]) <= 24 and len(row.get("description", "")) <= 72 for row in rows)
    assert rows[0]["title"] == "Wie is de SMW'er voor…"
    assert rows[0]["description"] == "Wie is de SMW'er voor Ypenburg?"
    answer = await wa.deliver(fixture("list_reply", sender=REGISTERED))
    assert "Fatma Yilmaz" in "\n".join(r.text for r in answer)


async def test_more_than_ten_choices_become_numbered_lines(make_whatsapp: MakeHarness):
    labels = [f"Keuze {n}" for n in range(1, 13)]
    wa = await make_whatsapp(agent=StubAgent(reply("Waar gaat het over?", labels)))
    sent = await wa.say("iets")
    assert [r.kind for r in sent] == ["text"]
    assert "1. Keuze 1" in sent[0].text and "12. Keuze 12" in sent[0].text
    assert "Typ het nummer" in sent[0].text


async def test_long_text_is_split_at_sentence_boundaries(make_whatsapp: MakeHarness):
    sentences = [f"Dit is zin nummer {n} over passend onderwijs in de wijk." for n in range(200)]
    long_text = " ".join(sentences)
    wa = await make_whatsapp(agent=StubAgent(reply(long_text)))
    sent = await wa.say("vertel")
    assert len(sent) >= 3 and all(r.kind == "text" for r in sent)
    assert all(len(r.text) <= 4096 and r.text.endswith("wijk.") for r in sent)
    assert " ".join(r.text for r in sent) == long_text


async def test_long_text_with_buttons_sends_the_overflow_first(make_whatsapp: MakeHarness):
    sentences = [f"Zin {n} van een lange uitleg." for n in range(80)]
    wa = await make_whatsapp(agent=StubAgent(reply(" ".join(sentences), ["Ja", "Nee"])))
    sent = await wa.say("uitleg")
    assert [r.kind for r in sent] == ["text", "button"]
    assert len(sent[1].text) <= 1024 and sent[1].text.startswith("Zin ")
    assert " ".join(r.text for r in sent) == " ".join(sentences)


async def test_duplicate_delivery_is_processed_once(wa: Harness):
    payload = text_payload("hoi", message_id="wamid.DUPLICATE1")
    first = await wa.deliver(payload)
    again = await wa.deliver(payload)
    assert len(first) == 1 and again == []


async def test_concurrent_duplicate_deliveries_are_processed_once(wa: Harness):
    payload = text_payload("hoi", message_id="wamid.DUPLICATE2")
    statuses = await asyncio.gather(*(wa.post(payload) for _ in range(3)))
    assert [s for s, _ in statuses] == [200, 200, 200]
    await wa.endpoint.drain()
    assert len(wa.graph.requests) == 1


@pytest.mark.parametrize("kind", ["image", "audio", "sticker", "location", "unsupported"])
async def test_unsupported_types_get_one_dutch_reply(wa: Harness, kind):
    sent = await wa.deliver(fixture(kind, sender=STRANGER))
    assert [(r.kind, r.text) for r in sent] == [("text", UNSUPPORTED_REPLY)]
    assert sent[0].body["to"] == STRANGER
    assert all(r.path.endswith("/messages") for r in wa.graph.requests)


def stored_id(wamid: str) -> str:
    """What the database keeps of a Meta message id: a keyed hash (a wamid encodes the number)."""
    return message_key(wamid, lambda value: pseudonymize(value, PSEUDONYM_SECRET))


async def test_statuses_are_recorded_never_downgraded_and_pseudonymous(wa: Harness):
    assert await wa.deliver(fixture("statuses")) == []
    store = WhatsAppStore(wa.runtime.engine)
    read = await store.status_of(stored_id("wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI0QjlGQjU4RjI5RDk2NjE4QjcA"))
    failed = await store.status_of(stored_id("wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI1QzdBQjk0RDNFMUYyQTA4RjYA"))
    assert await store.status_of("wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI0QjlGQjU4RjI5RDk2NjE4QjcA") is None
    assert read is not None and read.status == "read" and read.error_code is None
    assert read.recipient == pseudonymize("31612345678", PSEUDONYM_SECRET)
    assert failed is not None and (failed.status, failed.error_code, failed.error_title) == (
        "failed", 131047, "Re-engagement message")
    assert failed.timestamp is not None and failed.timestamp.year == 2025


def test_only_our_reply_tags_are_read_from_a_status():
    assert reply_tag("0123456789abcdef:2") == ("0123456789abcdef", 2)
    for other in ("0123456789abcdef", "0123456789abcdef:x", "0123456789ABCDEF:1", "campaign-7", 12, None,
                  "0123456789abcdef:1\n", "0123456789abcdef:10000"):
        assert reply_tag(other) is None, other


async def test_multi_entry_delivery_processes_every_entry_for_our_number(wa: Harness):
    sent = await wa.deliver(fixture("multi_entry"))
    assert sorted(r.body["to"] for r in sent) == ["31612345678", "31698765432"]
    assert "voor een ander nummer" not in wa.graph.texts()
    store = WhatsAppStore(wa.runtime.engine)
    status = await store.status_of(stored_id("wamid.HBgLMzE2OTg3NjU0MzIVAgARGBJDQ0NDQ0NDQ0NDQ0NDQ0NDQ0MA"))
    assert status is not None and status.status == "delivered"


async def test_a_poison_message_does_not_stop_the_rest_of_the_batch(wa: Harness):
    payload = text_payload("hoi")
    messages = payload["entry"][0]["changes"][0]["value"]["messages"]
    messages.insert(0, {"from": "<script>", "id": "wamid.BAD", "type": "text", "text": {"body": "x"}})
    messages.insert(0, {"from": REGISTERED, "id": "\ud800bad", "type": "text"})
    messages.insert(0, "not even an object")
    sent = await wa.deliver(payload)
    assert len(sent) == 1 and sent[0].body["to"] == REGISTERED


async def test_control_characters_and_lone_surrogates_are_cleaned(wa: Harness):
    raw = json.dumps(text_payload("hoi")).replace("hoi", "ho\\u0000i\\ud800").encode()
    sent = await wa.deliver(raw)
    assert len(sent) == 1


async def test_the_acknowledgement_does_not_wait_for_the_turn(make_whatsapp: MakeHarness):
    gate = asyncio.Event()
    wa = await make_whatsapp(agent=StubAgent(reply("klaar"), gate=gate))
    status, _ = await asyncio.wait_for(wa.post(text_payload("hoi")), timeout=1)
    assert status == 200 and wa.graph.requests == []
    gate.set()
    await wa.endpoint.drain()
    assert wa.graph.texts() == "klaar"


async def test_shutdown_waits_for_background_work(make_whatsapp: MakeHarness):
    gate = asyncio.Event()
    wa = await make_whatsapp(agent=StubAgent(reply("nog even"), gate=gate))
    assert (await wa.post(text_payload("hoi")))[0] == 200
    asyncio.get_running_loop().call_later(0.05, gate.set)
    await wa.runner.cleanup()
    assert wa.graph.texts() == "nog even"


async def test_request_welcome_gets_the_welcome(wa: Harness):
    payload = fixture("text", sender=STRANGER)
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    message["type"] = "request_welcome"
    del message["text"]
    sent = await wa.deliver(payload)
    assert "Ik ben Wijkwijzer" in "\n".join(r.text for r in sent)


async def test_logs_carry_neither_the_number_nor_the_message(wa: Harness, caplog):
    caplog.set_level(logging.DEBUG, logger="wijkwijzer")
    wa.graph.permanent_error_next(1, code=131047)
    await wa.say("smw ypenburg")
    await wa.say("smw ypenburg")
    assert "131047" in caplog.text
    assert REGISTERED not in caplog.text and "ypenburg" not in caplog.text.lower()
    assert "Fatma" not in caplog.text


# --- sending: retries and permanent errors ------------------------------------------------------------


async def test_rate_limit_is_retried_after_retry_after(wa: Harness):
    wa.graph.rate_limit_next(1, retry_after="0.15")
    sent = await wa.say("hoi")
    assert [r.status for r in sent] == [429, 200]
    assert sent[1].body == sent[0].body
    assert sent[1].at - sent[0].at >= 0.15
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="retry") == 1
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="ok") == 1


async def test_server_errors_are_retried_with_backoff_then_given_up(wa: Harness):
    wa.graph.server_error_next(10)
    sent = await wa.say("hoi")
    assert [r.status for r in sent] == [500, 500, 500, 500]
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="retry") == 3
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="gave_up") == 1


async def test_a_too_long_retry_after_is_not_waited_for(wa: Harness):
    wa.graph.rate_limit_next(1, retry_after="3600")
    sent = await wa.say("hoi")
    assert [r.status for r in sent] == [429]
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="gave_up") == 1


@pytest.mark.parametrize("code", [131047, 131026, 131051, 100, 190])
async def test_a_permanent_error_is_recorded_and_not_retried(wa: Harness, code):
    wa.graph.permanent_error_next(1, code=code)
    sent = await wa.say("hoi")
    assert [r.status for r in sent] == [400]
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="permanent_error") == 1
    assert wa.metric("wijkwijzer_outbound_sends_total", channel="whatsapp", result="retry") == 0
    assert len(await wa.say("hoi")) == 1


# --- configuration and errors --------------------------------------------------------------------------


class FailingAgent(StubAgent):
    async def on_turn(self, context) -> None:
        raise RuntimeError("boom with secret details")


async def test_a_failing_turn_gets_the_dutch_apology_not_the_error(make_whatsapp: MakeHarness):
    wa = await make_whatsapp(agent=FailingAgent(reply("")))
    sent = await wa.say("hoi")
    assert [r.text for r in sent] == ["Sorry, er ging iets mis aan mijn kant. Probeer het nog eens, of typ 'help'."]


async def test_without_an_app_secret_every_delivery_is_refused(make_whatsapp: MakeHarness):
    wa = await make_whatsapp(app_secret="")
    status, _ = await wa.post(text_payload("hoi"), signature=sign(json.dumps(text_payload("hoi")).encode(), secret=""))
    assert status == 503
    assert wa.metric("wijkwijzer_rejected_requests_total", channel="whatsapp", reason="not_configured") == 1


class PerChannel:
    """Stands in for the server's per-channel ProfileSource."""

    def __init__(self) -> None:
        self.sources: dict[str, Any] = {}

    def register(self, channel: str, source: Any) -> None:
        self.sources[channel] = source


class Everyone:
    async def profile_for(self, activity: Activity):
        from wijkwijzer.core.services import Profile

        return Profile(user_id="x", role="ib")


async def test_setup_registers_whatsapp_profiles_with_a_per_channel_source(make_whatsapp: MakeHarness):
    agent = StubAgent(reply("ok"))
    agent.profiles = PerChannel()
    await make_whatsapp(agent=agent)
    assert isinstance(agent.profiles.sources["whatsapp"], WhatsAppProfiles)


async def test_setup_never_lets_a_catch_all_source_register_strangers(make_whatsapp: MakeHarness):
    agent = StubAgent(reply("ok"))
    agent.profiles = Everyone()
    await make_whatsapp(agent=agent)
    stranger = Activity(type="message", channel_id="whatsapp", from_property={"id": "hash"})
    teams = Activity(type="message", channel_id="msteams", from_property={"id": "x"})
    assert (await agent.profiles.profile_for(stranger)).role == "gast"
    assert (await agent.profiles.profile_for(teams)).role == "ib"


async def test_setup_reads_its_settings_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("WIJKWIJZER_WHATSAPP_PHONE_NUMBER_ID", "123")
    monkeypatch.setenv("WIJKWIJZER_WHATSAPP_API_VERSION", "v25.0")
    monkeypatch.setenv("WIJKWIJZER_WHATSAPP_MAX_BODY_BYTES", "4096")
    monkeypatch.setenv("WIJKWIJZER_WHATSAPP_TEMPLATE_NAME", "wijkwijzer_aankondiging")
    settings = WhatsAppSettings()
    assert settings.messages_url == "https://graph.facebook.com/v25.0/123/messages"
    assert settings.max_body_bytes == 4096
    assert settings.template_name == "wijkwijzer_aankondiging" and settings.template_language == "nl"
