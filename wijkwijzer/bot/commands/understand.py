"""``wijkwijzer understand``: how Wijkwijzer reads a message (intent and entities, as JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wijkwijzer.bot.nlu import understand
from wijkwijzer.knowledge.loader import KnowledgeBaseError, load_knowledge_base


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("understand", help="laat zien hoe Wijkwijzer een bericht begrijpt")
    parser.add_argument("text", nargs="?", help="het bericht; zonder: één bericht per regel van standaardinvoer")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
    parser.add_argument("--kb", type=Path, default=None, help="kennisbank-map (standaard: de demo)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        kb = load_knowledge_base(args.kb)
    except KnowledgeBaseError as error:
        print(f"De kennisbank kan niet worden geladen:\n{error}", file=sys.stderr)
        return 2
    if args.text is not None:
        print(_format(understand(args.text, kb), args.json))
        return 0
    for line in sys.stdin:
        # Empty lines still get an object, so output line n always belongs to input line n.
        print(json.dumps(understand(line.rstrip("\n"), kb).to_json(), ensure_ascii=False), flush=True)
    return 0


def _format(result, as_json: bool) -> str:
    if as_json:
        return json.dumps(result.to_json(), ensure_ascii=False)
    found = ", ".join(f"{k}={v}" for k, v in result.entities.items() if v) or "geen"
    return f"intentie: {result.intent} (zekerheid {result.confidence:.2f}); gevonden: {found}"
