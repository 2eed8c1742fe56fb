"""A generated hostile-input run against a real server on 127.0.0.1 (issue 16): thousands of
WhatsApp deliveries of wild JSON shapes with valid signatures, and odd Teams activities and
invokes with valid test tokens. 0 answers with a 5xx, 0 unhandled exceptions, and no user
text in the log at DEBUG. The generator is seeded, so a failure can be replayed."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import random
from collections import Counter
from typing import Any

from tests.adapters import fakes
from tests.adapters import test_people_e2e as people
from tests.adapters.test_people_e2e import Both
from tests.adapters.test_whatsapp import sign, text_payload
from wijkwijzer.app.logs import configure_logging
from wijkwijzer.app.server import CHANNELS

make_teams = fakes.make_teams  # the server fixtures
both = people.both

SEED = 16
REQUESTS = 5_000
CONCURRENCY = 16
CANARY = "Kanarie"


def _canary(rng: random.Random) -> str:
    return f"{CANARY}{rng.randrange(10**6)} zorgen om Sanne de V. 0612345678"


def _wild(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value: the shapes a parser and a validator must survive."""
    roll = rng.random()
    if depth > 3 or roll < 0.35:
        return rng.choice([None, True, False, 0, -1, 2**63, 1.5e308, "", " ", _canary(rng), "\u0000\ud800",
                           "aanmeldcode " + "1" * rng.randrange(10, 5000), "1-" * rng.randrange(1, 3000),
                           "<at>x</at>", "A" * rng.randrange(1, 300), "msteams", "message", "Action.Execute"])
    if roll < 0.65:
        return [_wild(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    keys = ["type", "text", "id", "value", "name", "action", "from", "timestamp", "body", "title", "data",
            "channelId", "entities", "conversation", CANARY, "interactive", "button_reply", "list_reply"]
    return {rng.choice(keys): _wild(rng, depth + 1) for _ in range(rng.randrange(0, 5))}


def _mutate(rng: random.Random, value: Any, depth: int = 0) -> Any:
    """``value`` with some of its parts replaced by wild ones, some dropped."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            roll = rng.random()
            if roll < 0.08:
                continue
            out[key] = _wild(rng, depth) if roll < 0.2 else _mutate(rng, item, depth + 1)
        return out
    if isinstance(value, list):
        items = [_mutate(rng, item, depth + 1) for item in value]
        return items * rng.randrange(0, 3) if rng.random() < 0.1 else items
    return _wild(rng, depth) if rng.random() < 0.15 else value


def _whatsapp_body(rng: random.Random, n: int) -> bytes:
    payload = text_payload(_canary(rng), message_id=f"wamid.HOSTILE{n:06d}")
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    message["type"] = rng.choice(["text", "interactive", "button", "reaction", "system", "unsupported", "image",
                                  "request_welcome", "order", None, 7])
    message["interactive"] = {"type": rng.choice(["button_reply", "list_reply", "nfm_reply", None]),
                              "button_reply": {"id": rng.choice(["ww:" + _canary(rng), _canary(rng), "", None]),
                                               "title": _canary(rng)},
                              "list_reply": {"id": _canary(rng), "title": _canary(rng)}}
    message["button"] = {"text": _canary(rng), "payload": _wild(rng)}
    message["timestamp"] = rng.choice([message["timestamp"], None, "x", -1, "99999999999999", 1.5])
    if rng.random() < 0.15:
        return json.dumps(_wild(rng)).encode()
    return json.dumps(_mutate(rng, payload) if rng.random() < 0.6 else payload).encode()


TEAMS_TYPES = ["message", "invoke", "conversationUpdate", "event", "messageReaction", "installationUpdate",
               "typing", "endOfConversation", "messageUpdate", "x-" + CANARY]
INVOKE_NAMES = ["adaptiveCard/action", "message/submitAction", "composeExtension/query", "task/fetch",
                "signin/verifyState", "healthCheck", "", None, CANARY]


def _teams_activity(rng: random.Random, server: fakes.TeamsServer) -> dict[str, Any]:
    activity = server.message(_canary(rng), conversation_type=rng.choice(["personal", "groupChat", "channel"]),
                              conversation_id=f"a:hostile-{rng.randrange(40)}", mention=rng.random() < 0.3)
    activity["type"] = rng.choice(TEAMS_TYPES)
    if activity["type"] == "invoke" or rng.random() < 0.1:
        activity["name"] = rng.choice(INVOKE_NAMES)
    if rng.random() < 0.6:
        activity["value"] = rng.choice([_wild(rng), {"action": {"type": "Action.Execute", "verb": _canary(rng)}},
                                        {"wijkwijzer": rng.choice(["choice", "more", _canary(rng)]),
                                         "page": _wild(rng)}])
    for key in ("entities", "attachments", "channelData", "membersAdded", "membersRemoved", "reactionsAdded",
                "action", "deliveryMode", "textFormat", "replyToId", "localTimestamp"):
        if rng.random() < 0.1:
            activity[key] = _wild(rng)
    if rng.random() < 0.05:  # a sub-channel that contradicts its productInfo entity
        activity["channelId"], activity["entities"] = "msteams:sub", [{"type": "ProductInfo", "id": "other"}]
    if rng.random() < 0.3:
        activity = _mutate(rng, activity)
    for key in ("serviceUrl", "conversation"):  # mostly valid, so the activity reaches the turn
        if rng.random() < 0.9:
            activity[key] = server.message("")[key] if key == "serviceUrl" else activity.get(key) or {"id": "a:x"}
    return activity


async def test_thousands_of_hostile_requests_get_no_5xx_no_unhandled_exception_and_leave_no_text_in_the_log(
        both: Both):
    server = both.server
    rng = random.Random(SEED)
    stream = io.StringIO()
    handler = configure_logging("DEBUG", "text", stream)
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    keeper = Keep()
    keeper.addFilter(handler.filters[0])  # the same filter the configured handler has
    logging.getLogger().addHandler(keeper)
    token = server.token()
    statuses: Counter[int] = Counter()
    work: asyncio.Queue[tuple[str, bytes, dict[str, str]]] = asyncio.Queue()
    for n in range(REQUESTS):
        if n % 2:
            body = _whatsapp_body(rng, n)
            headers = {"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"}
            work.put_nowait(("/api/whatsapp", body, headers))
        else:
            body = json.dumps(_teams_activity(rng, server)).encode()
            if rng.random() < 0.03:
                body = body[: rng.randrange(len(body))]
            work.put_nowait(("/api/messages", body, {"Authorization": f"Bearer {token}",
                                                     "Content-Type": "application/json"}))

    async def worker() -> None:
        while not work.empty():
            path, body, headers = work.get_nowait()
            async with server.session.post(f"{server.url}{path}", data=body, headers=headers) as response:
                await response.read()
                statuses[response.status] += 1

    try:
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        await server.app[CHANNELS]["whatsapp"].endpoint.drain()
        await asyncio.sleep(0.2)
    finally:
        logging.getLogger().removeHandler(keeper)
        logging.getLogger().removeHandler(handler)
    assert sum(statuses.values()) == REQUESTS
    assert not [status for status in statuses if status >= 500], statuses
    assert statuses[200] + statuses[202] > REQUESTS // 2, statuses  # most reached the turn
    unhandled = [f"{r.name}: {r.getMessage()[:200]}" for r in records if r.exc_info or r.levelno >= logging.ERROR]
    assert not unhandled, unhandled[:10]
    logged = stream.getvalue()
    assert "Traceback" not in logged
    assert CANARY not in logged and "Sanne" not in logged and "0612345678" not in logged
