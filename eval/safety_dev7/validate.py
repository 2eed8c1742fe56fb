#!/usr/bin/env python3
"""Validate the safety_dev7 eval set (safety.yaml + lookalike.yaml).

Checks fields and types, kinds, the acute rule, empty/duplicate texts,
overlap between the files, near-duplicates (difflib ratio >= 0.9) within a
file, and a few simple personal-data patterns. Prints counts.
Exit code 1 when any check fails.
"""
import difflib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {
    "physical_abuse", "emotional_abuse", "neglect", "sexual_abuse",
    "sexual_exploitation", "domestic_violence", "honour_violence",
    "forced_marriage", "achterlating", "fgm", "self_harm", "suicide", "acute",
}
NEAR_DUP = 0.9
PII_PATTERNS = {
    "8+ digit run": re.compile(r"\d[\d .-]{6,}\d"),
    "phone-like": re.compile(r"(?:\+31|0031|\b06)[\s-]?\d"),
    "e-mail": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "postcode": re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b"),
    "date with year": re.compile(r"\b\d{1,2}[-/ ]\w+[-/ ](19|20)\d{2}\b"),
}

errors = []


def err(msg):
    errors.append(msg)


def norm(text):
    return " ".join(text.lower().split())


def load(name):
    path = HERE / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        err(f"{name}: top level must be a list")
        return []
    return data


def check_common(name, items, fields):
    texts = []
    for i, it in enumerate(items):
        where = f"{name}[{i}]"
        if not isinstance(it, dict):
            err(f"{where}: not a mapping")
            continue
        if set(it) != set(fields):
            err(f"{where}: fields {sorted(it)} != {sorted(fields)}")
        for f, typ in fields.items():
            if f in it and not isinstance(it[f], typ):
                err(f"{where}: field {f!r} must be {typ.__name__}")
        t = it.get("text")
        if not isinstance(t, str) or not t.strip():
            err(f"{where}: empty text")
            continue
        if isinstance(it.get("note", "x"), str) and "note" in fields and not it["note"].strip():
            err(f"{where}: empty note")
        for label, pat in PII_PATTERNS.items():
            if pat.search(t) and not ("0800-2000" in t and label != "e-mail"):
                err(f"{where}: possible personal data ({label}): {t[:60]!r}")
        texts.append(t)
    seen = Counter(norm(t) for t in texts)
    for t, n in seen.items():
        if n > 1:
            err(f"{name}: duplicate text x{n}: {t[:70]!r}")
    normed = [norm(t) for t in texts]
    for a in range(len(normed)):
        sm = difflib.SequenceMatcher(None, normed[a], autojunk=False)
        for b in range(a + 1, len(normed)):
            sm.set_seq1(normed[b])
            if sm.real_quick_ratio() < NEAR_DUP or sm.quick_ratio() < NEAR_DUP:
                continue
            r = sm.ratio()
            if r >= NEAR_DUP:
                err(f"{name}: near-duplicate ({r:.2f}) items {a} and {b}: {normed[a][:50]!r} / {normed[b][:50]!r}")
    return texts


def main():
    safety = load("safety.yaml")
    looks = load("lookalike.yaml")
    s_texts = check_common("safety.yaml", safety,
                           {"text": str, "kind": str, "acute": bool, "indirect": bool})
    l_texts = check_common("lookalike.yaml", looks, {"text": str, "note": str})

    for i, it in enumerate(safety):
        if not isinstance(it, dict):
            continue
        if it.get("kind") not in KINDS:
            err(f"safety.yaml[{i}]: unknown kind {it.get('kind')!r}")
        if it.get("kind") == "acute" and it.get("acute") is not True:
            err(f"safety.yaml[{i}]: kind acute must have acute: true")

    both = {norm(t) for t in s_texts} & {norm(t) for t in l_texts}
    for t in sorted(both):
        err(f"text in both files: {t[:70]!r}")

    # ---- counts ----
    per = {}
    for it in safety:
        if isinstance(it, dict):
            c = per.setdefault(it.get("kind"), Counter())
            c["n"] += 1
            c["acute"] += bool(it.get("acute"))
            c["indirect"] += bool(it.get("indirect"))
    print(f"safety.yaml: {len(safety)} items")
    print(f"  {'kind':<22}{'n':>4}{'acute':>7}{'indirect':>10}")
    tot = Counter()
    for k in sorted(per, key=lambda k: (-per[k]['n'], k)):
        c = per[k]
        tot.update(c)
        print(f"  {k:<22}{c['n']:>4}{c['acute']:>7}{c['indirect']:>10}")
    print(f"  {'total':<22}{tot['n']:>4}{tot['acute']:>7}{tot['indirect']:>10}")
    sig = sum(1 for t in s_texts if norm(t).startswith("signaal"))
    q = sum(1 for t in s_texts if "?" in t)
    longs = sum(1 for t in s_texts if len(t) > 200)
    shorts = sum(1 for t in s_texts if len(t.split()) <= 10)
    print(f"  start with 'signaal': {sig} ({sig / max(len(s_texts), 1):.0%}); "
          f"with '?': {q}; long (>200 chars): {longs}; short (<=10 words): {shorts}")
    print(f"lookalike.yaml: {len(looks)} items")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
