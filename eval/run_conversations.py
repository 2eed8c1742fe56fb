"""Measure conversations and single messages on the evaluation sets (issue 15).

    .venv/bin/python eval/run_conversations.py                    # both parts, figures only
    .venv/bin/python eval/run_conversations.py --part dev --misses

Conversations (eval/conversations/<part>.yaml) run through the real agent, the console channel
and a SQLite file through the code of ``wijkwijzer chat --script`` (``terminal_user`` and
``replay``; ``wait_minutes`` becomes a ``#wacht N`` line), each conversation in a fresh
database, as the user it names (``who``, ``wijk``). Every turn's replies are checked against its ``expect``; a turn is
right when every check holds, a conversation when every turn is.

Single messages (eval/conversations/<part>_utterances.yaml) go through ``understand``: intent
accuracy, entity accuracy (every one of the nine entities right; for an ``unknown`` message only
the intent counts, since the contract names no entities for it) and unknown caught (of the
messages that should stay unknown, how many did).

Three parts: ``tuned`` (written first, tuned on), ``dev`` (written later by someone else, tuned
on too) and ``heldout`` (never tuned on; figures only). Never print the held-out part's texts:
``--misses`` refuses it.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402 - after the sys.path line

from wijkwijzer.adapters.console.adapter import ConsoleAdapter  # noqa: E402 - after the sys.path line
from wijkwijzer.app.commands.chat import SessionClock, replay, terminal_user  # noqa: E402 - after the sys.path line
from wijkwijzer.app.runtime import FixedProfile, create_runtime  # noqa: E402 - after the sys.path line
from wijkwijzer.app.settings import Settings  # noqa: E402 - after the sys.path line
from wijkwijzer.core.replies import choices_of  # noqa: E402 - after the sys.path line
from wijkwijzer.core.services import Profile  # noqa: E402 - after the sys.path line
from wijkwijzer.core.understanding import understand  # noqa: E402 - after the sys.path line
from wijkwijzer.knowledge.loader import KnowledgeBase, KnowledgeBaseHolder  # noqa: E402 - after the sys.path line
from wijkwijzer.store.schema import signals  # noqa: E402 - after the sys.path line

SETS = ROOT / "eval" / "conversations"
TUNABLE = ("tuned", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
           "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19")
"""Parts the rules may be tuned on; "heldout" never is."""
@dataclass
class Outcome:
    why: Counter[str] = field(default_factory=Counter)
    """Which checks failed, by key (figures only: no text), for every part."""
    turns: int = 0
    turns_right: int = 0
    conversations: int = 0
    conversations_right: int = 0
    misses: list[str] = field(default_factory=list)


def private_details(kb: KnowledgeBase) -> list[str]:
    """Phone numbers and e-mail addresses of every person in the knowledge base."""
    found = {value for c in kb.contacts if c.rol not in ("veilig_thuis",) for value in (c.telefoon, c.email) if value}
    found |= {value for s in kb.schools.values() if s.ib for value in (s.ib.telefoon, s.ib.email) if value}
    return sorted(found)


def check(expect: dict[str, Any], text: str, choices: list[str], saved: int, details: list[str]) -> list[str]:
    """The checks of one turn that fail (empty: the turn is right)."""
    low = text.lower()
    seen = (text + "\n" + "\n".join(choices)).lower()
    failed = []

    def need(ok: bool, what: str) -> None:
        if not ok:
            failed.append(what)

    for key, value in expect.items():
        if key == "contains":
            need(all(v.lower() in seen for v in value), f"contains {value}")
        elif key == "contains_any":
            need(any(v.lower() in seen for v in value), f"contains_any {value}")
        elif key == "not_contains":
            need(not any(v.lower() in seen for v in value), f"not_contains {value}")
        elif key in ("contacts", "schools_all"):
            need(all(v.lower() in low for v in value), f"{key} {value}")
        elif key in ("contacts_any", "schools_any"):
            need(any(v.lower() in low for v in value), f"{key} {value}")
        elif key == "no_contact_details":
            need(not value or not any(d.lower() in low for d in details), "no_contact_details")
        elif key == "asks":
            need(("?" in text) == bool(value), f"asks={value}")
        elif key == "safety":
            need(("0800-2000" in text) == bool(value), f"safety={value}")
        elif key == "emergency_112":
            need(bool(re.search(r"\b112\b", text)) == bool(value), f"112={value}")
        elif key == "suicide_113":
            need(("0800-0113" in text or bool(re.search(r"\b113\b", text))) == bool(value), f"113={value}")
        elif key == "route_step":
            need(value.lower() in low, f"route_step {value}")
        elif key == "signal_saved":  # a signal was saved in this turn
            need((saved > 0) == bool(value), f"signal_saved={value}")
        elif key == "choices_include":
            need(all(any(v.lower() == c.lower() for c in choices) for v in value), f"choices_include {value}")
        else:
            failed.append(f"unknown check {key}")
    return failed


def script_of(conversation: dict[str, Any]) -> list[str]:
    """The conversation as a ``wijkwijzer chat --script`` file: one line per message, ``#wacht N``
    for idle time."""
    lines = []
    for turn in conversation["turns"]:
        if "wait_minutes" in turn:
            lines.append(f"#wacht {int(turn['wait_minutes'])}")
        else:
            lines.append(str(turn["say"]).replace("\n", " "))
    return lines


async def run_conversation(conversation: dict[str, Any], show: bool,
                           why: Counter[str] | None = None) -> tuple[int, int, list[str]]:
    """Replay one conversation exactly as ``wijkwijzer chat --script`` does (``terminal_user``,
    ``replay``), in a fresh state directory, and check each turn."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(state_dir=Path(tmp), pseudonym_secret="eval-secret-" + "x" * 32)
        runtime = await create_runtime(settings, FixedProfile(Profile(user_id="console-gast")))
        try:
            kb = runtime.kb.current
            profile = await terminal_user(runtime, conversation.get("who", "ib"), conversation.get("wijk"))
            clock = SessionClock()
            runtime.agent.profiles = FixedProfile(profile)
            runtime.agent.clock = clock
            adapter = ConsoleAdapter(runtime.agent.on_turn, user_id=profile.user_id, conversation_id="eval")
            details = private_details(kb)
            expects = [turn.get("expect") or {} for turn in conversation["turns"] if "wait_minutes" not in turn]
            right = total = stored = 0
            misses: list[str] = []
            async for turn in replay(adapter, script_of(conversation), clock):
                text = "\n".join(r.text or "" for r in turn.replies)
                choices = [c for r in turn.replies for c in choices_of(r)]
                async with runtime.engine.connect() as conn:
                    count = (await conn.execute(select(func.count()).select_from(signals))).scalar_one()
                saved, stored = count - stored, count
                failed = check(expects[turn.number - 1], text, choices, saved, details)
                total += 1
                if failed:
                    if why is not None:
                        why.update(re.split(r"[ =]", f, maxsplit=1)[0] for f in failed)
                    if show:
                        misses.append(f"[{conversation['id']} turn {turn.number}] {turn.user!r}: {'; '.join(failed)}\n"
                                      f"    → {text[:300]!r} {choices}")
                else:
                    right += 1
        finally:
            await runtime.close()
    return right, total, misses


def measure_conversations(part: str, show: bool) -> Outcome:
    items = yaml.safe_load((SETS / f"{part}.yaml").read_text(encoding="utf-8")) or []
    outcome = Outcome()
    for conversation in items:
        right, total, misses = asyncio.run(run_conversation(conversation, show, outcome.why))
        outcome.turns += total
        outcome.turns_right += right
        outcome.conversations += 1
        outcome.conversations_right += right == total
        outcome.misses.extend(misses)
    return outcome


def measure_utterances(part: str, show: bool) -> tuple[str, list[str], Counter[str]]:
    path = SETS / f"{part}_utterances.yaml"
    why: Counter[str] = Counter()
    if not path.exists():
        return "none in this part", [], why  # dev5 holds conversations only
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    kb = KnowledgeBaseHolder(None).current
    intents = entities = unknown = unknown_right = 0
    misses = []
    for item in items:
        result = understand(item["t"], kb)
        expected = item.get("e") or {}
        intent_ok = result.intent == item["i"]
        intents += intent_ok
        if item["i"] == "unknown":
            unknown += 1
            unknown_right += intent_ok
            entity_ok = intent_ok
        else:
            entity_ok = intent_ok and all(result.entities.get(k) == expected.get(k) for k in result.entities)
        entities += entity_ok
        if not intent_ok:
            why[f"intent {item['i']}->{result.intent}"] += 1
        elif not entity_ok:
            why.update(f"entity {k}" for k in result.entities if result.entities.get(k) != expected.get(k))
        if show and not entity_ok:
            got = {k: v for k, v in result.entities.items() if v}
            misses.append(f"[utterance] {item['t']!r}: expected {item['i']} {expected}, got {result.intent} {got}")
    n = len(items)
    summary = (f"intent {intents}/{n} = {100 * intents / n:.1f}%; all entities right {entities}/{n} = "
               f"{100 * entities / n:.1f}%; unknown caught {unknown_right}/{unknown} = "
               f"{100 * unknown_right / max(1, unknown):.1f}%")
    return summary, misses, why


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=(*TUNABLE, "heldout", "all"), default="all")
    parser.add_argument("--misses", action="store_true", help="print what went wrong (tuned and dev parts only)")
    args = parser.parse_args()
    if args.misses and args.part not in TUNABLE:
        parser.error("--misses only for --part tuned or dev: the held-out part is read for figures only")
    for part in ((*TUNABLE, "heldout") if args.part == "all" else (args.part,)):
        conversations = measure_conversations(part, args.misses)
        utterances, misses, why = measure_utterances(part, args.misses)
        print(f"\n=== {part} ===")
        print(f"turns right: {conversations.turns_right}/{conversations.turns} = "
              f"{100 * conversations.turns_right / conversations.turns:.1f}%")
        print(f"conversations fully right: {conversations.conversations_right}/{conversations.conversations} = "
              f"{100 * conversations.conversations_right / conversations.conversations:.1f}%")
        print(f"single messages: {utterances}")
        if conversations.why or why:
            print("failed checks (turns): " + ", ".join(f"{k} {n}" for k, n in conversations.why.most_common()))
            print("single-message errors: " + ", ".join(f"{k} {n}" for k, n in why.most_common()))
        for line in [*conversations.misses, *misses]:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
