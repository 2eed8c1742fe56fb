"""render: part of the teams channel (see the package docstring)."""


from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

import phonenumbers
from microsoft_agents.activity import (
    ActionTypes,
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    SuggestedActions,
)

from wijkwijzer.adapters.teams.more import MORE_TITLE, PERSONAL_LIMIT, MoreChoices, limit_for, split
from wijkwijzer.adapters.teams.settings import (
    ADAPTIVE_CARD_TYPE,
    ADAPTIVE_CARD_VERSION,
    CHOICE_MARKER,
    CHOOSE,
    GROUP_CONVERSATIONS,
)
from wijkwijzer.core.replies import (
    ANNOUNCEMENT_HEADER,
    ANNOUNCEMENT_TYPE,
    CONTACT_CARD_TYPE,
    ContactCard,
    announcement_text_of,
    choices_of,
    contact_cards_of,
)

# ---------------------------------------------------------------------------------------------
# Rendering


def _run(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextRun", "text": text, **style}


def _text_block(*runs: dict[str, Any]) -> dict[str, Any]:
    """A RichTextBlock: TextRuns never interpret markdown, so data shows as typed."""
    return {"type": "RichTextBlock", "inlines": list(runs)}


def _card(body: list[dict[str, Any]], actions: list[dict[str, Any]], fallback: str) -> Attachment:
    return Attachment(content_type=ADAPTIVE_CARD_TYPE, content=_card_content(body, actions, fallback))


def _card_content(body: list[dict[str, Any]], actions: list[dict[str, Any]], fallback: str) -> dict[str, Any]:
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": ADAPTIVE_CARD_VERSION,
        "body": body,
        "actions": actions,
        "fallbackText": fallback,
    }


@functools.lru_cache(maxsize=4096)
def tel_url(phone: str | None) -> str | None:
    """A ``tel:`` link in E.164, or None. Cached: the numbers come from the knowledge base, and
    parsing one costs more than the rest of a contact card."""
    if not phone:
        return None
    try:
        number = phonenumbers.parse(phone, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"^[^\s@<>()\[\]\\,;:\"]+@{_LABEL}(?:\.{_LABEL})+$")


def mailto_url(email: str | None) -> str | None:
    if not email or not _EMAIL.match(email.strip()):
        return None
    return "mailto:" + quote(email.strip(), safe="@.")


def contact_card(card: ContactCard) -> Attachment:
    return Attachment(content_type=ADAPTIVE_CARD_TYPE, content=_contact_card_content(card))


@functools.lru_cache(maxsize=4096)
def _contact_card_content(card: ContactCard) -> dict[str, Any]:
    """The Adaptive Card of a contact, made once per contact: contacts come from the knowledge
    base, and the same few are shown again and again. The dict is shared between replies and
    never changed after it is made (replies are only serialised)."""
    body = [_text_block(_run(card.naam, weight="Bolder", size="Medium")),
            _text_block(_run(f"{card.rol}, {card.organisatie}", isSubtle=True))]
    for label, value in (("Tel", card.telefoon), ("Mail", card.email), ("Bereikbaar", card.bereikbaar)):
        if value:
            body.append(_text_block(_run(f"{label}: ", weight="Bolder"), _run(value)))
    if card.opmerking:
        body.append(_text_block(_run(card.opmerking, italic=True)))
    actions = []
    for title, url in (("Bellen", tel_url(card.telefoon)), ("Mailen", mailto_url(card.email))):
        if url:
            actions.append({"type": "Action.OpenUrl", "title": title, "url": url})
    return _card_content(body, actions, "\n".join(card.as_lines()))


def announcement_card(text: str, fallback: str) -> Attachment:
    """The author's text in a TextRun: shown exactly as typed, never as markdown or card JSON."""
    body = [_text_block(_run(ANNOUNCEMENT_HEADER, weight="Bolder", size="Medium")), _text_block(_run(text))]
    return _card(body, [], fallback)


def choices_card(choices: Sequence[str], more: dict[str, Any] | None = None) -> Attachment:
    """Buttons that send the choice back as a message (messageBack, marked so a group chat
    answer without @mention still reaches the bot); ``more`` is the value of a last "Meer…"
    button, which posts no message (the bot answers it itself, see more.py)."""
    actions = [
        {"type": "Action.Submit", "title": choice,
         "data": {"msteams": {"type": "messageBack", "text": choice, "displayText": choice}, CHOICE_MARKER: "choice"}}
        for choice in choices
    ]
    if more is not None:
        actions.append({"type": "Action.Submit", "title": MORE_TITLE, "data": more})
    listed = [*choices, *more["choices"]] if more is not None else list(choices)
    return _card([_text_block(_run(CHOOSE))], actions, CHOOSE + " " + " | ".join(listed))


def paged(choices: Sequence[str], group: bool, more: MoreChoices | None) -> tuple[list[str], dict[str, Any] | None]:
    """The choices Teams can show here and the value of the "Meer…" button for the rest (None
    when all fit). Without ``more`` (no key to sign with) the rest is left out."""
    shown, rest = split(choices, limit_for(group))
    carried = more.value(rest) if more is not None and rest else None
    if rest and carried is None:
        shown = list(choices[:limit_for(group)])
    return shown, carried


def suggested_actions(choices: Sequence[str], carried: dict[str, Any] | None) -> SuggestedActions:
    """Choices as imBack (the title comes back as the user's message); "Meer…" as Action.Submit,
    which Teams answers with a ``suggestedAction/submit`` invoke and no visible message."""
    actions = [CardAction(type=ActionTypes.im_back, title=choice, value=choice) for choice in choices]
    if carried is not None:
        actions.append(CardAction(type="Action.Submit", title=MORE_TITLE, value=carried))
    return SuggestedActions(actions=actions)


def _text_without_cards(text: str | None, cards: Sequence[ContactCard]) -> str | None:
    shown = {"\n".join(card.as_lines()) for card in cards}
    kept = [part for part in (text or "").split("\n\n") if part.strip() and part.strip() not in shown]
    return "\n\n".join(kept) or None


def render_for_teams(activity: Activity, conversation_type: str | None, more: MoreChoices | None = None) -> Activity:
    """Our neutral reply shape → a Teams message (see the package docstring). Choices beyond what
    Teams shows go behind "Meer…", whose value ``more`` signs (more.py)."""
    if activity.type != ActivityTypes.message:
        return activity
    cards = contact_cards_of(activity)
    choices = choices_of(activity)
    announced = announcement_text_of(activity)
    attachments = [a for a in activity.attachments or [] if a.content_type not in (CONTACT_CARD_TYPE, ANNOUNCEMENT_TYPE)]
    attachments.extend(contact_card(card) for card in cards)
    text = _text_without_cards(activity.text, cards) if cards else activity.text
    if announced is not None:
        attachments.insert(0, announcement_card(announced, fallback=activity.text or announced))
        text = None
    if choices and conversation_type in GROUP_CONVERSATIONS:
        shown, carried = paged(choices, True, more)
        attachments.append(choices_card(shown, carried))
        activity.suggested_actions = None  # type: ignore[assignment]  # the SDK's field is optional in fact
    elif len(choices) > PERSONAL_LIMIT:
        activity.suggested_actions = suggested_actions(*paged(choices, False, more))
    activity.text = text
    activity.text_format = "plain"
    activity.attachments = attachments or None  # type: ignore[assignment]  # optional in fact
    if attachments:
        activity.attachment_layout = "list"
    return activity


