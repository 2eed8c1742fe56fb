"""more: the "Meer…" choice of the teams channel (see the package docstring).

Teams shows at most :data:`PERSONAL_LIMIT` suggested actions in a personal chat and at most
:data:`GROUP_LIMIT` actions on a card in a group chat or channel. A reply with more choices
shows the first ones (the dialog's order is the order of relevance) and, as the last one,
"Meer…". That button carries the remaining choices itself, so the adapter answers a tap on it
without any state and without the dialogs: it sends the remaining choices as a new message,
paged the same way.

What a tap sends back is whatever the client posts, so it is checked before use
(:meth:`MoreChoices.read`): the right shape, at most :data:`MAX_CARRIED` choices of at most
:data:`MAX_CHOICE_CHARS` characters, and a keyed signature over them. Only a value this server
made passes; anything else is ignored, so nobody can make the bot post buttons of their own.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Sequence
from typing import Any

from wijkwijzer.adapters.teams.settings import CHOICE_MARKER

PERSONAL_LIMIT = 3
"""Suggested actions Teams shows (it shows only the first three):
https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/suggested-actions"""
GROUP_LIMIT = 6
"""Card actions in a group chat or channel (issue 15 §5; the Teams Adaptive Card host config
allows six actions)."""
MAX_CARRIED = 24
"""Most choices one "Meer…" carries; a longer tail is cut (the least relevant go)."""
MAX_CHOICE_CHARS = 200
"""Longest choice title carried; longer titles are left out of the tail."""

MORE = "more"
"""The marker value of a "Meer…" tap (next to ``choice`` for a card button)."""
MORE_TITLE = "Meer…"
MORE_TEXT = "Meer keuzes:"
SUBMIT_INVOKE = "suggestedAction/submit"
"""The invoke Teams sends for an ``Action.Submit`` suggested action (personal chat)."""

_SIGNATURE = re.compile(r"[0-9a-f]{32}")


def limit_for(group: bool) -> int:
    return GROUP_LIMIT if group else PERSONAL_LIMIT


def split(choices: Sequence[str], limit: int) -> tuple[list[str], list[str]]:
    """The choices to show and the ones behind "Meer…" (empty when all fit)."""
    if len(choices) <= limit:
        return list(choices), []
    return list(choices[:limit - 1]), list(choices[limit - 1:])


def is_more(value: Any) -> bool:
    """Whether an activity's value claims to be a "Meer…" tap (valid or not)."""
    return isinstance(value, dict) and value.get(CHOICE_MARKER) == MORE


class MoreChoices:
    """Makes and reads the value a "Meer…" button carries: the remaining choices, signed."""

    def __init__(self, secret: str) -> None:
        self._key = hmac.new(secret.encode(), b"wijkwijzer teams more choices v1", hashlib.sha256).digest()

    def value(self, rest: Sequence[str]) -> dict[str, Any] | None:
        """What the button carries: the rest that fits the limits, in order, and its signature;
        None when nothing fits (then there is no "Meer…")."""
        carried = [choice for choice in rest if _fits(choice)][:MAX_CARRIED]
        if not carried:
            return None
        return {CHOICE_MARKER: MORE, "choices": carried, "sig": self._sign(carried)}

    def read(self, value: Any) -> list[str] | None:
        """The choices of a value :meth:`value` made; None for anything else."""
        if not is_more(value):
            return None
        choices, signature = value.get("choices"), value.get("sig")
        if not isinstance(choices, list) or not 0 < len(choices) <= MAX_CARRIED:
            return None
        if not all(_fits(choice) for choice in choices):
            return None
        if not isinstance(signature, str) or not _SIGNATURE.fullmatch(signature):
            return None
        return list(choices) if hmac.compare_digest(signature, self._sign(choices)) else None

    def _sign(self, choices: Sequence[str]) -> str:
        message = json.dumps(list(choices), ensure_ascii=False, separators=(",", ":")).encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:32]


def _fits(choice: Any) -> bool:
    return isinstance(choice, str) and 0 < len(choice) <= MAX_CHOICE_CHARS and bool(choice.strip())
