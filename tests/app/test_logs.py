"""No log line, at any level, holds what a user typed or their phone number."""

from __future__ import annotations

import io
import json
import logging

from tests.adapters import fakes
from tests.adapters import test_people_e2e as people
from tests.adapters.test_people_e2e import IB_NUMBER, Both
from wijkwijzer.app.logs import configure_logging

make_teams = fakes.make_teams
both = people.both
SECRETS = ("steeds meer kinderen zonder ontbijt", "Fatma", "angstig", IB_NUMBER, "vlinderdas")


async def test_debug_logs_hold_no_message_text_and_no_number(both: Both):
    stream = io.StringIO()
    handler = configure_logging("DEBUG", "text", stream)
    try:
        await both.invited_ib()
        await both.whatsapp("smw ypenburg")
        await both.whatsapp("signaal: steeds meer kinderen zonder ontbijt in groep 7")
        await both.teams("ik ben angstig over een vlinderdas")
        bad = both.server.message("vlinderdas", aad_object_id="aad-x")
        bad["text"] = {"not": "a string vlinderdas"}
        response = await both.server.post(bad)
        assert response.status == 400
    finally:
        logging.getLogger().removeHandler(handler)
    logged = stream.getvalue()
    assert "turn channel=" in logged
    for secret in SECRETS:
        assert secret not in logged, secret


async def test_json_logs_are_one_object_a_line():
    stream = io.StringIO()
    handler = configure_logging("INFO", "json", stream)
    try:
        logging.getLogger("wijkwijzer.test").info("hallo %s", "wereld")
    finally:
        logging.getLogger().removeHandler(handler)
    entry = json.loads(stream.getvalue().splitlines()[-1])
    assert entry["message"] == "hallo wereld" and entry["level"] == "INFO"
