"""Detector benchmark: latency per message of the personal-data and the safety detector.

    .venv/bin/python bench/detectors.py [--rounds 3]

Runs both detectors (``core.privacy.find_personal_data`` with the knowledge base's own names
allowed, as the signal dialog calls it, and ``core.safety.assess``) over the texts of the tuned
and dev evaluation sets (eval/privacy/tuned, eval/privacy/dev, eval/safety_dev: texts with and
without personal data, safety concerns and look-alikes), after one warm-up pass that loads the
lexicons. Target (issue 13): p99 ≤ 2 ms per message for each detector on this machine.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wijkwijzer.core.privacy import allowed_words, find_personal_data  # noqa: E402
from wijkwijzer.core.safety import assess  # noqa: E402
from wijkwijzer.knowledge.loader import load_knowledge_base  # noqa: E402

SETS = [ROOT / "eval" / "privacy" / part / f"{name}.yaml" for part in ("tuned", "dev")
        for name in ("pii", "clean", "safety", "lookalike")] + [
    ROOT / "eval" / "safety_dev" / f"{name}.yaml" for name in ("safety", "lookalike")]


def texts() -> list[str]:
    found = []
    for path in SETS:
        if path.exists():
            found += [str(item["text"]) for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    return found


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def measure(label: str, detect: Callable[[str], object], lines: list[str], rounds: int) -> None:
    for line in lines:  # warm-up: lexicons, compiled patterns, caches
        detect(line)
    samples = []
    for _ in range(rounds):
        for line in lines:
            started = time.perf_counter()
            detect(line)
            samples.append((time.perf_counter() - started) * 1000)
    print(f"{label:<16} p50 {statistics.median(samples):6.3f} ms   p99 {percentile(samples, 99):6.3f} ms   "
          f"max {max(samples):6.2f} ms   (n={len(samples)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    lines = texts()
    allowed = allowed_words(load_knowledge_base())
    print(f"machine: {platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores, "
          f"Python {platform.python_version()}; {len(lines)} texts")
    measure("personal data", lambda text: find_personal_data(text, allowed), lines, args.rounds)
    measure("safety", assess, lines, args.rounds)
    print("target: p99 ≤ 2 ms per message for each detector")


if __name__ == "__main__":
    main()
