"""What people type for roles and expertise tags. Data, not logic; all values are normalised on use."""

from __future__ import annotations

ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "smw": ("smw", "smw'er", "smwer", "smw er", "smw-er", "smwr", "schoolmaatschappelijk werk", "schoolmaatschappelijk werker",
            "schoolmaatschappelijkwerker", "school maatschappelijk werk", "school maatschappelijk werker",
            "maatschappelijk werk", "maatschappelijk werker", "schoolmaatschappelijk"),
    "jgz": ("jgz", "jeugdarts", "jeugd arts", "jeugdverpleegkundige", "jeugd verpleegkundige", "jeugdverpleegkundigen",
            "schoolarts", "schoolverpleegkundige", "cjg", "ggd", "jeugdgezondheidszorg", "jeugdgezondheid", "jgz er"),
    "leerplicht": ("leerplicht", "leerplichtambtenaar", "leerplicht ambtenaar", "lpa", "lpa er", "lpaer", "leerplichtzaken",
                   "leerplichtconsulent", "bureau leerplicht", "leerplichtamtenaar"),
    "jeugdteam": ("jeugdteam", "jeugd team", "wijkteam", "wijk team", "lokaal team", "lokale team", "jeugdconsulent",
                  "jeugd consulent", "gezinscoach", "buurtteam", "sociaal wijkteam", "jeugdteams", "toegangsteam"),
    "wijkagent": ("wijkagent", "wijk agent", "wijkagente", "politie", "agent", "wijkagenten"),
    "veilig_thuis": ("veilig thuis", "veiligthuis", "vt", "amhk", "advies en meldpunt"),
    "adviseur": ("adviseur", "adviseur swv", "adviseur passend onderwijs", "swv adviseur", "consulent swv",
                 "onderwijsadviseur", "onderwijs adviseur", "adviseur van het swv", "trajectbegeleider", "onderwijsspecialist"),
    "steunpunt": ("expertisepunt", "expertise punt", "steunpunt", "specialist", "specialisten", "expertiseteam"),
    "ib": ("ib", "ib'er", "iber", "ib er", "ibber", "intern begeleider", "interne begeleider"),
}

EXPERTISE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "gedrag": ("gedrag", "gedragsproblemen", "gedragsspecialist", "gedragsproblematiek", "time out", "timeout"),
    "traumasensitief onderwijs": ("traumasensitief onderwijs", "traumasensitief", "trauma", "trauma sensitief",
                                  "ingrijpende ervaringen"),
    "NT2/anderstaligen": ("nt2", "nt 2", "anderstaligen", "anderstalig", "nieuwkomers", "nieuwkomer", "taalklas",
                          "nederlands als tweede taal", "nt2 anderstaligen"),
    "hoogbegaafdheid": ("hoogbegaafdheid", "hoogbegaafd", "hoogbegaafde", "hb", "plusklas", "meerbegaafd",
                        "meerbegaafdheid", "begaafdheid", "onderpresteerders"),
    "dyslexie": ("dyslexie", "dyslectisch", "leesproblemen", "spellingsproblemen", "dyslexieprotocol"),
    "autisme": ("autisme", "ass", "autistisch", "autisme spectrum", "prikkelarm"),
    "jonge risicoleerlingen": ("jonge risicoleerlingen", "jonge risico leerlingen", "vve", "jonge kind", "kleuters",
                               "groep 1 2", "voorschool"),
    "rekenen": ("rekenen", "rekenproblemen", "dyscalculie", "rekenverrijking"),
    "spraak-taal": ("spraak taal", "spraaktaal", "tos", "taalontwikkelingsstoornis", "logopedie", "spraak en taal"),
    "sociaal-emotioneel": ("sociaal emotioneel", "sociaalemotioneel", "sova", "faalangst", "weerbaarheid",
                           "sociale vaardigheden"),
    "motoriek": ("motoriek", "motorisch", "fijne motoriek", "grove motoriek"),
    "thuiszitters/terugleiding": ("thuiszitters", "terugleiding", "thuiszitters terugleiding", "terugleidingsgroep"),
}

STOPWORDS: frozenset[str] = frozenset(
    """
    de het een van voor is wie wat bij in op en met welke welk waar wanneer hoe om te aan er zit zitten
    school scholen wijk wijken leerling leerlingen kind kinderen graag ik je jij mijn onze ons die dat deze dit
    als of naar uit over heeft hebben ervaring expertise contact nummer telefoonnummer mail email gegevens
    vraag vragen woont wonen gemeente postcode stadsdeel team groep klas nog ook maar wel niet geen
    kan kun kunnen moet moeten mag wil willen zoek zoeken gaat gaan help hulp the s t en
    """.split()
)
