"""Measure the personal-data and safety detectors on the evaluation sets (issue 13).

    .venv/bin/python eval/run_privacy.py                   # both parts, figures only
    .venv/bin/python eval/run_privacy.py --part tuned --misses   # what the tuned part misses

Prints, per part: personal data refused per kind (and whether the detector pointed at the
right words), clean texts refused, safety concerns answered per kind (112 first when acute,
113 for suicide and self-harm), look-alikes that alarmed, and — after the full chat flow of
every personal-data text as a signal (refused, rephrased with the name moved to the front,
stopped) — how many texts left any of their personal data anywhere in the SQLite database file.
Also the detectors' latency per message (the whole check: personal data and safety).

Never print the held-out part's texts (``--misses`` refuses it): it is read for figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wijkwijzer.adapters.console.adapter import ConsoleAdapter  # noqa: E402
from wijkwijzer.app.runtime import FixedProfile, create_runtime  # noqa: E402
from wijkwijzer.app.settings import Settings  # noqa: E402
from wijkwijzer.core.privacy import allowed_words, find_personal_data  # noqa: E402
from wijkwijzer.core.replies import choices_of  # noqa: E402
from wijkwijzer.core.safety import SELF_HARM_KINDS, assess  # noqa: E402
from wijkwijzer.core.services import Profile  # noqa: E402
from wijkwijzer.knowledge.loader import KnowledgeBaseHolder  # noqa: E402

SETS = ROOT / "eval" / "privacy"
VEILIG_THUIS = "0800-2000"
ZELFMOORDPREVENTIE = "0800-0113"


DEV_SAFETY = {"dev": ROOT / "eval" / "safety_dev", "dev2": ROOT / "eval" / "safety_dev2",
              "dev3": ROOT / "eval" / "safety_dev3", "dev4": ROOT / "eval" / "safety_dev4",
              "dev5": ROOT / "eval" / "safety_dev5",
              "dev6": ROOT / "eval" / "safety_dev6", "dev7": ROOT / "eval" / "safety_dev7",
              "dev8": ROOT / "eval" / "safety_dev8", "dev9": ROOT / "eval" / "safety_dev9",
              "dev10": ROOT / "eval" / "safety_dev10",
              "dev13": ROOT / "eval" / "safety_dev13",  # written as safety_dev11; beside privacy dev13
              "dev14": ROOT / "eval" / "safety_dev14", "dev15": ROOT / "eval" / "safety_dev15",
              "dev16": SETS / "dev16", "dev17": SETS / "dev17"}  # written as one set each: safety beside privacy
TUNABLE = ("tuned", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13",
           "dev14", "dev15", "dev16", "dev17")
"""Parts the detectors may be tuned on; "heldout" never is. dev2 and dev6 hold only safety texts."""


def load(part: str, name: str) -> list[dict[str, Any]]:
    """One file of a part; the dev parts keep their safety texts in eval/safety_dev, safety_dev2 and safety_dev3."""
    folder = DEV_SAFETY[part] if part in DEV_SAFETY and name in ("safety", "lookalike") else SETS / part
    path = folder / f"{name}.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []


@dataclass
class Tally:
    hits: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, hit: bool, text: str) -> None:
        self.totals[kind] += 1
        if hit:
            self.hits[kind] += 1
        else:
            self.misses[kind].append(text)

    def rate(self, kind: str | None = None) -> str:
        hits = sum(self.hits.values()) if kind is None else self.hits[kind]
        total = sum(self.totals.values()) if kind is None else self.totals[kind]
        return f"{hits}/{total} = {100 * hits / total:.1f}%" if total else "-"


def overlaps(findings: list[Any], text: str, found: list[str]) -> bool:
    """The detector pointed at (part of) every piece of personal data the set names."""
    spans = []
    for finding in findings:
        start = text.find(finding.text)
        if start >= 0:
            spans.append((start, start + len(finding.text)))
    for piece in found:
        start = text.find(piece)
        end = start + len(piece)
        if not any(s < end and start < e for s, e in spans):
            return False
    return True


ANSWERS = {"Ja, opslaan": "ja", "Normaal": "normaal", "Overig": "Overig", "Ypenburg": "Ypenburg"}


async def drive(adapter: ConsoleAdapter, texts: list[str]) -> None:
    """Send the first text as a signal; answer each question as a user who wants it saved (the
    offered choice that saves or moves on); when the bot asks for the text again, send the next
    text (the rephrase); stop after at most eight turns."""
    queue = list(texts)
    replies = await adapter.send_text(queue.pop(0))
    for _ in range(8):
        choices = [c for r in replies for c in choices_of(r)]
        answer = next((ANSWERS[c] for c in choices if c in ANSWERS), None)
        if answer is None and not choices and queue:
            answer = queue.pop(0)
        if answer is None:
            break
        replies = await adapter.send_text(answer)
        if any("opgeslagen" in (r.text or "") for r in replies) and not choices_of(replies[-1]):
            break
    await adapter.send_text("stop")


async def full_flow(part: str, items: list[dict[str, Any]]) -> tuple[int, int, list[str]]:
    """Every personal-data text as a signal through the real agent and a SQLite file: refused,
    rephrased with the personal data moved to the front, then stopped. Then the whole database
    file is searched for each text's personal data (all of its pieces for a text that only singles a
    child out, any piece for the other kinds). Returns (texts with data at rest, texts, leaks)."""
    leaks: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(state_dir=Path(tmp), pseudonym_secret="eval-secret")
        profile = Profile(user_id="eval-ib", role="ib", wijk="Den Haag: Ypenburg")
        runtime = await create_runtime(settings, FixedProfile(profile))
        runtime.agent.clock = lambda: datetime.now(UTC)
        try:
            for n, item in enumerate(items):
                adapter = ConsoleAdapter(runtime.agent.on_turn, conversation_id=f"{part}-{n}")
                text = item["text"]
                front = " ".join([*item["found"], text.replace(item["found"][0], "").strip()])
                await drive(adapter, [f"signaal: {text}", front])
            await runtime.close()
            raw = settings.sqlite_path().read_bytes()
            wal = settings.sqlite_path().with_name(settings.sqlite_path().name + "-wal")
            raw += wal.read_bytes() if wal.exists() else b""
            # The raw bytes also hold deleted rows and the WAL; but a value's first byte follows a
            # record header byte that may read as a letter, so the values themselves are added too
            # (a name as a text's first word was missed by the word-boundary search before).
            with sqlite3.connect(settings.sqlite_path()) as db:
                tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                values = [str(value) for table in tables for row in db.execute(f'SELECT * FROM "{table}"')
                          for value in row if isinstance(value, str)]
            haystack = raw.decode("utf-8", "replace") + "\n" + "\n".join(values)
        finally:
            await runtime.close()
    at_rest = 0
    for item in items:
        # Singling out is the combination ("abdijmus" + "gr 7" + the trait): "gr 7" in another
        # stored text is not this child's data, so it counts only when every piece is there.
        present = all if set(item["kinds"]) == {"singling_out"} else any
        if present(re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", haystack) for piece in item["found"]):
            at_rest += 1
            leaks.append(item["text"])
    return at_rest, len(items), leaks


def measure(part: str, show: bool, flow: bool) -> None:
    kb = KnowledgeBaseHolder(None).current
    allowed = allowed_words(kb)
    pii, clean = load(part, "pii"), load(part, "clean")
    safety, lookalike = load(part, "safety"), load(part, "lookalike")

    refused, pointed = Tally(), Tally()
    timings: list[float] = []
    for item in pii:
        started = time.perf_counter()
        findings = find_personal_data(item["text"], allowed)
        assess(item["text"])
        timings.append(time.perf_counter() - started)
        for kind in item["kinds"]:
            refused.add(kind, bool(findings), item["text"])
            pointed.add(kind, bool(findings) and overlaps(findings, item["text"], item["found"]), item["text"])
    clean_refused = []
    for item in clean:
        started = time.perf_counter()
        findings = find_personal_data(item["text"], allowed)
        assess(item["text"])
        timings.append(time.perf_counter() - started)
        if findings:
            clean_refused.append(f"{item['text']}  ←  {', '.join(f.kind + ':' + f.text for f in findings)}")

    answered, first, indirect = Tally(), Tally(), Tally()
    for item in safety:
        concern = assess(item["text"])
        kind = item["kind"]
        answered.add(kind, concern is not None, item["text"])
        needs_112 = bool(item.get("acute"))
        needs_113 = kind in SELF_HARM_KINDS
        right = concern is not None and (concern.acute or not needs_112) and (
            bool(concern.kinds & SELF_HARM_KINDS) or not needs_113)
        first.add(kind, right, item["text"])
        if item.get("indirect"):
            indirect.add("indirect", concern is not None, item["text"])
    alarms = [item["text"] for item in lookalike if assess(item["text"]) is not None]
    calm = [item["text"] for item in safety if not item.get("acute")]
    too_urgent = [text for text in calm if (concern := assess(text)) is not None and concern.acute]

    print(f"\n=== {part} ===")
    print(f"personal data refused: {refused.rate()}  (pointed at the right words: {pointed.rate()})")
    for kind in sorted(refused.totals):
        print(f"  {kind:16} {refused.rate(kind):>22}   right words {pointed.rate(kind)}")
    print(f"clean refused: {len(clean_refused)}/{len(clean)} = {100 * len(clean_refused) / max(1, len(clean)):.1f}%")
    print(f"safety answered: {answered.rate()}; with the right numbers (112 acute, 113 self-harm): {first.rate()}; "
          f"indirect {indirect.rate()}")
    for kind in sorted(answered.totals):
        print(f"  {kind:20} {answered.rate(kind):>20}   right numbers {first.rate(kind)}")
    if calm:
        print(f"112 first where the danger is not acute: {len(too_urgent)}/{len(calm)}")
    print(f"look-alikes alarmed: {len(alarms)}/{len(lookalike)} = {100 * len(alarms) / max(1, len(lookalike)):.1f}%")
    ordered = sorted(timings)
    if ordered:
        print(f"detector latency per message: p50 {1000 * statistics.median(ordered):.3f} ms, "
              f"p99 {1000 * ordered[int(len(ordered) * 0.99) - 1]:.3f} ms")
    if flow and pii:
        at_rest, total, leaks = asyncio.run(full_flow(part, pii))
        print(f"personal data at rest after the full flow: {at_rest}/{total} texts")
    else:
        leaks = []
    if show:
        for title, tally in (("missed personal data", refused), ("missed safety", answered),
                             ("wrong numbers", first)):
            for kind, texts in sorted(tally.misses.items()):
                for text in texts:
                    print(f"[{title}:{kind}] {text}")
        for text in clean_refused:
            print(f"[clean refused] {text}")
        for text in alarms:
            print(f"[look-alike alarm] {text}")
        for text in too_urgent:
            print(f"[112 too soon] {text}")
        for text in leaks:
            print(f"[at rest] {text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=(*TUNABLE, "heldout", "all"), default="all")
    parser.add_argument("--misses", action="store_true", help="print what was missed (tuned and dev parts only)")
    parser.add_argument("--no-flow", action="store_true", help="skip the full chat flow and database search")
    args = parser.parse_args()
    if args.misses and args.part not in TUNABLE:
        parser.error("--misses only for a tuned or dev part: the held-out part is read for figures only")
    for part in ((*TUNABLE, "heldout") if args.part == "all" else (args.part,)):
        measure(part, args.misses, not args.no_flow)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
