#!/usr/bin/env python3
"""Checks the tuned evaluation set and prints its figures.

    .venv/bin/python eval/privacy/tuned/validate.py

Checks: every `found` / `pii` substring occurs verbatim in its text; every BSN passes the
11-proef and every onderwijsnummer is valid (python-stdnum); postcodes are valid PC6;
phone numbers are possible Dutch numbers (phonenumbers); texts without personal data hold
no long digit runs, e-mail addresses or full dates with a birth year. Exits 1 on a failure.
"""

import re
import sys
from pathlib import Path

import yaml
from stdnum.nl import bsn, onderwijsnummer, postcode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (word lists only)

KINDS = generate.KIND_ORDER
SAFETY_KINDS = ["acute", "suicide", "self_harm", "physical_abuse", "emotional_abuse", "neglect",
                "sexual_abuse", "sexual_exploitation", "domestic_violence", "honour_violence",
                "forced_marriage", "achterlating", "fgm"]

errors = []


def err(msg):
    errors.append(msg)


def load(name):
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def lower_share(items):
    return sum(1 for it in items if it["text"] == it["text"].lower()) / len(items)


def digits(s):
    return re.sub(r"[\s.]", "", s)


def check_pii(items):
    try:
        import phonenumbers
    except ImportError:                      # pragma: no cover
        phonenumbers = None
    counts = {k: 0 for k in KINDS}
    n_bsn = n_own = n_tel_valid = n_tel = 0
    for it in items:
        text, kinds, found = it["text"], it["kinds"], it["found"]
        if not kinds or any(k not in KINDS for k in kinds):
            err(f"pii: bad kinds {kinds}: {text}")
        if not found:
            err(f"pii: nothing found: {text}")
        for f in found:
            if f not in text:
                err(f"pii: found {f!r} not in {text!r}")
        for k in kinds:
            counts[k] += 1
        nine = [f for f in found if re.fullmatch(r"\d{9}", digits(f))]
        for f in nine:
            d = digits(f)
            if bsn.is_valid(d):
                n_bsn += 1
            elif onderwijsnummer.is_valid(d):
                n_own += 1
            else:
                err(f"pii: 9-digit number {f!r} is neither a valid BSN nor onderwijsnummer: {text}")
        if "bsn" in kinds and not any(bsn.is_valid(digits(f)) for f in nine):
            err(f"pii: kind bsn without a valid BSN: {text}")
        if "onderwijsnummer" in kinds and not any(onderwijsnummer.is_valid(digits(f)) for f in nine):
            err(f"pii: kind onderwijsnummer without a valid onderwijsnummer: {text}")
        if "postcode" in kinds:
            pcs = [f for f in found if re.match(r"[1-9]\d{3} ?[a-zA-Z]{2}", f)]
            if not pcs or not all(postcode.is_valid(re.match(r"\d{4} ?[a-zA-Z]{2}", p).group(0)) for p in pcs):
                err(f"pii: no valid postcode in {found}: {text}")
        if "telefoon" in kinds and phonenumbers:
            for f in found:
                if re.search(r"(\+31|0031|\(?0\d)", f) and sum(c.isdigit() for c in f) >= 10:
                    n_tel += 1
                    num = phonenumbers.parse(f.replace("(0)", ""), "NL")
                    if not phonenumbers.is_possible_number(num):
                        err(f"pii: impossible phone number {f!r}")
                    if phonenumbers.is_valid_number(num):
                        n_tel_valid += 1
    return counts, n_bsn, n_own, n_tel, n_tel_valid


def check_no_data(items, label):
    """Texts that should hold no personal data."""
    pc_like = 0
    for it in items:
        if "pii" in it:
            for f in it["pii"]:
                if f not in it["text"]:
                    err(f"{label}: pii {f!r} not in {it['text']!r}")
            continue
        t = it["text"]
        if re.search(r"\d(?:[ .]?\d){7,}", t):
            err(f"{label}: long digit run: {t}")
        if "@" in t:
            err(f"{label}: @ in text: {t}")
        if re.search(r"\b\d{1,2}([-/.])\d{1,2}\1(20)?(0\d|1\d|2[0-2])\b", t):
            err(f"{label}: date with a birth year: {t}")
        for m in re.finditer(r"\b([1-9]\d{3}) ?([a-zA-Z]{2})\b", t):
            if postcode.is_valid(m.group(0)):
                pc_like += 1
    return pc_like


def name_stats(items):
    gen = generate.Gen(generate.SEED)
    firsts = [n for n, _, _ in gen.first]
    surs = gen.all_surnames
    found_low = [f.lower() for it in items for f in it["found"]]
    joined = "\n".join(found_low)
    used_first = [n for n in firsts
                  if re.search(r"(?<![^\W\d_])" + re.escape(n.lower()) + r"(?![^\W\d_])", joined)]
    used_sur = [s for s in dict.fromkeys(surs)
                if re.search(r"(?<![^\W\d_])" + re.escape(s.lower()) + r"(?![^\W\d_])", joined)]
    by_pop = {}
    for n, _, pop in gen.first:
        if n in used_first:
            by_pop[pop] = by_pop.get(pop, 0) + 1
    return used_first, used_sur, by_pop


def main():
    pii = load("pii.yaml")
    clean = load("clean.yaml")
    safety = load("safety.yaml")
    look = load("lookalike.yaml")

    counts, n_bsn, n_own, n_tel, n_tel_valid = check_pii(pii)
    pc_clean = check_no_data(clean, "clean")
    check_no_data(safety, "safety")
    check_no_data(look, "lookalike")
    for it in safety:
        if it["kind"] not in SAFETY_KINDS:
            err(f"safety: bad kind {it['kind']}")
        if not isinstance(it["acute"], bool) or not isinstance(it["indirect"], bool):
            err(f"safety: acute/indirect not boolean: {it}")
    for label, items in (("pii", pii), ("clean", clean), ("safety", safety), ("lookalike", look)):
        texts = [it["text"] for it in items]
        if len(set(texts)) != len(texts):
            err(f"{label}: duplicate texts")

    print(f"pii.yaml        {len(pii):5d} texts, entirely lower case {lower_share(pii):.0%}")
    for k in KINDS:
        print(f"    {k:17s}{counts[k]:5d}")
    multi = sum(1 for it in pii if len(it["kinds"]) > 1)
    print(f"    (texts with more than one kind: {multi})")
    print(f"    valid BSNs {n_bsn}, valid onderwijsnummers {n_own}, "
          f"phone numbers {n_tel} (phonenumbers says valid: {n_tel_valid})")
    used_first, used_sur, by_pop = name_stats(pii)
    print(f"    distinct first names {len(used_first)}, distinct surnames {len(used_sur)}")
    print("    first names per population: " + ", ".join(f"{k} {v}" for k, v in sorted(by_pop.items())))
    naam = [it for it in pii if "naam" in it["kinds"]]
    special = {
        "name is the first word": sum(1 for it in naam if any(it["text"].startswith(f) for f in it["found"])),
        "name in lower case": sum(1 for it in naam if any(f == f.lower() and f[:1].isalpha() for f in it["found"])),
        "name in upper case": sum(1 for it in naam if any(f == f.upper() and len(f) > 2 and f.isalpha() for f in it["found"])),
        "two-letter name": sum(1 for it in naam if any(len(f) == 2 for f in it["found"])),
        "name with diacritics": sum(1 for it in naam if any(re.search(r"[^\x00-\x7f]", f) for f in it["found"])),
        "'naam (8)'": sum(1 for it in naam if re.search(r"\(\d{1,2}( ?ja?a?r)?\)", it["text"])),
        "'broer/zus van'": sum(1 for it in naam if re.search(r"\b(broer|zus|broertje|zusje) van\b", it["text"].lower())),
        "'uit groep/gr'": sum(1 for it in naam if re.search(r"\buit (groep|gr)", it["text"].lower())),
        "fam./mevr./dhr.": sum(1 for it in naam if re.search(r"\b(fam|familie|mevr|mw|mevrouw|dhr|meneer|gezin)\b", it["text"].lower())),
        "initials": sum(1 for it in naam if any(re.fullmatch(r"(?:\w\.\s?)+|\w+ (?:\w+ )*\w\.", f) for f in it["found"])),
        "long text (> 150 chars)": sum(1 for it in naam if len(it["text"]) > 150),
    }
    for k, v in special.items():
        print(f"    {k:26s}{v:5d}")

    print(f"clean.yaml      {len(clean):5d} texts, entirely lower case {lower_share(clean):.0%}, "
          f"PC6-like year + word near-misses {pc_clean}")
    ind = sum(it["indirect"] for it in safety)
    print(f"safety.yaml     {len(safety):5d} texts, entirely lower case {lower_share(safety):.0%}, "
          f"indirect {ind} ({ind / len(safety):.0%}), acute {sum(it['acute'] for it in safety)}, "
          f"with a name or number {sum(1 for it in safety if 'pii' in it)}, "
          f"with 'signaal' {sum(1 for it in safety if it['text'].lower().startswith('signaal'))}")
    for k in SAFETY_KINDS:
        sub = [it for it in safety if it["kind"] == k]
        print(f"    {k:20s}{len(sub):4d}  (indirect {sum(i['indirect'] for i in sub)}, "
              f"acute {sum(i['acute'] for i in sub)}, with pii {sum(1 for i in sub if 'pii' in i)})")
    print(f"lookalike.yaml  {len(look):5d} texts, entirely lower case {lower_share(look):.0%}")

    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
