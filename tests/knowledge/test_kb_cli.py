"""`wijkwijzer kb import|check|stats` through the command's parser, and the reloadable snapshot."""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest

from wijkwijzer.app.commands import kb as kb_command
from wijkwijzer.knowledge.loader import BUNDLED_DIR, KnowledgeBaseHolder, load_knowledge_base

SAMPLES = Path(__file__).parents[1] / "fixtures" / "spreadsheets"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    """The loader keeps a parse cache under XDG_CACHE_HOME; keep the tests' copies out of the user's home."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="wijkwijzer")
    kb_command.register(parser.add_subparsers(dest="command"))
    try:
        args = parser.parse_args(["kb", *argv])
        code = args.handler(args)
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(BUNDLED_DIR, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the first ``old``; return the line of the mapping (``- key: …``) the change is in."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    lines = text[: text.index(old)].splitlines()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return max(i for i, line in enumerate(lines, 1) if line.lstrip().startswith("- ") and ":" in line)


def _lines_about(out: str, file: str) -> list[tuple[int, str]]:
    return [(int(m.group(1)), line) for line in out.splitlines() if (m := re.match(rf"{file}:(\d+): ", line))]


# ───────────────────────────── check ─────────────────────────────


def test_check_passes_on_the_bundled_knowledge_base_and_lists_stale_contacts(capsys):
    code, out, err = run(capsys, "check", "--today", "2026-11-22")
    assert code == 0, out + err
    assert "Anja Pauwels (SMW Haaglanden), laatst gecontroleerd: 20-11-2025" in out
    assert "Rachid Bennani (Leerplicht Den Haag), laatst gecontroleerd: nooit" in out
    assert out.strip().splitlines()[-1].startswith("In orde: 86 gebieden, 44 scholen, 98 contacten")
    assert "Let op: 2 contacten zijn langer dan 12 maanden niet gecontroleerd:" in out
    assert "; 2 contacten niet recent gecontroleerd." in out


def test_check_reports_a_route_option_to_a_missing_step_at_its_step(kb_copy, capsys):
    _replace(kb_copy / "route.yaml", "volgende: algemeen.afsluiten_basis", "volgende: algemeen.bestaat_niet")
    step_line = (kb_copy / "route.yaml").read_text(encoding="utf-8").splitlines().index("  - id: algemeen.basisondersteuning") + 1
    code, out, _ = run(capsys, "check", str(kb_copy))
    assert code == 1
    assert (step_line, f"route.yaml:{step_line}: opties: optie 'Ja, genoeg' wijst naar onbekende stap 'algemeen.bestaat_niet'") \
        in _lines_about(out, "route.yaml")


def test_check_reports_an_unreachable_step_at_its_line(kb_copy, capsys):
    _replace(kb_copy / "route.yaml", "        volgende: algemeen.geschil", "        volgende: algemeen.opp_evaluatie")
    step_line = (kb_copy / "route.yaml").read_text(encoding="utf-8").splitlines().index("  - id: algemeen.geschil") + 1
    code, out, _ = run(capsys, "check", str(kb_copy))
    assert code == 1
    assert (step_line, f"route.yaml:{step_line}: id: stap 'algemeen.geschil' is vanaf geen enkele ingang bereikbaar") \
        in _lines_about(out, "route.yaml")


def test_check_reports_a_dangling_werkgebied_at_the_contact(kb_copy, capsys):
    line = _replace(kb_copy / "ketenpartners.yaml", "'Den Haag: Binckhorst'", "'Den Haag: Strandwijk'")
    code, out, _ = run(capsys, "check", str(kb_copy))
    assert code == 1
    assert (line, f"ketenpartners.yaml:{line}: werkgebied: gebied 'Den Haag: Strandwijk' bestaat niet") \
        in _lines_about(out, "ketenpartners.yaml")
    assert "1 probleem gevonden" in out


def test_check_reports_yaml_syntax_errors_with_a_line(kb_copy, capsys):
    (kb_copy / "scholen.yaml").write_text("scholen:\n  - naam: IKC A\n  - naam: [kapot\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(kb_copy))
    assert code == 1
    assert [n for n, text in _lines_about(out, "scholen.yaml") if "geen geldige YAML" in text] == [4]


def test_check_of_a_missing_folder_is_an_error_not_a_traceback(tmp_path, capsys):
    code, out, err = run(capsys, "check", str(tmp_path / "bestaat-niet"))
    assert code == 2
    assert "bestaat niet" in err and "Traceback" not in err + out


# ───────────────────────────── stats ─────────────────────────────


def test_stats_prints_counts_per_gemeente_wijk_and_role(capsys):
    code, out, _ = run(capsys, "stats")
    assert code == 0
    kb = load_knowledge_base()
    den_haag = next(line for line in out.splitlines() if line.startswith("Den Haag "))
    schools = sum(1 for s in kb.schools.values() if kb.areas[s.wijk].gemeente == "Den Haag")
    assert den_haag.split()[-3:] == ["44", str(schools), den_haag.split()[-1]]
    ypenburg = next(line for line in out.splitlines() if line.startswith("Den Haag: Ypenburg "))
    assert ypenburg.split()[-3] == str(len(kb.schools_by_area["Den Haag: Ypenburg"]))
    smw = next(line for line in out.splitlines() if line.startswith("schoolmaatschappelijk werker"))
    assert smw.split()[-1] == str(sum(1 for c in kb.contacts if c.rol == "smw"))
    assert "Totaal: 86 gebieden, 44 scholen, 98 contacten." in out


def test_stats_refuses_a_broken_knowledge_base(kb_copy, capsys):
    (kb_copy / "route.yaml").write_text("stappen: [", encoding="utf-8")
    code, _, err = run(capsys, "stats", str(kb_copy))
    assert code == 1 and "kb check" in err


# ───────────────────────────── import ─────────────────────────────


def test_import_writes_a_complete_knowledge_base_and_exits_1_on_rejections(tmp_path, capsys):
    out_dir = tmp_path / "kb"
    code, out, _ = run(capsys, "import", str(SAMPLES), "--out", str(out_dir), "--today", "2026-11-22")
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[-1] == "gelezen 231, geïmporteerd 228, genormaliseerd 125, afgewezen 3"
    rejected = [line for line in lines if line.startswith("afgewezen: ")]
    assert [line.split(":")[1:3] for line in rejected] == [
        [" expertisekaart.csv", "39"], [" expertisekaart.csv", "42"], [" ketenpartners.csv", "90"]]
    dropped = [line for line in lines if line.startswith("weggelaten: ")]
    assert [line.split(":")[1:3] for line in dropped] == [[" ketenpartners.csv", "44"], [" ketenpartners.csv", "57"]]
    first_rejected = lines.index(rejected[0])
    assert all(line.startswith("aangepast: ") for line in lines[:first_rejected]), "notes, then problems"
    for name in ("gebieden.yaml", "scholen.yaml", "ketenpartners.yaml", "route.yaml", "begrippen.yaml"):
        assert (out_dir / name).read_bytes() == (BUNDLED_DIR / name).read_bytes(), name
    code, out, _ = run(capsys, "check", str(out_dir), "--today", "2026-11-22")
    assert code == 0, out


def test_import_with_named_files_and_no_rejections_exits_0(tmp_path, capsys):
    for name in ("gebieden.csv", "expertisekaart.csv"):
        shutil.copyfile(SAMPLES / name, tmp_path / name)
    partners = (SAMPLES / "ketenpartners.csv").read_bytes().replace(b", Kindcentrum Het Waldecktorentje", b"").split(b"\r\n")
    clean = [line for i, line in enumerate(partners, 1) if i not in (44, 57, 90)]
    (tmp_path / "partners-2026.csv").write_bytes(b"\r\n".join(clean))
    schools = (tmp_path / "expertisekaart.csv").read_bytes().split(b"\r\n")
    (tmp_path / "expertisekaart.csv").write_bytes(b"\r\n".join(line for i, line in enumerate(schools, 1) if i not in (39, 42)))
    code, out, err = run(capsys, "import", str(tmp_path / "gebieden.csv"), str(tmp_path / "expertisekaart.csv"),
                         "--ketenpartners", str(tmp_path / "partners-2026.csv"), "--out", str(tmp_path / "kb"),
                         "--today", "2026-11-22")
    assert code == 0, out + err
    assert out.strip().endswith("afgewezen 0")
    assert "afgewezen:" not in out


def test_import_keeps_an_existing_route(tmp_path, capsys):
    out_dir = tmp_path / "kb"
    out_dir.mkdir()
    (out_dir / "route.yaml").write_text("# eigen route\n", encoding="utf-8")
    run(capsys, "import", str(SAMPLES), "--out", str(out_dir), "--today", "2026-11-22")
    assert (out_dir / "route.yaml").read_text(encoding="utf-8") == "# eigen route\n"
    assert (out_dir / "begrippen.yaml").exists()


def test_import_explains_a_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "import", str(tmp_path), "--out", str(tmp_path / "kb"))
    assert code == 2
    assert "Ik vind geen gebieden.csv of gebieden.xlsx" in err
    assert not (tmp_path / "kb").exists()


def test_import_of_an_unreadable_file_writes_nothing(tmp_path, capsys):
    for name in ("gebieden.csv", "ketenpartners.csv"):
        shutil.copyfile(SAMPLES / name, tmp_path / name)
    (tmp_path / "expertisekaart.csv").write_bytes(b"school;ib_naam\r\nX;Y\r\n")
    code, out, _ = run(capsys, "import", str(tmp_path), "--out", str(tmp_path / "kb"))
    assert code == 2
    assert "fout: expertisekaart.csv: wijk: kolom ontbreekt" in out
    assert "Niets geïmporteerd" in out
    assert not (tmp_path / "kb").exists()


def test_import_refuses_an_unknown_file_and_a_bad_date(tmp_path, capsys):
    code, _, err = run(capsys, "import", str(tmp_path / "lijst.csv"), "--out", str(tmp_path / "kb"))
    assert code == 2 and "Ik weet niet welk bestand" in err
    code, _, err = run(capsys, "import", str(SAMPLES), "--out", str(tmp_path / "kb"), "--today", "22-11-2026")
    assert code == 2 and "schrijf JJJJ-MM-DD" in err


# ───────────────────────────── reload ─────────────────────────────


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
