"""Check the DEV10 evaluation set against the checker and the knowledge base.

    /work/main/.venv/bin/python validate.py            # check everything, exit 1 on any failure
    /work/main/.venv/bin/python validate.py --lookup smw "Den Haag: Ypenburg"   # a lookup, for writing

What it checks
- dev10.yaml: structure (ids, parts, turn counts, turn keys), that every expect key is one the checker
  knows (read from eval/run_conversations.py), that the checker only reads ``say``, ``expect`` and
  ``wait_minutes`` from a turn (so the ``kb`` and ``note`` keys are ignored by it), value types;
  and it recomputes every expected contact, school, route step title, option label and glossary
  term from the knowledge base, using the ``kb:`` note of the turn:
    {rol, gebied} / {rol, school} / {rol, woont}   -> the contacts for that role and place
    {expertise, gebied}                            -> the schools with that expertise in that place
    {stap} (+ optional {vorige, optie})            -> the step title / option labels / the branch
    {begrip}                                       -> the glossary term (and that expected words are in it)
  A kb note may be one mapping or a list of them (a turn that needs two lookups).
- dev10_utterances.yaml: count, intents, entity names and canonical values (wijk, gemeente, school,
  expertise, begrip, route, thema, rol), the conventions of the dev4_utterances.yaml header (a school
  gives its gemeente not its wijk; a wijk gives its gemeente; begrip only for glossary/route and
  exactly when a synonym is in the text; no role words in signal/route items), the number of
  unknown items, duplicates.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent  # installed as eval/conversations/dev10_src/
MAIN = Path(__file__).resolve().parents[3]
DATA = MAIN / "wijkwijzer" / "knowledge" / "data"
CHECKER = MAIN / "eval" / "run_conversations.py"

errors: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


# ───────────────────────────── knowledge base ─────────────────────────────

def load(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


GEBIEDEN = load("gebieden.yaml")["gemeenten"]
ORGS = load("ketenpartners.yaml")["organisaties"]
SCHOLEN = {s["naam"]: s for s in load("scholen.yaml")["scholen"]}
ROUTE = load("route.yaml")
STEPS = {s["id"]: s for s in ROUTE["stappen"]}
BEGRIPPEN = {b["term"]: b for b in load("begrippen.yaml")["begrippen"]}
SWV = load("swv.yaml")

CONTACTS = [dict(c, organisatie=o["naam"]) for o in ORGS for c in o["contacten"]]
ROLES = sorted({c["rol"] for c in CONTACTS}) + ["ib"]
EXPERTISES = sorted({e for s in SCHOLEN.values() for e in s["expertise"]})
PERSONS = {c["naam"] for c in CONTACTS} | {s["ib"]["naam"] for s in SCHOLEN.values()}
KNOWN_NAMES = (PERSONS | set(SCHOLEN) | {s["titel"] for s in STEPS.values()} | set(BEGRIPPEN)
               | {o["naam"] for o in ORGS} | {SWV["naam"], SWV["loket"]["naam"]})
DETAILS = {v: c["naam"] for c in CONTACTS for v in (c.get("telefoon"), c.get("email")) if v}
DETAILS |= {v: s["ib"]["naam"] for s in SCHOLEN.values() for v in (s["ib"].get("telefoon"), s["ib"].get("email")) if v}
DETAILS |= {v: "loket" for v in (SWV["loket"].get("telefoon"), SWV["loket"].get("email")) if v}

# every (gemeente, wijk) pair; a gemeente without wijken is (gemeente, None)
WIJK_GEMEENTE: dict[str, str] = {}
DEEL_WIJKEN: dict[tuple[str, str], list[str]] = {}
GEMEENTE_AREA: dict[str, set[tuple[str, str | None]]] = {}
for g in GEBIEDEN:
    area: set[tuple[str, str | None]] = {(g["naam"], None)}
    for d in g.get("delen", []):
        DEEL_WIJKEN[(g["naam"], d["naam"])] = [w["naam"] for w in d["wijken"]]
        for w in d["wijken"]:
            WIJK_GEMEENTE[w["naam"]] = g["naam"]
            area.add((g["naam"], w["naam"]))
    for w in g.get("wijken", []):
        WIJK_GEMEENTE[w["naam"]] = g["naam"]
        area.add((g["naam"], w["naam"]))
    GEMEENTE_AREA[g["naam"]] = area

CBS = set()
for line in (DATA / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("GM"):
        CBS.add(line.split("|")[1].strip())


def area_of(gebied: str) -> set[tuple[str, str | None]]:
    """'Den Haag', 'Den Haag: Ypenburg', 'Den Haag: stadsdeel Escamp', 'Leidschendam-Voorburg: kern Voorburg'."""
    if ":" not in gebied:
        if gebied not in GEMEENTE_AREA:
            raise KeyError(f"unknown gemeente {gebied!r}")
        return set(GEMEENTE_AREA[gebied])
    gem, rest = (p.strip() for p in gebied.split(":", 1))
    m = re.match(r"(stadsdeel|kern) (.+)", rest)
    if m:
        wijken = DEEL_WIJKEN.get((gem, m.group(2)))
        if wijken is None:
            raise KeyError(f"unknown deel {gebied!r}")
        return {(gem, w) for w in wijken}
    if WIJK_GEMEENTE.get(rest) != gem:
        raise KeyError(f"unknown wijk {gebied!r}")
    return {(gem, rest)}


def by_area(rol: str, area: set) -> set[str]:
    found = set()
    for c in CONTACTS:
        if c["rol"] != rol:
            continue
        covered = set().union(*(area_of(w) for w in c["werkgebied"]))
        if covered & area:
            found.add(c["naam"])
    return found


def lookup(note: dict) -> set[str]:
    """The names the knowledge base gives for one kb note (contacts, or schools for expertise)."""
    if "expertise" in note:
        if note["expertise"] not in EXPERTISES:
            raise KeyError(f"unknown expertise {note['expertise']!r}")
        area = area_of(note["gebied"])
        return {n for n, s in SCHOLEN.items() if note["expertise"] in s["expertise"]
                and (s["wijk"].split(":")[0].strip(), s["wijk"].split(":", 1)[1].strip()) in area}
    rol = note["rol"]
    if rol not in ROLES:
        raise KeyError(f"unknown rol {rol!r}")
    if "school" in note:
        school = SCHOLEN[note["school"]]
        if rol == "ib":
            return {school["ib"]["naam"]}
        if rol == "smw":
            return {c["naam"] for c in CONTACTS if c["rol"] == "smw" and note["school"] in c.get("scholen", [])}
        return by_area(rol, area_of(school["wijk"]))
    if "woont" in note:
        if note["woont"] not in GEMEENTE_AREA and ":" not in note["woont"]:
            if note["woont"] not in CBS:
                raise KeyError(f"woont {note['woont']!r} is no gemeente")
            return set()  # a gemeente outside the knowledge base: nobody
        return by_area(rol, area_of(note["woont"]))
    return by_area(rol, area_of(note["gebied"]))


def title_step(title: str) -> str | None:
    for sid, s in STEPS.items():
        if s["titel"] == title:
            return sid
    return None


def labels(sid: str) -> list[str]:
    return [o["label"] for o in STEPS[sid]["opties"]]


# ───────────────────────────── the checker ─────────────────────────────

SRC = CHECKER.read_text(encoding="utf-8")
CHECK_BODY = SRC.split("def check(", 1)[1].split("\ndef ", 1)[0]
CHECKER_KEYS = set(re.findall(r'key == "(\w+)"', CHECK_BODY))
for group in re.findall(r"key in \(([^)]*)\)", CHECK_BODY):
    CHECKER_KEYS |= set(re.findall(r'"(\w+)"', group))
TURN_READS = (set(re.findall(r'turn\[["\'](\w+)["\']\]', SRC)) | set(re.findall(r'turn\.get\(["\'](\w+)["\']', SRC))
              | set(re.findall(r'["\'](\w+)["\'] (?:not )?in turn\b', SRC)))
if not CHECKER_KEYS:
    fail("could not read the expect keys from the checker")
if TURN_READS != {"say", "expect", "wait_minutes"}:
    fail(f"the checker reads other turn keys than say/expect/wait_minutes: {sorted(TURN_READS)}")
if re.search(r"for \w+ in turn(?![\w.])|turn\.(items|keys)\(", SRC):
    fail("the checker iterates over a turn's keys: unknown turn keys might not be ignored")

LIST_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_any", "schools_all",
             "choices_include"}
BOOL_KEYS = {"no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"}
STR_KEYS = {"route_step"}
if CHECKER_KEYS != LIST_KEYS | BOOL_KEYS | STR_KEYS:
    fail(f"the checker's keys changed: {sorted(CHECKER_KEYS ^ (LIST_KEYS | BOOL_KEYS | STR_KEYS))}")


# ───────────────────────────── conversations ─────────────────────────────

def check_turn(cid: str, n: int, turn: dict, key_use: Counter) -> None:
    where = f"{cid} turn {n}"
    expect = turn.get("expect") or {}
    if not expect:
        fail(f"{where}: no expect")
    for key, value in expect.items():
        key_use[key] += 1
        if key not in CHECKER_KEYS:
            fail(f"{where}: expect key {key!r} unknown to the checker")
        elif key in LIST_KEYS and not (isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)):
            fail(f"{where}: {key} must be a non-empty list of strings")
        elif key in BOOL_KEYS and not isinstance(value, bool):
            fail(f"{where}: {key} must be true/false")
        elif key in STR_KEYS and not isinstance(value, str):
            fail(f"{where}: {key} must be a string")
    notes = turn.get("kb") or []
    if isinstance(notes, dict):
        notes = [notes]

    lookups = [k for k in notes if "rol" in k]
    expert = [k for k in notes if "expertise" in k]
    steps = [k for k in notes if "stap" in k]
    terms = [k for k in notes if "begrip" in k]
    for k in notes:
        if not any(x in k for x in ("rol", "expertise", "stap", "begrip", "school")):
            fail(f"{where}: kb note without rol/expertise/stap/begrip/school: {k}")

    # the expertise of one school: {school} alone
    for k in notes:
        if set(k) == {"school"}:
            if k["school"] not in SCHOLEN:
                fail(f"{where}: kb school {k['school']!r} unknown")
                continue
            have = SCHOLEN[k["school"]]["expertise"]
            for key in ("contains", "contains_any"):
                for v in expect.get(key, []):
                    if v not in have:
                        fail(f"{where}: {key} {v!r} is no expertise of {k['school']} ({have})")

    # contacts
    found: set[str] = set()
    for k in lookups:
        try:
            got = lookup(k)
        except KeyError as e:
            fail(f"{where}: kb {k}: {e}")
            continue
        found |= got
        if not got:
            # nobody for this role and place: the turn must check that nobody of that role elsewhere is named
            others = [v for v in expect.get("not_contains", []) if v in PERSONS]
            if not others:
                fail(f"{where}: kb {k} gives nobody, but the turn has no not_contains with that role's people")
            for v in others:
                if not any(c["naam"] == v and c["rol"] == k["rol"] for c in CONTACTS):
                    fail(f"{where}: not_contains {v!r} is not a {k['rol']} in the knowledge base")
    for key in ("contacts", "contacts_any"):
        for v in expect.get(key, []):
            if v not in PERSONS:
                fail(f"{where}: {key} {v!r} is nobody in the knowledge base")
            elif v not in found:
                fail(f"{where}: {key} {v!r} is not what the kb lookup(s) {lookups} give ({sorted(found)})")
    if ("contacts" in expect or "contacts_any" in expect) and not lookups:
        fail(f"{where}: contacts expected without a kb lookup note")
    for key in ("contains", "contains_any"):
        for v in expect.get(key, []):
            if v in PERSONS and v not in found:
                fail(f"{where}: {key} names {v!r}, not given by the kb lookup(s) ({sorted(found)})")
    for v in expect.get("not_contains", []):
        if v in PERSONS and v in found:
            fail(f"{where}: not_contains {v!r}, but the kb lookup gives that person")
    for key in ("contains", "contains_any"):
        for v in expect.get(key, []):
            if re.search(r"\d{3} \d{3}|\d{4} \d{4}|@", v):
                owner = DETAILS.get(v)
                if owner is None:
                    fail(f"{where}: {key} {v!r} is no phone number or e-mail address in the knowledge base")
                elif owner not in found and owner != "loket":
                    fail(f"{where}: {key} {v!r} belongs to {owner}, not given by the kb lookup(s)")

    # schools
    schools: set[str] = set()
    for k in expert:
        try:
            schools |= lookup(k)
        except KeyError as e:
            fail(f"{where}: kb {k}: {e}")
    for key in ("schools_all", "schools_any"):
        for v in expect.get(key, []):
            if v not in SCHOLEN:
                fail(f"{where}: {key} {v!r} is no school in the knowledge base")
            elif expert and v not in schools:
                fail(f"{where}: {key} {v!r} has not that expertise in that place ({sorted(schools)})")
        if expect.get(key) and not expert and not any("school" in k for k in notes):
            fail(f"{where}: {key} without a kb expertise or school note")
    if expert and "schools_all" in expect and set(expect["schools_all"]) != schools:
        fail(f"{where}: schools_all {expect['schools_all']} is not the whole kb answer {sorted(schools)}")
    for v in expect.get("not_contains", []):
        if v in SCHOLEN and v in schools:
            fail(f"{where}: not_contains school {v!r}, but it is in the kb answer")

    # route steps and options
    if "route_step" in expect:
        sid = title_step(expect["route_step"])
        if sid is None:
            fail(f"{where}: route_step {expect['route_step']!r} is no step title in route.yaml")
        if not steps:
            fail(f"{where}: route_step without a kb stap note")
    for k in steps:
        sid = k["stap"]
        if sid not in STEPS:
            fail(f"{where}: kb stap {sid!r} unknown")
            continue
        if "route_step" in expect and STEPS[sid]["titel"] != expect["route_step"]:
            fail(f"{where}: route_step {expect['route_step']!r} is not the title of {sid} ({STEPS[sid]['titel']!r})")
        if "vorige" in k:
            prev = STEPS.get(k["vorige"])
            if prev is None:
                fail(f"{where}: kb vorige {k['vorige']!r} unknown")
            elif "optie" in k:
                opt = [o for o in prev["opties"] if o["label"] == k["optie"]]
                if not opt:
                    fail(f"{where}: {k['optie']!r} is no option of {k['vorige']} ({labels(k['vorige'])})")
                elif opt[0]["volgende"] != sid:
                    fail(f"{where}: option {k['optie']!r} of {k['vorige']} leads to {opt[0]['volgende']}, not {sid}")
            elif k.get("terug"):
                if not any(o["volgende"] == k["vorige"] for o in STEPS[sid]["opties"]):
                    fail(f"{where}: 'terug' from {k['vorige']} to {sid}, but {sid} has no option to {k['vorige']}")
        for v in expect.get("choices_include", []):
            if v not in labels(sid):
                fail(f"{where}: choices_include {v!r} is no option label of {sid} ({labels(sid)})")
    # every capitalised expected string is a name from the knowledge base: a person, school, step title,
    # glossary term, organisation or the loket (so a typo in a title or name cannot slip through)
    for key in ("contains", "contains_any", "not_contains"):
        for v in expect.get(key, []):
            if v[:1].isupper() and v not in KNOWN_NAMES:
                fail(f"{where}: {key} {v!r} is capitalised but no name, school, step title or term of the knowledge base")
            if title_step(v) and key != "not_contains" and not steps:
                fail(f"{where}: {key} names the step {v!r} without a kb stap note")
    if "choices_include" in expect and not steps:
        fail(f"{where}: choices_include without a kb stap note")

    # glossary
    body = ""
    for k in terms:
        term = BEGRIPPEN.get(k["begrip"])
        if term is None:
            fail(f"{where}: kb begrip {k['begrip']!r} is no term in begrippen.yaml")
            continue
        body += " " + " ".join([term["term"], term["uitleg"], *term["synoniemen"]]).lower()
    if terms and not steps:
        for key in ("contains", "contains_any"):
            vals = expect.get(key, [])
            ok = [v for v in vals if v.lower() in body]
            if key == "contains" and len(ok) != len(vals):
                fail(f"{where}: contains {vals} not all in the term(s) {[k['begrip'] for k in terms]}")
            if key == "contains_any" and vals and not ok:
                fail(f"{where}: contains_any {vals}: none in the term(s) {[k['begrip'] for k in terms]}")


def check_conversations() -> dict:
    items = yaml.safe_load((HERE / "dev10.yaml").read_text(encoding="utf-8"))
    if not isinstance(items, list):
        fail("dev10.yaml is not a list")
        return {}
    parts = Counter()
    key_use: Counter = Counter()
    turns_total = 0
    ids = set()
    for conv in items:
        cid = conv.get("id", "?")
        m = re.fullmatch(r"d10-([abc])(\d\d)", cid)
        if not m:
            fail(f"{cid}: id not d10-a01/b01/c01 style")
            continue
        if cid in ids:
            fail(f"{cid}: duplicate id")
        ids.add(cid)
        part = m.group(1)
        parts[part] += 1
        for key in conv:
            if key not in ("id", "note", "who", "wijk", "turns"):
                fail(f"{cid}: unknown conversation key {key!r}")
        if conv.get("who", "ib") not in ("ib", "adviseur"):
            fail(f"{cid}: who {conv.get('who')!r}")
        if "wijk" in conv and conv["wijk"] not in WIJK_GEMEENTE:
            fail(f"{cid}: wijk {conv['wijk']!r} is no wijk of the knowledge base")
        if not conv.get("note"):
            fail(f"{cid}: no note")
        said = 0
        for t in conv.get("turns", []):
            if "wait_minutes" in t:
                if set(t) - {"wait_minutes", "note"} or not isinstance(t["wait_minutes"], int):
                    fail(f"{cid}: a wait turn holds only wait_minutes (an int): {t}")
                continue
            said += 1
            for key in t:
                if key not in ("say", "expect", "kb", "note"):
                    fail(f"{cid} turn {said}: unknown turn key {key!r}")
            if not isinstance(t.get("say"), str) or not t["say"].strip():
                fail(f"{cid} turn {said}: no say")
            elif "\n" in t["say"]:
                fail(f"{cid} turn {said}: say holds a newline")
            check_turn(cid, said, t, key_use)
        turns_total += said
        lo, hi = {"a": (1, 3), "b": (4, 8), "c": (2, 8)}[part]
        if not lo <= said <= hi:
            fail(f"{cid}: {said} turns, part {part} wants {lo}-{hi}")
        if conv["turns"] and "wait_minutes" in conv["turns"][-1]:
            fail(f"{cid}: ends with a wait")
    if dict(parts) != {"a": 15, "b": 30, "c": 15}:
        fail(f"parts {dict(parts)}, want a 15, b 30, c 15")
    return {"conversations": len(items), "parts": dict(parts), "turns": turns_total, "keys": dict(key_use)}


# ───────────────────────────── single messages ─────────────────────────────

INTENTS = {"partner_lookup", "expertise_lookup", "glossary", "route", "signal", "subscribe", "unsubscribe",
           "greeting", "thanks", "help", "unknown"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
ROL_VALUES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib", "steunpunt"}
THEMAS = {"armoede", "veiligheid", "verzuim"}
ROLE_WORDS = re.compile(r"\b(smw\w*|lpa|leerplicht\w*|jgz|jeugdarts|jeugdverpleegkundige|jeugdteam|jeugdconsulent|"
                        r"wijkagent|adviseur|ib|ib'?er|intern begeleider|lokaal team)\b")


def synonyms_in(text: str) -> set[str]:
    low = text.lower()
    found = set()
    for term, b in BEGRIPPEN.items():
        for syn in b["synoniemen"]:
            if re.search(r"(?<![\w'])" + re.escape(syn.lower()) + r"(?![\w'])", low):
                found.add(term)
    return found


def check_utterances() -> dict:
    items = yaml.safe_load((HERE / "dev10_utterances.yaml").read_text(encoding="utf-8"))
    intents: Counter = Counter()
    seen = set()
    for n, item in enumerate(items, 1):
        where = f"utterance {n} {item.get('t')!r}"
        if set(item) - {"t", "i", "e", "note"}:
            fail(f"{where}: unknown keys {set(item) - {'t', 'i', 'e', 'note'}}")
        t, i, e = item.get("t"), item.get("i"), item.get("e") or {}
        if not isinstance(t, str) or not t.strip():
            fail(f"{where}: no text")
            continue
        if t.lower() in seen:
            fail(f"{where}: duplicate")
        seen.add(t.lower())
        intents[i] += 1
        if i not in INTENTS:
            fail(f"{where}: intent {i!r} unknown")
        for k, v in e.items():
            if k not in ENTITIES:
                fail(f"{where}: entity {k!r} unknown")
            if v in (None, ""):
                fail(f"{where}: entity {k} listed but empty (list only non-null entities)")
        if "rol" in e and e["rol"] not in ROL_VALUES:
            fail(f"{where}: rol {e['rol']!r}")
        if "wijk" in e:
            if e["wijk"] not in WIJK_GEMEENTE:
                fail(f"{where}: wijk {e['wijk']!r} is no wijk name of gebieden.yaml")
            elif e.get("gemeente") != WIJK_GEMEENTE[e["wijk"]]:
                fail(f"{where}: wijk {e['wijk']} gives gemeente {WIJK_GEMEENTE[e['wijk']]}, got {e.get('gemeente')}")
        if "school" in e:
            if e["school"] not in SCHOLEN:
                fail(f"{where}: school {e['school']!r} unknown")
            else:
                gem = SCHOLEN[e["school"]]["wijk"].split(":")[0]
                if e.get("gemeente") != gem:
                    fail(f"{where}: school gives gemeente {gem}, got {e.get('gemeente')}")
                if "wijk" in e:
                    fail(f"{where}: a school gives its gemeente, not its wijk")
        if "gemeente" in e and e["gemeente"] not in GEMEENTE_AREA and e["gemeente"] not in CBS:
            fail(f"{where}: gemeente {e['gemeente']!r} neither in gebieden.yaml nor a CBS name")
        if "expertise" in e and e["expertise"] not in EXPERTISES:
            fail(f"{where}: expertise {e['expertise']!r}")
        if "thema" in e and e["thema"] not in THEMAS:
            fail(f"{where}: thema {e['thema']!r} not armoede/veiligheid/verzuim")
        if "route" in e and e["route"] not in ("algemeen", "verzuim", "meldcode"):
            fail(f"{where}: route {e['route']!r}")
        if "begrip" in e and e["begrip"] not in BEGRIPPEN:
            fail(f"{where}: begrip {e['begrip']!r} is no term")
        if i == "unknown":
            continue  # entities named there are listed but not scored
        if i == "route" and "route" not in e:
            fail(f"{where}: a route item names its route")
        if i != "route" and "route" in e:
            fail(f"{where}: route only for route items")
        if i == "expertise_lookup" and "expertise" not in e:
            fail(f"{where}: expertise lookup without expertise")
        if i == "glossary" and "begrip" not in e:
            fail(f"{where}: glossary item without begrip")
        if i in ("glossary", "route"):
            hits = synonyms_in(t)
            if "begrip" in e and e["begrip"] not in hits:
                fail(f"{where}: begrip {e['begrip']!r}, but none of its synonyms is in the text (hits {sorted(hits)})")
            if "begrip" not in e and hits:
                fail(f"{where}: synonyms of {sorted(hits)} are in the text, but no begrip is expected")
            if len(hits) > 1:
                fail(f"{where}: synonyms of several terms in the text {sorted(hits)}: ambiguous, rephrase")
        elif "begrip" in e:
            fail(f"{where}: begrip only for glossary and route items")
        if i in ("signal", "route") and ROLE_WORDS.search(t.lower()):
            fail(f"{where}: role word in a {i} item (keeps rol null)")
        if i in ("signal", "route") and "rol" in e:
            fail(f"{where}: rol in a {i} item")
        if i in ("greeting", "thanks", "help", "unsubscribe") and e:
            fail(f"{where}: {i} with entities {e}")
    unknown = intents["unknown"]
    if len(items) != 150:
        fail(f"{len(items)} single messages, want 150")
    if not 32 <= unknown <= 38:
        fail(f"{unknown} unknown items, want about 35")
    return {"utterances": len(items), "intents": dict(intents)}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--lookup":
        args = sys.argv[2:]
        if args[0] in EXPERTISES:
            print(sorted(lookup({"expertise": args[0], "gebied": args[1]})))
        elif args[1] in SCHOLEN:
            print(sorted(lookup({"rol": args[0], "school": args[1]})))
        else:
            print(sorted(lookup({"rol": args[0], "gebied": args[1]})))
        return 0
    conv = check_conversations()
    utt = check_utterances()
    print(f"checker expect keys: {sorted(CHECKER_KEYS)}")
    print(f"checker reads turn keys: {sorted(TURN_READS)} (kb/note are ignored)")
    print(f"conversations: {conv}")
    print(f"single messages: {utt}")
    if errors:
        print(f"\n{len(errors)} FAILED:")
        for e in errors:
            print("  - " + e)
        return 1
    print("\nOK: all checks pass")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
