"""Welcome, help, glossary, thanks and the fallback for questions it does not know."""

from __future__ import annotations


async def test_new_user_is_welcomed_with_what_it_can_do(chat):
    replies = await chat.adapter.join()
    assert "Wijkwijzer" in replies[0].text and "signaal" in replies[0].text


async def test_glossary_answer_offers_the_route_step(chat):
    turn = await chat.send("wat betekent opp")
    assert turn.has("Ontwikkelingsperspectief (OPP)") and "Naar de route" in turn.choices
    step = await chat.send("Naar de route")
    assert step.has("Ontwikkelingsperspectief (OPP)", "Documenten")


async def test_glossary_follow_up_declined(chat):
    await chat.send("wat is een tlv")
    turn = await chat.send("nee, dank je")
    assert turn.has("Vraag gerust")


async def test_help_lists_examples_as_choices(chat):
    turn = await chat.send("help")
    assert turn.has("Ketenpartner zoeken") and len(turn.choices) >= 3


async def test_unknown_question_gets_suggestions_not_a_guess(chat):
    turn = await chat.send("wat is de hoofdstad van frankrijk")
    assert turn.has("begrijp") and turn.choices and not turn.cards


async def test_thanks_and_greeting(chat):
    assert (await chat.send("bedankt!")).has("Graag gedaan")
    assert (await chat.send("hoi")).has("Waar kan ik je mee helpen")


async def test_empty_message_is_answered_politely(chat):
    turn = await chat.send("   ")
    assert turn.has("alleen tekst")
