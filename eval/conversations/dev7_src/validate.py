"""Check dev7.yaml: structure, expect keys and every name against the knowledge base.

    /work/main/.venv/bin/python eval/conversations/dev7_src/validate.py

What it checks
- The file loads; 70 conversations with unique ids d7-a01..a25, d7-b01..b30, d7-c01..c15; each has a
  note and turns; a turn is either {say, expect} or {wait_minutes}.
- Expect keys are exactly the keys run_conversations.check knows (read from the checker's source,
  compared with the list written here), with the right value types.
- contacts / contacts_any are people in ketenpartners.yaml or IB'ers in scholen.yaml; schools_all /
  schools_any occur in a school name of scholen.yaml; route_step is a step title of route.yaml;
  choices_include are option labels of route.yaml; in contains / contains_any / not_contains every
  string with a capital letter (names, titles, organisations), every phone number and every e-mail
  address occurs in the knowledge base files.
- `wijk:` is a wijk of gebieden.yaml, `who` is ib or adviseur; part (a) has 1-3 spoken turns, part (b)
  4-7, part (c) is an adviseur or has an own wijk; waits of 45 and of 5 minutes occur.
Exit code 0 when all is well; the counts are printed either way.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MAIN = Path("/work/main")
DATA = MAIN / "wijkwijzer" / "knowledge" / "data"
CHECKER = MAIN / "eval" / "run_conversations.py"

LIST_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_all",
             "schools_any", "choices_include"}
BOOL_KEYS = {"no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"}
STR_KEYS = {"route_step"}
KNOWN_KEYS = LIST_KEYS | BOOL_KEYS | STR_KEYS
PARTS = {"a": (25, 1, 3), "b": (30, 4, 7), "c": (15, 1, 99)}
PHONE = re.compile(r"\b0\d{2,3}[ -]\d{3}[ -]?\d{3,4}\b|\b0\d{3}-\d{4}\b")


def checker_keys() -> set[str] | None:
    """The expect keys run_conversations.check tests, read from its source."""
    if not CHECKER.exists():
        return None
    src = CHECKER.read_text(encoding="utf-8")
    body = src[src.index("def check("):src.index("def script_of(")]
    keys = set(re.findall(r'key == "(\w+)"', body))
    for group in re.findall(r"key in \(([^)]*)\)", body):
        keys |= set(re.findall(r'"(\w+)"', group))
    return keys


def load_kb() -> dict[str, object]:
    partners = yaml.safe_load((DATA / "ketenpartners.yaml").read_text(encoding="utf-8"))
    schools = yaml.safe_load((DATA / "scholen.yaml").read_text(encoding="utf-8"))["scholen"]
    route = yaml.safe_load((DATA / "route.yaml").read_text(encoding="utf-8"))
    areas = yaml.safe_load((DATA / "gebieden.yaml").read_text(encoding="utf-8"))
    people = {c["naam"] for org in partners["organisaties"] for c in org["contacten"]}
    ibs = {s["ib"]["naam"] for s in schools if s.get("ib")}
    wijken = set()
    for gemeente in areas["gemeenten"]:
        for deel in gemeente.get("delen", []) or []:
            wijken |= {w["naam"] for w in deel.get("wijken", []) or []}
        wijken |= {w["naam"] for w in gemeente.get("wijken", []) or []}
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.yaml")))
    text += "\n" + (DATA / "gemeenten.txt").read_text(encoding="utf-8")
    return {
        "people": people | ibs,
        "schools": [s["naam"] for s in schools],
        "titles": {step["titel"] for step in route["stappen"]},
        "labels": {o["label"] for step in route["stappen"] for o in step.get("opties") or []},
        "wijken": wijken,
        "text": text.lower(),
    }


def main() -> int:
    errors: list[str] = []
    err = errors.append
    found = checker_keys()
    if found is None:
        print("note: checker not found, using the built-in key list")
    elif found != KNOWN_KEYS:
        err(f"checker keys differ from this script: only checker {sorted(found - KNOWN_KEYS)}, "
            f"only here {sorted(KNOWN_KEYS - found)}")
    keys = found or KNOWN_KEYS

    kb = load_kb()
    items = yaml.safe_load((HERE.parent / "dev7.yaml").read_text(encoding="utf-8"))
    if not isinstance(items, list):
        print("dev7.yaml is not a list")
        return 1

    ids = Counter(c.get("id") for c in items)
    for dup in [i for i, n in ids.items() if n > 1]:
        err(f"duplicate id {dup}")
    per_part: Counter = Counter()
    said_per_part: Counter = Counter()
    key_use: Counter = Counter()
    waits: Counter = Counter()
    said = 0
    who_count: Counter = Counter()
    with_wijk = 0
    names_used: set[str] = set()

    for conv in items:
        cid = str(conv.get("id"))
        m = re.fullmatch(r"d7-([abc])(\d\d)", cid)
        if not m:
            err(f"{cid}: id must look like d7-a01")
            continue
        part = m.group(1)
        per_part[part] += 1
        if not conv.get("note"):
            err(f"{cid}: no note")
        extra = set(conv) - {"id", "note", "who", "wijk", "turns"}
        if extra:
            err(f"{cid}: unknown conversation keys {sorted(extra)}")
        who = conv.get("who", "ib")
        who_count[who] += 1
        if who not in ("ib", "adviseur"):
            err(f"{cid}: who must be ib or adviseur, not {who!r}")
        if "wijk" in conv:
            with_wijk += 1
            if conv["wijk"] not in kb["wijken"]:
                err(f"{cid}: wijk {conv['wijk']!r} is not a wijk in gebieden.yaml")
        turns = conv.get("turns") or []
        spoken = 0
        for n, turn in enumerate(turns, 1):
            where = f"{cid} turn {n}"
            if "wait_minutes" in turn:
                if set(turn) != {"wait_minutes"} or not isinstance(turn["wait_minutes"], (int, float)):
                    err(f"{where}: a wait turn holds only a number wait_minutes")
                waits[turn["wait_minutes"]] += 1
                continue
            if set(turn) - {"say", "expect"} or not isinstance(turn.get("say"), str) or not turn["say"].strip():
                err(f"{where}: a turn needs say (text) and expect only")
                continue
            spoken += 1
            expect = turn.get("expect") or {}
            if not expect:
                err(f"{where}: empty expect")
            for key, value in expect.items():
                key_use[key] += 1
                if key not in keys:
                    err(f"{where}: unknown expect key {key!r}")
                    continue
                if key in LIST_KEYS:
                    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                        err(f"{where}: {key} must be a non-empty list of strings")
                        continue
                elif key in BOOL_KEYS and not isinstance(value, bool):
                    err(f"{where}: {key} must be true or false")
                elif key in STR_KEYS and not isinstance(value, str):
                    err(f"{where}: {key} must be a string")
                if key in ("contacts", "contacts_any"):
                    for v in value:
                        names_used.add(v)
                        if v not in kb["people"]:
                            err(f"{where}: {key} {v!r} is no person in ketenpartners.yaml or IB'er in scholen.yaml")
                elif key in ("schools_all", "schools_any"):
                    for v in value:
                        names_used.add(v)
                        if not any(v.lower() in s.lower() for s in kb["schools"]):
                            err(f"{where}: {key} {v!r} occurs in no school name of scholen.yaml")
                elif key == "route_step":
                    names_used.add(value)
                    if value not in kb["titles"]:
                        err(f"{where}: route_step {value!r} is no step title in route.yaml")
                elif key == "choices_include":
                    for v in value:
                        if v not in kb["labels"]:
                            err(f"{where}: choices_include {v!r} is no option label in route.yaml")
                elif key in ("contains", "contains_any", "not_contains"):
                    for v in value:
                        if v != v.lower() or "@" in v or PHONE.search(v):
                            names_used.add(v)
                            if v.lower() not in kb["text"]:
                                err(f"{where}: {key} {v!r} does not occur in the knowledge base files")
            for v in expect.get("contacts", []) + expect.get("schools_all", []):
                if v.lower() in (x.lower() for x in expect.get("not_contains", [])):
                    err(f"{where}: {v!r} both expected and forbidden")
        said += spoken
        said_per_part[part] += spoken
        lo, hi = PARTS[part][1], PARTS[part][2]
        if not lo <= spoken <= hi:
            err(f"{cid}: part ({part}) wants {lo}-{hi} spoken turns, has {spoken}")
        if part == "c" and who != "adviseur" and "wijk" not in conv:
            err(f"{cid}: part (c) is an adviseur or a user with an own wijk")

    for part, (want, _, _) in PARTS.items():
        if per_part[part] != want:
            err(f"part ({part}): {per_part[part]} conversations, want {want}")
    if not waits.get(45) or not waits.get(5):
        err("waits of 45 and of 5 minutes must both occur")

    print(f"conversations: {len(items)} (a {per_part['a']}, b {per_part['b']}, c {per_part['c']})")
    print(f"spoken turns: {said} (a {said_per_part['a']}, b {said_per_part['b']}, c {said_per_part['c']}); "
          f"wait turns: {sum(waits.values())} {dict(sorted(waits.items()))}; all turns: {said + sum(waits.values())}")
    print(f"who: {dict(who_count)}; with own wijk: {with_wijk}")
    print("expect keys used: " + ", ".join(f"{k} {n}" for k, n in sorted(key_use.items())))
    print(f"distinct names/titles checked against the knowledge base: {len(names_used)}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  - " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
