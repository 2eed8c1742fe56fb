"""docs/extending.md, tried on a scratch copy of the package: a new ketenpartner role is one entry
in the knowledge vocabulary (plus contacts with that role); a new intent is one registry entry
plus one dialog file and its copy; a dialog whose copy is missing, or an intent without a dialog,
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


def insert_before(path: Path, anchor: str, text: str) -> None:
    """Put ``text`` in the file at ``path`` just before ``anchor`` (which must be there)."""
    before = path.read_text(encoding="utf-8")
    assert anchor in before
    path.write_text(before.replace(anchor, text + anchor), encoding="utf-8")


def test_a_new_role_is_one_vocabulary_entry(tmp_path):
    src = scratch_copy(tmp_path)
    insert_before(src / "knowledge" / "vocabulary.py", '    PartnerRole("ib", "IB\'er",', ORTHOPEDAGOOG)
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


NETWORK_INTENT = '''    Intent("netwerk", True, ("wanneer is de volgende netwerkbijeenkomst",),
           words=("netwerkbijeenkomst", "netwerkbijeenkomsten", "ib-netwerk")),
'''
NETWORK_DIALOG = '''"""When the IB-netwerk meets next."""

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.conversation import Route, WijkwijzerDialog, end
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.replies import reply


class NetworkCopy(Copy):
    next_meeting: str


class NetworkDialog(WijkwijzerDialog):
    ID = "netwerk"
    Copy = NetworkCopy
    copy: NetworkCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        await dc.context.send_activity(reply(self.copy.next_meeting))
        return await end(dc)


ROUTES = (Route(NetworkDialog, intents=("netwerk",)),)
'''
NETWORK_COPY = '''
netwerk:
  next_meeting: "Het IB-netwerk komt elke eerste dinsdag van de maand samen."
'''


def with_network_intent(src: Path) -> None:
    insert_before(src / "core" / "intents.py", '    Intent("unknown", False,', NETWORK_INTENT)


def test_a_new_intent_is_one_registry_entry_plus_one_dialog_file(tmp_path):
    src = scratch_copy(tmp_path)
    with_network_intent(src)
    (src / "dialogs" / "netwerk.py").write_text(NETWORK_DIALOG, encoding="utf-8")
    texts = src / "dialogs" / "texts.yaml"
    texts.write_text(texts.read_text(encoding="utf-8") + NETWORK_COPY, encoding="utf-8")

    script = tmp_path / "s.txt"
    script.write_text("wanneer is het volgende ib-netwerk?\nsmw ypenburg\n", encoding="utf-8")
    done = run(src, tmp_path, "chat", "--script", str(script), "--json")
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line)["replies"][0] for line in done.stdout.splitlines()[:2])
    assert "eerste dinsdag" in first
    assert "Ypenburg" in second and "eerste dinsdag" not in second


def test_an_intent_without_a_dialog_stops_at_start_up(tmp_path):
    src = scratch_copy(tmp_path)
    with_network_intent(src)
    script = tmp_path / "s.txt"
    script.write_text("hoi\n", encoding="utf-8")
    done = run(src, tmp_path, "chat", "--script", str(script))
    assert done.returncode != 0 and not done.stdout
    assert "netwerk" in done.stderr and "Traceback" not in done.stderr
