"""Recompute every expected fact of the DEV16 set from the knowledge-base YAML.

    /work/main/.venv/bin/python validate.py [DIR] [--kb KB_DIR] [--selftest]

DIR holds dev16.yaml and dev16_utterances.yaml (default: this file's folder). The knowledge base is
read with PyYAML only (default /work/main/wijkwijzer/knowledge/data); nothing of the bot is imported.
Exits 1 on any failure and prints every failure; prints `OK: …` with counts otherwise.
`--selftest` plants faults in memory (nothing is written) and checks that each one is caught.
"""

from __future__ import annotations

import copy
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent  # installed as eval/conversations/dev16_src/
KB_DIR = HERE.parent.parent / "wijkwijzer" / "knowledge" / "data"

EXPECT_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_all",
               "schools_any", "no_contact_details", "asks", "safety", "emergency_112", "suicide_113",
               "route_step", "signal_saved", "choices_include"}
KB_KEYS = {"step", "start", "pick", "back", "restart", "switch", "term", "pending", "stop", "after",
           "nopick", "either", "topic", "look", "own", "begrip", "exp", "ib", "tags", "central", "gast",
           "absent", "signal", "other"}
WHO = {"ib", "adviseur", "gast"}
GENERIC_ABSENT = {"er ging iets mis"}  # the crash reply named in the project README
INTENTS = {"route", "unknown", "partner_lookup", "expertise_lookup", "glossary", "signal", "greeting",
           "thanks", "help", "subscribe", "unsubscribe"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
ROLES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib"}
THEMAS = {"armoede", "verzuim", "veiligheid"}
ROLE_WORDS = {"smw", "smw'er", "lpa", "jgz", "leerplicht", "leerplichtambtenaar", "wijkagent", "jeugdteam",
              "adviseur", "ib", "ib'er", "jeugdarts", "jeugdconsulent"}
# first names a child might have; none may occur as a word in a message (the bot refuses those)
FIRST_NAMES = {"mo", "sem", "noah", "emma", "julia", "lucas", "mila", "daan", "sara", "liam", "zoe",
               "yara", "finn", "levi", "noor", "anna", "lotte", "fatima", "mohammed", "ayoub", "ilyas",
               "amira", "jayden", "sophie", "tess", "luuk", "bram", "jesse", "milan", "nina", "eva"}


# ───────────────────────── the knowledge base ─────────────────────────

class KB:
    def __init__(self, root: Path):
        load = lambda name: yaml.safe_load((root / name).read_text(encoding="utf-8"))
        geb, kp, sch, route, beg = (load(n) for n in
                                    ("gebieden.yaml", "ketenpartners.yaml", "scholen.yaml", "route.yaml", "begrippen.yaml"))
        self.wijk: dict[str, tuple[str, str | None, str | None]] = {}  # wijk → (gemeente, deel, soort)
        self.deel: dict[str, tuple[str, str, list[str]]] = {}  # deel → (gemeente, soort, wijken)
        self.gemeente: dict[str, list[str]] = {}  # gemeente → aliases
        self.place_words: dict[str, list[str]] = {}  # canonical wijk/gemeente → names people type
        for g in geb["gemeenten"]:
            self.gemeente[g["naam"]] = g.get("aliassen") or []
            self.place_words[g["naam"]] = [g["naam"], *(g.get("aliassen") or [])]
            for w in g.get("wijken") or []:
                self.wijk[w["naam"]] = (g["naam"], None, None)
                self.place_words[w["naam"]] = [w["naam"], *(w.get("aliassen") or [])]
            for d in g.get("delen") or []:
                names = [w["naam"] for w in d.get("wijken") or []]
                self.deel[d["naam"]] = (g["naam"], d["soort"], names)
                for w in d.get("wijken") or []:
                    self.wijk[w["naam"]] = (g["naam"], d["naam"], d["soort"])
                    self.place_words[w["naam"]] = [w["naam"], *(w.get("aliassen") or [])]
        self.contacts = [dict(c, org=o["naam"]) for o in kp["organisaties"] for c in o["contacten"]]
        self.persons = {c["naam"] for c in self.contacts if c["naam"] != "Centrale toegang" and c["rol"] != "veilig_thuis"}
        self.schools = sch["scholen"]
        self.persons |= {s["ib"]["naam"] for s in self.schools if s.get("ib")}
        self.tags = {t for s in self.schools for t in s.get("expertise") or []}
        self.steps = {s["id"]: s for s in route["stappen"]}
        self.entries = {i["route"]: i["start"] for i in route["ingangen"]}
        self.kb_rol = {r["id"]: r["kb_rol"] for r in route["rollen"]}
        self.begrippen = {b["term"]: b for b in beg["begrippen"]}

    # places ------------------------------------------------------------
    def wijk_key(self, w: str) -> str:
        return f"{self.wijk[w][0]}: {w}"

    def deel_key(self, d: str) -> str:
        g, soort, _ = self.deel[d]
        return f"{g}: {soort} {d}"

    # contacts ----------------------------------------------------------
    def people(self, rol: str, functie: str | None = None) -> list[dict]:
        return [c for c in self.contacts if c["rol"] == rol and (functie is None or functie in c["functie"])]

    def look(self, spec: dict) -> set[str]:
        """The contacts of the most specific level covering the place."""
        rol, functie = spec["rol"], spec.get("functie")
        ppl = self.people(rol, functie)
        at = lambda key: {c["naam"] for c in ppl if key in c["werkgebied"]}
        if "wijk" in spec:
            w = spec["wijk"]
            g, d, _ = self.wijk[w]
            levels = [self.wijk_key(w)] + ([self.deel_key(d)] if d else []) + [g]
            for key in levels:
                if at(key):
                    return at(key)
            return set()
        if "deel" in spec:
            d = spec["deel"]
            g, _, wijken = self.deel[d]
            if at(self.deel_key(d)):
                return at(self.deel_key(d))
            inside = set().union(*(at(f"{g}: {w}") for w in wijken))
            return inside or at(g)
        if "gemeente" in spec:
            return at(spec["gemeente"])
        raise KeyError(f"no place in {spec}")

    def covering(self, rol: str, wijk: str) -> set[str]:
        """Every contact of a role whose werkgebied covers the wijk at any level."""
        g, d, _ = self.wijk[wijk]
        keys = {self.wijk_key(wijk), g} | ({self.deel_key(d)} if d else set())
        return {c["naam"] for c in self.people(rol) if keys & set(c["werkgebied"]) and c["naam"] in self.persons}

    # schools -----------------------------------------------------------
    def school(self, fragment: str) -> list[dict]:
        return [s for s in self.schools if fragment.lower() in s["naam"].lower()]

    def school_place(self, s: dict) -> tuple[str, str]:
        g, w = s["wijk"].split(": ", 1)
        return g, w

    def exp(self, spec: dict) -> set[str]:
        out = set()
        for s in self.schools:
            if spec["tag"] not in (s.get("expertise") or []):
                continue
            g, w = self.school_place(s)
            if "wijk" in spec and w == spec["wijk"]:
                out.add(s["naam"])
            elif "deel" in spec and w in self.deel[spec["deel"]][2]:
                out.add(s["naam"])
            elif "gemeente" in spec and g == spec["gemeente"]:
                out.add(s["naam"])
        return out

    # route -------------------------------------------------------------
    def step_text(self, sid: str) -> str:
        s = self.steps[sid]
        return " ".join([s["titel"], s.get("uitleg") or "", s.get("vraag") or "",
                         *(o["label"] for o in s.get("opties") or [])]).lower()

    def next_of(self, sid: str, label: str) -> str | None:
        for o in self.steps[sid].get("opties") or []:
            if o["label"] == label:
                return o["volgende"]
        return None

    def titles(self) -> set[str]:
        return {s["titel"] for s in self.steps.values()}

    def questions(self) -> set[str]:
        return {s["vraag"] for s in self.steps.values() if s.get("vraag")}

    def begrip_text(self, term: str) -> str:
        b = self.begrippen[term]
        return (b["term"] + " " + b["uitleg"]).lower()

    def terms_in(self, text: str) -> set[str]:
        """Glossary terms whose synonym (or bare term name) occurs literally, as whole words."""
        low = " " + text.lower() + " "
        found = set()
        for term, b in self.begrippen.items():
            forms = [*(b.get("synoniemen") or []), re.sub(r"\s*\(.*\)$", "", term)]
            for f in forms:
                f = str(f).lower()
                if re.search(r"(?<![\w'])" + re.escape(f) + r"(?![\w'])", low):
                    found.add(term)
                    break
        return found


# ───────────────────────── conversations ─────────────────────────

def check_conversations(kb: KB, convs: list[dict], fail) -> Counter:
    stats: Counter = Counter()
    parts = Counter()
    all_titles, all_questions = kb.titles(), kb.questions()
    central_phones = {c["telefoon"] for c in kb.contacts if c["naam"] == "Centrale toegang"}
    for n, conv in enumerate(convs):
        cid = conv.get("id", f"#{n}")
        part = conv.get("part")
        parts[part] += 1
        want_id = f"d16-{part}{parts[part]:02d}"
        if cid != want_id:
            fail(f"{cid}: id out of order, expected {want_id}")
        if set(conv) - {"id", "part", "who", "wijk", "note", "turns"}:
            fail(f"{cid}: unknown conversation keys {set(conv) - {'id', 'part', 'who', 'wijk', 'note', 'turns'}}")
        who = conv.get("who", "ib")
        if who not in WHO:
            fail(f"{cid}: unknown who {who}")
        stats[f"who {who}"] += 1
        own = conv.get("wijk")
        if own is not None and own not in kb.wijk:
            fail(f"{cid}: own wijk {own} is no canonical wijk")
        if own:
            stats["own wijk"] += 1
        msgs = [t for t in conv["turns"] if "wait_minutes" not in t]
        if not 3 <= len(msgs) <= 8:
            fail(f"{cid}: {len(msgs)} message turns (3-8)")
        stats[f"turns {part}"] += len(msgs)
        # route state
        current: str | None = None
        history: list[str] = []
        stopped: str | None = None
        last_begrip: str | None = None
        signal_pending = False
        for i, turn in enumerate(conv["turns"], 1):
            where = f"{cid} turn {i}"
            if "wait_minutes" in turn:
                stopped, current, history = current, None, []
                continue
            say, note, exp = turn.get("say"), turn.get("kb"), turn.get("expect")
            if not isinstance(say, str) or not say.strip():
                fail(f"{where}: no message")
                continue
            if note is None or not isinstance(note, dict):
                fail(f"{where}: no kb note")
                note = {}
            if not exp:
                fail(f"{where}: no expect")
                exp = {}
            if set(note) - KB_KEYS:
                fail(f"{where}: unknown kb keys {set(note) - KB_KEYS}")
            if set(exp) - EXPECT_KEYS:
                fail(f"{where}: unknown expect keys {set(exp) - EXPECT_KEYS}")
            for k in exp:
                stats[f"key {k}"] += 1
            if say != say.lower():
                fail(f"{where}: capitals in the message")
            if set(re.findall(r"[a-zà-ÿ']+", say)) & FIRST_NAMES:
                fail(f"{where}: a first name in the message")
            not_contains = [str(x) for x in exp.get("not_contains") or []]
            # every person named must exist
            for key in ("contacts", "contacts_any"):
                for name in exp.get(key) or []:
                    if name not in kb.persons:
                        fail(f"{where}: {key} names {name!r}, not a person of the knowledge base")
                    if name.lower() in say.lower():
                        fail(f"{where}: the message names the person it asks for")
            if who == "gast" and (exp.get("contacts") or exp.get("contacts_any")):
                fail(f"{where}: a guest gets no contact person")
            shown: str | None = None
            answer_people: set[str] = set()
            # ── route steps ──
            if "step" in note:
                sid = note["step"]
                if sid not in kb.steps:
                    fail(f"{where}: unknown step {sid}")
                    continue
                step = kb.steps[sid]
                how = [k for k in ("start", "pick", "back", "restart", "switch", "term") if k in note]
                if len(how) != 1:
                    fail(f"{where}: a step needs exactly one of start/pick/back/restart/switch/term, got {how}")
                elif how[0] == "pick":
                    if current is None:
                        fail(f"{where}: a pick without a step shown before")
                    elif kb.next_of(current, note["pick"]) is None:
                        fail(f"{where}: {note['pick']!r} is no option of {current}")
                    elif kb.next_of(current, note["pick"]) != sid:
                        fail(f"{where}: {note['pick']!r} at {current} leads to {kb.next_of(current, note['pick'])}, not {sid}")
                    stats["route pick"] += 1
                elif how[0] == "back":
                    if len(history) < 2 or history[-2] != sid:
                        fail(f"{where}: terug from {history[-1:] or None} does not lead to {sid}")
                    history = history[:-2]
                    stats["route terug"] += 1
                elif how[0] == "restart":
                    first = history[0] if history else None
                    if first is None or kb.entries.get(kb.steps[first]["route"]) != first or sid != first:
                        fail(f"{where}: opnieuw must go to the entry where the route began ({first}), not {sid}")
                    history = []
                    stats["route opnieuw"] += 1
                elif how[0] == "switch":
                    if current is None:
                        fail(f"{where}: a switch needs a route in progress")
                    elif kb.steps[current]["route"] == step["route"]:
                        fail(f"{where}: a switch must go to another route")
                    history = []
                    stats["route switch"] += 1
                elif how[0] == "term":
                    if last_begrip != note["term"]:
                        fail(f"{where}: the term {note['term']} was not shown in the turn before")
                    elif kb.begrippen[note["term"]].get("route_stap") != sid:
                        fail(f"{where}: {note['term']} points to {kb.begrippen[note['term']].get('route_stap')}, not {sid}")
                    history = []
                    stats["route from term"] += 1
                else:
                    history = []
                    stats["route start"] += 1
                    if sid != kb.entries.get(step["route"]):
                        stats["route start mid-route"] += 1
                if exp.get("route_step") != step["titel"]:
                    fail(f"{where}: route_step {exp.get('route_step')!r} is not the title {step['titel']!r}")
                labels = [o["label"] for o in step.get("opties") or []]
                for label in exp.get("choices_include") or []:
                    if label not in labels:
                        fail(f"{where}: choice {label!r} is no option of {sid}")
                if "asks" in exp and bool(exp["asks"]) != bool(step.get("vraag")):
                    fail(f"{where}: asks={exp['asks']} but the step {'has' if step.get('vraag') else 'has no'} question")
                text = kb.step_text(sid)
                if exp.get("safety") and "0800-2000" not in text:
                    fail(f"{where}: safety expected but the step does not give 0800-2000")
                if "emergency_112" in exp and bool(exp["emergency_112"]) != bool(re.search(r"\b112\b", text)):
                    fail(f"{where}: emergency_112={exp['emergency_112']} does not fit the step text")
                for word in exp.get("contains") or []:
                    if word.lower() not in text:
                        fail(f"{where}: {word!r} is not in the step")
                if note.get("own"):
                    if not own:
                        fail(f"{where}: own contacts without an own wijk")
                    else:
                        roles = {kb.kb_rol[r] for r in step["betrokken_rollen"]} - {None, "ib", "veilig_thuis"}
                        allowed = set().union(*(kb.covering(r, own) for r in roles)) if roles else set()
                        named = set(exp.get("contacts_any") or [])
                        if not named or named - allowed:
                            fail(f"{where}: contacts_any {sorted(named - allowed)} are not people of the step's roles for {own}")
                        if not allowed <= named:
                            fail(f"{where}: contacts_any leaves out {sorted(allowed - named)}")
                        stats["own contacts in route"] += 1
                shown = sid
                current = None if step.get("einde") else sid
                history.append(sid)
                stopped = None
                stats["route steps"] += 1
            else:
                if "route_step" in exp or "choices_include" in exp:
                    fail(f"{where}: route_step/choices without a step note")
            if "pending" in note:
                if current != note["pending"]:
                    fail(f"{where}: pending {note['pending']} but the step waiting is {current}")
                stats["route interrupted"] += 1
            elif "step" not in note and not {"stop", "after", "nopick"} & set(note):
                current, history = None, []
            if "stop" in note:
                if current != note["stop"]:
                    fail(f"{where}: stop at {note['stop']} but the step shown is {current}")
                stopped, current, history = current, None, []
                stats["route stop"] += 1
            if "after" in note:
                at, pick = note["after"]["at"], note["after"]["pick"]
                if stopped != at:
                    fail(f"{where}: after {at} but the route stopped/expired at {stopped}")
                nxt = kb.next_of(at, pick)
                if nxt is None or kb.steps[nxt]["titel"] not in not_contains:
                    fail(f"{where}: not_contains must hold the title of {nxt} ({pick!r} at {at})")
            if "nopick" in note:
                at = note["nopick"]["at"]
                if current != at:
                    fail(f"{where}: nopick at {at} but the step waiting is {current}")
                for label in note["nopick"]["not"]:
                    nxt = kb.next_of(at, label)
                    if nxt is None or kb.steps[nxt]["titel"] not in not_contains:
                        fail(f"{where}: not_contains must hold the title after {label!r} at {at}")
                stats["route loose answer not taken"] += 1
            if "either" in note:
                titles = {kb.steps[s]["titel"] for s in note["either"]}
                if set(exp.get("contains_any") or []) != titles:
                    fail(f"{where}: contains_any must be the titles of {note['either']}")
                current, history = None, []
            if "topic" in note:
                st, term = note["topic"]["step"], note["topic"]["begrip"]
                for word in exp.get("contains") or []:
                    if word.lower() not in kb.step_text(st) or word.lower() not in kb.begrip_text(term):
                        fail(f"{where}: {word!r} is not in both {st} and {term}")
                current, history = None, []
            # ── lookups ──
            if "look" in note:
                specs = note["look"] if isinstance(note["look"], list) else [note["look"]]
                want: set[str] = set()
                for spec in specs:
                    got = kb.look(spec)
                    if not got:
                        fail(f"{where}: nobody for {spec}")
                    want |= got
                answer_people = want
                if set(exp.get("contacts") or []) != want:
                    fail(f"{where}: contacts {exp.get('contacts')} != {sorted(want)}")
                stats["lookups"] += 1
            if "ib" in note:
                found = kb.school(note["ib"])
                if len(found) != 1 or note["ib"].lower() not in say.lower() and i == 1:
                    fail(f"{where}: school fragment {note['ib']!r} fits {len(found)} schools")
                else:
                    answer_people = {found[0]["ib"]["naam"]}
                    if set(exp.get("contacts") or []) != answer_people:
                        fail(f"{where}: the IB'er of {found[0]['naam']} is {answer_people}")
                stats["lookups"] += 1
            if "tags" in note:
                found = kb.school(note["tags"])
                tags = " ".join(found[0].get("expertise") or []).lower() if len(found) == 1 else ""
                for word in exp.get("contains") or []:
                    if word.lower() not in tags:
                        fail(f"{where}: {word!r} is no expertise tag of {note['tags']}")
                stats["expertise"] += 1
            if "exp" in note:
                spec = note["exp"]
                if spec["tag"] not in kb.tags:
                    fail(f"{where}: unknown tag {spec['tag']}")
                want = kb.exp(spec)
                got = set()
                for frag in exp.get("schools_all") or []:
                    found = kb.school(frag)
                    if len(found) != 1:
                        fail(f"{where}: school fragment {frag!r} fits {len(found)} schools")
                    else:
                        got.add(found[0]["naam"])
                if got != want or not want:
                    fail(f"{where}: schools_all {sorted(got)} != {sorted(want)}")
                for frag in not_contains:
                    found = kb.school(frag)
                    if len(found) == 1 and found[0]["naam"] in want:
                        fail(f"{where}: {frag!r} is in the answer but in not_contains")
                stats["expertise"] += 1
            if "central" in note:
                g = note["central"]
                phones = {c["telefoon"] for c in kb.contacts if c["naam"] == "Centrale toegang" and c["werkgebied"] == [g]}
                if len(phones) != 1 or phones != set(exp.get("contains") or []):
                    fail(f"{where}: the central jeugdteam of {g} has {phones}")
                for p in not_contains:
                    if p in phones or p not in central_phones:
                        fail(f"{where}: {p!r} in not_contains is not another central number")
                stats["lookups"] += 1
            if "gast" in note:
                want = kb.look(note["gast"])
                if who != "gast":
                    fail(f"{where}: a guest note in a conversation of {who}")
                if not want or not want <= set(not_contains):
                    fail(f"{where}: a guest refusal must list {sorted(want)} in not_contains")
                if exp.get("no_contact_details") is not True:
                    fail(f"{where}: a guest refusal needs no_contact_details: true")
                stats["guest refusals"] += 1
            if "absent" in note:
                want = set().union(*(kb.look(s) for s in note["absent"]))
                if not want <= set(not_contains):
                    fail(f"{where}: an off-topic turn must list {sorted(want - set(not_contains))}")
                stats["off-topic"] += 1
            # ── glossary ──
            last_begrip = None
            if "begrip" in note:
                term = note["begrip"]
                if term not in kb.begrippen:
                    fail(f"{where}: unknown term {term}")
                else:
                    for word in exp.get("contains") or []:
                        if word.lower() not in kb.begrip_text(term):
                            fail(f"{where}: {word!r} is not in the term {term}")
                    last_begrip = term
                stats["glossary"] += 1
            # ── signals ──
            if "signal" in note:
                if note["signal"] == "pending":
                    if exp.get("signal_saved") is not False or exp.get("asks") is not True:
                        fail(f"{where}: a pending signal is not saved and asks")
                    signal_pending = True
                elif note["signal"] == "saved":
                    if not signal_pending or exp.get("signal_saved") is not True:
                        fail(f"{where}: a save needs a pending signal and signal_saved: true")
                    signal_pending = False
                stats["signals"] += 1
            elif exp.get("signal_saved"):
                fail(f"{where}: signal_saved without a signal note")
            # ── not_contains must be meaningful and must not hit the answer ──
            for item in not_contains:
                if item in kb.persons:
                    if item in answer_people:
                        fail(f"{where}: {item} is the answer but in not_contains")
                    continue
                if item in all_titles or item in all_questions:
                    if shown and item.lower() in kb.step_text(shown):
                        fail(f"{where}: {item!r} is part of the step shown")
                    continue
                if item in GENERIC_ABSENT or item in central_phones or len(kb.school(item)) == 1:
                    continue
                fail(f"{where}: not_contains {item!r} is no person, step, school or known phrase")
            if "other" in note:
                stats[f"other {note['other']}"] += 1
    for p in "abc":
        if parts[p] != 20:
            fail(f"part {p}: {parts[p]} conversations, expected 20")
    return stats


# ───────────────────────── single messages ─────────────────────────

def named(text: str, words: list[str]) -> bool:
    low = text.lower()
    squash = low.replace(" ", "").replace("-", "")
    return any(w.lower() in low or w.lower().replace(" ", "").replace("-", "") in squash for w in words)


def check_utterances(kb: KB, items: list[dict], fail) -> Counter:
    stats: Counter = Counter()
    for n, item in enumerate(items, 1):
        where = f"utterance {n} {item.get('t')!r}"
        t, i, e, note = item.get("t"), item.get("i"), item.get("e") or {}, item.get("kb") or {}
        if set(item) - {"t", "i", "e", "kb"}:
            fail(f"{where}: unknown keys")
        if i not in INTENTS:
            fail(f"{where}: unknown intent {i}")
        stats[i] += 1
        if not isinstance(t, str) or t != t.lower():
            fail(f"{where}: capitals or no text")
            continue
        if set(re.findall(r"[a-zà-ÿ']+", t)) & FIRST_NAMES:
            fail(f"{where}: a first name in the message")
        if set(e) - ENTITIES:
            fail(f"{where}: unknown entities {set(e) - ENTITIES}")
        if i == "unknown":
            if e:
                fail(f"{where}: an unknown message lists no entities")
            if not note.get("why"):
                fail(f"{where}: an unknown message needs a why")
            continue
        if "rol" in e and e["rol"] not in ROLES:
            fail(f"{where}: unknown rol {e['rol']}")
        if "wijk" in e:
            if e["wijk"] not in kb.wijk:
                fail(f"{where}: unknown wijk {e['wijk']}")
            else:
                if e.get("gemeente") != kb.wijk[e["wijk"]][0]:
                    fail(f"{where}: wijk {e['wijk']} lies in {kb.wijk[e['wijk']][0]}")
                if not named(t, kb.place_words[e["wijk"]]):
                    fail(f"{where}: wijk {e['wijk']} is not named in the text")
        elif "gemeente" in e and "school" not in e:
            if e["gemeente"] not in kb.gemeente:
                fail(f"{where}: unknown gemeente {e['gemeente']}")
            elif not named(t, kb.place_words[e["gemeente"]]):
                fail(f"{where}: gemeente {e['gemeente']} is not named in the text")
        if "school" in e:
            found = [s for s in kb.schools if s["naam"] == e["school"]]
            if len(found) != 1:
                fail(f"{where}: unknown school {e['school']}")
            else:
                g, _ = kb.school_place(found[0])
                if e.get("gemeente") != g or "wijk" in e:
                    fail(f"{where}: a school gives its gemeente {g} and no wijk")
                word = found[0]["naam"].split()[-1].lower()
                if word not in t:
                    fail(f"{where}: the school's own word {word!r} is not in the text")
        if "expertise" in e and e["expertise"] not in kb.tags:
            fail(f"{where}: unknown expertise {e['expertise']}")
        if "thema" in e and e["thema"] not in THEMAS:
            fail(f"{where}: unknown thema {e['thema']}")
        if "route" in e and i != "route":
            fail(f"{where}: route only for route items")
        if i in ("glossary", "route"):
            terms = kb.terms_in(t)
            if len(terms) > 1:
                fail(f"{where}: more than one term in the text: {sorted(terms)}")
            want = next(iter(terms)) if len(terms) == 1 else None
            if e.get("begrip") != want:
                fail(f"{where}: begrip {e.get('begrip')!r} but the text holds {want!r}")
            if i == "glossary" and want is None:
                fail(f"{where}: a glossary item without a term")
        elif "begrip" in e:
            fail(f"{where}: begrip only for glossary and route items")
        if i == "route":
            sid = note.get("step")
            if sid not in kb.steps:
                fail(f"{where}: unknown step {sid}")
            elif kb.steps[sid]["route"] != e.get("route"):
                fail(f"{where}: step {sid} belongs to route {kb.steps[sid]['route']}, not {e.get('route')}")
            if set(e) - {"route", "begrip"}:
                fail(f"{where}: a route item holds only route and begrip")
            words = set(re.findall(r"[a-zà-ÿ']+", t))
            if words & ROLE_WORDS:
                fail(f"{where}: a role word in a route item: {sorted(words & ROLE_WORDS)}")
            for place, names in kb.place_words.items():
                if any(re.search(r"\b" + re.escape(nm.lower()) + r"\b", t) for nm in names):
                    fail(f"{where}: a place ({place}) in a route item")
            stats[f"route {e.get('route')}"] += 1
            if e.get("begrip"):
                stats["route with begrip"] += 1
        if i == "signal" and "thema" not in e:
            fail(f"{where}: a signal item names its thema")
    if stats["unknown"] < 40:
        fail(f"single messages: {stats['unknown']} unknown, expected at least 40")
    if stats["route"] < 50:
        fail(f"single messages: {stats['route']} route, expected at least 50")
    if len(items) != 150:
        fail(f"single messages: {len(items)} items, expected 150")
    return stats


# ───────────────────────── main ─────────────────────────

def validate(kb: KB, convs: list[dict], items: list[dict]) -> tuple[list[str], Counter, Counter]:
    errors: list[str] = []
    cstats = check_conversations(kb, convs, errors.append)
    total = sum(cstats[f"turns {p}"] for p in "abc")
    if not 230 <= total <= 260:
        errors.append(f"{total} message turns, expected about 240 (230-260)")
    ustats = check_utterances(kb, items, errors.append)
    return errors, cstats, ustats


def selftest(kb: KB, convs: list[dict], items: list[dict]) -> int:
    """Plant one fault at a time in a copy (in memory) and check that validate() catches it."""
    def find(cid, n):
        c = next(c for c in convs if c["id"] == cid)
        return c, [t for t in c["turns"] if "wait_minutes" not in t][n - 1]

    def plant(edit):
        cs, us = copy.deepcopy(convs), copy.deepcopy(items)
        edit(cs, us)
        return validate(kb, cs, us)[0]

    def turn(cs, cid, n):
        c = next(c for c in cs if c["id"] == cid)
        return [t for t in c["turns"] if "wait_minutes" not in t][n - 1]

    faults = {
        "wrong step title": lambda cs, us: turn(cs, "d16-a01", 1)["expect"].__setitem__("route_step", "Het SWV zoekt mee"),
        "picked option leads elsewhere": lambda cs, us: turn(cs, "d16-a03", 3)["kb"].__setitem__("pick", "Ja, genoeg"),
        "option label misspelt": lambda cs, us: turn(cs, "d16-a05", 1)["expect"].__setitem__("choices_include", ["Nee, SBO en SO"]),
        "asks on an end step": lambda cs, us: turn(cs, "d16-a05", 3)["expect"].__setitem__("asks", True),
        "safety on a step without 0800-2000": lambda cs, us: turn(cs, "d16-a06", 2)["expect"].__setitem__("safety", True),
        "112 expected on stap 1": lambda cs, us: turn(cs, "d16-a06", 2)["expect"].__setitem__("emergency_112", True),
        "terug to the wrong step": lambda cs, us: turn(cs, "d16-b08", 3)["kb"].__setitem__("step", "algemeen.basisondersteuning"),
        "opnieuw after a mid-route start": lambda cs, us: turn(cs, "d16-a01", 2).update(
            kb={"step": "verzuim.thuiszitter", "restart": True},
            expect={"route_step": "Thuiszitter: snel samen om tafel"}),
        "pending on the wrong step": lambda cs, us: turn(cs, "d16-b01", 2)["kb"].__setitem__("pending", "verzuim.start"),
        "after stop without the next title": lambda cs, us: turn(cs, "d16-a19", 6)["expect"].__setitem__("not_contains", ["Stap 2: overleggen"]),
        "term route from the wrong term": lambda cs, us: turn(cs, "d16-b03", 2)["kb"].__setitem__("term", "Ontwikkelingsperspectief (OPP)"),
        "wrong contact for a wijk": lambda cs, us: turn(cs, "d16-a02", 4)["expect"].__setitem__("contacts", ["Rachid Bennani"]),
        "jeugdarts and verpleegkundige swapped": lambda cs, us: turn(cs, "d16-c09", 1)["expect"].__setitem__("contacts", ["Marieke van den Berg"]),
        "the answer in not_contains": lambda cs, us: turn(cs, "d16-c01", 1)["expect"]["not_contains"].append("Gert-Jan Hoogland"),
        "kern read as gemeente level missing": lambda cs, us: turn(cs, "d16-b13", 3)["expect"].__setitem__("contacts", ["Frank Koster", "Gerard van Zon"]),
        "misspelt person": lambda cs, us: turn(cs, "d16-c13", 1)["expect"].__setitem__("contacts", ["Petra Visscher"]),
        "missing expertise school": lambda cs, us: turn(cs, "d16-c03", 1)["expect"].__setitem__("schools_all", ["Vliegerwolk", "Duinkrekel"]),
        "extra expertise school": lambda cs, us: turn(cs, "d16-c08", 1)["expect"].__setitem__("schools_all", ["Laakmeerkoet", "Spoorwiel"]),
        "wrong IB'er": lambda cs, us: turn(cs, "d16-c05", 1)["expect"].__setitem__("contacts", ["Arjan Hoek"]),
        "tag not of the school": lambda cs, us: turn(cs, "d16-c05", 2)["expect"].__setitem__("contains", ["autisme"]),
        "another central number": lambda cs, us: turn(cs, "d16-c18", 1)["expect"].__setitem__("contains", ["015 021 4300"]),
        "guest refusal missing a person": lambda cs, us: turn(cs, "d16-c07", 2)["expect"].__setitem__("not_contains", ["Marieke van den Berg"]),
        "guest expecting a contact": lambda cs, us: turn(cs, "d16-c20", 2)["expect"].__setitem__("contacts", ["Monique Prins"]),
        "off-topic list incomplete": lambda cs, us: turn(cs, "d16-c16", 1)["expect"].__setitem__("not_contains", ["Petra Visser"]),
        "fact not in the term": lambda cs, us: turn(cs, "d16-a10", 3)["expect"].__setitem__("contains", ["onderwijsconsulent", "duo"]),
        "own contacts of another wijk": lambda cs, us: turn(cs, "d16-b20", 1)["expect"].__setitem__("contacts_any", ["Monique Prins", "Saskia Timmermans"]),
        "saved signal without a pending one": lambda cs, us: turn(cs, "d16-b11", 2)["kb"].__setitem__("signal", "saved"),
        "capitals in a message": lambda cs, us: turn(cs, "d16-a04", 1).__setitem__("say", "Ouders geven geen toestemming"),
        "a child's first name": lambda cs, us: turn(cs, "d16-a07", 1).__setitem__("say", "sem blijft regelmatig weg"),
        "unknown expect key": lambda cs, us: turn(cs, "d16-a07", 2)["expect"].__setitem__("route", "verzuim"),
        "missing kb note": lambda cs, us: turn(cs, "d16-a07", 3).pop("kb"),
        "unknown own wijk": lambda cs, us: next(c for c in cs if c["id"] == "d16-a02").__setitem__("wijk", "Moerwyk"),
        "conversation of 2 turns": lambda cs, us: next(c for c in cs if c["id"] == "d16-a10")["turns"].pop(),
        "ids out of order": lambda cs, us: cs.__setitem__(slice(0, 2), [cs[1], cs[0]]),
        "utterance route/step mismatch": lambda cs, us: us[0].__setitem__("e", {"route": "algemeen"}),
        "utterance begrip left out": lambda cs, us: us[1].__setitem__("e", {"route": "verzuim"}),
        "utterance wrong begrip": lambda cs, us: us[4].__setitem__("e", {"route": "verzuim", "begrip": "16-urenmelding"}),
        "utterance wijk in the wrong gemeente": lambda cs, us: next(u for u in us if u["t"] == "wijkagent stompwijk")["e"].__setitem__("gemeente", "Den Haag"),
        "utterance school with a wijk": lambda cs, us: next(u for u in us if u["t"] == "smw bij de moerkikker")["e"].__setitem__("wijk", "Moerwijk"),
        "utterance wijk not in the text": lambda cs, us: next(u for u in us if u["t"] == "lpa bouwlust")["e"].__setitem__("wijk", "Moerwijk"),
        "utterance unknown tag": lambda cs, us: next(u for u in us if u["i"] == "expertise_lookup")["e"].__setitem__("expertise", "dyscalculie"),
        "utterance glossary without term": lambda cs, us: us.append({"t": "wat is een plusklas", "i": "glossary", "e": {}}),
        "149 utterances": lambda cs, us: us.pop(),
        "utterance unknown intent": lambda cs, us: us[10].__setitem__("i", "route_question"),
        "utterance capitals": lambda cs, us: us[12].__setitem__("t", "Leerling Spijbelt"),
        "utterance place in a route item": lambda cs, us: us[0].__setitem__("t", "ll in ypenburg zit al weken thuis, wat nu"),
        "utterance unknown thema": lambda cs, us: next(u for u in us if u["i"] == "signal")["e"].__setitem__("thema", "angst"),
    }
    missed = []
    for name, edit in faults.items():
        if not plant(edit):
            missed.append(name)
    print(f"selftest: {len(faults) - len(missed)} of {len(faults)} planted faults caught")
    for name in missed:
        print(f"  NOT caught: {name}")
    return 1 if missed else 0


def main() -> int:
    args = sys.argv[1:]
    kb_dir = KB_DIR
    if "--kb" in args:
        kb_dir = Path(args[args.index("--kb") + 1])
        del args[args.index("--kb"):args.index("--kb") + 2]
    run_selftest = "--selftest" in args
    args = [a for a in args if a != "--selftest"]
    folder = Path(args[0]) if args else HERE
    kb = KB(kb_dir)
    convs = yaml.safe_load((folder / "dev16.yaml").read_text(encoding="utf-8"))
    items = yaml.safe_load((folder / "dev16_utterances.yaml").read_text(encoding="utf-8"))
    errors, cs, us = validate(kb, convs, items)
    for e in errors:
        print("FAIL:", e)
    if errors:
        print(f"{len(errors)} failures")
        return 1
    turns = {p: cs[f"turns {p}"] for p in "abc"}
    keys = ", ".join(f"{k[4:]} {n}" for k, n in sorted(((k, n) for k, n in cs.items() if k.startswith("key ")), key=lambda x: -x[1]))
    route_bits = ", ".join(f"{k} {cs[k]}" for k in ("route steps", "route start", "route start mid-route", "route pick",
                                                   "route from term", "route switch", "route terug", "route opnieuw",
                                                   "route stop", "route interrupted", "route loose answer not taken",
                                                   "own contacts in route"))
    intents = ", ".join(f"{k} {n}" for k, n in us.most_common() if not k.startswith("route ") or k == "route")
    print(f"OK: {len(convs)} conversations, {sum(turns.values())} message turns "
          f"(a {turns['a']}, b {turns['b']}, c {turns['c']}); who: ib {cs['who ib']}, adviseur {cs['who adviseur']}, "
          f"gast {cs['who gast']}; {cs['own wijk']} with an own wijk")
    print(f"OK: route: {route_bits}")
    print(f"OK: other facts: lookups {cs['lookups']}, expertise {cs['expertise']}, glossary {cs['glossary']}, "
          f"guest refusals {cs['guest refusals']}, off-topic {cs['off-topic']}, signals {cs['signals']}")
    print(f"OK: expect keys: {keys}")
    print(f"OK: {len(items)} single messages: {intents}; route algemeen {us['route algemeen']}, verzuim {us['route verzuim']}, "
          f"meldcode {us['route meldcode']}, with begrip {us['route with begrip']}")
    if run_selftest:
        return selftest(kb, convs, items)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
