"""Sanity checks for the privacy_dev6 evaluation set.

Run:  /work/main/.venv/bin/python eval/privacy/dev7/validate.py
Loads pii.yaml and clean.yaml with PyYAML, checks structure, kinds, that every
`found` value is an exact substring of its text, duplicates and near-duplicates
(difflib ratio >= 0.9 over all texts of both files), and - when python-stdnum
is installed - the check digits of BSN / onderwijsnummer and postcode format.
Prints counts. Exit code 1 on any error.
"""
import difflib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {
    "naam", "bsn", "onderwijsnummer", "leerlingnummer", "geboortedatum",
    "telefoon", "email", "handle", "adres", "postcode", "singling_out",
}
NEAR_DUP = 0.9

try:
    from stdnum.nl import bsn as std_bsn
    from stdnum.nl import onderwijsnummer as std_onr
    from stdnum.nl import postcode as std_postcode
except ImportError:  # plain python3 without stdnum: skip number checks
    std_bsn = std_onr = std_postcode = None

errors = []


def err(msg):
    errors.append(msg)


def load(name):
    with open(HERE / name, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, list):
        err(f"{name}: top level is not a list")
        return []
    return data


pii = load("pii.yaml")
clean = load("clean.yaml")

# ---------------------------------------------------------------- pii.yaml
kind_items = Counter()
primary = Counter()
for i, it in enumerate(pii):
    where = f"pii.yaml #{i + 1}"
    if not isinstance(it, dict) or set(it) != {"text", "kinds", "found"}:
        err(f"{where}: keys must be exactly text, kinds, found: {it!r}")
        continue
    text, kinds, found = it["text"], it["kinds"], it["found"]
    if not isinstance(text, str) or not text.strip():
        err(f"{where}: empty or non-string text")
        continue
    if not isinstance(kinds, list) or not kinds:
        err(f"{where}: kinds must be a non-empty list")
        continue
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        err(f"{where}: unknown kinds {bad}")
    if len(set(kinds)) != len(kinds):
        err(f"{where}: repeated kind")
    if not isinstance(found, list) or not found:
        err(f"{where}: found must be a non-empty list")
        continue
    if len(set(found)) != len(found):
        err(f"{where}: repeated found value")
    for f in found:
        if not isinstance(f, str) or not f:
            err(f"{where}: found value {f!r} is not a non-empty string")
        elif f not in text:
            err(f"{where}: found {f!r} is not an exact substring of the text")
        elif f != f.strip():
            err(f"{where}: found {f!r} has surrounding whitespace")
    if "singling_out" in kinds and len(found) < 2:
        err(f"{where}: singling_out needs at least two combining parts")
    for k in kinds:
        kind_items[k] += 1
    primary[kinds[0] if len(kinds) == 1 else "+".join(sorted(kinds))] += 1

    # number checks
    if std_bsn is not None:
        digits = [re.sub(r"\D", "", f) for f in found]
        if "bsn" in kinds and not any(std_bsn.is_valid(d) for d in digits):
            err(f"{where}: no found value passes the BSN 11-proef")
        if "onderwijsnummer" in kinds and not any(
            std_onr.is_valid(d) and d.startswith("10") for d in digits
        ):
            err(f"{where}: no found value is a valid onderwijsnummer")
        if "postcode" in kinds:
            ok = False
            for f in found:
                m = re.search(r"[1-9]\d{3}\s?[A-Za-z]{2}", f)
                if m and std_postcode.is_valid(m.group(0)):
                    ok = True
            if not ok:
                err(f"{where}: no found value holds a valid Dutch postcode")
        for d in digits:
            # a BSN-shaped number inside another kind should be intended
            if len(d) == 9 and "bsn" not in kinds and std_bsn.is_valid(d) \
                    and "onderwijsnummer" not in kinds:
                err(f"{where}: {d} passes the 11-proef but is not marked bsn")

# ---------------------------------------------------------------- clean.yaml
for i, it in enumerate(clean):
    where = f"clean.yaml #{i + 1}"
    if not isinstance(it, dict) or set(it) != {"text", "note"}:
        err(f"{where}: keys must be exactly text, note: {it!r}")
        continue
    if not isinstance(it["text"], str) or not it["text"].strip():
        err(f"{where}: empty text")
        continue
    if not isinstance(it["note"], str) or not it["note"].strip():
        err(f"{where}: empty note")
    t = it["text"]
    # cheap guards against accidental personal data in the clean set
    if re.search(r"(?<!\d)\d{8,9}(?!\d)", t):
        err(f"{where}: 8-9 digit run in a clean text")
    if re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", t):
        err(f"{where}: e-mail address in a clean text")
    if std_bsn is not None:
        # "2024 is" (year + lower-case word after a space) is the classic
        # near-miss; flag only upper-case letters or a glued form like 2515pg.
        for m in re.finditer(r"(?<![\dA-Za-z])[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![A-Za-z])", t):
            if std_postcode.is_valid(m.group(0)):
                err(f"{where}: valid postcode {m.group(0)!r} in a clean text")

# ---------------------------------------------------------------- duplicates
texts = [("pii", i, it["text"]) for i, it in enumerate(pii) if isinstance(it, dict) and "text" in it]
texts += [("clean", i, it["text"]) for i, it in enumerate(clean) if isinstance(it, dict) and "text" in it]
norm = [(src, i, " ".join(str(t).lower().split())) for src, i, t in texts]
seen = {}
for src, i, t in norm:
    if t in seen:
        err(f"duplicate text: {src} #{i + 1} and {seen[t][0]} #{seen[t][1] + 1}")
    else:
        seen[t] = (src, i)
near = 0
for a in range(len(norm)):
    sm = difflib.SequenceMatcher(autojunk=False)
    sm.set_seq2(norm[a][2])
    for b in range(a + 1, len(norm)):
        sm.set_seq1(norm[b][2])
        if sm.real_quick_ratio() < NEAR_DUP or sm.quick_ratio() < NEAR_DUP:
            continue
        r = sm.ratio()
        if r >= NEAR_DUP:
            near += 1
            err(f"near-duplicate ({r:.2f}): {norm[a][0]} #{norm[a][1] + 1} ~ {norm[b][0]} #{norm[b][1] + 1}")

# ---------------------------------------------------------------- report
print(f"pii.yaml:   {len(pii)} items")
print("  items per kind (an item can carry several kinds):")
for k in sorted(KINDS, key=lambda k: -kind_items[k]):
    print(f"    {k:16s} {kind_items[k]:4d}")
print("  items per kind combination:")
for k, n in primary.most_common():
    print(f"    {k:28s} {n:4d}")
print(f"clean.yaml: {len(clean)} items")
print(f"stdnum checks: {'on' if std_bsn is not None else 'SKIPPED (stdnum missing)'}")
print(f"near-duplicate pairs (ratio >= {NEAR_DUP}): {near}")
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("OK")
