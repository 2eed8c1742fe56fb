"""The one neutral reply shape dialogs speak: text, choices and contact cards as data.

A reply is an Agents SDK message Activity. Choices are suggested actions (``imBack``: tapping
one sends its title back as a message). A contact card travels as an attachment with our own
content type; the text of the Activity always holds the same information as plain lines, so a
channel that renders nothing special still shows everything. Adapters turn these into Adaptive
Cards, WhatsApp buttons or numbered lines; dialogs never know which channel they talk to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import (
    ActionTypes,
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    SuggestedActions,
)

CONTACT_CARD_TYPE = "application/vnd.wijkwijzer.contact+json"


@dataclass(frozen=True)
class ContactCard:
    """A contact as data, for adapters to render natively (tel: and mailto: actions)."""

    naam: str
    rol: str
    organisatie: str
    telefoon: str | None = None
    email: str | None = None
    bereikbaar: str | None = None
    opmerking: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The fields as a dict (all flat strings: a copy of ``__dict__`` is what dataclasses.asdict
        would give, at a tenth of its cost)."""
        return dict(self.__dict__)

    def as_lines(self, phone: Callable[[str], str] = str) -> list[str]:
        """Plain lines; ``phone`` lets a channel write numbers its own way (tappable +31…)."""
        lines = [f"{self.naam} – {self.rol}, {self.organisatie}"]
        if self.telefoon:
            lines.append(f"Tel: {phone(self.telefoon)}")
        if self.email:
            lines.append(f"Mail: {self.email}")
        if self.bereikbaar:
            lines.append(f"Bereikbaar: {self.bereikbaar}")
        if self.opmerking:
            lines.append(self.opmerking)
        return lines


class Reply(Activity):
    """A reply Activity that the SDK copies cheaply.

    The SDK's ``TurnContext.send_activities`` deep-copies every outgoing activity before it
    fills in the conversation reference. For a reply with choices and a contact card that deep
    copy walks ~190 objects (about 75 µs, some 5 % of a Teams turn). A reply is built for one
    send and its nested parts (actions, attachments) are never changed afterwards: senders set
    top-level fields or build new activities. So a copy of the top level is enough."""

    # What the SDK's send path does with it: docs/performance.md (A4).
    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Reply:
        return self.model_copy()


def reply(text: str, choices: Sequence[str] = (), cards: Iterable[ContactCard] = ()) -> Activity:
    """A message Activity with ``text``, optional choices and contact cards."""
    activity = Reply(type=ActivityTypes.message, text=text)
    if choices:
        activity.suggested_actions = SuggestedActions(
            actions=[CardAction(type=ActionTypes.im_back, title=c, value=c) for c in choices]
        )
    attachments = [Attachment(content_type=CONTACT_CARD_TYPE, content=card.as_dict()) for card in cards]
    if attachments:
        activity.attachments = attachments
    return activity


def choices_of(activity: Activity) -> list[str]:
    """The choice titles of a reply (empty when it has none)."""
    if not activity.suggested_actions or not activity.suggested_actions.actions:
        return []
    return [a.title or str(a.value) for a in activity.suggested_actions.actions]


def contact_cards_of(activity: Activity) -> list[ContactCard]:
    return [
        ContactCard(**a.content)
        for a in activity.attachments or []
        if a.content_type == CONTACT_CARD_TYPE and isinstance(a.content, dict)
    ]


ANNOUNCEMENT_TYPE = "application/vnd.wijkwijzer.announcement+json"
ANNOUNCEMENT_HEADER = "Aankondiging van het samenwerkingsverband"


def announcement(text: str) -> Activity:
    """An announcement exactly as recipients get it (and as its author previews it). The text
    is the author's; adapters render it literally (no markup, no card JSON from it)."""
    activity = Reply(type=ActivityTypes.message, text=f"{ANNOUNCEMENT_HEADER}:\n\n{text}")
    activity.attachments = [Attachment(content_type=ANNOUNCEMENT_TYPE, content={"text": text})]
    return activity


def announcement_text_of(activity: Activity) -> str | None:
    for attachment in activity.attachments or []:
        if attachment.content_type == ANNOUNCEMENT_TYPE and isinstance(attachment.content, dict):
            return str(attachment.content.get("text", ""))
    return None
