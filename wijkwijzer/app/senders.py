"""Builds the delivery worker with a sender for every channel that is configured."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from wijkwijzer.app.channels import senders
from wijkwijzer.app.settings import Settings
from wijkwijzer.app.workers import DeliveryWorker, WorkerSettings
from wijkwijzer.core.channel import Channel, SendContext
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.store.outbox import Outbox
from wijkwijzer.store.references import ConversationReferences


def worker_settings(settings: Settings, **overrides: Any) -> WorkerSettings:
    values = {"lease": timedelta(seconds=settings.outbox_lease_seconds), "max_attempts": settings.outbox_max_attempts,
              "backoff_base": settings.outbox_backoff_base, **overrides}
    return WorkerSettings(**values)


def delivery_worker(runtime: Any, chosen: Iterable[Channel], references: ConversationReferences, metrics: Metrics,
                    **overrides: Any) -> DeliveryWorker:
    outbox: Outbox = runtime.outbox
    context = SendContext(metrics=metrics, secret=runtime.settings.secret(), references=references)
    return DeliveryWorker(outbox, senders(chosen, context), settings=worker_settings(runtime.settings, **overrides),
                          metrics=metrics)
