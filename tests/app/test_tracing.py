"""The SDK's spans cost nothing unless someone collects traces or metrics, and are kept when someone does.

Each case runs in its own Python process: the providers are process-wide and can be set once.
"""

from __future__ import annotations

import json
import subprocess
import sys

# An SDK span as the adapter makes one per request; prints what was installed and what was recorded.
SDK_SPAN = """
import json
from opentelemetry import trace
from microsoft_agents.hosting.core.telemetry.adapter.spans import AdapterProcess
from wijkwijzer.app.tracing import quiet_unless_configured
exporter = reader = None
{setup}
installed = quiet_unless_configured()
with AdapterProcess() as span:
    otel = span.otel_span
    recording = otel.is_recording() if otel is not None else None
    current = otel is not None and trace.get_current_span() is otel
points = 0
if reader is not None:
    data = reader.get_metrics_data()
    points = sum(len(m.data.data_points) for r in data.resource_metrics for s in r.scope_metrics for m in s.metrics)
print(json.dumps({{"installed": installed, "wrapper": span is not None and otel is None, "recording": recording,
                  "current": current, "provider": type(trace.get_tracer_provider()).__name__,
                  "exported": [s.name for s in exporter.get_finished_spans()] if exporter else None,
                  "metric_points": points}}))
"""

TRACER_CONFIGURED = """
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
exporter = InMemorySpanExporter()
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(exporter))
trace.set_tracer_provider(provider)
"""
METER_CONFIGURED = """
from opentelemetry import metrics
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
reader = InMemoryMetricReader()
metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))
"""

# A real Teams turn through the server as `wijkwijzer serve` builds it, with nothing configured.
TEAMS_TURN = """
import asyncio, json, sys, tempfile
from pathlib import Path
from aiohttp import ClientSession, web
from microsoft_agents.hosting.core.telemetry.core.base_span_wrapper import BaseSpanWrapper
from wijkwijzer.adapters.teams.settings import TeamsSettings
from wijkwijzer.app.server import create_serving_app
from wijkwijzer.app.settings import Settings

async def main():
    with tempfile.TemporaryDirectory() as state:
        settings = Settings(state_dir=Path(state), pseudonym_secret="test", outbox_worker=False)
        app = await create_serving_app(settings, teams=TeamsSettings(teams_anonymous=True))
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        activity = {"type": "message", "id": "m1", "channelId": "msteams", "deliveryMode": "expectReplies",
                    "serviceUrl": "http://127.0.0.1:9/", "from": {"id": "29:u", "aadObjectId": "aad-u"},
                    "recipient": {"id": "28:bot"}, "text": "help",
                    "conversation": {"id": "a:1", "conversationType": "personal", "tenantId": "t"}}
        async with ClientSession() as session:
            async with session.post(f"http://127.0.0.1:{runner.addresses[0][1]}/api/messages", json=activity) as r:
                status, body = r.status, await r.json()
        await runner.cleanup()
    print(json.dumps({"status": status, "replies": len(body["activities"]),
                      "inert": BaseSpanWrapper.__enter__.__module__ == "wijkwijzer.app.tracing"}))

asyncio.run(main())
"""


def run(script: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_without_providers_the_sdk_spans_are_not_made_and_its_wrappers_do_nothing():
    found = run(SDK_SPAN.format(setup=""))
    assert found["installed"] is True and found["provider"] == "QuietTracerProvider"
    assert found["wrapper"] is True and found["current"] is False


def test_a_configured_tracer_provider_is_left_alone_and_records_the_sdk_spans():
    found = run(SDK_SPAN.format(setup=TRACER_CONFIGURED))
    assert found["installed"] is False and found["provider"] == "TracerProvider"
    assert found["recording"] is True and found["current"] is True
    assert len(found["exported"]) == 1


def test_a_configured_meter_provider_is_left_alone_and_gets_the_sdk_metrics():
    found = run(SDK_SPAN.format(setup=METER_CONFIGURED))
    assert found["installed"] is False
    assert found["metric_points"] > 0


def test_a_teams_turn_runs_with_the_sdk_wrappers_inert():
    found = run(TEAMS_TURN)
    assert found["status"] == 200 and found["replies"] >= 1 and found["inert"] is True
