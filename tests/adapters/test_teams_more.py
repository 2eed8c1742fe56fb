"""Teams channel limits end to end: at most 3 suggested actions in a personal chat and 6 card
actions in a group chat, the rest behind "Meer…", which the adapter answers itself."""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest
from microsoft_agents.hosting.core import TurnContext

from tests.adapters import fakes
from wijkwijzer.adapters.teams.more import MAX_CARRIED, MAX_CHOICE_CHARS, MoreChoices
from wijkwijzer.adapters.teams.render import render_for_teams
from wijkwijzer.app.logs import configure_logging
from wijkwijzer.app.server import CHANNELS, METRICS
from wijkwijzer.core.replies import reply

make_teams = fakes.make_teams  # the server fixture
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
LABELS = [f"Keuze {n}" for n in range(1, 9)]
GROUP = "19:group-more@thread.v2"


class ChoicesAgent:
    """Answers every message with one reply of the given choices; records what reached it."""

    def __init__(self, choices: list[str]) -> None:
        self.choices = choices
        self.heard: list[Any] = []

    async def on_turn(self, context: TurnContext) -> None:
        self.heard.append((context.activity.type, context.activity.text, context.activity.value))
        await context.send_activity(reply("Waar gaat het over?", self.choices))

    def welcome(self) -> Any:
        return reply("Hoi")


async def with_agent(make_teams, choices: list[str]) -> tuple[Any, ChoicesAgent]:
    server = await make_teams()
    agent = ChoicesAgent(choices)
    server.app[CHANNELS]["msteams"].endpoint.bot.agent = agent
    return server, agent


def suggested(activity: dict[str, Any]) -> list[dict[str, Any]]:
    return activity["suggestedActions"]["actions"]


def card_actions(activity: dict[str, Any]) -> list[dict[str, Any]]:
    [card] = [a["content"] for a in activity.get("attachments") or [] if a["contentType"] == ADAPTIVE]
    return card["actions"]


def tap_invoke(server, value: Any, conversation_id: str = "a:more-personal") -> dict[str, Any]:
    """What Teams posts for a tap on an ``Action.Submit`` suggested action."""
    activity = server.message("", conversation_id=conversation_id, type="invoke", name="suggestedAction/submit",
                              value=value)
    del activity["text"]
    return activity


def tap_card(server, value: Any) -> dict[str, Any]:
    """What Teams posts for a tap on a card's ``Action.Submit`` without messageBack: no text, the data as value."""
    activity = server.message("", conversation_type="groupChat", conversation_id=GROUP, value=value)
    del activity["text"]
    return activity


def rejected(server) -> float:
    labels = {"channel": "msteams", "reason": "more_value"}
    return server.app[METRICS].registry.get_sample_value("wijkwijzer_rejected_requests_total", labels) or 0.0


# --- personal chat: 3 suggested actions --------------------------------------------------------


async def test_eight_choices_in_personal_chat_are_two_and_meer_and_each_tap_shows_the_next_page(make_teams):
    server, agent = await with_agent(make_teams, LABELS)
    await server.post(server.message("waar kan ik kiezen", conversation_id="a:more-personal"))
    [first] = server.connector.messages
    actions = suggested(first)
    assert len(actions) == 3
    assert [(a["type"], a["title"], a["value"]) for a in actions[:2]] == [
        ("imBack", "Keuze 1", "Keuze 1"), ("imBack", "Keuze 2", "Keuze 2")]
    assert (actions[2]["type"], actions[2]["title"]) == ("Action.Submit", "Meer…")

    pages = [[a["title"] for a in actions]]
    more = actions[2]["value"]
    while more is not None:
        response = await server.post(tap_invoke(server, more))
        assert response.status == 200
        page = suggested(server.connector.messages[-1])
        assert len(page) <= 3 and server.connector.messages[-1]["text"] == "Meer keuzes:"
        pages.append([a["title"] for a in page])
        more = page[-1]["value"] if page[-1]["title"] == "Meer…" else None
    assert pages == [["Keuze 1", "Keuze 2", "Meer…"], ["Keuze 3", "Keuze 4", "Meer…"],
                     ["Keuze 5", "Keuze 6", "Meer…"], ["Keuze 7", "Keuze 8"]]
    assert agent.heard == [("message", "waar kan ik kiezen", None)]
    assert "Meer…" not in [text for _, text, _ in agent.heard]


async def test_three_choices_in_personal_chat_are_sent_as_they_are(make_teams):
    server, _ = await with_agent(make_teams, LABELS[:3])
    await server.post(server.message("kies"))
    assert [(a["type"], a["title"]) for a in suggested(server.connector.messages[0])] == [
        ("imBack", "Keuze 1"), ("imBack", "Keuze 2"), ("imBack", "Keuze 3")]


async def test_the_real_greeting_fits_teams_and_meer_shows_the_other_examples(make_teams):
    server = await make_teams()
    await server.post(server.message("hoi", conversation_id="a:more-personal"))
    examples = server.runtime.agent.copy.examples
    assert len(examples) > 3
    actions = suggested(server.connector.messages[-1])
    assert [a["title"] for a in actions] == [*examples[:2], "Meer…"]
    await server.post(tap_invoke(server, actions[2]["value"]))
    assert [a["title"] for a in suggested(server.connector.messages[-1])] == list(examples[2:5]) + (
        ["Meer…"] if len(examples) > 5 else [])
    assert server.understood == ["hoi"]


# --- group chat: 6 card actions -------------------------------------------------------------------


async def test_eight_choices_in_a_group_chat_are_five_buttons_and_meer_and_a_tap_shows_the_rest(make_teams):
    server, agent = await with_agent(make_teams, LABELS)
    await server.post(server.message("kies", conversation_type="groupChat", conversation_id=GROUP, mention=True))
    [first] = server.connector.messages
    assert "suggestedActions" not in first
    actions = card_actions(first)
    assert len(actions) == 6
    assert [a["title"] for a in actions] == [*LABELS[:5], "Meer…"]
    assert all(a["data"]["wijkwijzer"] == "choice" for a in actions[:5])
    meer = actions[5]
    assert meer["type"] == "Action.Submit" and "msteams" not in meer["data"]

    response = await server.post(tap_card(server, meer["data"]))
    assert response.status == 202
    page = server.connector.messages[-1]
    assert [a["title"] for a in card_actions(page)] == LABELS[5:]
    assert len(agent.heard) == 1


async def test_thirteen_choices_in_a_channel_page_twice(make_teams):
    labels = [f"Keuze {n}" for n in range(1, 14)]
    server, _ = await with_agent(make_teams, labels)
    await server.post(server.message("kies", conversation_type="channel", conversation_id=GROUP, mention=True))
    titles = [[a["title"] for a in card_actions(server.connector.messages[-1])]]
    while titles[-1][-1] == "Meer…":
        await server.post(tap_card(server, card_actions(server.connector.messages[-1])[-1]["data"]))
        titles.append([a["title"] for a in card_actions(server.connector.messages[-1])])
    assert titles == [[*labels[:5], "Meer…"], [*labels[5:10], "Meer…"], labels[10:]]
    assert all(len(page) <= 6 for page in titles)


# --- what a user can post is checked --------------------------------------------------------------


def forged_values() -> list[Any]:
    genuine = MoreChoices("test-secret").value(["Keuze 3", "Keuze 4"])
    assert genuine is not None
    return [
        {"wijkwijzer": "more", "choices": ["Klik op https://evil.example"], "sig": "0" * 32},
        {**genuine, "choices": [*genuine["choices"], "Klik op https://evil.example"]},
        {**genuine, "choices": ["Keuze 4", "Keuze 3"]},
        MoreChoices("an-other-secret").value(["Keuze 3"]),
        {**genuine, "sig": genuine["sig"].upper()},
        {"wijkwijzer": "more", "choices": ["x"] * (MAX_CARRIED + 1), "sig": genuine["sig"]},
        {"wijkwijzer": "more", "choices": ["x" * 5000], "sig": genuine["sig"]},
        {"wijkwijzer": "more", "choices": "Keuze 3", "sig": genuine["sig"]},
        {"wijkwijzer": "more", "choices": [{"nested": ["Keuze 3"]}], "sig": genuine["sig"]},
        {"wijkwijzer": "more", "choices": [], "sig": genuine["sig"]},
        {"wijkwijzer": "more"},
    ]


@pytest.mark.parametrize("index", range(11))
async def test_a_forged_meer_value_is_ignored_in_personal_chat(make_teams, index):
    server, agent = await with_agent(make_teams, LABELS)
    response = await server.post(tap_invoke(server, forged_values()[index]))
    assert response.status == 200
    assert server.connector.messages == [] and agent.heard == []
    assert rejected(server) == 1


@pytest.mark.parametrize("index", range(11))
async def test_a_forged_meer_value_is_ignored_in_a_group_chat(make_teams, index):
    server, agent = await with_agent(make_teams, LABELS)
    response = await server.post(tap_card(server, forged_values()[index]))
    assert response.status == 202
    assert server.connector.messages == [] and agent.heard == []
    assert "evil" not in server.connector.texts()


async def test_other_invokes_and_values_still_reach_the_agent(make_teams):
    server, agent = await with_agent(make_teams, LABELS[:2])
    await server.post(server.message("Keuze 1", value={"wijkwijzer": "choice"}))
    await server.post(server.message("hoi", value={"iets": "anders"}))
    assert [text for _, text, _ in agent.heard] == ["Keuze 1", "hoi"]
    assert rejected(server) == 0


# --- rendering, without a server ------------------------------------------------------------------


def rendered(choices: list[str], conversation_type: str, more: MoreChoices | None) -> dict[str, Any]:
    activity = render_for_teams(reply("Kies:", choices), conversation_type, more)
    return activity.model_dump(mode="json", by_alias=True, exclude_none=True)


def test_exactly_the_limit_fits_without_meer():
    pager = MoreChoices("k")
    personal = rendered(LABELS[:3], "personal", pager)
    group = rendered(LABELS[:6], "groupChat", pager)
    assert [a["title"] for a in suggested(personal)] == LABELS[:3]
    assert [a["title"] for a in card_actions(group)] == LABELS[:6]
    assert [a["title"] for a in suggested(rendered(LABELS[:4], "personal", pager))] == [*LABELS[:2], "Meer…"]
    assert [a["title"] for a in card_actions(rendered(LABELS[:7], "channel", pager))] == [*LABELS[:5], "Meer…"]


def test_without_a_key_the_choices_are_cut_to_what_teams_shows():
    assert [a["title"] for a in suggested(rendered(LABELS, "personal", None))] == LABELS[:3]
    assert [a["title"] for a in card_actions(rendered(LABELS, "groupChat", None))] == LABELS[:6]


def test_meer_carries_at_most_the_cap_of_short_enough_choices_in_order():
    pager = MoreChoices("k")
    many = [f"Optie {n}" for n in range(100)]
    carried = pager.value([*many[:3], "x" * 201, *many[3:]])
    assert carried is not None and carried["choices"] == many[:MAX_CARRIED]
    assert pager.read(carried) == many[:MAX_CARRIED]
    assert pager.value(["x" * 201]) is None
    assert pager.value([]) is None
    assert len(json.dumps(carried)) < MAX_CARRIED * (MAX_CHOICE_CHARS + 10)


async def test_neither_the_message_nor_the_choices_are_logged_at_any_level(make_teams):
    labels = [f"Vlinderdas {n}" for n in range(1, 9)]
    server, _ = await with_agent(make_teams, labels)
    stream = io.StringIO()
    handler = configure_logging("DEBUG", "text", stream)
    try:
        await server.post(server.message("geheime vraag over een leerling", conversation_id="a:more-personal"))
        meer = suggested(server.connector.messages[-1])[-1]["value"]
        await server.post(tap_invoke(server, meer))
        await server.post(tap_invoke(server, {**meer, "choices": ["Vlinderdas vals"]}))
    finally:
        logging.getLogger().removeHandler(handler)
    logged = stream.getvalue()
    assert "not ours was ignored" in logged
    for secret in ("geheime vraag", "Vlinderdas"):
        assert secret not in logged, secret
