"""Validate the DEV12 evaluation set against the checker's format and the demo knowledge base.

    /work/main/.venv/bin/python eval/conversations/dev12_src/validate.py

Checks
- structure of dev12.yaml (id, who, wijk, turns with say xor wait_minutes, expect, kb) and of
  dev12_utterances.yaml (t, i, e);
- every expect key is one that eval/run_conversations.py `check()` knows;
- every expected fact is recomputed from wijkwijzer/knowledge/data/*.yaml through the turn's `kb:`
  note (the checker ignores that key: it reads only turn["say"], turn["wait_minutes"] and
  turn.get("expect")):
    lookup:    [{rol, wijk|deel|gemeente|school, functie?, topic?, loket?}]  -> contacts / contacts_any
    ambiguous: {rol, area}        -> asks: true (two or more different answers inside the area)
    none:      {rol, wijk}        -> no contact of that role for that wijk at any level
    outside:   {rol, gemeente}    -> no contact of that role in that gemeente (not_contains the own ones)
    step:      route step id      -> route_step == its title; choices_include == its complete labels
    via:       [from_step, label] -> the option `label` of from_step leads to step
               (or `back`: the step before; `entry`: a route start)
    stay:      step id            -> the question is asked again (asks: true), next titles absent
    ask:       'no place'         -> asks: true, the conversation has no own wijk
    steps:     [ids]              -> contains_any holds exactly these titles
    term / terms: glossary term(s) (must exist)
    schools:   {expertise, area?, sbo?} -> schools_all / schools_any are schools with it (in the area)
- utterances: intents and entity values canonical; a wijk gives its gemeente, a school gives its
  gemeente; for glossary and route items `begrip` must be the one term whose synonym is in the text.
- messages must not contain names of people in the knowledge base (no personal data), except turns
  marked `privacy_test: true`.
Exit 1 on any failure.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent  # installed as eval/conversations/dev12_src/
KB = HERE.parent.parent / "wijkwijzer" / "knowledge" / "data"

CHECK_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_all", "schools_any",
              "no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "route_step", "signal_saved",
              "choices_include"}
INTENTS = {"partner_lookup", "expertise_lookup", "glossary", "route", "signal", "subscribe", "unsubscribe",
           "greeting", "thanks", "help", "unknown"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
ROLES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib", "steunpunt"}
THEMAS = {"armoede", "veiligheid", "verzuim"}
ROUTES = {"algemeen", "verzuim", "meldcode"}

errors: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def load(name):
    return yaml.safe_load((KB / name).read_text(encoding="utf-8"))


# ───────────────────────── knowledge base ─────────────────────────
geb = load("gebieden.yaml")
kp = load("ketenpartners.yaml")
sch = load("scholen.yaml")
route = load("route.yaml")
begr = load("begrippen.yaml")
swv = load("swv.yaml")

WIJK = {}      # canonical wijk -> dict(gemeente, deel, soort, chain)
DEEL = {}      # "Gemeente: soort Naam" -> list of wijk keys
GEMEENTE = {}  # naam -> list of wijk keys
NAMES = {}     # lower alias -> ("wijk"|"deel"|"gemeente", key)  (wijk wins over deel over gemeente)


def add_name(alias, kind, key):
    low = alias.lower()
    rank = {"wijk": 0, "deel": 1, "gemeente": 2}
    if low not in NAMES or rank[kind] < rank[NAMES[low][0]]:
        NAMES[low] = (kind, key)


for g in geb["gemeenten"]:
    gn = g["naam"]
    GEMEENTE[gn] = []
    for a in [gn, *g.get("aliassen", [])]:
        add_name(a, "gemeente", gn)
    for d in g.get("delen", []) or []:
        dkey = f"{gn}: {d['soort']} {d['naam']}"
        DEEL[dkey] = []
        for a in [d["naam"], f"{d['soort']} {d['naam']}", *d.get("aliassen", [])]:
            add_name(a, "deel", dkey)
        for w in d.get("wijken", []) or []:
            wkey = f"{gn}: {w['naam']}"
            WIJK[wkey] = {"naam": w["naam"], "gemeente": gn, "chain": [wkey, dkey, gn]}
            DEEL[dkey].append(wkey)
            GEMEENTE[gn].append(wkey)
            for a in [w["naam"], *w.get("aliassen", [])]:
                add_name(a, "wijk", wkey)
    for w in g.get("wijken", []) or []:
        wkey = f"{gn}: {w['naam']}"
        WIJK[wkey] = {"naam": w["naam"], "gemeente": gn, "chain": [wkey, gn]}
        GEMEENTE[gn].append(wkey)
        for a in [w["naam"], *w.get("aliassen", [])]:
            add_name(a, "wijk", wkey)

WIJK_BY_NAME = {v["naam"]: k for k, v in WIJK.items()}

CBS = set()
for line in (KB / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("GM"):
        parts = [p.strip() for p in line.split("|")]
        CBS.add(parts[1])

CONTACTS = []
for org in kp["organisaties"]:
    for c in org["contacten"]:
        CONTACTS.append({**c, "org": org["naam"]})
SCHOOLS = {s["naam"]: s for s in sch["scholen"]}
STEPS = {s["id"]: s for s in route["stappen"]}
TERMS = {b["term"]: b for b in begr["begrippen"]}
EXPERTISES = {e for s in SCHOOLS.values() for e in s["expertise"]}
LOKET = swv["loket"]["naam"]
PEOPLE = {c["naam"] for c in CONTACTS if c["naam"] != "Centrale toegang"} | {
    s["ib"]["naam"] for s in SCHOOLS.values() if s.get("ib")}


def resolve(name: str):
    """A place name (or alias, or 'stadsdeel X' / 'kern X') -> (kind, key)."""
    low = name.lower().strip()
    if low.startswith(("stadsdeel ", "kern ")):
        for dkey in DEEL:
            if dkey.lower().endswith(": " + low):
                return "deel", dkey
        for a, (kind, key) in NAMES.items():
            if kind == "deel" and a == low.split(" ", 1)[1]:
                return kind, key
    if low in NAMES:
        return NAMES[low]
    if name in CBS:
        return "cbs", name
    raise KeyError(name)


def contacts_at(rol, level, functie=None):
    return [c for c in CONTACTS if c["rol"] == rol and level in (c.get("werkgebied") or [])
            and (functie is None or c["functie"] == functie)]


def for_wijk(rol, wkey, functie=None):
    """Contacts of the most specific werkgebied level that has any."""
    for level in WIJK[wkey]["chain"]:
        found = contacts_at(rol, level, functie)
        if found:
            return found
    return []


def wijken_of(kind, key):
    if kind == "wijk":
        return [key]
    if kind == "deel":
        return DEEL[key]
    if kind == "gemeente":
        return GEMEENTE.get(key, [])
    return []


def area_answers(rol, name, functie=None):
    """(answer sets per wijk, direct gemeente-level contacts for gemeenten without wijken)."""
    kind, key = resolve(name)
    ws = wijken_of(kind, key)
    if not ws:
        return [contacts_at(rol, key, functie)] if kind in ("gemeente", "cbs") else []
    return [for_wijk(rol, w, functie) for w in ws]


def ids(c):
    return {c["naam"].lower(), c["org"].lower()}


def lookup(spec, where):
    rol = spec.get("rol")
    functie = spec.get("functie")
    if spec.get("loket"):
        return [{"naam": LOKET, "org": swv["naam"], "rol": "adviseur"}]
    if rol not in ROLES:
        err(where, f"kb lookup: unknown rol {rol!r}")
        return []
    if "topic" in spec:
        found = [c for c in CONTACTS if c["rol"] == rol and spec["topic"].lower() in (c.get("opmerking") or "").lower()]
        if len(found) != 1:
            err(where, f"kb lookup topic {spec['topic']!r}: {len(found)} contacts")
        return found
    if "school" in spec:
        s = SCHOOLS.get(spec["school"])
        if not s:
            err(where, f"kb lookup: unknown school {spec['school']!r}")
            return []
        if rol == "ib":
            return [{"naam": s["ib"]["naam"], "org": s["naam"], "rol": "ib"}]
        if rol == "smw":
            found = [c for c in CONTACTS if c["rol"] == "smw" and s["naam"] in (c.get("scholen") or [])]
            if found:
                return found
        return for_wijk(rol, s["wijk"], functie)
    place = spec.get("wijk") or spec.get("deel") or spec.get("gemeente")
    try:
        answers = area_answers(rol, place, functie)
    except KeyError:
        err(where, f"kb lookup: unknown place {place!r}")
        return []
    distinct = {tuple(sorted(c["naam"] + c["org"] for c in a)) for a in answers}
    if len(distinct) != 1 or not answers or not answers[0]:
        err(where, f"kb lookup {spec}: not one answer ({len(distinct)} different, empty={not answers or not answers[0]})")
        return []
    return answers[0]


def check_conversation_turn(conv, n, turn, where):
    exp = turn.get("expect") or {}
    kb = turn.get("kb") or {}
    for k in exp:
        if k not in CHECK_KEYS:
            err(where, f"expect key {k!r} is not one the checker knows")
    for k in kb:
        if k not in {"lookup", "ambiguous", "none", "outside", "step", "via", "steps", "term", "terms", "schools", "ask", "stay"}:
            err(where, f"unknown kb key {k!r}")
    for k in ("contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_all", "schools_any",
              "choices_include"):
        if k in exp and not (isinstance(exp[k], list) and exp[k] and all(isinstance(v, str) for v in exp[k])):
            err(where, f"expect {k} must be a non-empty list of strings")
    for k in ("no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"):
        if k in exp and not isinstance(exp[k], bool):
            err(where, f"expect {k} must be true/false")
    if "route_step" in exp and not isinstance(exp["route_step"], str):
        err(where, "route_step must be a string")

    # contacts
    computed = []
    for spec in kb.get("lookup", []) or []:
        computed += lookup(spec, where)
    cids = [ids(c) for c in computed]
    if "contacts" in exp or "contacts_any" in exp:
        if not kb.get("lookup"):
            err(where, "contacts expected without a kb lookup")
        for v in exp.get("contacts", []) + exp.get("contacts_any", []):
            if not any(v.lower() in s for s in cids):
                err(where, f"contact {v!r} is not in the kb answer {[c['naam'] for c in computed]}")
        if "contacts" in exp and not any(s.get("functie") or s.get("partial") for s in kb.get("lookup", [])):
            want = {v.lower() for v in exp["contacts"]}
            for c, s in zip(computed, cids):
                if c["naam"] != "Centrale toegang" and not (s & want):
                    err(where, f"kb answer {c['naam']!r} ({c['rol']}) is missing from contacts")
    elif kb.get("lookup"):
        err(where, "kb lookup without contacts/contacts_any")
    # ambiguity
    if "ambiguous" in kb:
        a = kb["ambiguous"]
        try:
            answers = area_answers(a["rol"], a["area"], a.get("functie"))
        except KeyError:
            err(where, f"unknown area {a['area']!r}")
            answers = []
        distinct = {tuple(sorted(c["naam"] for c in x)) for x in answers}
        if len(distinct) < 2:
            err(where, f"kb ambiguous {a}: only {len(distinct)} different answer(s)")
        if exp.get("asks") is not True:
            err(where, "ambiguous place must expect asks: true")
    if "ask" in kb:
        if exp.get("asks") is not True:
            err(where, "kb ask must expect asks: true")
        if kb["ask"] == "no place" and conv.get("wijk"):
            err(where, "kb ask 'no place' but the conversation has an own wijk")
    # none / outside
    if "none" in kb:
        spec = kb["none"]
        wkey = WIJK_BY_NAME.get(spec["wijk"])
        if not wkey:
            err(where, f"unknown wijk {spec['wijk']!r}")
        elif for_wijk(spec["rol"], wkey):
            err(where, f"kb none {spec}: the kb does have {[c['naam'] for c in for_wijk(spec['rol'], wkey)]}")
        for v in exp.get("not_contains", []):
            if v not in PEOPLE:
                err(where, f"not_contains {v!r} is no person of the kb")
    if "outside" in kb:
        spec = kb["outside"]
        g = spec["gemeente"]
        if g not in GEMEENTE and g not in CBS:
            err(where, f"unknown gemeente {g!r}")
        if contacts_at(spec["rol"], g):
            err(where, f"kb outside {spec}: the kb has {[c['naam'] for c in contacts_at(spec['rol'], g)]}")
        if g not in " ".join(exp.get("contains", [])):
            err(where, "outside: expect contains the gemeente name")
    for v in exp.get("not_contains", []):
        if any(v.lower() in s for s in cids):
            err(where, f"not_contains {v!r} is part of the expected answer")
        if v in PEOPLE and conv.get("wijk") is None and not kb:
            err(where, f"not_contains {v!r} without kb note")
    # route steps
    if "route_step" in exp or "step" in kb:
        sid = kb.get("step")
        if sid not in STEPS:
            err(where, f"kb step {sid!r} unknown")
        else:
            st = STEPS[sid]
            if exp.get("route_step") != st["titel"]:
                err(where, f"route_step {exp.get('route_step')!r} != title {st['titel']!r} of {sid}")
            labels = [o["label"] for o in st.get("opties") or []]
            if "choices_include" in exp and exp["choices_include"] != labels:
                err(where, f"choices_include {exp['choices_include']} != complete labels {labels} of {sid}")
            if labels and "choices_include" not in exp:
                err(where, f"step {sid} has options: give choices_include with all labels")
            if not labels and "choices_include" in exp:
                err(where, f"step {sid} is an end step without options")
            via = kb.get("via")
            if via and via != "back" and via != "entry":
                frm, label = via
                opts = {o["label"]: o["volgende"] for o in STEPS[frm].get("opties") or []}
                if opts.get(label) != sid:
                    err(where, f"via {frm} / {label!r} leads to {opts.get(label)!r}, not {sid}")
            if via == "entry" and sid not in {i["start"] for i in route["ingangen"]}:
                err(where, f"via entry: {sid} is no route start")
    if "steps" in kb:
        titles = [STEPS[s]["titel"] for s in kb["steps"] if s in STEPS]
        if len(titles) != len(kb["steps"]):
            err(where, f"kb steps unknown: {kb['steps']}")
        if sorted(titles) != sorted(exp.get("contains_any", [])):
            err(where, f"contains_any {exp.get('contains_any')} != titles {titles}")
    if "stay" in kb:
        sid = kb["stay"]
        if sid not in STEPS or not STEPS[sid].get("opties"):
            err(where, f"kb stay {sid!r}: no step with a question")
        else:
            labels = [o["label"] for o in STEPS[sid]["opties"]]
            if "choices_include" in exp and exp["choices_include"] != labels:
                err(where, f"choices_include != complete labels {labels} of {sid}")
            if exp.get("asks") is not True:
                err(where, "stay: the question is asked again (asks: true)")
            nxt = {STEPS[o["volgende"]]["titel"] for o in STEPS[sid]["opties"]}
            if not set(exp.get("not_contains", [])) <= nxt:
                err(where, f"stay: not_contains should be titles of the next steps {sorted(nxt)}")
    if "choices_include" in exp and "step" not in kb and "steps" not in kb and "stay" not in kb:
        err(where, "choices_include needs kb step or stay")
    # glossary
    for t in ([kb["term"]] if "term" in kb else []) + (kb.get("terms") or []):
        if t not in TERMS:
            err(where, f"unknown glossary term {t!r}")
        elif not any(v.lower() in t.lower() or v.lower() in TERMS[t]["uitleg"].lower()
                     for v in exp.get("contains", []) + exp.get("contains_any", [])):
            err(where, f"glossary {t!r}: expect no contains from the term or its uitleg")
    # schools
    if "schools_all" in exp or "schools_any" in exp or "schools" in kb:
        spec = kb.get("schools")
        if not spec:
            err(where, "schools expected without kb schools")
        else:
            found = [s for s in SCHOOLS.values() if spec["expertise"] in s["expertise"]]
            if spec["expertise"] not in EXPERTISES:
                err(where, f"unknown expertise {spec['expertise']!r}")
            if "area" in spec:
                kind, key = resolve(spec["area"])
                ws = set(wijken_of(kind, key))
                found = [s for s in found if s["wijk"] in ws]
            if spec.get("sbo"):
                found = [s for s in found if s["naam"].startswith("SBO")]
            names = {s["naam"] for s in found}
            if not names:
                err(where, f"kb schools {spec}: none")
            for v in exp.get("schools_all", []) + exp.get("schools_any", []):
                if v not in names:
                    err(where, f"school {v!r} not in {sorted(names)}")
            if "schools_all" in exp and set(exp["schools_all"]) != names:
                err(where, f"schools_all {exp['schools_all']} != all matching {sorted(names)}")
    # safety sanity: meldcode steps carry 0800-2000 in their text
    if exp.get("safety") is True and "step" in kb and "0800-2000" not in STEPS[kb["step"]]["uitleg"]:
        err(where, f"safety true on {kb['step']} whose uitleg has no 0800-2000")


def check_conversations():
    items = yaml.safe_load((HERE / "dev12.yaml").read_text(encoding="utf-8"))
    seen = set()
    keys = Counter()
    parts = Counter()
    part_keys = {}
    turns = waits = 0
    for conv in items:
        cid = conv.get("id")
        where = f"conversation {cid}"
        if not cid or cid in seen:
            err(where, "missing or duplicate id")
        seen.add(cid)
        parts[cid.split("-")[1][0]] += 1
        for k in conv:
            if k not in {"id", "note", "who", "wijk", "turns"}:
                err(where, f"unknown conversation key {k!r}")
        if conv.get("who", "ib") not in ("ib", "adviseur"):
            err(where, f"who {conv.get('who')!r}")
        if conv.get("wijk") is not None and conv["wijk"] not in WIJK_BY_NAME:
            err(where, f"own wijk {conv['wijk']!r} is not a canonical wijk")
        if not conv.get("turns"):
            err(where, "no turns")
        for n, turn in enumerate(conv.get("turns") or [], 1):
            tw = f"{where} turn {n}"
            if ("say" in turn) == ("wait_minutes" in turn):
                err(tw, "exactly one of say / wait_minutes")
            for k in turn:
                if k not in {"say", "wait_minutes", "expect", "kb", "privacy_test"}:
                    err(tw, f"unknown turn key {k!r}")
            if "wait_minutes" in turn:
                waits += 1
                if "expect" in turn:
                    err(tw, "expect on a wait turn is never checked")
                continue
            turns += 1
            say = str(turn["say"])
            if "\n" in say:
                err(tw, "newline in say")
            if not turn.get("privacy_test"):
                for p in PEOPLE:
                    if p.lower() in say.lower():
                        err(tw, f"message names a person of the kb: {p!r}")
            if not turn.get("expect"):
                err(tw, "no expect")
            keys.update((turn.get("expect") or {}).keys())
            part_keys.setdefault(cid.split("-")[1][0], Counter()).update((turn.get("expect") or {}).keys())
            check_conversation_turn(conv, n, turn, tw)
    for part, c in sorted(part_keys.items()):
        print(f"part {part}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    return len(items), parts, turns, waits, keys


def synonyms_in(text):
    low = text.lower()
    hits = set()
    for t, b in TERMS.items():
        for s in b.get("synoniemen") or []:
            if re.search(r"(?<![\w'])" + re.escape(s.lower()) + r"(?![\w'])", low):
                hits.add(t)
    return hits


def check_utterances():
    items = yaml.safe_load((HERE / "dev12_utterances.yaml").read_text(encoding="utf-8"))
    intents = Counter()
    seen = set()
    for n, it in enumerate(items, 1):
        where = f"utterance {n} {it.get('t')!r}"
        if set(it) - {"t", "i", "e"} or "t" not in it or "i" not in it:
            err(where, "keys must be t, i, e")
            continue
        if it["t"] in seen:
            err(where, "duplicate text")
        seen.add(it["t"])
        i, e = it["i"], it.get("e") or {}
        intents[i] += 1
        if i not in INTENTS:
            err(where, f"intent {i!r}")
        for k, v in e.items():
            if k not in ENTITIES:
                err(where, f"entity {k!r}")
            if v is None:
                err(where, f"entity {k} given as null: leave it out")
        if "rol" in e and e["rol"] not in ROLES:
            err(where, f"rol {e['rol']!r}")
        if "wijk" in e:
            wkey = WIJK_BY_NAME.get(e["wijk"])
            if not wkey:
                err(where, f"wijk {e['wijk']!r} not canonical")
            elif e.get("gemeente") != WIJK[wkey]["gemeente"]:
                err(where, f"wijk {e['wijk']} gives gemeente {WIJK[wkey]['gemeente']}")
        if "school" in e:
            s = SCHOOLS.get(e["school"])
            if not s:
                err(where, f"school {e['school']!r}")
            else:
                if e.get("gemeente") != s["wijk"].split(":")[0]:
                    err(where, "a school gives its gemeente")
                if "wijk" in e:
                    err(where, "a school gives no wijk")
        if "gemeente" in e and e["gemeente"] not in GEMEENTE and e["gemeente"] not in CBS:
            err(where, f"gemeente {e['gemeente']!r}")
        if "expertise" in e and e["expertise"] not in EXPERTISES:
            err(where, f"expertise {e['expertise']!r}")
        if "route" in e and e["route"] not in ROUTES:
            err(where, f"route {e['route']!r}")
        if "thema" in e and e["thema"] not in THEMAS:
            err(where, f"thema {e['thema']!r}")
        if "begrip" in e and e["begrip"] not in TERMS:
            err(where, f"begrip {e['begrip']!r}")
        hits = synonyms_in(it["t"])
        if i == "glossary":
            if len(hits) != 1 or e.get("begrip") not in hits:
                err(where, f"glossary: begrip {e.get('begrip')!r}, synonyms found {sorted(hits)}")
        if i == "route":
            if "route" not in e:
                err(where, "route item without route")
            if len(hits) > 1:
                err(where, f"route item matches several terms {sorted(hits)}")
            if e.get("begrip") != (next(iter(hits)) if hits else None):
                err(where, f"route: begrip {e.get('begrip')!r}, synonyms found {sorted(hits)}")
            if "rol" in e:
                err(where, "route items carry no role")
        if i not in ("glossary", "route", "unknown") and "begrip" in e:
            err(where, "begrip only for glossary and route")
        if i != "route" and "route" in e:
            err(where, "route entity only for route items")
        if i == "signal" and ("thema" not in e or "rol" in e):
            err(where, "signal needs a thema and no rol")
        if i == "expertise_lookup" and "expertise" not in e:
            err(where, "expertise_lookup needs an expertise")
        if i in ("greeting", "thanks", "help", "unknown") and e:
            err(where, "no entities expected")
        for p in PEOPLE:
            if p.lower() in it["t"].lower():
                err(where, f"names a person of the kb: {p!r}")
    return len(items), intents


def main():
    n, parts, turns, waits, keys = check_conversations()
    m, intents = check_utterances()
    print(f"conversations: {n} (parts: {dict(sorted(parts.items()))}), checked turns: {turns}, waits: {waits}")
    print("expect keys: " + ", ".join(f"{k} {v}" for k, v in keys.most_common()))
    print(f"utterances: {m}; intents: " + ", ".join(f"{k} {v}" for k, v in intents.most_common()))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: structure, expect keys and every kb fact check out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
