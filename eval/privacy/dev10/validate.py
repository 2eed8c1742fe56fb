"""Structure check for the privacy dev10 evaluation set (pii.yaml, clean.yaml).

Run: /work/main/.venv/bin/python validate.py   (exit 0 = all good, 1 = at least one failure)

Checks
- first line of each file is a comment naming "privacy dev10" and the date 2026-12-07
- every other non-blank line is either a group header "# --- <name> (<n>) ---" or one item "- {...}"
- each item parses on its own, has exactly the required keys with the right types
- pii: kinds non-empty, from the allowed list, no repeats; found non-empty, each an exact substring of text
- clean: note is a non-empty string
- no duplicate texts (after lower-casing and collapsing spaces), within and across the two files
- the number of items under each header equals the number in the header
- the whole file also parses as one YAML list with the same number of items
- bsn found values pass the 11-proef (stdnum.nl.bsn), onderwijsnummer found values pass
  stdnum.nl.onderwijsnummer
- clean texts contain no bare 8- or 9-digit run (SECURITY.md says those are blocked on purpose) and no
  9-digit run (spaces, dots, dashes allowed) that is a valid bsn or onderwijsnummer; an 8-digit separated
  run that passes the 11-proef once padded is printed as a warning, not a failure
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from stdnum.nl import bsn, onderwijsnummer

HERE = Path(__file__).resolve().parent
KINDS = {"leerlingnummer", "singling_out", "geboortedatum", "naam", "adres", "postcode",
         "telefoon", "email", "bsn", "onderwijsnummer", "handle"}
HEADER = re.compile(r"^# --- (?P<name>.+) \((?P<n>\d+)\) ---$")
errors = []


def fail(msg):
    errors.append(msg)


def norm(text):
    return " ".join(text.lower().split())


def load(path, keys):
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines[0] if lines else ""
    if not (first.startswith("#") and "privacy dev10" in first and "2026-12-07" in first):
        fail(f"{path.name}:1 first line must be a comment naming privacy dev10 and 2026-12-07")
    groups = []  # [name, declared, items]
    items = []
    for no, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        m = HEADER.match(line)
        if m:
            groups.append([m.group("name"), int(m.group("n")), []])
            continue
        if line.startswith("#"):
            fail(f"{path.name}:{no} comment that is not a group header: {line!r}")
            continue
        if not (line.startswith("- {") and line.rstrip().endswith("}")):
            fail(f"{path.name}:{no} not a one-line item: {line!r}")
            continue
        if not groups:
            fail(f"{path.name}:{no} item before the first group header")
            continue
        try:
            parsed = yaml.safe_load(line)
        except yaml.YAMLError as exc:
            fail(f"{path.name}:{no} YAML error: {exc}")
            continue
        if not (isinstance(parsed, list) and len(parsed) == 1 and isinstance(parsed[0], dict)):
            fail(f"{path.name}:{no} not a single mapping item")
            continue
        item = parsed[0]
        if set(item) != keys:
            fail(f"{path.name}:{no} keys {sorted(item)} != {sorted(keys)}")
            continue
        if not isinstance(item["text"], str) or not item["text"].strip():
            fail(f"{path.name}:{no} text must be a non-empty string")
            continue
        groups[-1][2].append((no, item))
        items.append((no, item, groups[-1][0]))
    whole = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(whole, list) or len(whole) != len(items):
        fail(f"{path.name}: whole-file parse gives {len(whole) if isinstance(whole, list) else whole!r} "
             f"items, line-by-line gives {len(items)}")
    for name, declared, members in groups:
        if declared != len(members):
            fail(f"{path.name}: group '{name}' header says {declared}, has {len(members)}")
    return groups, items


def digits(s):
    return re.sub(r"\D", "", s)


def check_pii(items):
    kind_count = Counter()
    for no, item, _ in items:
        kinds, found, text = item["kinds"], item["found"], item["text"]
        if not (isinstance(kinds, list) and kinds):
            fail(f"pii.yaml:{no} kinds must be a non-empty list")
            continue
        if len(set(kinds)) != len(kinds):
            fail(f"pii.yaml:{no} repeated kind")
        for k in kinds:
            if k not in KINDS:
                fail(f"pii.yaml:{no} unknown kind {k!r}")
            kind_count[k] += 1
        if not (isinstance(found, list) and found):
            fail(f"pii.yaml:{no} found must be a non-empty list")
            continue
        for f in found:
            if not isinstance(f, str) or not f:
                fail(f"pii.yaml:{no} found entry must be a non-empty string: {f!r}")
            elif f not in text:
                fail(f"pii.yaml:{no} found {f!r} does not occur verbatim in text")
        if len(set(found)) != len(found):
            fail(f"pii.yaml:{no} repeated found entry")
        if "bsn" in kinds:
            hits = [f for f in found if len(digits(f)) == 9 and bsn.is_valid(digits(f))]
            if not hits:
                fail(f"pii.yaml:{no} kind bsn but no found value passes the 11-proef")
        if "onderwijsnummer" in kinds:
            hits = [f for f in found if onderwijsnummer.is_valid(digits(f))]
            if not hits:
                fail(f"pii.yaml:{no} kind onderwijsnummer but no found value is a valid onderwijsnummer")
    return kind_count


NUMRUN = re.compile(r"\d(?:[ .\-]?\d)+")
BARE = re.compile(r"(?<!\d)\d{8,9}(?!\d)")
warnings = []


def check_clean(items):
    for no, item, _ in items:
        if not isinstance(item["note"], str) or not item["note"].strip():
            fail(f"clean.yaml:{no} note must be a non-empty string")
        for run in BARE.findall(item["text"]):
            fail(f"clean.yaml:{no} contains a bare {len(run)}-digit run {run!r}")
        for run in NUMRUN.findall(item["text"]):
            d = digits(run)
            if len(d) == 9 and (bsn.is_valid(d) or onderwijsnummer.is_valid(d)):
                fail(f"clean.yaml:{no} contains a valid bsn/onderwijsnummer {run!r}")
            elif len(d) == 8 and bsn.is_valid(d.zfill(9)):
                warnings.append(f"clean.yaml:{no} {run!r} passes the 11-proef when padded to 9 digits "
                                "(kept on purpose, see README)")


def main():
    pii_groups, pii_items = load(HERE / "pii.yaml", {"text", "kinds", "found"})
    clean_groups, clean_items = load(HERE / "clean.yaml", {"text", "note"})
    kind_count = check_pii(pii_items)
    check_clean(clean_items)

    seen = {}
    for fname, items in (("pii.yaml", pii_items), ("clean.yaml", clean_items)):
        for no, item, _ in items:
            key = norm(item["text"])
            if key in seen:
                fail(f"{fname}:{no} duplicate text, first at {seen[key]}")
            else:
                seen[key] = f"{fname}:{no}"

    for fname, groups in (("pii.yaml", pii_groups), ("clean.yaml", clean_groups)):
        total = sum(len(g[2]) for g in groups)
        print(f"{fname}: {total} items in {len(groups)} groups")
        for name, declared, members in groups:
            print(f"  {len(members):4d}  {name}")
    print("pii items per kind (an item with several kinds counts once for each):")
    for k in sorted(KINDS):
        print(f"  {kind_count[k]:4d}  {k}")

    for w in warnings:
        print("warning: " + w)
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
