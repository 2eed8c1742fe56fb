"""No tracing cost when nobody collects traces.

The Agents SDK wraps every turn in about eight OpenTelemetry spans (adapter process, send
activities, write response, …). With no tracer provider configured, OpenTelemetry's API still
makes each of them: a non-recording span, a context attach and detach, a generator-based context
manager. On the 2-core benchmark machine that is ~18 µs a span, ~0.15 ms a turn. Around each span
the SDK adds its own wrapper (``BaseSpanWrapper``: an object, an ExitStack, two more generator
context managers, and a callback that records OpenTelemetry metrics), another ~70 µs a turn.

:func:`quiet_unless_configured`, for a server process where neither a tracer provider nor a meter
provider was set:

- installs a tracer provider whose spans cost nothing (the same non-recording span OpenTelemetry
  would make, without the context bookkeeping);
- makes the SDK's span wrappers inert: entering one gives the wrapper itself, its ``otel_span``
  is None (the SDK checks for that), nothing is recorded. With no providers every span would be
  non-recording and every metric a no-op anyway. The SDK (1.9) has no switch for this, so the
  three methods of ``BaseSpanWrapper`` are replaced; tests/app/test_tracing.py runs real turns
  that way and fails when the SDK's wrapper changes shape.

A deployment that wants traces or metrics sets its provider before the server starts
(``opentelemetry-instrument wijkwijzer serve``, or in code), and then this does nothing.
"""

from __future__ import annotations

from typing import Any

from opentelemetry import metrics, trace
from opentelemetry.trace import INVALID_SPAN, NoOpTracer, ProxyTracerProvider, Span


class _NoSpan:
    """A context manager that yields the non-recording span and does nothing else."""

    __slots__ = ()

    def __enter__(self) -> Span:
        return INVALID_SPAN

    def __exit__(self, *exc_info: object) -> None:
        return None


_NO_SPAN = _NoSpan()


class QuietTracer(NoOpTracer):
    def start_as_current_span(self, *args: Any, **kwargs: Any) -> _NoSpan:  # type: ignore[override]
        return _NO_SPAN

    def start_span(self, *args: Any, **kwargs: Any) -> Span:
        return INVALID_SPAN


class QuietTracerProvider(trace.TracerProvider):
    def get_tracer(self, *args: Any, **kwargs: Any) -> trace.Tracer:
        return QuietTracer()


def quiet_unless_configured() -> bool:
    """Quiet tracing (see the module docstring) when no tracer or meter provider is set; True
    when it did."""
    if not isinstance(trace.get_tracer_provider(), ProxyTracerProvider) or _meter_provider_set():
        return False
    trace.set_tracer_provider(QuietTracerProvider())
    if not isinstance(trace.get_tracer_provider(), QuietTracerProvider):
        return False
    _make_sdk_span_wrappers_inert()
    return True


def _meter_provider_set() -> bool:
    """OpenTelemetry hands out a proxy until a meter provider is set (its class is private)."""
    return type(metrics.get_meter_provider()).__name__ not in ("_ProxyMeterProvider", "NoOpMeterProvider")


# Replaces SDK internals: docs/performance.md (A6); tests/test_sdk_contracts.py pins their shape.
def _make_sdk_span_wrappers_inert() -> None:
    from microsoft_agents.hosting.core.telemetry.core.base_span_wrapper import BaseSpanWrapper

    BaseSpanWrapper.__init__ = _inert_init  # type: ignore[method-assign]
    BaseSpanWrapper.__enter__ = _inert_enter  # type: ignore[method-assign]
    BaseSpanWrapper.__exit__ = _inert_exit  # type: ignore[method-assign]


def _inert_init(self: Any) -> None:
    self._span = None
    self._active = False


def _inert_enter(self: Any) -> Any:
    return self


def _inert_exit(self: Any, *exc_info: object) -> None:
    return None
