"""The aiohttp server: health, readiness, metrics, body limits, bad input, shutdown, ``serve``."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.adapters import fakes
from wijkwijzer.adapters.teams.settings import TeamsSettings
from wijkwijzer.adapters.whatsapp.settings import WhatsAppSettings
from wijkwijzer.app import server as server_module
from wijkwijzer.app.commands.serve import configuration_problems, is_loopback
from wijkwijzer.app.server import CHANNELS, IN_FLIGHT, METRICS, RUNTIME, create_serving_app
from wijkwijzer.app.settings import Settings
from wijkwijzer.store.database import create_engine

make_teams = fakes.make_teams  # the server fixture
ROOT = Path(__file__).resolve().parents[2]


def sample(server, name: str, **labels: str) -> float:
    return server.app[METRICS].registry.get_sample_value(name, labels) or 0.0


async def test_healthz(make_teams):
    server = await make_teams()
    assert await server.get("/healthz") == (200, '{"status": "ok"}')


async def test_readyz_reports_database_and_knowledge_base(make_teams):
    server = await make_teams()
    status, body = await server.get("/readyz")
    assert status == 200 and json.loads(body) == {"status": "ready", "database": "ok", "knowledge_base": "ok"}
    runtime = server.runtime
    working, broken = runtime.engine, create_engine("sqlite+aiosqlite:////nonexistent-dir/wijkwijzer.sqlite")
    runtime.engine = broken
    try:
        status, body = await server.get("/readyz")
    finally:
        runtime.engine = working
        await broken.dispose()
    assert status == 503 and json.loads(body)["database"] == "fout"


async def test_metrics_show_turns_latency_refusals_and_sends(make_teams):
    server = await make_teams()
    await server.post(server.message("smw ypenburg"))
    await server.post(server.message("help"), token=None)
    async with server.session.get(f"{server.url}/metrics") as response:
        assert response.headers["Content-Type"].startswith("text/plain")
        text = await response.text()
    assert 'wijkwijzer_turns_total{channel="msteams",intent="partner_lookup"} 1.0' in text
    assert 'wijkwijzer_turn_seconds_count{channel="msteams"} 1.0' in text
    assert 'wijkwijzer_rejected_requests_total{channel="msteams",reason="no_token"} 1.0' in text
    assert 'wijkwijzer_outbound_sends_total{channel="msteams",result="ok"} 1.0' in text


async def test_body_over_the_limit_by_content_length_gets_413_before_reading(make_teams):
    server = await make_teams(max_body_bytes=4096)
    activity = server.message("x" * 5000)
    response = await server.post(activity)
    assert response.status == 413
    assert server.understood == [] and server.connector.requests == []
    assert sample(server, "wijkwijzer_rejected_requests_total", channel="msteams", reason="too_large") == 1


async def test_chunked_body_over_the_limit_gets_413(make_teams):
    server = await make_teams(max_body_bytes=4096)

    async def chunks():
        for _ in range(8):
            yield b" " * 1024

    headers = {"Authorization": f"Bearer {server.token()}", "Content-Type": "application/json"}
    async with server.session.post(f"{server.url}/api/messages", data=chunks(), headers=headers) as response:
        assert response.status == 413
    assert server.understood == []


async def test_the_whatsapp_endpoint_has_a_body_limit_of_its_own(make_teams):
    """Meta batches up to 3 MB, so the webhook's limit is its own (WIJKWIJZER_WHATSAPP_MAX_BODY_BYTES)."""
    whatsapp = WhatsAppSettings(app_secret="test-app-secret", max_body_bytes=8192)
    server = await make_teams(max_body_bytes=4096, whatsapp=whatsapp)
    async with server.session.post(f"{server.url}/api/whatsapp", data=b"{" + b" " * 9000 + b"}") as response:
        assert response.status == 413
    assert sample(server, "wijkwijzer_rejected_requests_total", channel="whatsapp", reason="too_large") == 1
    async with server.session.post(f"{server.url}/api/whatsapp", data=b"{" + b" " * 5000 + b"}") as response:
        assert response.status == 401  # within its limit: read, and refused for its missing signature


@pytest.mark.parametrize("body,reason", [
    (b"{not json", "bad_json"),
    (b"\xff\xfe\x00", "bad_json"),
    (b"[1, 2, 3]", "bad_activity"),
    (b"[" * 100_000, "bad_json"),
    (b'{"type": "message", "conversation": 5, "serviceUrl": "http://127.0.0.1/"}', "bad_activity"),
    (b'{"type": "message", "serviceUrl": "http://127.0.0.1/"}', "bad_activity"),
])
async def test_malformed_bodies_get_400_without_a_stack_trace(make_teams, body, reason):
    server = await make_teams()
    async with server.session.post(f"{server.url}/api/messages", data=body,
                                   headers={"Authorization": f"Bearer {server.token()}"}) as response:
        assert response.status == 400
        text = await response.text()
    assert "Traceback" not in text and "File \"" not in text
    assert json.loads(text)["error"]
    assert sample(server, "wijkwijzer_rejected_requests_total", channel="msteams", reason=reason) == 1


async def test_authentication_comes_before_parsing(make_teams):
    server = await make_teams()
    response = await server.post(b"{not json", token=None)
    assert response.status == 401
    assert sample(server, "wijkwijzer_rejected_requests_total", channel="msteams", reason="bad_json") == 0


async def test_unexpected_failure_is_a_500_without_details(make_teams):
    server = await make_teams()

    async def explode(*args, **kwargs):
        raise RuntimeError("geheim-detail-0815")

    server.app[CHANNELS]["msteams"].endpoint.adapter.process_request = explode
    async with server.session.post(f"{server.url}/api/messages", json=server.message("help"),
                                   headers={"Authorization": f"Bearer {server.token()}"}) as response:
        assert response.status == 500
        assert "geheim-detail-0815" not in await response.text()


async def test_shutdown_lets_a_turn_in_flight_finish(make_teams):
    server = await make_teams()
    agent = server.runtime.agent
    on_turn = agent.on_turn

    async def slow_turn(context):
        await asyncio.sleep(0.3)
        await on_turn(context)

    agent.on_turn = slow_turn
    request = asyncio.create_task(server.post(server.message("smw ypenburg")))
    while server.app[IN_FLIGHT].count == 0:
        await asyncio.sleep(0.01)
    await server.stop()
    assert (await request).status == 202
    assert "Fatma Yilmaz" in server.connector.texts()



async def test_the_serving_app_keeps_its_startup_objects_out_of_the_collector(tmp_path, monkeypatch):
    """``wijkwijzer serve`` freezes what startup built: a full collection while serving no longer
    walks the knowledge base (a pause every turn in flight waited for). Quiet tracing, process-wide
    and not undone, is left out here (tests/app/test_tracing.py runs it in its own processes)."""
    monkeypatch.setattr(server_module, "quiet_unless_configured", lambda: False)
    settings = Settings(state_dir=tmp_path / "state", pseudonym_secret="test-secret", outbox_worker=False)
    app = await create_serving_app(settings, teams=TeamsSettings(teams_anonymous=True))
    try:
        collected = {id(item) for item in gc.get_objects()}
        kb = app[RUNTIME].kb.current
        assert gc.get_freeze_count() > 0
        assert id(kb) not in collected and id(kb.resolver) not in collected
    finally:
        gc.unfreeze()
        await app[RUNTIME].close()

def test_anonymous_mode_is_refused_on_a_non_loopback_address():
    teams = TeamsSettings(teams_anonymous=True)
    assert configuration_problems("0.0.0.0", teams)
    assert configuration_problems("::", teams)
    assert configuration_problems("wijkwijzer.example.nl", teams)
    assert configuration_problems("127.0.0.1", teams) == []
    assert configuration_problems("localhost", teams) == []
    assert configuration_problems("0.0.0.0", TeamsSettings(teams_anonymous=False)) == []
    assert is_loopback("::1") and is_loopback("127.0.0.2") and not is_loopback("10.0.0.1")


def test_app_id_without_a_credential_is_refused():
    teams = TeamsSettings(teams_app_id="8c1f5a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b", teams_app_password=None,
                          teams_certificate_file=None)
    assert any("WIJKWIJZER_TEAMS_APP_PASSWORD" in p for p in configuration_problems("0.0.0.0", teams))


def _serve(tmp_path: Path, *args: str, **env: str) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("WIJKWIJZER_")}
    environment.update({"WIJKWIJZER_STATE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT), **env})
    return subprocess.Popen([sys.executable, "-m", "wijkwijzer.app.cli", "serve", *args], env=environment,
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_serve_refuses_anonymous_mode_on_all_interfaces(tmp_path):
    process = _serve(tmp_path, "--host", "0.0.0.0", WIJKWIJZER_TEAMS_ANONYMOUS="true")
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "WIJKWIJZER_TEAMS_ANONYMOUS" in stderr and "127.0.0.1" in stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_starts_answers_and_stops_cleanly_on_sigterm(tmp_path):
    port = _free_port()
    process = _serve(tmp_path, "--port", str(port), WIJKWIJZER_TEAMS_ANONYMOUS="true")
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                    assert json.load(response)["status"] == "ready"
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
                time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
