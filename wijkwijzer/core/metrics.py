"""Prometheus metrics, in a registry per app so tests and several apps in one process stay apart."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
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
        # Operations gauges, set from the database and the knowledge base when /metrics is read
        # (app/server.py); the same in every process, unlike the counters above.
        self.outbox_backlog = Gauge("wijkwijzer_outbox_backlog", "Announcement deliveries not yet sent (pending or sending)",
                                    registry=self.registry)
        self.outbox_oldest = Gauge("wijkwijzer_outbox_oldest_undelivered_seconds",
                                   "Age of the oldest announcement with an undelivered recipient (0: none)",
                                   registry=self.registry)
        self.kb_age = Gauge("wijkwijzer_knowledge_base_age_seconds",
                            "Age of the knowledge base being served (upload of the live version, else newest file)",
                            registry=self.registry)
        self.kb_stale = Gauge("wijkwijzer_knowledge_base_stale_contacts",
                              "Contacts not checked in the last 12 months", registry=self.registry)
        self._children: dict[tuple[Any, ...], Any] = {}

    def reject(self, channel: str, reason: str) -> None:
        self.rejected.labels(channel=channel, reason=reason).inc()

    def sent(self, channel: str, result: str) -> None:
        self._child(self.outbound, channel, result).inc()

    def turn(self, channel: str, intent: str, seconds: float) -> None:
        self._child(self.turns, channel, intent).inc()
        self._child(self.turn_seconds, channel).observe(seconds)

    def _child(self, metric: Any, *labels: str) -> Any:
        """The labelled child, kept: ``labels()`` checks and locks on every call, and these run
        on every turn and every reply."""
        key = (metric, *labels)
        child = self._children.get(key)
        if child is None:
            child = self._children[key] = metric.labels(*labels)
        return child

    def render(self) -> bytes:
        return generate_latest(self.registry)
