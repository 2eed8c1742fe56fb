"""Issue 15, by transcript: a pending question never traps the user, follow-ups take what they
leave out from the answer before, loose answers work, and every partner question gets an answer.

Each test talks to the real agent through the console channel on its own SQLite file, with a
clock the test moves on (a question left open expires after the idle time, 30 minutes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.dialogs.conftest import Transcript
from wijkwijzer.adapters.console.adapter import ConsoleAdapter
from wijkwijzer.app.runtime import FixedProfile, Runtime, create_runtime
from wijkwijzer.app.settings import Settings
from wijkwijzer.core.services import Profile
from wijkwijzer.store.schema import signals


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def wait(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@dataclass
class Session:
    chat: Transcript
    clock: Clock
    runtime: Runtime

    async def send(self, text: str):
        self.clock.wait(0.3)
        return await self.chat.send(text)

    async def signals_saved(self) -> int:
        async with self.runtime.engine.connect() as conn:
            return int((await conn.execute(select(func.count()).select_from(signals))).scalar_one())


@pytest.fixture
async def start(tmp_path):
    """``await start(role="ib", wijk="Den Haag: Ypenburg")``: a registered user (a user record,
    so subscriptions work) in a conversation of their own."""
    runtimes: list[Runtime] = []

    async def factory(role: str = "ib", wijk: str | None = None) -> Session:
        settings = Settings(state_dir=tmp_path, pseudonym_secret="test-secret-" + "x" * 20)
        runtime = await create_runtime(settings, FixedProfile(Profile(user_id="nobody")))
        runtimes.append(runtime)
        user = await runtime.people.register(user_id=f"user-{role}", channel="console", role=role, via="test",
                                             wijk=wijk)
        runtime.agent.profiles = FixedProfile(Profile(user_id=user.user_id, role=role, wijk=wijk, number=user.id))
        clock = Clock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
        runtime.agent.clock = clock
        chat = Transcript(ConsoleAdapter(runtime.agent.on_turn, user_id=user.user_id, conversation_id=f"c-{role}"))
        return Session(chat, clock, runtime)

    yield factory
    for runtime in runtimes:
        await runtime.close()


# ───────────── 1. a pending question never traps the user ─────────────


async def test_a_new_request_interrupts_the_question_for_a_wijk(start):
    s = await start()
    assert (await s.send("smw")).has("Voor welke wijk")
    schools = await s.send("welke school heeft nt2 in centrum")
    assert schools.has("NT2") and not schools.cards
    await s.send("smw")
    subscribed = await s.send("meld me aan voor scheveningen")
    assert subscribed.has("berichten voor Scheveningen") and not subscribed.cards
    for message in ("verwijder mijn gegevens", "route", "hoi", "bedankt"):
        await s.send("smw")
        assert not (await s.send(message)).has("herken ik niet"), message


async def test_a_route_question_waits_beneath_a_lookup_and_takes_one_of_its_choices(start):
    s = await start()
    assert (await s.send("verzuim")).has("Verzuim of thuiszitten")
    await s.send("ja")
    assert (await s.send("ongeoorloofd")).has("De grens van 16 uur")
    assert [c.naam for c in (await s.send("lpa duinoord")).cards] == ["Ruud Jansen"]
    assert (await s.send("nee nog niet, hij zit op 10 uur")).has("Onder de grens")


async def test_a_number_after_a_lookup_does_not_answer_the_question_beneath_it(start):
    s = await start()
    await s.send("verzuim")
    await s.send("ja")
    await s.send("ongeoorloofd")
    await s.send("lpa duinoord")
    assert not (await s.send("optie 2")).has("Onder de grens")  # a number points at the last list shown


async def test_after_a_lookup_the_earlier_question_takes_nothing_but_its_choices(start):
    s = await start()
    await s.send("signaal over meer verzuim na de meivakantie in bouwlust")
    await s.send("wie is de lpa in bouwlust")
    assert not (await s.send("ok thx")).has("opgeslagen")
    assert not (await s.send("hoe vraag ik een tlv aan")).has("opgeslagen")
    assert await s.signals_saved() == 0


async def test_an_interrupted_question_expires_like_any_other(start):
    s = await start()
    await s.send("verzuim")
    await s.send("ja")
    await s.send("lpa duinoord")
    s.clock.wait(45)
    assert not (await s.send("ongeoorloofd")).has("De grens van 16 uur")


async def test_onze_smw_is_the_smw_of_the_users_own_wijk_and_a_labelled_signal_is_a_signal(start):
    s = await start(wijk="Den Haag: Ypenburg")
    assert [c.naam for c in (await s.send("wie is onze smw")).cards] == ["Fatma Yilmaz"]
    labelled = await s.send("noteer als signaal: in ypenburg meer kinderen zonder warme jas")
    assert labelled.has("Klopt dit signaal?") and not labelled.cards


async def test_a_signal_that_names_no_thema_is_not_asked_for_one_and_a_typed_thema_changes_it(start):
    s = await start(wijk="Den Haag: Ypenburg")
    first = await s.send("wil een signaal kwijt: ouders vinden geen bso-plek na schooltijd")
    assert first.has("Klopt dit signaal?", "Thema: Overig", "Past een thema beter?")
    changed = await s.send("armoede")
    assert changed.has("Klopt dit signaal?", "Thema: Armoede") and not changed.has("Past een thema beter?")
    assert (await s.send("ja")).has("opgeslagen")
    assert await s.signals_saved() == 1
    await s.send("signaal: meer ouders vragen om hulp bij de aanvraag van een bso-plek")
    assert (await s.send("1")).has("opgeslagen")  # the confirm step's first choice, not the first thema
    assert await s.signals_saved() == 2


async def test_a_question_for_a_role_minutes_after_a_lookup_asks_about_its_place(start):
    s = await start()
    assert (await s.send("jeugdarts rijswijk")).cards
    assert [c.naam for c in (await s.send("wie is de lpa")).cards] == ["Hans van Beek"]
    s.clock.wait(15)
    assert (await s.send("wie is de smw")).has("Voor welke wijk")


async def test_stop_with_a_wijk_unsubscribes_from_that_wijk_only(start):
    s = await start()
    await s.send("meld me aan voor moerwijk")
    await s.send("en ook voor laak")
    await s.send("stop maar met laak")
    following = await s.send("welke wijken volg ik")
    assert following.has("Moerwijk") and not following.has("Laak")


async def test_what_the_message_says_beats_what_was_remembered(start):
    s = await start()
    assert (await s.send("welke school heeft nt2")).has("In welke wijk")
    answer = await s.send("dyslexie expertise voorburg")
    assert answer.has("'dyslexie'") and not answer.has("'NT2")


async def test_a_question_that_names_no_role_takes_no_role_from_before(start):
    s = await start()
    assert [c.naam for c in (await s.send("lpa scheveningen")).cards] == ["Ruud Jansen"]
    everyone = await s.send("wie is de ketenpartner voor wijk duindorp")
    assert everyone.has("Ketenpartners voor Duindorp", "SMW: Petra Visser", "Wijkagent: Sandra Kok")


async def test_a_new_signal_in_the_confirm_step_keeps_its_text(start):
    s = await start()
    assert (await s.send("signaal: veel angstklachten in groep 8 in ypenburg, niet dringend")).has("?")
    second = await s.send("signaal: meer pesten via whatsapp in groep 7 in scheveningen, niet dringend")
    assert second.has("pesten via whatsapp") and second.has("?")
    assert (await s.send("ja")).has("opgeslagen")
    assert await s.signals_saved() == 1


async def test_a_question_left_open_expires(start):
    s = await start()
    await s.send("smw")
    s.clock.wait(24 * 60)
    fresh = await s.send("ypenburg")
    assert fresh.has("Welke ketenpartner zoek je?") and not fresh.cards
    await s.send("smw")
    s.clock.wait(10)
    assert [c.naam for c in (await s.send("ypenburg")).cards] == ["Fatma Yilmaz"]


async def test_a_pending_signal_expires_and_stores_nothing(start):
    s = await start()
    await s.send("signaal: meer vapen in groep 8 in rijswijk")
    s.clock.wait(90)
    await s.send("dringend")
    assert await s.signals_saved() == 0


# ───────────── 2. understanding what people mean ─────────────


async def test_off_topic_with_a_domain_word_is_no_lookup(start):
    s = await start()
    for message in ("is er nog een vacature voor smw'er in den haag, 32 uur",
                    "weet iemand een goede tandarts in ypenburg"):
        turn = await s.send(message)
        assert not turn.cards and turn.has("begrijp ik niet"), message


async def test_an_observation_about_a_group_is_a_signal_without_the_word_signaal(start):
    s = await start(wijk="Den Haag: Ypenburg")
    for message in ("we merken steeds meer dat gezinnen in stompwijk geen vervoer hebben naar het sbo",
                    "we zien veel lln met kiespijn, ouders kunnen de tandarts niet betalen"):
        turn = await s.send(message)
        assert turn.has("Klopt dit signaal") and not turn.cards, (message, turn.text)
        await s.send("nee")
    question = await s.send("top. en wanneer zien we de ouders dan weer")  # a question, no observation
    assert not question.has("Klopt dit signaal")


async def test_a_childs_situation_told_without_a_question_starts_the_route_at_its_step(start):
    s = await start(wijk="Den Haag: Ypenburg")
    told = await s.send("meisje uit gr 5 is de laatste tijd heel stil en trekt zich terug in de klas")
    assert told.has("Signaleren") and "Leren of gedrag" in told.choices, told.text
    concern = await s.send("hij heeft vaak plekken op zn armen en schrikt als je hem aanraakt")
    assert concern.has("Veilig Thuis", "0800-2000") and "Ja, direct gevaar" in concern.choices, concern.text
    assert not concern.has("begrijp ik niet")


async def test_an_off_topic_question_after_a_lookup_is_no_follow_up(start):
    s = await start(wijk="Den Haag: Duinoord")
    assert (await s.send("wie is onze smw eigenlijk")).cards
    off = await s.send("is er een goeie tandarts in duinoord? mn dochter heeft een kies door")
    assert not off.cards and off.has("begrijp ik niet"), off.text


async def test_a_place_typed_under_a_signal_is_its_wijk(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("wilde even doorgeven dat er veel lln in gr 7 en 8 met angstklachten rondlopen")
    moved = await s.send("o en het is in de vruchtenbuurt")
    assert moved.has("Klopt dit signaal", "Wijk: Vruchtenbuurt") and not moved.has("Welke ketenpartner")
    assert (await s.send("ja is goed zo")).has("anoniem opgeslagen")
    assert await s.signals_saved() == 1


async def test_follow_ups_take_the_place_or_the_question_from_before(start):
    s = await start()
    await s.send("welke scholen in leidschendam hebben gedrag")
    rijswijk = await s.send("zelfde voor rijswijk")
    assert rijswijk.has("Rijswijk", "'gedrag'", "Wervepoortje")
    assert (await s.send("en autisme?")).has("'autisme'", "Rijswijk")
    assert [c.naam for c in (await s.send("smw rijswijk")).cards] == ["Monique Prins"]
    assert [c.naam for c in (await s.send("en de lpa?")).cards] == ["Hans van Beek"]
    assert (await s.send("en in ypenburg?")).has("Leerplicht voor Ypenburg", "Jeroen Bakker")


async def test_the_school_named_before(start):
    s = await start()
    await s.send("kind woont in voorburg maar zit op de penseelvis, welk wijkteam")
    assert [c.naam for c in (await s.send("en welke leerplichtambtenaar")).cards] == ["Peter de Jong"]
    assert [c.naam for c in (await s.send("en de smw van die school")).cards] == ["Hatice Demir"]


async def test_the_question_at_the_end_of_a_long_message_wins(start):
    s = await start()
    turn = await s.send("goedemiddag, ik ben sinds kort ib'er op een school in ypenburg en de vorige ib'er heeft "
                        "weinig overgedragen. wie is eigenlijk de smw'er hier")
    assert [c.naam for c in turn.cards] == ["Fatma Yilmaz"]


async def test_dictated_split_words(start):
    s = await start()
    assert [c.naam for c in (await s.send("jeugd team rijs wijk")).cards] == ["Priya Ramdin"]


async def test_signals_without_the_word_signaal(start):
    s = await start()
    turn = await s.send("even melden dat we in hoornwijk steeds meer kinderen zien die zonder ontbijt naar school "
                        "komen, niet dringend")
    assert turn.has("Armoede", "Hoornwijk", "?")
    await s.send("ja klopt")
    assert await s.signals_saved() == 1


async def test_a_situation_starts_the_route_at_its_step(start):
    s = await start()
    assert (await s.send("ouders willen niet meewerken aan het opp")).has("Geen instemming met het OPP")
    assert (await s.send("leerling staat nergens ingeschreven, wat moet ik doen")).has("absoluut verzuim")
    assert (await s.send("hij zit al 5 weken thuis, wat moet ik doen")).has("Thuiszitter: snel samen om tafel")
    assert (await s.send("stap 2 van de meldcode")).has("Stap 2: overleggen")


async def test_situations_in_everyday_words_start_their_step(start):
    s = await start()
    assert (await s.send("vader wil geen opp tekenen")).has("Geen instemming met het OPP")
    assert (await s.send("ik maak me zorgen over een meisje uit groep 3, ze is erg teruggetrokken")).has("Signaleren")
    assert (await s.send("we hebben echt alles geprobeerd in de klas maar hij komt niet verder")).has(
        "Leerlingbespreking met de IB'er")


async def test_a_denied_situation_starts_no_step(start):
    s = await start()
    assert (await s.send("er is geen passend aanbod voor deze leerling")).has("Het SWV zoekt mee")
    await s.send("ouders weigeren hulp")
    denied = await s.send("nee geen direct gevaar")
    assert not denied.has("Direct gevaar: bel 112") and denied.has("Dat antwoord ken ik niet")


# ───────────── 3. dialogs that finish ─────────────


async def test_route_steps_take_loose_answers(start):
    s = await start()
    await s.send("ondersteuningsroute")
    assert (await s.send("het gaat vooral om zijn gedrag in de klas")).has("Ondersteuning in de klas")
    assert (await s.send("weet ik niet")).has("Leerlingbespreking met de IB'er")  # the option "Twijfel"
    assert (await s.send("nee we hebben hulp van buiten nodig")).has("Ouders betrekken")
    assert (await s.send("ze willen niet")).has("Geen toestemming van de ouders")
    await s.send("verzuim")
    assert (await s.send("ja hij zit bij ons")).has("Welke afwezigheid?")
    assert (await s.send("hij is heel vaak ziek")).has("Vaak of lang ziek")


async def test_unsure_and_lost_answers_show_the_options_and_who_to_ask(start):
    s = await start()
    await s.send("verzuim")
    unsure = await s.send("weet ik niet")
    assert unsure.has("Weet je het niet zeker?", "1. Ja", "2. Nee, nergens", "adviseur")
    await s.send("pff")
    lost = await s.send("hmm tja")
    assert lost.has("Kies een van deze opties", "IB'er", "1. Ja") and lost.choices == ["Ja", "Nee, nergens"]
    assert (await s.send("optie 2")).has("absoluut verzuim")


async def test_the_meldcode_takes_danger_answers_itself(start):
    s = await start()
    await s.send("meldcode")
    step = await s.send("nee geen direct gevaar")
    assert step.has("Stap 1: signalen vastleggen") and step.texts[0].startswith("Stap 1")
    assert (await s.send("ja")).has("Stap 2: overleggen")
    assert (await s.send("ja het gaat om huwelijksdwang")).has("Direct Veilig Thuis bellen", "0800-2000")


async def test_an_ok_before_a_question_of_its_own_is_no_yes_to_the_meldcode(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("meldcode")
    lookup = await s.send("ok ik bel zo. wie is de smw hier")
    assert not lookup.has("Direct gevaar: bel 112") and [c.naam for c in lookup.cards] == ["Fatma Yilmaz"]


async def test_the_role_that_goes_by_the_school_follows_our_own_school(start):
    s = await start(wijk="Den Haag: Ypenburg")
    first = await s.send("jeugdteam voor een ll die in rijswijk woont maar bij ons op school zit")
    assert first.has("Rijswijk")
    assert [c.naam for c in (await s.send("en de smw?")).cards] == ["Fatma Yilmaz"]


async def test_a_function_named_gets_only_those_contacts(start):
    s = await start(wijk="Den Haag: Ypenburg")
    assert {c.naam for c in (await s.send("jgz ypenburg")).cards} == {"Marieke van den Berg", "Sietske Dijkstra"}
    assert [c.naam for c in (await s.send("wie is de jeugdarts")).cards] == ["Sietske Dijkstra"]


async def test_a_denial_is_no_yes_to_the_danger_it_denies(start):
    s = await start()
    await s.send("meldcode")
    step = await s.send("er is geen direct gevaar")
    assert step.has("Stap 1: signalen vastleggen") and not step.has("Direct gevaar: bel 112")


async def test_back_to_the_waiting_question_with_its_answer_in_one_message(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("meldcode")
    await s.send("wie is de wijkagent voor duindorp")
    assert (await s.send("ok terug naar de meldcode: nee geen direct gevaar")).has("Stap 1: signalen vastleggen")
    await s.send("wie is de smw")
    again = await s.send("terug naar de meldcode")
    assert again.has("Heb je de signalen vastgelegd?") and again.choices == ["Ja, naar stap 2"]


async def test_a_step_s_own_words_move_nowhere_and_a_refusal_in_words_is_no(start):
    s = await start()
    await s.send("ondersteuningsroute")
    await s.send("leren of gedrag")
    await s.send("nee te weinig")
    assert (await s.send("nee hulp nodig")).has("Geven de ouders toestemming?")
    assert (await s.send("ouders vinden het prima, alles is getekend")).has("Overleg met de adviseur van het SWV")
    await s.send("meldcode")
    await s.send("nee")
    await s.send("ja")
    assert (await s.send("nee")).has("Stap 3: gesprek met ouders en kind")
    assert (await s.send("durf ik niet, het is er te onrustig")).has("Stap 4: wegen")


async def test_a_question_about_an_end_step_is_answered_from_it(start):
    s = await start()
    for text in ("meldcode", "nee", "ja", "ja het gaat om huwelijksdwang"):
        await s.send(text)
    answer = await s.send("moet ik de ouders eerst inlichten?")
    assert answer.has("Direct Veilig Thuis bellen") and "None" not in answer.text, answer.text


async def test_which_role_is_a_question_for_a_person_beneath_a_route_step(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("verzuim")
    assert [c.naam for c in (await s.send("welke lpa krijgt dat hier")).cards] == ["Jeroen Bakker"]


async def test_an_ok_before_a_statement_of_its_own_is_no_yes_to_the_danger_question(start):
    s = await start()
    await s.send("meldcode")
    turn = await s.send("ok dank, ik ga er eerst met de directeur over praten")
    assert not turn.has("Direct gevaar: bel 112")


async def test_saying_the_split_verb_saves_the_signal_left_waiting(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("signaal: steeds meer kinderen in ypenburg komen zonder jas naar school")
    await s.send("wie is de smw")
    await s.send("ok sla dat signaal van net maar op")
    assert await s.signals_saved() == 1


async def test_a_time_question_at_a_step_gets_its_deadline(start):
    s = await start()
    for text in ("verzuim", "ja", "ongeoorloofd", "ja"):
        await s.send(text)
    assert (await s.send("hoeveel tijd heb ik daarvoor")).has("5 werkdagen")


async def test_ok_verder_resumes_the_waiting_question(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("verzuim")
    await s.send("wie is de lpa")
    assert (await s.send("ok verder, ja hij zit bij ons")).has("Welke afwezigheid?")


async def test_a_question_is_no_text_for_the_signal_that_waits_for_one(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("signaal: roos vd kleuters huilt elke ochtend")
    answer = await s.send("wie is de jeugdarts")
    assert [c.naam for c in answer.cards] == ["Sietske Dijkstra"] and not answer.has("Klopt dit signaal?")
    assert await s.signals_saved() == 0


async def test_glossary_then_how_continues_at_the_step(start):
    s = await start()
    await s.send("wat is een tlv")
    assert (await s.send("hoe vraag ik die aan")).has("TLV voor speciaal (basis)onderwijs")
    assert (await s.send("nee gewoon sbo")).has("Het SWV beslist over de TLV")
    assert (await s.send("ouders zijn het er niet mee eens")).has("Bezwaar tegen de TLV")


async def test_a_message_that_answers_and_adds_gets_both(start):
    s = await start()
    await s.send("smw")
    both = await s.send("ypenburg, en ook de jgz")
    assert {"Fatma Yilmaz", "Marieke van den Berg"} <= {c.naam for c in both.cards}
    await s.send("smw")
    only = await s.send("jgz scheveningen")
    assert "Petra Visser" not in {c.naam for c in only.cards}


async def test_partial_names_are_asked_back_by_number(start):
    s = await start()
    ask = await s.send("jeugdteam leeuwen")
    assert ask.has("Welke bedoel je?", "1. ", "2. ", "Leeuwendaal", "Leeuwenbergh")
    assert (await s.send("optie 2")).cards
    assert [c.naam for c in (await s.send("smw zeehelden")).cards] == ["Tom Dekker"]


async def test_a_sentence_that_answers_the_question_beneath_a_lookup_is_taken_as_its_answer(start):
    s = await start(wijk="Den Haag: Ypenburg")
    assert (await s.send("in het mdo is hulp thuis afgesproken, hoe gaat dat nu verder")).has("Hulp thuis via de gemeente")
    assert (await s.send("wie is de smw in moerwijk")).cards
    answer = await s.send("op school is geen extra steun nodig")  # the step's question, echoed with "geen": Nee
    assert answer.has("Afspraken evalueren"), answer.text
    assert not (await s.send("ok thx")).has("Dat antwoord ken ik niet")  # a short thanks is still no answer


async def test_a_yes_no_question_about_the_step_is_answered_from_it_and_the_step_still_waits(start):
    s = await start(wijk="Den Haag: Ypenburg")
    assert (await s.send("hij zit al 6 weken thuis, hoe pak ik dit aan")).has("Thuiszitter")
    duo = await s.send("moet ik dat ook bij duo melden?")
    assert duo.has("Meld dit bij DUO", "Is er een plan voor terugkeer?") and not duo.has("De grens van 16 uur")
    assert (await s.send("nee er is nog geen plan")).has("Het SWV zoekt mee")
    await s.send("stop")
    assert (await s.send("ouders willen geen hulp van de smw")).has("Geen toestemming van de ouders")
    picked = await s.send("kan ik wel anoniem iets vragen aan de adviseur?")  # names the option "Anoniem overleggen"
    assert picked.has("Overleg met de adviseur van het SWV") and not picked.has("Over Geen toestemming"), picked.text


# ───────────── 4. who to ask, complete ─────────────


async def test_the_ib_er_of_a_school(start):
    s = await start()
    assert [c.naam for c in (await s.send("wie is de ib'er van de vliegerwolk")).cards] == ["Marloes Jacobs"]
    assert [c.naam for c in (await s.send("en van het propellerpad?")).cards] == ["Sander Visscher"]
    assert (await s.send("welke expertise heeft die school")).has("dyslexie")


async def test_two_places_in_one_question_get_an_answer_each_and_a_follow_up_asks_about_both(start):
    s = await start()
    both = await s.send("smw voor moerwijk en voor bouwlust")
    assert [c.naam for c in both.cards] == ["Gert-Jan Hoogland", "Nadia Ouali"]
    assert [c.naam for c in (await s.send("en de wijkagenten daar")).cards] == ["Ronald Blom", "Sharon Tol"]
    one = await s.send("ll woont in rijswijk en zit op de vliegerwolk, wie is het jeugdteam")
    assert [c.naam for c in one.cards] == ["Priya Ramdin"]  # where the pupil lives, not the school as well


async def test_stadsdeel_typed_before_a_name_means_the_stadsdeel_not_the_wijk(start):
    s = await start()
    assert (await s.send("wie is de wijkagent in scheveningen")).has("De wijkagent voor Scheveningen")
    whole = await s.send("en in het hele stadsdeel scheveningen?")
    assert whole.has("voor stadsdeel Scheveningen") and whole.cards, whole.text


async def test_a_function_asked_for_carries_over_to_the_same_question_elsewhere(start):
    s = await start()
    assert [c.rol for c in (await s.send("wie is de jeugdarts in moerwijk")).cards] == ["jeugdarts"]
    assert [c.rol for c in (await s.send("zelfde voor rijswijk")).cards] == ["jeugdarts"]
    team = await s.send("jgz ypenburg")  # the role by name again: the whole team
    assert {c.rol for c in team.cards} == {"jeugdarts", "jeugdverpleegkundige"}


async def test_wijkberichten_for_two_wijken_in_one_message(start):
    s = await start()
    assert (await s.send("meld me aan voor berichten over duindorp en scheveningen")).has(
        "berichten voor Duindorp en Scheveningen")
    assert (await s.send("welke berichten krijg ik?")).has("Duindorp, Scheveningen")
    assert (await s.send("afmelden duindorp en leyenburg")).has(
        "geen berichten meer voor Duindorp", "Je kreeg geen berichten voor Leyenburg")


async def test_a_person_instead_of_the_bot(start):
    own = await start(wijk="Den Haag: Ypenburg")
    assert [c.naam for c in (await own.send("ik wil een mens spreken")).cards] == ["Linda Vermeulen"]
    anyone = await start(role="adviseur")
    loket = await anyone.send("kan ik iemand echt spreken ipv een bot")
    assert loket.has("Loket SWV Kust & Vliet", "070 010 2030") and not loket.has("Vraag het je adviseur")


async def test_every_region_gemeente_has_a_jeugdteam_and_outside_the_region_says_where(start):
    s = await start()
    for gemeente in ("Delft", "Zoetermeer", "Westland", "Wassenaar", "Voorschoten"):
        turn = await s.send(f"jeugdteam voor een kind dat in {gemeente.lower()} woont")
        assert turn.cards and turn.has(gemeente), gemeente
    outside = await s.send("leerling woont in utrecht, wie is het lokaal team")
    assert outside.has("buiten onze regio", "lokaal team", "Utrecht") and not outside.has("?")


async def test_vo_and_ot_terms_are_in_the_glossary(start):
    s = await start()
    for question, term in (("wat is een zorgcoördinator", "zorgcoördinator"), ("wat doet een orthopedagoog",
                                                                                "orthopedagoog"),
                           ("wat is een kdc", "kinderdagcentrum"), ("wat is een casusregisseur", "casusregisseur")):
        assert (await s.send(question)).has(term), question


async def test_signal_report_narrows_to_place_thema_and_period(start):
    s = await start(role="adviseur")
    await s.send("signaal: steeds meer gezinnen met geldzorgen in rijswijk, niet dringend")
    await s.send("ja")
    await s.send("signaal: veel verzuim in groep 8 in ypenburg, niet dringend")
    await s.send("ja")
    rijswijk = await s.send("hoeveel signalen over armoede in rijswijk deze maand")
    assert rijswijk.has("Signalen over armoede in Rijswijk, deze maand", "Armoede: < 5") and not rijswijk.has("Verzuim")
    assert (await s.send("en in scheveningen?")).has("nog geen signalen over armoede in Scheveningen")


async def test_a_question_about_one_named_child_gets_a_privacy_note(start):
    s = await start()
    note = await s.send("hoe gaat het met daan uit groep 5")
    assert note.has("Over één kind zoek ik niets op") and not note.has("daan") and not note.cards


async def test_off_topic_and_thanks_are_answered_on_the_side_and_the_question_stays_open(start):
    s = await start()
    assert (await s.send("meldcode")).has("Is er nu direct gevaar?")
    aside = await s.send("de printer doet het weer niet")
    assert aside.has("begrijp ik niet") and not aside.has("Stap 1")
    assert not (await s.send("bedankt")).has("Stap 1")
    assert (await s.send("nee er is geen direct gevaar")).has("Stap 1: signalen vastleggen")


async def test_a_place_named_in_a_long_route_question_serves_the_follow_up(start):
    s = await start()
    route = await s.send("ik zit met een jongen die steeds vaker thuis blijft, moet ik leerplicht inschakelen of de "
                         "jeugdarts, school zit in moerwijk")
    assert route.choices
    assert {c.naam for c in (await s.send("de jeugdarts dus")).cards} & {"Wessel Bouma", "Debora Lammers"}


async def test_asking_for_a_person_interrupts_the_question_for_a_wijk(start):
    s = await start(role="adviseur")
    assert (await s.send("jgz")).has("Voor welke wijk")
    loket = await s.send("verbind me door met iemand van het loket")
    assert loket.has("070 010 2030") and not loket.has("Dat herken ik niet")


async def test_a_correction_keeps_the_place(start):
    s = await start()
    first = await s.send("leerplicht rijswijk")
    corrected = await s.send("oh nee ik bedoelde het jeugdteam")
    assert first.cards and corrected.cards and corrected.has("Rijswijk")
    assert {c.naam for c in first.cards}.isdisjoint({c.naam for c in corrected.cards})
    again = await s.send("ok en in scheveningen?")
    assert again.cards and again.has("Scheveningen")


async def test_a_route_answer_may_skip_a_question_it_already_answers(start):
    s = await start()
    await s.send("verzuim")
    assert (await s.send("ze blijft weg zonder afmelding")).has("De grens van 16 uur")
    assert (await s.send("terug")).has("Welke afwezigheid?")


async def test_a_statement_that_repeats_the_question_answers_it(start):
    s = await start()
    for answer in ("meldcode", "nee", "ja"):
        await s.send(answer)
    asked = await s.send("nee")
    assert asked.has("Heb je het gesprek gevoerd?")
    assert (await s.send("hoe voer ik zo'n gesprek")).has("Dat antwoord ken ik niet")  # a question, no answer
    assert (await s.send("het gesprek met moeder is gevoerd")).has("Stap 4: wegen")
    await s.send("verzuim")
    await s.send("ze blijft weg zonder afmelding")
    assert (await s.send("die grens is nog niet bereikt")).has("Onder de grens")
    await s.send("terug")
    assert (await s.send("grens is al bereikt")).has("Verzuim melden bij DUO")
    await s.send("terug")
    assert (await s.send("we willen die grens gaan bijhouden")).has("Dat antwoord ken ik niet")  # a plan, no answer


async def test_expertise_alone_asks_which_expertise(start):
    s = await start()
    asked = await s.send("expertise")
    assert asked.has("Welke expertise zoek je?") and "autisme" in asked.choices


async def test_who_is_that_after_a_route_step_asks_for_its_lead_partner(start):
    s = await start()
    await s.send("hoe meld ik verzuim")
    assert (await s.send("nee korter dan 4 weken")).has("Samen met leerplicht")
    that = await s.send("wie is dat voor ons in moerwijk")
    assert that.has("Leerplicht voor Moerwijk") and [c.naam for c in that.cards] == ["Saskia Timmermans"]


async def test_a_role_with_many_people_in_a_large_gemeente_asks_which_wijk(start):
    s = await start()
    asked = await s.send("smw den haag")
    assert asked.has("Voor welke wijk of school") and not asked.cards
    assert [c.naam for c in (await s.send("regentessekwartier")).cards] == ["Jolanda Smits"]
    assert [c.naam for c in (await s.send("smw rijswijk")).cards] == ["Monique Prins"]  # one person: no question


async def test_a_gemeente_wide_contact_is_the_answer_for_the_gemeente(start):
    s = await start()
    answer = await s.send("leerplicht den haag")
    assert answer.cards and answer.cards[0].naam == "Rachid Bennani"  # works for all of Den Haag: no question


async def test_mijn_rol_interrupts_a_route_question_and_answers_for_the_own_wijk(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("meldcode")
    await s.send("nee")  # no danger now: step 1 asks whether the signs are written down
    own = await s.send("mijn jeugdteam?")
    assert own.cards and own.has("Jeugdteam voor Ypenburg"), own.text


async def test_a_role_without_a_place_long_after_a_lookup_in_the_own_wijk_keeps_that_wijk(start):
    s = await start(wijk="Den Haag: Ypenburg")
    assert [c.naam for c in (await s.send("wie is onze smw")).cards] == ["Fatma Yilmaz"]
    s.clock.wait(60)
    later = await s.send("en de lpa?")
    assert later.cards and not later.has("Voor welke wijk"), later.text


async def test_a_role_without_a_place_long_after_a_lookup_elsewhere_asks(start):
    s = await start(wijk="Den Haag: Ypenburg")
    await s.send("smw scheveningen")
    s.clock.wait(60)
    ask = await s.send("en de lpa?")
    assert ask.has("Voor welke wijk") and ask.choices == ["Ypenburg"]
    assert [c.naam for c in (await s.send("1")).cards] == ["Jeroen Bakker"]


async def test_a_question_about_the_explanation_just_shown_is_answered_from_it(start):
    s = await start()
    await s.send("wat is een onderwijsconsulent")
    answer = await s.send("kost dat de ouders geld?")
    assert answer.has("Onderwijsconsulent", "gratis"), answer.text
    await s.send("bezwaar tegen de tlv")
    assert (await s.send("kan iemand de ouders daarbij helpen?")).has("ouder- en jeugdsteunpunt")


async def test_a_question_about_something_else_after_an_explanation_gets_the_honest_fallback(start):
    s = await start()
    await s.send("wat is een onderwijsconsulent")
    assert (await s.send("is de printer weer kapot?")).has("Dat begrijp ik niet")
    s.clock.wait(45)
    assert not (await s.send("kost dat de ouders geld?")).has("gratis")


async def test_ok_after_an_interrupting_lookup_does_not_save_the_signal_beneath(start):
    s = await start()
    assert (await s.send("we zien steeds meer kinderen met een energiedrankje op het plein")).has("Klopt dit signaal?")
    assert (await s.send("wie is de wijkagent in laak")).cards
    for ack in ("ok", "ja top"):
        assert not (await s.send(ack)).has("opgeslagen")
    assert await s.signals_saved() == 0
    assert (await s.send("ja, opslaan")).has("opgeslagen")
    assert await s.signals_saved() == 1


async def test_where_the_pupil_lives_then_a_school_role_asks_about_the_school_again(start):
    s = await start()
    school = (await s.send("wie is de smw van de vliegerwolk")).cards
    assert school
    lives = await s.send("ll van ons woont in rijswijk, welk jeugdteam?")
    assert lives.has("Rijswijk")
    again = await s.send("en de smw voor die ll")
    assert [c.naam for c in again.cards] == [c.naam for c in school], again.text


async def test_a_plain_school_role_question_after_a_residence_answer_asks_about_the_school(start):
    s = await start()
    lives = await s.send("de ll zit op de vliegerwolk maar woont in rijswijk, wie is het jeugdteam")
    assert lives.has("Jeugdteam Rijswijk"), lives.text
    smw = await s.send("wie is de smw")
    assert smw.has("Fatma Yilmaz") and not smw.has("Monique Prins"), smw.text


async def test_one_message_with_school_and_home_answers_each_role_from_its_own_place(start):
    s = await start()
    # leerplicht goes by where the pupil lives, SMW by the school, in either word order
    lpa = await s.send("welke lpa hoort bij een kind van de herenpomp dat in moerwijk woont")
    assert lpa.has("Saskia Timmermans") and not lpa.has("Hans van Beek"), lpa.text
    smw = await s.send("leerling zit op de herenpomp maar woont in den haag. bij welke smw moet ik zijn")
    assert smw.has("Monique Prins"), smw.text
    delft = await s.send("welke lpa hoort bij een leerling die in delft woont en op de abdijmus zit")
    assert not delft.has("Wim Verhoef"), delft.text
    team = await s.send("en het jeugdteam?")
    assert team.has("Jeugdteam Delft"), team.text


async def test_where_the_pupil_lives_after_a_leerplicht_question_asks_it_for_there(start):
    s = await start()
    await s.send("lpa vd vliegerwolk")
    lives = await s.send("kind woont in rijswijk")
    assert lives.has("Leerplicht voor Rijswijk", "Hans van Beek"), lives.text


async def test_a_question_about_the_route_step_is_answered_and_the_step_still_waits(start):
    s = await start()
    step = await s.send("een leerling heeft in 4 weken al 16 uur ongeoorloofd gemist, moet ik dat melden?")
    assert step.has("De grens van 16 uur"), step.text
    answer = await s.send("hoeveel werkdagen heb ik daarvoor?")
    assert answer.has("binnen 5 werkdagen", "Is de grens van 16 uur bereikt?") and answer.choices == ["Ja", "Nee, nog niet"]
    assert not (await s.send("ja")).has("Dat antwoord ken ik niet")


async def test_a_place_named_in_a_signal_is_there_for_a_question_before_confirming(start):
    s = await start()
    assert (await s.send("signaal voor moerwijk: meer kinderen zonder zwemdiploma")).has("Klopt dit signaal?")
    there = await s.send("wie is de wijkagent daar")
    assert there.has("Moerwijk") and there.cards, there.text
    assert (await s.send("ja, opslaan")).has("opgeslagen")


async def test_where_the_pupil_lives_outside_the_region_without_a_role_says_where_to_go(start):
    """Was a KeyError and 'Sorry, er ging iets mis' (found by the held-out run's log)."""
    s = await start()
    answer = await s.send("ll woont in leiden, bij wie moet ik zijn")
    assert answer.has("Leiden") and not answer.has("er ging iets mis"), answer.text


async def test_a_greeting_before_a_bare_role_keeps_it_a_clear_request(start):
    s = await start(wijk="Den Haag: Ypenburg")
    assert (await s.send("wie is onze smw")).cards
    s.clock.wait(60)
    later = await s.send("hoi weer, lpa?")
    assert later.cards and not later.has("Voor welke wijk"), later.text


async def test_a_new_route_question_after_a_glossary_answer_above_a_waiting_step_is_answered(start):
    """The glossary gave the message back while a route step waited beneath it: nothing was sent."""
    s = await start()
    assert (await s.send("verzuim")).choices
    assert (await s.send("wat is een tlv")).has("Toelaatbaarheidsverklaring")
    after = await s.send("ouders gaan een week eerder op vakantie, wat moet ik doen")
    assert after.text.strip() and after.has("Luxe verzuim"), after.text


async def test_how_long_something_holds_is_answered_from_the_term_just_shown(start):
    s = await start()
    await s.send("wat is een tlv")
    assert (await s.send("hoe lang is die geldig?")).has("hoe lang de TLV geldt")


async def test_loose_follow_ups_with_fillers_keep_the_place(start):
    s = await start()
    assert (await s.send("naam van de jeugdverpleegkundige in kijkduin?")).has("Tineke Boer")
    assert (await s.send("en de arts?")).has("Pieter Hoogstraten")
    assert (await s.send("hm ok, dan de jeugdconsulent")).cards
    moved = await s.send("o wacht het kind woont wel in wateringen eigenlijk")
    assert moved.has("Jeugdteam Westland"), moved.text


async def test_doubt_with_fillers_picks_the_doubt_option_of_a_route_step(start):
    s = await start()
    await s.send("hoe werkt de meldcode")
    for answer in ("nee", "ja", "nee", "ja"):
        await s.send(answer)
    step = await s.send("weet ik eigenlijk niet")
    assert step.has("Veilig Thuis") and not step.has("Afsluiten en alert blijven"), step.text


async def test_an_adviseur_asks_for_the_own_schools_and_the_school_after_a_home(start):
    s = await start(role="adviseur", wijk="Rijswijk: Te Werve")
    assert (await s.send("wie is de jeugdarts voor onze scholen")).has("Annet Post")
    assert (await s.send("leerling van het wervepoortje woont in den haag laakkwartier, welke lpa")).has("Orhan Çelik")
    smw = await s.send("smw blijft die van school toch?")
    assert smw.has("Monique Prins"), smw.text


@pytest.mark.parametrize("text", ["wil je al mijn gegevens wissen", "kun je mijn gegevens weghalen"])
async def test_forget_me_with_the_verb_at_the_end(start, text):
    s = await start()
    assert (await s.send(text)).has("verwijder")


async def test_a_school_role_after_home_and_school_area_asks_about_the_school_area(start):
    s = await start()
    team = await s.send("kind woont in pijnacker, school staat in ypenburg. wie is het jeugdteam")
    assert team.has("Pijnacker-Nootdorp"), team.text
    smw = await s.send("en de smw")
    assert smw.has("Fatma Yilmaz"), smw.text
    lpa = await s.send("en lpa")
    assert not lpa.has("Jeroen Bakker") and lpa.has("Pijnacker"), lpa.text  # leerplicht: where the pupil lives again


async def test_questions_about_the_step_shown_are_answered_from_its_own_text(start):
    s = await start()
    await s.send("een leerling heeft in 4 weken al 16 uur ongeoorloofd gemist, moet ik dat melden?")
    when = await s.send("is daar een termijn voor?")
    assert when.has("5 werkdagen"), when.text
    meld = await s.send("hoe werkt de meldcode")
    assert meld.has("Zorg om de veiligheid")
    await s.send("nee")
    write = await s.send("wat schrijf ik dan precies op")
    assert write.has("feitelijk"), write.text
    married = await s.send("een meisje uit groep 8 zegt dat ze deze zomer in het buitenland uitgehuwelijkt wordt")
    assert married.has("Direct Veilig Thuis bellen"), married.text
    first = await s.send("praat ik eerst met de ouders?")
    assert first.has("voordat je met de familie praat"), first.text
    who = await s.send("ok doe ik. wie moet ik op school nog informeren")
    assert who.has("aandachtsfunctionaris"), who.text


async def test_a_question_at_a_route_step_is_answered_and_back_and_restart_work_in_more_words(start):
    s = await start()
    step = await s.send("hoe werkt de ondersteuningsroute")
    assert step.choices
    first = step.texts[0].splitlines()[0]
    await s.send("1")
    asked = await s.send("hoe lang duurt dat eigenlijk?")
    assert asked.choices and not asked.has("Dat antwoord ken ik niet"), asked.text
    back = await s.send("oeps even terug, verkeerd getikt")
    assert back.has(first), back.text
    verzuim = await s.send("laat maar, doe de verzuim route vanaf het begin")
    assert verzuim.has("Verzuim of thuiszitten"), verzuim.text



async def test_an_answer_that_starts_with_terug_does_not_go_back(start):
    s = await start()
    first = (await s.send("hoe werkt de ondersteuningsroute")).texts[0].splitlines()[0]
    assert (await s.send("1")).choices
    reply = await s.send("terug naar school sinds maandag, verder gaat het goed")
    assert not reply.has(first), reply.text  # still at the second step, not back at the first


async def test_a_situation_starts_the_route_at_its_step_and_loose_answers_pick_the_option_they_name(start):
    s = await start()
    tlv = await s.send("wie is de tweede deskundige bij een tlv aanvraag?")
    assert tlv.has("Het SWV beslist over de TLV") and tlv.has("orthopedagoog"), tlv.text
    assert (await s.send("nee")).has("Ondersteuningsteam of MDO")
    assert (await s.send("1")).has("Zijn de doelen gehaald?")
    partly = await s.send("deels")  # a word of one option ("Deels of nee"), no doubt
    assert partly.has("Ondersteuningsteam of MDO") and not partly.has("niet zeker"), partly.text
    s = await start(role="adviseur")
    evaluate = await s.send("eigen plan uitgevoerd, nu tijd voor de evaluatie. wat is de volgende stap")
    assert evaluate.has("Eigen plan evalueren"), evaluate.text
    s = await start(role="beheerder")
    talked = await s.send("leerlingbespreking gehad maar we komen er als school niet uit")
    assert talked.has("Leerlingbespreking met de IB'er") and not talked.has("Verzuim"), talked.text


async def test_an_explicit_nee_beats_an_acknowledging_ok(start):
    s = await start()
    await s.send("verzuim")
    await s.send("ja")
    assert (await s.send("ongeoorloofd")).has("De grens van 16 uur")
    assert (await s.send("ok geteld, nee nog niet")).has("Onder de grens")


async def test_who_does_a_step_is_answered_from_the_step_not_as_a_lookup(start):
    s = await start()
    await s.send("meldcode")
    await s.send("nee")
    await s.send("ja")
    assert (await s.send("nee")).has("Heb je het gesprek gevoerd?")
    who = await s.send("wie moet dat gesprek voeren, ik als leerkracht of de ib?")
    assert who.has("aandachtsfunctionaris") and not who.has("Voor welke wijk"), who.text
    assert (await s.send("ja gesprek gehad met moeder vanmiddag")).has("Stap 4")


async def test_yes_in_more_words_takes_the_offered_step_after_a_term(start):
    s = await start()
    assert (await s.send("wat is een aandachtsfunctionaris")).has("Wil je de stap")
    step = await s.send("ok die heb ik gesproken, wat is die stap precies")
    assert step.has("Stap 2: overleggen"), step.text


async def test_a_term_asked_at_a_route_step_is_explained_and_the_step_still_waits(start):
    s = await start()
    assert (await s.send("ouders weigeren toestemming, wat nu")).has("Geen toestemming van de ouders")
    term = await s.send("ff tussendoor, wat is de avg precies?")
    assert term.has("privacywet") and not term.has("Wil je de stap"), term.text
    assert (await s.send("anoniem overleggen")).has("Overleg met de adviseur van het SWV")
    await s.send("is een groepsplan eigenlijk verplicht?")
    stopped = await s.send("stop")  # the step beneath stops; no "afmelden"
    assert stopped.has("stop met de route") and not stopped.has("afgemeld"), stopped.text


async def test_stop_with_a_reason_stops_the_route(start):
    s = await start()
    assert (await s.send("meldcode")).choices
    stopped = await s.send("stop maar even, moet eerst overleggen met directie")
    assert stopped.has("stop met de route"), stopped.text


async def test_a_term_offer_does_not_wait_beneath_a_lookup(start):
    s = await start()
    assert (await s.send("wat doet een casusregisseur eigenlijk")).has("Wil je de stap")
    assert [c.naam for c in (await s.send("wijkagent transvaal")).cards] == ["Yvonne Bos"]
    corrected = await s.send("nee ik bedoel schilderswijk")  # a correction, not "Nee, dank je" to the offer
    assert [c.naam for c in corrected.cards] == ["Dennis van Leeuwen"], corrected.text


async def test_an_expertise_follow_up_after_a_school_searches_around_that_school(start):
    s = await start()
    assert (await s.send("welke school in voorburg heeft iets met hoogbegaafdheid")).has("Huygenslampje")
    await s.send("en de smw daar")
    autism = await s.send("zelfde vraag maar dan autisme")
    assert autism.has("Bovenveense Wilg") and not autism.has("In welke wijk"), autism.text
    assert [c.naam for c in (await s.send("ib daar?")).cards] == ["Petra Lensink"]


async def test_answers_in_a_short_sentence_and_after_a_term_move_the_route_on(start):
    s = await start()
    assert (await s.send("moet dat echt met toestemming van ouders?")).has("Wil je de stap")
    consent = await s.send("ok ze geven toestemming")  # takes the step and answers its question
    assert consent.has("Overleg met de adviseur van het SWV"), consent.text
    s = await start(role="adviseur")
    await s.send("ondersteuningsroute")
    await s.send("leren")
    await s.send("weet ik niet goed")
    assert (await s.send("ja we maken zelf een plan")).has("Gaat het nu duidelijk beter?")
    assert (await s.send("het gaat nu duidelijk beter")).has("Afsluiten en blijven volgen")
    s = await start(role="beheerder")
    await s.send("ik heb zorgen over een leerling in groep 6, hoe pak ik dat aan")
    await s.send("vooral gedrag")
    await s.send("we doen dit al 8 weken en het helpt te weinig")
    assert (await s.send("2")).has("Geven de ouders toestemming?")
    assert (await s.send("ouders zeggen ja")).has("Overleg met de adviseur van het SWV")


async def test_a_new_route_question_after_a_term_is_no_yes_to_its_offer(start):
    s = await start()
    assert (await s.send("mag de directeur eigenlijk 12 dagen verlof geven?")).has("Wil je de stap")
    sick = await s.send("oke en hoe zit het met een leerling die steeds ziek gemeld wordt")
    assert sick.has("Vaak of lang ziek") and not sick.has("Welke afwezigheid?"), sick.text
    assert not (await s.send("jammer. thx")).has("begrijp ik niet")


async def test_how_to_reach_the_person_just_shown_and_back_from_a_step_jumped_into(start):
    s = await start()
    assert [c.naam for c in (await s.send("wijkagent duindorp")).cards] == ["Sandra Kok"]
    again = await s.send("hoe bereik ik die het best")
    assert [c.naam for c in again.cards] == ["Sandra Kok"], again.text
    sick = await s.send("hoe zit het met een leerling die steeds ziek gemeld wordt")
    assert sick.has("Vaak of lang ziek")
    back = await s.send("terug")  # the one step that leads to it, not "je bent al bij de eerste stap"
    assert back.has("Welke afwezigheid?"), back.text


async def test_private_questions_about_a_partner_and_outside_help_give_no_contact(start):
    s = await start()
    for question in ("wanneer is de smw'er van transvaal jarig", "heeft de wijkagent van duindorp zelf kinderen",
                     "weet jij een goede kinderfysio in ypenburg? leerling heeft moeite met motoriek"):
        answer = await s.send(question)
        assert not answer.cards and "Tel:" not in " ".join(answer.texts), (question, answer.text)


async def test_news_of_a_wijk_in_other_words(start):
    s = await start()
    assert (await s.send("ik wil de wijkberichten van rembrandtkwartier ontvangen")).has("berichten voor Rembrandtkwartier")
    off = await s.send("meld me toch maar weer af")  # after a subscription: that wijk, or all
    assert off.has("geen berichten meer voor Rembrandtkwartier") or off.has("Je bent afgemeld"), off.text


async def test_two_roles_in_one_request_are_both_answered(start):
    s = await start()
    both = await s.send("jgz en smw voor ypenburg")
    names = [c.naam for c in both.cards]
    assert "Fatma Yilmaz" in names and "Marieke van den Berg" in names, names
    one = await s.send("smw ypenburg, de jgz weet ik al")  # no "en"/"ook" between: one role
    assert [c.naam for c in one.cards] == ["Fatma Yilmaz"]


async def test_three_roles_and_roles_around_a_school_are_all_answered_and_kept_for_the_next_place(start):
    s = await start()
    three = await s.send("kun je me de smw jgz en lpa van hoornwijk geven")
    assert [c.naam for c in three.cards] == ["Fatma Yilmaz", "Marieke van den Berg", "Sietske Dijkstra", "Jeroen Bakker"]
    both = await s.send("wijkagent en jeugdteam bij de bovenveense wilg")
    assert [c.naam for c in both.cards] == ["Nicole van der Linden", "Mustafa Kaya"], both.text
    again = await s.send("en voor stompwijk hetzelfde")
    assert [c.naam for c in again.cards] == ["Gerard van Zon", "Karin Hoekstra"], again.text
    mine = await s.send("ik ben smw en zoek de lpa van moerwijk")  # the user's own role is not asked
    assert [c.naam for c in mine.cards] == ["Saskia Timmermans"], mine.text


async def test_allebei_after_two_questions_about_one_place_shows_both_again(start):
    s = await start()
    assert [c.naam for c in (await s.send("wie is de adviseur passend onderwijs voor transvaal")).cards] == ["Sanne Willems"]
    assert [c.naam for c in (await s.send("en lpa")).cards] == ["Mohamed Amrani"]
    both = await s.send("nummers van allebei")
    assert {c.naam for c in both.cards} == {"Sanne Willems", "Mohamed Amrani"}, both.text
    assert both.has("06 0007 0231") and both.has("06 0032 2630")
    one = await s.send("en het nummer van de lpa")  # a role named again: that one only
    assert [c.naam for c in one.cards] == ["Mohamed Amrani"], one.text


async def test_several_questions_in_one_message_are_answered_in_turn(start):
    s = await start()
    answer = await s.send("2 vragen: wie is de smw van het spoorwiel en welke scholen in laak hebben nt2 expertise")
    assert [c.naam for c in answer.cards] == ["Sevda Aydin"], answer.text
    assert answer.has("De Laakmeerkoet"), answer.text
    ib = await s.send("ib van die laatste?")  # the one school the list showed
    assert [c.naam for c in ib.cards] == ["Sabine van Eijk"], ib.text
    story = await s.send("we hadden een lang overleg over een leerling uit groep 7 en het gaat al tijden niet goed met "
                         "rekenen en de leerkracht is handelingsverlegen. maar wie is de jeugdconsulent in bezuidenhout?")
    assert [c.naam for c in story.cards] == ["Sarita Jagesar"], story.text  # a story before the question is no question


async def test_three_questions_after_a_greeting_and_a_route_question_in_one_message(start):
    s = await start(wijk="Den Haag: Moerwijk")
    three = await s.send("morgen! 3 dingen: wie is onze smw, wie is de wijkagent en wie is de adviseur")
    assert [c.naam for c in three.cards] == ["Gert-Jan Hoogland", "Ronald Blom", "Ingrid Koster"], three.text
    both = await s.send("2 vragen: wie is onze lpa en wanneer moet ik verzuim melden")
    assert [c.naam for c in both.cards] == ["Saskia Timmermans"] and both.has("16 uur"), both.text


async def test_both_functions_of_a_team_asked_by_name_are_both_shown(start):
    s = await start()
    both = await s.send("wie zijn de jeugdarts en de jeugdverpleegkundige in rijswijk")
    assert {c.naam for c in both.cards} == {"Annet Post", "Laura Groen"}, both.text
    one = await s.send("en alleen de jeugdarts in leidschendam-voorburg")
    assert [c.naam for c in one.cards] == ["Koen Vlasblom"], one.text


async def test_the_users_own_job_is_not_what_they_ask_about(start):
    s = await start(wijk="Den Haag: Moerwijk")
    term = await s.send("hoi! eerste week als ib. wat doet een jeugdconsulent?")
    assert term.has("jeugdteam") and not term.cards, term.text
    colleague = await s.send("ik ben zelf adviseur, wie is mn collega voor escamp")
    assert colleague.cards and all("adviseur" in c.rol for c in colleague.cards), colleague.text


async def test_wacht_even_with_a_role_at_a_route_step_is_a_lookup_and_the_step_waits(start):
    s = await start(wijk="Den Haag: Moerwijk")
    await s.send("verzuim")
    assert (await s.send("ja")).has("Welke afwezigheid")
    aside = await s.send("wacht even, lpa?")
    assert [c.naam for c in aside.cards] == ["Saskia Timmermans"], aside.text


async def test_the_own_wijk_beats_the_last_place_and_a_correction_can_come_last(start):
    s = await start(wijk="Den Haag: Transvaalkwartier")
    assert [c.naam for c in (await s.send("jeugdteam schilderswijk")).cards] == ["Imane Chaara"]
    ours = await s.send("en voor ons?")
    assert [c.naam for c in ours.cards] == ["Lisa Brouwer"], ours.text
    assert [c.naam for c in (await s.send("wijkagent ypenburg")).cards] == ["Mark de Groot"]
    corrected = await s.send("sorry leidschenveen bedoel ik")
    assert [c.naam for c in corrected.cards] == ["Anouk Verhoeven"], corrected.text


async def test_who_that_is_at_a_route_step_shows_the_own_adviseur_and_the_step_waits(start):
    s = await start(wijk="Den Haag: Ypenburg")
    assert (await s.send("ouders geven geen toestemming voor de smw")).has("Geen toestemming van de ouders")
    assert (await s.send("anoniem")).has("Overleg met de adviseur van het SWV")
    who = await s.send("wie is dat bij ons")
    assert [c.naam for c in who.cards] == ["Linda Vermeulen"], who.text
    assert (await s.send("mdo plannen")).has("Ondersteuningsteam of MDO")


async def test_a_question_about_outside_help_does_not_answer_the_question_for_a_place(start):
    s = await start()
    assert (await s.send("wie is de smw")).has("Voor welke wijk")
    aside = await s.send("weet jij een goede huisarts in de schilderswijk")
    assert not aside.cards, aside.text


async def test_an_option_said_inside_a_sentence_answers_the_step(start):
    s = await start(wijk="Den Haag: Schildersbuurt")
    assert (await s.send("wat doe ik als ouders geen toestemming geven voor het mdo")).has("Geen toestemming")
    anonymous = await s.send("dan maar anoniem overleggen met de adviseur")  # no lookup of the adviseur
    assert anonymous.has("Overleg met de adviseur van het SWV") and not anonymous.cards, anonymous.text
    assert (await s.send("ze zegt eerst verder in de klas")).has("Ondersteuning in de klas")


async def test_a_separable_verb_means_the_option_it_splits():
    from wijkwijzer.core.answers import loose_option

    labels = ["Ja, doorgaan", "Ja, afbouwen", "Nee, te weinig"]
    assert loose_option("het werkt, we gaan gewoon door", labels) == 0
    assert loose_option("we bouwen het langzaam af", labels) == 1


async def test_a_safety_worry_in_a_route_question_gets_the_safety_answer_first_and_the_step_asked_about(start):
    s = await start()
    worry = await s.send("ouders weigeren hulp en ik maak me zorgen of ze thuis wel veilig is")
    assert worry.texts[0].startswith("Dit klinkt als zorg") and worry.has("0800-2000"), worry.text
    assert worry.has("Geen toestemming van de ouders") and "Meldcode stap voor stap" in worry.choices, worry.text
    assert (await s.send("meldcode")).has("Zorg om de veiligheid van een kind")
    danger = await s.send("eigenlijk wel, ze durft niet naar huis en vader staat buiten te wachten")
    assert danger.has("Direct gevaar: bel 112"), danger.text


async def test_a_sign_of_abuse_told_in_the_middle_of_a_route_starts_the_meldcode(start):
    s = await start()
    await s.send("een leerling is de laatste tijd vaak afwezig")
    await s.send("ja")
    worry = await s.send("hmm nu ik erover nadenk maak ik me eigenlijk zorgen over mishandeling thuis")
    assert worry.texts[0].startswith("Dit klinkt als zorg") and not worry.has("Bel meteen 112"), worry.text
    assert worry.has("Zorg om de veiligheid van een kind") and "Gaat om medewerker" in worry.choices, worry.text
    assert (await s.send("nee geen direct gevaar")).has("Stap 1: signalen vastleggen")


async def test_a_worry_that_answers_the_steps_safety_option_takes_it(start):
    s = await start()
    await s.send("mag ik een leerling met naam bespreken buiten school zonder dat ouders het goed vinden")
    worry = await s.send("het gesprek met ouders gaf me juist zorgen over de veiligheid thuis")
    assert worry.texts[0].startswith("Dit klinkt als zorg"), worry.text
    assert "Gaat om medewerker" in worry.choices and not worry.has("Stap 3"), worry.text


async def test_a_step_question_answered_in_its_own_words_with_a_no(start):
    s = await start()
    await s.send("ll zit al 5 weken thuis")
    await s.send("ja")
    back = await s.send("ze gaat nog niet, blijft thuis")
    assert back.has("Het SWV zoekt mee") and "Plan voor terugkeer" in back.choices, back.text


async def test_how_long_about_a_term_opens_its_step_and_who_applies_comes_from_the_step(start):
    s = await start()
    opp = await s.send("binnen hoeveel tijd moet een opp er zijn")
    assert opp.has("Ontwikkelingsperspectief (OPP)") and opp.has("6 weken") and opp.choices == ["Ja", "Nee"], opp.text
    assert (await s.send("we denken aan speciaal onderwijs voor een ll")).has("TLV voor speciaal")
    assert (await s.send("wie vraagt de tlv eigenlijk aan?")).has("schoolbestuur")


async def test_where_the_pupil_lives_and_where_the_school_is_in_one_sentence(start):
    s = await start()
    lpa = await s.send("wie is de lpa voor een ll die in leidschendam-voorburg woont en in den haag op school zit")
    assert [c.naam for c in lpa.cards] == ["Peter de Jong"], lpa.text
    smw = await s.send("woont wel in den haag maar zit op school in rijswijk, smw?")
    assert [c.naam for c in smw.cards] == ["Monique Prins"], smw.text


async def test_an_expertise_follow_up_stays_an_expertise_question(start):
    s = await start()
    assert (await s.send("school met expertise gedrag in rijswijk")).has("Plaspoelpieper", "Wervepoortje")
    follow_up = await s.send("en voor thuiszitters")
    assert follow_up.has("thuiszitters/terugleiding", "Plaspoelpieper") and not follow_up.has("Wervepoortje")
    assert (await s.send("obs transvaalvink expertise?")).has("Expertise van OBS De Transvaalvink", "gedrag")


async def test_how_to_go_through_a_term_starts_its_route(start):
    s = await start()
    await s.send("wat is de meldcod")
    assert (await s.send("hoe loop ik die door")).has("Zorg om de veiligheid van een kind")
    assert (await s.send("nee geen direct gevaar")).has("Stap 1: signalen vastleggen")


async def test_news_of_one_wijk_no_longer_wanted_unsubscribes_it(start):
    s = await start()
    await s.send("stuur mij ook de nieuwtjes uit wateringse veld en leyenburg")
    await s.send("die van leyenburg hoef ik toch niet")
    listed = await s.send("welke berichten krijg ik?")
    assert listed.has("Wateringse Veld") and not listed.has("Leyenburg")


async def test_a_staff_member_hurting_children_gets_the_meldcode(start):
    s = await start()
    turn = await s.send("een collega pakt kinderen soms hardhandig bij de arm, ik weet niet goed wat ik daarmee moet")
    assert turn.has("Veilig Thuis", "0800-2000", "Gaat om medewerker")
    assert (await s.send("het gaat om een medewerker ja")).has("Vermoeden tegen een medewerker")


async def test_an_absence_without_notice_starts_at_the_16_hour_step(start):
    s = await start()
    assert (await s.send("een ll komt steeds niet opdagen zonder afmelding")).has("De grens van 16 uur")


async def test_the_middle_option_of_three_is_picked(start):
    s = await start()
    await s.send("verzuim")
    assert (await s.send("ja")).has("Welke afwezigheid?")
    assert (await s.send("de middelste")).has("Vaak of lang ziek")


async def test_ok_with_a_question_of_its_own_is_no_yes_to_the_meldcode(start):
    s = await start()
    await s.send("trouwens, een meisje uit groep 4 vertelde vanochtend dat haar vader haar slaat")
    turn = await s.send("ok. wijkagent rivierenbuurt?")
    assert [c.naam for c in turn.cards] == ["Yvonne Bos"] and not turn.has("Direct gevaar: bel 112")


async def test_ok_with_a_place_after_a_term_answers_the_question_before(start):
    s = await start()
    await s.send("wie is de jgz")
    await s.send("wat doet een jeugdverpleegkundige eigenlijk")
    turn = await s.send("ok, voor rijswijk")
    assert {c.naam for c in turn.cards} == {"Annet Post", "Laura Groen"}


async def test_good_news_told_is_a_signal_not_an_expertise_question(start):
    s = await start()
    turn = await s.send("even melden dat de nieuwe taalklas bij ons in leyenburg heel goed loopt, ouders zijn blij")
    assert not turn.has("vind ik geen school") and turn.has("Klopt dit signaal?") and "Ja, opslaan" in turn.choices


async def test_a_worry_no_rule_names_inside_a_step_answer_still_moves_the_route_on(start):
    s = await start()
    await s.send("ll is vaak te laat en af en toe afwezig zonder briefje, wat kan ik doen")
    turn = await s.send("ja het wordt steeds meer, vorige week 3 dagen weg")
    assert turn.has("Verzuim melden bij DUO")
