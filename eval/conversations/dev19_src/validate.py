"""Recompute every expected fact of the DEV19 set from the knowledge-base YAML.

    .venv/bin/python eval/conversations/dev19_src/validate.py [DIR] [--kb KB_DIR] [--selftest]

DIR holds dev19.yaml and dev19_utterances.yaml (default: this file's folder when they lie next to
it, else the folder above it, as when installed as eval/conversations/dev19_src/). The knowledge
base is read with PyYAML only (default /work/main/wijkwijzer/knowledge/data); nothing of the bot is
imported. Exits 1 on any failure and prints every failure; prints `OK: …` with counts otherwise.
`--selftest` plants faults in memory (nothing is written) and checks that each is caught.

Adapted from dev18_src/validate.py (every check of it kept), with what this set's focus (expertise
and schools; signals and route steps answered loosely; mixed working days of leerplicht, JGZ and
jeugdteam people) needs besides: a route option picked by its position ("optie 2", "de tweede",
"de laatste", `pos`); a question about the step just shown or still waiting, answered from that
step's own text without moving the route (`askstep`); the wijk a signal names, typed with it or as
a correction while it waits (`sigplace`), and a lookup that takes that wijk ("wie is daar de smw",
`carry: sigplace`).
"""

from __future__ import annotations

import copy
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

_SELF = Path(__file__).resolve().parent
HERE = _SELF if (_SELF / "dev19.yaml").exists() else _SELF.parent  # dev19_src/ may live next to dev19.yaml
_IN_REPO = HERE.parent.parent / "wijkwijzer" / "knowledge" / "data"  # when installed as eval/conversations/dev19_src/
KB_DIR = _IN_REPO if _IN_REPO.is_dir() else Path("/work/main/wijkwijzer/knowledge/data")
PREFIX = "d19"

EXPECT_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_all",
               "schools_any", "no_contact_details", "asks", "safety", "emergency_112", "suicide_113",
               "route_step", "signal_saved", "choices_include"}
KB_KEYS = {
    # route (as dev16)
    "step", "start", "pick", "back", "restart", "switch", "term", "pending", "stop", "after", "nopick",
    "either", "topic", "own",
    # lookups and how the place or school was typed
    "look", "tags", "exp", "central", "gast", "absent", "carry", "typo", "part", "nick", "pc4", "mentions",
    "phones", "emails", "loket", "outside", "vt",
    # ask-backs
    "ask", "answers", "interrupt", "cancel", "expired", "forget",
    # everything else
    "begrip", "signal", "concern", "named_child", "sub", "other",
    # new in dev18
    "resume", "lives", "dup", "subs", "confirm", "rolefrom",
    # new in dev19
    "pos", "askstep", "sigplace",
}
# the words that name a role in a message (a lookup names its role, or carries it: see `rolefrom`)
ROLE_NAMES = {
    "smw": ["smw", "schoolmaatschappelijk", "maatschappelijk werk"],
    "leerplicht": ["lpa", "leerplicht"],
    "jgz": ["jgz", "cjg", "jeugdarts", "jeugdverpleegkundige", "verpleegkundige", "schoolarts"],
    "jeugdteam": ["jeugdteam", "jeugdconsulent", "lokaal team", "wijkteam", "jeugdhulp"],
    "wijkagent": ["wijkagent", "politie"],
    "adviseur": ["adviseur"],
    "ib": ["ib", "intern begeleider"],
}
CARRY_WAIT = 10  # minutes: after a longer wait nothing of the lookup before is carried over (project README)
# glossary terms that are role words: a lookup may hold them (dev17's convention: a lookup has no begrip)
ROLE_TERMS = {"Intern begeleider (IB'er)", "Schoolmaatschappelijk werk (SMW)", "Jeugdgezondheidszorg (JGZ)",
              "Centrum voor Jeugd en Gezin (CJG)", "Jeugdconsulent", "Wijkteam / lokaal team / jeugdteam",
              "Leerplichtambtenaar", "Adviseur passend onderwijs (SWV)", "Leerplicht"}
WHO = {"ib", "adviseur", "gast"}
GENERIC_ABSENT = {"er ging iets mis"}  # the crash reply named in the project README
INTENTS = {"route", "unknown", "partner_lookup", "expertise_lookup", "glossary", "signal", "greeting",
           "thanks", "help", "subscribe", "unsubscribe"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema"}
ROLES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib"}
THEMAS = {"armoede", "verzuim"}
ROLE_WORDS = {"smw", "smw'er", "lpa", "jgz", "leerplicht", "leerplichtambtenaar", "wijkagent", "jeugdteam",
              "adviseur", "ib", "ib'er", "jeugdarts", "jeugdconsulent", "cjg", "wijkteam"}
# words for a function inside a role, and places that are only a stadsdeel or kern: the contract's
# ninth entity is not known to this writer, so single messages that could fill it are left out
NINTH_WORDS = {"jeugdarts", "jeugdverpleegkundige", "verpleegkundige", "schoolarts", "schoolverpleegkundige"}
# first names a child might have; none may occur as a word in a message (the bot refuses those),
# except in a turn that tests exactly that (kb note named_child)
FIRST_NAMES = {"mo", "sem", "noah", "emma", "julia", "lucas", "mila", "daan", "sara", "liam", "zoe",
               "yara", "finn", "levi", "noor", "anna", "lotte", "fatima", "mohammed", "ayoub", "ilyas",
               "amira", "jayden", "sophie", "tess", "luuk", "bram", "jesse", "milan", "nina", "eva",
               "jurre", "sanne", "sven", "ilse", "kees", "fleur", "thijs", "lieke", "ruben", "ahmed"}
TURNS_MIN, TURNS_MAX = 220, 300
EXPIRY = 30  # WIJKWIJZER_PENDING_IDLE_MINUTES default (project README)


def distance(a: str, b: str) -> int:
    """Levenshtein distance (a transposition counts 2)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ0-9'/-]+", text.lower()))


# ───────────────────────── the knowledge base ─────────────────────────

class KB:
    def __init__(self, root: Path):
        load = lambda name: yaml.safe_load((root / name).read_text(encoding="utf-8"))
        geb, kp, sch, route, beg, swv = (load(n) for n in ("gebieden.yaml", "ketenpartners.yaml", "scholen.yaml",
                                                          "route.yaml", "begrippen.yaml", "swv.yaml"))
        self.wijk: dict[str, tuple[str, str | None, str | None]] = {}  # wijk → (gemeente, deel, soort)
        self.deel: dict[str, tuple[str, str, list[str]]] = {}  # deel → (gemeente, soort, wijken)
        self.gemeente: dict[str, list[str]] = {}  # gemeente → aliases
        self.place_words: dict[str, list[str]] = {}  # canonical wijk/gemeente → names people type
        self.deel_words: dict[str, list[str]] = {}  # canonical stadsdeel/kern → names people type
        self.aliases: dict[str, list[str]] = {}  # wijk → its aliases only
        self.pc4: dict[str, list[str]] = {}  # wijk → postcodes
        self.wijk_order: list[str] = []
        for g in geb["gemeenten"]:
            self.gemeente[g["naam"]] = g.get("aliassen") or []
            self.place_words[g["naam"]] = [g["naam"], *(g.get("aliassen") or [])]
            for w in g.get("wijken") or []:
                self._add_wijk(w, g["naam"], None, None)
            for d in g.get("delen") or []:
                names = [w["naam"] for w in d.get("wijken") or []]
                self.deel[d["naam"]] = (g["naam"], d["soort"], names)
                self.deel_words[d["naam"]] = [d["naam"], *(d.get("aliassen") or [])]
                for w in d.get("wijken") or []:
                    self._add_wijk(w, g["naam"], d["naam"], d["soort"])
        self.contacts = [dict(c, org=o["naam"]) for o in kp["organisaties"] for c in o["contacten"]]
        self.persons = {c["naam"] for c in self.contacts if c["naam"] != "Centrale toegang" and c["rol"] != "veilig_thuis"}
        self.schools = sch["scholen"]
        self.school_by_name = {s["naam"]: s for s in self.schools}
        self.persons |= {s["ib"]["naam"] for s in self.schools if s.get("ib")}
        self.phone = {c["naam"]: c.get("telefoon") for c in self.contacts if c["naam"] in self.persons}
        self.email = {c["naam"]: c.get("email") for c in self.contacts if c["naam"] in self.persons}
        for s in self.schools:
            self.phone[s["ib"]["naam"]] = s["ib"].get("telefoon")
            self.email[s["ib"]["naam"]] = s["ib"].get("email")
        self.vt_phone = next(c["telefoon"] for c in self.contacts if c["rol"] == "veilig_thuis")
        self.central = {c["werkgebied"][0]: c["telefoon"] for c in self.contacts if c["naam"] == "Centrale toegang"}
        self.loket_phone = (swv.get("loket") or {}).get("telefoon")
        self.tags = {t for s in self.schools for t in s.get("expertise") or []}
        self.steps = {s["id"]: s for s in route["stappen"]}
        self.entries = {i["route"]: i["start"] for i in route["ingangen"]}
        self.entry_words = {i["route"]: i.get("trefwoorden") or [] for i in route["ingangen"]}
        self.kb_rol = {r["id"]: r["kb_rol"] for r in route["rollen"]}
        self.begrippen = {b["term"]: b for b in beg["begrippen"]}
        # gemeenten.txt: every Dutch gemeente and the names people type for it
        self.nl_gemeenten: dict[str, str] = {}  # typed name (lower) → CBS name
        for line in (root / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "|" not in line:
                continue
            parts = [p.strip() for p in line.split("|")]
            names = [parts[1]] + ([n.strip() for n in parts[2].split(",") if n.strip()] if len(parts) > 2 else [])
            for n in names:
                self.nl_gemeenten[n.lower()] = parts[1]
        self.own_place_words = {w.lower() for ws in (*self.place_words.values(), *self.deel_words.values()) for w in ws}

    def _add_wijk(self, w: dict, g: str, d: str | None, soort: str | None) -> None:
        self.wijk[w["naam"]] = (g, d, soort)
        self.place_words[w["naam"]] = [w["naam"], *(w.get("aliassen") or [])]
        self.aliases[w["naam"]] = w.get("aliassen") or []
        self.pc4[w["naam"]] = [str(p) for p in w.get("pc4") or []]
        self.wijk_order.append(w["naam"])

    # places ------------------------------------------------------------
    def wijk_key(self, w: str) -> str:
        return f"{self.wijk[w][0]}: {w}"

    def deel_key(self, d: str) -> str:
        g, soort, _ = self.deel[d]
        return f"{g}: {soort} {d}"

    def place_of(self, spec: dict) -> tuple[str, str] | None:
        for k in ("wijk", "deel", "gemeente", "school"):
            if k in spec:
                return k, spec[k]
        return None

    # contacts ----------------------------------------------------------
    def people(self, rol: str, functie: str | None = None) -> list[dict]:
        return [c for c in self.contacts if c["rol"] == rol and (functie is None or functie in c["functie"])]

    def look(self, spec: dict) -> set[str]:
        """The contacts of the most specific level covering the place (a school: its own IB'er; the
        contacts that list the school; else its wijk)."""
        rol, functie = spec["rol"], spec.get("functie")
        if "school" in spec:
            s = self.school_by_name[spec["school"]]
            if rol == "ib":
                return {s["ib"]["naam"]}
            assigned = {c["naam"] for c in self.people(rol, functie) if s["naam"] in (c.get("scholen") or [])}
            _, w = self.school_place(s)
            by_place = self.look({"rol": rol, "functie": functie, "wijk": w} if functie else {"rol": rol, "wijk": w})
            if assigned and by_place and assigned != by_place:
                raise ValueError(f"{s['naam']}: assigned {assigned} but the wijk gives {by_place}")
            return assigned or by_place
        ppl = self.people(rol, functie)
        at = lambda key: {c["naam"] for c in ppl if key in c["werkgebied"] and c["naam"] in self.persons}
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

    def school_word(self, s: dict) -> str:
        return s["naam"].split()[-1].lower()

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

    def context_words(self, option: str) -> set[str]:
        """Words that point at one option of an ask-back: a school's own word and its wijk, kern or
        stadsdeel and gemeente; a wijk's names, its stadsdeel or kern and its gemeente."""
        if option in self.school_by_name:
            s = self.school_by_name[option]
            g, w = self.school_place(s)
            out = {self.school_word(s)}
        else:
            g, w, out = self.wijk[option][0], option, set()
        _, d, _ = self.wijk[w]
        out |= {x.lower() for x in self.place_words[w]} | {g.lower()}
        if d:
            out |= {x.lower() for x in self.deel_words[d]}
        return out

    def order_key(self, option: str) -> int:
        if option in self.school_by_name:
            return [s["naam"] for s in self.schools].index(option)
        return self.wijk_order.index(option)

    def typo_targets(self) -> dict[str, str]:
        """Every name a place or school is typed as (lower) → the thing it names."""
        out = {}
        for canon, names in (*self.place_words.items(), *self.deel_words.items()):
            for n in names:
                out.setdefault(n.lower(), canon)
        for s in self.schools:
            out.setdefault(self.school_word(s), s["naam"])
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

    def start_words(self, sid: str) -> list[str]:
        """What a message may hold to start the route at this step: the step's trefwoorden and title,
        an entry's trefwoorden when the step is that entry's start, and the synonyms of a glossary
        term that points at the step."""
        s = self.steps[sid]
        words = [str(w) for w in s.get("trefwoorden") or []] + [s["titel"]]
        for route_, start in self.entries.items():
            if start == sid:
                words += [str(w) for w in self.entry_words[route_]]
        for b in self.begrippen.values():
            if b.get("route_stap") == sid:
                words += [str(w) for w in b.get("synoniemen") or []]
        return [w.lower() for w in words]

    def titles(self) -> set[str]:
        return {s["titel"] for s in self.steps.values()}

    def questions(self) -> set[str]:
        return {s["vraag"] for s in self.steps.values() if s.get("vraag")}

    def begrip_text(self, term: str) -> str:
        b = self.begrippen[term]
        return (b["term"] + " " + b["uitleg"]).lower()

    def term_forms_in(self, text: str) -> dict[str, str]:
        """Glossary terms found literally (as whole words) → the form that was found."""
        low = " " + text.lower() + " "
        found: dict[str, str] = {}
        for term, b in self.begrippen.items():
            forms = [*(b.get("synoniemen") or []), re.sub(r"\s*\(.*\)$", "", term)]
            for f in forms:
                f = str(f).lower()
                if re.search(r"(?<![\w'])" + re.escape(f) + r"(?![\w'])", low):
                    found[term] = f
                    break
        return found

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

def place_named(kb: KB, spec: dict, say: str, note: dict, own: str | None, carried: bool) -> bool:
    """Is the place or school of a lookup in the message (as typed, or by a note saying how)?"""
    low = say.lower()
    squash = low.replace(" ", "").replace("-", "")
    kind, value = kb.place_of(spec)
    if carried or note.get("answers"):
        return True
    if spec.get("mine"):
        return own == value
    typed = [t["typed"] for t in note.get("typo") or [] if t["name"] == value]
    typed += [p["typed"] for p in note.get("part") or [] if p["school"] == value]
    typed += [n["typed"] for n in note.get("nick") or [] if n["wijk"] == value]
    typed += [p["code"] for p in note.get("pc4") or [] if p["wijk"] == value]
    if any(t.lower() in low for t in typed):
        return True
    if kind == "school":
        return kb.school_word(kb.school_by_name[value]) in low
    names = kb.place_words.get(value) or kb.deel_words.get(value) or []
    return any(n.lower() in low or n.lower().replace(" ", "").replace("-", "") in squash for n in names)


def check_conversations(kb: KB, convs: list[dict], fail) -> Counter:
    stats: Counter = Counter()
    parts = Counter()
    all_titles, all_questions = kb.titles(), kb.questions()
    central_phones = set(kb.central.values())
    person_phones = {p for p in kb.phone.values() if p}
    person_emails = {e for e in kb.email.values() if e}
    targets = kb.typo_targets()
    for n, conv in enumerate(convs):
        cid = conv.get("id", f"#{n}")
        part = conv.get("part")
        parts[part] += 1
        want_id = f"{PREFIX}-{part}{parts[part]:02d}"
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
        # route state (as dev16)
        current: str | None = None
        history: list[str] = []
        stopped: str | None = None
        last_begrip: str | None = None
        # lookup state
        signal_pending = signal_expired = False
        pend: dict | None = None  # the ask-back waiting
        pend_expired: dict | None = None
        last_look: list[dict] | None = None
        last_exp: dict | None = None
        last_school: str | None = None
        subscribed: set[str] = set()
        prev_say: str | None = None
        forgot_at: int | None = None  # the message number of "verwijder mijn gegevens"
        interrupted_route = False  # a lookup or term was answered while a route step waited
        prev_shown: str | None = None  # the step shown in the message turn before (also an end step)
        signal_place: str | None = None  # the wijk the last signal named (typed with it or corrected)
        msg_no = 0
        for i, turn in enumerate(conv["turns"], 1):
            where = f"{cid} turn {i}"
            if "wait_minutes" in turn:
                m = turn["wait_minutes"]
                if EXPIRY - 2 <= m <= EXPIRY + 2:
                    fail(f"{where}: a wait of {m} minutes is too close to the {EXPIRY}-minute expiry")
                if m > EXPIRY:
                    stopped, current, history = current, None, []
                    pend_expired, pend = pend, None
                    signal_expired, signal_pending = signal_pending, False
                    stats["waits over 30"] += 1
                else:
                    stats["waits under 30"] += 1
                if m > CARRY_WAIT:  # nothing of the lookup before is carried over such a wait
                    last_look, last_exp, last_school = None, None, None
                    signal_place = None
                    stats["waits that end a follow-up"] += 1
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
            msg_no += 1
            # ── a message sent twice; what may follow "verwijder mijn gegevens" ──
            if note.get("dup"):
                if say != prev_say:
                    fail(f"{where}: dup, but the message before was {prev_say!r}")
                stats["message sent twice"] += 1
            prev_say = say
            if forgot_at is not None:
                if note.get("confirm") != "forget" or msg_no != forgot_at + 1:
                    fail(f"{where}: after verwijder mijn gegevens only its confirmation may follow")
            if note.get("confirm") == "forget":
                if forgot_at is None or msg_no != forgot_at + 1:
                    fail(f"{where}: a confirmation without verwijder mijn gegevens just before")
                if msg_no != len(msgs):
                    fail(f"{where}: the confirmation of verwijder mijn gegevens must be the last message")
                if exp.get("contacts") or exp.get("contacts_any"):
                    fail(f"{where}: the confirmation names nobody")
                stats["forget confirmed"] += 1
            elif "confirm" in note:
                fail(f"{where}: confirm must be 'forget'")
            names_in = set(re.findall(r"[a-zà-ÿ']+", say)) & FIRST_NAMES
            if names_in and names_in != {note.get("named_child")}:
                fail(f"{where}: a first name in the message: {sorted(names_in)}")
            if note.get("named_child"):
                if note["named_child"] not in names_in:
                    fail(f"{where}: named_child {note['named_child']!r} is not in the message")
                if "absent" not in note or exp.get("contacts") or exp.get("contacts_any"):
                    fail(f"{where}: a question about a named child is no lookup (absent, no contacts)")
                stats["named child"] += 1
            not_contains = [str(x) for x in exp.get("not_contains") or []]
            contains = [str(x) for x in exp.get("contains") or []] + [str(x) for x in exp.get("contains_any") or []]
            allowed: list[str] = []  # the knowledge-base texts a `contains` word may come from
            for key in ("contacts", "contacts_any"):
                for name in exp.get(key) or []:
                    if name not in kb.persons:
                        fail(f"{where}: {key} names {name!r}, not a person of the knowledge base")
                    if name.lower() in say.lower():
                        fail(f"{where}: the message names the person it asks for")
            if who == "gast" and (exp.get("contacts") or exp.get("contacts_any")):
                fail(f"{where}: a guest gets no contact person")
            if (exp.get("contacts") or exp.get("contacts_any")) and not ({"look", "own"} & set(note)):
                fail(f"{where}: contacts without a look or own note")
            shown: str | None = None
            answer_people: set[str] = set()
            # ── how places and schools were typed ──
            for t in note.get("typo") or []:
                typed, name, how = t["typed"].lower(), t["name"], t["how"]
                if typed not in say.lower():
                    fail(f"{where}: typo {typed!r} is not in the message")
                forms = [f.lower() for f in kb.place_words.get(name) or kb.deel_words.get(name) or []]
                if name in kb.school_by_name:
                    forms = [kb.school_word(kb.school_by_name[name])]
                if not forms:
                    fail(f"{where}: typo target {name!r} is no place or school")
                    continue
                d = min(distance(typed, f) for f in forms)
                if how == "fixed":
                    if d != 1:
                        fail(f"{where}: {typed!r} is {d} letters off {name}, a fixed typo is one letter off")
                    others = {canon for form, canon in targets.items() if distance(typed, form) <= 1 and canon != name}
                    if others:
                        fail(f"{where}: {typed!r} is also one letter off {sorted(others)}")
                elif how == "offered":
                    if d < 2:
                        fail(f"{where}: {typed!r} is only {d} letter off {name}: it would be fixed, not offered back")
                else:
                    fail(f"{where}: typo how must be fixed or offered")
                stats[f"typo {how}"] += 1
            for p in note.get("part") or []:
                found = kb.school(p["typed"])
                if p["typed"].lower() not in say.lower() or len(found) != 1 or found[0]["naam"] != p["school"]:
                    fail(f"{where}: part {p['typed']!r} does not name exactly {p['school']} in the message")
                stats["school by part"] += 1
            for nk in note.get("nick") or []:
                if nk["typed"].lower() not in say.lower() or nk["typed"].lower() not in [a.lower() for a in kb.aliases.get(nk["wijk"], [])]:
                    fail(f"{where}: {nk['typed']!r} is no alias of {nk['wijk']} in the message")
                stats["wijk by local name"] += 1
            for pc in note.get("pc4") or []:
                having = [w for w, codes in kb.pc4.items() if str(pc["code"]) in codes]
                if str(pc["code"]) not in say or having != [pc["wijk"]]:
                    fail(f"{where}: postcode {pc['code']} belongs to {having}, not only {pc['wijk']}")
                stats["wijk by postcode"] += 1
            # ── route steps (as dev16) ──
            if "step" in note:
                sid = note["step"]
                if sid not in kb.steps:
                    fail(f"{where}: unknown step {sid}")
                    continue
                step = kb.steps[sid]
                how = [k for k in ("start", "pick", "back", "restart", "switch", "term", "resume") if k in note]
                if len(how) != 1:
                    fail(f"{where}: a step needs exactly one of start/pick/back/restart/switch/term/resume, got {how}")
                elif how[0] == "resume":
                    # "ok terug naar de route": the step left waiting under a lookup is shown again
                    if current != sid:
                        fail(f"{where}: resume {sid}, but the step waiting is {current}")
                    elif not interrupted_route:
                        fail(f"{where}: resume {sid}, but nothing was answered while it waited")
                    history = history[:-1]
                    stats["route resumed"] += 1
                elif how[0] == "pick":
                    if current is None:
                        fail(f"{where}: a pick without a step shown before")
                    elif kb.next_of(current, note["pick"]) != sid:
                        fail(f"{where}: {note['pick']!r} at {current} leads to {kb.next_of(current, note['pick'])}, not {sid}")
                    if current is not None and "pos" in note:
                        # "optie 2", "de tweede", "de laatste": the option at that place of the step waiting
                        labels_ = [o["label"] for o in kb.steps[current].get("opties") or []]
                        pos = note["pos"]
                        idx = len(labels_) - 1 if pos == "last" else (pos - 1 if isinstance(pos, int) else -99)
                        if not 0 <= idx < len(labels_) or labels_[idx] != note["pick"]:
                            fail(f"{where}: pos {pos} of {current} is {labels_[idx] if 0 <= idx < len(labels_) else None}, not {note['pick']!r}")
                        ordinals = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", "last": "laatste"}
                        said = words_of(say)
                        if str(pos) not in said and ordinals.get(pos) not in said:
                            fail(f"{where}: pos {pos}: the message holds neither its number nor its ordinal")
                        stats["route pick by position"] += 1
                    stats["route pick"] += 1
                elif how[0] == "back":
                    if len(history) < 2 or history[-2] != sid:
                        fail(f"{where}: terug from {history[-1:] or None} does not lead to {sid}")
                    history = history[:-2]
                elif how[0] == "restart":
                    first = history[0] if history else None
                    if first is None or kb.entries.get(kb.steps[first]["route"]) != first or sid != first:
                        fail(f"{where}: opnieuw must go to the entry where the route began ({first}), not {sid}")
                    history = []
                elif how[0] == "switch":
                    if current is None or kb.steps[current]["route"] == step["route"]:
                        fail(f"{where}: a switch needs another route in progress")
                    history = []
                elif how[0] == "term":
                    if last_begrip != note["term"]:
                        fail(f"{where}: the term {note['term']} was not shown in the turn before")
                    elif kb.begrippen[note["term"]].get("route_stap") != sid:
                        fail(f"{where}: {note['term']} points to {kb.begrippen[note['term']].get('route_stap')}, not {sid}")
                    history = []
                    stats["route from term"] += 1
                else:
                    history = []
                    words = kb.start_words(sid)
                    if not any(re.search(r"(?<![\w'])" + re.escape(w) + r"(?![\w'])", say.lower()) for w in words):
                        fail(f"{where}: the message holds none of the words that start {sid}")
                    stats["route start"] += 1
                if exp.get("route_step") != step["titel"]:
                    fail(f"{where}: route_step {exp.get('route_step')!r} is not the title {step['titel']!r}")
                labels = [o["label"] for o in step.get("opties") or []]
                for label in exp.get("choices_include") or []:
                    if label not in labels:
                        fail(f"{where}: choice {label!r} is no option of {sid}")
                if "asks" in exp and bool(exp["asks"]) != bool(step.get("vraag")):
                    fail(f"{where}: asks={exp['asks']} but the step {'has' if step.get('vraag') else 'has no'} question")
                text = kb.step_text(sid)
                allowed.append(text)
                if exp.get("safety") and "0800-2000" not in text:
                    fail(f"{where}: safety expected but the step does not give 0800-2000")
                if "emergency_112" in exp and bool(exp["emergency_112"]) != bool(re.search(r"\b112\b", text)):
                    fail(f"{where}: emergency_112={exp['emergency_112']} does not fit the step text")
                if note.get("own"):
                    roles = {kb.kb_rol[r] for r in step["betrokken_rollen"]} - {None, "ib", "veilig_thuis"}
                    allowed_people = set().union(*(kb.covering(r, own) for r in roles)) if roles and own else set()
                    named = set(exp.get("contacts_any") or [])
                    if not own or not named or named != allowed_people:
                        fail(f"{where}: contacts_any must be all people of the step's roles for {own}: {sorted(allowed_people)}")
                    stats["own contacts in route"] += 1
                shown = sid
                if "pos" in note and how and how[0] != "pick":
                    fail(f"{where}: pos belongs to a pick")
                current = None if step.get("einde") else sid
                history.append(sid)
                interrupted_route = False
                stopped = None
                stats["route steps"] += 1
            elif "route_step" in exp or "choices_include" in exp:
                fail(f"{where}: route_step/choices without a step note")
            if "pending" in note:
                if current != note["pending"]:
                    fail(f"{where}: pending {note['pending']} but the step waiting is {current}")
                if "step" in note:
                    fail(f"{where}: a turn that shows a step leaves nothing pending")
                interrupted_route = True
                stats["route interrupted"] += 1
            if "askstep" in note:
                # a question about the step waiting or just shown, answered from its own text; the
                # route does not move ("moet ik dat echt melden?", "wie zijn die deskundigen dan")
                ask_sid = note["askstep"]
                if "step" in note:
                    fail(f"{where}: askstep and a step shown in one turn")
                elif ask_sid not in kb.steps or ask_sid not in {current, prev_shown}:
                    fail(f"{where}: askstep {ask_sid} is neither the step waiting ({current}) nor the one just shown ({prev_shown})")
                else:
                    if not exp.get("contains"):
                        fail(f"{where}: askstep needs contains from the step's text")
                    for word in exp.get("contains") or []:
                        if word.lower() not in kb.step_text(ask_sid):
                            fail(f"{where}: {word!r} is not in the text of {ask_sid}")
                    allowed.append(kb.step_text(ask_sid))
                    for t_ in (exp.get("not_contains") or []):
                        if t_ in all_titles and kb.steps[ask_sid]["titel"] == t_:
                            fail(f"{where}: askstep forbids its own step's title")
                stats["question about a step"] += 1
            if "pos" in note and "pick" not in note:
                fail(f"{where}: pos without a pick")
            if "pending" in note or "askstep" in note:
                pass
            elif "step" not in note and not {"stop", "after", "nopick"} & set(note):
                current, history = None, []
            if "stop" in note:
                if current != note["stop"]:
                    fail(f"{where}: stop at {note['stop']} but the step shown is {current}")
                stopped, current, history = current, None, []
            if "after" in note:
                at, pick = note["after"]["at"], note["after"]["pick"]
                nxt = kb.next_of(at, pick)
                if stopped != at or nxt is None or kb.steps[nxt]["titel"] not in not_contains:
                    fail(f"{where}: after {at}: not_contains must hold the title of {nxt}")
            if "nopick" in note:
                at = note["nopick"]["at"]
                if current != at:
                    fail(f"{where}: nopick at {at} but the step waiting is {current}")
                for label in note["nopick"]["not"]:
                    nxt = kb.next_of(at, label)
                    if nxt is None or kb.steps[nxt]["titel"] not in not_contains:
                        fail(f"{where}: not_contains must hold the title after {label!r} at {at}")
            if "topic" in note:
                st, term = note["topic"]["step"], note["topic"]["begrip"]
                for word in exp.get("contains") or []:
                    if word.lower() not in kb.step_text(st) or word.lower() not in kb.begrip_text(term):
                        fail(f"{where}: {word!r} is not in both {st} and {term}")
                allowed.append(kb.step_text(st))
            # ── ask-backs: answered, interrupted, cancelled, expired ──
            if "answers" in note:
                a = note["answers"]
                if pend is None:
                    fail(f"{where}: answers an ask-back but none is waiting")
                else:
                    opts = pend.get("options") or []
                    by = a.get("by")
                    if pend["kind"] in ("choose", "suggest") and a.get("option") not in opts:
                        fail(f"{where}: {a.get('option')!r} is not offered ({opts})")
                    elif by in ("first", "second", "third", "number"):
                        pos = {"first": 1, "second": 2, "third": 3}.get(by, a.get("pos"))
                        by_kb = sorted(opts, key=kb.order_key)
                        by_abc = sorted(opts, key=lambda o: (kb.school_word(kb.school_by_name[o]) if o in kb.school_by_name else o.lower()))
                        if by_kb != by_abc or opts != by_kb:
                            fail(f"{where}: the order of {opts} is not settled (knowledge base {by_kb}, alphabet {by_abc})")
                        elif not pos or pos > len(opts) or opts[pos - 1] != a["option"]:
                            fail(f"{where}: position {pos} of {opts} is not {a['option']}")
                    elif by == "yes":
                        if len(opts) != 1:
                            fail(f"{where}: a yes answers only a single suggestion")
                    elif by == "word":
                        if pend["kind"] in ("choose", "suggest"):
                            mine = kb.context_words(a["option"])
                            others = set().union(*(kb.context_words(o) for o in opts if o != a["option"]))
                            hit = {w for w in mine - others if re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", say.lower())}
                            if not hit:
                                fail(f"{where}: no word in the message points at {a['option']} alone")
                    else:
                        fail(f"{where}: answers by must be first/second/third/number/yes/word")
                    specs = note.get("look") if isinstance(note.get("look"), list) else [note.get("look")] if note.get("look") else []
                    asked = [s for s in specs if s["rol"] == pend["spec"]["rol"] and s.get("functie") == pend["spec"].get("functie")]
                    if not asked:
                        fail(f"{where}: the answer must give the asked role {pend['spec']}")
                    for s in asked:
                        if pend["kind"] in ("choose", "suggest") and kb.place_of(s)[1] != a.get("option"):
                            fail(f"{where}: the look must be for {a.get('option')}")
                        if pend["kind"] in ("place", "narrow") and not place_named(kb, s, say, {k: v for k, v in note.items() if k != "answers"}, own, False):
                            fail(f"{where}: the place answered is not in the message")
                stats[f"ask-back answered by {note['answers'].get('by')}"] += 1
            if note.get("interrupt"):
                if pend is None and not signal_pending:
                    fail(f"{where}: interrupt, but no ask-back or signal is waiting")
                if "answers" in note:
                    fail(f"{where}: an interruption does not answer")
                stats["ask-back interrupted"] += 1
            for key in ("cancel", "forget"):
                if note.get(key):
                    if pend is None and key == "forget":
                        pass  # "verwijder mijn gegevens" works with nothing waiting too (project README)
                    elif pend is None:
                        fail(f"{where}: {key} with no ask-back waiting")
                    else:
                        would = set().union(*(kb.look(dict(pend["spec"], **{kind: o})) for o in pend.get("options") or []
                                             for kind in ["school" if o in kb.school_by_name else "wijk"]))
                        if not would <= set(not_contains):
                            fail(f"{where}: {key}: not_contains must hold {sorted(would - set(not_contains))}")
                    stats[key] += 1
            if note.get("forget"):
                forgot_at = msg_no
                if exp.get("asks") is not True:
                    fail(f"{where}: verwijder mijn gegevens is confirmed first (asks: true)")
                if exp.get("contacts") or exp.get("contacts_any"):
                    fail(f"{where}: verwijder mijn gegevens names nobody")
            if "expired" in note:
                o = note["expired"]["option"]
                if pend_expired is None or o not in (pend_expired.get("options") or []):
                    fail(f"{where}: expired {o!r}, but no expired ask-back offered it")
                else:
                    kind = "school" if o in kb.school_by_name else "wijk"
                    would = kb.look(dict(pend_expired["spec"], **{kind: o}))
                    if not would <= set(not_contains):
                        fail(f"{where}: after expiry not_contains must hold {sorted(would)}")
                pend_expired = None
                stats["ask-back expired"] += 1
            # ── lookups ──
            carried = False
            if "carry" in note:
                c = note["carry"]
                prev = last_look[0] if last_look and len(last_look) == 1 else None
                if c in ("rol", "place") and "look" in note:
                    specs = note["look"] if isinstance(note["look"], list) else [note["look"]]
                    if not last_look:
                        fail(f"{where}: carry {c} without a lookup before")
                    elif c == "rol":
                        if {(s["rol"], s.get("functie")) for s in specs} != {(s["rol"], s.get("functie")) for s in last_look}:
                            fail(f"{where}: carry rol: the roles differ from the lookup before")
                        if {kb.place_of(s) for s in specs} == {kb.place_of(s) for s in last_look}:
                            fail(f"{where}: carry rol: the place must change")
                    else:
                        if {kb.place_of(s) for s in specs} != {kb.place_of(s) for s in last_look}:
                            fail(f"{where}: carry place: the place differs from the lookup before")
                        carried = True
                elif c in ("tag", "area") and "exp" in note:
                    if not last_exp:
                        fail(f"{where}: carry {c} without an expertise question before")
                    elif c == "tag" and (note["exp"]["tag"] != last_exp["tag"] or kb.place_of(note["exp"]) == kb.place_of(last_exp)):
                        fail(f"{where}: carry tag: same tag, another area")
                    elif c == "area":
                        if kb.place_of(note["exp"]) != kb.place_of(last_exp) or note["exp"]["tag"] == last_exp["tag"]:
                            fail(f"{where}: carry area: same area, another tag")
                        carried = True
                elif c == "school":
                    specs = note["look"] if isinstance(note.get("look"), list) else [note["look"]] if note.get("look") else []
                    targets_ = {s.get("school") for s in specs} | ({note["tags"]} if note.get("tags") else set())
                    if len(targets_) != 1 or targets_ != {last_school}:
                        fail(f"{where}: carry school: the school before was {last_school}, not {targets_}")
                    carried = True
                elif c == "askrol" and "look" in note:
                    specs = note["look"] if isinstance(note["look"], list) else [note["look"]]
                    if pend is None or any((s["rol"], s.get("functie")) != (pend["spec"]["rol"], pend["spec"].get("functie")) for s in specs):
                        fail(f"{where}: carry askrol: the role must be the one the ask-back was about")
                elif c == "sigplace" and "look" in note:
                    # "wie is daar de smw" after a signal that named its wijk (typed or corrected)
                    specs = note["look"] if isinstance(note["look"], list) else [note["look"]]
                    if signal_place is None or any(s.get("wijk") != signal_place for s in specs):
                        fail(f"{where}: carry sigplace: the last signal named {signal_place}, not {[s.get('wijk') for s in specs]}")
                    carried = True
                elif c == "lookplace" and "exp" in note:
                    if not prev or kb.place_of(prev) != kb.place_of(note["exp"]):
                        fail(f"{where}: carry lookplace: the area must be the lookup's place")
                    carried = True
                else:
                    fail(f"{where}: carry {c!r} does not fit the notes")
                stats[f"follow-up carries {c}"] += 1
            if "look" in note:
                specs = note["look"] if isinstance(note["look"], list) else [note["look"]]
                # the role must be named, or carried: by carry rol/askrol, by the answer to an
                # ask-back, by a detail follow-up of the same roles ("mail?"), or by a rolefrom note
                before_roles = {sp["rol"] for sp in last_look or []}
                for spec in specs:
                    named_role = any(re.search(r"(?<![a-z])" + re.escape(w), say.lower()) for w in ROLE_NAMES[spec["rol"]])
                    kept = (note.get("carry") in ("rol", "askrol") or "answers" in note
                            or (note.get("carry") in ("place", "school") and spec["rol"] in before_roles))
                    if not named_role and not kept and not note.get("rolefrom"):
                        fail(f"{where}: the role {spec['rol']} is not in the message and not carried")
                if note.get("rolefrom"):
                    stats["role from the context (rolefrom)"] += 1
                want: set[str] = set()
                for spec in specs:
                    try:
                        got = kb.look(spec)
                    except (KeyError, ValueError) as err:
                        fail(f"{where}: {err}")
                        got = set()
                    if not got:
                        fail(f"{where}: nobody for {spec}")
                    if spec.get("mine") and spec.get("wijk") != own:
                        fail(f"{where}: mine: {spec.get('wijk')} is not the own wijk {own}")
                    if not place_named(kb, spec, say, note, own, carried):
                        fail(f"{where}: the place or school of {spec} is not in the message")
                    want |= got
                answer_people = want
                if set(exp.get("contacts") or []) != want:
                    fail(f"{where}: contacts {exp.get('contacts')} != {sorted(want)}")
                last_look = specs
                schools_ = {sp.get("school") for sp in specs}
                last_school = schools_.pop() if len(schools_) == 1 else None
                stats["lookups"] += 1
                stats[f"lookup of {len(specs)} role(s)/place(s)"] += 1
            if "mentions" in note:
                sch = kb.school_by_name.get(note["mentions"])
                if sch is None or kb.school_word(sch) not in say.lower():
                    fail(f"{where}: mentions {note['mentions']!r}: not a school named in the message")
                else:
                    last_school = note["mentions"]
            if note.get("phones"):
                phones = {kb.phone[p] for p in answer_people if kb.phone.get(p)}
                got = {c for c in contains if c in person_phones}
                if not phones or got != phones:
                    fail(f"{where}: phones: contains must hold {sorted(phones)}")
                allowed.extend(phones)
                stats["phone numbers checked"] += len(phones)
            if note.get("emails"):
                mails = {kb.email[p] for p in answer_people if kb.email.get(p)}
                got = {c for c in contains if c in person_emails}
                if not mails or got != mails:
                    fail(f"{where}: emails: contains must hold {sorted(mails)}")
                allowed.extend(mails)
                stats["e-mail addresses checked"] += len(mails)
            if "tags" in note:
                s = kb.school_by_name.get(note["tags"])
                if s is None or not place_named(kb, {"school": note["tags"]}, say, note, own, carried):
                    fail(f"{where}: tags of {note['tags']!r}: no such school in the message")
                else:
                    allowed.append(" ".join(s.get("expertise") or []).lower())
                    if not exp.get("contains"):
                        fail(f"{where}: tags need contains")
                    for word in exp.get("contains") or []:
                        if word.lower() not in " ".join(s.get("expertise") or []).lower():
                            fail(f"{where}: {word!r} is no expertise tag of {note['tags']}")
                    last_school = note["tags"]
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
                if not place_named(kb, spec, say, note, own, carried):
                    fail(f"{where}: the area of {spec} is not in the message")
                for frag in not_contains:
                    found = kb.school(frag)
                    if len(found) == 1 and found[0]["naam"] in want:
                        fail(f"{where}: {frag!r} is in the answer but in not_contains")
                last_exp = spec
                last_school = next(iter(want)) if len(want) == 1 else None
                stats["expertise"] += 1
            if "ask" in note:
                a = note["ask"]
                if exp.get("asks") is not True:
                    fail(f"{where}: an ask-back asks")
                if a["kind"] != "narrow" and (exp.get("contacts") or exp.get("contacts_any")):
                    fail(f"{where}: an ask-back names nobody yet")
                if "spec" not in a or a["spec"].get("rol") not in ROLES:
                    fail(f"{where}: an ask-back names the role it is about (spec)")
                opts = a.get("options") or []
                if a["kind"] in ("choose", "suggest"):
                    if (a["kind"] == "choose") != (len(opts) > 1) or not opts:
                        fail(f"{where}: choose offers several options, suggest one")
                    for o in opts:
                        if o not in kb.school_by_name and o not in kb.wijk:
                            fail(f"{where}: option {o!r} is no school or wijk")
                            continue
                        own_frags = [c for c in contains if c.lower() in o.lower() and not any(c.lower() in x.lower() for x in opts if x != o)]
                        if not own_frags:
                            fail(f"{where}: contains must name option {o!r} by a part of its own")
                        allowed.append(o.lower())
                        kind = "school" if o in kb.school_by_name else "wijk"
                        would = kb.look(dict(a["spec"], **{kind: o}))
                        if not would <= set(not_contains):
                            fail(f"{where}: the ask-back must not answer yet: not_contains {sorted(would)}")
                    if a["kind"] == "suggest" and not any(t["how"] == "offered" for t in note.get("typo") or []):
                        fail(f"{where}: a suggestion comes from a typo offered back")
                elif a["kind"] == "place":
                    if opts:
                        fail(f"{where}: a place question has no options here")
                    if who != "gast" and own:
                        fail(f"{where}: with an own wijk a role without a place is answered, not asked")
                elif a["kind"] == "narrow":
                    specs = note["look"] if isinstance(note.get("look"), list) else [note["look"]] if note.get("look") else []
                    if len(specs) != 1 or "gemeente" not in specs[0] or specs[0]["rol"] != a["spec"]["rol"]:
                        fail(f"{where}: narrow: the gemeente-wide answer of the asked role, then which wijk")
                else:
                    fail(f"{where}: ask kind must be choose, suggest, place or narrow")
                stats[f"ask-back {a['kind']}"] += 1
            if "central" in note:
                g = note["central"]
                phone = kb.central.get(g)
                if phone is None or set(exp.get("contains") or []) != {phone}:
                    fail(f"{where}: the central jeugdteam of {g} has {phone}")
                if not place_named(kb, {"gemeente": g}, say, note, own, carried):
                    fail(f"{where}: {g} is not in the message")
                for p in not_contains:
                    if p == phone:
                        fail(f"{where}: the answer's own number in not_contains")
                allowed.append(phone or "")
                stats["lookups"] += 1
            if "outside" in note:
                name = note["outside"].lower()
                if name not in kb.nl_gemeenten or name in kb.own_place_words:
                    fail(f"{where}: {name!r} is no gemeente outside the knowledge base")
                if name not in say.lower() or name not in [c.lower() for c in contains]:
                    fail(f"{where}: the outside gemeente must be in the message and in contains")
                if not set(not_contains) & central_phones:
                    fail(f"{where}: an outside gemeente gets no central number of the region")
                allowed.append(name)
                stats["outside gemeente"] += 1
            if note.get("loket"):
                if kb.loket_phone not in contains:
                    fail(f"{where}: the loket's number {kb.loket_phone} must be in contains")
                allowed.append(kb.loket_phone)
                stats["loket"] += 1
            if note.get("vt"):
                if kb.vt_phone != "0800-2000" or not (exp.get("safety") or "0800-2000" in contains):
                    fail(f"{where}: Veilig Thuis: 0800-2000 expected")
                allowed.append(kb.vt_phone)
                stats["veilig thuis"] += 1
            if "concern" in note:
                if exp.get("safety") is not True:
                    fail(f"{where}: a safety concern gets 0800-2000 (safety: true)")
                if note["concern"] == "acute" and exp.get("emergency_112") is not True:
                    fail(f"{where}: acute danger gets 112")
                if note["concern"] not in ("acute", "worry"):
                    fail(f"{where}: concern is acute or worry")
                stats[f"concern {note['concern']}"] += 1
            if "lives" in note:
                # the pupil lives somewhere else than the school: the people of the school's place
                # (for that role) must not answer; the answer is for where the pupil lives
                lv = note["lives"]
                spec = {"rol": lv["rol"], **({"functie": lv["functie"]} if lv.get("functie") else {}), **lv["at"]}
                try:
                    school_side = kb.look(spec)
                except (KeyError, ValueError) as err:
                    fail(f"{where}: lives: {err}")
                    school_side = set()
                if not school_side:
                    fail(f"{where}: lives: nobody at the school's place {lv['at']}")
                if school_side & answer_people:
                    fail(f"{where}: lives: the school's place gives the same people {sorted(school_side & answer_people)}: no test")
                if not school_side <= set(not_contains):
                    fail(f"{where}: lives: not_contains must hold {sorted(school_side - set(not_contains))}")
                homes = [kb.place_of(sp) for sp in (note["look"] if isinstance(note.get("look"), list) else [note["look"]] if note.get("look") else [])]
                if "central" in note:
                    homes.append(("gemeente", note["central"]))
                if not homes:
                    fail(f"{where}: lives: the turn answers no lookup for where the pupil lives")
                if kb.place_of(lv["at"]) in homes:
                    fail(f"{where}: lives: the home place is the school's place")
                if lv["rol"] not in {sp["rol"] for sp in (note["look"] if isinstance(note.get("look"), list) else [note["look"]] if note.get("look") else [])} and "central" not in note:
                    fail(f"{where}: lives: the role {lv['rol']} is not asked")
                stats["pupil lives elsewhere"] += 1
            if "gast" in note:
                g = note["gast"]
                want = kb.look(g)
                if who != "gast":
                    fail(f"{where}: a guest note in a conversation of {who}")
                if not want or not want <= set(not_contains):
                    fail(f"{where}: a guest refusal must list {sorted(want)} in not_contains")
                if exp.get("no_contact_details") is not True:
                    fail(f"{where}: a guest refusal needs no_contact_details: true")
                stats["guest refusals"] += 1
            if "absent" in note:
                want = set()
                for sp in note["absent"]:
                    want |= kb.look(sp)
                if not want or not want <= set(not_contains):
                    fail(f"{where}: an off-topic turn must list {sorted(want - set(not_contains))}")
                stats["off-topic or no lookup"] += 1
            if "sub" in note:
                w = note["sub"]["wijk"]
                if note["sub"].get("mode") not in ("aan", "af"):
                    fail(f"{where}: sub mode is aan or af")
                if w not in kb.wijk:
                    fail(f"{where}: sub {w!r} is no wijk")
                else:
                    if not place_named(kb, {"wijk": w}, say, note, own, False):
                        fail(f"{where}: the wijk {w} is not in the message")
                    names = [x.lower() for x in kb.place_words[w]]
                    if not any(c.lower() in names or any(c.lower() in x for x in names) for c in contains):
                        fail(f"{where}: a subscription names its wijk (contains)")
                    allowed.extend(names)
                    if note["sub"].get("mode") == "aan":
                        subscribed.add(w)
                    elif note["sub"].get("mode") == "af":
                        if w not in subscribed:
                            fail(f"{where}: afmelden for {w}, which this conversation never subscribed to")
                        subscribed.discard(w)
                stats[f"subscription {note['sub'].get('mode')}"] += 1
            if "subs" in note:
                # "welke berichten krijg ik": the wijken subscribed to in this conversation are named
                listed = set(note["subs"])
                if listed != subscribed:
                    fail(f"{where}: subs {sorted(listed)} but the conversation subscribed to {sorted(subscribed)}")
                for w in listed:
                    names = [x.lower() for x in kb.place_words.get(w, [])]
                    if not any(c.lower() in names or any(c.lower() in x for x in names) for c in contains):
                        fail(f"{where}: the list of subscriptions must name {w} (contains)")
                    allowed.extend(names)
                stats["subscriptions listed"] += 1
            # ── glossary ──
            last_begrip = None
            if "begrip" in note:
                term = note["begrip"]
                if term not in kb.begrippen:
                    fail(f"{where}: unknown term {term}")
                else:
                    for word in exp.get("contains") or []:
                        if word.lower() not in kb.begrip_text(term) and not note.get("step"):
                            fail(f"{where}: {word!r} is not in the term {term}")
                    allowed.append(kb.begrip_text(term))
                    last_begrip = term
                stats["glossary"] += 1
            # ── signals ──
            if "sigplace" in note:
                # the signal's summary names the wijk typed with it, or typed as a correction while it waits
                w = note["sigplace"]
                if note.get("signal") != "pending":
                    fail(f"{where}: sigplace belongs to a signal shown for confirmation (signal: pending)")
                if w not in kb.wijk:
                    fail(f"{where}: sigplace {w!r} is no wijk")
                else:
                    if not place_named(kb, {"wijk": w}, say, note, None, False):
                        fail(f"{where}: sigplace {w} is not in the message")
                    names = [x.lower() for x in kb.place_words[w]]
                    if not any(c.lower() in names or any(c.lower() in x for x in names) for c in contains):
                        fail(f"{where}: a signal's summary names its wijk (contains)")
                    allowed.extend(names)
                    signal_place = w
                stats["signal wijk named"] += 1
            if "signal" in note:
                sg = note["signal"]
                if sg == "pending":
                    if exp.get("signal_saved") is not False or exp.get("asks") is not True:
                        fail(f"{where}: a pending signal is not saved and asks")
                    signal_pending = True
                elif sg == "saved":
                    if not signal_pending or exp.get("signal_saved") is not True:
                        fail(f"{where}: a save needs a pending signal and signal_saved: true")
                    signal_pending = False
                elif sg == "expired":
                    if not signal_expired or exp.get("signal_saved") is not False:
                        fail(f"{where}: an expired signal is not saved by a late yes")
                    signal_expired = False
                elif sg == "refused":
                    if who != "gast" or exp.get("signal_saved") is not False:
                        fail(f"{where}: only a guest's signal is refused, and not saved")
                elif sg == "dropped":  # "laat maar" while a signal waits: not saved, no longer waiting
                    if not signal_pending or exp.get("signal_saved") is not False:
                        fail(f"{where}: dropped needs a pending signal and signal_saved: false")
                    signal_pending = False
                elif sg == "kept":  # an interruption while a signal waits: nothing saved, still waiting
                    if not signal_pending or exp.get("signal_saved") is not False:
                        fail(f"{where}: kept needs a pending signal and signal_saved: false")
                else:
                    fail(f"{where}: unknown signal note {sg}")
                stats[f"signal {sg}"] += 1
            else:
                if exp.get("signal_saved"):
                    fail(f"{where}: signal_saved without a signal note")
                if signal_pending and not note.get("interrupt"):
                    signal_pending = False
            # ── ask-back state for the next turn ──
            if "ask" in note:
                pend = dict(note["ask"], turn=i)
            elif not note.get("interrupt"):
                pend = None
            # ── contains must come from the knowledge base ──
            for c in contains:
                if not any(c.lower() in a for a in allowed):
                    fail(f"{where}: contains {c!r} is no knowledge-base text of this turn's notes")
            # ── not_contains must be meaningful and must not hit the answer ──
            answer_phones = {kb.phone.get(p) for p in answer_people}
            answer_mails = {kb.email.get(p) for p in answer_people}
            for item in not_contains:
                if item in kb.persons:
                    if item in answer_people:
                        fail(f"{where}: {item} is the answer but in not_contains")
                    continue
                if item in person_phones or item in person_emails:
                    if item in answer_phones or item in answer_mails:
                        fail(f"{where}: {item} belongs to the answer but is in not_contains")
                    continue
                if item in all_titles or item in all_questions:
                    if shown and item.lower() in kb.step_text(shown):
                        fail(f"{where}: {item!r} is part of the step shown")
                    continue
                if item in GENERIC_ABSENT or item in central_phones or len(kb.school(item)) == 1:
                    if item.lower() in [c.lower() for c in contains]:
                        fail(f"{where}: {item!r} both in contains and not_contains")
                    continue
                fail(f"{where}: not_contains {item!r} is no person, phone, e-mail, step, school or known phrase")
            if "other" in note:
                stats[f"other {note['other']}"] += 1
            prev_shown = shown
    for p in "abc":
        if parts[p] < 19 or parts[p] > 21:
            fail(f"part {p}: {parts[p]} conversations, expected about 20")
    return stats


# ───────────────────────── single messages ─────────────────────────

def named(text: str, words: list[str]) -> bool:
    low = text.lower()
    squash = low.replace(" ", "").replace("-", "")
    return any(w.lower() in low or w.lower().replace(" ", "").replace("-", "") in squash for w in words)


def check_utterances(kb: KB, items: list[dict], fail) -> Counter:
    stats: Counter = Counter()
    deel_only = {w.lower() for d, ws in kb.deel_words.items() for w in ws} - {w.lower() for w in kb.wijk}
    deel_only |= {d.lower() for d in kb.deel}  # a stadsdeel or kern, also when a wijk has the same name
    targets = kb.typo_targets()
    seen = set()
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
        if t in seen:
            fail(f"{where}: twice in the set")
        seen.add(t)
        if set(re.findall(r"[a-zà-ÿ']+", t)) & FIRST_NAMES:
            fail(f"{where}: a first name in the message")
        if set(e) - ENTITIES:
            fail(f"{where}: unknown entities {set(e) - ENTITIES}")
        if i == "unknown":
            if e:
                fail(f"{where}: an unknown message lists no entities")
            if not note.get("why"):
                fail(f"{where}: an unknown message needs a why")
            if note.get("domain") and note["domain"] not in t:
                fail(f"{where}: domain word {note['domain']!r} is not in the text")
            if note.get("domain"):
                stats["unknown with a domain word"] += 1
            continue
        low = " " + t + " "
        for w in deel_only | NINTH_WORDS:
            if re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", low):
                fail(f"{where}: {w!r} (a stadsdeel, kern or function) could fill the unknown ninth entity")
        if i not in ("glossary", "route"):
            others = {t: f for t, f in kb.term_forms_in(t).items() if t not in ROLE_TERMS}
            if others:
                fail(f"{where}: a glossary term in a {i} item (its begrip would be expected null): {others}")
        if "rol" in e and e["rol"] not in ROLES:
            fail(f"{where}: unknown rol {e['rol']}")
        typos = {x["name"]: x["typed"] for x in note.get("typo") or []}
        for name, typed in typos.items():
            forms = [f.lower() for f in kb.place_words.get(name) or []]
            if name in kb.school_by_name:
                forms = [kb.school_word(kb.school_by_name[name])]
            if typed not in t or not forms or min(distance(typed, f) for f in forms) != 1:
                fail(f"{where}: typo {typed!r} is not one letter off {name} in the text")
            elif {c for f, c in targets.items() if distance(typed, f) <= 1 and c != name}:
                fail(f"{where}: typo {typed!r} is also one letter off another name")
        if "wijk" in e:
            if e["wijk"] not in kb.wijk:
                fail(f"{where}: unknown wijk {e['wijk']}")
            else:
                if e.get("gemeente") != kb.wijk[e["wijk"]][0]:
                    fail(f"{where}: wijk {e['wijk']} lies in {kb.wijk[e['wijk']][0]}")
                if not named(t, kb.place_words[e["wijk"]]) and e["wijk"] not in typos:
                    fail(f"{where}: wijk {e['wijk']} is not named in the text")
        elif "gemeente" in e and "school" not in e:
            if e["gemeente"] not in kb.gemeente:
                fail(f"{where}: unknown gemeente {e['gemeente']}")
            elif not named(t, kb.place_words[e["gemeente"]]) and e["gemeente"] not in typos:
                fail(f"{where}: gemeente {e['gemeente']} is not named in the text")
        if "school" in e:
            s = kb.school_by_name.get(e["school"])
            if s is None:
                fail(f"{where}: unknown school {e['school']}")
            else:
                g, _ = kb.school_place(s)
                if e.get("gemeente") != g or "wijk" in e:
                    fail(f"{where}: a school gives its gemeente {g} and no wijk")
                word = kb.school_word(s)
                part = note.get("part")
                ok = word in t or e["school"] in typos
                if part:
                    found = kb.school(part)
                    ok = ok or (part in t and len(found) == 1 and found[0]["naam"] == e["school"])
                if not ok:
                    fail(f"{where}: the school {e['school']} is not in the text (own word, part or typo)")
        if "expertise" in e and e["expertise"] not in kb.tags:
            fail(f"{where}: unknown expertise {e['expertise']}")
        if i == "partner_lookup" and "rol" not in e:
            fail(f"{where}: a partner lookup names its rol")
        if i == "expertise_lookup" and "expertise" not in e and "school" not in e:
            fail(f"{where}: an expertise lookup names its expertise, or the school whose expertise is asked")
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
        if i == "signal" and "thema" not in e:
            fail(f"{where}: a signal item names its thema")
        if i in ("greeting", "thanks", "help") and e:
            fail(f"{where}: {i} has no entities")
        if i in ("subscribe", "unsubscribe") and set(e) - {"wijk", "gemeente"}:
            fail(f"{where}: a subscription names only a wijk and its gemeente")
    if stats["unknown"] < 40:
        fail(f"single messages: {stats['unknown']} unknown, expected at least 40")
    for intent in INTENTS:
        if stats[intent] < 3:
            fail(f"single messages: {stats[intent]} of intent {intent}, expected at least 3")
    if len(items) < 150:
        fail(f"single messages: {len(items)} items, expected at least 150")
    return stats


# ───────────────────────── main ─────────────────────────

def validate(kb: KB, convs: list[dict], items: list[dict]) -> tuple[list[str], Counter, Counter]:
    errors: list[str] = []
    cstats = check_conversations(kb, convs, errors.append)
    total = sum(cstats[f"turns {p}"] for p in "abc")
    if not TURNS_MIN <= total <= TURNS_MAX:
        errors.append(f"{total} message turns, expected {TURNS_MIN}-{TURNS_MAX}")
    if len(convs) < 60:
        errors.append(f"{len(convs)} conversations, expected at least 60")
    ustats = check_utterances(kb, items, errors.append)
    return errors, cstats, ustats


def selftest(kb: KB, convs: list[dict], items: list[dict]) -> int:
    """Plant one fault at a time in a copy (in memory) and check that validate() catches it."""
    def conv(cs, cid):
        return next(c for c in cs if c["id"] == cid)

    def turn(cs, cid, n):
        return [t for t in conv(cs, cid)["turns"] if "wait_minutes" not in t][n - 1]

    def ex(cs, cid, n):
        return turn(cs, cid, n)["expect"]

    def note(cs, cid, n):
        return turn(cs, cid, n)["kb"]

    def utt(us, text):
        return next(u for u in us if u["t"] == text)

    def say_typo(cs, cid, n, typed, name, how, say):
        turn(cs, cid, n)["say"] = say
        note(cs, cid, n)["typo"] = [{"typed": typed, "name": name, "how": how}]

    A, B, C = "d19-a", "d19-b", "d19-c"
    faults = {
        # lookups: the wrong person, the neighbour, the other function, the gemeente for a wijk
        "wrong contact for a wijk": lambda cs, us: ex(cs, A + "10", 4).__setitem__("contacts", ["Mark de Groot"]),
        "the neighbouring wijk's smw": lambda cs, us: ex(cs, C + "03", 5).__setitem__("contacts", ["Gert-Jan Hoogland"]),
        "jeugdarts and verpleegkundige swapped": lambda cs, us: ex(cs, C + "04", 2).__setitem__("contacts", ["Hilde Kramer"]),
        "the gemeente's wijkagent for plaspoelpolder": lambda cs, us: ex(cs, A + "01", 4).__setitem__("contacts", ["Johan Mertens"]),
        "one of two roles left out": lambda cs, us: ex(cs, C + "02", 1).__setitem__("contacts", ["Hatice Demir"]),
        "one of three partners left out": lambda cs, us: ex(cs, C + "12", 1)["contacts"].remove("Eva Bosman"),
        "the answer in not_contains": lambda cs, us: ex(cs, A + "19", 4)["not_contains"].append("Lieke Prinsen"),
        "a misspelt person": lambda cs, us: ex(cs, A + "11", 3).__setitem__("contacts", ["Mohamed Amrany"]),
        "the wrong ib'er": lambda cs, us: ex(cs, A + "03", 4).__setitem__("contacts", ["Marcel Wijnands"]),
        "another person's phone": lambda cs, us: ex(cs, A + "08", 4).__setitem__("contains", ["070 028 6383"]),
        "the answer's phone in not_contains": lambda cs, us: ex(cs, A + "01", 3)["not_contains"].append("070 070 8306"),
        "another person's e-mail": lambda cs, us: ex(cs, A + "15", 3).__setitem__("contains", ["l.mol@zandwal.example"]),
        "own wijk is another wijk": lambda cs, us: conv(cs, A + "14").__setitem__("wijk", "Valkenboskwartier"),
        "mine without an own wijk": lambda cs, us: conv(cs, B + "13").pop("wijk"),
        "place not in the message": lambda cs, us: turn(cs, C + "15", 1).__setitem__("say", "smw graag"),
        "a role neither typed nor carried": lambda cs, us: turn(cs, C + "11", 1).__setitem__("say", "te werve graag"),
        "school not in the message": lambda cs, us: turn(cs, A + "13", 2).__setitem__("say", "ib van die school?"),
        # how it was typed
        "a fixed typo two letters off": lambda cs, us: say_typo(cs, C + "15", 1, "kijkdn", "Kijkduin en Ockenburgh", "fixed", "smw kijkdn"),
        "an offered typo one letter off": lambda cs, us: note(cs, A + "09", 3)["typo"][0].__setitem__("how", "offered"),
        "a nickname that is no alias": lambda cs, us: note(cs, A + "14", 2).__setitem__("nick", [{"typed": "valkenbos", "wijk": "Vruchtenbuurt"}]),
        "a part of a name that fits another school": lambda cs, us: note(cs, A + "12", 3).__setitem__("part", [{"typed": "zeehelden", "school": "OBS Het Geuzenlampje"}]),
        # follow-ups
        "carry place but the place changed": lambda cs, us: note(cs, C + "03", 2).__setitem__("carry", "place"),
        "carry rol but the role changed": lambda cs, us: note(cs, C + "11", 2).__setitem__("carry", "rol"),
        "carry school to another school": lambda cs, us: (note(cs, A + "02", 3).__setitem__("look", {"rol": "smw", "school": "Kindcentrum De Strandvlo"}),
                                                          ex(cs, A + "02", 3).__setitem__("not_contains", [])),
        "carry tag but the tag changed": lambda cs, us: note(cs, A + "03", 2)["exp"].__setitem__("tag", "rekenen"),
        "carry area but the area changed": lambda cs, us: note(cs, A + "06", 3)["exp"].__setitem__("deel", "Centrum"),
        "a follow-up carried over a 45-minute pause": lambda cs, us: conv(cs, C + "03")["turns"].insert(2, {"wait_minutes": 45}),
        "a follow-up carried over the three-hour wait": lambda cs, us: (turn(cs, C + "03", 5).__setitem__("say", "en de smw daar"),
                                                                       note(cs, C + "03", 5).__setitem__("look", {"rol": "smw", "wijk": "Vogelwijk"}),
                                                                       note(cs, C + "03", 5).__setitem__("carry", "place"),
                                                                       ex(cs, C + "03", 5).__setitem__("contacts", ["Jolanda Smits"]),
                                                                       ex(cs, C + "03", 5).__setitem__("not_contains", [])),
        # ask-backs
        "ask-back that already names someone": lambda cs, us: ex(cs, A + "07", 1).__setitem__("contacts", ["Daan Verschoor"]),
        "ask-back not_contains incomplete": lambda cs, us: ex(cs, A + "07", 1).__setitem__("not_contains", ["Loes van Wijk"]),
        "ask-back without asks": lambda cs, us: ex(cs, A + "07", 1).pop("asks"),
        "ask-back option not named": lambda cs, us: ex(cs, A + "07", 1).__setitem__("contains", ["lampje"]),
        "ask-back options in another order than offered": lambda cs, us: note(cs, A + "07", 1)["ask"]["options"].reverse(),
        "the second is another option": lambda cs, us: note(cs, A + "07", 2)["answers"].__setitem__("option", "OBS Het Geuzenlampje"),
        "an answer without an ask-back": lambda cs, us: note(cs, C + "03", 2).__setitem__("answers", {"by": "word"}),
        "interrupt with nothing waiting": lambda cs, us: note(cs, C + "17", 3).__setitem__("interrupt", True),
        # verwijder mijn gegevens
        "forget not confirmed first": lambda cs, us: ex(cs, C + "20", 3).pop("asks"),
        "a message after the confirmation": lambda cs, us: conv(cs, C + "20")["turns"].append(
            {"say": "hoi", "kb": {"other": "greeting"}, "expect": {"not_contains": ["er ging iets mis"]}}),
        "a confirmation without forget": lambda cs, us: note(cs, C + "20", 3).pop("forget"),
        # a message sent twice
        "dup that is not the same message": lambda cs, us: note(cs, C + "05", 2).__setitem__("dup", True),
        # a pupil living elsewhere
        "lives: the school-side person not forbidden": lambda cs, us: ex(cs, C + "07", 1).__setitem__("not_contains", []),
        "lives: home and school the same place": lambda cs, us: note(cs, C + "07", 1)["lives"].__setitem__("at", {"gemeente": "Rijswijk"}),
        "lives: answered for the school's place": lambda cs, us: (note(cs, C + "07", 1).__setitem__("look", {"rol": "jeugdteam", "school": "CBS De Uithofuil"}),
                                                                  ex(cs, C + "07", 1).__setitem__("contacts", ["Dennis Huisman"])),
        # subscriptions
        "a subscription left out of the list": lambda cs, us: note(cs, C + "16", 3).__setitem__("subs", ["Bovenveen"]),
        "afmelden for a wijk never subscribed to": lambda cs, us: (turn(cs, C + "16", 4).__setitem__("say", "afmelden damsigt"),
                                                                   note(cs, C + "16", 4)["sub"].__setitem__("wijk", "Damsigt"),
                                                                   ex(cs, C + "16", 4).__setitem__("contains", ["Damsigt"])),
        "a subscription for a wijk not typed": lambda cs, us: note(cs, C + "16", 1)["sub"].__setitem__("wijk", "Bezuidenhout"),
        # signals
        "a save without a pending signal": lambda cs, us: (note(cs, C + "12", 4).__setitem__("signal", "saved"),
                                                           ex(cs, C + "12", 4).__setitem__("signal_saved", True)),
        "a late ja that saves": lambda cs, us: ex(cs, B + "16", 2).__setitem__("signal_saved", True),
        "a pending signal that does not ask": lambda cs, us: ex(cs, B + "01", 1).pop("asks"),
        "a guest's signal saved": lambda cs, us: ex(cs, B + "17", 1).__setitem__("signal_saved", True),
        "kept with no signal waiting": lambda cs, us: note(cs, B + "10", 3).__setitem__("signal", "kept"),
        "a corrected signal without its new wijk": lambda cs, us: ex(cs, B + "02", 2).__setitem__("contains", ["Bouwlust"]),
        "sigplace on a saved signal": lambda cs, us: (note(cs, B + "02", 3).__setitem__("sigplace", "Morgenstond"),
                                                      ex(cs, B + "02", 3).__setitem__("contains", ["Morgenstond"])),
        "sigplace not in the message": lambda cs, us: (note(cs, B + "10", 1).__setitem__("sigplace", "Prinsenhof"),
                                                       ex(cs, B + "10", 1).__setitem__("contains", ["Prinsenhof"])),
        "carry sigplace to the wijk before the correction": lambda cs, us: (note(cs, B + "02", 4).__setitem__("look", {"rol": "smw", "wijk": "Bouwlust en Vrederust"}),
                                                                           ex(cs, B + "02", 4).__setitem__("contacts", ["Nadia Ouali"]),
                                                                           ex(cs, B + "02", 4).__setitem__("not_contains", [])),
        # guests, privacy, off topic, safety
        "a guest expecting a contact": lambda cs, us: ex(cs, A + "05", 2).__setitem__("contacts", ["Charlotte Verburg"]),
        "a guest refusal missing the person": lambda cs, us: ex(cs, C + "01", 2).__setitem__("not_contains", ["06 0062 4473"]),
        "a guest refusal without no_contact_details": lambda cs, us: ex(cs, C + "10", 1).pop("no_contact_details"),
        "an off-topic turn that does not forbid the partner": lambda cs, us: ex(cs, C + "04", 1).__setitem__("not_contains", ["070 027 4293"]),
        "a first name in a message": lambda cs, us: turn(cs, B + "08", 1).__setitem__("say", "we hebben in de klas alles geprobeerd bij lotte uit groep 4"),
        "112 expected on stap 1": lambda cs, us: ex(cs, B + "09", 2).__setitem__("emergency_112", True),
        "a worry without 0800-2000": lambda cs, us: ex(cs, B + "09", 1).pop("safety"),
        "a guest's worry without 0800-2000": lambda cs, us: ex(cs, C + "14", 1).__setitem__("safety", False),
        # expertise and other facts
        "an expertise school left out": lambda cs, us: ex(cs, A + "19", 1).__setitem__("schools_all", ["Wervepoortje"]),
        "an extra expertise school": lambda cs, us: ex(cs, A + "03", 1)["schools_all"].append("Rivierparel"),
        "a tag not of the school": lambda cs, us: ex(cs, A + "07", 3).__setitem__("contains", ["gedrag"]),
        "an answer school in not_contains": lambda cs, us: ex(cs, A + "06", 1)["not_contains"].append("Moerkikker"),
        "an expertise area not in the message": lambda cs, us: turn(cs, A + "09", 1).__setitem__("say", "spraak taal scholen graag"),
        "another gemeente's central number": lambda cs, us: ex(cs, C + "18", 1).__setitem__("contains", ["070 039 5100"]),
        "an outside gemeente that is in the region": lambda cs, us: (turn(cs, C + "19", 1).__setitem__("say", "leerling gaat verhuizen naar delft, welk jeugdteam moet ik dan bellen"),
                                                                     note(cs, C + "19", 1).__setitem__("outside", "delft"),
                                                                     ex(cs, C + "19", 1).__setitem__("contains", ["delft"])),
        "a wrong loket number": lambda cs, us: ex(cs, C + "13", 3).__setitem__("contains", ["070 010 2031"]),
        "a contains word from nowhere": lambda cs, us: ex(cs, B + "20", 1).__setitem__("contains", ["Duinoord", "zwemdiploma"]),
        "a fact not in the term": lambda cs, us: ex(cs, C + "19", 3).__setitem__("contains", ["duo"]),
        # route
        "a wrong step title": lambda cs, us: ex(cs, B + "13", 3).__setitem__("route_step", "Verzuim melden bij DUO"),
        "a pick that leads elsewhere": lambda cs, us: note(cs, B + "03", 5).__setitem__("pick", "Ja, genoeg"),
        "pending on the wrong step": lambda cs, us: note(cs, B + "04", 6).__setitem__("pending", "verzuim.teller"),
        "a lookup in a route without pending": lambda cs, us: note(cs, B + "04", 6).pop("pending"),
        "a start whose message holds none of its words": lambda cs, us: turn(cs, B + "13", 1).__setitem__("say", "hoi"),
        "a start at the wrong step": lambda cs, us: (note(cs, B + "18", 1).__setitem__("step", "verzuim.start"),
                                                     ex(cs, B + "18", 1).__setitem__("route_step", "Verzuim of thuiszitten")),
        "a position that is another option": lambda cs, us: note(cs, B + "04", 3).__setitem__("pos", 2),
        "a position the message does not hold": lambda cs, us: turn(cs, B + "13", 3).__setitem__("say", "die daar"),
        "'de laatste' read as the third": lambda cs, us: note(cs, B + "15", 6).__setitem__("pos", 3),
        "a position without a pick": lambda cs, us: note(cs, B + "14", 2).__setitem__("pos", 1),
        "a question about a step not shown": lambda cs, us: note(cs, B + "06", 3).__setitem__("askstep", "algemeen.tlv"),
        "a question about a step with a word not in it": lambda cs, us: ex(cs, B + "13", 4).__setitem__("contains", ["16 uur"]),
        "a question about a step that leaves the route": lambda cs, us: note(cs, B + "06", 3).pop("askstep"),
        "a question about a step long after it": lambda cs, us: (note(cs, B + "19", 4).__setitem__("askstep", "algemeen.afsluiten_extra"),
                                                                 ex(cs, B + "19", 4).__setitem__("contains", ["blijf de leerling volgen"])),
        "nopick that does not forbid every next step": lambda cs, us: ex(cs, B + "04", 4).__setitem__("not_contains", ["Verzuim melden bij DUO"]),
        "a route from another term": lambda cs, us: note(cs, B + "17", 3).__setitem__("term", "Thuiszitter"),
        "own contacts in a step left incomplete": lambda cs, us: ex(cs, B + "14", 1).__setitem__("contacts_any", ["Sietske Dijkstra"]),
        "asks on an end step": lambda cs, us: ex(cs, B + "05", 4).__setitem__("asks", True),
        # structure
        "capitals in a message": lambda cs, us: turn(cs, C + "17", 2).__setitem__("say", "IB van de strandvlo?"),
        "an unknown expect key": lambda cs, us: ex(cs, C + "17", 2).__setitem__("phone", "070 026 9371"),
        "a missing kb note": lambda cs, us: turn(cs, C + "17", 2).pop("kb"),
        "a conversation of 2 turns": lambda cs, us: conv(cs, A + "05")["turns"].pop(0),
        "ids out of order": lambda cs, us: cs.__setitem__(slice(0, 2), [cs[1], cs[0]]),
        "a wait too close to 30 minutes": lambda cs, us: conv(cs, B + "16")["turns"][1].__setitem__("wait_minutes", 31),
        # single messages
        "utterance wijk in the wrong gemeente": lambda cs, us: utt(us, "wie is de wijkagent van stompwijk")["e"].__setitem__("gemeente", "Den Haag"),
        "utterance school with its wijk": lambda cs, us: utt(us, "ib heuvelhommel graag")["e"].__setitem__("wijk", "De Heuvel/Amstelwijk"),
        "utterance wijk not in the text": lambda cs, us: utt(us, "lpa te werve")["e"].__setitem__("wijk", "Stervoorde"),
        "utterance typo two letters off": lambda cs, us: (utt(us, "lpa moerwjk").__setitem__("t", "lpa moerwk"),
                                                          utt(us, "lpa moerwk")["kb"].__setitem__("typo", [{"typed": "moerwk", "name": "Moerwijk"}])),
        "utterance unknown with entities": lambda cs, us: utt(us, "wat is de beste pizzeria in rijswijk").__setitem__("e", {"gemeente": "Rijswijk"}),
        "utterance route with a role word": lambda cs, us: utt(us, "leerling zit al weken thuis wat moet ik doen").__setitem__("t", "leerling zit al weken thuis moet ik de lpa bellen"),
        "utterance route with a place": lambda cs, us: utt(us, "kind staat nergens ingeschreven").__setitem__("t", "kind in moerwijk staat nergens ingeschreven"),
        "utterance begrip left out": lambda cs, us: utt(us, "tlv aanvragen hoe werkt dat")["e"].pop("begrip"),
        "utterance a stadsdeel": lambda cs, us: utt(us, "lpa kijkduin").__setitem__("t", "lpa kijkduin in loosduinen"),
        "utterance a function word": lambda cs, us: utt(us, "jgz forepark").__setitem__("t", "jeugdarts forepark"),
        "utterance a glossary term in a lookup": lambda cs, us: utt(us, "smw damsigt").__setitem__("t", "smw damsigt voor een thuiszitter"),
        "utterance two terms in a glossary item": lambda cs, us: utt(us, "wat is een kdc").__setitem__("t", "wat is een kdc of een pgb"),
        "utterance entities on thanks": lambda cs, us: utt(us, "merci").__setitem__("e", {"thema": "armoede"}),
        "utterance a signal without thema": lambda cs, us: utt(us, "signaal: veel kinderen zonder ontbijt in de klas, de armoede neemt toe").__setitem__("e", {}),
        "utterance a signal with an unknown thema": lambda cs, us: utt(us, "noteer even dat in ypenburg steeds meer kinderen te laat komen")["e"].__setitem__("thema", "verkeer"),
        "utterance a school part that fits two schools": lambda cs, us: (utt(us, "wie is ib bij de zeehelden").__setitem__("t", "wie is ib bij het lampje"),
                                                                         utt(us, "wie is ib bij het lampje")["kb"].__setitem__("part", "lampje")),
        "utterance unknown intent": lambda cs, us: utt(us, "help").__setitem__("i", "faq"),
        "utterance capitals": lambda cs, us: utt(us, "help").__setitem__("t", "Help"),
        "utterance twice": lambda cs, us: us.append(copy.deepcopy(us[0])),
        "utterance too few of an intent": lambda cs, us: [us.remove(u) for u in [u for u in us if u["i"] == "help"][:2]],
        "utterance too few unknown": lambda cs, us: [us.remove(u) for u in [u for u in us if u["i"] == "unknown"][:4]],
        "utterance expertise item without tag or school": lambda cs, us: utt(us, "motoriek stompwijk")["e"].pop("expertise"),
        "utterance step of another route": lambda cs, us: utt(us, "hoe meld ik verzuim bij duo")["kb"].__setitem__("step", "algemeen.tlv"),
    }
    missed = []
    for name, edit in faults.items():
        cs, us = copy.deepcopy(convs), copy.deepcopy(items)
        try:
            edit(cs, us)
        except (StopIteration, KeyError, IndexError, TypeError, ValueError) as err:
            missed.append(f"{name} (could not plant: {err!r})")
            continue
        try:
            caught = bool(validate(kb, cs, us)[0])
        except Exception as err:  # a crash on a planted fault counts as caught, but is reported
            print(f"  (crashed on {name}: {err!r})")
            caught = True
        if not caught:
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
    convs = yaml.safe_load((folder / "dev19.yaml").read_text(encoding="utf-8"))
    items = yaml.safe_load((folder / "dev19_utterances.yaml").read_text(encoding="utf-8"))
    errors, cs, us = validate(kb, convs, items)
    for e in errors:
        print("FAIL:", e)
    if errors:
        print(f"{len(errors)} failures")
        return 1
    turns = {p: cs[f"turns {p}"] for p in "abc"}
    keys = ", ".join(f"{k[4:]} {n}" for k, n in sorted(((k, n) for k, n in cs.items() if k.startswith("key ")), key=lambda x: -x[1]))
    rest = ", ".join(f"{k} {n}" for k, n in sorted(cs.items()) if not k.startswith(("key ", "turns ", "who ")))
    intents = ", ".join(f"{k} {n}" for k, n in us.most_common())
    print(f"OK: {len(convs)} conversations, {sum(turns.values())} message turns "
          f"(a {turns['a']}, b {turns['b']}, c {turns['c']}); who: ib {cs['who ib']}, adviseur {cs['who adviseur']}, "
          f"gast {cs['who gast']}")
    print(f"OK: facts: {rest}")
    print(f"OK: expect keys: {keys}")
    print(f"OK: {len(items)} single messages: {intents}")
    if run_selftest:
        return selftest(kb, convs, items)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
