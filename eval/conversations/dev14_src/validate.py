"""Structure and fact check of the DEV14 evaluation set (conv_dev14).

    /work/main/.venv/bin/python validate.py            # checks dev14.yaml and dev14_utterances.yaml here
    /work/main/.venv/bin/python validate.py DIR        # checks the two files in DIR instead

Loads only YAML/text data: the knowledge base files in /work/main/wijkwijzer/knowledge/data/
(gebieden.yaml, scholen.yaml, ketenpartners.yaml, route.yaml, begrippen.yaml, gemeenten.txt), never
the bot's code. Every expected fact is recomputed from the `kb:` note of its turn or item:

  conversation turns (dev14.yaml)
    lookup: {rol, place | school, functie?} (or a list)  -> `contacts` must hold every contact of the
            most specific level that covers the place (wijk -> stadsdeel/kern -> gemeente), and
            nothing outside the contacts of any level; a `not_contains` name must be a contact of
            the same rol that does NOT cover the place (wrong wijk, wrong sub-role)
    ib: SCHOOL (or a list)   -> `contacts` holds that school's IB'er
    absent: {place, rol?}    -> no lookup may happen: `not_contains` holds every contact the lookup
                                would give (all roles when rol is left out); no `contacts`
    step: ID                 -> `route_step` is the step's title; `choices_include` are its labels;
                                `asks: true` needs a step with a question
    pick: LABEL              -> the previous step's option LABEL leads to this step
    steps_any: [IDs]         -> `contains_any` is exactly those steps' titles
    not_steps: [IDs]         -> those titles are in `not_contains`
    step_text: ID            -> every other `contains` fragment is in that step's own text
    begrip: TERM             -> every other `contains` fragment is in that term's explanation
    candidates: FRAGMENT     -> `contains` names exactly the schools whose name holds FRAGMENT (>= 2),
                                each by a part of its name that fits no other candidate; `asks: true`
    expertise: {tag, place}  -> `schools_all` names exactly the schools of the place with that tag
    outside: GEMEENTE        -> a CBS gemeente (gemeenten.txt) that is not in the knowledge base
    asks_place: {rol, place} -> a gemeente with several wijk contacts for the rol; `asks: true`
    wijken: [WIJK]           -> `contains`/`not_contains` place names are canonical wijk names
    signal: pending|saved|cancelled|refused|expired -> `signal_saved` agrees, and the signal's life
                                (pending before saved/cancelled, 31+ idle minutes before expired) holds
    privacy_name: NAME       -> the one child's name in a privacy test (no lookup on that turn)
    unsubscribe/subscribe    -> documentation only

  single messages (dev14_utterances.yaml)
    entity values are canonical knowledge-base values; a wijk/school entity is named in the text (by
    name, alias or the `typo` of the note, at most 2 edits away); the gemeente follows the wijk or
    school; `begrip` is the single term whose synonym is in the text (route and glossary only);
    a route item has a `step` note of its route; at least 30 unknown items.

Exit status 1 with a list of failures; prints OK otherwise.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent  # installed as eval/conversations/dev14_src/
DATA = HERE.parent.parent / "wijkwijzer" / "knowledge" / "data"

EXPECT_LISTS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_any",
                "schools_all", "choices_include"}
EXPECT_BOOLS = {"no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"}
EXPECT_KEYS = EXPECT_LISTS | EXPECT_BOOLS | {"route_step"}
TURN_NOTES = {"lookup", "ib", "absent", "step", "pick", "steps_any", "not_steps", "step_text", "begrip",
              "candidates", "expertise", "outside", "asks_place", "wijken", "signal", "privacy_name",
              "unsubscribe", "subscribe"}
WHO = {"ib", "adviseur", "beheerder", "gast"}
INTENTS = {"partner_lookup", "expertise_lookup", "glossary", "route", "signal", "subscribe", "unsubscribe",
           "greeting", "thanks", "help", "unknown"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
ROLES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib", "steunpunt", "veilig_thuis"}
THEMAS = {"armoede", "veiligheid", "verzuim"}
ROUTES = {"algemeen", "verzuim", "meldcode"}
LOOKUP_ROLES = ROLES - {"ib", "steunpunt", "veilig_thuis"}
SCHOOL_PREFIXES = {"ikc", "basisschool", "obs", "cbs", "sbo", "kindcentrum", "de", "het"}
# First names that must not occur in a message outside a privacy test (a small list of common ones).
FIRST_NAMES = {
    "noah", "sophie", "mila", "emma", "julia", "tess", "zoe", "sara", "anna", "eva", "lotte", "fleur",
    "nina", "lisa", "yara", "saar", "liv", "nora", "lieke", "iris", "roos", "sem", "daan", "lucas",
    "levi", "finn", "luuk", "milan", "jesse", "bram", "thijs", "liam", "mees", "adam", "mohammed",
    "mohamed", "ayoub", "yusuf", "ibrahim", "amir", "rayan", "fatima", "aya", "nour", "ines", "sofia",
    "jayden", "dylan", "kevin", "ruben", "tim", "max", "sam", "thomas", "lars", "stijn", "jan", "piet",
}

failures: list[str] = []


def fail(where: str, message: str) -> None:
    failures.append(f"{where}: {message}")


def low(text: str) -> str:
    return text.lower()


def edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


# ───────────────────────────── knowledge base ─────────────────────────────

class KB:
    def __init__(self) -> None:
        geb = yaml.safe_load((DATA / "gebieden.yaml").read_text(encoding="utf-8"))
        self.gemeenten: dict[str, dict] = {}
        self.parts: dict[str, dict] = {}
        self.wijken: dict[str, dict] = {}          # id "G: W" -> info
        self.wijk_by_name: dict[str, list[str]] = {}
        for g in geb["gemeenten"]:
            gname = g["naam"]
            self.gemeenten[gname] = {"aliases": list(g.get("aliassen") or []), "parts": [], "wijken": []}
            for part in g.get("delen") or []:
                pid = f"{gname}: {part['soort']} {part['naam']}"
                self.parts[pid] = {"gemeente": gname, "naam": part["naam"], "aliases": list(part.get("aliassen") or []),
                                   "wijken": []}
                self.gemeenten[gname]["parts"].append(pid)
                for w in part.get("wijken") or []:
                    self._wijk(gname, pid, w)
            for w in g.get("wijken") or []:
                self._wijk(gname, None, w)
        sch = yaml.safe_load((DATA / "scholen.yaml").read_text(encoding="utf-8"))
        self.schools = {s["naam"]: s for s in sch["scholen"]}
        self.expertise_tags = {e for s in self.schools.values() for e in s.get("expertise") or []}
        kp = yaml.safe_load((DATA / "ketenpartners.yaml").read_text(encoding="utf-8"))
        self.contacts = [dict(c, org=o["naam"]) for o in kp["organisaties"] for c in o["contacten"]]
        self.ib_names = {s["ib"]["naam"]: name for name, s in self.schools.items() if s.get("ib")}
        self.person_names = {c["naam"] for c in self.contacts} | set(self.ib_names)
        route = yaml.safe_load((DATA / "route.yaml").read_text(encoding="utf-8"))
        self.steps = {s["id"]: s for s in route["stappen"]}
        self.role_names = {r["id"]: r["naam"] for r in route["rollen"]}
        self.titles = {s["titel"]: sid for sid, s in self.steps.items()}
        beg = yaml.safe_load((DATA / "begrippen.yaml").read_text(encoding="utf-8"))
        self.begrippen = {b["term"]: b for b in beg["begrippen"]}
        self.cbs: dict[str, str] = {}               # lower name or alias -> CBS name
        for line in (DATA / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("|")]
            names = [cols[1]] + ([a.strip() for a in cols[2].split(",") if a.strip()] if len(cols) > 2 else [])
            for n in names:
                self.cbs[n.lower()] = cols[1]
                self.cbs[re.sub(r"\s*\(.*\)$", "", n).lower()] = cols[1]
        self.kb_place_words = {n.lower() for n in self.gemeenten} | {a.lower() for g in self.gemeenten.values()
                                                                      for a in g["aliases"]}
        self.kb_place_words |= {p["naam"].lower() for p in self.parts.values()}
        self.kb_place_words |= {a.lower() for p in self.parts.values() for a in p["aliases"]}
        self.kb_place_words |= {w["naam"].lower() for w in self.wijken.values()}
        self.kb_place_words |= {a.lower() for w in self.wijken.values() for a in w["aliases"]}

    def _wijk(self, gname: str, pid: str | None, w: dict) -> None:
        wid = f"{gname}: {w['naam']}"
        self.wijken[wid] = {"gemeente": gname, "part": pid, "naam": w["naam"], "aliases": list(w.get("aliassen") or [])}
        self.gemeenten[gname]["wijken"].append(wid)
        if pid:
            self.parts[pid]["wijken"].append(wid)
        self.wijk_by_name.setdefault(w["naam"], []).append(wid)

    # places
    def kind(self, place: str) -> str:
        if place in self.wijken:
            return "wijk"
        if place in self.parts:
            return "part"
        if place in self.gemeenten:
            return "gemeente"
        raise KeyError(place)

    def covered_ids(self, place: str) -> list[list[str]]:
        """Levels of area ids, most specific first, that a contact's werkgebied may name for the place."""
        k = self.kind(place)
        if k == "wijk":
            w = self.wijken[place]
            levels = [[place]]
            if w["part"]:
                levels.append([w["part"]])
            levels.append([w["gemeente"]])
            return levels
        if k == "part":
            p = self.parts[place]
            return [[place, *p["wijken"]], [p["gemeente"]]]
        g = self.gemeenten[place]
        return [[place], [*g["parts"], *g["wijken"]]]

    def people(self, rol: str | None, functie: str | None, ids: list[str]) -> set[str]:
        return {c["naam"] for c in self.contacts
                if (rol is None or c["rol"] == rol) and (functie is None or c["functie"] == functie)
                and any(i in c["werkgebied"] for i in ids)}

    def lookup(self, rol: str, place: str | None = None, school: str | None = None,
               functie: str | None = None) -> tuple[set[str], set[str]]:
        """(specific, broad): the contacts of the most specific level that has any, and of all levels."""
        specific: set[str] = set()
        broad: set[str] = set()
        if school is not None:
            s = self.schools[school]
            if rol == "smw":
                specific = {c["naam"] for c in self.contacts if c["rol"] == rol and school in (c.get("scholen") or [])
                            and (functie is None or c["functie"] == functie)}
                broad = set(specific)
            place = s["wijk"]
        levels = self.covered_ids(place)
        for ids in levels:
            found = self.people(rol, functie, ids)
            broad |= found
            if found and not specific:
                specific = found
        return specific, broad

    def schools_in(self, place: str) -> list[str]:
        k = self.kind(place)
        if k == "wijk":
            return [n for n, s in self.schools.items() if s["wijk"] == place]
        if k == "part":
            return [n for n, s in self.schools.items() if s["wijk"] in self.parts[place]["wijken"]]
        return [n for n, s in self.schools.items() if self.wijken[s["wijk"]]["gemeente"] == place]

    def step_text(self, sid: str) -> str:
        s = self.steps[sid]
        bits = [s["titel"], s.get("uitleg") or "", s.get("vraag") or "", s.get("termijn") or "", s.get("wet") or ""]
        bits += [str(d) for d in s.get("documenten") or []]
        bits += [o["label"] for o in s.get("opties") or []]
        bits += [self.role_names.get(r, r) for r in s.get("betrokken_rollen") or []]
        return " ".join(bits)

    def wijk_names_for(self, name: str) -> list[str]:
        return self.wijk_by_name.get(name, [])

    def mentions(self, text: str, names: list[str], typo: str | None = None) -> bool:
        t = low(text)
        for n in names:
            if re.search(r"(?<![\w])" + re.escape(n.lower()) + r"(?![\w])", t):
                return True
        if typo and typo.lower() in t:
            squeezed = typo.lower().replace(" ", "")
            return any(edits(squeezed, n.lower().replace(" ", "")) <= 2 for n in names)
        return False


# ───────────────────────────── conversations ─────────────────────────────

def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def check_conversations(kb: KB, items) -> int:
    if not isinstance(items, list):
        fail("dev14.yaml", "top level must be a list")
        return 0
    ids = Counter(c.get("id") for c in items if isinstance(c, dict))
    for cid, n in ids.items():
        if n > 1:
            fail("dev14.yaml", f"id {cid} used {n} times")
    parts = Counter()
    total_turns = 0
    for conv in items:
        cid = conv.get("id", "?") if isinstance(conv, dict) else "?"
        if not isinstance(conv, dict):
            fail(cid, "conversation must be a mapping")
            continue
        unknown_keys = set(conv) - {"id", "part", "note", "who", "wijk", "turns"}
        if unknown_keys:
            fail(cid, f"unknown conversation keys {sorted(unknown_keys)}")
        m = re.fullmatch(r"d14-([abc])(\d\d)", str(cid))
        if not m:
            fail(cid, "id must look like d14-a01")
        elif conv.get("part") != m.group(1):
            fail(cid, f"part {conv.get('part')!r} does not match the id")
        parts[conv.get("part")] += 1
        if not conv.get("note"):
            fail(cid, "note missing")
        who = conv.get("who", "ib")
        if who not in WHO:
            fail(cid, f"who {who!r} not one of {sorted(WHO)}")
        own = conv.get("wijk")
        if own is not None and not kb.wijk_names_for(own):
            fail(cid, f"wijk {own!r} is not a wijk of the knowledge base")
        turns = conv.get("turns")
        if not isinstance(turns, list):
            fail(cid, "turns must be a list")
            continue
        says = [t for t in turns if isinstance(t, dict) and "say" in t]
        if not 3 <= len(says) <= 8:
            fail(cid, f"{len(says)} message turns (must be 3-8)")
        total_turns += len(says)
        check_turns(kb, cid, who, turns)
    for p in "abc":
        if parts[p] != 20:
            fail("dev14.yaml", f"part {p} has {parts[p]} conversations (must be 20)")
    if len(items) != 60:
        fail("dev14.yaml", f"{len(items)} conversations (must be 60)")
    if not 240 <= total_turns <= 280:
        fail("dev14.yaml", f"{total_turns} message turns (must be about 260)")
    return total_turns


def check_turns(kb: KB, cid: str, who: str, turns: list) -> None:
    previous_step: str | None = None
    signal_state = "none"            # none | pending | closed
    idle_since_pending = 0
    number = 0
    for turn in turns:
        if not isinstance(turn, dict):
            fail(cid, "turn must be a mapping")
            continue
        if "wait_minutes" in turn:
            if set(turn) != {"wait_minutes"} or not isinstance(turn["wait_minutes"], int) or turn["wait_minutes"] <= 0:
                fail(cid, "a wait turn holds only a positive integer wait_minutes")
            else:
                idle_since_pending += turn["wait_minutes"]
            continue
        number += 1
        where = f"{cid} turn {number}"
        extra = set(turn) - {"say", "expect", "kb"}
        if extra:
            fail(where, f"unknown turn keys {sorted(extra)}")
        say = turn.get("say")
        if not isinstance(say, str) or not say.strip() or "\n" in say:
            fail(where, "say must be one non-empty line")
            continue
        expect = turn.get("expect")
        note = turn.get("kb")
        if not isinstance(expect, dict) or not expect:
            fail(where, "expect must be a non-empty mapping")
            continue
        if not isinstance(note, dict) or not note:
            fail(where, "kb note missing (every turn carries one)")
            continue
        for key, value in expect.items():
            if key not in EXPECT_KEYS:
                fail(where, f"unknown expect key {key!r}")
            elif key in EXPECT_LISTS and not (isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)):
                fail(where, f"{key} must be a non-empty list of strings")
            elif key in EXPECT_BOOLS and not isinstance(value, bool):
                fail(where, f"{key} must be true or false")
            elif key == "route_step" and not (isinstance(value, str) and value):
                fail(where, "route_step must be a string")
        bad_notes = set(note) - TURN_NOTES
        if bad_notes:
            fail(where, f"unknown kb note keys {sorted(bad_notes)}")
            continue
        check_names_in_say(where, say, note)
        justified: set[str] = set()      # expectation strings accounted for by a note

        # ── contacts ──
        lookups = as_list(note.get("lookup"))
        specific: set[str] = set()
        broad: set[str] = set()
        rols: set[str] = set()
        for lk in lookups:
            try:
                rol, place, school, functie = lk["rol"], lk.get("place"), lk.get("school"), lk.get("functie")
                if rol not in LOOKUP_ROLES:
                    raise KeyError(f"rol {rol}")
                if (place is None) == (school is None):
                    raise KeyError("give place or school")
                if school is not None and school not in kb.schools:
                    raise KeyError(f"school {school}")
                sp, br = kb.lookup(rol, place, school, functie)
            except KeyError as e:
                fail(where, f"lookup note {lk}: unknown {e}")
                continue
            if not sp:
                fail(where, f"lookup {lk} finds nobody in the knowledge base")
            specific |= sp
            broad |= br
            rols.add(rol)
        ib_people: set[str] = set()
        for school in as_list(note.get("ib")):
            if school not in kb.schools or not kb.schools[school].get("ib"):
                fail(where, f"ib note: {school!r} is no school with an IB'er")
                continue
            ib_people.add(kb.schools[school]["ib"]["naam"])
        contacts = expect.get("contacts")
        if lookups or ib_people:
            if who == "gast":
                fail(where, "a gast gets no contact names, but the turn expects a lookup")
            if contacts is None:
                fail(where, "lookup/ib note without `contacts`")
            else:
                required = specific | ib_people
                allowed = broad | ib_people
                missing = required - set(contacts)
                wrong = set(contacts) - allowed
                if missing:
                    fail(where, f"contacts miss {sorted(missing)} (knowledge base: {sorted(required)})")
                if wrong:
                    fail(where, f"contacts {sorted(wrong)} are not what the knowledge base gives ({sorted(allowed)})")
                justified |= set(contacts)
        elif contacts is not None or expect.get("contacts_any"):
            fail(where, "contacts expected without a lookup/ib note")
        for name in expect.get("contacts_any") or []:
            if name not in broad | ib_people:
                fail(where, f"contacts_any {name!r} not given by the knowledge base")
            justified.add(name)

        absent = note.get("absent")
        absent_people: set[str] = set()
        if absent is not None:
            try:
                place = absent["place"]
                kb.kind(place)
                for rol in ([absent["rol"]] if absent.get("rol") else sorted(LOOKUP_ROLES)):
                    absent_people |= kb.lookup(rol, place)[0]
            except KeyError as e:
                fail(where, f"absent note {absent}: unknown {e}")
            missing = absent_people - set(expect.get("not_contains") or [])
            if missing:
                fail(where, f"no-lookup turn must list {sorted(missing)} in not_contains")
            if "lookup" not in note and contacts is not None:
                fail(where, "no-lookup turn expects contacts")
        privacy = note.get("privacy_name")
        if privacy is not None:
            if privacy not in say:
                fail(where, f"privacy name {privacy!r} not in the message")
            if contacts is not None:
                fail(where, "privacy test must not expect a lookup")
            justified.add(privacy)

        for name in expect.get("not_contains") or []:
            if name not in kb.person_names:
                continue
            if name in absent_people:
                justified.add(name)
            elif name in broad or name in ib_people:
                fail(where, f"not_contains {name!r}, but the knowledge base gives that person for this lookup")
            elif (name in kb.ib_names and note.get("ib")) or any(
                    c["naam"] == name and c["rol"] in rols for c in kb.contacts):
                justified.add(name)
            else:
                fail(where, f"not_contains {name!r} is no person of the role looked up")

        # ── route steps ──
        sid = note.get("step")
        if sid is not None:
            if sid not in kb.steps:
                fail(where, f"step {sid!r} not in route.yaml")
            else:
                step = kb.steps[sid]
                if expect.get("route_step") != step["titel"]:
                    fail(where, f"route_step {expect.get('route_step')!r} is not the title {step['titel']!r}")
                justified.add(step["titel"])
                labels = [o["label"] for o in step.get("opties") or []]
                for label in expect.get("choices_include") or []:
                    if label not in labels:
                        fail(where, f"choice {label!r} is not an option of {sid} ({labels})")
                if expect.get("asks") is True and not step.get("vraag"):
                    fail(where, f"asks: true but step {sid} has no question")
                pick = note.get("pick")
                if pick is not None:
                    if previous_step is None:
                        fail(where, "pick without an earlier step in the conversation")
                    else:
                        options = {o["label"]: o["volgende"] for o in kb.steps[previous_step].get("opties") or []}
                        if pick not in options:
                            fail(where, f"pick {pick!r} is no option of {previous_step} ({sorted(options)})")
                        elif options[pick] != sid:
                            fail(where, f"option {pick!r} of {previous_step} leads to {options[pick]}, not {sid}")
            previous_step = sid if sid in kb.steps else None
        else:
            if "route_step" in expect:
                fail(where, "route_step without a step note")
            if expect.get("choices_include"):
                fail(where, "choices_include without a step note")
            if note.get("pick"):
                fail(where, "pick without a step note")
        if note.get("steps_any") is not None:
            titles = []
            for s in as_list(note["steps_any"]):
                if s not in kb.steps:
                    fail(where, f"steps_any {s!r} not in route.yaml")
                else:
                    titles.append(kb.steps[s]["titel"])
            if set(expect.get("contains_any") or []) != set(titles):
                fail(where, f"contains_any must be the titles {titles}")
            justified |= set(titles)
            previous_step = None
        for s in as_list(note.get("not_steps")):
            if s not in kb.steps:
                fail(where, f"not_steps {s!r} not in route.yaml")
                continue
            if kb.steps[s]["titel"] not in (expect.get("not_contains") or []):
                fail(where, f"not_contains must hold the title of {s}")
            justified.add(kb.steps[s]["titel"])
        for value in [*(expect.get("contains") or []), *(expect.get("contains_any") or []),
                      *(expect.get("not_contains") or [])]:
            if value in kb.titles and value not in justified:
                fail(where, f"step title {value!r} expected without a step/steps_any/not_steps note")
                justified.add(value)

        # ── schools ──
        frag = note.get("candidates")
        if frag is not None:
            cands = [n for n in kb.schools if frag.lower() in n.lower()]
            given = [v for v in expect.get("contains") or [] if v not in justified]
            if len(cands) < 2:
                fail(where, f"candidates {frag!r} match {cands} (need at least 2)")
            covered = set()
            for g in given:
                hits = [n for n in cands if g.lower() in n.lower()]
                if len(hits) != 1:
                    fail(where, f"candidate {g!r} fits {hits} (must fit exactly one of {cands})")
                else:
                    covered.add(hits[0])
                justified.add(g)
            if covered != set(cands):
                fail(where, f"candidates expected {sorted(covered)}, knowledge base: {sorted(cands)}")
            if expect.get("asks") is not True:
                fail(where, "an ask-back with candidates needs asks: true")
        ex = note.get("expertise")
        if ex is not None:
            try:
                if ex["tag"] not in kb.expertise_tags:
                    raise KeyError(f"tag {ex['tag']}")
                result = [n for n in kb.schools_in(ex["place"]) if ex["tag"] in (kb.schools[n].get("expertise") or [])]
            except KeyError as e:
                fail(where, f"expertise note {ex}: unknown {e}")
                result = []
            covered = set()
            for g in expect.get("schools_all") or []:
                hits = [n for n in result if g.lower() in n.lower()]
                if len(hits) != 1:
                    fail(where, f"school {g!r} fits {hits} of the knowledge base's {result}")
                else:
                    covered.add(hits[0])
            if covered != set(result) or not result:
                fail(where, f"schools_all {sorted(covered)}, knowledge base: {sorted(result)}")
        elif expect.get("schools_all") or expect.get("schools_any"):
            fail(where, "schools expected without an expertise note")

        # ── places ──
        outside = note.get("outside")
        if outside is not None:
            if outside.lower() not in kb.cbs or kb.cbs[outside.lower()] != outside:
                fail(where, f"{outside!r} is not a CBS gemeente name of gemeenten.txt")
            if outside.lower() in kb.kb_place_words:
                fail(where, f"{outside!r} is a place of the knowledge base, not outside it")
            if outside not in (expect.get("contains") or []):
                fail(where, f"contains must name {outside!r}")
            justified.add(outside)
        ap = note.get("asks_place")
        if ap is not None:
            try:
                g = kb.gemeenten[ap["place"]]
                distinct = set()
                for wid in g["wijken"]:
                    distinct |= kb.people(ap["rol"], None, [wid])
                if len(g["wijken"]) < 2 or len(distinct) < 2:
                    fail(where, f"{ap['place']} has one {ap['rol']} for all; asking back is not needed")
            except KeyError as e:
                fail(where, f"asks_place note {ap}: unknown {e}")
            if expect.get("asks") is not True:
                fail(where, "asks_place needs asks: true")
        listed = as_list(note.get("wijken"))
        for w in listed:
            if not kb.wijk_names_for(w):
                fail(where, f"wijk {w!r} is not a canonical wijk name")
        for value in [*(expect.get("contains") or []), *(expect.get("not_contains") or [])]:
            if value in justified or value in kb.person_names:
                continue
            if kb.wijk_names_for(value):
                if value not in listed:
                    fail(where, f"wijk {value!r} expected without a wijken note")
                justified.add(value)

        # ── texts of steps and begrippen ──
        bundle = ""
        if note.get("step_text") is not None:
            if note["step_text"] not in kb.steps:
                fail(where, f"step_text {note['step_text']!r} not in route.yaml")
            else:
                bundle += " " + kb.step_text(note["step_text"])
        if note.get("begrip") is not None:
            if note["begrip"] not in kb.begrippen:
                fail(where, f"begrip {note['begrip']!r} not in begrippen.yaml")
            else:
                bundle += " " + kb.begrippen[note["begrip"]]["uitleg"]
        for key in ("contains", "contains_any", "not_contains"):
            for value in expect.get(key) or []:
                if value in justified:
                    continue
                if value in kb.person_names:
                    fail(where, f"{key} {value!r} is a person without a note that accounts for it")
                    continue
                if bundle and key != "not_contains" and value.lower() in bundle.lower():
                    continue
                fail(where, f"{key} {value!r} is accounted for by no kb note")

        # ── signals ──
        sig = note.get("signal")
        saved = expect.get("signal_saved")
        if saved is True and sig != "saved":
            fail(where, "signal_saved: true without signal: saved")
        if sig is not None:
            if sig not in {"pending", "saved", "cancelled", "refused", "expired"}:
                fail(where, f"signal {sig!r} unknown")
            elif sig == "saved":
                if saved is not True:
                    fail(where, "signal: saved needs signal_saved: true")
                if signal_state != "pending":
                    fail(where, "a signal is saved without one pending")
                elif idle_since_pending > 30:
                    fail(where, "the pending signal expired (more than 30 idle minutes) before it was confirmed")
                if who == "gast":
                    fail(where, "a gast cannot save a signal")
                signal_state = "closed"
            else:
                if saved is not False:
                    fail(where, f"signal: {sig} needs signal_saved: false")
                if sig == "pending":
                    signal_state = "pending"
                    idle_since_pending = 0
                    for w in listed:
                        names = [w] + [a for wid in kb.wijk_names_for(w) for a in kb.wijken[wid]["aliases"]]
                        if not kb.mentions(say, names):
                            fail(where, f"the signal's wijk {w!r} is not named in the message")
                elif sig == "cancelled":
                    if signal_state != "pending" or idle_since_pending > 30:
                        fail(where, "a signal is cancelled without one pending")
                    signal_state = "closed"
                elif sig == "expired":
                    if signal_state != "pending" or idle_since_pending <= 30:
                        fail(where, "expired needs a pending signal and more than 30 idle minutes")
                    signal_state = "closed"


def check_names_in_say(where: str, say: str, note: dict | None) -> None:
    allowed = (note or {}).get("privacy_name")
    for word in re.findall(r"[a-zà-ÿ]+", say.lower()):
        if word in FIRST_NAMES and (allowed is None or word != allowed.lower()):
            fail(where, f"a child's name {word!r} outside a privacy test")
    rest = say.replace(allowed, "") if allowed else say
    if any(ch.isupper() for ch in rest):
        fail(where, "capital letters (messages are typed in lower case, names only in privacy tests)")


# ───────────────────────────── single messages ─────────────────────────────

def begrip_matches(kb: KB, text: str) -> set[str]:
    t = low(text)
    spans = []
    for term, b in kb.begrippen.items():
        for syn in b.get("synoniemen") or []:
            for m in re.finditer(r"(?<![\w])" + re.escape(syn.lower()) + r"(?![\w])", t):
                spans.append((m.start(), m.end(), term))
    kept = {term for s, e, term in spans
            if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) and t2 != term for s2, e2, t2 in spans)}
    return kept


def check_utterances(kb: KB, items) -> tuple[int, int]:
    if not isinstance(items, list):
        fail("dev14_utterances.yaml", "top level must be a list")
        return 0, 0
    texts = Counter(i.get("t") for i in items if isinstance(i, dict))
    for t, n in texts.items():
        if n > 1:
            fail("utterances", f"{t!r} occurs {n} times")
    unknown = 0
    for n, item in enumerate(items, 1):
        where = f"utterance {n}"
        if not isinstance(item, dict):
            fail(where, "must be a mapping")
            continue
        extra = set(item) - {"t", "i", "e", "kb"}
        if extra:
            fail(where, f"unknown keys {sorted(extra)}")
        t, i, e, note = item.get("t"), item.get("i"), item.get("e"), item.get("kb") or {}
        if not isinstance(t, str) or not t.strip() or "\n" in t:
            fail(where, "t must be one non-empty line")
            continue
        where = f"utterance {n} {t!r}"
        if i not in INTENTS:
            fail(where, f"intent {i!r} not one of {sorted(INTENTS)}")
            continue
        unknown += i == "unknown"
        if not isinstance(e, dict):
            fail(where, "e must be a mapping ({} for none)")
            continue
        bad = set(e) - ENTITIES
        if bad:
            fail(where, f"unknown entities {sorted(bad)}")
        if set(note) - {"typo", "step", "privacy_name"}:
            fail(where, f"unknown kb note keys {sorted(set(note) - {'typo', 'step', 'privacy_name'})}")
        check_names_in_say(where, t, note)
        if any(v is None for v in e.values()):
            fail(where, "leave null entities out instead of writing null")
        typo = note.get("typo")
        if typo is not None and typo.lower() not in t.lower():
            fail(where, f"typo {typo!r} is not in the text")
        # values
        if "rol" in e and e["rol"] not in ROLES:
            fail(where, f"rol {e['rol']!r} unknown")
        if "wijk" in e:
            wids = kb.wijk_names_for(e["wijk"])
            if not wids:
                fail(where, f"wijk {e['wijk']!r} is not a canonical wijk name")
            else:
                w = kb.wijken[wids[0]]
                if e.get("gemeente") != w["gemeente"]:
                    fail(where, f"gemeente must be {w['gemeente']!r} (the wijk's)")
                if not kb.mentions(t, [w["naam"], *w["aliases"]], typo):
                    fail(where, f"wijk {e['wijk']!r} is not named in the text")
        if "school" in e:
            s = kb.schools.get(e["school"])
            if s is None:
                fail(where, f"school {e['school']!r} not in scholen.yaml")
            else:
                g = kb.wijken[s["wijk"]]["gemeente"]
                if e.get("gemeente") != g:
                    fail(where, f"gemeente must be {g!r} (the school's)")
                if "wijk" in e:
                    fail(where, "a school gives its gemeente, not its wijk")
                core = [w for w in e["school"].lower().split() if w not in SCHOOL_PREFIXES]
                if not kb.mentions(t, [" ".join(core)], typo):
                    fail(where, f"school {e['school']!r} is not named in the text")
        if "gemeente" in e and "wijk" not in e and "school" not in e:
            g = e["gemeente"]
            if g in kb.gemeenten:
                if not kb.mentions(t, [g, *kb.gemeenten[g]["aliases"]], typo):
                    fail(where, f"gemeente {g!r} is not named in the text")
            elif kb.cbs.get(g.lower()) != g:
                fail(where, f"gemeente {g!r} is neither in the knowledge base nor a CBS name")
        if "expertise" in e and e["expertise"] not in kb.expertise_tags:
            fail(where, f"expertise {e['expertise']!r} is not a tag of scholen.yaml")
        if "thema" in e:
            if i != "signal" and i != "unknown":
                fail(where, "thema only on signals")
            if e["thema"] not in THEMAS:
                fail(where, f"thema {e['thema']!r} not one of {sorted(THEMAS)}")
        if "route" in e:
            if i != "route":
                fail(where, "route only on route items")
            if e["route"] not in ROUTES:
                fail(where, f"route {e['route']!r} unknown")
        # begrip and route
        if i in ("route", "glossary"):
            matched = begrip_matches(kb, t)
            if len(matched) > 1:
                fail(where, f"several glossary terms match {sorted(matched)}: rephrase")
            want = {e["begrip"]} if "begrip" in e else set()
            if "begrip" in e and e["begrip"] not in kb.begrippen:
                fail(where, f"begrip {e['begrip']!r} not in begrippen.yaml")
            elif matched != want:
                fail(where, f"begrip must be {sorted(matched) or 'null'} (synonyms in the text), not {sorted(want) or 'null'}")
        elif "begrip" in e and i != "unknown":
            fail(where, "begrip only on route and glossary items")
        if i == "glossary" and "begrip" not in e:
            fail(where, "a glossary item names its begrip")
        if i == "route":
            if "route" not in e:
                fail(where, "a route item names its route")
            sid = note.get("step")
            if sid not in kb.steps:
                fail(where, f"route item needs a step note of route.yaml (got {sid!r})")
            elif kb.steps[sid]["route"] != e.get("route"):
                fail(where, f"step {sid} belongs to route {kb.steps[sid]['route']}, not {e.get('route')}")
        elif note.get("step"):
            fail(where, "step note on a non-route item")
        if i in ("signal",) and "rol" in e:
            fail(where, "signals carry no rol")
        if i == "expertise_lookup" and "expertise" not in e:
            fail(where, "an expertise lookup names its expertise")
        if i in ("subscribe",) and "wijk" not in e:
            fail(where, "a subscription names its wijk")
        if i in ("greeting", "thanks", "help") and e:
            fail(where, "no entities expected")
        if note.get("privacy_name") and i != "unknown":
            fail(where, "a named child stays unknown")
    if len(items) != 120:
        fail("dev14_utterances.yaml", f"{len(items)} items (must be 120)")
    if unknown < 30:
        fail("dev14_utterances.yaml", f"{unknown} unknown items (at least 30)")
    return len(items), unknown


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    kb = KB()
    try:
        conversations = yaml.safe_load((folder / "dev14.yaml").read_text(encoding="utf-8"))
        utterances = yaml.safe_load((folder / "dev14_utterances.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        print(f"FAIL: cannot read the set: {e}")
        return 1
    turns = check_conversations(kb, conversations)
    n, unknown = check_utterances(kb, utterances)
    if failures:
        for f in failures:
            print("FAIL:", f)
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"OK: {len(conversations)} conversations, {turns} message turns; {n} single messages, {unknown} unknown")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
