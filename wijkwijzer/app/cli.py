"""The ``wijkwijzer`` command line: one sub-command group per module in ``app/commands``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from importlib.metadata import version

from wijkwijzer.app.secrets import PseudonymKeyError
from wijkwijzer.core.conversation import RegistryError
from wijkwijzer.core.copy import CopyError

COMMAND_MODULES = ("kb", "understand", "chat", "serve", "manifest", "people", "announce", "console", "db")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wijkwijzer",
        description="Wijkwijzer: ketenpartners, ondersteuningsroute en signalen voor passend onderwijs.",
    )
    parser.add_argument("--version", action="version", version=f"wijkwijzer {version('wijkwijzer')}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"wijkwijzer.app.commands.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except (PseudonymKeyError, RegistryError, CopyError) as error:
        print(f"Wijkwijzer start niet: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nTot ziens!", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
