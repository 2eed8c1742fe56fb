"""Validate dev5.yaml: structure, supported expect keys, and that every fact in an expect
(contact, school, route step title, glossary term, phone number, place) exists in the knowledge data.

    /work/main/.venv/bin/python /work/evalsets/conv_dev5/validate.py
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = Path("/work/main/wijkwijzer/knowledge/data")
SUPPORTED = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "no_contact_details", "asks",
             "safety", "emergency_112", "suicide_113", "route_step", "schools_any", "schools_all", "signal_saved",
             "choices_include"}
LISTS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_any", "schools_all",
         "choices_include"}
BOOLS = {"no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"}


def load(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def facts():
    kp, sc, rt, bg, gb, swv = (load(n) for n in ("ketenpartners.yaml", "scholen.yaml", "route.yaml",
                                                  "begrippen.yaml", "gebieden.yaml", "swv.yaml"))
    people, phones, orgs = set(), set(), set()
    for org in kp["organisaties"]:
        orgs.add(org["naam"])
        for c in org.get("contacten", []):
            people.add(c["naam"])
            if c.get("telefoon"):
                phones.add(c["telefoon"])
    schools, expertise = set(), set()
    for s in sc["scholen"]:
        schools.add(s["naam"])
        expertise.update(s.get("expertise") or [])
        if s.get("ib"):
            people.add(s["ib"]["naam"])
    steps = {s["titel"] for s in rt["stappen"]} | {i["titel"] for i in rt["ingangen"]}
    terms = {b["term"] for b in bg["begrippen"]}
    places = set()
    for g in gb["gemeenten"]:
        places.add(g["naam"]); places.update(g.get("aliassen") or [])
        for d in g.get("delen", []) or []:
            places.add(d["naam"]); places.update(d.get("aliassen") or [])
            for w in d.get("wijken", []) or []:
                places.add(w["naam"]); places.update(w.get("aliassen") or [])
        for w in g.get("wijken", []) or []:
            places.add(w["naam"]); places.update(w.get("aliassen") or [])
    loket = swv["loket"]
    phones.add(loket["telefoon"]); orgs.add(loket["naam"]); orgs.add(swv["naam"])
    gemeenten_nl = set()
    for line in (DATA / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("GM"):
            parts = [p.strip() for p in line.split("|")]
            gemeenten_nl.add(parts[1])
            if len(parts) > 2 and parts[2]:
                gemeenten_nl.update(a.strip() for a in parts[2].split(","))
    return dict(people=people, phones=phones, orgs=orgs, schools=schools, expertise=expertise, steps=steps,
                terms=terms, places=places, gemeenten_nl=gemeenten_nl)


def within(value: str, pool) -> bool:
    """value is (a substring of) one of pool, case-insensitive; at least 4 characters."""
    v = value.lower()
    return len(v) >= 4 and any(v in p.lower() for p in pool)


def main() -> int:
    f = facts()
    items = yaml.safe_load((HERE / "dev5.yaml").read_text(encoding="utf-8"))
    errors, ids = [], set()
    keys, cats = Counter(), Counter()
    turns = waits = 0
    every_fact = set().union(*f.values())
    for conv in items:
        cid = conv.get("id", "?")
        if not re.fullmatch(r"d5-\d{3}", str(cid)) or cid in ids:
            errors.append(f"{cid}: bad or duplicate id")
        ids.add(cid)
        if set(conv) - {"id", "note", "who", "wijk", "turns"}:
            errors.append(f"{cid}: unknown fields {set(conv) - {'id', 'note', 'who', 'wijk', 'turns'}}")
        if conv.get("who", "ib") not in ("ib", "adviseur"):
            errors.append(f"{cid}: who must be ib or adviseur")
        if "wijk" in conv and conv["wijk"] not in f["places"]:
            errors.append(f"{cid}: wijk {conv['wijk']!r} not in gebieden.yaml")
        says = [t for t in conv.get("turns", []) if "say" in t]
        if not 3 <= len(says) <= 6:
            errors.append(f"{cid}: {len(says)} say-turns (want 3-6)")
        for t in conv.get("turns", []):
            if "wait_minutes" in t:
                waits += 1
                if set(t) != {"wait_minutes"} or not isinstance(t["wait_minutes"], (int, float)):
                    errors.append(f"{cid}: bad wait turn {t}")
                continue
            turns += 1
            if set(t) - {"say", "expect"} or not isinstance(t.get("say"), str) or not t["say"].strip():
                errors.append(f"{cid}: bad turn {t}")
            for k, v in (t.get("expect") or {}).items():
                keys[k] += 1
                if k not in SUPPORTED:
                    errors.append(f"{cid}: unsupported expect key {k}")
                    continue
                if k in LISTS and (not isinstance(v, list) or not v or not all(isinstance(x, str) for x in v)):
                    errors.append(f"{cid}: {k} must be a non-empty list of strings")
                    continue
                if k in BOOLS and not isinstance(v, bool):
                    errors.append(f"{cid}: {k} must be true/false")
                if k in ("contacts", "contacts_any"):
                    errors += [f"{cid}: contact {x!r} unknown" for x in v if x not in f["people"]]
                elif k in ("schools_any", "schools_all"):
                    errors += [f"{cid}: school {x!r} unknown" for x in v if x not in f["schools"]]
                elif k == "route_step":
                    if not isinstance(v, str) or not within(v, f["steps"]):
                        errors.append(f"{cid}: route_step {v!r} is not a step title")
                elif k in ("contains", "contains_any", "not_contains", "choices_include"):
                    for x in v:
                        if not (within(x, every_fact) or x in f["gemeenten_nl"]):
                            errors.append(f"{cid}: {k} value {x!r} not found in the knowledge data")
        cat = str(conv.get("note", "")).split(":")[0]
        cats["signal" if any("signal_saved" in (t.get("expect") or {}) and t["expect"]["signal_saved"]
                             for t in conv["turns"] if "say" in t) else "other"] += 1
    print(f"conversations: {len(items)}; say-turns: {turns}; wait turns: {waits}")
    print(f"conversations with a saved signal: {cats['signal']}")
    print(f"with wait_minutes: {sum(any('wait_minutes' in t for t in c['turns']) for c in items)}; "
          f"who=adviseur: {sum(c.get('who') == 'adviseur' for c in items)}; with wijk: {sum('wijk' in c for c in items)}")
    print("expect keys:", dict(sorted(keys.items())))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: structure, expect keys and every fact checked against the knowledge data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
