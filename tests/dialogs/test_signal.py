"""Signals: one-shot or guided, never with personal data, safety first, confirmed before saving."""

from __future__ import annotations

from tests.dialogs.conftest import signal_report


async def test_one_shot_signal_is_confirmed_then_saved_and_aggregated(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    ask = await chat.send("signaal: steeds meer angstklachten in groep 8, wijk Scheveningen")
    assert ask.has("Klopt dit signaal", "Urgentie: normaal") and ask.choices == ["Ja, opslaan", "Nee, annuleren"]
    confirm = await chat.send("hoog")
    assert confirm.has("Thema: Angst of somberheid", "Wijk: Scheveningen", "Urgentie: hoog", "steeds meer angstklachten")
    saved = await chat.send("ja")
    assert saved.has("anoniem opgeslagen")
    report = await signal_report(make_chat)
    assert "Angst of somberheid: < 5 – te weinig om te vergelijken" in report and "'< 5'" in report


async def test_guided_signal_takes_at_most_three_questions(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    turn = await chat.send("ik wil een signaal doorgeven")
    questions = 0
    answers = iter(["veel kinderen komen zonder ontbijt naar school", "Armoede", "Ypenburg"])
    while not turn.has("Klopt dit signaal"):
        questions += 1
        assert questions <= 3, chat.turns
        turn = await chat.send(next(answers))
    assert turn.has("Wijk: Ypenburg", "zonder ontbijt")


async def test_a_signal_without_a_wijk_is_not_asked_for_one_and_ja_saves_it(make_chat):
    chat = await make_chat()  # no wijk of their own
    summary = await chat.send("signaal: in groep 5 komen steeds meer kinderen zonder ontbijt")
    assert summary.has("Klopt dit signaal", "Wijk: niet genoemd", "Weet je de wijk?")
    assert summary.choices == ["Ja, opslaan", "Nee, annuleren"]
    assert (await chat.send("ja klopt")).has("anoniem opgeslagen")
    assert "Armoede: < 5" in await signal_report(make_chat)


async def test_a_wijk_typed_at_the_summary_is_taken(make_chat):
    chat = await make_chat()
    await chat.send("signaal: in groep 5 komen steeds meer kinderen zonder ontbijt")
    changed = await chat.send("laak")
    assert changed.has("Klopt dit signaal", "Wijk: stadsdeel Laak") and not changed.has("niet genoemd")
    assert (await chat.send("ja")).has("anoniem opgeslagen")


async def test_signal_with_a_childs_name_is_refused_and_can_be_rephrased(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    refused = await chat.send("signaal: Sara uit groep 5 is steeds vaker afwezig")
    assert refused.has("«Sara» lijkt een naam", "zonder namen")
    retry = await chat.send("een leerling uit groep 5 is steeds vaker afwezig")
    assert not retry.has("een naam")


async def test_a_rephrase_that_still_carries_the_refused_name_is_refused_again_and_the_name_is_not_kept(
        make_chat, tmp_path):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    assert (await chat.send("signaal: Merel uit groep 5 komt steeds te laat")).has("«Merel» lijkt een naam")
    # the name moved to the front, in lower case: a word the detector alone lets through
    again = await chat.send("merel wie kan ik bellen want ze komt steeds te laat")
    assert again.has("«merel» lijkt een naam"), again.text
    state = b"".join(path.read_bytes() for path in tmp_path.rglob("*.sqlite*"))
    assert state and b"merel" not in state.lower()  # what the dialog keeps to recognise it is a keyed hash
    saved = await chat.send("een leerling komt steeds te laat, wie kan ik bellen")
    assert saved.has("Klopt dit signaal"), saved.text
    assert (await chat.send("ja")).has("anoniem opgeslagen")


async def test_a_signal_that_describes_one_child_in_words_no_rule_lists_is_refused(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    refused = await chat.send("signaal: de oudste van het gezin dat vorige week uit huis is gezet zit bij ons in groep 8")
    assert refused.has("lijkt een beschrijving van één kind"), refused.text
    retry = await chat.send("gezinnen die uit huis worden gezet, de kinderen komen dan vaak te laat")
    assert not retry.has("lijkt een"), retry.text


async def test_signal_with_bsn_phone_or_birth_date_is_refused(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    for text, kind in (
        ("signaal: leerling met bsn 111222333 zit thuis", "een BSN"),
        ("signaal: moeder belt steeds van 06-12345678 over pesten", "een telefoonnummer"),
        ("signaal: kind geboren 12-03-2016 zit thuis", "een geboortedatum"),
        ("signaal: gezin op de Dorpsstraat 12 heeft geen geld", "een adres"),
    ):
        turn = await chat.send(text)
        assert turn.has(kind), (text, turn.text)
        await chat.send("stop")


async def test_safety_concern_gets_veilig_thuis_112_and_the_meldcode_first_and_the_signal_goes_on(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    turn = await chat.send("signaal: leerling heeft blauwe plekken en is bang om naar huis te gaan")
    assert turn.texts[0].startswith("Dit klinkt als zorg om de veiligheid")
    assert "0800-2000" in turn.texts[0] and "112" in turn.texts[0] and "Meldcode stap voor stap" in turn.choices
    assert "nog geen signalen" in (await signal_report(make_chat)).lower()
    assert turn.has("Klopt dit signaal", "blauwe plekken")
    meldcode = await chat.send("Meldcode stap voor stap")
    assert meldcode.has("Zorg om de veiligheid van een kind")


async def test_cancelled_signal_is_not_saved(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    assert (await chat.send("signaal: veel vapen op het schoolplein bij groep 8")).has("Klopt dit signaal")
    cancelled = await chat.send("nee, annuleren")
    assert cancelled.has("niet opgeslagen")
    assert "nog geen signalen" in (await signal_report(make_chat)).lower()


async def test_guest_cannot_give_a_signal_and_ib_cannot_see_thesignal_report(make_chat):
    guest = await make_chat(role="gast", conversation="gast")
    turn = await guest.send("signaal: veel angst in groep 8")
    assert turn.has("aanmeld") and not turn.has("Klopt dit")
    ib = await make_chat(conversation="ib")
    report = await ib.send("overzicht signalen")
    assert report.has("alleen voor adviseurs")


async def test_urgency_is_read_from_the_text_and_can_change_in_the_confirm_step(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    plain = await chat.send("signaal: steeds meer kinderen zonder ontbijt op school")
    assert plain.has("Urgentie: normaal", "typ dan 'dringend'") and plain.choices == ["Ja, opslaan", "Nee, annuleren"]
    assert (await chat.send("dringend")).has("Urgentie: hoog")
    assert (await chat.send("ja")).has("opgeslagen")
    calm = await chat.send("signaal: meer vapen in groep 8, niet dringend")
    assert calm.has("Urgentie: laag") and not calm.has("typ dan 'dringend'")


async def test_a_confirmation_in_own_words_saves(make_chat):
    chat = await make_chat(wijk="Den Haag: Ypenburg")
    assert (await chat.send("signaal: steeds meer angstklachten in groep 8")).has("Klopt dit signaal")
    assert (await chat.send("top, opslaan")).has("anoniem opgeslagen")
