"""The importer on an office's real workbook: tabs, title rows, header variants, Excel cells,
synonyms and lists; coverage warnings; the diff shown before publishing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.fixtures.messy_workbook import NEW_CONTACT, NEW_SCHOOL, build
from wijkwijzer.app.cli import main
from wijkwijzer.knowledge.coverage import coverage_warnings
from wijkwijzer.knowledge.diff import diff
from wijkwijzer.knowledge.importer import import_sources, import_spreadsheets, parse_date
from wijkwijzer.knowledge.loader import BUNDLED_DIR, FILES, check_knowledge_texts, load_knowledge_base

SAMPLES = Path(__file__).parents[1] / "fixtures" / "spreadsheets"
TODAY = date(2026, 11, 22)


def texts(files: dict[str, str]) -> dict[str, str]:
    """A whole knowledge base: the imported files plus the bundled route and glossary."""
    return {**files, **{name: (BUNDLED_DIR / name).read_text(encoding="utf-8") for name in FILES if name not in files}}


def contacts(files: dict[str, str]) -> dict[str, dict]:
    data = yaml.safe_load(files["ketenpartners.yaml"])
    return {c["naam"]: c for org in data["organisaties"] for c in org["contacten"]}


def schools(files: dict[str, str]) -> dict[str, dict]:
    return {s["naam"]: s for s in yaml.safe_load(files["scholen.yaml"])["scholen"]}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("werkboek") / "kennisbank.xlsx", extra=True)
    return import_sources([path], None, TODAY)


@pytest.fixture(scope="module")
def from_csv():
    return import_spreadsheets(SAMPLES / "gebieden.csv", SAMPLES / "expertisekaart.csv", SAMPLES / "ketenpartners.csv",
                               None, TODAY)


def test_the_messy_workbook_imports_every_valid_row(imported, from_csv):
    assert imported.complete
    assert imported.total().imported == from_csv.total().imported + 2, "every row the CSVs import, plus the new two"
    assert [(p.line, p.column) for p in imported.problems] == [(41, "ib_naam"), (44, "school"), (92, "werkgebied")]
    assert {p.file for p in imported.problems} == {"kennisbank.xlsx[Scholen]", "kennisbank.xlsx[Ketenpartners]"}
    assert [(p.line, p.column) for p in imported.warnings] == [(46, "email"), (59, "laatst_gecontroleerd")]


def test_workbook_values_equal_the_clean_csv_values(imported, from_csv):
    mine, theirs = contacts(imported.files), contacts(from_csv.files)
    assert set(mine) == set(theirs) | {NEW_CONTACT}
    for name, contact in theirs.items():
        for field in ("rol", "werkgebied", "scholen", "telefoon", "email", "laatst_gecontroleerd", "bereikbaar"):
            assert mine[name].get(field) == contact.get(field), (name, field)
    assert mine["Anja Pauwels"]["functie"] == "smw'er" and mine["Anja Pauwels"]["rol"] == "smw"
    mine_s, theirs_s = schools(imported.files), schools(from_csv.files)
    assert set(mine_s) == set(theirs_s) | {NEW_SCHOOL}
    for name, school in theirs_s.items():
        assert mine_s[name] == school, name


def test_excel_cells_lists_synonyms_and_parentheses(imported):
    new = schools(imported.files)[NEW_SCHOOL]
    assert new["wijk"] == "Den Haag: Ypenburg" and new["expertise"] == ["NT2/anderstaligen", "hoogbegaafdheid"]
    assert new["ib"]["telefoon"] == "070 055 5123"
    noor = contacts(imported.files)[NEW_CONTACT]
    assert noor["rol"] == "smw" and noor["werkgebied"] == ["Den Haag: Ypenburg"] and noor["scholen"] == [NEW_SCHOOL]
    assert str(noor["laatst_gecontroleerd"]) == "2026-09-01"
    kb, problems = check_knowledge_texts(texts(imported.files), TODAY)
    assert problems == [] and kb is not None and NEW_SCHOOL in kb.schools


@pytest.mark.parametrize(("raw", "expected"), [
    ("46296", date(2026, 10, 1)), ("1 sept 2026", date(2026, 9, 1)), ("3 maart 2026", date(2026, 3, 3)),
    ("di 12 mei 2026", date(2026, 5, 12)), ("01.10.2026", date(2026, 10, 1)), ("12 okt. 2026", date(2026, 10, 12)),
])
def test_written_dates_and_serials(raw, expected):
    assert parse_date(raw) == expected


def test_kb_import_reads_a_workbook_with_tabs(tmp_path, capsys):
    path = build(tmp_path / "werkboek.xlsx")
    code = main(["kb", "import", str(path), "--out", str(tmp_path / "kb"), "--today", "2026-11-22"])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "afgewezen: werkboek.xlsx[Scholen]:41: ib_naam" in out
    assert "weggelaten: werkboek.xlsx[Ketenpartners]:46: email" in out
    assert (tmp_path / "kb" / "route.yaml").exists()


def test_the_diff_names_added_changed_and_removed_items(imported):
    live = load_knowledge_base()
    new, _ = check_knowledge_texts(texts(imported.files), TODAY)
    assert new is not None
    changes = diff(live, new)
    assert changes.schools.added == (NEW_SCHOOL,) and changes.schools.removed == ()
    assert "SMW Haaglanden: Noor Vissers" in changes.contacts.added
    functies = {c.id for c in changes.contacts.changed if "functie" in c.fields}
    assert "SMW Haaglanden: Anja Pauwels" in functies
    back = diff(new, live)
    assert back.schools.removed == (NEW_SCHOOL,)
    assert "scholen: 1 weg" in back.summary()


def test_coverage_warns_about_a_gemeente_without_jeugdteam_and_a_wijk_without_smw(imported):
    files = dict(imported.files)
    data = yaml.safe_load(files["ketenpartners.yaml"])
    for org in data["organisaties"]:
        org["contacten"] = [c for c in org["contacten"]
                            if not (c["rol"] == "jeugdteam" and "Rijswijk" in org["naam"])
                            and not (c["rol"] == "smw" and any("Ypenburg" in w for w in c.get("werkgebied", [])))
                            and c["naam"] != NEW_CONTACT]
    files["ketenpartners.yaml"] = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    kb, problems = check_knowledge_texts(texts(files), TODAY)
    assert kb is not None, problems
    found = {(w.area, w.rol) for w in coverage_warnings(kb)}
    assert ("Rijswijk", "jeugdteam") in found
    assert ("Den Haag: Ypenburg", "smw") in found
    assert coverage_warnings(load_knowledge_base()) == []


def test_the_csv_files_can_be_handed_over_under_any_recognisable_name(tmp_path):
    for kind, name in (("gebieden", "Gebieden 2026.csv"), ("expertisekaart", "scholen-export.csv"),
                       ("ketenpartners", "Ketenpartners nov.csv")):
        (tmp_path / name).write_bytes((SAMPLES / f"{kind}.csv").read_bytes())
    report = import_sources(sorted(tmp_path.iterdir()), None, TODAY)
    assert report.complete and report.total().imported == 228
    assert {p.file for p in report.problems} == {"scholen-export.csv", "Ketenpartners nov.csv"}


def test_a_workbook_without_a_list_says_which_one_is_missing(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Notities"
    workbook.active.append(["wat", "wie"])
    workbook.save(tmp_path / "leeg.xlsx")
    report = import_sources([tmp_path / "leeg.xlsx"], None, TODAY)
    assert not report.complete
    assert "geen lijst met gebieden gevonden" in str(report.problems[0])
    assert any("Notities" in note and "overgeslagen" in note for note in report.notes)
