"""The spreadsheet importer: exact rejections, safe normalisation, never a crash."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
import yaml

from wijkwijzer.knowledge.importer import import_spreadsheets
from wijkwijzer.knowledge.loader import BUNDLED_DIR

SAMPLES = Path(__file__).parents[1] / "fixtures" / "spreadsheets"
TODAY = date(2026, 11, 22)
GEBIEDEN_HEADER = "gemeente;stadsdeel;wijk;aliassen;pc4;pilotgebied"
SCHOOL_HEADER = "school;bestuur;wijk;adres;expertise;ib_naam;ib_telefoon;ib_email;opmerking"
PARTNER_HEADER = "organisatie;rol;naam;werkgebied;scholen;telefoon;email;bereikbaar;laatst_gecontroleerd;opmerking"
GEBIEDEN = [GEBIEDEN_HEADER, "Den Haag;;;DH;2491,2492;nee", "Den Haag;Centrum;;;2511;ja",
            "Den Haag;Centrum;Schildersbuurt;Schilderswijk;2512;ja", "Rijswijk;;;;2281;nee"]
SCHOOL = "IKC De Test;Stichting Proef;Schilderswijk;Proefstraat 1, Den Haag;gedrag;Ann Bos;070-0123456;a.bos@test.example;"
PARTNER = "SMW Test;schoolmaatschappelijk werker;Piet Proef;Schildersbuurt;IKC De Test;06-00123456;p@test.example;ma-vr;01-10-2026;"


def run_import(tmp_path: Path, gebieden=GEBIEDEN, schools=(SCHOOL,), partners=(PARTNER,), sep=";"):
    files = {}
    for name, header, rows in (("gebieden", None, gebieden), ("expertisekaart", SCHOOL_HEADER, schools),
                               ("ketenpartners", PARTNER_HEADER, partners)):
        lines = list(rows) if header is None else [header, *rows]
        path = tmp_path / f"{name}.csv"
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(line.split(";") for line in lines)
        path.write_text(buffer.getvalue(), encoding="utf-8-sig")
        files[name] = path
    out = tmp_path / "out"
    report = import_spreadsheets(files["gebieden"], files["expertisekaart"], files["ketenpartners"], out, TODAY)
    return report, out


def where(report) -> set[tuple[str, int, str]]:
    return {(p.file, p.line, p.column) for p in report.problems}


def test_samples_reject_exactly_the_five_planted_rows(tmp_path):
    report = import_spreadsheets(SAMPLES / "gebieden.csv", SAMPLES / "expertisekaart.csv", SAMPLES / "ketenpartners.csv",
                                 tmp_path, TODAY)
    assert where(report) == {
        ("expertisekaart.csv", 39, "ib_naam"),
        ("expertisekaart.csv", 42, "school"),
        ("ketenpartners.csv", 44, "email"),
        ("ketenpartners.csv", 57, "laatst_gecontroleerd"),
        ("ketenpartners.csv", 90, "werkgebied"),
    }
    assert "regel 10" in str(next(p for p in report.problems if p.line == 42))
    assert report.summary().startswith("gelezen 222, geïmporteerd 217,") and report.summary().endswith("afgewezen 5")


def test_samples_reproduce_the_bundled_knowledge_base_byte_for_byte(tmp_path):
    import_spreadsheets(SAMPLES / "gebieden.csv", SAMPLES / "expertisekaart.csv", SAMPLES / "ketenpartners.csv",
                        tmp_path, TODAY)
    for name in ("gebieden.yaml", "scholen.yaml", "ketenpartners.yaml"):
        assert (tmp_path / name).read_bytes() == (BUNDLED_DIR / name).read_bytes(), name


def test_sample_normalisations_are_applied_and_reported(tmp_path):
    report = import_spreadsheets(SAMPLES / "gebieden.csv", SAMPLES / "expertisekaart.csv", SAMPLES / "ketenpartners.csv",
                                 tmp_path, TODAY)
    notes = "\n".join(report.notes)
    assert "expertisekaart.csv:5: wijk: 'ypenburg' → 'Den Haag: Ypenburg'" in notes
    assert "expertisekaart.csv:14: wijk: 'Schilderswijk' → 'Den Haag: Schildersbuurt'" in notes
    assert "expertisekaart.csv:36: bestuur: 'stichting duin en veen' → 'Stichting Duin en Veen'" in notes
    assert "ketenpartners.csv:55: laatst_gecontroleerd: '04/03/2026' → '04-03-2026'" in notes
    assert "ketenpartners.csv:49: rol: 'LEERPLICHTAMBTENAAR' → 'leerplichtambtenaar'" in notes
    scholen = yaml.safe_load((tmp_path / "scholen.yaml").read_text())["scholen"]
    pierlicht = [s for s in scholen if s["naam"] == "CBS Het Pierlicht"]
    assert len(pierlicht) == 1
    slotenspoor = next(s for s in scholen if s["naam"] == "Basisschool Het Slotenspoor")
    assert slotenspoor["expertise"] == ["hoogbegaafdheid", "dyslexie"]
    stations = next(s for s in scholen if s["naam"].startswith("CBS De Stationsspreeuw"))
    assert stations["naam"] == "CBS De Stationsspreeuw"
    partners = yaml.safe_load((tmp_path / "ketenpartners.yaml").read_text())["organisaties"]
    contacts = {c["naam"]: c for org in partners for c in org["contacten"]}
    assert contacts["Marloes de Wit"]["telefoon"] == "06 00869464"
    assert contacts["Advies- en meldlijn"]["telefoon"] == "0800-2000"
    assert contacts["Laura Groen"]["werkgebied"] == ["Rijswijk"]
    assert contacts["Eva Bosman"]["werkgebied"] == ["Leidschendam-Voorburg: kern Leidschendam", "Leidschendam-Voorburg: kern Voorburg"]
    assert contacts["Mark de Groot"]["werkgebied"] == ["Den Haag: Ypenburg", "Den Haag: Hoornwijk"]
    assert "Kindcentrum Het Waldecktorentje" not in contacts["Rik van Rooijen"]["scholen"]
    assert "Tom Dekker" in contacts and "Rachid Bennani" not in contacts


@pytest.mark.parametrize(
    ("schools", "partners", "expected"),
    [
        ((";Stichting Proef;Schilderswijk;;gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "school")),
        (("IKC X;St;Nergenshuizen;;gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "wijk")),
        (("IKC X;St;Schilderswijk;;toveren;Ann;;;",), (), ("expertisekaart.csv", 2, "expertise")),
        (("IKC X;St;Schilderswijk;;gedrag;Ann;12;;",), (), ("expertisekaart.csv", 2, "ib_telefoon")),
        (("IKC X;St;Schilderswijk;;gedrag;Ann;;ann-at-x;",), (), ("expertisekaart.csv", 2, "ib_email")),
        (("IKC X;St;Centrum;;gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "wijk")),
        ((SCHOOL, SCHOOL), (), ("expertisekaart.csv", 3, "school")),
        ((SCHOOL,), ("SMW Test;tovenaar;Piet;Schildersbuurt;;;;;;",), ("ketenpartners.csv", 2, "rol")),
        ((SCHOOL,), ("SMW Test;wijkagent;;Schildersbuurt;;;;;;",), ("ketenpartners.csv", 2, "naam")),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Atlantis;;;;;;",), ("ketenpartners.csv", 2, "werkgebied")),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;hele gemeente;;;;;;",), ("ketenpartners.csv", 2, "werkgebied")),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;Onbekende School;;;;;",), ("ketenpartners.csv", 2, "scholen")),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;;;;;31-02-2026;",), ("ketenpartners.csv", 2, "laatst_gecontroleerd")),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;;;;;gisteren;",), ("ketenpartners.csv", 2, "laatst_gecontroleerd")),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;;;;;01-01-2030;",), ("ketenpartners.csv", 2, "laatst_gecontroleerd")),
        ((SCHOOL,), (PARTNER, PARTNER.replace("SMW Test", "smw test")), ("ketenpartners.csv", 3, "naam")),
    ],
)
def test_each_kind_of_wrong_row_is_reported_and_left_out(tmp_path, schools, partners, expected):
    report, _ = run_import(tmp_path, schools=schools, partners=partners)
    assert where(report) == {expected}, [str(p) for p in report.problems]
    assert not report.ok and report.total().rejected == 1


def test_gebieden_rows_are_checked(tmp_path):
    gebieden = [*GEBIEDEN, "Den Haag;Nergens;Wijkje;;;nee", "Den Haag;Centrum;Foutje;;12;nee", "Den Haag;Centrum;Raar;;;misschien"]
    report, _ = run_import(tmp_path, gebieden=gebieden)
    assert where(report) == {("gebieden.csv", 6, "stadsdeel"), ("gebieden.csv", 7, "pc4"), ("gebieden.csv", 8, "pilotgebied")}


def test_comma_separated_csv_works(tmp_path):
    report, out = run_import(tmp_path, sep=",")
    assert report.ok, [str(p) for p in report.problems]
    assert "IKC De Test" in (out / "scholen.yaml").read_text()


def test_hele_gemeente_means_the_gemeente_named_in_the_organisation(tmp_path):
    report, out = run_import(tmp_path, partners=("Jeugdteam Rijswijk;jeugdconsulent;Pri;hele gemeente;;;;;;",))
    assert report.ok
    assert "werkgebied: [Rijswijk]" in (out / "ketenpartners.yaml").read_text()


def test_xlsx_is_read(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    _, _ = run_import(tmp_path)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(SCHOOL_HEADER.split(";"))
    sheet.append(SCHOOL.split(";"))
    xlsx = tmp_path / "expertisekaart.xlsx"
    workbook.save(xlsx)
    report = import_spreadsheets(tmp_path / "gebieden.csv", xlsx, tmp_path / "ketenpartners.csv", tmp_path / "x", TODAY)
    assert report.ok, [str(p) for p in report.problems]
    assert report.counts["expertisekaart.xlsx"].imported == 1


def test_broken_files_give_a_clear_problem_not_a_crash(tmp_path):
    run_import(tmp_path)
    (tmp_path / "expertisekaart.csv").write_text("school;wijk\r\nX;Y\r\n", encoding="utf-8")
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / "expertisekaart.csv", tmp_path / "ketenpartners.csv", None, TODAY)
    assert any("kolom ontbreekt" in str(p) and "bestuur" in p.column for p in report.problems)
    (tmp_path / "expertisekaart.csv").write_bytes(b"")
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / "expertisekaart.csv", tmp_path / "ketenpartners.csv", None, TODAY)
    assert any("leeg" in str(p) for p in report.problems)
    (tmp_path / "expertisekaart.csv").write_bytes(SCHOOL_HEADER.encode() + b"\nIKC Caf\xe9;x;y;;;;;;\n")
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / "expertisekaart.csv", tmp_path / "ketenpartners.csv", None, TODAY)
    assert any("UTF-8" in str(p) for p in report.problems)
    report = import_spreadsheets(tmp_path / "nope.csv", tmp_path / "expertisekaart.csv", tmp_path / "ketenpartners.csv", None, TODAY)
    assert any("niet gevonden" in str(p) for p in report.problems)
