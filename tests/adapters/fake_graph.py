"""A fake Graph API on 127.0.0.1 for WhatsApp tests: records every request it gets.

``POST /{version}/{phone_number_id}/messages`` answers like the Cloud API (a ``wamid.`` id per
message) unless told otherwise for the next N requests:

- ``graph.rate_limit_next(n, retry_after="0.15")``: 429 with error 130429 and a Retry-After header;
- ``graph.server_error_next(n)``: 500 without an error body;
- ``graph.permanent_error_next(n, code=131047)``: 400 with that error code;
- ``graph.hang = True``: every request waits (until the client gives up, or ``hang`` is False again).

``graph.per_tag()`` counts the accepted messages per ``biz_opaque_callback_data``: each answer to
an inbound message carries the keyed hash of that message's id and the reply's number there.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter, deque
from dataclasses import dataclass
from typing import Any

from aiohttp import web

ERROR_TITLES = {
    100: "Invalid parameter",
    130429: "Rate limit hit",
    131026: "Message Undeliverable",
    131047: "Re-engagement message",
    131051: "Unsupported message type",
}


@dataclass
class GraphRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    at: float
    status: int

    @property
    def kind(self) -> str:
        """``text``, ``button``, ``list`` (interactive sub-type) or another message type."""
        if self.body.get("type") == "interactive":
            return self.body["interactive"]["type"]
        return str(self.body.get("type"))

    @property
    def text(self) -> str:
        if self.body.get("type") == "text":
            return self.body["text"]["body"]
        if self.body.get("type") == "interactive":
            return self.body["interactive"]["body"]["text"]
        return ""

    @property
    def choices(self) -> list[str]:
        """Button titles or list row titles."""
        if self.kind == "button":
            return [b["reply"]["title"] for b in self.body["interactive"]["action"]["buttons"]]
        if self.kind == "list":
            return [r["title"] for s in self.body["interactive"]["action"]["sections"] for r in s["rows"]]
        return []


@dataclass(frozen=True)
class _Scripted:
    status: int
    body: dict[str, Any] | None
    headers: dict[str, str]


class FakeGraph:
    def __init__(self) -> None:
        self.requests: list[GraphRequest] = []
        self._script: deque[_Scripted] = deque()
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._arrived = asyncio.Event()
        self.url = ""
        self.hang = False
        self.hung = 0

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/{version}/{phone_number_id}/messages", self._messages)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def rate_limit_next(self, n: int, retry_after: str | None = None) -> None:
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        self._push(n, 429, _error(130429), headers)

    def server_error_next(self, n: int) -> None:
        self._push(n, 500, None, {})

    def permanent_error_next(self, n: int, code: int = 131047, status: int = 400) -> None:
        self._push(n, status, _error(code), {})

    def _push(self, n: int, status: int, body: dict[str, Any] | None, headers: dict[str, str]) -> None:
        self._script.extend(_Scripted(status, body, headers) for _ in range(n))

    async def _messages(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.hang:
            self.hung += 1
            while self.hang:
                await asyncio.sleep(0.05)
            if request.transport is None or request.transport.is_closing():
                return web.Response(status=504)  # the client gave up: nothing was accepted
        scripted = self._script.popleft() if self._script else None
        status = scripted.status if scripted else 200
        self.requests.append(GraphRequest(request.path, dict(request.headers), body, time.monotonic(), status))
        self._arrived.set()
        if scripted is not None:
            text = json.dumps(scripted.body) if scripted.body is not None else "upstream error"
            return web.Response(status=status, text=text, headers=scripted.headers, content_type="application/json")
        to = body.get("to") or body.get("recipient")
        return web.json_response({
            "messaging_product": "whatsapp",
            "contacts": [{"input": to, "wa_id": to}],
            "messages": [{"id": f"wamid.FAKE{next(self._ids):06d}"}],
        })

    @property
    def delivered(self) -> list[GraphRequest]:
        """The requests that were answered with success: what the user got."""
        return [r for r in self.requests if r.status == 200]

    def per_tag(self) -> Counter[str]:
        """Accepted messages per ``biz_opaque_callback_data`` (``<message key>:<reply number>``)."""
        return Counter(str(r.body.get("biz_opaque_callback_data")) for r in self.delivered)

    def texts(self) -> str:
        return "\n".join(r.text for r in self.delivered)

    async def wait_for(self, count: int, timeout: float = 5.0) -> list[GraphRequest]:
        """Wait until at least ``count`` requests arrived."""
        async with asyncio.timeout(timeout):
            while len(self.requests) < count:
                self._arrived.clear()
                await self._arrived.wait()
        return self.requests


def _error(code: int) -> dict[str, Any]:
    return {"error": {
        "message": f"(#{code}) {ERROR_TITLES.get(code, 'Error')}",
        "type": "OAuthException",
        "code": code,
        "error_data": {"messaging_product": "whatsapp", "details": ERROR_TITLES.get(code, "Error")},
        "fbtrace_id": "AbCdEfGhIjK",
    }}
