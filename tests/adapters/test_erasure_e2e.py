"""'Verwijder mijn gegevens' over WhatsApp leaves nothing that leads back to the number: every
table, and the SQLite file itself, is searched for the number, its base64 form (Meta's message
ids carry it) and the pseudonym, after a registered user and a stranger each used the bot."""

from __future__ import annotations

import base64

from sqlalchemy import select

from wijkwijzer.store.erasure import reporter_of
from wijkwijzer.store.schema import metadata, signals
from wijkwijzer.store.signals import pseudonymize

from . import fakes
from . import test_people_e2e as people
from .test_people_e2e import IB_NUMBER, Both
from .test_whatsapp import STRANGER, fixture

make_teams = fakes.make_teams  # the server fixture
both = people.both  # the server with a fake Graph API, as in the people tests

YES = "Ja, verwijderen"


def traces(both: Both, number: str) -> list[str]:
    """The number, its base64 form (as inside Meta's message ids), its pseudonym and the reporter
    value of its signals."""
    secret = both.server.runtime.settings.secret()
    pseudonym = pseudonymize(number, secret)
    return [number, base64.b64encode(number.encode()).decode().rstrip("="), pseudonym, reporter_of(pseudonym, secret)]


async def rows(both: Both) -> str:
    """Every value of every table, as one text."""
    values: list[str] = []
    async with both.server.runtime.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in (await conn.execute(select(table))).all():
                values.extend(str(value) for value in row)
    return "\n".join(values)


async def sources(both: Both) -> list[str | None]:
    async with both.server.runtime.engine.connect() as conn:
        return list((await conn.execute(select(signals.c.source))).scalars())


async def test_forget_over_whatsapp_leaves_no_trace_in_any_table_or_the_file(both: Both):
    await both.invited_ib()
    assert "Fatma Yilmaz" in await both.whatsapp("smw ypenburg")
    await both.whatsapp("signaal: steeds meer kinderen zonder ontbijt in groep 7")
    await both.whatsapp("normaal")
    assert "opgeslagen" in await both.whatsapp("ja")
    await both._deliver(fixture("statuses"))
    await both.whatsapp("wie is de jgz")
    before = await rows(both)
    assert any(trace in before for trace in traces(both, IB_NUMBER)[2:])
    assert [source is not None for source in await sources(both)] == [True]

    assert "Weet je het zeker" in await both.whatsapp("verwijder mijn gegevens")
    assert "verwijderd" in await both.whatsapp(YES)

    after = await rows(both)
    for trace in traces(both, IB_NUMBER):
        assert trace not in after, trace
    assert await sources(both) == [None]  # the keyed hash of the message that saved it goes too
    sqlite_file = both.server.runtime.settings.sqlite_path()
    raw = sqlite_file.read_bytes()
    for trace in traces(both, IB_NUMBER):
        assert trace.encode() not in raw, trace
    assert "nog geen signalen" not in await both.teams("overzicht signalen")


async def test_a_stranger_can_be_forgotten_too(both: Both):
    await both.whatsapp("hoi", STRANGER)
    before = await rows(both)
    assert traces(both, STRANGER)[2] in before
    assert "Weet je het zeker" in await both.whatsapp("vergeet mij", STRANGER)
    assert "verwijderd" in await both.whatsapp(YES, STRANGER)
    after = await rows(both)
    for trace in traces(both, STRANGER):
        assert trace not in after, trace

