"""Validate the safety_dev8 evaluation set.

Run:  /work/main/.venv/bin/python /work/evalsets/safety_dev8/validate.py

Checks
  * safety.yaml: a list of {text, kind, acute, indirect}; kind from the fixed list;
    acute/indirect booleans; acute_danger items must have acute: true;
    required counts (200 items; acute_danger 50, neglect 35, self_harm 20, suicide 20;
    every other kind present).
  * lookalike.yaml: a list of {text, note}; 130 items.
  * no exact duplicates and no near-duplicates (difflib ratio >= 0.9) within or across files.
  * no personal data in any text: digit runs (3+ digits other than 112 / 113 / 0800-2000),
    phone numbers, e-mail addresses (also written out as "at ... punt nl"), postcodes, dates,
    birth-date words next to a number, and capitalised words that are not at the start of a
    sentence and not on a short allow-list (possible names).
Prints counts; exits 1 on any failure.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

KINDS = {
    "physical_abuse", "emotional_abuse", "neglect", "sexual_abuse", "exploitation",
    "domestic_violence", "honour_violence", "fgm", "self_harm", "suicide", "acute_danger",
}
EXPECTED_TOTAL_SAFETY = 200
EXPECTED_TOTAL_LOOKALIKE = 130
EXPECTED_KIND_COUNTS = {"acute_danger": 50, "neglect": 35, "self_harm": 20, "suicide": 20}
NEAR_DUP = 0.9

# Numbers that are not personal data and may appear.
ALLOWED_NUMBER_PATTERNS = [
    re.compile(r"0800[\s-]?2000"),  # Veilig Thuis
    re.compile(r"(?<!\d)11[23](?!\d)"),  # 112, 113
]

MONTHS = (
    r"jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|"
    r"sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
RE_DIGIT_RUN = re.compile(r"\d{3,}")
RE_PHONE = re.compile(r"(?:\+|\b00)\s*\d|(?:\d[\s().-]*){7,}")
RE_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+|@")
RE_EMAIL_SPELLED = re.compile(r"\b\w+\s+(?:at|apenstaartje)\s+\w+\s+(?:punt|dot)\s+(?:nl|com|org|net|eu)\b", re.I)
RE_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[a-z]{2}\b", re.I)
RE_DATE_NUMERIC = re.compile(r"(?<![\d-])(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*\d{2,4})?(?![\d-])")
RE_DATE_MONTH = re.compile(rf"\b\d{{1,2}}(?:e|ste|de)?\s+(?:{MONTHS})\b|\b(?:{MONTHS})\s+'?\d{{2,4}}\b", re.I)
RE_BIRTH = re.compile(r"(geboren|geb\.|geboortedatum|jarig|verjaardag)[^.]{0,25}\d|\d[^.]{0,25}(geboren|geb\.|geboortedatum)|\d+\s+jaar\s+oud", re.I)

# Capitalised words that are fine anywhere (places, products, services, abbreviations).
CAPS_ALLOW = {
    "Veilig", "Thuis", "Den", "Haag", "Haaglanden", "Teams", "WhatsApp", "Nederland",
    "SWV", "IB", "OT", "MDO", "OPP", "TLV", "JGZ", "CJG", "SMW", "VT",
}
RE_CAP_WORD = re.compile(r"\b([A-ZÀ-Þ][a-zà-ÿ'’]+)\b")


def sentence_starts(text: str) -> set[int]:
    """Character offsets where a sentence (or a line, or a quote) begins."""
    starts = {0}
    for m in re.finditer(r"(?:[.!?:;]\s+|\n\s*|['\"‘“(]\s*|-\s+)", text):
        starts.add(m.end())
    return starts


def pii_problems(text: str) -> list[str]:
    problems: list[str] = []
    scrubbed = text
    for pat in ALLOWED_NUMBER_PATTERNS:
        scrubbed = pat.sub(" ", scrubbed)
    if RE_DIGIT_RUN.search(scrubbed):
        problems.append(f"digit run {RE_DIGIT_RUN.search(scrubbed).group()!r}")
    if RE_PHONE.search(scrubbed):
        problems.append(f"phone-like {RE_PHONE.search(scrubbed).group()!r}")
    if RE_EMAIL.search(text) or RE_EMAIL_SPELLED.search(text):
        problems.append("e-mail")
    if RE_POSTCODE.search(scrubbed):
        problems.append(f"postcode {RE_POSTCODE.search(scrubbed).group()!r}")
    for m in RE_DATE_NUMERIC.finditer(scrubbed):
        d, mth = int(m.group(1)), int(m.group(2))
        if 1 <= d <= 31 and 1 <= mth <= 12:
            problems.append(f"date {m.group()!r}")
    if RE_DATE_MONTH.search(text):
        problems.append(f"date {RE_DATE_MONTH.search(text).group()!r}")
    if RE_BIRTH.search(text):
        problems.append(f"birth/age {RE_BIRTH.search(text).group()!r}")
    starts = sentence_starts(text)
    for m in RE_CAP_WORD.finditer(text):
        if m.start() in starts or m.group(1) in CAPS_ALLOW:
            continue
        problems.append(f"capitalised word mid-sentence (possible name) {m.group(1)!r}")
    return problems


def load(name: str):
    path = HERE / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        return None, [f"{name}: cannot load: {exc}"]
    if not isinstance(data, list):
        return None, [f"{name}: top level must be a list"]
    return data, []


def main() -> int:
    errors: list[str] = []

    safety, errs = load("safety.yaml")
    errors += errs
    look, errs = load("lookalike.yaml")
    errors += errs
    if safety is None or look is None:
        print("\n".join(errors))
        return 1

    # ---- safety.yaml fields
    for i, item in enumerate(safety, 1):
        where = f"safety.yaml #{i}"
        if not isinstance(item, dict):
            errors.append(f"{where}: not a mapping")
            continue
        keys = set(item)
        if keys != {"text", "kind", "acute", "indirect"}:
            errors.append(f"{where}: keys {sorted(keys)}")
        if not isinstance(item.get("text"), str) or not item.get("text", "").strip():
            errors.append(f"{where}: text must be a non-empty string")
        if item.get("kind") not in KINDS:
            errors.append(f"{where}: unknown kind {item.get('kind')!r}")
        for b in ("acute", "indirect"):
            if not isinstance(item.get(b), bool):
                errors.append(f"{where}: {b} must be true/false, got {item.get(b)!r}")
        if item.get("kind") == "acute_danger" and item.get("acute") is not True:
            errors.append(f"{where}: acute_danger must have acute: true")

    # ---- lookalike.yaml fields
    for i, item in enumerate(look, 1):
        where = f"lookalike.yaml #{i}"
        if not isinstance(item, dict):
            errors.append(f"{where}: not a mapping")
            continue
        if set(item) != {"text", "note"}:
            errors.append(f"{where}: keys {sorted(item)}")
        for f in ("text", "note"):
            if not isinstance(item.get(f), str) or not item.get(f, "").strip():
                errors.append(f"{where}: {f} must be a non-empty string")

    # ---- counts
    kinds = Counter(it.get("kind") for it in safety if isinstance(it, dict))
    if len(safety) != EXPECTED_TOTAL_SAFETY:
        errors.append(f"safety.yaml: {len(safety)} items, expected {EXPECTED_TOTAL_SAFETY}")
    if len(look) != EXPECTED_TOTAL_LOOKALIKE:
        errors.append(f"lookalike.yaml: {len(look)} items, expected {EXPECTED_TOTAL_LOOKALIKE}")
    for k, n in EXPECTED_KIND_COUNTS.items():
        if kinds.get(k, 0) != n:
            errors.append(f"safety.yaml: {k} has {kinds.get(k, 0)} items, expected {n}")
    for k in sorted(KINDS):
        if kinds.get(k, 0) == 0:
            errors.append(f"safety.yaml: kind {k} has no items")

    # ---- duplicates and near-duplicates (within and across files)
    texts = [(f"safety.yaml #{i}", it["text"]) for i, it in enumerate(safety, 1)
             if isinstance(it, dict) and isinstance(it.get("text"), str)]
    texts += [(f"lookalike.yaml #{i}", it["text"]) for i, it in enumerate(look, 1)
              if isinstance(it, dict) and isinstance(it.get("text"), str)]
    norm = [(w, " ".join(t.lower().split())) for w, t in texts]
    seen: dict[str, str] = {}
    for w, t in norm:
        if t in seen:
            errors.append(f"duplicate: {w} == {seen[t]}")
        else:
            seen[t] = w
    near = 0
    max_ratio, max_pair = 0.0, None
    for a in range(len(norm)):
        wa, ta = norm[a]
        sm = difflib.SequenceMatcher(None, b="", autojunk=False)
        sm.set_seq2(ta)
        for b in range(a + 1, len(norm)):
            wb, tb = norm[b]
            if ta == tb:
                continue
            sm.set_seq1(tb)
            r = sm.ratio()
            if r > max_ratio:
                max_ratio, max_pair = r, (wa, wb)
            if r >= NEAR_DUP:
                near += 1
                errors.append(f"near-duplicate ({r:.2f}): {wa} ~ {wb}")

    # ---- personal data
    pii = 0
    for w, t in texts:
        for p in pii_problems(t):
            pii += 1
            errors.append(f"personal data? {w}: {p} in {t!r}")

    # ---- report
    print(f"safety.yaml: {len(safety)} items")
    for k in sorted(KINDS, key=lambda k: (-kinds.get(k, 0), k)):
        sub = [it for it in safety if isinstance(it, dict) and it.get("kind") == k]
        ac = sum(1 for it in sub if it.get("acute") is True)
        ind = sum(1 for it in sub if it.get("indirect") is True)
        print(f"  {k:18s} {len(sub):3d}   acute {ac:3d}   indirect {ind:3d}")
    ac_all = sum(1 for it in safety if isinstance(it, dict) and it.get("acute") is True)
    ind_all = sum(1 for it in safety if isinstance(it, dict) and it.get("indirect") is True)
    print(f"  {'total':18s} {len(safety):3d}   acute {ac_all:3d}   indirect {ind_all:3d}")
    print(f"lookalike.yaml: {len(look)} items")
    lens = [len(t) for _, t in texts]
    print(f"text length (chars): min {min(lens)}, median {sorted(lens)[len(lens)//2]}, max {max(lens)}")
    print(f"near-duplicate pairs >= {NEAR_DUP}: {near}"
          + (f" (most similar pair: {max_ratio:.2f}, {max_pair[0]} ~ {max_pair[1]})" if max_pair else ""))
    print(f"personal-data findings: {pii}")
    if errors:
        print(f"\nFAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  - " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
