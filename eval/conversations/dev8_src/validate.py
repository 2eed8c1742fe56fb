"""Validate the DEV8 evaluation set against the checker's format and the demo knowledge base.

    /work/main/.venv/bin/python /work/evalsets/conv_dev8/validate.py

Checks
- dev8.yaml: structure (ids, parts and their sizes, turn shapes, who/wijk), expect keys known to the checker
  (read from eval/run_conversations.py) and their value types; every contact, school, route-step title,
  option label and quoted string against the knowledge base; every `kb:` note recomputed from the knowledge
  base (rol + gebied / school / woont, expertise + gebied, begrip), so that contacts/contacts_any/
  schools_*/not_contains agree with it; "nobody in the kb" turns must use not_contains on that role's people.
- dev8_utterances.yaml: t/i/e shape, intents and entity names of the dev4 header (as installed), every entity
  value against the knowledge base and gemeenten.txt, the conventions (school -> its gemeente, wijk -> its
  gemeente, begrip only for glossary/route and equal to the term whose synonym is in the text, route for every
  route item, thema only for signals, no role word in signal/route items), about a quarter unknown, and the
  fictional child names only in unknown items.
Exit 0 when everything holds; prints counts per part and per expect key.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent  # installed: eval/conversations/dev8_src/validate.py reads eval/conversations/dev8*.yaml
MAIN = Path("/work/main")
KB = MAIN / "wijkwijzer" / "knowledge" / "data"
CHECKER = MAIN / "eval" / "run_conversations.py"

errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def load(name: str):
    return yaml.safe_load((KB / name).read_text(encoding="utf-8"))


# ───────────────────────────── knowledge base ─────────────────────────────

gebieden = load("gebieden.yaml")["gemeenten"]
orgs = load("ketenpartners.yaml")["organisaties"]
scholen = load("scholen.yaml")["scholen"]
route = load("route.yaml")
begrippen = load("begrippen.yaml")["begrippen"]
swv = load("swv.yaml")
kb_text = "\n".join((KB / f).read_text(encoding="utf-8") for f in
                    ("gebieden.yaml", "ketenpartners.yaml", "scholen.yaml", "route.yaml", "begrippen.yaml", "swv.yaml")).lower()

GEMEENTEN = {g["naam"] for g in gebieden}
WIJK_GEMEENTE: dict[str, str] = {}   # wijk -> gemeente
WIJK_DEEL: dict[str, str | None] = {}  # wijk -> deel (stadsdeel/kern) or None
DELEN: dict[str, tuple[str, str, list[str]]] = {}  # "G: soort D" -> (G, D, wijken)
ALIASES: dict[str, str] = {}
for g in gebieden:
    for a in g.get("aliassen") or []:
        ALIASES[a.lower()] = g["naam"]
    for d in g.get("delen") or []:
        names = [w["naam"] for w in d.get("wijken") or []]
        DELEN[f"{g['naam']}: {d['soort']} {d['naam']}"] = (g["naam"], d["naam"], names)
        for w in d.get("wijken") or []:
            WIJK_GEMEENTE[w["naam"]] = g["naam"]
            WIJK_DEEL[w["naam"]] = d["naam"]
            for a in w.get("aliassen") or []:
                ALIASES[a.lower()] = w["naam"]
    for w in g.get("wijken") or []:
        WIJK_GEMEENTE[w["naam"]] = g["naam"]
        WIJK_DEEL[w["naam"]] = None
        for a in w.get("aliassen") or []:
            ALIASES[a.lower()] = w["naam"]

CBS: set[str] = set()
for line in (KB / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("GM"):
        parts = [p.strip() for p in line.split("|")]
        CBS.add(parts[1])

CONTACTS = []  # dicts with org
for o in orgs:
    for c in o["contacten"]:
        CONTACTS.append({**c, "org": o["naam"]})
PEOPLE = {c["naam"] for c in CONTACTS if c["naam"] not in ("Centrale toegang", "Advies- en meldlijn")}
SCHOOLS = {s["naam"]: s for s in scholen}
IB_NAMES = {s["ib"]["naam"] for s in scholen if s.get("ib")}
EXPERTISES = sorted({e for s in scholen for e in s.get("expertise") or []})
STEPS = {st["titel"]: st for st in route["stappen"]}
LABELS = {o["label"] for st in route["stappen"] for o in st.get("opties") or []}
TERMS = {b["term"]: b for b in begrippen}
ROLES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib", "steunpunt"}
# Strings that may be checked without being knowledge-base text (generic words of a reply).
GENERIC = {"verwijder", "gewist", "wissen", "zeker", "naam", "namen"}


def school_by_part(part: str) -> list[str]:
    return [n for n in SCHOOLS if part.lower() in n.lower()]


def area_of(spec: str) -> tuple[str, str | None, str | None]:
    """(gemeente, deel, wijk) of a gebied string: 'G', 'G: W', 'G: stadsdeel D', 'G: kern D'."""
    if spec in GEMEENTEN:
        return spec, None, None
    if spec in DELEN:
        g, d, _ = DELEN[spec]
        return g, d, None
    if ":" in spec:
        g, w = [p.strip() for p in spec.split(":", 1)]
        if g in GEMEENTEN and WIJK_GEMEENTE.get(w) == g:
            return g, WIJK_DEEL[w], w
    if spec in CBS:
        return spec, None, None
    raise ValueError(f"unknown gebied {spec!r}")


def covers(werkgebied: list[str], spec: str) -> bool:
    g, d, w = area_of(spec)
    for e in werkgebied:
        if e == g:
            return True
        if w is not None:
            if e == f"{g}: {w}":
                return True
            if d is not None and e in (f"{g}: kern {d}", f"{g}: stadsdeel {d}"):
                return True
        elif d is not None:  # a deel: any wijk of it, or the deel itself
            if e in (f"{g}: kern {d}", f"{g}: stadsdeel {d}"):
                return True
            if e.startswith(g + ": ") and e.split(": ", 1)[1] in DELEN[f"{g}: {'kern' if f'{g}: kern {d}' in DELEN else 'stadsdeel'} {d}"][2]:
                return True
        else:  # a whole gemeente: everybody working somewhere in it
            if e.startswith(g + ": "):
                return True
    return False


def people_for(rol: str, spec: str) -> list[dict]:
    return [c for c in CONTACTS if (rol == "all" or c["rol"] == rol) and covers(c["werkgebied"], spec)]


def school_gebied(name: str) -> str:
    return SCHOOLS[name]["wijk"]


def contact_tokens(c: dict) -> set[str]:
    return {t.lower() for t in (c["naam"], c["org"], c.get("telefoon"), c.get("email")) if t}


# ───────────────────────────── conversations ─────────────────────────────

def checker_keys() -> set[str]:
    src = CHECKER.read_text(encoding="utf-8")
    keys = set(re.findall(r'key == "([a-z_0-9]+)"', src))
    for group in re.findall(r"key in \(([^)]*)\)", src):
        keys |= set(re.findall(r'"([a-z_0-9]+)"', group))
    return keys


LIST_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_all", "schools_any",
             "choices_include"}
BOOL_KEYS = {"no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"}
STR_KEYS = {"route_step"}


def check_string_in_kb(s: str, where: str) -> None:
    if s.lower() in GENERIC:
        return
    if s.lower() not in kb_text:
        err(f"{where}: {s!r} is not knowledge-base text")


def check_kb_note(note: dict, expect: dict, where: str) -> None:
    if "begrip" in note:
        b = note["begrip"]
        if b not in TERMS:
            err(f"{where}: unknown begrip {b!r}")
            return
        text = (TERMS[b]["term"] + " " + TERMS[b]["uitleg"]).lower()
        step = TERMS[b].get("route_stap")
        if step:
            st = next(x for x in route["stappen"] if x["id"] == step)
            text += " " + (st["titel"] + " " + st["uitleg"]).lower()
        for s in (expect.get("contains") or []) + (expect.get("contains_any") or []):
            if s.lower() not in text and s.lower() not in GENERIC:
                err(f"{where}: {s!r} is not in the uitleg of {b!r} or its route step")
        if expect.get("safety") and "0800-2000" not in text:
            err(f"{where}: safety expected but {b!r} has no 0800-2000")
        return
    if "expertise" in note:
        exp = note["expertise"]
        if exp not in EXPERTISES:
            err(f"{where}: unknown expertise {exp!r}")
            return
        with_exp = [n for n, s in SCHOOLS.items() if exp in (s.get("expertise") or [])]
        gebied = note.get("gebied", "all")
        if gebied == "all":
            inside = with_exp
        else:
            g, d, w = area_of(gebied)
            inside = []
            for n in with_exp:
                sg, sw = [p.strip() for p in SCHOOLS[n]["wijk"].split(":", 1)]
                if sg != g:
                    continue
                if w is not None and sw != w:
                    continue
                if w is None and d is not None and WIJK_DEEL.get(sw) != d:
                    continue
                inside.append(n)
        for part in expect.get("schools_all") or []:
            hits = school_by_part(part)
            if len(hits) != 1 or hits[0] not in inside:
                err(f"{where}: schools_all {part!r} is not one school with {exp} in {gebied} ({inside})")
        if expect.get("schools_all") and len(expect["schools_all"]) != len(inside):
            err(f"{where}: schools_all lists {len(expect['schools_all'])} of {len(inside)} schools with {exp} in {gebied}")
        anys = expect.get("schools_any") or []
        for part in anys:
            hits = school_by_part(part)
            if len(hits) != 1 or hits[0] not in with_exp:
                err(f"{where}: schools_any {part!r} is not one school with {exp}")
        if anys and not any(school_by_part(p)[0] in inside for p in anys):
            err(f"{where}: no schools_any school lies in {gebied}")
        if not inside:
            err(f"{where}: no school with {exp} in {gebied}")
        return
    rol = note.get("rol")
    if rol not in ROLES | {"all"}:
        err(f"{where}: unknown rol {rol!r}")
        return
    if rol == "ib":
        school = note.get("school")
        if school not in SCHOOLS:
            err(f"{where}: unknown school {school!r}")
            return
        allowed = {SCHOOLS[school]["ib"]["naam"].lower()}
        allowed_tokens = allowed | {SCHOOLS[school]["ib"]["telefoon"], SCHOOLS[school]["ib"]["email"]}
    else:
        if "school" in note:
            school = note["school"]
            if school not in SCHOOLS:
                err(f"{where}: unknown school {school!r}")
                return
            if rol == "smw":  # smw follows the school
                found = [c for c in CONTACTS if c["rol"] == "smw" and school in (c.get("scholen") or [])]
            else:
                if rol in ("leerplicht", "jeugdteam"):
                    warnings.append(f"{where}: {rol} looked up by school: assumes the pupil lives in the school's wijk")
                found = people_for(rol, school_gebied(school))
        elif "woont" in note:
            if rol not in ("leerplicht", "jeugdteam"):
                err(f"{where}: woont only decides leerplicht and jeugdteam, not {rol}")
            found = people_for(rol, note["woont"])
        elif "gebied" in note:
            found = people_for(rol, note["gebied"])
        else:
            err(f"{where}: kb note without school, woont or gebied")
            return
        allowed = {c["naam"].lower() for c in found}
        allowed_tokens = set().union(*(contact_tokens(c) for c in found)) if found else set()
        if not found:
            role_people = {c["naam"] for c in CONTACTS if rol == "all" or c["rol"] == rol} & PEOPLE
            nc = expect.get("not_contains") or []
            if not nc or any(n not in role_people for n in nc):
                err(f"{where}: nobody in the kb for {note}: needs not_contains with {rol} people only, got {nc}")
            if expect.get("contacts") or expect.get("contacts_any"):
                err(f"{where}: contacts expected but the kb has nobody for {note}")
    for key in ("contacts", "contacts_any"):
        for name in expect.get(key) or []:
            if name.lower() not in allowed:
                err(f"{where}: {key} {name!r} is not a kb {rol} for {note} ({sorted(allowed)})")
    for s in expect.get("contains_any") or []:
        if s.lower() not in allowed_tokens:
            err(f"{where}: contains_any {s!r} does not belong to a kb {rol} for {note}")
    for name in expect.get("not_contains") or []:
        if name.lower() in allowed:
            err(f"{where}: not_contains {name!r} IS a kb {rol} for {note}")


STEP_BY_ID = {st["id"]: st for st in route["stappen"]}
START_WORDS = {ing["start"]: [str(w).lower() for w in ing.get("trefwoorden") or []] for ing in route["ingangen"]}


def step_reachable(prev: dict | None, new: dict, say: str) -> str | None:
    """Why `new` may follow `prev` after the message `say`: an option of the pending step, a trefwoord of
    the new step or of its route's entry, or a follow-up of a glossary term whose route step it is
    ('hoe vraag ik die aan'). None when nothing explains it."""
    low = say.lower()
    if prev is not None and new["id"] in [o["volgende"] for o in prev.get("opties") or []]:
        return "option"
    words = [str(w).lower() for w in new.get("trefwoorden") or []] + START_WORDS.get(new["id"], [])
    if any(re.search(r"(?<![\w'])" + re.escape(w) + r"(?![\w'])", low) for w in words):
        return "trefwoord"
    if prev is None and any(b.get("route_stap") == new["id"] for b in begrippen):
        return "glossary follow-up"
    return None


def validate_conversations() -> tuple[Counter, Counter, dict]:
    known = checker_keys()
    expected_known = LIST_KEYS | BOOL_KEYS | STR_KEYS
    if not expected_known <= known:
        err(f"checker does not know {sorted(expected_known - known)}")
    data = yaml.safe_load((HERE / "dev8.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, list):
        err("dev8.yaml is not a list")
        return Counter(), Counter(), {}
    ids = Counter(c.get("id") for c in data)
    for i, n in ids.items():
        if n > 1:
            err(f"duplicate id {i}")
    key_count: Counter = Counter()
    parts: dict = {p: {"conversations": 0, "turns": 0, "waits": 0} for p in "abc"}
    says = Counter()
    for conv in data:
        cid = conv.get("id", "?")
        m = re.fullmatch(r"d8-([abc])(\d\d)", str(cid))
        if not m:
            err(f"bad id {cid!r}")
            continue
        part = m.group(1)
        extra = set(conv) - {"id", "note", "who", "wijk", "turns"}
        if extra:
            err(f"{cid}: unknown conversation keys {extra}")
        who = conv.get("who", "ib")
        if who not in ("ib", "adviseur"):
            err(f"{cid}: who {who!r}")
        if "wijk" in conv and conv["wijk"] not in WIJK_GEMEENTE:
            err(f"{cid}: wijk {conv['wijk']!r} is not a kb wijk")
        turns = conv.get("turns") or []
        n_say = sum(1 for t in turns if "say" in t)
        n_wait = sum(1 for t in turns if "wait_minutes" in t)
        parts[part]["conversations"] += 1
        parts[part]["turns"] += n_say
        parts[part]["waits"] += n_wait
        lo, hi = {"a": (1, 3), "b": (4, 7), "c": (3, 8)}[part]
        if not lo <= n_say <= hi:
            err(f"{cid}: {n_say} turns, part {part} wants {lo}-{hi}")
        if part == "c" and who != "adviseur" and "wijk" not in conv:
            err(f"{cid}: part c needs who: adviseur or a wijk")
        if part != "c" and (who != "ib" or "wijk" in conv or n_wait):
            err(f"{cid}: who/wijk/wait_minutes belong to part c")
        if turns and "wait_minutes" in turns[0]:
            err(f"{cid}: starts with a wait")
        pending_step = None
        route_seen = False
        for k, turn in enumerate(turns, 1):
            where = f"{cid} turn {k}"
            if "wait_minutes" in turn:
                if set(turn) != {"wait_minutes"} or turn["wait_minutes"] not in (5, 45):
                    err(f"{where}: a wait turn holds only wait_minutes 5 or 45")
                if turn.get("wait_minutes", 0) > 30:
                    pending_step = None  # the pending route question has expired
                continue
            extra = set(turn) - {"say", "expect", "kb"}
            if extra:
                err(f"{where}: unknown turn keys {extra}")
            say = turn.get("say")
            if not isinstance(say, str) or not say.strip():
                err(f"{where}: empty say")
                continue
            says[say.lower()] += 1
            expect = turn.get("expect")
            if not isinstance(expect, dict) or not expect:
                err(f"{where}: every turn needs a non-empty expect")
                continue
            for key, value in expect.items():
                key_count[key] += 1
                if key not in known:
                    err(f"{where}: expect key {key!r} unknown to the checker")
                elif key in LIST_KEYS:
                    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                        err(f"{where}: {key} must be a non-empty list of strings")
                elif key in BOOL_KEYS and not isinstance(value, bool):
                    err(f"{where}: {key} must be true/false")
                elif key in STR_KEYS and not isinstance(value, str):
                    err(f"{where}: {key} must be a string")
            for name in expect.get("contacts", []) + expect.get("contacts_any", []):
                if name not in PEOPLE and name not in IB_NAMES:
                    err(f"{where}: contact {name!r} not in the kb")
            for part_name in expect.get("schools_all", []) + expect.get("schools_any", []):
                if len(school_by_part(part_name)) != 1:
                    err(f"{where}: school {part_name!r} does not name exactly one kb school")
            step = expect.get("route_step")
            if step is not None:
                if step not in STEPS:
                    err(f"{where}: route_step {step!r} is not a step title")
                else:
                    reason = step_reachable(pending_step, STEPS[step], say)
                    if reason is None:
                        err(f"{where}: step {step!r} follows neither from {pending_step and pending_step['titel']!r} "
                            f"nor from a trefwoord in the message")
                    pending_step = STEPS[step] if STEPS[step].get("opties") else None
                    route_seen = True
                    if expect.get("safety") and "0800-2000" not in STEPS[step]["uitleg"]:
                        err(f"{where}: safety expected but step {step!r} has no 0800-2000")
                    if expect.get("emergency_112") and not re.search(r"\b112\b", STEPS[step]["uitleg"] + step):
                        err(f"{where}: 112 expected but step {step!r} has no 112")
            for label in expect.get("choices_include", []):
                if label not in LABELS:
                    err(f"{where}: choice {label!r} is not an option label")
                elif step in STEPS and label not in [o["label"] for o in STEPS[step].get("opties") or []]:
                    err(f"{where}: choice {label!r} is not an option of {step!r}")
            for key in ("contains", "contains_any", "not_contains"):
                for s in expect.get(key, []):
                    check_string_in_kb(s, f"{where} {key}")
            for name in expect.get("not_contains", []):
                if name in STEPS and not route_seen:
                    err(f"{where}: not_contains a step title without a route before")
            if "kb" in turn:
                if not isinstance(turn["kb"], dict):
                    err(f"{where}: kb must be a mapping")
                else:
                    try:
                        check_kb_note(turn["kb"], expect, where)
                    except ValueError as exc:
                        err(f"{where}: {exc}")
            if (expect.get("contacts") or expect.get("contacts_any")) and "kb" not in turn:
                err(f"{where}: contacts without a kb note")
            if (expect.get("schools_all") or expect.get("schools_any")) and "kb" not in turn:
                err(f"{where}: schools without a kb note")
    for s, n in says.items():
        if n > 2 and len(s.split()) > 2:
            warnings.append(f"message used {n} times: {s!r}")
    return key_count, Counter({p: v["conversations"] for p, v in parts.items()}), parts


# ───────────────────────────── utterances ─────────────────────────────

INTENTS = {"partner_lookup", "expertise_lookup", "glossary", "route", "signal", "subscribe", "unsubscribe",
           "greeting", "thanks", "help", "unknown"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
THEMAS = {"armoede", "veiligheid", "verzuim"}
CHILD_NAMES = {"Noah", "Fenna", "Milan", "Yara"}
ROLE_WORDS = re.compile(r"\b(smw|lpa|leerplicht\w*|jgz|jeugdarts|jeugdverpleegkundige|jeugdteam|jeugdconsulent|"
                        r"wijkagent|adviseur|ib|ib'er|intern begeleider|steunpunt|expertisepunt)\b")


def synonym_terms(text: str) -> set[str]:
    low = text.lower()
    found = set()
    for b in begrippen:
        for syn in b.get("synoniemen") or []:
            syn = str(syn).lower()
            if re.search(r"(?<![\w'])" + re.escape(syn) + r"(?![\w'])", low):
                found.add(b["term"])
    return found


def validate_utterances() -> Counter:
    items = yaml.safe_load((HERE / "dev8_utterances.yaml").read_text(encoding="utf-8"))
    intents: Counter = Counter()
    seen = Counter()
    for n, item in enumerate(items, 1):
        where = f"utterance {n} {item.get('t')!r}"
        if set(item) != {"t", "i", "e"}:
            err(f"{where}: keys must be t, i, e")
            continue
        t, i, e = item["t"], item["i"], item["e"] or {}
        seen[t.lower()] += 1
        intents[i] += 1
        if i not in INTENTS:
            err(f"{where}: intent {i!r}")
        if set(e) - ENTITIES:
            err(f"{where}: unknown entities {set(e) - ENTITIES}")
        if "rol" in e and e["rol"] not in ROLES:
            err(f"{where}: rol {e['rol']!r}")
        if "wijk" in e:
            if e["wijk"] not in WIJK_GEMEENTE:
                err(f"{where}: wijk {e['wijk']!r} not in the kb")
            elif e.get("gemeente") != WIJK_GEMEENTE[e["wijk"]]:
                err(f"{where}: wijk {e['wijk']} needs gemeente {WIJK_GEMEENTE[e['wijk']]}")
        if "school" in e:
            if e["school"] not in SCHOOLS:
                err(f"{where}: school {e['school']!r} not in the kb")
            else:
                g = SCHOOLS[e["school"]]["wijk"].split(":")[0]
                if e.get("gemeente") != g:
                    err(f"{where}: school {e['school']} needs gemeente {g}")
                if "wijk" in e:
                    err(f"{where}: a school gives its gemeente, not its wijk")
        if "gemeente" in e and e["gemeente"] not in GEMEENTEN | CBS:
            err(f"{where}: gemeente {e['gemeente']!r} neither kb nor CBS")
        if "expertise" in e and e["expertise"] not in EXPERTISES:
            err(f"{where}: expertise {e['expertise']!r}")
        if "begrip" in e and e["begrip"] not in TERMS:
            err(f"{where}: begrip {e['begrip']!r}")
        if "route" in e and e["route"] not in ("algemeen", "verzuim", "meldcode"):
            err(f"{where}: route {e['route']!r}")
        if "thema" in e and e["thema"] not in THEMAS:
            err(f"{where}: thema {e['thema']!r}")
        # conventions per intent
        if i != "unknown":
            if "begrip" in e and i not in ("glossary", "route"):
                err(f"{where}: begrip only for glossary and route")
            if ("route" in e) != (i == "route"):
                err(f"{where}: route entity iff route intent")
            if "thema" in e and i != "signal":
                err(f"{where}: thema only for signals")
            if i == "signal" and "thema" not in e:
                err(f"{where}: signal without thema")
            if i == "expertise_lookup" and "expertise" not in e:
                err(f"{where}: expertise_lookup without expertise")
            if i in ("signal", "route") and (ROLE_WORDS.search(t.lower()) or "rol" in e):
                err(f"{where}: role word in a {i} item")
            if i in ("glossary", "route"):
                terms = synonym_terms(t)
                if len(terms) > 1:
                    err(f"{where}: synonyms of several terms {sorted(terms)}")
                if e.get("begrip") and e["begrip"] not in terms:
                    err(f"{where}: begrip {e['begrip']!r} but no synonym of it in the text (found {sorted(terms)})")
                if terms and "begrip" not in e:
                    err(f"{where}: synonym of {sorted(terms)} in the text but no begrip")
                if i == "glossary" and "begrip" not in e:
                    err(f"{where}: glossary without begrip")
        for name in CHILD_NAMES:
            if re.search(rf"\b{name}\b", t) and i != "unknown":
                err(f"{where}: a child's name outside an unknown item")
    for t, n in seen.items():
        if n > 1:
            err(f"duplicate utterance {t!r}")
    total = sum(intents.values())
    share = intents["unknown"] / max(1, total)
    if total != 200:
        err(f"{total} utterances, want 200")
    if not 0.22 <= share <= 0.28:
        err(f"unknown share {share:.0%}, want about a quarter")
    # child names must not appear in the conversations
    conv = (HERE / "dev8.yaml").read_text(encoding="utf-8")
    for name in CHILD_NAMES:
        if re.search(rf"\b{name}\b", conv):
            err(f"child name {name} in dev8.yaml")
    return intents


def main() -> int:
    key_count, _, parts = validate_conversations()
    intents = validate_utterances()
    total_turns = sum(p["turns"] for p in parts.values())
    print("dev8.yaml")
    for p, v in parts.items():
        print(f"  part {p}: {v['conversations']} conversations, {v['turns']} turns, {v['waits']} waits")
    print(f"  total: {sum(v['conversations'] for v in parts.values())} conversations, {total_turns} turns")
    print("  expect keys: " + ", ".join(f"{k} {n}" for k, n in sorted(key_count.items(), key=lambda kv: -kv[1])))
    print("dev8_utterances.yaml")
    print(f"  total: {sum(intents.values())}; " + ", ".join(f"{k} {n}" for k, n in intents.most_common()))
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
