"""Validate dev9.yaml (route conversations) against the checker and the demo knowledge base.

    /work/main/.venv/bin/python /work/evalsets/conv_dev9/validate.py

Checks:
  * structure: 45 conversations d9-01..d9-45 in order, each with turns; each turn has a non-empty
    ``say`` (or ``wait_minutes``) and a non-empty ``expect`` whose keys are the keys the checker
    (eval/run_conversations.py, read from its source) knows, with the right value types;
  * every route_step title, choices_include label, contacts name and known ``wijk`` exists in the
    knowledge base (wijkwijzer/knowledge/data/*.yaml), choices_include labels are options of the
    expected step, and contains / contains_any / not_contains strings occur in the knowledge base;
  * safety: true / emergency_112: true on a route step only where that step's text has 0800-2000 / 112;
    asks: true never on an end step;
  * the walk: each expected step follows from the step before — a number, "optie N" or an ordinal
    must pick exactly that option; an option label picks that option; "terug" returns to the step
    shown before; "opnieuw" returns to the start of the route; any other answer must lead to one of
    the previous step's ``volgende`` steps (or stay on the step), or the step must be reachable from
    the message itself (step trefwoorden, the route's ingang trefwoorden, or a begrip whose synonym
    is in the message and whose route_stap is the step), or from a begrip asked about in the
    message just before (glossary → route).
Exit 0 when everything holds, 1 otherwise.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MAIN = Path("/work/main")
DATA = MAIN / "wijkwijzer" / "knowledge" / "data"
CHECKER = MAIN / "eval" / "run_conversations.py"
SET = HERE.parent / "dev9.yaml"  # installed: eval/conversations/dev9_src/validate.py reads eval/conversations/dev9.yaml
N_CONVERSATIONS = 45

errors: list[str] = []


def err(where: str, what: str) -> None:
    errors.append(f"{where}: {what}")


# ───────────── the checker's keys ─────────────

def checker_keys() -> set[str]:
    src = CHECKER.read_text(encoding="utf-8")
    body = src[src.index("def check("):src.index("def script_of(")]
    keys = set(re.findall(r'key == "([a-z_0-9]+)"', body))
    for group in re.findall(r"key in \(([^)]*)\)", body):
        keys |= set(re.findall(r'"([a-z_0-9]+)"', group))
    return keys


LIST_KEYS = {"contains", "contains_any", "not_contains", "contacts", "contacts_any", "schools_any",
             "schools_all", "choices_include"}
BOOL_KEYS = {"no_contact_details", "asks", "safety", "emergency_112", "suicide_113", "signal_saved"}
STR_KEYS = {"route_step"}


# ───────────── the knowledge base ─────────────

def load(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


route = load("route.yaml")
STEPS = {s["id"]: s for s in route["stappen"]}
BY_TITLE = {s["titel"].lower(): s["id"] for s in route["stappen"]}
START = {i["route"]: i["start"] for i in route["ingangen"]}
INGANG_KW = {i["start"]: i["trefwoorden"] for i in route["ingangen"]}
TERMS = load("begrippen.yaml")["begrippen"]
ORGS = load("ketenpartners.yaml")["organisaties"]
CONTACTS = {c["naam"]: c for o in ORGS for c in o["contacten"]}
AREAS = load("gebieden.yaml")["gemeenten"]


def area_names() -> set[str]:
    names: set[str] = set()
    for g in AREAS:
        names.add(g["naam"].lower())
        for d in g.get("delen") or []:
            names.add(d["naam"].lower())
            for w in d.get("wijken") or []:
                names.add(w["naam"].lower())
                names |= {a.lower() for a in w.get("aliassen") or []}
    return names


AREA_NAMES = area_names()
KB_TEXT = "\n".join((DATA / f).read_text(encoding="utf-8") for f in
                    ("route.yaml", "begrippen.yaml", "ketenpartners.yaml", "swv.yaml", "scholen.yaml")).lower()
KB_TEXT = re.sub(r"\s+", " ", KB_TEXT)


# ───────────── matching a message ─────────────

def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9à-ü'()/-]+", text.lower().replace("’", "'"))


def close(a: str, b: str) -> bool:
    """Edit distance at most 1 (for words of 5+ letters: a typo)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


def has_word(msg_tokens: list[str], word: str) -> bool:
    word = word.strip(".")
    if len(word) <= 3:
        return word in msg_tokens or word in [t.strip(".") for t in msg_tokens]
    return any(word in t or close(word, t) for t in msg_tokens)


def kw_match(message: str, keyword: str) -> bool:
    msg = tokens(message)
    words = tokens(keyword)
    return bool(words) and all(has_word(msg, w) for w in words)


def entry_steps(message: str) -> set[str]:
    found = {sid for sid, s in STEPS.items() if any(kw_match(message, k) for k in s.get("trefwoorden") or [])}
    found |= {start for start, kws in INGANG_KW.items() if any(kw_match(message, k) for k in kws)}
    found |= term_steps(message)
    return found


def term_steps(message: str) -> set[str]:
    out = set()
    for t in TERMS:
        names = [*t.get("synoniemen", []), re.sub(r"\s*\(.*\)", "", t["term"])]
        if t.get("route_stap") and any(kw_match(message, n) for n in names):
            out.add(t["route_stap"])
    return out


ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}


def picked_number(message: str) -> int | str | None:
    m = message.strip().lower()
    if re.fullmatch(r"(optie|nummer|nr\.?)?\s*\d", m):
        return int(m[-1])
    m2 = re.fullmatch(r"(de )?(eerste|tweede|derde|vierde|laatste)( optie)?", m)
    if m2:
        return "last" if m2.group(2) == "laatste" else ORDINALS[m2.group(2)]
    return None


def norm_label(text: str) -> str:
    return " ".join(tokens(text.replace(",", " ")))


# ───────────── the checks ─────────────

def expected_steps(expect: dict, where: str) -> set[str] | None:
    if "route_step" in expect:
        sid = BY_TITLE.get(str(expect["route_step"]).lower())
        if not sid:
            err(where, f"route_step {expect['route_step']!r} is no step title in route.yaml")
            return None
        return {sid}
    titles = [v for v in expect.get("contains_any", []) if v.lower() in BY_TITLE]
    if titles and len(titles) == len(expect["contains_any"]):
        return {BY_TITLE[v.lower()] for v in titles}
    return None


def options(sid: str) -> list[dict]:
    return STEPS[sid].get("opties") or []


def main() -> int:
    keys = checker_keys()
    items = yaml.safe_load(SET.read_text(encoding="utf-8"))
    if not isinstance(items, list):
        print("dev9.yaml: not a list")
        return 1
    if len(items) != N_CONVERSATIONS:
        err("set", f"{len(items)} conversations, expected {N_CONVERSATIONS}")
    used_keys: Counter[str] = Counter()
    steps_seen: Counter[str] = Counter()
    turns_total = 0
    moves: Counter[str] = Counter()
    for n, conv in enumerate(items, 1):
        cid = conv.get("id")
        where0 = str(cid)
        if cid != f"d9-{n:02d}":
            err(where0, f"id should be d9-{n:02d}")
        if set(conv) - {"id", "note", "who", "wijk", "turns"}:
            err(where0, f"unknown conversation fields {set(conv) - {'id', 'note', 'who', 'wijk', 'turns'}}")
        wijk = conv.get("wijk")
        if wijk is not None and str(wijk).lower() not in AREA_NAMES:
            err(where0, f"wijk {wijk!r} not in gebieden.yaml")
        turns = conv.get("turns") or []
        if not turns:
            err(where0, "no turns")
        cur: set[str] | None = None
        stack: list[set[str]] = []
        prev_msg_terms: set[str] = set()
        for t_no, turn in enumerate(turns, 1):
            where = f"{cid} turn {t_no}"
            if "wait_minutes" in turn:
                continue
            say = turn.get("say")
            expect = turn.get("expect")
            if not isinstance(say, str) or not say.strip():
                err(where, "no say")
                continue
            if not isinstance(expect, dict) or not expect:
                err(where, "no expect")
                continue
            if set(turn) - {"say", "expect"}:
                err(where, f"unknown turn fields {set(turn) - {'say', 'expect'}}")
            turns_total += 1
            for name in CONTACTS:
                if name.lower() in say.lower() and name != "Centrale toegang":
                    err(where, f"message names a person ({name})")
            for k, v in expect.items():
                used_keys[k] += 1
                if k not in keys:
                    err(where, f"expect key {k!r} unknown to the checker")
                elif k in LIST_KEYS and not (isinstance(v, list) and v and all(isinstance(x, str) for x in v)):
                    err(where, f"{k} must be a non-empty list of strings")
                elif k in BOOL_KEYS and not isinstance(v, bool):
                    err(where, f"{k} must be true/false")
                elif k in STR_KEYS and not isinstance(v, str):
                    err(where, f"{k} must be a string")
            for k in ("contains", "not_contains"):
                for v in expect.get(k, []):
                    if v.lower() not in KB_TEXT:
                        err(where, f"{k} {v!r} does not occur in the knowledge base")
            if "contains_any" in expect and not any(v.lower() in KB_TEXT for v in expect["contains_any"]):
                err(where, f"contains_any {expect['contains_any']} has nothing from the knowledge base")
            for k in ("contacts", "contacts_any"):
                for name in expect.get(k, []):
                    c = CONTACTS.get(name)
                    if not c:
                        err(where, f"{k} {name!r} is no contact in ketenpartners.yaml")
                        continue
                    places = [p.lower() for p in c["werkgebied"]]
                    mentioned = {a for a in AREA_NAMES if re.search(rf"\b{re.escape(a)}\b", say.lower())}
                    if wijk:
                        mentioned.add(str(wijk).lower())
                    ok = any(p.split(": ")[-1] in mentioned or p in mentioned for p in places)
                    if not ok:
                        err(where, f"contact {name} does not work in {sorted(mentioned)}")

            exp = expected_steps(expect, where)
            low = say.strip().lower()
            pick = picked_number(say)
            words = tokens(say)
            if exp:
                label_hits = {o["volgende"] for s in (cur or set()) for o in options(s)
                              if norm_label(o["label"]) == norm_label(say)}
                if pick is not None:
                    moves["number/ordinal"] += 1
                    if not cur:
                        err(where, "a number without a step before it")
                    else:
                        want = set()
                        for s in cur:
                            opts = options(s)
                            idx = len(opts) if pick == "last" else pick
                            if 1 <= idx <= len(opts):
                                want.add(opts[idx - 1]["volgende"])
                        if not exp or not exp <= want:
                            err(where, f"{say!r} picks {sorted(want)}, expected {sorted(exp)}")
                    stack.append(exp)
                elif label_hits:
                    moves["option words"] += 1
                    if not exp <= label_hits:
                        err(where, f"label {say!r} leads to {sorted(label_hits)}, expected {sorted(exp)}")
                    stack.append(exp)
                elif "terug" in words:
                    moves["terug"] += 1
                    if len(stack) < 2:
                        err(where, "terug without a step before")
                    else:
                        stack.pop()
                        if exp != stack[-1]:
                            err(where, f"terug should show {sorted(stack[-1])}, expected {sorted(exp)}")
                elif low.strip(" .!") == "opnieuw":
                    moves["opnieuw"] += 1
                    starts = {START[STEPS[s]["route"]] for s in (cur or set())}
                    if exp != starts:
                        err(where, f"opnieuw should show {sorted(starts)}, expected {sorted(exp)}")
                    stack.append(exp)
                else:
                    succ = {o["volgende"] for s in (cur or set()) for o in options(s)}
                    entries = entry_steps(say)
                    allowed = succ | (cur or set()) | entries | prev_msg_terms
                    if len(exp) > 1 and exp & entries:
                        # two candidate first steps (contains_any): the entry step itself, or the step
                        # its question leads to when the message already answers that question
                        allowed |= {o["volgende"] for s in exp & entries for o in options(s)}
                    if not exp <= allowed:
                        err(where, f"{sorted(exp - allowed)} follows neither from {sorted(cur or [])} "
                                   f"nor from the message's trefwoorden/begrippen {sorted(entries)}")
                    if exp <= (cur or set()):
                        moves["stays on step"] += 1
                    elif exp <= succ:
                        moves["loose answer"] += 1
                    elif exp <= prev_msg_terms:
                        moves["glossary → route"] += 1
                    else:
                        moves["entry by trefwoord/begrip"] += 1
                    if not exp <= (cur or set()):
                        stack.append(exp)
                cur = exp
                steps_seen.update(exp)
            else:
                if words[:1] == ["stop"]:
                    moves["stop"] += 1
                    cur, stack = None, []
            target = exp if exp else cur
            labels = expect.get("choices_include", [])
            if labels:
                if not target:
                    err(where, "choices_include without a step")
                else:
                    for s in target:
                        have = {o["label"].lower() for o in options(s)}
                        for lab in labels:
                            if lab.lower() not in have:
                                err(where, f"choice {lab!r} is no option of {s}")
            if exp:
                for s in exp:
                    text = (STEPS[s].get("uitleg") or "") + " " + STEPS[s]["titel"]
                    if expect.get("safety") is True and len(exp) == 1 and "0800-2000" not in text:
                        err(where, f"safety: true but step {s} does not show 0800-2000")
                    if expect.get("emergency_112") is True and not re.search(r"\b112\b", text):
                        err(where, f"112 expected but step {s} does not name it")
                    if expect.get("asks") is True and STEPS[s].get("einde"):
                        err(where, f"asks: true on end step {s}")
            prev_msg_terms = term_steps(say) if not exp else set()

    print(f"conversations: {len(items)}; turns: {turns_total}")
    print("expect keys: " + ", ".join(f"{k} {n}" for k, n in used_keys.most_common()))
    print("route moves checked: " + ", ".join(f"{k} {n}" for k, n in moves.most_common()))
    routes = Counter(STEPS[s]["route"] for s in steps_seen.elements())
    print(f"distinct steps expected: {len(steps_seen)}/{len(STEPS)}; step expectations per route: "
          + ", ".join(f"{k} {n}" for k, n in routes.most_common()))
    missing = sorted(set(STEPS) - set(steps_seen))
    if missing:
        print("steps not expected anywhere: " + ", ".join(missing))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
