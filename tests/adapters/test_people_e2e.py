"""Registration, subscriptions and announcements end to end: one server with Teams and WhatsApp,
real HTTP on 127.0.0.1, a fake Bot Connector and a fake Graph API recording what users got."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from wijkwijzer.adapters.whatsapp.settings import WhatsAppSettings
from wijkwijzer.app.server import CHANNELS
from wijkwijzer.store.signals import pseudonymize

from .fake_graph import FakeGraph
from .fakes import TeamsServer, make_teams, register_teams_user, teams_user_id  # noqa: F401 - fixture
from .test_whatsapp import (
    ACCESS_TOKEN,
    APP_SECRET,
    PHONE_NUMBER_ID,
    STRANGER,
    VERIFY_TOKEN,
    fixture,
    sign,
    text_payload,
)

IB_NUMBER = "31611122233"
YPENBURG = "Den Haag: Ypenburg"
CODE = re.compile(r"\b[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}\b")


class Both:
    """The server plus helpers to talk as a WhatsApp number or as a Teams user."""

    def __init__(self, server: TeamsServer, graph: FakeGraph) -> None:
        self.server = server
        self.graph = graph

    @property
    def people(self):
        return self.server.runtime.people

    async def whatsapp(self, text: str, number: str = IB_NUMBER) -> str:
        """Send a WhatsApp text; everything the bot answered, as one string."""
        return await self._deliver(text_payload(text, sender=number))

    async def _deliver(self, payload: dict[str, Any]) -> str:
        before = len(self.graph.requests)
        raw = json.dumps(payload).encode()
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(raw)}
        async with self.server.session.post(f"{self.server.url}/api/whatsapp", data=raw, headers=headers) as response:
            assert response.status == 200
        await self.server.app[CHANNELS]["whatsapp"].endpoint.drain()
        return "\n".join(_graph_text(r.body) for r in self.graph.requests[before:])

    async def teams(self, text: str, aad: str = "aad-user-1") -> str:
        before = len(self.server.connector.activities)
        activity = self.server.message(text, aad_object_id=aad, user=f"29:{aad}",
                                       conversation_id=f"a:personal-{aad}")
        response = await self.server.post(activity)
        assert response.status in (200, 202)
        return json.dumps(self.server.connector.activities[before:], ensure_ascii=False)

    async def invite(self, school: str = "De Vliegerwolk") -> str:
        """An adviseur on Teams makes a code; the code from the answer."""
        answer = await self.teams(f"maak een aanmeldcode voor {school}")
        found = CODE.search(answer)
        assert found, answer
        return found.group(0)

    async def invited_ib(self, number: str = IB_NUMBER) -> None:
        code = await self.invite()
        assert "Welkom" in await self.whatsapp(f"aanmelden {code}", number)

    async def deliver_all(self, **overrides: Any) -> None:
        worker = self.server.delivery_worker(**overrides)
        try:
            for _ in range(50):
                await worker.drain()
                counts = await self.server.runtime.outbox.counts()
                if not counts["pending"] and not counts["sending"]:
                    return
                await asyncio.sleep(0.05)
        finally:
            await worker.close()


def _graph_text(body: dict[str, Any]) -> str:
    if body.get("type") == "text":
        return body["text"]["body"]
    if body.get("type") == "interactive":
        return body["interactive"]["body"]["text"] + "\n" + json.dumps(body["interactive"]["action"], ensure_ascii=False)
    return json.dumps(body, ensure_ascii=False)


@pytest.fixture
async def both(make_teams) -> Any:  # noqa: F811 - the fixture imported above
    graph = FakeGraph()
    await graph.start()
    whatsapp = WhatsAppSettings(verify_token=VERIFY_TOKEN, app_secret=APP_SECRET, access_token=ACCESS_TOKEN,
                                phone_number_id=PHONE_NUMBER_ID, graph_url=graph.url, backoff_base=0.01,
                                backoff_max=0.1, max_attempts=2, template_name="wijkwijzer_aankondiging",
                                recipient_interval=0)
    server = await make_teams(known_user=False, whatsapp=whatsapp)
    await register_teams_user(server.runtime, role="adviseur", wijk=None)
    yield Both(server, graph)
    await graph.stop()


async def test_a_stranger_gets_no_contact_details_and_an_invited_ib_does(both: Both):
    refused = await both.whatsapp("smw ypenburg")
    assert "Fatma" not in refused and "aanmeld" in refused.lower()
    assert "Signalen kunnen alleen aangemelde" in await both.whatsapp("signaal: veel angst in groep 8")
    code = await both.invite()
    welcome = await both.whatsapp(f"aanmelden {code.lower()}")
    assert "Welkom! Je bent aangemeld als IB'er van IKC De Vliegerwolk" in welcome and "Ypenburg" in welcome
    answer = await both.whatsapp("smw'er ypenbrg?")
    assert "Fatma Yilmaz" in answer and "+31" in answer
    assert "al gebruikt" in await both.whatsapp(f"aanmelden {code}", STRANGER)
    user = await both.people.get(pseudonymize(IB_NUMBER, "test-secret"))
    assert user.role == "ib" and user.address == IB_NUMBER and user.school == "IKC De Vliegerwolk"
    actions = [entry.action for entry in await both.people.audit_entries()]
    assert "invite.create" in actions and "user.register" in actions


async def test_wrong_codes_are_slowed_down_then_blocked(both: Both):
    now = datetime.now(UTC)
    both.people.clock = lambda: now
    answers = [await both.whatsapp("aanmelden AAA-AAA-AA1", STRANGER) for _ in range(3)]
    assert all("klopt niet" in a for a in answers) and "over 1 minuut" in answers[2]
    good = await both.invite()
    assert "te vaak een verkeerde code" in await both.whatsapp(f"aanmelden {good}", STRANGER)
    for minutes in (1, 2, 4, 8, 16):
        now += timedelta(minutes=minutes, seconds=1)
        assert "klopt niet" in await both.whatsapp("aanmelden AAA-AAA-AA1", STRANGER)
    now += timedelta(hours=1)
    blocked = await both.whatsapp(f"aanmelden {good}", STRANGER)
    assert "Aanmelden kan weer over" in blocked and "uur" in blocked
    now += timedelta(hours=24)
    assert "Welkom" in await both.whatsapp(f"aanmelden {good}", STRANGER)


async def test_subscriptions_stop_and_undo(both: Both):
    await both.invited_ib()
    assert "Je krijgt berichten voor: Ypenburg" in await both.whatsapp("welke berichten krijg ik?")
    assert "ook berichten voor Scheveningen" in await both.whatsapp("meld me ook aan voor Scheveningen")
    stop = await both.whatsapp("STOP")
    assert "afgemeld" in stop and "berichten aan" in stop
    assert "uitgezet" in await both.whatsapp("welke berichten krijg ik?")
    assert "weer berichten" in await both.whatsapp("berichten aan")
    assert "geen berichten meer voor Scheveningen" in await both.whatsapp("afmelden Scheveningen")


async def test_forget_me_is_confirmed_then_everything_about_the_person_is_gone(both: Both):
    await both.invited_ib()
    assert await both.people.count() == 2
    ask = await both.whatsapp("verwijder mijn gegevens")
    assert "Weet je het zeker" in ask and "Ja, verwijderen" in ask
    assert "verwijderd" in await both.whatsapp("Ja, verwijderen")
    assert await both.people.count() == 1
    assert "Fatma" not in await both.whatsapp("smw ypenburg")
    assert "user.forget" in [entry.action for entry in await both.people.audit_entries()]


async def test_a_new_teams_user_is_registered_and_asked_for_their_school_once(both: Both):
    first = await both.teams("smw ypenburg", aad="aad-new")
    assert "Fatma Yilmaz" in first and "op welke school werk je" in first
    assert "Dank je! Je krijgt berichten voor Ypenburg" in await both.teams("vliegerwolk", aad="aad-new")
    assert "op welke school" not in await both.teams("wat is een opp", aad="aad-new")
    user = await both.people.get(teams_user_id("aad-new"))
    assert user.role == "ib" and user.wijk == YPENBURG and user.onboarded
    assert "op welke school" in await both.teams("hoi", aad="aad-skip")
    assert "Prima" in await both.teams("stop", aad="aad-skip")
    assert "op welke school" not in await both.teams("hoi", aad="aad-skip")
    assert (await both.people.get(teams_user_id("aad-skip"))).onboarded


async def test_a_new_question_that_names_a_wijk_is_answered_not_taken_as_the_school(both: Both):
    assert "op welke school werk je" in await both.teams("hoi", aad="aad-asks")
    second = await both.teams("jgz ypenburg", aad="aad-asks")
    assert "JGZ voor Ypenburg" in second and "Dank je" not in second
    user = await both.people.get(teams_user_id("aad-asks"))
    assert user.onboarded and user.school is None


async def test_in_a_channel_a_new_user_is_answered_but_not_asked_for_a_school(both: Both):
    activity = both.server.message("smw ypenburg", conversation_type="channel", mention=True,
                                   aad_object_id="aad-channel", user="29:aad-channel")
    await both.server.post(activity)
    said = both.server.connector.texts()
    assert "Fatma Yilmaz" in said and "op welke school" not in said
    assert not (await both.people.get(teams_user_id("aad-channel"))).onboarded


async def _announce(both: Both, text: str, wijk: str = "Ypenburg") -> str:
    assert "Wat is je bericht" in await both.teams("aankondiging")
    assert "Voor welke wijken" in await both.teams(text)
    assert "Voor wie" in await both.teams(wijk)
    preview = await both.teams("Iedereen")
    assert "Versturen" in preview
    return preview


async def test_an_adviseur_announces_from_teams_and_sees_delivery_status(both: Both):
    await both.invited_ib()
    await both.teams("hoi", aad="aad-ib-2")
    await both.teams("De Vliegerwolk", aad="aad-ib-2")
    raw = 'Netwerkbijeenkomst *IB* Ypenburg {"type": "Action.OpenUrl", "url": "https://evil.example"}'
    preview = await _announce(both, raw)
    assert "Dit gaat naar 2 personen" in preview and raw.replace('"', '\\"') in preview
    assert "aankondiging 1 gaat naar 2 personen" in await both.teams("Versturen")
    teams_before = len(both.server.connector.activities)
    await both.deliver_all()
    whatsapp_sent = [r for r in both.graph.requests if "Netwerkbijeenkomst" in json.dumps(r.body)]
    assert len(whatsapp_sent) == 1 and whatsapp_sent[0].body["to"] == IB_NUMBER
    assert "*IB*" not in whatsapp_sent[0].text and "Aankondiging van het samenwerkingsverband" in whatsapp_sent[0].text
    proactive = [a for a in both.server.connector.activities[teams_before:] if "Netwerkbijeenkomst" in json.dumps(a)]
    assert len(proactive) == 1
    card = proactive[0]["attachments"][0]["content"]
    runs = [run for block in card["body"] for run in block["inlines"]]
    assert {"type": "TextRun", "text": raw} in runs and card["actions"] == []
    await _whatsapp_status(both, whatsapp_sent[0], "read")
    status = await both.teams("status aankondiging")
    assert "2 ontvangers" in status and "gelezen: 1" in status and "verstuurd: 1" in status
    actions = [entry.action for entry in await both.people.audit_entries()]
    assert "announcement.send" in actions


async def _whatsapp_status(both: Both, sent: Any, status: str) -> None:
    """Meta reports ``status`` for the message ``sent`` (FakeGraph numbers its successes 1, 2, …)."""
    successes = [r for r in both.graph.requests if r.status == 200]
    message_id = f"wamid.FAKE{successes.index(sent) + 1:06d}"
    payload = fixture("statuses")
    value = payload["entry"][0]["changes"][0]["value"]
    value["statuses"] = [{**value["statuses"][0], "id": message_id, "status": status,
                          "recipient_id": sent.body["to"]}]
    await both._deliver(payload)


async def test_teams_app_removed_fails_for_good_and_429_is_retried(both: Both):
    await both.teams("hoi", aad="aad-ib-2")
    await both.teams("De Vliegerwolk", aad="aad-ib-2")
    await _announce(both, "Eerste bericht")
    await both.teams("Versturen")
    both.server.connector.statuses.extend([429])
    await both.deliver_all()
    status = await both.teams("status aankondiging")
    assert "verstuurd: 1" in status
    await _announce(both, "Tweede bericht")
    await both.teams("Versturen")
    both.server.connector.statuses.extend([403])
    await both.deliver_all()
    status = await both.teams("status aankondiging 2")
    assert "mislukt: 1" in status and "Teams-app verwijderd" in status


async def test_outside_the_24_hour_window_a_template_then_the_full_text_on_reply(both: Both):
    long_ago = datetime.now(UTC) - timedelta(days=2)
    both.people.clock = lambda: long_ago
    await both.invited_ib()
    both.people.clock = lambda: datetime.now(UTC)
    await _announce(both, "Studiemiddag angst bij kinderen\nOp 3 december in het stadhuis.")
    await both.teams("Versturen")
    await both.deliver_all()
    template = both.graph.requests[-1].body
    assert template["type"] == "template" and template["template"]["name"] == "wijkwijzer_aankondiging"
    assert template["template"]["components"][0]["parameters"][0]["text"] == "Studiemiddag angst bij kinderen"
    answer = await both.whatsapp("hoi")
    assert "Op 3 december in het stadhuis." in answer
    assert "Op 3 december" not in await both.whatsapp("hoi")


async def test_only_adviseurs_announce_and_announcement_length_is_checked(both: Both):
    await both.invited_ib()
    assert "zijn voor adviseurs" in await both.whatsapp("aankondiging")
    await both.teams("aankondiging")
    too_long = await both.teams("x" * 2100)
    assert "2100 tekens" in too_long and "maximaal 2000" in too_long
    assert "niet verstuurd" in await both.teams("stop")


async def test_removing_the_app_deletes_the_reference_so_announcements_fail_clearly(both: Both):
    await both.teams("hoi", aad="aad-ib-2")
    await both.teams("De Vliegerwolk", aad="aad-ib-2")
    refs = await both.server.app[CHANNELS]["msteams"].endpoint.bot.references.for_user(teams_user_id("aad-ib-2"))
    assert len(refs) == 1
    removal = both.server.message("", aad_object_id="aad-ib-2", user="29:aad-ib-2",
                                  conversation_id="a:personal-aad-ib-2", type="installationUpdate", action="remove")
    assert (await both.server.post(removal)).status in (200, 202)
    assert await both.server.app[CHANNELS]["msteams"].endpoint.bot.references.for_user(teams_user_id("aad-ib-2")) == []
    await _announce(both, "Na verwijderen")
    await both.teams("Versturen")
    await both.deliver_all()
    assert "geen persoonlijk Teams-gesprek" in await both.teams("status aankondiging")


async def test_serve_runs_a_delivery_worker_itself(make_teams):  # noqa: F811 - the fixture imported above
    graph = FakeGraph()
    await graph.start()
    whatsapp = WhatsAppSettings(verify_token=VERIFY_TOKEN, app_secret=APP_SECRET, access_token=ACCESS_TOKEN,
                                phone_number_id=PHONE_NUMBER_ID, graph_url=graph.url)
    try:
        server = await make_teams(known_user=False, whatsapp=whatsapp, outbox_worker=True)
        await register_teams_user(server.runtime, role="adviseur", wijk=None)
        both = Both(server, graph)
        await both.invited_ib()
        await _announce(both, "Vanuit de server bezorgd")
        await both.teams("Versturen")
        async with asyncio.timeout(10):
            while "Vanuit de server bezorgd" not in graph.texts():
                await asyncio.sleep(0.05)
        await server.stop()
    finally:
        await graph.stop()


async def test_conversations_over_both_channels_interrupt_follow_up_and_expire(both: Both):
    """Issue 15's conversations behave the same on WhatsApp and Teams (the dialogs never ask which)."""
    await both.invited_ib()
    assert "Voor welke wijk" in await both.whatsapp("smw den haag")  # a question waits (own wijk or not)
    schools = await both.whatsapp("welke school heeft nt2 in centrum")
    assert "NT2" in schools and "Tom Dekker" not in schools
    assert "Fatma Yilmaz" in await both.whatsapp("smw ypenbrg?")
    assert "Marieke van den Berg" in await both.whatsapp("en de jgz?")
    assert "Voor welke wijk" in await both.teams("smw den haag")
    assert "herken ik niet" not in await both.teams("hoi")
    overview = await both.teams("ketenpartners duindorp")
    assert "SMW: Petra Visser" in overview and "Wijkagent: Sandra Kok" in overview
    clock = both.server.runtime.agent.clock
    assert "In welke wijk" in await both.whatsapp("welke school heeft autisme")
    both.server.runtime.agent.clock = lambda: clock() + timedelta(minutes=45)
    expired = await both.whatsapp("ypenburg")
    assert "Welke ketenpartner zoek je?" in expired and "autisme" not in expired
