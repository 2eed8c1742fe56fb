"""User roles: the one list. Storage (the CHECK constraints of ``users`` and ``invites``), the
people store and the CLI's choices derive from :class:`UserRole`; adding a role is one member here
(plus its Dutch copy and a migration that widens the CHECK constraints).

``gast`` (someone not registered) is not a role a user record can have, so it is not a member.
"""

from __future__ import annotations

from enum import StrEnum


class UserRole(StrEnum):
    """What a registered person may do: ``ib`` asks and signals, ``adviseur`` also announces and
    sees reports, ``beheerder`` also manages people and the knowledge base. A member equals its
    value (``UserRole.IB == "ib"``), so stored strings and callers' strings compare as before."""

    IB = "ib"
    ADVISEUR = "adviseur"
    BEHEERDER = "beheerder"

    @classmethod
    def parse(cls, value: str) -> UserRole:
        """The role named ``value`` (a member or its string); ``ValueError`` for anything else."""
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown role {value!r}") from None
