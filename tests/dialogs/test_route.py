"""The route dialog walks route.yaml: entry by intent, answers by number, label or loosely."""

from __future__ import annotations


async def test_tlv_question_jumps_to_the_tlv_step(chat):
    turn = await chat.send("hoe vraag ik een tlv aan")
    assert turn.has("TLV voor speciaal (basis)onderwijs")


async def test_thuiszitter_starts_the_verzuim_route_at_its_step(chat):
    turn = await chat.send("thuiszitter, wat nu?")
    assert turn.has("Thuiszitter: snel samen om tafel") and turn.choices
    assert (await chat.send("verzuim")).has("Verzuim of thuiszitten")


async def test_safety_concern_starts_the_meldcode(chat):
    turn = await chat.send("ik maak me zorgen over de veiligheid van een kind")
    assert turn.has("Zorg om de veiligheid van een kind", "0800-2000")
    assert turn.choices == ["Ja, direct gevaar", "Nee", "Gaat om medewerker"]


async def test_walk_with_loose_answers_back_restart_and_stop(chat):
    await chat.send("meldcode")
    step1 = await chat.send("nee hoor")
    assert step1.has("Stap 1: signalen vastleggen")
    step2 = await chat.send("klopt")
    assert step2.has("Stap 2: overleggen")
    back = await chat.send("terug")
    assert back.has("Stap 1: signalen vastleggen")
    restart = await chat.send("opnieuw")
    assert restart.has("Zorg om de veiligheid van een kind")
    stop = await chat.send("stop")
    assert stop.has("stop met de route")


async def test_answer_by_number_and_bad_input(chat):
    start = await chat.send("ondersteuningsroute")
    assert start.has("Signaleren")
    bad = await chat.send("banaan")
    assert bad.has("Dat antwoord ken ik niet") and bad.choices == start.choices
    step = await chat.send("1")
    assert step.has("Ondersteuning in de klas")


async def test_involved_roles_show_the_users_own_wijk_contacts(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    await chat.send("ondersteuningsroute")
    await chat.send("Leren of gedrag")
    await chat.send("nee, te weinig")
    step = await chat.send("Nee, hulp nodig")
    assert step.has("Ouders betrekken")
    await chat.send("ja")
    consult = await chat.send("MDO plannen")
    assert consult.has("Ondersteuningsteam of MDO", "Linda Vermeulen", "Fatma Yilmaz")


async def test_end_step_offers_restart(chat):
    await chat.send("meldcode")
    end = await chat.send("ja, direct gevaar")
    assert end.has("bel 112") and "Opnieuw" in end.choices
    again = await chat.send("opnieuw")
    assert again.has("Zorg om de veiligheid van een kind")
