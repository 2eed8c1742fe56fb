"""The conversations. Every module here declares its routes next to its handlers
(``ROUTES``); :func:`routes` collects them, so a new dialog is one new module."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from wijkwijzer.core.conversation import Route

COPY_FILE = Path(__file__).with_name("texts.yaml")


def routes() -> list[Route]:
    """The ``ROUTES`` of every module of this package, in module-name order."""
    found: list[Route] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        declared = getattr(importlib.import_module(f"{__name__}.{module.name}"), "ROUTES", ())
        found.extend(declared)
    return found
