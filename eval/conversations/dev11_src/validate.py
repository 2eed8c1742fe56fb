"""Validate the DEV11 evaluation set against the checker and the knowledge base.

    .venv/bin/python eval/conversations/dev11_src/validate.py

Checks
- structure of dev11.yaml (70 conversations: 25 a / 25 b / 20 c; ids; who/wijk; turns; wait_minutes)
  and of dev11_utterances.yaml (120 items; t/i/e; intents; entity names and canonical values);
- that every expect key is one the checker knows (read from eval/run_conversations.py's source);
- every expected contact, school, route step title, option label and glossary term, recomputed from
  the knowledge base (wijkwijzer/knowledge/data/*.yaml, gemeenten.txt) and /work/shared/domain/,
  using the `kb:` note on each turn (the checker ignores that key: it only reads say, expect and
  wait_minutes);
- route flow: an answer's step is the `volgende` of the chosen option of the step shown before;
  'terug' / 'opnieuw' / expired / kept questions are consistent with the steps shown so far;
- signals: saved only on a confirmation that follows a proposal within 30 idle minutes.

Exit 0 when everything holds, 1 otherwise.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent  # installed as eval/conversations/dev11_src/
MAIN = Path(__file__).resolve().parents[3]
DATA = MAIN / "wijkwijzer" / "knowledge" / "data"
SHARED = Path("/work/shared/domain")
CHECKER = MAIN / "eval" / "run_conversations.py"

errors: list[str] = []
infos: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def low(x: str) -> str:
    return x.lower()


# ─────────────────────────────── checker keys ───────────────────────────────

def checker_keys() -> set[str]:
    src = CHECKER.read_text(encoding="utf-8")
    body = src[src.index("def check("):src.index("def script_of(")]
    keys = set(re.findall(r'key == "(\w+)"', body))
    for group in re.findall(r"key in \(([^)]*)\)", body):
        keys |= set(re.findall(r'"(\w+)"', group))
    # also confirm what the checker reads from a turn: only say / expect / wait_minutes
    turn_keys = set(re.findall(r'turn(?:\.get\()?\[?"(\w+)"', src))
    if not turn_keys <= {"say", "expect", "wait_minutes"}:
        err("checker", f"the checker reads turn keys {sorted(turn_keys)}; kb/note would not be ignored")
    return keys


# ─────────────────────────────── knowledge base ───────────────────────────────

def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


gebieden = load(DATA / "gebieden.yaml")
ketens = load(DATA / "ketenpartners.yaml")
scholen_y = load(DATA / "scholen.yaml")
route_kb = load(DATA / "route.yaml")
route_sh = load(SHARED / "route.yaml")
begr_kb = load(DATA / "begrippen.yaml")
begr_sh = load(SHARED / "begrippen.yaml")
swv = load(DATA / "swv.yaml")

# areas: key -> dict(type, gemeente, deel, names, pc4, pilot)
AREAS: dict[str, dict] = {}
for g in gebieden["gemeenten"]:
    gname = g["naam"]
    AREAS[gname] = {"type": "gemeente", "gemeente": gname, "deel": None,
                    "names": [gname, *g.get("aliassen", [])], "pc4": g.get("pc4", []), "pilot": g.get("pilot", False)}
    for d in g.get("delen", []):
        dkey = f"{gname}: {d['soort']} {d['naam']}"
        AREAS[dkey] = {"type": "deel", "gemeente": gname, "deel": None, "names": [d["naam"], *d.get("aliassen", [])],
                       "pc4": d.get("pc4", []), "pilot": d.get("pilot", False)}
        for w in d.get("wijken", []):
            AREAS[f"{gname}: {w['naam']}"] = {"type": "wijk", "gemeente": gname, "deel": dkey,
                                              "names": [w["naam"], *w.get("aliassen", [])], "pc4": w.get("pc4", []),
                                              "pilot": w.get("pilot", False)}
    for w in g.get("wijken", []):
        AREAS[f"{gname}: {w['naam']}"] = {"type": "wijk", "gemeente": gname, "deel": None,
                                          "names": [w["naam"], *w.get("aliassen", [])], "pc4": w.get("pc4", []),
                                          "pilot": w.get("pilot", False)}
WIJK_KEY = {k.split(": ", 1)[1]: k for k, a in AREAS.items() if a["type"] == "wijk"}
assert len(WIJK_KEY) == sum(1 for a in AREAS.values() if a["type"] == "wijk"), "wijk names are not unique"
GEMEENTEN_KB = {k for k, a in AREAS.items() if a["type"] == "gemeente"}


def ancestors(key: str) -> list[str]:
    a = AREAS[key]
    if a["type"] == "wijk":
        return [x for x in (a["deel"], a["gemeente"]) if x]
    if a["type"] == "deel":
        return [a["gemeente"]]
    return []


def descendants(key: str) -> set[str]:
    return {k for k in AREAS if k != key and key in ancestors(k)}


def within(key: str, area: str) -> bool:
    return key == area or area in ancestors(key)


CONTACTS = []
for org in ketens["organisaties"]:
    for c in org["contacten"]:
        CONTACTS.append({**c, "org": org["naam"]})
        for w in c.get("werkgebied", []):
            if w not in AREAS:
                err("kb", f"werkgebied {w!r} of {c['naam']} is not an area")
SCHOOLS = {s["naam"]: s for s in scholen_y["scholen"]}
PERSONS = {c["naam"] for c in CONTACTS} | {s["ib"]["naam"] for s in SCHOOLS.values() if s.get("ib")}
EXPERTISES = sorted({e for s in SCHOOLS.values() for e in s.get("expertise", [])})
ROLES = {c["rol"] for c in CONTACTS} | {"ib"}

STEPS = {s["id"]: s for s in route_kb["stappen"]}
STEPS_SH = {s["id"]: s for s in route_sh["stappen"]}
INGANG = {i["route"]: i for i in route_kb["ingangen"]}
ROLLEN = {r["id"]: r for r in route_kb["rollen"]}
TITLES = {low(s["titel"]): sid for sid, s in STEPS.items()}
TERMS = {t["term"]: t for t in begr_kb["begrippen"]}
TERMS_SH = {t["term"]: t for t in begr_sh["begrippen"]}

CBS = {}
for line in (DATA / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("GM"):
        parts = [p.strip() for p in line.split("|")]
        CBS[parts[1]] = [a.strip() for a in parts[2].split(",")] if len(parts) > 2 and parts[2] else []


def step_text(sid: str) -> str:
    s = STEPS[sid]
    rollen = " ".join(ROLLEN[r]["naam"] for r in s.get("betrokken_rollen", []))
    docs = " ".join(str(d) for d in s.get("documenten", []))
    return low(" ".join(str(x) for x in (s["titel"], s["uitleg"], s.get("vraag") or "", s.get("termijn") or "",
                                         s.get("wet") or "", rollen, docs)))


# ─────────────────────────────── lookups ───────────────────────────────

def lookup(rol: str, key: str) -> tuple[set[str], set[str], list[dict]]:
    """(primary names, all names, primary contacts) of a role for an area; primary = most specific level."""
    if key not in AREAS:
        raise KeyError(f"unknown area {key!r}")
    anc = ancestors(key)
    desc = descendants(key)
    found: list[tuple[float, dict]] = []
    for c in CONTACTS:
        if c["rol"] != rol:
            continue
        levels = []
        for w in c.get("werkgebied", []):
            if w == key:
                levels.append(0.0)
            elif w in anc:
                levels.append(1.0 + anc.index(w))
            elif w in desc:
                levels.append(0.5)
        if levels:
            found.append((min(levels), c))
    if not found:
        return set(), set(), []
    best = min(lv for lv, _ in found)
    prim = [c for lv, c in found if lv == best]
    return {c["naam"] for c in prim}, {c["naam"] for _, c in found}, prim


def school_lookup(rol: str, school: str) -> tuple[set[str], set[str], list[dict]]:
    s = SCHOOLS[school]
    if rol == "ib":
        return {s["ib"]["naam"]}, {s["ib"]["naam"]}, []
    if rol == "smw":
        hits = [c for c in CONTACTS if c["rol"] == "smw" and school in c.get("scholen", [])]
        if hits:
            return {c["naam"] for c in hits}, {c["naam"] for c in hits}, hits
    return lookup(rol, s["wijk"])


def pc4_areas(pc4: str) -> list[str]:
    for typ in ("wijk", "deel", "gemeente"):
        hits = [k for k, a in AREAS.items() if a["type"] == typ and pc4 in a["pc4"]]
        if hits:
            return hits
    return []


def name_areas(word: str) -> list[str]:
    w = low(word)
    hits = []
    for k, a in AREAS.items():
        for n in a["names"]:
            if low(n) == w or re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low(n)):
                hits.append(k)
                break
    return hits


def rols_of(kb: dict) -> list[str]:
    r = kb["rol"]
    return r if isinstance(r, list) else [r]


def resolve(kb: dict, conv: dict, where: str) -> dict | None:
    """Evaluate one contact lookup. Returns {prim, all, contacts, ambiguous, empty}."""
    prim: set[str] = set()
    alln: set[str] = set()
    pcs: list[dict] = []
    ambiguous = False
    for rol in rols_of(kb):
        if rol not in ROLES:
            err(where, f"unknown rol {rol!r}")
            return None
        if "school" in kb:
            if kb["school"] not in SCHOOLS:
                err(where, f"unknown school {kb['school']!r}")
                return None
            p, a, c = school_lookup(rol, kb["school"])
        elif "gebied" in kb or "woont" in kb:
            key = kb.get("gebied") or kb.get("woont")
            if key not in AREAS:
                err(where, f"unknown area {key!r}")
                return None
            if kb.get("eigen"):
                own = WIJK_KEY.get(conv.get("wijk", ""), None)
                if own != key:
                    err(where, f"'eigen' lookup {key!r} is not the user's wijk {own!r}")
            p, a, c = lookup(rol, key)
        elif "pc4" in kb:
            areas = pc4_areas(str(kb["pc4"]))
            if not areas:
                err(where, f"pc4 {kb['pc4']} not in the KB")
                return None
            sets = {frozenset(lookup(rol, k)[0]) for k in areas}
            if len(sets) > 1:
                ambiguous = True
            p, a, c = lookup(rol, areas[0])
            for k in areas[1:]:
                p2, a2, c2 = lookup(rol, k)
                a |= a2
        elif "gebied_zoek" in kb:
            areas = name_areas(kb["gebied_zoek"])
            sets = {frozenset(lookup(rol, k)[0]) for k in areas}
            ambiguous = len(sets) > 1
            p, a, c = set(), set().union(*(lookup(rol, k)[1] for k in areas)), []
            infos.append(f"{where}: {kb['gebied_zoek']!r} matches {len(areas)} areas: {areas}")
        elif "school_zoek" in kb:
            hits = [n for n in SCHOOLS if re.search(rf"(?<!\w){re.escape(low(kb['school_zoek']))}(?!\w)", low(n))]
            ambiguous = len(hits) > 1
            p, a, c = set(), {school_lookup(rol, h)[0].pop() for h in hits}, []
            infos.append(f"{where}: {kb['school_zoek']!r} matches schools {hits}")
        elif kb.get("plaats") == "ontbreekt":
            if conv.get("wijk"):
                err(where, "plaats ontbreekt, but the conversation has a wijk")
            ambiguous = True
            p, a, c = set(), set(), []
        else:
            err(where, f"lookup without a place or school: {kb}")
            return None
        prim |= p
        alln |= a
        pcs += c
    return {"prim": prim, "all": alln, "contacts": pcs, "ambiguous": ambiguous, "empty": not alln}


PERSONLIKE = re.compile(r"^[A-Z][a-zçé'-]+(?: (?:van|de|der|den|el|El|Van|De))*(?: [A-Z][a-zçé'-]+)+$")


# ─────────────────────────────── conversations ───────────────────────────────

def check_conversations(keys: set[str]) -> Counter:
    items = load(HERE / "dev11.yaml")
    stats: Counter = Counter()
    if not isinstance(items, list):
        err("dev11", "not a list")
        return stats
    ids = [c.get("id") for c in items]
    if len(ids) != len(set(ids)):
        err("dev11", "duplicate ids")
    parts = Counter()
    for conv in items:
        cid = conv.get("id", "?")
        m = re.fullmatch(r"d11-([abc])(\d\d)", str(cid))
        if not m:
            err(cid, "bad id")
            continue
        parts[m.group(1)] += 1
        extra = set(conv) - {"id", "note", "who", "wijk", "turns"}
        if extra:
            err(cid, f"unknown conversation keys {extra}")
        if conv.get("who", "ib") not in ("ib", "adviseur"):
            err(cid, f"who {conv.get('who')!r}")
        stats[f"who={conv.get('who', 'ib')}"] += 1
        if "wijk" in conv:
            if conv["wijk"] not in WIJK_KEY:
                err(cid, f"wijk {conv['wijk']!r} is not a KB wijk")
            elif not AREAS[WIJK_KEY[conv["wijk"]]]["pilot"]:
                infos.append(f"{cid}: user wijk {conv['wijk']} is not a pilot wijk")
        else:
            stats["no own wijk"] += 1
        turns = conv.get("turns") or []
        says = [t for t in turns if "say" in t]
        if m.group(1) == "a" and not 3 <= len(says) <= 7:
            err(cid, f"part a needs an opener plus 2-6 answers, has {len(says)} messages")
        if m.group(1) == "c" and not 4 <= len(says) <= 8:
            err(cid, f"part c needs 4-8 messages, has {len(says)}")
        check_turns(conv, turns, keys, stats)
    if parts != Counter({"a": 25, "b": 25, "c": 20}):
        err("dev11", f"part counts {dict(parts)} (want a 25, b 25, c 20)")
    stats["conversations"] = len(items)
    return stats


def check_turns(conv: dict, turns: list, keys: set[str], stats: Counter) -> None:
    cid = conv["id"]
    history: list[str] = []          # route steps shown, in order
    idle = 0                          # idle minutes before the current message
    last_signal = None                # state of the last signal proposal
    n = 0
    for t in turns:
        if "wait_minutes" in t:
            if set(t) != {"wait_minutes"} or not isinstance(t["wait_minutes"], int):
                err(cid, f"bad wait turn {t}")
            if t["wait_minutes"] not in (5, 45):
                err(cid, f"wait_minutes {t['wait_minutes']} (this set uses 5 and 45)")
            idle += t["wait_minutes"]
            stats["wait turns"] += 1
            continue
        n += 1
        where = f"{cid} turn {n}"
        if set(t) - {"say", "expect", "kb", "note"}:
            err(where, f"unknown turn keys {set(t) - {'say', 'expect', 'kb', 'note'}}")
        say = t.get("say")
        if not isinstance(say, str) or not say.strip():
            err(where, "no say")
            say = ""
        if say != say.lower():
            err(where, "say is not lower case (phone style)")
        exp = t.get("expect") or {}
        stats["turns"] += 1
        for k, v in exp.items():
            if k not in keys:
                err(where, f"expect key {k!r} unknown to the checker")
            stats[f"key {k}"] += 1
            if k in ("contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_all",
                     "schools_any", "choices_include"):
                if not (isinstance(v, list) and v and all(isinstance(x, str) for x in v)):
                    err(where, f"{k} must be a non-empty list of strings")
            elif k == "route_step":
                if not isinstance(v, str):
                    err(where, "route_step must be a string")
            elif not isinstance(v, bool):
                err(where, f"{k} must be true/false")
        kbs = t.get("kb")
        kbs = [] if kbs is None else (kbs if isinstance(kbs, list) else [kbs])
        if not exp:
            err(where, "no expect")
        check_kb(conv, where, exp, kbs, history, stats, idle)
        # signals
        sig = [k.get("signaal") for k in kbs if "signaal" in k]
        saved = exp.get("signal_saved")
        if sig:
            s = sig[0]
            stats[f"signaal {s}"] += 1
            if s == "voorstel":
                if saved is not False:
                    err(where, "a signal proposal must not save (signal_saved: false)")
                last_signal = "open"
            elif s == "bevestigd":
                if saved is not True:
                    err(where, "a confirmed signal must be saved")
                if last_signal != "open" or idle > 30:
                    err(where, "confirmation without an open proposal within 30 minutes")
                last_signal = None
            elif s in ("verlopen", "geweigerd"):
                if saved is not False:
                    err(where, f"signal {s}: must not save")
                if s == "verlopen" and not (last_signal == "open" and idle > 30):
                    err(where, "'verlopen' without an open proposal and > 30 idle minutes")
                last_signal = None
            else:
                err(where, f"unknown signaal {s!r}")
        elif saved is True:
            err(where, "signal_saved: true without kb signaal: bevestigd")
        else:
            if last_signal == "open":
                last_signal = None if say else last_signal
        idle = 0


def check_kb(conv, where, exp, kbs, history, stats, idle) -> None:
    contacts = exp.get("contacts", [])
    contacts_any = exp.get("contacts_any", [])
    not_contains = exp.get("not_contains", [])
    answer: list[dict] = []
    elders: list[dict] = []
    expired: list[dict] = []
    route_kbs = [k for k in kbs if "stap" in k]
    has_text_source = False
    for kb in kbs:
        if "rol" in kb:
            stats["kb contact lookups"] += 1
            r = resolve(kb, conv, where)
            if r is None:
                continue
            (elders if kb.get("elders") else expired if kb.get("verlopen") else answer).append({**r, "kb": kb})
            if kb.get("loket"):
                answer[-1]["prim"] |= {swv["loket"]["naam"]}
                answer[-1]["all"] |= {swv["loket"]["naam"]}
        elif "expertise" in kb and "gebied" in kb:
            stats["kb expertise lookups"] += 1
            if kb["expertise"] not in EXPERTISES:
                err(where, f"unknown expertise {kb['expertise']!r}")
                continue
            if kb["gebied"] not in AREAS:
                err(where, f"unknown area {kb['gebied']!r}")
                continue
            hits = {n for n, s in SCHOOLS.items() if kb["expertise"] in s["expertise"] and within(s["wijk"], kb["gebied"])}
            for key in ("schools_all", "schools_any"):
                for x in exp.get(key, []):
                    if x not in hits:
                        err(where, f"{key}: {x!r} not a school with {kb['expertise']} in {kb['gebied']} ({sorted(hits)})")
            if "schools_all" in exp and set(exp["schools_all"]) != hits:
                err(where, f"schools_all {exp['schools_all']} is not every school found: {sorted(hits)}")
            for x in not_contains:
                if x in SCHOOLS and x in hits:
                    err(where, f"not_contains school {x!r} does have that expertise there")
        elif "expertise_van" in kb:
            s = SCHOOLS.get(kb["school"])
            if not s:
                err(where, f"unknown school {kb['school']!r}")
                continue
            for x in exp.get("contains", []):
                if low(x) not in [low(e) for e in s["expertise"]]:
                    err(where, f"{x!r} is not an expertise of {kb['school']} {s['expertise']}")
            has_text_source = True
        elif "begrip" in kb:
            stats["kb glossary"] += 1
            term = TERMS.get(kb["begrip"])
            if not term:
                err(where, f"unknown begrip {kb['begrip']!r}")
                continue
            if kb["begrip"] not in TERMS_SH:
                err(where, f"begrip {kb['begrip']!r} missing from /work/shared/domain/begrippen.yaml")
            text = low(term["term"] + " " + term["uitleg"])
            if len(kbs) == 1:  # a direct glossary question: one of the term's synonyms is in the message
                if not any(re.search(rf"(?<!\w){re.escape(low(str(s)))}(?!\w)", where_say(conv, where))
                           for s in term["synoniemen"]):
                    err(where, f"no synonym of {kb['begrip']!r} in the message")
                for x in exp.get("contains", []):
                    if low(x) not in text:
                        err(where, f"contains {x!r} not in the glossary text of {kb['begrip']}")
                if exp.get("safety") and "0800-2000" not in text:
                    err(where, "safety expected but the glossary text has no 0800-2000")
            has_text_source = True
        elif "tekst_uit" in kb:
            sid = kb["tekst_uit"]
            if sid not in STEPS:
                err(where, f"unknown step {sid!r}")
                continue
            text = step_text(sid)
            for x in exp.get("contains", []):
                if low(x) not in text:
                    err(where, f"contains {x!r} not in the text of step {sid}")
            if "contains_any" in exp and not any(low(x) in text for x in exp["contains_any"]):
                err(where, f"none of contains_any {exp['contains_any']} in the text of step {sid}")
            has_text_source = True
        elif "signaal" in kb:
            pass
        elif "rol_zonder_kb" in kb:
            r = ROLLEN.get(kb["rol_zonder_kb"])
            if not r or r.get("kb_rol") is not None:
                err(where, f"{kb['rol_zonder_kb']!r} is not a route role without KB contacts")
            has_text_source = True
        elif "stap" in kb:
            pass
        else:
            err(where, f"unknown kb note {kb}")

    # contacts
    prim = set().union(*(a["prim"] for a in answer)) if answer else set()
    alln = set().union(*(a["all"] for a in answer)) if answer else set()
    if (contacts or contacts_any) and not answer:
        err(where, "contacts expected without a kb contact lookup")
    for x in contacts:
        if x not in PERSONS:
            err(where, f"contact {x!r} is not a person in the KB")
        elif x not in prim:
            err(where, f"contact {x!r} is not what the KB gives: {sorted(prim)}")
    for x in contacts_any:
        if x not in PERSONS:
            err(where, f"contacts_any {x!r} is not a person in the KB")
        elif x not in alln:
            err(where, f"contacts_any {x!r} not found by the lookup: {sorted(alln)}")
    if contacts_any and not (set(contacts_any) & prim):
        err(where, f"contacts_any {contacts_any} misses the most specific answer {sorted(prim)}")
    if contacts and answer and set(contacts) != prim and not any(a["kb"].get("loket") for a in answer):
        if len(rols_of(answer[0]["kb"])) == 1:
            infos.append(f"{where}: contacts {contacts} is part of {sorted(prim)}")
    # 'Centrale toegang' is ambiguous by name: the org / phone / e-mail must say which one
    if "Centrale toegang" in contacts + contacts_any:
        pcs = [c for a in answer for c in a["contacts"] if c["naam"] == "Centrale toegang"]
        for x in exp.get("contains_any", []):
            if not any(low(x) in low(f"{c['org']} {c.get('telefoon', '')} {c.get('email', '')}") for c in pcs):
                err(where, f"contains_any {x!r} does not identify the centrale toegang found ({[c['org'] for c in pcs]})")
        if "contains_any" not in exp:
            err(where, "'Centrale toegang' needs contains_any with its organisation, phone or e-mail")
    for x in not_contains:
        if x in PERSONS:
            if x in alln:
                err(where, f"not_contains {x!r} is a right answer here ({sorted(alln)})")
            if answer and all(a["empty"] for a in answer):
                rols = {r for a in answer for r in rols_of(a["kb"])}
                if not any(c["naam"] == x and c["rol"] in rols for c in CONTACTS):
                    err(where, f"nobody found: not_contains {x!r} should be a {rols} elsewhere")
            if expired and not any(x in e["prim"] for e in expired):
                err(where, f"expired context: {x!r} is not the answer the expired question would have had")
        elif PERSONLIKE.match(x) and low(x) not in TITLES and x not in SCHOOLS and x not in TERMS:
            err(where, f"not_contains {x!r} looks like a person who is not in the KB (never invent one)")
    for e in elders:
        for x in e["prim"] & set(contacts):
            err(where, f"contact {x!r} is also the answer of the context lookup {e['kb']}")
    if expired:
        if idle <= 30:
            err(where, "expired lookup without > 30 idle minutes before")
        if contacts:
            err(where, "contacts expected although the question expired")
    # asks
    amb = any(a["ambiguous"] for a in answer)
    if amb and exp.get("asks") is not True:
        err(where, "the lookup is ambiguous: asks: true expected")
    if exp.get("asks") is True and answer and not amb:
        err(where, "asks: true but the lookup is not ambiguous")
    if exp.get("asks") is False and answer and (amb or not prim):
        err(where, "asks: false but the lookup is ambiguous or empty")
    if answer:
        stats["asks true (ambiguous)" if amb else ("nobody in KB" if all(a["empty"] for a in answer) else "contact answers")] += 1
    # contains in contact turns: the place asked about, or the found organisation
    if answer and not has_text_source and "stap" not in [k for kb in kbs for k in kb]:
        places = " ".join(str(a["kb"].get(k, "")) for a in answer for k in ("gebied", "woont", "school"))
        orgs = " ".join(f"{c['org']} {c.get('telefoon', '')} {c.get('email', '')}" for a in answer for c in a["contacts"])
        for x in exp.get("contains", []):
            if low(x) not in low(places + " " + orgs):
                err(where, f"contains {x!r} is neither the place asked about nor the organisation found")
        names = " ".join(sorted(alln))
        for x in exp.get("contains_any", []):
            if low(x) not in low(places + " " + orgs + " " + names):
                err(where, f"contains_any {x!r} is not a person, organisation or place of the lookup")

    # route
    if ("route_step" in exp or "choices_include" in exp) and not route_kbs:
        err(where, "route_step/choices_include without a kb stap")
    for kb in route_kbs:
        check_route(where, exp, kb, history, idle)


_SAYS: dict[str, str] = {}


def where_say(conv: dict, where: str) -> str:
    if where not in _SAYS:
        n = int(where.rsplit(" ", 1)[1])
        says = [t["say"] for t in conv["turns"] if "say" in t]
        _SAYS[where] = low(says[n - 1])
    return _SAYS[where]


def check_route(where: str, exp: dict, kb: dict, history: list[str], idle: int) -> None:
    sid = kb["stap"]
    if sid not in STEPS:
        err(where, f"unknown step {sid!r}")
        return
    st = STEPS[sid]
    sh = STEPS_SH.get(sid)
    if not sh or sh["titel"] != st["titel"] or sh.get("opties") != st.get("opties"):
        err(where, f"step {sid} differs between the KB and /work/shared/domain/route.yaml")
    labels = [o["label"] for o in st.get("opties", [])]
    nexts = [o["volgende"] for o in st.get("opties", [])]
    if "route_step" in exp and low(exp["route_step"]) != low(st["titel"]):
        err(where, f"route_step {exp['route_step']!r} is not the title of {sid}: {st['titel']!r}")
    if "choices_include" in exp:
        if [low(x) for x in exp["choices_include"]] != [low(x) for x in labels]:
            err(where, f"choices_include {exp['choices_include']} != option labels of {sid} {labels}")
    if not kb.get("verlopen") and not kb.get("blijft"):
        text = step_text(sid)
        for x in exp.get("contains", []):
            if low(x) not in text:
                err(where, f"contains {x!r} not in the text of step {sid}")
        if "contains_any" in exp and not any(low(x) in text for x in exp["contains_any"]):
            err(where, f"none of contains_any {exp['contains_any']} in the text of step {sid}")
    if exp.get("safety") and "0800-2000" not in step_text(sid):
        err(where, f"safety expected but step {sid} has no 0800-2000")
    if exp.get("emergency_112") and "112" not in step_text(sid):
        err(where, f"112 expected but step {sid} has no 112")
    if kb.get("verlopen"):
        if idle <= 30:
            err(where, "expired step without > 30 idle minutes before")
        if not history or history[-1] != sid:
            err(where, f"expired step {sid} was not the last step shown")
        opt = kb.get("optie")
        if opt not in labels:
            err(where, f"option {opt!r} not in {sid}")
        else:
            nxt = STEPS[nexts[labels.index(opt)]]["titel"]
            if nxt not in exp.get("not_contains", []):
                err(where, f"expired: not_contains must hold the title it would have led to: {nxt!r}")
        return
    if kb.get("blijft"):
        if not history or history[-1] != sid:
            err(where, f"kept step {sid} was not the last step shown")
        titles = {STEPS[x]["titel"] for x in nexts}
        for x in exp.get("not_contains", []):
            if x not in titles:
                err(where, f"kept step: not_contains {x!r} is not a next step of {sid}")
        if not set(exp.get("not_contains", [])):
            err(where, "kept step: not_contains the next step titles expected")
        return
    if kb.get("terug"):
        if len(history) < 2 or history[-2] != sid:
            err(where, f"'terug' should show the step before the last one ({history[-2:] if history else []})")
        else:
            history.pop()
        return
    if kb.get("opnieuw"):
        route = STEPS[history[-1]]["route"] if history else None
        if not route or INGANG[route]["start"] != sid:
            err(where, f"'opnieuw' should restart route {route} at {INGANG.get(route, {}).get('start')}")
        history.append(sid)
        return
    if "van" in kb:
        van, opt = kb["van"], kb.get("optie")
        if van not in STEPS:
            err(where, f"unknown step {van!r}")
            return
        vopts = {o["label"]: o["volgende"] for o in STEPS[van].get("opties", [])}
        if opt not in vopts:
            err(where, f"option {opt!r} is not an option of {van} ({list(vopts)})")
        elif vopts[opt] != sid:
            err(where, f"option {opt!r} of {van} leads to {vopts[opt]}, not {sid}")
        if not history or history[-1] != van:
            err(where, f"answer to {van}, but the last step shown was {history[-1] if history else None}")
        if idle > 30:
            err(where, "an answer after > 30 idle minutes cannot move the route")
        history.append(sid)
        return
    if "ingang" in kb:
        tw = kb["ingang"]
        words = [low(x) for x in st.get("trefwoorden", [])]
        if st["id"] == INGANG[st["route"]]["start"]:
            words += [low(x) for x in INGANG[st["route"]]["trefwoorden"]]
        if low(tw) not in words:
            err(where, f"ingang {tw!r} is not a trefwoord of {sid}")
        elif low(tw) not in [low(x) for x in (sh or {}).get("trefwoorden", [])] + \
                [low(x) for x in route_sh["ingangen"][[i["route"] for i in route_sh["ingangen"]].index(st["route"])]["trefwoorden"]]:
            infos.append(f"{where}: trefwoord {tw!r} of {sid} is only in the KB copy of route.yaml")
        history.append(sid)
        return
    err(where, f"route kb note needs ingang, van/optie, terug, opnieuw, blijft or verlopen: {kb}")


# ─────────────────────────────── utterances ───────────────────────────────

INTENTS = {"partner_lookup", "expertise_lookup", "glossary", "route", "signal", "subscribe", "unsubscribe",
           "greeting", "thanks", "help", "unknown"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
ROLE_WORDS = ["smw", "smw'er", "lpa", "leerplicht", "leerplichtambtenaar", "jgz", "jeugdarts", "jeugdverpleegkundige",
              "jeugdteam", "jeugdconsulent", "wijkagent", "adviseur", "ib", "ib'er", "iber", "intern begeleider",
              "schoolmaatschappelijk werker", "lokaal team", "wijkteam"]


def synonym_terms(text: str) -> set[str]:
    t = low(text)
    hits = set()
    for term in TERMS.values():
        for s in term["synoniemen"]:
            if re.search(rf"(?<!\w){re.escape(low(str(s)))}(?!\w)", t):
                hits.add(term["term"])
                break
    return hits


def check_utterances() -> Counter:
    items = load(HERE / "dev11_utterances.yaml")
    stats: Counter = Counter()
    if len(items) != 120:
        err("utterances", f"{len(items)} items (want 120)")
    seen = set()
    for n, it in enumerate(items, 1):
        where = f"utterance {n} {it.get('t')!r}"
        if set(it) != {"t", "i", "e"}:
            err(where, f"keys {set(it)}")
            continue
        t, i, e = it["t"], it["i"], it["e"] or {}
        if t in seen:
            err(where, "duplicate text")
        seen.add(t)
        if t != t.lower():
            err(where, "not lower case")
        if i not in INTENTS:
            err(where, f"intent {i!r}")
        stats[i] += 1
        for k, v in e.items():
            if k not in ENTITIES:
                err(where, f"entity {k!r} not in the contract as known")
            if v is None:
                err(where, f"entity {k} listed as null (leave it out)")
        if "rol" in e and e["rol"] not in ROLES:
            err(where, f"rol {e['rol']!r}")
        if "wijk" in e:
            if e["wijk"] not in WIJK_KEY:
                err(where, f"wijk {e['wijk']!r} is not a canonical KB wijk")
            elif e.get("gemeente") != AREAS[WIJK_KEY[e["wijk"]]]["gemeente"]:
                err(where, f"wijk {e['wijk']} needs gemeente {AREAS[WIJK_KEY[e['wijk']]]['gemeente']}")
        if "school" in e:
            if e["school"] not in SCHOOLS:
                err(where, f"school {e['school']!r}")
            else:
                g = AREAS[SCHOOLS[e["school"]]["wijk"]]["gemeente"]
                if e.get("gemeente") != g:
                    err(where, f"school {e['school']} needs gemeente {g}")
                if "wijk" in e:
                    err(where, "a school gives its gemeente, not its wijk")
        if "gemeente" in e:
            g = e["gemeente"]
            if g not in GEMEENTEN_KB and g not in CBS:
                err(where, f"gemeente {g!r} is neither a KB gemeente nor a CBS name")
            if g in GEMEENTEN_KB and g != "Den Haag" and g not in ("Rijswijk", "Leidschendam-Voorburg") and g not in CBS:
                err(where, f"gemeente {g!r} outside the region must be its CBS name")
        if "expertise" in e and e["expertise"] not in EXPERTISES:
            err(where, f"expertise {e['expertise']!r}")
        if "route" in e and e["route"] not in ("algemeen", "verzuim", "meldcode"):
            err(where, f"route {e['route']!r}")
        if "thema" in e and e["thema"] not in ("armoede", "veiligheid", "verzuim"):
            err(where, f"thema {e['thema']!r}")
        if i == "route" and "route" not in e:
            err(where, "a route item needs its route")
        if i != "route" and "route" in e:
            err(where, "route set outside a route item")
        if i == "signal" and "thema" not in e:
            err(where, "a signal item needs its thema")
        if i == "expertise_lookup" and "expertise" not in e:
            err(where, "an expertise item needs its expertise")
        if i == "glossary" and "begrip" not in e:
            err(where, "a glossary item needs its begrip")
        if "begrip" in e and i not in ("glossary", "route"):
            err(where, "begrip only for glossary and route items")
        if "begrip" in e and e["begrip"] not in TERMS:
            err(where, f"begrip {e['begrip']!r}")
        if i in ("glossary", "route"):
            hits = synonym_terms(t)
            if len(hits) > 1:
                err(where, f"more than one glossary term in the text: {sorted(hits)}")
            want = {e["begrip"]} if "begrip" in e else set()
            if hits != want:
                err(where, f"begrip {sorted(want)} but the synonyms in the text give {sorted(hits)}")
        if i in ("signal", "route"):
            for w in ROLE_WORDS:
                if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low(t)):
                    err(where, f"role word {w!r} in a {i} item")
    if not 25 <= stats["unknown"] <= 35:
        err("utterances", f"{stats['unknown']} unknown items (want about 30)")
    return stats


def main() -> int:
    keys = checker_keys()
    cstats = check_conversations(keys)
    ustats = check_utterances()
    print(f"checker expect keys: {', '.join(sorted(keys))}")
    print(f"conversations: {cstats['conversations']}, messages: {cstats['turns']}, wait turns: {cstats['wait turns']}")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(cstats.items()) if k not in ("conversations", "turns", "wait turns")))
    print(f"utterances: {sum(ustats.values())}: " + ", ".join(f"{k} {v}" for k, v in sorted(ustats.items())))
    for line in infos:
        print("info:", line)
    for line in errors:
        print("FAIL:", line)
    print(f"{len(errors)} failure(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
