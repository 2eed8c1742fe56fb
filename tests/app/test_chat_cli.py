"""`wijkwijzer chat` as a new user runs it: scripted (plain and JSON) and interactive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def chat(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("WIJKWIJZER_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "wijkwijzer.app.cli", "chat", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120)


def test_script_with_json_prints_one_object_per_turn(tmp_path):
    script = tmp_path / "gesprek.txt"
    script.write_text("smw'er ypenbrg?\nen de jgz?\n\nhoe vraag ik een tlv aan\nstop\n", encoding="utf-8")
    done = chat(tmp_path, "--script", str(script), "--json")
    assert done.returncode == 0, done.stderr
    turns = [json.loads(line) for line in done.stdout.splitlines()]
    assert [t["turn"] for t in turns] == [1, 2, 3, 4]
    assert turns[0]["user"] == "smw'er ypenbrg?" and "Fatma Yilmaz" in turns[0]["replies"][0]
    assert "Marieke van den Berg" in turns[1]["replies"][0]
    assert "TLV voor speciaal (basis)onderwijs" in turns[2]["replies"][0] and turns[2]["choices"]
    assert "stop met de route" in turns[3]["replies"][0]
    assert (tmp_path / "data" / "wijkwijzer" / "wijkwijzer.sqlite").exists()


def test_guest_and_own_wijk_options(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("wie is de smw'er\n", encoding="utf-8")
    own = chat(tmp_path, "--script", str(script), "--json", "--user-wijk", "ypenburg")
    assert "Fatma Yilmaz" in json.loads(own.stdout)["replies"][0]  # a role alone: the user's own wijk
    script.write_text("smw ypenburg\n", encoding="utf-8")
    guest = chat(tmp_path, "--script", str(script), "--user-role", "gast")
    assert guest.returncode == 0 and "Fatma" not in guest.stdout and "aanmeld" in guest.stdout


def test_interactive_session_welcomes_answers_and_ends(tmp_path):
    done = chat(tmp_path, stdin="smw ypenburg\n[1]\ndoei\n")
    assert done.returncode == 0, done.stderr
    assert "Hoi! Ik ben Wijkwijzer" in done.stdout
    assert "Fatma Yilmaz" in done.stdout
    assert "Tot ziens!" in done.stdout


def test_clear_errors_for_bad_options(tmp_path):
    missing = chat(tmp_path, "--script", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "Kan het script niet lezen" in missing.stderr
    wijk = chat(tmp_path, "--script", str(tmp_path / "nope.txt"), "--user-wijk", "atlantis")
    assert wijk.returncode == 2 and "Wijk 'atlantis' ken ik niet" in wijk.stderr


def test_script_comments_and_wacht_let_a_pending_question_expire(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("# een vraag die blijft liggen\nsmw\n#wacht 45\nypenburg\nsmw\n#wacht 10\nypenburg\n",
                      encoding="utf-8")
    done = chat(tmp_path, "--script", str(script), "--json")
    assert done.returncode == 0, done.stderr
    turns = [json.loads(line) for line in done.stdout.splitlines()]
    assert [t["user"] for t in turns] == ["smw", "ypenburg", "smw", "ypenburg"]
    assert "Welke ketenpartner zoek je?" in turns[1]["replies"][0]  # 45 minutes later: a new question
    assert "Fatma Yilmaz" in turns[3]["replies"][0]  # 10 minutes later: still the answer


def test_the_terminal_user_is_a_user_record_so_subscriptions_work(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("meld me aan voor scheveningen\nwelke berichten krijg ik?\n", encoding="utf-8")
    done = chat(tmp_path, "--script", str(script), "--json", "--user-wijk", "ypenburg")
    turns = [json.loads(line) for line in done.stdout.splitlines()]
    assert "ook berichten voor Scheveningen" in turns[0]["replies"][0]
    assert "Ypenburg" in turns[1]["replies"][0] and "Scheveningen" in turns[1]["replies"][0]
