"""`wijkwijzer kb check|stats|import` through the CLI, and the reloadable snapshot."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from wijkwijzer.bot.cli import main
from wijkwijzer.knowledge.loader import BUNDLED_DIR, KnowledgeBaseHolder

SAMPLES = Path(__file__).parents[1] / "fixtures" / "spreadsheets"


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(BUNDLED_DIR, target)
    return target


def test_check_passes_on_the_bundled_knowledge_base_and_lists_stale_contacts(capsys):
    assert main(["kb", "check", "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "Anja Pauwels (SMW Haaglanden), laatst gecontroleerd: 20-11-2025" in out
    assert "In orde: 86 gebieden, 44 scholen, 87 contacten" in out


def _replace(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_check_reports_a_route_option_to_a_missing_step(kb_copy, capsys):
    _replace(kb_copy / "route.yaml", "volgende: algemeen.afsluiten_basis", "volgende: algemeen.bestaat_niet")
    assert main(["kb", "check", str(kb_copy)]) == 1
    assert "route.yaml:" in capsys.readouterr().out and "onbekende stap 'algemeen.bestaat_niet'"


def test_check_reports_an_unreachable_step(kb_copy, capsys):
    _replace(kb_copy / "route.yaml", "        volgende: algemeen.geschil", "        volgende: algemeen.opp_evaluatie")
    assert main(["kb", "check", str(kb_copy)]) == 1
    out = capsys.readouterr().out
    assert "stap 'algemeen.geschil' is vanaf geen enkele ingang bereikbaar" in out


def test_check_reports_a_dangling_werkgebied_with_its_line(kb_copy, capsys):
    line = _replace(kb_copy / "ketenpartners.yaml", "'Den Haag: Binckhorst'", "'Den Haag: Strandwijk'")
    assert main(["kb", "check", str(kb_copy)]) == 1
    out = capsys.readouterr().out
    assert "gebied 'Den Haag: Strandwijk' bestaat niet" in out
    reported = int(next(l for l in out.splitlines() if "Strandwijk" in l).split(":")[1])
    assert 0 < line - reported < 12


def test_check_reports_yaml_syntax_errors_with_a_line(kb_copy, capsys):
    (kb_copy / "scholen.yaml").write_text("scholen:\n  - naam: [kapot\n", encoding="utf-8")
    assert main(["kb", "check", str(kb_copy)]) == 1
    assert "scholen.yaml:" in capsys.readouterr().out


def test_stats_prints_counts(capsys):
    assert main(["kb", "stats"]) == 0
    out = capsys.readouterr().out
    assert "Den Haag" in out and "schoolmaatschappelijk werker" in out


def test_import_cli_exits_non_zero_when_rows_were_left_out(tmp_path, capsys):
    assert main(["kb", "import", str(SAMPLES), "--out", str(tmp_path / "kb"), "--today", "2026-11-22"]) == 1
    out = capsys.readouterr().out
    assert "afgewezen: ketenpartners.csv:90: werkgebied:" in out
    assert out.strip().endswith("afgewezen 5")
    assert main(["kb", "check", str(tmp_path / "kb"), "--today", "2026-11-22"]) == 0


def test_import_cli_explains_a_missing_file(tmp_path, capsys):
    assert main(["kb", "import", str(tmp_path), "--out", str(tmp_path / "kb")]) == 2
    assert "Ik vind geen gebieden" in capsys.readouterr().err


def test_reload_swaps_atomically_and_keeps_the_old_snapshot_when_broken(kb_copy):
    holder = KnowledgeBaseHolder(kb_copy)
    first = holder.current
    _replace(kb_copy / "scholen.yaml", "opmerking: plusklas groep 5-8", "opmerking: plusklas groep 4-8")
    assert holder.reload() == []
    assert holder.current is not first
    assert holder.current.schools["IKC De Vliegerwolk"].opmerking == "plusklas groep 4-8"
    second = holder.current
    (kb_copy / "route.yaml").write_text("stappen: [", encoding="utf-8")
    problems = holder.reload()
    assert problems and problems[0].file == "route.yaml"
    assert holder.current is second
    assert first.schools["IKC De Vliegerwolk"].opmerking == "plusklas groep 5-8"
