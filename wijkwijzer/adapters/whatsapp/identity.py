"""identity: part of the whatsapp channel (see the package docstring)."""


from __future__ import annotations

from typing import Any

import phonenumbers
from microsoft_agents.activity import (
    Activity,
)

from wijkwijzer.adapters.whatsapp.settings import _PHONE_ADDRESS, _USER_ID_ADDRESS, CHANNEL_ID
from wijkwijzer.core.identity import Identity, profile_of
from wijkwijzer.core.services import Profile
from wijkwijzer.store.people import People

# --- identities ------------------------------------------------------------------------------

ADDRESS_KEY = "wijkwijzer.address"
"""Where an inbound Activity carries the sender's number (``channel_data``). The conversation id
is the sender's pseudonym, so conversation state is keyed by it and never by the number; the
number lives only in the Activity of the turn (to reply) and, for registered users, encrypted in
their user record (to send announcements)."""


def address_of(activity: Activity) -> str | None:
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    address = data.get(ADDRESS_KEY)
    return address if valid_address(address) else None



def normalize_number(number: str) -> str | None:
    """An E.164 number as WhatsApp writes a ``wa_id`` (digits, no +); None when it is no number."""
    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164).lstrip("+")


def valid_address(value: Any) -> bool:
    """A ``wa_id`` (digits) or a business-scoped user id (``NL.123…``)."""
    return isinstance(value, str) and bool(_PHONE_ADDRESS.fullmatch(value) or _USER_ID_ADDRESS.fullmatch(value))


class WhatsAppProfiles:
    """The ProfileSource for WhatsApp: a number is an unregistered ``gast`` until it redeemed
    an invite code; then its user record decides. Activities of other channels go to
    ``fallback`` (or are ``gast``)."""

    def __init__(self, people: People, fallback: Any = None) -> None:
        self.people = people
        self.fallback = fallback

    async def profile_for(self, activity: Activity) -> Profile:
        if str(activity.channel_id or "") != CHANNEL_ID:
            return await self.fallback.profile_for(activity) if self.fallback else Profile(user_id="", role="gast")
        user_id = activity.from_property.id if activity.from_property and activity.from_property.id else ""
        return await profile_of(self.people, Identity(user_id=user_id, channel=CHANNEL_ID,
                                                      address=address_of(activity)))


