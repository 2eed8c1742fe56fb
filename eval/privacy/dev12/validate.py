#!/usr/bin/env python
"""Structure check for the privacy_dev12 evaluation set (pii.yaml + clean.yaml).

Usage:  /work/main/.venv/bin/python validate.py [folder]
        (folder defaults to the folder this script lives in)

Prints every problem found and exits 1 if there is any; prints OK and exits 0 otherwise.
Needs pyyaml, python-stdnum and phonenumbers. Imports nothing from the bot.
"""
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import phonenumbers
import yaml
from stdnum.nl import bsn as nl_bsn
from stdnum.nl import onderwijsnummer as nl_onr
from stdnum.nl import postcode as nl_postcode

KINDS = {"naam", "singling_out", "geboortedatum", "leerlingnummer", "adres", "postcode",
         "telefoon", "email", "bsn", "onderwijsnummer", "handle"}
EXPECTED_TOTAL = 220
FIRST_LINE = re.compile(r"^# privacy dev12, written by an independent helper on \d{4}-\d{2}-\d{2}$")
HEADER = re.compile(r"^# --- ([a-z0-9_]+) \((\d+)\) ---$")
POSTCODE_TOKEN = re.compile(r"(?<![0-9A-Za-z])([1-9][0-9]{3}) ?([A-Za-z]{2})(?![A-Za-z])")
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
FUNCTIONAL_MAILBOXES = {"info", "tlv", "leerplicht", "secretariaat", "aanmelden", "loket"}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug",
          "sep", "sept", "okt", "nov", "dec")

# Dutch number words, for dictated numbers ("nul zes drieëntwintig ...").
UNITS = {"nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
         "zeven": 7, "acht": 8, "negen": 9}
TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
         "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
        "tachtig": 80, "negentig": 90}


def word_to_digits(word):
    """'zes' -> '6', 'drieëntwintig' -> '23'; None if not a number word 0..99."""
    w = word.lower()
    if w in UNITS:
        return str(UNITS[w])
    if w in TEENS:
        return str(TEENS[w])
    if w in TENS:
        return str(TENS[w])
    for unit, u in UNITS.items():
        if u == 0:
            continue
        for joiner in ("en", "ën"):
            if w.startswith(unit + joiner) and w[len(unit + joiner):] in TENS:
                return str(u + TENS[w[len(unit + joiner):]])
    return None


def spoken_digits(s):
    """A found string made only of number words -> its digit string, else None."""
    words = s.split()
    if not words:
        return None
    out = []
    for w in words:
        d = word_to_digits(w)
        if d is None:
            return None
        out.append(d)
    return "".join(out)


def digits_of(s):
    """Digits of a found string: written digits (separators dropped) or dictated number words."""
    spoken = spoken_digits(s)
    if spoken is not None:
        return spoken
    return "".join(ch for ch in s if ch.isdigit())


def has_number(s):
    return any(ch.isdigit() for ch in s) or spoken_digits(s) is not None


# A parent's or child's own number: mobile, geographic or VoIP (not 0800/0900/088, not pager).
PERSONAL_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
                  phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE, phonenumbers.PhoneNumberType.VOIP)


def valid_phone(s):
    candidates = [s]
    spoken = spoken_digits(s)
    if spoken is not None:
        candidates.append(spoken)
    else:
        plus = "+" if s.strip().startswith("+") else ""
        candidates.append(plus + "".join(ch for ch in s if ch.isdigit()))
    for c in candidates:
        try:
            n = phonenumbers.parse(c, "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(n) and phonenumbers.number_type(n) in PERSONAL_TYPES:
            return True
    return False


def standalone_occurrence(text, sub):
    """True if sub occurs in text at least once not glued to a longer word."""
    start = 0
    while True:
        i = text.find(sub, start)
        if i < 0:
            return False
        left_ok = i == 0 or not (text[i - 1].isalnum() and sub[0].isalnum())
        j = i + len(sub)
        right_ok = j == len(text) or not (text[j].isalnum() and sub[-1].isalnum())
        if left_ok and right_ok:
            return True
        start = i + 1


def norm(text):
    t = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in t if ch.isalnum())


def read_file(path, errors, kind):
    """Parse one file line by line; return (items, groups) where groups = {name: (declared, actual)}."""
    name = path.name
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        errors.append(f"{name}: cannot read as UTF-8: {e}")
        return [], {}
    lines = raw.split("\n")
    if not FIRST_LINE.match(lines[0]):
        errors.append(f"{name}:1: first line must be '# privacy dev12, written by an independent helper on YYYY-MM-DD'")
    if not raw.endswith("\n"):
        errors.append(f"{name}: file must end with a newline")
    if "\t" in raw:
        errors.append(f"{name}: contains a tab character")

    items, groups, order = [], {}, []
    current = None
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if line.startswith("# ---") or line.startswith("#---"):
                m = HEADER.match(line)
                if not m:
                    errors.append(f"{name}:{no}: malformed group header {line!r}")
                    continue
                g = m.group(1)
                if g in groups:
                    errors.append(f"{name}:{no}: group {g!r} declared twice")
                groups[g] = [int(m.group(2)), 0]
                order.append(g)
                current = g
            continue
        if not line.startswith("- {") or not line.rstrip().endswith("}"):
            errors.append(f"{name}:{no}: not a one-line '- {{...}}' item: {line[:60]!r}")
            continue
        try:
            parsed = yaml.safe_load(line)
        except yaml.YAMLError as e:
            errors.append(f"{name}:{no}: YAML error: {str(e).splitlines()[0]}")
            continue
        if not (isinstance(parsed, list) and len(parsed) == 1 and isinstance(parsed[0], dict)):
            errors.append(f"{name}:{no}: line is not exactly one mapping item")
            continue
        if current is None:
            errors.append(f"{name}:{no}: item before the first group header")
        else:
            groups[current][1] += 1
        items.append((no, current, parsed[0]))

    # the whole file must parse to the same list
    try:
        whole = yaml.safe_load(raw)
        if whole != [it for _, _, it in items]:
            errors.append(f"{name}: whole-file parse differs from line-by-line parse")
    except yaml.YAMLError as e:
        errors.append(f"{name}: whole-file YAML error: {str(e).splitlines()[0]}")

    for g in order:
        declared, actual = groups[g]
        if declared != actual:
            errors.append(f"{name}: group {g!r} declares {declared} items but has {actual}")
        if actual == 0:
            errors.append(f"{name}: group {g!r} is empty")
    if len(items) != EXPECTED_TOTAL:
        errors.append(f"{name}: {len(items)} items, expected {EXPECTED_TOTAL}")
    if sum(v[0] for v in groups.values()) != len(items):
        errors.append(f"{name}: header counts add up to {sum(v[0] for v in groups.values())}, items {len(items)}")
    return items, {g: tuple(groups[g]) for g in order}


def check_pii(items, errors):
    for no, group, it in items:
        where = f"pii.yaml:{no}"
        if set(it) != {"text", "kinds", "found"}:
            errors.append(f"{where}: keys must be exactly text, kinds, found (got {sorted(it)})")
            continue
        text, kinds, found = it["text"], it["kinds"], it["found"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: text must be a non-empty string")
            continue
        if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
            errors.append(f"{where}: kinds must be a non-empty list of strings")
            continue
        if not isinstance(found, list) or not found or not all(isinstance(f, str) and f.strip() for f in found):
            errors.append(f"{where}: found must be a non-empty list of non-empty strings")
            continue
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            errors.append(f"{where}: unknown kinds {bad}")
        if len(set(kinds)) != len(kinds):
            errors.append(f"{where}: duplicate kinds")
        if len(set(found)) != len(found):
            errors.append(f"{where}: duplicate found strings")
        for f in found:
            if f != f.strip():
                errors.append(f"{where}: found {f!r} has leading/trailing spaces")
            if f not in text:
                errors.append(f"{where}: found {f!r} does not occur verbatim in the text")
            elif not standalone_occurrence(text, f):
                errors.append(f"{where}: found {f!r} only occurs inside a longer word")
        ks = set(kinds)

        if "bsn" in ks:
            if not any(nl_bsn.is_valid(digits_of(f)) for f in found if has_number(f)):
                errors.append(f"{where}: kind bsn but no found string passes the BSN 11-proef")
        if "onderwijsnummer" in ks:
            if not any(nl_onr.is_valid(digits_of(f)) for f in found if has_number(f)):
                errors.append(f"{where}: kind onderwijsnummer but no found string is a valid onderwijsnummer")
        for f in found:
            d = digits_of(f) if has_number(f) else ""
            if len(d) in (8, 9) and d.isdigit() and not ks & {"telefoon", "leerlingnummer", "geboortedatum"}:
                if nl_bsn.is_valid(d) and "bsn" not in ks:
                    errors.append(f"{where}: {f!r} is a valid BSN but kind bsn is missing")
                if nl_onr.is_valid(d) and "onderwijsnummer" not in ks:
                    errors.append(f"{where}: {f!r} is a valid onderwijsnummer but kind onderwijsnummer is missing")
                if "bsn" in ks and not nl_bsn.is_valid(d) and not nl_onr.is_valid(d):
                    errors.append(f"{where}: {f!r} looks like a BSN but fails the 11-proef")
                if "onderwijsnummer" in ks and "bsn" not in ks and not nl_onr.is_valid(d):
                    errors.append(f"{where}: {f!r} fails the onderwijsnummer check")

        if "telefoon" in ks:
            numeric = [f for f in found if has_number(f)]
            if not numeric:
                errors.append(f"{where}: kind telefoon but no numeric found string")
            for f in numeric:
                if not valid_phone(f):
                    errors.append(f"{where}: {f!r} is not a valid Dutch mobile/fixed/VoIP number (phonenumbers)")

        for f in found:
            for m in POSTCODE_TOKEN.finditer(f):
                if not nl_postcode.is_valid(m.group(1) + m.group(2)) and "postcode" in ks:
                    errors.append(f"{where}: {m.group(0)!r} is not a valid postcode (stdnum nl.postcode)")
        if "postcode" in ks:
            if not any(nl_postcode.is_valid(m.group(1) + m.group(2))
                       for f in found for m in POSTCODE_TOKEN.finditer(f)):
                errors.append(f"{where}: kind postcode but no found string holds a valid postcode")

        if "email" in ks:
            ok = False
            for f in found:
                if "@" in f:
                    if EMAIL.match(f):
                        ok = True
                    else:
                        errors.append(f"{where}: {f!r} is not a valid e-mail address")
                elif re.search(r"\bat\b", f) and re.search(r"\bpunt\b", f):
                    ok = True  # written-out form: "jan punt smit at ziggo punt nl"
            if not ok:
                errors.append(f"{where}: kind email but no e-mail address (plain or written out) in found")

        if "handle" in ks:
            if not any(" " not in f and re.search(r"[A-Za-z]", f) and
                       (f.startswith("@") or re.search(r"[._/0-9]", f)) for f in found):
                errors.append(f"{where}: kind handle but no handle-like found string")

        if "geboortedatum" in ks:
            for f in found:
                if not (has_number(f) or any(re.search(rf"\b{m}\b", f.lower()) for m in MONTHS)
                        or any(w in f.lower().split() for w in list(UNITS) + list(TEENS) + list(TENS))
                        or re.search(r"\b(eenentwintig|tweeduizend|duizend)\b", f.lower())):
                    if not ks - {"geboortedatum"}:
                        errors.append(f"{where}: geboortedatum found {f!r} has no date part")

        if "singling_out" in ks and len(found) < 2:
            errors.append(f"{where}: singling_out should list its pieces (school/wijk, group, trait)")


def check_clean(items, errors):
    for no, group, it in items:
        where = f"clean.yaml:{no}"
        if set(it) != {"text", "note"}:
            errors.append(f"{where}: keys must be exactly text, note (got {sorted(it)})")
            continue
        text, note = it["text"], it["note"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: text must be a non-empty string")
            continue
        if not isinstance(note, str) or not note.strip():
            errors.append(f"{where}: note must be a non-empty string")
        # Sanity: a clean message must not hold numbers that are personal data by construction.
        for m in re.finditer(r"(?<!\d)\d[\d .-]{6,12}\d(?!\d)", text):
            if re.fullmatch(r"(19|20)\d\d-(19|20)\d\d", m.group(0).strip()):
                continue  # a year range such as 2022-2026 is not a number about a person
            d = re.sub(r"\D", "", m.group(0))
            if len(d) in (8, 9) and (nl_bsn.is_valid(d) or nl_onr.is_valid(d)):
                errors.append(f"{where}: {m.group(0)!r} passes the BSN/onderwijsnummer check")
        for m in phonenumbers.PhoneNumberMatcher(text, "NL"):
            t = phonenumbers.number_type(m.number)
            if t in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
                     phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
                     phonenumbers.PhoneNumberType.PERSONAL_NUMBER):
                errors.append(f"{where}: {m.raw_string!r} is a mobile/geographic number, not an organisation number")
        for m in POSTCODE_TOKEN.finditer(text):
            if nl_postcode.is_valid(m.group(1) + m.group(2)) and m.group(2).isupper():
                errors.append(f"{where}: {m.group(0)!r} is a valid postcode")
        for m in EMAIL_IN_TEXT.finditer(text):
            if m.group(0).split("@")[0].lower() not in FUNCTIONAL_MAILBOXES:
                errors.append(f"{where}: {m.group(0)!r} is not a functional mailbox")


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    errors = []
    pii, pii_groups = read_file(folder / "pii.yaml", errors, "pii")
    clean, clean_groups = read_file(folder / "clean.yaml", errors, "clean")
    check_pii(pii, errors)
    check_clean(clean, errors)

    seen = {}
    for fname, items in (("pii.yaml", pii), ("clean.yaml", clean)):
        for no, _, it in items:
            t = it.get("text") if isinstance(it, dict) else None
            if not isinstance(t, str):
                continue
            key = norm(t)
            if key in seen:
                errors.append(f"{fname}:{no}: duplicate of {seen[key]} (ignoring case, spaces and punctuation)")
            else:
                seen[key] = f"{fname}:{no}"

    kinds = Counter(k for _, _, it in pii if isinstance(it.get("kinds"), list) for k in it["kinds"])
    print(f"pii.yaml: {len(pii)} items in {len(pii_groups)} groups; "
          f"clean.yaml: {len(clean)} items in {len(clean_groups)} groups")
    print("kinds: " + ", ".join(f"{k} {kinds[k]}" for k in sorted(KINDS)))
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"FAILED: {len(errors)} problem(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
