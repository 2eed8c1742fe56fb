"""Validate the Wijkwijzer privacy eval set dev9 (pii.yaml + clean.yaml).

Run:  /work/main/.venv/bin/python eval/privacy/dev9/validate.py
Exit code 0 when everything passes, 1 on any failure.
"""

import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

import yaml
from stdnum.nl import bsn, onderwijsnummer

try:  # optional: not every stdnum release ships nl.postcode
    from stdnum.nl import postcode as nl_postcode
except ImportError:  # pragma: no cover
    nl_postcode = None

HERE = Path(__file__).resolve().parent
PII = HERE / "pii.yaml"
CLEAN = HERE / "clean.yaml"

ALLOWED_KINDS = {
    "naam", "leerlingnummer", "geboortedatum", "singling_out", "bsn",
    "onderwijsnummer", "telefoon", "email", "adres", "postcode", "handle",
}
EXPECTED_PII = 240
EXPECTED_CLEAN = 200
EXPECTED_KINDS = {"leerlingnummer": 60, "singling_out": 80, "geboortedatum": 30, "naam": 50}
EXPECTED_OTHER = 20  # bsn, onderwijsnummer, telefoon, email, adres, postcode, handle together
HEADER = re.compile(r"^#\s*---\s*(.+?)\s*\((\d+)\)\s*---\s*$")

errors = []
notes = []


def err(msg):
    errors.append(msg)


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except Exception as exc:  # noqa: BLE001
        err(f"{path.name}: cannot parse YAML: {exc}")
        return None
    if not isinstance(data, list):
        err(f"{path.name}: top level must be a list, got {type(data).__name__}")
        return None
    return data


def section_counts(path):
    """Count items under each '# --- name (n) ---' header; return {name: (declared, actual)}."""
    out = OrderedDict()
    current = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = HEADER.match(line.strip())
            if m:
                current = m.group(1)
                out[current] = [int(m.group(2)), 0]
            elif line.startswith("- ") and current is not None:
                out[current][1] += 1
    return out


def digits(s):
    return re.sub(r"\D", "", s)


def check_pii(items):
    kinds = Counter()
    for i, it in enumerate(items, 1):
        where = f"pii.yaml item {i}"
        if not isinstance(it, dict):
            err(f"{where}: not a mapping")
            continue
        if set(it) != {"text", "kinds", "found"}:
            err(f"{where}: keys must be exactly text, kinds, found; got {sorted(it)}")
        text, kl, found = it.get("text"), it.get("kinds"), it.get("found")
        if not isinstance(text, str) or not text.strip():
            err(f"{where}: text missing or empty")
            continue
        n_words = len(text.split())
        if not 4 <= n_words <= 50:
            err(f"{where}: {n_words} words (want 4-50): {text!r}")
        if not isinstance(kl, list) or len(kl) != 1 or kl[0] not in ALLOWED_KINDS:
            err(f"{where}: kinds must be a list with exactly one allowed kind, got {kl!r}")
            continue
        kind = kl[0]
        kinds[kind] += 1
        if not isinstance(found, list) or not found or not all(isinstance(f, str) and f for f in found):
            err(f"{where}: found must be a non-empty list of non-empty strings")
            continue
        for f in found:
            if f not in text:
                err(f"{where}: found {f!r} is not a substring of text {text!r}")
        if kind == "bsn":
            for f in found:
                d = digits(f)
                if not bsn.is_valid(d):
                    err(f"{where}: BSN {f!r} fails the 11-proef")
                if onderwijsnummer.is_valid(d):
                    err(f"{where}: BSN {f!r} is also a valid onderwijsnummer")
        if kind == "onderwijsnummer":
            for f in found:
                d = digits(f)
                if not onderwijsnummer.is_valid(d):
                    err(f"{where}: onderwijsnummer {f!r} is not valid")
        if kind == "postcode" and nl_postcode is not None:
            for f in found:
                m = re.match(r"\s*(\d{4}\s*[A-Za-z]{2})", f)
                if not m or not nl_postcode.is_valid(m.group(1)):
                    err(f"{where}: postcode part of {f!r} is not a valid Dutch postcode")
        if kind == "leerlingnummer":
            for f in found:
                if len(digits(f)) in (8, 9):
                    err(f"{where}: leerlingnummer {f!r} has 8-9 digits (reserved for bsn/onderwijsnummer)")
    return kinds


def check_clean(items):
    for i, it in enumerate(items, 1):
        where = f"clean.yaml item {i}"
        if not isinstance(it, dict):
            err(f"{where}: not a mapping")
            continue
        if set(it) != {"text", "note"}:
            err(f"{where}: keys must be exactly text, note; got {sorted(it)}")
        text, note = it.get("text"), it.get("note")
        if not isinstance(text, str) or not text.strip():
            err(f"{where}: text missing or empty")
            continue
        if not isinstance(note, str) or not note.strip():
            err(f"{where}: note missing or empty")
        n_words = len(text.split())
        if not 4 <= n_words <= 50:
            err(f"{where}: {n_words} words (want 4-50): {text!r}")
        # a clean item must not carry an unbroken 8-9 digit run (the design blocks those);
        # runs joined by separators that happen to pass a check are kept on purpose and listed
        for run in re.findall(r"(?<!\d)\d{8,9}(?!\d)", text):
            err(f"{where}: clean text contains an unbroken 8-9 digit run {run!r}")
        for run in re.findall(r"\d[\d .-]{6,12}\d", text):
            d = digits(run)
            if len(d) in (8, 9) and not re.fullmatch(r"\d+", run) and (
                    bsn.is_valid(d) or onderwijsnummer.is_valid(d)):
                notes.append(f"{where}: {run!r} -> {d} passes a check digit test once "
                             f"separators are dropped (deliberate hard near-miss)")


def main():
    pii = load(PII)
    clean = load(CLEAN)
    if pii is None or clean is None:
        return report(None, None)

    kinds = check_pii(pii)
    check_clean(clean)

    if len(pii) != EXPECTED_PII:
        err(f"pii.yaml: {len(pii)} items, expected {EXPECTED_PII}")
    if len(clean) != EXPECTED_CLEAN:
        err(f"clean.yaml: {len(clean)} items, expected {EXPECTED_CLEAN}")
    for k, n in EXPECTED_KINDS.items():
        if kinds.get(k, 0) != n:
            err(f"pii.yaml: {kinds.get(k, 0)} items of kind {k}, expected {n}")
    other = sum(v for k, v in kinds.items() if k not in EXPECTED_KINDS)
    if other != EXPECTED_OTHER:
        err(f"pii.yaml: {other} items of the other kinds, expected {EXPECTED_OTHER}")

    texts = Counter()
    for name, items in (("pii", pii), ("clean", clean)):
        for it in items:
            if isinstance(it, dict) and isinstance(it.get("text"), str):
                texts[" ".join(it["text"].lower().split())] += 1
    for t, n in texts.items():
        if n > 1:
            err(f"duplicate text ({n}x): {t!r}")

    sections = {}
    for path in (PII, CLEAN):
        sec = section_counts(path)
        sections[path.name] = sec
        for name, (declared, actual) in sec.items():
            if declared != actual:
                err(f"{path.name}: section {name} declares {declared} items, has {actual}")
    return report(kinds, sections, len(pii), len(clean))


def report(kinds, sections, n_pii=0, n_clean=0):
    if kinds is not None:
        print(f"pii.yaml:   {n_pii} items")
        for k in sorted(kinds, key=lambda k: (-kinds[k], k)):
            print(f"  {k:16s} {kinds[k]:4d}")
        print(f"clean.yaml: {n_clean} items")
        for name, (declared, actual) in sections["clean.yaml"].items():
            print(f"  {name:42s} {actual:4d}")
    if notes:
        print("\nnotes (not failures):")
        for n in notes:
            print("  - " + n)
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  - " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
