"""Outbound rendering for WhatsApp: one neutral reply Activity → Cloud API message objects.

Pure functions, no I/O. The limits come in as a :class:`RenderLimits` (the numbers and their
sources live in the constants block of ``wijkwijzer.adapters.whatsapp``), so tests can render
against small limits too.

Rules:
- Choices become reply buttons when there are at most ``reply_buttons`` and every title fits
  ``button_title``; otherwise a list when there are at most ``list_rows`` (a label longer than
  ``row_title`` gets a shortened title and the full label in the row description); otherwise
  numbered lines in the text, which the dialogs accept as answers ("1", "2", …).
- A reply id carries the full label (``k:<label>``), so a tapped row with a shortened title
  still answers with the dialog's own label (see ``inbound_reply_text``).
- Text is split at paragraph, line, sentence or word boundaries under ``text_body``; an
  interactive body is at most ``interactive_body`` and the text before it goes out first as
  plain text messages.
- Contact cards become compact lines with the phone number in E.164 (``+31…``), which WhatsApp
  makes tappable.
- No markup injection: WhatsApp formats ``*bold*``, ``_italic_``, ``~strike~`` and ```` `code` ````.
  Dialog text and data are plain text, so a span that WhatsApp would format gets its markers
  replaced by look-alike characters, and every backtick is; links and e-mail addresses are
  left untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import phonenumbers
from microsoft_agents.activity import Activity

from wijkwijzer.core.replies import ContactCard, choices_of, contact_cards_of

REPLY_ID_PREFIX = "k:"
LIST_BUTTON_LABEL = "Bekijk keuzes"
NUMBERED_HINT = "Typ het nummer van je keuze."
ELLIPSIS = "…"
BREAKS = ("\n\n", "\n", ". ", "! ", "? ", "; ", ", ", " ")
LOOKALIKES = {"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"}
SERVICE_NUMBER_TYPES = (
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
)
# An address starts where its run of address characters starts: tried inside a run as well, it
# made a search quadratic in the run's length (tests/test_patterns_are_linear.py).
_PROTECTED = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPAN = re.compile(r"(?<![\w])([*_~])(?=\S)(.+?)(?<=\S)\1(?!\w)", re.DOTALL)


@dataclass(frozen=True)
class RenderLimits:
    """Character and count limits of the Cloud API message types we send."""

    text_body: int
    interactive_body: int
    reply_buttons: int
    button_title: int
    button_id: int
    list_rows: int
    row_title: int
    row_description: int
    row_id: int
    list_button: int


def render_activity(activity: Activity, limits: RenderLimits) -> list[dict[str, Any]]:
    """The message objects (``type`` plus its content; no ``to``) that show one reply."""
    text = inert(with_contact_cards(activity.text or "", contact_cards_of(activity)))
    choices = [c for c in dict.fromkeys(choices_of(activity)) if c.strip()]
    if not choices:
        return [text_message(part) for part in split_text(text, limits.text_body) if part]
    if len(choices) <= limits.reply_buttons and all(len(c) <= limits.button_title for c in choices):
        return _interactive(text, limits, lambda body: button_message(body, choices, limits))
    if len(choices) <= limits.list_rows:
        return _interactive(text, limits, lambda body: list_message(body, choices, limits))
    return [text_message(part) for part in split_text(numbered_text(text, choices), limits.text_body) if part]


def _interactive(text: str, limits: RenderLimits,
                 build: Callable[[str], dict[str, Any]]) -> list[dict[str, Any]]:
    head, body = split_tail(text or NUMBERED_HINT, limits.interactive_body)
    messages = [text_message(part) for part in split_text(head, limits.text_body) if part]
    return [*messages, build(body)]


def text_message(body: str) -> dict[str, Any]:
    return {"type": "text", "text": {"preview_url": False, "body": body}}


def button_message(body: str, choices: list[str], limits: RenderLimits) -> dict[str, Any]:
    buttons = [{"type": "reply", "reply": {"id": reply_id(c, limits.button_id), "title": inert(c)}} for c in choices]
    interactive = {"type": "button", "body": {"text": body}, "action": {"buttons": buttons}}
    return {"type": "interactive", "interactive": interactive}


def list_message(body: str, choices: list[str], limits: RenderLimits) -> dict[str, Any]:
    rows = [_row(c, limits) for c in choices]
    if len({row["title"] for row in rows}) < len(rows):
        for number, row in enumerate(rows, start=1):
            row["title"] = shorten(f"{number}. {row['title']}", limits.row_title)
    action = {"button": LIST_BUTTON_LABEL[: limits.list_button], "sections": [{"rows": rows}]}
    return {"type": "interactive", "interactive": {"type": "list", "body": {"text": body}, "action": action}}


def _row(choice: str, limits: RenderLimits) -> dict[str, str]:
    row = {"id": reply_id(choice, limits.row_id), "title": inert(shorten(choice, limits.row_title))}
    if len(choice) > limits.row_title:
        row["description"] = inert(shorten(choice, limits.row_description))
    return row


def reply_id(choice: str, limit: int) -> str:
    return (REPLY_ID_PREFIX + choice)[:limit]


def inbound_reply_text(reply_id_value: str, title: str) -> str:
    """The message text for a tapped button or list row: our full label when the id carries
    one (titles may have been shortened), else the title WhatsApp shows."""
    if reply_id_value.startswith(REPLY_ID_PREFIX) and len(reply_id_value) > len(REPLY_ID_PREFIX):
        return reply_id_value[len(REPLY_ID_PREFIX):]
    return title


def numbered_text(text: str, choices: list[str]) -> str:
    """The text with the choices as numbered lines, unless the text already lists them so."""
    lines = [f"{i}. {c}" for i, c in enumerate(choices, start=1)]
    if all(line in text for line in lines):
        return text
    return "\n\n".join(part for part in (text.strip(), "\n".join(lines), NUMBERED_HINT) if part)


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word where possible, with an ellipsis."""
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS)]
    word_cut = room.rfind(" ")
    if word_cut >= limit // 2:
        room = room[:word_cut]
    return room.rstrip(" ,;:-–") + ELLIPSIS


def split_text(text: str, limit: int) -> list[str]:
    """Parts of at most ``limit`` characters, cut at the last paragraph, line, sentence or word break."""
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _cut_before(rest, limit)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def _cut_before(text: str, limit: int) -> int:
    for separator in BREAKS:
        index = text.rfind(separator, 0, limit)
        if index >= limit // 4:
            return index + len(separator)
    return limit


def split_tail(text: str, limit: int) -> tuple[str, str]:
    """``(head, tail)`` where the tail fits ``limit`` and starts at the earliest good break."""
    text = text.strip()
    if len(text) <= limit:
        return "", text
    start = len(text) - limit
    for separator in BREAKS:
        index = text.find(separator, start)
        if index != -1 and len(text) - index - len(separator) >= limit // 4:
            cut = index + len(separator)
            return text[:cut].rstrip(), text[cut:].strip()
    return text[:start], text[start:]


def with_contact_cards(text: str, cards: list[ContactCard]) -> str:
    """Each card's plain lines in ``text`` replaced by its WhatsApp lines; cards not found are appended."""
    for card in cards:
        plain = "\n".join(card.as_lines())
        compact = "\n".join(contact_lines(card))
        if plain in text:
            text = text.replace(plain, compact, 1)
        else:
            text = "\n\n".join(part for part in (text.strip(), compact) if part)
    return text


def contact_lines(card: ContactCard) -> list[str]:
    return card.as_lines(phone=e164)


@lru_cache(maxsize=4096)
def e164(phone: str, region: str = "NL") -> str:
    """``06 12345678`` → ``+31612345678`` (tappable in WhatsApp). Unparseable numbers and national
    service numbers (0800, 0900, 0906/0909: often not reachable in international form) stay as written.

    Cached (a pure function of a few hundred contact numbers): parsing a number with phonenumbers
    was paid again on every answer that shows a contact (docs/performance.md, C2)."""
    try:
        parsed = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return phone
    if not phonenumbers.is_possible_number(parsed) or phonenumbers.number_type(parsed) in SERVICE_NUMBER_TYPES:
        return phone
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def inert(text: str) -> str:
    """``text`` with every span WhatsApp would format made literal (links and e-mail untouched)."""
    pieces: list[str] = []
    position = 0
    for match in _PROTECTED.finditer(text):
        pieces.append(_defuse(text[position:match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_defuse(text[position:]))
    return "".join(pieces)


def _defuse(text: str) -> str:
    text = text.replace("`", LOOKALIKES["`"])
    previous = None
    while previous != text:
        previous = text
        text = _SPAN.sub(lambda m: LOOKALIKES[m.group(1)] + m.group(2) + LOOKALIKES[m.group(1)], text)
    return text
