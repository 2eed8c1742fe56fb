"""A database error in a turn is logged without the values of the failed statement."""

from __future__ import annotations

import io
import logging

from sqlalchemy import text

from tests.adapters import fakes
from tests.adapters import test_people_e2e as people
from tests.adapters.test_people_e2e import IB_NUMBER, Both
from wijkwijzer.app.logs import configure_logging

make_teams = fakes.make_teams
both = people.both


async def test_a_failed_insert_of_a_signal_logs_neither_its_text_nor_the_number(both: Both):
    await both.invited_ib()
    async with both.server.runtime.engine.begin() as conn:
        await conn.execute(text("DROP TABLE signals"))
    stream = io.StringIO()
    handler = configure_logging("DEBUG", "text", stream)
    try:
        await both.whatsapp("signaal: steeds meer kinderen zonder ontbijt in groep 7")
        await both.whatsapp("normaal")
        assert "Sorry" in await both.whatsapp("ja")
    finally:
        logging.getLogger().removeHandler(handler)
    logged = stream.getvalue()
    assert "INSERT INTO signals" in logged and "OperationalError" in logged
    for secret in ("ontbijt", IB_NUMBER):
        assert secret not in logged, secret
