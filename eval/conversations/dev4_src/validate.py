"""Validate the DEV4 evaluation set (dev4.yaml, dev4_utterances.yaml) against the knowledge data.

    /work/main/.venv/bin/python /work/evalsets/conv_dev4/validate.py

Checks the YAML structure of both files, that every expect key is one eval/run_conversations.py
supports, and that every named school, wijk, gemeente, partner (person, organisation, phone),
route step and glossary term in expects and entities exists in wijkwijzer/knowledge/data.
Reads the knowledge data only; never imports or runs the bot. Prints counts; exit code 1 on errors.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = Path("/work/main/wijkwijzer/knowledge/data")

EXPECT_LISTS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_any",
                "schools_all", "choices_include"}
EXPECT_BOOLS = {"no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"}
EXPECT_STRS = {"route_step"}
EXPECT_KEYS = EXPECT_LISTS | EXPECT_BOOLS | EXPECT_STRS  # exactly the keys check() in run_conversations.py knows

INTENTS = {"partner_lookup", "expertise_lookup", "glossary", "route", "signal", "subscribe", "unsubscribe",
           "greeting", "thanks", "help", "human", "forget_me", "unknown"}
ENTITIES = {"rol", "wijk", "gemeente", "school", "expertise", "begrip", "route", "thema", "urgentie"}
ROLES = {"smw", "leerplicht", "jgz", "jeugdteam", "wijkagent", "adviseur", "ib", "steunpunt", "veilig_thuis"}
ROUTES = {"algemeen", "verzuim", "meldcode"}
THEMAS = {"armoede", "veiligheid", "wonen", "gezondheid", "verzuim"}
URGENCIES = {"hoog"}
WHO = {"ib"}

# Phrases in expects that are not knowledge-base names: wording quoted in issue 15 or topic words.
GENERIC = {"herken ik niet", "kies een van de opties", "gegevens", "verwijder", "ontwikkelingsperspectief",
           "onderwijszorgarrangement", "onderwijs en zorg", "onderwijs-zorg", "onderwijs-zorgarrangement",
           "toelaatbaarheidsverklaring", "arrangement", "schimmel", "dringend", "urgent", "spoed", "hoog",
           "naam", "namen", "privacy", "anoniem", "buiten", "leerplicht", "gedrag", "sociaal-emotioneel",
           "leiden", "gouda", "rotterdam"}

errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def load(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


# ───────────── knowledge data ─────────────
gebieden = load("gebieden.yaml")
partners = load("ketenpartners.yaml")
scholen = load("scholen.yaml")["scholen"]
route = load("route.yaml")
begrippen = load("begrippen.yaml")["begrippen"]
swv = load("swv.yaml")

area_gemeente: dict[str, str] = {}  # wijk / kern / stadsdeel name -> gemeente
region_gemeenten: set[str] = set()
for gm in gebieden["gemeenten"]:
    region_gemeenten.add(gm["naam"])
    for deel in gm.get("delen", []):
        area_gemeente[deel["naam"]] = gm["naam"]
        for w in deel.get("wijken", []):
            area_gemeente[w["naam"]] = gm["naam"]
    for w in gm.get("wijken", []):
        area_gemeente[w["naam"]] = gm["naam"]

cbs_gemeenten: set[str] = set()
for line in (DATA / "gemeenten.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("GM"):
        cbs_gemeenten.add(line.split("|")[1].strip())

school_gemeente = {s["naam"]: s["wijk"].split(":")[0].strip() for s in scholen}
expertises = {e for s in scholen for e in s.get("expertise", [])}
people: set[str] = set()
for org in partners["organisaties"]:
    people.add(org["naam"])
    for c in org["contacten"]:
        people.add(c["naam"])
        people.update(v for v in (c.get("telefoon"), c.get("email")) if v)
for s in scholen:
    people.add(s["ib"]["naam"])
loket = swv.get("loket", {})
people.update(v for v in (loket.get("naam"), loket.get("telefoon"), loket.get("email"), swv.get("naam")) if v)
step_titles = {st["titel"] for st in route["stappen"]}
terms = {b["term"]: [b["term"].lower(), *[str(s).lower() for s in b.get("synoniemen", [])]] for b in begrippen}

known_lower = {x.lower() for x in people | set(school_gemeente) | step_titles | set(area_gemeente)
               | region_gemeenten | cbs_gemeenten}


def known(value: str) -> bool:
    return value.lower() in known_lower or value.lower() in GENERIC


# ───────────── conversations ─────────────
conv_path = HERE / "dev4.yaml"
conv_text = conv_path.read_text(encoding="utf-8")
conversations = yaml.safe_load(conv_text)
if not isinstance(conversations, list):
    err("dev4.yaml: top level must be a list")
    conversations = []

# section of each conversation, from the "# ───── title ─────" comment lines above it
section_of: dict[str, str] = {}
section = "?"
for line in conv_text.splitlines():
    m = re.match(r"# ─+ (.+?) ─+$", line)
    if m:
        section = m.group(1)
    m = re.match(r"- id: (\S+)", line)
    if m:
        section_of[m.group(1)] = section

ids = Counter()
n_turns = 0
expect_use = Counter()
for conv in conversations:
    cid = conv.get("id", "?")
    ids[cid] += 1
    if not re.fullmatch(r"d4-\d{3}", str(cid)):
        err(f"{cid}: id must look like d4-001")
    extra = set(conv) - {"id", "note", "who", "wijk", "turns"}
    if extra:
        err(f"{cid}: unknown keys {extra}")
    if not isinstance(conv.get("note"), str) or not conv["note"].strip():
        err(f"{cid}: missing note")
    if "who" in conv and conv["who"] not in WHO:
        err(f"{cid}: who {conv['who']!r} not in {WHO}")
    if "wijk" in conv and conv["wijk"] not in area_gemeente:
        err(f"{cid}: wijk {conv['wijk']!r} not in gebieden.yaml")
    turns = conv.get("turns")
    if not isinstance(turns, list) or not turns:
        err(f"{cid}: turns must be a non-empty list")
        continue
    says = [t for t in turns if isinstance(t, dict) and "say" in t]
    if not 2 <= len(says) <= 5:
        err(f"{cid}: {len(says)} messages, expected 2-5")
    if "wait_minutes" in turns[0] or "wait_minutes" in turns[-1]:
        err(f"{cid}: wait_minutes must sit between messages")
    for k, turn in enumerate(turns, 1):
        if not isinstance(turn, dict):
            err(f"{cid} turn {k}: not a mapping")
            continue
        if "wait_minutes" in turn:
            if set(turn) != {"wait_minutes"} or not isinstance(turn["wait_minutes"], int) or turn["wait_minutes"] <= 0:
                err(f"{cid} turn {k}: wait_minutes must stand alone as a positive int")
            continue
        if set(turn) - {"say", "expect"}:
            err(f"{cid} turn {k}: unknown keys {set(turn) - {'say', 'expect'}}")
        if not isinstance(turn.get("say"), str) or not turn["say"].strip():
            err(f"{cid} turn {k}: say must be a non-empty string")
        n_turns += 1
        expect = turn.get("expect") or {}
        if not isinstance(expect, dict):
            err(f"{cid} turn {k}: expect must be a mapping")
            continue
        if not expect:
            warnings.append(f"{cid} turn {k}: no checks")
        for key, value in expect.items():
            expect_use[key] += 1
            if key not in EXPECT_KEYS:
                err(f"{cid} turn {k}: expect key {key!r} is not supported by run_conversations.py")
            elif key in EXPECT_LISTS:
                if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
                    err(f"{cid} turn {k}: {key} must be a non-empty list of strings")
                    continue
                for v in value:
                    if key in ("schools_any", "schools_all") and v not in school_gemeente:
                        err(f"{cid} turn {k}: school {v!r} not in scholen.yaml")
                    elif key in ("contacts", "contacts_any") and v not in people:
                        err(f"{cid} turn {k}: contact {v!r} not in ketenpartners/scholen/swv")
                    elif key in ("contains", "contains_any", "not_contains") and not known(v):
                        err(f"{cid} turn {k}: {key} value {v!r} is neither a knowledge-base name nor a listed generic phrase")
            elif key in EXPECT_BOOLS and not isinstance(value, bool):
                err(f"{cid} turn {k}: {key} must be true/false")
            elif key == "route_step" and value not in step_titles:
                err(f"{cid} turn {k}: route_step {value!r} is not a step title in route.yaml")
for cid, n in ids.items():
    if n > 1:
        err(f"duplicate conversation id {cid}")

# ───────────── single messages ─────────────
utt_path = HERE / "dev4_utterances.yaml"
items = yaml.safe_load(utt_path.read_text(encoding="utf-8"))
if not isinstance(items, list):
    err("dev4_utterances.yaml: top level must be a list")
    items = []


def synonyms_in(text: str) -> set[str]:
    low = " " + re.sub(r"[^\w'/&.-]+", " ", text.lower()) + " "
    found = set()
    for term, names in terms.items():
        for name in names:
            if re.search(r"(?<![\w'])" + re.escape(name) + r"(?![\w'])", low):
                found.add(term)
                break
    return found


seen_texts: Counter = Counter()
intent_count = Counter()
for n, item in enumerate(items, 1):
    where = f"utterance {n} {item.get('t')!r}" if isinstance(item, dict) else f"utterance {n}"
    if not isinstance(item, dict) or set(item) != {"t", "i", "e"}:
        err(f"{where}: must have exactly t, i, e")
        continue
    t, i, e = item["t"], item["i"], item["e"] or {}
    if not isinstance(t, str) or not t.strip():
        err(f"{where}: t must be a non-empty string")
        continue
    seen_texts[re.sub(r"\W+", " ", t.lower()).strip()] += 1
    intent_count[i] += 1
    if i not in INTENTS:
        err(f"{where}: intent {i!r} not in {sorted(INTENTS)}")
    if not isinstance(e, dict):
        err(f"{where}: e must be a mapping")
        continue
    if set(e) - ENTITIES:
        err(f"{where}: unknown entities {set(e) - ENTITIES}")
    if any(v is None for v in e.values()):
        err(f"{where}: list only non-null entities")
    rol, wijk, gemeente, school = e.get("rol"), e.get("wijk"), e.get("gemeente"), e.get("school")
    if rol is not None and rol not in ROLES:
        err(f"{where}: rol {rol!r} not in {sorted(ROLES)}")
    if wijk is not None:
        if wijk not in area_gemeente:
            err(f"{where}: wijk {wijk!r} not in gebieden.yaml")
        elif gemeente != area_gemeente[wijk]:
            err(f"{where}: wijk {wijk!r} lies in {area_gemeente[wijk]!r}, gemeente given {gemeente!r}")
    if school is not None:
        if school not in school_gemeente:
            err(f"{where}: school {school!r} not in scholen.yaml")
        elif gemeente != school_gemeente[school]:
            err(f"{where}: school {school!r} lies in {school_gemeente[school]!r}, gemeente given {gemeente!r}")
        if wijk is not None:
            err(f"{where}: a school gives its gemeente, not its wijk")
    if gemeente is not None and gemeente not in region_gemeenten and gemeente not in cbs_gemeenten:
        err(f"{where}: gemeente {gemeente!r} neither in gebieden.yaml nor a CBS name in gemeenten.txt")
    if gemeente in cbs_gemeenten and gemeente not in region_gemeenten and (wijk or school):
        err(f"{where}: a gemeente outside the region cannot have a wijk or school of ours")
    if "expertise" in e and e["expertise"] not in expertises:
        err(f"{where}: expertise {e['expertise']!r} not in scholen.yaml")
    if "route" in e and e["route"] not in ROUTES:
        err(f"{where}: route {e['route']!r} not in {sorted(ROUTES)}")
    if "thema" in e and e["thema"] not in THEMAS:
        err(f"{where}: thema {e['thema']!r} not in {sorted(THEMAS)}")
    if "urgentie" in e and e["urgentie"] not in URGENCIES:
        err(f"{where}: urgentie {e['urgentie']!r} not in {sorted(URGENCIES)}")
    if "begrip" in e and e["begrip"] not in terms:
        err(f"{where}: begrip {e['begrip']!r} is not a term in begrippen.yaml")
    # conventions of the header
    if i == "route" and "route" not in e:
        err(f"{where}: a route item needs `route`")
    if i != "route" and "route" in e:
        err(f"{where}: `route` only for route items")
    if i not in ("glossary", "route") and "begrip" in e and i != "unknown":
        err(f"{where}: `begrip` only for glossary and route items")
    if i == "glossary" and "begrip" not in e:
        err(f"{where}: a glossary item needs `begrip`")
    if i in ("route", "signal") and rol is not None:
        err(f"{where}: no role words in route/signal items (rol must be null)")
    if i == "signal" and "thema" not in e:
        err(f"{where}: a signal item needs `thema`")
    if i != "signal" and ("thema" in e or "urgentie" in e):
        err(f"{where}: thema/urgentie only for signals")
    if i == "expertise_lookup" and not ("expertise" in e or school):
        err(f"{where}: an expertise lookup needs an expertise or a school")
    if i in ("glossary", "route"):
        named = synonyms_in(t)
        if "begrip" in e and e["begrip"] not in named:
            err(f"{where}: begrip {e['begrip']!r} set but none of its synonyms is in the text")
        if "begrip" not in e and named:
            err(f"{where}: text names glossary term(s) {sorted(named)} but begrip is not set")
        if len(named) > 1:
            err(f"{where}: text names several glossary terms {sorted(named)}: ambiguous begrip")
for text, n in seen_texts.items():
    if n > 1:
        err(f"duplicate utterance text {text!r}")

# ───────────── report ─────────────
print(f"dev4.yaml: {len(conversations)} conversations, {n_turns} message turns, "
      f"{sum(1 for c in conversations for t in c.get('turns', []) if 'wait_minutes' in t)} waits")
for sec, n in Counter(section_of[c['id']] for c in conversations if c.get('id') in section_of).items():
    print(f"  {n:3d}  {sec}")
print("  expect keys used: " + ", ".join(f"{k} {n}" for k, n in expect_use.most_common()))
total = sum(intent_count.values())
print(f"dev4_utterances.yaml: {total} messages")
for intent, n in intent_count.most_common():
    print(f"  {n:3d}  {intent}")
print(f"  unknown share: {intent_count['unknown']}/{total} = {100 * intent_count['unknown'] / max(1, total):.1f}%")
for w in warnings:
    print("warning:", w)
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK")
