"""The code stays strictly typed and lint-clean: ``mypy --strict`` (pyproject's [tool.mypy]) on the
package and ruff (pyproject's [tool.ruff]) on the package, tests, benchmarks and eval runners."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_mypy_strict_is_clean():
    done = run("mypy", "wijkwijzer")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_is_clean():
    done = run("ruff", "check", "wijkwijzer", "tests", "bench", "eval")
    assert done.returncode == 0, done.stdout + done.stderr
