"""Slot filling as data: a dialog declares its slots; this base asks for what is missing.

A :class:`SlotDialog` keeps one value per slot in its state. When it begins, and on every
answer, every slot takes what the message's understanding says about it (so "jgz ypenburg" as
the answer to "Voor welke wijk?" fills both the wijk and the new ketenpartner: what the message
says beats what was remembered). The slot the dialog asked for also reads the free answer
("1", "de tweede", "ypenburg"). A slot may answer with a :class:`Choose` ("Bedoel je
Voorburg-Noord of Voorburg-West?"); the base asks that and maps the pick back. When every
needed slot has a value, :meth:`SlotDialog.complete` answers.

A message that fills nothing is asked again; after :data:`MAX_MISSES` misses the dialog says
what it can take and who to ask (the copy's ``lost``), and keeps the question open.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.answers import NO, STOP, YES, pick_option, said
from wijkwijzer.core.conversation import WijkwijzerDialog, answered, ask, end, pending_of, state_of
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import TurnServices, services
from wijkwijzer.dialogs.common import numbered

MAX_MISSES = 2
ALSO = "also"
_ADDS = re.compile(r"\b(en|ook|plus|daarnaast|tevens)\b", re.IGNORECASE)
"""Values key: slot values a message added to the one asked about (see ``_keep_both``)."""
REFUSED = "refused"
"""Values key: fingerprints of what a :class:`Refuse` refused, so a rephrase that still carries it
is refused again (see :attr:`Refuse.remember`)."""
MAX_REFUSED = 12
PICK = "kies:"
"""Prefix of the pending slot while the user picks between candidates for a slot."""


@dataclass(frozen=True)
class Refuse:
    """The answer cannot be taken as it is ("Je bericht bevat een naam…"): say so, ask again.
    ``remember``: keyed fingerprints of what was refused (never the words themselves), kept in the
    dialog's values under :data:`REFUSED` while the question stays open."""

    text: str
    remember: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Choose:
    """Several values fit; ask which one (labels as the user sees them). ``suggestion``: the
    values were guessed from a word too far off to be sure ("Bedoel je Ypenburg?"), so a plain
    "ja" takes the only one and "nee" asks the slot's own question again."""

    labels: tuple[str, ...]
    values: tuple[Any, ...]
    suggestion: bool = False


class SlotCopy(Copy):
    stopped: str
    not_understood: str
    lost: str


class Slot(ABC):
    """One thing a dialog needs. Subclasses read it from the understanding and from an answer."""

    name: ClassVar[str]

    def needed(self, svc: TurnServices, values: Mapping[str, Any], asked: int) -> bool:
        """Whether the dialog needs this slot (``asked``: questions asked so far in this dialog)."""
        return True

    def from_message(self, svc: TurnServices, values: Mapping[str, Any]) -> Any:
        """The value, a :class:`Choose` or a :class:`Refuse` for what the message names on its own;
        None if it names nothing for this slot."""
        return None

    def from_answer(self, svc: TurnServices, text: str, values: Mapping[str, Any]) -> Any:
        """The value (or :class:`Choose`, :class:`Refuse`) of a free answer to this slot's question."""
        return self.from_message(svc, values)

    @abstractmethod
    def question(self, svc: TurnServices, values: Mapping[str, Any]) -> tuple[str, list[str]]:
        """What to ask (and the choices to offer) when this slot is missing."""


class SlotDialog(WijkwijzerDialog):
    """Base of the partner, expertise and signal dialogs (see the module docstring)."""

    INTENT: ClassVar[str]
    Copy: ClassVar[type[Copy]] = SlotCopy
    copy: SlotCopy
    slots: tuple[Slot, ...]
    """In the order they are asked; set by the dialog's ``__init__`` (slots may need the copy)."""

    # ───── the flow ─────

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        state = state_of(dc)
        state.update({"values": {}, "misses": 0, "options": [], "asked": 0})
        values: dict[str, Any] = state["values"]
        early = await self.start(dc, values, options if isinstance(options, dict) else {})
        if early is not None:
            return early
        outcome = self._take_message(services(dc.context), values)
        if outcome is not None:
            return await self._ask_outcome(dc, *outcome)
        return await self._advance(dc)

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        state = state_of(dc)
        values: dict[str, Any] = state["values"]
        pending = pending_of(dc)
        text = svc.request.text
        if said(text, STOP):
            answered(dc)
            await dc.context.send_activity(reply(self.copy.stopped))
            return await end(dc)
        slot_name = pending.slot if pending else ""
        if slot_name.startswith(PICK):
            if self._read_pick(dc, text):
                return await self._advance(dc)
            slot_name = slot_name[len(PICK):]
        before = dict(values)
        outcome = self._take_message(svc, values)
        if outcome is not None:
            return await self._ask_outcome(dc, *outcome)
        self._keep_both(values, before, slot_name, text)
        if slot_name and not values.get(slot_name) and values == before:
            slot = self._slot(slot_name)
            found = slot.from_answer(svc, text, values)
            if isinstance(found, (Choose, Refuse)):
                return await self._ask_outcome(dc, slot, found)
            if found is None:
                return await self._missed(dc)
            values[slot.name] = found
        state["misses"] = 0
        return await self._advance(dc)

    async def _advance(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        values: dict[str, Any] = state_of(dc)["values"]
        asked = int(state_of(dc).get("asked", 0))
        for slot in self.slots:
            if values.get(slot.name) is None and slot.needed(svc, values, asked):
                question, choices = slot.question(svc, values)
                state_of(dc)["asked"] = asked + 1
                return await self._ask(dc, slot.name, question, choices)
        answered(dc)
        return await self.complete(dc, values)

    # ───── hooks for the dialogs ─────

    async def start(self, dc: DialogContext, values: dict[str, Any], options: dict[str, Any]) -> DialogTurnResult | None:
        """Fill values from ``options`` (another dialog's hand-over) before the message is read;
        return a result to end early (a guest asking for a signal)."""
        for key, value in options.items():
            if any(slot.name == key for slot in self.slots):
                values[key] = value
        return None

    @abstractmethod
    async def complete(self, dc: DialogContext, values: dict[str, Any]) -> DialogTurnResult:
        """Every needed slot has a value: answer, and end (or go on to another dialog)."""

    def free_text_slot(self, slot: str) -> bool:
        """Whether any message answers this slot (a text of the user's own)."""
        return False

    # ───── helpers ─────

    def _slot(self, name: str) -> Slot:
        return next(slot for slot in self.slots if slot.name == name)

    def _keep_both(self, values: dict[str, Any], before: dict[str, Any], asked: str, text: str) -> None:
        """A message that answers the question and adds another value with "en"/"ook"
        ("ypenburg, en ook de jgz" while asked for the wijk of the SMW): keep the value asked
        about before and put the new one under :data:`ALSO`, so the dialog answers both. Without
        such a word the new value replaces the old ("jgz scheveningen")."""
        if not asked or before.get(asked) is not None or values.get(asked) is None or not _ADDS.search(text):
            return
        for slot in self.slots:
            old, new = before.get(slot.name), values.get(slot.name)
            if slot.name != asked and old is not None and new != old and isinstance(new, str):
                values[slot.name] = old
                values.setdefault(ALSO, {})[slot.name] = new

    def _take_message(self, svc: TurnServices, values: dict[str, Any]) -> tuple[Slot, Choose | Refuse] | None:
        """Every slot takes what the message names (the message beats what was remembered)."""
        for slot in self.slots:
            found = slot.from_message(svc, values)
            if isinstance(found, (Choose, Refuse)):
                return slot, found
            if found is not None:
                values[slot.name] = found
        return None

    async def _ask(self, dc: DialogContext, slot: str, question: str, choices: Sequence[str]) -> DialogTurnResult:
        return await ask(dc, slot, question, choices, intents=(self.INTENT,), free_text=self.free_text_slot(slot))

    async def _ask_outcome(self, dc: DialogContext, slot: Slot, outcome: Choose | Refuse) -> DialogTurnResult:
        if isinstance(outcome, Refuse):
            values = state_of(dc)["values"]
            values[REFUSED] = [*values.get(REFUSED, []), *outcome.remember][-MAX_REFUSED:]
            return await self._ask(dc, slot.name, outcome.text, [])
        return await self._ask_choice(dc, slot, outcome)

    async def _ask_choice(self, dc: DialogContext, slot: Slot, choose: Choose) -> DialogTurnResult:
        state = state_of(dc)
        state["options"] = [{"label": label, "value": value} for label, value in zip(choose.labels, choose.values,
                                                                                      strict=True)]
        state["suggestion"] = choose.suggestion
        labels = list(choose.labels)
        question = f"Bedoel je {labels[0]}?" if len(labels) == 1 else f"Welke bedoel je?\n{numbered(labels)}"
        return await self._ask(dc, PICK + slot.name, question, labels)

    def _read_pick(self, dc: DialogContext, text: str) -> bool:
        """The user's pick among the offered candidates ("nee" declines a suggestion); False when the
        message is something else (the slot then reads it as a free answer)."""
        state = state_of(dc)
        pending = pending_of(dc)
        assert pending is not None
        slot = pending.slot[len(PICK):]
        options = state.get("options") or []
        labels = [str(option["label"]) for option in options]
        index = pick_option(text, labels)
        if index is None and state.get("suggestion") and len(labels) == 1 and said(text, YES):
            index = 0
        if index is not None:
            state["values"][slot] = options[index]["value"]
            state["options"] = []
            return True
        if said(text, NO):
            state["options"] = []
            state["values"].pop(slot, None)
            return True
        return False

    async def _missed(self, dc: DialogContext) -> DialogTurnResult:
        state = state_of(dc)
        pending = pending_of(dc)
        state["misses"] = int(state.get("misses", 0)) + 1
        slot_name = pending.slot if pending else self.slots[0].name
        name = slot_name[len(PICK):] if slot_name.startswith(PICK) else slot_name
        question, choices = self._slot(name).question(services(dc.context), state["values"])
        if pending and pending.choices and slot_name.startswith(PICK):
            choices = list(pending.choices)
        prefix = self.copy.lost if state["misses"] >= MAX_MISSES else self.copy.not_understood
        return await self._ask(dc, slot_name, f"{prefix} {question}", choices)
