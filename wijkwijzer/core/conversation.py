"""How dialogs plug into the agent: what they declare, how they ask, and when a message answers.

A dialog module declares its routes next to its handlers (``ROUTES = (Route(...), ...)``): the
dialog class, the intents of the ``understand`` contract it handles, and the account commands
(with their patterns) it handles. The app collects the routes of every module in
``wijkwijzer.dialogs`` into a :class:`Registry`, which checks at start-up that every intent has
exactly one handler and every command one name.

A dialog that waits for an answer asks through :func:`ask`, which records a :class:`Pending`
in the dialog's state: the slot it waits for, the choices it offered and when it asked. The
agent reads only that record (never a dialog's own state) to decide, with :func:`decide`,
whether the next message answers the question or is a new request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as replace_pending
from datetime import datetime, timedelta
from enum import Enum
from typing import Any, ClassVar

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult, DialogTurnStatus

from wijkwijzer.core.answers import acknowledges, loose_option, opens_with_acknowledgement, pick_option, resumed, stops
from wijkwijzer.core.copy import Copy as BaseCopy
from wijkwijzer.core.copy import CopyBook
from wijkwijzer.core.intents import BY_NAME, INTENT_NAMES, SOCIAL
from wijkwijzer.core.replies import ContactCard, reply
from wijkwijzer.core.services import CommandMatch, Profile, Request, TurnServices, services
from wijkwijzer.knowledge.text import normalize

PENDING_KEY = "pending"
CLEAR_REQUEST = 0.75
"""From this confidence a message of another intent is a new request, even while a dialog waits."""
END_OF_TURN = Dialog.end_of_turn
REDIRECT = "wijkwijzer.redirect"
"""Dialog result: the dialog gives the message back; the agent handles it as a new request."""


class WijkwijzerDialog(Dialog):
    """A dialog with its Dutch copy. ``ID`` names it; ``Copy`` is the model of its section in the
    copy file (``dialogs/texts.yaml``), validated at start-up."""

    ID: ClassVar[str]
    Copy: ClassVar[type[BaseCopy]] = BaseCopy
    COPY_SECTION: ClassVar[str | None] = None
    """The copy file's section (default: ``ID``); dialogs that share their texts name one section."""

    WAITS_BENEATH: ClassVar[bool] = True
    """Whether this dialog's question, offering choices, waits beneath a new request that
    interrupts it (see :func:`interrupt`); False when an interruption means 'skip'."""

    def __init__(self, copy: BaseCopy) -> None:
        super().__init__(self.ID)
        self.copy = copy

    @classmethod
    def copy_section(cls) -> str:
        return cls.COPY_SECTION or cls.ID

    async def resume_dialog(self, dc: DialogContext, reason: object = None, result: object = None) -> DialogTurnResult:
        """Back from an answer on the side (:attr:`Decision.ASIDE`): keep waiting for the answer
        to the question still pending (the SDK's default would end this dialog). When the dialog
        on top gave the message back (:data:`REDIRECT`: it is a new request), pass that on, so the
        agent starts it instead of answering nothing."""
        if result == REDIRECT:
            return DialogTurnResult(DialogTurnStatus.Complete, REDIRECT)
        return END_OF_TURN

    async def stopped(self, dc: DialogContext) -> bool:
        """The user stopped this dialog ('stop', 'laat maar'): say so in the dialog's words
        (``stopped`` in its copy); False when it has none (the agent's words then)."""
        text = getattr(self.copy, "stopped", None)
        if not isinstance(text, str):
            return False
        await dc.context.send_activity(reply(text))
        return True


# ───────────── asking and the pending question ─────────────


@dataclass(frozen=True)
class Pending:
    """The question a dialog waits for an answer to."""

    slot: str
    intents: tuple[str, ...]
    choices: tuple[str, ...]
    asked_at: datetime
    free_text: bool = False
    safety: bool = False
    """The dialog itself is about a child's safety (the meldcode): an answer that names a danger
    ("nee, geen direct gevaar") goes to it, without the general safety reply."""
    interrupted: bool = False
    """A new request came in between ("wie is de lpa in duinoord" while the verzuim route asks
    "Is de grens bereikt?"): the question still takes one of its choices ("ja hij gaat weer"),
    and nothing else."""

    def to_json(self) -> dict[str, Any]:
        return {"slot": self.slot, "intents": list(self.intents), "choices": list(self.choices),
                "asked_at": self.asked_at.isoformat(), "free_text": self.free_text, "safety": self.safety,
                "interrupted": self.interrupted}

    @classmethod
    def from_json(cls, data: Any) -> Pending | None:
        if not isinstance(data, dict) or not isinstance(data.get("slot"), str):
            return None
        try:
            asked_at = datetime.fromisoformat(str(data.get("asked_at")))
        except ValueError:
            return None
        choices = tuple(str(c) for c in data.get("choices") or ())
        intents = tuple(str(i) for i in data.get("intents") or ())
        return cls(slot=data["slot"], intents=intents, choices=choices, asked_at=asked_at,
                   free_text=bool(data.get("free_text")), safety=bool(data.get("safety")),
                   interrupted=bool(data.get("interrupted")))


def state_of(dc: DialogContext) -> dict[str, Any]:
    """The state of the active dialog (there is one whenever a dialog handler runs)."""
    active = dc.active_dialog
    if active is None:
        raise RuntimeError("no active dialog")
    state: dict[str, Any] = active.state
    return state


def pending_of(dc: DialogContext) -> Pending | None:
    active = dc.active_dialog
    return Pending.from_json(active.state.get(PENDING_KEY)) if active is not None else None


async def ask(dc: DialogContext, slot: str, question: str, choices: Sequence[str] = (), *,
              intents: tuple[str, ...] = (), free_text: bool = False, safety: bool = False,
              cards: Iterable[ContactCard] = ()) -> DialogTurnResult:
    """Send ``question`` and wait for the answer: records what the dialog waits for.

    ``intents``: intents of a message that continues this dialog rather than starting anew (a
    partner question answered with "jgz ypenburg"; "hoe vraag ik die aan" after a term). ``free_text``: the answer is a text of the
    user's own (a signal, an announcement), so any message answers it. ``safety``: see
    :attr:`Pending.safety`."""
    request = services(dc.context).request
    pending = Pending(slot=slot, intents=intents, choices=tuple(choices), asked_at=request.now, free_text=free_text,
                      safety=safety)
    state_of(dc)[PENDING_KEY] = pending.to_json()
    await dc.context.send_activity(reply(question, choices, cards))
    return END_OF_TURN


async def end(dc: DialogContext, result: object = None) -> DialogTurnResult:
    """End the active dialog (typed: the SDK's ``end_dialog`` is not annotated)."""
    ended: DialogTurnResult = await dc.end_dialog(result)
    return ended


async def replace(dc: DialogContext, dialog_id: str, options: object = None) -> DialogTurnResult:
    """Replace the active dialog by ``dialog_id`` (typed ``replace_dialog``)."""
    replaced: DialogTurnResult = await dc.replace_dialog(dialog_id, options)
    return replaced


def interrupt(dc: DialogContext) -> bool:
    """A new request comes before the answer: keep the active dialog's question open beneath it
    (marked :attr:`Pending.interrupted`) when it offers choices and nothing else waits; False
    when the question is dropped instead."""
    pending = pending_of(dc)
    if pending is None or not pending.choices or pending.free_text or pending.interrupted or len(dc.stack) != 1:
        return False
    active = dc.active_dialog
    dialog = dc.find_dialog_sync(active.id) if active is not None else None
    if not isinstance(dialog, WijkwijzerDialog) or not dialog.WAITS_BENEATH:
        return False
    state_of(dc)[PENDING_KEY] = replace_pending(pending, interrupted=True).to_json()
    return True


def answered(dc: DialogContext) -> None:
    """The pending question has its answer (the dialog goes on or ends)."""
    state_of(dc).pop(PENDING_KEY, None)


# ───────────── the decision: answer, or a new request ─────────────


class Decision(Enum):
    NEW = "new"
    ANSWER = "answer"
    CANCEL = "cancel"
    EXPIRED = "expired"
    ASIDE = "aside"
    """Answered on the side (a greeting, thanks, help, or something that is clearly nothing for
    the bot); the pending question stays open, and the next message may still answer it."""


ASIDE_INTENTS = frozenset({"greeting", "thanks", "help"})
_BY_NUMBER = re.compile(r"(?:(?:optie|nummer|keuze|nr\.?) ?)?\d{1,3}[.)!]?")

def matches_choice(text: str, choices: Sequence[str]) -> bool:
    """The message picks one of the offered choices: by number, by its words, or by a leading
    "ja"/"nee"/"weet ik niet" that fits one choice ("nee gewoon sbo")."""
    return pick_option(text, choices, fuzzy=False) is not None


_QUESTION = re.compile(r"^(?:en |maar |ok |oke )?(?:wie|wat|waar|welke|welk|hoe|wanneer|waarom)\b")
"""A message that opens with a question word asks something; a signal's text tells something."""


def decide(pending: Pending | None, request: Request, idle: timedelta) -> Decision:
    """Does ``request`` answer the ``pending`` question, or is it a new request?

    A question left open longer than ``idle`` has expired. A greeting, thanks or help, and a
    message that is clearly off-topic, are answered on the side while the question stays open. An
    account command, asking for a person, and a clear request of another intent are new requests; so is a safety
    concern, unless the question asks for the user's own text (a signal keeps its text) or the
    question is the meldcode's own and the message answers it. One of the offered choices is
    always an answer ("Nee, annuleren", "2", "nee gewoon sbo"); "stop" and its likes cancel.
    Everything else, including a message of the dialog's own intent ("jgz ypenburg" while the
    partner dialog asks for a wijk), answers: the dialog takes what it can use from it.
    """
    if pending is None:
        return Decision.NEW
    if request.now - pending.asked_at > idle:
        return Decision.EXPIRED
    understanding = request.understanding
    if request.command is not None or understanding.human:
        return Decision.NEW  # an account command, or someone who wants a person instead of the bot
    chosen = matches_choice(request.text, pending.choices)
    if chosen and opens_with_acknowledgement(request.text) and any(
            understanding.entities.get(key) for key in NAMED_KEYS) and not pick_option(
            " ".join(normalize(request.text).split()[1:]), pending.choices, fuzzy=False) is not None:
        chosen = False  # "ok, voor rijswijk" to "Wil je de stap zien?": the "ok" takes note, the place answers else
    if not chosen and (understanding.intent == "cancel" or (
            stops(request.text) and understanding.intent in ("unknown", "unsubscribe"))):
        # also a question beneath another answer: "stop" then is no "afmelden"; "stop maar even, moet eerst
        # overleggen" stops too, "laat maar, doe de verzuim route" is a new request
        return Decision.CANCEL
    if pending.interrupted and understanding.intent in (*pending.intents, "unknown") and resumed(request.text) is not None:
        return Decision.ANSWER  # "ok terug naar de meldcode: nee er is geen direct gevaar"
    if pending.interrupted and acknowledges(request.text) and normalize(request.text) not in {
            normalize(choice) for choice in pending.choices}:
        # "ok", "ja top": about the last answer; the question beneath stays, and no signal is saved by
        # them ("Ja, opslaan" takes its own words). A choice that is just "Ja" is still picked by "ja".
        return Decision.ASIDE
    if (pending.interrupted and not chosen and understanding.intent == "unknown"
            and understanding.confidence < CLEAR_REQUEST and len(normalize(request.text).split()) >= _SENTENCE_WORDS):
        return Decision.ANSWER  # "op school is geen extra steun nodig": a sentence of no request may answer it
    if pending.interrupted and (not chosen or _BY_NUMBER.fullmatch(" ".join(request.text.lower().split()))
                                or understanding.intent in SOCIAL or understanding.intent in ASIDE_INTENTS):
        # a question asked before another request takes only one of its choices, by its words: "ok thx"
        # is none, and "2" points at the last list shown, not at a question no longer on the screen
        return Decision.NEW
    if request.concern is not None:
        if pending.free_text or (pending.safety and (chosen or understanding.intent in pending.intents)):
            return Decision.ANSWER
        if "route" in pending.intents and loose_option(request.text, pending.choices) is not None:
            return Decision.ANSWER  # "het gesprek gaf me zorgen over de veiligheid" to "Zorg om veiligheid"
        if chosen and request.concern.kinds == {"unspecified"}:
            return Decision.ANSWER  # a concern no rule names, in an answer ("ja, vorige week 3 dagen weg"): help first, then on
        return Decision.NEW
    if chosen:
        return Decision.ANSWER
    if understanding.intent in ASIDE_INTENTS:
        return Decision.ASIDE
    if understanding.intent in SOCIAL:
        return Decision.NEW
    if pending.free_text and _QUESTION.search(normalize(request.text)) and understanding.intent not in (
            *pending.intents, "unknown") and understanding.confidence >= CLEAR_REQUEST and BY_NAME[understanding.intent].interrupts:
        return Decision.NEW  # "wie is de jeugdarts" while the signal waits for its text: a question, no signal text
    if pending.free_text or understanding.intent in pending.intents:
        return Decision.ANSWER
    if understanding.intent == "unknown" and understanding.confidence >= CLEAR_REQUEST:
        return Decision.ASIDE  # off-topic ("de printer doet het weer niet"), not an answer
    if (understanding.intent == "partner_lookup" and not understanding.entities.get("rol") and not understanding.all_partners
            and _TAKES_A_PLACE & set(pending.intents)):
        return Decision.ANSWER  # "o en het is in de vruchtenbuurt" under a signal: its wijk, not a lookup without a role
    intent = BY_NAME[understanding.intent]
    if intent.interrupts and understanding.confidence >= CLEAR_REQUEST:
        return Decision.NEW
    return Decision.ANSWER


ROLE_AND_PLACE_KEYS = ("rol", "wijk", "gemeente", "school", "postcode")
NAMED_KEYS = (*ROLE_AND_PLACE_KEYS, "expertise")
"""Entities that make a message a request of its own after an "ok" ("ok, voor rijswijk")."""
_SENTENCE_WORDS = 4
"""A message this long that is no request of its own may answer a question asked before another."""
_TAKES_A_PLACE = frozenset({"signal", "expertise_lookup"})
"""Intents whose dialogs take a place from a message of no role ("o en het is in de vruchtenbuurt")."""


# ───────────── routes and the registry ─────────────


@dataclass(frozen=True)
class Command:
    """An account command that is no intent of the ``understand`` contract ('verwijder mijn
    gegevens', 'rol 12 adviseur'). ``pattern`` is searched in the message (keep it linear: no
    nested or overlapping repetition); ``allowed`` says who may use it — for anyone else the
    message goes on to the understanding ('aanmeldcode?' from a guest is a register question)."""

    name: str
    pattern: re.Pattern[str]
    allowed: Callable[[Profile], bool] = field(default=lambda profile: True)

    def match(self, text: str, profile: Profile) -> CommandMatch | None:
        found = self.pattern.search(text)
        if found is None or not self.allowed(profile):
            return None
        return CommandMatch(self.name, found.groupdict())


@dataclass(frozen=True)
class Route:
    """What a dialog module declares: ``dialog`` begins for these ``intents`` and ``commands``,
    or by itself after a turn when ``after_turn(services, in_group)`` holds and no dialog waits."""

    dialog: type[WijkwijzerDialog]
    intents: tuple[str, ...] = ()
    commands: tuple[Command, ...] = ()
    after_turn: Callable[[TurnServices, bool], bool] | None = None


class RegistryError(Exception):
    """The dialogs and their declarations do not fit together (found at start-up)."""


class Registry:
    """Every dialog with its copy, the intent → dialog table and the commands, checked once."""

    def __init__(self, routes: Iterable[Route], copy: CopyBook) -> None:
        routes = list(routes)
        self.dialogs: list[WijkwijzerDialog] = []
        self.by_intent: dict[str, str] = {}
        self.commands: list[Command] = []
        problems: list[str] = []
        seen: set[str] = set()
        for route in routes:
            dialog_cls = route.dialog
            if dialog_cls.ID in seen:
                problems.append(f"dialoog '{dialog_cls.ID}' staat twee keer in ROUTES")
                continue
            seen.add(dialog_cls.ID)
            try:
                self.dialogs.append(dialog_cls(copy.section(dialog_cls.copy_section(), dialog_cls.Copy)))
            except LookupError as error:
                problems.append(str(error))
            for intent in route.intents:
                if intent not in INTENT_NAMES:
                    problems.append(f"dialoog '{dialog_cls.ID}' noemt onbekende intent '{intent}'")
                elif intent in self.by_intent:
                    problems.append(f"intent '{intent}' heeft twee dialogen: '{self.by_intent[intent]}' en "
                                    f"'{dialog_cls.ID}'")
                else:
                    self.by_intent[intent] = dialog_cls.ID
            for command in route.commands:
                if any(c.name == command.name for c in self.commands):
                    problems.append(f"commando '{command.name}' staat twee keer in ROUTES")
                self.commands.append(command)
        missing = [name for name in INTENT_NAMES if name not in self.by_intent]
        if missing:
            problems.append(f"geen dialoog voor intent(s): {', '.join(missing)}")
        self.command_dialog: Mapping[str, str] = {
            command.name: route.dialog.ID for route in routes for command in route.commands}
        self.after_turn = tuple((route.dialog.ID, route.after_turn) for route in routes if route.after_turn)
        if problems:
            raise RegistryError("De dialogen passen niet bij elkaar:\n- " + "\n- ".join(problems))

    def command(self, text: str, profile: Profile) -> CommandMatch | None:
        for command in self.commands:
            found = command.match(text, profile)
            if found is not None:
                return found
        return None

    def dialog_for(self, request: Request) -> str:
        if request.command is not None:
            return self.command_dialog[request.command.name]
        return self.by_intent[request.understanding.intent]
