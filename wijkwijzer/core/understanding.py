"""Dutch language understanding: the intent and entities of a phone-typed message.

Rules over the knowledge-base resolver; no cloud service and no model. Everything that names
Dutch words is data in the tables below:

* ``SOCIAL`` — short social messages (greeting, thanks, help, cancel): a core phrase, and
  every other word a filler ("top dank je", "hoi hoe gaat het"). Anything more goes on.
* ``CUES`` — named patterns on the normalised text ("wie", "wat is", "hoe", "signaal").
* ``RULES`` — one row per piece of evidence: intent, confidence, the cues and entity features
  that must all be present (``when``) and those that must not (``unless``). An intent scores
  the best confidence of its rows that hold; the best intent wins, a tie goes to the earlier
  row. Below ``UNKNOWN_BELOW`` the answer is ``unknown`` — never a confident wrong answer.
* ``ROUTE_WORDS`` and ``THEMA_WORDS`` — words that name a route or a signal thema.

Entity features come from the resolver (wijk, gemeente, school, rol, expertise, begrip, despite
typos) and from the text (postcode, route words, invite codes). Entities that do not belong to
the winning intent are dropped, so the output is exactly the contract of ARCHITECTURE.md.
Decisions the test set (tests/nlu/utterances.yaml) documents: a lone place or role is
partner_lookup; a lone term is glossary unless it names a route; where a pupil lives beats where
the school is; the first term named is the begrip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from wijkwijzer.core.intents import INTENT_NAMES, INTENTS
from wijkwijzer.core.privacy import allowed_words, find_personal_data, lexicon, vocabulary
from wijkwijzer.core.safety import assess
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.resolver import Candidate, Mention
from wijkwijzer.knowledge.text import normalize
from wijkwijzer.knowledge.vocabulary import RESIDENCE_ROLES, STOPWORDS, THEMA_IDS

ENTITY_KEYS = ("rol", "wijk", "gemeente", "school", "postcode", "expertise", "thema", "begrip", "route")
UNKNOWN_BELOW = 0.5
"""Below this the answer is unknown. Between it and 0.75 an answer stands on its own but does not
pull a running dialog away (dialogs.common.wants_something_else): a lone "ypenburg" (0.6) or "tlv"
(0.7) typed as the answer to a dialog's question stays that answer."""
SOCIAL_CONFIDENCE = 0.95
MIN_FUZZY_SCORE = 85.0
"""A free sentence offers many words to mismatch, so a near match counts from here (the resolver admits 80)."""
MIN_PARTIAL_SCORE = 84.0
"""A place named by part of its name ("voorburg" for Voorburg-West) counts only without a typo."""
EXACT = 100.0
PLACE_KINDS = ("wijk", "gemeente", "school")
MAX_TEXT = 1000
MULTI_THEMAS = 3
"""Three themas in one signal make it multiproblematiek."""


def _words(words: str) -> str:
    """Any of these whole words; '_' stands for a space ('zit_er')."""
    return r"\b(?:" + "|".join(w.replace("_", " ") for w in words.split()) + r")\b"


def _stems(words: str) -> str:
    """Any word starting with one of these ('angst' → angstig, angstklachten)."""
    return r"\b(?:" + "|".join(w.replace("_", " ") for w in words.split()) + ")"


def _any(*patterns: str) -> re.Pattern[str]:
    """One pattern matching where any of ``patterns`` matches, tried in the order given.

    Consecutive patterns that start at a word boundary share one ``\\b``: ``\\b(?:a|b)`` matches
    exactly what ``\\ba|\\bb`` matches, but Python's ``re`` then tries the alternatives only where
    a word starts instead of at every character, which makes a search 3-5 times faster."""
    parts: list[str] = []
    bounded: list[str] = []
    for pattern in patterns:
        if pattern.startswith(r"\b") and not _alternates_at_top(pattern):
            bounded.append(f"(?:{pattern[2:]})")
            continue
        if bounded:
            parts.append(r"\b(?:" + "|".join(bounded) + ")")
            bounded = []
        parts.append(f"(?:{pattern})")
    if bounded:
        parts.append(r"\b(?:" + "|".join(bounded) + ")")
    return re.compile("|".join(parts))


def _alternates_at_top(pattern: str) -> bool:
    """True when ``pattern`` has a ``|`` outside any group: its leading ``\\b`` then belongs to
    the first alternative only."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False


# ───────────────────── short social messages ─────────────────────
# intent → (core phrase, extra filler words). The message must hold the core and nothing but
# fillers besides; "dank je, en de leerplicht?" is therefore no plain thanks.
_FILLER = frozenset(
    """
    de het een en ja nee ok oke okay hoor even nog nou dan toch wel maar ook al eigenlijk echt gewoon hier
    je jij jou u me mij ik wij we jullie allemaal iedereen wijkwijzer bot daar alsjeblieft alstublieft aub pls graag
    """.split()
)
SOCIAL: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {
    "greeting": (
        _any(_words("hoi hoihoi hallo hallootjes hey heey hee hei hej heej hai hi yo hello goedendag dag morgen "
                    "middag mrgn mogge moggu gm goedemrgn gmorgen"),
             r"\b(goede|goeie|goeden|goeie) ?(morgen|middag|avond|dag)\b", r"\bgoed(e|en)?(morgen|middag|avond)\b",
             r"\bgoei(e)?(morgen|middag|avond)\b"),
        frozenset("team collega collegas hoe gaat het ermee met alles goed lekker zeg allemaal daar".split()),
    ),
    "thanks": (
        _any(_words("bedankt dank danku dankje dankjewel dankjwel dankuwel bedankje thanks thank thx thnx tnx thanx "
                    "merci"), r"\b(hier|daar|zo) kan ik (weer )?(mee )?verder\b", r"\bik kan (weer )?verder\b",
             r"\bheel fijn\b", r"^(top|toppie|topper|super|fijn|mooi|prima|perfect|geweldig|handig|nice|cool)\b",
             r"\bdat hielp\b", r"\bscheelt (me|mij|ons) (een hoop|veel)\b", r"\b(daar|hier) kan ik (wat|iets) mee\b",
             r"\bje bent een (topper|held|schat|kanjer)\b", r"\bfijn dat (dit|je|jij|het) bestaat\b",
             r"\bga ik (meteen|direct|gelijk) (doen|mee aan de slag)\b"),
        frozenset("""
            top super perfect fijn mooi geweldig helder duidelijk prima topper held heel erg zeer hartelijk vriendelijk
            helemaal goed kan mee verder
            alvast nogmaals weer voor info informatie hulp antwoord antwoorden reactie snelle snel was is dit dat
            you much zo veel duizendmaal x zoekwerk tijd ga ik meteen doen dat dit bestaat
            ah oh oke ok okay het meedenken moeite uitleg info jullie je jij u hoor hartstikke jammer helaas balen
        """.split()),
    ),
    "help": (
        _any(_words("help helpen hulp menu info opties handleiding uitleg instructie instructies"),
             r"\bwat (kan|kun|doe|weet|ken) (je|jij|u)\b", r"\bwat (kan|kun|mag) ik( \w+){0,3} (vragen|doen)\b",
             r"\bhoe werkt? (dit|het|jij|je|wijkwijzer|deze bot|de bot|deze app)( ding| dingetje| programma)?\b",
             r"\bwat (moet|kan|mag) ik (hier )?(in)?(typen|tikken|intypen|vragen)\b",
             r"\bwat (is|doet) (dit|wijkwijzer|deze bot)\b", r"\bik (snap|begrijp|weet) (het|er|dit) niet\b",
             r"\bwaar ?voor (ben|kan|dien) (je|jij|ik je)\b", r"\bhoe (moet|kan) ik (dit|je|jou) gebruiken\b",
             r"\bwaar ?voor (kan|kun|mag) ik (je|jou|jullie|dit|deze chat) (ge)?bruiken\b",
             r"\bwaar(mee)? (kan|kun) (je|jij) (me|mij|ons) (mee )?(helpen|van dienst zijn)\b",
             r"\bwaar (ben|is) (je|jij|dit|deze chat|deze bot) (eigenlijk )?(voor )?bedoeld\b",
             r"\bwat (zijn|is) (de|hier de) mogelijkheden\b", r"\bwelke vragen (snap|begrijp|ken|kent) (je|jij)\b",
             r"\b(geef|noem) (eens |me )?(een )?voorbeeld", r"\bik kom er niet uit\b",
             r"\bik (snap|begrijp|weet) niet hoe ik (je|jou|dit|deze chat) (moet )?gebruiken\b"),
        frozenset("nieuw ben als ib er ibér adviseur intern begeleider hoi hallo hey goedemorgen middag "
                  "allemaal doen voor hier precies zoal nog meer mee van alles bij niet zo goed ermee wat over deze "
                  "dit waar kun kan eens van wat ik typen chat met deze aan je jou u waarvoor gebruiken".split()),
    ),
    "cancel": (
        _any(_words("annuleer annuleren cancel afbreken ophouden niks niets"), r"\bbreek (het )?af\b",
             r"\b(stop|stoppen|kap|klaar) (er|hier)?mee\b", r"\bhoud? (maar )?op\b",
             r"\blaat (het |dat )?(ook |verder )?maar( zitten)?\b", r"\bvergeet (het|dat|dit)( maar)?\b",
             r"\bterug naar (het )?(begin|start|menu)\b", r"\bopnieuw beginnen\b", r"\bstop (maar|ermee|hiermee)\b",
             r"\btoch (maar )?niet\b", r"\bdoe (dat |het )?maar niet\b", r"\bhoeft niet (meer)?\b",
             r"\bbreek (dit|het|dat) af\b", r"\blaat (die|deze|de|mijn) vraag (maar )?zitten\b",
             r"\bniet meer nodig\b",
             r"\bik (wil|hoef) (niet meer|niks|niets)\b"),
        frozenset("ermee zitten toch meer niet sorry verkeerd foutje fout per ongeluk dit dat deze gesprek "
                  "vraag ah oh nee neee nou hmm".split()),
    ),
}

# ───────────────────── cues ─────────────────────
# Named patterns on the normalised text (lowercase, no punctuation; "smw'er" → "smwer").
_ROUTE_NOUNS = "route stappen stappenplan procedure aanpak werkwijze protocol"
_NEWS = "berichten aankondigingen meldingen nieuws berichtjes updates nieuwsbrief notificaties wijkberichten nieuwtjes"
_MESSAGE = "bericht berichtje mededeling nieuwsbrief uitnodiging oproep nieuwtje herinnering rondschrijven"
_THE_LAST_ONE = r"\b(van|bij|op) (die|de) (laatste|eerste|bovenste|onderste)( school)?$"
"""'ib van die laatste': the one school the last answer listed (a school named before)."""

CUES: dict[str, re.Pattern[str]] = {
    "who_strict": _any(_words("wie wiens")),
    # Who the person just shown or named is: "wie is dat bij ons", "wie is die dan"
    "who_that": _any(r"\bwie (is|zijn) (dat|die|diegene|deze)\b"),
    # Who does a task, not who to contact: "wie moet dat gesprek voeren, ik of de ib?", "wie vraagt de tlv aan".
    "who_task": _any(r"\bwie (moet|moeten|mag|gaat|doet|voert|vraagt|schrijft|vult|maakt|plant|regelt|tekent|beslist) "
                     r"(dat|die|dit|het|de|een|zo n|zon) (\w+ )?(gesprek|melding|aanvraag|verslag|formulier|opp|tlv|"
                     r"plan|dossier|overleg|mdo|ot|afweging|besluit|evaluatie|notitie|notities|\w+ (voeren|doen|aanvragen|"
                     r"maken|schrijven|invullen|plannen|regelen|tekenen))\b"),
    # Whether consent is needed, a question about the route's step, not for a person: "ik wil een ll
    # bespreken met de smw, heb ik daar toestemming van ouders voor nodig?"
    "consent_question": _any(r"\btoestemming\b( \w+){0,4} nodig\b", r"\bnodig\b( \w+){0,3} toestemming\b",
                             r"\b(mag|moet|kan|kunnen|mogen) (ik|je|we|wij|de school) (\w+ ){0,5}(zonder|met) toestemming\b"),
    "who": _any(_words("wie wiens zit_er zitten_er aanspreekpunt contactpersoon zoek zoeken nodig heb_je hebben "
                       "terecht"),
                r"\bwelke? (jeugdteam|wijkteam|lokaal team|lokale team)\b"),
    "contact": _any(_stems("contact"), _words("telnr 06 nr spreekuur adres"),
                    r"\bgegevens\b(?! (delen|uitwisselen|doorgeven|doorsturen|opvragen|bewaren))",
                    r"\b(telefoon|tel|mobiel|mobiele)?(nummer|nummers)\b",
                    _words("bellen bel mailen mail mailadres email emailadres bereik bereiken bereikbaar "
                           "bereikbaarheid")),
    "followup": _any(r"^(en|of|ook|en dan|en nu|en wat|alleen|nu|dan|zelfde|hetzelfde|idem)\b",
                     r"^((hm+|uhm|eh|o|oh|oja|wacht|sorry|trouwens|btw|nou|idd|inderdaad|ok|oke|okay|top|thx|dank je|"
                     r"dankje|ja|prima|super|mooi|fijn|ah|aha) ){1,3}(en|of|ook|dan|zelfde|hetzelfde|idem)\b",
                     # A correction keeps the rest of the question: "nee sorry ik bedoel de jeugdarts".
                     r"\bik bedoel(de)?\b", r"\bbedoel(de)? ik\b", r"\book( ff| even| graag| nog| pls| aub)?$", r"^(nee|neen|sorry|oeps|oh) (\w+ ){0,2}(de|het|liever|toch|vd|van de|van het|voor de|voor het)\b",
                     # where the pupil of the last question lives: "ll woont in den haag, moerwijk"
                     r"^((o|oh|oja|wacht|sorry|trouwens|btw|eh|nee|ow) ){0,3}(de |het |die |deze |onze |mijn )?"
                     r"(ll|leerling|kind|jongen|meisje|hij|zij|ze)( \w+){0,2} (woont|wonen) ((wel|eigenlijk|toch|nu) )?(in|op)\b",
                     # or which school: "hij zit op basisschool de moerkikker"
                     r"^(de |het |die |deze |onze |mijn )?(ll|leerling|kind|jongen|meisje|hij|zij|ze) (zit|zat|gaat) (op|naar) "
                     r"(de |het |basisschool |school |obs |cbs |ikc |sbo )",
                     _words("zelfde hetzelfde dezelfde idem"), r"\bwie is dat\b", r"\b(ook|nu) (voor|in|bij)\b",
                     r"\bdie van (de |het )?(school|basisschool)\b"),
    # Pointing back at what was said: "wie is daar de ib'er", "van die school", "hoe vraag ik die aan".
    # "wat is haar nummer", "en zijn mail?", "nummer van die laatste?": the details of the contact just shown
    "detail_back": _any(r"\b(haar|zijn|zn|hun|diens) (telefoon|tel|mobiele |mobiel)?(nummer|nr|mail|mailadres|"
                        r"emailadres|email|gegevens|contactgegevens)\b",
                        r"\b(nummer|nr|mail|mailadres|emailadres|email|gegevens|contactgegevens|telefoonnummer) van "
                        r"(haar|hem|die|de laatste|die laatste|de eerste|die eerste)\b",
                        r"^(en |ok |oke )?(het |de |zijn |haar |hun |z n |d r )?(telefoonnummer|telefoonnummers|telefoon|tel|"
                        r"nummer|nummers|nr|mail|mailadres|mailadressen|emailadres|email|e mail)( van (allebei|beide|beiden|"
                        r"hen|hem|haar|die|die laatste))?( graag| aub| please)?$"),
    "refers_back": _any(_words("daar daarvan daarvoor daarbij die_school deze_school dat_kind die_wijk deze_wijk "
                               "die_aan dat_aan er_een er_eentje die_maken dat_maken die_opstellen die_school"),
                        _THE_LAST_ONE,
                        r"\bhoe (vraag|maak|regel|doe|start|schrijf|krijg|stel|pak|begin|loop|doorloop|volg|gebruik|pas|vul|zet) (ik|je|we|jij|jullie) "
                        r"(die|dat|deze|dit|hem|er een|er eentje|daar een)\b",
                        # the person just shown: "hoe bereik ik die het best"
                        r"\bhoe (bereik|contacteer|benader|spreek|bel|mail|app) (ik|je|we|jij) (die|hem|haar|diegene|deze)\b"),
    # "de smw van die school": the school named before, not the wijk.
    "that_school": _any(r"\b(die|deze|dezelfde|zelfde|diezelfde) (school|basisschool|locatie)\b",
                        r"\bdie van (de |het )?(school|basisschool)\b", _THE_LAST_ONE),
    # The user's own place: "wie is de smw hier", "bij ons in de wijk".
    "here": _any(_words("hier hierzo bij_ons voor_ons mijn_wijk onze_wijk eigen_wijk mijn_school onze_school onze_scholen "
                        "mijn_scholen horen_wij hoor_ik ons_gebied mijn_gebied"),
                 # "wie is onze smw", "mijn wijkagent?": the user's own wijk
                 r"\b(onze|ons|mijn|mn|m n) (vaste |eigen )?(smw\w*|schoolmaatschappelijk\w*|lpa|leerplicht\w*|jgz|"
                 r"jeugdarts|jeugdverpleegkundige|cjg|wijkagent|jeugdteam|jeugdconsulent|ketenpartners?|contactpersonen|"
                 r"(swv )?adviseur)\b"),
    # Every partner of a place: "ketenpartners ypenburg", "wie is de ketenpartner voor wijk duindorp".
    "partners_word": _any(_words("ketenpartner ketenpartners partners contactpersonen"),
                          r"\balle (contacten|partners|contactpersonen|hulpverleners)\b"),
    # A person instead of the bot: the user's own adviseur or the SWV's loket.
    "human": _any(r"\b(een |met een |iemand |echt )?(mens|persoon|medewerker|echt iemand|iemand echt)( echt)? "
                  r"(spreken|bellen|praten|aan de lijn|aan de telefoon)\b",
                  r"\b(geen|niet met een|ipv een|in plaats van een|liever geen) (bot|robot|computer|chatbot)\b",
                  r"\bechte? (mens|persoon|medewerker)\b", r"\biemand (van vlees en bloed|van het swv)\b",
                  r"\bverbind (me|mij|ons) (\w+ )?(door )?met\b",
                  r"\biemand ((spreken|bellen) )?(van|bij) (het|de) (loket|swv|samenwerkingsverband|helpdesk)\b",
                  r"^(kan|mag) ik (\w+ )?iemand (bellen|spreken)\b", r"\biemand (\w+ )?aan de (lijn|telefoon)\b"),
    # A whole word that is only the route menu.
    "route_alone": _any(r"^(de )?(route|routes|routekaart|stappenplan|stappenplannen)( graag| aub)?$"),
    # Out of scope even with a domain word in it: work and pay, private life, shops and going out.
    "off_topic": _any(
        _stems("vacature sollicit salaris verdien vakantiedag ouderschapsverlof zwangerschapsverlof cao oppas "
               "huurhuis huurwoning koophuis tandarts apotheek kapper supermarkt restaurant voetbalclub "
               "sportclub sportschool zwemles speeltuin fietsenmaker bakker parkeer geparkeerd tanken recept "
               "wachtwoord printer loodgieter elektricien weggesleept pizzeria snackbar paspoort rijbewijs"),
        # the user's own errands: "kan de jeugdarts ook mijn griepprik zetten"
        r"\bmijn (griepprik|prik|vaccinatie|id kaart|idkaart|belasting|belastingaangifte|aangifte|toeslag|toeslagen|"
        r"uitkering|huur|hypotheek|verzekering)\b", r"\bhoe word (ik|je|jij) (zelf |ook |eigenlijk |nou )?(een )?(wijkagent|leerplichtambtenaar|ib er|iber|smwer|jeugdarts|"
        r"jeugdverpleegkundige|adviseur|leerkracht|juf|meester|intern begeleider)\b",
        _words("baan opleiding weer_in mooi_weer parttime fulltime stageplek stage schaal salarisschaal regent "
               "turnvereniging kerstpakket budget bezuinigingen notulen"),
        r"\b(wil|ga|kan) (zelf )?\w+ worden\b", r"\bwerken als\b",
        r"\b(als|mijn) (iber|ib er|ib|wijkagent|leerkracht|smwer|jeugdverpleegkundige)\b.{0,30}\b(uren|contract|"
        r"werken|uitbreiden|loopt af|taak)\b", r"\b(mijn|de) (uren|contract)\b", r"\bib ?taak\b",
        r"^(vul|schrijf|maak|plan|boek|regel|dien)\b", r"\b(kun|kan) (je|jij)\b.{0,40}\b(invullen|uitwerken|indienen|"
        r"schrijven|maken|plannen|inplannen|checken|nakijken)\b", r"\bwat vind (jij|je)\b", r"\bvolgens jou\b",
        r"\bin (mijn|je) agenda\b", r"\bhoeveel leerlingen (zitten|heeft|hebben)\b", r"\bvergadert\b",
        # Doing something on the user's behalf: the bot only tells who to contact.
        r"\bnamens (mij|ons)\b", r"^(bel|mail|app|sms) (jij|je|u)\b", r"\bdoe (de |mijn |ze )?groeten\b",
        r"\bstuur (jij|je|u) (\w+ ){0,3}(een )?(mail|mailtje|bericht|berichtje|appje)\b",
        r"\bvoor (mij|ons) (bellen|mailen|appen|regelen)\b",
        r"^stuur (het|de|een|dit|dat|mijn|die)\b", r"\bin de b?cc\b", r"\bdoe (jij|je|u) (de|het|mijn|die)\b.{0,40}\bvoor (me|mij|ons)\b",
        # the writer's own family: "mijn dochter heeft een logopedist nodig"
        r"\b(mijn|mn) (eigen )?(dochter|zoon|zoontje|dochtertje|kinderen|man|vrouw|partner|moeder|vader)\b",
        # Private life and the person behind a role: "mn gestolen fiets", "is de wijkagent getrouwd".
        r"\b(mijn|mn) (\w+ )?(fiets|auto|scooter|brommer|portemonnee|buurman|buurvrouw|buren|kat|hond|poes|"
        r"kinderopvang|oppas|verhuizing|verhuisdozen)\b",
        # the person behind a role: "heeft de smw ook een hond", "is de jeugdarts ook huisarts", "vegetarisch"
        r"\b(ook|zelf) (een |de )?(hond|kat|poes|huisarts|tandarts|vriend|vriendin)\b", _stems("vegetari veganist"),
        r"\bcadeau\w* (\w+ ){0,2}(kopen|geven|voor)\b", r"\bafscheidscadeau\w*", r"\b(excel|spreadsheet)\b",
        r"borrel\b",  # also "netwerkborrel"
        r"\b(getrouwd|vrijgezel|verjaardag|huisdier|jarig)\b", r"\bhoe oud (is|zijn|was)\b", r"\b(kat|hond|poes) van\b",
        r"\bzelf (ook )?(kinderen|kids|een gezin)\b", _stems("fysio kinderfysio fysiotherap"),
        # the user's own work and the hours of the person behind a role
        r"\b(van|op|naar) (mijn|mn) werk\b", r"\bhoeveel uur (per week |in de week |per dag )?(werkt|werken|zit|zitten)\b",
        # someone to go to outside the school's partners: "weet jij een goede huisarts in de schilderswijk"
        r"\b(een|nog een) (goede|leuke|fijne|betrouwbare) (huisarts|dokter|tandarts|logopedist\w*|psycholoog|"
        r"kinderpsycholoog|oppas|kapper|bso|sportclub|zwemles)\b",
        _stems("declar thuiswerk bijbaan"),
        r"\bwanneer is de (volgende )?(vergadering|bijeenkomst|borrel)\b", r"\bhoeveel geld\b",
        r"\braad van toezicht\b", r"\bnieuwe (directeur|bestuurder|voorzitter)\b"),
    "what_is": _any(r"\bwat (is|zijn|was|betekent|betekend|betekenen|houdt|houden|doet|doen)\b(?! (?:de |het )?(?:volgende|eerstvolgende) stap)",
                    r"^wa (is|zijn|betekent|betekend|betekenen|houdt)\b",
                    r"\bwat (bedoel|bedoelen|bedoelt)( ze| je| jullie| men| we)? met\b",
                    r"\bwat (moet|moeten) (ik|we|je) verstaan onder\b", r"\bwat verstaan (we|jullie) onder\b",
                    _words("betekenis uitleg definitie waar_staat staat_voor verschil_tussen wie_is_een"),
                    r"\bleg (eens |even )?uit\b", r"\bwat voor (iets|ding|een ding) is\b"),
    # How long or by when, about a term: the route step holds its termijn ("binnen hoeveel tijd moet een opp er zijn")
    "how_long": _any(r"\bbinnen hoeveel (tijd|dagen|weken|maanden)\b", r"\bhoe ?lang (duurt|mag|heb|hebben|geldt|is|moet)\b",
                     r"\bhoeveel tijd\b", r"\bwat is de termijn\b", r"\bwelke termijn\b"),
    "how_is_that": _any(r"\bhoe (zit|zat) (dat|het)( nou| ook)?( alweer)?\b",
                        r"^(\w+ ){0,3}is (een |het |de |zo n |zon )?\w+( \w+)? (eigenlijk |wel |nou |nu |echt )*(verplicht|wettelijk)\b"),
    "how_route": _any(rf"\b(wat|hoe) (is|zijn|werkt|verloopt|gaat) (de|het) {_words(_ROUTE_NOUNS)}",
                      r"\b(route|stappen|stappenplan|procedure) (voor|bij|van|om)\b"),
    "how": _any(r"\bhoe\b(?! (laat|oud|heet|heette|gaat het|is het))",
                r"\bwat (moet|moeten|kan|kunnen|doe|doen|nu|te doen|als)\b",
                r"\bwanneer (moet|mag|kan|schakel|meld|doe)\b", r"\b(wat|hoe) (is|zijn) de (volgende|eerste) stap",
                _words("moet_ik waar_begin_ik waar_start_ik")),
    "steps": _any(_words("stap " + _ROUTE_NOUNS)),
    # What can come after a step: "welke opties hebben we na het ot", "wat zijn de mogelijkheden na het mdo".
    "options": _any(r"\b(welke |wat zijn (de |onze |mijn )?)(opties|mogelijkheden|vervolgstappen|keuzes)\b"),
    "consider": _any(r"\b(denken|denk|dachten|overwegen|overweeg|overwogen|willen|wil) (aan|over) (een|de|het)\b"),
    "act": _any(_words("""
        aanvragen aanvraag aanvraagt opstellen maken schrijven invullen starten regelen organiseren plannen inschakelen
        indienen melden doorverwijzen verwijzen opzetten evalueren bespreken inzetten aanpakken verlengen
    """)),
    "expertise_cue": _any(_words("ervaring expertise gespecialiseerd specialisatie specialist deskundig kennis "
                                 "terecht expertisekaart opvangen plek_voor"),
                          # "goed in autisme", not "het goed vinden" (consent) or "gaat goed"
                          r"\bgoed\b(?! (?:vinden|vindt|vonden|keuren|gekeurd|gaat|ging|gegaan|genoeg|is|was|loopt|liep|"
                          r"verloopt|lopen|bevalt|werkt)\b)",
                          r"\b(veel|iets|wat) met \w+ doe[nt]?\b",
                          # "doet veel met autisme", not "wat moet ik doen met een thuiszitter" (a route question)
                          r"(?<!moet ik )(?<!moeten we )(?<!moet je )(?<!kan ik )"
                          r"\b(doet|doen|kan|kunnen|werkt|werken) (iets |wat |veel )?(met|aan)\b"),
    # What a school offers: "welke expertise heeft de vliegerwolk", "waar is die school goed in".
    "school_profile": _any(r"\b(welke|wat voor|wat voor een) (expertise|expertises|specialisatie|specialisaties|"
                           r"specialiteit)\b.{0,40}"
                           r"\b(heeft|hebben|hebbe|hebt|biedt|bieden|zit)\b",
                           r"\bwaar (is|zijn) (die|deze|de|het) (school|scholen)\b.{0,20}\bgoed in\b"),
    "school_word": _any(_words("school scholen basisschool basisscholen schooltje ikc kindcentrum sbo locatie")),
    "signal_start": _any(r"^(nieuwe? |kort |korte |snel |nog een |een |mijn |dringend |urgent |spoed )?"
                         r"(signaal|signaaltje|signalering|signalement)\b",
                         r"^noteer (?!(even |ff |eventjes |maar )?(een |als |dit als )?(signaal|signaaltje)\b)"
                         r"(?!(even |ff |eventjes |maar )?(het|de|zijn|haar) (telefoon)?(nummer|gegevens|mail)\b)\w",
                         r"^(sla (dit |het )?op als|noteer( even| ff)?( een| als| dit als)?|log( even| ff)?( een| als)?|"
                         r"bewaar( dit)? als) (nieuw |nieuwe )?(signaal|signaaltje)\b"),
    "urgent_start": _any(r"^(dringend|urgent|spoed)\b"),
    "signal_word": _any(_words("signaal signaaltje signalering signalement")),
    "signal_verb": _any(_words("doorgeven geven melden afgeven loggen invoeren sturen doen achterlaten noteren "
                               "vastleggen delen registreren maken over")),
    "want": _any(_words("wil wilde wou graag kan_ik mag_ik nieuw nieuwe")),
    "must_report": _any(r"\b(moet|moeten|hoef|hoeven|mag|mogen) (ik|we|wij|je|jij|de school|school) (\w+ ){0,5}"
                        r"(melden|doorgeven|aangeven)\b"),
    "tell_something": _any(r"\b(iets|wat|zorgen) (melden|signaleren|kwijt|doorgeven|delen)\b", _words("signaleren"),
                           r"\b(melden|doorgeven|laten weten|opmerken|aangeven) dat\b", r"\b(even|wil|wilde) melden\b",
                           r"\b(bij jullie|bij het swv|hier) (neerleggen|melden|kwijt)\b",
                           r"\bonder de aandacht (brengen|hebben)\b",
                           r"\b(wil|wilde|moest|moet) (het|dit|dat) (even |ook )?kwijt\b", r"\bwil(de)? (even |ff |eventjes )?kwijt\b",
                           r"\b(even|ff|eventjes|wil|wilde) (iets )?doorgeven\b",
                           # asking the bot to keep it: "kun je anoniem vastleggen dat …", "anoniem melden"
                           r"\b(kun|kan|wil|zou) (je|jij|u) (dit |dat |het |even |ff |anoniem )*(vastleggen|noteren|registreren|"
                           r"opslaan|bewaren|loggen)\b", r"\banoniem (vastleggen|noteren|melden|doorgeven|registreren|opslaan)\b"),
    # Asking what to do about a situation: a route question ("wat moet ik doen", "en nu?", "waar begin ik").
    "what_now": _any(r"\bwat (moet|kan|moeten|kunnen|moet je|kun je) (ik|we|wij|je)? ?(nu |hier |hiermee |daarmee |daar |dan )?"
                     r"(mee )?(doen|mee)\b",
                     r"\b(en|wat) nu\b", r"\bwat (moet|kan|moeten|kunnen) (ik|we|wij)$", r"\bwaar (moet ik )?(begin|beginnen|start|starten) (ik|we|je)?\b",
                     r"\bhoe pak (ik|je|we) (dit|dat|het|zoiets) aan\b", r"\bwat is (hier )?wijsheid\b",
                     r"\b(we|ik) (komen|kom) (er )?(\w+ ){0,4}niet (meer )?uit\b", r"\bwat (zijn|is) (de )?volgende stap",
                     r"\bhoe (nu |dan )?verder\b"),
    # A child or family a route question is about.
    "child_word": _any(_words("kind kinderen kindje leerling leerlingen leerlinge meisje meid jongen zoon dochter "
                              "kleuter kleuters peuter baby puber broer broertje zus zusje gezin gezinnen pupil")),
    # "wat gebeurt er na het ot", "welke uitkomsten zijn er mogelijk": how the process goes on
    "process_question": _any(r"\bwat gebeurt er (allemaal |dan |daarna )?(na|bij|in|tijdens|daarna|dan)\b",
                             r"\bwelke (uitkomsten|opties|mogelijkheden|vervolgstappen)\b",
                             r"\bwat (zijn|is) (de|mijn|onze) (opties|mogelijkheden|uitkomst|uitkomsten)\b"),
    # "ik maak me zorgen over een jongen, hij trekt zich terug": one child, a worry: the route from signaleren
    "worry_one": _any(r"\b(zorgen|bezorgd) (over|om) (een|die|dat|deze|onze|mijn) (ll|leerling|leerlinge|jongen|meisje|meid|"
                      r"kind|kleuter|broertje|zusje)\b"),
    # One child the message is about ("een jongen uit gr 7", "meisje uit groep 5").
    "one_child": _any(r"\b(een|die|dat|deze) (ll|leerling|leerlinge|jongen|meisje|meid|kind|kleuter)\b",
                      r"\b(ll|leerling|leerlinge|jongen|meisje|meid|kind|kleuter) (uit|in|van) (gr|groep)\b"),
    # A person the message is about, without a child word ("hij heeft vaak plekken op zn armen").
    "person_word": _any(_words("hij hem zn z'n zij ze haar")),
    # Who a signal is usually about: with a thema and no question it is a signal ("kinderen komen zonder ontbijt").
    "group_subject": _any(_words("kinderen kids leerlingen lln gezinnen ouders jongeren pubers kleuters klassen "
                                 "meiden jongens tieners")),
    # A trend someone sees: with a thema it is a signal ("we merken steeds meer schoolweigering").
    "trend": _any(r"\bwe (merken|zien|constateren|horen|signaleren)\b", r"\b(merken|zien|horen) we\b",
                  r"\b(zie|merk|hoor) ik\b", r"\bik (merk|signaleer|constateer)\b", r"\bhoor van\b", r"\bvalt (me|mij|ons) op\b", r"\bloopt op\b",
                  r"\bwordt een probleem\b", r"(?<!niet )(?<!geen )\b(echt |heel |enorm |erg |ontzettend )?(veel|meerdere)\b",
                  r"\b(steeds|alsmaar|almaar|veel) (meer|vaker)\b", r"\bopvallend (veel|vaak)\b",
                  r"\bstapelt (zich )?op\b",
                  _words("toename toenemend toenemende neemt_toe nemen_toe groeiend groeiende")),
    # A complaint about how things go: with a thema it is a signal ("wachtlijst is belachelijk lang").
    "complaint": _any(r"\b(loopt|lopen|gaat|gaan) (echt |heel |erg )?(uit de hand|stroef|slecht|mis)\b",
                      r"\b(klagen|klaagt|klaagden|klaag|klachten) over\b",
                      _words("belachelijk onacceptabel onhoudbaar"), r"\b(veel |echt )?te lang\b",
                      r"\bniet (meer )?te doen\b", r"\bstroef\b"),
    "signals_plural": _any(_words("signalen")),
    # What came in: "hoeveel meldingen over armoede", "wat komt er uit escamp binnen", "trend verzuim rijswijk".
    "report_subject": _any(_words("meldingen"), r"\b(komt|kwam|komen|kwamen) (er )?(\w+ ){0,3}binnen\b",
                           r"\bbinnen ?(komt|kwam|gekomen)\b", r"\bdoorgegeven\b", r"\bmelden de scholen\b",
                           r"\bvolgens de meldingen\b"),
    "report_strong": _any(r"\b(laat|geef|toon)\b.{0,20}\b(cijfers|aantallen|overzicht|getallen)\b",
                          _words("rapportage rapportages stand_van_zaken"), r"^(trend|trends|cijfers)\b",
                          r"\bwat is er (\w+ )?gemeld\b", r"\bwat (zien|melden|signaleren) (de |onze |alle )?scholen\b"),
    "report_word": _any(_words("overzicht rapport rapportage dashboard totaal aantal hoeveel lijst stand trend trends "
                               "bekijken zien inzien cijfers statistiek statistieken samenvatting per binnengekomen "
                               "binnen_gekomen ontvangen")),
    "announce_cue": _any(_stems("aankondig"),
                         rf"{_words(_MESSAGE)}.{{0,40}}"
                         rf"{_words('sturen versturen rondsturen plaatsen verspreiden delen')}",
                         rf"\b(stuur|verstuur|verzend|deel|plaats) (een |de )?{_words(_MESSAGE + ' aankondiging')}",
                         rf"{_words(_MESSAGE)}.{{0,30}}\b(naar|aan|voor) (de |het |alle |mijn )?"
                         rf"{_words('ibers iber ib_ers ib_netwerk netwerk iedereen collegas collega_s scholen')}",
                         r"\b(iedereen|alle ibers|de ibers|het netwerk|het ib netwerk) "
                         r"(laten weten|informeren|berichten|uitnodigen)\b",
                         rf"{_words(_MESSAGE)}.{{0,40}}\b(doen|opstellen|maken|naar \w+ moet)\b",
                         r"\b(iedereen|alle scholen|de scholen|alle ibers|het netwerk)\b.{0,40}\b(laten weten|"
                         r"moet(en)? (horen|weten))\b",
                         r"\b(iets )?bekend ?maken\b"),
    "register_word": _any(_words("aanmelden aanmeldcode registreren registreer registratie code uitnodigingscode "
                                 "inlogcode koppelcode activeren activatiecode toegangscode")),
    "register_ask": _any(_words("registreer registreren registratie uitnodigingscode aanmeldcode inlogcode "
                                "activatiecode toegangscode"),
                         r"\b(me|mij) (aanmelden|inschrijven)\b",
                         r"\b(aanmelden|inschrijven) als (iber|ib er|gebruiker|adviseur)\b",
                         r"\bhoe (kom|krijg) ik (aan )?(een )?(account|toegang|inlog|inloggegevens)\b",
                         r"\bhoe word ik gebruiker\b", r"\b(bij )?(jou|je|wijkwijzer) (moet )?(inschrijven|aanmelden)\b",
                         r"\bhoe (zorg|kom) ik (er )?(voor )?dat ik erbij kan\b",
                         r"\bhoe krijg ik (toegang|de nummers|de telefoonnummers)\b",
                         r"\bhoe (kom|krijg) ik (dan )?(aan )?(die|de|deze) (gegevens|nummers|contactgegevens)\b"),
    # "aanmelden" alone, or with something too short to be a code ("aanmelden abc"): explain how.
    "register_alone": _any(r"^(ik wil (me |mij )?)?(aanmelden|registreren|inschrijven)( graag| aub| svp)?( \w{1,8})?$"),
    "signup_word": _any(_words("aanmelden inschrijven"), r"\bmeld (me|mij|ons) (ook )?aan\b"),
    "subscribe_cue": _any(r"\bmeld (me|mij|ons) (ff |even |maar |ook )*aan (voor|bij|op)\b", r"\babonne(er|ren)\b",
                          r"\b(meedoen|aansluiten) (met|bij) (het|de) (netwerk|groep|ib netwerk)\b",
                          r"\bzet\b.{1,30}\ber (ook )?bij\b",
                          rf"\b(ook|graag) (de )?{_words(_NEWS)} (van|voor|over|uit)\b",
                          rf"{_words(_NEWS)}.{{0,40}}\b(krijgen|ontvangen|volgen)\b",
                          rf"\bstuur (me|mij|ons) (\w+ ){{0,2}}{_words(_NEWS)} (van|voor|over|uit)\b",
                          r"\bvoeg\b.{1,40}\btoe\b", r"\btoevoegen aan (mijn|de) (wijken|lijst|abonnement)",
                          r"\b(welke|mijn) (wijken|abonnementen|abonnement)\b",
                          rf"\bwelke {_words(_NEWS)} (krijg|ontvang|volg) ik\b",
                          r"\bvolg(en)? (ik|de wijk|ook)\b",
                          r"\bzet (me|mij|ons) (ook )?op de (lijst|verzendlijst|mailinglijst)\b",
                          r"\bhou(d|den)? (me|mij|ons) (ook )?op de hoogte\b", r"^volg\b",
                          rf"\b{_words(_NEWS)} (weer )?aan$", rf"^{_words(_NEWS)} (\w+ ){{1,3}}aan$", rf"\b{_words(_NEWS)} (weer )?aan (voor|in|van|over)\b", rf"\bzet (de |die |alle |mijn |mn )?{_words(_NEWS)} (maar )?(weer )?aan\b",
                          r"\bstuur (me|mij) (voortaan |ook |maar )+.{0,40}\b(rondgestuurd|verstuurd|gestuurd)\b",
                          rf"\baanmelden (voor|bij|op) (de |alle )?{_words(_NEWS)}",
                          rf"\b(wil|graag|ook) (\w+ )?{_words(_NEWS)} (over|van|uit|voor)\b"),
    # "stop met morgenstond": stop with a place (the rule below asks for the place too)
    # "die van leyenburg hoef ik toch niet": the news of one place no longer wanted (the rule asks for the place)
    "news_not_wanted": _any(rf"^((die|de) )?({_words(_NEWS)}|die|dat) (van|over|uit|voor) .{{1,30}}\b(hoef|hoeven|wil|"
                            r"willen) (ik|we|wij) (\w+ ){0,2}(niet|niks|niets)\b"),
    "stop_with": _any(r"^(stop|stoppen|stop maar|stop ook|kap) (maar |ook |even |ff )?(met|voor)\b"),
    "unsubscribe_cue": _any(r"^(stop|stoppen|stop alles|unsubscribe)$",
                            _words("afmelden uitschrijven unsubscribe"), r"^afmelding\b",
                            r"\bmeld (me|mij|ons) (ff |even |maar |dan |nu |ook |toch |weer )*af\b",
                            rf"\bgeen {_words(_NEWS)} meer\b", r"\bschrijf (me|mij) (ff |even |maar )*uit\b",
                            r"\bstop(pen)? met (sturen|versturen|berichten|appen)\b",
                            r"\bhaal (me|mij|ons) (ff |even |maar )*(van|uit|af) (de |die |het )?(lijst|verzendlijst|"
                            r"mailinglijst|groep|appgroep|app groep|netwerk)\b",
                            rf"\b(geen|niet langer|nooit meer) {_words(_NEWS)}",
                            rf"\bstop(pen)? (met )?(de |alle |die )?{_words(_NEWS)}",
                            rf"{_words(_NEWS)} (uitzetten|stoppen|stopzetten)\b",
                            rf"\bzet (de |alle |die )?{_words(_NEWS)} uit\b",
                            r"\bhaal (me|mij|ons) (van|uit|af) (de |die )?(lijst|verzendlijst|mailinglijst)\b",
                            rf"\b(hoef|wil) (ik |we )?(de |die |geen )?{_words(_NEWS)}\b.{{0,40}}\bniet meer\b",
                            r"\bhaal\b.{1,30}\b(uit|van|af) (mijn|de) (lijst|lijstje)\b", r"\bmag eraf\b", r"^mute\b",
                            r"\b(hoef|wil) (ik )?(niks|niets) meer (te )?(horen|ontvangen|krijgen|weten)\b",
                            r"\bschrap\b.{1,30}\b(lijst|lijstje)\b", r"\bmag (allemaal |alles )?uit\b",
                            rf"{_words(_NEWS)} uit$", rf"{_words(_NEWS)} uit (voor|in|van|over)\b", r"\bzet (ze|die|alles|dat) (maar )?uit\b",
                            rf"{_words(_NEWS)}\b.{{0,20}}\bhoeven niet meer\b"),
    "pupil": _any(_words("leerling leerlingen kind kinderen zoon dochter")),
    # "expertise" alone (a menu word, like "route"): the expertise lookup asks which expertise.
    "expertise_alone": _any(r"^(de |een )?(expertise|expertises|expertisekaart|expertise kaart|specialisatie)"
                            r"( zoeken| vinden| graag| aub| pls)?$"),
    # The Teams command "ketenpartner" (and "ketenpartner zoeken"): start a lookup, not the glossary.
    "partner_command": _any(r"^(een |de )?ketenpartners?( zoeken| vinden)?$", r"^zoek (een )?ketenpartners?$"),
}

# ───────────────────── rules ─────────────────────
# Entity features the rules may name, next to the cue names above.
FEATURES = frozenset({
    "rol", "place", "school", "begrip", "expertise", "route_word", "route_step", "thema", "code", "code_only", "bare",
    "foreign_person", "child_named", "concern", "act_on_term", "situation", "observation",
})


OFF_TOPIC_CONFIDENCE = 0.97
"""An off-topic message ("een goeie tandarts in duinoord?"): unknown, and never a follow-up."""
CONCERN_CONFIDENCE = 0.86
"""A concern about a child's safety with no clearer request in the message starts the meldcode."""


@dataclass(frozen=True)
class Rule:
    """Evidence for ``intent`` with ``confidence`` when all of ``when`` and none of ``unless`` hold."""

    intent: str
    confidence: float
    when: tuple[str, ...]
    unless: tuple[str, ...] = ()


RULES: tuple[Rule, ...] = (
    Rule("register", 0.96, ("code", "register_word")),
    Rule("register", 0.9, ("register_ask",)),
    Rule("register", 0.85, ("code_only",)),
    Rule("register", 0.88, ("register_alone",), unless=("place",)),
    Rule("subscribe", 0.96, ("subscribe_cue",), unless=("unsubscribe_cue",)),
    Rule("subscribe", 0.94, ("signup_word", "place"), unless=("pupil", "unsubscribe_cue")),
    Rule("unsubscribe", 0.96, ("unsubscribe_cue",), unless=("pupil",)),  # "een leerling afmelden" is no unsubscribe
    Rule("unsubscribe", 0.93, ("stop_with", "place"), unless=("pupil",)),
    Rule("unsubscribe", 0.93, ("news_not_wanted", "place"), unless=("pupil",)),
    Rule("announce", 0.95, ("announce_cue",)),
    Rule("signal_report", 0.93, ("signals_plural", "report_word")),
    Rule("signal_report", 0.85, ("signals_plural",), unless=("signal_verb",)),
    Rule("signal_report", 0.9, ("report_subject", "report_word")),
    Rule("signal_report", 0.88, ("report_strong",), unless=("who", "how_route")),
    Rule("signal_report", 0.86, ("report_subject", "thema"), unless=("tell_something",)),
    Rule("signal_report", 0.9, ("report_subject", "place"), unless=("rol",)),
    Rule("signal", 0.96, ("signal_start",)),
    Rule("signal", 0.96, ("signal_word", "signal_verb"), unless=("what_is",)),
    Rule("signal", 0.9, ("signal_word", "want"), unless=("what_is",)),
    Rule("signal", 0.88, ("tell_something",), unless=("what_is", "must_report")),
    Rule("signal", 0.8, ("signal_word", "thema"), unless=("what_is",)),
    Rule("signal", 0.89, ("tell_something", "thema"), unless=("what_is", "must_report")),
    Rule("signal", 0.9, ("urgent_start", "thema"), unless=("what_is", "who")),
    Rule("signal", 0.87, ("trend", "thema"), unless=("what_is", "how", "who_strict", "expertise_cue", "act_on_term")),
    Rule("signal", 0.87, ("complaint", "thema"), unless=("what_is", "how", "who")),
    Rule("signal", 0.84, ("group_subject", "thema"), unless=("what_is", "how", "who", "how_route", "expertise_cue",
                                                            "report_word", "report_subject", "signals_plural", "rol")),
    # What someone sees happen to a group, told and not asked: a signal even without a thema word.
    Rule("signal", 0.86, ("observation",), unless=("what_is", "how", "who_strict", "rol", "expertise_cue",
                                                    "act_on_term", "how_route", "what_now")),
    Rule("unknown", OFF_TOPIC_CONFIDENCE, ("off_topic",), unless=("signal_start", "signal_word", "tell_something", "announce_cue",
                                                   "observation",
                                                   "register_word", "subscribe_cue", "unsubscribe_cue")),
    Rule("route", 0.92, ("route_alone",)),
    Rule("expertise_lookup", 0.9, ("expertise_alone",)),
    Rule("route", 0.87, ("what_now", "child_word"), unless=("who_strict", "rol", "expertise_cue", "what_is", "signal_start",
                                               "code", "register_word", "announce_cue", "off_topic")),
    Rule("route", 0.87, ("what_now", "begrip"), unless=("who_strict", "rol", "expertise_cue", "what_is",
                                                          "signal_start", "off_topic")),
    Rule("route", 0.87, ("what_now", "situation"), unless=("who_strict", "rol", "expertise_cue", "what_is",
                                                              "signal_start", "off_topic")),
    Rule("route", CONCERN_CONFIDENCE, ("concern", "child_word"), unless=("signal_start", "signal_word", "tell_something", "trend", "complaint",
                                              "rol", "who_strict", "what_is", "report_word", "signals_plural",
                                              "urgent_start")),
    Rule("route", 0.88, ("process_question", "situation"), unless=("who_strict", "rol", "expertise_cue", "school",
                                                                   "signal_start", "off_topic")),
    Rule("route", 0.88, ("worry_one", "situation"), unless=("what_is", "who_strict", "rol", "signal_start", "signal_word",
                                                            "expertise_cue", "off_topic", "child_named")),
    # "het gaat niet lekker met een jongen uit gr 7": one child's situation, told: the route from its step
    Rule("route", 0.85, ("one_child", "situation"), unless=("what_is", "who_strict", "rol", "signal_start", "signal_word",
                                                           "tell_something", "trend", "complaint", "expertise_cue",
                                                           "off_topic", "observation", "child_named")),
    # "hij heeft vaak plekken op zn armen": the child as 'hij' or 'ze', no child word
    Rule("route", CONCERN_CONFIDENCE, ("concern", "person_word"), unless=("signal_start", "signal_word", "tell_something",
                                                                          "trend", "complaint", "rol", "who_strict",
                                                                          "what_is", "report_word", "signals_plural",
                                                                          "urgent_start")),
    Rule("route", 0.94, ("consent_question",), unless=("contact", "what_is")),
    Rule("partner_lookup", 0.94, ("partners_word", "place"), unless=("what_is", "complaint", "trend")),
    Rule("partner_lookup", 0.93, ("partners_word", "here"), unless=("what_is", "complaint", "trend")),
    Rule("partner_lookup", 0.91, ("human",)),
    Rule("route", 0.95, ("how_route",)),
    Rule("partner_lookup", 0.9, ("partner_command",)),
    Rule("partner_lookup", 0.95, ("rol", "contact")),
    Rule("partner_lookup", 0.93, ("rol", "place"), unless=("complaint", "trend", "tell_something")),
    Rule("partner_lookup", 0.9, ("rol", "refers_back")),
    Rule("partner_lookup", 0.86, ("contact", "refers_back"), unless=("what_is",)),
    Rule("glossary", 0.92, ("what_is", "begrip")),
    Rule("glossary", 0.92, ("how_is_that", "begrip"), unless=("route_step",)),
    Rule("partner_lookup", 0.95, ("rol", "who_strict"), unless=("what_is", "off_topic", "who_task")),
    Rule("route", 0.9, ("who_task",), unless=("place", "contact")),
    Rule("unknown", 0.9, ("who_strict", "foreign_person"), unless=("rol", "place", "route_step")),
    Rule("route", 0.88, ("who_strict", "route_step"), unless=("rol", "place")),
    Rule("unknown", 0.96, ("child_named",), unless=("signal_start", "signal_word", "tell_something", "trend",
                                                    "complaint", "urgent_start", "route_word", "route_step",
                                                    "what_is", "bare")),
    Rule("route", 0.9, ("how", "route_word")),
    Rule("route", 0.9, ("steps", "route_word")),
    Rule("partner_lookup", 0.9, ("rol", "who"), unless=("who_task",)),
    Rule("partner_lookup", 0.88, ("rol", "followup")),
    Rule("expertise_lookup", 0.93, ("expertise", "expertise_cue")),
    Rule("expertise_lookup", 0.9, ("expertise", "place"), unless=("trend", "tell_something", "complaint")),
    Rule("expertise_lookup", 0.9, ("expertise", "school_word"), unless=("trend", "tell_something", "complaint")),
    Rule("route", 0.9, ("route_step",), unless=("what_is", "who_strict", "tell_something", "trend", "signal_word",
                                                 "refers_back")),
    Rule("route", 0.88, ("how", "begrip"), unless=("who_strict",)),
    Rule("route", 0.9, ("how_long", "begrip"), unless=("what_is", "who_strict")),
    Rule("route", 0.88, ("steps", "begrip"), unless=("who_strict",)),
    Rule("route", 0.93, ("options", "begrip"), unless=("who_strict",)),
    Rule("route", 0.86, ("act", "begrip"), unless=("what_is", "who_strict")),
    Rule("route", 0.86, ("consider", "begrip"), unless=("what_is", "who_strict")),
    Rule("route", 0.85, ("route_word",), unless=("what_is",)),
    Rule("partner_lookup", 0.85, ("place", "who"), unless=("foreign_person",)),
    Rule("partner_lookup", 0.85, ("place", "contact"), unless=("foreign_person",)),
    Rule("partner_lookup", 0.85, ("place", "followup")),
    Rule("partner_lookup", 0.8, ("rol", "bare")),
    Rule("expertise_lookup", 0.72, ("expertise_cue", "school_word", "place")),
    Rule("expertise_lookup", 0.8, ("expertise_cue", "school_word"), unless=("what_is", "rol", "trend", "complaint",
                                                                            "tell_something")),
    Rule("expertise_lookup", 0.86, ("school_profile",), unless=("expertise", "rol")),
    Rule("expertise_lookup", 0.85, ("expertise_cue", "school"), unless=("rol", "what_is", "trend", "complaint", "expertise")),
    Rule("glossary", 0.7, ("begrip", "bare")),
    Rule("partner_lookup", 0.7, ("rol",), unless=("what_is",)),
    Rule("route", 0.7, ("steps",), unless=("what_is",)),
    Rule("expertise_lookup", 0.6, ("expertise",), unless=("what_is",)),
    Rule("partner_lookup", 0.6, ("place", "bare")),
    Rule("glossary", 0.55, ("begrip",)),
    Rule("glossary", 0.4, ("what_is",)),
)

# An intent that declares its own words (core.intents.Intent.words) gets a cue and a rule from them.
WORDS_CONFIDENCE = 0.9


def _declared_words() -> tuple[dict[str, re.Pattern[str]], tuple[Rule, ...]]:
    cues: dict[str, re.Pattern[str]] = {}
    for intent in INTENTS:
        if intent.words:
            words = sorted({normalize(word) for word in intent.words}, key=len, reverse=True)
            cues[f"says:{intent.name}"] = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    return cues, tuple(Rule(name.removeprefix("says:"), WORDS_CONFIDENCE, (name,)) for name in cues)


_DECLARED_CUES, _DECLARED_RULES = _declared_words()
CUES.update(_DECLARED_CUES)
RULES += _DECLARED_RULES

# Which entities each intent reports; the rest are null in the output.
INTENT_ENTITIES: dict[str, tuple[str, ...]] = {
    "partner_lookup": ("rol", "wijk", "gemeente", "school", "postcode"),
    "expertise_lookup": ("expertise", "wijk", "gemeente", "school", "postcode"),
    "route": ("route", "begrip"),
    "glossary": ("begrip",),
    "signal": ("thema", "wijk", "gemeente", "school"),
    "signal_report": ("thema", "wijk", "gemeente"),
    "subscribe": ("wijk", "gemeente"),
    "unsubscribe": ("wijk", "gemeente"),
    "announce": ("wijk", "gemeente"),
}

# ───────────────────── routes and themas ─────────────────────
# The first route whose words occur is the route the message is about.
ROUTE_WORDS: dict[str, re.Pattern[str]] = {
    "meldcode": _any(
        r"\bmeld ?code\b", r"\bveiligheid van\b", r"\bonveilige? (thuis|situatie|thuissituatie)\b",
        r"\bthuis (niet )?onveilig\b", r"\bthuis niet veilig\b", r"\bniet veilig (thuis|voelt)\b", r"mishandel",
        r"\bhuiselijk geweld\b", _stems("verwaarloos verwaarlozing misbruik blauwe_plek betast betasten aanrand"),
        r"\b(collega|leerkracht|meester|juf|medewerker|docent)\b.{0,30}\baan (kinderen|leerlingen|een kind|een leerling) zit",
        r"\bzorgen (over|om) (de )?(veiligheid|thuissituatie)\b",
        r"\bveilig thuis (melden|bellen|inschakelen|raadplegen)\b", r"\b(melden|melding|advies) bij veilig thuis\b",
        _words("slaat slaan sloeg geslagen schoppen geschopt huwelijksdwang meldplicht geweld seksueel "
               "meisjesbesnijdenis eergerelateerd eer_gerelateerd"),
        r"\bbang (om )?(naar huis|voor (zijn|haar) (vader|moeder|ouders))\b",
    ),
    "verzuim": _any(
        _stems("verzuim thuiszit thuis_zit thuisblijf thuis_blijf spijbel schoolweiger school_weiger afwezig "
               "ziekmelding ontbreken ontbreekt ontbrak"),
        r"\bzit\b.{0,25}\bthuis\b", r"\b(houden|houdt|hield|hielden|blijft|blijven|bleef|bleven)\b.{0,25}\bthuis\b", r"\bthuis gehouden\b",
        r"\bniet (meer )?(naar|op) school\b", r"\b(komt|kwam|komen|kwamen)\b.{0,20}\bniet (meer )?(naar|op) school\b",
        r"\bniet meer (komt|komen|kwam)\b", r"\bweiger\w*\b.{0,25}\b(naar|op) school\b",
        r"\b(onder|tijdens) (de )?schooltijd\b", r"\bbuiten de (school)?vakantie",
        r"\bwil(len)? niet (meer )?naar school\b",
        r"\b16 ?(uur|uren)\b", r"\bleerplicht (inschakelen|melden|bellen)\b", r"\bduo ?melding\b",
        r"\b(veel|vaak|steeds|langdurig|lang) ziek\b",
        _words("ziek_thuis ziekgemeld ongeoorloofd schoolwering schorsing geschorst"),
        r"\bmist (veel|vaak)\b", r"\b(vaak|steeds|elke dag|te vaak)\b.{0,15}\bte laat\b",
        r"\bziek gemeld\b", r"\b(op reis|op vakantie)\b.{0,40}\bschool\b", r"\bniet (meer )?teruggekomen\b",
        r"\b(eerder|langer) (\w+ ){0,2}(op|met) vakantie\b",
        r"\b(week|weken|dagen|dag) (eerder |voor )(de )?\w*vakantie\b.{0,30}\b(naar|weg|vertrekken|vliegen)\b",
    ),
    "algemeen": _any(
        _words("ondersteuningsroute zorgroute ondersteuningsteam extra_ondersteuning loopt_vast"),
        r"\bzorgen (over|om) (een |mijn |deze |die )?(leerling|kind)\b", r"\bniet lekker in (zijn|haar) vel\b",
        _stems("handelingsverlegen"),
    ),
}

# Signal themas: each hit of a thema's pattern counts 1, a hit in THEMA_HINTS counts half.
THEMA_WORDS: dict[str, re.Pattern[str]] = {
    "multiproblematiek": _any(
        _stems("multiprobl multi_probl meervoudige_problem"), _words("stapeling stapelt op_alle_fronten"),
        r"\b(veel|meerdere|allerlei|stapeling van|opeenstapeling van) (\w+ )?problem",
        r"\bproblemen (tegelijk|tegelijkertijd|op (alle|meerdere) (fronten|gebieden))\b",
        r"\bcomplexe (gezins)?(situatie|problematiek|casus)",
    ),
    "angst_depressie": _any(
        _words("angst angstig angstige angstklachten bang piekeren doodsgedachten mentale_gezondheid"),
        _stems("somber depress paniek psychisch neerslachtig suicid zelfmoord zelfbeschadig verdrietig"),
    ),
    "verzuim": _any(_stems("verzuim schoolverzuim thuiszit thuis_zit schoolweiger school_weiger spijbel afwezig "
                           "ontbreken ontbreekt wegblijv wegblijft"),
                    r"\bniet (meer )?(naar|op) school\b", _words("te_laat ongeoorloofd blijven_weg luxeverzuim"),
                    r"\b(blijven|blijft|bleven|bleef)\b.{0,40}\b(thuis|weg)\b", r"\beerder (weg|op vakantie)\b",
                    r"\blater terug van (de )?vakantie\b"),
    "armoede": _any(
        r"\b(geen|zonder|weinig) (\w+ )?(geld|ontbijt|eten|lunch|brood|jas|winterjas|kleding|schoenen|gymspullen|"
        r"gymkleding|boodschappen|stroom|gas|verwarming|warm water)\b", _stems("energiearmoede uithuiszet huisuitzet"),
        r"\b(gas|stroom|energie) (\w+ )?afgesloten\b", r"\bafgesloten van (het )?(gas|stroom|energie)\b",
        _words("armoede schuld schulden voedselbank geldzorgen geld_zorgen geldtekort geld_tekort geldproblemen "
               "geld_problemen minima"),
        _stems("honger"), r"\barme? (gezin|gezinnen|ouders)", r"\bniet (meer )?(kunnen )?betalen\b",
        r"\b(kunnen|kan)\b.{0,30}\bniet (meer )?betalen\b",
    ),
    "gedrag": _any(_stems("gedrag agressie agressief driftbui woedeaanval ruzie onrust verstoren escalat"),
                   _words("vechten brutaal grensoverschrijdend conflicten")),
    "middelengebruik": _any(
        _stems("vape vaper alcohol sigaret energiedrank"),
        _words("vapen gevaped drugs blowen geblowd wiet hasj roken drank lachgas snus middelengebruik "
               "middelen_gebruik"),
    ),
    "veiligheid": _any(
        _stems("pest gepest onveilig wapen bedreig intimider discrimin cyberpest jeugdbende loverboy vechtpartij "
               "lastigge lastigval opgewacht opwacht achtervolg beroofd berov gedeald dealer drugsdeal"),
        _words("dealen geweld huiselijk_geweld gevochten"),
        r"\b(vreemde|verdachte|onbekende) (man|mannen|vrouw|persoon|personen|auto|busje)\b",
        _words("straatcultuur mes messen mesjes criminaliteit crimineel intimidatie overvallen sexting drill "
               "sociale_veiligheid veiligheid vuurwerk verkeersveiligheid verkeersonveilig"),
        _stems("oversteek oversteekplaats"), r"\b(te|veel te|keihard|heel) hard (rijden|rijdt|reden|gereden)\b",
        r"\b(rijden|rijdt|reden|racen|scheuren)\b.{0,25}\bte hard\b",
    ),
    "sociaal_emotioneel": _any(
        _stems("faalangst eenzaam vereenzam sociaal_emotione weerbaar onzeker"),
        _words("prestatiedruk welbevinden zelfbeeld zelfvertrouwen stress teruggetrokken social_media druk_van"),
        r"\bbang (om )?(fouten|iets fout)\b",
        r"\bniet lekker in (zijn|haar|hun) vel\b",
    ),
    "ouders": _any(
        _stems("opvoed handelingsverlegen vechtscheiding"), _words("scheiding ouderbetrokkenheid thuissituatie"),
        r"\bouders\b.{0,30}\b(niet|moeilijk|slecht|nauwelijks|amper) (nog |meer )?(te )?(bereikbaar|betrokken|bereiken)\b",
        r"\bouders (weten|kunnen) (niet|het niet)\b", r"\bgrip op (hun|hun kind)\b",
        r"\bouders\b.{0,30}\b(boos|woedend|agressief|dreigend|dreigen|schreeuwen|schelden|verbaal)\b",
    ),
    "wachttijden": _any(
        _stems("wachtlijst wacht_lijst wachttijd wacht_tijd"), _words("te_lang_wachten geen_plek zonder_plek plaatsingsstop"),
        r"\bwacht(en)? (al )?(lang|maanden|weken|jaren)\b", r"\blang op (hulp|zorg)\b",
        r"\b(maanden|weken|jaren|lang) (moeten |moet |zitten te |staan te )?wachten\b", r"\bwachten op (hulp|zorg|een plek)\b",
    ),
    "samenwerking": _any(
        _stems("samenwerk ketenpartner"), _words("afstemming overdracht terugkoppeling langs_elkaar_heen stroef "
                                                 "externe_partners"),
        r"\b(niet|slecht|moeilijk|nauwelijks) bereikbaar\b", r"\bkrijgen geen (reactie|terugkoppeling)\b",
    ),
}
THEMA_HINTS: dict[str, re.Pattern[str]] = {
    "ouders": _any(_words("ouders gezin gezinnen")),
}

# Where a pupil lives decides the jeugdteam; a place right after these words wins.
_HOME = re.compile(_words("woont wonen woonachtig wonend woonadres woonplaats komt_uit afkomstig_uit"))
# An invite code: letters and digits, in groups joined by hyphens ("abc-123-xyz") or one run of 6+.
_CODE = re.compile(
    r"(?<![\w-])(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])(?:[a-z0-9]{2,}(?:-[a-z0-9]{2,})+|[a-z0-9]{6,})(?![\w-])"
)
_POSTCODE_SHAPE = re.compile(r"^\d{4}[a-z]{2}$")
_PERSON_ASK = re.compile(r"\bwie (is|zijn|was) (er )?(de|het|onze|mijn|jullie|die|deze)? ?(\w+)")
# Words that ask for a contact without naming a role ("wie is de contactpersoon voor ypenburg").
_CONTACT_NOUNS = frozenset(
    "contactpersoon contact aanspreekpunt persoon verantwoordelijke vaste juiste goede nu".split()
)


class _Gated:
    """Named patterns searched behind gates: one combined pattern per group of a few.

    Most messages match none or few of the cue, route and thema patterns, and one search with a
    combined pattern costs about as much as one with a single pattern. A group whose gate does
    not match is skipped whole; the answers are the same as searching every pattern."""

    def __init__(self, patterns: dict[str, re.Pattern[str]], group_size: int = 4) -> None:
        items = list(patterns.items())
        self.groups = [(_gate(pattern for _, pattern in items[i:i + group_size]), items[i:i + group_size])
                       for i in range(0, len(items), group_size)]

    def found(self, norm: str) -> list[tuple[str, re.Pattern[str]]]:
        """The (name, pattern) pairs whose pattern matches somewhere in ``norm``, in table order."""
        return [(name, pattern) for gate, items in self.groups if gate.search(norm)
                for name, pattern in items if pattern.search(norm)]


def _gate(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """Matches somewhere exactly when one of ``patterns`` does (alternation; no backreferences),
    with the word boundaries they start with shared, as in :func:`_any`."""
    return _any(*(pattern.pattern for pattern in patterns))


_RULES_BY_CONFIDENCE = tuple(
    (rule.confidence, rule.intent, frozenset(rule.when), frozenset(rule.unless))
    for rule in sorted(RULES, key=lambda rule: -rule.confidence) if rule.confidence > 0
)
_SOCIAL_GATE = _gate(core for core, _ in SOCIAL.values())
_CUES = _Gated(CUES)
_ROUTE_WORDS = _Gated(ROUTE_WORDS)
_THEMA_WORDS = _Gated({**THEMA_WORDS, **{f"hint:{name}": pattern for name, pattern in THEMA_HINTS.items()}})

# Words that may surround a lone name or term ("de vliegerwolk?", "ypenburg graag").
_BARE_FILLER = _FILLER | frozenset("voor van in bij over is er aub svp dus mijn mn onze ons eigen vaste "
                                   "hoi hallo hai hey goedemorgen goedemiddag weer wacht ff trouwens btw oja "
                                   "tussendoor".split())
"""Words a bare request may hold besides its entities ("smw ypenburg aub", "mijn wijkagent?",
"hoi weer, smw?")."""


def _check_tables() -> None:
    """Every rule names a known intent and known cues or features (a typo fails at import)."""
    names = set(CUES) | FEATURES
    for rule in RULES:
        unknown = (set(rule.when) | set(rule.unless)) - names
        if rule.intent not in INTENT_NAMES or unknown:
            raise ValueError(f"rule for {rule.intent!r} names unknown {sorted(unknown)}")
    for table in (SOCIAL, INTENT_ENTITIES):
        if set(table) - set(INTENT_NAMES):
            raise ValueError(f"unknown intents {sorted(set(table) - set(INTENT_NAMES))}")
    if set(THEMA_WORDS) - {"overig"} != set(THEMA_IDS) - {"overig"}:
        raise ValueError(f"THEMA_WORDS and the vocabulary's themas differ: {sorted(set(THEMA_WORDS) ^ set(THEMA_IDS))}")


_check_tables()


@dataclass(frozen=True)
class Understanding:
    """What a message means: the contract JSON plus close alternatives for asking back."""

    intent: str
    confidence: float
    entities: dict[str, str | None]
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    followup: bool = False
    """The message continues the last question ("en de jgz?", a lone "ypenburg", "zelfde voor
    rijswijk", "wie is daar de ib'er"): what it leaves out may come from that question
    (``core.context``). The flags below are not part of the contract JSON either."""
    here: bool = False
    """The user names their own place ("wie is de smw hier")."""
    that_school: bool = False
    """The user points at the school named before ("de smw van die school")."""
    all_partners: bool = False
    """Every ketenpartner of the place is asked for ("ketenpartners ypenburg")."""
    human: bool = False
    """The user wants a person instead of the bot."""
    asks_who: bool = False
    """The message asks who someone is ("wie is dat bij ons"): a clear request for a person."""
    asks_detail: bool = False
    """The message asks for the number or mail of the person just shown ("wat is haar nummer")."""
    situation: str | None = None
    """The route step (or ``route:<name>``) whose trefwoorden the message describes best."""
    outside: str | None = None
    """A gemeente outside the region the message names ("leerling woont in utrecht")."""
    named: dict[str, str | None] = field(default_factory=dict)
    """Every entity the message names, also those the intent does not report ("en nt2?" names
    an expertise even when it reads as a glossary question)."""

    def to_json(self) -> dict[str, object]:
        return {"intent": self.intent, "confidence": round(self.confidence, 2), "entities": dict(self.entities)}


@dataclass
class _Reading:
    """Everything found in one message, before the intent decides what to keep."""

    entities: dict[str, str | None]
    ambiguous: dict[str, tuple[str, ...]]
    covered: set[int]
    features: set[str]
    thema: str | None = None
    situation: str | None = None
    outside: str | None = None


_QUESTION_BREAK = re.compile(
    r"\?\s+|(?:\s(?:en|maar|punt|punt en)\s+|,\s*)(?=(?:wie|welke|welk|waar|wat|wanneer|hoe|of er)\b)"
    r"|\b(?:2|3|twee|drie|paar) (?:vragen|dingen|vraagjes)\b\s*:?", re.IGNORECASE)
LOOKUP_KEYS = {"partner_lookup": "rol", "expertise_lookup": "expertise", "glossary": "begrip", "route": "route"}
"""The questions one message may ask several of, and what each must name of its own."""
MAX_QUESTIONS = 4
MAX_QUESTION_WORDS = 14
"""A longer part before the last is a story, not a question: in a long message the question at
its end wins ("… de leerkracht is handelingsverlegen. maar wie is nou de jeugdconsulent")."""


def question_parts(text: str) -> list[str]:
    """The questions a message strings together ("2 vragen: wie is de smw van het spoorwiel en
    welke scholen in laak hebben nt2", "wie is de lpa in laak? en de wijkagent?"), in order;
    the message itself when it asks one. Every part before the last must be a question itself
    ("we krijgen veel nieuwkomers, welke school heeft nt2" asks one)."""
    text = text[:MAX_TEXT]
    parts: list[str] = []
    start = 0
    for found in _QUESTION_BREAK.finditer(text):
        part = text[start:found.start()].strip()
        if part.strip(" :?.,!"):
            if not (found.group(0).startswith("?") or _ASKS_FIRST.match(normalize(part))):
                return [text]
            parts.append(part)
        start = found.end()
    parts.append(text[start:].strip())
    if not 1 < len(parts) <= MAX_QUESTIONS or any(len(part.split()) > MAX_QUESTION_WORDS for part in parts[:-1]):
        return [text]
    return parts


_ASKS_FIRST = re.compile(r"(?:(?:hoi|hallo|hey|morgen|goedemorgen|ok|oke|en|ook|nog|even|ff)\s+)*"
                         r"(?:wie|welke|welk|wat|waar|wanneer|hoe|of|kun|kan|kunt|kunnen|mag|heeft|hebben|is|zijn|geef|"
                         r"graag|stuur)\b|(?:hoi|hallo|hey|morgen|goedemorgen)$")
"""A part that asks something by its first word (after a greeting), or a greeting alone."""


def understand(text: str, kb: KnowledgeBase) -> Understanding:
    """Intent, confidence and canonical entities of one message (the ``understand`` contract)."""
    text = kb.resolver.spelled_out(text[:MAX_TEXT])
    norm = normalize(text)
    if not norm:
        if "?" in text:
            return Understanding("help", SOCIAL_CONFIDENCE, _empty())
        return Understanding("unknown", 0.0, _empty())
    social = _social(norm)
    if social:
        return Understanding(social, SOCIAL_CONFIDENCE, _empty())
    reading = _read(text, norm, kb)
    intent, confidence = _decide(reading.features)
    if confidence < CONCERN_CONFIDENCE and reading.features & {"child_word", "person_word"} and assess(text):
        reading.features.add("concern")  # only asked when it could change the answer (it costs ~0.4 ms)
        intent, confidence = _decide(reading.features)
    found = reading.entities
    if confidence < UNKNOWN_BELOW:
        found["thema"] = reading.thema
        return Understanding("unknown", confidence, _empty(), followup=_followup(reading.features),
                             here="here" in reading.features, outside=reading.outside, named=found,
                             asks_who="who_that" in reading.features, asks_detail="detail_back" in reading.features)
    found["route"] = _route(text, norm, found["begrip"], reading, kb) if intent == "route" else None
    if found["route"] and reading.situation and _route_of(reading.situation) != found["route"]:
        reading.situation = None  # "zorgen over mishandeling": the meldcode it names, not the ondersteuningsroute's step
    found["thema"] = reading.thema
    features = reading.features
    human = "human" in features and intent == "partner_lookup"
    if human and not found["rol"]:
        found["rol"] = "adviseur"
    if reading.outside and not found["gemeente"]:
        found["gemeente"] = reading.outside  # where the pupil lives, outside the region (by its CBS name)
    entities = contract_entities(intent, found)
    ambiguous = {key: names for key, names in reading.ambiguous.items() if entities.get(key)}
    return Understanding(
        intent, confidence, entities, ambiguous,
        followup=_followup(features),
        here="here" in features,
        that_school="that_school" in features,
        all_partners=intent == "partner_lookup" and "partners_word" in features and not entities["rol"],
        human=human,
        asks_who="who_that" in features,
        asks_detail="detail_back" in features,
        situation=reading.situation if intent == "route" else None,
        outside=reading.outside,
        named=found,
    )


def _followup(features: set[str]) -> bool:
    """"en de jgz?", "zelfde voor rijswijk", "wie is daar de ib'er", or a lone name of a place,
    role or expertise ("ypenburg", "nt2")."""
    if features & {"followup", "refers_back", "detail_back"}:
        return True
    # "mijn wijkagent" is bare too, but names its own place: the user's own wijk, not the last one
    return "bare" in features and "here" not in features and bool(features & {"place", "rol", "expertise"})


def contract_entities(intent: str, found: Mapping[str, str | None]) -> dict[str, str | None]:
    """The entities ``intent`` reports (INTENT_ENTITIES); the others null."""
    kept = INTENT_ENTITIES.get(intent, ())
    if intent == "partner_lookup" and found.get("rol") == "steunpunt":
        kept = (*kept, "expertise")  # "wie van het expertisepunt weet veel van autisme"
    return {key: found.get(key) if key in kept else None for key in ENTITY_KEYS}


def thema_of(text: str) -> str | None:
    """The signal thema a text is about (for a signal's own text, whatever its intent)."""
    return _thema(normalize(text[:MAX_TEXT]))


def _empty() -> dict[str, str | None]:
    return dict.fromkeys(ENTITY_KEYS)


_ELONGATED = re.compile(r"([a-z])\1+\b")


def _social(norm: str) -> str | None:
    """Greeting, thanks, help or cancel when the message is nothing else; a stretched last letter
    ("hoiii", "dankkk") reads as the word."""
    found = _social_words(norm)
    if found is None and _ELONGATED.search(norm):
        found = _social_words(_ELONGATED.sub(r"\1", norm))
    return found


def _social_words(norm: str) -> str | None:
    if not _SOCIAL_GATE.search(norm):
        return None
    for intent, (core, fillers) in SOCIAL.items():
        if core.search(norm):
            rest = core.sub(" ", norm).split()
            if all(token in _FILLER or token in fillers for token in rest):
                return intent
    return None


def _decide(features: set[str]) -> tuple[str, float]:
    """The most confident rule that holds; of equally confident ones, the first in RULES."""
    for confidence, intent, when, unless in _RULES_BY_CONFIDENCE:
        if when <= features and unless.isdisjoint(features):
            return intent, confidence
    return "unknown", 0.0


def _read(text: str, norm: str, kb: KnowledgeBase) -> _Reading:
    reading = _Reading(_empty(), {}, set(), set())
    tokens = norm.split()
    places: list[Mention] = []
    roles: list[Mention] = []
    for mention in _trusted(kb.resolver.scan(text), tokens, kb):
        best = mention.best
        reading.covered.update(range(best.start, best.end))
        if best.kind in ("rol", "begrip") and _says_who_i_am(tokens, best.start):
            continue  # "ik ben nieuw als ib, wat is een oza": the user's own job, not the question
        if best.kind in PLACE_KINDS:
            places.append(mention)
        elif best.kind == "rol":
            roles.append(mention)
        else:
            reading.entities[best.kind] = reading.entities[best.kind] or best.id
    if roles:
        asked = _asked_role(roles, tokens)
        reading.entities["rol"] = None if _all_asked_after(asked, tokens) else asked.best.id
        if asked.best.start > 0 and tokens[asked.best.start - 1] in ("welke", "welk"):
            reading.features.add("who")  # "welke lpa krijgt die melding": a question for a person
    if places:
        _take_place(_home_first(places, norm, reading.entities["rol"]), places, kb, reading)
    postcode = kb.resolver.postcode(text)
    if postcode:
        reading.entities["postcode"] = postcode
        reading.covered.update(i for i, token in enumerate(tokens) if token.startswith(postcode))
        gemeenten = {kb.areas[a].gemeente for a in kb.areas_by_pc4.get(postcode, ())}
        if len(gemeenten) == 1 and not reading.entities["gemeente"]:
            reading.entities["gemeente"] = gemeenten.pop()
    if not places and not postcode:
        reading.outside = kb.resolver.outside_gemeente(text)
    _features(text, norm, reading, kb)
    return reading


_SELF_GAP = frozenset("de een nieuw nieuwe hier zelf sinds kort pas".split())
_SELF_BEFORE_ALS = frozenset("ik ben nieuw nieuwe week werk werkzaam".split())


def _says_who_i_am(tokens: list[str], start: int) -> bool:
    """The words before a role say it is the user's own job: "ik ben ib'er", "ik ben de nieuwe
    smw'er", "wat moet ik als ib doen", "eerste week als zorgcoördinator" — not "wie hebben we als
    smw" (the role asked) or "ik ben adviseur, wie is mn collega" (the same role asked)."""
    i = start - 1
    while i >= 0 and start - i <= 4 and tokens[i] in _SELF_GAP:
        i -= 1
    if i < 0 or "collega" in tokens[start:]:
        return False
    if tokens[i] == "ben":
        return i > 0 and tokens[i - 1] == "ik"
    return tokens[i] == "als" and bool(_SELF_BEFORE_ALS & set(tokens[max(0, i - 3):i]))


def _asked_role(roles: list[Mention], tokens: list[str]) -> Mention:
    """The role the question is about: in a long message that names several ("ik ben ib'er …
    wie is de smw'er hier", "ik ben smw en zoek de lpa"), the first one after the last "wie" or "zoek"."""
    asks = [i for i, token in enumerate(tokens) if token in ("wie", "zoek", "zoeken")]
    if len(roles) > 1 and asks:
        after = [m for m in roles if m.best.start > asks[-1]]
        if after:
            return after[0]
    return roles[0]


_ALL_PARTNERS = frozenset("ketenpartner ketenpartners partners contactpersonen".split())


def _all_asked_after(asked: Mention, tokens: list[str]) -> bool:
    """"ik ben nieuw als ib op de herenpomp, wie zijn mijn ketenpartners": the role came before
    the question, and the question asks for every partner."""
    asks = [i for i, token in enumerate(tokens) if token == "wie"]
    return bool(asks) and asked.best.start < asks[-1] and any(t in _ALL_PARTNERS for t in tokens[asks[-1]:])


def _trusted(mentions: list[Mention], tokens: list[str], kb: KnowledgeBase) -> list[Mention]:
    """Mentions good enough for a free sentence.

    A near match that is not trusted may have hidden an exact name inside its span ("gedrag
    leidschendam" read as "kern leidschendam"): the span less its first or its last word is
    scanned again, and exact names found there count.
    """
    kept = []
    exact_spans = [(m.best.start, m.best.end) for m in mentions if m.best.score == EXACT and m.kind not in PLACE_KINDS]
    for mention in mentions:
        best = mention.best
        # "de leer(plicht)" is no typo for De Lier when "leer plicht" is a role as typed
        overlaps = best.kind in PLACE_KINDS and best.score < EXACT and any(
            best.start < end and start < best.end for start, end in exact_spans)
        if best.score < EXACT and best.kind not in PLACE_KINDS and best.end - best.start == 1 and (
                tokens[best.start] in vocabulary().common):
            continue  # "tekenen" is a word of its own, no typo of the expertise "rekenen"
        if _trust(best) and not overlaps:
            kept.append(mention)
            continue
        kinds = PLACE_KINDS if best.kind in PLACE_KINDS else (best.kind,)
        for start, end in ((best.start + 1, best.end), (best.start, best.end - 1)):
            inner = [m for m in kb.resolver.scan(" ".join(tokens[start:end]), kinds) if m.best.score == EXACT]
            if inner:
                kept.extend(_shifted(m, start) for m in inner)
                break
    return sorted(kept, key=lambda m: (m.best.start, m.best.end))


def _trust(candidate: Candidate) -> bool:
    if candidate.score >= MIN_FUZZY_SCORE:
        return True
    return bool(getattr(candidate, "partial", False)) and candidate.score >= MIN_PARTIAL_SCORE


def _shifted(mention: Mention, offset: int) -> Mention:
    moved = (c._replace(start=c.start + offset, end=c.end + offset) for c in mention.candidates)
    return Mention(mention.kind, tuple(moved))


_TO_HOME = frozenset("in te op bij de het nu wel toch eigenlijk".split())
"""Words between 'woont' and the place it names ("woont nu in rijswijk"); "woont en in den haag op
school" names the school's place after a new clause."""


def _home_first(places: list[Mention], norm: str, rol: str | None) -> Mention:
    """The place where the pupil lives when the message says so ("woont in rijswijk", "die in
    moerwijk woont"), else the first place named; but the school the message names besides it
    when the role goes by the school ("zit op de herenpomp maar woont in den haag, welke smw")."""
    match = _HOME.search(norm)
    if not match:
        return places[0]
    home_start, home_end = len(norm[:match.start()].split()), len(norm[:match.end()].split())
    lived = [m for m in places if m.best.kind != "school"]  # nobody lives in a school
    tokens = norm.split()
    home = next((m for m in lived if 0 <= m.best.start - home_end <= 2
                 and set(tokens[home_end:m.best.start]) <= _TO_HOME), None) or next(
        (m for m in reversed(lived) if 0 < home_start - m.best.end + 1 <= 2), None)
    if home is None:
        return places[0]
    school = next((m for m in places if m.best.kind == "school" and m is not home), None) or next(
        (m for m in places if m is not home and "school" in tokens[max(0, m.best.start - 3):m.best.end + 3]), None)
    if school is not None and rol is not None and rol not in RESIDENCE_ROLES:
        return school  # also the place of the school: "woont in den haag maar zit op school in rijswijk, smw?"
    return home


def _take_place(primary: Mention, places: list[Mention], kb: KnowledgeBase, reading: _Reading) -> None:
    """A school gives its gemeente; a wijk its gemeente; a gemeente takes a wijk of it named as well."""
    best = primary.best
    entities = reading.entities
    if best.kind == "school":
        entities["school"] = best.id
        entities["gemeente"] = kb.areas[kb.schools[best.id].wijk].gemeente
    elif best.kind == "wijk":
        area = kb.areas[best.id]
        entities["wijk"], entities["gemeente"] = area.naam, area.gemeente
    else:
        entities["gemeente"] = best.id
        inside = next((m for m in places if m.best.kind == "wijk" and kb.areas[m.best.id].gemeente == best.id), None)
        if inside is not None:
            entities["wijk"] = kb.areas[inside.best.id].naam
            primary = inside
    if primary.ambiguous:
        key = "school" if primary.best.kind == "school" else "wijk"
        reading.ambiguous[key] = tuple(c.name for c in primary.alternatives)


_ASKS = re.compile(r"\b(?:wie|wat|wanneer|hoe|waar|welke?|waarom|hoeveel|weet iemand)\b"
                   r"|^(?:\w+ )?(?:kan|kun|kunnen|moet|moeten|mag|mogen|zijn|is|heeft|hebben|klopt) (?:ik|je|jij|we|wij|er|het)\b")
"""A question, also one typed without a question mark ("en wanneer zien we de ouders dan weer")."""


def _features(text: str, norm: str, reading: _Reading, kb: KnowledgeBase) -> None:
    found = reading.features
    entities = reading.entities
    found.update(name for name, _ in _CUES.found(norm))
    found.update(key for key in ("rol", "school", "begrip", "expertise") if entities[key])
    if any(entities[key] for key in ("wijk", "gemeente", "school", "postcode")) or reading.outside:
        found.add("place")
    if _ROUTE_WORDS.found(norm):
        found.add("route_word")
    if "trend" in found and "group_subject" in found and "?" not in text and not _ASKS.search(norm):
        found.add("observation")  # "we merken steeds meer dat gezinnen in stompwijk geen vervoer hebben"
    if "act" in found and "begrip" in found:
        found.add("act_on_term")  # "kan ik een arrangement aanvragen voor …": a route question, no signal
    situations = kb.resolver.situations(text)
    if situations:
        reading.situation = situations[0][0]
        found.add("situation")
        if situations[0][1] >= 2:
            found.add("route_step")
    reading.thema = _thema(norm)
    if reading.thema:
        found.add("thema")
    codes = [code for code in _CODE.findall(text.lower()) if not _POSTCODE_SHAPE.match(code)]
    if codes:
        found.add("code")
        if " ".join(codes) == text.strip().lower():
            found.add("code_only")
    tokens = norm.split()
    if reading.covered and all(i in reading.covered or tok in _BARE_FILLER for i, tok in enumerate(tokens)):
        found.add("bare")
    if _names_a_child(text, tokens, kb, reading.covered):
        found.add("child_named")
    ask = _PERSON_ASK.search(norm)
    if ask:
        noun = ask.group(4)
        position = len(norm[:ask.start(4)].split())
        content = noun not in STOPWORDS and noun not in _BARE_FILLER and noun not in _CONTACT_NOUNS
        if content and position not in reading.covered:
            found.add("foreign_person")


def _names_a_child(text: str, tokens: list[str], kb: KnowledgeBase, covered: set[int]) -> bool:
    """The message names a person by first name ("heeft de smw al contact gehad met de moeder van
    emma uit groep 6"): a question about one child. A word the knowledge base knows ("een kind
    met tos": a term) is no name. The full personal-data check runs only when a word is a first
    name and no ordinary word, so most messages cost a few set lookups."""
    names = lexicon().first_names
    common = vocabulary().common
    named = [i for i, token in enumerate(tokens) if token in names and token not in common and i not in covered]
    if not named:
        return False
    known = frozenset(tokens[i] for i in covered)
    return any(f.kind == "naam" for f in find_personal_data(text, allowed_words(kb) | known if known else allowed_words(kb)))


def _thema(norm: str) -> str | None:
    """The thema with the most evidence; a multiproblem word, or three themas at once, is multiproblematiek."""
    found = _THEMA_WORDS.found(norm)
    if not found:
        return None
    scores = dict.fromkeys(THEMA_WORDS, 0.0)
    for name, pattern in found:
        hint, _, thema = name.rpartition(":")
        scores[thema] += (0.5 if hint else 1.0) * len(pattern.findall(norm))
    if scores["multiproblematiek"] or sum(1 for score in scores.values() if score >= 1) >= MULTI_THEMAS:
        return "multiproblematiek"
    best = max(scores, key=lambda thema: scores[thema])
    return best if scores[best] >= 1 else None


def _meldcode_first(text: str, reading: _Reading, kb: KnowledgeBase) -> bool:
    """A route question that names no route and a sign of abuse or neglect (a kind the rules name,
    not only the model's hunch), and no step of its own beyond a route's start: the meldcode, from
    its start. A step asked about ("ouders weigeren hulp en ik maak me zorgen …") keeps its step;
    the safety answer comes first either way. Asks the assessment the agent makes anyway (cached)."""
    situation = reading.situation
    if situation and (_route_of(situation) == "meldcode" or situation not in _route_starts(kb)):
        return False
    concern = assess(text)
    return concern is not None and bool(concern.kinds - _NOT_MELDCODE_FIRST)


_NOT_MELDCODE_FIRST = frozenset({"unspecified", "achterlating"})
"""Concerns that keep the route the message is about: the model's hunch alone, and a child not back
after a holiday (the verzuim route's absolute verzuim; the safety answer offers the meldcode)."""


def _route_starts(kb: KnowledgeBase) -> set[str]:
    return {entry.start for entry in kb.entries.values()} | {f"route:{route}" for route in kb.entries}


def _route_of(situation: str) -> str:
    """The route of a situation: a step id ("verzuim.melden") or a whole route ("route:verzuim")."""
    return situation.removeprefix("route:").split(".")[0]


def _route(text: str, norm: str, begrip: str | None, reading: _Reading, kb: KnowledgeBase) -> str | None:
    """The route the message names ("… niet meer teruggekomen": verzuim, after the safety answer),
    else the meldcode for a sign of abuse with no step of its own (:func:`_meldcode_first`), else
    the route of the situation it describes, the meldcode for any other concern about a child's
    safety, the verzuim route for absence, else the route of the step its glossary term belongs to."""
    named = next((route for route, _ in _ROUTE_WORDS.found(norm)), None)
    if named:
        return named
    if _meldcode_first(text, reading, kb):
        reading.situation = None  # safety first: "zorgen over mishandeling thuis" starts the meldcode
        return "meldcode"
    if reading.situation:
        return _route_of(reading.situation)
    if "concern" in reading.features:
        return "meldcode"
    if reading.thema == "verzuim" and not begrip:
        return "verzuim"
    if not begrip:
        return "algemeen"  # a route question that names no route asks about the ondersteuningsroute
    term = next((t for t in kb.terms if t.term == begrip), None)
    step = kb.steps.get(term.route_stap) if term and term.route_stap else None
    return step.route if step else None
