"""Builds the delivery worker with a sender for every channel that is configured."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from wijkwijzer.adapters.teams.announcer import TeamsAnnouncer
from wijkwijzer.adapters.teams.endpoint import TeamsHooks
from wijkwijzer.adapters.teams.settings import TeamsSettings
from wijkwijzer.adapters.whatsapp.endpoint import announcer_from, configured
from wijkwijzer.adapters.whatsapp.settings import CHANNEL_ID as WHATSAPP_CHANNEL
from wijkwijzer.adapters.whatsapp.settings import WhatsAppSettings
from wijkwijzer.app.settings import Settings
from wijkwijzer.app.workers import DeliveryWorker, WorkerSettings
from wijkwijzer.core.delivery import ChannelSender
from wijkwijzer.core.metrics import Metrics
from wijkwijzer.store.outbox import Outbox
from wijkwijzer.store.references import ConversationReferences


def channel_senders(teams: TeamsSettings, references: ConversationReferences, metrics: Metrics, secret: str,
                    teams_hooks: TeamsHooks | None = None,
                    whatsapp_settings: WhatsAppSettings | None = None) -> dict[str, ChannelSender]:
    senders: dict[str, Any] = {}
    if teams.teams_app_id or teams.teams_anonymous:
        senders[TeamsAnnouncer.channel] = TeamsAnnouncer.from_settings(teams, references, teams_hooks)
    whatsapp_settings = whatsapp_settings or WhatsAppSettings()
    if configured(whatsapp_settings):
        senders[WHATSAPP_CHANNEL] = announcer_from(whatsapp_settings, metrics, secret)
    return senders


def worker_settings(settings: Settings, **overrides: Any) -> WorkerSettings:
    values = {"lease": timedelta(seconds=settings.outbox_lease_seconds), "max_attempts": settings.outbox_max_attempts,
              "backoff_base": settings.outbox_backoff_base, **overrides}
    return WorkerSettings(**values)


def delivery_worker(runtime: Any, teams: TeamsSettings, references: ConversationReferences, metrics: Metrics,
                    teams_hooks: TeamsHooks | None = None, whatsapp_settings: Any = None,
                    **overrides: Any) -> DeliveryWorker:
    outbox: Outbox = runtime.outbox
    senders = channel_senders(teams, references, metrics, runtime.settings.secret(), teams_hooks, whatsapp_settings)
    return DeliveryWorker(outbox, senders, settings=worker_settings(runtime.settings, **overrides), metrics=metrics)
