"""Issue 16, item 4 for Teams: a token service that hangs holds a turn seconds, not a minute
(real HTTP into the server; the Bot Connector's token fetch never answers)."""

from __future__ import annotations

import asyncio
import time

from wijkwijzer.adapters.teams import clients

from . import fakes

make_teams = fakes.make_teams  # the server fixture


async def test_a_hung_token_fetch_gives_up_after_the_token_timeout(make_teams, monkeypatch):
    monkeypatch.setattr(clients, "TOKEN_TIMEOUT", 0.5)
    server = await make_teams()
    hung = asyncio.Event()

    async def never(*args, **kwargs) -> str:
        hung.set()
        await asyncio.sleep(120)
        return "token"

    server.connections.provider.get_access_token = never
    started = time.perf_counter()
    response = await server.post(server.message("smw ypenburg"))
    elapsed = time.perf_counter() - started
    assert hung.is_set()
    assert elapsed < 5, f"the turn was held {elapsed:.1f}s"
    assert response.status in (200, 201, 500)
    assert server.connector.requests == []

    server.connections.provider.get_access_token = fakes.StaticTokenProvider("t").get_access_token
    response = await server.post(server.message("smw ypenburg"))
    assert "Fatma Yilmaz" in server.connector.texts()
