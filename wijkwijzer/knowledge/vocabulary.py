"""What people type for roles and expertise tags, and which words never name anything.

Data, not logic. Values are written as people type them; the resolver normalises them
(lowercase, no apostrophes or punctuation) on use. Words of three letters or fewer ("vt",
"hb", "lpa") only ever match as a whole word, never fuzzily.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class PartnerRole:
    """One kind of ketenpartner. Everything about roles derives from :data:`PARTNER_ROLES`: the
    ids the knowledge base and the understanding accept, the choices a dialog offers, the words
    people type, and how a spreadsheet's role column is read.

    ``label``: a button ("SMW"). ``title``: the role inside a sentence ("Voor welke wijk zoek je
    {title}?"). ``functie``: what one such person is called. ``synonyms``: what people type (the
    id itself always counts). ``offered``: among the choices of "Welke ketenpartner zoek je?".
    ``suggested``: offered as a follow-up after another role's answer. ``by_residence``: the
    gemeente (or wijk) where the pupil lives decides who it is, not where the school is."""

    id: str
    label: str
    title: str
    functie: str
    synonyms: tuple[str, ...]
    offered: bool = True
    suggested: bool = False
    by_residence: bool = False


PARTNER_ROLES: tuple[PartnerRole, ...] = (
    PartnerRole("smw", "SMW", "schoolmaatschappelijk werk (SMW)", "schoolmaatschappelijk werker", (
        "smw", "smw'er", "smwer", "smw-er", "smwr", "schoolmaatschappelijk werk", "schoolmaatschappelijk werker",
        "schoolmaatschappelijkwerker", "school maatschappelijk werk", "school maatschappelijk werker",
        "schoolmaatschappelijk werkster", "maatschappelijk werk", "maatschappelijk werker", "schoolmaatschappelijk",
    ), suggested=True),
    PartnerRole("jgz", "JGZ (CJG)", "JGZ", "jeugdgezondheidszorg (JGZ)", (
        "jgz", "jgz'er", "jeugdarts", "jeugd arts", "arts", "jeugdverpleegkundige", "jeugd verpleegkundige", "verpleegkundige",
        "jeugdverpleegkundigen", "jeugdartsen", "jgz verpleegkundige", "schoolarts", "schoolverpleegkundige", "cjg", "ggd",
        "jeugdgezondheidszorg", "jeugdgezondheid", "consultatiebureau",
    ), suggested=True),
    PartnerRole("leerplicht", "Leerplicht", "leerplicht", "leerplichtambtenaar", (
        "leerplicht", "leerplichtambtenaar", "leerplicht ambtenaar", "leerplichtamtenaar", "lpa", "lpa'er",
        "lpa's", "lpa'ers", "leerplichtambtenaren", "leerplichtzaken", "leerplichtconsulent", "bureau leerplicht", "afdeling leerplicht",
        "leerlingzaken", "bureau leerlingzaken",
    ), suggested=True, by_residence=True),
    PartnerRole("jeugdteam", "Jeugdteam", "het jeugdteam", "jeugdteam / lokaal team", (
        "jeugdteam", "jeugd team", "jeugdteams", "wijkteam", "wijk team", "lokaal team", "lokale team",
        "jeugdconsulent", "jeugd consulent", "gezinscoach", "buurtteam", "sociaal wijkteam", "toegangsteam",
        "jeugdprofessional", "jeugdhulp",
    ), suggested=True, by_residence=True),
    PartnerRole("wijkagent", "Wijkagent", "de wijkagent", "wijkagent", (
        "wijkagent", "wijk agent", "wijkagente", "wijkagenten", "politie", "agent", "buurtagent",
    ), suggested=True),
    PartnerRole("adviseur", "Adviseur SWV", "de adviseur passend onderwijs", "adviseur passend onderwijs", (
        "adviseur", "adviseurs", "adviseur swv", "swv adviseur", "adviseur passend onderwijs", "adviseur van het swv",
        "consulent swv", "onderwijsadviseur", "onderwijs adviseur", "trajectbegeleider", "onderwijsspecialist",
    )),
    PartnerRole("steunpunt", "Expertisepunt", "het expertisepunt", "expertisepunt", (
        "expertisepunt", "expertise punt", "steunpunt", "specialist", "specialisten", "expertiseteam",
    )),
    PartnerRole("veilig_thuis", "Veilig Thuis", "Veilig Thuis", "Veilig Thuis", (
        "veilig thuis", "veiligthuis", "vt", "amhk", "advies en meldpunt", "meldpunt kindermishandeling",
    )),
    PartnerRole("ib", "IB'er", "de IB'er", "intern begeleider (IB'er)", (
        "ib", "ib'er", "iber", "ib-er", "ibber", "ib'ers", "intern begeleider", "interne begeleider", "intern begeleiders",
    ), offered=False),
)
FUNCTION_SYNONYMS: Mapping[str, str] = MappingProxyType({
    "schoolarts": "jeugdarts", "arts": "jeugdarts", "schooldokter": "jeugdarts", "dokter": "jeugdarts",
    "jeugdartsen": "jeugdarts", "verpleegkundige": "jeugdverpleegkundige",
    "schoolverpleegkundige": "jeugdverpleegkundige", "jeugdverpleegkundigen": "jeugdverpleegkundige",
})
"""What people type for one function inside a team (the JGZ has a jeugdarts and a
jeugdverpleegkundige): "alleen de schoolarts graag" asks for the jeugdarts."""
ROLE_IDS: tuple[str, ...] = tuple(role.id for role in PARTNER_ROLES)
RESIDENCE_ROLES: tuple[str, ...] = tuple(role.id for role in PARTNER_ROLES if role.by_residence)
ROLES_BY_ID: Mapping[str, PartnerRole] = MappingProxyType({role.id: role for role in PARTNER_ROLES})


@dataclass(frozen=True)
class Thema:
    """A thema of signals: the id the understanding and the store use, and its label."""

    id: str
    label: str


THEMAS: tuple[Thema, ...] = (
    Thema("angst_depressie", "Angst of somberheid"),
    Thema("verzuim", "Verzuim/thuiszitten"),
    Thema("armoede", "Armoede"),
    Thema("gedrag", "Gedrag"),
    Thema("multiproblematiek", "Multiproblematiek"),
    Thema("middelengebruik", "Vapen/alcohol/drugs"),
    Thema("veiligheid", "Pesten/onveiligheid"),
    Thema("sociaal_emotioneel", "Welbevinden"),
    Thema("ouders", "Ouders/opvoeden"),
    Thema("wachttijden", "Wachttijden"),
    Thema("samenwerking", "Samenwerking"),
    Thema("overig", "Overig"),
)
THEMA_IDS: tuple[str, ...] = tuple(thema.id for thema in THEMAS)
THEMA_LABELS: Mapping[str, str] = MappingProxyType({thema.id: thema.label for thema in THEMAS})


EXPERTISE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "gedrag": ("gedrag", "gedragsproblemen", "gedragsproblematiek", "gedragsspecialist", "time out", "timeout"),
    "traumasensitief onderwijs": (
        "traumasensitief onderwijs", "traumasensitief", "trauma sensitief", "trauma", "ingrijpende ervaringen",
    ),
    "NT2/anderstaligen": (
        "nt2", "nt 2", "anderstaligen", "anderstalig", "anderstalige", "nieuwkomers", "nieuwkomer", "taalklas",
        "nieuwkomersklas", "schakelklas", "nederlands als tweede taal",
    ),
    "hoogbegaafdheid": (
        "hoogbegaafdheid", "hoogbegaafd", "hoogbegaafde", "hb", "plusklas", "meerbegaafd", "meer begaafd",
        "meerbegaafdheid", "begaafdheid", "onderpresteerders", "versnellen",
    ),
    "dyslexie": ("dyslexie", "dyslectisch", "leesproblemen", "spellingsproblemen", "dyslexieprotocol"),
    "autisme": ("autisme", "ass", "autistisch", "autisme spectrum", "prikkelarm"),
    "jonge risicoleerlingen": (
        "jonge risicoleerlingen", "jonge risico leerlingen", "jonge risico lln", "risicoleerlingen", "risico lln", "vve",
        "jonge kind", "jonge kinderen",
        "kleuters", "voorschool", "peuters",
    ),
    "rekenen": ("rekenen", "rekenproblemen", "dyscalculie", "rekenverrijking"),
    "spraak-taal": (
        "spraak-taal", "spraaktaal", "spraak en taal", "tos", "taalontwikkelingsstoornis", "logopedie",
        "spraakproblemen",
    ),
    "sociaal-emotioneel": (
        "sociaal-emotioneel", "sociaalemotioneel", "sova", "faalangst", "weerbaarheid", "sociale vaardigheden",
    ),
    "motoriek": ("motoriek", "motorisch", "fijne motoriek", "grove motoriek"),
    "thuiszitters/terugleiding": (
        "thuiszitters", "thuiszitter", "terugleiding", "thuiszitters terugleiding", "terugleidingsgroep",
    ),
}

EXPERTISE_TAGS: tuple[str, ...] = tuple(EXPERTISE_SYNONYMS)
"""The tags of the expertisekaart, in the order dialogs offer them."""

DENYING: frozenset[str] = frozenset("geen niet nooit".split())
"""Words that deny what follows them: "geen direct gevaar" is no "direct gevaar" (route
trefwoorden, route options)."""

STOPWORDS: frozenset[str] = frozenset(
    """
    de het een t den der des van voor is wie wat bij in op en met welke welk waar wanneer hoe waarom om te aan
    er zit zitten als of naar uit over door tot nog ook maar wel niet geen al dan nu toch even snel meer
    school scholen wijk wijken leerling leerlingen kind kinderen gemeente postcode stadsdeel team groep klas
    ik je jij u mijn me mij onze ons jullie hun zij ze hij zich die dat deze dit
    heeft hebben heb hebt ben zijn was wordt word kan kun kunnen moet moeten mag wil willen zoek zoeken
    gaat gaan weet help hulp graag nodig iemand persoon eigenlijk misschien ofzo svp aub pls
    hoi hallo hey dag ok oke ja nee bedankt dank thanks
    ervaring expertise contact nummer telefoonnummer mail email gegevens vraag vragen woont wonen
    bellen mailen bereiken bereikbaar the s
    """.split()
)
"""Function words and question words: they never form a mention on their own."""

GENERIC_PLACE_TOKENS: frozenset[str] = frozenset(
    """
    noord noorder oost ooster zuid zuider west wester centrum midden binnenstad oud oude nieuw nieuwe groot grote
    klein kleine hoog laag sint dorp stad kern buurt kwartier park haven polder veld velden bos bosjes hout duin
    duinen strand dam dijk brug laan plein straat kade hof tuin tuinen berg dal beek water buiten binnen
    basisschool kindcentrum ikc obs cbs sbo
    """.split()
)
"""Parts of place names that say too little to name a place on their own ("noord", "park")."""
