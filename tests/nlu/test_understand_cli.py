"""`wijkwijzer understand`: one message or JSON lines from standard input, as ARCHITECTURE.md promises."""

from __future__ import annotations

import json
import subprocess
import sys

from wijkwijzer.core.understanding import ENTITY_KEYS

NULLS = dict.fromkeys(ENTITY_KEYS)


def run_cli(*args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wijkwijzer.app.cli", "understand", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, check=check, encoding="utf-8")


def test_one_message_as_contract_json():
    out = json.loads(run_cli("smw'er ypenbrg?", "--json").stdout)
    assert list(out) == ["intent", "confidence", "entities"]
    assert out["intent"] == "partner_lookup" and 0.5 <= out["confidence"] <= 1
    assert out["entities"] == NULLS | {"rol": "smw", "wijk": "Ypenburg", "gemeente": "Den Haag"}


def test_json_keeps_dutch_characters_readable():
    done = run_cli("wat betekent handelingsverlegen", "--json")
    assert json.loads(done.stdout)["entities"]["begrip"] == "Handelingsverlegenheid"
    assert "\\u" not in done.stdout


def test_without_json_one_dutch_line():
    lines = run_cli("hoe vraag ik een tlv aan").stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("intentie route") and "Toelaatbaarheidsverklaring (TLV)" in lines[0]


def test_batch_mode_prints_one_json_line_per_input_line():
    stdin = "hoe vraag ik een tlv aan\n\nwat betekent opp\r\nleerling woont in 2492 welk wijkteam\nhoi\n"
    lines = run_cli(stdin=stdin).stdout.splitlines()
    assert len(lines) == 5
    tlv, empty, opp, postcode, hoi = (json.loads(line) for line in lines)
    assert tlv["intent"] == "route"
    assert tlv["entities"] == NULLS | {"begrip": "Toelaatbaarheidsverklaring (TLV)", "route": "algemeen"}
    assert empty == {"intent": "unknown", "confidence": 0.0, "entities": NULLS}
    assert opp["intent"] == "glossary" and opp["entities"] == NULLS | {"begrip": "Ontwikkelingsperspectief (OPP)"}
    assert postcode["entities"] == NULLS | {"rol": "jeugdteam", "postcode": "2492", "gemeente": "Den Haag"}
    assert hoi["intent"] == "greeting"


def test_batch_mode_with_empty_input_prints_nothing():
    done = run_cli(stdin="")
    assert done.returncode == 0 and done.stdout == ""


def test_a_broken_knowledge_base_is_reported_in_dutch(tmp_path):
    (tmp_path / "gebieden.yaml").write_text("gemeenten: niet goed\n", encoding="utf-8")
    done = run_cli("smw ypenburg", "--kb", str(tmp_path), check=False)
    assert done.returncode == 2
    assert "kennisbank" in done.stderr and done.stdout == ""
