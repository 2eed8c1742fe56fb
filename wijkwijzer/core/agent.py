"""The Wijkwijzer agent: one turn = understand the message, continue or start a dialog, reply.

State is loaded and saved per turn through a ConversationState built for that turn: the SDK's
AgentState caches the loaded state on the instance, so one shared instance would mix up
concurrent turns of different conversations.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from microsoft_agents.activity import Activity, ChannelAccount
from microsoft_agents.hosting.core import ActivityHandler, ConversationState, Storage, TurnContext
from microsoft_agents.hosting.dialogs import DialogContext, DialogsComponentRegistration, DialogSet, DialogTurnStatus
from microsoft_agents.hosting.dialogs.memory import DialogStateManagerConfiguration

from wijkwijzer.core import texts
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.core.replies import announcement, reply
from wijkwijzer.core.services import SERVICES_KEY, Profile, SignalSink, TurnServices
from wijkwijzer.core.understanding import understand as default_understand
from wijkwijzer.dialogs import account, announce
from wijkwijzer.dialogs.account import FORGET_DIALOG, ONBOARDING_DIALOG, ForgetDialog, OnboardingDialog
from wijkwijzer.dialogs.announce import ANNOUNCE_DIALOG, AnnounceDialog
from wijkwijzer.dialogs.common import REDIRECT
from wijkwijzer.dialogs.expertise import EXPERTISE_DIALOG, ExpertiseDialog
from wijkwijzer.dialogs.glossary import GLOSSARY_DIALOG, GlossaryDialog
from wijkwijzer.dialogs.partner import PARTNER_DIALOG, PartnerDialog
from wijkwijzer.dialogs.route import ROUTE_DIALOG, RouteDialog
from wijkwijzer.dialogs.signal import SIGNAL_DIALOG, THEMA_LABELS, SignalDialog
from wijkwijzer.knowledge.loader import KnowledgeBase, KnowledgeBaseHolder
from wijkwijzer.knowledge.text import normalize

log = logging.getLogger(__name__)

INTENT_DIALOGS = {
    "partner_lookup": PARTNER_DIALOG,
    "expertise_lookup": EXPERTISE_DIALOG,
    "route": ROUTE_DIALOG,
    "glossary": GLOSSARY_DIALOG,
    "signal": SIGNAL_DIALOG,
}


COMMANDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
    ("forget", r"\b(verwijder|wis|vergeet|delete)\b.{0,20}\b(mijn|m'n|mn)\b.{0,12}\b(gegevens|data|account|aanmelding)\b"),
    ("status", r"\bstatus\b.{0,20}\baankondiging(en)?\b(?:\s*(?:nr\.?|nummer)?\s*(?P<number>\d+))?"),
    ("status", r"\baankondiging\s*(?P<number>\d+)?\s*status\b"),
    ("invite", r"\b(maak|maken|nieuwe?|aanmaken|genereer|geef)\b.{0,30}\b(aanmeldcodes?|uitnodigings?codes?|codes?)\b"),
    ("invite", r"^\s*(aanmeldcodes?|uitnodigingscodes?)\b(?!.*\d.*-)"),
    ("users", r"^\s*(gebruikers|toon gebruikers|wie zijn (er )?aangemeld)\s*\??\s*$"),
    ("role", r"^\s*rol\s+(?P<number>\d+)\s+(?P<role>ib|adviseur|beheerder)\s*$"),
    ("resume", account.RESUME.pattern),
))
ADVISEUR_COMMANDS = frozenset({"invite", "status"})
QUIET_INTENTS = frozenset({"unknown", "greeting", "thanks"})


def command_of(text: str, profile: Profile) -> tuple[str, re.Match[str]] | None:
    """Account commands that are no intent of the language contract ('verwijder mijn gegevens',
    'status aankondiging', 'rol 12 adviseur'). Adviseur commands only for adviseurs, so a guest
    asking 'aanmeldcode?' still gets the registration help."""
    for name, pattern in COMMANDS:
        match = pattern.search(text)
        if match and (name not in ADVISEUR_COMMANDS or profile.sees_reports):
            return name, match
    return None


def dialog_memory() -> DialogStateManagerConfiguration:
    """The dialogs' memory scopes and path resolvers, built once.

    Every DialogContext gets a DialogStateManager, which builds these ~15 objects anew unless the
    turn state already holds a configuration (the SDK's own cache within one turn): ~20-60 µs,
    up to 4 % of a Teams turn. They keep nothing between calls, and our dialogs do not use
    ``dc.state``, so one configuration serves every turn."""
    registration = DialogsComponentRegistration()
    return DialogStateManagerConfiguration(path_resolvers=list(registration.get_path_resolvers()),
                                           memory_scopes=list(registration.get_memory_scopes()))


class ProfileSource(Protocol):
    async def profile_for(self, activity: Activity) -> Profile: ...


class WijkwijzerAgent(ActivityHandler):
    """Handles message and members-added activities for every channel alike."""

    def __init__(
        self,
        *,
        kb: KnowledgeBaseHolder,
        storage: Storage,
        signals: SignalSink,
        profiles: ProfileSource,
        understand: Callable[[str, KnowledgeBase], Any] = default_understand,
        today: Callable[[], date] = date.today,
        metrics: Metrics | None = None,
        people: Any = None,
        outbox: Any = None,
        invite_valid_days: int = 14,
    ) -> None:
        self.kb = kb
        self.storage = storage
        self.signals = signals
        self.profiles = profiles
        self.understand = understand
        self.today = today
        self.metrics = metrics
        self.people = people
        self.outbox = outbox
        self.invite_valid_days = invite_valid_days
        self.dialogs = (PartnerDialog(), ExpertiseDialog(), RouteDialog(), GlossaryDialog(), SignalDialog(),
                        OnboardingDialog(), ForgetDialog(), AnnounceDialog())
        self.dialog_memory = dialog_memory()

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(member.id != bot_id for member in members_added):
            await turn_context.send_activity(reply(texts.WELCOME, texts.EXAMPLES))

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        text = (turn_context.activity.text or "").strip()
        if not text:
            await turn_context.send_activity(reply(texts.ONLY_TEXT))
            return
        started = time.perf_counter()
        kb = self.kb.current
        understanding = self.understand(text, kb)
        profile = await self.profiles.profile_for(turn_context.activity)
        turn_context.turn_state[SERVICES_KEY] = TurnServices(
            kb=kb, profile=profile, understanding=understanding, understand=self.understand,
            signals=self.signals, today=self.today(), people=self.people, outbox=self.outbox,
        )
        log.info("turn channel=%s intent=%s", turn_context.activity.channel_id, understanding.intent)
        if await self._show_full_announcements(turn_context, profile) and understanding.intent in QUIET_INTENTS:
            return
        state = ConversationState(self.storage)
        dc = await self._dialog_context(state, turn_context)
        memory = await state.create_property("memory").get(turn_context, dict) or {}
        await self._run(dc, understanding, memory, text)
        await state.create_property("memory").set(turn_context, memory)
        await state.save(turn_context)
        if self.metrics:
            self.metrics.turn(turn_context.activity.channel_id or "", understanding.intent, time.perf_counter() - started)

    async def _show_full_announcements(self, turn_context: TurnContext, profile: Profile) -> bool:
        """Announcements that reached this person only as a template (outside WhatsApp's 24-hour
        window) are shown in full on their next message. Templates go only to people with an
        address (a phone number), so everyone else is spared the query on every turn."""
        if self.outbox is None or profile.number is None or profile.address is None:
            return False
        unread = await self.outbox.unread_full_texts(profile.number)
        for item in unread:
            await turn_context.send_activity(announcement(item.text))
        if unread:
            await self.outbox.mark_full_text_shown(profile.number, [item.id for item in unread])
        return bool(unread)

    async def _dialog_context(self, state: ConversationState, turn_context: TurnContext) -> DialogContext:
        dialog_set = DialogSet(state.create_property("dialogs"))
        for dialog in self.dialogs:
            dialog_set.add(dialog)
        await state.load(turn_context)
        turn_context.turn_state[DialogStateManagerConfiguration.__name__] = self.dialog_memory
        return await dialog_set.create_context(turn_context)

    @staticmethod
    def _answers_current_question(dc: DialogContext, text: str) -> bool:
        """The message is one of the choices the active dialog just offered ('Nee, annuleren')."""
        state = dc.active_dialog.state if dc.active_dialog else {}
        choices = list(state.get("choices") or [])
        step = dc.context.turn_state[SERVICES_KEY].kb.steps.get(state.get("step", ""))
        if step is not None:
            choices += [option.label for option in step.opties]
        return normalize(text) in {normalize(choice) for choice in choices}

    async def _run(self, dc: DialogContext, understanding: Any, memory: dict, text: str) -> None:
        if (dc.active_dialog is not None and understanding.intent == "cancel"
                and dc.active_dialog.id != ONBOARDING_DIALOG and not self._answers_current_question(dc, text)):
            await dc.cancel_all_dialogs()
            await dc.context.send_activity(reply(texts.CANCELLED))
            return
        result = await dc.continue_dialog()
        if result.status == DialogTurnStatus.Empty or (
            result.status == DialogTurnStatus.Complete and result.result == REDIRECT
        ):
            result = await self._dispatch(dc, understanding, memory, text)
        if result is not None and result.status == DialogTurnStatus.Complete and isinstance(result.result, dict):
            memory.update(result.result)
        await self._ask_school_once(dc)

    @staticmethod
    async def _ask_school_once(dc: DialogContext) -> None:
        """A person registered on first contact is asked for their school once, after their
        first question was answered and no other dialog waits for an answer. Only in a one-to-one
        conversation: in a group the next message, from anyone, would be taken as the answer."""
        profile = dc.context.turn_state[SERVICES_KEY].profile
        conversation = dc.context.activity.conversation
        in_group = bool(conversation and conversation.is_group)
        if profile.registered and not profile.onboarded and dc.active_dialog is None and not in_group:
            await dc.begin_dialog(ONBOARDING_DIALOG)

    async def _dispatch(self, dc: DialogContext, understanding: Any, memory: dict, text: str):
        svc: TurnServices = dc.context.turn_state[SERVICES_KEY]
        command = command_of(text, svc.profile)
        if command is not None:
            return await self._command(dc, *command)
        intent = understanding.intent
        if intent == "cancel" and normalize(text) == "stop" and svc.profile.registered:
            intent = "unsubscribe"
        if intent in ("register", "subscribe", "unsubscribe"):
            await self._account(dc, intent, understanding.entities, text)
            return None
        if intent == "announce":
            return await dc.begin_dialog(ANNOUNCE_DIALOG, {"text": text})
        options = {**understanding.entities, "ambiguous": dict(understanding.ambiguous), "text": text}
        if intent == "partner_lookup":
            options = self._carry_over(options, memory.get("last_lookup"))
        if intent == "route":
            options = self._route_options(dc, understanding, text)
        if intent in INTENT_DIALOGS:
            return await dc.begin_dialog(INTENT_DIALOGS[intent], options)
        await self._simple_reply(dc, intent, understanding)
        return None

    async def _command(self, dc: DialogContext, name: str, match: re.Match[str]):
        number = match.groupdict().get("number")
        if name == "forget":
            return await dc.begin_dialog(FORGET_DIALOG)
        if name == "status":
            await announce.status(dc, int(number) if number else None)
        elif name == "invite":
            await announce.create_invites(dc, dc.context.activity.text or "", self.invite_valid_days)
        elif name == "users":
            await announce.list_users(dc)
        elif name == "role":
            await announce.change_role(dc, int(number), match.group("role").lower())
        elif name == "resume":
            await account.resume(dc)
        return None

    @staticmethod
    async def _account(dc: DialogContext, intent: str, entities: dict, text: str) -> None:
        if intent == "register":
            await account.register(dc, text)
        elif intent == "subscribe":
            await account.subscriptions(dc, entities)
        else:
            await account.unsubscribe(dc, entities)

    @staticmethod
    def _carry_over(options: dict, last: dict | None) -> dict:
        """'en voor Ypenburg?' / 'en de jgz?': fill what this question leaves out from the last lookup."""
        if not last:
            return options
        has_place = any(options.get(k) for k in ("wijk", "school", "gemeente", "postcode")) or options["ambiguous"]
        if not options.get("rol"):
            options["rol"] = last.get("rol")
        if not has_place and last.get("place"):
            options["place"] = last["place"]
        return options

    @staticmethod
    def _route_options(dc: DialogContext, understanding: Any, text: str) -> dict:
        """An entry keyword of route.yaml ('thuiszitter', 'meldcode') starts that route; another
        glossary term ('tlv') jumps to its step; otherwise the route the message names."""
        kb: KnowledgeBase = dc.context.turn_state[SERVICES_KEY].kb
        words = f" {normalize(text)} "
        for entry in kb.entries.values():
            if any(f" {normalize(word)} " in words for word in entry.trefwoorden if entry.route != "algemeen"):
                return {"route": entry.route}
        term = next((t for t in kb.terms if t.term == understanding.entities.get("begrip")), None)
        if term and term.route_stap:
            return {"step": term.route_stap}
        return {"route": understanding.entities.get("route") or "algemeen"}

    async def _simple_reply(self, dc: DialogContext, intent: str, understanding: Any) -> None:
        svc: TurnServices = dc.context.turn_state[SERVICES_KEY]
        if intent == "signal_report":
            await dc.context.send_activity(await self._report(svc))
        elif intent in texts.SIMPLE:
            text, choices = texts.SIMPLE[intent]
            await dc.context.send_activity(reply(text, choices))
        else:
            await dc.context.send_activity(reply(texts.unknown(svc.kb, dc.context.activity.text or ""), texts.EXAMPLES))

    async def _report(self, svc: TurnServices) -> Activity:
        if not svc.profile.sees_reports:
            return reply(texts.REPORT_ONLY_ADVISEURS)
        counts = await self.signals.signal_counts()
        if not counts:
            return reply("Er zijn nog geen signalen.")
        lines = ["Signalen per wijk en thema:"]
        for row in counts:
            area = svc.kb.areas.get(row.wijk)
            where = area.naam if area else "onbekende wijk"
            urgent = f" (waarvan {row.hoog} hoog)" if row.hoog else ""
            lines.append(f"{where} – {THEMA_LABELS.get(row.thema, row.thema)}: {row.count}{urgent}")
        return reply("\n".join(lines))
