"""Ketenpartner zoeken, driven through the console channel against the bundled demo data."""

from __future__ import annotations


async def test_phone_typed_question_gets_the_contact_card(chat):
    turn = await chat.send("smw'er ypenbrg?")
    assert [c.naam for c in turn.cards] == ["Fatma Yilmaz"]
    assert turn.has("Fatma Yilmaz", "06 0043 4831", "f.yilmaz@smw-haaglanden.example", "ma-do 8.30-16.30")


async def test_context_carries_over_to_follow_up_questions(chat):
    await chat.send("wie is de smw'er voor ypenburg")
    jgz = await chat.send("en de jgz?")
    assert {c.naam for c in jgz.cards} == {"Marieke van den Berg", "Sietske Dijkstra"}
    other_wijk = await chat.send("en voor scheveningen?")
    assert {c.naam for c in other_wijk.cards} == {"Ilse de Vries", "Maarten Veenstra"}


async def test_two_roles_asked_together_are_both_carried_to_the_next_place(chat):
    await chat.send("smw en jgz voor moerwijk")
    both = await chat.send("en voor bouwlust")
    assert [c.naam for c in both.cards] == ["Nadia Ouali", "Debora Lammers", "Wessel Bouma"]
    one = await chat.send("en de lpa daar?")
    assert [c.naam for c in one.cards] == ["Saskia Timmermans"]
    still_one = await chat.send("en voor laak")
    assert [c.naam for c in still_one.cards] == ["Orhan Çelik"]


async def test_a_role_alone_is_answered_for_the_own_wijk(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    answer = await chat.send("wie is de smw'er")
    assert answer.has("voor Ypenburg") and [c.naam for c in answer.cards] == ["Fatma Yilmaz"]


async def test_a_role_alone_soon_after_a_lookup_elsewhere_keeps_that_place(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    await chat.send("jgz scheveningen")
    answer = await chat.send("wie is de smw'er")
    assert [c.naam for c in answer.cards] == ["Petra Visser"]


async def test_missing_area_is_asked_without_an_own_wijk(chat):
    ask = await chat.send("wie is de smw'er")
    assert ask.has("welke wijk of school") and not ask.cards


async def test_missing_role_is_asked_with_choices(chat):
    ask = await chat.send("ypenburg")
    assert ask.has("Welke ketenpartner") and "SMW" in ask.choices and "Leerplicht" in ask.choices
    answer = await chat.send("leerplicht")
    assert [c.naam for c in answer.cards] == ["Jeroen Bakker"]


async def test_school_uses_its_own_assigned_contact(chat):
    turn = await chat.send("wie zit er bij leerplicht voor de vliegerwolk")
    assert [c.naam for c in turn.cards] == ["Jeroen Bakker"]
    smw = await chat.send("smw van de vliegerwolk")
    assert smw.cards[0].naam == "Fatma Yilmaz"


async def test_ambiguous_postcode_asks_back_with_numbered_candidates_then_answers(chat):
    ask = await chat.send("wijkagent voor postcode 2583")
    assert ask.has("Welke bedoel je?", "1. Scheveningen", "2. Duindorp") and {"Scheveningen", "Duindorp"} <= set(ask.choices)
    answer = await chat.send("de tweede")
    assert answer.has("wijkagent voor Duindorp") and len(answer.cards) == 1


async def test_ambiguous_place_is_not_asked_when_every_candidate_has_the_same_contact(chat):
    turn = await chat.send("smw voor postcode 2583")
    assert not turn.has("edoel je")
    assert turn.has("Scheveningen, Duindorp en Geuzen- en Statenkwartier")
    assert [c.naam for c in turn.cards] == ["Petra Visser"]


async def test_grensverkeer_uses_the_gemeente_where_the_pupil_lives(chat):
    turn = await chat.send("welk jeugdteam als de leerling in rijswijk woont")
    assert [c.naam for c in turn.cards] == ["Priya Ramdin"]
    assert turn.has("gemeente waar de leerling woont", "Rijswijk")


async def test_grensverkeer_for_den_haag_asks_the_wijk(chat):
    ask = await chat.send("leerling woont in den haag, welk jeugdteam?")
    assert ask.has("In welke wijk woont de leerling")
    answer = await chat.send("schilderswijk")
    assert [c.naam for c in answer.cards] == ["Imane Chaara"]


async def test_stale_contact_says_when_it_was_last_checked(chat):
    turn = await chat.send("smw bezuidenhout")
    assert [c.naam for c in turn.cards] == ["Anja Pauwels"]
    assert turn.has("Laatst gecontroleerd: 20-11-2025")


async def test_recent_contact_has_no_last_checked_line(chat):
    turn = await chat.send("smw ypenburg")
    assert not turn.has("Laatst gecontroleerd")


async def test_guest_never_gets_contact_details(make_chat):
    chat = await make_chat(role="gast")
    turn = await chat.send("wie is de smw'er voor ypenburg")
    assert not turn.cards
    assert "Fatma" not in turn.text and "0043" not in turn.text
    assert turn.has("aanmeld", "0800-2000", "112")


async def test_guest_gets_the_public_veilig_thuis_number(make_chat):
    chat = await make_chat(role="gast")
    turn = await chat.send("nummer veilig thuis")
    assert turn.has("0800-2000")


async def test_stop_ends_the_question(chat):
    await chat.send("wie is de smw'er")
    stopped = await chat.send("stop")
    assert stopped.has("gestopt")
    fresh = await chat.send("smw ypenburg")
    assert fresh.cards[0].naam == "Fatma Yilmaz"


async def test_unknown_area_is_asked_again_not_guessed(chat):
    await chat.send("wie is de smw'er")
    again = await chat.send("xqzw")
    assert again.has("herken ik niet") and not again.cards


async def test_new_question_while_asking_is_answered(chat):
    await chat.send("wie is de smw'er")
    turn = await chat.send("wat is een opp")
    assert turn.has("Ontwikkelingsperspectief")


async def test_name_close_to_two_wijken_is_asked_back(chat):
    ask = await chat.send("ketenpartners voorburg-noordwest")
    assert ask.has("Welke bedoel je?\n1. Voorburg-Noord\n2. Voorburg-West") and ask.choices == ["Voorburg-Noord", "Voorburg-West"]
    answer = await chat.send("2")
    assert answer.has("Ketenpartners voor Voorburg-West", "SMW: Joost Peters")


async def test_name_close_to_two_wijken_with_the_same_contact_is_answered(chat):
    turn = await chat.send("smw voorburg-noordwest")
    assert turn.has("voor Voorburg-Noord en Voorburg-West") and [c.naam for c in turn.cards] == ["Joost Peters"]


async def test_another_ketenpartner_while_asking_for_the_wijk_is_a_new_question(chat):
    await chat.send("wie is de jgz")
    turn = await chat.send("wie is de wijkagent")
    assert turn.has("Voor welke wijk of school zoek je de wijkagent") and not turn.has("herken ik niet")
    answer = await chat.send("ypenburg")
    assert [c.naam for c in answer.cards] == ["Mark de Groot"]


async def test_another_ketenpartner_with_a_wijk_while_asking_is_answered_for_that_ketenpartner(chat):
    await chat.send("wie is de jgz")
    turn = await chat.send("wijkagent ypenburg")
    assert [c.naam for c in turn.cards] == ["Mark de Groot"]


async def test_a_ketenpartner_named_as_the_answer_to_which_ketenpartner_keeps_the_wijk(chat):
    await chat.send("ypenburg")
    answer = await chat.send("wie is de wijkagent")
    assert [c.naam for c in answer.cards] == ["Mark de Groot"]


async def test_another_ketenpartner_next_to_an_unknown_word_is_a_new_question_too(chat):
    await chat.send("wie is de jgz")
    turn = await chat.send("smw xqzw")
    assert turn.has("zoek je schoolmaatschappelijk werk") and not turn.has("JGZ")


async def test_a_place_too_far_off_is_asked_back_as_a_suggestion(chat):
    ask = await chat.send("jgz ypnbrg")
    assert ask.has("Bedoel je Ypenburg?") and ask.choices == ["Ypenburg"] and not ask.cards
    answer = await chat.send("ja")
    assert {c.naam for c in answer.cards} == {"Marieke van den Berg", "Sietske Dijkstra"}


async def test_a_suggestion_declined_asks_for_the_wijk_again(chat):
    await chat.send("smw vlierwolk")
    again = await chat.send("nee")
    assert again.has("Voor welke wijk of school zoek je schoolmaatschappelijk werk") and not again.cards
    answer = await chat.send("vlierwolk")
    assert answer.has("Bedoel je IKC De Vliegerwolk?")
    picked = await chat.send("1")
    assert [c.naam for c in picked.cards] == ["Fatma Yilmaz"]


async def test_a_suggestion_comes_before_the_place_of_the_last_question(chat):
    await chat.send("smw scheveningen")
    ask = await chat.send("jgz ypnbrg")
    assert ask.has("Bedoel je Ypenburg?") and not ask.cards


async def test_a_function_typed_as_a_synonym_gets_only_that_function(chat):
    await chat.send("jgz centrum")
    arts = await chat.send("alleen de schoolarts graag")
    assert [c.naam for c in arts.cards] == ["Farida Haddou"]
    nurse = await chat.send("schoolverpleegkundige in duinoord?")
    assert [c.naam for c in nurse.cards] == ["Ilse de Vries"]


async def test_everyone_asked_for_in_a_stadsdeel_is_shown(chat):
    turn = await chat.send("alle wijkagenten van stadsdeel centrum pls")
    assert {c.naam for c in turn.cards} == {"Dennis van Leeuwen", "Yvonne Bos", "Rob Vos", "Roel Wagemaker"}


async def test_a_whole_gemeente_gets_its_gemeente_wide_people_and_a_question_for_the_wijk(chat):
    turn = await chat.send("wie is de lpa in den haag")
    assert [c.naam for c in turn.cards] == ["Rachid Bennani"]
    assert turn.has("Voor welke wijk zoek je het?") and not turn.has("Saskia Timmermans")
    wijk = await chat.send("moerwijk")
    assert [c.naam for c in wijk.cards] == ["Saskia Timmermans"]


async def test_a_suggested_place_is_taken_with_ja_die(chat):
    ask = await chat.send("wijkagent regentesekwrtier")
    assert ask.has("Regentessekwartier") and not ask.cards
    answer = await chat.send("ja die")
    assert [c.naam for c in answer.cards] == ["Esmee van Vliet"]


async def test_a_correction_of_the_school_keeps_the_role(chat):
    await chat.send("ib vd penseelviss")
    answer = await chat.send("oh nee sorry vd valkenveer")
    assert [c.naam for c in answer.cards] == ["Noor Smeets"]


async def test_a_suggested_place_is_not_taken_when_denied(chat):
    await chat.send("wijkagent regentesekwrtier")
    answer = await chat.send("die niet")
    assert not answer.cards


async def test_her_number_after_a_lookup_shows_that_contact_again(chat):
    """What the independent dev17 set showed: "wat is haar nummer" right after a card."""
    await chat.send("wie is de jeugdarts in duindorp")
    await chat.send("en de jeugdverpleegkundige?")
    again = await chat.send("wat is haar nummer")
    assert [c.naam for c in again.cards] == ["Ilse de Vries"] and again.has("Tel:")
    assert [c.naam for c in (await chat.send("en zijn mail?")).cards] == ["Ilse de Vries"]


async def test_a_number_asked_with_nothing_shown_before_is_not_a_lookup(chat):
    assert not (await chat.send("wat is haar nummer")).cards


async def test_the_function_asked_is_kept_while_the_place_is_asked(chat):
    ask = await chat.send("wie is de jeugdverpleegkundige")
    assert not ask.cards
    answer = await chat.send("duindorp")
    assert [c.naam for c in answer.cards] == ["Ilse de Vries"]


async def test_schools_sharing_a_name_part_are_offered_by_their_own_name(chat):
    ask = await chat.send("smw lampje")
    assert ask.text.index("Geuzenlampje") < ask.text.index("Huygenslampje")
    assert [c.naam for c in (await chat.send("de eerste")).cards] == ["Petra Visser"]


async def test_a_bare_number_or_mail_after_a_card_shows_that_contact_again(chat):
    """What the independent dev18 set showed: "telefoonnummer?", "mail?", "nr?" after a card."""
    await chat.send("wie is de jeugdverpleegkundige in duindorp")
    for text in ("telefoonnummer?", "mail?", "nr?", "en telefoon"):
        assert [c.naam for c in (await chat.send(text)).cards] == ["Ilse de Vries"], text
