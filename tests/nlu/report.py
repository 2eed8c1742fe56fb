"""Accuracy of the understanding on the test set: `.venv/bin/python tests/nlu/report.py [-v]`."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from wijkwijzer.bot.nlu import ENTITY_KEYS, understand  # noqa: E402
from wijkwijzer.knowledge.loader import KnowledgeBase, load_knowledge_base  # noqa: E402

UTTERANCES = Path(__file__).with_name("utterances.yaml")
HELD_OUT = Path(__file__).with_name("heldout.yaml")


@dataclass
class Evaluation:
    total: int = 0
    intent_ok: int = 0
    entities_ok: int = 0
    per_intent: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return self.intent_ok / self.total

    @property
    def entity_accuracy(self) -> float:
        return self.entities_ok / self.total


def load_cases(path: Path = UTTERANCES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def evaluate(kb: KnowledgeBase, path: Path = UTTERANCES) -> Evaluation:
    result = Evaluation()
    for case in load_cases(path):
        expected = {key: None for key in ENTITY_KEYS} | {k: str(v) for k, v in (case.get("e") or {}).items()}
        got = understand(case["t"], kb)
        result.total += 1
        result.per_intent[case["i"]] += 1
        intent_ok = got.intent == case["i"]
        entities_ok = got.entities == expected
        result.intent_ok += intent_ok
        result.entities_ok += entities_ok
        if not (intent_ok and entities_ok):
            wrong = {k: got.entities[k] for k in ENTITY_KEYS if got.entities[k] != expected[k]}
            result.failures.append(f"{case['t']!r}: intent {got.intent} (verwacht {case['i']}), entiteiten anders: {wrong}")
    return result


def main() -> None:
    kb = load_knowledge_base()
    for label, path in (("testset", UTTERANCES), ("held-out (niet op getuned)", HELD_OUT)):
        result = evaluate(kb, path)
        print(f"{label}: {result.total} uitingen, {len(result.per_intent)} intenties")
        print(f"  intentie juist:   {result.intent_accuracy:.1%} ({result.intent_ok}/{result.total})")
        print(f"  entiteiten juist: {result.entity_accuracy:.1%} ({result.entities_ok}/{result.total})  (alle 9 waarden gelijk)")
        if "-v" in sys.argv:
            print("\n".join(f"  {failure}" for failure in result.failures))


if __name__ == "__main__":
    main()
