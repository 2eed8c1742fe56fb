"""identity: part of the teams channel (see the package docstring)."""


from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import (
    Activity,
)

from wijkwijzer.adapters.teams.settings import CHANNEL
from wijkwijzer.core.identity import Identity, profile_of
from wijkwijzer.core.services import Profile
from wijkwijzer.store.people import People
from wijkwijzer.store.signals import pseudonymize

# ---------------------------------------------------------------------------------------------
# Tenants and profiles


def tenant_of(activity: Activity) -> str | None:
    """The Microsoft tenant of the conversation; None when absent or when two sources disagree."""
    conversation = activity.conversation.tenant_id if activity.conversation else None
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    found = data.get("tenant")
    tenant: dict[str, Any] = found if isinstance(found, dict) else {}
    from_data = tenant.get("id") if isinstance(tenant.get("id"), str) else None
    if conversation and from_data and conversation.lower() != from_data.lower():
        return None
    found = conversation or from_data
    return found.lower() if found else None


@dataclass(frozen=True)
class TenantPolicy:
    allowed: frozenset[str]
    anonymous: bool = False

    def allows(self, tenant: str | None) -> bool:
        if tenant is not None and tenant in self.allowed:
            return True
        return self.anonymous and not self.allowed


def pseudonymous_user_id(activity: Activity, secret: str) -> str:
    """A keyed hash of tenant + Entra object id (the Teams user id when there is none)."""
    user = activity.from_property
    raw = (user.aad_object_id or user.id or "") if user else ""
    return _pseudonym(f"{tenant_of(activity) or '-'}:{raw}", secret)


@functools.lru_cache(maxsize=4096)
def _pseudonym(identity: str, secret: str) -> str:
    """Remembered: a turn needs the pseudonym twice (conversation reference, user record), and an
    HMAC costs as much as a database read. A pure function of the Teams identity, so it cannot
    go stale; it holds the ids of recent Teams users, as the requests in flight do."""
    return pseudonymize(identity, secret)


class TeamsProfiles:
    """A Teams user of an allowed tenant is registered as ``ib`` on first contact (their school
    is asked once); after that their user record decides. Other tenants are ``gast``."""

    def __init__(self, tenants: TenantPolicy, secret: str, people: People) -> None:
        self.tenants = tenants
        self.secret = secret
        self.people = people

    async def profile_for(self, activity: Activity) -> Profile:
        user_id = pseudonymous_user_id(activity, self.secret)
        if not self.tenants.allows(tenant_of(activity)):
            return Profile(user_id=user_id, role="gast", channel=CHANNEL)
        name = activity.from_property.name if activity.from_property else None
        return await profile_of(self.people, Identity(user_id=user_id, channel=CHANNEL, display_name=name,
                                                      auto_role="ib"))


