"""Personal data about children is found before anything is stored; ordinary signals pass.

The cases are the issue's and SECURITY.md's own examples; the evaluation sets in eval/privacy
measure the detector on many more (eval/run_privacy.py)."""

from __future__ import annotations

from datetime import date

import pytest

from wijkwijzer.core.privacy import allowed_words, describe, find_personal_data, words_of
from wijkwijzer.knowledge.loader import load_knowledge_base

ALLOWED = frozenset({"scheveningen", "ypenburg", "vliegerwolk", "ikc", "de"})
TODAY = date(2026, 12, 6)


def found(text: str) -> dict[str, str]:
    return {f.kind: f.text for f in find_personal_data(text, ALLOWED, today=TODAY)}


@pytest.mark.parametrize(("text", "kind", "piece"), [
    ("Sara uit groep 5 is vaak afwezig", "naam", "Sara"),
    ("sara uit groep 5 is vaak afwezig", "naam", "sara"),
    ("Mo (8) komt steeds te laat", "naam", "Mo"),
    ("mo (8) komt steeds te laat", "naam", "mo"),
    ("zorgen om Mekdes: ze is erg snel boos", "naam", "Mekdes"),
    ("Büşra uit groep 7 huilt vaak", "naam", "Büşra"),
    ("fam. Yılmaz heeft geen geld voor de schoolreis", "naam", "Yılmaz"),
    ("mevr. de Vries wil een gesprek", "naam", "Vries"),
    ("J.d.V. zit al drie weken thuis", "naam", "J.d.V."),
    ("Noah de V. uit groep 6 is stil", "naam", "Noah de V."),
    ("broer van ilyas zit in groep 5", "naam", "ilyas"),
    ("bsn 111222333", "bsn", "111222333"),
    ("bsn 1112.22.333", "bsn", "1112.22.333"),
    ("onderwijsnummer 101234503 staat in het dossier", "onderwijsnummer", "101234503"),
    ("nummer 123456789 staat in het dossier", "nummer", "123456789"),
    ("lln 20431 uit gr 6 is al 4 weken ziek", "nummer", "20431"),
    ("leerlingnr. 4471 heeft de intake gehad", "nummer", "4471"),
    ("bel moeder op 06-12345678", "telefoon", "06-12345678"),
    ("vader: +31 (0)6 1234 5678", "telefoon", "+31 (0)6 1234 5678"),
    ("0031 70 1234567 is het huis", "telefoon", "0031 70 1234567"),
    ("mail naar ouder@voorbeeld.nl", "email", "ouder@voorbeeld.nl"),
    ("mail jan at school punt nl", "email", "jan at school punt nl"),
    ("ze zet filmpjes op insta: sara_2015", "handle", "sara_2015"),
    ("wordt gepest door @xkillerx", "handle", "@xkillerx"),
    ("geboren 12-03-2016", "geboortedatum", "12-03-2016"),
    ("nieuwe kleuter, geb 02112017, komt uit Polen", "geboortedatum", "02112017"),
    ("geboren 14-03-'18, nog niet zindelijk", "geboortedatum", "14-03-'18"),
    ("aanmelding meisje geboren 9 januari '16", "geboortedatum", "9 januari '16"),
    ("is op 12 maart 2016 geboren", "geboortedatum", "12 maart 2016"),
    ("woont op de Dorpsstraat 12", "adres", "Dorpsstraat 12"),
    ("woont op dorpsstraat 12", "adres", "dorpsstraat 12"),
    ("verhuisd naar 2491ab 7", "postcode", "2491ab"),
    ("woont in 2497 AB", "postcode", "2497 AB"),
    ("de enige jongen in groep 6 met epilepsie wordt gepest", "kind", "de enige jongen"),
    ("bsn 666-644-263 staat niet in het register", "bsn", "666-644-263"),
    ("Bsn:429.781.775 graag koppelen", "bsn", "429.781.775"),
    ("ll l-84189 groep 7 verzuim 40%", "nummer", "l-84189"),
    ("Leerling 9560: moeder heeft geen vaste woonplek", "nummer", "9560"),
    ("nr 2016-0899 uit groep 5 heeft een OPP nodig", "nummer", "2016-0899"),
    ("Hoi, 7863 groep 6 dyslexie-onderzoek afgewezen", "nummer", "7863"),
    ("kun je 6459 even checken in ParnasSys", "nummer", "6459"),
    ("kofi uit groep 3 slaapt slecht", "naam", "kofi"),
    ("in groep vijf wordt de jongen met de oogprothese buitengesloten", "kind", "de jongen met de oogprothese"),
    ("de dochter van de wethouder uit groep 5 is vaak overstuur", "kind", "de dochter van de wethouder"),
    ("de enige Chinese leerling in groep 6a zegt niets meer", "kind", "de enige Chinese leerling"),
])
def test_personal_data_is_found(text, kind, piece):
    assert found(text).get(kind, "").startswith(piece) or piece in found(text).get(kind, ""), found(text)


@pytest.mark.parametrize("text", [
    "steeds meer angstklachten in groep 8, wijk Scheveningen",
    "veel kinderen uit groep 7 en 8 hebben geen ontbijt",
    "in 2024 is het verzuim gestegen",
    "Veilig Thuis 0800-2000 heeft nieuwe openingstijden",
    "schooltijden 8.45-15.00, de BSO zit vol",
    "in schooljaar 2025-2026 al 14 thuiszitters",
    "na de Kerstvakantie en de Ramadan meer verzuim",
    "rond Koningsdag en in de Cito-week veel buikpijn",
    "Stichting Leergeld helpt niet meer met de schoolreis",
    "Youz en Horizon hebben een wachtlijst van een half jaar",
    "op IKC De Vliegerwolk veel vragen over de TLV",
    "steeds meer Poolse en Oekraïense kinderen in de onderbouw",
    "op het Hobbemaplein wordt na school gevochten",
    "De Gruffalo voorgelezen in groep 3, kleuters vonden het eng",
    "leerling snijdt zichzelf, wat moet ik doen",
    "postcode 2611 SS hoort niet bij ons",
    "netwerkbijeenkomst op 12 maart 2027 in Ypenburg",
    "een leerling in groep 5 komt vaak te laat",
    "in schooljaar 2025-2026 hadden leerlingen nummer 1 tot 30 een laptop",
    "bel het nummer 0800-2000 bij twijfel",
    "HGW werkt niet voor de ISK-kinderen, vraag het aan JINC",        # capitals in a lower-case sentence
    "mijn hoop is dat we na de zomer een vaste SMW'er krijgen",        # a role
    "de Kaapverdische ouders organiseren een feest voor Homowo",       # a demonym, a feast
    "leerling Spijbelt steeds op vrijdag, wanneer moet ik melden",      # a verb after 'leerling'
    "er zijn veel schorsingen in groep 8 dit jaar",                    # a plural before 'in groep'
    "in groep 5 lezen we Matilda van Roald Dahl",                      # an author
    "we gaan met groep 7 naar het Meisje met de parel",                # a painting, not a child
])
def test_ordinary_signals_pass(text):
    assert found(text) == {}


def test_the_refusal_quotes_what_was_found():
    text = describe(find_personal_data("Mo (8) uit groep 4, bel 06-12345678", ALLOWED, today=TODAY))
    assert text == "«Mo» lijkt een naam en «06-12345678» lijkt een telefoonnummer"


# ───────────── mechanisms: unknown capitalised words, English, possessives, abbreviations ─────────────

@pytest.mark.parametrize("text", [
    "ouders uit Asmara en Kharkiv vragen om een tolk",        # a place after 'uit'
    "we communiceren via Parro en Klasbord met ouders",        # apps after 'via'
    "tijdens Diwali en Hanukkah vragen ouders verlof",         # events after 'tijdens'
    "de kinderen kijken Frozen en spelen het na",              # a film: no person's verb follows
    "graag z.s.m. reactie, just saying",                       # dotted abbreviation, English
    "as I said, the wachtlijst is te lang",
    "Prinses Amalia bezocht de school",                        # a public figure
    "veel ADHD-kinderen in groep 6, wat kunnen we doen",       # a hyphenated word before 'in groep'
])
def test_unknown_capitalised_words_and_english_are_no_names(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("zie ik dat Tsegai zich steeds terugtrekt", "Tsegai"),     # a person's word follows an unknown name
    ("Quillans stiefvader belde boos", "Quillans"),             # possessive before a family word
    ("Yarelis moeder is ziek", "Yarelis"),
])
def test_unknown_names_in_a_persons_position_are_found(text, piece):
    assert piece in found(text).get("naam", ""), found(text)


@pytest.mark.parametrize(("text", "kind", "piece"), [
    ("de kinderen van de la reystraat nr 18 staan om 7 uur op straat", "adres", "reystraat nr 18"),
    ("hij nodigt jongere kinderen uit op discord (Sk8rBoy#4471)", "handle", "Sk8rBoy#4471"),
    ("Montessorischool Duinzicht bovenbouw: de jongen met een beenprothese mist gym", "kind", "beenprothese"),
    ("in groep 5 van de Dukdalf is het jongetje wiens vader is doodgeschoten erg angstig", "kind", "wiens vader"),
])
def test_more_personal_data_from_an_independent_set_is_found(text, kind, piece):
    found = find_personal_data(text)
    assert any(f.kind == kind and piece in f.text for f in found), found


# ───────────── dev5 (eval/privacy/dev5): kinds that were missed or refused before ─────────────
# Written for these tests, not taken from any evaluation set.

@pytest.mark.parametrize(("text", "kind"), [
    # one child without a name: a parent's job (with an adjective, without an article), a special
    # class, a health trait (mental health, allergies, injuries, transplants), in the news
    ("de jongste dochter van de bakker zit in groep 4 en heeft een angststoornis", "kind"),
    ("zoontje van de imam, groep 3, is net gediagnosticeerd", "kind"),
    ("in de taalklas van onze school zit een meisje met een ernstige pinda-allergie", "kind"),
    ("het pleegkind in 7b is sinds de zomer depressief", "kind"),
    ("het meisje dat vorige maand in de krant stond zit in groep 6 bij ons", "kind"),
    ("een jongen uit groep 8 heeft na een val hersenletsel opgelopen", "kind"),
    ("de enige surinaams-hindoestaanse leerling in 4a krijgt medicatie", "kind"),
    # names: a name given with 'heet', an age right after, a double first name
    ("er is een kind in mijn klas, hij heet daan en hij eet niet", "naam"),
    ("vraag over amir, hij is 7 en slaapt slecht", "naam"),
    ("Lise-Lotte (groep 5) wordt buitengesloten", "naam"),
    # a birthday given as turning an age on a day; a gamer tag in mixed case
    ("ze wordt op 14 februari 9 jaar en mag trakteren", "geboortedatum"),
    ("hij speelt fortnite als dArKsTaR en wordt uitgescholden", "handle"),
])
def test_dev5_kinds_of_personal_data_are_found(text, kind):
    assert kind in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Max. 30 leerlingen per groep, dat is ons beleid",              # an abbreviation before a number
    "de Anne Frankstraat is dicht vanwege werkzaamheden",           # a street named after a person
    "de kinderen van de Jan Ligthartschool doen mee",               # a school named after a person
    "groep 6 leest Het Geheim van de Ooievaar, prachtig",           # a book's title after 'leest'
    "door storm Eunice was het plein dicht",                        # a named storm
    "cohort 2016 scoort hoger op rekenen",                          # an administrative word
    "@GGDHaaglanden deelde een filmpje over gezonde lunch",         # the account of a known organisation
])
def test_dev5_look_alikes_of_personal_data_pass(text):
    assert find_personal_data(text, frozenset({"haaglanden"}), today=TODAY) == [], find_personal_data(
        text, frozenset({"haaglanden"}), today=TODAY)


@pytest.mark.parametrize(("text", "kind"), [
    # a rephrase that puts what was refused in front (issue 13): a surname as the first word,
    # a pupil number before its label, a bare child noun or 'enige …' opening the text
    ("Wiśniewski belde vanochtend over het verzuim van zijn zoon", "naam"),
    ("Demirci gesprek gehad over de overstap naar het vo", "naam"),
    ("48213 lln nr. heeft nog geen intake gehad", "nummer"),
    ("jongen heeft sinds kort diabetes, groep 5 van onze school", "kind"),
    ("enige dove meisje in groep 3 mist de instructie", "kind"),
])
def test_what_a_rephrase_puts_in_front_is_found(text, kind):
    assert kind in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Stichting Leergeld betaalt de schoolreis niet meer",     # an organisation opens the text
    "Jongen of meisje, maakt niet uit: veel buikpijn in groep 6",
])
def test_an_opening_word_alone_is_no_personal_data(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize(("text", "kind"), [
    # kinds the dev7 set showed, in other words
    ("geb: 2015/11/03, het systeem pakt de datum niet", "geboortedatum"),
    ("haar geboortedag is 03-11, ze is de jongste van de klas", "geboortedatum"),
    ("llnmr. 5521 verzuimt al weken", "nummer"),
    ("leerlingnummer 45 812 staat dubbel in het systeem", "nummer"),
])
def test_dev7_kinds_of_personal_data_are_found(text, kind):
    assert kind in found(text), found(text)


@pytest.mark.parametrize("text", [
    "graag de agenda t.a.v. de ib'er sturen",                       # an abbreviation with dots
    "met sint maarten gaan veel kinderen alleen langs de deuren",    # a feast with a name in it
    "de nieuwe leesboeken zijn te leen in de bieb",                  # 'te leen'
    "de kleuters spelen het verhaal van de ark van noach na",        # a story
    "we lezen Annie M.G. Schmidt voor in groep 3",                   # an author with initials
])
def test_dev7_look_alikes_of_personal_data_pass(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize(("text", "kind"), [
    # kinds the dev8 set showed, in other words
    ("geb.04/11/2016, graag een afspraak bij de jgz", "geboortedatum"),
    ("ze wordt zaterdag 9 (12 mrt) en er komt niemand op haar feestje", "geboortedatum"),
    ("hij is een decemberkind van 2017, dus de jongste", "geboortedatum"),
    ("geboren op zeven maart tweeduizend achttien", "geboortedatum"),
    ("geboren half juli 17 en nog steeds niet zindelijk", "geboortedatum"),
    ("leerlingnummer 3 1 0 7 7 is al drie weken ziek", "nummer"),
    ("ll nr is vier vier nul twee acht, kun je meekijken", "nummer"),
    ("llnrs 3301 en 3302 zijn broer en zus", "nummer"),
    ("het gaat om 5521 (gr 7) met veel verzuim", "nummer"),
    ("oma (ans) haalt hem elke dag op", "naam"),
    ("j. van leeuwen (vader) wil een gesprek", "naam"),
    ("de kleindochter van de schoonmaakster zit in groep 5 en is veel ziek", "kind"),
    ("de vierling uit groep 2 heeft extra hulp nodig", "kind"),
    ("die jongen met de gebroken arm uit groep 4 zegt dat hij van de trap viel", "kind"),
    ("onze enige leerling met een stoma zit in groep 6", "kind"),
])
def test_dev8_kinds_of_personal_data_are_found(text, kind):
    assert kind in found(text), found(text)


@pytest.mark.parametrize("text", [
    "ticketnummer 58821 bij de servicedesk is nog niet opgelost",   # a ticket
    "bestelnr 773104 is binnen, wie pakt de dozen uit",             # an order
    "de subsidie is 24000 per jaar voor de hele wijk",              # an amount of money
    "het 09001234 nummer van de gemeente is overbelast",            # a service number
    "vanaf welke leeftijd is een kind leerplichtig?",               # an adjective after 'kind'
    "Sint en Piet komen dit jaar met de boot",                      # Sinterklaas
    "leerlingen geboren na 1 oktober starten later in groep 3",     # children in general
])
def test_dev8_look_alikes_of_personal_data_pass(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize("text", [
    # pupil numbers as the dev9 set typed them: in two groups, digit by digit, read out
    "graag overleg over 19 644 gedrag escaleert in de middag",
    "lln.nr: 19.114 // ouders gescheiden, vader wil inzage",
    "vraagje ivm leerling #31.420 mag ik het groeidocument delen",
    "wie is de adviseur voor 21_447? woont in laak",
    "leerlingnr. 2-0-5-5-8 toestemmingsformulier kwijt",
    "ik stuur je straks het groeidocument van nr twee nul negen een vier",
    "eenentwintig nul vijf acht, dat is het nummer vd leerling",
    "leerling twintigduizend negenhonderddrie is weer ziek gemeld",
    "4471 zit al 3 weken thuis, wie is de lpa",                  # a number as the subject
])
def test_dev9_pupil_numbers_are_found(text):
    assert "nummer" in found(text), found(text)


@pytest.mark.parametrize("text", [
    "ons swv heeft 21.500 leerlingen, hoeveel daarvan hebben een opp",   # a count
    "via het npo hebben we € 12.500 voor extra begeleiding",              # money
    "ruim 12 000 kinderen in de regio leven in armoede",                  # an approximate count
    "leerplicht bereik je via 14 070 toch?",                              # the gemeente's 14 + area code
    "in groep 1 tellen we een twee drie vier bij het springen",           # counting aloud
    "2026 is het jaar dat het swv de route aanpast",                      # a year as the subject
])
def test_dev9_numbers_that_count_pass(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize("text", [
    "die ene kleuter bij de hangaarduil die steeds bijt, ouders zijn woedend",
    "zoontje van de schoonmaakster van de rivierparel zit elke avond alleen te wachten",
    "de jongen uit het gezin met 9 kinderen, groep 5 leyenlinde, heeft dezelfde kleren aan",
    "groep 3 van de uithofuil: meisje met de gehoorapparaatjes, wie vraagt begeleiding aan",
])
def test_a_child_singled_out_at_a_school_the_knowledge_base_names_is_found(text):
    allowed = allowed_words(load_knowledge_base())
    assert any(f.kind == "kind" for f in find_personal_data(text, allowed, today=TODAY)), text


def test_school_names_mark_only_their_distinctive_words():
    allowed = allowed_words(load_knowledge_base())
    assert "school:vliegerwolk" in allowed
    assert "school:basisschool" not in allowed and "school:ypenburg" not in allowed


def test_a_handle_with_a_place_name_and_a_number_is_a_persons():
    allowed = allowed_words(load_knowledge_base())
    found = find_personal_data("er wordt gepest via tiktok @mo_laakkwartier14", allowed, today=TODAY)
    assert [f.kind for f in found] == ["handle"]
    assert find_personal_data("volg @GGDHaaglanden voor de updates", allowed, today=TODAY) == []


def test_turning_an_age_on_a_day_is_a_birth_date():
    assert "geboortedatum" in found("groep 8 jongen wordt op 8 juli al 13, mag hij blijven")
    assert found("de ouderavond wordt op 12 maart om 9 uur gehouden") == {}


@pytest.mark.parametrize(("text", "piece"), [
    # four-digit pupil numbers as the dev10 set typed them, in other words
    ("leerlingnr is 7315, kun je even kijken", "7315"),
    ("het opp voor 6620 moet nog getekend worden", "6620"),
    ("het verslag van 8143 is nog niet binnen bij het swv", "8143"),
    ("heeft 5518 al een plek op de wachtlijst", "5518"),
    ("zijn nummer is vier nul zeven zeven twee", "vier nul zeven zeven twee"),
])
def test_dev10_pupil_numbers_are_found(text, piece):
    assert found(text).get("nummer") == piece, found(text)


@pytest.mark.parametrize("text", [
    "het ot begint om 1430 in de aula",                              # a time
    "de opp-training kost 1850 euro voor het team",                  # money
    "het verzuim loopt al van 2024 tot nu",                          # a year
    "ot 12-3 vervalt, nieuwe datum volgt",                           # the ondersteuningsteam, a date
    "het nieuwe protocol geldt per 1 maart 2019 voor alle scholen",  # a date a rule took effect
    "koningin maxima opent de nieuwe school",                        # a public figure in lower case
    "het algemene nummer van onze school is 070 311 22 40",         # the school's own number
    "de onderwijsconsulenten zijn te bellen op 070 312 28 87",       # an organisation's number
    "stuur het formulier naar info@swv-voorbeeld.nl",                # an organisation's mailbox
])
def test_dev10_look_alikes_of_personal_data_pass(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("opa is van 2 april 1951 en haalt hem elke dag op", "geboortedatum"),
    ("mail van moeder: info@familiedejong.nl", "email"),
    ("vader belt via de receptie, zijn mobiel 06 41234567", "telefoon"),
])
def test_dev10_kinds_of_personal_data_are_found(text, kind):
    assert kind in found(text), found(text)


@pytest.mark.parametrize("text", [
    "groep 6 van de vliegerwolk, de enige met een insulinepomp, vergeet steeds zijn spullen",
    "gr 4 hangaarduil, moeder van een van de meisjes zit sinds de zomer vast",
    "de kleuter die vanochtend over het hek klom bij de uithofuil, ouders zijn boos",
    "leyenlinde 5/6 meisje uit syrie sinds drie weken hier, spreekt nog geen nederlands",
    "plaspoelpieper mb3 jongen met een hersenbloeding komt weer halve dagen",
])
def test_dev10_a_child_singled_out_is_found(text):
    allowed = allowed_words(load_knowledge_base())
    assert any(f.kind == "kind" for f in find_personal_data(text, allowed, today=TODAY)), text


def test_dev10_groups_of_children_stay_clean():
    assert found("steeds meer kinderen uit syrie sinds de zomer in de wijk") == {}
    assert found("op 5/6 is er een studiedag voor het hele team") == {}
    assert found("een leerling uit groep 6 zegt dat hij thuis geslagen wordt, wat nu") == {}


@pytest.mark.parametrize(("text", "piece"), [
    # names that are also words, with the sign around them that the dev11 set showed, in other words
    ("sem en zijn zusje komen steeds te laat", "sem"),
    ("vraag voor noor, ze is 7 en praat nog heel weinig", "noor"),
    ("over jade: vader wil inzage in het dossier", "jade"),
    ("roos vd kleuters huilt elke ochtend bij het hek", "roos"),
    ("kan het opp voor daan nog deze maand rond", "daan"),
])
def test_dev11_names_that_are_words_with_a_sign_are_found(text, piece):
    assert found(text).get("naam") == piece, found(text)


@pytest.mark.parametrize("text", [
    "@iedereen de studiedag is verplaatst",                   # everyone in the chat
    "het gemeenteloket is te bellen via 14070",                 # a gemeente's 14 line
    "mail het formulier naar zorgloket@swv-voorbeeld.nl",       # an organisation's mailbox
    "P.S. het ot begint een half uur later",                    # an abbreviation in capitals
    "de ib'er van de onderbouw is ziek",                        # a role, not a name
])
def test_dev11_look_alikes_of_personal_data_pass(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize("text", [
    "kleuter uit 2b van de hangaarduil draagt elke dag dezelfde kleren",
    "de vader uit groep 3 van de vliegerwolk die net uit de gevangenis komt wil een gesprek",
    "signaal: uithofuil groep 6, jongen met de brandwonden op zijn arm",
])
def test_dev11_a_child_or_parent_singled_out_is_found(text):
    allowed = allowed_words(load_knowledge_base())
    assert any(f.kind == "kind" for f in find_personal_data(text, allowed, today=TODAY)), text


@pytest.mark.parametrize(("text", "piece"), [
    ("in de wijk zien we meer sexting, het begon met een foto van naisha", "naisha"),
    ("wie doet de intake bij het wijkteam moerwijk voor ngozi", "ngozi"),
    ("het is voor mijn leerling uit gr 7, sékou", "sékou"),
    ("oud-leerling die nu thuis zit: djenairo", "djenairo"),
    ("ja. achternaam is boukhris", "boukhris"),
    ("pleegmoeder van shurendy vraagt om een ab'er, wie betaalt dat", "shurendy"),
    ("de vader van de zusjes kowalski is opgepakt", "kowalski"),
    ("ouders van de gebroeders van dijk willen allebei een arrangement", "dijk"),
    ("kim haar moeder is opgenomen in de ggz", "kim"),
    ("mo van 8c speelt naar eigen zeggen 7 uur per dag fortnite", "mo"),
    ("hoe werkt het woonplaatsbeginsel? gaat om merel", "merel"),
])
def test_a_name_added_in_passing_is_found(text, piece):
    allowed = allowed_words(load_knowledge_base())
    assert any(f.kind == "naam" and piece in f.text for f in find_personal_data(text, allowed, today=TODAY)), text


@pytest.mark.parametrize("text", [
    "smw voor ypenbrg",
    "lpa voor moerwyk",
    "zijn er in Bezuidenhout scholen met ervaring met hoogbegaafdheid",
    "we lezen Dolfje Weerwolfje in groep 5, is dat een goed boek voor anderstaligen",
    "op 1 juli netwerkbijeenkomst ib'ers de schilderswijk over thuizitters",
    "welk wijkteam hoort bij de postcode 2497 in ypenburg?",
    "wie is het aanspreekpunt bij Centrum Jeugd en Gezin Rijswijk?",
    "de stam van de oude boom op het plein is hol, kinderen klimmen erin, veiligheid?",
    "Sommige ouders willen niet dat hun kind met de smw praat, wat mag de school dan nog?",
])
def test_places_vocabulary_and_general_words_at_the_end_pass(text):
    allowed = allowed_words(load_knowledge_base())
    assert find_personal_data(text, allowed, today=TODAY) == [], text


def test_a_postcode_at_the_end_still_counts_with_a_two_letter_word():
    assert found("hoi, postcode gezin 2275 je") == {"postcode": "2275 je"}


def test_a_refused_possessive_is_fingerprinted_as_the_name():
    assert words_of("Keila's") == "keila" == words_of("Keila")


@pytest.mark.parametrize(("text", "kind", "piece"), [
    # what the independent dev14 set showed, in other words
    ("kun je LL-40127 op de lijst voor het mdo zetten?", "nummer", "LL-40127"),
    ("dossier SWV-2026-0311 mag dicht, ouders zijn verhuisd", "nummer", "SWV-2026-0311"),
    ("zaak 2026/LP/00512: ouders kwamen niet opdagen", "nummer", "2026/LP/00512"),
    ("casus 2026-204 graag agenderen voor het ot", "nummer", "2026-204"),
    ("ll-nr 7.3310 staat dubbel in de lijst", "nummer", "7.3310"),
    ("fam. t. wil niet meewerken aan het onderzoek", "naam", "fam. t."),
    ("dhr. en mevr. ç. komen dinsdag langs", "naam", "dhr. en mevr. ç."),
    ("k. (gr 5) loopt steeds weg van school", "naam", "k."),
    ("bij juli (gr 3) zien we veel verzuim", "naam", "juli"),
    ("het mdo ging over merel van der berg uit groep zes", "naam", "merel"),
    ("ik was op huisbezoek, adres is beekweg zeventien, veel schimmel", "adres", "beekweg zeventien"),
])
def test_codes_initials_and_names_that_are_words_are_found(text, kind, piece):
    findings = find_personal_data(text, today=TODAY)
    assert any(f.kind == kind and piece in f.text for f in findings), findings


@pytest.mark.parametrize("text", [
    "volgens NEN-7510 moet het dossier versleuteld, klopt dat?",
    "de WPO-2024 wijziging over thuiszitters, wat betekent die voor ons?",
    "kamerstuk 36512 over thuiszitters, is die al behandeld?",
    "in de zomer (groep 8) gaan we op kamp",
    "casus 1 en casus 2 bespreken we in het ot",
    "steeds meer kinderen in gr 7-8 hebben last van faalangst",
    "ze zijn verhuisd naar de parkweg een paar straten verder",
])
def test_norms_laws_and_words_that_look_like_codes_or_names_pass(text):
    assert find_personal_data(text, today=TODAY) == [], text


@pytest.mark.parametrize(("text", "kind", "piece"), [
    # what the independent dev15 set showed, in other words
    ("ik twijfel over de situatie thuis bij anaïs", "naam", "anaïs"),
    ("ik ben bij maan thuis geweest, veel zorgen", "naam", "maan"),
    ("de komst van nieuwe leerling storm heeft de groep veranderd", "naam", "storm"),
    ("we maken ons zorgen over de veiligheid van lente", "naam", "lente"),
    ("Ja'Kayla heeft weer gevochten", "naam", "Ja'Kayla"),
    ("de ouders van leerling B (gr 4) komen niet", "naam", "B"),
    ("over mk (gr 3): de logopedie stopt", "naam", "mk"),
    ("Ş.Ö. uit groep 6 is weer afwezig", "naam", "Ş.Ö."),
    ("dossier 2026-0417 staat nog open", "nummer", "2026-0417"),
    ("T-330918 wacht op een plek", "nummer", "T-330918"),
    ("het gezin woont op nummer 8 aan de parkstraat", "adres", "nummer 8 aan de parkstraat"),
    ("op de vliegerwolk zit maar één dove leerling in de middenbouw", "kind", "maar één dove leerling"),
    ("in ons dorp is er één meisje van 10 zonder school, iedereen weet wie het is", "kind", "iedereen weet wie het"),
    ("de jongen uit groep 6 die slachtoffer is van afpersing", "kind", "slachtoffer"),
])
def test_names_that_are_words_initials_codes_and_the_only_one_are_found(text, kind, piece):
    findings = find_personal_data(text, today=TODAY)
    assert any(f.kind == kind and piece in f.text for f in findings), findings


@pytest.mark.parametrize("text", [
    "brand in de buurt: veel gezinnen hebben hun spullen verloren",
    "een groot deel van groep 8 heeft een advies kader",
    "wie kent de regeling voor zieke leerlingen?",
    "loverboyproblematiek begint al in groep 8",
    "het is maar een kind van 8, hoe streng moet je zijn",
    "de planning voor schooljaar 2026-2027 staat, en 2026-03 is de deadline",
    "de ll uit gr 5 en de ot (gr 6) staan op de agenda",
    "we hebben een storm aan aanmeldingen gehad",
    "meer armoede bij gezinnen uit oekraïne",
])
def test_words_that_are_also_names_or_codes_pass(text):
    assert find_personal_data(text, today=TODAY) == [], text


@pytest.mark.parametrize(("text", "kind", "piece"), [
    # what the independent privacy/safety dev17 set showed, in other words
    ("het gezin woont aan de Dorpsstraat, nummer 14", "adres", "Dorpsstraat, nummer 14"),
    ("ze wonen op een boot aan de Veerkade, ligplaats 3", "adres", "Veerkade, ligplaats 3"),
    ("op zijn papieren staat ٠٢/١١/٢٠١٦ als geboortedatum", "geboortedatum", "02/11/2016"),
    ("gebdatum 12 5 17 klopt niet in parnassys", "geboortedatum", "12 5 17"),
    ("oud nummer: LL-5531/c", "nummer", "LL-5531/c"),
    ("zoek even op SWV/TL/25-0177 in het dossier", "nummer", "SWV/TL/25-0177"),
    ("onderwijsnummer 10-81-39-755 klopt niet", "onderwijsnummer", "10-81-39-755"),
    ("bram 👍 uit groep 4 is weer afwezig", "naam", "bram"),
])
def test_addresses_dates_and_codes_in_pasted_layouts_are_found(text, kind, piece):
    findings = find_personal_data(text, today=TODAY)
    assert any(f.kind == kind and piece in f.text for f in findings), findings


@pytest.mark.parametrize("text", [
    "de uitnodiging voor het pgo van groep 7 mag in de nieuwsbrief",
    "artikel 2.14 staat in BWBR0034925, de Jeugdwet",
    "we zijn open van 8 30 tot 16 uur",
])
def test_an_abbreviation_a_law_number_and_times_with_spaces_pass(text):
    assert find_personal_data(text, today=TODAY) == [], text


@pytest.mark.parametrize("text", [
    "het meisje uit groep 7 dat de hoofdrol speelde in de schoolmusical en toen op omroep west kwam",
    "de jongen van groep 8 die in de nationale jeugdselectie zit, moet vaak weg voor trainingen",
    "één kind van groep 4 met een hulphond, mag die hond mee op schoolreis?",
])
def test_a_child_known_beyond_the_school_is_singled_out(text):
    assert any(f.kind == "kind" for f in find_personal_data(text, today=TODAY)), find_personal_data(text, today=TODAY)


@pytest.mark.parametrize("text", [
    "groep 6 is kampioen geworden bij het schoolvoetbal",
    "de kinderen van groep 8 keken naar omroep west",
])
def test_a_class_on_tv_or_a_team_that_won_is_no_one_child(text):
    assert find_personal_data(text, today=TODAY) == [], text
