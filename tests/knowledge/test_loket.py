"""The SWV's loket (swv.yaml): configured by hand, validated, left alone by the importer."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.knowledge.test_kb_cli import SAMPLES, run
from wijkwijzer.knowledge.loader import BUNDLED_DIR, check_knowledge_base, load_knowledge_base

TODAY = date(2026, 11, 22)


@pytest.fixture
def kb_dir(tmp_path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(BUNDLED_DIR, target)
    return target


def test_the_demo_has_a_fictional_loket():
    kb = load_knowledge_base(today=TODAY)
    assert kb.swv_naam == "SWV Kust & Vliet"
    loket = kb.loket
    assert loket is not None and loket.naam == "Loket SWV Kust & Vliet"
    assert loket.telefoon and loket.telefoon.startswith("070 0"), "an impossible number, like all demo numbers"
    assert loket.email and loket.email.endswith(".example") and loket.bereikbaar


def test_without_swv_yaml_there_is_no_loket(kb_dir):
    (kb_dir / "swv.yaml").unlink()
    kb, problems = check_knowledge_base(kb_dir, TODAY, use_cache=False)
    assert problems == [] and kb is not None and kb.loket is None and kb.swv_naam is None


@pytest.mark.parametrize(("old", "new", "column", "words"), [
    ("email: loket@swv-kustenvliet.example", "email: loket.swv-kustenvliet.example", "email", "geen geldig e-mailadres"),
    ("telefoon: 070 010 2030", "telefoon: bel ons", "telefoon", "geen geldig telefoonnummer"),
    ("  telefoon: 070 010 2030\n  email: loket@swv-kustenvliet.example\n", "", "loket", "telefoonnummer of een e-mailadres"),
    ("  naam: Loket SWV Kust & Vliet\n", "", "naam", "Field required"),
])
def test_a_wrong_loket_is_reported_at_its_line(kb_dir, old, new, column, words):
    path = kb_dir / "swv.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new), encoding="utf-8")
    line = text.splitlines().index("loket:") + 2  # the first line inside the loket block
    kb, problems = check_knowledge_base(kb_dir, TODAY, use_cache=False)
    assert kb is None
    assert [(p.file, p.line, p.column) for p in problems] == [("swv.yaml", line, column)]
    assert words in problems[0].message


def test_an_empty_or_broken_swv_yaml_is_a_problem(kb_dir):
    (kb_dir / "swv.yaml").write_text("", encoding="utf-8")
    kb, problems = check_knowledge_base(kb_dir, TODAY, use_cache=False)
    assert kb is None and [str(p) for p in problems] == ["swv.yaml: bestand is leeg"]
    (kb_dir / "swv.yaml").write_text("loket: [kapot\n", encoding="utf-8")
    kb, problems = check_knowledge_base(kb_dir, TODAY, use_cache=False)
    assert kb is None and problems[0].file == "swv.yaml" and "geen geldige YAML" in problems[0].message


def test_a_changed_loket_is_read_again_not_taken_from_the_parse_cache(kb_dir):
    assert check_knowledge_base(kb_dir, TODAY)[0].loket.telefoon == "070 010 2030"
    path = kb_dir / "swv.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("070 010 2030", "070 010 9999"), encoding="utf-8")
    assert check_knowledge_base(kb_dir, TODAY)[0].loket.telefoon == "070 010 9999"
    path.unlink()
    assert check_knowledge_base(kb_dir, TODAY)[0].loket is None


def test_import_leaves_swv_yaml_alone_and_never_copies_the_demo_one(tmp_path, capsys):
    fresh = tmp_path / "nieuw"
    code, out, _ = run(capsys, "import", str(SAMPLES), "--out", str(fresh), "--today", "2026-11-22")
    assert code == 1 and not (fresh / "swv.yaml").exists()
    code, out, _ = run(capsys, "check", str(fresh), "--today", "2026-11-22")
    assert code == 0 and "geen loket van het SWV (swv.yaml)" in out

    existing = tmp_path / "bestaand"
    existing.mkdir()
    own = "naam: SWV Eigen\nloket:\n  naam: Ons loket\n  email: loket@eigen.example\n"
    (existing / "swv.yaml").write_text(own, encoding="utf-8")
    run(capsys, "import", str(SAMPLES), "--out", str(existing), "--today", "2026-11-22")
    assert (existing / "swv.yaml").read_text(encoding="utf-8") == own
    code, out, _ = run(capsys, "check", str(existing), "--today", "2026-11-22")
    assert code == 0 and "geen loket" not in out
    kb = load_knowledge_base(existing, today=TODAY)
    assert kb.loket is not None and kb.loket.naam == "Ons loket" and kb.loket.telefoon is None
