#!/usr/bin/env python3
"""Structure check for the safety_dev15 evaluation set.

Run:  /work/main/.venv/bin/python validate.py     (from any directory; needs PyYAML)
Exit code 0 = all checks pass, 1 = at least one error.
Checks structure only: one item per line, exact keys, known kinds and themes, real booleans,
acute_danger => acute: true, no duplicates within or across files, no PII-looking strings
(phone, e-mail, postcode, BSN-like digit runs, years), minimum counts. It does not judge labels.
"""
import collections
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is needed: pip install pyyaml")

HERE = os.path.dirname(os.path.abspath(__file__))

KINDS = {
    "physical_abuse", "emotional_abuse", "neglect", "sexual_abuse", "exploitation",
    "domestic_violence", "honour_violence", "fgm", "self_harm", "suicide", "acute_danger",
}
THEMES = {
    "verzuim", "meldcode_onderwerp", "afgesloten_casus", "nieuws_les_boek_game",
    "sport_medisch_ongeluk", "ruzie_tussen_leerlingen", "werkdruk_stijlfiguur", "huisdier",
    "wet_begrippen", "training_plannen", "route_gewone_ondersteuning", "veldwoord_onschuldig",
    "leerling_tegen_personeel", "ontkenning_signaal",
}
SAFETY_KEYS = {"text", "kind", "acute", "indirect"}
LOOKALIKE_KEYS = {"text", "note"}

MIN_SAFETY = 170
MIN_LOOKALIKE = 140
MIN_ACUTE = 50
MIN_SELF_HARM_SUICIDE = 30
MIN_PER_KIND = 8
MIN_INDIRECT_SHARE = 0.5

PII_PATTERNS = [
    (re.compile(r"\d{8,9}"), "8-9 digit run (BSN-like)"),
    (re.compile(r"(\+31|0031|\b06)[\s-]?\d"), "phone number"),
    (re.compile(r"[\w.+-]+@[\w-]+\.\w+"), "e-mail address"),
    (re.compile(r"\b[1-9]\d{3}\s?[a-z]{2}\b", re.I), "postcode-like"),
    (re.compile(r"\b(19|20)\d{2}\b"), "year"),
]

errors = []


def err(msg):
    errors.append(msg)


def norm(text):
    return re.sub(r"\s+", " ", text.strip().lower())


def load(name):
    path = os.path.join(HERE, name)
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    for i, ln in enumerate(lines, 1):
        if not (ln.startswith("- {") and ln.rstrip().endswith("}")):
            err(f"{name}: item line {i} is not a one-line '- {{...}}' item: {ln[:60]!r}")
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        err(f"{name}: YAML error: {exc}")
        return []
    if not isinstance(data, list):
        err(f"{name}: top level must be a list")
        return []
    if len(data) != len(lines):
        err(f"{name}: {len(data)} items but {len(lines)} item lines (one item per line)")
    return data


def check_text(name, i, text):
    if not isinstance(text, str) or not text.strip():
        err(f"{name}[{i}]: text missing or empty")
        return
    if len(text) > 600:
        err(f"{name}[{i}]: text longer than 600 chars")
    for rx, what in PII_PATTERNS:
        if rx.search(text):
            err(f"{name}[{i}]: {what} in text: {text[:60]!r}")


def main():
    safety = load("safety.yaml")
    look = load("lookalike.yaml")

    seen = {}
    for name, items, keys in (("safety.yaml", safety, SAFETY_KEYS),
                              ("lookalike.yaml", look, LOOKALIKE_KEYS)):
        for i, it in enumerate(items):
            if not isinstance(it, dict):
                err(f"{name}[{i}]: not a mapping")
                continue
            if set(it) != keys:
                err(f"{name}[{i}]: keys {sorted(it)} != {sorted(keys)}")
            text = it.get("text")
            check_text(name, i, text)
            if isinstance(text, str):
                k = norm(text)
                if k in seen:
                    err(f"{name}[{i}]: duplicate of {seen[k]}: {text[:60]!r}")
                else:
                    seen[k] = f"{name}[{i}]"

    kinds = collections.Counter()
    acute_by_kind = collections.Counter()
    indirect_by_kind = collections.Counter()
    acute = indirect = 0
    for i, it in enumerate(safety):
        if not isinstance(it, dict):
            continue
        kind = it.get("kind")
        if kind not in KINDS:
            err(f"safety.yaml[{i}]: unknown kind {kind!r}")
        kinds[kind] += 1
        for b in ("acute", "indirect"):
            if not isinstance(it.get(b), bool):
                err(f"safety.yaml[{i}]: {b} must be true/false, got {it.get(b)!r}")
        if it.get("acute") is True:
            acute += 1
            acute_by_kind[kind] += 1
        if it.get("indirect") is True:
            indirect += 1
            indirect_by_kind[kind] += 1
        if kind == "acute_danger" and it.get("acute") is not True:
            err(f"safety.yaml[{i}]: kind acute_danger must have acute: true")

    themes = collections.Counter()
    for i, it in enumerate(look):
        if not isinstance(it, dict):
            continue
        note = it.get("note")
        if not isinstance(note, str) or ":" not in note:
            err(f"lookalike.yaml[{i}]: note must be '<theme>: <why not a concern>'")
            continue
        theme, why = note.split(":", 1)
        if theme not in THEMES:
            err(f"lookalike.yaml[{i}]: unknown theme {theme!r}")
        if len(why.strip()) < 5:
            err(f"lookalike.yaml[{i}]: note does not say why")
        themes[theme] += 1

    if len(safety) < MIN_SAFETY:
        err(f"safety.yaml: {len(safety)} items < {MIN_SAFETY}")
    if len(look) < MIN_LOOKALIKE:
        err(f"lookalike.yaml: {len(look)} items < {MIN_LOOKALIKE}")
    if acute < MIN_ACUTE:
        err(f"acute items {acute} < {MIN_ACUTE}")
    if kinds["self_harm"] + kinds["suicide"] < MIN_SELF_HARM_SUICIDE:
        err(f"self_harm+suicide {kinds['self_harm'] + kinds['suicide']} < {MIN_SELF_HARM_SUICIDE}")
    for k in sorted(KINDS):
        if kinds[k] < MIN_PER_KIND:
            err(f"kind {k}: {kinds[k]} items < {MIN_PER_KIND}")
    if safety and indirect < MIN_INDIRECT_SHARE * len(safety):
        err(f"indirect {indirect} < {MIN_INDIRECT_SHARE:.0%} of {len(safety)}")

    print(f"safety.yaml: {len(safety)} items, acute {acute}, indirect {indirect}, "
          f"direct {len(safety) - indirect}")
    for k in sorted(KINDS):
        print(f"  {k:18} {kinds[k]:3}   acute {acute_by_kind[k]:2}   indirect {indirect_by_kind[k]:2}")
    print(f"lookalike.yaml: {len(look)} items")
    for t in sorted(THEMES):
        print(f"  {t:28} {themes[t]:3}")

    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
