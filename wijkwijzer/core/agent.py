"""The Wijkwijzer agent: one turn = understand the message, answer a safety concern first, then
continue the pending question or begin the dialog the message asks for.

The turn pipeline, in order:

1. the text is capped (:data:`wijkwijzer.core.inbound.MAX_TEXT`) before any pattern sees it;
2. who is talking (the channel's profile source), what the message means (the understanding,
   with what a follow-up leaves out taken from the conversation: ``core.context``), whether it
   is an account command (the registry's patterns) and whether it shows concern for a child's
   safety (``core.safety``);
3. :func:`core.conversation.decide` says whether the message answers the pending question,
   cancels it, or is a new request (a question left open too long has expired);
4. a safety concern is answered first, whatever else happens (``safety_reply``) — only an
   answer to the meldcode's own question goes straight to the meldcode;
5. the dialog continues, or the registry's dialog for the command or intent begins;
6. a dialog that declared ``after_turn`` may begin by itself (the one-time school question);
7. state is saved.

The whole turn holds the conversation's turn lock (``turn_lock``, store/turn_leases.py), so turns
of one conversation never overlap, across processes too.

State is loaded and saved per turn through a ConversationState built for that turn: the SDK's
AgentState caches the loaded state on the instance, so one shared instance would mix up
concurrent turns of different conversations.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, cast

from microsoft_agents.activity import Activity, ChannelAccount, TurnContextProtocol
from microsoft_agents.hosting.core import ActivityHandler, ConversationState, Storage, TurnContext
from microsoft_agents.hosting.dialogs import (
    DialogContext,
    DialogsComponentRegistration,
    DialogSet,
    DialogTurnResult,
    DialogTurnStatus,
)
from microsoft_agents.hosting.dialogs.memory import DialogStateManagerConfiguration

from wijkwijzer.core.context import in_context, remember_place
from wijkwijzer.core.conversation import (
    REDIRECT,
    Decision,
    Registry,
    WijkwijzerDialog,
    decide,
    interrupt,
    pending_of,
)
from wijkwijzer.core.copy import Copy, CopyBook
from wijkwijzer.core.inbound import capped
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.core.replies import reply
from wijkwijzer.core.safety import Concern, assess
from wijkwijzer.core.services import (
    SERVICES_KEY,
    ConsoleLinks,
    LastLookup,
    LastShown,
    Memory,
    OutboxService,
    PeopleService,
    Profile,
    Request,
    SignalSink,
    TurnLock,
    TurnServices,
)
from wijkwijzer.core.understanding import LOOKUP_KEYS, Understanding, question_parts
from wijkwijzer.core.understanding import understand as default_understand
from wijkwijzer.knowledge.loader import KnowledgeBase, KnowledgeBaseHolder
from wijkwijzer.knowledge.resolver import one_scan_per_text

log = logging.getLogger(__name__)

DEFAULT_IDLE = timedelta(minutes=30)
COPY_FILE = Path(__file__).with_name("texts.yaml")


class AgentCopy(Copy):
    examples: tuple[str, ...]
    welcome: str
    only_text: str
    cancelled: str


def dialog_memory() -> DialogStateManagerConfiguration:
    """The dialogs' memory scopes and path resolvers, built once.

    Every DialogContext gets a DialogStateManager, which builds these ~15 objects anew unless the
    turn state already holds a configuration (the SDK's own cache within one turn): ~20-60 µs,
    up to 4 % of a Teams turn. They keep nothing between calls, and our dialogs do not use
    ``dc.state``, so one configuration serves every turn (docs/performance.md)."""
    registration = DialogsComponentRegistration()
    return DialogStateManagerConfiguration(path_resolvers=list(registration.get_path_resolvers()),
                                           memory_scopes=list(registration.get_memory_scopes()))


class ProfileSource(Protocol):
    async def profile_for(self, activity: Activity) -> Profile: ...


class SafetyResponder(Protocol):
    def __call__(self, concern: Concern, profile: Profile, kb: KnowledgeBase, offer_meldcode: bool = True) -> Activity:
        ...


Understander = Callable[[str, KnowledgeBase], Understanding]


class WijkwijzerAgent(ActivityHandler):
    """Handles message and members-added activities for every channel alike."""

    def __init__(
        self,
        *,
        kb: KnowledgeBaseHolder,
        storage: Storage,
        signals: SignalSink,
        profiles: ProfileSource,
        registry: Registry,
        copy: CopyBook,
        safety_reply: SafetyResponder,
        understand: Understander = default_understand,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        metrics: Metrics | None = None,
        people: PeopleService | None = None,
        outbox: OutboxService | None = None,
        invite_valid_days: int = 14,
        idle: timedelta = DEFAULT_IDLE,
        console: ConsoleLinks | None = None,
        report_threshold: int = 5,
        turn_lock: TurnLock | None = None,
    ) -> None:
        self.kb = kb
        self.storage = storage
        self.signals = signals
        self.profiles = profiles
        self.registry = registry
        self.copy = copy.section("agent", AgentCopy)
        self.safety_reply = safety_reply
        self.understand = understand
        self.clock = clock
        self.metrics = metrics
        self.people = people
        self.outbox = outbox
        self.invite_valid_days = invite_valid_days
        self.idle = idle
        self.console = console
        self.report_threshold = report_threshold
        self.turn_lock = turn_lock
        self.dialogs: dict[str, WijkwijzerDialog] = {dialog.id: dialog for dialog in registry.dialogs}
        self.dialog_memory = dialog_memory()

    async def on_turn(self, turn_context: TurnContextProtocol[Activity]) -> None:
        """The turn, as the only one of its conversation at this moment (in any process): two turns
        of one conversation at once would both load its state, and one of them would be lost."""
        conversation = turn_context.activity.conversation
        if self.turn_lock is None or conversation is None or not conversation.id:
            await super().on_turn(turn_context)
            return
        async with self.turn_lock.hold(f"{turn_context.activity.channel_id}/conversations/{conversation.id}"):
            await super().on_turn(turn_context)

    def welcome(self) -> Activity:
        """What a new conversation gets first (also sent by channels when the bot is added)."""
        return reply(self.copy.welcome, list(self.copy.examples))

    async def on_members_added_activity(self, members_added: list[ChannelAccount],
                                        turn_context: TurnContextProtocol[Activity]) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(member.id != bot_id for member in members_added):
            await turn_context.send_activity(self.welcome())

    async def on_message_activity(self, turn_context: TurnContextProtocol[Activity]) -> None:
        context = cast(TurnContext, turn_context)  # the adapters run every turn with the SDK's TurnContext
        text = capped(context.activity.text).strip()
        if not text:
            await context.send_activity(reply(self.copy.only_text))
            return
        with one_scan_per_text():
            await self._message(context, text)

    async def _message(self, context: TurnContext, text: str) -> None:
        started = time.perf_counter()
        kb = self.kb.current
        now = self.clock()
        profile = await self.profiles.profile_for(context.activity)
        state = ConversationState(self.storage)
        dc = await self._dialog_context(state, context)
        memory_property = state.create_property("memory")
        memory = _memory(await memory_property.get(context, dict))
        first, *more = self._questions(text, kb) if dc.active_dialog is None else [text]
        understanding = in_context(self.understand(first, kb), memory, profile, kb, now, self.idle)
        request = Request(text=first, understanding=understanding, now=now,
                          command=None if more else self.registry.command(text, profile), concern=assess(text),
                          message=_message_key(context.activity))
        svc = TurnServices(kb=kb, profile=profile, request=request, signals=self.signals, people=self.people,
                           outbox=self.outbox, memory=memory, invite_valid_days=self.invite_valid_days,
                           idle=self.idle, state_key=state.get_storage_key(context), console=self.console,
                           report_threshold=self.report_threshold)
        context.turn_state[SERVICES_KEY] = svc
        log.info("turn channel=%s intent=%s", context.activity.channel_id, understanding.intent)
        remembered = memory.last_lookup
        await self._run(dc, svc)
        for question in more:  # "2 vragen: …": each after the one before, as long as none asks back
            if dc.active_dialog is not None:
                break
            svc.request = replace(request, text=question, concern=None,
                                  understanding=in_context(self.understand(question, kb), memory, profile, kb, now,
                                                           self.idle))
            await dc.begin_dialog(self.registry.dialog_for(svc.request))
        if memory.last_lookup is remembered and request.command is None and understanding.intent in ("route", "glossary"):
            remember_place(memory, understanding, kb, now)
        if not svc.erase_conversation:
            await self._after_turn(dc, svc)
            await memory_property.set(context, _memory_json(memory))
            await state.save(context)
        if self.metrics:
            self.metrics.turn(context.activity.channel_id or "", understanding.intent, time.perf_counter() - started)

    def _questions(self, text: str, kb: KnowledgeBase) -> list[str]:
        """The lookups one message asks together, each naming what it asks for ("wie is de smw van
        het spoorwiel en welke scholen in laak hebben nt2"); the message itself otherwise."""
        parts = question_parts(text)
        if len(parts) < 2:
            return [text]
        read = [(part, self.understand(part, kb)) for part in parts]
        asked = [(part, u) for part, u in read if u.intent != "greeting"]  # "morgen! 3 dingen: …"
        if len(asked) > 1 and all(u.intent in LOOKUP_KEYS and u.entities.get(LOOKUP_KEYS[u.intent]) for _, u in asked):
            return [part for part, _ in asked]
        return [text]

    async def _dialog_context(self, state: ConversationState, turn_context: TurnContext) -> DialogContext:
        dialog_set = DialogSet(state.create_property("dialogs"))
        for dialog in self.dialogs.values():
            dialog_set.add(dialog)
        await state.load(turn_context)
        turn_context.turn_state[DialogStateManagerConfiguration.__name__] = self.dialog_memory
        return await dialog_set.create_context(turn_context)

    async def _run(self, dc: DialogContext, svc: TurnServices) -> None:
        request = svc.request
        pending = pending_of(dc) if dc.active_dialog is not None else None
        decision = decide(pending, request, self.idle)
        if request.concern is not None and not (decision is Decision.ANSWER and pending and pending.safety):
            await self._safety_first(dc, svc, request.concern)
        if decision is Decision.CANCEL and dc.active_dialog is not None:
            await self._cancel(dc)
            return
        if decision is Decision.ASIDE:
            await dc.begin_dialog(self.registry.dialog_for(request))  # on top: the pending dialog resumes waiting
            return
        if decision is Decision.ANSWER and dc.active_dialog is not None:
            result: DialogTurnResult = await dc.continue_dialog()  # type: ignore[no-untyped-call]  # SDK unannotated
            if not _redirected(result):
                return
        if decision is Decision.NEW and dc.active_dialog is not None and interrupt(dc):
            await dc.begin_dialog(self.registry.dialog_for(request))  # on top: the question waits beneath
            return
        if dc.active_dialog is not None:
            await dc.cancel_all_dialogs()
        await dc.begin_dialog(self.registry.dialog_for(request))

    async def _safety_first(self, dc: DialogContext, svc: TurnServices, concern: Concern) -> None:
        """The general safety reply, before anything else — unless the meldcode's own question
        was answered (the route then says what to do)."""
        understanding = svc.understanding
        meldcode_follows = understanding.intent == "route" and understanding.entities.get("route") == "meldcode"
        await dc.context.send_activity(self.safety_reply(concern, svc.profile, svc.kb,
                                                         offer_meldcode=not meldcode_follows))

    async def _cancel(self, dc: DialogContext) -> None:
        active = dc.active_dialog
        dialog = self.dialogs.get(active.id or "") if active is not None else None
        if dialog is None or not await dialog.stopped(dc):
            await dc.context.send_activity(reply(self.copy.cancelled))
        await dc.cancel_all_dialogs()

    async def _after_turn(self, dc: DialogContext, svc: TurnServices) -> None:
        if dc.active_dialog is not None:
            return
        conversation = dc.context.activity.conversation
        in_group = bool(conversation and conversation.is_group)
        for dialog_id, applies in self.registry.after_turn:
            if applies(svc, in_group):
                await dc.begin_dialog(dialog_id)
                return


def _message_key(activity: Activity) -> str | None:
    """The message's identity across deliveries and re-runs, when its channel gives it an id."""
    conversation = activity.conversation.id if activity.conversation else None
    if not activity.id or not conversation:
        return None
    return f"{activity.channel_id}/{conversation}/{activity.id}"


def _redirected(result: DialogTurnResult) -> bool:
    """The dialog gave the message back (it is a new request), or there was no dialog after all."""
    return result.status == DialogTurnStatus.Empty or (
        result.status == DialogTurnStatus.Complete and result.result == REDIRECT)


def _memory(data: Any) -> Memory:
    data = data if isinstance(data, dict) else {}
    return Memory(last_lookup=LastLookup.from_json(data.get("last_lookup")),
                  last_shown=LastShown.from_json(data.get("last_shown")))


def _memory_json(memory: Memory) -> dict[str, Any]:
    return {"last_lookup": memory.last_lookup.to_json() if memory.last_lookup else None,
            "last_shown": memory.last_shown.to_json() if memory.last_shown else None}
