"""The SDK's spans cost nothing unless someone collects traces, and are kept when someone does.

Each case runs in its own Python process: the tracer provider is process-wide and can be set once.
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
from wijkwijzer.bot.tracing import quiet_unless_configured
{setup}
installed = quiet_unless_configured()
with AdapterProcess() as span:
    recording = span.otel_span.is_recording()
    current = trace.get_current_span() is span.otel_span
print(json.dumps({{"installed": installed, "recording": recording, "current": current,
                  "provider": type(trace.get_tracer_provider()).__name__,
                  "exported": [s.name for s in exporter.get_finished_spans()] if exporter else None}}))
"""

NOTHING_CONFIGURED = "exporter = None"
SDK_CONFIGURED = """
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
exporter = InMemorySpanExporter()
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(exporter))
trace.set_tracer_provider(provider)
"""


def run(setup: str) -> dict:
    done = subprocess.run([sys.executable, "-c", SDK_SPAN.format(setup=setup)], capture_output=True, text=True,
                          timeout=60, check=True)
    return json.loads(done.stdout)


def test_without_a_tracer_provider_the_sdk_spans_are_not_made():
    found = run(NOTHING_CONFIGURED)
    assert found["installed"] is True and found["provider"] == "QuietTracerProvider"
    assert found["recording"] is False


def test_a_configured_tracer_provider_is_left_alone_and_records_the_sdk_spans():
    found = run(SDK_CONFIGURED)
    assert found["installed"] is False and found["provider"] == "TracerProvider"
    assert found["recording"] is True and found["current"] is True
    assert len(found["exported"]) == 1
