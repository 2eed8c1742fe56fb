"""The safety answer comes first on every path, also when the text names a child (issue 13 §1):
a plain question, a signal, and an answer to a pending question; look-alikes stay quiet."""

from __future__ import annotations

from tests.dialogs.conftest import signal_report

SAFETY = "Dit klinkt als zorg om de veiligheid"


async def test_a_plain_question_with_a_name_and_a_suicide_threat_gets_112_and_113_first(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    turn = await chat.send("mijn vraag gaat over dyslexie, maar sem zei net dat hij vanavond van de flat springt")
    first = turn.texts[0]
    assert SAFETY in first and "112" in first and "0800-0113" in first and "0800-2000" in first, turn.texts


async def test_a_signal_with_a_name_gets_the_safety_answer_before_the_privacy_refusal_and_stores_nothing(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    turn = await chat.send("signaal: ayoub zegt dat zn vader hem met de broekriem heeft gehad, hele rug rood")
    assert SAFETY in turn.texts[0] and "0800-2000" in turn.texts[0], turn.texts
    assert turn.has("«ayoub» lijkt een naam")
    await chat.send("stop")
    assert "nog geen signalen" in (await signal_report(make_chat)).lower()


async def test_an_indirect_concern_typed_as_a_signal_gets_veilig_thuis_first(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    turn = await chat.send("signaal: kleuter deinst achteruit als je je hand optilt, en hij heeft steeds nieuwe plekken")
    assert SAFETY in turn.texts[0] and "0800-2000" in turn.texts[0] and "Meldcode stap voor stap" in turn.choices


async def test_an_answer_to_a_pending_question_that_shows_acute_danger_gets_112_first(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    await chat.send("ik wil een signaal doorgeven")
    turn = await chat.send("ze heeft pillen bij zich en zegt dat ze ze straks allemaal inneemt")
    first = turn.texts[0]
    assert SAFETY in turn.text and first.startswith("Is er nu direct gevaar? Bel meteen 112."), turn.texts
    assert "0800-0113" in first


async def test_a_threat_at_school_names_the_wijkagent(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    turn = await chat.send("op tiktok zegt een leerling dat hij morgen de school op gaat blazen")
    assert turn.texts[0].startswith("Is er nu direct gevaar? Bel meteen 112.") and turn.has("wijkagent"), turn.texts


async def test_look_alikes_give_no_safety_answer(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    for text in (
        "signaal: blauwe plek op zn scheenbeen van het voetballen bij zn club, hij wilde het trots laten zien",
        "signaal: de hele familie verhuist naar suriname, de kinderen gaan daar naar school",
        "signaal: een ouder dreigt een klacht in te dienen bij de inspectie over de toetsuitslag",
    ):
        turn = await chat.send(text)
        assert SAFETY not in turn.text, (text, turn.texts)
        await chat.send("stop")
