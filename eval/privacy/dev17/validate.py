#!/usr/bin/env python3
"""Structure check for mixed_dev17 (both halves in one script).

Copied from eval/privacy/dev16/validate.py (mixed_dev16) and adapted: docstring and paths; the
minimum counts are the same as the brief for dev17; one extra rule (see below).

Run:  .venv/bin/python eval/privacy/dev17/validate.py   (needs PyYAML,
      python-stdnum and phonenumbers; all are in the project venv)
Exit code 0 = all checks pass, 1 = at least one error.

Safety half (safety.yaml, lookalike.yaml):
- one item per line "- {...}", exact keys, known kinds and themes, real booleans,
  acute_danger => acute: true, no PII-looking strings (8-9 digit run, phone, e-mail,
  postcode-like, year), text <= 600 chars
- minimum counts: safety >= 150, look-alike >= 130, acute >= 40, self_harm+suicide >= 25,
  each kind >= 6, indirect >= 50 %
Privacy half (pii.yaml, clean.yaml):
- group headers "# --- name (n) ---" match their item counts; every line parses on its own
- pii: keys text/kinds/found, kinds known and not repeated, found entries exact substrings,
  singling_out has >= 2 pieces, BSN 11-proef / onderwijsnummer (stdnum), NL phone
  (phonenumbers), NL postcode (stdnum), e-mail shape, handle starts with @, leerlingnummer
  has digits; Dutch digit words are converted first
- clean: keys text/note, note non-empty; warnings (not errors) for e-mail, BSN-valid run,
  mobile number, valid postcode
- minimum counts: pii >= 200, clean >= 180, singling_out >= 30, >= 1/3 of pii fully lower case
- new in dev17: every found entry of a singling_out item must be distinct text (no entry
  contained in another), so that "two pieces" really are two pieces
Both halves: no text appears twice in any of the four files (lower-cased, whitespace folded).
It checks structure only. It does not judge labels.
"""
import collections
import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is needed: pip install pyyaml")
try:
    from stdnum.nl import bsn as _bsn, onderwijsnummer as _onr, postcode as _pc
except Exception:  # pragma: no cover
    _bsn = _onr = _pc = None
try:
    import phonenumbers as _pn
except Exception:  # pragma: no cover
    _pn = None

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- safety half
KINDS_SAFETY = {
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

MIN_SAFETY = 150
MIN_LOOKALIKE = 130
MIN_ACUTE = 40
MIN_SELF_HARM_SUICIDE = 25
MIN_PER_KIND = 6
MIN_INDIRECT_SHARE = 0.5

PII_PATTERNS = [
    (re.compile(r"\d{8,9}"), "8-9 digit run (BSN-like)"),
    (re.compile(r"(\+31|0031|\b06)[\s-]?\d"), "phone number"),
    (re.compile(r"[\w.+-]+@[\w-]+\.\w+"), "e-mail address"),
    (re.compile(r"\b[1-9]\d{3}\s?[a-z]{2}\b", re.I), "postcode-like"),
    (re.compile(r"\b(19|20)\d{2}\b"), "year"),
]

# --------------------------------------------------------------- privacy half
KINDS_PII = {"naam", "singling_out", "geboortedatum", "telefoon", "adres", "bsn",
             "leerlingnummer", "postcode", "email", "handle", "onderwijsnummer"}
MIN_PII = 200
MIN_CLEAN = 180
MIN_SINGLING_OUT = 30
HEADER = re.compile(r"^# --- (.+?) \((\d+)\) ---\s*$")
DIGIT_WORDS = {"nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4",
               "vijf": "5", "zes": "6", "zeven": "7", "acht": "8", "negen": "9"}
POSTCODE = re.compile(r"(?<!\d)\d{4}\s?[A-Za-z]{2}(?![A-Za-z])")
EMAIL_PLAIN = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
EMAIL_SPELLED = re.compile(r"\b(at|\[at\]|\(at\))\b.*\b(punt|dot|\[dot\]|\(dot\))\b", re.I)

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def norm(text):
    return " ".join(text.lower().split())


# ---------------------------------------------------------------- safety half
def load_safety(name):
    raw = (HERE / name).read_text(encoding="utf-8")
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


def check_safety_text(name, i, text):
    if not isinstance(text, str) or not text.strip():
        err(f"{name}[{i}]: text missing or empty")
        return
    if len(text) > 600:
        err(f"{name}[{i}]: text longer than 600 chars")
    for rx, what in PII_PATTERNS:
        if rx.search(text):
            err(f"{name}[{i}]: {what} in text: {text[:60]!r}")


def check_safety_half(safety, look):
    for name, items, keys in (("safety.yaml", safety, SAFETY_KEYS),
                              ("lookalike.yaml", look, LOOKALIKE_KEYS)):
        for i, it in enumerate(items):
            if not isinstance(it, dict):
                err(f"{name}[{i}]: not a mapping")
                continue
            if set(it) != keys:
                err(f"{name}[{i}]: keys {sorted(it)} != {sorted(keys)}")
            check_safety_text(name, i, it.get("text"))

    kinds = collections.Counter()
    acute_by_kind = collections.Counter()
    indirect_by_kind = collections.Counter()
    acute = indirect = 0
    for i, it in enumerate(safety):
        if not isinstance(it, dict):
            continue
        kind = it.get("kind")
        if kind not in KINDS_SAFETY:
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
    for k in sorted(KINDS_SAFETY):
        if kinds[k] < MIN_PER_KIND:
            err(f"kind {k}: {kinds[k]} items < {MIN_PER_KIND}")
    if safety and indirect < MIN_INDIRECT_SHARE * len(safety):
        err(f"indirect {indirect} < {MIN_INDIRECT_SHARE:.0%} of {len(safety)}")

    print(f"safety.yaml: {len(safety)} items, acute {acute}, indirect {indirect}, "
          f"direct {len(safety) - indirect}")
    for k in sorted(KINDS_SAFETY):
        print(f"  {k:18} {kinds[k]:3}   acute {acute_by_kind[k]:2}   indirect {indirect_by_kind[k]:2}")
    print(f"lookalike.yaml: {len(look)} items")
    for t in sorted(THEMES):
        print(f"  {t:28} {themes[t]:3}")


# --------------------------------------------------------------- privacy half
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
        for run in re.findall(r"\d[\d .\-/]*\d|\d", g):
            out.append(re.sub(r"\D", "", run))
    return out


def load_privacy(name):
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
            if k not in KINDS_PII:
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
        if "singling_out" in kinds:
            for a in found:
                for b in found:
                    if a is not b and a in b:
                        err(f"{where}: singling_out piece {a!r} is inside {b!r}")
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


def check_privacy_half(pii, pii_groups, clean, clean_groups):
    kind_count, lower = check_pii(pii)
    check_clean(clean)
    if len(pii) < MIN_PII:
        err(f"pii.yaml: {len(pii)} items < {MIN_PII}")
    if len(clean) < MIN_CLEAN:
        err(f"clean.yaml: {len(clean)} items < {MIN_CLEAN}")
    if kind_count["singling_out"] < MIN_SINGLING_OUT:
        err(f"pii.yaml: singling_out {kind_count['singling_out']} < {MIN_SINGLING_OUT}")
    if pii and lower * 3 < len(pii):
        err(f"pii.yaml: only {lower}/{len(pii)} texts fully lower case (need >= 1/3)")

    print(f"pii.yaml:   {len(pii)} items")
    for g, (_, got) in pii_groups.items():
        print(f"  {got:4d}  {g}")
    print(f"clean.yaml: {len(clean)} items")
    for g, (_, got) in clean_groups.items():
        print(f"  {got:4d}  {g}")
    print("pii items per kind (an item counts once per kind it carries):")
    for k in sorted(KINDS_PII, key=lambda k: (-kind_count[k], k)):
        print(f"  {kind_count[k]:4d}  {k}")
    print(f"pii texts fully lower case: {lower}/{len(pii)}")
    oordeel = sum(1 for it in clean if isinstance(it, dict) and str(it.get("note", "")).startswith("OORDEEL:"))
    print(f"clean items marked OORDEEL: {oordeel}")
    print("libraries:", "stdnum" if _bsn else "NO stdnum", "/", "phonenumbers" if _pn else "NO phonenumbers")


def main():
    safety = load_safety("safety.yaml")
    look = load_safety("lookalike.yaml")
    pii, pii_groups = load_privacy("pii.yaml")
    clean, clean_groups = load_privacy("clean.yaml")
    if _bsn is None or _pn is None:
        err("python-stdnum and phonenumbers are needed for the number checks")

    seen = {}
    for fname, items in (("safety.yaml", safety), ("lookalike.yaml", look),
                         ("pii.yaml", pii), ("clean.yaml", clean)):
        for i, it in enumerate(items):
            t = it.get("text") if isinstance(it, dict) else None
            if not isinstance(t, str):
                continue
            key = norm(t)
            if key in seen:
                err(f"{fname}[{i}]: duplicate text (also {seen[key]}): {t[:60]!r}")
            else:
                seen[key] = f"{fname}[{i}]"

    check_safety_half(safety, look)
    print()
    check_privacy_half(pii, pii_groups, clean, clean_groups)

    for w in warnings:
        print("WARN ", w)
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
