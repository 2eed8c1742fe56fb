"""What the agent hands to dialogs for one turn: the knowledge snapshot, who is talking,
what the message means, and the stores. Dialogs read these; they never ask which channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from microsoft_agents.hosting.core import TurnContext

from wijkwijzer.knowledge.loader import KnowledgeBase

SERVICES_KEY = "wijkwijzer.services"

REGISTERED_ROLES = ("ib", "adviseur", "beheerder")
REPORT_ROLES = ("adviseur", "beheerder")


@dataclass(frozen=True)
class Profile:
    """Who is talking: a pseudonymous id, a role (``gast`` = not registered) and their wijk.

    ``channel`` and ``address`` say where the person can be reached (only stores use them);
    ``number`` is their user record's id; ``onboarded`` is False until the school was asked."""

    user_id: str
    role: str = "gast"
    wijk: str | None = None
    school: str | None = None
    channel: str = ""
    address: str | None = None
    number: int | None = None
    onboarded: bool = True

    @property
    def registered(self) -> bool:
        return self.role in REGISTERED_ROLES

    @property
    def sees_reports(self) -> bool:
        return self.role in REPORT_ROLES


class Understander(Protocol):
    def __call__(self, text: str, kb: KnowledgeBase) -> Any: ...


class SignalSink(Protocol):
    async def save_signal(self, *, thema: str, wijk: str | None, urgency: str, text: str, reporter: str) -> int: ...

    async def signal_counts(self) -> list[Any]: ...


@dataclass
class TurnServices:
    kb: KnowledgeBase
    profile: Profile
    understanding: Any
    understand: Understander
    signals: SignalSink
    today: date = field(default_factory=date.today)
    people: Any = None
    outbox: Any = None


def services(context: TurnContext) -> TurnServices:
    return context.turn_state[SERVICES_KEY]  # type: ignore[return-value]
