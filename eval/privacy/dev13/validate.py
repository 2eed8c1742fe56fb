#!/usr/bin/env python3
"""Structure check for privacy_dev13.

Run:  /work/main/.venv/bin/python /work/evalsets/privacy_dev13/validate.py

Checks
- both files parse as YAML lists; each item sits on exactly one line ("- {...}")
- pii items: text (str), kinds (non-empty list of known kinds), found (non-empty
  list, every entry an exact substring of text, no duplicate entries)
- clean items: text (str), note (non-empty str)
- group headers "# --- name (n) ---": n equals the number of items under it
- no duplicate texts within or across the two files
- bsn / onderwijsnummer items: a digit run in `found` passes the 11-proef
  (python-stdnum, if importable)
- telefoon items: a `found` entry parses as a valid NL number (phonenumbers, if importable)
- postcode items: a `found` entry is a valid NL postcode (python-stdnum, if importable)
- clean items: warn (not fail) if they contain an e-mail address, a valid
  BSN-like 9 digit run, or a valid NL mobile number
Prints counts per group and per kind. Exit code 1 on any error.
"""
import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"naam", "geboortedatum", "telefoon", "adres", "postcode", "leerlingnummer",
         "bsn", "onderwijsnummer", "email", "handle", "singling_out"}
HEADER = re.compile(r"^# --- (.+?) \((\d+)\) ---\s*$")

try:
    from stdnum.nl import bsn as _bsn, onderwijsnummer as _onr, postcode as _pc
except Exception:  # pragma: no cover
    _bsn = _onr = _pc = None
try:
    import phonenumbers as _pn
except Exception:  # pragma: no cover
    _pn = None

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def load(name):
    path = HERE / name
    raw = path.read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, list):
        err(f"{name}: top level is not a list")
        return [], OrderedDict()
    # line-based view: every item on one line, grouped under headers
    groups = OrderedDict()
    current = None
    item_lines = 0
    for ln, line in enumerate(raw.splitlines(), 1):
        m = HEADER.match(line)
        if m:
            current = m.group(1)
            if current in groups:
                err(f"{name}:{ln}: group '{current}' appears twice")
            groups[current] = [int(m.group(2)), 0]
            continue
        if line.startswith("- "):
            item_lines += 1
            if not (line.startswith("- {") and line.rstrip().endswith("}")):
                err(f"{name}:{ln}: item not on one line as '- {{...}}'")
            if current is None:
                err(f"{name}:{ln}: item before any group header")
            else:
                groups[current][1] += 1
            try:
                one = yaml.safe_load(line)
                if not (isinstance(one, list) and len(one) == 1 and isinstance(one[0], dict)):
                    err(f"{name}:{ln}: line does not parse to one mapping")
            except yaml.YAMLError as e:
                err(f"{name}:{ln}: line does not parse on its own: {e}")
        elif line.strip() and not line.startswith("#"):
            err(f"{name}:{ln}: unexpected line (continuation?)")
    if item_lines != len(data):
        err(f"{name}: {item_lines} item lines but {len(data)} YAML items")
    for g, (want, got) in groups.items():
        if want != got:
            err(f"{name}: group '{g}' header says {want}, has {got}")
    return data, groups


def digit_runs(s):
    return re.findall(r"\d[\d .\-]*\d|\d", s)


def main():
    pii, pii_groups = load("pii.yaml")
    clean, clean_groups = load("clean.yaml")

    seen = {}
    for fname, items in (("pii.yaml", pii), ("clean.yaml", clean)):
        for i, it in enumerate(items, 1):
            t = it.get("text") if isinstance(it, dict) else None
            if not isinstance(t, str) or not t.strip():
                err(f"{fname} #{i}: missing text")
                continue
            key = " ".join(t.lower().split())
            if key in seen:
                err(f"{fname} #{i}: duplicate text (also {seen[key]}): {t[:60]!r}")
            seen[key] = f"{fname} #{i}"

    kind_count = Counter()
    for i, it in enumerate(pii, 1):
        where = f"pii.yaml #{i}"
        if set(it) != {"text", "kinds", "found"}:
            err(f"{where}: keys {sorted(it)}")
            continue
        t, kinds, found = it["text"], it["kinds"], it["found"]
        if not isinstance(kinds, list) or not kinds:
            err(f"{where}: kinds empty")
            kinds = []
        for k in kinds:
            if k not in KINDS:
                err(f"{where}: unknown kind {k!r}")
        if len(set(kinds)) != len(kinds):
            err(f"{where}: duplicate kinds")
        kind_count.update(set(kinds))
        if not isinstance(found, list) or not found:
            err(f"{where}: found empty")
            found = []
        if len(set(found)) != len(found):
            err(f"{where}: duplicate found entries")
        for f in found:
            if not isinstance(f, str) or not f:
                err(f"{where}: bad found entry {f!r}")
            elif f not in t:
                err(f"{where}: found {f!r} not in text")
        if "singling_out" in kinds and len(found) < 2:
            err(f"{where}: singling_out needs at least two pieces in found")
        if _bsn is not None:
            runs = [re.sub(r"\D", "", r) for f in found for r in digit_runs(f)]
            if "bsn" in kinds and not any(_bsn.is_valid(r) for r in runs):
                err(f"{where}: no found entry passes the BSN 11-proef")
            if "onderwijsnummer" in kinds and not any(_onr.is_valid(r) for r in runs):
                err(f"{where}: no found entry is a valid onderwijsnummer")
        if _pn is not None and "telefoon" in kinds:
            ok = False
            for f in found:
                try:
                    ok |= _pn.is_valid_number(_pn.parse(f, "NL"))
                except Exception:
                    pass
            if not ok:
                err(f"{where}: no found entry is a valid NL phone number")
        if _pc is not None and "postcode" in kinds:
            cands = [m.group(0) for f in found
                     for m in re.finditer(r"\d{4}\s?[A-Za-z]{2}(?![A-Za-z])", f)]
            if not any(_pc.is_valid(c) for c in cands):
                err(f"{where}: no found entry is a valid NL postcode")

    for i, it in enumerate(clean, 1):
        where = f"clean.yaml #{i}"
        if set(it) != {"text", "note"}:
            err(f"{where}: keys {sorted(it)}")
            continue
        if not isinstance(it["note"], str) or not it["note"].strip():
            err(f"{where}: empty note")
        t = it["text"]
        if re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", t):
            warnings.append(f"{where}: looks like an e-mail address")
        if _bsn is not None:
            for r in re.findall(r"(?<!\d)\d{9}(?!\d)", t):
                if _bsn.is_valid(r):
                    warnings.append(f"{where}: contains BSN-valid run {r}")
        if _pn is not None:
            for m in _pn.PhoneNumberMatcher(t, "NL"):
                if _pn.number_type(m.number) == _pn.PhoneNumberType.MOBILE:
                    warnings.append(f"{where}: contains mobile number {m.raw_string}")

    print(f"pii.yaml:   {len(pii)} items")
    for g, (want, got) in pii_groups.items():
        print(f"  {got:4d}  {g}")
    print(f"clean.yaml: {len(clean)} items")
    for g, (want, got) in clean_groups.items():
        print(f"  {got:4d}  {g}")
    print("pii items per kind (an item counts once per kind):")
    for k in sorted(KINDS):
        print(f"  {kind_count[k]:4d}  {k}")
    print("libraries:", "stdnum" if _bsn else "no stdnum", "/", "phonenumbers" if _pn else "no phonenumbers")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
