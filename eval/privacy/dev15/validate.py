#!/usr/bin/env python3
"""Structure check for privacy_dev15 (copied from privacy_dev14/validate.py and adapted).

Run:  /work/main/.venv/bin/python eval/privacy/dev15/validate.py

Checks
- both files parse as YAML lists; every item is on one line ("- {...}") and parses on its own
- group headers "# --- name (n) ---": n equals the number of items under the header
- pii items: exactly the keys text, kinds, found; kinds non-empty, known, no duplicates;
  found non-empty, no duplicates, each entry an exact substring of text
- clean items: exactly the keys text, note; note non-empty
- no duplicate texts within or across the two files (compared lower-cased, whitespace folded)
- singling_out items name at least two pieces in found
- bsn / onderwijsnummer items: a digit run in found passes the check (python-stdnum);
  digits written as Dutch words ("nul zes vijf ...") are converted first
- telefoon items: a found entry is a valid NL number (phonenumbers), Dutch digit words converted
- postcode items: a found entry contains a valid NL postcode (python-stdnum)
- email items: a found entry looks like an address, plain or spelled out (at/punt/[at]/[dot])
- handle items: a found entry starts with "@"
- at least one third of the pii texts are fully lower case
- minimum sizes for dev15: pii >= 260 items, clean >= 220 items, singling_out >= 40 items
- clean items: warn (not fail) on an e-mail address, a BSN-valid 9-digit run, a NL mobile
  number, or a valid postcode with letters
Prints counts per group, per kind, lower-case share. Exit code 1 on any error.
"""
import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"naam", "singling_out", "geboortedatum", "telefoon", "adres", "bsn",
         "leerlingnummer", "postcode", "email", "handle", "onderwijsnummer"}
MIN_PII, MIN_CLEAN, MIN_SINGLING = 260, 220, 40
HEADER = re.compile(r"^# --- (.+?) \((\d+)\) ---\s*$")
DIGIT_WORDS = {"nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4",
               "vijf": "5", "zes": "6", "zeven": "7", "acht": "8", "negen": "9"}
POSTCODE = re.compile(r"(?<!\d)\d{4}\s?[A-Za-z]{2}(?![A-Za-z])")
EMAIL_PLAIN = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
EMAIL_SPELLED = re.compile(r"\b(at|\[at\]|\(at\))\b.*\b(punt|dot|\[dot\]|\(dot\))\b", re.I)

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


def words_to_digits(s):
    """'nul zes vijf' -> '065'; returns s unchanged if not all tokens are digit words."""
    toks = s.lower().split()
    if toks and all(t in DIGIT_WORDS for t in toks):
        return "".join(DIGIT_WORDS[t] for t in toks)
    return s


def digit_candidates(found):
    out = []
    for f in found:
        g = words_to_digits(f)
        for run in re.findall(r"\d[\d .\-]*\d|\d", g):
            out.append(re.sub(r"\D", "", run))
    return out


def load(name):
    raw = (HERE / name).read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, list):
        err(f"{name}: top level is not a list")
        return [], OrderedDict()
    groups, current, item_lines = OrderedDict(), None, 0
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


def check_pii(pii):
    kind_count = Counter()
    lower = 0
    for i, it in enumerate(pii, 1):
        where = f"pii.yaml #{i}"
        if not isinstance(it, dict) or set(it) != {"text", "kinds", "found"}:
            err(f"{where}: keys {sorted(it) if isinstance(it, dict) else type(it)}")
            continue
        t, kinds, found = it["text"], it["kinds"], it["found"]
        if not isinstance(t, str) or not t.strip():
            err(f"{where}: empty text")
            continue
        if t == t.lower():
            lower += 1
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
            if not isinstance(f, str) or not f.strip():
                err(f"{where}: bad found entry {f!r}")
            elif f not in t:
                err(f"{where}: found {f!r} is not a substring of text")
        found = [f for f in found if isinstance(f, str)]
        if "singling_out" in kinds and len(found) < 2:
            err(f"{where}: singling_out needs at least two pieces in found")
        runs = digit_candidates(found)
        if _bsn is not None:
            if "bsn" in kinds and not any(_bsn.is_valid(r) for r in runs):
                err(f"{where}: no found entry passes the BSN 11-proef")
            if "onderwijsnummer" in kinds and not any(_onr.is_valid(r) for r in runs):
                err(f"{where}: no found entry is a valid onderwijsnummer")
        if _pn is not None and "telefoon" in kinds:
            ok = False
            for f in found:
                try:
                    ok |= _pn.is_valid_number(_pn.parse(words_to_digits(f), "NL"))
                except Exception:
                    pass
            if not ok:
                err(f"{where}: no found entry is a valid NL phone number")
        if _pc is not None and "postcode" in kinds:
            cands = [m.group(0) for f in found for m in POSTCODE.finditer(f)]
            if not any(_pc.is_valid(c) for c in cands):
                err(f"{where}: no found entry is a valid NL postcode")
        if "email" in kinds and not any(EMAIL_PLAIN.match(f) or EMAIL_SPELLED.search(f) for f in found):
            err(f"{where}: no found entry looks like an e-mail address")
        if "handle" in kinds and not any(f.startswith("@") for f in found):
            err(f"{where}: no found entry is an @handle")
        if "leerlingnummer" in kinds and not runs:
            err(f"{where}: leerlingnummer without digits in found")
    return kind_count, lower


def check_clean(clean):
    for i, it in enumerate(clean, 1):
        where = f"clean.yaml #{i}"
        if not isinstance(it, dict) or set(it) != {"text", "note"}:
            err(f"{where}: keys {sorted(it) if isinstance(it, dict) else type(it)}")
            continue
        if not isinstance(it["note"], str) or not it["note"].strip():
            err(f"{where}: empty note")
        t = it["text"]
        if not isinstance(t, str) or not t.strip():
            err(f"{where}: empty text")
            continue
        if re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", t):
            warnings.append(f"{where}: looks like an e-mail address")
        if _bsn is not None:
            for r in re.findall(r"(?<!\d)\d{9}(?!\d)", t):
                if _bsn.is_valid(r):
                    warnings.append(f"{where}: contains BSN-valid run {r}")
        if _pc is not None:
            for m in POSTCODE.finditer(t):
                if _pc.is_valid(m.group(0)):
                    warnings.append(f"{where}: contains valid postcode {m.group(0)!r}")
        if _pn is not None:
            for m in _pn.PhoneNumberMatcher(t, "NL"):
                if _pn.number_type(m.number) == _pn.PhoneNumberType.MOBILE:
                    warnings.append(f"{where}: contains mobile number {m.raw_string}")


def main():
    pii, pii_groups = load("pii.yaml")
    clean, clean_groups = load("clean.yaml")

    seen = {}
    for fname, items in (("pii.yaml", pii), ("clean.yaml", clean)):
        for i, it in enumerate(items, 1):
            t = it.get("text") if isinstance(it, dict) else None
            if not isinstance(t, str):
                continue
            key = " ".join(t.lower().split())
            if key in seen:
                err(f"{fname} #{i}: duplicate text (also {seen[key]}): {t[:60]!r}")
            else:
                seen[key] = f"{fname} #{i}"

    kind_count, lower = check_pii(pii)
    check_clean(clean)
    if pii and lower * 3 < len(pii):
        err(f"pii.yaml: only {lower}/{len(pii)} texts fully lower case (need >= 1/3)")
    if len(pii) < MIN_PII:
        err(f"pii.yaml: {len(pii)} items, need >= {MIN_PII}")
    if len(clean) < MIN_CLEAN:
        err(f"clean.yaml: {len(clean)} items, need >= {MIN_CLEAN}")
    if kind_count["singling_out"] < MIN_SINGLING:
        err(f"pii.yaml: {kind_count['singling_out']} singling_out items, need >= {MIN_SINGLING}")

    print(f"pii.yaml:   {len(pii)} items")
    for g, (_, got) in pii_groups.items():
        print(f"  {got:4d}  {g}")
    print(f"clean.yaml: {len(clean)} items")
    for g, (_, got) in clean_groups.items():
        print(f"  {got:4d}  {g}")
    print("pii items per kind (an item counts once per kind it carries):")
    for k in sorted(KINDS, key=lambda k: (-kind_count[k], k)):
        print(f"  {kind_count[k]:4d}  {k}")
    print(f"pii texts fully lower case: {lower}/{len(pii)}")
    oordeel = sum(1 for it in clean if isinstance(it, dict) and str(it.get("note", "")).startswith("OORDEEL:"))
    print(f"clean items marked OORDEEL: {oordeel}")
    print("libraries:", "stdnum" if _bsn else "NO stdnum", "/", "phonenumbers" if _pn else "NO phonenumbers")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
