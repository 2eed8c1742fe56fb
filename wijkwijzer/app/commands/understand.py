"""``wijkwijzer understand``: how Wijkwijzer reads a message (intent and entities).

* ``understand "TEXT" --json`` prints the contract object of ARCHITECTURE.md:
  ``{"intent": …, "confidence": …, "entities": {rol, wijk, gemeente, school, postcode,
  expertise, thema, begrip, route}}``. Without ``--json``: one short Dutch line.
* ``understand`` without TEXT reads one message per line from standard input and prints one
  JSON object per line (JSON lines), loading the knowledge base once. An empty input line gets
  an ``unknown`` object too, so output line n always belongs to input line n.

Exit codes: 0 done, 2 the knowledge base could not be loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wijkwijzer.core.understanding import Understanding, understand
from wijkwijzer.knowledge.loader import KnowledgeBaseError, load_knowledge_base


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("understand", help="laat zien hoe Wijkwijzer een bericht begrijpt (intentie en entiteiten)")
    parser.add_argument("text", nargs="?",
                        help="het bericht; zonder: één bericht per regel van standaardinvoer (JSON lines)")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON-object volgens het contract")
    parser.add_argument("--kb", type=Path, default=None, metavar="MAP",
                        help="kennisbank-map (standaard: de demo-kennisbank)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        kb = load_knowledge_base(args.kb)
    except KnowledgeBaseError as error:
        print(f"De kennisbank kan niet worden geladen:\n{error}", file=sys.stderr)
        return 2
    if args.text is not None:
        result = understand(args.text, kb)
        print(_json(result) if args.json else _line(result))
        return 0
    for line in sys.stdin:
        print(_json(understand(line.rstrip("\r\n"), kb)), flush=True)
    return 0


def _json(result: Understanding) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False)


def _line(result: Understanding) -> str:
    found = ", ".join(f"{key}: {value}" for key, value in result.entities.items() if value) or "niets"
    doubt = "; ".join(f"{key}: {' of '.join(names)}" for key, names in result.ambiguous.items())
    line = f"intentie {result.intent} (zekerheid {result.confidence:.2f}); gevonden: {found}"
    return f"{line}; twijfel tussen {doubt}" if doubt else line
