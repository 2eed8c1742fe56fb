#!/usr/bin/env python3
"""Structure checks for the dev5 evaluation set; prints the figures in README.md.

Run: .venv/bin/python eval/safety_dev5/src/validate.py (written for the helper folder; paths inside point there)
Needs PyYAML; uses python-stdnum for the BSN / onderwijsnummer checks when available.
Exit code 0 when every check passes, 1 otherwise.
"""
import collections
import difflib
import re
import sys
from pathlib import Path

import yaml

try:
    from stdnum.nl import bsn as std_bsn
    from stdnum.nl import onderwijsnummer as std_onr
except ImportError:  # pragma: no cover
    std_bsn = std_onr = None

HERE = Path(__file__).resolve().parent

SAFETY_KINDS = [
    "physical_abuse", "emotional_abuse", "neglect", "sexual_abuse", "sexual_exploitation",
    "domestic_violence", "honour_violence", "forced_marriage", "achterlating", "fgm",
    "self_harm", "suicide", "acute",
]
PII_KINDS = [
    "naam", "singling_out", "geboortedatum", "telefoon", "adres", "bsn", "postcode",
    "email", "leerlingnummer", "handle", "onderwijsnummer",
]
NEAR_DUP_ERROR = 0.90
NEAR_DUP_WARN = 0.80

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def load(name):
    path = HERE / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        err(f"{name}: cannot parse: {exc}")
        return []
    if not isinstance(data, list) or not data:
        err(f"{name}: top level must be a non-empty list")
        return []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            err(f"{name}[{i}]: not a mapping")
            continue
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            err(f"{name}[{i}]: text missing or empty")
        elif text != text.strip() or "\n" in text or "\t" in text:
            err(f"{name}[{i}]: text has surrounding whitespace, a newline or a tab")
    return [x for x in data if isinstance(x, dict)]


def check_keys(name, i, item, required, optional=()):
    keys = set(item)
    missing = set(required) - keys
    extra = keys - set(required) - set(optional)
    if missing:
        err(f"{name}[{i}]: missing keys {sorted(missing)}")
    if extra:
        err(f"{name}[{i}]: unexpected keys {sorted(extra)}")


def check_substrings(name, i, item, field):
    values = item.get(field)
    if not isinstance(values, list) or not values:
        err(f"{name}[{i}]: {field} must be a non-empty list")
        return
    seen = set()
    for v in values:
        if not isinstance(v, str) or not v:
            err(f"{name}[{i}]: {field} entry {v!r} is not a non-empty string")
        elif v not in item["text"]:
            err(f"{name}[{i}]: {field} entry {v!r} is not a substring of the text")
        elif v != v.strip():
            err(f"{name}[{i}]: {field} entry {v!r} has surrounding whitespace")
        if v in seen:
            err(f"{name}[{i}]: {field} entry {v!r} listed twice")
        seen.add(v)


def digits(s):
    return re.sub(r"\D", "", s)


def near_duplicates(name, items):
    texts = [x["text"].lower() for x in items if isinstance(x.get("text"), str)]
    for a in range(len(texts)):
        sm = difflib.SequenceMatcher(None, "", texts[a], autojunk=False)  # seq2 is the cached one
        for b in range(a + 1, len(texts)):
            sm.set_seq1(texts[b])
            if sm.real_quick_ratio() < NEAR_DUP_WARN or sm.quick_ratio() < NEAR_DUP_WARN:
                continue
            r = sm.ratio()
            if r >= NEAR_DUP_ERROR:
                err(f"{name}: near-duplicate ({r:.2f}) items {a} and {b}")
            elif r >= NEAR_DUP_WARN:
                warnings.append(f"{name}: similar ({r:.2f}) items {a} and {b}")


# ---------------------------------------------------------------- safety.yaml
safety = load("safety.yaml")
for i, it in enumerate(safety):
    check_keys("safety.yaml", i, it, ["text", "kind", "acute", "indirect"], ["pii"])
    if it.get("kind") not in SAFETY_KINDS:
        err(f"safety.yaml[{i}]: unknown kind {it.get('kind')!r}")
    for f in ("acute", "indirect"):
        if not isinstance(it.get(f), bool):
            err(f"safety.yaml[{i}]: {f} must be true/false")
    if it.get("kind") == "acute" and it.get("acute") is not True:
        err(f"safety.yaml[{i}]: kind acute must have acute: true")
    if "pii" in it:
        check_substrings("safety.yaml", i, it, "pii")

# ---------------------------------------------------------------- lookalike.yaml / clean.yaml
lookalike = load("lookalike.yaml")
for i, it in enumerate(lookalike):
    check_keys("lookalike.yaml", i, it, ["text", "note"])
    if not isinstance(it.get("note"), str) or not it.get("note").strip():
        err(f"lookalike.yaml[{i}]: note missing")

clean = load("clean.yaml")
for i, it in enumerate(clean):
    check_keys("clean.yaml", i, it, ["text", "note"])
    if not isinstance(it.get("note"), str) or not it.get("note").strip():
        err(f"clean.yaml[{i}]: note missing")
    for run in re.findall(r"(?<!\d)\d{8,10}(?!\d)", it.get("text", "")):
        err(f"clean.yaml[{i}]: contains an 8-10 digit run {run!r}")
    if re.search(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", it.get("text", "")):
        err(f"clean.yaml[{i}]: contains an e-mail address")

# ---------------------------------------------------------------- pii.yaml
pii = load("pii.yaml")
for i, it in enumerate(pii):
    check_keys("pii.yaml", i, it, ["text", "kinds", "found"])
    kinds = it.get("kinds")
    if not isinstance(kinds, list) or not kinds:
        err(f"pii.yaml[{i}]: kinds must be a non-empty list")
        continue
    for k in kinds:
        if k not in PII_KINDS:
            err(f"pii.yaml[{i}]: unknown kind {k!r}")
    if len(set(kinds)) != len(kinds):
        err(f"pii.yaml[{i}]: kind listed twice")
    if "singling_out" in kinds and len(kinds) > 1:
        err(f"pii.yaml[{i}]: singling_out items carry no other kind")
    check_substrings("pii.yaml", i, it, "found")
    found = [f for f in it.get("found") or [] if isinstance(f, str)]
    nine = [f for f in found if len(digits(f)) == 9 and re.fullmatch(r"[\d .\-]+", f)]
    if "bsn" in kinds:
        if not nine:
            err(f"pii.yaml[{i}]: bsn item without a 9-digit value")
        for f in nine:
            d = digits(f)
            if d.startswith("10"):
                err(f"pii.yaml[{i}]: BSN {f!r} starts with 10 (that is an onderwijsnummer)")
            if std_bsn and not std_bsn.is_valid(d):
                err(f"pii.yaml[{i}]: BSN {f!r} fails the 11-proef")
    if "onderwijsnummer" in kinds:
        if not nine:
            err(f"pii.yaml[{i}]: onderwijsnummer item without a 9-digit value")
        for f in nine:
            d = digits(f)
            if not d.startswith("10"):
                err(f"pii.yaml[{i}]: onderwijsnummer {f!r} does not start with 10")
            if std_onr and not std_onr.is_valid(d):
                err(f"pii.yaml[{i}]: onderwijsnummer {f!r} fails the check")
    if "email" in kinds and not any("@" in f for f in found):
        err(f"pii.yaml[{i}]: email item without an @ value")

# ---------------------------------------------------------------- cross-file
all_texts = collections.Counter()
for _name, items in (("safety", safety), ("lookalike", lookalike), ("pii", pii), ("clean", clean)):
    for it in items:
        if isinstance(it.get("text"), str):
            all_texts[it["text"].strip().lower()] += 1
for t, n in all_texts.items():
    if n > 1:
        err(f"duplicate text ({n}x): {t[:70]!r}")

for name, items in (("safety.yaml", safety), ("lookalike.yaml", lookalike),
                    ("pii.yaml", pii), ("clean.yaml", clean)):
    near_duplicates(name, items)

# ---------------------------------------------------------------- figures
print("safety.yaml")
print(f"  {'kind':20} items acute indirect pii")
tot = collections.Counter()
for k in SAFETY_KINDS:
    rows = [x for x in safety if x.get("kind") == k]
    a = sum(1 for x in rows if x.get("acute") is True)
    ind = sum(1 for x in rows if x.get("indirect") is True)
    p = sum(1 for x in rows if "pii" in x)
    tot.update(items=len(rows), acute=a, indirect=ind, pii=p)
    print(f"  {k:20} {len(rows):5} {a:5} {ind:8} {p:3}")
print(f"  {'total':20} {tot['items']:5} {tot['acute']:5} {tot['indirect']:8} {tot['pii']:3}")
print(f"  starts with 'signaal:': {sum(1 for x in safety if x.get('text','').lower().startswith('signaal:'))}")

print(f"lookalike.yaml: {len(lookalike)} items")

print(f"pii.yaml: {len(pii)} items, {sum(1 for x in pii if len(x.get('kinds') or []) > 1)} with more than one kind")
kc = collections.Counter(k for x in pii for k in (x.get("kinds") or []))
for k, n in kc.most_common():
    print(f"  {k:16} {n}")
name_values = []
for x in pii + [s for s in safety if "pii" in s]:
    vals = x.get("found") if "found" in x else x.get("pii")
    if "found" in x and "naam" not in (x.get("kinds") or []):
        continue
    name_values += [v for v in vals or [] if isinstance(v, str) and not any(c.isdigit() for c in v)
                    and "@" not in v and "_" not in v]
low = sum(1 for v in name_values if v[:1].islower())
pii_texts = [x.get("text", "") for x in pii]
lower_texts = sum(1 for t in pii_texts if t == t.lower())
print(f"  name-like values (pii.yaml naam items + safety pii): {len(name_values)}, in lower case: {low}")
print(f"  pii.yaml texts entirely in lower case: {lower_texts} of {len(pii_texts)}")

print(f"clean.yaml: {len(clean)} items")
nc = collections.Counter((x.get("note") or "").split(",")[0].strip() for x in clean)
print(f"  distinct note heads: {len(nc)}")

for w in warnings:
    print("WARNING:", w)
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
