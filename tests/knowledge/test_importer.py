"""The spreadsheet importer: exact rejections, safe normalisation, never a crash."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import yaml

from wijkwijzer.knowledge.importer import format_phone, import_spreadsheets, parse_date, to_yaml
from wijkwijzer.knowledge.loader import BUNDLED_DIR, check_knowledge_base

SAMPLES = Path(__file__).parents[1] / "fixtures" / "spreadsheets"
TODAY = date(2026, 11, 22)
GEBIEDEN_HEADER = "gemeente;stadsdeel;wijk;aliassen;pc4;pilotgebied"
SCHOOL_HEADER = "school;bestuur;wijk;adres;expertise;ib_naam;ib_telefoon;ib_email;opmerking"
PARTNER_HEADER = "organisatie;rol;naam;werkgebied;scholen;telefoon;email;bereikbaar;laatst_gecontroleerd;opmerking"
GEBIEDEN = (
    "Den Haag;;;DH;2491,2492;nee",
    "Den Haag;Centrum;;;2511;ja",
    "Den Haag;Centrum;Schildersbuurt;Schilderswijk;2512;ja",
    "Den Haag;Leidschenveen-Ypenburg;;Ypenburg;2496;ja",
    "Den Haag;Leidschenveen-Ypenburg;Ypenburg;;2497;ja",
    "Leidschendam-Voorburg;;;LV;2271;ja",
    "Leidschendam-Voorburg;Voorburg;;;2271;ja",
    "Leidschendam-Voorburg;Voorburg;Voorburg-West;Voorburg West;;ja",
    "Rijswijk;;;;2281;nee",
    "Rijswijk;;RijswijkBuiten;Rijswijk-Buiten;;nee",
)
SCHOOL = "IKC De Test;Stichting Proef;Schilderswijk;Proefstraat 1, Den Haag;gedrag;Ann Bos;070-0123456;a.bos@test.example;"
PARTNER = "SMW Test;schoolmaatschappelijk werker;Piet Proef;Schildersbuurt;IKC De Test;06-00123456;p@test.example;ma-vr;01-10-2026;"


def write_csv(path: Path, header: str, rows, *, sep: str = ";", bom: bool = True, newline: str = "\r\n") -> Path:
    text = newline.join([header.replace(";", sep), *rows]) + newline
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def run_import(tmp_path: Path, *, gebieden=GEBIEDEN, schools=(SCHOOL,), partners=(PARTNER,), out: Path | None = None):
    write_csv(tmp_path / "gebieden.csv", GEBIEDEN_HEADER, gebieden)
    write_csv(tmp_path / "expertisekaart.csv", SCHOOL_HEADER, schools)
    write_csv(tmp_path / "ketenpartners.csv", PARTNER_HEADER, partners)
    out = out or tmp_path / "out"
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / "expertisekaart.csv",
                                 tmp_path / "ketenpartners.csv", out, TODAY)
    return report, out


def where(report) -> set[tuple[str, int, str]]:
    return {(p.file, p.line, p.column) for p in report.problems}


def load(out: Path, name: str):
    return yaml.safe_load((out / name).read_text(encoding="utf-8"))


def contacts_of(out: Path) -> dict[str, dict]:
    return {c["naam"]: c for org in load(out, "ketenpartners.yaml")["organisaties"] for c in org["contacten"]}


def import_samples(out: Path | None):
    return import_spreadsheets(SAMPLES / "gebieden.csv", SAMPLES / "expertisekaart.csv", SAMPLES / "ketenpartners.csv",
                               out, TODAY)


# ───────────────────────────── the sample spreadsheets ─────────────────────────────


def test_samples_report_the_five_planted_rows_three_left_out_and_two_cells_dropped(tmp_path):
    """A wrong required cell leaves the row out; a wrong optional cell (an e-mail, a date) only drops that cell."""
    report = import_samples(tmp_path)
    assert where(report) == {
        ("expertisekaart.csv", 39, "ib_naam"),
        ("expertisekaart.csv", 42, "school"),
        ("ketenpartners.csv", 90, "werkgebied"),
    }
    assert {(p.file, p.line, p.column) for p in report.warnings} == {
        ("ketenpartners.csv", 44, "email"),
        ("ketenpartners.csv", 57, "laatst_gecontroleerd"),
    }
    text = {p.line: str(p) for p in [*report.problems, *report.warnings]}
    assert "leeg" in text[39]
    assert "regel 10" in text[42] and "CBS Het Pierlicht" in text[42]
    assert "h.kramer.cjg-denhaag.example" in text[44] and "weggelaten" in text[44]
    assert "15-03-2027" in text[57] and "toekomst" in text[57]
    assert "Strandwijk" in text[90]
    assert report.summary() == "gelezen 231, geïmporteerd 228, genormaliseerd 125, afgewezen 3"
    assert report.complete and not report.ok
    counts = report.counts
    assert (counts["gebieden.csv"].read, counts["gebieden.csv"].imported, counts["gebieden.csv"].rejected) == (86, 86, 0)
    assert (counts["expertisekaart.csv"].read, counts["expertisekaart.csv"].imported) == (46, 44)
    assert (counts["ketenpartners.csv"].read, counts["ketenpartners.csv"].imported) == (99, 98)


def test_samples_reproduce_the_bundled_knowledge_base_byte_for_byte(tmp_path):
    import_samples(tmp_path)
    for name in ("gebieden.yaml", "scholen.yaml", "ketenpartners.yaml"):
        assert (tmp_path / name).read_bytes() == (BUNDLED_DIR / name).read_bytes(), name


def test_imported_files_pass_the_loader_checks(tmp_path):
    import_samples(tmp_path)
    for name in ("route.yaml", "begrippen.yaml"):
        shutil.copyfile(BUNDLED_DIR / name, tmp_path / name)
    kb, problems = check_knowledge_base(tmp_path, TODAY, use_cache=False)
    assert problems == [] and kb is not None
    assert len(kb.schools) == 44 and len(kb.contacts) == 98


def test_written_files_start_with_a_dutch_header(tmp_path):
    import_samples(tmp_path)
    head = (tmp_path / "ketenpartners.yaml").read_text(encoding="utf-8").splitlines()[:4]
    assert all(line.startswith("#") for line in head)
    assert "wijkwijzer kb import" in head[1] and "ketenpartners.csv" in head[1]
    assert any("verzonnen" in line for line in head)
    assert any('"Gemeente: Wijk"' in line for line in head)


def test_sample_normalisations_are_applied_and_reported(tmp_path):
    report = import_samples(tmp_path)
    notes = set(report.notes)
    for expected in (
        "expertisekaart.csv:5: wijk: 'ypenburg' → 'Den Haag: Ypenburg'",
        "expertisekaart.csv:14: wijk: 'Schilderswijk' → 'Den Haag: Schildersbuurt'",
        "expertisekaart.csv:45: wijk: 'Rijswijk-Buiten' → 'Rijswijk: RijswijkBuiten'",
        "expertisekaart.csv:9: wijk: 'Duindorp ' → 'Duindorp'",
        "expertisekaart.csv:18: school: 'CBS De Stationsspreeuw  ' → 'CBS De Stationsspreeuw'",
        "expertisekaart.csv:36: bestuur: 'stichting duin en veen' → 'Stichting Duin en Veen'",
        "expertisekaart.csv:21: bestuur: 'Stichting Vlietoever onderwijs' → 'Stichting Vlietoever Onderwijs'",
        "expertisekaart.csv:4: expertise: 'Gedrag,sociaal-emotioneel' → 'gedrag, sociaal-emotioneel'",
        "expertisekaart.csv:31: expertise: 'Hoogbegaafdheid , dyslexie' → 'hoogbegaafdheid, dyslexie'",
        "expertisekaart.csv:3: ib_telefoon: '+31 70 006 0267' → '070 006 0267'",
        "ketenpartners.csv:49: rol: 'LEERPLICHTAMBTENAAR' → 'leerplichtambtenaar'",
        "ketenpartners.csv:11: rol: 'Expertisepunt' → 'expertisepunt'",
        "ketenpartners.csv:41: organisatie: 'CJG Den Haag (JGZ) ' → 'CJG Den Haag (JGZ)'",
        "ketenpartners.csv:77: organisatie: 'politie eenheid Den Haag' → 'Politie eenheid Den Haag'",
        "ketenpartners.csv:21: naam: 'Tom Dekker ' → 'Tom Dekker'",
        "ketenpartners.csv:70: werkgebied: 'ypenburg' → 'Den Haag: Ypenburg'",
        "ketenpartners.csv:72: werkgebied: 'Scheveningen dorp' → 'Den Haag: Scheveningen'",
        "ketenpartners.csv:4: laatst_gecontroleerd: '2026-09-28' → '28-09-2026'",
        "ketenpartners.csv:24: laatst_gecontroleerd: '3-6-2026' → '03-06-2026'",
        "ketenpartners.csv:55: laatst_gecontroleerd: '04/03/2026' → '04-03-2026'",
        "ketenpartners.csv:3: telefoon: '+31 6 0086 9464' → '06 0086 9464'",
        "ketenpartners.csv:2: telefoon: '06-00228888' → '06 0022 8888'",
    ):
        assert expected in notes, expected
    assert not any(note.startswith("ketenpartners.csv:7: telefoon") for note in notes), "already canonical"


def test_sample_output_values(tmp_path):
    import_samples(tmp_path)
    scholen = {s["naam"]: s for s in load(tmp_path, "scholen.yaml")["scholen"]}
    assert "Kindcentrum Het Waldecktorentje" not in scholen
    assert list(scholen).count("CBS Het Pierlicht") == 1
    assert scholen["Basisschool Het Slotenspoor"]["expertise"] == ["hoogbegaafdheid", "dyslexie"]
    assert "CBS De Stationsspreeuw" in scholen
    assert scholen["IKC De Vliegerwolk"]["ib"]["telefoon"] == "070 098 3690"
    assert "opmerking" not in scholen["Basisschool Het Propellerpad"], "empty optional fields are left out"
    contacts = contacts_of(tmp_path)
    assert contacts["Marloes de Wit"]["telefoon"] == "06 0086 9464"
    assert contacts["Advies- en meldlijn"]["telefoon"] == "0800-2000"
    assert contacts["Laura Groen"]["werkgebied"] == ["Rijswijk"]
    assert contacts["Eva Bosman"]["werkgebied"] == ["Leidschendam-Voorburg: kern Leidschendam", "Leidschendam-Voorburg: kern Voorburg"]
    assert contacts["Mark de Groot"]["werkgebied"] == ["Den Haag: Ypenburg", "Den Haag: Hoornwijk"]
    assert contacts["Tom Dekker"]["naam"] == "Tom Dekker"
    assert "Tim Jacobs" not in contacts
    assert "email" not in contacts["Hilde Kramer"] and "laatst_gecontroleerd" not in contacts["Rachid Bennani"]
    assert str(contacts["Linda Vermeulen"]["laatst_gecontroleerd"]) == "2026-09-12"
    organisaties = [o["naam"] for o in load(tmp_path, "ketenpartners.yaml")["organisaties"]]
    assert organisaties[0] == "SWV Kust & Vliet" and len(organisaties) == len(set(organisaties))
    assert "politie eenheid Den Haag" not in organisaties


def test_gebieden_soort_is_stadsdeel_in_den_haag_and_kern_elsewhere(tmp_path):
    import_samples(tmp_path)
    gemeenten = {g["naam"]: g for g in load(tmp_path, "gebieden.yaml")["gemeenten"]}
    assert {d["soort"] for d in gemeenten["Den Haag"]["delen"]} == {"stadsdeel"}
    assert len(gemeenten["Den Haag"]["delen"]) == 8
    assert [(d["naam"], d["soort"]) for d in gemeenten["Leidschendam-Voorburg"]["delen"]] == [
        ("Leidschendam", "kern"), ("Voorburg", "kern")]
    assert "delen" not in gemeenten["Rijswijk"] and len(gemeenten["Rijswijk"]["wijken"]) == 12
    assert "wijken" not in gemeenten["Delft"] and gemeenten["Delft"]["pc4"]


def test_a_contact_keeps_its_row_when_one_of_its_schools_was_rejected(tmp_path):
    report = import_samples(tmp_path)
    rik = contacts_of(tmp_path)["Rik van Rooijen"]
    assert "Kindcentrum Het Waldecktorentje" not in rik.get("scholen", [])
    assert not any(p.file == "ketenpartners.csv" and p.line == 28 for p in report.problems)
    assert any(n.startswith("ketenpartners.csv:28: scholen: 'Kindcentrum Het Waldecktorentje' weggelaten")
               and "expertisekaart.csv:39" in n for n in report.notes)


def test_nothing_is_written_without_an_out_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = import_samples(None)
    assert report.complete and len(report.problems) == 3 and len(report.warnings) == 2
    assert list(tmp_path.iterdir()) == []


# ───────────────────────────── value normalisers ─────────────────────────────


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("070-0123456", "070 012 3456"),
        ("+31 70 012 3456", "070 012 3456"),
        ("0700123456", "070 012 3456"),
        ("070 - 012 34 56", "070 012 3456"),
        ("0031 70 012 3456", "070 012 3456"),
        ("+31 (0)70 012 3456", "070 012 3456"),
        ("06-00123456", "06 0012 3456"),
        ("+31 6 0012 3456", "06 0012 3456"),
        ("0600123456", "06 0012 3456"),
        ("06 0012 3456", "06 0012 3456"),
        ("0174-123456", "0174 123 456"),
        ("0800-2000", "0800-2000"),
        ("0900 1234", "0900 1234"),
        ("14 070", "14 070"),
        ("+32 2 123 45 67", "+32 2 123 45 67"),
    ],
)
def test_phone_numbers_get_one_form(raw, expected):
    assert format_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12", "bel mij", "070-01234567890", "06-0012345"])
def test_impossible_phone_numbers_are_refused(raw):
    with pytest.raises(ValueError, match="telefoonnummer"):
        format_phone(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("28-09-2026", date(2026, 9, 28)), ("3-6-2026", date(2026, 6, 3)), ("2026-09-28", date(2026, 9, 28)),
     ("04/03/2026", date(2026, 3, 4)), ("1-10-2026", date(2026, 10, 1))],
)
def test_date_forms(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["31-02-2026", "gisteren", "3-6-26", "2026/09/28", "04/03-2026", "13-13-2026"])
def test_unparseable_dates_are_refused(raw):
    with pytest.raises(ValueError):
        parse_date(raw)


TRICKY = ["ja", "nee", "yes", "No", "on", "OFF", "true", "null", "~", "", "12", "0123", "1e3", "2026-01-01", "12:30",
          ".5", "...etc", "- streep", "-streep", "#tag", "a #b", "a#b", "a: b", "a:b", "eind:", "'quote'", "it's",
          '"dubbel"', "@at", "`tick`", "!bang", "&amp", "*ster", "|pipe", ">gt", "%pct", "[x]", "{y}", "a, b", "? vraag",
          "tab\tx", "bel\x07", "Ω ümlaut", "070 012 3456", " spatie", "spatie ", "<<", "=", "ma-vr 9-17", "24/7",
          "0800-2000", "Den Haag: Ypenburg", "x" * 130, "Den Haag: " + "y " * 70, "regel\neen", "0x1F", "+31", ".inf", "NaN", "y", "n"]


def test_yaml_output_reads_back_exactly():
    data = {
        "los": {f"k{i}": value for i, value in enumerate(TRICKY)},
        "blok": TRICKY,
        "kort": ["a, b", "[x]", "a: b", "12", "ja", "{y}"],
        "pc4": [f"{n}" for n in range(2491, 2600)],
        "lang": {"a": {"b": {"werkgebied": ["Rotterdam: Walumweide", "Rotterdam: Wesum en Hoodam",
                                            "Rotterdam: Woumeerbuurt", "Rotterdam: Terdonk en Olburg"]}}},
        "diep": [{"naam": "a", "sub": [{"naam": "b", "lijst": ["c"], "vlag": True, "datum": date(2026, 1, 2)}]}],
        "leeg": [],
    }
    text = to_yaml(data)
    assert yaml.safe_load(text) == data
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("pc4: ["))
    end = next(i for i in range(start, len(lines)) if lines[i].endswith("]"))
    assert end > start and all(len(line) <= 120 + len("'2599',") for line in lines[start:end + 1])
    long_quoted = TRICKY.index("Den Haag: " + "y " * 70)
    assert f"  k{long_quoted}: 'Den Haag: {'y ' * 70}'" in lines, "a long quoted string is never folded"


# ───────────────────────────── rejections on hand-made rows ─────────────────────────────


@pytest.mark.parametrize(
    ("schools", "partners", "expected", "words"),
    [
        ((";Stichting Proef;Schilderswijk;;gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "school"), "schoolnaam is leeg"),
        (("IKC X;St;;;gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "wijk"), "wijk is leeg"),
        (("IKC X;St;Nergenshuizen;;gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "wijk"), "'Nergenshuizen' bestaat niet"),
        (("IKC X;St;Schildersbuurtje;;gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "wijk"), "bestaat niet"),
        (("IKC X;St;Centrum;;gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "wijk"), "'Centrum' is geen wijk"),
        (("IKC X;St;Schilderswijk;;gedrag;;;;",), (), ("expertisekaart.csv", 2, "ib_naam"), "IB'er is leeg"),
        ((SCHOOL, SCHOOL.replace("IKC De Test", "ikc de  test")), (), ("expertisekaart.csv", 3, "school"), "regel 2"),
        ((SCHOOL,), ("SMW Test;tovenaar;Piet;Schildersbuurt;;;;;;",), ("ketenpartners.csv", 2, "rol"), "onbekende rol 'tovenaar'"),
        ((SCHOOL,), ("SMW Test;;Piet;Schildersbuurt;;;;;;",), ("ketenpartners.csv", 2, "rol"), "rol is leeg"),
        ((SCHOOL,), ("SMW Test;wijkagent;;Schildersbuurt;;;;;;",), ("ketenpartners.csv", 2, "naam"), "naam is leeg"),
        ((SCHOOL,), (";wijkagent;Piet;Schildersbuurt;;;;;;",), ("ketenpartners.csv", 2, "organisatie"), "organisatie is leeg"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;;;;;;;",), ("ketenpartners.csv", 2, "werkgebied"), "werkgebied is leeg"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Atlantis;;;;;;",), ("ketenpartners.csv", 2, "werkgebied"), "'Atlantis' bestaat niet"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;hele gemeente;;;;;;",), ("ketenpartners.csv", 2, "werkgebied"), "noemt geen gemeente"),
        ((SCHOOL,), ("SMW Den Haag en Rijswijk;wijkagent;Piet;hele gemeente;;;;;;",), ("ketenpartners.csv", 2, "werkgebied"),
         "meer gemeenten"),
        ((SCHOOL,), (PARTNER, PARTNER.replace("SMW Test", "smw test")), ("ketenpartners.csv", 3, "naam"), "regel 2"),
    ],
)
def test_each_kind_of_wrong_row_is_reported_and_left_out(tmp_path, schools, partners, expected, words):
    report, out = run_import(tmp_path, schools=schools, partners=partners)
    assert where(report) == {expected}, [str(p) for p in report.problems]
    assert words in report.problems[0].message
    assert not report.ok and report.complete and report.total().rejected == 1
    written = load(out, "scholen.yaml")["scholen"] + [c for o in load(out, "ketenpartners.yaml")["organisaties"]
                                                      for c in o["contacten"]]
    assert len(written) == len(schools) + len(partners) - 1


@pytest.mark.parametrize(
    ("schools", "partners", "expected", "words"),
    [
        (("IKC X;St;Schilderswijk;;toveren, gedrag;Ann;;;",), (), ("expertisekaart.csv", 2, "expertise"),
         "onbekende expertise 'toveren'"),
        (("IKC X;St;Schilderswijk;;gedrag;Ann;12;;",), (), ("expertisekaart.csv", 2, "ib_telefoon"), "'12'"),
        (("IKC X;St;Schilderswijk;;gedrag;Ann;;ann-at-x.example;",), (), ("expertisekaart.csv", 2, "ib_email"), "e-mailadres"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;Onbekende School;;;;;",), ("ketenpartners.csv", 2, "scholen"),
         "staat niet in de expertisekaart"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;;;p.proef.example;;;",), ("ketenpartners.csv", 2, "email"),
         "e-mailadres"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;;bel maar;;;;",), ("ketenpartners.csv", 2, "telefoon"), "bel maar"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;;;;;31-02-2026;",), ("ketenpartners.csv", 2, "laatst_gecontroleerd"),
         "geen bestaande datum"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;;;;;gisteren;",), ("ketenpartners.csv", 2, "laatst_gecontroleerd"),
         "geen datum"),
        ((SCHOOL,), ("SMW Test;wijkagent;Piet;Schildersbuurt;;;;;23-11-2026;",), ("ketenpartners.csv", 2, "laatst_gecontroleerd"),
         "in de toekomst"),
    ],
)
def test_a_wrong_optional_cell_is_dropped_with_a_warning_and_the_row_imported(tmp_path, schools, partners, expected, words):
    report, out = run_import(tmp_path, schools=schools, partners=partners)
    assert report.problems == [] and report.complete and not report.ok
    assert [(p.file, p.line, p.column) for p in report.warnings] == [expected]
    assert words in report.warnings[0].message and "weggelaten" in report.warnings[0].message
    written = load(out, "scholen.yaml")["scholen"] + [c for o in load(out, "ketenpartners.yaml")["organisaties"]
                                                      for c in o["contacten"]]
    assert len(written) == len(schools) + len(partners)


def test_every_problem_of_a_row_is_reported_not_only_the_first(tmp_path):
    schools = (";St;Nergenshuizen;;toveren;;12;geen-mail;",)
    partners = ("SMW Test;tovenaar;;Atlantis;;bel maar;x.example;;gisteren;",)
    report, _ = run_import(tmp_path, schools=schools, partners=partners)
    assert {(p.line, p.column) for p in report.problems if p.file == "expertisekaart.csv"} == {
        (2, "school"), (2, "wijk"), (2, "ib_naam"), (2, "expertise"), (2, "ib_telefoon"), (2, "ib_email")}
    assert {(p.line, p.column) for p in report.problems if p.file == "ketenpartners.csv"} == {
        (2, "rol"), (2, "naam"), (2, "werkgebied"), (2, "telefoon"), (2, "email"), (2, "laatst_gecontroleerd")}
    assert report.total().rejected == 2


def test_a_rejected_school_is_dropped_from_a_contact_with_a_note(tmp_path):
    schools = (SCHOOL, "IKC Zonder IB;St;Schilderswijk;;gedrag;;;;")
    partner = PARTNER.replace("IKC De Test", "IKC De Test, ikc zonder ib")
    report, out = run_import(tmp_path, schools=schools, partners=(partner,))
    assert where(report) == {("expertisekaart.csv", 3, "ib_naam")}
    assert contacts_of(out)["Piet Proef"]["scholen"] == ["IKC De Test"]
    assert any("'ikc zonder ib' weggelaten" in n and "expertisekaart.csv:3" in n for n in report.notes)
    assert report.counts["ketenpartners.csv"].normalised == 1


def test_wijk_names_are_matched_exactly_never_guessed(tmp_path):
    schools = ("IKC A;St;YPENBURG;;;Ann;;;", "IKC B;St;rijswijk buiten;;;Ann;;;", "IKC C;St;Voorburg west;;;Ann;;;",
               "IKC D;St;Den Haag: Schildersbuurt;;;Ann;;;", "IKC E;St;Ypenburgh;;;Ann;;;")
    partners = ("Politie eenheid Den Haag;wijkagent;Piet;Ypenburg, Voorburg, LV, schilderswijk;;;;;;",)
    report, out = run_import(tmp_path, schools=schools, partners=partners)
    assert where(report) == {("expertisekaart.csv", 6, "wijk")}, "a typo is no match"
    wijken = {s["naam"]: s["wijk"] for s in load(out, "scholen.yaml")["scholen"]}
    assert wijken == {"IKC A": "Den Haag: Ypenburg", "IKC B": "Rijswijk: RijswijkBuiten",
                      "IKC C": "Leidschendam-Voorburg: Voorburg-West", "IKC D": "Den Haag: Schildersbuurt"}
    assert contacts_of(out)["Piet"]["werkgebied"] == [
        "Den Haag: Ypenburg", "Leidschendam-Voorburg: kern Voorburg", "Leidschendam-Voorburg", "Den Haag: Schildersbuurt"]


def test_a_name_beats_an_alias_and_an_ambiguous_name_is_refused(tmp_path):
    gebieden = (*GEBIEDEN, "Den Haag;Laak;;;;nee", "Den Haag;Laak;Laakkwartier;Laak;;nee",
                "Rijswijk;;Centrum;;;nee", "Den Haag;Centrum;Centrum;;;nee")
    partners = ("Politie eenheid Den Haag;wijkagent;Piet;Laak;;;;;;",
                "Politie eenheid Den Haag;wijkagent;Jan;Centrum;;;;;;",
                "Politie eenheid Den Haag;wijkagent;Kees;Rijswijk: Centrum, Den Haag: Centrum;;;;;;")
    report, out = run_import(tmp_path, gebieden=gebieden, partners=partners)
    assert where(report) == {("ketenpartners.csv", 3, "werkgebied")}
    assert "past bij meer gebieden" in report.problems[0].message
    contacts = contacts_of(out)
    assert contacts["Piet"]["werkgebied"] == ["Den Haag: stadsdeel Laak"]
    assert contacts["Kees"]["werkgebied"] == ["Rijswijk: Centrum", "Den Haag: Centrum"]


def test_hele_gemeente_means_the_gemeente_named_in_the_organisation(tmp_path):
    partners = ("Jeugdteam Rijswijk;jeugdconsulent;Pri;hele gemeente;;;;;;",
                "Lokaal team Leidschendam-Voorburg;jeugdconsulent;Lot;Hele Gemeente;;;;;;")
    report, out = run_import(tmp_path, partners=partners)
    assert report.ok, [str(p) for p in report.problems]
    contacts = contacts_of(out)
    assert contacts["Pri"]["werkgebied"] == ["Rijswijk"]
    assert contacts["Lot"]["werkgebied"] == ["Leidschendam-Voorburg"]


def test_roles_map_to_the_canonical_rol_and_keep_the_label_as_functie(tmp_path):
    labels = ("jeugdarts", "Jeugdverpleegkundige", "leerplichtambtenaar (thuiszitters)", "Veilig Thuis",
              "adviseur passend onderwijs", "expertisepunt", "jeugdconsulent")
    partners = [f"Org;{label};Persoon {i};Rijswijk;;;;;;" for i, label in enumerate(labels)]
    report, out = run_import(tmp_path, partners=partners)
    assert report.ok, [str(p) for p in report.problems]
    got = [(c["rol"], c["functie"]) for c in contacts_of(out).values()]
    assert got == [("jgz", "jeugdarts"), ("jgz", "jeugdverpleegkundige"), ("leerplicht", "leerplichtambtenaar (thuiszitters)"),
                   ("veilig_thuis", "veilig thuis"), ("adviseur", "adviseur passend onderwijs"), ("steunpunt", "expertisepunt"),
                   ("jeugdteam", "jeugdconsulent")]


def test_tags_and_board_names_get_their_canonical_spelling(tmp_path):
    schools = ("IKC A;Stichting Proef;Schilderswijk;;NT2 / Anderstaligen,  Gedrag ,gedrag;Ann;;;",
               "IKC B;stichting proef;Schilderswijk;;Spraak-Taal;Ann;;;",
               "IKC C;Stichting Proef;Schilderswijk;;;Ann;;;")
    report, out = run_import(tmp_path, schools=schools, partners=())
    assert report.ok
    scholen = {s["naam"]: s for s in load(out, "scholen.yaml")["scholen"]}
    assert scholen["IKC A"]["expertise"] == ["NT2/anderstaligen", "gedrag"]
    assert scholen["IKC B"]["expertise"] == ["spraak-taal"]
    assert scholen["IKC B"]["bestuur"] == "Stichting Proef"
    assert "expertise" not in scholen["IKC C"]
    assert "expertisekaart.csv:3: bestuur: 'stichting proef' → 'Stichting Proef'" in report.notes


# ───────────────────────────── gebieden ─────────────────────────────


def test_gebieden_rows_are_checked(tmp_path):
    gebieden = (*GEBIEDEN, "Den Haag;Nergens;Wijkje;;;nee", "Den Haag;Centrum;Foutje;;12;nee",
                "Den Haag;Centrum;Raar;;;misschien", "Den Haag;Centrum;Schildersbuurt;;;ja", "Utrecht;;Lombok;;;nee",
                ";;Weesje;;;nee")
    report, _ = run_import(tmp_path, gebieden=gebieden)
    assert where(report) == {("gebieden.csv", 12, "stadsdeel"), ("gebieden.csv", 15, "wijk"),
                             ("gebieden.csv", 16, "gemeente"), ("gebieden.csv", 17, "gemeente")}
    assert [p.line for p in report.problems] == [12, 15, 16, 17], "in line order"
    assert {(p.line, p.column) for p in report.warnings} == {(13, "pc4"), (14, "pilotgebied")}
    assert "regel 4" in str(next(p for p in report.problems if p.line == 15))


def test_gebieden_row_order_does_not_matter_and_parents_match_case_insensitively(tmp_path):
    gebieden = ("den haag;centrum;Schildersbuurt;Schilderswijk;;ja", "Den Haag;Centrum;;;;ja", "Den Haag;;;;;nee",
                "Rijswijk;;;;;nee", "Leidschendam-Voorburg;;;;;nee")
    report, out = run_import(tmp_path, gebieden=gebieden)
    assert report.ok, [str(p) for p in report.problems]
    den_haag = load(out, "gebieden.yaml")["gemeenten"][0]
    assert den_haag["delen"][0]["wijken"][0]["naam"] == "Schildersbuurt"
    assert "gebieden.csv:2: gemeente: 'den haag' → 'Den Haag'" in report.notes
    assert "gebieden.csv:2: stadsdeel: 'centrum' → 'Centrum'" in report.notes


# ───────────────────────────── file formats ─────────────────────────────


def test_comma_separated_csv_with_lf_and_no_bom_works(tmp_path):
    (tmp_path / "gebieden.csv").write_text(
        "gemeente,stadsdeel,wijk,aliassen,pc4,pilotgebied\nDen Haag,,,,,nee\nDen Haag,Centrum,,,,ja\n"
        'Den Haag,Centrum,Schildersbuurt,"Schilderswijk, Schilders","2512,2515",ja\n', encoding="utf-8")
    write_csv(tmp_path / "expertisekaart.csv", SCHOOL_HEADER,
              ['IKC De Test,Stichting Proef,Schilders,"Proefstraat 1, Den Haag","gedrag, autisme",Ann Bos,,,'],
              sep=",", bom=False, newline="\n")
    write_csv(tmp_path / "ketenpartners.csv", PARTNER_HEADER, ["SMW Test,wijkagent,Piet,Schildersbuurt,,,,,,"],
              sep=",", bom=False, newline="\n")
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / "expertisekaart.csv", tmp_path / "ketenpartners.csv",
                                 tmp_path / "out", TODAY)
    assert report.ok, [str(p) for p in report.problems]
    school = load(tmp_path / "out", "scholen.yaml")["scholen"][0]
    assert school["adres"] == "Proefstraat 1, Den Haag" and school["expertise"] == ["gedrag", "autisme"]
    wijk = load(tmp_path / "out", "gebieden.yaml")["gemeenten"][0]["delen"][0]["wijken"][0]
    assert wijk == {"naam": "Schildersbuurt", "aliassen": ["Schilderswijk", "Schilders"], "pc4": ["2512", "2515"], "pilot": True}


def test_a_row_with_too_many_cells_is_refused(tmp_path):
    write_csv(tmp_path / "gebieden.csv", GEBIEDEN_HEADER, GEBIEDEN)
    write_csv(tmp_path / "expertisekaart.csv", SCHOOL_HEADER,
              ["IKC De Test,St,Schilderswijk,Proefstraat 1, Den Haag,gedrag,Ann,070-0123456,a@b.example,opm"], sep=",")
    write_csv(tmp_path / "ketenpartners.csv", PARTNER_HEADER, [])
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / "expertisekaart.csv", tmp_path / "ketenpartners.csv",
                                 None, TODAY)
    assert where(report) == {("expertisekaart.csv", 2, "")}
    assert "cellen" in report.problems[0].message


def test_columns_in_another_order_and_an_unknown_column(tmp_path):
    write_csv(tmp_path / "gebieden.csv", GEBIEDEN_HEADER, GEBIEDEN)
    write_csv(tmp_path / "expertisekaart.csv", "IB naam;School;wijk;kleur", ["Ann Bos;IKC Kort;Schilderswijk;intern"])
    write_csv(tmp_path / "ketenpartners.csv", "naam;organisatie;rol;werkgebied", ["Piet;SMW Test;wijkagent;Rijswijk"])
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / "expertisekaart.csv", tmp_path / "ketenpartners.csv",
                                 tmp_path / "out", TODAY)
    assert report.ok, [str(p) for p in report.problems]
    assert "expertisekaart.csv:1: kleur: onbekende kolom, overgeslagen" in report.notes
    assert load(tmp_path / "out", "scholen.yaml")["scholen"] == [
        {"naam": "IKC Kort", "wijk": "Den Haag: Schildersbuurt", "ib": {"naam": "Ann Bos"}}]


def test_xlsx_is_read_with_date_and_number_cells(tmp_path):
    run_import(tmp_path)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(PARTNER_HEADER.split(";"))
    sheet.append(["SMW Test", "wijkagent", "Piet Proef", "Rijswijk", "IKC De Test", 600123456, "p@test.example", "ma-vr",
                  date(2026, 10, 1), None])
    xlsx = tmp_path / "ketenpartners.xlsx"
    workbook.save(xlsx)
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / "expertisekaart.csv", xlsx, tmp_path / "x", TODAY)
    assert report.ok, [str(p) for p in report.problems]
    assert report.counts["ketenpartners.xlsx"].imported == 1
    piet = contacts_of(tmp_path / "x")["Piet Proef"]
    assert piet["telefoon"] == "06 0012 3456"
    assert str(piet["laatst_gecontroleerd"]) == "2026-10-01"


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"school;wijk\r\nX;Y\r\n", "expertisekaart.csv", "kolom ontbreekt"),
        (b"", "expertisekaart.csv", "bestand is leeg"),
        (b"\r\n;;\r\n", "expertisekaart.csv", "bestand is leeg"),
        (SCHOOL_HEADER.encode() + b"\nIKC Caf\xe9;x;y;;;;;;\n", "expertisekaart.csv", "UTF-8"),
        (b"school;wijk;wijk;ib_naam\nX;Y;Y;Z\n", "expertisekaart.csv", "twee keer"),
        (b"PK\x03\x04 not really a workbook", "expertisekaart.xlsx", "Excel-bestand"),
        (b"\xd0\xcf\x11\xe0 old excel", "expertisekaart.xls", ".xls"),
    ],
)
def test_broken_files_give_a_clear_problem_not_a_crash(tmp_path, content, name, words):
    run_import(tmp_path, out=tmp_path / "first")
    (tmp_path / name).write_bytes(content)
    out = tmp_path / "second"
    report = import_spreadsheets(tmp_path / "gebieden.csv", tmp_path / name, tmp_path / "ketenpartners.csv", out, TODAY)
    assert not report.complete and not report.ok
    assert [(p.file, p.line) for p in report.problems] == [(name, 0)]
    assert words in str(report.problems[0])
    assert not out.exists(), "nothing is written when a file cannot be read"


def test_a_missing_file_is_reported(tmp_path):
    run_import(tmp_path)
    report = import_spreadsheets(tmp_path / "nope.csv", tmp_path / "expertisekaart.csv", tmp_path / "ketenpartners.csv",
                                 None, TODAY)
    assert not report.complete
    assert [str(p) for p in report.problems] == ["nope.csv: bestand niet gevonden"]
