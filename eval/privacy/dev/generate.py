# -*- coding: utf-8 -*-
"""Generate the Wijkwijzer privacy DEVELOPMENT set: pii.yaml and clean.yaml.

Deterministic: same seed, same output.  Run with the project venv:

    /work/main/.venv/bin/python eval/privacy/dev/generate.py

How it works
------------
* Templates are written the way IB'ers and teachers type signals (phone, Teams,
  dictation).  A template has slots: ``{n}`` a child's first name, ``{s}`` a
  surname, ``{dob}`` a date of birth, ``{g}`` a group, ``{org}`` an
  organisation, ...  PII slots produce text that is personal data; all other
  slots produce clean text (knowledge-base schools and wijken, organisations,
  holidays, titles, times, ...).
* Every item is written by one of twelve staff "personas" (see PERSONAS): each
  rewrites the non-PII text in their own habit (lower case without punctuation,
  long careful sentences, abbreviations, capitals when upset, dictation with odd
  word breaks, English words, greetings, fast typos, "signaal:" prefix, emoji,
  bullets, questions).  Lower/upper casing also applies to the personal data,
  and ``found`` is taken *after* the persona rewrote the text, so every found
  string is an exact substring of the final text.
* pii.yaml items:   {text, kinds, found}
  clean.yaml items: {text, note}
"""
from __future__ import annotations

import collections
import datetime as dt
import os
import random
import re
import sys
import unicodedata

import yaml
import phonenumbers
from stdnum.nl import bsn as std_bsn
from stdnum.nl import onderwijsnummer as std_onr
from stdnum.nl import postcode as std_pc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lexicon as L  # noqa: E402

SEED = 20261206
KINDS = ["naam", "bsn", "onderwijsnummer", "leerlingnummer", "geboortedatum", "telefoon", "email",
         "handle", "adres", "postcode", "singling_out"]

# =============================================================================
# helpers
# =============================================================================

def lower_nl(s: str) -> str:
    return s.replace("İ", "i").replace("I\u0307", "i").lower()


def ascii_fold(s: str) -> str:
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("İ", "I")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


NUM_WORDS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
             "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
             "negentien"]
TENS = {20: "twintig", 30: "dertig", 40: "veertig", 50: "vijftig", 60: "zestig", 70: "zeventig",
        80: "tachtig", 90: "negentig"}


def num_word(n: int) -> str:
    if n < 20:
        return NUM_WORDS[n]
    t, u = divmod(n, 10)
    if u == 0:
        return TENS[t * 10]
    uw = NUM_WORDS[u]
    join = "ën" if uw.endswith("e") else "en"
    return f"{uw}{join}{TENS[t * 10]}"


def year_word(y: int) -> str:
    return "tweeduizend" + (num_word(y - 2000) if y > 2000 else "")


# =============================================================================
# PII value generators
# =============================================================================

class Pools:
    """Round-robin pools so that as many different names as possible are used."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.first = []
        for origin, d in L.NAMES.items():
            for g in "mf":
                for n in d[g]:
                    self.first.append((n, g, origin))
        self._fi = []
        self.sur = {o: list(d["s"]) for o, d in L.NAMES.items()}
        self._si = {o: [] for o in self.sur}
        self.origins = list(L.NAMES)
        self._oi = []
        self.used_first = collections.Counter()

    def next_first(self):
        if not self._fi:
            self._fi = list(self.first)
            self.rng.shuffle(self._fi)
        n = self._fi.pop()
        self.used_first[n[0]] += 1
        return n

    def next_origin(self):
        if not self._oi:
            self._oi = list(self.origins)
            self.rng.shuffle(self._oi)
        return self._oi.pop()

    def next_sur(self, origin):
        if not self._si[origin]:
            self._si[origin] = list(self.sur[origin])
            self.rng.shuffle(self._si[origin])
        return self._si[origin].pop()


def gen_bsn(rng: random.Random, leading_zero=False) -> str:
    while True:
        d = [0 if leading_zero and i == 0 else rng.randint(0, 9) for i in range(8)]
        s = sum((9 - i) * d[i] for i in range(8))
        last = s % 11
        if last > 9:
            continue
        num = "".join(map(str, d)) + str(last)
        if num.startswith("00") or int(num) == 0:
            continue
        assert std_bsn.is_valid(num), num
        return num


def fmt_bsn(rng, num: str) -> str:
    if num.startswith("0") and rng.random() < 0.7:
        return num[1:]                      # 8 digits, the leading 0 dropped
    style = rng.choice(["plain", "plain", "dots3", "dots4", "space3", "dash3", "space4"])
    if style == "plain":
        return num
    if style == "dots3":
        return f"{num[:3]}.{num[3:6]}.{num[6:]}"
    if style == "dots4":
        return f"{num[:4]}.{num[4:6]}.{num[6:]}"
    if style == "space3":
        return f"{num[:3]} {num[3:6]} {num[6:]}"
    if style == "dash3":
        return f"{num[:3]}-{num[3:6]}-{num[6:]}"
    return f"{num[:4]} {num[4:6]} {num[6:]}"


def gen_onr(rng) -> str:
    while True:
        d = [1, 0] + [rng.randint(0, 9) for _ in range(6)]
        for last in range(10):
            num = "".join(map(str, d)) + str(last)
            if std_onr.is_valid(num):
                return num


def fmt_onr(rng, num):
    return rng.choice([num, num, num, f"{num[:3]} {num[3:6]} {num[6:]}", f"{num[:4]}.{num[4:6]}.{num[6:]}"])


def gen_lln(rng) -> str:
    style = rng.choice(["4", "5", "5", "6", "6", "year", "yshort", "LL", "L-", "slash", "5", "4"])
    if style == "4":
        return str(rng.randint(1000, 9999))
    if style == "5":
        return str(rng.randint(10000, 99999))
    if style == "6":
        return str(rng.randint(100000, 399999))
    if style == "year":
        return f"{rng.randint(2014, 2026)}-{rng.randint(1, 999):04d}"
    if style == "yshort":
        return f"{rng.randint(14, 26)}-{rng.randint(1, 999):04d}"
    if style == "LL":
        return f"LL{rng.randint(100, 99999):05d}"
    if style == "L-":
        return f"L-{rng.randint(1000, 99999)}"
    return f"{rng.randint(2015, 2026)}/{rng.randint(10, 999)}"


def gen_birthdate(rng) -> dt.date:
    start = dt.date(2013, 10, 1).toordinal()
    end = dt.date(2021, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def fmt_dob(rng, d: dt.date) -> str:
    m, ms = L.MONTHS[d.month - 1], L.MONTHS_SHORT[d.month - 1]
    yy = f"{d.year % 100:02d}"
    styles = [
        f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}-{d.month}-{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}/{d.month}/{yy}", f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day:02d}-{d.month:02d}-'{yy}",
        f"{d.day:02d}{d.month:02d}{d.year}", f"{d.year}-{d.month:02d}-{d.day:02d}", f"{d.day} {m} {d.year}",
        f"{d.day} {ms} {d.year}", f"{d.day} {m} '{yy}", f"{d.day:02d}-{d.month:02d}-{yy}",
        f"{d.day} {cap_first(m)} {d.year}", f"{d.day} {ms}. {d.year}", f"{d.day}-{ms}-{d.year}",
        f"{d.day}/{d.month}/{d.year}", f"{d.day}.{d.month}.{yy}", f"{d.day}e {m} {d.year}",
    ]
    return rng.choice(styles)


def fmt_dob_dm(rng, d):
    m, ms = L.MONTHS[d.month - 1], L.MONTHS_SHORT[d.month - 1]
    return rng.choice([f"{d.day} {m}", f"{d.day} {m}", f"{d.day} {ms}", f"{d.day}-{d.month}",
                       f"{d.day:02d}/{d.month:02d}", f"{d.day} {cap_first(m)}", f"{d.day}e {m}"])


def fmt_dob_my(rng, d):
    m, ms = L.MONTHS[d.month - 1], L.MONTHS_SHORT[d.month - 1]
    return rng.choice([f"{m} {d.year}", f"{ms} {d.year}", f"{d.month:02d}-{d.year}",
                       f"{ms} '{d.year % 100:02d}", f"{d.month:02d}/{d.year}", f"{cap_first(m)} {d.year}"])


def dob_spoken(rng, d):
    return f"{num_word(d.day)} {L.MONTHS[d.month - 1]} {year_word(d.year)}"


PHONE_PLANS = {
    # prefix, generator of national significant number, region for validation
    "nl_mob": lambda r: "6" + str(r.randint(1, 5)) + "".join(str(r.randint(0, 9)) for _ in range(7)),
    "nl_070": lambda r: "70" + str(r.randint(3, 4)) + "".join(str(r.randint(0, 9)) for _ in range(6)),
    "pl": lambda r: r.choice(["50", "51", "53", "60", "69", "72", "78", "79", "88"]) + "".join(str(r.randint(0, 9)) for _ in range(7)),
    "bg": lambda r: r.choice(["87", "88", "89"]) + "".join(str(r.randint(0, 9)) for _ in range(7)),
    "ro": lambda r: "7" + r.choice(["2", "3", "4", "5", "6"]) + "".join(str(r.randint(0, 9)) for _ in range(7)),
    "ua": lambda r: r.choice(["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98"]) + "".join(str(r.randint(0, 9)) for _ in range(7)),
    "tr": lambda r: "5" + r.choice(["30", "32", "33", "35", "42", "44", "53", "55"]) + "".join(str(r.randint(0, 9)) for _ in range(7)),
    "ma": lambda r: "6" + r.choice(["61", "62", "41", "50", "70", "00"]) + "".join(str(r.randint(0, 9)) for _ in range(6)),
    "be": lambda r: "4" + r.choice(["70", "75", "77", "85", "86", "96"]) + "".join(str(r.randint(0, 9)) for _ in range(6)),
}
CC = {"nl_mob": "31", "nl_070": "31", "pl": "48", "bg": "359", "ro": "40", "ua": "380", "tr": "90",
      "ma": "212", "be": "32"}
REG = {"nl_mob": "NL", "nl_070": "NL", "pl": "PL", "bg": "BG", "ro": "RO", "ua": "UA", "tr": "TR",
       "ma": "MA", "be": "BE"}
ORIGIN_PHONE = {"pools": "pl", "bulgaars": "bg", "roemeens": "ro", "oekraiens": "ua", "turks": "tr",
                "marokkaans": "ma"}


def gen_phone(rng, origin=None):
    plan = "nl_mob"
    x = rng.random()
    if origin in ORIGIN_PHONE and x < 0.3:
        plan = ORIGIN_PHONE[origin]
    elif x < 0.18:
        plan = "nl_070"
    elif x < 0.21:
        plan = "be"
    while True:
        nsn = PHONE_PLANS[plan](rng)
        num = phonenumbers.parse("+" + CC[plan] + nsn)
        if phonenumbers.is_valid_number(num):
            break
    n = nsn
    if plan == "nl_mob":
        sub = n[1:]
        return rng.choice([
            f"0{n}", f"06-{sub}", f"06 {sub}", f"06 {sub[:4]} {sub[4:]}", f"06-{sub[:3]} {sub[3:6]} {sub[6:]}",
            f"+31{n}", f"+31 6 {sub}", f"+31 (0)6 {sub[:4]} {sub[4:]}", f"0031 6 {sub}", f"06 {sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}",
            f"06{sub[:4]} {sub[4:]}", f"+316 {sub}",
        ])
    if plan == "nl_070":
        sub = n[2:]
        return rng.choice([f"070-{sub}", f"070 {sub[:3]} {sub[3:5]} {sub[5:]}", f"0031 70 {sub}", f"+31 70 {sub}",
                           f"070{sub}", f"070 - {sub}"])
    cc = CC[plan]
    if plan == "pl":
        return rng.choice([f"+48 {n[:3]} {n[3:6]} {n[6:]}", f"0048{n}", f"+48{n}"])
    if plan == "bg":
        return rng.choice([f"+359 {n[:2]} {n[2:5]} {n[5:]}", f"+359{n}", f"00359 {n}"])
    if plan == "ro":
        return rng.choice([f"+40 {n[:3]} {n[3:6]} {n[6:]}", f"+40{n}", f"0040 {n}"])
    if plan == "ua":
        return rng.choice([f"+380 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}", f"+380{n}"])
    if plan == "tr":
        return rng.choice([f"+90 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}", f"0090 {n}", f"+90{n}"])
    if plan == "ma":
        return rng.choice([f"+212 {n[:1]}{n[1:3]} {n[3:6]} {n[6:]}", f"+212{n}", f"00212 {n}"])
    return rng.choice([f"+32 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"0032 {n}"])


def phone_spoken(rng):
    sub = str(rng.randint(1, 5)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    words = ["nul", "zes"] + [NUM_WORDS[int(c)] for c in sub]
    return " ".join(words)


MAIL_DOMAINS = ["gmail.com", "gmail.com", "hotmail.com", "hotmail.nl", "outlook.com", "live.nl", "ziggo.nl",
                "kpnmail.nl", "icloud.com", "yahoo.com", "upcmail.nl", "outlook.be"]
ORIGIN_MAIL = {"pools": ["wp.pl", "o2.pl", "interia.pl"], "bulgaars": ["abv.bg", "mail.bg"],
               "roemeens": ["yahoo.ro"], "oekraiens": ["ukr.net", "i.ua"], "chinees": ["qq.com", "163.com"],
               "turks": ["hotmail.com.tr"]}


def gen_mail(rng, first, sur, origin):
    f = re.sub(r"[^a-z]", "", lower_nl(ascii_fold(first)))
    s = re.sub(r"[^a-z]", "", lower_nl(ascii_fold(sur)))
    yy = rng.randint(75, 99) if rng.random() < 0.5 else rng.randint(2000, 2020)
    dom = rng.choice(ORIGIN_MAIL.get(origin, []) + MAIL_DOMAINS)
    local = rng.choice([f"{f}.{s}", f"mama.{f}", f"papa{f}{yy}", f"fam{s}", f"{s}{yy}", f"{f}_{s}",
                        f"{f[0]}.{s}", f"{s}.{f}{yy}", f"mamavan{f}", f"{f}{s}{rng.randint(1, 99)}"])
    style = rng.random()
    if style < 0.10:
        d1, d2 = dom.rsplit(".", 1)
        return f"{local} apenstaartje {d1} punt {d2}"
    if style < 0.18:
        d1, d2 = dom.rsplit(".", 1)
        return f"{local} at {d1} dot {d2}"
    if style < 0.25:
        return f"{local}[at]{dom}"
    if style < 0.30:
        return f"{local} @ {dom}"
    if style < 0.35:
        return f"{local}(at){dom}"
    return f"{local}@{dom}"


def gen_handle(rng, first, sur):
    f = re.sub(r"[^a-z]", "", lower_nl(ascii_fold(first)))
    s = re.sub(r"[^a-z]", "", lower_nl(ascii_fold(sur)))[:6] or "x"
    y = rng.randint(2012, 2019)
    yy = y % 100
    core = rng.choice([f"{f}.{s}", f"{f}_{yy:02d}", f"lil.{f}{yy:02d}", f"{f}x{s}", f"{f}.official",
                       f"{f}__{s[:2]}", f"its.{f}", f"{f}{y}", f"xx{f}xx", f"{cap_first(f)}Gamer{y}",
                       f"{f}.{s}.{yy:02d}", f"{f}_{s}_", f"queen.{f}", f"{f}tje{yy:02d}"])
    return ("@" + core) if rng.random() < 0.7 else core


def gen_address(rng, street=None):
    street = street or rng.choice(L.STREETS)
    nr = rng.randint(1, 340)
    return street + " " + rng.choice([f"{nr}", f"{nr}", f"{nr}a", f"{nr} a", f"{nr}-II", f"{nr}-3",
                                      f"{nr}b", f"{nr} hs", f"{nr}-1", f"{nr}C", f"{nr} bis"])


PC4 = ["2491", "2492", "2493", "2495", "2496", "2497", "2498", "2511", "2512", "2513", "2514", "2515",
       "2516", "2517", "2518", "2521", "2522", "2523", "2524", "2525", "2526", "2531", "2532", "2533",
       "2541", "2542", "2543", "2544", "2545", "2546", "2547", "2548", "2551", "2552", "2553", "2554",
       "2555", "2561", "2562", "2563", "2564", "2565", "2566", "2571", "2572", "2573", "2574", "2581",
       "2582", "2583", "2584", "2585", "2586", "2587", "2591", "2592", "2593", "2594", "2595", "2596",
       "2597", "2281", "2282", "2283", "2284", "2285", "2286", "2287", "2288", "2261", "2262", "2264",
       "2265", "2266", "2267", "2271", "2272", "2273", "2274", "2275"]


def gen_postcode(rng):
    while True:
        p4 = rng.choice(PC4)
        letters = rng.choice("ABCDEFGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
        if letters in ("SA", "SD", "SS"):
            continue
        if std_pc.is_valid(p4 + letters):
            break
    return rng.choice([f"{p4} {letters}", f"{p4}{letters}", f"{p4}{letters.lower()}", f"{p4} {letters.lower()}",
                       f"{p4} {letters}"])


def initials(rng, first, sur, form):
    parts = sur.replace("-", " ").split()
    prefixes = {"de", "van", "der", "den", "el", "al", "da", "dos", "ait", "te", "ter"}
    F = first[0].upper()
    main = [p for p in parts if lower_nl(p) not in prefixes] or parts
    pre = [p for p in parts if lower_nl(p) in prefixes]
    S = main[0][0].upper()
    if form == "dotted":        # J.d.V.  /  A.B.
        mid = "".join(p[0].lower() + "." for p in pre)
        return f"{F}.{mid}{S}."
    if form == "first_S":       # Fatima E.  /  Noah de V.
        pre_txt = (" ".join(pre) + " ") if pre else ""
        return f"{first} {pre_txt}{S}."
    if form == "F_sur":         # M. Kowalski
        return f"{F}. {sur}"
    return f"{F}.{S}."


DUTCH_PREFIX_SUR = ["de Vries", "van Dijk", "de Jong", "van der Meer", "de Wit", "van den Heuvel", "de Graaf",
                    "van Leeuwen", "de Bruijn", "van der Linden", "de Haan", "van Beek", "El Amrani", "Ait Taleb",
                    "da Graça", "dos Santos", "Al Masri"]

TRAITS = [
    "het meisje met de insulinepomp", "de jongen in de rolstoel", "de enige leerling met een cochleair implantaat",
    "het jongetje met epilepsie", "de leerling met sondevoeding", "het meisje dat chemo krijgt",
    "de jongen met de beenprothese", "de enige leerling met het syndroom van Down",
    "het meisje met de brandwonden in haar gezicht", "de leerling van wie de vader vorige maand is overleden",
    "het meisje van wie de moeder in de gevangenis zit", "de jongen die in de vrouwenopvang woont",
    "de enige leerling uit het AZC", "het pleegkind", "de zoon van de conciërge", "de dochter van onze directeur",
    "de enige Eritrese jongen", "het meisje met de twee gehoorapparaten",
    "de nieuwe leerling uit Oekraïne die vorige week is gekomen", "de jongen die zo erg stottert",
    "het meisje met alopecia", "het kind met taaislijmziekte", "de enige die nog een luier draagt",
    "de leerling met een stoma", "de leerling die in transitie is", "de jongen met de hartafwijking die niet mag gymmen",
    "het meisje met anorexia", "de jongen met leukemie", "het zusje van de jongen die vorig jaar is overleden",
    "het blinde meisje", "de zoon van de imam", "de dochter van de wethouder", "het meisje met dwerggroei",
    "het meisje dat als enige een hoofddoek draagt", "de tweeling", "de jongen met het ene been",
    "de leerling met de tracheostoma", "het jongetje dat net uit de kliniek komt", "de enige leerling met een rollator",
    "het meisje met de zuurstoffles", "de jongen die vorige week in het nieuws was na de brand",
    "de leerling van wie de ouders allebei in het ziekenhuis liggen", "de leerling die door Jeugdbescherming uit huis is geplaatst",
    "de jongen met de oogprothese", "het doven meisje", "de jongen met het gebroken been en de krukken",
    "de enige Chinese leerling", "de leerling wiens moeder vorige maand is uitgezet",
]

# =============================================================================
# clean (non-PII) slot values
# =============================================================================

def group_text(rng):
    n = rng.choice(["1/2", "3", "4", "5", "6", "7", "8", "5", "6", "7", "8", "3", "4"])
    return rng.choice([f"groep {n}", f"groep {n}", f"groep {n}", f"groep {n}{rng.choice('ab')}", f"groep {n}"])


def event_date(rng, with_year=None):
    mo = rng.randint(1, 12)
    day = rng.randint(1, 28)
    year = rng.choice([2026, 2026, 2027])
    wd = L.DAYS[dt.date(year, mo, day).weekday()]
    if with_year is None:
        with_year = rng.random() < 0.35
    if with_year:
        return rng.choice([f"{day} {L.MONTHS[mo - 1]} {year}", f"{day:02d}-{mo:02d}-{year}", f"{wd} {day} {L.MONTHS[mo - 1]} {year}",
                           f"{day}-{mo}-{year}", f"{day}/{mo}/{year}"])
    return rng.choice([f"{day} {L.MONTHS[mo - 1]}", f"{wd} {day} {L.MONTHS[mo - 1]}", f"{day}-{mo}", f"{day}/{mo}",
                       f"{wd} {day} {L.MONTHS_SHORT[mo - 1]}.", f"{wd} de {day}e"])


def school_year(rng):
    y = rng.choice([2025, 2026, 2027])
    return rng.choice([f"{y}-{y + 1}", f"{y}/{y + 1}", f"'{y % 100}-'{(y + 1) % 100}", f"{y % 100}/{(y + 1) % 100}",
                       f"{y}-'{(y + 1) % 100}"])


def pct(rng):
    p = rng.choice([8, 12, 15, 20, 25, 30, 35, 40, 45, 60])
    return rng.choice([f"{p}%", f"{p} procent", f"bijna {p}%", f"ruim {p} procent", f"{p},5%"])


def amount(rng):
    a = rng.choice([7, 12, 15, 25, 35, 45, 60, 85, 120, 250, 1250])
    return rng.choice([f"€ {a}", f"€{a},-", f"{a} euro", f"€ {a},00", f"{a},- euro", f"€{a}"])


CLEAN_SLOTS = {
    "org": lambda r: r.choice(L.ORGS), "kborg": lambda r: r.choice(L.KB_ORGS),
    "holiday": lambda r: r.choice(L.HOLIDAYS), "holiday2": lambda r: r.choice(L.HOLIDAYS),
    "event": lambda r: r.choice(L.EVENTS), "method": lambda r: r.choice(L.METHODS),
    "app": lambda r: r.choice(L.APPS),
    "social": lambda r: r.choice(["TikTok", "Snapchat", "WhatsApp", "Instagram", "Roblox", "Discord", "Fortnite"]),
    "place": lambda r: r.choice(L.PLACES),
    "brand": lambda r: r.choice(L.SHOPS_BRANDS), "club": lambda r: r.choice(L.CLUBS),
    "festival": lambda r: r.choice(L.FESTIVALS), "title": lambda r: r.choice(L.TITLES),
    "project": lambda r: r.choice(["De Vreedzame Wijk", "Playing for Success", "de Rijke Schooldag", "Jump-in",
                                   "De Gezonde School", "de Verlengde Schooldag", "de VoorleesExpress",
                                   "Schoolmaatjes", "de Buurtsportcoach", "het Schoolontbijt", "de Kinderraad",
                                   "het Taalhuis", "Kunstkracht", "de Brede Buurtschool", "Nederland Leest Junior",
                                   "Haagse Ouderkracht", "de Zomerschool", "Stap Verder"]),
    "nat": lambda r: r.choice(L.NATIONALITIES), "lang": lambda r: r.choice(L.LANGUAGES), "lang2": lambda r: r.choice(L.LANGUAGES),
    "steun": lambda r: r.choice(["Stichting Leergeld", "het Jeugdfonds Sport & Cultuur", "de Voedselbank",
                                 "Kinderpostzegels", "het Nationaal Fonds Kinderhulp", "Stichting Jarige Job",
                                 "SchuldHulpMaatje", "Humanitas", "het Leger des Heils", "Stichting Present",
                                 "Stichting Babyspullen", "Het Vergeten Kind", "de Ooievaarspas", "Xtra"]),
    "land": lambda r: r.choice(L.COUNTRIES), "land2": lambda r: r.choice(L.COUNTRIES),
    "city": lambda r: r.choice(L.CITIES_WORLD), "street": lambda r: r.choice(L.STREETS_CLEAN),
    "time": lambda r: r.choice(L.TIMES), "pub": lambda r: r.choice(L.PUBPHONES),
    "abbr": lambda r: r.choice(L.ABBR), "abbr2": lambda r: r.choice(L.ABBR),
    "month": lambda r: r.choice(L.MONTHS), "day": lambda r: r.choice(L.DAYS),
    "year": lambda r: str(r.randint(2016, 2027)), "schoolyear": school_year, "pct": pct, "amount": amount,
    "count": lambda r: str(r.randint(3, 19)), "count2": lambda r: str(r.randint(20, 31)),
    "weeks": lambda r: str(r.randint(4, 26)), "date_event": event_date,
    "date_year": lambda r: event_date(r, True), "school": lambda r: r.choice(L.SCHOOLS),
    "w": lambda r: r.choice(L.WIJKEN), "w2": lambda r: r.choice(L.WIJKEN),
    "shop": lambda r: r.choice(L.SHOPS), "item": lambda r: r.choice(L.ITEMS), "wear": lambda r: r.choice(L.WEAR),
    "book": lambda r: r.choice(L.BOOKS), "screen": lambda r: r.choice(L.SCREEN),
    "traject": lambda r: r.choice(["OPP", "TLV", "OZA", "OJA", "PGB", "ISK", "SBO-", "dyslexie"]),
    "aanvraag": lambda r: r.choice(["TLV", "OZA", "PGB", "OJA", "TLV SO", "TLV SBO", "arrangement"]),
    "diag": lambda r: r.choice(["ADHD", "ASS", "TOS", "DCD", "ODD", "EED", "LVB", "NLD", "PTSS", "OCD"]),
    "bestuur": lambda r: r.choice(L.BESTUREN), "g": group_text,
    "gn": lambda r: r.choice(["3", "4", "5", "6", "7", "8"]), "a": lambda r: str(r.randint(4, 12)),
    "sch": lambda r: r.choice(L.SCHOOLS),
}
NEAR_MISS_LABEL = {
    "org": "organisatie", "kborg": "kennisbank-organisatie", "holiday": "feestdag/vakantie",
    "holiday2": "feestdag/vakantie", "event": "evenement", "method": "methode/systeem", "app": "app/game", "social": "app",
    "place": "gebouw/park/plek", "brand": "winkel/merk", "club": "sportclub", "festival": "festival",
    "title": "titel boek/film/tv", "nat": "nationaliteit", "lang": "taal", "lang2": "taal", "steun": "organisatie", "project": "project", "land": "land", "land2": "land",
    "city": "stad", "street": "straat zonder nummer", "time": "tijd", "pub": "publiek nummer",
    "abbr": "afkorting", "abbr2": "afkorting", "month": "maand", "day": "dag", "year": "jaartal",
    "schoolyear": "schooljaar", "pct": "percentage", "amount": "bedrag", "count": "aantal", "count2": "aantal",
    "weeks": "aantal", "date_event": "datum activiteit", "date_year": "datum activiteit met jaar",
    "school": "kennisbank-school", "sch": "kennisbank-school", "w": "kennisbank-wijk", "w2": "kennisbank-wijk", "shop": "winkel", "item": "merk/product",
    "wear": "merk", "book": "boektitel", "screen": "film/tv-titel", "traject": "afkorting", "aanvraag": "afkorting",
    "diag": "afkorting diagnose",
    "bestuur": "kennisbank-bestuur",
}

# =============================================================================
# template rendering
# =============================================================================

SLOT_RE = re.compile(r"\{(\w+)\}")

GENDER = {
    "m": {"hij": "hij", "Hij": "Hij", "zijn": "zijn", "Zijn": "Zijn", "hem": "hem", "jongen": "jongen",
          "zoon": "zoon", "broer": "broer", "dejongen": "de jongen"},
    "f": {"hij": "ze", "Hij": "Ze", "zijn": "haar", "Zijn": "Haar", "hem": "haar", "jongen": "meisje",
          "zoon": "dochter", "broer": "zus", "dejongen": "het meisje"},
}
TITLE_ANY = ["fam.", "fam", "familie", "Fam.", "gezin", "de familie", "fam"]
TITLE_F = ["mevr.", "mevrouw", "mw", "mw.", "Mevr.", "moeder", "mevr"]
TITLE_M = ["dhr.", "dhr", "meneer", "vader", "Dhr.", "mnr"]


class Ctx:
    def __init__(self, rng, pools, persona, case, clean=False):
        self.rng, self.pools, self.persona, self.case = rng, pools, persona, case
        self.clean = clean
        self.cache = {}
        self.used = []          # clean near-miss slots (label, value)
        self.main = None        # (first, gender, origin)
        self.sur = None

    def person(self):
        if self.main is None:
            self.main = self.pools.next_first()
        return self.main

    def surname(self):
        if self.sur is None:
            first, g, origin = self.person()
            o = origin if self.rng.random() < 0.85 else self.pools.next_origin()
            self.sur = self.pools.next_sur(o)
        return self.sur

    def namecase(self, s):
        if self.case == "lower":
            return lower_nl(s)
        if self.case == "upper":
            return s.upper()
        return s


def possessive(name):
    low = name.lower()
    if low[-1] in "sxz":
        return "'"
    if low[-1] in "aeiouy" or low.endswith("é"):
        return "'s"
    return "'s" if len(name) % 3 == 0 else "s"   # both spellings occur in practice


def fill_slot(ctx: Ctx, slot: str):
    """Return a list of (text, kind or None)."""
    r = ctx.rng
    if slot in ctx.cache:
        return ctx.cache[slot]
    if ctx.clean and slot in CLEAN_SLOTS:
        v = CLEAN_SLOTS[slot](r)
        if slot in NEAR_MISS_LABEL:
            ctx.used.append((NEAR_MISS_LABEL[slot], v))
        ctx.cache[slot] = [(v, None)]
        return ctx.cache[slot]
    first, g, origin = ctx.person()
    out = None
    if slot == "n":
        out = [(ctx.namecase(first), "naam")]
    elif slot in ("n2", "n3"):
        other = ctx.pools.next_first()
        out = [(ctx.namecase(other[0]), "naam")]
    elif slot == "npos":
        out = [(ctx.namecase(first), "naam"), (possessive(first), None)]
    elif slot == "nsplit":
        nm = first if len(first) >= 5 else first + " " + ctx.surname()
        cut = max(2, len(nm) // 2)
        sp = nm[:cut] + " " + lower_nl(nm[cut:]) if " " not in nm else nm
        out = [(ctx.namecase(sp), "naam")]
    elif slot == "s":
        if ctx.main is None:
            ctx.main = ctx.pools.next_first()
        out = [(ctx.namecase(ctx.surname()), "naam")]
    elif slot == "v":
        out = [(ctx.namecase(f"{first} {ctx.surname()}"), "naam")]
    elif slot in ("init", "init2"):
        if slot == "init2":
            o = ctx.pools.next_first()
            f2, s2 = o[0], ctx.pools.next_sur(o[2])
        else:
            f2 = first
            s2 = ctx.surname() if r.random() < 0.6 else r.choice(DUTCH_PREFIX_SUR)
            ctx.sur = s2
        form = r.choice(["dotted", "dotted", "dotted", "F_sur", "plain"])
        out = [(ctx.namecase(initials(r, f2, s2, form)), "naam")]
    elif slot == "ninit":
        s2 = ctx.surname() if r.random() < 0.5 else r.choice(DUTCH_PREFIX_SUR)
        ctx.sur = s2
        out = [(ctx.namecase(initials(r, first, s2, "first_S")), "naam")]
    elif slot == "t":
        out = [(r.choice(TITLE_ANY), None)]
    elif slot == "tf":
        out = [(r.choice(TITLE_F), None)]
    elif slot == "tm":
        out = [(r.choice(TITLE_M), None)]
    elif slot in GENDER["m"]:
        out = [(GENDER[g][slot], None)]
    elif slot == "land":
        out = [(r.choice(L.ORIGIN_COUNTRY[origin]), None)]
    elif slot == "taal":
        out = [(r.choice(L.ORIGIN_LANGUAGE[origin]), None)]
    elif slot == "bsn":
        out = [(fmt_bsn(r, gen_bsn(r, leading_zero=r.random() < 0.15)), "bsn")]
    elif slot == "onr":
        out = [(fmt_onr(r, gen_onr(r)), "onderwijsnummer")]
    elif slot in ("lln", "lln2", "lln3"):
        out = [(gen_lln(r), "leerlingnummer")]
    elif slot == "dob":
        out = [(ctx.namecase(fmt_dob(r, gen_birthdate(r))), "geboortedatum")]
    elif slot == "dobdm":
        out = [(ctx.namecase(fmt_dob_dm(r, gen_birthdate(r))), "geboortedatum")]
    elif slot == "dobmy":
        out = [(ctx.namecase(fmt_dob_my(r, gen_birthdate(r))), "geboortedatum")]
    elif slot == "dob_spoken":
        out = [(dob_spoken(r, gen_birthdate(r)), "geboortedatum")]
    elif slot == "tel":
        out = [(gen_phone(r, origin), "telefoon")]
    elif slot == "tel_spoken":
        out = [(phone_spoken(r), "telefoon")]
    elif slot == "lln_spoken":
        out = [(" ".join(NUM_WORDS[int(c)] for c in str(r.randint(1000, 99999))), "leerlingnummer")]
    elif slot == "mail":
        out = [(gen_mail(r, first, ctx.surname(), origin), "email")]
    elif slot == "handle":
        out = [(gen_handle(r, first, ctx.surname()), "handle")]
    elif slot == "adr":
        a = gen_address(r)
        if r.random() < 0.3 and ctx.case == "cap":
            a = lower_nl(a)
        out = [(ctx.namecase(a), "adres")]
    elif slot == "pc":
        out = [(gen_postcode(r), "postcode")]
    elif slot == "pcnr":
        out = [(gen_postcode(r) + " " + str(r.randint(1, 250)), "adres")]
    elif slot == "trait":
        out = [(r.choice(TRAITS), "singling_out")]
    elif slot == "city_nl":
        out = [(r.choice(L.CITIES_NL), None)]
    elif slot in CLEAN_SLOTS:
        v = CLEAN_SLOTS[slot](r)
        if slot in NEAR_MISS_LABEL:
            ctx.used.append((NEAR_MISS_LABEL[slot], v))
        out = [(v, None)]
    else:
        raise KeyError(slot)
    ctx.cache[slot] = out
    return out


def render(template: str, ctx: Ctx):
    segs = []
    pos = 0
    for m in SLOT_RE.finditer(template):
        if m.start() > pos:
            segs.append((template[pos:m.start()], None))
        segs.extend(fill_slot(ctx, m.group(1)))
        pos = m.end()
    if pos < len(template):
        segs.append((template[pos:], None))
    return merge(segs)


def merge(segs):
    out = []
    for t, k in segs:
        if not t:
            continue
        if out and out[-1][1] is None and k is None:
            out[-1] = (out[-1][0] + t, None)
        else:
            out.append((t, k))
    return out


def map_lit(segs, fn):
    return [(fn(t) if k is None else t, k) for t, k in segs]


def first_lit_cap(segs):
    if segs and segs[0][1] is None:
        segs[0] = (cap_first(segs[0][0]), None)
    return segs


# =============================================================================
# personas
# =============================================================================

def p_lower(segs, r):
    """P01 – Ria, groep 1/2 en IB: alles klein, geen leestekens."""
    out = []
    for t, k in segs:
        t = lower_nl(t)
        if k is None:
            t = re.sub(r"[.,!?;:()]+(?=\s|$)", "", t)
            t = re.sub(r"(?<=\s)[(]", "", t)
            t = t.replace(" – ", " ").replace(" - ", " ").replace("(", "").replace(")", "")
            t = re.sub(r"[ \t]{2,}", " ", t)
        out.append((t, k))
    if out and out[-1][1] is None:
        out[-1] = (out[-1][0].rstrip(" .!?"), None)
    return out


CAREFUL_PRE = ["Ik wil graag het volgende signaal doorgeven. ", "Graag breng ik het volgende onder de aandacht. ",
               "Hierbij een signaal vanuit onze school. ", "Na overleg met de leerkracht wil ik het volgende melden. ",
               "", "", ""]
CAREFUL_POST = ["", "", " Ik hoor graag of dit herkenbaar is.", " Alvast hartelijk dank voor het meedenken.",
                " Ik verneem graag of hier in de wijk meer over bekend is.", " Met vriendelijke groet."]


def p_careful(segs, r):
    """P02 – Henriëtte, ervaren IB'er: lange, zorgvuldige zinnen met hoofdletter en punt."""
    segs = first_lit_cap(segs)
    segs = map_lit(segs, lambda t: t.replace(" ivm ", " in verband met ").replace(" ll ", " leerling ")
                   .replace(" lln ", " leerlingen ").replace(" gr ", " groep ").replace("!!", "."))
    last = segs[-1]
    if last[1] is None and not last[0].rstrip().endswith((".", "?", "!")):
        segs[-1] = (last[0].rstrip() + ".", None)
    elif last[1] is not None:
        segs.append((".", None))
    pre = r.choice(CAREFUL_PRE)
    if pre:
        segs = [(pre, None)] + segs
    post = r.choice(CAREFUL_POST)
    if post:
        segs.append((post, None))
    return merge(segs)


ABBR_SUBS = [(r"\bleerlingen\b", "lln"), (r"\bleerling\b", "ll"), (r"\bgroep\b", "gr"), (r"\bGroep\b", "Gr"),
             (r"\bin verband met\b", "ivm"), (r"\bzo snel mogelijk\b", "z.s.m."), (r"\bmet betrekking tot\b", "mbt"),
             (r"\bbijvoorbeeld\b", "bijv."), (r"\beventueel\b", "evt."), (r"\bleerkracht\b", "lk"),
             (r"\bleerkrachten\b", "lkn"), (r"\bongeveer\b", "ong."), (r"\bvolgende week\b", "vlgnd wk"),
             (r"\bafspraak\b", "afspr."), (r"\bjaar\b", "jr"), (r"\bweken\b", "wkn"), (r"\bweek\b", "wk"),
             (r"\bmaanden\b", "mnd"), (r"\bnaar aanleiding van\b", "nav"), (r"\bte zijner tijd\b", "tzt"),
             (r"\bwaarschijnlijk\b", "wsch"), (r"\bschoolmaatschappelijk werker\b", "smw'er"),
             (r"\bjeugdverpleegkundige\b", "jvk"), (r"\bleerplichtambtenaar\b", "lpa"),
             (r"\bondersteuningsteam\b", "OT"), (r"\bin overleg met\b", "i.o.m."),
             (r"\bdagen\b", "dgn"), (r"\bniet\b", "nt"), (r"\bvan de\b", "vd"),
             (r"\bvan het\b", "vh"), (r"\bmoeder\b", "mdr"), (r"\bvader\b", "vdr")]
ABBR_POST = ["", "", " graag z.s.m. reactie", " (ivm AVG geen namen)", " svp", " ovv IB", " tzt terugkoppeling"]


def p_abbrev(segs, r):
    """P03 – Gert, IB'er op twee locaties: afkortingen (ll/lln/gr/ivm/z.s.m.)."""
    subs = [s for s in ABBR_SUBS if r.random() < 0.75]

    def f(t):
        for pat, rep in subs:
            t = re.sub(pat, rep, t)
        return t
    segs = map_lit(segs, f)
    post = r.choice(ABBR_POST)
    if post:
        segs = segs + [(post, None)]
    return merge(segs)


CAPS_ADD = [" DIT KAN ZO NIET LANGER!!!", " WIE KAN HELPEN???", " IK WORD ER GEK VAN.", " WEER NIEMAND BEREIKBAAR!!",
            " ECHT DRINGEND!!!", "!!!", "!!", " HELP"]


MODE = {"clean": False}


def p_caps(segs, r):
    """P04 – Sandra, leerkracht groep 7: schrijft in HOOFDLETTERS als ze boos is."""
    x = r.random()
    if MODE["clean"] and x >= 0.75:
        x = r.random() * 0.75      # neutral clean texts: capitals, but no angry extra sentence
    if x < 0.4:
        segs = [(t.upper(), k) for t, k in segs]
    else:
        text = "".join(t for t, _ in segs)
        cut = max(text.rfind(". "), text.rfind(", "), text.rfind("! "))
        if cut > 0 and x < 0.75:
            out, pos = [], 0
            for t, k in segs:
                end = pos + len(t)
                if end <= cut:
                    out.append((t, k))
                elif pos >= cut:
                    out.append((t.upper(), k))
                else:
                    out.append((t[:cut - pos] + t[cut - pos:].upper(), k))
                pos = end
            segs = out
        elif MODE["clean"]:
            segs = [(t.upper(), k) for t, k in segs]
        else:
            segs = segs + [(r.choice(CAPS_ADD[:5]), None)]
    if not "".join(t for t, _ in segs).rstrip().endswith(("!", "?", ".")):
        segs = segs + [(r.choice(["!!!", "!!", "", "!!!!"]), None)]
    return merge(segs)


VOICE_SPLITS = [("leerkracht", "leer kracht"), ("ouderavond", "ouder avond"), ("schoolreis", "school reis"),
                ("buikpijn", "buik pijn"), ("huiswerk", "huis werk"), ("thuiszitter", "thuis zitter"),
                ("jeugdteam", "jeugd team"), ("leerplicht", "leer plicht"), ("schoolplein", "school plein"),
                ("gymles", "gym les"), ("taalklas", "taal klas"), ("voedselbank", "voedsel bank"),
                ("vanochtend", "van ochtend"), ("oudergesprek", "ouder gesprek"), ("nieuwkomers", "nieuw komers"),
                ("jeugdverpleegkundige", "jeugd verpleegkundige"), ("kinderboerderij", "kinder boerderij"),
                ("ziekenhuis", "zieken huis"), ("hoofdpijn", "hoofd pijn"), ("groepsapp", "groeps app"),
                ("schooltijd", "school tijd"), ("verjaardag", "ver jaardag"), ("vandaag", "van daag"),
                ("weekend", "week end"), ("noodopvang", "nood opvang"), ("kerstvakantie", "kerst vakantie"),
                ("telefoonnummer", "telefoon nummer"), ("MDO", "M D O"), ("OPP", "O P P"), ("TLV", "T L V"),
                ("SMW", "S M W"), ("SBO", "S B O"), ("IB'er", "ieber"), ("JGZ", "jee gee zet"),
                ("Stichting", "stichting"), ("wijkagent", "wijk agent"), ("conciërge", "concierge")]


def p_voice(segs, r):
    """P05 – Marco, gymleraar: spreekt in via de telefoon; rare woordafbrekingen, getallen voluit."""
    splits = [s for s in VOICE_SPLITS if r.random() < 0.8]

    def f(t):
        for a, b in splits:
            t = t.replace(a, b)
        t = re.sub(r"\bgroep (\d)\b", lambda m: "groep " + num_word(int(m.group(1))), t)
        t = re.sub(r"\bgroep 1/2\b", "groep een twee", t)
        t = t.replace(", ", " ").replace(": ", " ").replace(" – ", " ").replace(" - ", " ")
        t = t.replace("(", "").replace(")", "")
        return t
    segs = map_lit(segs, f)
    if r.random() < 0.3:
        segs = map_lit(segs, lambda t: t.replace(". ", " punt ").replace("? ", " vraagteken "))
    if r.random() < 0.5:
        segs = first_lit_cap(segs)
    if segs[-1][1] is None:
        end = segs[-1][0].rstrip(" ,")
        segs[-1] = (end + ("" if end.endswith(("?", ".", "!")) else r.choice([".", "", " punt", "."])), None)
    return merge(segs)


ENG_SUBS = [(r"\beigenlijk\b", "basically"), (r"\bprobleem\b", "issue"), (r"\bouders\b", "parents"),
            (r"\blastig\b", "tricky"), (r"\bmoeilijk\b", "tricky"), (r"\bvervolg\b", "follow-up"),
            (r"\boverleg\b", "meeting"), (r"\bhulp\b", "support"), (r"\btrouwens\b", "btw"),
            (r"\bzo snel mogelijk\b", "asap"), (r"\bgesprek\b", "call"), (r"\bdruk\b", "busy"),
            (r"\bmoe\b", "tired"), (r"\bzorgen\b", "concerns"), (r"\bweet iemand\b", "does anyone know"),
            (r"\bvolgens mij\b", "I think"), (r"\bleuk\b", "nice"), (r"\bbijvoorbeeld\b", "for example"),
            (r"\bsowieso\b", "anyway"), (r"\bniet bereikbaar\b", "not reachable")]
ENG_POST = ["", " any tips?", " thoughts?", " fyi", " thanks!", " just saying", " anyway..."]
ENG_PRE = ["", "", "Quick update: ", "FYI: ", "Heads up: ", "Okay so ", ""]


def p_english(segs, r):
    """P06 – Daphne, jonge leerkracht met internationale achtergrond: mengt Engelse woorden."""
    subs = [s for s in ENG_SUBS if r.random() < 0.7]

    def f(t):
        for pat, rep in subs:
            t = re.sub(pat, rep, t)
        return t
    segs = map_lit(segs, f)
    pre, post = r.choice(ENG_PRE), r.choice(ENG_POST)
    if pre:
        segs = [(pre, None)] + segs
    if post:
        segs = segs + [(post, None)]
    return merge(segs)


GREET = ["Hoi,\n", "Hoi allemaal,\n", "Goedemorgen,\n", "Goedemorgen! ", "Goedemiddag,\n", "Hoi hoi, ", "Goedemorgen allen, ",
         "Hallo,\n", "Hoi! "]
BYE = ["\nGroetjes", "\nGr.", "\nAlvast bedankt!", " Fijne dag!", "\nDank je wel", " Groetjes!", "", "\nHartelijke groet"]


def p_greeter(segs, r):
    """P07 – Joke, IB'er in Rijswijk: begint altijd met Hoi/Goedemorgen en sluit vriendelijk af."""
    segs = first_lit_cap(list(segs))
    segs = [(r.choice(GREET), None)] + segs + [(r.choice(BYE), None)]
    return merge(segs)


FAST_SUBS = [(r"\beven\b", "ff"), (r"\bwaarschijnlijk\b", "wss"), (r"\binderdaad\b", "idd"), (r"\bhet\b", "t"),
             (r"\bniet\b", "nie"), (r"\bmisschien\b", "mss"), (r"\bweet ik niet\b", "weetnie"),
             (r"\bheeft\b", "heeft"), (r"\bnog\b", "nog"), (r"\bdat\b", "da")]


def typo(word, r):
    if len(word) < 6 or not word.isalpha():
        return word
    i = r.randint(1, len(word) - 3)
    kind = r.random()
    if kind < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind < 0.8:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def p_fast(segs, r):
    """P08 – Kevin, invaller: typt snel op zijn telefoon, tikfouten, geen hoofdletters."""
    subs = [s for s in FAST_SUBS if r.random() < 0.5]
    budget = [2]

    def f(t):
        t = t[:1].lower() + t[1:] if t[:1].isupper() and len(t) > 1 and not t[:2].isupper() else t
        for pat, rep in subs:
            t = re.sub(pat, rep, t)
        words = re.split(r"(\s+)", t)
        for i, w in enumerate(words):
            if budget[0] > 0 and r.random() < 0.12:
                nw = typo(w, r)
                if nw != w:
                    budget[0] -= 1
                    words[i] = nw
        return "".join(words)
    segs = map_lit(segs, f)
    if segs[-1][1] is None:
        segs[-1] = (segs[-1][0].rstrip("."), None)
    return segs


SIG_PRE = ["signaal: ", "Signaal: ", "SIGNAAL ", "signaal - ", "#signaal ", "Nieuw signaal: ", "signaal:"]


def p_signaal(segs, r):
    """P09 – Priya, IB'er Laak: logt kort en zakelijk, altijd met 'signaal:' ervoor."""
    segs = [(r.choice(SIG_PRE), None)] + list(segs)
    return merge(segs)


EMO = [" 😔", " 🙏", " 😩", " 🤔", " ❤️", " 😢", "...", " 🙈", " 😤", " 👍", " 🤷‍♀️"]


def p_emoji(segs, r):
    """P10 – Nadia, leerkracht groep 4: emoji, uitroeptekens en puntjes."""
    segs = map_lit(segs, lambda t: re.sub(r"(?<=[a-z]{4})\. ", r.choice([".. ", "! ", ". "]), t, count=1))
    if r.random() < 0.3:
        segs = [(r.choice(["😳 ", "🙄 ", "⚠️ ", "‼️ "]), None)] + segs
    segs = segs + [(r.choice(EMO) + r.choice(["", "", EMO[r.randrange(len(EMO))]]), None)]
    return merge(segs)


STRUCT_HEAD = ["Signaal\n- ", "Voor het OT:\n- ", "Zorg:\n- ", "Wat ik zie:\n- ", "- ", "Punten:\n- "]


def p_struct(segs, r):
    """P11 – Ellen, gedragsspecialist: schrijft in puntjes onder elkaar."""
    text = "".join(t for t, k in segs if k is None)
    sep = ". " if re.search(r"\w{4}\. ", text) else (", " if ", " in text else None)
    if sep:
        done = [False]

        def f(t):
            if sep == ", " and done[0]:
                return t
            if sep == ", " and sep in t:
                done[0] = True
                return t.replace(sep, "\n- ", 1)
            return re.sub(r"(?<=\w{4})\. ", ".\n- ", t)
        segs = map_lit(segs, f)
    segs = first_lit_cap(list(segs))
    segs = [(r.choice(STRUCT_HEAD), None)] + segs
    return merge(segs)


Q_POST = [" Herkennen jullie dit?", " Wat is hier de route?", " Moet ik dit melden bij leerplicht?",
          " Wie kan ik hierover bellen?", " Is dit iets voor het OT?", " Wie heeft ervaring hiermee?",
          " Wat zouden jullie doen?", " Klopt het dat het SWV hierover gaat?"]


def p_question(segs, r):
    """P12 – Hatice, nieuwe IB'er: stelt vooral vragen aan collega's."""
    if r.random() < 0.3:
        segs = [("Vraag: ", None)] + list(segs)
    else:
        segs = first_lit_cap(list(segs))
    last = segs[-1]
    if last[1] is None:
        t = last[0].rstrip(" ")
        segs[-1] = (t if t.endswith(("?", ".", "!")) else t + ".", None)
    else:
        segs.append((".", None))
    segs.append((r.choice(Q_POST), None))
    return merge(segs)


PERSONAS = {
    "P01": (p_lower, "Ria, alles klein zonder leestekens"),
    "P02": (p_careful, "Henriëtte, lange zorgvuldige zinnen"),
    "P03": (p_abbrev, "Gert, afkortingen ll/lln/gr/ivm/z.s.m."),
    "P04": (p_caps, "Sandra, HOOFDLETTERS als ze boos is"),
    "P05": (p_voice, "Marco, spraakinvoer met rare woordafbrekingen"),
    "P06": (p_english, "Daphne, mengt Engelse woorden"),
    "P07": (p_greeter, "Joke, begint met Hoi/Goedemorgen"),
    "P08": (p_fast, "Kevin, snel op de telefoon, tikfouten"),
    "P09": (p_signaal, "Priya, kort met 'signaal:'"),
    "P10": (p_emoji, "Nadia, emoji en uitroeptekens"),
    "P11": (p_struct, "Ellen, puntsgewijs"),
    "P12": (p_question, "Hatice, stelt vragen"),
}
ALL_P = list(PERSONAS)


def name_case_for(persona, r):
    if persona == "P01":
        return "lower"
    if persona == "P08":
        return "lower" if r.random() < 0.7 else "cap"
    if persona == "P02":
        return "cap"
    if persona == "P04":
        return "cap"
    return "lower" if r.random() < 0.25 else "cap"


# =============================================================================
# PII templates (written from how staff type signals; slots see fill_slot)
# =============================================================================

ANY = None
LONG_P = ["P02", "P02", "P02", "P11", "P07", "P12", "P01", "P05", "P03"]

N_START = [
    "{n} uit {g} zit sinds de herfstvakantie thuis, ouders reageren niet op mails of telefoon",
    "{n} heeft vandaag weer geen ontbijt gehad en was om 10 uur al duizelig",
    "{n} ({a}) wil niet meer mee met gym, {hij} zegt dat {hij} uitgelachen wordt in de kleedkamer",
    "{n} komt al weken zonder jas en met natte schoenen op school",
    "{n} huilt elke ochtend bij het hek en moeder weet het ook niet meer",
    "{n}, {g}: leest nog op AVI-start, is nu 2 jaar in NL",
    "{n} vertelde in de kring dat ze in de zomer teruggaan naar {land} en niet meer terugkomen",
    "{n} spreekt na een half jaar nog bijna geen Nederlands, thuis alleen {taal}",
    "{n} is sinds de verhuizing naar {w} heel stil geworden",
    "{n} slaapt steeds in de klas, moeder werkt nachtdiensten",
    "{n} heeft 14 keer gemist dit kwartaal, ik wil leerplicht inschakelen",
    "{n} en {n2} vechten elke pauze, vandaag moest de conciërge erbij komen",
    "{n} wordt na school niet opgehaald, gisteren stond {hij} er om 16.30 nog",
    "{n} gaat niet mee op schoolreis omdat het te duur is voor thuis",
    "{n} heeft een TLV voor het SBO maar er is pas plek na de zomer",
    "{n} heeft last van {zijn} ogen maar er is geen geld voor een bril",
    "{n} zegt dat {hij} thuis niet mag praten over wat er gebeurd is",
    "{n} blijft na schooltijd hangen bij het hek en wil niet naar huis",
    "{n} weer te laat, 5e keer deze week",
    "{n} komt elke dag met chips en energiedrank in plaats van brood",
    "{n} is door de jeugdarts doorverwezen naar de kinderarts ivm groeiachterstand",
    "{n} mist veel dagen door astma, het huis is erg vochtig",
    "{n} heeft sinds de zomer een nieuwe stiefvader en is erg onrustig",
    "{n} uit de taalklas kan nog steeds niet schrijven in het Latijnse schrift",
    "{n} ({a}) is net aangemeld, komt uit {land} en heeft 2 jaar geen school gehad",
    "{n} zit in {g} maar werkt op het niveau van groep 3",
    "{n} is de laatste tijd agressief naar de juf, {hij} gooide vandaag een stoel om",
    "{n} heeft geen zwemdiploma en de ouders kunnen zwemles niet betalen",
    "{n} zegt dat {hij} 's nachts op de bank slaapt omdat er familie logeert",
    "{n} is al drie weken in {land} bij oma, er is geen verlof aangevraagd",
    "{n} heeft epilepsie en de leerkracht weet niet wat te doen bij een aanval",
    "{n} {g} is weer ziek gemeld, 6e keer deze maand",
    "{n} wil niet meer naar de wc op school en plast in de broek",
    "{n} kan sinds het ongeluk niet meer meedoen met gym",
    "{n} praat alleen nog met {zijn} vriendje, niet met de juf",
]
N_MID = [
    "in {g} is het onrustig sinds de kerstvakantie, vooral {n} en {n2} lopen steeds de klas uit",
    "we merken dat veel kinderen moe zijn tijdens de ramadan, {n} viel vanochtend bijna flauw bij gym",
    "vanochtend kwam {n} uit {g} huilend binnen omdat {zijn} vader gisteren is opgepakt",
    "bij de ouderavond bleek dat de moeder van {n} geen Nederlands leest, de brieven komen dus niet aan",
    "sinds de scheiding woont {n} om de week bij {zijn} vader in Zoetermeer en mist daardoor veel",
    "vandaag met de SMW'er gesproken over {n} en {zijn} zusje, ze slapen met z'n vijven op één kamer",
    "na de zomervakantie is {n} 4 kilo afgevallen, de jeugdverpleegkundige weet ervan",
    "de tolk was er niet dus we hebben het gesprek met de ouders van {n} via Google Translate gedaan",
    "afgelopen week is {n} drie keer door oma gebracht, moeder ligt in het ziekenhuis",
    "net terug van het MDO over {n}, afspraak is dat het jeugdteam een gezinscoach inzet",
    "de leerkracht van {g} maakt zich zorgen om {n}, die sinds maandag niets meer zegt in de klas",
    "in de pauze zag ik dat {n} door drie jongens uit {g} werd vastgehouden",
    "ik heb vandaag met de moeder van {n} gebeld over het verzuim, ze zegt dat {hij} buikpijn heeft",
    "onze nieuwkomers doen het goed, alleen {n} heeft nog veel heimwee naar {land}",
    "wij hebben een aanvraag bij {org} gedaan voor {n}, voor een fiets en sportkleding",
    "collega uit {g} meldt dat {n} steeds spullen van anderen meeneemt",
    "het gaat over een kind uit mijn groep, {n}, die al weken niet meer lacht",
    "op de BSO zeggen ze dat {n} vaak pas om 18.30 wordt opgehaald",
    "met de wijkagent gesproken, {n} hangt 's avonds rond bij het winkelcentrum",
    "tijdens de Kinderboekenweek vertelde {n} dat er thuis geen boeken zijn",
    "in de taalklas zitten nu 14 nieuwkomers, {n} is als enige nog niet gealfabetiseerd",
    "we hebben {event} gehad en daarna bleek dat {n} de hele week niets gegeten had",
    "de jeugdarts heeft {n} gezien en wil dat {hij} naar de kinderpsychiater gaat",
    "volgens de BSO wordt {n} elke dag door een andere volwassene opgehaald",
    "zowel {n} als {n2} uit {g} zijn sinds {holiday} niet meer geweest",
]
N_POS = [
    "{npos} moeder belde vanochtend huilend op",
    "{n} z'n vader komt {hem} steeds pas om 5 uur halen",
    "{n} d'r oma zorgt nu voor alle kinderen",
    "de moeder van {n} vraagt of we kunnen helpen met de aanvraag bij Stichting Leergeld",
    "gesprek gehad met {npos} ouders over het OPP, ze willen niet tekenen",
    "{npos} broertje zit ook bij ons, in groep 2",
    "{n} {zijn} vader heeft geen werk meer en de huur is al twee maanden niet betaald",
    "het zusje van {n} komt ook steeds te laat",
    "{npos} oudste broer haalt {hem} op, die is zelf pas 14",
    "{npos} vader wil niet dat {hij} meedoet met zwemles",
    "de oom van {n} is nu voogd, wie moet het OPP tekenen?",
    "{npos} moeder is zwanger en ligt veel op bed, {n} zorgt voor de kleintjes",
    "{npos} ouders zijn gescheiden en willen allebei de rapporten",
    "{n} d'r moeder spreekt alleen {taal}, hebben we een tolk nodig?",
    "{n} z'n opa is vorige week overleden, {hij} is erg verdrietig",
    "{npos} stiefvader belde boos over het rapport",
]
N_SUR = [
    "{t} {s} heeft nog steeds geen woning, ze slapen bij familie in {w}",
    "gezin {s} is verhuisd naar de noodopvang, de kinderen missen veel lessen",
    "{tf} {s} vraagt hulp bij het invullen van de formulieren voor de kindregeling",
    "{tm} {s} wil dat zijn zoon naar het SBO gaat, wij denken dat het niet nodig is",
    "{tf} {s} belde over de schoolreis, ze kunnen het niet betalen",
    "de familie {s} komt uit {land} en heeft net een verblijfsvergunning",
    "bij {s} thuis wordt alleen {taal} gesproken",
    "de kinderen {s} zijn weer 2 weken naar {land} geweest zonder verlof",
    "ik heb {t} {s} doorverwezen naar het jeugdteam",
    "de tweeling {s} uit {g} wordt steeds door iemand anders opgehaald",
    "kinderen {s}: alle drie weer ziek gemeld",
    "afspraak met {tf} {s} gaat niet door, tolk geregeld voor volgende week",
    "{tm} {s} kwam vanochtend boos binnen over het pestincident",
    "de schuldhulp van {t} {s} loopt nog, nu ook geen geld voor de ouderbijdrage",
    "bij het gezin {s} is vorige week de politie geweest",
    "{t} {s} is terug uit {land}, de kinderen zijn 6 weken weg geweest",
    "het jongste kind van {t} {s} komt in januari naar groep 1",
]
N_FULL = [
    "{v} uit {g} heeft een TLV SBO nodig, wie kan meedenken?",
    "signaal over {v}: al 3 weken geen contact met thuis",
    "leerling {v} ({g}) is sinds maandag niet op school geweest",
    "{v} – aanmelding jeugdteam loopt nog",
    "mijn zorg gaat vooral over {v}, die elke dag met hoofdpijn binnenkomt",
    "{v} en {zijn} broertje zijn naar een andere school gegaan zonder uitschrijving",
    "aanmelding nieuwkomer: {v}, {a} jaar, spreekt {taal}",
    "{dejongen} {v} uit {g} heeft geen winterjas",
]
N_INIT = [
    "{init} ({g}) wordt gepest in een groepsapp",
    "leerling {init} uit {g} heeft een dyslexieverklaring nodig",
    "over {init}: ouders willen geen onderzoek",
    "{ninit} uit {g} was gisteren na school niet thuisgekomen",
    "{ninit} heeft de IEP-toets gemist door ziekte",
    "{init} en {init2} uit {g} zijn broer en zus, allebei veel afwezig",
    "zorg over {ninit}: valt steeds in slaap",
    "voor de leerlingbespreking: {init}, {g}, rekenen ver onder niveau",
    "{ninit} ({a}) heeft een hoorapparaat nodig maar ouders weigeren",
]
N_AGE = [
    "{n} ({a}) zit nog in groep 2, ouders willen niet dat {hij} blijft zitten",
    "{n} ({a} jr) is net uit {land} gekomen en heeft nog nooit op school gezeten",
    "nieuwe leerling {n}, {a} jaar, geen schoolverleden",
    "het broertje van {n} ({a}) is ook aangemeld",
    "{n} {a}jr {g} leest nog niet",
    "{n} van {a} moet elke dag op {zijn} broertjes passen",
]
N_REL = [
    "broer van {n} zit op het VO en spijbelt, {n} doet dat nu na",
    "het nichtje van {n} woont ook in het gezin sinds de oorlog",
    "{n} en {n2} zijn familie van elkaar en komen samen uit {land}",
    "{n} en {n2} zijn stiefbroers sinds de zomer",
    "de {broer} van {n} heeft ons gemaild dat het thuis niet goed gaat",
]
N_LONG = [
    ("Ik wil graag een signaal doorgeven dat mij al enige tijd bezighoudt. In {g} merken wij dat steeds meer kinderen "
     "zonder ontbijt naar school komen. Bij {n} zien wij daarnaast dat {hij} regelmatig in slaap valt en moeite heeft "
     "om zich te concentreren. Wij hebben dit besproken in het ondersteuningsteam en overwegen de jeugdverpleegkundige "
     "in te schakelen. Is dit een patroon dat jullie ook op andere scholen in {w} zien?"),
    ("Na de herfstvakantie zijn er op onze school drie nieuwe gezinnen uit {land} ingestroomd. Over het algemeen gaat "
     "dat goed, maar de moeder van {n} gaf in het intakegesprek aan dat het gezin nog geen vaste woonplek heeft. Ik "
     "vraag me af welke organisatie in {w} hierbij kan helpen en of het jeugdteam daar een rol in heeft."),
    ("Wat mij opvalt is dat het verzuim in de bovenbouw toeneemt, vooral op maandag. Het gaat om ongeveer acht "
     "leerlingen, onder wie {n} uit {g}, die inmiddels meer dan twintig lesuren heeft gemist. De leerplichtambtenaar "
     "is op de hoogte, maar ik zou graag weten welke aanpak andere scholen hanteren."),
    ("Voor het OT van volgende week wil ik alvast iets voorleggen. Sinds de zomer zie ik in {g} dat {n} zich steeds "
     "meer terugtrekt; {hij} speelt niet meer buiten en eet de lunch niet op. Thuis is er volgens de ouders niets aan "
     "de hand. Hoe kan ik het gesprek met de ouders het beste aanpakken?"),
    ("Ik merk dat het lastig is om ouders te bereiken die geen Nederlands spreken. Zo hebben wij al drie keer een "
     "gesprek gepland met de ouders van {n}, maar zonder tolk lukt het niet. Kan iemand mij vertellen hoe de "
     "tolkentelefoon werkt voor scholen in Den Haag?"),
    ("Sinds kort heeft onze school een taalklas. In die klas zitten nu elf kinderen, van wie {n} en {n2} het meest "
     "moeite hebben met wennen. Zij komen uit {land} en hebben veel meegemaakt. Ik denk aan een traject bij een "
     "traumaspecialist, maar weet niet waar ik moet beginnen."),
    ("Op onze school zien we al een paar maanden dat kinderen moe zijn en slecht eten. Dat geldt ook voor {n}, die "
     "volgens de leerkracht op maandag vaak honger heeft. Ik heb contact gezocht met {org}, maar daar is een "
     "wachtlijst. Weet iemand een alternatief in {w}?"),
    ("Tijdens de leerlingbespreking kwam naar voren dat in {g} de sfeer onder druk staat. Er wordt veel gescholden "
     "via {social} en een aantal kinderen durft niet meer naar buiten in de pauze. {n} heeft aangegeven dat {hij} zich "
     "niet veilig voelt op het plein. We willen Kanjertraining opnieuw inzetten; heeft iemand ervaring met een "
     "groepsgerichte aanpak?"),
    ("Graag wil ik jullie meenemen in een ontwikkeling die ik zie. Steeds meer gezinnen in {w} hebben moeite om de "
     "huur te betalen. Het gezin van {n} heeft inmiddels een brief van de woningcorporatie gekregen en de kinderen "
     "merken dat. Kunnen we als school iets doen, bijvoorbeeld via {org}?"),
]
V_SPECIFIC = [
    "{nsplit} uit groep vijf is van daag weer niet gekomen punt moeder neemt de telefoon niet op",
    "de leer kracht van groep zes zegt dat {nsplit} al een week niet goed eet",
    "{n} heeft een ander telefoon nummer van moeder het nieuwe nummer is {tel_spoken}",
    "{n} is geboren op {dob_spoken} en zit nu in groep drie",
    "leerling nummer {lln_spoken} heeft veel verzuim in de laatste periode",
    "het gaat om {nsplit} uit groep zeven die steeds buik pijn heeft",
    "{n} uit groep vier heeft een nieuw adres namelijk {adr}",
    "bel moeder van {n} even op {tel_spoken} ze wacht op het verslag",
    "{nsplit} en zijn zusje komen niet meer op de ouder avond",
]
E_SPECIFIC = [
    "{n} is really struggling deze week, parents zijn niet reachable",
    "{n} uit {g} had een meltdown tijdens rekenen, again",
    "{npos} mom zei dat ze de schoolreis niet kan betalen, any ideas?",
    "just fyi: {n} is sinds maandag absent, no reason given",
    "{n} zegt steeds dat {hij} 'so tired' is, I think er speelt meer thuis",
    "btw {tf} {s} wil een meeting met de SMW, kan iemand dat plannen?",
    "{n} from {g} is being bullied op {social}, really not ok",
]

BSN_T = [
    "bsn van {n} is {bsn}, moet dat in het groeidocument?",
    "kan iemand checken of bsn {bsn} al bij leerplicht bekend is",
    "BSN: {bsn} – leerling uit {g} staat niet in het verzuimregister",
    "ik heb burgerservicenummer {bsn} doorgegeven aan het jeugdteam, mocht dat?",
    "in het oude dossier staat nog een sofinummer: {bsn}",
    "{bsn} heeft nog geen beschikking voor de jeugdhulp",
    "aanmelding nieuwkomer, bsn {bsn}, komt uit {land}",
    "bsn-nr {bsn} klopt niet in ParnasSys, wie kan dat aanpassen?",
    "TLV-aanvraag voor {bsn} is afgewezen, nu bezwaar?",
    "de moeder gaf het bsn door: {bsn}. kan ik dat gebruiken voor de aanmelding bij het SBO?",
    "{n} {bsn} {g}",
    "leerling met bsn {bsn} is uitgeschreven maar nergens ingeschreven",
    "BSN {n}: {bsn}",
    "ouders gaven {bsn} op als nummer van het kind, maar DUO kent het niet",
]
ONR_T = [
    "onderwijsnummer {onr} (nog geen bsn), nieuwkomer in {g}",
    "kind uit het AZC heeft onderwijsnummer {onr}, kan DUO dat omzetten?",
    "OWN {onr} staat dubbel in het systeem",
    "{n} heeft nog geen BSN, we gebruiken onderwijsnummer {onr}",
    "onderwijsnr: {onr} – aanmelding ISK loopt",
    "leerling zonder bsn, onderwijsnummer {onr}, vader is nog in {land}",
    "ond.nr. {onr} graag koppelen aan het nieuwe bsn zodra dat er is",
    "nummer {onr} is een onderwijsnummer, geen BSN, klopt dat?",
]
LLN_T = [
    "lln {lln} is 12 dagen ongeoorloofd afwezig",
    "leerlingnummer {lln} staat nog open bij de TLV-aanvraag",
    "#{lln} weer niet op school vandaag",
    "nr {lln} uit {g} heeft een OPP nodig",
    "kun je {lln} even checken in ParnasSys, daar zit een melding bij",
    "ll {lln} {g} verzuim 40%",
    "{lln}: ouders willen geen hulp van het jeugdteam",
    "llnr. {lln} en {lln2} zijn broertjes, allebei veel ziek",
    "leerling {lln} is sinds januari 23 keer te laat gekomen",
    "lln.nr {lln} - aanmelding SBO",
    "leerling (nr. {lln}) uit {g} is gisteren weggelopen uit de klas",
    "ID {lln} in ParnasSys: zorgniveau 3 aangevraagd",
    "lln# {lln} moet naar de logopedist maar ouders komen niet",
    "over leerling {lln}: moeder heeft geen vaste woonplek meer",
    "{n} (lln {lln}) leest nog niet",
    "ll-nr {lln}, {g}, veel conflicten op het plein",
    "voor de leerlingbespreking: {lln}, {lln2} en {lln3}",
    "graag het dossier van leerlingnummer: {lln} doorsturen naar het SWV",
    "dossier {lln} doorsturen naar het SWV?",
    "de leerling met nummer {lln} is gisteren uitgeschreven",
    "{lln} {g} dyslexie-onderzoek afgewezen",
    "lln {lln} ({g}) thuiszitter sinds okt",
    "nr. {lln} heeft hoofdluis, ouders doen niets",
    "leerling#{lln} weer ruzie met de juf",
]
DOB_T = [
    "{n} geb. {dob} zit in {g}",
    "geboren {dob}, {g}, nog niet zindelijk",
    "geboortedatum {dob} – nieuwe aanmelding uit {land}",
    "{n} ({dob}) heeft een achterstand van 2 jaar",
    "leerling uit {g}, geb {dob}, komt van een school in {w}",
    "jongen in groep 4, gb datum: {dob}, graag advies over doubleren",
    "{n} is op {dob} geboren en zit dus eigenlijk een groep te laag",
    "DOB {dob}, moeder spreekt alleen {taal}",
    "{n} {s} {dob}",
    "kind geboren op {dob} moet volgens de leerplicht al naar school",
    "{n}, geb. {dob}, heeft nog geen BSN",
    "jongen van {dob} uit {g} komt niet meer",
    "meisje geb. {dob} uit {g} heeft veel verzuim",
    "aanmelding SBO voor leerling geboren {dob}",
    "{n} {dob} {g} ouders willen geen OPP",
    "geb.datum {dob}, zit in {g} en is nog maar net 5",
]
DOBDM_T = [
    "{n} is op {dobdm} jarig en wil geen feestje want er is geen geld voor traktatie",
    "{n} {g} verjaardag {dobdm}, ouders vieren het niet",
    "leerling uit {g} die op {dobdm} jarig is wordt gepest met zijn verjaardag",
    "{npos} verjaardag is {dobdm}, dan is {hij} 8 en mag {hij} zwemles krijgen",
    "verjaardag {dobdm}: {n} mag van thuis niet trakteren",
    "{n} wordt op {dobdm} 12 en moet dan naar de ISK?",
    "{n} jarig {dobdm} en wordt dan pas 4, mag {hij} dan al komen wennen?",
]
DOBMY_T = [
    "{n} is geboren in {dobmy}, dus nog net leerplichtig",
    "{n} (geb. {dobmy}) zit in {g}",
    "leerling uit {g}, geboren {dobmy}, gaat naar de ISK",
    "{n} geb {dobmy} {g}",
    "geboren {dobmy}: {n} mag nog niet naar groep 3 volgens de ouders",
]
TEL_T = [
    "moeder van {n} is alleen bereikbaar op {tel}",
    "tel vader: {tel}, hij wil graag teruggebeld worden",
    "bel oma even op {tel}, zij haalt {n} op",
    "nummer van de tante is {tel}, zij spreekt Nederlands",
    "graag via whatsapp contact met moeder: {tel}",
    "{n} {g} ouders {tel}",
    "kan het jeugdteam de ouders bellen? {tel}",
    "nieuw nummer gezin {s}: {tel}",
    "vader zit in {land}, zijn nummer is {tel}",
    "de pleegmoeder ({tel}) wil een gesprek",
    "ouders hebben een nieuw nummer: {tel}",
    "{n} moet opgehaald worden, moeder neemt niet op ({tel})",
    "noodnummer in het dossier klopt niet meer, nieuw: {tel}",
]
MAIL_T = [
    "mail van moeder is {mail}",
    "kun je het verslag naar {mail} sturen? dat is de vader van {n}",
    "ouders {n}: {mail}",
    "contact via {mail}, telefoon neemt niemand op",
    "het e-mailadres van het gezin is veranderd in {mail}",
    "stuur de uitnodiging voor het MDO ook naar {mail}",
    "vader wil alles per mail: {mail}",
    "{tf} {s} mailt vanaf {mail}, kan die in Parro?",
]
HANDLE_T = [
    "{n} zet filmpjes van de klas op tiktok als {handle}",
    "er gaat een account rond, {handle}, waarop kinderen uit {g} worden uitgescholden",
    "{n} uit {g} heeft snap {handle} en krijgt berichten van onbekenden",
    "insta van {npos} zus: {handle}, daar staan foto's van het schoolplein op",
    "de roblox-naam van {n} is {handle}, daar wordt {hij} gepest",
    "{handle} op tiktok is van een leerling uit {g}",
    "kinderen sturen elkaar nare berichten via het account {handle}",
    "{n} heeft een youtubekanaal ({handle}) met filmpjes van thuis",
]
ADR_T = [
    "{n} woont {adr} en daar is sinds vorige week geen stroom",
    "gezin {s} is verhuisd naar {adr}",
    "nieuw adres: {adr}, de brieven komen terug",
    "huisbezoek gedaan op {adr}, het huis is erg vochtig",
    "{n} woont in bij oma op {adr}",
    "de kinderen van {adr} komen elke dag te laat",
    "woont {adr} samen met 3 andere gezinnen",
    "jongen uit {g}, woonadres {adr}, heeft geen internet thuis",
    "ouders ophalen bij {adr}? ze nemen niet op",
    "het gezin op {adr} heeft schimmel op de kinderkamer",
    "{n} slaapt nu bij een tante, {adr} {city_nl}",
    "woonadres {n}: {adr}",
]
ADRPC_T = [
    "adres: {adr}, {pc} {city_nl}",
    "{n} woont nu op {adr} ({pc})",
    "gezin {s}, {adr}, {pc}",
]
PC_T = [
    "gezin woont in {pc}, valt dat onder welk jeugdteam?",
    "postcode {pc} – welk CJG hoort daarbij? het gaat om {n}",
    "{n} is verhuisd naar {pc}, dus buiten Den Haag?",
    "leerling uit {g} woont in {pc}, wie is daar de wijkagent?",
    "pc {pc}, valt dat onder de SMW van onze school?",
    "ouders wonen op {pcnr}, wie gaat er op huisbezoek?",
    "{n} {g} {pc}",
    "nieuw adres gezin {s}: {pcnr}",
]
SINGLE_T = [
    "op {sch} zit in {g} {trait}, ouders willen niet dat de JGZ meekijkt",
    "{sch}, {g}: {trait} is vaak afwezig, moeder zegt dat het door de behandeling komt",
    "in {g} van {sch} heeft {trait} steeds vaker buikpijn",
    "zorg over {trait} in {g}: sinds de zomer 6 kilo afgevallen",
    "in {g} wordt {trait} buitengesloten bij het buitenspelen",
    "{trait} uit {g} ({sch}) komt sinds de kerst niet meer",
    "bij ons in {g} mist {trait} veel lessen en de ouders reageren niet",
    "vraag over {trait} in {g}: hoe regelen we vervoer naar het ziekenhuis onder schooltijd?",
    "wij hebben op {sch} {trait} in {g}, hoe krijgen we extra begeleiding geregeld?",
    "{g} {sch}: {trait} was vandaag weer erg overstuur tijdens gym",
    "{sch} in {w}, {g}: {trait} wordt uitgescholden in de klassenapp",
    "{trait} in {g} op {sch} heeft sinds {holiday} niets meer gezegd",
    "in {g} zit {trait}, hoe praten we daarover met de klas zonder dat ouders boos worden?",
]
MULTI_T = [
    "{n} {s}, geb. {dob}, bsn {bsn}, woont {adr}",
    "aanmelding: {v} ({dob}), moeder {tel}, {mail}",
    "{n} uit {g}, lln {lln}, moeder bereikbaar op {tel}",
    "{npos} moeder vraagt om terugbellen op {tel}",
    "gegevens nieuwkomer: {v}, geb {dob}, onderwijsnummer {onr}, {adr}, {pc}",
    "{n} ({a}) woont sinds kort op {adr}",
    "{v} – {dob} – {g} – {tel}",
    "{n} geb {dob} lln {lln}",
    "{tf} {s} ({tel}) wil {npos} dossier inzien",
    "{n} uit {g} heeft een tiktok ({handle}) en zet daar het adres ({adr}) op",
    "bsn {bsn} / {v} / {g}",
    "{n} heeft epilepsie, noodnummer vader {tel}",
]

PII_JOBS = [
    (N_START, 80, ANY), (N_MID, 45, ANY), (N_POS, 45, ANY), (N_SUR, 48, ANY), (N_FULL, 20, ANY),
    (N_INIT, 27, ANY), (N_AGE, 18, ANY), (N_REL, 12, ANY), (N_LONG, 24, LONG_P), (V_SPECIFIC, 12, ["P05"]),
    (E_SPECIFIC, 12, ["P06"]),
    (BSN_T, 32, ANY), (ONR_T, 18, ANY), (LLN_T, 52, ANY), (DOB_T, 46, ANY), (DOBDM_T, 15, ANY),
    (DOBMY_T, 10, ANY), (TEL_T, 34, ANY), (MAIL_T, 24, ANY), (HANDLE_T, 22, ANY), (ADR_T, 34, ANY),
    (ADRPC_T, 8, ANY), (PC_T, 20, ANY), (SINGLE_T, 60, ANY), (MULTI_T, 24, ANY),
]


# =============================================================================
# CLEAN templates: (template, note).  No personal data; many near-misses.
# =============================================================================

CLEAN_T = [
    # --- trends with organisations, holidays, events -----------------------------------------
    ("steeds meer angstklachten in {g}, vooral rond {event}", "trend; evenement"),
    ("tijdens {holiday} zijn veel kinderen moe, graag tips voor de gymles", "trend; feestdag"),
    ("veel gezinnen in {w} kunnen de ouderbijdrage niet betalen, we verwijzen naar {steun}", "trend; organisatie"),
    ("sinds {holiday} is het verzuim op maandag gestegen", "trend; feestdag"),
    ("{org} heeft een wachtlijst van 3 maanden, meerdere gezinnen wachten", "organisatie aan het begin van de zin"),
    ("we zien meer {nat} gezinnen zonder vaste woonplek in {w}", "nationaliteit; wijk"),
    ("steeds meer kinderen spreken thuis alleen {lang}, wie heeft materiaal voor de taalklas?", "taal"),
    ("veel kinderen uit {land} in de nieuwkomersgroep hebben lang geen school gehad", "land"),
    ("in {g} wordt veel gepest via {social}, ook 's avonds", "app"),
    ("kinderen kijken {screen} en spelen het na op het plein", "titel (kan namen bevatten)"),
    ("na {festival} waren veel kinderen maandag moe", "festival"),
    ("ouders vragen of de school meedoet met {event}", "evenement"),
    ("we gebruiken {method} maar het sluit niet aan bij de nieuwkomers", "methode"),
    ("de kinderen uit {g} gaan op {day} naar {place}", "dag; plek"),
    ("de gymles is verplaatst naar {place}, de bus vertrekt om {time}", "plek; tijd"),
    ("de schooltijden zijn {time}, veel kinderen staan al veel eerder bij het hek", "tijd(en)"),
    ("ouderavond op {date_event}, tolken Arabisch en {lang} aanwezig", "datum activiteit; taal"),
    ("MDO-planning: {date_event} om {time}", "datum en tijd van overleg"),
    ("in schooljaar {schoolyear} willen we meer inzetten op ouderbetrokkenheid", "schooljaar"),
    ("in {year} is het aantal thuiszitters in onze wijk verdubbeld", "jaartal"),
    ("{count} van de {count2} leerlingen in {g} hadden vanochtend geen ontbijt gehad", "aantallen"),
    ("{pct} van de kinderen in {w} groeit op in armoede volgens de gemeente", "percentage"),
    ("de schoolreis kost {amount}, voor veel gezinnen te duur", "bedrag"),
    ("we hangen het nummer van {pub} op in de gang", "publiek telefoonnummer"),
    ("hoe lang duurt een {traject}-traject gemiddeld?", "afkorting"),
    ("wachttijd voor een TLV is nu {weeks} weken, klopt dat?", "afkorting; aantal"),
    ("meer kinderen met {diag} en een lange wachtlijst bij de GGZ", "afkortingen"),
    ("op {holiday} zijn veel {nat} kinderen afwezig, telt dat als luxe verzuim?", "feestdag; nationaliteit"),
    ("{steun} betaalt zwemles voor kinderen zonder diploma", "organisatie"),
    ("de {nat} gemeenschap in {w} organiseert een huiswerkklas in het buurthuis", "nationaliteit; wijk"),
    ("veel gezinnen uit {land} wonen in een hotel van de gemeente, de kinderen reizen ver naar school",
     "land"),
    ("de hype rond {item} zorgt voor diefstal in de klas", "merk"),
    ("kinderen nemen {item} mee naar school terwijl dat niet mag", "merk"),
    ("vanaf {date_event} gaat de gymzaal aan de {street} dicht voor renovatie", "datum; straat zonder nummer"),
    ("het is Wereldkinderdag op 20 november, doen jullie iets met de klas?", "datum zonder jaar"),
    ("Stichting Jarige Job helpt ons met verjaardagsboxen voor kinderen", "organisatie met voornaam 'Job'"),
    ("alle kinderen uit groep 7 en 8 zijn uitgenodigd voor {event}", "evenement"),
    ("kinderen vertellen over de aardbeving in {land}, veel families zijn getroffen", "land"),
    ("veel kinderen die {holiday} vieren komen pas maandag terug", "feestdag"),
    ("Sinds de fusie met {bestuur} is er minder IB-tijd", "kennisbank-bestuur; hoofdletter aan zinsbegin"),
    ("Groep 8 heeft de doorstroomtoets gemaakt op {date_event}", "datum activiteit"),
    ("Op {holiday} is de school gesloten", "feestdag"),
    ("Kinderen uit {city} vertellen dat hun oude school kapot is", "stad"),
    ("Nieuwe methode {method} bevalt goed in groep 4", "methode"),
    ("veel kinderen dragen {wear}, wie dat niet heeft wordt gepest", "merk"),
    ("Mijn collega van {school} ziet precies hetzelfde", "kennisbank-school"),
    ("De GGD meldt meer waterpokken in {w}", "organisatie; wijk"),
    ("Er is mazelen vastgesteld in de regio, veel kinderen zijn niet ingeënt", "gezondheid op groepsniveau"),
    ("In {w} is een nieuwe wijkagent, hoe bereiken we die?", "wijk"),
    ("hoe zit het met het leerlingenvervoer naar {school}?", "kennisbank-school"),
    ("de kinderen hebben een brief aan de koning geschreven voor Koningsdag", "feestdag"),
    ("juf heeft met de klas {book} gelezen tijdens de Kinderboekenweek", "titel; evenement"),
    ("we lezen {book} voor in {g}", "titel"),
    ("kinderen praten veel over {screen}, sommigen zijn er bang van", "titel"),
    ("veel kinderen gaan na school naar {place}", "plek"),
    ("de {nat} ouders organiseren een feest voor {holiday}", "nationaliteit; feestdag"),
    ("in {w} wonen steeds meer gezinnen uit {land} en {land2}", "wijk; landen"),
    ("ouders uit {city} vertellen over hun reis naar Nederland, veel kinderen slapen slecht", "stad; trend"),
    ("wie kent een tolk {lang}? de tolkentelefoon heeft er geen", "taal"),
    ("de {aanvraag}-aanvraag ligt al {weeks} weken bij het SWV", "afkorting; aantal"),
    ("bel bij acute zorgen {pub}", "publiek telefoonnummer"),
    ("op {day} {date_event} is het OT, wie kan aansluiten?", "dag; datum activiteit"),
    ("studiedag op {date_event}, de kinderen zijn vrij", "datum activiteit"),
    ("de ouderbijdrage is verlaagd naar {amount} per jaar", "bedrag"),
    ("{pct} van onze leerlingen heeft een migratieachtergrond", "percentage"),
    ("in {g} zitten {count2} kinderen, van wie {count} met een arrangement", "aantallen"),
    ("{org} komt op {date_event} langs voor een ouderochtend", "organisatie; datum"),
    ("de kinderen van {g} doen mee aan {event} in {place}", "evenement; plek"),
    ("kan iemand van {kborg} aansluiten bij het OT op {date_event}?", "kennisbank-organisatie; datum"),
    ("{school} zoekt contact met andere scholen over thuiszitters", "kennisbank-school aan het begin"),
    ("bij {school} in {w} is een taalklas, kunnen onze nieuwkomers daar ook terecht?", "kennisbank-school; wijk"),
    ("zit er iemand van {kborg} bij het overleg van {day}?", "kennisbank-organisatie; dag"),
    ("hoe werkt de aanvraag bij {bestuur} voor extra formatie?", "kennisbank-bestuur"),
    ("welk jeugdteam hoort bij {w}?", "wijk"),
    ("veel kinderen zitten 's avonds laat nog op {app}", "app"),
    ("kinderen spelen {app} en praten over skins die geld kosten", "game"),
    ("ouders vragen of ze {app} mogen gebruiken om met de leerkracht te praten", "app"),
    ("we communiceren via {app}, maar veel ouders lezen het niet", "app"),
    ("in {month} begint de nieuwkomersgroep, dan komen er {count} kinderen bij", "maand; aantal"),
    ("vorig jaar (2025) deden we {count} meldingen bij Veilig Thuis, dit jaar al meer", "jaartal; aantal"),
    ("elke {day} om {time} is er een inloopspreekuur van de JGZ", "tijd"),
    ("spreekuur SMW elke {day}, {time}", "dag; tijd"),
    ("hoe werkt {method} in combinatie met NT2?", "methode; afkorting"),
    ("kunnen we een {aanvraag} aanvragen voor een kind dat net uit {land} komt?", "afkorting; land"),
    ("ouders in {w} klagen over ratten bij het schoolplein", "wijk"),
    ("een paar leerlingen uit {g} zijn bang voor loslopende honden", "groep zonder individu"),
    ("kinderen die de Ramadan houden gymmen liever niet, wat doen andere scholen?", "feestdag"),
    ("bij {club} trainen veel kinderen van onze school, betaald via het Jeugdfonds", "sportclub; organisatie"),
    ("rond {holiday} vragen veel ouders verlof aan, wat zijn de regels?", "feestdag"),
    ("{holiday} valt dit jaar in de toetsweek, kunnen we {event} verschuiven?", "feestdag; evenement"),
    ("in de klas is {holiday} en {holiday2} allebei gevierd", "feestdagen"),
    ("na {holiday} nemen kinderen veel snoep mee", "feestdag"),
    ("we doen met de hele school mee aan {festival}", "festival"),
    ("de kinderen hebben een dans ingestudeerd voor {holiday}", "feestdag"),
    ("is er een {nat} sleutelfiguur in {w} die kan bemiddelen?", "nationaliteit; wijk"),
    ("veel {nat} moeders willen een taalcursus, wie geeft die in {w}?", "nationaliteit; wijk"),
    ("{org} heeft een nieuwe locatie in {w}", "organisatie; wijk"),
    ("wat doet {steun} precies voor gezinnen met schulden?", "organisatie"),
    ("Horizon heeft geen plek in de dagbehandeling tot na de zomer", "organisatie 'Horizon'"),
    ("Youz zegt dat de wachtlijst 9 maanden is", "organisatie 'Youz'"),
    ("Xtra en Stichting MOOI organiseren samen een ouderavond", "organisaties"),
    ("de Voedselbank in {w} heeft te weinig vrijwilligers", "organisatie; wijk"),
    ("met de Ooievaarspas kost zwemles maar {amount}", "gemeentelijke pas; bedrag"),
    ("de gemeente is bereikbaar op 14 070 voor vragen over de Ooievaarspas", "publiek nummer"),
    ("welk telefoonnummer had Veilig Thuis ook alweer, 0800-2000?", "publiek nummer"),
    ("113 heeft een chat voor jongeren, heeft iemand daar ervaring mee?", "publiek nummer"),
    ("bij nood 112 bellen, dat weten niet alle kinderen", "publiek nummer"),
    ("de Kindertelefoon (0800-0432) komt een les geven in groep 7 en 8", "publiek nummer"),
    ("van de 28 kinderen in groep 6 hebben er 9 een eigen telefoon", "aantallen"),
    ("meer dan 30% van de ouders leest de Parro-berichten niet", "percentage; app"),
    ("Sint-Maarten lopen wordt in {w} steeds populairder", "feestdag; wijk"),
    # --- dates, years, school years (allowed) ---------------------------------------------------
    ("de aanmelding voor het VO sluit op 15 maart 2027", "datum activiteit met jaar"),
    ("de nieuwe regels voor verzuim gaan in per 1 augustus 2026", "datum met jaar"),
    ("de subsidie loopt van 1-1-2026 tot 31-12-2026", "datums met jaar"),
    ("in 2026 is er meer geld voor schoolmaaltijden", "'2026 is' lijkt op een postcode"),
    ("in 2025 en 2026 zagen we een stijging van het verzuim", "'2025 en' lijkt op een postcode"),
    ("Schooljaar 2025-2026: 14 nieuwkomers in de taalklas", "schooljaar"),
    ("in '25-'26 hadden we drie thuiszitters, nu al vijf", "schooljaar kort"),
    ("het rapport gaat op {date_year} mee naar huis", "datum activiteit met jaar"),
    ("ouderavond {date_year} om 19.00", "datum met jaar en tijd"),
    ("sinds de brand in 2019 zit de school in een noodgebouw", "jaartal"),
    ("onze school bestaat sinds 1974 en viert dit jaar feest", "jaartal"),
    ("de kinderen die dit schooljaar 4 worden starten na hun verjaardag, hoe doen jullie de wenochtenden?",
     "verjaardag als algemeen woord"),
    ("vanaf 2027 op moet elke school een anti-pestcoördinator hebben", "'2027 op'"),
    ("het OT van {date_year} is verplaatst", "datum met jaar"),
    ("de Cito-week is van 12 tot 16 januari, daarna de rapporten", "datums zonder jaar"),
    ("in week 6 en 7 is de Voorjaarsvakantie al, dat is vroeg dit jaar", "weeknummers; vakantie"),
    ("De 2e ronde van de aanmelding VO is op 3 april", "datum zonder jaar"),
    ("de doorstroomtoets is dit jaar op {date_event}", "datum"),
    ("in {schoolyear} gaan we werken met {method}", "schooljaar; methode"),
    ("op 4 mei om 20.00 twee minuten stilte, ook op de BSO", "datum; tijd"),
    # --- one child, not identifying (judged honestly) ----------------------------------------
    ("een leerling in {g} komt vaak te laat, wanneer schakel ik leerplicht in?",
     "één kind, algemeen gedrag, geen naam/school/kenmerk: niet herleidbaar"),
    ("ik heb een kind in de klas dat niet wil lezen, tips?", "één kind zonder kenmerken"),
    ("een jongen uit mijn klas vergeet steeds zijn gymspullen, hoe pak ik dat aan?", "één kind zonder kenmerken"),
    ("hoe begeleid ik een leerling die net uit een AZC komt?", "algemene vraag"),
    ("een kind vertelde dat het 's avonds heel laat naar bed gaat door gamen", "één kind zonder kenmerken"),
    ("meisje huilt vaak bij het brengen, wat kan ik doen?", "woord na 'meisje' is werkwoord"),
    ("een leerling wil niet meer naar de gymles, wat zijn tips?", "één kind zonder kenmerken"),
    ("een leerling uit groep 8 twijfelt tussen vmbo en havo, wie kan meedenken?", "één kind, veelvoorkomend"),
    ("leerling weigert al weken te werken, wat zijn de stappen richting het OT?", "woord na 'leerling' is werkwoord"),
    ("jongen zegt dat hij geen zin meer heeft in school, wanneer is dat zorgelijk?", "woord na 'jongen' is werkwoord"),
    ("kind huilt veel bij het brengen, is dat iets voor de SMW?", "woord na 'kind' is werkwoord"),
    ("meisje vertelt dat ze thuis niet mag buitenspelen, hoe ga ik daarmee om?", "woord na 'meisje' is werkwoord"),
    ("leerling Spijbelt steeds op vrijdag, wanneer moet ik melden?", "hoofdletter-werkwoord na 'leerling' (autocorrectie)"),
    ("jongen Bijt andere kinderen in de kleutergroep, wat te doen?", "hoofdletter-werkwoord na 'jongen'"),
    ("het kind Weigert eten op school, wat is de route?", "hoofdletter-werkwoord na 'kind'"),
    ("Leerlingen Groep 7 Moe Na Lange Vakantie", "Title Case kop, geen namen"),
    ("een leerling zei vandaag dat hij honger had, hoe vaak zien jullie dat?", "één kind zonder kenmerken"),
    ("kind is vaak ziek op maandag, wanneer schakel ik de jeugdarts in?", "woord na 'kind' is werkwoord"),
    ("in de klas zit een jongen die steeds huilt bij het afscheid, hoe lang is dat normaal?",
     "één kind, veelvoorkomend gedrag"),
    ("leerling slaapt in de klas, wat vraag ik aan ouders?", "woord na 'leerling' is werkwoord"),
    ("meisje stil en teruggetrokken sinds de zomer, wie kan meekijken?", "bijvoeglijk naamwoord na 'meisje'"),
    ("jongen boos en druk na het weekend, herkenbaar?", "bijvoeglijk naamwoord na 'jongen'"),
    # --- also a safety concern, but no personal data -----------------------------------------
    ("een leerling snijdt zichzelf, wat is de route?", "veiligheidszorg; geen persoonsgegevens"),
    ("kind heeft vaak blauwe plekken, wat moet ik doen?", "veiligheidszorg; geen persoonsgegevens"),
    ("leerling vertelt dat papa mama slaat, wie bel ik?", "veiligheidszorg; 'papa/mama' zijn geen namen"),
    ("meisje zegt dat ze in de zomer wordt uitgehuwelijkt, wat nu?", "veiligheidszorg; geen persoonsgegevens"),
    ("een jongen uit de bovenbouw had een mes bij zich op het plein", "veiligheidszorg; geen persoonsgegevens"),
    # --- Dutch words that are also first names ------------------------------------------------
    ("kinderen klagen na de vakantie over roos en hoofdluis", "'roos' als woord"),
    ("Roos en hoofdluis gaan weer rond in groep 4", "'Roos' als woord aan zinsbegin"),
    ("we hebben voor Moederdag een roos gemaakt met de kleuters", "'roos' als woord"),
    ("na de storm van vorige week was het gymlokaal dicht", "'storm' als woord"),
    ("Storm en regen: veel kinderen kwamen doorweekt binnen", "'Storm' aan zinsbegin"),
    ("het schoolplein heeft weer wat fleur gekregen dankzij {org}", "'fleur' als woord"),
    ("Fleurige tekeningen van groep 3 hangen nu bij de ingang", "'Fleur' in woord aan zinsbegin"),
    ("met {g} hebben we bloem en suiker gekocht bij {shop} voor de bakles", "'bloem' als woord"),
    ("er zit een merel te broeden in de schooltuin, de kinderen zijn er vol van", "'merel' als woord"),
    ("Merels en mussen tellen we mee voor de Tuinvogeltelling", "'Merel' als woord aan zinsbegin"),
    ("lieve collega's, weet iemand of {org} ook in {w} werkt?", "'lieve' als woord"),
    ("Lieve allemaal, dank voor alle tips over {org}", "'Lieve' als aanhef"),
    ("ik hoop dat er meer plekken komen in het SBO, een hoop kinderen wacht nu", "'hoop' als woord"),
    ("Hoop dat iemand weet hoe lang de wachtlijst bij Parnassia is", "'Hoop' aan zinsbegin"),
    ("de kleuters hebben irissen geplant in de schooltuin", "'iris' als woord"),
    ("de JGZ kijkt bij de ogentest ook naar de iris en de pupil, veel kinderen missen die afspraak", "'iris' als woord"),
    ("we gaan met groep 8 naar de Oude Sterrewacht in Leiden, wie weet of daar subsidie voor is?", "'Sterre' in naam gebouw"),
    ("we doen mee met {project}, wie heeft er ervaring mee?", "project"),
    ("via {project} krijgen nu {count} gezinnen in {w} hulp", "project; aantal; wijk"),
    ("{project} stopt na dit schooljaar, wat komt ervoor in de plaats?", "project aan zinsbegin"),
    ("de subsidie voor {project} loopt af op {date_year}", "project; datum met jaar"),
    ("in mei is de Avondvierdaagse, veel kinderen doen mee", "'mei' als maand"),
    ("Mei is altijd druk met de Dodenherdenking en Bevrijdingsdag", "'Mei' aan zinsbegin"),
    ("veel ouders hebben twee jobs en zijn pas laat thuis", "'job' als woord"),
    ("de gemeente heeft een jobcoach voor ouders zonder werk", "'job' in woord"),
    ("in de kleutergroep spelen ze de wolf en de zeven geitjes na", "'wolf' als woord"),
    ("Wolf gezien op de Veluwe, nu zijn de kinderen bang voor het kamp", "'Wolf' aan zinsbegin"),
    ("voor het thema ruimte gaan we sterrenkijken in het Omniversum", "'sterre' in woord"),
    ("we hebben ouders van 42 nationaliteiten, van een Noor tot een Eritreeër", "'Noor' als nationaliteit"),
    ("in de wei van de kinderboerderij lopen nu lammetjes", "'wei' (ook Chinese voornaam Wei)"),
    ("de bakker op de hoek geeft het brood dat over is aan school", "'bakker'/'hoek' ook achternamen"),
    ("de kok van de TSO kookt één keer per week warm", "'kok' ook achternaam"),
    ("de boer van de kinderboerderij komt op bezoek in groep 1/2", "'boer' ook achternaam"),
    ("de post van DUO komt niet aan bij gezinnen zonder vast adres", "'post' ook achternaam"),
    ("veel groen op het plein helpt tegen hitte, wie heeft subsidie gekregen?", "'groen' ook achternaam"),
    ("de Zon schijnt en de kinderen willen buiten spelen", "'Zon' met hoofdletter"),
    ("de lente begint en met de Lentekriebels-week praten we over vriendschap", "'lente' ook voornaam"),
    ("ik had het al gezegd, as I said, de wachtlijsten zijn te lang", "'said' (Engels, ook voornaam)"),
    ("Amber Alert van vanochtend was niet in onze regio, kinderen waren er wel van geschrokken",
     "'Amber' als deel van een begrip"),
    ("sommige kinderen zeggen 'hoi' en 'doei' in alle talen, van Ayo tot Ciao", "'Ayo' als groet"),
    ("Mijn hoop is dat we na de zomer een vaste SMW'er krijgen", "'hoop' na hoofdletter-woord"),
    ("We hebben een nieuwe noodknop en een AED in de hal", "afkorting"),
    # --- book, film and painting titles with names in them -----------------------------------
    ("groep 8 heeft het Dagboek van Anne Frank gelezen voor 4 mei", "titel met naam (publieke figuur)"),
    ("we gaan met groep 7 naar het Mauritshuis voor het Meisje met de parel", "'het meisje met' als schilderijtitel"),
    ("kinderen zijn gek op Dolfje Weerwolfje en Dikkie Dik", "titels met namen"),
    ("in groep 5 lezen we Matilda van Roald Dahl", "titel en auteur"),
    ("de film over Pippi Langkous was een succes op de filmmiddag", "titel met naam"),
    ("de kleuters kijken naar Jip en Janneke en Nijntje tijdens de regenpauze", "titels met namen"),
    ("Harry Potter-boeken zijn populair in groep 7, ook bij kinderen die moeilijk lezen", "titel met naam"),
    ("De brief voor de Koning wordt voorgelezen in de bovenbouw", "titel"),
    ("Kruimeltje en Pietje Bell zijn weer in de bieb, de kinderen staan in de rij", "titels met namen"),
    ("de kinderen zongen het liedje van Frozen tijdens de musical", "film"),
    ("groep 6 doet een spreekbeurt over Mr. Beast en YouTube", "publieke figuur; app"),
    ("Prinses Amalia bezocht de wijk en de kinderen waren door het dolle heen", "publieke figuur (onzeker)"),
    ("de burgemeester komt op {date_event} naar de opening van het schoolplein", "functie zonder naam"),
    # --- streets and places without a number --------------------------------------------------
    ("op de {street} wordt gebouwd, kinderen moeten omlopen", "straat zonder nummer"),
    ("oversteken op de {street} is gevaarlijk, ouders willen een klaar-over", "straat zonder nummer"),
    ("de moskee aan de Hoefkade biedt huiswerkbegeleiding aan", "straat zonder nummer"),
    ("bij de Haagse Markt is een nieuw buurthuis voor ouders", "plek"),
    ("in de Paul Krugerlaan is een nieuwe speeltuin", "straat met persoonsnaam, zonder nummer"),
    ("de Jan van der Heijdenstraat is afgesloten, school is lastig bereikbaar", "straat met persoonsnaam, zonder nummer"),
    ("veel gezinnen in de flats aan de {street} hebben schimmel", "straat zonder nummer"),
    ("het AZC aan de {street} sluit, {count} kinderen gaan verhuizen", "straat zonder nummer; aantal"),
    ("de bibliotheek op het Spuiplein heeft een taalcafé voor ouders", "plek"),
    ("we gaan met {g} naar {place} voor de buitenles", "plek"),
    ("de Laan van Meerdervoort is weken afgesloten, veel kinderen komen te laat", "straat zonder nummer"),
    # --- numbers of public services, times, amounts ------------------------------------------
    ("Veilig Thuis 0800-2000 gebeld voor advies, zonder namen te noemen", "publiek nummer"),
    ("hangt bij jullie ook het nummer van 113 (0800-0113) in de personeelskamer?", "publiek nummer"),
    ("de politie is bereikbaar op 0900-8844 voor niet-spoed", "publiek nummer"),
    ("het Juridisch Loket (0900-8020) helpt ouders met huurproblemen", "publiek nummer"),
    ("de school gaat om 8.45 open en om 15.00 dicht, de BSO tot 18.30", "tijden"),
    ("continurooster: 8.30-14.00, lunch 12.00-12.30", "tijden"),
    ("vanaf 8:15 is de inloop, om 8:30 begint de les", "tijden"),
    ("het schoolontbijt kost ons per week ongeveer € 85,-", "bedrag"),
    ("via het NPO hebben we € 12.500 voor extra begeleiding", "bedrag"),
    ("de gemeente geeft 250 euro per kind voor de ISK-bus", "bedrag"),
    ("ongeveer 1 op de 5 kinderen komt zonder ontbijt", "verhouding"),
    ("23 kinderen, 4 nationaliteiten, 1 leerkracht: help", "aantallen"),
    ("de ouderbijdrage is vrijwillig, maximaal 40 euro, toch betaalt 60% niet", "bedrag; percentage"),
    # --- knowledge base and organisations at sentence start -------------------------------------
    ("{school} heeft een plusklas, kunnen onze kinderen daar ook heen?", "kennisbank-school aan begin"),
    ("{kborg} is erg goed bereikbaar deze maand", "kennisbank-organisatie aan begin"),
    ("IKC De Penseelvis en OBS De Transvaalvink willen samen een ouderavond", "kennisbank-scholen"),
    ("SBO Het Spoorwiel heeft nog 2 plekken, klopt dat?", "kennisbank-school; aantal"),
    ("Jeugdteam Den Haag Laak komt langs op {day}", "kennisbank-organisatie; dag"),
    ("CJG Rijswijk heeft een nieuwe jeugdverpleegkundige", "kennisbank-organisatie"),
    ("Veilig Thuis Haaglanden geeft een training over de meldcode", "kennisbank-organisatie"),
    ("In {w} en {w2} zien we hetzelfde: kinderen zijn moe", "wijknamen"),
    ("Kindcentrum De Zeeheldenloods zit vol, waar kunnen nieuwkomers heen?", "kennisbank-school"),
    # --- abbreviations --------------------------------------------------------------------------
    ("OPP, TLV en MDO: wie legt mij het verschil uit?", "afkortingen"),
    ("we hebben 3 lln met een OPP en 2 met een TLV SO", "afkortingen; aantallen"),
    ("ZAT is bij ons vervangen door het OT, klopt dat?", "afkortingen"),
    ("BSO en TSO zijn niet op elkaar afgestemd, kinderen worden te vroeg opgehaald", "afkortingen"),
    ("NT2-leerlingen hebben extra tijd nodig bij de IEP", "afkortingen"),
    ("SBO of VSO, wat is de route na groep 8?", "afkortingen"),
    ("veel KOPP-kinderen in {g}, kan het CJG een groep starten?", "afkorting"),
    ("de LPA en de JGZ-arts willen samen een spreekuur", "afkortingen"),
    ("{abbr} en {abbr2} staan op de agenda van de MR", "afkortingen"),
    ("HGW werkt goed met de groepsplannen, alleen niet voor de ISK-kinderen", "afkortingen"),
    # --- languages, countries, nationalities -------------------------------------------------
    ("wie kan vertalen naar {lang}? de brief over de schoolreis moet mee", "taal"),
    ("in de taalklas spreken kinderen {lang}, {lang2} en Arabisch", "talen"),
    ("veel kinderen gaan in de zomer naar {land}", "land"),
    ("de {nat} kinderen in de klas helpen elkaar met vertalen", "nationaliteit"),
    ("ouders uit {land} kennen het Nederlandse schoolsysteem niet, wie heeft een folder in hun taal?", "land"),
    ("kinderen die uit {city} komen hebben veel gemist", "stad"),
    ("steeds meer gezinnen uit Oekraïne vertrekken weer, kinderen nemen geen afscheid", "land"),
    ("Eritrese en Somalische moeders komen samen op de koffieochtend", "nationaliteiten"),
    ("Poolse en Bulgaarse kinderen gaan vaak lang op vakantie buiten de schoolvakanties", "nationaliteiten"),
    ("veel Hindoestaanse families vieren Divali, mogen de kinderen dan vrij?", "nationaliteit; feestdag"),
    ("de Kaapverdische gemeenschap zoekt een ruimte voor de zaterdagschool", "nationaliteit"),
    ("Koerdische en Syrische kinderen vieren Newroz, het hele plein danste mee", "nationaliteiten; feestdag"),
    ("Chinese ouders vragen om extra huiswerk, wat doen jullie?", "nationaliteit"),
    ("Ghanese kerken in {w} organiseren huiswerkhulp", "nationaliteit; wijk"),
    ("Afghaanse meisjes in de ISK hebben vaak nooit op school gezeten", "nationaliteit"),
    ("Antilliaanse ouders zijn blij met de Papiamentse voorleesochtend", "nationaliteit; taal"),
    ("Indonesische en Molukse families helpen bij de Pasar Malam van school", "nationaliteiten; festival"),
    ("Iraakse en Marokkaanse moeders vragen om een Arabische tolk", "nationaliteiten"),
    ("Turkse ouders lezen vooral de berichten in het Turks", "nationaliteit; taal"),
    ("Roemeense gezinnen werken vaak in de kassen, kinderen worden vroeg gebracht", "nationaliteit"),
    # --- near-misses with 'de enige' / 'het meisje met' --------------------------------------
    ("wij zijn de enige school in {w} met een taalklas", "'de enige' zonder individu"),
    ("het enige wat echt helpt is een vaste leerkracht", "'het enige'"),
    ("de meisjes met hoofddoek worden vaker nageroepen op straat, horen jullie dat ook?", "groep, geen individu"),
    ("kinderen met diabetes mogen bij ons snoep eten tijdens gym, hoe doen jullie dat?", "algemene vraag over groep"),
    ("hoe gaan jullie om met kinderen met epilepsie op schoolreis?", "algemene vraag"),
    ("wat doe je als een kind een epileptische aanval krijgt tijdens de gymles?", "algemene hypothetische vraag"),
]
CLEAN_TARGET = 640


# =============================================================================
# generation
# =============================================================================

def persona_cycle(rng, allowed):
    bag = []
    while True:
        if not bag:
            bag = list(allowed or ALL_P)
            rng.shuffle(bag)
        yield bag.pop()


def build(template, persona, rng, pools, clean=False):
    case = "cap" if clean else name_case_for(persona, rng)
    ctx = Ctx(rng, pools, persona, case, clean)
    segs = render(template, ctx)
    MODE["clean"] = clean
    segs = PERSONAS[persona][0](segs, rng)
    text = "".join(t for t, _ in segs).strip()
    text = re.sub(r"[ \t]{2,}", " ", text)
    kinds, found, fk = [], [], []
    for t, k in segs:
        if k:
            if k not in kinds:
                kinds.append(k)
            t = t.strip()
            fk.append((t, k))
            if t not in found:
                found.append(t)
    return text, kinds, found, ctx, fk


def gen_pii(rng, pools):
    items, seen = [], set()
    for templates, count, allowed in PII_JOBS:
        order = list(templates)
        rng.shuffle(order)
        pc = persona_cycle(rng, allowed)
        made, i, tries = 0, 0, 0
        while made < count and tries < count * 30:
            tries += 1
            tpl = order[i % len(order)]
            i += 1
            persona = next(pc)
            text, kinds, found, _, fk = build(tpl, persona, rng, pools)
            if text in seen:
                continue
            seen.add(text)
            items.append({"text": text, "kinds": kinds, "found": found, "_persona": persona, "_fk": fk})
            made += 1
    return items


def gen_clean(rng, pools):
    items, seen = [], set()
    per_tpl = collections.Counter()
    order = list(range(len(CLEAN_T)))
    pc = persona_cycle(rng, None)
    passes = 0
    while len(items) < CLEAN_TARGET and passes < 12:
        passes += 1
        rng.shuffle(order)
        for idx in order:
            if len(items) >= CLEAN_TARGET:
                break
            tpl, note = CLEAN_T[idx]
            has_slots = bool(SLOT_RE.search(tpl))
            if per_tpl[idx] >= (4 if has_slots else 2):
                continue
            persona = next(pc)
            text, kinds, found, ctx, _ = build(tpl, persona, rng, pools, clean=True)
            assert not kinds, (tpl, kinds)
            if text in seen:
                continue
            seen.add(text)
            per_tpl[idx] += 1
            nm = "; ".join(f"{lab}='{val}'" for lab, val in ctx.used)
            full = f"{persona}: {note}" + (f" | near-miss: {nm}" if nm else "")
            items.append({"text": text, "note": full})
    return items


# =============================================================================
# validation
# =============================================================================

ALLOWED_PUBLIC = {"08002000", "08000113", "08000432", "09008844", "09008020", "08000188", "09000767",
                  "09001450", "112", "113", "14070"}


def validate(pii, clean):
    problems = []
    for n, it in enumerate(pii):
        t = it["text"]
        if not it["found"]:
            problems.append(f"pii[{n}] no found: {t!r}")
        for f in it["found"]:
            if f not in t:
                problems.append(f"pii[{n}] found {f!r} not in text {t!r}")
        for k in it["kinds"]:
            if k not in KINDS:
                problems.append(f"pii[{n}] bad kind {k}")
    # number checks, per found string and its own kind
    for it in pii:
        for f, k in it["_fk"]:
            digits = re.sub(r"\D", "", f)
            if k == "bsn" and not std_bsn.is_valid(digits):
                problems.append(f"invalid BSN {f!r}")
            if k == "onderwijsnummer" and not std_onr.is_valid(digits):
                problems.append(f"invalid onderwijsnummer {f!r}")
            if k == "postcode" and not std_pc.is_valid(f.upper()):
                problems.append(f"invalid postcode {f!r}")
            if k == "adres" and re.match(r"\d{4}", f) and not std_pc.is_valid(f.upper().rsplit(" ", 1)[0]):
                problems.append(f"invalid postcode in {f!r}")
            if k == "leerlingnummer" and re.search(r"\d{8,}", f):
                problems.append(f"leerlingnummer looks like BSN {f!r}")
            if k == "telefoon" and digits:
                try:
                    if not phonenumbers.is_valid_number(phonenumbers.parse(f, "NL")):
                        problems.append(f"invalid phone {f!r}")
                except phonenumbers.NumberParseException:
                    problems.append(f"unparsable phone {f!r}")
    warn = []
    all_first = {lower_nl(n) for d in L.NAMES.values() for g in "mf" for n in d[g]}
    for n, it in enumerate(clean):
        t = it["text"]
        if re.search(r"\d{8,}", t):
            problems.append(f"clean[{n}] 8+ digit run: {t!r}")
        for m in phonenumbers.PhoneNumberMatcher(t, "NL"):
            digits = re.sub(r"\D", "", m.raw_string)
            if digits not in ALLOWED_PUBLIC:
                warn.append(f"clean[{n}] phone-like {m.raw_string!r}: {t!r}")
        for m in re.finditer(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b", t):
            warn.append(f"clean[{n}] postcode-like {m.group(0)!r} (intended near-miss?)")
        for w in re.findall(r"[\w'’-]+", t):
            if lower_nl(w) in all_first and w[:1].isupper():
                warn.append(f"clean[{n}] capitalised first-name word {w!r}: {t[:80]!r}")
    return problems, warn


def main():
    rng = random.Random(SEED)
    pools = Pools(random.Random(SEED + 1))
    pii = gen_pii(rng, pools)
    clean = gen_clean(random.Random(SEED + 2), pools)

    # deterministic shuffle so kinds and personas are mixed
    random.Random(SEED + 3).shuffle(pii)
    random.Random(SEED + 4).shuffle(clean)

    problems, warn = validate(pii, clean)
    persona_count = collections.Counter(it.pop("_persona") for it in pii)
    for it in pii:
        it.pop("_fk")

    def dump(obj, name, header):
        path = os.path.join(HERE, name)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(header)
            yaml.dump(obj, fh, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
        with open(path, encoding="utf-8") as fh:
            back = yaml.safe_load(fh)
        assert back == obj, f"{name} does not round-trip"

    hdr = ("# Wijkwijzer privacy DEVELOPMENT set -- generated by generate.py (seed %d); do not edit by hand.\n"
           "# Tune on this set; never on the held-out set.\n" % SEED)
    dump(pii, "pii.yaml", hdr + "# items: {text, kinds, found}; found = exact substrings that are personal data.\n")
    dump(clean, "clean.yaml", hdr + "# items: {text, note}; no personal data (near-misses on purpose).\n")

    # ---- report
    kc = collections.Counter(k for it in pii for k in it["kinds"])
    print(f"pii items: {len(pii)}   clean items: {len(clean)}")
    for k in KINDS:
        print(f"  {k:16s} {kc[k]}")
    multi = sum(1 for it in pii if len(it["kinds"]) > 1)
    print(f"  multi-kind items: {multi}")
    names_found = set()
    lower_items = 0
    for it in pii:
        if "naam" in it["kinds"]:
            low = False
            for f in it["found"]:
                if re.search(r"[^\W\d_]", f) and f == lower_nl(f) and "@" not in f:
                    low = True
            lower_items += low
        for f in it["found"]:
            for w in re.findall(r"[^\W\d_]+", f):
                names_found.add(lower_nl(w))
    all_first = {lower_nl(n) for d in L.NAMES.values() for g in "mf" for n in d[g]}
    used_first = {n for n in all_first if n in names_found}
    naam_items = sum(1 for it in pii if "naam" in it["kinds"])
    print(f"  items with naam: {naam_items}; with a lower-case name: {lower_items}")
    print(f"  distinct first names appearing in found: {len(used_first)}")
    print(f"  all-lower-case pii texts: {sum(1 for it in pii if it['text'] == lower_nl(it['text']))}")
    print("  personas (pii):", dict(sorted(persona_count.items())))
    print(f"problems: {len(problems)}")
    for p in problems[:40]:
        print("  ", p)
    print(f"warnings (review): {len(warn)}")
    for w in warn:
        print("  ", w)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
