"""Issue 16, defect 3: two turns of one conversation at once, on two real ``serve`` processes
sharing one database (a Teams personal chat whose two messages reach different workers; a
WhatsApp user typing twice quickly). Each message gets exactly one answer, nobody gets the
apology, and no turn's state is lost: the follow-up question after each pair is answered for
the place of the turn that ran last."""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter

import pytest

from tests.conftest import require_postgres

from .cluster import APOLOGY, Cluster, cluster, key_of, number, teams_message, whatsapp_delivery

PLACES = ("Ypenburg", "Scheveningen")
FOLLOW_UP = "en de jgz?"


def place_of(text: str) -> str | None:
    found = re.search(r"voor (Ypenburg|Scheveningen)", text)
    return found.group(1) if found else None


def replies_to(c: Cluster, activity_id: str) -> list[dict]:
    return [r.json() for r in c.connector.requests if r.method == "POST" and r.path.endswith(f"/{activity_id}")]


async def teams_pairs(c: Cluster, pairs: int) -> None:
    first, second = c.servers
    conversation = "a:pairs-personal"
    for warm_up in ("smw ypenburg", "Sla over"):  # first contact: the one-time school question, skipped
        assert await c.post_teams(first, teams_message(warm_up, c.connector.url, conversation)) in (200, 201, 202)
    for pair in range(pairs):
        a = teams_message(f"smw {PLACES[0]}", c.connector.url, conversation)
        b = teams_message(f"smw {PLACES[1]}", c.connector.url, conversation)
        statuses = await asyncio.gather(c.post_teams(first, a), c.post_teams(second, b))
        assert all(status in (200, 201, 202) for status in statuses), statuses
        answers = {place: replies_to(c, m["id"]) for place, m in zip(PLACES, (a, b), strict=True)}
        assert {place: len(found) for place, found in answers.items()} == {PLACES[0]: 1, PLACES[1]: 1}, (
            pair, [[a.get("text", "")[:60] for a in found] for found in answers.values()])
        for place, [answer] in answers.items():
            assert place_of(answer.get("text", "")) == place and APOLOGY not in answer.get("text", "")
        # the turn whose answer reached the connector last ran last: its place is the one remembered
        last = max(PLACES, key=lambda place: c.connector.requests.index(
            next(r for r in c.connector.requests if r.json() is not None and r.json() == answers[place][0])))
        follow = teams_message(FOLLOW_UP, c.connector.url, conversation)
        assert await c.post_teams(first if pair % 2 else second, follow) in (200, 201, 202)
        [answer] = replies_to(c, follow["id"])
        assert place_of(answer.get("text", "")) == last, (pair, answer.get("text", "")[:80])


async def whatsapp_pairs(c: Cluster, pairs: int) -> None:
    first, second = c.servers
    sender = number(1)
    await c.register_whatsapp([sender])
    for pair in range(pairs):
        a, b, f = (f"wamid.PAIR{pair:04d}{x}" for x in "abf")
        statuses = await asyncio.gather(
            c.post_whatsapp(first, whatsapp_delivery([(sender, a, f"smw {PLACES[0]}")])),
            c.post_whatsapp(second, whatsapp_delivery([(sender, b, f"smw {PLACES[1]}")])))
        assert statuses == [200, 200]
        await answered(c, [key_of(a), key_of(b)])
        texts = {tag.split(":")[0]: r.text for r in c.graph.delivered
                 if (tag := str(r.body.get("biz_opaque_callback_data")))}
        assert place_of(texts[key_of(a)]) == PLACES[0] and place_of(texts[key_of(b)]) == PLACES[1]
        assert await c.post_whatsapp(first if pair % 2 else second,
                                     whatsapp_delivery([(sender, f, FOLLOW_UP)])) == 200
        await answered(c, [key_of(f)])
        follow = next(r.text for r in c.graph.delivered if str(r.body.get("biz_opaque_callback_data")).startswith(
            key_of(f)))
        assert place_of(follow) in PLACES, follow[:80]
    per_tag = c.graph.per_tag()
    assert {tag: n for tag, n in per_tag.items() if n > 1} == {}
    assert len({tag.split(":")[0] for tag in per_tag}) == pairs * 3
    assert APOLOGY not in c.graph.texts()


async def answered(c: Cluster, keys: list[str], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(any(tag.startswith(key + ":") for tag in c.graph.per_tag()) for key in keys):
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"not answered within {timeout}s")


async def run(kind: str, tmp_path, pairs: int) -> None:
    async with cluster(kind, tmp_path) as c:
        await c.start(2)
        await teams_pairs(c, pairs)
        await whatsapp_pairs(c, pairs)
        logs = c.logs()
        conflicts = Counter(line for line in logs.splitlines() if "EtagConflict" in line or "turn failed" in line)
        print(f"\n{kind}: {pairs} Teams pairs and {pairs} WhatsApp pairs on 2 servers: "
              f"{len(c.connector.requests)} Teams replies, {len(c.graph.delivered)} WhatsApp replies, "
              f"{sum(conflicts.values())} conflicts")
        assert not conflicts, list(conflicts)[:3]


async def test_simultaneous_turns_of_one_conversation_on_sqlite(tmp_path):
    await run("sqlite", tmp_path, pairs=60)


@pytest.mark.postgres
async def test_simultaneous_turns_of_one_conversation_on_postgres(tmp_path):
    await require_postgres()
    await run("postgres", tmp_path, pairs=100)
