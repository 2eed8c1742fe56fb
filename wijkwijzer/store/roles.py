"""User roles: one enum, used by the schema's CHECK constraints, the stores, policy and copy."""

from __future__ import annotations

from enum import StrEnum


class UserRole(StrEnum):
    """What a registered person may do: ``ib`` asks and signals; ``adviseur`` also announces and
    reads reports; ``beheerder`` also manages users."""

    IB = "ib"
    ADVISEUR = "adviseur"
    BEHEERDER = "beheerder"
