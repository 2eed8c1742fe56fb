"""Validate the DEV13 evaluation set against the checker's format and the knowledge base.

    /work/main/.venv/bin/python eval/conversations/dev13_src/validate.py

Checks dev13.yaml (conversations) and dev13_utterances.yaml (single messages):
- structure: ids, parts, who/wijk, every turn either `say` or `wait_minutes`, every `say` turn a `kb:` note;
- every expect key is one that eval/run_conversations.py's check() knows, with the right type;
- every expected fact recomputed from wijkwijzer/knowledge/data/*.yaml through the turn's `kb:` note:
  contacts of a role for a wijk, stadsdeel, kern, gemeente or school at the most specific werkgebied level,
  a school's IB'er, route step titles, complete option labels and where each option leads, expertise schools,
  glossary terms, the loket; every `contains` string must come from the looked-up objects, every
  `not_contains` string must be a real knowledge-base string that the lookup does not give;
- single messages: intents, entity names and canonical values, wijk/school/gemeente consistency, the
  glossary term whose synonym is in the text.
Prints counts per part, intent and expect key. Exits 1 on any failure.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent  # installed as eval/conversations/dev13_src/
DATA = HERE.parent.parent / "wijkwijzer" / "knowledge" / "data"

CHECK_KEYS = {  # key -> type, exactly the keys of check() in eval/run_conversations.py
    "contains": list, "contains_any": list, "not_contains": list, "contacts": list, "contacts_any": list,
    "schools_all": list, "schools_any": list, "no_contact_details": bool, "asks": bool, "safety": bool,
    "emergency_112": bool, "suicide_113": bool, "route_step": str, "signal_saved": bool,
    "choices_include": list,
}
INTENTS = {"partner_lookup", "expertise_lookup", "glossary", "route", "signal", "subscribe", "unsubscribe",
           "greeting", "thanks", "help", "cancel", "unknown"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
ROLES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib", "steunpunt"}
SIGNAL_THEMAS_UTTERANCE = {"armoede", "veiligheid", "verzuim"}
SIGNAL_THEMAS_NOTE = {"armoede", "veiligheid", "verzuim", "wonen", "other"}

errors: list[str] = []


def fail(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


# ───────────────────────────── knowledge base ─────────────────────────────

def load(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


geb = load("gebieden.yaml")
scholen = load("scholen.yaml")["scholen"]
orgs = load("ketenpartners.yaml")["organisaties"]
route = load("route.yaml")
begrippen = load("begrippen.yaml")["begrippen"]
swv = load("swv.yaml")

contacts = [dict(c, organisatie=o["naam"]) for o in orgs for c in o["contacten"]]
steps = {s["id"]: s for s in route["stappen"]}
terms = {b["term"]: b for b in begrippen}
schools = {s["naam"]: s for s in scholen}
expertise_values = {e for s in scholen for e in s.get("expertise", [])}

wijken: dict[str, dict] = {}       # wijk name -> {id, gemeente, deel_id, aliases}
delen: dict[str, dict] = {}        # deel name -> {id, gemeente, soort, wijken(ids), aliases}
gemeenten: dict[str, dict] = {}    # KB gemeente name -> {aliases, wijk ids}
for g in geb["gemeenten"]:
    gname = g["naam"]
    gemeenten[gname] = {"aliases": g.get("aliassen", []), "wijken": []}
    for d in g.get("delen", []) or []:
        did = f"{gname}: {d['soort']} {d['naam']}"
        delen.setdefault(d["naam"], []).append({"id": did, "gemeente": gname, "soort": d["soort"],
                                                "aliases": d.get("aliassen", []),
                                                "wijken": [f"{gname}: {w['naam']}" for w in d.get("wijken", [])]})
        for w in d.get("wijken", []):
            wid = f"{gname}: {w['naam']}"
            assert w["naam"] not in wijken, w["naam"]
            wijken[w["naam"]] = {"id": wid, "gemeente": gname, "deel": did, "aliases": w.get("aliassen", [])}
            gemeenten[gname]["wijken"].append(wid)
    for w in g.get("wijken", []) or []:
        wid = f"{gname}: {w['naam']}"
        wijken[w["naam"]] = {"id": wid, "gemeente": gname, "deel": None, "aliases": w.get("aliassen", [])}
        gemeenten[gname]["wijken"].append(wid)

cbs: dict[str, list[str]] = {}
for line in (DATA / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    parts = [p.strip() for p in line.split("|")]
    cbs[parts[1]] = [a.strip() for a in parts[2].split(",")] if len(parts) > 2 and parts[2] else []


def deel(name: str, soort: str) -> dict:
    found = [d for d in delen.get(name, []) if d["soort"] == soort]
    if len(found) != 1:
        raise KeyError(f"no single {soort} {name!r}")
    return found[0]


def school_area(school: str) -> dict:
    wid = schools[school]["wijk"]
    name = wid.split(": ", 1)[1]
    return wijken[name]


def chain_for(area: dict) -> list[str]:
    """Werkgebied ids from most to least specific for an area {'wijk'|'stadsdeel'|'kern'|'gemeente': name}."""
    if "wijk" in area:
        w = wijken[area["wijk"]]
        return [w["id"]] + ([w["deel"]] if w["deel"] else []) + [w["gemeente"]]
    for soort in ("stadsdeel", "kern"):
        if soort in area:
            d = deel(area[soort], soort)
            return [d["id"], ("ALLWIJKEN", tuple(d["wijken"])), d["gemeente"]]
    if "gemeente" in area:
        return [area["gemeente"]]
    raise KeyError(f"no area in {area}")


def most_specific(rol: str, area: dict, functie: str | None = None) -> list[dict]:
    pool = [c for c in contacts if c["rol"] == rol and (functie is None or c["functie"] == functie)]
    for level in chain_for(area):
        if isinstance(level, tuple):  # a stadsdeel or kern without own werkgebied: contacts covering all its wijken
            found = [c for c in pool if all(w in c["werkgebied"] for w in level[1])]
        else:
            found = [c for c in pool if level in c["werkgebied"]]
        if found:
            return found
    return []


def lookup_contacts(note: dict, own: str | None, where: str) -> list[dict]:
    rol = note["contacts"]
    functie = note.get("functie")
    if note.get("own"):
        if not own:
            fail(where, "kb own lookup but the conversation has no own wijk")
            return []
        area = {"wijk": own}
    elif "school" in note:
        school = note["school"]
        if school not in schools:
            fail(where, f"unknown school {school!r}")
            return []
        if rol == "ib":
            ib = schools[school]["ib"]
            return [{"naam": ib["naam"], "telefoon": ib.get("telefoon"), "email": ib.get("email"), "rol": "ib"}]
        assigned = [c for c in contacts if c["rol"] == rol and school in (c.get("scholen") or [])
                    and (functie is None or c["functie"] == functie)]
        if assigned:
            return assigned
        area = {"wijk": school_area(school)["id"].split(": ", 1)[1]}
    else:
        area = {k: note[k] for k in ("wijk", "stadsdeel", "kern", "gemeente") if k in note}
        if len(area) != 1:
            fail(where, f"kb contacts note needs exactly one place: {note}")
            return []
        if "wijk" in area and area["wijk"] not in wijken:
            fail(where, f"unknown wijk {area['wijk']!r}")
            return []
        if "gemeente" in area and area["gemeente"] not in gemeenten and area["gemeente"] not in cbs:
            fail(where, f"unknown gemeente {area['gemeente']!r}")
            return []
    if rol == "all":
        found = []
        for r in sorted({c["rol"] for c in contacts}):
            found += most_specific(r, area)
        return found
    if rol not in ROLES:
        fail(where, f"unknown rol {rol!r}")
        return []
    return most_specific(rol, area, functie)


def expertise_schools(note: dict, own: str | None, where: str) -> list[str]:
    exp = note["expertise"]
    if exp not in expertise_values:
        fail(where, f"unknown expertise {exp!r}")
    result = []
    for s in scholen:
        if exp not in s.get("expertise", []):
            continue
        if note.get("sbo") and not s["naam"].startswith("SBO "):
            continue
        wname = s["wijk"].split(": ", 1)[1]
        w = wijken[wname]
        if "wijk" in note:
            target = own if note["wijk"] == "own" else note["wijk"]
            if wname != target:
                continue
        elif "stadsdeel" in note or "kern" in note:
            soort = "stadsdeel" if "stadsdeel" in note else "kern"
            if w["deel"] != deel(note[soort], soort)["id"]:
                continue
        elif "gemeente" in note:
            if w["gemeente"] != note["gemeente"]:
                continue
        result.append(s["naam"])
    return result


def step_text(step: dict) -> str:
    parts = [step["titel"], step.get("uitleg") or "", step.get("vraag") or "", step.get("termijn") or "",
             step.get("wet") or ""] + [o["label"] for o in step.get("opties", [])] + list(step.get("documenten") or [])
    return "\n".join(parts)


def area_names(name: str) -> list[str]:
    names = [name]
    if name in wijken:
        names += wijken[name]["aliases"]
    for d in delen.get(name, []):
        names += d["aliases"]
    if name in gemeenten:
        names += gemeenten[name]["aliases"]
    return names


def is_area(name: str) -> bool:
    return name in wijken or name in delen or name in gemeenten or name in cbs


ALL_KB_STRINGS = (
    [c["naam"] for c in contacts]
    + [s["ib"]["naam"] for s in scholen if s.get("ib")]
    + [s["naam"] for s in scholen]
    + [step_text(s) for s in steps.values()]
)


# ───────────────────────────── conversations ─────────────────────────────

def check_conversations() -> tuple[Counter, Counter, int]:
    items = yaml.safe_load((HERE / "dev13.yaml").read_text(encoding="utf-8"))
    keys: Counter = Counter()
    parts: Counter = Counter()
    nturns = 0
    ids = set()
    if not isinstance(items, list):
        fail("dev13.yaml", "not a list")
        return keys, parts, 0
    for conv in items:
        cid = conv.get("id", "?")
        if cid in ids:
            fail(cid, "duplicate id")
        ids.add(cid)
        if not re.fullmatch(r"d13-[abc]\d\d", cid):
            fail(cid, "id not d13-<part><nn>")
        part = conv.get("part")
        if part not in ("a", "b", "c") or not cid.startswith(f"d13-{part}"):
            fail(cid, f"part {part!r} does not match the id")
        parts[part] += 1
        unknown_top = set(conv) - {"id", "part", "note", "who", "wijk", "turns"}
        if unknown_top:
            fail(cid, f"unknown top-level keys {unknown_top}")
        who = conv.get("who", "ib")
        if who not in ("ib", "adviseur"):
            fail(cid, f"who {who!r}")
        own = conv.get("wijk")
        if own is not None and own not in wijken:
            fail(cid, f"own wijk {own!r} is not a wijk of gebieden.yaml")
        turns = conv.get("turns") or []
        if not turns:
            fail(cid, "no turns")
        pending_signal = False
        say_turns = 0
        for n, turn in enumerate(turns, 1):
            where = f"{cid} turn {n}"
            if "wait_minutes" in turn:
                if set(turn) != {"wait_minutes"} or not isinstance(turn["wait_minutes"], int):
                    fail(where, "a wait turn holds only an int wait_minutes")
                continue
            say_turns += 1
            if set(turn) - {"say", "expect", "kb"}:
                fail(where, f"unknown turn keys {set(turn) - {'say', 'expect', 'kb'}}")
            if not isinstance(turn.get("say"), str) or not turn["say"].strip():
                fail(where, "no say")
                continue
            if turn["say"] != turn["say"].lower() and not re.search(r"[A-Z]", turn["say"]) is None:
                pass
            if "kb" not in turn:
                fail(where, "no kb note")
                continue
            expect = turn.get("expect") or {}
            for k, v in expect.items():
                if k not in CHECK_KEYS:
                    fail(where, f"expect key {k!r} unknown to the checker")
                elif not isinstance(v, CHECK_KEYS[k]):
                    fail(where, f"expect {k} should be {CHECK_KEYS[k].__name__}")
                elif isinstance(v, list) and (not v or not all(isinstance(x, str) for x in v)):
                    fail(where, f"expect {k} must be a non-empty list of strings")
                keys[k] += 1
            pending_signal = check_turn(where, turn, expect, own, pending_signal)
        nturns += say_turns
        if not 2 <= say_turns <= 8:
            fail(cid, f"{say_turns} messages (want 2-8)")
        if part == "c" and not 4 <= say_turns <= 8:
            fail(cid, f"working session with {say_turns} messages (want 4-8)")
    return keys, parts, nturns


def check_turn(where: str, turn: dict, expect: dict, own: str | None, pending_signal: bool) -> bool:
    notes = turn["kb"] if isinstance(turn["kb"], list) else [turn["kb"]]
    positive: list[str] = []        # texts the expected contains strings must come from
    found_contacts: list[dict] = []
    step_ids: list[str] = []
    negative_ok: list[str] = []     # texts that not_contains strings may come from
    school_sets: list[list[str]] = []
    choices_ok: list[str] = []
    confirmed = cancelled = signal_note = askback = safety_note = False
    for note in notes:
        if not isinstance(note, dict):
            fail(where, f"kb note {note!r} is not a mapping")
            continue
        if "contacts" in note:
            found = lookup_contacts(note, own, where)
            if not found:
                fail(where, f"kb lookup {note} finds nobody")
            found_contacts += found
            for c in found:
                positive += [c["naam"], c.get("telefoon") or "", c.get("email") or ""]
        elif "no_contact" in note:
            found = lookup_contacts(dict(note, contacts=note["no_contact"]), own, where)
            if found:
                fail(where, f"kb no_contact {note} but the knowledge base has {[c['naam'] for c in found]}")
            place = next(note[k] for k in ("wijk", "gemeente", "stadsdeel", "kern") if k in note)
            positive += area_names(place)
        elif "step" in note:
            sid = note["step"]
            if sid not in steps:
                fail(where, f"unknown step {sid}")
                continue
            step_ids.append(sid)
            positive.append(step_text(steps[sid]))
            choices_ok += [o["label"] for o in steps[sid].get("opties", [])]
            if "from" in note:
                frm = steps.get(note["from"])
                if not frm:
                    fail(where, f"unknown from-step {note['from']}")
                else:
                    opt = [o for o in frm.get("opties", []) if o["label"] == note.get("option")]
                    if not opt:
                        fail(where, f"step {note['from']} has no option {note.get('option')!r}")
                    elif opt[0]["volgende"] != sid:
                        fail(where, f"option {note['option']!r} of {note['from']} leads to {opt[0]['volgende']}, not {sid}")
        elif "not_step" in note:
            if note["not_step"] not in steps:
                fail(where, f"unknown step {note['not_step']}")
            else:
                negative_ok.append(step_text(steps[note["not_step"]]))
        elif "expertise" in note:
            found = expertise_schools(note, own, where)
            if not found:
                fail(where, f"kb expertise lookup {note} finds no school")
            school_sets.append(found)
            positive += found
        elif "school_expertise" in note:
            s = schools.get(note["school_expertise"])
            if not s:
                fail(where, f"unknown school {note['school_expertise']!r}")
            else:
                positive += s["expertise"]
        elif "begrip" in note:
            b = terms.get(note["begrip"])
            if not b:
                fail(where, f"unknown glossary term {note['begrip']!r}")
            else:
                positive += [b["term"], b["uitleg"]] + b["synoniemen"]
        elif note.get("askback") == "schools":
            cands = [s for s in schools if note["part"] in norm(s)]
            if len(cands) < 2:
                fail(where, f"ask-back on {note['part']!r} but only {cands} match")
            positive += cands
            choices_ok += cands
            askback = True
        elif note.get("askback") == "place":
            if own:
                fail(where, "ask-back for a place while the user has an own wijk")
            askback = True
        elif "area" in note:
            if not is_area(note["area"]):
                fail(where, f"unknown area {note['area']!r}")
            positive += area_names(note["area"])
        elif "subscription" in note:
            if note["subscription"] != "own" or not own:
                fail(where, "subscription note must be 'own' with an own wijk")
            else:
                positive += area_names(own)
        elif "loket" in note:
            positive += [swv["loket"]["naam"], swv["loket"].get("telefoon", ""), swv["loket"].get("email", "")]
        elif "signal" in note:
            sig = note["signal"]
            signal_note = True
            if sig.get("thema") not in SIGNAL_THEMAS_NOTE:
                fail(where, f"signal thema {sig.get('thema')!r}")
            w = sig.get("wijk")
            if w == "own":
                if not own:
                    fail(where, "signal in the own wijk without an own wijk")
            elif not (w in wijken or w in delen or w in gemeenten):
                fail(where, f"signal place {w!r} unknown")
            else:
                # the place must be named in the message (a name or alias, loosely)
                if not named_in(turn["say"], area_names(w)):
                    fail(where, f"signal place {w!r} not named in the message")
            if not isinstance(sig.get("urgent"), bool):
                fail(where, "signal urgent must be true/false")
        elif note.get("confirm") == "signal":
            confirmed = True
            if not pending_signal:
                fail(where, "confirm without a signal waiting")
        elif note.get("cancel") == "signal":
            cancelled = True
            if not pending_signal:
                fail(where, "cancel without a signal waiting")
        elif "safety" in note:
            safety_note = note["safety"]
            if safety_note not in ("concern", "acute", "suicide"):
                fail(where, f"safety kind {safety_note!r}")
        elif "privacy" in note or "none" in note:
            pass
        else:
            fail(where, f"unknown kb note {note}")

    names = {c["naam"] for c in found_contacts}
    for k in ("contacts", "contacts_any"):
        for v in expect.get(k, []):
            if v not in names:
                fail(where, f"{k} {v!r} is not what the knowledge base gives here ({sorted(names)})")
    for k in ("contains", "contains_any"):
        for v in expect.get(k, []):
            if not any(norm(v) in norm(p) for p in positive if p):
                fail(where, f"{k} {v!r} does not come from the looked-up objects")
    for v in expect.get("not_contains", []):
        if any(norm(v) in norm(p) for p in positive if p):
            fail(where, f"not_contains {v!r} is part of what this turn should show")
        if not any(norm(v) in norm(p) for p in ALL_KB_STRINGS + negative_ok):
            fail(where, f"not_contains {v!r} is no knowledge-base string (a vacuous check)")
    if "route_step" in expect:
        if not any(expect["route_step"] == steps[s]["titel"] for s in step_ids):
            fail(where, f"route_step {expect['route_step']!r} is not the title of {step_ids}")
    for v in expect.get("choices_include", []):
        if v not in choices_ok:
            fail(where, f"choice {v!r} is not an option label of {step_ids or 'the ask-back'}")
    if step_ids and "choices_include" in expect and len(step_ids) == 1:
        labels = [o["label"] for o in steps[step_ids[0]].get("opties", [])]
        if expect["choices_include"] != labels and len(expect["choices_include"]) > 1:
            fail(where, f"choices_include {expect['choices_include']} is not the complete option list {labels}")
    for k in ("schools_any", "schools_all"):
        if k not in expect:
            continue
        allowed = [s for group in school_sets for s in group]
        hit = []
        for v in expect[k]:
            m = [s for s in allowed if norm(v) in norm(s)]
            if len(m) != 1:
                fail(where, f"{k} {v!r} matches {m} in {allowed}")
            hit += m
        if k == "schools_all" and len(school_sets) == 1 and sorted(hit) != sorted(school_sets[0]):
            fail(where, f"schools_all {expect[k]} is not every school the knowledge base gives: {school_sets[0]}")
    if expect.get("signal_saved") and not confirmed:
        fail(where, "signal_saved true without a kb confirm")
    if confirmed and expect.get("signal_saved") is not True:
        fail(where, "kb confirm without signal_saved: true")
    if signal_note and (expect.get("signal_saved") is not False or expect.get("asks") is not True):
        fail(where, "a new signal must be asked for confirmation and not saved yet")
    if askback and expect.get("asks") is not True:
        fail(where, "ask-back without asks: true")
    if expect.get("safety"):
        if not (safety_note or any("0800-2000" in step_text(steps[s]) for s in step_ids)):
            fail(where, "safety expected without a safety note or a step that shows 0800-2000")
    if expect.get("emergency_112") and safety_note != "acute":
        fail(where, "112 expected without an acute safety note")
    if expect.get("suicide_113") and safety_note != "suicide":
        fail(where, "113 expected without a suicide note")
    if signal_note:
        return True
    if confirmed or cancelled:
        return False
    return pending_signal


# ───────────────────────────── single messages ─────────────────────────────

def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", norm(s))


def named_in(text: str, names: list[str]) -> bool:
    """A name (or alias) occurs in the text, allowing split words and one typo."""
    t = squash(text)
    for name in names:
        n = squash(name)
        if not n:
            continue
        if n in t:
            return True
        for size in (len(n) - 1, len(n), len(n) + 1):
            for i in range(0, max(0, len(t) - size) + 1):
                if lev(t[i:i + size], n) <= 1:
                    return True
    return False


def words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9'.\- ]", " ", norm(text)) + " "


def synonyms_in(text: str) -> set[str]:
    w = words(text)
    hit = set()
    for b in begrippen:
        for syn in [b["term"].lower()] + b["synoniemen"]:
            if f" {norm(syn)} " in w:
                hit.add(b["term"])
    return hit


def check_utterances() -> Counter:
    items = yaml.safe_load((HERE / "dev13_utterances.yaml").read_text(encoding="utf-8"))
    intents: Counter = Counter()
    seen = set()
    for n, item in enumerate(items, 1):
        where = f"utterance {n} {item.get('t')!r}"
        if set(item) - {"t", "i", "e", "kb"}:
            fail(where, f"unknown keys {set(item) - {'t', 'i', 'e', 'kb'}}")
        t, i, e = item.get("t"), item.get("i"), item.get("e")
        if not isinstance(t, str) or not t.strip():
            fail(where, "no text")
            continue
        if t in seen:
            fail(where, "duplicate text")
        seen.add(t)
        if t != t.lower():
            fail(where, "not typed in lower case")
        if i not in INTENTS:
            fail(where, f"intent {i!r}")
        intents[i] += 1
        if i == "unknown":
            if e:
                fail(where, "unknown items carry no entities (not scored)")
            continue
        e = e or {}
        if set(e) - ENTITIES:
            fail(where, f"entities {set(e) - ENTITIES} not in the contract list")
        if "rol" in e and e["rol"] not in ROLES:
            fail(where, f"rol {e['rol']!r}")
        if "wijk" in e:
            if e["wijk"] not in wijken:
                fail(where, f"wijk {e['wijk']!r} not canonical")
            else:
                if e.get("gemeente") != wijken[e["wijk"]]["gemeente"]:
                    fail(where, f"wijk {e['wijk']} lies in {wijken[e['wijk']]['gemeente']}, gemeente says {e.get('gemeente')}")
                if not named_in(t, area_names(e["wijk"])):
                    fail(where, f"wijk {e['wijk']} not named in the text")
        if "school" in e:
            if e["school"] not in schools:
                fail(where, f"school {e['school']!r} not canonical")
            else:
                if "wijk" in e:
                    fail(where, "a school gives its gemeente, not its wijk")
                if e.get("gemeente") != school_area(e["school"])["gemeente"]:
                    fail(where, f"school {e['school']} lies in {school_area(e['school'])['gemeente']}")
                if squash(e["school"].split()[-1]) not in squash(t):
                    fail(where, f"school {e['school']} not named in the text")
        if "gemeente" in e:
            g = e["gemeente"]
            if g not in gemeenten and g not in cbs:
                fail(where, f"gemeente {g!r} is neither a KB gemeente nor a CBS name")
            if "wijk" not in e and "school" not in e and not named_in(t, area_names(g) + cbs.get(g, [])):
                fail(where, f"gemeente {g} not named in the text")
        if "expertise" in e and e["expertise"] not in expertise_values:
            fail(where, f"expertise {e['expertise']!r} not a scholen.yaml value")
        if "begrip" in e and i not in ("glossary", "route"):
            fail(where, "begrip only for glossary and route")
        if i in ("glossary", "route"):
            hits = synonyms_in(t)
            if "begrip" in e:
                if e["begrip"] not in terms:
                    fail(where, f"begrip {e['begrip']!r} is not a term of begrippen.yaml")
                elif hits and hits != {e["begrip"]}:
                    fail(where, f"begrip {e['begrip']} but the text names {hits}")
                elif not hits and not any(named_in(t, [s]) for s in terms[e["begrip"]]["synoniemen"]):
                    fail(where, f"no synonym of {e['begrip']} in the text")
            elif hits:
                fail(where, f"no begrip expected but the text names {hits}")
        if i == "glossary" and "begrip" not in e:
            fail(where, "a glossary item names its term")
        if i == "route":
            if e.get("route") not in ("algemeen", "verzuim", "meldcode"):
                fail(where, f"route {e.get('route')!r}")
            note = item.get("kb") or {}
            sid = note.get("step")
            if sid not in steps:
                fail(where, f"kb step {sid!r} unknown")
            elif steps[sid]["route"] != e.get("route"):
                fail(where, f"step {sid} belongs to route {steps[sid]['route']}, not {e.get('route')}")
            if "rol" in e:
                fail(where, "role words are kept out of route items")
        elif "route" in e:
            fail(where, "route only for route items")
        if i == "signal":
            if e.get("thema") not in SIGNAL_THEMAS_UTTERANCE:
                fail(where, f"signal thema {e.get('thema')!r}")
            if "rol" in e:
                fail(where, "role words are kept out of signal items")
        elif "thema" in e:
            fail(where, "thema only for signals")
        if i == "expertise_lookup" and "expertise" not in e:
            fail(where, "an expertise lookup names its expertise")
        if i in ("greeting", "thanks", "help", "cancel") and e:
            fail(where, "no entities expected")
    return intents


def main() -> int:
    keys, parts, nturns = check_conversations()
    intents = check_utterances()
    print(f"conversations: {sum(parts.values())} ({dict(sorted(parts.items()))}), messages {nturns}")
    print("expect keys: " + ", ".join(f"{k} {n}" for k, n in keys.most_common()))
    print(f"single messages: {sum(intents.values())}: " + ", ".join(f"{k} {n}" for k, n in intents.most_common()))
    if sum(parts.values()) != 60 or any(parts[p] != 20 for p in "abc"):
        fail("dev13.yaml", "want 60 conversations, 20 per part")
    if sum(intents.values()) != 120:
        fail("dev13_utterances.yaml", "want 120 single messages")
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} failures")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
