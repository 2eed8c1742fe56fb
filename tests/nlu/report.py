"""Accuracy of the understanding on the test sets: `.venv/bin/python tests/nlu/report.py [-v]`.

Intent accuracy and entity accuracy are counted separately; an utterance's entities are right
only when all 9 values equal the expectation. `-v` also lists every miss.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from wijkwijzer.core.understanding import ENTITY_KEYS, understand
from wijkwijzer.knowledge.loader import KnowledgeBase, load_knowledge_base

UTTERANCES = Path(__file__).with_name("utterances.yaml")
HELD_OUT = Path(__file__).with_name("heldout.yaml")


@dataclass
class Evaluation:
    total: int = 0
    intent_ok: int = 0
    entities_ok: int = 0
    per_intent: Counter = field(default_factory=Counter)
    per_intent_ok: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return self.intent_ok / self.total if self.total else 0.0

    @property
    def entity_accuracy(self) -> float:
        return self.entities_ok / self.total if self.total else 0.0


def load_cases(path: Path = UTTERANCES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def expected_entities(case: dict) -> dict[str, str | None]:
    return dict.fromkeys(ENTITY_KEYS) | {key: str(value) for key, value in (case.get("e") or {}).items()}


def evaluate(kb: KnowledgeBase, path: Path = UTTERANCES) -> Evaluation:
    result = Evaluation()
    for case in load_cases(path):
        expected = expected_entities(case)
        got = understand(case["t"], kb)
        intent_ok = got.intent == case["i"]
        entities_ok = got.entities == expected
        result.total += 1
        result.per_intent[case["i"]] += 1
        result.per_intent_ok[case["i"]] += intent_ok
        result.intent_ok += intent_ok
        result.entities_ok += entities_ok
        if not (intent_ok and entities_ok):
            wrong = {key: got.entities[key] for key in ENTITY_KEYS if got.entities[key] != expected[key]}
            result.failures.append(
                f"{case['t']!r}: intentie {got.intent} (verwacht {case['i']}), entiteiten anders: {wrong}"
            )
    return result


def summary(label: str, result: Evaluation, verbose: bool = False) -> str:
    lines = [
        f"{label}: {result.total} uitingen, {len(result.per_intent)} intenties",
        f"  intentie juist:   {result.intent_accuracy:.1%} ({result.intent_ok}/{result.total})",
        (f"  entiteiten juist: {result.entity_accuracy:.1%} ({result.entities_ok}/{result.total})"
        "  (alle 9 waarden gelijk)"),
        "  per intentie (juist/aantal): " + ", ".join(
            f"{intent} {result.per_intent_ok[intent]}/{count}" for intent, count in sorted(result.per_intent.items())
        ),
    ]
    if verbose:
        lines.extend(f"  mis: {failure}" for failure in result.failures)
    return "\n".join(lines)


def main() -> None:
    kb = load_knowledge_base()
    verbose = "-v" in sys.argv
    for label, path in (("testset", UTTERANCES), ("held-out (niet op getuned)", HELD_OUT)):
        if path.exists():
            print(summary(label, evaluate(kb, path), verbose))


if __name__ == "__main__":
    main()
