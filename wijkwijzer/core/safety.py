"""Recognise concern for a child's safety, in any message, and answer it first.

A concern is never 'just a signal'. :func:`assess` reads a message (lower case, no diacritics,
key words put right when typed one letter off) against :data:`KINDS`: physical, emotional and
sexual abuse, neglect, sexual exploitation (loverboys, mensenhandel), domestic violence,
honour-related violence, forced marriage, achterlating, FGM, self-harm, suicide, and acute
danger (a weapon, a threat, 'nu', 'vanavond'). Indirect signs count ("durft niet naar huis",
"schrikt als je haar aanraakt", "heeft het steeds over dood willen zijn"). :data:`GUARDS` keep
look-alikes quiet when a kind's only sign is explained ("blauwe plek na het skaten",
"suïcidepreventie training"): a false alarm costs one message, a miss can cost a child.

:class:`SafetyReply` answers by kind: 112 first when acute, 113 Zelfmoordpreventie for suicide
and self-harm, always Veilig Thuis and the meldcode, the wijkagent for a threat at school, and
for a registered user their own adviseur. The numbers come from the knowledge base
(``hulplijnen.yaml``), checked when it loads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from microsoft_agents.activity import Activity

from wijkwijzer.core.copy import Copy
from wijkwijzer.core.replies import reply
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import Contact
from wijkwijzer.knowledge.text import normalize

if TYPE_CHECKING:
    from wijkwijzer.core.services import Profile

MAX_TEXT = 4096


def _near(first: str, second: str, words: int = 6) -> str:
    """``first`` and ``second`` within ``words`` words of each other, in either order."""
    return f"{_then(first, second, words)}|{_then(second, first, words)}"


def _then(first: str, second: str, words: int = 6) -> str:
    """``first``, then ``second`` within ``words`` words."""
    return rf"\b(?:{first})\b(?:\s+\S+){{0,{words}}}?\s+\b(?:{second})\b"


_ADULT = (r"vader|moeder|papa|mama|pa|ma|pappa|mamma|ouders?|stiefvader|stiefmoeder|stiefpa|stiefma|oom|tante|opa|"
          r"oma|broer|broers|zus|neef|neven|familie|volwassene|man|vriend|buurman|thuis|ex")
_HIT = (r"slaat|sloeg|slaan|geslagen|schopt|schopte|schoppen|geschopt|knijpt|kneep|duwt|duwde|gooit|gooide|"
        r"trapt|trapte|mept|meppen|tikken|klap|klappen|klappen|pijn gedaan|pijn doet|hardhandig|bijt|beet|slaag|"
        r"mishandelt|mishandelde|mishandeld|stompt|stompen|wurgt|gewurgd|knijpen|schudde|schudt|door elkaar|riem|"
        r"in elkaar|afgeranseld|aframmeling|rammelt|pakte .{0,10} (?:hard|bij de nek)|hard bij")
_CHILD = r"hem|haar|hen|ze|mij|me|de kinderen|zijn zoon|zijn dochter|het kind|de jongen|het meisje"
_BODY = r"arm|armen|pols|polsen|benen|been|bovenbenen|buik|hals|nek|gezicht|rug|lichaam|hand|handen|dijen"
_ORIGIN = (r"marokko|turkije|somalie|soedan|egypte|ethiopie|eritrea|guinee|sierra leone|mali|djibouti|gambia|"
           r"pakistan|afghanistan|irak|iran|syrie|jemen|ghana|nigeria|suriname|bulgarije|roemenie|brazilie|"
           r"het land van herkomst|het buitenland|buitenland|thuisland|land van (?:de|haar|zijn) ouders|hun land|"
           r"het land van")
_NOW = (r"nu|nu meteen|meteen|vandaag|vanavond|vannacht|straks|zometeen|vanmiddag|na school|op dit moment|"
        r"dit weekend|morgen|nog hier|net")
_DIE = (r"dood|doodgaan|sterven|doodmaken|dood maken|ophangen|springen|springt|spring|sprong|aandoen|aandoet|"
        r"aan te doen|eind|einde|leven|wakker worden|wakker|er niet meer|weg zijn|van kant|pillen")
_WANT = r"wil|wilde|willen|wou|zou|gaat|ga|gaan|zal|doet|doe|plan|plannen|denkt|gedachten|beter|liever"

KINDS: dict[str, tuple[str, ...]] = {
    "unspecified": (
        r"\b(?:vermoed\w*|vermoeden|denk|zorgen|bang|gevoel)\b.{0,40}\b(?:thuis|in het gezin|bij hen thuis)\b.{0,30}"
        r"\b(?:speelt|gebeurt|aan de hand|mis|niet goed|niet pluis|niet veilig|onveilig)\b",
        r"\b(?:niet veilig|onveilig)\b.{0,15}\b(?:thuis|gezin|thuissituatie)\b|\bonveilige (?:thuis|thuissituatie|"
        r"situatie|opvoedsituatie)\b|\b(?:zorgen|zorg) (?:over|om) (?:de|zijn|haar) (?:veiligheid|thuissituatie)\b"
        r"|\bveiligheid van (?:een|het|dit|deze) kind\b|\bkindermishandeling\b",
    ),
    "physical_abuse": (
        r"\bmishandel\w*|\bkindermishandeling\b|\bpak slaag\b|\bmet (?:de|een|d) riem\b|\bgeslagen\b|\bgeschopt\b"
        r"|\bslaag\b|\bklappen (?:krijgt|gekregen|van)\b|\bin elkaar (?:slaat|slaan|geslagen)\b",
        _near(_ADULT, _HIT), rf"\b(?:{_HIT})\b (?:{_CHILD})\b",
        r"\bblauwe? plek\w*|\bblauw oog\b|\bstriemen\b|\bkneuzing\w*|\bbrandwond\w*|\bsigaret\w* (?:op|in)\b|"
        r"\bafdruk van een hand\b|\bhandafdruk\w*|\bbijtwond\w*|\bgebroken (?:arm|been|pols|rib|vinger)\b"
        r"|\bverwonding\w*|\bwonden\b|\bbrandplek\w*",
        r"\bschrikt (?:als|wanneer|zodra)\b.{0,40}\baanra\w*|\bkrimpt ineen\b|\bdurft zich niet om te kleden\b"
        r"|\bverzint .{0,20}verhaal\w*",
        r"\b(?:bang|angstig|doodsbang) (?:om )?(?:naar huis|voor (?:zijn|haar) (?:vader|moeder|stiefvader|ouders|"
        r"oom|broer))|\bdurft (?:\w+ )?niet (?:meer )?naar huis\b|\bwil niet (?:meer )?naar huis\b",
    ),
    "emotional_abuse": (
        r"\b(?:emotionele|psychische|geestelijke) mishandeling\b",
        _near(_ADULT, r"scheldt|schelden|uitgescholden|scheld|kleineert|kleineren|gekleineerd|vernedert|vernederd|"
                      r"vernederen|negeert|genegeerd|opgesloten|sluit op|opsluit|sluiten op|uitgelachen|noemt|genoemd|"
                      r"dreigt|mislukking|niet gewenst|stom kind|duivel"),
        r"\b(?:niks|niets) waard\b|\bnooit geboren\b|\bmislukking\b|\b(?:opgesloten|opsluit|slapen|zitten)\b.{0,20}"
        r"\b(?:kamer|kast|kelder|badkamer|donker|gang)\b|\bgeen eten .{0,10}straf\b|\bals straf\b"
        r"|\bmoet buiten (?:slapen|staan)\b|\bniet aan tafel\b|\bdoodsbang voor (?:zijn|haar)\b|\bbegint te trillen\b",
    ),
    "neglect": (
        r"\bverwaarloos\w*|\bverwaarlozing\b|\bondervoed\w*|\bondervoeding\b",
        r"\bhonger\b|\b(?:geen|niks|niets) (?:eten|gegeten)\b|\bniet gegeten\b|\bzonder (?:eten|ontbijt en lunch)\b"
        r"|\beet uit de (?:prullenbak|vuilnisbak)\b|\beten uit (?:andermans|andere) (?:tas|tassen)\b",
        r"\b(?:vieze|stinkende|dezelfde|smerige) (?:kleren|kleding)\b|\bstinkt\b|\bruikt naar (?:urine|plas|poep)\b"
        r"|\bongewassen\b|\bniet (?:gewassen|verschoond)\b|\bvolle (?:natte )?luier\b|\bvol (?:afval|ongedierte)\b",
        r"\b(?:alleen|in zijn eentje|in haar eentje) thuis\b|\bniemand (?:thuis|die voor|die naar|om)\b|\bniet opgehaald\b"
        r"|\bvoor de deur gezet\b|\bin de kou\b.{0,20}\bwachten\b|\bouders nergens\b|\bniemand komt\b",
        r"\bouders?\b.{0,30}\b(?:dronken|onder invloed|drinkt|drinken|high|stoned|verslaafd)\b"
        r"|\b(?:moeder|vader|mama|papa)\b.{0,20}\b(?:dronken|drinkt|verslaafd|gebruikt drugs)\b",
        r"\b(?:zorgen|passen|verzorgen)\b.{0,20}\b(?:broertje|zusje|broertjes|zusjes)\b|\b(?:broertje|zusje)\b.{0,20}"
        r"\b(?:verzorgen|zorgen)\b|\b(?:slaapt|sliep) (?:op de grond|op de bank|in de auto|buiten)\b|\bgeen (?:bed|"
        r"eigen bed|winterjas|jas)\b.{0,30}\b(?:winter|december|januari|kou|slippers)\b|\bop slippers\b",
        r"\b(?:rotte|zwarte|kapotte) tand\w*|\bgeen medische zorg\b|\bniet naar de (?:dokter|huisarts|tandarts)\b"
        r"|\bontstoken wond\b|\bmedicatie .{0,20}niet gegeven\b|\bniet gegeven\b.{0,20}\b(?:medicatie|medicijnen)\b",
    ),
    "sexual_abuse": (
        r"\bseksueel misbruik\w*|\bmisbruikt\b|\bmisbruik\b(?! (?:van|maken))|\baanrand\w*|\baangerand\b|"
        r"\bverkracht\w*|\bincest\b|\bseksueel (?:getint|overschrijdend|grensoverschrijdend|gedrag|geweld)\b|\bbetast\w*",
        r"\bongepast aangeraakt\b|\baan(?:geraakt|raakt|raken|zitten|gezeten|zit)\b.{0,30}\b(?:kruis|billen|borsten|"
        r"geslachtsdeel|geslachtsdelen|plassertje|piemel|vagina|intieme|private|onderbroek)\b|\bintiem aangeraakt\b"
        r"|\b(?:oom|opa|buurman|neef|stiefvader|vader|papa|oppas|man)\b.{0,15}\b(?:aan haar zit|aan hem zit|aan haar "
        r"zat|aan hem zat|zit aan haar|zit aan hem|aanraakt)\b",
        r"\bnaakt(?:foto|fotos|filmpje|filmpjes|beelden)?\b|\bporno\w*|\bseks\b|\bgrooming\b|\bgeslachtsde(?:el|len)\b",
        _near(r"oudere man|volwassen man|man van|onbekende man|oudere jongen|volwassene|iemand van|trainer",
              r"berichtjes|fotos|foto|filmpjes|snap|appt|chat|cadeautjes|afspreken|geheim|berichten"),
        r"\bpijn (?:aan|bij|in) (?:haar|zijn) (?:plasser|kruis|vagina|anus|billen|onderlijf)\b"
        r"|\bpijn bij het plassen\b.{0,40}\b(?:vertellen|waarom|zeggen)\b",
        r"\b(?:geheimpje|geheim|spelletje)\b.{0,30}\b(?:oom|opa|buurman|vriend van|stiefvader|vader|papa)\b"
        r"|\b(?:oom|opa|buurman|stiefvader|vader|papa|neef)\b.{0,30}\b(?:spelletje|geheimpje|in bed|bij hem in bed|"
        r"bij haar in bed)\b",
    ),
    "sexual_exploitation": (
        r"\bloverboy\w*|\blover boy\w*|\bmensenhandel\w*|\buitbuit\w*|\bprostitu\w*|\bpooier\w*|\bsugar daddy\b"
        r"|\bgechanteerd\b|\bchanteert\b|\bsextortion\b",
        r"\bdure (?:cadeaus|cadeautjes|spullen|kleding|kleren|telefoon|tas|tassen|schoenen|sieraden|auto)\b"
        r"|\b(?:geld|cadeaus)\b.{0,20}\b(?:van een man|van een oudere|van mannen)\b",
        r"\b(?:oudere|volwassen) (?:vriend|vriendje|jongen|jongens|man|mannen)\b|\b(?:vriend|vriendje|man|jongen)"
        r" van (?:1[8-9]|2\d|3\d)\b|\bopgehaald door\b.{0,30}\b(?:oudere|onbekende|man|vriend|auto)\b",
        r"\bmoet (?:drugs )?(?:dealen|verkopen|rondbrengen|pakketjes)\b|\bdrugsrunner\w*|\bgedwongen .{0,20}\b(?:dealen|"
        r"stelen|werken|seks)\b|\bheeft (?:ineens|opeens|plotseling) (?:veel )?(?:geld|dure)\b|\bdingen moet doen\b"
        r"|\bschuld af te lossen\b|\bhotel\b.{0,30}\b(?:mannen|man)\b",
    ),
    "domestic_violence": (
        r"\bhuiselijk geweld\b|\bgeweld (?:thuis|in het gezin|in huis)\b|\bvrouwenopvang\b|\bblijf van mijn lijf\b"
        r"|\bstraatverbod\b|\bhuisverbod\b|\bcontactverbod\b",
        _near(r"vader|papa|stiefvader|vriend|ex", _HIT, 4),
        r"\b(?:ouders|vader en moeder|papa en mama)\b.{0,20}\b(?:vechten|slaan elkaar|gewelddadig|geweld)\b"
        r"|\bpolitie\b.{0,40}\b(?:thuis|bij hen|bij het gezin|aan de deur|langs|in huis|gebeld|vannacht)\b"
        r"|\bgetuige van (?:geweld|ruzie\w*|mishandeling)\b|\bziet hoe (?:papa|vader)\b|\b(?:schreeuwen|geschreeuwd)\b"
        r".{0,40}\b(?:gooien|slaan|huilend|huilen|spullen)\b",
        r"\b(?:mama|moeder)\b.{0,30}\b(?:blauw oog|blauwe plekken|geslagen|mishandeld|bedreigd|huilend op de grond)\b"
        r"|\bdreigt\b.{0,20}\bgeweld\b",
    ),
    "honour_violence": (
        r"\beerwraak\b|\beer ?gerelateerd\w*|\bfamilie ?eer\b|\b(?:om|over|voor) de eer\b|\beer van de familie\b"
        r"|\bte schande\b|\bschande (?:over|voor)\b",
        r"\b(?:broer|broers|familie|vader|neven|ooms|oom)\b.{0,40}\b(?:controleert|controleren|volgt|volgen|in de gaten"
        r"|bedreigt|bedreigen|dreigt|dreigen|gebracht|vermoordt|iets doet|iets aandoen|komt halen)\b",
        r"\bmag niet (?:met jongens|met een jongen|naar buiten|zonder broer|met niemand)\b|\bwordt (?:bedreigd|gevolgd)"
        r" door (?:haar|zijn) (?:familie|broers?|neven|ooms?)\b|\b(?:familie|broers?|vader|oom)\b.{0,30}\b(?:wil|wilde|"
        r"gaat|zal)\b.{0,15}\b(?:iets aandoen|straffen|vermoorden|ombrengen|doodmaken)\b|\bvriendje\b.{0,40}\b(?:broer|"
        r"broers|familie|vader)\b.{0,20}\b(?:aandoen|bang|doodsbang|vermoord)\b",
    ),
    "forced_marriage": (
        r"\bhuwelijksdwang\b|\b(?:gedwongen|gearrangeerd|opgelegd) huwelijk\b|\buitgehuwelijkt\b|\buithuwelijk\w*",
        r"\b(?:moet|gaat|gaan) (?:\w+ ){0,4}trouwen\b|\btrouwen met (?:een )?(?:neef|oudere man|man uit|een man)\b"
        r"|\bverloofd\b|\bbeloofd aan\b|\bde bruid\b|\bkennis (?:te )?maken met (?:haar|zijn) (?:man|vrouw)\b",
    ),
    "achterlating": (
        r"\bachterlating\b|\bachtergelaten\b|\bachterlaten\b|\bachterlaat\b|\bheropvoeding\b|\bheropgevoed\b"
        r"|\bteruggestuurd naar\b|\benkele reis\b",
        rf"\b(?:blijft|blijven|moet blijven|achterblijven|gebleven|gestuurd|sturen|laten)\b.{{0,30}}\b(?:{_ORIGIN})\b"
        rf"|\b(?:{_ORIGIN})\b.{{0,30}}\b(?:blijft|blijven|gebleven|laten)\b",
        r"\bniet (?:meer )?(?:terug|teruggekomen|terugkomt|terug mag)\b.{0,40}\b(?:zomer|vakantie|reis|buitenland)\b"
        r"|\b(?:zomer|vakantie)\b.{0,40}\bniet (?:meer )?(?:terug|teruggekomen|terugkomt|terug mag)\b",
    ),
    "fgm": (
        r"\bmeisjesbesnijdenis\b|\bbesnijdenis\w*|\bbesneden\b|\bbesnijden\b|\bgenitale verminking\b|\bvgv\b|\bfgm\b",
        r"\b(?:schoongemaakt|schoon gemaakt|vrouwending|meisjesceremonie|ceremonie)\b",
        rf"\b(?:vakantie|reis|reizen|zomer)\b.{{0,40}}\b(?:{_ORIGIN})\b.{{0,60}}\b(?:feest|ritueel|vrouw wordt|"
        r"vrouw worden|speciaal|grote dag|schoon|geknipt|knippen|besnijd\w*|traditie)\b",
        r"\b(?:knippen|geknipt)\b.{0,30}\b(?:daar beneden|onder|meisje)\b|\b(?:loopt moeilijk|moeilijk lopen)\b"
        r".{0,40}\bplassen\b|\bplassen\b.{0,40}\b(?:vakantie|reis|terug)\b|\b(?:vakantie|zomer)\b.{0,40}\b(?:pijn|"
        r"gym|lopen)\b.{0,30}\b(?:plassen|vrouw)\b",
    ),
    "self_harm": (
        r"\bzelfbeschadig\w*|\bautomutil\w*|\bzelfverwond\w*",
        _then(r"snijdt|snijd|snijden|sneed|krast|krassen|kraste|krabt|krabben|brandt|branden|bijt|slaat|verwondt|"
              r"beschadigt", r"zichzelf|zich", 2),
        _then(r"zichzelf|zich", r"snijden|krassen|pijn doen|verwonden|branden|beschadigen|bijten|open", 3),
        rf"\b(?:snijdt|krast|krassen|snijwond\w*|sneetjes|sneden|wondjes|littekens|schrammen|pleisters|brandplekken)\b"
        rf".{{0,30}}\b(?:{_BODY})\b|\b(?:lange mouwen)\b.{{0,50}}\b(?:pols|polsen|30 graden|warm)\b",
        r"\b(?:bonkt|slaat|stoot)\b(?: met)? (?:zijn|haar|zn) (?:hoofd|hooofd)\b|\bpijn voelen\b.{0,20}\brustig\b"
        r"|\bzegt dat (?:ze|hij|zij) het zelf doet\b",
    ),
    "suicide": (
        r"\bzelfmoord\w*|\bzelfdoding\b|\bsuicid\w*|\bsuicide\w*|\bdoodsgedachten\b|\bafscheidsbrief\w*",
        _near(_WANT, _DIE, 4),
        r"\bniet meer (?:wil )?(?:leven|wakker|bestaan|hier zijn)\b|\ber (?:een )?eind(?:e)? aan\b"
        r"|\buit het leven\b|\b(?:spring|springt|springen|sprong)\b.{0,25}\b(?:flat|dak|brug|trein|balkon|raam)\b"
        r"|\bvoor de trein\b|\bpillen\b.{0,20}\b(?:gespaard|verzameld|sparen|ingenomen|geslikt)\b|\bpoging\b",
        r"\b(?:zichzelf|zich)\b.{0,20}\b(?:iets|wat)?\s*(?:aandoen|aandoet|aan te doen|doodmaken|ophangen|van kant)\b"
        r"|\bheeft het (?:steeds |vaak )?over (?:dood|doodgaan|sterven)\b|\btekent\b.{0,20}\b(?:graven|doodskist\w*|"
        r"dood)\b|\bbeter (?:als|dat) (?:hij|ze|zij|ik) er niet (?:meer )?(?:is|ben|zijn)\b|\bniemand (?:haar|hem|mij|me)"
        r" (?:zou )?missen\b|\b(?:spullen weg|afscheid neemt|neemt afscheid)\b|\bbij opa in de hemel\b",
    ),
    "acute": (
        r"\b(?:mes|messen|mesje|steekwapen|vuurwapen|wapen|wapens|pistool|revolver|boksbeugel|machete|bijl|vuurwerkbom)\b",
        r"\b(?:dreigt|dreigde|bedreigt|bedreigde|dreigen|dreigbericht|dreiging)\b.{0,60}\b(?:vermoorden|dood|neersteken|"
        r"steken|schieten|afmaken|aandoen|in elkaar|mes|wapen|terug|naar school|pakken|geweld)\b"
        r"|\b(?:of er gebeurt wat|anders gebeurt er wat)\b",
        r"\b(?:gaat|gaan|komt|komen|zal)\b.{0,20}\b(?:vermoorden|doodmaken|neersteken|afmaken|neerschieten|pakken)\b"
        r"|\bdoodsbedreiging\w*|\bmaakt (?:hem|haar|je|jou|jullie) af\b",
        r"\b(?:direct|acuut) gevaar\b|\bin (?:acuut )?gevaar\b|\bvermist\b|\bontvoer\w*|\bweggelopen\b"
        r"|\bstaat (?:nu )?(?:voor|bij) (?:de school|het hek|de deur)\b|\b(?:agressief|in paniek)\b"
        r"|\balleen in (?:een|de) auto\b|\b(?:aanspreekt|aanspreken) en filmt\b",
    ),
}
"""Signs of each kind of concern, on the normalised text (typos of key words put right)."""

GUARDS: dict[str, tuple[str, ...]] = {
    "physical_abuse": (
        r"\b(?:skaten|skeeleren|skeelers|schaatsen|turnen|judo|karate|trefbal|bal|voetbal|gym|sport|hockey|trap|fiets|"
        r"val|gevallen bij|speeltoestel|klimrek|ongelukje|ongeluk|gezien|zagen|schoolplein|speelplein|wespensteek|"
        r"mug|insect|laptops|spullen|boeken|materiaal)\b",
        r"\b(?:slaat|sloeg)\b.{0,20}\b(?:bladzijde|bladzij|pagina|alarm|toon|munt|brug|spijker|bal|plank mis)\b",
    ),
    "suicide": (r"\b(?:preventie|boek|film|serie|dood moe|doodmoe|lachen|stress|verveling|moord)\b",),
    "self_harm": (r"\b(?:handvaardigheid|papier|knutselen|per ongeluk|schaar bij)\b",),
    "sexual_abuse": (r"\b(?:seksuele vorming|lentekriebels)\b",),
    "acute": (r"\b(?:kookles|koken|keuken|brood|fruit|taart|snijplank|knutselen|schaar|film|game|spel|fortnite|"
              r"geschiedenis|oorlog|museum|vuurwerk|carnaval|halloween)\b",),
}
"""What explains a kind's sign as harmless; a guard counts only when that kind is the only one found."""

TOPIC = re.compile(
    r"\b(?:congres|cursus|training|scholing|e learning|elearning|webinar|workshop|voorlichting|netwerkbijeenkomst|"
    r"bijeenkomst|thema|protocol|beleid|aandachtsfunctionaris|les|lessen|toets|project|studiedag|agenda|presentatie|"
    r"nascholing|godsdienst|geschiedenis|meldplicht|e-learning|vacature|folder|poster|brochure|boek)\b")
PERSON = re.compile(r"\b(?:leerling|ll|kind|kindje|kleuter|jongen|meisje|hij|zij|zoon|dochter|broertje|zusje|"
                    r"vader|moeder|papa|mama|gezin)\b")
"""A text about a training, a meeting or a lesson, with nobody in it, is no concern for a child."""

SELF_HARM_KINDS = frozenset({"suicide", "self_harm"})
_CAN_BE_ACUTE = frozenset(KINDS) - {"acute", "emotional_abuse"}
_PATTERNS = {kind: re.compile("|".join(f"(?:{p})" for p in patterns)) for kind, patterns in KINDS.items()}
_GUARDS = {kind: re.compile("|".join(f"(?:{p})" for p in patterns)) for kind, patterns in GUARDS.items()}
_ACUTE_TIME = re.compile(rf"\b(?:{_NOW})\b")


@dataclass(frozen=True)
class Concern:
    """Concern for a child's safety found in a message: which kinds, and whether danger is acute."""

    kinds: frozenset[str]
    acute: bool = False


def assess(text: str) -> Concern | None:
    """The kinds of safety concern ``text`` shows (see :data:`KINDS`), or None."""
    norm = _typos_fixed(normalize(text[:MAX_TEXT]))
    kinds = {kind for kind, pattern in _PATTERNS.items() if pattern.search(norm)}
    if kinds and TOPIC.search(norm) and not PERSON.search(norm):
        return None
    if len(kinds) == 1:
        guard = _GUARDS.get(next(iter(kinds)))
        if guard is not None and guard.search(norm):
            return None
    if not kinds:
        return None
    acute = "acute" in kinds or bool(kinds & _CAN_BE_ACUTE and _ACUTE_TIME.search(norm))
    return Concern(kinds=frozenset(kinds), acute=acute)


_WORD = re.compile(r"[a-z]{5,}")


def _pattern_words() -> frozenset[str]:
    """The literal words of the patterns: what a typo is put right to."""
    words: set[str] = set()
    for patterns in KINDS.values():
        for pattern in patterns:
            words.update(_WORD.findall(re.sub(r"\\[a-zA-Z]|\(\?[:!=<]+|\{\d+(?:,\d+)?\}", " ", pattern)))
    return frozenset(words)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


_KNOWN = _pattern_words()
_BY_DELETE: dict[str, str] = {}
for _known in sorted(_KNOWN):
    for _variant in _deletes(_known):
        _BY_DELETE.setdefault(_variant, _known)


@lru_cache(maxsize=65536)
def _fixed(word: str) -> str:
    """``word``, or the pattern word it is one typo away from (SymSpell with distance 1: a letter
    too many, too few or swapped; "zelfmord", "mishandelt", "verwaarloost")."""
    if word in _KNOWN or len(word) < 6:
        return word
    if word in _BY_DELETE:
        return _BY_DELETE[word]
    for variant in _deletes(word):
        if variant in _KNOWN:
            return variant
        if variant in _BY_DELETE:
            return _BY_DELETE[variant]
    return word


def _typos_fixed(norm: str) -> str:
    """The words of a message, each put right when typed one letter off a word of the patterns."""
    return " ".join(_fixed(word) for word in norm.split())


# ───────────── the answer ─────────────


class SafetyCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {
        "suicide": frozenset({"zelfmoordpreventie"}), "veilig_thuis": frozenset({"veilig_thuis"}),
        "adviseur": frozenset({"naam", "telefoon"}),
    }
    acute: str
    concern: str
    suicide: str
    veilig_thuis: str
    threat: str
    adviseur: str
    meldcode: str
    choices: tuple[str, ...]


VEILIG_THUIS = "0800-2000"
ZELFMOORDPREVENTIE = "0800-0113"


class SafetyReply:
    """The answer to a safety concern, by kind (see the module docstring)."""

    def __init__(self, copy: SafetyCopy) -> None:
        self.copy = copy

    def __call__(self, concern: Concern, profile: Profile, kb: KnowledgeBase, offer_meldcode: bool = True) -> Activity:
        """``offer_meldcode``: False when the meldcode route follows in this turn anyway."""
        copy = self.copy
        lines = [copy.acute] if concern.acute else []
        lines.append(copy.concern)
        if concern.kinds & SELF_HARM_KINDS:
            lines.append(copy.suicide.format(zelfmoordpreventie=ZELFMOORDPREVENTIE))
        lines.append(copy.veilig_thuis.format(veilig_thuis=VEILIG_THUIS))
        if "acute" in concern.kinds:
            lines.append(copy.threat)
        adviseur = _own_adviseur(kb, profile)
        if adviseur is not None and adviseur.telefoon:
            lines.append(copy.adviseur.format(naam=adviseur.naam, telefoon=adviseur.telefoon))
        if not offer_meldcode:
            return reply("\n".join(lines))
        lines.append(copy.meldcode)
        return reply("\n".join(lines), list(copy.choices))


def _own_adviseur(kb: KnowledgeBase, profile: Profile) -> Contact | None:
    if not profile.registered or profile.wijk not in kb.areas:
        return None
    found = query.contacts_for(kb, "adviseur", wijk=profile.wijk or "")
    return found[0] if found else None
