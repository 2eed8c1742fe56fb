"""Train the safety model (wijkwijzer/core/data/safety_model.json) on the tune sets, or estimate
how it carries over to text it has not seen.

    .venv/bin/python eval/train_safety_model.py                 # train on every tune set, write the model
    .venv/bin/python eval/train_safety_model.py --hold dev5     # train without dev5, report on dev5

Positives are the concerns of the tune sets (eval/privacy/tuned, eval/safety_dev*); negatives are
their look-alikes, their clean signals and the single messages of the understanding sets that the
rules do not flag. The held-out part (eval/privacy/heldout, eval/conversations/heldout_*) is never
read here. Logistic regression with AdaGrad and L2, pure Python, seeded: the same data gives the
same model.
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

from wijkwijzer.core.safety import SELF_HARM_KINDS, prepared, ruled  # noqa: E402
from wijkwijzer.core.safety_model import HEADS, MODEL_FILE, features  # noqa: E402

SAFETY = {"tuned": ROOT / "eval" / "privacy" / "tuned", "dev": ROOT / "eval" / "safety_dev",
          "dev2": ROOT / "eval" / "safety_dev2", "dev3": ROOT / "eval" / "safety_dev3",
          "dev4": ROOT / "eval" / "safety_dev4", "dev5": ROOT / "eval" / "safety_dev5",
          "dev6": ROOT / "eval" / "safety_dev6", "dev7": ROOT / "eval" / "safety_dev7",
          "dev8": ROOT / "eval" / "safety_dev8", "dev9": ROOT / "eval" / "safety_dev9",
          "dev10": ROOT / "eval" / "safety_dev10", "dev13": ROOT / "eval" / "safety_dev13",
          "dev14": ROOT / "eval" / "safety_dev14", "dev15": ROOT / "eval" / "safety_dev15",
          "dev16": ROOT / "eval" / "privacy" / "dev16", "dev17": ROOT / "eval" / "privacy" / "dev17"}
CLEAN = {"tuned": "tuned", "dev": "dev", "dev3": "dev3", "dev4": "dev4", "dev5": "dev5", "dev7": "dev7", "dev8": "dev8",
         "dev9": "dev9", "dev10": "dev10", "dev13": "dev13", "dev14": "dev14",
         "dev15": "dev15", "dev16": "dev16", "dev17": "dev17"}
UTTERANCES = [ROOT / "tests" / "nlu" / "utterances.yaml",
              *sorted(path for path in (ROOT / "eval" / "conversations").glob("*_utterances.yaml")
                      if not path.name.startswith("heldout"))]
CONVERSATIONS = sorted(path for path in (ROOT / "eval" / "conversations").glob("*.yaml")
                       if not path.name.startswith("heldout") and not path.name.endswith("_utterances.yaml"))
"""Their turns that must get no safety answer (``safety: false``) are ordinary messages too."""
THRESHOLDS = {"concern": 0.8, "self_harm": 0.6, "acute": 0.6}


def sources() -> list[Path]:
    """Every file the model learns from."""
    found = [folder / f"{name}.yaml" for folder in SAFETY.values() for name in ("safety", "lookalike")]
    found += [ROOT / "eval" / "privacy" / part / "clean.yaml" for part in CLEAN.values()]
    return sorted(path for path in [*found, *UTTERANCES, *CONVERSATIONS] if path.exists())


def fingerprint() -> str:
    """Of the training files and the trainer: the shipped model must be the one they give."""
    return learning.fingerprint(sources(), Path(__file__))


_load = learning.load


def examples(part: str) -> tuple[list[Example], list[str]]:
    """(concerns and look-alikes and clean signals with their labels, the look-alike texts) of one part."""
    found: list[Example] = []
    for item in _load(SAFETY[part] / "safety.yaml"):
        found.append((item["text"], {"concern": 1, "self_harm": int(item["kind"] in SELF_HARM_KINDS),
                                     "acute": int(bool(item.get("acute")))}))
    lookalikes = [item["text"] for item in _load(SAFETY[part] / "lookalike.yaml")]
    negatives = list(lookalikes)
    if part in CLEAN:
        negatives += [item["text"] for item in _load(ROOT / "eval" / "privacy" / CLEAN[part] / "clean.yaml")
                      if not ruled(item["text"])]
    found += [(text, dict.fromkeys(HEADS, 0)) for text in negatives]
    return found, lookalikes


def utterances() -> list[Example]:
    """The single messages of the understanding sets and the conversation turns that must get no
    safety answer, less what the rules flag: what people type when nothing is wrong."""
    texts = {item["t"] for path in UTTERANCES for item in _load(path) if isinstance(item, dict) and "t" in item}
    texts |= {turn["say"] for path in CONVERSATIONS for conversation in _load(path)
              for turn in conversation.get("turns", ()) if (turn.get("expect") or {}).get("safety") is False}
    return [(text, dict.fromkeys(HEADS, 0)) for text in sorted(texts) if not ruled(text)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", choices=tuple(SAFETY), help="leave this part out and report on it")
    parser.add_argument("--old", type=Path, help="JSON of the rules' answers on the held part before it was tuned on")
    args = parser.parse_args()
    data = utterances()
    held: list[Example] = []
    held_lookalikes: list[str] = []
    for part in SAFETY:
        part_examples, lookalikes = examples(part)
        if part == args.hold:
            held, held_lookalikes = part_examples, lookalikes
        else:
            data += part_examples
    print(f"training on {len(data)} texts ({sum(labels['concern'] for _, labels in data)} concerns)")
    trained = learning.train(data, THRESHOLDS, lambda text: features(prepared(text)))
    if args.hold is None:
        trained["trained_on"] = {"sha256": fingerprint()}
        MODEL_FILE.write_text(json.dumps(trained, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        weights = sum(len(trained[head]["weights"]) for head in HEADS)
        print(f"wrote {MODEL_FILE.relative_to(ROOT)}: {weights} weights")
        return 0
    report(trained, held, held_lookalikes, args.old)
    return 0


def report(trained: dict[str, dict[str, Any]], held: list[Example], lookalikes: list[str], old: Path | None) -> None:
    from wijkwijzer.core.safety_model import SafetyModel

    model = SafetyModel.from_json(trained)
    before = json.loads(old.read_text()) if old else None
    concerns = [(text, labels) for text, labels in held if labels["concern"]]
    says = [model.concern.probability(features(prepared(text))) for text, _ in concerns]
    alarms = [model.concern.probability(features(prepared(text))) for text in lookalikes]
    clean = [model.concern.probability(features(prepared(text))) for text, labels in held
             if not labels["concern"] and text not in set(lookalikes)]
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        line = (f"t={threshold}: concerns {sum(p >= threshold for p in says)}/{len(says)}, "
                f"look-alikes {sum(p >= threshold for p in alarms)}/{len(alarms)}, "
                f"clean {sum(p >= threshold for p in clean)}/{len(clean)}")
        if before:
            rules = [answer is not None for answer in before["safety"]]
            union = sum(r or p >= threshold for r, p in zip(rules, says, strict=True))
            rule_alarms = [answer is not None for answer in before["lookalike"]]
            union_alarms = sum(r or p >= threshold for r, p in zip(rule_alarms, alarms, strict=True))
            line += f" | rules {sum(rules)} → with model {union}/{len(says)}, alarms {sum(rule_alarms)} → {union_alarms}"
        print(line)
    if before:
        for threshold in (0.5, 0.6, 0.7, 0.8):
            right = rules_right = 0
            for (text, labels), answer, p in zip(concerns, before["safety"], says, strict=True):
                found = features(prepared(text))
                need_112, need_113 = labels["acute"], labels["self_harm"]
                if answer is not None:
                    rules_right += (answer["acute"] or not need_112) and (
                        bool(set(answer["kinds"]) & SELF_HARM_KINDS) or not need_113)
                if answer is None and p < THRESHOLDS["concern"]:
                    continue
                acute = (answer is not None and answer["acute"]) or model.acute.probability(found) >= threshold
                harm = (answer is not None and bool(set(answer["kinds"]) & SELF_HARM_KINDS)) or (
                    model.self_harm.probability(found) >= threshold)
                right += (acute or not need_112) and (harm or not need_113)
            print(f"heads at {threshold} (concern at {THRESHOLDS['concern']}): right numbers rules {rules_right} → with model {right}/{len(concerns)}")


if __name__ == "__main__":
    raise SystemExit(main())
