"""Validate the safety_dev10 evaluation set (safety.yaml, lookalike.yaml)."""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"physical_abuse", "emotional_abuse", "neglect", "sexual_abuse", "exploitation",
         "domestic_violence", "honour_violence", "fgm", "self_harm", "suicide", "acute_danger"}
MIX = {"neglect": 30, "acute_danger": 25, "domestic_violence": 20, "emotional_abuse": 20,
       "sexual_abuse": 15, "physical_abuse": 15, "self_harm": 8, "suicide": 7,
       "exploitation": 5, "honour_violence": 5}
LINE = re.compile(r"^- \{.*\}$")
errors = []


def load(name, fields, expected):
    path = HERE / name
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines, 1):
        if not LINE.match(line):
            errors.append(f"{name}:{i}: not a one-line flow mapping")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        errors.append(f"{name}: YAML error {e}")
        return []
    if not isinstance(data, list):
        errors.append(f"{name}: top level is not a list")
        return []
    if len(data) != len(lines):
        errors.append(f"{name}: {len(data)} items but {len(lines)} lines")
    if len(data) != expected:
        errors.append(f"{name}: {len(data)} items, expected {expected}")
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict) or set(item) != set(fields):
            errors.append(f"{name}:{i}: fields {sorted(item) if isinstance(item, dict) else item} != {sorted(fields)}")
            continue
        for f, typ in fields.items():
            if not isinstance(item[f], typ):
                errors.append(f"{name}:{i}: {f} is not {typ.__name__}")
        t = item.get("text")
        if isinstance(t, str):
            n = len(t.split())
            if not 3 <= n <= 60:
                errors.append(f"{name}:{i}: {n} words")
    return data


safety = load("safety.yaml", {"text": str, "kind": str, "acute": bool, "indirect": bool}, 150)
look = load("lookalike.yaml", {"text": str, "note": str}, 100)

for i, item in enumerate(safety, 1):
    if not isinstance(item, dict):
        continue
    if item.get("kind") not in KINDS:
        errors.append(f"safety.yaml:{i}: bad kind {item.get('kind')}")
    if item.get("kind") == "acute_danger" and item.get("acute") is not True:
        errors.append(f"safety.yaml:{i}: acute_danger must be acute: true")

texts = [x["text"].strip().lower() for x in safety + look if isinstance(x, dict) and isinstance(x.get("text"), str)]
for t, c in Counter(texts).items():
    if c > 1:
        errors.append(f"duplicate text: {t}")

kinds = Counter(x.get("kind") for x in safety if isinstance(x, dict))
for k, n in MIX.items():
    if kinds.get(k, 0) != n:
        errors.append(f"kind {k}: {kinds.get(k, 0)}, expected {n}")
indirect = sum(1 for x in safety if isinstance(x, dict) and x.get("indirect") is True)
acute = sum(1 for x in safety if isinstance(x, dict) and x.get("acute") is True)
if indirect * 2 < len(safety):
    errors.append(f"only {indirect} indirect items, need at least half")

print(f"safety: {len(safety)}  lookalike: {len(look)}")
print(f"indirect: {indirect}  acute: {acute}")
for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
    print(f"  {k}: {n}")
if errors:
    print(f"FAIL ({len(errors)} errors)")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
