"""Check the DEV15 evaluation set against the knowledge base.

    /work/main/.venv/bin/python validate.py [DIR] [--kb KBDIR]

Recomputes every expected fact of dev15.yaml (from each turn's `kb:` note) and of
dev15_utterances.yaml from the knowledge-base YAML (PyYAML only; no bot code is imported) and checks
the structure of both files. Prints every failure and exits 1 if there is any; prints `OK: …` otherwise.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent  # installed as eval/conversations/dev15_src/
KB_DEFAULT = HERE.parent.parent / "wijkwijzer" / "knowledge" / "data"

EXPECT_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_all", "schools_any",
               "no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "route_step", "signal_saved",
               "choices_include"}
KB_KEYS = {"look", "none", "asks_place", "ib", "tags", "exp", "cand", "far", "step", "pick", "begrip", "absent",
           "gast", "sub", "signal", "outside", "vt", "other", "typed", "capitals"}
CONV_KEYS = {"id", "part", "note", "who", "wijk", "turns"}
TURN_KEYS = {"say", "kb", "expect", "wait_minutes"}
INTENTS = {"partner_lookup", "expertise_lookup", "glossary", "route", "signal", "subscribe", "unsubscribe",
           "greeting", "thanks", "help", "unknown"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
ROLES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib"}
THEMAS = {"armoede", "veiligheid", "verzuim"}
# first names a child might have: none may occur in a message
FIRST_NAMES = {"sophie", "emma", "julia", "mila", "tess", "noah", "liam", "luca", "daan", "sem", "lucas", "finn",
               "mohammed", "mo", "adam", "yasmina", "fatima", "amira", "levi", "bram", "jesse", "lotte", "saar",
               "nora", "zoe", "anna", "eva", "sara", "milan", "ryan", "ayoub", "ilias", "nina", "fleur", "jan"}
PHONE = re.compile(r"^\d{3,4}[ -]\d")

errors: list[str] = []


def fail(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def damerau(a: str, b: str) -> int:
    """Optimal string alignment distance (a swap of two neighbours counts as one edit)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


class KB:
    def __init__(self, root: Path):
        g = yaml.safe_load((root / "gebieden.yaml").read_text(encoding="utf-8"))
        self.gemeenten: dict[str, list[str]] = {}  # name -> aliases
        self.delen: dict[str, dict] = {}  # "G: soort D" -> {gemeente, soort, naam, wijken[ids], aliases}
        self.wijken: dict[str, dict] = {}  # "G: W" -> {gemeente, deel, naam, aliases}
        for gm in g["gemeenten"]:
            self.gemeenten[gm["naam"]] = gm.get("aliassen") or []
            for w in gm.get("wijken") or []:
                self.wijken[f"{gm['naam']}: {w['naam']}"] = {"gemeente": gm["naam"], "deel": None, "naam": w["naam"],
                                                             "aliases": w.get("aliassen") or []}
            for d in gm.get("delen") or []:
                did = f"{gm['naam']}: {d['soort']} {d['naam']}"
                self.delen[did] = {"gemeente": gm["naam"], "soort": d["soort"], "naam": d["naam"],
                                   "aliases": d.get("aliassen") or [], "wijken": []}
                for w in d["wijken"]:
                    wid = f"{gm['naam']}: {w['naam']}"
                    self.wijken[wid] = {"gemeente": gm["naam"], "deel": did, "naam": w["naam"],
                                        "aliases": w.get("aliassen") or []}
                    self.delen[did]["wijken"].append(wid)
        self.schools = {s["naam"]: s for s in yaml.safe_load((root / "scholen.yaml").read_text(encoding="utf-8"))["scholen"]}
        self.contacts = [c for o in yaml.safe_load((root / "ketenpartners.yaml").read_text(encoding="utf-8"))["organisaties"]
                         for c in o["contacten"]]
        r = yaml.safe_load((root / "route.yaml").read_text(encoding="utf-8"))
        self.steps = {s["id"]: s for s in r["stappen"]}
        self.begrippen = {b["term"]: b for b in yaml.safe_load((root / "begrippen.yaml").read_text(encoding="utf-8"))["begrippen"]}
        self.cbs: set[str] = set()
        for line in (root / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "|" not in line:
                continue
            parts = [p.strip() for p in line.split("|")]
            self.cbs.add(parts[1])
            if len(parts) > 2 and parts[2]:
                self.cbs.update(a.strip() for a in parts[2].split(","))
        self.person_names = {c["naam"] for c in self.contacts if c["rol"] != "veilig_thuis"} | \
                            {s["ib"]["naam"] for s in self.schools.values() if s.get("ib")}
        self.tags = {t for s in self.schools.values() for t in s["expertise"]}

    # ── places ──
    def wijk_id(self, name: str) -> str:
        hits = [wid for wid, w in self.wijken.items() if w["naam"] == name]
        if len(hits) != 1:
            raise KeyError(f"wijk {name!r}")
        return hits[0]

    def deel_id(self, soort: str, name: str) -> str:
        hits = [did for did, d in self.delen.items() if d["naam"] == name and d["soort"] == soort]
        if len(hits) != 1:
            raise KeyError(f"{soort} {name!r}")
        return hits[0]

    def school(self, name: str) -> dict:
        if name not in self.schools:
            raise KeyError(f"school {name!r}")
        return self.schools[name]

    # ── contacts ──
    def _of(self, rol: str, functie: str | None) -> list[dict]:
        return [c for c in self.contacts if c["rol"] == rol and (functie is None or c["functie"] == functie)]

    def lookup(self, q: dict) -> list[dict]:
        """The contacts of the most specific level that covers the place of q."""
        rol, functie = q["rol"], q.get("functie")
        cs = self._of(rol, functie)
        if "school" in q:
            s = self.school(q["school"])
            if rol == "smw":
                return [c for c in cs if q["school"] in (c.get("scholen") or [])]
            return self.lookup({"rol": rol, "functie": functie, "wijk": s["wijk"].split(": ", 1)[1],
                                "_gem": s["wijk"].split(": ", 1)[0]})
        if "wijk" in q:
            wid = self.wijk_id(q["wijk"])
            w = self.wijken[wid]
            if q.get("_gem") and q["_gem"] != w["gemeente"]:
                raise KeyError(f"school wijk {q['wijk']} not in {q['_gem']}")
            for level in (wid, w["deel"], w["gemeente"]):
                if level is None:
                    continue
                found = [c for c in cs if level in c["werkgebied"]]
                if found:
                    return found
            return []
        for soort in ("stadsdeel", "kern"):
            if soort in q:
                did = self.deel_id(soort, q[soort])
                d = self.delen[did]
                # the stadsdeel's or kern's own contacts; else every wijk contact inside it; else the gemeente's
                return ([c for c in cs if did in c["werkgebied"]]
                        or [c for c in cs if any(w in c["werkgebied"] for w in d["wijken"])]
                        or [c for c in cs if d["gemeente"] in c["werkgebied"]])
        if "gemeente" in q:
            if q["gemeente"] not in self.gemeenten:
                raise KeyError(f"gemeente {q['gemeente']!r}")
            return [c for c in cs if q["gemeente"] in c["werkgebied"]]
        raise KeyError(f"no place in {q}")

    def schools_with(self, q: dict) -> list[str]:
        tag = q["tag"]
        if tag not in self.tags:
            raise KeyError(f"tag {tag!r}")
        out = []
        for name, s in self.schools.items():
            if tag not in s["expertise"]:
                continue
            wid = s["wijk"]
            w = self.wijken[wid]
            if ("wijk" in q and wid == self.wijk_id(q["wijk"])) or \
               ("stadsdeel" in q and w["deel"] == self.deel_id("stadsdeel", q["stadsdeel"])) or \
               ("kern" in q and w["deel"] == self.deel_id("kern", q["kern"])) or \
               ("gemeente" in q and w["gemeente"] == q["gemeente"]):
                out.append(name)
        return out

    def school_names_matching(self, fragment: str) -> list[str]:
        f = squash(fragment)
        return [n for n in self.schools if f in squash(n)]

    def place_words(self) -> dict[str, str]:
        """Every written form of a wijk (name and aliases, squashed) -> canonical wijk name."""
        out = {}
        for w in self.wijken.values():
            for form in [w["naam"], *w["aliases"]]:
                out[squash(form)] = w["naam"]
        return out


def as_list(x):
    return x if isinstance(x, list) else [x]


def names_of(cs: list[dict]) -> set[str]:
    return {c["naam"] for c in cs}


def phones_of(cs: list[dict]) -> set[str]:
    return {c.get("telefoon") for c in cs if c.get("telefoon")}


def check_conversations(kb: KB, items: list) -> tuple[int, dict]:
    stats = {"turns": 0, "who": {}, "own_wijk": 0, "parts": {}, "expect": {}}
    if len(items) != 60:
        fail("dev15.yaml", f"{len(items)} conversations, want 60")
    all_details = {c.get("telefoon") for c in kb.contacts if c["rol"] != "veilig_thuis"} | \
                  {c.get("email") for c in kb.contacts if c["rol"] != "veilig_thuis"}
    all_details.discard(None)
    for n, conv in enumerate(items):
        cid = conv.get("id", f"#{n}")
        part = "abc"[n // 20] if n < 60 else "?"
        want_id = f"d15-{part}{n % 20 + 1:02d}"
        if cid != want_id:
            fail(cid, f"id out of order, want {want_id}")
        if conv.get("part") != part:
            fail(cid, f"part {conv.get('part')} want {part}")
        if set(conv) - CONV_KEYS:
            fail(cid, f"unknown keys {set(conv) - CONV_KEYS}")
        who = conv.get("who", "ib")
        if who not in ("ib", "adviseur", "gast"):
            fail(cid, f"unknown who {who}")
        stats["who"][who] = stats["who"].get(who, 0) + 1
        if "wijk" in conv:
            stats["own_wijk"] += 1
            try:
                kb.wijk_id(conv["wijk"])
            except KeyError as e:
                fail(cid, f"own wijk not canonical: {e}")
        turns = [t for t in conv["turns"] if "wait_minutes" not in t]
        if not 3 <= len(turns) <= 8:
            fail(cid, f"{len(turns)} message turns")
        stats["turns"] += len(turns)
        stats["parts"][part] = stats["parts"].get(part, 0) + len(turns)
        prev_step = None
        pending_signal = False
        for k, t in enumerate(conv["turns"]):
            where = f"{cid} turn {k + 1}"
            if set(t) - TURN_KEYS:
                fail(where, f"unknown turn keys {set(t) - TURN_KEYS}")
            if "wait_minutes" in t:
                continue
            say, note, exp = str(t.get("say", "")), t.get("kb"), t.get("expect") or {}
            if not note:
                fail(where, "no kb note")
                continue
            if set(note) - KB_KEYS:
                fail(where, f"unknown kb keys {set(note) - KB_KEYS}")
            if set(exp) - EXPECT_KEYS:
                fail(where, f"unknown expect keys {set(exp) - EXPECT_KEYS}")
            if not exp:
                fail(where, "no expect")
            for key in exp:
                stats["expect"][key] = stats["expect"].get(key, 0) + 1
            if say != say.lower() and not note.get("capitals"):
                fail(where, "capital letters in a message")
            words = set(re.findall(r"[a-zà-ÿ]+", say.lower()))
            if words & FIRST_NAMES:
                fail(where, f"a first name in the message: {words & FIRST_NAMES}")
            for person in kb.person_names:
                if person.lower() in say.lower():
                    fail(where, f"the message names {person}")
            contacts = set(exp.get("contacts") or [])
            nots = list(exp.get("not_contains") or [])
            contains = list(exp.get("contains") or [])
            expected_names: set[str] = set()
            expected_phones: set[str] = set()
            try:
                # ── partner lookups ──
                if "look" in note:
                    for q in as_list(note["look"]):
                        cs = kb.lookup(q)
                        if not cs:
                            fail(where, f"lookup {q} finds nobody")
                        expected_names |= names_of(cs)
                        expected_phones |= phones_of(cs)
                    if who == "gast":
                        fail(where, "a guest turn with a look note (use gast:)")
                    if "contacts" in exp:
                        if contacts != expected_names:
                            fail(where, f"contacts {sorted(contacts)} != knowledge base {sorted(expected_names)}")
                    else:
                        ph = [c for c in contains if PHONE.match(c)]
                        if not ph or not set(ph) <= expected_phones:
                            fail(where, f"no contacts and no phone of {sorted(expected_names)} in contains")
                    for c in contains:
                        if PHONE.match(c) and c not in expected_phones:
                            fail(where, f"phone {c} is not of the expected contacts")
                if "none" in note:
                    if kb.lookup(note["none"]):
                        fail(where, f"none: {note['none']} finds {sorted(names_of(kb.lookup(note['none'])))}")
                    q = dict(note["none"])
                    same_role = names_of(kb._of(q["rol"], q.get("functie")))
                    if not any(x in same_role for x in nots):
                        fail(where, "none: not_contains names no contact of that role")
                if "asks_place" in note:
                    q = note["asks_place"]
                    wijk_level = {c["naam"] for c in kb._of(q["rol"], None)
                                  if any(g.startswith(q["gemeente"] + ": ") for g in c["werkgebied"])}
                    if len(wijk_level) < 2 or exp.get("asks") is not True:
                        fail(where, "asks_place: not a gemeente with several wijk contacts, or no asks: true")
                if "ib" in note:
                    s = kb.school(note["ib"])
                    expected_names.add(s["ib"]["naam"])
                    if contacts != {s["ib"]["naam"]}:
                        fail(where, f"ib of {note['ib']} is {s['ib']['naam']}, expect says {sorted(contacts)}")
                if "gast" in note:
                    if who != "gast":
                        fail(where, "gast note in a conversation that is not a guest's")
                    for q in as_list(note["gast"]):
                        names = {kb.school(q["ib"])["ib"]["naam"]} if "ib" in q else names_of(kb.lookup(q))
                        if not names <= set(nots):
                            fail(where, f"guest: not_contains must hold {sorted(names)}")
                    if exp.get("no_contact_details") is not True or contacts:
                        fail(where, "guest: needs no_contact_details: true and no contacts")
                if who == "gast" and ("contacts" in exp or "contacts_any" in exp):
                    fail(where, "a guest turn expects contacts")
                if "absent" in note:
                    for q in as_list(note["absent"]):
                        names = names_of(kb.lookup(q))
                        if not names <= set(nots):
                            fail(where, f"absent: not_contains must hold {sorted(names)}")
                # every person in not_contains is a real person who is not the answer
                for x in nots:
                    if x in expected_names:
                        fail(where, f"{x} is both expected and in not_contains")
                    if PHONE.match(x) and x in expected_phones:
                        fail(where, f"phone {x} is both expected and in not_contains")
                for x in list(contacts) + nots:
                    if " " in x and x[0].isupper() and x not in kb.person_names and x != "Centrale toegang" \
                            and not any(x == s["titel"] for s in kb.steps.values()):
                        fail(where, f"{x!r} is no person of the knowledge base")
                # ── schools ──
                if "exp" in note:
                    q = note["exp"]
                    got = kb.schools_with(q)
                    if not got:
                        fail(where, f"exp {q} finds no school")
                    frags = exp.get("schools_all") or []
                    covered = set()
                    for f in frags:
                        m = kb.school_names_matching(f)
                        if len(m) != 1 or m[0] not in got:
                            fail(where, f"schools_all {f!r} matches {m}, not one school of {got}")
                        covered |= set(m)
                    if covered != set(got):
                        fail(where, f"schools_all covers {sorted(covered)}, knowledge base {sorted(got)}")
                    for f in nots:
                        m = kb.school_names_matching(f)
                        if not m:
                            fail(where, f"not_contains {f!r} is no school")
                        if set(m) & set(got):
                            fail(where, f"not_contains {f!r} is an expected school")
                if "tags" in note:
                    tags = [t.lower() for t in kb.school(note["tags"])["expertise"]]
                    for c in contains:
                        if not any(c.lower() in t for t in tags):
                            fail(where, f"{c!r} is not a tag of {note['tags']} {tags}")
                    for c in nots:
                        if any(c.lower() in t for t in tags):
                            fail(where, f"{c!r} is a tag of {note['tags']}")
                if "cand" in note:
                    m = kb.school_names_matching(note["cand"])
                    if len(m) < 2:
                        fail(where, f"cand {note['cand']!r} matches {m}")
                    if note["cand"].lower() not in say.lower():
                        fail(where, "cand fragment not in the message")
                    for name in m:
                        if not any(c.lower() in name.lower() and len(kb.school_names_matching(c)) == 1 for c in contains):
                            fail(where, f"ask-back must name {name} by a distinctive part")
                    if exp.get("asks") is not True:
                        fail(where, "ask-back without asks: true")
                if "far" in note:
                    typed, name = note["far"]["typed"], note["far"]["name"]
                    kb.wijk_id(name)
                    if typed not in say:
                        fail(where, "far: typed form not in the message")
                    forms = [squash(name)] + [squash(a) for a in kb.wijken[kb.wijk_id(name)]["aliases"]]
                    dist = min(damerau(squash(typed), f) for f in forms)
                    if dist != 2:
                        fail(where, f"far: {typed} is {dist} edits from {name}, want 2")
                    if name not in contains or exp.get("asks") is not True:
                        fail(where, "far: needs asks: true and the canonical name in contains")
                if "typed" in note:
                    typed = note["typed"]
                    if typed not in say:
                        fail(where, "typed form not in the message")
                    targets = []
                    if "ib" in note:
                        targets = [w for w in re.findall(r"[a-z]+", note["ib"].lower()) if len(w) > 4]
                    elif "begrip" in note:
                        b = kb.begrippen[note["begrip"]]
                        targets = [squash(s) for s in b["synoniemen"]] + [w for s in b["synoniemen"] for w in s.split()]
                    elif "look" in note:
                        q = as_list(note["look"])[0]
                        place = q.get("wijk") or q.get("kern") or q.get("stadsdeel") or q.get("gemeente")
                        targets = [squash(place)]
                    d = min(damerau(typed, t) for t in targets)
                    if not 1 <= d <= 1:
                        fail(where, f"typed {typed!r} is {d} edits from its target; one-letter typos only here")
                # ── routes and terms ──
                if "step" in note:
                    st = kb.steps[note["step"]]
                    if exp.get("route_step") and exp["route_step"] != st["titel"]:
                        fail(where, f"route_step {exp['route_step']!r} != {st['titel']!r}")
                    labels = [o["label"] for o in st.get("opties") or []]
                    for c in exp.get("choices_include") or []:
                        if c not in labels:
                            fail(where, f"choice {c!r} not an option of {note['step']} {labels}")
                    if exp.get("asks") and not st.get("vraag"):
                        fail(where, "asks: true on a step without a question")
                    if "pick" in note:
                        if prev_step is None:
                            fail(where, "pick without an earlier step")
                        else:
                            opts = {o["label"]: o["volgende"] for o in kb.steps[prev_step].get("opties") or []}
                            if opts.get(note["pick"]) != note["step"]:
                                fail(where, f"{note['pick']!r} at {prev_step} leads to {opts.get(note['pick'])}, not {note['step']}")
                    prev_step = note["step"]
                elif exp.get("route_step"):
                    fail(where, "route_step without a step note")
                if "begrip" in note:
                    b = kb.begrippen[note["begrip"]]
                    text = (b["term"] + " " + b["uitleg"]).lower()
                    for c in contains:
                        if c.lower() not in text:
                            fail(where, f"{c!r} is not in the text of {b['term']}")
                if "vt" in note:
                    vt = [c for c in kb.contacts if c["rol"] == "veilig_thuis"]
                    if "0800-2000" not in contains or not any(c["telefoon"] == "0800-2000" for c in vt):
                        fail(where, "vt: 0800-2000 must be expected and be Veilig Thuis's number")
                if "outside" in note:
                    g = note["outside"]
                    if g not in kb.cbs or g in kb.gemeenten or any(w["naam"] == g for w in kb.wijken.values()):
                        fail(where, f"outside {g} is not a CBS gemeente outside the knowledge base")
                    if g not in contains or g.lower() not in say.lower():
                        fail(where, "outside gemeente must be in the message and in contains")
                # ── subscriptions and signals ──
                if "sub" in note:
                    for w in note["sub"]:
                        kb.wijk_id(w)
                        if w not in contains:
                            fail(where, f"sub: {w} not in contains")
                sig = note.get("signal")
                if sig == "pending":
                    if exp.get("signal_saved") is not False or exp.get("asks") is not True or who == "gast":
                        fail(where, "pending signal: needs signal_saved: false and asks: true (not a guest)")
                    forms = kb.place_words()
                    for w in note.get("sub") or []:
                        if not any(form in squash(say) and name == w for form, name in forms.items()):
                            fail(where, f"signal wijk {w} is not named in the message")
                    pending_signal = True
                elif sig == "saved":
                    if not pending_signal or exp.get("signal_saved") is not True:
                        fail(where, "saved signal without a pending one, or signal_saved not true")
                    pending_signal = False
                elif exp.get("signal_saved") is True:
                    fail(where, "signal_saved: true without a signal note")
            except KeyError as e:
                fail(where, f"unknown in knowledge base: {e}")
            # contact details: an ib/adviseur turn may show them; a guest never
            if who == "gast" and exp.get("no_contact_details") is not True:
                fail(where, "guest turn without no_contact_details: true")
    if not 240 <= stats["turns"] <= 260:
        fail("dev15.yaml", f"{stats['turns']} message turns, want 240-260")
    return stats["turns"], stats


def begrippen_in(kb: KB, text: str) -> set[str]:
    low = " " + re.sub(r"[?!.,:;]", " ", text.lower()) + " "
    found = set()
    for term, b in kb.begrippen.items():
        for syn in b["synoniemen"]:
            if re.search(r"(?<![a-z0-9'])" + re.escape(syn.lower()) + r"(?![a-z0-9'])", low):
                found.add(term)
    return found


def check_utterances(kb: KB, items: list) -> dict:
    counts: dict[str, int] = {}
    if len(items) != 120:
        fail("utterances", f"{len(items)} items, want 120")
    forms = kb.place_words()
    for n, it in enumerate(items):
        t, i, e, note = it.get("t", ""), it.get("i"), it.get("e") or {}, it.get("kb") or {}
        where = f"utterance {n + 1} {t!r}"
        counts[i] = counts.get(i, 0) + 1
        if set(it) - {"t", "i", "e", "kb"}:
            fail(where, f"unknown keys {set(it) - {'t', 'i', 'e', 'kb'}}")
        if i not in INTENTS:
            fail(where, f"unknown intent {i}")
        if t != t.lower():
            fail(where, "capital letters")
        if set(re.findall(r"[a-z]+", t)) & FIRST_NAMES:
            fail(where, "a first name")
        if set(e) - ENTITIES:
            fail(where, f"unknown entities {set(e) - ENTITIES}")
        if i == "unknown":
            if e:
                fail(where, "entities listed for an unknown item")
            continue
        st = squash(t)
        try:
            if "rol" in e and e["rol"] not in ROLES:
                fail(where, f"rol {e['rol']}")
            if "thema" in e and e["thema"] not in THEMAS:
                fail(where, f"thema {e['thema']}")
            if "expertise" in e and e["expertise"] not in kb.tags:
                fail(where, f"expertise {e['expertise']}")
            if "wijk" in e:
                w = kb.wijken[kb.wijk_id(e["wijk"])]
                if e.get("gemeente") != w["gemeente"]:
                    fail(where, f"wijk {e['wijk']} is in {w['gemeente']}, not {e.get('gemeente')}")
                named = any(f in st and name == e["wijk"] for f, name in forms.items())
                if not named:
                    typo = note.get("typo")
                    if not typo or typo not in t or min(damerau(typo, squash(f)) for f in [w["naam"], *w["aliases"]]) > 1:
                        fail(where, f"wijk {e['wijk']} not named in the text (nor a one-letter typo of it)")
                if "school" in e:
                    fail(where, "both a school and a wijk")
            if "school" in e:
                s = kb.school(e["school"])
                gem = s["wijk"].split(": ")[0]
                if e.get("gemeente") != gem:
                    fail(where, f"school {e['school']} is in {gem}")
                words = [x for x in re.findall(r"[a-z]+", e["school"].lower()) if len(x) > 4]
                if not any(x in st for x in words):
                    typo = note.get("typo")
                    if not typo or typo not in t or min(damerau(typo, x) for x in words) > 1:
                        fail(where, f"school {e['school']} not named in the text")
            if "gemeente" in e and e["gemeente"] not in kb.gemeenten:
                fail(where, f"gemeente {e['gemeente']}")
            if "gemeente" in e and "wijk" not in e and "school" not in e:
                g = e["gemeente"]
                fs = [squash(g)] + [squash(a) for a in kb.gemeenten[g]]
                if not any(f in st for f in fs):
                    fail(where, f"gemeente {g} not named in the text")
            if i == "partner_lookup" and "rol" not in e:
                fail(where, "partner_lookup without rol")
            if i == "expertise_lookup" and "expertise" not in e:
                fail(where, "expertise_lookup without expertise")
            if i in ("glossary", "route"):
                found = begrippen_in(kb, t)
                want = {e["begrip"]} if "begrip" in e else set()
                if note.get("typo"):
                    if found:
                        fail(where, f"typo item but terms found literally: {found}")
                    b = kb.begrippen.get(e.get("begrip"))
                    if not b or min(damerau(note["typo"], squash(s)) for s in b["synoniemen"]) > 1:
                        fail(where, "typo is not one letter off a synonym of the term")
                elif found != want:
                    fail(where, f"begrip {want} but synonyms in the text give {found}")
                if i == "glossary" and "begrip" not in e:
                    fail(where, "glossary without begrip")
            elif "begrip" in e:
                fail(where, "begrip outside glossary/route")
            if i == "route":
                step = kb.steps[note["step"]]
                if step["route"] != e.get("route"):
                    fail(where, f"step {note['step']} is in route {step['route']}, not {e.get('route')}")
            elif "route" in e:
                fail(where, "route entity outside a route item")
            if i in ("subscribe", "unsubscribe") and "wijk" not in e:
                fail(where, "subscription without wijk")
        except KeyError as ex:
            fail(where, f"unknown in knowledge base: {ex}")
    if counts.get("unknown", 0) < 30:
        fail("utterances", f"only {counts.get('unknown', 0)} unknown")
    return counts


def main() -> int:
    args = sys.argv[1:]
    kbdir = KB_DEFAULT
    if "--kb" in args:
        k = args.index("--kb")
        kbdir = Path(args[k + 1])
        del args[k:k + 2]
    folder = Path(args[0]) if args else HERE
    kb = KB(kbdir)
    convs = yaml.safe_load((folder / "dev15.yaml").read_text(encoding="utf-8"))
    utts = yaml.safe_load((folder / "dev15_utterances.yaml").read_text(encoding="utf-8"))
    turns, stats = check_conversations(kb, convs)
    counts = check_utterances(kb, utts)
    if errors:
        for x in errors:
            print("FAIL", x)
        print(f"{len(errors)} failures")
        return 1
    print(f"OK: {len(convs)} conversations, {turns} message turns {stats['parts']}, who {stats['who']}, "
          f"own wijk {stats['own_wijk']}; {len(utts)} single messages {counts}")
    print("expect keys:", dict(sorted(stats["expect"].items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
