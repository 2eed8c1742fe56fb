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


async def test_expertise_lists_schools_with_their_ib_contact(chat):
    turn = await chat.send("welke scholen in scheveningen hebben expertise in autisme")
    assert turn.has("Wel in stadsdeel Scheveningen", "Basisschool De Duinkrekel (Duinoord)", "IB: Ruben Willemse")


async def test_expertise_widens_from_a_wijk_to_its_stadsdeel_and_says_so(chat):
    turn = await chat.send("welke school heeft ervaring met nt2 in centrum")
    assert turn.has("In Centrum vind ik geen school", "Wel in stadsdeel Centrum", "Basisschool De Schilderskist")


async def test_expertise_asks_for_what_is_missing(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    ask = await chat.send("welke school heeft een plusklas")
    assert ask.has("In welke wijk of gemeente") and ask.choices == ["Ypenburg", "Overal"]
    answer = await chat.send("Overal")
    assert answer.has("IKC De Vliegerwolk", "Basisschool Het Huygenslampje")


async def test_guest_sees_schools_but_not_ib_contacts(make_chat):
    guest = await make_chat(role="gast")
    turn = await guest.send("school met plusklas in ypenburg")
    assert turn.has("IKC De Vliegerwolk") and "Marloes Jacobs" not in turn.text and turn.has("aangemeld")


async def test_cancel_words_end_any_dialog_and_nothing_is_saved(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    await chat.send("signaal: veel vapen bij groep 8")
    cancelled = await chat.send("laat maar")
    assert cancelled.has("gestopt")
    adviseur = await make_chat(role="adviseur", conversation="a")
    assert (await adviseur.send("overzicht signalen")).has("nog geen signalen")
    assert (await chat.send("annuleer")).has("Er loopt nu niets om te stoppen")


async def test_a_guest_typing_aanmelden_learns_how_to_register(make_chat):
    chat = await make_chat(role="gast")
    assert (await chat.send("aanmelden")).has("aanmelden K7P-M3Q-X9T", "adviseur")
    assert (await chat.send("aanmelden abc")).has("aanmelden K7P-M3Q-X9T")
    told = await chat.send("welke berichten krijg ik?")
    assert told.has("aangemeld", "aanmeldcode") and told.text.count("aangemeld") == 1


async def test_a_registered_user_without_a_user_record_is_not_told_to_register(make_chat):
    chat = await make_chat(role="ib")
    answer = await chat.send("welke berichten krijg ik?")
    assert answer.has("niet in het gebruikersbestand") and not answer.has("aanmeldcode")
