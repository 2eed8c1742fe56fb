#!/usr/bin/env python3
"""Structural check for the safety_dev9 evaluation set.

Usage: /work/main/.venv/bin/python eval/safety_dev9/validate.py

Loads safety.yaml and lookalike.yaml with PyYAML, checks their structure and
the agreed mix, prints counts, and exits 1 when any check fails.
Near-duplicate pairs (word overlap) are printed as warnings only.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SAFETY = HERE / "safety.yaml"
LOOKALIKE = HERE / "lookalike.yaml"

EXPECTED_KINDS = {
    "acute_danger": 45,
    "neglect": 35,
    "physical_abuse": 20,
    "sexual_abuse": 18,
    "emotional_abuse": 15,
    "domestic_violence": 15,
    "self_harm": 15,
    "suicide": 15,
    "exploitation": 10,
    "honour_violence": 8,
    "fgm": 4,
}
SAFETY_TOTAL = 200
LOOKALIKE_TOTAL = 130
MIN_INDIRECT_SHARE = 0.40
MIN_WORDS, MAX_WORDS = 3, 60
SAFETY_KEYS = {"text", "kind", "acute", "indirect"}
LOOKALIKE_KEYS = {"text", "note"}
SIMILARITY_WARN = 0.6  # Jaccard overlap of word sets

errors: list[str] = []
warnings: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text.lower())


def load(path: Path):
    if not path.is_file():
        fail(f"{path.name}: file missing")
        return None
    raw = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        fail(f"{path.name}: YAML error: {exc}")
        return None
    # one flow mapping per line, nothing else
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        if not (line.startswith("- {") and line.rstrip().endswith("}")):
            fail(f"{path.name}:{n}: not a one-line flow mapping list item")
    if not isinstance(data, list):
        fail(f"{path.name}: top level is {type(data).__name__}, expected a list")
        return None
    return data


def check_text(where: str, text) -> bool:
    if not isinstance(text, str) or not text.strip():
        fail(f"{where}: text must be a non-empty string")
        return False
    n = len(words(text))
    if not MIN_WORDS <= n <= MAX_WORDS:
        fail(f"{where}: {n} words, expected {MIN_WORDS}-{MAX_WORDS}")
    if re.search(r"\d{5,}", text):
        fail(f"{where}: contains a run of 5+ digits (identifying number?)")
    if text != text.strip():
        fail(f"{where}: leading/trailing whitespace")
    return True


def main() -> int:
    safety = load(SAFETY)
    lookalike = load(LOOKALIKE)
    all_texts: dict[str, str] = {}

    kinds: Counter = Counter()
    acute_by_kind: Counter = Counter()
    indirect_by_kind: Counter = Counter()
    n_acute = n_indirect = 0

    if safety is not None:
        if len(safety) != SAFETY_TOTAL:
            fail(f"safety.yaml: {len(safety)} items, expected {SAFETY_TOTAL}")
        for i, item in enumerate(safety, 1):
            where = f"safety.yaml item {i}"
            if not isinstance(item, dict):
                fail(f"{where}: not a mapping")
                continue
            keys = set(item)
            if keys != SAFETY_KEYS:
                fail(f"{where}: keys {sorted(keys)}, expected {sorted(SAFETY_KEYS)}")
            text = item.get("text")
            if check_text(where, text):
                key = norm(text)
                if key in all_texts:
                    fail(f"{where}: duplicate text (also {all_texts[key]})")
                all_texts[key] = where
            kind = item.get("kind")
            if kind not in EXPECTED_KINDS:
                fail(f"{where}: kind {kind!r} not allowed")
            for flag in ("acute", "indirect"):
                if not isinstance(item.get(flag), bool):
                    fail(f"{where}: {flag} must be a boolean, got {item.get(flag)!r}")
            if kind == "acute_danger" and item.get("acute") is not True:
                fail(f"{where}: kind acute_danger must have acute: true")
            kinds[kind] += 1
            if item.get("acute") is True:
                n_acute += 1
                acute_by_kind[kind] += 1
            if item.get("indirect") is True:
                n_indirect += 1
                indirect_by_kind[kind] += 1
        for kind, want in EXPECTED_KINDS.items():
            if kinds[kind] != want:
                fail(f"safety.yaml: kind {kind} has {kinds[kind]} items, expected {want}")
        if safety and n_indirect / len(safety) < MIN_INDIRECT_SHARE:
            fail(f"safety.yaml: indirect share {n_indirect}/{len(safety)} below {MIN_INDIRECT_SHARE:.0%}")

    if lookalike is not None:
        if len(lookalike) != LOOKALIKE_TOTAL:
            fail(f"lookalike.yaml: {len(lookalike)} items, expected {LOOKALIKE_TOTAL}")
        for i, item in enumerate(lookalike, 1):
            where = f"lookalike.yaml item {i}"
            if not isinstance(item, dict):
                fail(f"{where}: not a mapping")
                continue
            keys = set(item)
            if keys != LOOKALIKE_KEYS:
                fail(f"{where}: keys {sorted(keys)}, expected {sorted(LOOKALIKE_KEYS)}")
            text = item.get("text")
            if check_text(where, text):
                key = norm(text)
                if key in all_texts:
                    fail(f"{where}: duplicate text (also {all_texts[key]})")
                all_texts[key] = where
            note = item.get("note")
            if not isinstance(note, str) or not note.strip():
                fail(f"{where}: note must be a non-empty string")

    # near-duplicate warning across both files
    bags = {where: set(words(t)) for t, where in all_texts.items()}
    for (a, wa), (b, wb) in combinations(bags.items(), 2):
        if wa and wb:
            j = len(wa & wb) / len(wa | wb)
            if j >= SIMILARITY_WARN:
                warnings.append(f"similar ({j:.2f}): {a} <> {b}")

    # report
    if safety is not None:
        print(f"safety.yaml: {len(safety)} items, acute {n_acute}, indirect {n_indirect} "
              f"({n_indirect / max(len(safety), 1):.1%})")
        print(f"  {'kind':<18}{'n':>4}{'acute':>7}{'indirect':>10}")
        for kind in EXPECTED_KINDS:
            print(f"  {kind:<18}{kinds[kind]:>4}{acute_by_kind[kind]:>7}{indirect_by_kind[kind]:>10}")
    if lookalike is not None:
        print(f"lookalike.yaml: {len(lookalike)} items")
    for w in warnings:
        print("WARNING", w)
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"FAILED: {len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
