"""Rendering neutral replies as WhatsApp messages (pure functions, no network)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from wijkwijzer.adapters.whatsapp.render import (
    e164,
    inbound_reply_text,
    inert,
    numbered_text,
    render_activity,
    shorten,
    split_tail,
    split_text,
)
from wijkwijzer.adapters.whatsapp.settings import LIMITS
from wijkwijzer.core.replies import ContactCard, reply


def kinds(messages) -> list[str]:
    return [m["interactive"]["type"] if m["type"] == "interactive" else m["type"] for m in messages]


def test_plain_text_is_one_text_message_without_link_preview():
    [message] = render_activity(reply("Hoi!"), LIMITS)
    assert message == {"type": "text", "text": {"preview_url": False, "body": "Hoi!"}}


def test_up_to_three_short_choices_are_reply_buttons():
    [message] = render_activity(reply("Klopt dat?", ["Ja", "Nee", "Gaat om medewerker"]), LIMITS)
    buttons = message["interactive"]["action"]["buttons"]
    assert [b["reply"]["title"] for b in buttons] == ["Ja", "Nee", "Gaat om medewerker"]
    assert all(len(b["reply"]["id"]) <= 256 for b in buttons)
    assert message["interactive"]["body"]["text"] == "Klopt dat?"


def test_a_choice_longer_than_a_button_title_makes_a_list():
    messages = render_activity(reply("Kies", ["Ja", "Nee, ik wil iets anders vragen"]), LIMITS)
    assert kinds(messages) == ["list"]


def test_list_rows_fit_and_carry_the_full_label_in_description_and_id():
    long = "Leerling woont in een andere gemeente dan de school"
    [message] = render_activity(reply("Kies", ["SMW", "JGZ", "Leerplicht", long]), LIMITS)
    action = message["interactive"]["action"]
    rows = action["sections"][0]["rows"]
    assert len(action["button"]) <= 20
    assert all(len(r["title"]) <= 24 and len(r["id"]) <= 200 for r in rows)
    assert rows[3]["title"].endswith("…") and rows[3]["description"] == long
    assert inbound_reply_text(rows[3]["id"], rows[3]["title"]) == long
    assert "description" not in rows[0]


def test_rows_whose_shortened_titles_collide_are_numbered():
    labels = [f"Ondersteuningsroute stap {n} uitgebreid" for n in range(1, 5)]
    [message] = render_activity(reply("Kies", labels), LIMITS)
    titles = [r["title"] for r in message["interactive"]["action"]["sections"][0]["rows"]]
    assert len(set(titles)) == 4 and titles[0].startswith("1. ")
    assert all(len(t) <= 24 for t in titles)


def test_more_than_ten_choices_are_numbered_lines():
    labels = [f"Wijk {n}" for n in range(1, 12)]
    [message] = render_activity(reply("Welke wijk?", labels), LIMITS)
    body = message["text"]["body"]
    assert body.startswith("Welke wijk?") and "11. Wijk 11" in body and "Typ het nummer" in body


def test_numbered_lines_are_not_repeated_when_the_text_already_has_them():
    text = "Wat is er aan de hand?\n1. Leren\n2. Gedrag\nTyp het nummer of je antwoord."
    assert numbered_text(text, ["Leren", "Gedrag"]) == text


def test_long_text_splits_under_the_limit_at_sentences():
    text = " ".join(f"Zin {n} over de route." for n in range(50))
    parts = split_text(text, 100)
    assert all(len(p) <= 100 and p.endswith(".") for p in parts)
    assert " ".join(parts) == text


def test_paragraph_breaks_are_preferred_over_sentences():
    text = "Eerste alinea. Nog een zin.\n\nTweede alinea. Met meer tekst erin."
    assert split_text(text, 50) == ["Eerste alinea. Nog een zin.", "Tweede alinea. Met meer tekst erin."]


def test_a_word_longer_than_the_limit_is_cut_hard():
    parts = split_text("a" * 250, 100)
    assert [len(p) for p in parts] == [100, 100, 50]


def test_interactive_body_overflow_goes_first_as_text():
    limits = replace(LIMITS, interactive_body=60)
    text = "Stap 3: overleg met ouders. Leg vast wat je ziet. Bespreek het met de IB'er. Wat nu?"
    messages = render_activity(reply(text, ["Ja", "Nee"]), limits)
    assert kinds(messages) == ["text", "button"]
    assert len(messages[1]["interactive"]["body"]["text"]) <= 60
    assert messages[0]["text"]["body"] + " " + messages[1]["interactive"]["body"]["text"] == text


def test_split_tail_keeps_short_text_whole():
    assert split_tail("kort", 10) == ("", "kort")


def test_contact_cards_get_tappable_e164_numbers_in_place():
    card = ContactCard(naam="Fatma Yilmaz", rol="schoolmaatschappelijk werker", organisatie="SMW Haaglanden",
                       telefoon="06 00434831", email="f.yilmaz@smw-haaglanden.example", bereikbaar="ma-do 8.30-16.30")
    text = "SMW voor Ypenburg:\n\n" + "\n".join(card.as_lines()) + "\n\nKlopt dit niet? Meld het."
    [message] = render_activity(reply(text, [], [card]), LIMITS)
    body = message["text"]["body"]
    assert "Tel: +31600434831" in body and "06 00434831" not in body
    assert body.startswith("SMW voor Ypenburg:") and body.endswith("Klopt dit niet? Meld het.")
    assert body.count("Fatma Yilmaz") == 1


def test_a_card_missing_from_the_text_is_appended():
    card = ContactCard(naam="Veilig Thuis", rol="advies en melding", organisatie="Veilig Thuis", telefoon="0800-2000")
    [message] = render_activity(reply("Bel bij zorgen:", [], [card]), LIMITS)
    expected = "Bel bij zorgen:\n\nVeilig Thuis – advies en melding, Veilig Thuis\nTel: 0800-2000"
    assert message["text"]["body"] == expected


@pytest.mark.parametrize(("written", "expected"), [
    ("06 00434831", "+31600434831"),
    ("+31 (0)70 123 4567", "+31701234567"),
    ("070-1234567", "+31701234567"),
    ("088 123 4567", "+31881234567"),
    ("0800-2000", "0800-2000"),
    ("0900-8844", "0900-8844"),
    ("onbekend", "onbekend"),
])
def test_e164(written, expected):
    assert e164(written) == expected


WHATSAPP_SPAN = re.compile(r"(?<!\w)([*_~])(?=\S).+?(?<=\S)\1(?!\w)", re.DOTALL)


@pytest.mark.parametrize("text", ["Dit is *gratis geld*", "_klik hier_ nu", "~weg~", "`code`", "```blok```",
                                  "*a* en *b*", "Naam: *Fatma*\nTel: *06*", "*_dubbel_*"])
def test_formatting_markers_in_data_never_format(text):
    out = inert(text)
    assert "`" not in out and WHATSAPP_SPAN.search(out) is None
    assert len(out) == len(text)


def test_defused_markers_look_alike():
    assert inert("Dit is *gratis geld*") == "Dit is \u2217gratis geld\u2217"


def test_links_and_email_addresses_are_left_alone():
    text = "Mail j_de_vries@school.example of kijk op https://swv.example/route_tlv_aanvragen"
    assert inert(text) == text


def test_multiplication_and_identifiers_are_left_alone():
    for text in ("3*4*5", "snake_case_name", "groep 8 * 2"):
        assert inert(text) == text


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    assert shorten("Wie is de SMW'er voor Ypenburg?", 24) == "Wie is de SMW'er voor…"
    assert shorten("kort", 24) == "kort"


def test_reply_text_falls_back_to_the_title_for_foreign_ids():
    assert inbound_reply_text("button-1", "Ja") == "Ja"
    assert inbound_reply_text("k:Nee, hulp nodig", "Nee, hulp nodig") == "Nee, hulp nodig"
