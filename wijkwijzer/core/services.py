"""What the agent hands to dialogs for one turn: the knowledge snapshot, who is talking, the
request (the message and what it means), the conversation's memory and the stores, each behind
a small protocol. Dialogs read these; they never ask which channel they are on.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, ClassVar, Protocol

from microsoft_agents.hosting.core import TurnContext

from wijkwijzer.core.safety import Concern
from wijkwijzer.core.understanding import Understanding
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.vocabulary import RESIDENCE_ROLES
from wijkwijzer.store.erasure import Erased
from wijkwijzer.store.outbox import Announcement, Audience, Status
from wijkwijzer.store.people import Invite, Redemption, User
from wijkwijzer.store.roles import UserRole
from wijkwijzer.store.signals import SignalFilter

SERVICES_KEY = "wijkwijzer.services"
GUEST = "gast"
"""The role of someone who is not registered (no user record, or an unknown tenant)."""


@dataclass(frozen=True)
class Profile:
    """Who is talking: a pseudonymous id, a role (``gast`` = not registered) and their wijk.

    ``channel`` and ``address`` say where the person can be reached (only stores use them);
    ``number`` is their user record's id; ``onboarded`` is False until the school was asked."""

    user_id: str
    role: str = GUEST
    wijk: str | None = None
    school: str | None = None
    channel: str = ""
    address: str | None = None
    number: int | None = None
    onboarded: bool = True

    @property
    def registered(self) -> bool:
        return self.role in UserRole.__members__.values()

    @property
    def sees_reports(self) -> bool:
        return self.role in (UserRole.ADVISEUR, UserRole.BEHEERDER)

    @property
    def is_beheerder(self) -> bool:
        return self.role == UserRole.BEHEERDER


@dataclass(frozen=True)
class CommandMatch:
    """An account command found in the message ('rol 12 adviseur'): its name and its groups."""

    name: str
    groups: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    """One message: its text (capped), what it means, a command and a safety concern in it."""

    text: str
    understanding: Understanding
    now: datetime
    command: CommandMatch | None = None
    concern: Concern | None = None
    message: str | None = None
    """Which message this is (channel, conversation and the channel's message id), when the
    channel gives it an id: the same message delivered or run again has the same ``message``."""


@dataclass
class LastLookup:
    """What the last answer was about, for follow-ups ('en de jgz?', 'zelfde voor rijswijk',
    'wie is daar de ib'er', 'hoe vraag ik die aan'): the intent, and the role, area or school,
    expertise, signal thema or glossary term it answered."""

    intent: str
    at: datetime
    rol: str | None = None
    area: str | None = None
    school: str | None = None
    expertise: str | None = None
    thema: str | None = None
    begrip: str | None = None
    school_area: str | None = None
    """Where the pupil's school is, when the message named that place besides where the pupil
    lives and no school by name ("kind woont in pijnacker, school staat in ypenburg")."""
    home: str | None = None
    """Where the pupil lives, when the conversation said so ("ll woont in rijswijk")."""
    functie: str | None = None
    """The function the question narrowed the role to ("jeugdarts" of the JGZ), for "zelfde voor …"."""
    also: tuple[str, ...] = ()
    """More roles the same question asked about ("smw en jgz voor moerwijk", "smw, jgz en lpa"),
    so "en voor bouwlust" answers them all again."""
    recent: tuple[str, ...] = ()
    """The roles answered for this same place just before ("adviseur transvaal", "en lpa"), so
    "nummers van allebei" shows them again."""
    others: tuple[tuple[str | None, str | None], ...] = ()
    """More places (area, school) the same question asked about ("smw voor moerwijk en bouwlust"),
    so "en de wijkagenten daar" asks about all of them."""

    FIELDS: ClassVar[tuple[str, ...]] = ("rol", "area", "school", "expertise", "thema", "begrip", "school_area",
                                         "home", "functie")

    def fresh(self, now: datetime, idle: timedelta) -> bool:
        return now - self.at <= idle

    def place_asked(self, intent: str, rol: str | None, that_school: bool = False) -> tuple[str | None, str | None]:
        """The area and school a question that names no place asks about. The school rather than
        the area when the message points at it ("wie is daar de ib'er"), no area was asked about, a
        partner question follows an expertise answer, or a role that goes by the school follows one
        that goes by where the pupil lives ("ll woont in wassenaar, wie is het jeugdteam" → "en de
        smw voor die ll"); in that last case the school's area when only that was named."""
        if rol in RESIDENCE_ROLES and self.home and self.rol not in RESIDENCE_ROLES and not that_school:
            return self.home, None  # back to where the pupil lives: "en lpa" after "en de smw"
        back_to_school = self.rol in RESIDENCE_ROLES and rol is not None and rol not in RESIDENCE_ROLES
        if self.school and (that_school or not self.area or back_to_school
                            or (self.intent == "expertise_lookup" and intent == "partner_lookup")):
            return self.area, self.school
        if back_to_school and self.school_area:
            return self.school_area, None
        return self.area, None

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.intent, "at": self.at.isoformat(), **{key: getattr(self, key) for key in self.FIELDS},
                "also": list(self.also), "recent": list(self.recent), "others": [list(other) for other in self.others]}

    @classmethod
    def from_json(cls, data: Any) -> LastLookup | None:
        if not isinstance(data, dict) or not isinstance(data.get("intent"), str):
            return None
        try:
            at = datetime.fromisoformat(str(data.get("at")))
        except ValueError:
            return None
        fields = {key: data[key] for key in cls.FIELDS if isinstance(data.get(key), str)}
        others = tuple((pair[0], pair[1]) for pair in data.get("others") or ()
                       if isinstance(pair, list) and len(pair) == 2 and all(v is None or isinstance(v, str) for v in pair))
        also, recent = (ids(data.get(key)) for key in ("also", "recent"))
        return cls(intent=data["intent"], at=at, others=others, also=also, recent=recent, **fields)


@dataclass(frozen=True)
class LastShown:
    """The last explanation shown: a glossary term (``kind`` 'begrip', its name) or a route step
    ('step', its id). A question about it ("moet dat binnen een bepaalde tijd?") is answered from it."""

    kind: str
    key: str
    at: datetime

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "key": self.key, "at": self.at.isoformat()}

    @classmethod
    def from_json(cls, data: Any) -> LastShown | None:
        if not isinstance(data, dict) or not all(isinstance(data.get(key), str) for key in ("kind", "key", "at")):
            return None
        try:
            return cls(kind=data["kind"], key=data["key"], at=datetime.fromisoformat(data["at"]))
        except ValueError:
            return None


@dataclass
class Memory:
    """What a conversation remembers between dialogs (kept in conversation state, as JSON)."""

    last_lookup: LastLookup | None = None
    last_shown: LastShown | None = None


class SignalSink(Protocol):
    async def save_signal(self, *, thema: str, wijk: str | None, urgency: str, text: str, reporter: str,
                          at: datetime | None = None, message: str | None = None) -> int:
        """Save a signal; a second one for the same ``message`` (a turn run again) is not stored."""
        ...

    def fingerprint(self, piece: str) -> str:
        """A keyed hash of a piece of personal data the signal refused: what the signal dialog keeps
        (while it asks again) to refuse a rephrase that still carries it, never the piece itself."""
        ...


    async def signal_per_thema(self, where: SignalFilter) -> dict[str, int]: ...


class ConsoleLinks(Protocol):
    """Login links for the console (app/console)."""

    async def login_url(self, user_id: str) -> str | None:
        """A fresh single-use link for the registered person ``user_id``; None when the console has
        no public address; LookupError when the person has no user record or may not use it."""
        ...


class PeopleService(Protocol):
    async def get(self, user_id: str) -> User | None: ...

    async def all(self) -> list[User]: ...

    async def redeem(self, text: str, *, user_id: str, channel: str, address: str | None,
                     display_name: str | None = None) -> Redemption: ...

    async def finish_onboarding(self, user: User, *, school: str | None, wijk: str | None) -> None: ...

    async def set_role(self, number: int, role: str, actor: str) -> User | None: ...

    async def forget(self, user: User, actor: str) -> Erased: ...

    async def erase(self, user_id: str, state_keys: Iterable[str] = ()) -> Erased: ...

    async def subscriptions(self, user: User) -> list[str]: ...

    async def subscribe(self, user: User, wijk: str) -> bool: ...

    async def unsubscribe(self, user: User, wijk: str) -> bool: ...

    async def set_announcements(self, user: User, on: bool) -> None: ...

    async def create_invites(self, *, role: str, school: str | None, wijk: str | None, count: int,
                             valid_for: timedelta, created_by: str) -> list[Invite]: ...


class OutboxService(Protocol):
    async def count_recipients(self, audience: Audience) -> int: ...

    async def create(self, *, created_by: str, text_: str, audience: Audience) -> Announcement: ...

    async def get(self, announcement_id: int) -> Announcement | None: ...

    async def latest_by(self, created_by: str) -> Announcement | None: ...

    async def status(self, announcement_id: int) -> Status | None: ...


class TurnLock(Protocol):
    """One turn at a time per conversation (store/turn_leases.py): ``async with lock.hold(key)``."""

    def hold(self, key: str) -> AbstractAsyncContextManager[None]: ...


@dataclass
class TurnServices:
    kb: KnowledgeBase
    profile: Profile
    request: Request
    signals: SignalSink
    people: PeopleService | None
    outbox: OutboxService | None
    memory: Memory
    invite_valid_days: int = 14
    idle: timedelta = timedelta(minutes=30)
    state_key: str = ""
    """Where this conversation's state is stored (for 'verwijder mijn gegevens')."""
    erase_conversation: bool = False
    """Set by 'verwijder mijn gegevens' after erasing: the agent then does not save this turn's state."""
    console: ConsoleLinks | None = None
    report_threshold: int = 5
    """Signal counts from 1 to this minus 1 are never shown as a number (core/reports.py)."""

    @property
    def understanding(self) -> Understanding:
        return self.request.understanding

    @property
    def today(self) -> date:
        return self.request.now.date()


def services(context: TurnContext) -> TurnServices:
    found = context.turn_state[SERVICES_KEY]
    assert isinstance(found, TurnServices)
    return found


def ids(value: Any) -> tuple[str, ...]:
    """Ids kept in state as a list, or as one id (a slot's single answer, or the state an older
    version saved): the ids as a tuple, anything else dropped."""
    if isinstance(value, str):
        return (value,)
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()
