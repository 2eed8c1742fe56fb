"""Train the one-child model (wijkwijzer/core/data/one_child_model.json) on the tune sets, or
estimate how it carries over to text it has not seen.

    .venv/bin/python eval/train_privacy_model.py                 # train on every tune set, write the model
    .venv/bin/python eval/train_privacy_model.py --hold dev5     # train without dev5, report on dev5
    .venv/bin/python eval/train_privacy_model.py --hold dev5 --old rules.json   # and beside older rules

Positives are the texts of the tune sets that single out one child without a name (kind
``singling_out`` in eval/privacy/*/pii.yaml); negatives are their clean signals, the safety
concerns and look-alikes that hold no personal data, and the single messages and conversation turns
of the understanding sets — each only when the rules do not refuse it. Texts with a name or a
number are left out: they are refused anyway and may also describe a child. The held-out part
(eval/privacy/heldout, eval/conversations/heldout*) is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import learning  # noqa: E402  (eval/learning.py)
from learning import Example  # noqa: E402

from wijkwijzer.core.inbound import capped  # noqa: E402
from wijkwijzer.core.learned import features, heads_from_json, model_file  # noqa: E402
from wijkwijzer.core.privacy import allowed_words, find_personal_data  # noqa: E402
from wijkwijzer.knowledge.loader import KnowledgeBaseHolder  # noqa: E402
from wijkwijzer.knowledge.text import normalize  # noqa: E402

PRIVACY = ("tuned", "dev", "dev3", "dev4", "dev5", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17")
SAFETY = [ROOT / "eval" / "privacy" / "tuned",
          *(ROOT / "eval" / f"safety_dev{suffix}" for suffix in ("", "2", "3", "4", "5", "6", "7", "8", "9", "10"))]
CONVERSATIONS = ("tuned", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev10")
UTTERANCES = [ROOT / "tests" / "nlu" / "utterances.yaml",
              *(ROOT / "eval" / "conversations" / f"{part}_utterances.yaml" for part in CONVERSATIONS)]
THRESHOLDS = {"one_child": 0.5}
MODEL_FILE = model_file("one_child")


def sources() -> list[Path]:
    """Every file the model learns from."""
    found = [ROOT / "eval" / "privacy" / part / f"{name}.yaml" for part in PRIVACY for name in ("pii", "clean")]
    found += [folder / f"{name}.yaml" for folder in SAFETY for name in ("safety", "lookalike")]
    found += [ROOT / "eval" / "conversations" / f"{part}.yaml" for part in CONVERSATIONS]
    return sorted(path for path in [*found, *UTTERANCES] if path.exists())


def fingerprint() -> str:
    return learning.fingerprint(sources(), Path(__file__))


def text_features(text: str) -> set[str]:
    return features(normalize(capped(text)))


def part_examples(part: str) -> tuple[list[str], list[str]]:
    """(texts that single out one child, clean texts) of one privacy part."""
    folder = ROOT / "eval" / "privacy" / part
    single = [item["text"] for item in learning.load(folder / "pii.yaml") if "singling_out" in item["kinds"]]
    return single, [item["text"] for item in learning.load(folder / "clean.yaml")]


def other_negatives() -> list[str]:
    """Texts about no one child in particular, outside the privacy parts."""
    texts = [item["text"] for folder in SAFETY for item in learning.load(folder / "lookalike.yaml")]
    texts += [item["text"] for folder in SAFETY for item in learning.load(folder / "safety.yaml") if not item.get("pii")]
    texts += [item["t"] for path in UTTERANCES for item in learning.load(path) if isinstance(item, dict) and "t" in item]
    for part in CONVERSATIONS:
        for conversation in learning.load(ROOT / "eval" / "conversations" / f"{part}.yaml"):
            texts += [turn["say"] for turn in conversation.get("turns", []) if isinstance(turn, dict) and turn.get("say")]
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", choices=PRIVACY, help="leave this part out and report on it")
    parser.add_argument("--old", type=Path, help="JSON of older rules' answers on the held part ({pii: [bool], clean: [bool]})")
    args = parser.parse_args()
    allowed = allowed_words(KnowledgeBaseHolder(None).current)

    def refused(text: str) -> bool:
        return bool(find_personal_data(text, allowed, model=False))

    negatives = other_negatives()
    positives: list[str] = []
    for part in PRIVACY:
        if part != args.hold:
            single, clean = part_examples(part)
            positives += single
            negatives += clean
    unique = sorted(set(negatives) - set(positives))
    data: list[Example] = [(text, {"one_child": 1}) for text in positives]
    data += [(text, {"one_child": 0}) for text in unique if not refused(text)]
    print(f"training on {len(data)} texts ({len(positives)} describe one child)")
    trained = learning.train(data, THRESHOLDS, text_features)
    if args.hold is None:
        trained["trained_on"] = {"sha256": fingerprint()}
        MODEL_FILE.write_text(json.dumps(trained, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(ROOT)}: {len(trained['one_child']['weights'])} weights")
        return 0
    report(trained, args.hold, args.old)
    return 0


def report(trained: dict[str, dict[str, Any]], part: str, old: Path | None) -> None:
    head = heads_from_json(trained, ("one_child",))["one_child"]
    folder = ROOT / "eval" / "privacy" / part
    pii, clean = learning.load(folder / "pii.yaml"), learning.load(folder / "clean.yaml")
    before = json.loads(old.read_text()) if old else None
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        says = [head.probability(text_features(item["text"])) >= threshold for item in pii]
        alarms = [head.probability(text_features(item["text"])) >= threshold for item in clean]
        single = [yes for item, yes in zip(pii, says, strict=True) if "singling_out" in item["kinds"]]
        line = f"t={threshold}: one child {sum(single)}/{len(single)}, clean {sum(alarms)}/{len(alarms)}"
        if before:
            rules_single = [r for item, r in zip(pii, before["pii"], strict=True) if "singling_out" in item["kinds"]]
            union_single = sum(r or m for r, m in zip(rules_single, single, strict=True))
            union_pii = sum(r or m for r, m in zip(before["pii"], says, strict=True))
            union_clean = sum(r or m for r, m in zip(before["clean"], alarms, strict=True))
            line += (f" | rules → with model: one child {sum(rules_single)} → {union_single}/{len(single)}, "
                     f"all {sum(before['pii'])} → {union_pii}/{len(pii)}, clean {sum(before['clean'])} → {union_clean}")
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
