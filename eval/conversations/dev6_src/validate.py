"""Validate dev6.yaml against the checker's format and the Wijkwijzer knowledge base.

    /work/main/.venv/bin/python /work/evalsets/conv6/validate.py [path/to/dev6.yaml]

Checks
- the file is a YAML list of conversations; ids are unique and look like d6-NNN;
- every conversation has a note and 4-8 spoken turns; settings are only who/wijk/note/id/turns;
- a turn is either {say, expect} or {wait_minutes} (never both), as run_conversations.script_of reads it;
- every expect key is one the checker (eval/run_conversations.py, check()) knows, with the right type;
- every name under contacts/contacts_any is a contact in ketenpartners.yaml or a school's IB'er in
  scholen.yaml; every name under schools_any/schools_all is a school in scholen.yaml;
- every route_step is (case-insensitively) part of a step title in route.yaml;
- a `wijk` setting names a wijk (or alias) from gebieden.yaml.
Reads only the knowledge base data files; exits 1 on any problem.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = Path(__file__).resolve().parents[3] / "wijkwijzer" / "knowledge" / "data"

LIST_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any",
             "schools_any", "schools_all", "choices_include"}
BOOL_KEYS = {"no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"}
STR_KEYS = {"route_step"}
CONV_KEYS = {"id", "note", "who", "wijk", "turns"}


def load(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def knowledge():
    kp = load("ketenpartners.yaml")
    contacts = {c["naam"] for org in kp["organisaties"] for c in org.get("contacten", [])}
    sc = load("scholen.yaml")["scholen"]
    schools = {s["naam"] for s in sc}
    ibs = {s["ib"]["naam"] for s in sc if s.get("ib")}
    titles = [s["titel"] for s in load("route.yaml")["stappen"]]
    wijken = set()
    for g in load("gebieden.yaml")["gemeenten"]:
        parts = g.get("delen", [])
        for w in g.get("wijken", []) + [w for d in parts for w in d.get("wijken", [])]:
            wijken.add(w["naam"].lower())
            wijken.update(a.lower() for a in w.get("aliassen", []))
    return contacts | ibs, schools, titles, wijken


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "dev6.yaml"
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    people, schools, titles, wijken = knowledge()
    errors: list[str] = []
    if not isinstance(items, list):
        print("top level is not a list")
        return 1

    ids = Counter(c.get("id") for c in items)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]

    turns_total = waits = 0
    used_keys: Counter[str] = Counter()
    named_people: set[str] = set()
    named_schools: set[str] = set()
    for conv in items:
        cid = conv.get("id", "?")
        if not re.fullmatch(r"d6-\d{3}", str(cid)):
            errors.append(f"{cid}: id is not d6-NNN")
        if not conv.get("note"):
            errors.append(f"{cid}: no note")
        extra = set(conv) - CONV_KEYS
        if extra:
            errors.append(f"{cid}: unknown conversation keys {sorted(extra)}")
        if "wijk" in conv and str(conv["wijk"]).lower() not in wijken:
            errors.append(f"{cid}: wijk {conv['wijk']!r} not in gebieden.yaml")
        spoken = 0
        for n, turn in enumerate(conv.get("turns") or [], 1):
            if "wait_minutes" in turn:
                waits += 1
                if set(turn) != {"wait_minutes"} or not isinstance(turn["wait_minutes"], int):
                    errors.append(f"{cid} turn {n}: a wait turn holds only an integer wait_minutes")
                continue
            spoken += 1
            if set(turn) - {"say", "expect"} or not isinstance(turn.get("say"), str) or not turn["say"].strip():
                errors.append(f"{cid} turn {n}: needs a non-empty say (and optional expect) only")
            expect = turn.get("expect") or {}
            if not isinstance(expect, dict):
                errors.append(f"{cid} turn {n}: expect is not a mapping")
                continue
            for key, value in expect.items():
                used_keys[key] += 1
                if key in LIST_KEYS:
                    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
                        errors.append(f"{cid} turn {n}: {key} must be a non-empty list of strings")
                        continue
                elif key in BOOL_KEYS:
                    if not isinstance(value, bool):
                        errors.append(f"{cid} turn {n}: {key} must be true/false")
                    continue
                elif key in STR_KEYS:
                    if not isinstance(value, str) or not any(value.lower() in t.lower() for t in titles):
                        errors.append(f"{cid} turn {n}: route_step {value!r} is not part of any route.yaml titel")
                    continue
                else:
                    errors.append(f"{cid} turn {n}: unknown expect key {key}")
                    continue
                if key in ("contacts", "contacts_any"):
                    for v in value:
                        named_people.add(v)
                        if v not in people:
                            errors.append(f"{cid} turn {n}: contact {v!r} not in ketenpartners.yaml/scholen.yaml")
                if key in ("schools_any", "schools_all"):
                    for v in value:
                        named_schools.add(v)
                        if v not in schools:
                            errors.append(f"{cid} turn {n}: school {v!r} not in scholen.yaml")
        turns_total += spoken
        if not 4 <= spoken <= 8:
            errors.append(f"{cid}: {spoken} spoken turns (want 4-8)")

    for e in errors:
        print("ERROR", e)
    print(f"{path.name}: {len(items)} conversations, {turns_total} spoken turns, {waits} wait turns; "
          f"{len(named_people)} distinct contacts and {len(named_schools)} distinct schools named in expectations")
    print("expect keys used:", dict(sorted(used_keys.items())))
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
