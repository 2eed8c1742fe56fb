"""Structure check for the privacy dev11 evaluation set.

Run:  /work/main/.venv/bin/python eval/privacy/dev11/validate.py
Exit code 0 when everything passes, 1 on any failure.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from stdnum.nl import bsn, onderwijsnummer, postcode

try:
    import phonenumbers
except ImportError:  # the phone check is an extra; structure checks still run
    phonenumbers = None

HERE = Path(__file__).resolve().parent
KINDS = {
    "naam", "singling_out", "geboortedatum", "leerlingnummer", "adres", "postcode",
    "telefoon", "email", "bsn", "onderwijsnummer", "handle",
}
HEADER = re.compile(r"^# --- (?P<name>.+) \((?P<n>\d+)\) ---$")
FIRST_LINE = "# privacy dev11, written by an independent helper on 2026-12-07"
EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
EMAIL_SPOKEN = re.compile(r"\S+ (at|apenstaart) \S+ (punt|dot) \S+")
DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ .]?\d){7,8}(?!\d)")

errors: list[str] = []
warnings: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


def bounded(text: str, part: str) -> bool:
    """True if `part` occurs in `text` not glued to letters/digits on either side."""
    start = 0
    while True:
        i = text.find(part, start)
        if i < 0:
            return False
        j = i + len(part)
        left_ok = i == 0 or not part[0].isalnum() or not text[i - 1].isalnum()
        right_ok = j == len(text) or not part[-1].isalnum() or not text[j].isalnum()
        if left_ok and right_ok:
            return True
        start = i + 1


def read_groups(path: Path) -> tuple[list[dict], list[tuple[str, int, int]]]:
    """Return the parsed items and (group, declared, actual) per header."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith(FIRST_LINE):
        fail(f"{path.name}: first line must start with {FIRST_LINE!r}")
    groups: list[list] = []
    item_lines = 0
    for no, line in enumerate(lines, 1):
        m = HEADER.match(line)
        if m:
            groups.append([m["name"], int(m["n"]), 0])
            continue
        if line.startswith("- "):
            item_lines += 1
            if not groups:
                fail(f"{path.name}:{no}: item before the first group header")
            else:
                groups[-1][2] += 1
        elif line.strip() and not line.startswith("#"):
            fail(f"{path.name}:{no}: line is neither an item, a comment nor blank")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        fail(f"{path.name}: YAML error: {exc}")
        return [], [tuple(g) for g in groups]
    if not isinstance(data, list):
        fail(f"{path.name}: top level must be a list")
        return [], [tuple(g) for g in groups]
    if len(data) != item_lines:
        fail(f"{path.name}: {len(data)} items parsed but {item_lines} item lines (one item per line)")
    names = Counter(g[0] for g in groups)
    for name, c in names.items():
        if c > 1:
            fail(f"{path.name}: group header {name!r} used {c} times")
    for name, declared, actual in groups:
        if declared != actual:
            fail(f"{path.name}: group {name!r} declares {declared} items but has {actual}")
    return data, [tuple(g) for g in groups]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def check_words(fname: str, i: int, text: str) -> None:
    n = len(text.split())
    if n < 3:
        warnings.append(f"{fname} #{i}: only {n} words: {text!r}")
    if n > 60:
        warnings.append(f"{fname} #{i}: {n} words: {text[:50]!r}...")


def check_pii(items: list[dict]) -> Counter:
    kinds_count: Counter = Counter()
    for i, it in enumerate(items, 1):
        where = f"pii.yaml #{i}"
        if not isinstance(it, dict) or set(it) != {"text", "kinds", "found"}:
            fail(f"{where}: keys must be exactly text, kinds, found: {it!r}")
            continue
        text, kinds, found = it["text"], it["kinds"], it["found"]
        if not isinstance(text, str) or not text.strip():
            fail(f"{where}: text must be a non-empty string")
            continue
        check_words("pii.yaml", i, text)
        if not isinstance(kinds, list) or not kinds:
            fail(f"{where}: kinds must be a non-empty list")
            kinds = []
        if not isinstance(found, list) or not found:
            fail(f"{where}: found must be a non-empty list")
            found = []
        for k in kinds:
            if k not in KINDS:
                fail(f"{where}: unknown kind {k!r}")
        if len(set(kinds)) != len(kinds):
            fail(f"{where}: duplicate kind")
        if len(set(found)) != len(found):
            fail(f"{where}: duplicate found entry")
        for f in found:
            if not isinstance(f, str) or not f:
                fail(f"{where}: found entries must be non-empty strings")
                continue
            if f not in text:
                fail(f"{where}: found {f!r} is not a substring of the text")
            elif not bounded(text, f):
                fail(f"{where}: found {f!r} only occurs glued inside a longer word")
        kinds_count.update(kinds)
        fs = [f for f in found if isinstance(f, str)]
        # identifier-specific checks
        if "bsn" in kinds:
            if not any(bsn.is_valid(re.sub(r"\D", "", f)) for f in fs):
                fail(f"{where}: kind bsn but no found entry passes the 11-proef")
        if "onderwijsnummer" in kinds:
            if not any(onderwijsnummer.is_valid(re.sub(r"\D", "", f)) for f in fs):
                fail(f"{where}: kind onderwijsnummer but no found entry is a valid onderwijsnummer")
        if "bsn" not in kinds and "onderwijsnummer" not in kinds:
            for run in DIGIT_RUN.findall(text):
                digits = re.sub(r"\D", "", run)
                if bsn.is_valid(digits) or onderwijsnummer.is_valid(digits):
                    # e.g. a date or phone number whose digits pass the 11-proef by chance
                    warnings.append(f"{where}: {run!r} happens to pass a BSN/onderwijsnummer check")
        if "postcode" in kinds:
            ok = False
            for f in fs:
                m = re.search(r"[1-9]\d{3} ?[A-Za-z]{2}", f)
                if m and postcode.is_valid(m.group(0)):
                    ok = True
            if not ok:
                fail(f"{where}: kind postcode but no found entry holds a valid NL postcode")
        if "email" in kinds:
            if not any(EMAIL.fullmatch(f) or EMAIL_SPOKEN.fullmatch(f) for f in fs):
                fail(f"{where}: kind email but no found entry looks like an e-mail address")
        if "telefoon" in kinds and phonenumbers is not None:
            ok = False
            for f in fs:
                try:
                    num = phonenumbers.parse(f, "NL")
                    ok = ok or phonenumbers.is_valid_number(num)
                except phonenumbers.NumberParseException:
                    pass
            if not ok:
                fail(f"{where}: kind telefoon but no found entry is a valid NL phone number")
    return kinds_count


def check_clean(items: list[dict]) -> None:
    for i, it in enumerate(items, 1):
        where = f"clean.yaml #{i}"
        if not isinstance(it, dict) or set(it) != {"text", "note"}:
            fail(f"{where}: keys must be exactly text, note: {it!r}")
            continue
        text, note = it["text"], it["note"]
        if not isinstance(text, str) or not text.strip():
            fail(f"{where}: text must be a non-empty string")
            continue
        if not isinstance(note, str) or not note.strip():
            fail(f"{where}: note must be a non-empty string")
        check_words("clean.yaml", i, text)
        for run in DIGIT_RUN.findall(text):
            digits = re.sub(r"\D", "", run)
            if bsn.is_valid(digits) or onderwijsnummer.is_valid(digits):
                fail(f"{where}: clean item contains {run!r}, a valid BSN/onderwijsnummer")


def main() -> int:
    pii, pii_groups = read_groups(HERE / "pii.yaml")
    clean, clean_groups = read_groups(HERE / "clean.yaml")
    kinds_count = check_pii(pii)
    check_clean(clean)

    seen: dict[str, str] = {}
    for fname, items in (("pii.yaml", pii), ("clean.yaml", clean)):
        for i, it in enumerate(items, 1):
            if isinstance(it, dict) and isinstance(it.get("text"), str):
                key = norm(it["text"])
                if key in seen:
                    fail(f"{fname} #{i}: duplicate text (also {seen[key]})")
                else:
                    seen[key] = f"{fname} #{i}"

    print(f"pii.yaml: {len(pii)} items in {len(pii_groups)} groups")
    for name, declared, actual in pii_groups:
        print(f"  {actual:4d}  {name}")
    print("  kinds (an item may have several): " + ", ".join(
        f"{k} {kinds_count[k]}" for k in sorted(KINDS, key=lambda k: -kinds_count[k])))
    print(f"clean.yaml: {len(clean)} items in {len(clean_groups)} groups")
    for name, declared, actual in clean_groups:
        print(f"  {actual:4d}  {name}")
    if phonenumbers is None:
        print("note: phonenumbers not installed, phone check skipped")
    for w in warnings:
        print("warning:", w)
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
