"""The reply shape: what the SDK's send path does with it."""

from __future__ import annotations

import copy

from tests.store.test_store import turn_context
from wijkwijzer.core.replies import ContactCard, choices_of, contact_cards_of, reply

CARD = ContactCard("Fatma Yilmaz", "Schoolmaatschappelijk werker", "Xtra", telefoon="070 123 4567")


async def test_a_sent_reply_gets_the_conversation_and_the_original_stays_as_built():
    """The SDK copies every outgoing activity and fills in the conversation reference on the
    copy; a reply's copy is shallow (see ``Reply``), so the original must keep its own top level."""
    context, adapter = turn_context("smw ypenburg")
    original = reply("Smw voor Ypenburg:", ["JGZ", "Leerplicht"], [CARD])

    await context.send_activity(original)

    sent = adapter.sent[0]
    assert sent is not original
    assert sent.conversation.id == "gesprek-1" and sent.recipient.id == "u1" and sent.from_property.id == "bot"
    assert original.conversation is None and original.recipient is None and original.from_property is None
    assert sent.text == "Smw voor Ypenburg:"
    assert choices_of(sent) == ["JGZ", "Leerplicht"] and contact_cards_of(sent) == [CARD]


def test_a_copied_reply_can_change_its_top_level_without_touching_the_original():
    original = reply("Kies:", ["Ja", "Nee"], [CARD])
    copied = copy.deepcopy(original)
    copied.text = "anders"
    copied.suggested_actions = None
    copied.attachments = None
    assert original.text == "Kies:" and choices_of(original) == ["Ja", "Nee"] and contact_cards_of(original) == [CARD]
