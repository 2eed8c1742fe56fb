"""docs/extending.md, tried on a scratch copy of the package: a new ketenpartner role is one entry
in the knowledge vocabulary (plus contacts with that role), and a dialog whose copy is missing
stops the program at start-up with a clear message."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "wijkwijzer"

ORTHOPEDAGOOG = '''    PartnerRole("orthopedagoog", "Orthopedagoog", "de orthopedagoog", "orthopedagoog", (
        "orthopedagoog", "orthopedagogen", "ortho", "orthopedagoge",
    )),
'''
CONTACT = '''- naam: Orthopedagogen Kust & Vliet
  contacten:
  - naam: Noor Bakker
    rol: orthopedagoog
    functie: orthopedagoog
    werkgebied: ['Den Haag: Ypenburg']
    telefoon: 070 000 1234
    email: n.bakker@swv-kustenvliet.example
    laatst_gecontroleerd: 2026-11-01
'''


def scratch_copy(tmp_path: Path) -> Path:
    target = tmp_path / "src" / "wijkwijzer"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def run(src: Path, tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src.parent), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("WIJKWIJZER_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "wijkwijzer.app.cli", *args], input=stdin, env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


def test_a_new_role_is_one_vocabulary_entry(tmp_path):
    src = scratch_copy(tmp_path)
    vocabulary = src / "knowledge" / "vocabulary.py"
    text = vocabulary.read_text(encoding="utf-8")
    anchor = '    PartnerRole("ib", "IB\'er",'
    assert anchor in text
    vocabulary.write_text(text.replace(anchor, ORTHOPEDAGOOG + anchor), encoding="utf-8")
    partners = src / "knowledge" / "data" / "ketenpartners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8") + CONTACT, encoding="utf-8")

    understood = json.loads(run(src, tmp_path, "understand", "wie is de orthopedagoog voor de vliegerwolk",
                                "--json").stdout)
    assert understood["intent"] == "partner_lookup" and understood["entities"]["rol"] == "orthopedagoog"
    script = tmp_path / "s.txt"
    script.write_text("wie is de orthopedagoog voor de vliegerwolk\n", encoding="utf-8")
    done = run(src, tmp_path, "chat", "--script", str(script), "--json")
    assert done.returncode == 0, done.stderr
    reply = json.loads(done.stdout.splitlines()[0])["replies"][0]
    assert "Noor Bakker" in reply and "070 000 1234" in reply and "Sorry" not in reply


def test_a_dialog_without_its_copy_stops_at_start_up(tmp_path):
    src = scratch_copy(tmp_path)
    texts = src / "dialogs" / "texts.yaml"
    text = texts.read_text(encoding="utf-8")
    without = re.sub(r"(?m)^  ask_tag: .*\n", "", text, count=1)
    assert without != text
    texts.write_text(without, encoding="utf-8")
    script = tmp_path / "s.txt"
    script.write_text("hoi\n", encoding="utf-8")
    done = run(src, tmp_path, "chat", "--script", str(script))
    assert done.returncode != 0 and not done.stdout
    assert "expertise" in done.stderr and "ask_tag" in done.stderr
    assert "Traceback" not in done.stderr
