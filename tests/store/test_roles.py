"""User roles are one enum; the store and its CHECK constraints derive from it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import CheckConstraint, Table

from wijkwijzer.store.people import ROLES, People
from wijkwijzer.store.roles import UserRole
from wijkwijzer.store.schema import invites, one_of, users


def test_roles_are_the_three_of_the_architecture():
    assert [role.value for role in UserRole] == ["ib", "adviseur", "beheerder"]
    assert ROLES == ("ib", "adviseur", "beheerder")
    assert UserRole.IB == "ib" and f"{UserRole.ADVISEUR}" == "adviseur"


def test_parse_takes_members_and_their_strings_and_refuses_the_rest():
    assert UserRole.parse("beheerder") is UserRole.BEHEERDER
    assert UserRole.parse(UserRole.IB) is UserRole.IB
    for wrong in ("gast", "IB", "", "ib "):
        with pytest.raises(ValueError, match="unknown role"):
            UserRole.parse(wrong)


def _check(table: Table, name: str) -> str:
    [found] = [c for c in table.constraints if isinstance(c, CheckConstraint) and c.name == name]
    return str(found.sqltext)


@pytest.mark.parametrize(("table", "name"), [(users, "ck_users_role"), (invites, "ck_invites_role")])
def test_the_role_checks_list_every_role(table: Table, name: str):
    assert _check(table, name) == "role IN ('ib', 'adviseur', 'beheerder')"


def test_one_of_refuses_what_it_cannot_quote():
    assert one_of("x", ["a"]) == "x IN ('a')"
    with pytest.raises(ValueError):
        one_of("x", [])
    with pytest.raises(ValueError):
        one_of("x", ["a'; drop table users; --"])


async def test_people_take_role_strings_and_give_back_roles(engine):
    people = People(engine, "secret")
    user = await people.register(user_id="u-1", channel="teams", role="adviseur", via="test")
    assert user.role is UserRole.ADVISEUR and user.role == "adviseur"
    assert (await people.get("u-1")).role is UserRole.ADVISEUR
    assert (await people.set_role(user.id, UserRole.BEHEERDER, "test")).role is UserRole.BEHEERDER
    [invite] = await people.create_invites(role="ib", school=None, wijk="W1", count=1, valid_for=timedelta(days=1),
                                           created_by="test")
    assert invite.role is UserRole.IB
    with pytest.raises(ValueError, match="unknown role"):
        await people.register(user_id="u-2", channel="teams", role="gast", via="test")
    with pytest.raises(ValueError, match="unknown role"):
        await people.set_role(user.id, "koning", "test")
    with pytest.raises(ValueError, match="unknown role"):
        await people.create_invites(role="gast", school=None, wijk=None, count=1, valid_for=timedelta(days=1),
                                    created_by="test")
    assert await people.get("u-2") is None
