"""Knowledge-base benchmark at national scale.

    .venv/bin/python bench/kb.py [--schools 7000 --wijken 450 --contacts 20000 --queries 2000 --seed 1]

Generates a synthetic knowledge base with Dutch-looking names as the office's spreadsheets,
then prints: import time, load+validate time, resolver build time, resident memory, and
resolve latency p50/p99 with the hit rate over typo'd phone-style queries.
Targets (2-core machine): load+validate < 2 s, RSS < 250 MB, resolve p99 < 2 ms.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wijkwijzer.knowledge.importer import import_spreadsheets  # noqa: E402
from wijkwijzer.knowledge.loader import BUNDLED_DIR, load_knowledge_base  # noqa: E402
from wijkwijzer.knowledge.models import EXPERTISE_TAGS  # noqa: E402

START = ("Zon", "Wind", "Regen", "Linde", "Eiken", "Vlinder", "Klim", "Duin", "Polder", "Molen", "Zee", "Berken", "Meeuw",
         "Wilgen", "Beuken", "Rivier", "Sterre", "Kiekens", "Tulpen", "Klaver", "Maan", "Water", "Wolken", "Heide",
         "Veen", "Vos", "Uilen", "Reiger", "Kievit", "Merel", "Spreeuw", "Egel", "Hazel", "Kastanje", "Iepen", "Rozen",
         "Lelie", "Dauw", "Bron", "Kreeft")
MIDDLE = ("", "", "", "berg", "dal", "veld", "hoek", "kade", "beek", "weide", "laan", "dijk", "brug", "sloot", "haven")
END = ("boog", "roos", "hof", "kring", "wijzer", "ster", "tuin", "vogel", "pad", "kompas", "wiek", "steen", "bloem",
       "horst", "lantaarn", "vlinder", "parel", "toren", "zwaluw", "akker", "schelp", "kroon", "bolder", "ark",
       "klokje", "poort", "wereld", "bij", "eik", "mus")
TYPES = ("Basisschool", "IKC", "OBS", "CBS", "Kindcentrum", "SBO")
PLACE_A = ("Oost", "West", "Noord", "Zuid", "Groot", "Klein", "Nieuw", "Oud", "Hoog", "Laag", "Sint", "Ter", "Ooster",
           "Wester", "Zuider", "Noorder")
PLACE_B = ("dam", "wijk", "horst", "veen", "broek", "dorp", "hoven", "meer", "zande", "voorde", "burg", "beek", "rijp",
           "woude", "dijk", "hout", "sloot", "gaast", "lo", "heim", "kerk", "zijl")
PLACE_C = ("Berk", "Lind", "Els", "Haar", "Wes", "Hel", "Ape", "Zwol", "Ede", "Bus", "Lei", "Delf", "Gou", "Mep", "Ste",
           "Aar", "Wal", "Vaa", "Bra", "Nij", "Ros", "Kam", "Ter", "Hee", "Har")
FIRST = ("Anna", "Bram", "Sanne", "Daan", "Fatima", "Youssef", "Lotte", "Sem", "Emma", "Noah", "Sara", "Mohamed", "Eva",
         "Lucas", "Ilse", "Thijs", "Noor", "Ruben", "Aylin", "Kevin", "Femke", "Joris", "Priya", "Mehmet", "Linda")
LAST = ("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yilmaz", "El Amrani",
        "Kaya", "Ramdin", "Koster", "Prins", "Huisman", "Kok", "van Dijk", "Schouten", "Willems")
ROLES = (("schoolmaatschappelijk werker", "SMW"), ("jeugdverpleegkundige", "CJG"), ("jeugdarts", "CJG"),
         ("leerplichtambtenaar", "Leerplicht"), ("jeugdconsulent", "Jeugdteam"), ("wijkagent", "Politie"),
         ("adviseur passend onderwijs", "SWV"))
SENTENCES = ("smw'er {x}?", "wie is de leerplicht voor {x}", "contact jgz {x}", "jeugdteam {x}", "{x} wijkagent",
             "welke school in {x} heeft nt2")


def unique_names(rng: random.Random, count: int, make) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(make())
    result = sorted(names)
    rng.shuffle(result)
    return result


def generate(directory: Path, rng: random.Random, schools: int, wijken: int, contacts: int) -> list[tuple[str, str]]:
    """Write gebieden/expertisekaart/ketenpartners CSVs; return (gemeente, wijk) pairs."""
    gemeenten = unique_names(rng, max(2, wijken // 11), lambda: rng.choice(PLACE_C) + rng.choice(PLACE_B))
    wijk_names = unique_names(rng, wijken, lambda: rng.choice(PLACE_A) + rng.choice(PLACE_B) + rng.choice(("", "", "er", "se")))
    pairs = [(gemeenten[i % len(gemeenten)], name) for i, name in enumerate(wijk_names)]
    pc = iter(range(1011, 9999))
    with open(directory / "gebieden.csv", "w", newline="", encoding="utf-8-sig") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["gemeente", "stadsdeel", "wijk", "aliassen", "pc4", "pilotgebied"])
        for gemeente in gemeenten:
            out.writerow([gemeente, "", "", "", "", "nee"])
        for gemeente, wijk in pairs:
            out.writerow([gemeente, "", wijk, f"{wijk} centrum", f"{next(pc)},{next(pc)}", rng.choice(("ja", "nee"))])
    school_names = unique_names(rng, schools, lambda: f"{rng.choice(TYPES)} {rng.choice(('De', 'Het'))} "
                                f"{rng.choice(START)}{rng.choice(MIDDLE)}{rng.choice(END)}")
    with open(directory / "expertisekaart.csv", "w", newline="", encoding="utf-8-sig") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["school", "bestuur", "wijk", "adres", "expertise", "ib_naam", "ib_telefoon", "ib_email", "opmerking"])
        for i, name in enumerate(school_names):
            gemeente, wijk = pairs[i % len(pairs)]
            tags = ", ".join(rng.sample(EXPERTISE_TAGS, 2))
            out.writerow([name, f"Stichting {rng.choice(START)}", wijk, f"Proefstraat {i}, {gemeente}", tags,
                          f"{rng.choice(FIRST)} {rng.choice(LAST)}", f"070-0{i % 1000000:06d}", f"ib{i}@school.example", ""])
    with open(directory / "ketenpartners.csv", "w", newline="", encoding="utf-8-sig") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["organisatie", "rol", "naam", "werkgebied", "scholen", "telefoon", "email", "bereikbaar",
                      "laatst_gecontroleerd", "opmerking"])
        for i in range(contacts):
            label, org = rng.choice(ROLES)
            gemeente, _ = pairs[i % len(pairs)]
            area = ", ".join(w for g, w in rng.sample(pairs, 3) if g == gemeente) or "hele gemeente"
            out.writerow([f"{org} {gemeente}", label, f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", area, "",
                          f"06-00{i:06d}", f"c{i}@partner.example", "ma-vr 9-17", f"{1 + i % 28:02d}-{1 + i % 10:02d}-2026", ""])
    return pairs


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 6:
        return word.lower()
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(("delete", "swap", "replace"))
    if kind == "delete":
        word = word[:i] + word[i + 1:]
    elif kind == "swap":
        word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    else:
        word = word[:i] + rng.choice("aeiourstn") + word[i + 1:]
    return word.lower()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=7000)
    parser.add_argument("--wijken", type=int, default=450)
    parser.add_argument("--contacts", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        src, kb_dir = Path(tmp) / "src", Path(tmp) / "kb"
        src.mkdir()
        print(f"genereren: {args.schools} scholen, {args.wijken} wijken, {args.contacts} contacten …", flush=True)
        pairs = generate(src, rng, args.schools, args.wijken, args.contacts)
        t = time.perf_counter()
        report = import_spreadsheets(src / "gebieden.csv", src / "expertisekaart.csv", src / "ketenpartners.csv", kb_dir, date(2026, 11, 22))
        import_s = time.perf_counter() - t
        for name in ("route.yaml", "begrippen.yaml"):
            (kb_dir / name).write_bytes((BUNDLED_DIR / name).read_bytes())
        print(f"import:            {import_s:6.2f} s   ({report.summary()})")
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        t = time.perf_counter()
        load_knowledge_base(kb_dir, today=date(2026, 11, 22))
        cold_s = time.perf_counter() - t
        t = time.perf_counter()
        kb = load_knowledge_base(kb_dir, today=date(2026, 11, 22))
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        resolver = kb.resolver
        build_s = time.perf_counter() - t
        print(f"load+validate:     {load_s:6.2f} s   (target < 2 s; files unchanged since the last load: parse cache + full validation)")
        print(f"  first load:      {cold_s:6.2f} s   (YAML parsed with line numbers, then validated; writes the parse cache)")
        print(f"resolver index:    {build_s:6.2f} s")
        print(f"resident memory:   {rss_mb():6.0f} MB  (target < 250 MB)")
        schools = list(kb.schools)
        samples, hits = [], 0
        for _ in range(args.queries):
            if rng.random() < 0.5:
                _, target = rng.choice(pairs)
                text, kind, expected = rng.choice(SENTENCES).format(x=typo(rng, target)), "wijk", target
            else:
                target = rng.choice(schools)
                short = target.split(" ", 1)[1]
                text, kind, expected = rng.choice(SENTENCES).format(x=typo(rng, short)), "school", target
            t = time.perf_counter()
            mentions = resolver.scan(text)
            samples.append((time.perf_counter() - t) * 1000)
            found = [m.best.name for m in mentions if m.kind == kind]
            hits += bool(found) and found[0] == expected
        print(f"resolve (scan):    p50 {statistics.median(samples):.3f} ms   p99 {percentile(samples, 99):.3f} ms"
              f"   (target p99 < 2 ms, n={len(samples)})")
        print(f"hit rate:          {hits / len(samples):.1%} of typo'd queries resolve to the intended wijk/school")


if __name__ == "__main__":
    main()
