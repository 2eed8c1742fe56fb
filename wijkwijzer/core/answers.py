"""Reading loose answers to a question: yes/no/doubt, stop/back/restart words, and which of the
offered options a message means (by number, "de tweede", "optie 2", by label, or loosely)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from wijkwijzer.core.privacy import vocabulary
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import DENYING

YES = ("ja", "jawel", "jazeker", "zeker", "klopt", "ja hoor", "ja graag", "yes", "jep", "jup", "ok", "oke", "okay",
       "goed", "prima", "doe maar", "graag", "opslaan", "ja opslaan", "👍", "eigenlijk wel", "toch wel", "ja toch")
NO = ("nee", "neen", "nee hoor", "nope", "niet", "nee dank je", "nee bedankt", "neuh", "no", "liever niet",
      "durf ik niet", "durven we niet", "lukt niet", "lukte niet", "nog niet")
DOUBT = ("twijfel", "weet niet", "weet ik niet", "geen idee", "misschien", "ik twijfel", "deels", "beetje")
BACK = ("terug", "vorige", "ga terug", "stap terug", "back")
RESTART = ("opnieuw", "begin opnieuw", "overnieuw", "reset", "vanaf het begin")
STOP = ("stop", "stoppen", "klaar", "annuleer", "annuleren", "laat maar", "cancel", "afbreken", "einde", "sluit af")
ACKNOWLEDGE = frozenset("""
    ok oke okay okee oki ja jaa jep jup yes prima top goed mooi super fijn thanks thx dank dankje bedankt hoor klopt
    nee neen nope helder duidelijk
""".split())
"""Words that only acknowledge the last answer ("ok", "ja top", "prima"), see :func:`acknowledges`."""

_DENIAL = frozenset({"nee", "neen", "nope", "neuh"})
_ONLY_ACKNOWLEDGE = frozenset({"ok", "oke", "okay", "goed", "prima"})
_ASKS_LATER = re.compile(r" (?:wie|wat|waar|wanneer|welke|hoe|waarom)\b")
"""'ok ik bel zo. wie is de jeugdarts hier', 'ok. wijkagent rivierenbuurt?': an "ok" in front of a
question of its own takes note of the last answer; it is no "ja" to the question that waits."""
MAX_ACK_ANSWER = 4
"""'ok doe maar', 'prima dan gaan we door': a short "ok" sentence answers yes; 'ok dank. dat signaal
over de schoolreis mag opgeslagen worden' is about something else ("Ja, direct gevaar" it is not)."""
_LAST_YES_NO = {"ja": "ja", "nee": "nee", "neen": "nee"}
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "laatste": -1}
CARDINALS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6}
_NUMBER = re.compile(r"^\s*(?:(?:optie|nummer|nr|keuze)\.?\s*)?(\d{1,2})\s*[.)]?\s*$", re.IGNORECASE)
_PICK = re.compile(r"^(?:de |het )?(?:(optie|nummer|nr|keuze) )?(\w+)(?: (?:optie|keuze|graag|aub|dan|maar))?$")
MIN_LABEL_INSIDE = 6
"""A label this long (normalised) that the message holds word for word is the option it picks."""
MAX_TEXT_TO_MATCH = 200
"""Longer messages are no pick from a list of options (and fuzzy matching them costs time)."""


_STOP_FIRST = re.compile(r"^\s*(?:stop|stoppen|laat maar|annuleer|annuleren|afbreken)\b"
                         r"(?:\s+(?:maar|even|ff|nu|hier|ermee|hiermee|hoor|dan))*\s*(?:[,.!;]|$)", re.IGNORECASE)


def stops(text: str) -> bool:
    """'stop', 'laat maar', also with a reason after it: "stop maar even, moet eerst overleggen"."""
    return said(text, STOP) or bool(_STOP_FIRST.match(text[:MAX_TEXT_TO_MATCH]))


def acknowledges(text: str) -> bool:
    """The message only acknowledges the last answer ("ok", "ja top", "oke prima"): after a lookup
    that interrupted a question, it picks none of that question's choices."""
    words = normalize(text).split()
    return bool(words) and set(words) <= ACKNOWLEDGE


def opens_with_acknowledgement(text: str) -> bool:
    """The message starts with an "ok" that may only take note of the last answer ("ok, voor rijswijk")."""
    words = normalize(text).split()
    return bool(words) and words[0] in _ONLY_ACKNOWLEDGE


@lru_cache(maxsize=512)
def _normalized(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


def said(text: str, words: Sequence[str]) -> bool:
    """True when the normalised message is one of ``words``."""
    return normalize(text[:MAX_TEXT_TO_MATCH]) in _normalized(tuple(words))


_RESUME = re.compile(r"^(?:(?:ok|oke|okay|goed|zo)\W+)?(?:en |nu |dan |even )?(?:weer )?(?:(?:terug naar|verder met|door met)\s+"
                     r"(?:de|het|mijn|die|onze)\s+[\w-]+(?:\s+route)?(?:\W+|$)|verder\s*(?:[,:.]\s*|$))", re.IGNORECASE)


def resumed(text: str) -> str | None:
    """What follows "terug naar de meldcode:" when the message resumes a question left waiting
    ("ok terug naar de meldcode: nee er is geen direct gevaar" → "nee er is geen direct gevaar"),
    or None when it does not resume."""
    match = _RESUME.match(text.strip())
    return text.strip()[match.end():] if match else None


def pick_option(text: str, labels: Sequence[str], fuzzy: bool = True) -> int | None:
    """The index of the option the user meant: by number ("2", "optie 2", "de tweede"), by
    label, or loosely (ja/nee/twijfel, and with ``fuzzy`` a close spelling)."""
    if not labels or len(text) > MAX_TEXT_TO_MATCH:
        return None
    number = _number(text)
    if number is not None:
        index = number - 1 if number > 0 else len(labels) - 1
        return index if 0 <= index < len(labels) else None
    norm = normalize(text)
    if not norm:
        return None
    pick = _PICK.match(norm)
    if pick and pick.group(2) == "middelste":  # "de middelste" of three options
        return 1 if len(labels) == 3 else None
    normalized = [normalize(label) for label in labels]
    if norm in normalized:
        return normalized.index(norm)
    prefixes = [label for label in normalized if label and norm.startswith(label + " ")]
    if prefixes:  # "ongeoorloofd denk ik", "verder in de klas graag": the longest label it starts with
        longest = max(prefixes, key=len)
        if sum(1 for label in prefixes if len(label) == len(longest)) == 1:
            return normalized.index(longest)
    one_word = [i for i, label in enumerate(normalized) if len(norm) > 3 and norm in label.split()]
    if len(one_word) == 1:  # "deels" to "Ja" / "Deels of nee"
        return one_word[0]
    padded = f" {norm} "
    inside = [i for i, label in enumerate(normalized) if len(label) >= MIN_LABEL_INSIDE and f" {label} " in padded]
    if len(inside) == 1:  # "dan maar anoniem overleggen met de adviseur", "ze zegt eerst verder in de klas"
        return inside[0]
    own = _own_word(norm, normalized)
    if own is not None:  # "top, opslaan": a word only one option has, in a short answer
        return own
    split = [i for i, label in enumerate(normalized) if _split_verb(norm, label)]
    if len(split) == 1 and not (_DENIAL | DENYING) & set(norm.split()):  # "sla dat signaal maar op" is "Ja, opslaan"
        return split[0]
    denied = bool(_DENIAL & set(norm.split()))
    if len(labels) == 1 and not (_DENIAL | DENYING) & set(norm.split()) and (
            said(text, YES) or norm.split()[0] in ("ja", "klopt", "die", "yes")):
        return 0  # "Bedoel je Regentessekwartier?" answered "ja die" (not "die niet")
    for words, prefix in ((DOUBT, "twijfel"), (YES, "ja"), (NO, "nee")):
        if words is YES and denied:
            continue  # "ok geteld, nee nog niet": the "nee" answers, the "ok" only acknowledges
        if (doubts(text) if words is DOUBT else said(text, words)) or any(
                norm.startswith(normalize(w) + " ") for w in words if len(w) > 1
                and not (w in _ONLY_ACKNOWLEDGE and (_ASKS_LATER.search(norm) or len(norm.split()) > MAX_ACK_ANSWER
                                                     or text.rstrip().endswith("?")))):
            hits = [i for i, label in enumerate(normalized) if label.split()[:1] == [prefix] or prefix in label.split()]
            if len(hits) == 1:
                return hits[0]
    last_word = _LAST_YES_NO.get(norm.split()[-1])
    if last_word and len(norm.split()) <= MAX_NEGATION_WORDS and not (_DENIAL | {"ja"}) - {last_word} & set(norm.split()):
        # "ouders zeggen ja", "volgens mij nee": the answer at the end of a short sentence
        hits = [i for i, label in enumerate(normalized) if label.split()[:1] == [last_word]]
        if len(hits) == 1:
            return hits[0]
    if not fuzzy:
        return None
    best = process.extractOne(norm, normalized, scorer=fuzz.ratio, score_cutoff=85)
    return best[2] if best else None


def _other_words(typed: Sequence[str], label_words: Sequence[str]) -> set[str]:
    """Stems a typed word shares with a label word while both are different Dutch words
    ("directeur" and "direct"): no overlap. An ending ("ziek"/"zieke") or a compound that is no
    common word ("gedragsproblemen" for "gedrag") still counts."""
    common = vocabulary().common
    return {_stem(w) for w in typed for lw in label_words
            if w != lw and _stem(w) == _stem(lw) and abs(len(w) - len(lw)) >= 3 and w in common and lw in common}


def _split_verb(norm: str, label: str) -> bool:
    """The message says a label's separable verb, split ("sla het op" for "opslaan") or as a past
    participle ("is opgeslagen")."""
    words = norm.split()
    for verb in label.split():
        particle = next((p for p in sorted(_PARTICLES) if verb.startswith(p) and len(verb) > len(p) + 3), None)
        if particle is None:
            continue
        root = verb[len(particle):len(particle) + 3]  # "sla" of "opslaan"
        if (particle in words and any(w.startswith(root) for w in words)) or any(
                w.startswith(particle + "ge" + root) for w in words):
            return True
    return False


_PARTICLES = frozenset("op door af mee uit terug".split())
"""Separable verb particles ("gaat door" = "doorgaan")."""
NEGATION = frozenset("niet geen nooit nee nope weigeren weigert weigerden".split())
MAX_NEGATION_WORDS = 5
"""A plain denial is short ("ze willen niet"); a longer sentence with "niet" means something else."""
_OPTION_FILLER = frozenset("""
    de het een en of van voor in op bij met aan te om naar is zijn was ik je we ze hij zij het er dat die dit
    al nog wel ook maar heel erg echt gewoon vooral eigenlijk""".split())


def loose_option(text: str, labels: Sequence[str]) -> int | None:
    """The option a sentence means when it names none exactly: the one label that shares the
    most words with it ("hij is heel vaak ziek" → "Vaak of lang ziek", "het gaat om zijn gedrag"
    → "Leren of gedrag"), or, for a plain denial ("ze willen niet"), the only "Nee" option."""
    if not labels or len(text) > MAX_TEXT_TO_MATCH:
        return None
    typed = normalize(text).split()
    words = {_stem(w) for w in typed if w not in _OPTION_FILLER}
    for particle in _PARTICLES & set(typed):  # "we gaan gewoon door" says "doorgaan", "we bouwen af" "afbouwen"
        words |= {_stem(particle + w) for w in typed if w not in _OPTION_FILLER and w not in _PARTICLES}
    denied = {_stem(typed[j]) for i, token in enumerate(typed) if token in DENYING
              for j in range(i + 1, min(i + 3, len(typed))) if typed[j] not in _OPTION_FILLER}
    overlaps = []
    for label in labels:
        label_words = normalize(label).split()
        said_words = words if DENYING & set(label_words) else words - denied  # "geen direct gevaar" is no "Ja, direct gevaar"
        said_words -= _other_words(typed, label_words)
        overlaps.append(len(said_words & {_stem(w) for w in label_words if w not in _OPTION_FILLER} - {"ja", "nee"}))
    best = max(overlaps)
    if best and overlaps.count(best) == 1:
        return overlaps.index(best)
    if words & NEGATION and len(normalize(text).split()) <= MAX_NEGATION_WORDS:
        noes = [i for i, label in enumerate(labels) if normalize(label).split()[:1] == ["nee"]]
        if len(noes) == 1:
            return noes[0]
    return None


_PLANS = frozenset("wil willen wilde moet moeten gaan ga gaat zal zullen".split())
_ASKS = re.compile(r"(hoe|wat|wie|waar|wanneer|welke|waarom|kan|kun|mag|moet|moeten)\b")


def echoed_option(text: str, question: str, labels: Sequence[str]) -> int | None:
    """A statement that repeats the question's own words answers it: "gesprek is gevoerd" to "Heb
    je het gesprek gevoerd?" is the "Ja" option, "we kunnen het zelf wel" to "Kan de school dit
    zelf oplossen?" too; with a negation ("het gesprek is niet gelukt") the "Nee" option. Only
    for a yes/no question (one option starting with "ja", one with "nee")."""
    if not question or len(text) > MAX_TEXT_TO_MATCH or "?" in text or _ASKS.match(normalize(text)):
        return None  # a question of its own ("hoe voer ik dat gesprek") answers nothing
    firsts = [normalize(label).split()[:1] for label in labels]
    yes, no = [i for i, f in enumerate(firsts) if f == ["ja"]], [i for i, f in enumerate(firsts) if f == ["nee"]]
    if len(yes) != 1 or len(no) != 1:
        return None
    words = normalize(text).split()
    said_plans = _PLANS & set(words) - set(normalize(question).split())  # "ze gaat nog niet" to "Gaat de leerling …?"
    if said_plans == {"gaat"} and re.search(r"\b(?:het gaat|gaat het)\b", " ".join(words)):
        said_plans = frozenset()  # "het gaat nu duidelijk beter": how it goes, no plan
    if said_plans:
        return None  # "ik wil een plan maken" to "Is er een plan?" says what is not there yet
    asked = {_stem(w) for w in normalize(question).split() if w not in _OPTION_FILLER and len(w) > 3}
    if not asked & {_stem(w) for w in words if w not in _OPTION_FILLER and len(w) > 3}:
        return None
    return no[0] if NEGATION & set(words) else yes[0]


_DOUBT_FILLER = frozenset("ik het eigenlijk echt ook nog zo goed precies even eerlijk gezegd helaas nou hmm eh uhm "
                          "nu dus".split())


def _doubt_core(text: str) -> tuple[str, ...]:
    return tuple(w for w in normalize(text).split() if w not in _DOUBT_FILLER)


_DOUBT_CORES = frozenset(_doubt_core(w) for w in DOUBT)


def doubts(text: str) -> bool:
    """'weet ik niet', 'geen idee', 'twijfel', also with fillers ("weet ik eigenlijk niet", "ik
    weet het echt niet")."""
    norm = normalize(text[:MAX_TEXT_TO_MATCH])
    return (said(text, DOUBT) or _doubt_core(text[:MAX_TEXT_TO_MATCH]) in _DOUBT_CORES
            or any(norm.startswith(normalize(w) + " ") for w in DOUBT if len(w) > 6))


def _stem(word: str) -> str:
    return word[:5]


MAX_OWN_WORD_ANSWER = 3
"""An answer this short that holds a word of one option only picks that option."""


def _own_word(norm: str, normalized: list[str]) -> int | None:
    """The one option whose own word (five letters or more, in no other option) the short answer
    holds, with no denial in it: "top, opslaan" is "Ja, opslaan", "annuleren dan" is "Nee, annuleren"."""
    words = norm.split()
    if len(words) > MAX_OWN_WORD_ANSWER or (_DENIAL | DENYING) & set(words):
        return None
    label_words = [set(label.split()) for label in normalized]
    hits = {i for i, own in enumerate(label_words)
            if any(len(word) >= 5 and word in own and not any(word in other for j, other in enumerate(label_words) if j != i)
                   for word in words)}
    return hits.pop() if len(hits) == 1 else None


def _number(text: str) -> int | None:
    """1-based position the message names ("2", "optie 2", "de tweede", "optie twee"); -1 = the last."""
    match = _NUMBER.match(text)
    if match:
        return int(match.group(1))
    pick = _PICK.match(normalize(text))
    if pick is None:
        return None
    word = pick.group(2)
    if word in ORDINALS:
        return ORDINALS[word]
    return CARDINALS.get(word) if pick.group(1) else None
