#!/usr/bin/env python3
"""Validate the dev6 Wijkwijzer safety eval set (safety.yaml, lookalike.yaml).

Checks: YAML loads with PyYAML; each item has exactly the expected fields with the
right types; kinds are allowed; texts are unique and no two texts in one file have a
difflib.SequenceMatcher ratio >= 0.9 (the highest pair per file is printed).
Exit code 0 when everything passes, 1 otherwise.
"""
import collections
import difflib
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent.parent
KINDS = {
    "physical_abuse", "emotional_abuse", "neglect", "sexual_abuse", "sexual_exploitation",
    "domestic_violence", "honour_violence", "forced_marriage", "achterlating", "fgm",
    "self_harm", "suicide", "acute",
}
MAX_RATIO = 0.9
errors = []


def load(name):
    with open(HERE / name, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, list):
        errors.append(f"{name}: top level is not a list")
        return []
    return data


def check_text(name, i, item):
    t = item.get("text")
    if not isinstance(t, str) or not t.strip():
        errors.append(f"{name}[{i}]: text missing or empty")
        return False
    return True


def highest_pair(name, texts):
    best = (0.0, None, None)
    low = [t.lower() for t in texts]
    for i in range(len(low)):
        sm = difflib.SequenceMatcher(None, "", low[i], autojunk=False)  # b is cached
        for j in range(i + 1, len(low)):
            sm.set_seq1(low[j])
            # cheap upper bounds first, exact ratio only when it could matter
            floor = min(best[0], MAX_RATIO)
            if sm.real_quick_ratio() < floor or sm.quick_ratio() < floor:
                continue
            r = sm.ratio()
            if r >= floor - 0.15:  # ratio is not symmetric: take the larger of both orders
                r = max(r, difflib.SequenceMatcher(None, low[i], low[j], autojunk=False).ratio())
            if r > best[0]:
                best = (r, i, j)
            if r >= MAX_RATIO:
                errors.append(f"{name}: near-duplicates (ratio {r:.3f}) items {i} and {j}:\n  {texts[i]}\n  {texts[j]}")
    r, i, j = best
    if i is not None:
        print(f"{name}: highest difflib ratio {r:.3f} between items {i} and {j}:")
        print(f"  [{i}] {texts[i]}")
        print(f"  [{j}] {texts[j]}")


def main():
    safety = load("safety.yaml")
    texts = []
    kinds = collections.Counter()
    acute = collections.Counter()
    indirect = collections.Counter()
    for i, item in enumerate(safety):
        if not isinstance(item, dict):
            errors.append(f"safety.yaml[{i}]: not a mapping")
            continue
        keys = set(item)
        if keys != {"text", "kind", "acute", "indirect"}:
            errors.append(f"safety.yaml[{i}]: fields {sorted(keys)}")
        if check_text("safety.yaml", i, item):
            texts.append(item["text"])
        k = item.get("kind")
        if k not in KINDS:
            errors.append(f"safety.yaml[{i}]: kind {k!r} not allowed")
        for f in ("acute", "indirect"):
            if not isinstance(item.get(f), bool):
                errors.append(f"safety.yaml[{i}]: {f} is not a boolean")
        if k == "acute" and item.get("acute") is not True:
            errors.append(f"safety.yaml[{i}]: kind acute must have acute: true")
        kinds[k] += 1
        acute[k] += item.get("acute") is True
        indirect[k] += item.get("indirect") is True
    dup = [t for t, n in collections.Counter(x.lower() for x in texts).items() if n > 1]
    for t in dup:
        errors.append(f"safety.yaml: duplicate text {t!r}")

    look = load("lookalike.yaml")
    ltexts = []
    for i, item in enumerate(look):
        if not isinstance(item, dict):
            errors.append(f"lookalike.yaml[{i}]: not a mapping")
            continue
        keys = set(item)
        if keys != {"text", "note"}:
            errors.append(f"lookalike.yaml[{i}]: fields {sorted(keys)}")
        if check_text("lookalike.yaml", i, item):
            ltexts.append(item["text"])
        if not isinstance(item.get("note"), str) or not item["note"].strip():
            errors.append(f"lookalike.yaml[{i}]: note missing or empty")
    dup = [t for t, n in collections.Counter(x.lower() for x in ltexts).items() if n > 1]
    for t in dup:
        errors.append(f"lookalike.yaml: duplicate text {t!r}")
    overlap = {t.lower() for t in texts} & {t.lower() for t in ltexts}
    for t in overlap:
        errors.append(f"text in both files: {t!r}")

    print(f"safety.yaml: {len(safety)} items; lookalike.yaml: {len(look)} items")
    print(f"{'kind':22s} {'n':>4s} {'acute':>6s} {'indirect':>9s}")
    for k in sorted(kinds, key=lambda x: (-kinds[x], str(x))):
        print(f"{str(k):22s} {kinds[k]:4d} {acute[k]:6d} {indirect[k]:9d}")
    print(f"{'total':22s} {sum(kinds.values()):4d} {sum(acute.values()):6d} {sum(indirect.values()):9d}")
    print(f"messages starting with 'signaal': {sum(t.lower().startswith('signaal') for t in texts)}")

    highest_pair("safety.yaml", texts)
    highest_pair("lookalike.yaml", ltexts)

    if errors:
        print(f"\nFAIL: {len(errors)} problem(s)")
        for e in errors:
            print(" -", e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
