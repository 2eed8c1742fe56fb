"""For adviseurs and beheerders: write an announcement (text → wijken → roles → preview with the
recipient count → versturen/annuleren), ask its delivery status, and create invite codes.
Beheerders also list users and change roles.

Announcement text is the author's own: it is sent as they typed it, rendered literally by each
channel (``replies.announcement``), checked for length and for personal data about a child.
"""

from __future__ import annotations

import re
from datetime import timedelta

from microsoft_agents.hosting.dialogs import Dialog, DialogContext, DialogTurnResult

from wijkwijzer.core.privacy import describe, find_personal_data
from wijkwijzer.core.replies import announcement, reply
from wijkwijzer.core.services import services
from wijkwijzer.dialogs.account import ROLE_LABELS, area_names
from wijkwijzer.dialogs.common import STOP, pick_option, said
from wijkwijzer.dialogs.signal import allowed_words
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.store.outbox import MAX_TEXT, Audience

ANNOUNCE_DIALOG = "announce"
ROLE_CHOICES = {"Alleen IB'ers": ("ib",), "Alleen adviseurs": ("adviseur", "beheerder"), "Iedereen": ()}
CONFIRM = ("Versturen", "Annuleren")
ALL_WIJKEN = ("alle wijken", "alle", "iedereen", "overal", "alles")
_PREFIX = re.compile(r"^\s*(nieuwe?\s+)?aankondiging\s*[:\-]\s*", re.IGNORECASE)
STATE_LABELS = (
    ("read", "gelezen"), ("delivered", "afgeleverd (nog niet gelezen)"), ("sent", "verstuurd"),
    ("waiting", "in de wachtrij"), ("failed", "mislukt"), ("cancelled", "geannuleerd"),
)
MAX_INVITES = 50
ONLY_ADVISEURS = "Aankondigingen en aanmeldcodes zijn voor adviseurs van het samenwerkingsverband."


def related_areas(kb: KnowledgeBase, chosen: list[str]) -> tuple[str, ...]:
    """An announcement for an area reaches subscribers of that area, of every area inside it, and
    of the areas around it (someone subscribed to all of Den Haag wants Ypenburg's news too)."""
    found: set[str] = set()
    for area_id in chosen:
        area = kb.areas[area_id]
        found.add(area_id)
        found.update(a.id for a in kb.areas.values()
                     if a.deel == area_id or (area.soort == "gemeente" and a.gemeente == area.naam))
        if area.deel:
            found.add(area.deel)
        if area.soort != "gemeente":
            found.update(a.id for a in kb.areas.values() if a.soort == "gemeente" and a.naam == area.gemeente)
    return tuple(sorted(found))


def areas_in(kb: KnowledgeBase, text: str) -> list[str]:
    mentions = kb.resolver.scan(text, kinds=("wijk", "gemeente"))
    return list(dict.fromkeys(m.best.id for m in mentions if m.best.id in kb.areas))


def audience_label(kb: KnowledgeBase, wijken: list[str], roles_label: str) -> str:
    who = {"Alleen IB'ers": "IB'ers", "Alleen adviseurs": "adviseurs", "Iedereen": "iedereen"}[roles_label]
    return f"{who} in {area_names(kb, wijken)}" if wijken else f"{who} in alle wijken"


class AnnounceDialog(Dialog):
    """State: ``text``, ``wijken`` (chosen area ids; empty = all), ``roles`` (a ROLE_CHOICES label)."""

    def __init__(self) -> None:
        super().__init__(ANNOUNCE_DIALOG)

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        svc = services(dc.context)
        if not svc.profile.sees_reports or svc.outbox is None:
            await dc.context.send_activity(reply(ONLY_ADVISEURS))
            return await dc.end_dialog()
        opts = options if isinstance(options, dict) else {}
        dc.active_dialog.state.update({"pending": "text", "text": None, "wijken": None, "roles": None, "choices": []})
        match = _PREFIX.match(opts.get("text", ""))
        if match and opts["text"][match.end():].strip():
            return await self._take_text(dc, opts["text"][match.end():].strip())
        await dc.context.send_activity(reply(
            f"Wat is je bericht? Typ het zoals de ontvangers het lezen (maximaal {MAX_TEXT} tekens). "
            "De eerste regel is de titel."))
        return Dialog.end_of_turn

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        state = dc.active_dialog.state
        text = (dc.context.activity.text or "").strip()
        if said(text, STOP) or (state["pending"] == "confirm" and pick_option(text, CONFIRM) == 1):
            await dc.context.send_activity(reply("Oké, de aankondiging is niet verstuurd."))
            return await dc.end_dialog()
        if state["pending"] == "text":
            return await self._take_text(dc, text)
        if state["pending"] == "wijken":
            return await self._take_wijken(dc, text)
        if state["pending"] == "roles":
            index = pick_option(text, list(ROLE_CHOICES))
            if index is None:
                await dc.context.send_activity(reply("Voor wie is het bericht?", list(ROLE_CHOICES)))
                return Dialog.end_of_turn
            state["roles"] = list(ROLE_CHOICES)[index]
            return await self._preview(dc)
        if pick_option(text, CONFIRM) == 0:
            return await self._send(dc)
        await dc.context.send_activity(reply("Wil je de aankondiging versturen?", CONFIRM))
        return Dialog.end_of_turn

    async def _take_text(self, dc: DialogContext, text: str) -> DialogTurnResult:
        svc = services(dc.context)
        state = dc.active_dialog.state
        if len(text) > MAX_TEXT:
            await dc.context.send_activity(reply(
                f"Je bericht is {len(text)} tekens; het mag er maximaal {MAX_TEXT} zijn. Maak het korter en stuur het "
                "opnieuw."))
            return Dialog.end_of_turn
        findings = find_personal_data(text, allowed_words(svc.kb))
        if findings:
            await dc.context.send_activity(reply(
                f"Je bericht bevat {describe(findings)}. Zet geen gegevens over een kind in een aankondiging. "
                "Pas het aan en stuur het opnieuw."))
            return Dialog.end_of_turn
        state.update({"text": text, "pending": "wijken"})
        await dc.context.send_activity(reply("Voor welke wijken? Bijvoorbeeld 'Ypenburg, Escamp' of 'alle wijken'.",
                                             ["Alle wijken"]))
        return Dialog.end_of_turn

    async def _take_wijken(self, dc: DialogContext, text: str) -> DialogTurnResult:
        svc = services(dc.context)
        state = dc.active_dialog.state
        wijken = [] if said(text, ALL_WIJKEN) else areas_in(svc.kb, text)
        if not wijken and not said(text, ALL_WIJKEN):
            await dc.context.send_activity(reply("Die wijk ken ik niet. Noem een of meer wijken, of kies 'Alle wijken'.",
                                                 ["Alle wijken"]))
            return Dialog.end_of_turn
        state.update({"wijken": wijken, "pending": "roles"})
        await dc.context.send_activity(reply("Voor wie is het bericht?", list(ROLE_CHOICES)))
        return Dialog.end_of_turn

    def _audience(self, dc: DialogContext) -> Audience:
        svc = services(dc.context)
        state = dc.active_dialog.state
        wijken = related_areas(svc.kb, state["wijken"]) if state["wijken"] else ()
        return Audience(wijken=wijken, roles=ROLE_CHOICES[state["roles"]])

    async def _preview(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        state = dc.active_dialog.state
        count = await svc.outbox.count_recipients(self._audience(dc))
        label = audience_label(svc.kb, state["wijken"], state["roles"])
        if count == 0:
            state["pending"] = "wijken"
            await dc.context.send_activity(reply(
                f"Er is nog niemand aangemeld bij {label}. Kies andere wijken, of typ 'stop'.", ["Alle wijken"]))
            return Dialog.end_of_turn
        state["pending"] = "confirm"
        await dc.context.send_activity(reply("Zo ziet je aankondiging eruit:"))
        await dc.context.send_activity(announcement(state["text"]))
        people = "1 persoon" if count == 1 else f"{count} personen"
        await dc.context.send_activity(reply(f"Dit gaat naar {people} ({label}). Versturen?", CONFIRM))
        return Dialog.end_of_turn

    async def _send(self, dc: DialogContext) -> DialogTurnResult:
        svc = services(dc.context)
        created = await svc.outbox.create(created_by=svc.profile.user_id, text_=dc.active_dialog.state["text"],
                                          audience=self._audience(dc))
        people = "1 persoon" if created.recipients == 1 else f"{created.recipients} personen"
        await dc.context.send_activity(reply(
            f"Verstuurd: aankondiging {created.id} gaat naar {people}. "
            "Typ 'status aankondiging' om te zien hoe het gaat."))
        return await dc.end_dialog()


# --- status ---------------------------------------------------------------------------------


async def status(dc: DialogContext, number: int | None) -> None:
    svc = services(dc.context)
    send = dc.context.send_activity
    if not svc.profile.sees_reports or svc.outbox is None:
        await send(reply(ONLY_ADVISEURS))
        return
    found = await (svc.outbox.get(number) if number else svc.outbox.latest_by(svc.profile.user_id))
    if found is None or (found.created_by != svc.profile.user_id and svc.profile.role != "beheerder"):
        await send(reply("Ik vind geen aankondiging van jou" + (f" met nummer {number}." if number else ".")))
        return
    await send(reply(status_text(await svc.outbox.status(found.id))))


def status_text(status) -> str:
    item = status.announcement
    counts = dict(status.counts)
    counts["waiting"] = status.waiting
    lines = [f"Aankondiging {item.id} '{item.title}' ({item.created_at:%d-%m %H:%M} UTC), "
             f"{item.recipients} ontvangers:"]
    lines += [f"• {label}: {counts[key]}" for key, label in STATE_LABELS if counts.get(key)]
    lines += [f"  – {reason}: {n}" for reason, n in status.failures.most_common(5)]
    if not item.recipients:
        lines.append("Er waren geen ontvangers.")
    return "\n".join(lines)


# --- invite codes ---------------------------------------------------------------------------


async def create_invites(dc: DialogContext, text: str, valid_days: int) -> None:
    svc = services(dc.context)
    send = dc.context.send_activity
    if not svc.profile.sees_reports or svc.people is None:
        await send(reply(ONLY_ADVISEURS))
        return
    role = next((r for r in ("beheerder", "adviseur") if re.search(rf"\b{r}s?\b", text, re.IGNORECASE)), "ib")
    if role != "ib" and svc.profile.role != "beheerder":
        await send(reply("Alleen een beheerder maakt codes voor adviseurs of beheerders. Ik kan wel codes voor "
                         "IB'ers maken."))
        return
    mentions = svc.kb.resolver.scan(text, kinds=("school", "wijk"))
    school = next((m.best.id for m in mentions if m.best.kind == "school"), None)
    wijk = svc.kb.schools[school].wijk if school else next((m.best.id for m in mentions if m.best.kind == "wijk"), None)
    if role == "ib" and not school and not wijk:
        await send(reply("Voor welke school is de code? Bijvoorbeeld: 'aanmeldcode voor De Vliegerwolk'."))
        return
    count_match = re.search(r"\b(\d{1,3})\b", text)
    count = min(int(count_match.group(1)), MAX_INVITES) if count_match else 1
    made = await svc.people.create_invites(role=role, school=school, wijk=wijk, count=max(count, 1),
                                           valid_for=timedelta(days=valid_days), created_by=svc.profile.user_id)
    where = school or (area_names(svc.kb, [wijk]) if wijk else "het samenwerkingsverband")
    codes = "\n".join(invite.code for invite in made)
    plural = "Aanmeldcodes" if len(made) > 1 else "Aanmeldcode"
    await send(reply(
        f"{plural} voor een {ROLE_LABELS[role]} van {where}, geldig tot {made[0].expires_at:%d-%m-%Y}:\n{codes}\n"
        f"Elke code werkt één keer. Stuur op WhatsApp: aanmelden {made[0].code}"))


# --- users and roles (beheerder) ------------------------------------------------------------


async def list_users(dc: DialogContext) -> None:
    svc = services(dc.context)
    if svc.profile.role != "beheerder" or svc.people is None:
        await dc.context.send_activity(reply("Het overzicht van gebruikers is alleen voor beheerders."))
        return
    users = await svc.people.all()
    lines = [f"{u.id}. {u.display_name or 'naamloos'} – {ROLE_LABELS[u.role]}, {u.school or u.wijk or 'geen school'}, "
             f"{u.channel}" for u in users[:50]]
    more = f"\n… en nog {len(users) - 50}." if len(users) > 50 else ""
    head = f"{len(users)} aangemelde gebruikers:" if users else "Er is nog niemand aangemeld."
    await dc.context.send_activity(reply("\n".join([head, *lines]) + more + "\nRol wijzigen: 'rol 12 adviseur'."))


async def change_role(dc: DialogContext, number: int, role: str) -> None:
    svc = services(dc.context)
    if svc.profile.role != "beheerder" or svc.people is None:
        await dc.context.send_activity(reply("Alleen een beheerder kan rollen wijzigen."))
        return
    changed = await svc.people.set_role(number, role, actor=svc.profile.user_id)
    text = (f"Gebruiker {number} is nu {ROLE_LABELS[role]}." if changed
            else f"Gebruiker {number} bestaat niet. Typ 'gebruikers' voor het overzicht.")
    await dc.context.send_activity(reply(text))
