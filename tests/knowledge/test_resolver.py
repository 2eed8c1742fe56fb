"""The resolver on phone-typed Dutch: the bundled demo knowledge base and small made-up ones."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from wijkwijzer.knowledge.loader import BUNDLED_DIR, KnowledgeBase, check_knowledge_base, load_knowledge_base
from wijkwijzer.knowledge.resolver import (
    AMBIGUITY_MARGIN,
    MIN_SCORE,
    Candidate,
    Mention,
    one_scan_per_text,
    school_aliases,
)

TODAY = date(2026, 11, 22)
PLACES = ("wijk", "gemeente", "school")


def make_kb(directory: Path, gemeenten: list[dict], scholen: list[dict] = ()) -> KnowledgeBase:
    """A knowledge base from canonical YAML written here, with the bundled route and glossary."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {"gebieden.yaml": {"gemeenten": gemeenten}, "scholen.yaml": {"scholen": list(scholen)},
             "ketenpartners.yaml": {"organisaties": []}}
    for name, data in files.items():
        (directory / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name in ("route.yaml", "begrippen.yaml"):
        shutil.copy(BUNDLED_DIR / name, directory / name)
    kb, problems = check_knowledge_base(directory, TODAY, use_cache=False)
    assert kb is not None, problems
    return kb


@pytest.fixture(scope="module")
def resolver():
    return load_knowledge_base(today=TODAY).resolver


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """Voorburg without its kern, a wijk name in two gemeenten, two schools with one name, near-twin wijken."""
    gemeenten = [
        {"naam": "Leidschendam-Voorburg", "aliassen": ["LV"], "pc4": ["2271", "2272"], "wijken": [
            {"naam": "Voorburg-West", "aliassen": ["Voorburg West"], "pc4": ["2271"]},
            {"naam": "Voorburg-Noord", "aliassen": ["Voorburg Noord"], "pc4": ["2272"]},
            {"naam": "Damsigt"},
        ]},
        {"naam": "Zoetermeer", "wijken": [{"naam": "Centrum"}, {"naam": "Molenwijk"}, {"naam": "Molenwiek"}]},
        {"naam": "Delft", "wijken": [{"naam": "Centrum"}, {"naam": "Tanthof"}]},
    ]
    scholen = [
        {"naam": "OBS De Regenboog", "wijk": "Zoetermeer: Centrum"},
        {"naam": "CBS De Regenboog", "wijk": "Delft: Centrum"},
        {"naam": "Basisschool Het Anker", "wijk": "Delft: Tanthof"},
    ]
    return make_kb(tmp_path_factory.mktemp("small"), gemeenten, scholen).resolver


def first(resolver, text: str, kind: str) -> Mention | None:
    return next((m for m in resolver.scan(text) if m.kind == kind), None)


# ───────────── phone-typed names on the demo knowledge base ─────────────


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # typos
        ("smw'er ypenbrg?", "wijk", "Den Haag: Ypenburg"),
        ("ypenbrug", "wijk", "Den Haag: Ypenburg"),
        ("jgz schevenigen", "wijk", "Den Haag: Scheveningen"),
        ("smw voorbrug noord", "wijk", "Leidschendam-Voorburg: Voorburg-Noord"),
        ("leidschendam voorbrug", "gemeente", "Leidschendam-Voorburg"),
        ("rijswjik", "gemeente", "Rijswijk"),
        ("wie is de wijkagent in transvaalkwartir", "wijk", "Den Haag: Transvaalkwartier"),
        ("leerplicht bezuidenhoud", "wijk", "Den Haag: Bezuidenhout"),
        ("vliegewolk", "school", "IKC De Vliegerwolk"),
        ("leerplicht de vliegerwlok", "school", "IKC De Vliegerwolk"),
        ("ontwikkelingsperspektief", "begrip", "Ontwikkelingsperspectief (OPP)"),
        ("leerplichtamtenaar", "rol", "leerplicht"),
        ("jeugdvepleegkundige", "rol", "jgz"),
        # split and glued words
        ("vlieger wolk", "school", "IKC De Vliegerwolk"),
        ("voorburgwest", "wijk", "Leidschendam-Voorburg: Voorburg-West"),
        ("denhaag", "gemeente", "Den Haag"),
        ("wijkagent'ypenburg", "wijk", "Den Haag: Ypenburg"),
        # exact wijk over same-named stadsdeel
        ("ypenburg", "wijk", "Den Haag: Ypenburg"),
        ("Scheveningen", "wijk", "Den Haag: Scheveningen"),
        ("centrum", "wijk", "Den Haag: Centrum"),
        ("loosduinen", "wijk", "Den Haag: Loosduinen"),
        ("stadsdeel centrum", "wijk", "Den Haag: stadsdeel Centrum"),
        ("den haag centrum", "wijk", "Den Haag: stadsdeel Centrum"),
        # aliases
        ("schilderswijk", "wijk", "Den Haag: Schildersbuurt"),
        ("Transvaal", "wijk", "Den Haag: Transvaalkwartier"),
        ("statenkwartier", "wijk", "Den Haag: Geuzen- en Statenkwartier"),
        ("geuzen statenkwartier", "wijk", "Den Haag: Geuzen- en Statenkwartier"),
        ("scheveningen dorp", "wijk", "Den Haag: Scheveningen"),
        ("Scheveningen-Dorp", "wijk", "Den Haag: Scheveningen"),
        ("kortenbos", "wijk", "Den Haag: Centrum"),
        ("spoorwijk", "wijk", "Den Haag: Laakkwartier en Spoorwijk"),
        ("wateringseveld", "wijk", "Den Haag: Wateringse Veld"),
        ("de heuvel", "wijk", "Leidschendam-Voorburg: De Heuvel/Amstelwijk"),
        ("voorburg west", "wijk", "Leidschendam-Voorburg: Voorburg-West"),
        ("voorburg", "wijk", "Leidschendam-Voorburg: kern Voorburg"),
        ("leidschendam", "wijk", "Leidschendam-Voorburg: kern Leidschendam"),
        ("stompwijk", "wijk", "Leidschendam-Voorburg: Stompwijk"),
        ("sion", "wijk", "Rijswijk: RijswijkBuiten"),
        ("rijswijk-buiten", "wijk", "Rijswijk: RijswijkBuiten"),
        ("oud-rijswijk", "wijk", "Rijswijk: Oud Rijswijk"),
        ("LV", "gemeente", "Leidschendam-Voorburg"),
        ("l-v", "gemeente", "Leidschendam-Voorburg"),
        ("Leidschendam/Voorburg", "gemeente", "Leidschendam-Voorburg"),
        ("dh", "gemeente", "Den Haag"),
        ("wateringen", "gemeente", "Westland"),
        ("naaldwijk", "gemeente", "Westland"),
        ("nootdorp", "gemeente", "Pijnacker-Nootdorp"),
        ("den hoorn", "gemeente", "Midden-Delfland"),
        ("delft", "gemeente", "Delft"),
        # diacritics and apostrophes
        ("Ypenbúrg", "wijk", "Den Haag: Ypenburg"),
        ("'s-Gravenhage", "gemeente", "Den Haag"),
        ("s gravenhage", "gemeente", "Den Haag"),
        ("’t Haantje", "wijk", "Rijswijk: RijswijkBuiten"),
        # schools with and without type and article
        ("IKC De Vliegerwolk", "school", "IKC De Vliegerwolk"),
        ("de vliegerwolk", "school", "IKC De Vliegerwolk"),
        ("het propellerpad", "school", "Basisschool Het Propellerpad"),
        ("sbo spoorwiel", "school", "SBO Het Spoorwiel"),
        ("bovenveense wilg", "school", "IKC De Bovenveense Wilg"),
        # roles, expertise, glossary
        ("smwer", "rol", "smw"),
        ("SMW-er", "rol", "smw"),
        ("schoolmaatschappelijk werker", "rol", "smw"),
        ("cjg", "rol", "jgz"),
        ("lpa", "rol", "leerplicht"),
        ("lokaal team", "rol", "jeugdteam"),
        ("vt", "rol", "veilig_thuis"),
        ("ib'er", "rol", "ib"),
        ("nt2", "expertise", "NT2/anderstaligen"),
        ("plusklas", "expertise", "hoogbegaafdheid"),
        ("hb", "expertise", "hoogbegaafdheid"),
        ("tos", "expertise", "spraak-taal"),
        ("dyscalculie", "expertise", "rekenen"),
        ("wat is een opp", "begrip", "Ontwikkelingsperspectief (OPP)"),
        ("tlv aanvragen", "begrip", "Toelaatbaarheidsverklaring (TLV)"),
    ],
)
def test_phone_typed_names(resolver, text, kind, expected):
    mention = first(resolver, text, kind)
    assert mention is not None, f"nothing of kind {kind} in {text!r}"
    assert mention.best.id == expected
    assert MIN_SCORE <= mention.best.score <= 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wie zit er bij leerplicht voor de vliegerwolk", {"rol": "leerplicht", "school": "IKC De Vliegerwolk"}),
        ("welk jeugdteam als de leerling in rijswijk woont", {"rol": "jeugdteam", "gemeente": "Rijswijk"}),
        ("welke school in Scheveningen heeft NT2",
         {"wijk": "Den Haag: Scheveningen", "expertise": "NT2/anderstaligen"}),
        ("Wie is de SMW'er voor Ypenburg?", {"rol": "smw", "wijk": "Den Haag: Ypenburg"}),
        ("jgz en wijkagent transvaal", {"rol": "jgz", "wijk": "Den Haag: Transvaalkwartier"}),
    ],
)
def test_sentences_give_every_mention(resolver, text, expected):
    found = {}
    for mention in resolver.scan(text):
        found.setdefault(mention.kind, mention.best.id)
    assert {k: found.get(k) for k in expected} == expected


def test_mentions_come_in_text_order_with_their_spans(resolver):
    mentions = [m for m in resolver.scan("smw voorbrug noord en jgz") if m.kind in ("rol", "wijk")]
    assert [(m.kind, m.best.start, m.best.end) for m in mentions] == [("rol", 0, 1), ("wijk", 1, 3), ("rol", 4, 5)]


def test_kinds_limit_what_scan_looks_for(resolver):
    assert {m.kind for m in resolver.scan("smw ypenburg nt2", kinds=["rol"])} == {"rol"}
    assert resolver.scan("smw ypenburg", kinds=[]) == []


# ───────────── no bad guesses ─────────────


@pytest.mark.parametrize(
    "text",
    ["wie is de", "de", "het", "hoe laat is het", "het weer morgen", "ok", "dank je wel", "ik heb een vraag",
     "mijn leerling is verdrietig", "kan iemand me bellen", "school", "wijk", "groep 8", "ik wil meer weten",
     "noord", "xqzw", "banaan", "amsterdam", "utrecht", "de heuvelrug", "wie is het", ""],
)
def test_nothing_close_gives_no_place(resolver, text):
    assert not [m for m in resolver.scan(text) if m.kind in PLACES]
    for kind in PLACES:
        assert resolver.resolve(text, kind) == []


def test_function_words_never_name_a_school(small):
    assert first(small, "wie is de", "school") is None
    assert first(small, "het", "school") is None
    assert first(small, "anker", "school").best.id == "Basisschool Het Anker"


def test_school_aliases_drop_type_and_article():
    assert school_aliases("IKC De Vliegerwolk") == {"ikc de vliegerwolk", "de vliegerwolk", "vliegerwolk"}
    assert school_aliases("Basisschool Het Propellerpad") >= {"het propellerpad", "propellerpad"}
    assert "noord" not in school_aliases("IKC Noord")


# ───────────── ambiguity ─────────────


def test_a_wijk_and_its_stadsdeel_by_the_same_name_are_one_answer(resolver):
    for text in ("ypenburg", "smw ypenbrg", "scheveningen", "centrum"):
        mention = first(resolver, text, "wijk")
        assert not mention.ambiguous, text
        assert resolver.kb.areas[mention.best.id].soort == "wijk"


def test_voorburg_is_the_kern_even_with_a_typo(resolver):
    for text in ("voorburg", "voorbrug"):
        candidates = resolver.resolve(text, "wijk")
        assert candidates[0].id == "Leidschendam-Voorburg: kern Voorburg"
        assert all(candidates[0].score - c.score > AMBIGUITY_MARGIN for c in candidates[1:])
        assert not first(resolver, f"smw {text}", "wijk").ambiguous


def test_a_name_is_not_read_as_part_of_a_longer_name(resolver):
    assert resolver.resolve("rijswijk", "wijk") == []
    assert resolver.resolve("rijswijk", "gemeente")[0].id == "Rijswijk"
    assert resolver.resolve("geuzen", "wijk")[0].id == "Den Haag: Geuzen- en Statenkwartier"


def test_a_partial_name_that_fits_two_wijken_is_ambiguous(small):
    for text in ("voorburg", "voorbrug"):
        candidates = small.resolve(text, "wijk")
        assert {c.name for c in candidates[:2]} == {"Voorburg-West", "Voorburg-Noord"}
        assert candidates[0].score == candidates[1].score
        mention = first(small, f"wie is de smw in {text}", "wijk")
        assert mention.ambiguous
        assert {c.name for c in mention.alternatives} == {"Voorburg-West", "Voorburg-Noord"}


def test_more_of_the_name_settles_it(small, resolver):
    for kb_resolver in (small, resolver):
        candidates = kb_resolver.resolve("voorburg w", "wijk")
        assert candidates[0].id == "Leidschendam-Voorburg: Voorburg-West"
        assert not first(kb_resolver, "smw voorburg w", "wijk").ambiguous


def test_same_wijk_name_in_two_gemeenten_is_ambiguous(small):
    mention = first(small, "smw centrum", "wijk")
    assert mention.ambiguous
    assert {c.id for c in mention.alternatives} == {"Zoetermeer: Centrum", "Delft: Centrum"}


def test_two_schools_with_one_name_are_ambiguous(small):
    mention = first(small, "leerplicht de regenboog", "school")
    assert mention.ambiguous
    assert {c.id for c in mention.alternatives} == {"OBS De Regenboog", "CBS De Regenboog"}
    assert not first(small, "leerplicht obs de regenboog", "school").ambiguous


def test_a_typo_between_two_names_is_ambiguous_but_an_exact_name_is_not(small):
    mention = first(small, "wijkagent molenwik", "wijk")
    assert mention.ambiguous
    assert {c.name for c in mention.alternatives} == {"Molenwijk", "Molenwiek"}
    exact = first(small, "wijkagent molenwijk", "wijk")
    assert exact.best.name == "Molenwijk" and not exact.ambiguous


def test_generic_words_do_not_name_a_wijk_by_part(small):
    for text in ("noord", "west", "smw noord"):
        assert first(small, text, "wijk") is None, text


# ───────────── resolve: the whole answer is a name ─────────────


def test_resolve_ranks_and_scores(resolver):
    exact = resolver.resolve("Ypenburg", "wijk")
    assert exact[0] == Candidate("wijk", "Den Haag: Ypenburg", "Ypenburg", 100.0, 0, 1, "ypenburg")
    typo = resolver.resolve("ypenbrg", "wijk")
    assert typo[0].id == "Den Haag: Ypenburg" and MIN_SCORE <= typo[0].score < 100
    several = resolver.resolve("voorburg", "wijk")
    assert [c.score for c in several] == sorted((c.score for c in several), reverse=True)
    assert len(resolver.resolve("voorburg", "wijk", limit=1)) == 1


def test_resolve_ignores_function_words_but_not_other_words(resolver):
    assert resolver.resolve("in ypenburg graag", "wijk")[0].score == 100
    kern = resolver.resolve("leidschendam voorbrug", "wijk")
    gemeente = resolver.resolve("leidschendam voorbrug", "gemeente")
    assert gemeente[0].id == "Leidschendam-Voorburg"
    assert not kern or kern[0].score < gemeente[0].score


def test_resolve_keeps_to_its_kind(resolver):
    assert resolver.resolve("den haag", "wijk") == []
    assert resolver.resolve("ypenburg", "school") == []
    assert resolver.resolve("smw", "rol")[0].id == "smw"
    assert resolver.resolve("plusklas", "expertise")[0].id == "hoogbegaafdheid"


# ───────────── postcodes ─────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jgz voor 2497", "2497"),
        ("leerling woont in 2497 AB", "2497"),
        ("2497ab", "2497"),
        ("2583", "2583"),
        ("woont op 2611", "2611"),
        ("postcode 9999", "9999"),
        ("de leerling woont in 1012, welk jeugdteam", "1012"),
        ("woont sinds 2019 in delft", None),
        ("1012 AB", "1012"),
        ("groep 8 sinds 2026", None),
        ("sinds 2026 is het erger", None),
        ("bel 070-0123456", None),
        ("16 uur in 4 weken", None),
        ("1234 SS", None),
        ("12345", None),
        ("0999", None),
    ],
)
def test_postcode(resolver, text, expected):
    assert resolver.postcode(text) == expected


@pytest.mark.parametrize(
    ("pc4", "wijken"),
    [("2583", {"Scheveningen", "Duindorp", "Geuzen- en Statenkwartier"}), ("2497", {"Hoornwijk", "Ypenburg"})],
)
def test_a_postcode_in_several_wijken_asks_back(resolver, pc4, wijken):
    areas = resolver.areas_for_postcode(pc4)
    found = [a.naam for a in areas if a.soort == "wijk"]
    assert set(found) == wijken
    assert [a.soort for a in areas] == ["wijk"] * len(found) + ["stadsdeel", "gemeente"]


def test_a_postcode_in_one_wijk_or_only_a_gemeente(resolver):
    assert [a.id for a in resolver.areas_for_postcode("2498")] == [
        "Den Haag: Ypenburg", "Den Haag: stadsdeel Leidschenveen-Ypenburg", "Den Haag"]
    assert [a.id for a in resolver.areas_for_postcode("2285")] == ["Rijswijk"]
    assert [a.id for a in resolver.areas_for_postcode("2271")] == [
        "Leidschendam-Voorburg: kern Voorburg", "Leidschendam-Voorburg"]
    assert resolver.areas_for_postcode("1012") == []


def test_the_knowledge_base_builds_its_resolver_once(tmp_path):
    kb = make_kb(tmp_path, [{"naam": "Delft", "wijken": [{"naam": "Tanthof"}]}])
    assert kb.resolver is kb.resolver
    assert first(kb.resolver, "tanthof", "wijk").best.id == "Delft: Tanthof"


@pytest.mark.parametrize(("text", "expected"), [
    ("jgz ypnbrg", ["Ypenburg"]),
    ("smw vlierwolk", ["IKC De Vliegerwolk"]),
    ("leerplicht schevningn", ["Scheveningen"]),
    ("jgz leidschndm", ["Leidschendam"]),
    ("jgz rijswyk", ["Rijswijk"]),
])
def test_words_further_off_than_one_typo_are_suggested_not_resolved(resolver, text, expected):
    assert [m.best.kind for m in resolver.scan(text) if m.best.kind in ("wijk", "gemeente", "school")] == []
    assert [c.name for c in resolver.suggest(text)] == expected


@pytest.mark.parametrize("text", [
    "wie is de jgz", "xqzwv", "smw ypenburg", "hallo daar", "leerplicht", "welk jeugdteam hoort bij ons",
    "signaal: meiden groep 8 drinken alcohol in het weekend", "wat houdt zorgplicht in", "meer kinderen komen te laat",
])
def test_no_suggestion_for_known_words_or_nothing_like_a_name(resolver, text):
    assert resolver.suggest(text) == []


SHARED_SCAN_TEXTS = ("smw ypenburg", "wie is de lpa voor de vliegerwolk en voor laak", "jgz centrum of rijswijk",
                     "welke school heeft nt2 in moerwijk", "smw voor moerwijk en voor bouwlust",
                     "wat is een tlv en wie is de ib van de papaverklok", "stations", "voorbrug w",
                     "ouders willen geen opp in leidschendam", "")
SHARED_SCAN_KINDS = (None, PLACES, ("rol",), ("school",), ("wijk", "gemeente"), ("begrip", "rol"), ("expertise",),
                     ("school", "rol"))


@pytest.mark.parametrize("text", SHARED_SCAN_TEXTS)
def test_a_turn_scanning_a_text_once_reads_the_same_mentions_for_every_kind(resolver, text):
    """Within one turn a text is scanned once for every kind and each caller gets its kinds from
    that; grouping is per family, so that must equal a scan for those kinds alone."""
    alone = [resolver.scan(text, kinds) for kinds in SHARED_SCAN_KINDS]
    with one_scan_per_text():
        shared = [resolver.scan(text, kinds) for kinds in SHARED_SCAN_KINDS]
        again = [resolver.scan(text, kinds) for kinds in reversed(SHARED_SCAN_KINDS)]
    assert shared == alone
    assert again == alone[::-1]


@pytest.fixture(scope="module")
def overlapping(tmp_path_factory):
    """Schools named after (or a typo away from) a wijk: a scan for schools alone reads other
    mentions than the places of a scan for every kind."""
    gemeenten = [{"naam": "Delft", "wijken": [{"naam": "Tanthof"}, {"naam": "Molenwijk"}]}]
    scholen = [{"naam": "Basisschool Tanthof", "wijk": "Delft: Tanthof"},
               {"naam": "De Molenwiek", "wijk": "Delft: Molenwijk"}]
    return make_kb(tmp_path_factory.mktemp("overlapping"), gemeenten, scholen).resolver


@pytest.mark.parametrize("text", ["tanthof", "molenwijk", "de molenwijk smw", "tanthof school", "molenwiek"])
def test_a_shared_scan_never_answers_part_of_the_places_from_a_scan_of_all_places(overlapping, text):
    alone = [overlapping.scan(text, kinds) for kinds in SHARED_SCAN_KINDS]
    with one_scan_per_text():
        shared = [overlapping.scan(text, kinds) for kinds in SHARED_SCAN_KINDS]
    assert shared == alone
