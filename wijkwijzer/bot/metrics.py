"""Prometheus metrics, in a registry per app so tests and several apps in one process stay apart."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]


class Metrics:
    """The counters /metrics exposes. Labels never carry message text or user ids."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.turns = Counter("wijkwijzer_turns", "Turns handled", ["channel", "intent"], registry=self.registry)
        self.turn_seconds = Histogram(
            "wijkwijzer_turn_seconds", "Turn latency", ["channel"], registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )
        self.rejected = Counter("wijkwijzer_rejected_requests", "Refused inbound requests", ["channel", "reason"],
                                registry=self.registry)
        self.outbound = Counter("wijkwijzer_outbound_sends", "Outbound send results", ["channel", "result"],
                                registry=self.registry)

    def reject(self, channel: str, reason: str) -> None:
        self.rejected.labels(channel=channel, reason=reason).inc()

    def sent(self, channel: str, result: str) -> None:
        self.outbound.labels(channel=channel, result=result).inc()

    def turn(self, channel: str, intent: str, seconds: float) -> None:
        self.turns.labels(channel=channel, intent=intent).inc()
        self.turn_seconds.labels(channel=channel).observe(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)
