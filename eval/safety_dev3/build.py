"""Build the dev3 sets from the hand-written line files in ``src/`` (run from the repository root).

    .venv/bin/python eval/safety_dev3/build.py

Writes eval/safety_dev3/safety.yaml and lookalike.yaml, eval/privacy/dev3/pii.yaml and clean.yaml
in the formats of the other parts (see eval/privacy/tuned/README.md), and checks that every
``found``/``pii`` string is an exact substring of its text and every kind is known.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
SRC = Path(__file__).resolve().parent / "src"
SAFETY_KINDS = {"physical_abuse", "emotional_abuse", "neglect", "sexual_abuse", "sexual_exploitation",
                "domestic_violence", "honour_violence", "forced_marriage", "achterlating", "fgm", "self_harm",
                "suicide", "acute"}
PII_KINDS = {"naam", "bsn", "onderwijsnummer", "leerlingnummer", "geboortedatum", "telefoon", "email", "handle",
             "adres", "postcode", "singling_out"}


def rows(name: str, fields: int) -> list[list[str]]:
    out = []
    for number, line in enumerate((SRC / name).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|", fields - 1)
        if len(parts) != fields:
            raise SystemExit(f"{name}:{number}: expected {fields} fields")
        out.append(parts)
    return out


def pieces(text: str, raw: str, where: str) -> list[str]:
    found = [piece for piece in raw.split(";") if piece]
    for piece in found:
        if piece not in text:
            raise SystemExit(f"{where}: {piece!r} is not in the text")
    return found


def main() -> int:
    safety: list[dict[str, Any]] = []
    for kind, acute, indirect, rest in rows("safety.txt", 4):
        text, _, pii = rest.partition("||")
        if kind not in SAFETY_KINDS:
            raise SystemExit(f"unknown safety kind {kind}")
        item: dict[str, Any] = {"text": text, "kind": kind, "acute": acute == "a", "indirect": indirect == "i"}
        if pii:
            item["pii"] = pieces(text, pii, text)
        safety.append(item)
    lookalike = [{"text": text, "note": note} for note, text in rows("lookalike.txt", 2)]
    pii_items = []
    for kinds, found, text in rows("pii.txt", 3):
        names = kinds.split(";")
        if not set(names) <= PII_KINDS:
            raise SystemExit(f"unknown kind in {kinds}")
        pii_items.append({"text": text, "kinds": sorted(set(names)), "found": pieces(text, found, text)})
    clean = [{"text": text, "note": note} for note, text in rows("clean.txt", 2)]

    header = ("# Wijkwijzer dev3 set (hand-written, see eval/safety_dev3/README.md); built by build.py from src/.\n"
              "# Tune on this set; never on the held-out set.\n")
    out = {ROOT / "eval" / "safety_dev3" / "safety.yaml": safety,
           ROOT / "eval" / "safety_dev3" / "lookalike.yaml": lookalike,
           ROOT / "eval" / "privacy" / "dev3" / "pii.yaml": pii_items,
           ROOT / "eval" / "privacy" / "dev3" / "clean.yaml": clean}
    for path, items in out.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
    kinds = Counter(item["kind"] for item in safety)
    print(f"safety {len(safety)} (acute {sum(i['acute'] for i in safety)}, indirect "
          f"{sum(i['indirect'] for i in safety)}, with pii {sum('pii' in i for i in safety)}): {dict(sorted(kinds.items()))}")
    print(f"lookalike {len(lookalike)}, clean {len(clean)}")
    per_kind = Counter(kind for item in pii_items for kind in item["kinds"])
    lower = sum(1 for item in pii_items if all(piece == piece.lower() for piece in item["found"]))
    print(f"pii {len(pii_items)} (all found in lower case: {lower}): {dict(sorted(per_kind.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
