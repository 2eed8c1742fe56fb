"""From a channel's identity to a Profile: the user record decides the role.

Channels say who is talking (a pseudonymous id, and for WhatsApp the number to write back
to); ``profile_of`` looks the person up. Teams users of an allowed tenant are registered as
``ib`` on first contact (``auto_role``); everyone else stays a ``gast`` until they redeem an
invite code.
"""

from __future__ import annotations

from dataclasses import dataclass

from wijkwijzer.core.services import Profile
from wijkwijzer.store.people import People, User


@dataclass(frozen=True)
class Identity:
    user_id: str
    channel: str
    address: str | None = None
    display_name: str | None = None
    auto_role: str | None = None


def profile_from(user: User, identity: Identity) -> Profile:
    return Profile(user_id=user.user_id, role=user.role, wijk=user.wijk, school=user.school,
                   channel=identity.channel, address=identity.address, number=user.id, onboarded=user.onboarded)


async def profile_of(people: People, identity: Identity) -> Profile:
    if not identity.user_id:
        return Profile(user_id="", role="gast", channel=identity.channel)
    user = await people.get(identity.user_id)
    if user is None and identity.auto_role:
        user = await people.register(user_id=identity.user_id, channel=identity.channel, role=identity.auto_role,
                                     via=f"{identity.channel} (eerste contact)", address=identity.address,
                                     display_name=identity.display_name, onboarded=False)
    if user is None:
        return Profile(user_id=identity.user_id, role="gast", channel=identity.channel, address=identity.address)
    await people.touch(user)
    return profile_from(user, identity)
