"""Channel benchmark: requests/s and p50/p99 over loopback HTTP, at fixed concurrency.

    .venv/bin/python bench/channels.py [--requests 3000] [--concurrency 32] [--warmup 512] [--targets bare,echo,teams,wa-floor,whatsapp] [--rounds 3]

Each target runs in its own server process on 127.0.0.1 (one event loop, access log off); the
load generator (aiohttp client, bounded concurrency, a fixed number of requests after a warm-up)
runs in this process. The targets take turns, round after round, so a noisy machine hits all of
them alike; requests/s is the median over the rounds, p50/p99 are over all requests. The Teams
targets get ``POST /api/messages`` with ``deliveryMode: expectReplies``, so no connector is
involved:

- ``bare``: a bare aiohttp handler that parses the JSON and answers with a fixed reply (floor 1);
- ``echo``: a minimal Agents SDK echo agent on the SDK's CloudAdapter with its JWT middleware in
  anonymous mode (floor 2);
- ``teams``: Wijkwijzer's Teams endpoint (``create_serving_app``, as ``wijkwijzer serve``, anonymous development mode, SQLite
  state in a temporary directory) answering "smw ypenburg": a real partner lookup with
  understanding, dialog state load/save, the conversation reference (written when it changes)
  and card rendering;
- ``whatsapp``: Wijkwijzer's WhatsApp webhook (``POST /api/whatsapp``, signed deliveries from 256
  registered IB'ers) answering "smw ypenburg" through a fake Graph API in a third process. The
  webhook answers 200 before the turn runs, so here p50/p99 are the webhook's answer time and
  requests/s counts until the last reply reached the fake Graph API (a turn that sent no reply
  counts as an error);
- ``wa-floor``: the WhatsApp floor, measured like ``whatsapp``: a bare aiohttp webhook that checks
  the signature over the raw body, parses the JSON, claims the message id in a SQLite table (WAL,
  ``INSERT OR IGNORE``, as durable as the real claim), answers 200 and then posts one text reply
  to the fake Graph API over a kept-open connection.

The requests come from 256 users (on Teams in their personal chats). The warm-up (two requests per
user) holds each user's first contact (registration, the school question) and then, once all
first contacts are answered, their second (the question answered instead): a user's second
message never overtakes their first, which would be an eTag conflict. The measured requests are
steady-state partner lookups by known users.

Each line also gives the server process's CPU time per measured request (user + system, from
/proc): at a fixed concurrency the requests/s of a CPU-bound server is about one over it, so it
says where a gap comes from.

Targets: ``teams`` reaches at least 70 % of the ``echo`` floor's requests/s, with p99 < 100 ms;
``whatsapp`` reaches at least 70 % of the ``wa-floor``'s requests/s. JWT validation is not in
these figures (the SDK targets run without a token).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import logging
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGETS = ("bare", "echo", "teams", "wa-floor", "whatsapp")
WHATSAPP_TARGETS = frozenset({"wa-floor", "whatsapp"})
TARGET_RATIO = 0.70
TARGET_P99_MS = 100.0
USERS = 256
PHONE_NUMBER_ID = "106540352242922"
WHATSAPP_SECRET = "bench-app-secret"


# --- the servers (run with --serve in a child process) ------------------------------------------


def bare_app():
    from aiohttp import web

    async def handle(request: web.Request) -> web.Response:
        activity = json.loads(await request.read())
        reply = {"type": "message", "text": "ok", "conversation": activity.get("conversation")}
        return web.json_response({"activities": [reply]})

    app = web.Application()
    app.router.add_post("/api/messages", handle)
    return app


def echo_app():
    from aiohttp import web
    from microsoft_agents.authentication.msal import MsalConnectionManager
    from microsoft_agents.hosting.aiohttp import CloudAdapter, jwt_authorization_middleware
    from microsoft_agents.hosting.core import ActivityHandler, AgentAuthConfiguration, TurnContext

    class Echo(ActivityHandler):
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            await turn_context.send_activity(f"echo: {turn_context.activity.text}")

    configuration = AgentAuthConfiguration(anonymous_allowed=True, connection_name="SERVICE_CONNECTION")
    adapter = CloudAdapter(connection_manager=MsalConnectionManager(
        connections_configurations={"SERVICE_CONNECTION": configuration}))
    agent = Echo()

    async def handle(request: web.Request) -> web.Response:
        return await adapter.process(request, agent)

    app = web.Application(middlewares=[jwt_authorization_middleware])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        app["agent_configuration"] = configuration
    app.router.add_post("/api/messages", handle)
    return app


async def wijkwijzer_app(state_dir: Path, whatsapp=None):
    """Wijkwijzer as ``wijkwijzer serve`` builds it, in anonymous development mode, on SQLite."""
    from wijkwijzer.adapters.teams.settings import TeamsSettings
    from wijkwijzer.app.server import ServerSettings, create_serving_app
    from wijkwijzer.app.settings import Settings

    settings = Settings(state_dir=state_dir, database_url=None, pseudonym_secret="bench")
    teams = TeamsSettings(teams_anonymous=True, teams_allowed_tenants=[], teams_app_id=None)
    return await create_serving_app(settings, server=ServerSettings(), teams=teams, whatsapp=whatsapp)


def whatsapp_floor_app(state_dir: Path):
    """The WhatsApp floor: signature, JSON, a durable id claim, 200, then one reply to the Graph API."""
    import sqlite3

    from aiohttp import ClientSession, TCPConnector, web

    database = sqlite3.connect(state_dir / "floor.sqlite", isolation_level=None)
    database.execute("PRAGMA journal_mode=WAL")
    database.execute("PRAGMA synchronous=NORMAL")
    database.execute("CREATE TABLE inbound (id TEXT PRIMARY KEY)")
    messages_url = f"{os.environ['BENCH_GRAPH_URL']}/v26.0/{PHONE_NUMBER_ID}/messages"
    tasks: set[asyncio.Task] = set()
    client: dict[str, ClientSession] = {}

    async def reply(number: str) -> None:
        body = {"messaging_product": "whatsapp", "to": number, "type": "text", "text": {"body": "ok"}}
        async with client["session"].post(messages_url, json=body, headers={"Authorization": "Bearer bench"}) as sent:
            await sent.read()

    async def receive(request: web.Request) -> web.Response:
        raw = await request.read()
        expected = "sha256=" + hmac.new(WHATSAPP_SECRET.encode(), raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Hub-Signature-256", "")):
            return web.Response(status=401)
        payload = json.loads(raw)
        for entry in payload["entry"]:
            for change in entry["changes"]:
                for message in change["value"].get("messages", []):
                    if database.execute("INSERT OR IGNORE INTO inbound VALUES (?)", (message["id"],)).rowcount:
                        task = asyncio.create_task(reply(message["from"]))
                        tasks.add(task)
                        task.add_done_callback(tasks.discard)
        return web.Response(text="OK")

    async def session(app: web.Application):
        client["session"] = ClientSession(connector=TCPConnector(limit=100))
        yield
        await client["session"].close()

    app = web.Application()
    app.cleanup_ctx.append(session)
    app.router.add_post("/api/whatsapp", receive)
    return app


async def whatsapp_app(state_dir: Path):
    """Wijkwijzer with the WhatsApp webhook on, replies going to the fake Graph API of
    ``BENCH_GRAPH_URL``, and the bench's numbers registered as IB'ers (as after an invite)."""
    from wijkwijzer.adapters.whatsapp.settings import WhatsAppSettings
    from wijkwijzer.app.server import RUNTIME
    from wijkwijzer.store.signals import pseudonymize

    whatsapp = WhatsAppSettings(verify_token="bench", app_secret=WHATSAPP_SECRET, access_token="bench",
                                phone_number_id=PHONE_NUMBER_ID, graph_url=os.environ["BENCH_GRAPH_URL"])
    app = await wijkwijzer_app(state_dir, whatsapp)
    for n in range(USERS):
        number = whatsapp_number(n)
        await app[RUNTIME].people.register(user_id=pseudonymize(number, "bench"), channel="whatsapp", address=number,
                                           role="ib", via="bench", wijk="Den Haag: Ypenburg")
    return app


def graph_app():
    """The fake Graph API: accepts every message at once and counts them (``GET /count``)."""
    from aiohttp import web

    app = web.Application()
    received = {"messages": 0}

    async def accept(request: web.Request) -> web.Response:
        await request.read()
        received["messages"] += 1
        return web.json_response({"messages": [{"id": f"wamid.bench{received['messages']}"}]})

    async def count(request: web.Request) -> web.Response:
        return web.json_response(received)

    app.router.add_post("/{tail:.*}", accept)
    app.router.add_get("/count", count)
    return app


async def serve(target: str) -> None:
    """One server in this process; logging at ERROR so per-request warnings cost nothing."""
    from aiohttp import web

    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory() as state_dir:
        apps = {"bare": bare_app, "echo": echo_app, "graph": graph_app}
        if target == "teams":
            app = await wijkwijzer_app(Path(state_dir))
        elif target == "whatsapp":
            app = await whatsapp_app(Path(state_dir))
        elif target == "wa-floor":
            app = whatsapp_floor_app(Path(state_dir))
        else:
            app = apps[target]()
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        print(f"READY {runner.addresses[0][1]}", flush=True)
        await stop.wait()
        await runner.cleanup()


# --- the load generator -------------------------------------------------------------------------


@dataclass
class Result:
    target: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    cpu_ms_per_request: float | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, pct: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def whatsapp_number(n: int) -> str:
    return f"3161{n % USERS:07d}"


def whatsapp_delivery(n: int, text: str, run: str) -> dict:
    """A Cloud API webhook delivery of one text message, shaped like Meta's."""
    number = whatsapp_number(n)
    message = {"from": number, "id": f"wamid.bench.{run}.{n}", "timestamp": str(int(time.time())), "type": "text",
               "text": {"body": text}}
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": "31700000000", "phone_number_id": PHONE_NUMBER_ID},
             "contacts": [{"profile": {"name": "IB"}, "wa_id": number}], "messages": [message]}
    return {"object": "whatsapp_business_account",
            "entry": [{"id": "0", "changes": [{"field": "messages", "value": value}]}]}


def request_body(target: str, n: int, run: str) -> tuple[bytes, dict[str, str]]:
    headers = {"Content-Type": "application/json"}
    if target not in WHATSAPP_TARGETS:
        return json.dumps(activity(n, "smw ypenburg")).encode(), headers
    body = json.dumps(whatsapp_delivery(n, "smw ypenburg", run)).encode()
    signature = hmac.new(WHATSAPP_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return body, {**headers, "X-Hub-Signature-256": f"sha256={signature}"}


def activity(n: int, text: str) -> dict:
    return {
        "type": "message", "id": f"m{n}", "channelId": "msteams", "deliveryMode": "expectReplies",
        "serviceUrl": "http://127.0.0.1:9/", "locale": "nl-NL",
        "from": {"id": f"29:bench-user-{n % USERS}", "aadObjectId": f"aad-{n % USERS}"},
        "recipient": {"id": "28:wijkwijzer", "name": "Wijkwijzer"},
        "conversation": {"id": f"a:bench-{n % USERS}", "conversationType": "personal", "tenantId": "bench-tenant"},
        "channelData": {"tenant": {"id": "bench-tenant"}}, "text": text,
    }


def expected(target: str, body: str) -> bool:
    if target in WHATSAPP_TARGETS:
        return True
    return "Fatma Yilmaz" in body if target == "teams" else '"activities"' in body


async def load(target: str, url: str, total: int, concurrency: int, warmup: int, pid: int,
               graph_url: str | None = None) -> Result:
    from aiohttp import ClientSession, TCPConnector

    async with ClientSession(connector=TCPConnector(limit=concurrency)) as session:
        for first in range(0, warmup, USERS):
            await run_requests(session, target, url, min(USERS, warmup - first), concurrency, "warmup", first)
        baseline = await replies_settled(session, graph_url) if graph_url else 0
        cpu_before = cpu_seconds(pid)
        started = time.perf_counter()
        latencies, errors = await run_requests(session, target, url, total, concurrency, "measure")
        seconds = time.perf_counter() - started
        if graph_url:
            sent = await replies_settled(session, graph_url, since=started)
            seconds = sent.finished - started
            per_turn = max(1, round(baseline.count / warmup))
            errors += max(0, total - (sent.count - baseline.count) // per_turn)
        cpu_after = cpu_seconds(pid)
    cpu = (cpu_after - cpu_before) * 1000 / total if cpu_before is not None and cpu_after is not None else None
    return Result(target, total, errors, seconds, latencies, cpu)


@dataclass
class Settled:
    count: int
    finished: float


async def replies_settled(session, graph_url: str, since: float = 0.0) -> Settled:
    """Wait until the fake Graph API stops receiving replies (WhatsApp turns run after the
    webhook's 200); the count, and when the last one arrived."""
    count, changed = -1, since
    while True:
        async with session.get(f"{graph_url}/count") as response:
            now = (await response.json())["messages"]
        if now != count:
            count, changed = now, time.perf_counter()
        elif time.perf_counter() - changed > 1.0:
            return Settled(count, changed)
        await asyncio.sleep(0.02)


async def run_requests(session, target: str, url: str, total: int, concurrency: int,
                       run: str, first: int = 0) -> tuple[list[float], int]:
    """Requests ``first`` to ``first + total``; request n comes from user n % USERS."""
    requests = [request_body(target, n, run) for n in range(first, first + total)]
    latencies: list[float] = []
    errors = 0
    next_index = 0

    async def worker() -> None:
        nonlocal next_index, errors
        while next_index < total:
            index = next_index
            next_index += 1
            started = time.perf_counter()
            body, headers = requests[index]
            async with session.post(url, data=body, headers=headers) as response:
                body = await response.text()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status != 200 or not expected(target, body):
                errors += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors


def start_server(target: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen([sys.executable, __file__, "--serve", target], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})})
    line = process.stdout.readline()
    if not line.startswith("READY "):
        process.kill()
        raise SystemExit(f"server {target} did not start")
    return process, int(line.split()[1])


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(target: str, args: argparse.Namespace) -> Result:
    graph, graph_url = None, None
    if target in WHATSAPP_TARGETS:
        graph, graph_port = start_server("graph")
        graph_url = f"http://127.0.0.1:{graph_port}"
    process, port = start_server(target, {"BENCH_GRAPH_URL": graph_url} if graph_url else None)
    path = "/api/whatsapp" if target in WHATSAPP_TARGETS else "/api/messages"
    try:
        return asyncio.run(load(target, f"http://127.0.0.1:{port}{path}", args.requests, args.concurrency,
                                args.warmup, process.pid, graph_url))
    finally:
        for running in (process, graph):
            if running is not None:
                running.send_signal(signal.SIGTERM)
                running.wait(timeout=30)


def combine(target: str, rounds: list[Result]) -> Result:
    """Median requests/s over the rounds; latencies of all rounds together."""
    median = sorted(rounds, key=lambda r: r.rps)[len(rounds) // 2]
    latencies = [ms for result in rounds for ms in result.latencies_ms]
    cpu = [r.cpu_ms_per_request for r in rounds if r.cpu_ms_per_request is not None]
    return Result(target, median.requests, sum(r.errors for r in rounds), median.seconds, latencies,
                  statistics.median(cpu) if cpu else None)


def report(result: Result) -> None:
    cpu = f"{result.cpu_ms_per_request:5.2f} ms" if result.cpu_ms_per_request is not None else "    ?"
    print(f"{result.target:<8} {result.rps:8.0f} req/s   p50 {statistics.median(result.latencies_ms):6.2f} ms   "
          f"p99 {result.percentile(99):6.2f} ms   server CPU/request {cpu}   errors {result.errors}   "
          f"(n={len(result.latencies_ms)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", choices=(*TARGETS, "graph"), help=argparse.SUPPRESS)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=2 * USERS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--targets", default=",".join(TARGETS))
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve))
        return 0
    print(f"{platform.node()} | {platform.platform()} | Python {platform.python_version()} | {os.cpu_count()} CPUs")
    print(f"concurrency {args.concurrency}; per target and round {args.requests} requests after {args.warmup} "
          f"warm-up requests; {args.rounds} rounds")
    targets = args.targets.split(",")
    rounds: dict[str, list[Result]] = {target: [] for target in targets}
    for _ in range(args.rounds):
        for target in targets:
            rounds[target].append(measure(target, args))
    results = {target: combine(target, found) for target, found in rounds.items()}
    for result in results.values():
        report(result)
    for target, floor in PAIRS:
        if {target, floor} <= rounds.keys():
            per_round(target, floor, rounds)
    return summarize(results)


PAIRS = (("teams", "echo"), ("whatsapp", "wa-floor"))


def per_round(target: str, floor: str, rounds: dict[str, list[Result]]) -> None:
    """The ratio per round (the two are measured one after the other), by requests/s and by CPU."""
    paired = [t.rps / f.rps for f, t in zip(rounds[floor], rounds[target], strict=False)]
    cpu = [f.cpu_ms_per_request / t.cpu_ms_per_request for f, t in zip(rounds[floor], rounds[target], strict=False)
           if f.cpu_ms_per_request and t.cpu_ms_per_request]
    print(f"{target} / {floor} per round (measured one after the other): "
          + ", ".join(f"{ratio:.0%}" for ratio in paired)
          + (f"; by CPU per request: {', '.join(f'{ratio:.0%}' for ratio in cpu)}" if cpu else ""))


def summarize(results: dict[str, Result]) -> int:
    missed: list[str] = []
    if {"echo", "teams"} <= results.keys():
        teams, echo = results["teams"], results["echo"]
        vs_echo, p99 = teams.rps / echo.rps, teams.percentile(99)
        print(f"teams / echo floor: {vs_echo:.0%} of requests/s (target >= {TARGET_RATIO:.0%})")
        if "bare" in results:
            print(f"teams / bare floor: {teams.rps / results['bare'].rps:.0%} of requests/s")
        print(f"teams p99: {p99:.1f} ms (target < {TARGET_P99_MS:.0f} ms)")
        missed += [what for what, ok in (("teams requests/s ratio", vs_echo >= TARGET_RATIO),
                                         ("teams p99", p99 < TARGET_P99_MS), ("teams errors", teams.errors == 0))
                   if not ok]
    if {"wa-floor", "whatsapp"} <= results.keys():
        whatsapp, floor = results["whatsapp"], results["wa-floor"]
        ratio = whatsapp.rps / floor.rps
        print(f"whatsapp / wa-floor: {ratio:.0%} of requests/s (target >= {TARGET_RATIO:.0%})")
        missed += [what for what, ok in (("whatsapp requests/s ratio", ratio >= TARGET_RATIO),
                                         ("whatsapp errors", whatsapp.errors == 0)) if not ok]
    if not results.keys() & {"teams", "whatsapp"}:
        return 0
    print("target met" if not missed else f"target NOT met: {', '.join(missed)}")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
