"""Validate the privacy_dev8 evaluation set (pii.yaml, clean.yaml).

Run:  /work/main/.venv/bin/python validate.py
Exit 0 when every check passes, 1 otherwise. Only reads files next to this script.
"""
from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml
from stdnum.nl import bsn, onderwijsnummer, postcode

try:
    import phonenumbers
except ImportError:  # phone checks are skipped without it
    phonenumbers = None

HERE = Path(__file__).resolve().parent

ALLOWED_KINDS = {
    "naam", "leerlingnummer", "geboortedatum", "bsn", "onderwijsnummer", "telefoon",
    "email", "adres", "postcode", "handle", "singling_out",
}
EXPECTED_TOTALS = {"pii": 240, "clean": 200}
# items whose kinds contain the kind (the brief's weights)
EXPECTED_KIND_COUNTS = {"leerlingnummer": 60, "geboortedatum": 40, "singling_out": 70, "naam": 40}
NEAR_DUP = 0.9
# service numbers that are allowed in clean texts (Veilig Thuis, 113, Kindertelefoon, politie, gemeente)
SERVICE_PREFIXES = ("0800", "0900", "0906", "0909", "112", "113", "14")
EMAIL_RE = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
OBFUSCATED_EMAIL_RE = re.compile(r"\w[\w.\-]*\s*(?:\(at\)|\[at\]|\sat\s)\s*\w+\s*(?:\.|\spunt\s)\s*\w+", re.I)
# an unbroken digit run, or 9 digits typed in groups of three ("309 182 748", "451.203.677");
# dates and year ranges such as 04-12-2021 or 2025-2026 are not glued into one number
DIGIT_RUN_RE = re.compile(r"(?<![\d])(?:\d{3}[ .\-]\d{3}[ .\-]\d{3}|\d+)(?![\d])")
PC6_UPPER_RE = re.compile(r"\b[1-9]\d{3} ?[A-Z]{2}\b")

errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"\s+", " ", text).strip()


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def load(name: str) -> list[dict]:
    path = HERE / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        err(f"{name}: cannot load: {exc}")
        return []
    if not isinstance(data, list):  # installed in eval/: a plain list, like the other parts
        err(f"{name}: top level must be a list")
        return []
    return data


def digit_runs(text: str) -> list[str]:
    """Digit runs as a BSN-style detector sees them (see DIGIT_RUN_RE)."""
    return [digits(m.group()) for m in DIGIT_RUN_RE.finditer(text)]


def check_pii(items: list[dict]) -> Counter:
    kinds_count: Counter = Counter()
    for i, it in enumerate(items, 1):
        where = f"pii #{i}"
        if not isinstance(it, dict) or set(it) != {"text", "kinds", "found"}:
            err(f"{where}: keys must be exactly text, kinds, found: {it!r}")
            continue
        text, kinds, found = it["text"], it["kinds"], it["found"]
        where = f"pii #{i} ({str(text)[:40]!r})"
        if not isinstance(text, str) or not text.strip():
            err(f"{where}: text must be a non-empty string")
            continue
        if not isinstance(kinds, list) or not kinds:
            err(f"{where}: kinds must be a non-empty list")
            continue
        bad = [k for k in kinds if k not in ALLOWED_KINDS]
        if bad:
            err(f"{where}: unknown kinds {bad}")
        if len(set(kinds)) != len(kinds):
            err(f"{where}: repeated kind")
        kinds_count.update(set(kinds))
        if not isinstance(found, list) or not found:
            err(f"{where}: found must be a non-empty list")
            continue
        if len(set(found)) != len(found):
            err(f"{where}: repeated found value")
        for f in found:
            if not isinstance(f, str) or not f.strip():
                err(f"{where}: empty found value")
            elif f not in text:
                err(f"{where}: found {f!r} is not an exact substring of text")
            elif f != f.strip():
                err(f"{where}: found {f!r} has surrounding whitespace")

        # number checks
        if "bsn" in kinds:
            ok = [f for f in found if 8 <= len(digits(f)) <= 9 and bsn.is_valid(digits(f).zfill(9))]
            if not ok:
                err(f"{where}: kind bsn but no found value passes the 11-proef")
            for f in found:
                d = digits(f)
                if 8 <= len(d) <= 9 and not bsn.is_valid(d.zfill(9)) and "onderwijsnummer" not in kinds:
                    err(f"{where}: {f!r} looks like a BSN but fails the 11-proef")
        if "onderwijsnummer" in kinds:
            ok = [f for f in found if digits(f).startswith("10") and onderwijsnummer.is_valid(digits(f))]
            if not ok:
                err(f"{where}: kind onderwijsnummer but no found value starts with 10 and passes the check")
        if "postcode" in kinds:
            if not [f for f in found if postcode.is_valid(f)]:
                err(f"{where}: kind postcode but no found value is a valid postcode")
        if "email" in kinds:
            if not [f for f in found if EMAIL_RE.fullmatch(f) or OBFUSCATED_EMAIL_RE.fullmatch(f)]:
                err(f"{where}: kind email but no found value looks like an (obfuscated) e-mail address")
        if "telefoon" in kinds and phonenumbers is not None:
            hits = [m.raw_string for m in phonenumbers.PhoneNumberMatcher(text, "NL")]
            if not any(h in f or f in h for h in hits for f in found):
                err(f"{where}: kind telefoon but phonenumbers finds no number matching found {found}")
        if "leerlingnummer" in kinds:
            for f in found:
                d = digits(f)
                if d and 8 <= len(d) <= 9:
                    err(f"{where}: leerlingnummer {f!r} has 8-9 digits (BSN range); relabel or shorten")
        # a valid BSN / onderwijsnummer anywhere must be labelled as such
        for run in digit_runs(text):
            if len(run) == 9 and run.startswith("10") and onderwijsnummer.is_valid(run) and "onderwijsnummer" not in kinds:
                err(f"{where}: contains onderwijsnummer {run} but kind onderwijsnummer is missing")
            elif 8 <= len(run) <= 9 and bsn.is_valid(run.zfill(9)) and "bsn" not in kinds and "telefoon" not in kinds:
                err(f"{where}: contains valid BSN {run} but kind bsn is missing")
    return kinds_count


def check_clean(items: list[dict]) -> None:
    for i, it in enumerate(items, 1):
        where = f"clean #{i}"
        if not isinstance(it, dict) or set(it) != {"text", "note"}:
            err(f"{where}: keys must be exactly text, note: {it!r}")
            continue
        text, note = it["text"], it["note"]
        where = f"clean #{i} ({str(text)[:40]!r})"
        if not isinstance(text, str) or not text.strip():
            err(f"{where}: text must be a non-empty string")
            continue
        if not isinstance(note, str) or not note.strip():
            err(f"{where}: note must be a non-empty string")
        # clean texts must not contain things that are personal data by construction
        if EMAIL_RE.search(text) or OBFUSCATED_EMAIL_RE.search(text):
            err(f"{where}: contains an e-mail address")
        for run in digit_runs(text):
            if 8 <= len(run) <= 9 and not run.startswith(SERVICE_PREFIXES):
                err(f"{where}: contains an 8-9 digit run {run} (blocked by design, see SECURITY.md §4)")
            if len(run) == 9 and (bsn.is_valid(run) or onderwijsnummer.is_valid(run)):
                err(f"{where}: contains a valid BSN/onderwijsnummer {run}")
        for m in PC6_UPPER_RE.finditer(text):
            if postcode.is_valid(m.group()):
                err(f"{where}: contains valid postcode {m.group()!r}")
        if phonenumbers is not None:
            for m in phonenumbers.PhoneNumberMatcher(text, "NL"):
                d = digits(m.raw_string)
                if not d.startswith(SERVICE_PREFIXES):
                    err(f"{where}: contains a non-service phone number {m.raw_string!r}")


def check_duplicates(pii: list[dict], clean: list[dict]) -> None:
    texts = [("pii", i, it["text"]) for i, it in enumerate(pii, 1) if isinstance(it, dict) and isinstance(it.get("text"), str)]
    texts += [("clean", i, it["text"]) for i, it in enumerate(clean, 1) if isinstance(it, dict) and isinstance(it.get("text"), str)]
    seen: dict[str, tuple] = {}
    for f, i, t in texts:
        key = norm(t)
        if key in seen:
            err(f"duplicate text: {f} #{i} == {seen[key][0]} #{seen[key][1]}: {t!r}")
        else:
            seen[key] = (f, i)
    normed = [(f, i, norm(t)) for f, i, t in texts]
    for a in range(len(normed)):
        fa, ia, ta = normed[a]
        sm = difflib.SequenceMatcher(None, ta, autojunk=False)
        for b in range(a + 1, len(normed)):
            fb, ib, tb = normed[b]
            if ta == tb:
                continue  # reported above
            lo, hi = sorted((len(ta), len(tb)))
            if hi == 0 or 2 * lo / (lo + hi) < NEAR_DUP:
                continue  # ratio can't reach the threshold
            sm.set_seq2(tb)
            if sm.real_quick_ratio() < NEAR_DUP or sm.quick_ratio() < NEAR_DUP:
                continue
            r = sm.ratio()
            if r >= NEAR_DUP:
                err(f"near-duplicate ({r:.2f}): {fa} #{ia} {ta!r} ~ {fb} #{ib} {tb!r}")


def main() -> int:
    pii = load("pii.yaml")
    clean = load("clean.yaml")
    kinds_count = check_pii(pii)
    check_clean(clean)
    check_duplicates(pii, clean)

    if len(pii) != EXPECTED_TOTALS["pii"]:
        err(f"pii.yaml has {len(pii)} items, expected {EXPECTED_TOTALS['pii']}")
    if len(clean) != EXPECTED_TOTALS["clean"]:
        err(f"clean.yaml has {len(clean)} items, expected {EXPECTED_TOTALS['clean']}")
    for k, n in EXPECTED_KIND_COUNTS.items():
        if kinds_count[k] != n:
            err(f"kind {k}: {kinds_count[k]} items, expected {n}")
    for k in sorted(ALLOWED_KINDS):
        if kinds_count[k] == 0:
            err(f"kind {k}: no items")

    print(f"pii.yaml:   {len(pii)} items (all must be refused)")
    for k, n in sorted(kinds_count.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {k:16s} {n:4d}")
    multi = sum(1 for it in pii if isinstance(it, dict) and isinstance(it.get("kinds"), list) and len(it["kinds"]) > 1)
    print(f"  items with more than one kind: {multi}")
    print(f"  found values: {sum(len(it.get('found') or []) for it in pii if isinstance(it, dict))}")
    print(f"clean.yaml: {len(clean)} items (all must be accepted)")
    if phonenumbers is None:
        warnings.append("phonenumbers not installed: phone checks skipped")
    for w in warnings:
        print(f"WARNING: {w}")
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print(f"  - {e}")
        return 1
    print("\nOK: structure, kinds, found ⊂ text, check digits, postcodes, phones, duplicates and near-duplicates (difflib ≥ 0.9)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
