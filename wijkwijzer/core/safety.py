"""Recognise concern for a child's safety, in any message, and answer it first.

A concern is never 'just a signal'. :func:`assess` reads a message (lower case, no diacritics,
key words put right when typed one letter off) against :data:`KINDS`: physical, emotional and
sexual abuse, neglect, sexual exploitation (loverboys, mensenhandel), domestic violence,
honour-related violence, forced marriage, achterlating, FGM, self-harm, suicide, and acute
danger (a weapon, a threat, 'nu', 'vanavond'). Indirect signs count ("durft niet naar huis",
"schrikt als je haar aanraakt", "heeft het steeds over dood willen zijn"). :data:`GUARDS` keep
look-alikes quiet when a kind's only sign is explained ("blauwe plek na het skaten",
"suïcidepreventie training"): a false alarm costs one message, a miss can cost a child.

Rules only know the signs someone wrote down; a learned model
(:mod:`wijkwijzer.core.safety_model`, trained on the tune sets) adds a concern in words no rule
lists, and 113 or 112 where the rules missed self-harm or danger now. It only ever adds: a
concern the rules find is never taken away.

:class:`SafetyReply` answers by kind: 112 first when acute, 113 Zelfmoordpreventie for suicide
and self-harm, always Veilig Thuis and the meldcode, the wijkagent for a threat at school, and
for a registered user their own adviseur. The numbers come from the knowledge base
(``hulplijnen.yaml``), checked when it loads.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from microsoft_agents.activity import Activity

from wijkwijzer.core.copy import Copy
from wijkwijzer.core.inbound import capped
from wijkwijzer.core.replies import reply
from wijkwijzer.core.safety_model import MIN_EVIDENCE, evidence, features, model
from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import KnowledgeBase
from wijkwijzer.knowledge.models import Contact
from wijkwijzer.knowledge.text import normalize

if TYPE_CHECKING:
    from wijkwijzer.core.services import Profile


def _near(first: str, second: str, words: int = 6) -> str:
    """``first`` and ``second`` within ``words`` words of each other, in either order."""
    return f"{_then(first, second, words)}|{_then(second, first, words)}"


def _then(first: str, second: str, words: int = 6) -> str:
    """``first``, then ``second`` within ``words`` words."""
    return rf"\b(?:{first})\b(?:\s+\S+){{0,{words}}}?\s+\b(?:{second})\b"


_THING = (r"schoolplein|plein|\w*tuin|gebouw|pand|lokaal|fietsenstalling|speeltuin|speelplaats|website|site|archief|"
          r"administratie|mappen|oefeningen|\w*oefeningen|huiswerk|bankjes|onkruid|gras|plantsoen|fiets|auto|schuur|"
          r"kast|bibliotheek|bieb|boeken|\w*plan|\w*plannen|dossiers?|contactpagina|pagina|account")
"""Things that get neglected ("het schoolplein is verwaarloosd"), not children."""
_ADULT = (r"vader|moeder|papa|mama|pa|ma|pappa|mamma|ouders?|stiefvader|stiefmoeder|stiefpa|stiefma|oom|tante|opa|"
          r"oma|broer|broers|zus|neef|neven|familie|volwassene|man|vriend|buurman|thuis|ex")
_HIT = (r"slaat|sloeg|slaan|geslagen|schopt|schopte|schoppen|geschopt|knijpt|kneep|duwt|duwde|gooit|gooide|"
        r"trapt|trapte|mept|meppen|tikken|klap|klappen|klappen|pijn gedaan|pijn doet|hardhandig|"
        r"bijt(?! (?:op|in) (?:\w+ )?(?:nagels|nagel|lip|pen|potlood|mouw))|beet|slaag|"
        r"mishandelt|mishandelde|mishandeld|stompt|stompen|wurgt|gewurgd|knijpen|schudde|schudt|door elkaar|riem|"
        r"in elkaar|afgeranseld|aframmeling|rammelt|pakte .{0,10} (?:hard|bij de nek)")
_CHILD = r"hem|haar|hen|ze|mij|me|de kinderen|zijn zoon|zijn dochter|het kind|de jongen|het meisje"
_BODY = r"arm|armen|pols|polsen|benen|been|bovenbenen|buik|hals|nek|gezicht|rug|lichaam|hand|handen|dijen"
_ORIGIN = (r"ghana|nigeria|pakistan|afghanistan|irak|syrie|jemen|marokko|turkije|somalie|soedan|egypte|ethiopie|eritrea|guinee|sierra leone|mali|djibouti|gambia|"
           r"pakistan|afghanistan|irak|iran|syrie|jemen|ghana|nigeria|suriname|bulgarije|roemenie|brazilie|"
           r"het land van herkomst|het buitenland|buitenland|thuisland|land van (?:de|haar|zijn) ouders|hun land|"
           r"het land van")
_NOW = (r"nu|nu meteen|meteen|vandaag|vanavond|vannacht|straks|zometeen|vanmiddag|na school|op dit moment|"
        r"dit weekend|morgen|nog hier|net")
_DIE = (r"dood|doodgaan|sterven|doodmaken|dood maken|ophangen|springen|springt|spring|sprong|aandoen|aandoet|"
        r"aan te doen|eind|einde|leven|wakker worden|wakker|er niet meer|weg zijn|van kant|pillen")
_DURATION = (r"(?:al |ruim |bijna |ongeveer |zon |inmiddels |pas |zeker ){0,2}(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|"
             r"negen|tien|paar|aantal) (?:dag|dagen|week|weken|maand|maanden|jaar)\b")
"""How long something has lasted: after "nu" it says nothing about danger now."""
_PET = r"\w*(?:hamster|cavia|konijn|konijntje|vis|visje|vissen|parkiet|schildpad|huisdier)|hond|hondje|kat|poes|vogel"
_DIED = r"dood|overleden|gestorven|begraven|ingeslapen|doodgegaan"
_WANT = r"wil|wilde|willen|wou|zou|gaat|ga|gaan|zal|doet|doe|plan|plannen|denkt|gedachten|beter|liever"

KINDS: dict[str, tuple[str, ...]] = {
    "unspecified": (
        (r"\b(?:vermoed\w*|vermoeden|denk|zorgen|bang|gevoel)\b.{0,40}\b(?:thuis|in het gezin|bij hen thuis)\b.{0,30}"
        r"\b(?:speelt|gebeurt|aan de hand|mis|niet goed|niet pluis|niet veilig|onveilig)\b"),
        (r"\b(?:niet veilig|onveilig)\b.{0,15}\b(?:thuis|gezin|thuissituatie)\b|\bonveilige (?:thuis|thuissituatie|"
        r"situatie|opvoedsituatie)\b|\b(?:zorgen|zorg) (?:over|om) (?:de|zijn|haar) (?:veiligheid|thuissituatie)\b"
        r"|\bveiligheid van (?:een|het|dit|deze) kind\b|\bkindermishandeling\b"
        r"|\b(?:niet pluis|niet veilig|onveilig)\b(?: \w+){0,3} (?:thuis|in het gezin)\b"
        r"|\bthuis\b(?: \w+){0,3} (?:niet pluis|niet veilig|onveilig)\b"
        # afraid of a parent: "hij is bang voor papa"
        r"|\b(?:bang|doodsbang|angstig) (?:voor|van) (?:zijn |haar |zn )?(?:papa|vader|mama|moeder|stiefvader|stiefmoeder)\b"),
    ),
    "physical_abuse": (
        # a child's own words in the languages of Den Haag's schools: "my dad beats me", "annem beni dövdü" (Turkish),
        # "tata mnie bije" (Polish), "kaydrebni" (Darija)
        (r"\b(?:beats|hits|kicks|hurts|beat|hit) me\b|\b(?:dovdu|dovuyor|doviyor|dovuyo|vurdu|vuruyor)\b"
         r"|\b(?:bije|bil|bila) mnie\b|\bmnie bije\b|\b(?:kaydrebni|kaidrebni|drebni|derbni)\b"),
        r"\bvuistslag\w*\b.{0,25}\b(?:hoofd|gezicht|buik|rug)\b",
        (r"\bmishandel\w*|\bkindermishandeling\b|\bpak slaag\b|\bmet (?:de|een|d) riem\b|\bgeslagen\b|\bgeschopt\b"
        r"|\bslaag\b|\bklappen (?:krijgt|gekregen|van)\b|\bin elkaar (?:slaat|slaan|geslagen)\b"
        r"|\bpak (?:rammel|slaag|op (?:zijn|zn|haar|z n) (?:donder|kop|lazer))\b"
        r"|\b(?:krijgt|kreeg|krijgen|gehad) (?:\w+ ){0,2}(?:klappen|een klap|een tik|tikken|een pak)\b"
        r"|\b(?:op (?:zijn|zn|z n|haar|de) knie\w* op (?:de )?rijst|knielen op (?:de )?rijst|op rijst (?:\w+ )?(?:zitten|knielen))\b"
),
        _near(_ADULT, _HIT), rf"\b(?:{_HIT})\b (?:{_CHILD})\b",
        (r"\bblauwe? plek\w*|\bblauw oog\b|\bstriemen\b|\bkneuzing\w*|\bbrandwond\w*|\bsigaret\w* (?:op|in)\b|"
        r"\bafdruk van een hand\b|\bhandafdruk\w*|\bbijtwond\w*|\bgebroken (?:arm|been|pols|rib|vinger)\b"
        r"|\bverwonding\w*|\bwonden\b|\bbrandplek\w*"),
        (r"\bschrikt (?:als|wanneer|zodra)\b.{0,40}\baanra\w*|\bkrimpt ineen\b|\bdurft zich niet om te kleden\b"
        r"|\bverzint .{0,20}verhaal\w*"),
        (r"\b(?:bang|angstig|doodsbang) (?:om )?(?:naar huis|voor (?:zijn|haar) (?:vader|moeder|stiefvader|ouders|"
        r"oom|broer))|\b(?:durft|durf|durfde|kan|kon|mag) (?:\w+ ){0,3}niet (?:meer )?naar huis\b"
        r"|\bniet (?:meer )?naar huis (?:kan|durft|durf|durfde)\b|\bwil (?:\w+ ){0,3}(?:niet|nooit) (?:meer )?naar huis\b"
        r"|\banders krijg (?:ik|ie|hij|ze) (?:het|t) weer\b"),
    ),
    "emotional_abuse": (
        (r"\b(?:emotionele|psychische|geestelijke) mishandeling\b|\bhaat (?:haar|zijn|hun) (?:eigen )?(?:kind|zoon|dochter)\b"
         r"|\b(?:haar|zijn|hun) (?:eigen )?(?:kind|zoon|dochter) haat\b"
         r"|\b(?:moeder|vader|mama|papa|ouders)\b.{0,40}\bdat (?:ze|hij|zij) (?:hem|haar) haat\b"),
        _near(_ADULT, r"scheldt|schelden|uitgescholden|scheld|kleineert|kleineren|gekleineerd|vernedert|vernederd|"
                      r"vernederen|negeert|genegeerd|opgesloten|sluit op|opsluit|sluiten op|uitgelachen|noemt|genoemd|"
                      r"dreigt|mislukking|niet gewenst|stom kind|duivel"),
        (r"\b(?:niks|niets) waard\b|\bnooit geboren\b|\bmislukking\b|\b(?:opgesloten|opsluit|slapen|zitten)\b.{0,20}"
        r"\b(?:kamer|kast|kelder|badkamer|donker|gang)\b|\bgeen eten .{0,10}straf\b"
        r"|\bmoet buiten (?:slapen|staan)\b|\b(?:niet|nooit) (?:\w+ ){0,4}aan tafel (?:mag|mogen|eten|zitten)\b|\bniet aan tafel\b|\bdoodsbang voor (?:zijn|haar)\b|\bbegint te trillen\b"),
    ),
    "neglect": (
        r"\bverwaarloos\w*|\bverwaarlozing\b|\bondervoed\w*|\bondervoeding\b",
        (r"\bhonger\b|\b(?:geen|niks|niets) (?:eten|gegeten)\b|\bniet gegeten\b|\bzonder (?:eten|ontbijt en lunch)\b"
        r"|\beet uit de (?:prullenbak|vuilnisbak)\b|\beten uit (?:andermans|andere) (?:tas|tassen)\b"
        r"|\b(?:structureel|elke dag|iedere dag|dagelijks|altijd)\b.{0,15}\bzonder ontbijt\b"
        r"|\b(?:gewicht|lengte|groei)\b.{0,30}\bonder de (?:groei)?curve\b|\bondergewicht\b"),
        (r"\b(?:vieze|stinkende|dezelfde|smerige) (?:kleren|kleding)\b|\bstinkt\b|\bruikt naar (?:urine|plas|poep)\b"
        r"|\bdezelfde (?:trui|broek|shirt|jas)\b.{0,40}\b(?:ruikt|stinkt|vies)\b"
        r"|\b(?:insuline|medicijnen|medicatie|pufjes?|epipen)\b.{0,10}\b(?:niet|nooit)\b.{0,20}\b(?:mee|gegeven|geven)\b"
        r"|\bgeven\b.{0,15}\b(?:insuline|medicijnen|medicatie)\b.{0,5}\b(?:niet|nooit)\b"
        r"|\bmaar (?:1|een|één) paar schoenen\b"
        r"|\bongewassen\b|\bniet (?:gewassen|verschoond)\b|\bvolle (?:natte )?luier\b|\bvol (?:afval|ongedierte)\b"),
        (r"\b(?:zorgen|bang|twijfel\w*|weet niet|vraag me af)\b.{0,30}\b(?:of|dat)\b.{0,20}\bthuis\b.{0,15}"
         r"\b(?:wel |echt )?veilig (?:is|zijn|voelt)\b|\bthuis (?:niet|nooit) veilig\b|\bthuis onveilig\b"
         r"|\bniet veilig (?:is )?bij (?:haar|zijn|zn) (?:vader|moeder|ouders|stiefvader)\b"),
        (r"\b(?:alleen|in zijn eentje|in haar eentje) thuis\b|\bniemand (?:thuis|die voor|die naar|om)\b|"
        r"\bthuis is (?:er )?(?:toch |ook )?(?:niemand|nooit iemand|nooit een ouder)\b|"
        r"\bniemand (?:\w+ ){0,2}(?:voor (?:hem|haar|het kind|ze|de kinderen) )?zorgt\b"
        r"|\bniemand (?:haalt|komt) (?:hem|haar|het kind|de kinderen|ze|zn|zijn) (?:\w+ )?(?:op|halen|ophalen)\b|"
        r"\bniet opgehaald\b"
        r"|\bvoor de deur gezet\b|\bin de kou\b.{0,20}\bwachten\b|\bouders nergens\b|\bniemand komt\b"),
        (r"\bouders?\b.{0,30}\b(?:dronken|onder invloed|drinkt|drinken|high|stoned|verslaafd|alcoholist\w*|aan de drank)\b"
        r"|\b(?:moeder|vader|mama|papa|pa|ma)\b.{0,20}\b(?:dronken|drinkt|verslaafd|gebruikt drugs|alcoholist\w*|aan de drank)\b"),
        (r"\blege koelkast\b|\bmatras\w* op de grond\b|\bschimmel (?:op|aan) (?:alle |de )?muren\b|\bgeen verwarming\b"
        r"|\b(?:steeds|erg|zo|heel) (?:\w+ )?(?:magerder|mager)\b|\bvermagert\b"
        r"|\b(?:ouders|vader|moeder)\b.{0,40}\b(?:niet|nooit) (?:\w+ ){0,3}naar de (?:\w+ )?(?:arts|tandarts|dokter|ziekenhuis)\b"
        r"|\b(?:weken|maanden|jaren) (?:\w+ ){0,3}(?:niet|nooit) (?:\w+ ){0,2}naar de (?:\w+ )?(?:arts|tandarts|dokter)\b"),
        (r"\b(?:zorgen|passen|verzorgen)\b.{0,20}\b(?:broertje|zusje|broertjes|zusjes)\b|\b(?:broertje|zusje)\b.{0,20}"
        r"\b(?:verzorgen|zorgen)\b|\b(?:slaapt|sliep) (?:op de grond|op de bank|in de auto|buiten)\b|\bgeen (?:bed|"
        r"eigen bed|winterjas|jas)\b.{0,30}\b(?:winter|december|januari|kou|slippers)\b|\bop slippers\b"),
        (r"\b(?:rotte|zwarte|kapotte) tand\w*|\bgeen medische zorg\b|\bniet naar de (?:dokter|huisarts|tandarts)\b"
        r"|\bontstoken wond\b|\bmedicatie .{0,20}niet gegeven\b|\bniet gegeven\b.{0,20}\b(?:medicatie|medicijnen)\b"),
    ),
    "sexual_abuse": (
        (r"\bseksueel misbruik\w*|\bmisbruikt\b|\bmisbruik\b(?! (?:van|maken))|\baanrand\w*|\baangerand\b|"
        r"\bverkracht\w*|\bincest\b|\bseksueel (?:getint|overschrijdend|grensoverschrijdend|gedrag|geweld)\b|"
        r"\bbetast\w*|\bsoa\b|\bgeslachtsziekte\w*|\bseksuele handeling\w*"
        r"|\b(?:gevoel|vermoeden|vermoed\w*|denk|onderbuik\w*)\b(?: \S+){0,4} (?:seksueel|seksuele|misbruik)\b"),
        (r"\bongepast aangeraakt\b|\baan(?:geraakt|raakt|raken|zitten|gezeten|zit)\b.{0,30}\b(?:kruis|billen|borsten|"
        r"geslachtsdeel|geslachtsdelen|plassertje|piemel|vagina|intieme|private|onderbroek)\b|\bintiem aangeraakt\b"
        r"|\b(?:oom|opa|buurman|neef|stiefvader|vader|papa|oppas|man)\b.{0,15}\b(?:aan haar zit|aan hem zit|aan haar "
        r"zat|aan hem zat|zit aan haar|zit aan hem|aanraakt)\b"),
        r"\bnaakt(?:foto|fotos|filmpje|filmpjes|beelden)?\b|\bporno\w*|\bseks\b|\bgrooming\b|\bgeslachtsde(?:el|len)\b",
        _near(r"oudere man|volwassen man|man van|onbekende man|oudere jongen|volwassene|iemand van|\w*trainer|\w*coach",
              r"berichtjes|fotos|foto|filmpjes|snaps|snapchat|appt|chat|cadeautjes|afspreken|geheim|berichten"),
        (r"\bpijn (?:aan|bij|in) (?:haar|zijn) (?:plasser|kruis|vagina|anus|billen|onderlijf)\b"
        r"|\bpijn bij het plassen\b.{0,40}\b(?:vertellen|waarom|zeggen)\b"),
        (r"\b(?:geheimpje|geheim|spelletje)\b.{0,30}\b(?:oom|opa|buurman|vriend van|stiefvader|vader|papa)\b"
        r"|\b(?:oom|opa|buurman|stiefvader|vader|papa|neef)\b.{0,30}\b(?:spelletje|geheimpje|in bed|bij hem in bed|"
        r"bij haar in bed)\b"),
    ),
    "sexual_exploitation": (
        (r"\baangeboden (?:voor|als) (?:\w+ ){0,2}(?:dates|seks|afspraakjes|geld)\b|\bescort\w*"
        r"|\bloverboy\w*|\blover boy\w*|\bmensenhandel\w*|\buitbuit\w*|\bprostitu\w*|\bpooier\w*|\bsugar daddy\b"
        r"|\bgechanteerd\b|\bchanteert\b|\bsextortion\b|\buitgeleend\b|\buitlenen\b"),
        (r"\bdure (?:cadeaus|cadeautjes|spullen|kleding|kleren|telefoon|tas|tassen|schoenen|sieraden|auto)\b"
        r"|\b(?:geld|cadeaus)\b.{0,20}\b(?:van een man|van een oudere|van mannen)\b"),
        (r"\b(?:oudere|volwassen) (?:vriend|vriendje|jongen|jongens|man|mannen)\b|\b(?:vriend|vriendje|man|jongen)"
        r" van (?:1[8-9]|2\d|3\d)\b|\bopgehaald door\b.{0,30}\b(?:oudere|onbekende|man|vriend|auto)\b"),
        (r"\bmoet (?:drugs )?(?:dealen|verkopen|rondbrengen|pakketjes)\b|\bdrugsrunner\w*|\bdrugskoerier\w*|"
        r"\b(?:uitkijk|op de uitkijk)\b.{0,30}\b(?:drugs\w*|dealers?|pand)\b|\bdrugspand\w*|"
        r"\bgedwongen .{0,20}\b(?:dealen|"
        r"stelen|werken|seks)\b|\bheeft (?:ineens|opeens|plotseling) (?:veel )?(?:geld|dure)\b|\bdingen moet doen\b"
        r"|\bschuld af te lossen\b|\bhotel\b.{0,30}\b(?:mannen|man)\b"),
    ),
    "domestic_violence": (
        r"\b(?:annemi|annemizi|babami) (?:\w+ )?(?:dovdu|dovuyor|bogdu|bogmaya|vurdu|vuruyor)\b|\b(?:beats|hits) (?:my )?mum\b",
        (r"\bhuiselijk geweld\b|\bpartnergeweld\b|\brelationeel geweld\b|\bgeweld tussen (?:de )?ouders\b"
        r"|\bgeweld (?:\w+ ){0,2}tussen (?:de |mijn |zijn |haar )?ouders\b|\bruzie (?:\w+ ){0,3}politie erbij\b"
        r"|\bgeweld (?:thuis|in het gezin|in huis)\b|\bvrouwenopvang\b|\bblijf van mijn lijf\b"
        r"|\bstraatverbod\b|\bhuisverbod\b|\bcontactverbod\b"),
        _near(r"vader|papa|stiefvader|vriend|ex", _HIT, 4),
        (r"\b(?:ouders|vader en moeder|papa en mama)\b.{0,20}\b(?:vechten|slaan elkaar|gewelddadig|geweld)\b"
        r"|\bpolitie\b(?: \S+){0,5} (?:thuis|bij hen|bij het gezin|aan de deur|in huis|vannacht|weer (?:geweest|gekomen|langs)"
        r"|weer (?:is|was) (?:geweest|gekomen)|(?:is|was) weer (?:geweest|gekomen)"
        r")\b"
        r"|\bgetuige van (?:geweld|ruzie\w*|mishandeling)\b|\bziet hoe (?:papa|vader)\b|\b(?:schreeuwen|geschreeuwd)\b"
        r".{0,40}\b(?:gooien|slaan|huilend|huilen|spullen)\b"),
        (r"\b(?:mama|moeder)\b.{0,30}\b(?:blauw oog|blauwe plekken|geslagen|mishandeld|bedreigd|huilend op de grond)\b"
        r"|\bdreigt\b.{0,20}\bgeweld\b"),
    ),
    "honour_violence": (
        (r"\beerwraak\b|\beer ?gerelateerd\w*|\bfamilie ?eer\b|\b(?:om|over|voor) de eer\b|\beer van de familie\b"
        r"|\bte schande\b|\bschande (?:over|voor)\b"
        r"|\beer\b(?: \w+){0,3} (?:herstellen|hersteld|kapot|geschonden|aangetast|gekrenkt|gezuiverd)\b"),
        (r"\b(?:broer|broers|familie|vader|neven|ooms|oom)\b.{0,40}\b(?:controleert|controleren|volgt|volgen|in de gaten"
        r"|bedreigt|bedreigen|dreigt|dreigen|gebracht|vermoordt|iets doet|iets aandoen|komt halen)\b"),
        (r"\bmag niet (?:met jongens|met een jongen|naar buiten|zonder broer|met niemand)\b|\bwordt (?:bedreigd|gevolgd)"
        r" door (?:haar|zijn) (?:familie|broers?|neven|ooms?)\b|\b(?:familie|broers?|vader|oom)\b.{0,30}\b(?:wil|wilde|"
        r"gaat|zal)\b.{0,15}\b(?:iets aandoen|straffen|vermoorden|ombrengen|doodmaken)\b|\bvriendje\b.{0,40}\b(?:broer|"
        r"broers|familie|vader)\b.{0,20}\b(?:aandoen|bang|doodsbang|vermoord)\b"),
    ),
    "forced_marriage": (
        r"\bhuwelijksdwang\b|\b(?:gedwongen|gearrangeerd|opgelegd) huwelijk\b|\buitgehuwelijkt\b|\buithuwelijk\w*",
        (r"\b(?:moet|gaat|gaan) (?:\w+ ){0,4}trouwen\b|\btrouwen met (?:een )?(?:neef|oudere man|man uit|een man)\b"
        r"|\bverloofd\b|\bbeloofd aan\b|\bde bruid\b|\bkennis (?:te )?maken met (?:haar|zijn) (?:man|vrouw)\b"),
    ),
    "achterlating": (
        (r"\bachterlating\b|\bachtergelaten\b|\bachterlaten\b|\bachterlaat\b|\bheropvoeding\b|\bheropgevoed\b"
        r"|\bteruggestuurd naar\b|\benkele reis\b"),
        (rf"\b(?:blijft|blijf|blijven|moet blijven|achterblijven|gebleven|gestuurd|sturen|laten)\b.{{0,30}}\b(?:{_ORIGIN})\b"
        rf"|\b(?:{_ORIGIN})\b.{{0,30}}\b(?:blijft|blijf|blijven|gebleven|laten)\b"),
        (r"\bniet (?:meer )?(?:terug|teruggekomen|terugkomt|terug mag)\b.{0,40}\b(?:zomer|vakantie|reis|buitenland)\b"
        r"|\b(?:zomer|vakantie)\b.{0,40}\bniet (?:meer )?(?:terug|teruggekomen|terugkomt|terug mag)\b"),
    ),
    "fgm": (
        r"\bmeisjesbesnijdenis\b|\bbesnijdenis\w*|\bbesneden\b|\bbesnijden\b|\bgenitale verminking\b|\bvgv\b|\bfgm\b",
        r"\b(?:schoongemaakt|schoon gemaakt|vrouwending|meisjesceremonie|ceremonie)\b|\bmeisjes schoon ?(?:maakt|maken)\b",
        (rf"\b(?:vakantie|reis|reizen|zomer)\b.{{0,40}}\b(?:{_ORIGIN})\b.{{0,60}}\b(?:feest|ritueel|vrouw wordt|"
        r"vrouw worden|speciaal|grote dag|schoon|geknipt|knippen|besnijd\w*|traditie)\b"),
        (r"\b(?:knippen|geknipt)\b.{0,30}\b(?:daar beneden|onder|meisje)\b|\b(?:loopt moeilijk|moeilijk lopen)\b"
        r".{0,40}\bplassen\b|\bplassen\b.{0,40}\b(?:vakantie|reis|terug)\b|\b(?:vakantie|zomer)\b.{0,40}\b(?:pijn|"
        r"gym|lopen)\b.{0,30}\b(?:plassen|vrouw)\b"),
    ),
    "self_harm": (
        r"\bzelfbeschadig\w*|\bautomutil\w*|\bzelfverwond\w*",
        _then(r"snijdt|snijd|snijden|sneed|krast|krassen|kraste|krabt|krabben|brandt|branden|bijt|slaat|verwondt|"
              r"beschadigt", r"zichzelf|zich", 2),
        _then(r"zichzelf|zich", r"snijden|krassen|pijn doen|verwonden|branden|beschadigen|bijten|open", 3),
        (rf"\b(?:snijdt|krast|krassen|snijwond\w*|sneetjes|sneden|wondjes|littekens|schrammen|pleisters|brandplekken|streepjes)\b"
        rf".{{0,30}}\b(?:{_BODY})\b|\b(?:lange mouwen)\b.{{0,50}}\b(?:pols|polsen|30 graden|warm)\b"),
        (r"\b(?:bonkt|slaat|stoot)\b(?: met)? (?:zijn|haar|zn) (?:hoofd|hooofd)\b|\bpijn voelen\b.{0,20}\brustig\b"
        r"|\bzegt dat (?:ze|hij|zij) het zelf doet\b"
        r"|\bknijpt\b.{0,20}\bin (?:haar|zijn|zn) (?:eigen )?(?:arm|armen|been|benen|bovenbeen|dijen|hand)\b"
        r"|\belastiek\w*\b.{0,40}\b(?:pols|polsen|arm)\b.{0,40}\b(?:knallen|knalt|schieten|schiet|rood|open)\b"
        r"|\bverdient\b.{0,20}\b(?:honger|pijn|straf)\b|\bmesjes\b.{0,30}\b(?:matras|kussen|etui|la|kamer)\b"
        r"|\b(?:arm|armen|pols|polsen|been|benen|bovenbeen|dijen|buik) vol (?:lijnen|lijntjes|krassen|sneetjes|streepjes|wondjes)\b"
        r"|\btrekt (?:\w+ ){0,4}(?:wimpers|wenkbrauwen|hoofdhaar) (?:\w+ ){0,2}uit\b|\belkaars (?:wonden|snijwonden|krassen|littekens)\b"),
    ),
    "suicide": (
        r"\b(?:i want to die|wanna die|want to die|kill myself|kms|end my life|suicidal|chce umrzec|olmek istiyorum)\b",
        (r"\bzelfmoord\w*|\bzelfdoding\b|\bsuicid\w*|\bsuicide\w*|\bdoodsgedachten\b|\bafscheidsbrief\w*"
         r"|\b(?:mijn|mn|m n) laatste (?:post|bericht|story|filmpje|video|vlog|tiktok|snap|appje)\b"
         r"|\baan wie (?:me|mij) (?:vindt|vind|gaat vinden)\b|\blaatste dag\b.{0,20}\b(?:doei|dag allemaal|vaarwel|bye)\b"
         r"|\bgraf\w*\b.{0,30}\b(?:zijn|haar|zn|z n) (?:eigen )?naam\b"),
        _near(_WANT, _DIE, 4),
        (r"\bniet meer (?:wil )?(?:leven|leeft|leef|wakker|bestaan|hier zijn)\b|\bvoor altijd (?:\w+ )?(?:slapen|weg)\b"
         r"|\b(?:ik|hij|ze|zij) (?:besta|bestaat|bestaan) (?:liever |beter )?niet\b|\ber (?:een )?eind(?:e)? aan\b"
        r"|\b(?:alle|al (?:haar|zijn|de)) (?:\w+ ){0,2}(?:pillen|tabletten|slaappillen|medicijnen)\b.{0,30}\b(?:neemt|nemen|innemen|"
        r"slikt|slikken|opeet)\b|\b(?:vensterbank|rand|reling)\b.{0,40}\b(?:open raam|dak|verdieping|brug|balkon)\b.{0,60}\b"
        r"(?:eruit|springt|springen|naar beneden)\b"
        r"|\buit het leven\b|\b(?:zijn|ben|bent) (?:jullie|je|ze|iedereen) (?:\w+ ){0,2}van (?:me|mij) af\b|\b(?:spring|springt|springen|sprong)\b.{0,25}\b(?:flat|dak|brug|trein|balkon|raam)\b"
        r"|\bvoor de trein\b|\bpillen\b.{0,20}\b(?:gespaard|verzameld|sparen|ingenomen|geslikt)\b|\bpoging\b"),
        (r"\b(?:zichzelf|zich)\b.{0,20}\b(?:iets|wat)?\s*(?:aandoen|aandoet|aan te doen|doodmaken|ophangen|van kant)\b"
        r"|\bheeft het (?:steeds |vaak )?over (?:dood|doodgaan|sterven)\b|\btekent\b.{0,20}\b(?:graven|doodskist\w*|"
        r"dood)\b|\blevensmoe\b|\bhet leven (?:\w+ )?(?:beu|moe)\b|\b(?:het )?leven (?:\w+ )?niet (?:meer )?(?:ziet )?zitten\b"
        r"|\bgeen zin (?:meer )?in (?:het|zijn|haar|mijn|zn) leven\b|\bhet leven heeft (?:\w+ )?geen zin\b"
        r"|\bverdwijnen van de (?:wereld|aarde)\b|\bbeter (?:als|dat) (?:hij|ze|zij|ik) er niet (?:meer )?(?:is|ben|zijn)\b|\bniemand (?:haar|hem|"
        r"mij|me)"
        r" (?:zou )?missen\b|\b(?:spullen weg|afscheid neemt|neemt afscheid)\b|\bbij opa in de hemel\b"),
        (r"\b(?:tekent|tekende|tekening)\b.{0,40}\b(?:zichzelf|hijzelf|zijzelf)\b.{0,30}\b(?:hangend|hangt|opgehangen|"
         r"dood|aan een touw|aan een boom)\b"
         r"|\b(?:gezocht|zoekt|zocht|googled?|googlede|opgezocht)\b.{0,25}\b(?:doodgaan|dood gaan|doodgaat|verdrinken|"
         r"ophangen|pijnloos|overdosis)\b|\bpact\b.{0,40}\b(?:samen|dood|doodgaan|einde|springen)\b"),
    ),
    "acute": (
        (r"\b(?:mes|messen|mesje|steekwapen|vuurwapen|wapen|wapens|pistool|revolver|boksbeugel|machete|bijl|"
        r"vuurwerkbom|zwaard|geweer|knuppel|honkbalknuppel|stanleymes|gewapend|knife|bommelding|bomdreiging|"
        r"luchtbuks|windbuks|kruisboog)\b"),
        (r"\b(?:schopt|schoppen|schopte|trapt|trappen|trapte|blijft (?:\w+ ){0,3}schoppen|stampt|stampen|slaat|slaan)\b"
         r"(?: \w+){0,3} (?:tegen|op) (?:zijn|zn|z n|haar|het|d r) (?:hoofd|kop)\b"
         r"|\b(?:tegen|op) (?:zijn|zn|z n|haar|het|d r) (?:hoofd|kop) (?:\w+ ){0,2}(?:schoppen|trappen|slaan|stampen)\b"),
        (r"\b(?:dreigt|dreigde|bedreigt|bedreigde|dreigen|dreigbericht|dreiging)\b.{0,60}\b(?:vermoorden|dood|"
        r"neersteken|"
        r"steken|schieten|afmaken|aandoen|in elkaar|mes|wapen|terug|naar school|pakken|geweld)\b"
        r"|\b(?:of er gebeurt wat|anders gebeurt er wat)\b"
        r"|\b(?:gedreigd|dreigt|dreigde|bedreigd)\b.{0,60}\bals (?:hij|ze|zij) (?:thuiskomt|thuis komt|vanavond)\b"),
        (r"\b(?:gaat|gaan|komt|komen|zal)\b.{0,20}\b(?:vermoorden|doodmaken|neersteken|afmaken|neerschieten|"
         r"pakken(?!(?: \w+){0,3} aan\b))\b"
        r"|\bdoodsbedreiging\w*|\bmaakt (?:hem|haar|je|jou|jullie) af\b"
        r"|\b(?:doodsteken|doodschieten|doodslaan|dood steken|dood schieten)\b|\b(?:afrekenen|afrekent|rekent af)\b"
        r"|\bop (?:\w+ ){0,2}blazen\b|\bopblazen\b|\bontplof\w*"),
        (r"\b(?<!geen )(?<!niet )(?:direct|acuut) gevaar\b|\b(?<!niet )in (?:acuut )?gevaar\b|\bvermist\b|\bontvoer\w*"
        r"|\bstaat (?:nu )?(?:voor|bij) (?:de school|het hek|de deur)\b"

        r"|\balleen in (?:een|de) auto\b|\b(?:aanspreekt|aanspreken) en filmt\b"),
    ),
}
"""Signs of each kind of concern, on the normalised text (typos of key words put right)."""

# ───────────── concepts: who, what, when ─────────────
#
# The signs above name a concern outright. Most concerns are told indirectly, in the staff
# member's own words: "zegt dat zn vader hem tegen de kast heeft gegooid", "draagt met 25 graden
# een lange mouw". Such a message is recognised by its parts: WHO is involved (an adult at home,
# a stranger), WHAT happened (harm, something sexual, death, marriage, being left abroad …) and
# WHEN (now or tonight makes it acute). A concept is a class of Dutch words and short phrases on
# the normalised text; a rule (:data:`RULES`) fires when its concepts occur within a window of
# words, unless one of its look-alike concepts occurs in the message too.

_POSS = r"(?:zijn|zn|z n|haar|har|r|d r|der|hun|mijn|mn|m n|me|je|jouw)"
_KID_WORDS = r"kind|kindje|kleuter|peuter|leerling|ll|jongen|jongetje|meisje|dochter|zoon|broertje|zusje|hij|ze|zij"
_KID = rf"(?:{_KID_WORDS})"

CONCEPTS: dict[str, str] = {
    # who: adults (and older relatives) at home, strangers and older outsiders, other children
    "carer": r"vaders|moeders|familieleden|vader|moeder|papa|mama|pappa|mamma|pap|mam|pa|ma|ouders?|stief\w+|oom|ooms|tante|opa|oma|"
             r"grootvader|grootmoeder|broer|broers|neef|neven|nicht|familie|schoonfamilie|oppas|buurman|voogd|"
             r"pleegvader|pleegmoeder|pleegouders|vriend van " + _POSS + r" (?:moeder|mama|mam|papa|vader)|"
             r"(?:haar|zijn|d r|r) (?:man|vriend)|(?:papas|mamas|moeders|vaders) vriend|nieuwe vriend|thuis",
    "stranger": r"stagiair\w*|invaller|vrijwilliger|concierge|grote jongens|jongens van (?:1[5-9]|[2-5]\d)|drugsdealers?|dealers?|(?:andere|verschillende|oudere|onbekende) mannen|vriendje (?:van )?(?:1[6-9]|[2-5]\d)|vriend (?:van )?(?:1[89]|[2-5]\d)|vrienden van (?:haar|mijn|zijn|d r) vriend|onbekende?|(?<!mijn )(?<!mn )man|mannen|meneer|gast|gasten|vent|kerel|oudere (?:jongen|jongens|man|mannen|gast|gasten|"
                r"vriend|vriendje)|volwassene?n?|\w*trainer|\w*coach|bijles\w*|baas|(?:vriend|man|jongen|gast) van "
                r"(?:1[4-9]|[2-5]\d|dertig|twintig|veertig)|jongens uit de (?:wijk|buurt)|die (?:gasten|jongens|"
                r"mannen)|"
                r"(?:van|voor) een vriend",
    # a member of staff who hurts a child ("een collega pakt kinderen hardhandig bij de arm"): the meldcode's own step
    "staff_force": r"(?:collega|juf|juffrouw|meester|leerkracht|leraar|lerares|docent|gymleraar|gymmeester|gymjuf|"
                   r"gymdocent|onderwijsassistent|concierge|stagiair\w*|invaller|overblijf\w*|tso \w+|bso \w+|"
                   r"directeur|trainer) (?:(?!zag|zagen|ziet|zei|zegt|dat|die|hoe|als|of|wie|is|wordt|werd|was|zelf)\w+ ){0,3}"
                   r"(?:(?:slaat|sloeg|schopt|schopte|duwt|duwde|knijpt|kneep|grijpt|greep|mept|mepte) (?:\w+ )?"
                   r"(?:hem|haar|kinderen|een kind|het kind|een leerling|leerlingen|de ll|ll|lln|kleuters|een kleuter|"
                   r"mijn (?:zoon|dochter)|mn (?:zoon|dochter))|geslagen|geschopt|geknepen|"
                   r"gegrepen|hardhandig|ruw|hard (?:heeft )?vastgepakt|vastgegrepen|door elkaar (?:geschud|schudt)|"
                   r"bij de (?:arm|nek|keel|kraag|haren) (?:gepakt|gegrepen|pakt|grijpt|trekt|getrokken))",
    "peer": r"klasgenoo?t\w*|medeleerling\w*|(?<!in )(?<!door )elkaar|andere (?:kind|kinderen|kleuter|jongen|"
        r"meisje|leerling)|"
            r"een ander kind|vriendjes|vriendinnetjes?|meiden|de jongens|in de pauze|op het plein|pest\w*|gepest",

    # what: physical harm by someone, and what it leaves
    "hit": r"vuistslag\w*|klap|een (?:\w+ )?klap|oorvijg|oplawaai|mep|dreun|broekriem|met (?:de|een|zn|zijn|z n) (?:broek)?riem|sla|slaat|slaan|sloeg|sloegen|geslagen|slaag|schopt|schoppen|schopte|geschopt|trapt|trapte|getrapt|"
           r"kapotgetrapt|duwt|duwde|geduwd|gooit|gooide|gegooid|knijpt|knijpen|kneep|geknepen|wurgt|wurgen|gewurgd|"
           r"stompt|stompen|mept|mepte|meppen|klappen|pak rammel|pak slaag|rammel|afgeranseld|afranselen|getrokken|"
           r"aan (?:de|" + _POSS + r") haren|door de kamer|tegen de (?:muur|kast|deur|grond|aanrecht|verwarming|"
           r"tafel)|pijn (?:gedaan|doen|deed|doet)|hardhandig|greep|grijpt|gegrepen|hard vast|bij de (?:nek|keel)|"
           r"met (?:de|een) (?:riem|slipper|pollepel|stok|snoer|pantoffel|(?:houten )?lepel|liniaal|tuinslang|kabel|"
           r"mattenklopper|zweep)|mishandel\w*|in elkaar|verbrand\w*|hard (?:\w+ )?(?:vastgepakt|vastgegrepen|beetgepakt)",
    "injury": r"plekken (?:in|op|aan) (?:zn|zijn|haar|z n|d r) (?:" + _BODY + r")|verband|mitella|rode (?:streep|strepen|plek\w*|vlek\w*)|lip (?:is )?dik|afgebroken|blauwe? ple\w*|blauw oog|bult|buil|striem\w*|dikke lip|schram\w*|schaafwond\w*|snee|wond|wonden|"
              r"breuk|gebroken|gips|mank|kale plek\w*|bloedneus|kneuzing\w*|brandwond\w*|brandplek\w*|afdruk\w*|"
              r"\d vingers|vier vingers|rood en blauw|geel en paars|gezwollen|opgezwollen|kan niet zitten",
    "explained_badly": r"klopt (?:\w+ ){0,2}niet|kloppen niet|zelfde verhaal|wisselende verhalen|verschillende verhalen|ander verhaal|\d+e keer|zegt dat (?:hij|ze|zij) (?:\w+ ){0,4}gevallen|van de trap|tegen de deur (?:aan )?gelopen|"
                       r"ongelukje|geen verklaring|wil (?:niet|niks) (?:zeggen|vertellen|praten)|"
                       r"mag (?:niet|niks) (?:zeggen|vertellen)|verdiend|straf|gestraft|elke keer|"
                       r"alweer|derde|vierde|zoveelste|steeds weer|in allerlei kleuren|oude en nieuwe|"
                       r"geen fiets|verstopt|verbergt|bedekt|sjaal|lange mouw\w*",
    "accident": r"bbq|barbecue|kampvuur|strijkijzer|oven|(?:leiding|juf|meester|collega|ouders?|moeder|vader|iedereen|ik|we) (?:\w+ )?(?:zag|zagen) het|(?:heeft|hebben) het gezien|getuige|ski\w*|snowboard\w*|wintersport|paardrij\w*|skate\w*|skeeler\w*|schaats\w*|turnen|\w*judo|karate|kickboks\w*|trefbal|voetbal\w*|hockey|gymles|"
                r"sport\w*|\w*wedstrijd\w*|hemofilie|stolling\w*|mongoolse vlek\w*|moedervlek\w*|fiets\w*|trampoline|klimrek|klimmuur|wandrek|glijbaan|speeltoestel|tikkertje|zaklopen|"
                r"survival\w*|kamp|schoolreis|ijs|ongevals\w*|ongevallen\w*|ijszakje|koelelement|eerste hulp|"
                r"ik (?:zag|was erbij|heb het gezien)|zag het gebeuren|gezien door|wespensteek|mug|gekoeld|ehbo|bhv\w*|"
                r"laptops?|tablets?|chromebooks?|spullen|boeken|materiaal|meubels",
    # hiding when a parent comes home: "kinderen vertellen dat ze zich verstoppen als papa thuiskomt"
    "dread_home": r"(?:verstop\w*|bang|schrikt|schrikken|trilt|trillen|verstijft) (?:\w+ ){0,3}(?:als|wanneer|zodra) "
                  r"(?:papa|vader|mama|moeder|stiefvader|zijn vader|haar vader|hij|de vriend van \w+) (?:\w+ )?thuis\w*",
    "fear": r"schrikkerig|schrikachtig|smeekt|bang|doodsbang|angstig|schrikt|schrok|trilt|trillen|bibbert|durft niet|durven niet|durfde niet|"
            r"op z?n hoede|verstijft|"
            r"krimpt|ineenkrimpen|verkrampt|in elkaar gedoken|onder de tafel|overstuur|gilt|gillen|in paniek",
    # what: sexual acts, parts of the body and secrets
    "intimate": r"(?:broek|kleren|kleding|shirt|onderbroek) (?:\w+ )?uit(?:doen|trekken|gedaan|getrokken)|(?:meer|iets|alles) uit "
                r"(?:te )?(?:trekken|doen)|badpak|bikini|zwembroek|plek(?:ken|jes)? waar (?:\w+ ){0,3}niet (?:mag|wil|wilt|mogen)|piemel\w*|plasser\w*|flamoes\w*|vagina|penis|kruis|billen|borsten|geslachtsde\w*|"
                r"onderbroek|in " + _POSS + r" broek|onder " + _POSS + r" (?:kleren|kleding|shirt|rok)|"
                r"plekken waar (?:dat|het) niet mag|plekjes waar|intiem\w*|prive plek\w*|bloot|naakt\w*|uitklee?d\w*|"

                r"uit te kleden|kleren uit|douche|in bed|in " + _POSS + r" bed|op schoot|zoenen|tongzoenen|"
                r"seks\w*|porno\w*|rare filmpjes|vieze filmpjes|vieze fotos|soa|geslachtsziekte|ondergoed|"
                r"onder de dekens?|niet bij (?:haar|zijn) leeftijd|aan (?:haar|zijn|zn|mijn|mn) (?:borst|borsten|billen|kont)",
    "touch": r"aan (?:haar|hem|mij|me) zit|zit (?:aan|bij) (?:haar|hem|mij|me)|aan (?:haar|zijn|zn|mijn|mn) \w+ "
             r"(?:heeft )?(?:gezeten|zit|zat|komt|kwam)|aanraakt|aanraken|aangeraakt|raakt (?:haar|hem) aan|betast\w*|"
             r"hand in|handen in|filmt|filmen|gefilmd|fotos (?:van|maakt)|met (?:haar|hem) doet|doet met (?:haar|hem)",
    "show": r"videobellen|camera aan|laat zien|laten zien|proberen|komt (?:in|bij)",
    "coerce": r"doet dingen|dingen (?:met (?:haar|hem|mij) )?doet|dingen met (?:haar|hem|mij) doet|dingen (?:te )?doen|dingen laat doen|dwingt|gedwongen|moet (?:zich )?uitkleden",
    "secret": r"niet (?:\w+ ){0,3}mag (?:zeggen|vertellen)|niet mag (?:zeggen|vertellen)|mag (?:\w+ ){0,2}niet (?:vertellen|zeggen)|niemand mag (?:zien|weten)|geheim\w*|niet (?:door)?vertellen|mag (?:het )?(?:niet|niks) zeggen|niks zeggen|niet zeggen|"
              r"beloven|belooft|onder ons|aan niemand (?:mag )?(?:vertellen|zeggen)",
    # what: death and the self
    "death": r"(?:hoeft|hoef) (?:u|je|jij|jullie) (?:mij|me) (?:\w+ )?niet meer|(?:hoeven|hoeft|hoef) (?:\w+ ){0,3}niet (?:meer )?op (?:mij|me|hem|haar) (?:te )?wachten|niet (?:meer )?op (?:mij|me|hem|haar) (?:te )?(?:hoeven|hoeft|hoef) (?:te )?wachten|(?:als|wanneer|zodra) (?:hij|ze|zij|ik) er niet meer (?:is|ben)|(?:naar|bij) de engeltjes|(?:samen|met zn allen|allemaal) (?:\w+ ){0,2}naar de hemel|"
             r"(?:heeft|heb|is) (?:het )?(?:allemaal |toch )?geen zin meer(?! in)|geen zin meer (?:heeft|hebben|heb)\b|(?:alles|het) (?:\w+ ){0,2}zinloos|"
             r"(?:mijn|mn|zijn|haar|zn|laatste) laatste (?:post|bericht|story|filmpje|appje|video|vlog|tiktok|snap)|laatste (?:post|story)|als het (?:\w+ )?(?:te veel|te erg|teveel) wordt|beter (?:\w+ ){0,3}als (?:ik|hij|ze|zij) er (?:\w+ )?niet (?:meer )?(?:ben|is|was)|(?:eigen|mijn) (?:graf|grafsteen|begrafenis|uitvaart)|grafsteen (?:\w+ ){0,4}(?:eigen|zijn|haar|mijn) naam|geen toekomst|toekomst (?:\w+ ){0,4}(?:heb ik niet|niet)|nooit meer wakker|niemand (?:\w+ ){0,2}(?:missen|mist)|tot last|een last|vaarwel|is het voorbij|niet (?:jouw|jullie|uw) schuld|ik hou van jullie|zien jullie me nooit meer|nooit meer (?:zien|horen)|zoek me niet|klaar mee|niet meer (?:te )?leven|manier (?:heeft |hebben )?gevonden|als (?:ik|hij|ze|zij) er (?:\w+ ){0,2}niet (?:meer )?(?:ben|is|was|zou zijn)|beter (?:\w+ ){0,3}als (?:ik|hij|ze|zij) er niet|dood|doodgaan|dood gaan|sterven|dood zijn|dood willen|er niet meer (?:zijn|ben|is|wil zijn)|"
             r"niet meer (?:leven|wakker worden|bestaan|verder)|van het leven|uit het leven|laatste keer|"
             r"bedankt voor alles|sorry voor alles|beter (?:af )?(?:\w+ )?zonder (?:mij|me|hem|haar)|liever dood|"
             r"word(?:t)? niet (?:later|groot|ouder)|kan niet meer|stop ermee|stop er mee|ermee stoppen|"
             r"in de hemel|bij (?:hem|haar|opa|oma|papa|mama) (?:wil|wilt) zijn|doei iedereen|"
             r"niemand (?:die )?(?:me|mij|hem|haar|het) (?:zal |zou )?(?:mist|missen|merkt|zoekt)|"
             r"hoe (?:ze|hij|ik) het (?:zou|zal|ga|gaat) doen|voor als het te erg wordt|"
             r"(?:ben|is) (?:ik|ik er|hij|ze|hij er|ze er) (?:toch )?(?:weg|niet meer)|eind(?:e)? aan|"
             r"(?:ben|is|zijn) er (?:\w+ ){0,3}(?:toch )?niet meer|"
             r"nooit geboren|niet meer hoeft|alles zat",
    "method": r"pillen (?:\w+ ){0,4}(?:verzamelt|spaart|verzameld|gespaard|bewaart|opspaart)|(?:spaart|spaarde|verzamelt) (?:\w+ ){0,2}pillen|pillen (?:\w+ )?(?:op)?sparen|touw (?:in|bij|onder) (?:zijn|haar|zn) (?:tas|kamer|bed|jas)|(?:staat|zit|klimt|klom|stond|zat) (?:\w+ ){0,4}op (?:de|het|een) (?:brug|dak|rand|reling|viaduct|spoor|rails)|hoeveel (?:pillen|paracetamol|tabletten|medicijnen)|te veel (?:pillen|paracetamol|tabletten)|pijnloos|(?:springt|springen|spring|sprong)\b.{0,40}\b(?:flat|dak|brug|balkon|raam|viaduct)|"
              r"(?:flat|dak|brug|balkon|raam|viaduct)\b.{0,40}\b(?:springt|springen|spring|sprong)|"
              r"(?:voor|onder) (?:de|een) (?:trein|tram|metro|bus|vrachtwagen)|op het spoor|op de rails|"
              r"over de reling|rand van het dak|aan een touw|strop|ophang\w*|opgehangen|opknopen|overdosis|"
              r"(?:in|voor) (?:de|een) (?:gracht|auto|rivier|zee) (?:springen|springt|gooien|lopen)|"
              r"(?:riem|sjaal|touw|koord|snoer) om " + _POSS + r" (?:nek|keel)|hoeveel pillen|potje pillen|"
              r"pillen (?:gespaard|sparen|verzameld|verzamelt|geslikt|ingenomen|innemen|nemen)|slaappillen",
    "plan": r"plan|plannen|uitgeschreven|opgeschreven|bedacht|opgezocht|googlede|gaat (?:het )?doen|ga het doen|"
            r"wil|wou|wilde|gaat|ga",
    "self": r"zichzelf|zich|mezelf|mijzelf|zelf",
    "self_injury": r"(?:brandt|branden|verbrandt|verbranden) (?:\w+ ){0,4}met (?:deo|een aansteker|aansteker|sigaret\w*)|deo ?challenge|rauwe plek\w*|kras\w*|gekrast|snijdt|snijden|sneed|gesneden|sneetjes|sneden|sneeen|snijwond\w*|"
                   r"krabt (?:\w+ ){0,4}(?:open|tot)|krapt|openkrabt|opengekrabd|(?:bonkt|slaat|stoot|bonken) "
                   r"(?:met )?" + _POSS + r" hoofd|hoofd tegen de muur|haren uit\w*|tot (?:het|ze|hij) bloedt|"
                   r"wondjes|littekens?|iets (?:te )?voelen|iets voel|lekker voel\w*|zichzelf (?:te )?straffen|"
                   r"(?:slikt|slikte|geslikt) (?:\w+ ){0,2}(?:punaise\w*|batterij\w*|glas|spelden|schroeven)",
    "self_hurt": r"straft (?:zich|zichzelf)|zichzelf straft|(?:doe|doet) (?:mezelf|mijzelf|zichzelf) (?:\w+ )?pijn|pijn is goed voor (?:hem|haar|mij|me)|trekt (?:\w+ ){0,2}haren uit|bijt (?:\w+ ){0,2}in (?:haar|zijn|zn) (?:eigen )?(?:hand|handen|arm|armen|vingers)|(?:dan|zodat) voel (?:ik|ze|hij) (?:het andere|niks|niets|iets)|voel (?:ik|ze|hij) (?:het andere|de pijn) niet|pijn doen zodat|zodat het stopt|(?:punaise\w*|\w*batterij\w*|glas|spelden|schroeven|magneet\w*) (?:\w+ ){0,2}(?:doorgeslikt|ingeslikt|geslikt|slikt|slikte)|(?:slikt|slikte|geslikt|doorgeslikt|ingeslikt) (?:\w+ ){0,2}(?:punaise\w*|\w*batterij\w*|glas|spelden|schroeven|magneet\w*)|(?:het|eten) niet verdien\w*|(?:bonkt|slaat|stoot|bonken|slaan)\b.{0,30}\bhoofd\b|hoofd tegen de \w+|zichzelf pijn \w+|"
                 r"zich(?:zelf)? (?:te )?straffen|(?:ze|hij|zij) (?:dat|het) zelf doet|doet (?:dat|het) zelf|"
                 r"tot (?:het|ze|hij) bloedt|zodat (?:ik|ze|hij) iets voel\w*|stil (?:wordt|is) in (?:haar|zijn|mijn)"
                 r" hoofd",
    "tool": r"paperclip|puntenslijper\w*|scheermes\w*|mesje|slijper|glas|passer|naald\w*|punaise|paperclip|aansteker|mes",
    "body": r"bebloed\w*|kuit|kuiten|arm|armen|onderarm\w*|bovenarm\w*|pols|polsen|hand|handen|handrug|vinger\w*|been|benen|bovenbe\w*|"
            r"dijen|buik|huid|enkels?|lijf|lichaam|bloed\w*",
    # what: cruelty in words and punishment at home
    "insult": r"voor schut|te kijk (?:gezet|zetten|zet)|belachelijk (?:gemaakt|maakt|maken)|(?:de )?reden (?:ben|bent|is|was) dat|alles kapot maak\w*|(?:mijn|jouw) schuld|geboren (?:ben|bent|was|is)|spijt (?:heeft |had )?dat|kapot (?:heeft |hebt )?gemaakt|jouw schuld|schreeuwt (?:\w+ ){0,3}tegen (?:haar|hem)|schreeuwen (?:\w+ ){0,3}tegen (?:het kind|haar|hem)|waardeloos|waardeloze|dom|dommerik|stom|stomme|hoer|slet|klootzak|idioot|mislukking|mislukt|lelijk|"
              r"dik en|nooit gewild|bedreigd|bedreigt|vechtscheiding|gebruikt in de|bespioneren|niet gewild|"
              r"ongelukje|spijt van|niks waard|niets waard|nergens goed voor|niks kan|niets kan|dat ding|een last|"
              r"(?:haat|haten) (?:haar|hem|je|jou)|genegeerd|negeert|negeren|lucht voor|"
              r"(?:niet|nooit) (?:verdient|verdiend)|de slechte|duivel|achterlijk|debiel|scheldt|schelden|"
              r"uitgescholden|uitscheldt|kleineert|vernedert|vernederd|uitlacht|uitgelachen|lacht (?:haar|hem) uit|"
              r"niemand (?:van (?:haar|hem|mij) )?houdt",
    "abandon": r"(?:nooit|niet) meer (?:\w+ ){0,2}(?:willen|wil) zien|als (?:boodschapper|doorgeefluik|spion)|"
               r"zet (?:ik|hij|ze) (?:je|jou|hem|haar) buiten|buiten gezet|buitengezet|op de galerij|op straat gezet|tehuis|weeshuis|kindertehuis|wegsturen|weggestuurd|de deur uit|(?:weg ?gaat|weggaat) en "
               r"nooit meer|nooit meer terug\w*|in de steek|wegdoen|weg doen",
    "punish": r"(?:op|in) de (?:gang|grond) (?:moet )?(?:slapen|slaapt)|(?:moet|mag) (?:\w+ ){0,2}(?:op|in) de gang slapen|"
              r"in de hoek (?:moet )?(?:staan|zitten)|mag (?:\w+ ){0,3}niet met (?:\w+ ){0,2}(?:kinderen|vriendjes|vriendinnetjes|"
              r"vriendinnen|niemand) (?:\w+ ){0,2}(?:spelen|praten|omgaan)|(?:met )?(?:haar|zijn|zn|de) armen omhoog|uren (?:lang )?"
              r"(?:moet )?(?:staan|stilstaan|knielen)|op (?:haar|zijn|zn|de) knieen (?:moet|zitten)|"
              r"(?:op|in) (?:haar|zijn|zn|de) kamer (?:\w+ ){0,2}op slot|eten (?:\w+ ){0,6}voor de deur|"
              r"in de gang (?:staan|moet)|gezicht naar de muur|met niemand (?:mag )?praten|niet (?:mag )?praten|"
              r"geen (?:avond)?eten|zonder eten|op " + _POSS + r" kamer (?:blijven|moet|opgesloten)|opgesloten|"
              r"opsluiten|sluit (?:haar|hem) op|in de kast|in de kelder|krijgt op " + _POSS + r" (?:kop|donder)|"
              r"als straf|voor straf|geen verjaardag|moet altijd alles|niet mee (?:mag )?eten",
    # what: neglect (what a child lacks) and parents who do nothing about it
    "lack": r"(?:boterhammen|brood|eten|fruit|koekjes) uit (?:andermans|andere) (?:tas|tassen|la|laatjes|kastje)|(?:stopt|bewaart|spaart|neemt) (?:\w+ ){0,4}(?:voor|mee voor) (?:haar|zijn|zn|d r) (?:broertje|zusje|broertjes|zusjes)|mee (?:naar huis )?voor (?:haar|zijn|zn|d r) (?:kleine )?(?:broertje|zusje|broertjes|zusjes)|(?:stroom|gas|water|licht) (?:\w+ ){0,4}afgesloten|kaarslicht|bij kaarsen|(?:wassen|douchen|wast) (?:\w+ ){0,3}(?:met )?koud water|groeicurve (?:\w+ ){0,2}(?:afbuigt|buigt af|daalt|zakt|blijft achter)|(?:vaak|altijd|steeds) (?:\w+ ){0,2}koud|(?:vaak|steeds|altijd|weer) (?:\w+ )?luizen|geen (?:gymspullen|gymkleren|gymschoenen)|(?:nooit|ooit) een ouder (?:\w+ ){0,2}(?:te zien|gezien)|(?:weet|weten) (?:\w+ ){0,2}niet wie er thuis is|"
            r"(?:savonds|snachts|vaak|steeds|hele (?:dag|avond|nacht)|dan) (?:\w+ ){0,2}alleen (?:is|thuis|gelaten|zit)|"
            r"als (?:mama|moeder|papa|vader|ouders) (?:\w+ ){0,2}weg (?:is|zijn)|vraagt (?:\w+ ){0,5}(?:eten|fruit|brood|"
            r"boterham\w*|restjes)|in (?:zn|zijn|haar|z n|d r) eentje (?:\w+ ){0,3}(?:langs|over|naar|op straat|buiten)|"
            r"(?:iedereen|ouders|moeder|vader|mama|papa) (?:\w+ ){0,2}(?:slaapt|slapen) (?:\w+ )?nog|(?:slaapt|slapen) (?:\w+ ){0,2}"
            r"(?:iedereen|ouders|moeder|vader|mama|papa) (?:\w+ )?nog|geen (?:stroom|gas|"
            r"verwarming|warm water|elektriciteit)|(?:stroom|gas|water) (?:\w+ ){0,2}afgesloten|koud eten|"
            r"(?:slaapt|sliep|slapen) (?:\w+ ){0,2}met (?:zn|zijn|haar|de|hun) (?:jas|jassen) aan|kapotte (?:bril|jas|kleren)|"
            r"(?:brengt|haalt|brengen|halen) (?:\w+ ){0,3}(?:\w*broertje|\w*zusje|\w*broertjes|\w*zusjes)|doet (?:de|alle|het) "
            r"(?:boodschappen|was|huishouden)|ligt (?:\w+ ){0,3}op bed|valt (?:\w+ ){0,2}af|afgevallen|(?:thuis )?(?:soms )?(?:gewoon )?niks is|niks te eten|nooit opgehaald|zwerft|zwerven|zwervend|met gaten|gympen|zonder (?:sokken|schoenen)|korte broek|onder nul|past (?:\w+ ){0,2}op (?:de|haar|zijn) (?:baby|broertje|zusje)|op de baby (?:past|passen)|zorgt voor (?:de|haar|zijn) (?:broertje|zusje|kleintjes|baby)|moet (?:zelf|alleen) (?:opstaan|eten maken|koken)|(?:mama|moeder|papa|vader|ouders) (?:is|zijn) (?:vaak |steeds |dagen )?weg|ligt (?:\w+ ){0,3}op de bank|slaapt (?:in de klas|op school)|valt in slaap|onleefbaar|kakkerlak\w*|vervuild|vervuiling|geen bedden|zonder (?:ontbijt|lunch|eten|jas)|geen (?:ontbijt|lunch|eten|brood|jas|winterjas|luiers?|schone \w+)|"
            r"honger\w*|hongerig|prullenbak|vuilnisbak|restjes|brood van (?:anderen|een ander)|eten (?:van|uit) "
            r"(?:anderen|andermans)|mager|vies|vieze|smerig|stinkt|klitten|dezelfde (?:luier|"
            r"kleren|kleding|jurk|broek|trui|shirt)|volle luier|rode billen|matras|op de grond slapen|"
            r"muizen|ratten|ongedierte|schimmel|koelkast (?:\w+ ){0,4}(?:dicht|leeg|op slot)|alleen thuis|"
            r"alleen (?:met de baby|langs|op straat)|in de kou|om [67] uur|niet opgehaald|niemand thuis|"
            r"in de auto (?:geslapen|slapen|slaapt|sliep)|gaten in|kapotte schoenen|te kleine (?:schoenen|kleren)|"
            r"geen (?:sokken|schoenen|bed|eigen bed|warme kleren)|vergeten (?:\w+ ){0,3}(?:op )?te halen|"
            r"alleen (?:chips|snoep)|(?:krijgt|krijgen) (?:geen|weinig|nauwelijks) eten|niet gegeten|"
            r"(?:laten|liet|laat) (?:\w+ ){0,3}alleen|snachts alleen|zijn (?:vaak|steeds|dagen|nachten) weg|"
            r"(?:zorgen|zorgt) voor zichzelf|ligt (?:de hele dag )?in bed|"
            r"tot na (?:twaalven|middernacht)|onverzorgd",
    "care_need": r"tandarts|kiespijn|rotte tand\w*|bril|insuline|pufje\w*|puffer|\w*medicatie|\w*medicijn\w*|"
                 r"dokter|huisarts|gehecht|hechten|ontstoken|ontsteking|infectie|etter|wond|koorts|"
                 r"gehoorapparaat|wondjes|luizen|neten|hoofdluis|pus|oorontsteking",
    "inaction": r"(?:komen|komt|kwamen) (?:\w+ ){0,2}niet op (?:de )?afspraken|(?:missen|mist) (?:\w+ ){0,2}afspraken|(?:ouders?|moeder|vader|mama|papa) (?:\w+ ){0,3}vergeten|wordt (?:\w+ ){0,3}vergeten|vergeten (?:\w+ ){0,3}(?:te geven|mee te geven|op te halen)|niet (?:\w+ ){0,2}gebracht|nooit (?:bij|naar) de (?:dokter|huisarts|tandarts)|al (?:\d+|een|twee|drie|vier|vijf|een paar) (?:dag|dagen|week|weken|maand|maanden)|al sinds \w+|(?:lezen|leest|lazen|"
                r"openen|opent) (?:\w+ ){0,3}niet|ongelezen|geen reactie|niemand (?:\w+ ){0,3}(?:naar|bij) de (?:dokter|huisarts|"
                r"tandarts)|\d+ keer gebeld|(?:ouders|moeder|vader|mama|papa) (?:\w+ ){0,2}(?:zeggen|zegt|vinden|vindt|zeiden|"
                r"zei) (?:\w+ ){0,2}(?:komt wel|valt wel mee|overdreven|gaat (?:wel )?vanzelf over|stelt niks voor)|neemt nooit (?:\w+ ){0,2}op|doe\w* (?:er )?(?:niks|niets)|niet nodig|te duur|valt wel mee|reageren niet|reageert niet|"
                r"niet te bereiken|niet (?:naar|bij) de (?:huisarts|dokter|tandarts)|gaan niet|"
                r"niet bereikbaar|onbereikbaar|neemt niet op|geen \w+ mee|al (?:maanden|weken|een maand)|sinds (?:gr|"
                r"groep)|weigeren|weigert|niet (?:gegeven|geregeld|gehaald|meegegeven)|niks mee|"
                r"gebeurt (?:niks|niets)",
    # what: violence between the parents
    "partner": r"(?:papa|vader|pa|stiefvader|haar man|mijn man|de man|vriend van (?:mama|moeder))\b.{0,120}\b(?:mama|"
               r"moeder|ma|mam|zijn vrouw|mijn vrouw)|(?:mama|moeder|ma|mam)\b.{0,120}\b(?:papa|vader|pa|haar man|"
               r"haar vriend|haar nieuwe vriend|ex)",
    "dv_act": r"(?:geduwd|gegooid|geslagen|geschopt) (?:\w+ ){0,2}tegen (?:de|het|een) (?:hek|muur|deur|auto|kast|grond)|tegen (?:de|het|een) (?:hek|muur|deur|auto|kast) (?:\w+ ){0,2}(?:geduwd|gegooid|aangeduwd)|tegen de muur (?:duwt|duwde|duwen|geduwd|gooit|gooide|gooien|gegooid)|(?:duwt|duwde|gooit|gooide) (?:\w+ ){0,3}tegen "
              r"de muur|"
              r"kapotgaan|kapot gaan|dingen (?:\w+ )?kapot|gesmeten|smijt|ruzie|ruzies|gegil|gillen|gilt|geschreeuw|schreeuwen|schreeuwt|gebonk|bonken|bonkt|"
              r"kapotgetrapt|ingeslagen|op slot|bedreigt|bedreigd|dreigt|politie|112|aangifte|opvang|"
              r"blijf van mijn lijf|bloed|pijn deed|pijn gedaan|dronken|harde knal|zodat ik het niet hoor|"
              r"tot het stil|rustig is|doodmaakt|slaat|sloeg|geslagen|hard vast|greep|tegen het aanrecht|"
              r"gehuild|vechten|gevochten",
    "dv_noise": r"(?:thuis|in huis) (?:is )?(?:het )?(?:\w+ )?oorlog|oorlog (?:thuis|in huis)|altijd oorlog|oren (?:\w+ ){0,4}dicht|handen op (?:zijn|haar|zn) oren|zodat (?:ik|hij|ze|zij) (?:het|dat) niet (?:hoor|hoort|horen)|koptelefoon (?:\w+ ){0,3}(?:hard|harder)|harde knal|zodat ik het niet hoor|gebonk|gegil|geschreeuw|tot het stil|ruzie (?:maken|is) thuis",
    "night": r"snachts|elke nacht|vannacht|savonds|thuis|in huis|sochtends",
    "beating": r"(?:bij de keel|bij (?:zn|zijn|haar) keel) (?:gegrepen|gepakt|grijpt|pakt|vastgepakt)|(?:grijpt|greep|pakt|pakte) (?:\w+ ){0,3}bij (?:de|zn|zijn|haar) keel|keel (?:\w+ )?(?:dichtgeknepen|dichtknijpt)|(?:nog )?een reden om te huilen|(?:krijgt|krijg|kreeg|krijgen) (?:\w+ ){0,2}(?:de riem|de broekriem|de slipper|ervan langs|er van langs|"
               r"een pak slaag|slaag)|de (?:broek)?riem (?:krijgt|krijg|kreeg|krijgen)",
    "police": r"politie|agenten|112 (?:\w+ ){0,2}(?:gebeld|bellen|belde)|(?:buren|buurvrouw|buurman) (?:\w+ ){0,3}"
              r"(?:gebeld|belden|belt|bellen)",
    "quarrel": r"ruzie\w*|geschreeuw|gegil|gebonk|slaande ruzie|(?:ouders|vader en moeder|papa en mama) (?:\w+ ){0,2}"
               r"(?:vechten|gevochten|schreeuwen)|herrie",
    "fled": r"gevlucht|gevlucht|weggevlucht|vluchtte|vluchtten|ondergedoken|geheim adres|blijf van mijn lijf|"
            r"vrouwenopvang|safehouse",
    "refuge_context": r"oorlog|azc|asiel\w*|vluchteling\w*|syrie|oekraine|afghanistan|eritrea|jemen|soedan",
    "threatened": r"gedreigd|dreigt|dreigde|dreigen|bedreigd|bedreigt|bedreigde|weet (?:\w+ ){0,2}(?:welke school|"
                  r"waar (?:ze|zij|hij|jullie) (?:wonen|woont|zitten|zit))",
    "unfree": r"niet vrij(?:uit)? (?:\w+ ){0,2}(?:praten|spreken)|kan (?:\w+ ){0,2}niet (?:vrij )?praten (?:als|waar|zolang)|"
              r"(?:zegt|zei) (?:\w+ ){0,2}(?:gesprekken|afspraken) (?:\w+ ){0,2}af als|mag (?:nooit|niet) alleen "
              r"(?:\w+ ){0,2}(?:praten|komen|de deur uit)",
    # what: honour, control by the family
    "honour_cause": r"dansend|filmpje van haar|foto van haar|vriendje|een vriend|haar vriend|met (?:een|die) jongen|met jongens|maagd\w*|respect|eer|schande|"
                    r"te schande|niet luisteren|ontdekt|ontdekken|danst|dansen|hoofddoek|make up",
    "control": r"bezuren|(?:gaat|zal|moet) (?:\w+ )?boeten|berichten van (?:de |haar |zijn )?familie|(?:mag|mogen) (?:\w+ ){0,4}"
               r"niet meer (?:mee )?(?:op kamp|naar (?:zwemles|gym|schoolreis|kamp)|zwemmen|gymmen)|gebracht en gehaald "
               r"door (?:een |haar |zijn )?(?:broer|oom|neef|vader)|om de familie|kijken met wie|met wie (?:ze|zij|hij) praat|houdt (?:haar|hem) (?:\w+ )?in de gaten|mag niet (?:meer )?mee (?:\w+ ){0,3}(?:familie|vader|broer)|ivm de familie|vanwege de familie|lezen (?:\w+ ){0,2}(?:berichten|telefoon|app)|mag geen (?:telefoon|social media|sociale media|vriendinnen)|checkt alles|leest (?:\w+ ){0,2}(?:berichten|telefoon|app)|(?:gaan|gaat|zullen|zal) (?:\w+ ){0,2}iets (?:met (?:haar|hem) )?doen|thuis gehouden|opgehaald door (?:haar|zijn) (?:broer|oom|neef|vader)|controleert|controleren|checkt|leest (?:haar|zijn) telefoon|volgt|gevolgd|in de gaten|"
               r"straffen|gestraft|afmaken|afmaakt|iets (?:met|aan) (?:haar|hem) (?:gaan |gaat )?doen|iets gaat doen|"
               r"iets aandoen|leert wat|familiebijeenkomst|familieraad|zwaard|mes|verdwenen|dood (?:is )?voor|"
               r"komt (?:haar|hem) halen|hard in de nek|bewijzen|opgesloten|mag niet (?:meer )?(?:naar "
               r"buiten|weg|met)|overal naartoe gebracht",
    # what: marriage of a child, being left abroad, FGM
    "marriage": r"toekomstige (?:man|vrouw|echtgenoot|echtgenote)|voorgesteld aan|gekoppeld|(?:man|jongen|vrouw) die voor (?:haar|hem) (?:is )?gekozen|met haar moet|afspraken voor haar|(?:zijn|de) vrouw (?:te )?worden|niet zijn vrouw|kennismaken met (?:een|de|haar) (?:man|jongen)|trouwen|trouwt|getrouwd|uithuwelijk\w*|bruiloft|huwelijk|nikah|verloof\w*|bruid|henna\w*|"
                r"man voor (?:haar|hem)|naar haar man|voor haar man|van een ander|"
                r"beloofd|(?:aan|voor) de zoon van|iemand te ontmoeten|(?:vrouw|man) (?:uitgezocht|gekozen|gevonden)",
    "minor": r"meisje|dochter|ll|leerling|haar|ze|zij|ik|je|is (?:[89]|1[0-5])|van (?:[89]|1[0-5])\b|groep [78]|"
             r"gr [78]",
    "adult_wedding": r"^(?:ik|wij|we) (?:ga|gaan) trouwen|^(?:ik|wij|we) trouwen|\((?:1[89]|[2-9]\d)\)|(?:1[89]|[2-9]\d) jaar|(?:grote|oudere|oudste) (?:zus|broer|nicht|neef)|(?:juf|meester|collega|moeder|vader|mama|papa|oom|tante|opa|oma|nicht|neef|zus|broer)"
                     r"(?: \w+){0,3} (?:gaat|gaan|ging) (?:\w+ ){0,4}trouwen|(?:nicht|neef|oom|tante|zus|broer) van "
                     r"(?:[2-5]\d)|(?:bruiloft|trouwfeest|huwelijk|feest|\w*avond|henna\w*) van (?:een|haar|zijn|zn|de) (?:oom|tante|neef|"
                     r"nicht|juf|meester)|(?:zus|broer|nicht|neef) van (?:een|de|onze|die) (?:leerling|ll|lln|kind) "
                     r"(?:1[89]|[2-5]\d)\b|bruidsmeisje|"
                     r"bruidsjonker|knuffel|poppenhoek|cadeau voor|trouwfeest van|"
                     # leave asked for a family wedding: a verlof question, not a child's marriage
                     r"(?:verlof|vrij|vrije dag\w*) (?:\w+ ){0,6}(?:een|de) (?:bruiloft|trouwerij)\b"
                     r"(?! van (?:haar|zijn|hun|de|een) (?:dochter|zoon|leerling|ll))",
    "abroad": r"land van (?:haar|zijn|de|hun) (?:ouders|vader|moeder|oma|opa|familie)|(?:papas|mamas|zijn|haar) dorp|te nederlands|te hollands|marokko|turkije|somalie|somaliland|soedan|egypte|ethiopie|eritrea|guinee|sierra leone|mali|djibouti|"
              r"gambia|senegal|burkina faso|pakistan|afghanistan|irak|iran|syrie|jemen|ghana|nigeria|suriname|"
              r"bangladesh|india|libie|algerije|tunesie|koerdistan|het buitenland|buitenland|thuisland|"
              r"land van herkomst|het dorp|naar oma|naar opa|bij familie|koranschool|kostschool|internaat|"
              r"te westers",
    "one_way": r"enkeltje|enkele reis|geen retour|paspoort (?:\w+ ){0,4}(?:afgepakt|afgenomen|houden|bewaren|kwijt)|"
               r"heropvoed\w*|heropvoeding",
    "whole_family": r"(?:hele )?familie (?:\w+ ){0,2}(?:verhuist|verhuizen|emigreert)|verhuist (?:\w+ ){0,2}naar|met (?:haar|zijn|de) ouders|voor het werk|daar naar school|volgt daar|(?:(?:hele|het) )?gezin (?:\w+ ){0,2}(?:verhuist|verhuizen|gaat|emigreert)|emigreren|emigreert|"
                    # leaving early for a holiday: luxe verzuim, the whole family comes back
                    r"(?:eerder|vroeger) (?:\w+ ){0,2}(?:weg|vertrekken|vertrokken|op vakantie)",
    "no_return": r"(?:\d+|een|twee|drie|vier|vijf|zes) (?:weken|maanden) (?:\w+ ){0,2}(?:weg|afwezig)|(?:telefoon|nummer)\w* "
                 r"(?:\w+ ){0,4}afgesloten|(?:moeten|zal|zou|gaan) (?:\w+ ){0,3}wonen|(?:discipline|normen en waarden|cultuur|de taal) (?:\w+ ){0,2}(?:te )?leren|"
                 r"een tijd(?:je)? naar|(?:dossier|schoolspullen|alle spullen) (?:\w+ ){0,3}mee|ooit (?:\w+ )?terug\w*|"
                 r"(?:komt|kom|gaat|mag|kan) (?:\w+ ){0,2}niet (?:meer )?terug|terugreis (?:\w+ ){0,3}niet|geen terugreis|onbepaalde tijd|manieren (?:te )?leren|respect (?:te )?leren|(?:moet|gaat) (?:\w+ ){0,3}wonen|weggestuurd|wordt (?:\w+ ){0,3}gestuurd|gestuurd naar|daar (?:blijft|blijven|moet blijven)|daar beter|niet (?:meer )?terug\w*|nooit meer terug\w*|blijft daar|blijven daar|daar (?:is |zijn )?gebleven|"
                 r"is gebleven|nog steeds daar|voor altijd|enkeltje|enkele reis|geen retour|paspoort\w*|vastzit|"
                 r"niet weg mag|geen afscheid|uitschrijv\w*|uitgeschreven|inschrijving opzeggen|gaan (?:\w+ ){1,4}"
                 r"wonen|beter opgevoed|opgevoed|goed meisje|heropvoed\w*|terugstuurt|terugsturen|teruggestuurd|"
                 r"niet meer (?:op school|nodig)|geen contact meer|niemand weet waar|achterge\w*|achterla\w*",
    "fgm_strong": r"meisjes ?ding|\w*besnijd\w*|\w*besneden|snijfeest|dichtgenaaid|dichtgemaakt",
    "fgm_act": r"(?:echte|grote) vrouw|word (?:ik|je) (?:een )?(?:echte )?vrouw|schoon (?:te )?maken|weg te halen|\w*besnijd\w*|\w*besneden|geknipt|knippen|gesneden|snijfeest|dichtgenaaid|genaaid|daar beneden|"
               r"beneden|ritueel|"
               r"ceremonie|familieceremonie|traditioneel|behandel\w*|weghalen|weggehaald|operatie|vrouw (?:wordt|"
               r"worden|maken)|grote meisjes|gemaakt wordt|schoongemaakt|schoon gemaakt|meisjesfeest|vrouwending",
    "fgm_sign": r"(?:steeds|vaak|lang) (?:\w+ ){0,2}naar de wc|pijn sinds|plast (?:heel )?(?:langzaam|lang)|langzaam plassen|pijn bij (?:het )?(?:plassen|zitten|lopen)|lang (?:op|over) (?:de wc|het toilet|plassen)|"
                r"loopt (?:\w+ ){0,2}(?:stijf|moeilijk|raar)|benen wijd|niet (?:kon |kan )?lopen|infectie|"
                r"niet (?:meer )?(?:gymmen|naar de wc)|ziek (?:was|geworden)",
    "fgm_country": r"somalie|somaliland|soedan|egypte|ethiopie|eritrea|guinee|sierra leone|mali|djibouti|gambia|"
                   r"senegal|burkina faso|nigeria|kenia|jemen|koerdistan|indonesie|tsjaad|liberia|ivoorkust",
    "boy": r"kinderarts|voorhuid|arts|jongen|jongens|zoon|zoontje|broertje|kinderchirurg|ziekenhuis|uroloog",
    "holiday": r"\w*vakantie|verlof|vakantie|zomer|zomervakantie|meivakantie|reis|ticket|vliegticket|terug uit",
    "medical": r"ziekenhuis|huisarts|dokter|tandarts|amandelen|oor\w*|beugel|gebroken|gips|blindedarm|oogarts",
    # what: exploitation (gifts, money, errands for older people)
    "gifts": r"robux|v ?bucks|skins|giftcards?|cadeaukaart\w*|euro per|verdient (?:\w+ ){0,3}geld|geld (?:\w+ ){0,2}verdien\w*|geld|euro|cadeau\w*|iphone|telefoons|nieuwe telefoon|sneakers|gelnagels|make up|sieraden|dure|bloemen|"
             r"rolletje|hotel\w*|merkkleding",
    "errands": r"werkt voor|voor (?:haar|zijn) vriend werkt|moet werken|pakketjes|pakjes|pakje|wegbrengen|bezorgen|rondbrengen|dealen|dealt|wiet|drugs|op de uitkijk|"
               r"klusjes|schuld|terugbetalen|terugverdienen|verkoopt|verkopen|durft te stoppen|afgeven",
    "lure": r"(?:vriendinnetjes|vriendinnen|vriendinnetje|meisjes) (?:\w+ ){0,3}(?:meeneemt|meenemen|mee te nemen|meebrengt|"
            r"mee brengt)|naar (?:zijn|de|die) vrienden|meegaat|gaat (?:\w+ ){0,3}mee|mee naar|kelderbox|garagebox|hotel\w*|s nachts thuis|tattoo|tatoeage|opgehaald|feestjes?|snachts|weggaat met|weg met|meegenomen|in een auto|auto stapt|ophaalt|ophaalde|lief "
            r"(?:moest|moet) zijn|plaatjes van|fotos van zichzelf|contact met|scooter|eerste uur",
    # when and where: danger now
    "now": r"^acuut|nog steeds aan het (?:slaan|schoppen|vechten|schreeuwen|gooien)|(?:staat|staan|wacht|wachten) (?:\w+ ){0,2}(?:buiten|bij het hek|aan het hek|voor de deur|voor de school|op het plein|op de stoep)|morgen\w*|"
           rf"nu(?! {_DURATION}| ik (?:er |het )?(?:zo )?(?:over |aan )?(?:nadenk|terugdenk|erover nadenk)| je het zegt)"
           r"|net(?! (?:als|zo|even|wat|niet|genoeg|iets))|zojuist|vandaag|vanochtend|vanmiddag|vanavond|vannacht|straks|zometeen|zo meteen|na school|"
           r"morgen|gisteravond|nog (?:hier|in de klas|bij mij|buiten|op school)|bijna \d+ uur|over (?:een|\d+) "
           r"(?:half )?(?:uur|minuten|min)|om \d+(?: uur| \d\d)?|kwart (?:voor|over)|half \d+|op dit moment",
    "soon": r"vanavond|vannacht|straks|zometeen|zo meteen",
    "weapon": r"ijzer (?:\w+ ){0,2}(?:tas|zak|broek|jas|bij zich|op zak)|geweer|luchtbuks|windbuks|kruisboog|gewapend|hamer|knife|iets (?:in|onder) (?:zijn|zn|z n) (?:broekband|jas)|mes|messen|broodmes|keukenmes|zakmes|steekwapen|wapen|wapens|vuurwapen|pistool|revolver|"
              r"knuppel|honkbalknuppel|bijl|machete|boksbeugel|zwaard|stanleymes|vuurwerkbom",
    "sharp": r"schaar|passer|glas|scherven|stoel|aansteker|spuitbus|vlammen",
    "kill_threat": r"(?:die|ze|zij) komen (?:\w+ )?voor (?:mij|hem|haar)\b|doodsteken|doodschieten|doodslaan|afrekenen|afrekent|rekent af|(?:reken|rekent|rekenen) (?:\w+ ){0,2}af met|op (?:\w+ ){0,2}blazen|ontploft er iets|er iets ontploft|gaat (?:\w+ ){0,3}ontploffen|af met (?:je|jouw|zijn|haar|mijn) (?:moeder|vader|mama|papa)|maak (?:ik|hij) (?:je|jou|hem|haar|jullie) af|doen (?:ze|we|wij) (?:\w+ ){0,2}wat|neersteken|neer te steken|afknallen|af te knallen|neerschieten|(?:hem|haar|je|jou|jullie|iedereen|mij|me) (?:\w+ )?(?:afmaken|afmaakt)|(?:hem|haar|je|jou|jullie|iedereen) af te maken|"
                   r"(?:iets|wat) aan te doen|(?:iets|wat) aandoen|(?:iets|wat) aandoet|"
                   r"maakt (?:hem|haar|je|jou|jullie|iedereen) af|doodmaken|doodmaakt|dood maken|vermoorden|"
                   r"vermoordt|kapot maakt|kapotmaakt|kapot maken|opwachten|op te wachten|gebeuren er ongelukken|"
                   r"dan zal (?:ze|hij|je) (?:wel )?zien|weet waar (?:je|jij|u) woont|iets aan te doen|"
                   r"iets aandoen|iets aandoet|op te blazen|opblazen|opgeblazen|een bom (?:\w+ ){0,3}(?:op|in|bij|leggen|gelegd|afgaat)|aanslag|schietpartij|"
                   r"(?:gaat|ga|gaan|wil|komt|komen) (?:\w+ ){0,3}(?:steken|schieten|neerschieten|snijden)",
    "comes_back": r"terugkomen|terugkomt|komen (?:\w+ ){0,2}terug|komt (?:\w+ ){0,2}terug|langskomen|langskomt|"
                  r"kom ik langs|naar (?:onze |de )?school (?:komt|komen)|(?:komt|komen) naar (?:onze |de )?school|"
                  r"onderweg",
    "missing": r"overal (?:al )?gezocht(?! naar (?:de|mijn|mn|zn|zijn|haar|een|onze|het) (?:\w+ )?(?:sleutel|tas|jas|telefoon|laptop|map|fiets|knuffel))|niet (?:thuis )?aangekomen|(?:kunnen|kan) (?:hem|haar|het kind) nergens (?:meer )?vinden|weggerend|weggerent|weggefietst|(?:is|zijn) er (?:al )?(?:\d+|twee|drie) dagen niet|" + _KID + r" (?:\w+ ){0,2}kwijt|"
               r"we missen (?:een|het|1|één) (?:kind|kleuter|leerling|jongen|meisje)|zoeken (?:al|nu|overal)|"
               r"(?:lopen|zijn|gaan) (?:te |aan het )?zoeken|niet thuisgekomen|laatste locatie|we zoeken nu|(?:kunnen|kan) (?:hem|haar|het kind) niet (?:meer )?vinden|niet te vinden|niemand neemt op|"
               r"neemt niemand op|(?:kind|kleuter|leerling|jongen|meisje) weg\b|" + _KID + r" (?:\d+ )?(?:is|zijn) (?:\w+ ){0,2}weg|vermist|niet (?:meer )?teruggekomen|"
               r"niet (?:thuis )?gekomen|niet thuis (?:is )?gekomen|niemand weet waar|nergens te vinden|"
               r"doorzocht|neemt niet op|" + _KID + r" (?:\w+ ){0,3}weggelopen|van huis weggelopen|"
               r"" + _KID + r"(?: \d+)?(?: van \w+)? (?:is|zijn) kwijt|we zoeken (?:haar|hem|overal)|"
               r"zoeken (?:alles|overal) af|"
               r"met de kinderen weg|(?:weet|weten) niet waar (?:hij|ze|zij|het kind) is|(?:hij|ze|zij|kind|leerling) (?:\w+ ){0,3}verdwenen|spoorloos|"
               r"niet thuis (?:geweest|geslapen)",
    "danger": r"(?:ligt|lag) (?:\w+ ){0,8}(?:en )?beweegt (?:niet|nauwelijks|bijna niet)|opgesloten (?:\w+ ){0,4}sinds (?:gisteravond|gisteren|vannacht|vanochtend|gister)|(?:aan (?:de|zn|zijn|haar) haren|aan (?:zn|zijn|haar) arm) (?:\w+ ){0,4}(?:gesleurd|sleurt|sleuren|meegesleurd|getrokken)|(?:sleurt|sleuren|sleurde|duwt|duwde) (?:\w+ ){0,6}(?:in|naar) (?:een|de|zijn|zn) (?:\w+ )?auto|(?:ligt|lag) (?:\w+ ){0,6}(?:en )?reageert (?:niet(?! op)|nergens (?:meer )?op)|pillenstrip\w*|(?:pillen|medicijnen|tabletten) (?:\w+ ){0,3}(?:geslikt|ingenomen|opgegeten)|(?:wordt|werd|is|er) (?:\w+ )?geschoten|(?:ligt|lag|is) (?:\w+ )?bewusteloos|buiten bewustzijn|bommelding|bomdreiging|schoten|(?:op|over) de (?:reling|rand)|(?:opgesloten|alleen|achtergelaten) in (?:de|een) (?:\w+ )?auto|ademt niet|niet meer ademen|"
              r"blauw aan|in het water gevallen|(?:gestikt|stikt)|weggerukt",
    "not_allowed": r"(?:staat|stond) niet op (?:de|het) (?:\w+)?lijst|niet (?:gemachtigd|bevoegd)|verbod|heeft (?:het )?gezag|mag (?:\w+ ){0,2}niet bij|kent (?:hem|haar) niet|contactverbod|straatverbod|omgangsverbod|huisverbod|geen omgang|geen gezag|"
                   r"mag (?:ze|hem|haar|de kinderen) niet (?:halen|zien|meenemen|ophalen)|ex|buitenland",
    "fire": r"aansteker (?:en|met) (?:een )?spuitbus|spuitbus (?:en|met) (?:een )?aansteker|vlammen (?:te )?maken|"
            r"brand gesticht|in (?:de )?(?:brand|fik) (?:gestoken|steken|steekt|zetten|zet)|benzine (?:\w+ ){0,3}aansteker|"
            r"aansteker (?:\w+ ){0,3}benzine|brandstichting",
    "concrete": r"briefje|plan|plannen|uitgeschreven|opgeschreven|opgezocht|zocht|afscheidsbrief\w*|tijdstip|maandag|"
                r"dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|volgende week|na de \w+",
    "impaired": r"(?:ruikt|rook|stinkt|stonk) (?:\w+ ){0,4}naar (?:drank|alcohol|bier|wiet|drugs)|van het drinken|aan de drank|"
                r"dronken(?! (?:\w+ ){0,2}(?:een|wat|koffie|thee|bier|biertje|wijn|wijntje|limonade|glas|glaasje))|"
                r"\w*bezopen|ladderzat|stomdronken|straalbezopen|beschonken|aangeschoten|zwalkt|zwalkte|waggelt|lalt|"
                r"lallend|niet aanspreekbaar|onaanspreekbaar|rook naar drank|ruikt naar drank|onder invloed|amper (?:op )?(?:haar|zijn|de) benen|"
                r"kon amper|reageert niet(?! op (?:\w+ ){0,2}(?:mail|mails|brief|brieven|uitnodiging|uitnodigingen|vraag|vragen))|"
                r"hangt over het stuur|bewusteloos|niet (?:meer )?wakker|stoned|high|"
                r"onder de drugs",
    "take_away": r"ophaalt|haalt (?:\w+ ){0,3}op|meegenomen|neemt (?:\w+ ){0,3}mee|nam (?:\w+ ){0,3}mee|meenemen|mee nemen|mee te nemen|meegeven|meegegeven|ophalen|op te halen|komen halen|komt halen|"
                 r"meegesleurd|sleurt|sleept|meegetrokken|ontvoer\w*|omgangsregeling|geen gezag|"
                 r"wil niet mee|mag (?:hem|haar|ze) niet|staat (?:buiten )?in een auto|met de (?:auto|bakfiets)",
    "aggression": r"vechten|vecht|gevecht|schreeuwt|schreeuwen|te schreeuwen|duwde|woest|zwaait|agressief|dreigt|dreigde|bedreigt|"
                  r"ingeslagen|scheldt|tiert",
    "lurker": r"(?:riep|roept|noemde|noemt|kende|kent) (?:\w+ ){0,2}(?:bij|met) (?:zijn|zn|z n|haar|d r) naam|"
              r"(?:busje|bus|auto|bestelbus) (?:\w+ ){0,3}op de hoek|kleedkamer|omkleedhok\w*|niks te zoeken|niets te zoeken|(?:biedt|bood|aanbiedt|aanbood|geeft|gaf) (?:\w+ ){0,2}(?:snoep|snoepjes|een lift)|gestapt|ingestapt|instapt|stapt in|stapte in|rondjes|maakt fotos|fotos van de kinderen|bij haar naam|bij zijn naam|bij het hek|aan het hek|"
              r"om het plein|staat er (?:nu )?weer|capuchon|onbekend nummer|berichten van|"
              r"(?:in|mee) (?:\w+ ){0,2}(?:te )?(?:laten )?(?:instappen|stappen)|lokt|lokken|snoep (?:aan)?biedt",
    "school_place": r"schoolreis|excursie|pretpark|fietsenstalling|uitgang|poort|voordeur|spreekkamer|kantoor|klas|school|plein|schoolplein|hek|gang|hal|ingang|lokaal|gymzaal|pauze|buiten|parkeerplaats|"
                    r"voor de deur",
    # reported speech of the child (or a sibling, a classmate) and written words
    "said": r"denkt|dacht|post|postte|gepost|zette op|appt|zegt|zei|zeggen|vertelt|vertelde|verteld|vroeg|vraagt|schreef|schrijft|stuurde|appte|mailde|"
            r"letterlijk|volgens|riep|fluisterde|tekende|tekening|gedicht|dagboek\w*|bericht|geschreven",
    # look-alikes: play, lessons, figures of speech, events that were handled
    "play": r"call of duty|rollenspel\w*|gta|shooter\w*|knikker\w*|trefbal\w*|tikkertje|verstoppertje|spookverhaal\w*|spel|spelletje|spelen (?:ze|we)|speelden|game|gamen|fortnite|minecraft|film|serie|boek|voorlezen|"
            r"musical|toneel|griezel\w*|verhaal waarin|in het verhaal|personage|"
            r"voorstelling|nep|speelgoed|poppenhoek|verkleed\w*|grapje|haha",
    "kitchen": r"scouting\w*|tuinkast|schuur|gereedschap\w*|snoeischaar|padvind\w*|waterpokken|muggenbult\w*|papiertje|handvaardigheid\w*|techniek\w*|spijker\w*|timmer\w*|kookles|koken|keuken|brood|groente\w*|fruit|taart|snijplank|knutsel\w*|handvaardigheid|"
               r"borduren|schilmesje|pleister erop",
    "resolved": r"opgelost|gevonden|oh wacht|was al|verkeerde kant|loos alarm|bleek|bleken",
    "hyperbole": r"lachend|giechel\w*|grinnik\w*|grappig|lol|dubbel|(?:ga|gaat|gaan) dood van|doodmoe|dood moe|doodop|moordend|dodelijk saai|"
                 r"vermoordt me als|lachen|lachte|haha|grapje",
    "lost_thing": r"(?:laptop\w*|kar|sleutel\w*|tas|jas|telefoon|mobiel|fiets|pakket|map|ipad|tablet|chromebook\w*|\w*knuffel\w*)"
                  r"(?: van (?:de|het|onze|mijn|mn|zijn|haar) \w+)? (?:is|zijn|was|waren|raakt|raakte) (?:al )?(?:vermist|kwijt|zoek)"
                  r"|(?:gezocht|zoeken|zoekt|zocht) naar (?:de|het|een|onze|mijn|mn|zijn|haar) (?:laptop\w*|sleutel\w*|tas|jas|"
                  r"telefoon|mobiel|fiets|pakket|map|ipad|tablet|chromebook\w*|\w*knuffel\w*)",
    "drill": r"oefen\w*|scenario|ontruimingsoefening|brandoefening",
    # "wil naar de hemel" is a speeltuin too; with a letter or a day it is a goodbye
    "heaven_wish": r"(?:wil|wilt|willen|wilde) (?:\w+ ){0,2}naar de hemel|naar de hemel (?:wil|wilt|wilde)",
    "letter": r"brief|briefje|brieven",
    "absent_now": r"(?:ontbreekt|ontbrak|wordt vermist|is vermist|is zoek|nergens te vinden)"
                  r"|niet in de klas en niet (?:op het plein|buiten|op de gang)",
    "bruised_fruit": r"(?:appel\w*|peren|peer|fruit\w*|banaan|bananen)(?: \w+){0,5} (?:met|vol|hebben|had|hadden) "
                     r"(?:\w+ )?blauwe plekken",
    "pet": _PET,
    "punish_self": r"(?:zich|zichzelf|mezelf|mijzelf) (?:\w+ ){0,5}(?:gaat |ga |wil )?straffen",
    "cut_self": r"(?:snij|kras|brand) (?:mezelf|mijzelf)",
    "by_accident": r"per ongeluk|perongeluk",  # only for "ik snij mezelf": a parent's "per ongeluk" is no excuse
    "farewell": r"(?:dank|bedankt|sorry) voor alles|vaarwel|dag allemaal|zorg (?:\w+ )?goed voor (?:mijn|mn|m n) \w+|(?:mijn|mn|m n) laatste (?:post|bericht|story|appje|snap)",
    "to_colleagues": r"collega s|collegas|beste collega|lieve collega|lieve collegas|beste collegas",
    "fun_reason": r"(?:speelt|spelen|speel) (?:\w+ ){0,2}(?:liever|nog|door|bij)|(?:te|zo|heel) leuk|wil (?:nog )?(?:verder |door)?spelen",
    "run_off": r"weggelopen|weggerend|weggerent|(?:rende|rent|liep|loopt|fietste) (?:\w+ ){0,3}(?:weg|ervandoor)|ervandoor",
    "danger_place": r"spoor|spoorlijn|spoorbaan|rails|snelweg|(?:het|de) (?:water|vliet|gracht|haven|pier|zee|vaart)|kanaal|dijk",
    # a pet that died ("toen haar konijn dood ging wilde ze ook dood"), not one left in someone's care
    "pet_loss": (rf"(?:{_PET}) (?:\w+ ){{0,4}}(?:{_DIED}|inslapen|doodgereden|doodgebeten|hemel)"
                 rf"|(?:{_DIED}) (?:\w+ ){{0,3}}(?:{_PET})"),

    # added: more indirect signs (see issue 13 and the dev3 set's README)
    "flinch": r"deins\w*|duikt (?:\w+ )?weg|wegduikt|krimpt ineen|krimpt in elkaar|beschermt (?:zijn|haar|zn) (?:hoofd|gezicht)|(?:hand|arm) (?:\w+ ){0,2}(?:opsteek|opsteekt|optil|optilt|opheft|ophef)|rug (?:naar|tegen) de muur",
    "contradiction": r"klopt (?:\w+ ){0,2}niet|geen fiets|helemaal geen|zelfde verhaal|wisselende verhalen|verschillende verhalen|fluisterde|dat was (?:papa|mama|vader|moeder|pap|mam)",
    "intimate_sign": r"(?:durft|wil) (?:\w+ )?niet (?:meer )?naar de wc|zit (?:\w+ ){0,2}raar|raar (?:\w+ ){0,3}zitten|daar beneden|ontsteking\w* (?:\w+ ){0,3}(?:plasser|vagina|daar|onder)|huisarts (?:\w+ ){0,3}verdacht|jeuk|pijn (?:bij het plassen|daar|aan (?:haar|zijn|zn) (?:plasser|piemel|billen))|bloed in (?:haar|zijn|zn) (?:onderbroek|ondergoed)|soa|geslachtsziekte",
    "odd_game": r"dingen na (?:\w+ ){0,6}(?:leeftijd|passen)|(?:gekke|rare|vieze|geheime|stille|speciale) (?:spelletjes?|dingen)|dat spelletje|spelletje (?:weer|doen|spelen)|dingen na (?:\w+ ){0,4}(?:leeftijd|passen)",
    "online": r"videobell\w*|camera aan|webcam|online|via (?:roblox|snapchat|snap|insta|instagram|tiktok|discord|whatsapp|fortnite|de app)|op (?:roblox|snapchat|snap|insta|instagram|tiktok|discord)|(?:haar|zijn|zn) snap|chat",
    "give_away": r"(?:geeft|gaf|geven|deelt|deelde) (?:\w+ ){0,5}(?:weg|uit)|weggegeven|uitgedeeld|mag (?:\w+ ){0,2}(?:mijn|zijn|haar) spullen hebben",
    "no_need": r"(?:toch )?niet meer nodig",
    "asks_meaning": r"wat (?:een )?\w+ (?:is|betekent)|wat (?:is|betekent) (?:een )?\w+\s*$",
    "wants_pictures": r"(?:wil|vraagt|vroeg|wilde) (?:\w+ ){0,3}(?:om )?(?:fotos|foto|filmpjes|plaatjes|selfies?)|"
                      r"(?:zo|heel|erg) (?:mooi|knap|sexy|lekker) (?:is|bent|vindt|vond)",
    "search": r"googel\w*|googled?|gegoogeld|opgezocht|zoekt (?:\w+ ){0,2}op|zocht (?:\w+ ){0,2}op",
    "skin_condition": r"eczeem|dermatolo\w*|huidarts|jeuk|jeukt|netelroos|psoriasis|waterpokken|muggenbult\w*",
    "parent_doll": r"(?:papa|mama|vader|moeder)pop\w*",
    "pills": r"pillen|tabletten|paracetamol|medicijnen|slaappillen|pilletjes",
    "ingest": r"innemen|inneemt|in te nemen|slikken|slikt|geslikt|opeten",
    "all_at_once": r"allemaal|in een keer|tegelijk|hele (?:potje|strip|doos)|alles",
    "survive": r"overleef\w*|overleven|pijnloos",
    "high_place": r"flat|dak|brug|balkon|hoog|hoogte|verdieping|raam",
    "hiding_arms": r"lange (?:mouw\w*|trui\w*)|mouwen (?:\w+ ){0,3}(?:naar beneden|omlaag)|polsbandjes|zweetbandjes|elastiekjes om",
    "heat": r"\d\d graden|warm|hitte|zomer|tropisch|zwemmen|zwemles|gym",
    "marks": r"krassen|lijntjes|streepjes|korstjes|wondjes|littekens|sneetjes|in rijtjes|evenwijdig|naast elkaar|(?:veel|allemaal) pleisters",
    "fear_of_carer": r"wacht (?:maar )?(?:\w+ ){0,2}tot (?:we|jij|je) thuis (?:zijn|bent|komt|komen)|"
                     r"anders (?:gebeurt|krijg|krijgt) (?:\w+ ){0,2}weer|bang (?:voor|van) (?:zijn|zn|z n|haar|d r|hun) (?:vader|moeder|papa|mama|stief\w+|ouders|broer|broers|oom)|(?:smeekt|vraagt) (?:\w+ ){0,3}niet (?:aan|tegen) (?:papa|mama|vader|moeder|thuis)|(?:smeekt|vraagt) (?:\w+ ){0,4}niet (?:aan|tegen) (?:papa|mama|vader|moeder) te laten zien|anders wordt (?:papa|mama|vader|moeder) (?:weer )?(?:boos|kwaad|zo)|durft (?:\w+ ){0,3}niet (?:aan|tegen) (?:papa|mama|vader|moeder) (?:te )?(?:vertellen|laten zien|zeggen)",
    "hide": r"(?:kan|kunnen|mag) (?:\w+ ){0,3}verstoppen|onderduiken|(?:smeekt|vraagt) (?:\w+ ){0,4}niet mee|terug (?:willen|wil|komen) halen|komen (?:haar|hem) halen",
    "turn": r"aan de beurt|traditie",
    "second_phone": r"(?:tweede|2|twee|extra|geheime) telefoons?",
    "history": r"oorlogs\w*|in de oorlog|vroeger|gouden eeuw|middeleeuwen|wereldoorlog|slavernij|geschiedenisles|les over",
    "locked_in": r"(?:voor)?deur (?:\w+ ){0,2}op slot|op slot (?:doet|gedaan|gedraaid)|zodat niemand (?:weg|naar buiten) kan|"
                 r"niemand (?:mag|kan) (?:\w+ )?(?:weg|naar buiten)",
    "cover_up": r"zonnebril|sjaal tot|camoufl\w*|make up over|bedekt|verbergt|verstopt",
    "pain": r"pijn (?:doet|deed|doen|gedaan)|veel pijn",
    "own_forgetting": r"(?:wilde|wil|wou) (?:dat |het )?zelf|zelf (?:gekozen|gewild)|eigen keuze|(?:zijn|haar|zn) (?:brood|lunch|eten|lunchtrommel|tas|boterhammen|fruit|drinken|beker) (?:\w+ ){0,2}(?:vergeten|thuis laten liggen)|(?:vergat|vergeet|vergeten) (?:\w+ ){0,2}(?:zijn|haar|zn) (?:brood|lunch|eten|lunchtrommel|fruit|drinken|boterhammen)",
    "cold": r"koud|kou|kouwelijk|bloedarmoede|eczeem|geloof|hoofddoek|religie|zonnebrand|allergi\w*",
    "mild_punish": r"geen (?:\w+ )?(?:tablet|ipad|telefoon|mobiel|tv|televisie|playstation|switch|gamen|games|snoep|"
                   r"zakgeld|schermtijd)|huisarrest|strafwerk|nablijven|time ?out",
    "complaint": r"klacht\w*|inspectie|advocaat|geschillencommissie|de krant|subsidie",
    "unreachable": r"reageert niet|(?:leest|beantwoordt) (?:\w+ ){0,2}(?:niks|niets) meer|(?:berichten|appjes) (?:\w+ ){0,2}niet (?:meer )?(?:gelezen|geopend)|neemt niet op|niet (?:meer )?bereikbaar|onbereikbaar|(?:telefoon|mobiel) (?:staat )?uit",
    "night_visit": r"(?:s ?nachts|snachts|in de nacht|elke nacht) (?:\w+ ){0,4}(?:op|in|bij|naar) (?:haar|zijn|zn|mijn|mn|d r) (?:kamer|bed)|(?:komt|kwam|gaat) (?:\w+ ){0,3}(?:op|in) (?:haar|zijn|zn|mijn|mn) (?:kamer|bed) (?:\w+ ){0,3}(?:s ?nachts|snachts)|wat (?:\w+ ){0,3}(?:s ?nachts|snachts) doet",
    "did_again": r"(?:het|dat|t) (?:\w+ ){0,4}weer (?:gedaan|doet|heeft gedaan)|weer gedaan heeft|doet (?:het|dat) weer",
    "bleeding": r"bloedt (?:nog|erg|veel|flink|hard)|diepe (?:wond|snee)|veel bloed|bloed (?:loopt|stroomt)",
    # neglect of a thing, the writer's own hunger, a whole class before lunch, fasting
    "neglected_thing": rf"(?:{_THING})(?: \w+){{0,4}} verwaarloos\w*|verwaarloos\w* (?:\w+ ){{0,2}}(?:{_THING})",
    "own_hunger": r"(?:ik|we|wij) (?:\w+ )?(?:heb|hebben) (?:\w+ ){0,2}(?:honger|trek)|^(?:heb|hebben) (?:\w+ ){0,2}(?:honger|trek)",
    "whole_class": r"(?:hele|heel) (?:de )?(?:klas|groep|gr|school)|alle (?:klassen|groepen)",
    "fasting": r"ramadan|vasten|vast mee|suikerfeest",
    "about_subject": r"hoofdpersoon |(?:verhaal|film|documentaire|toneelstuk|stuk|voorstelling|spreekbeurt|les|lessen|lessenserie|\w*boek|gastles|presentatie|"
                     r"werkstuk|lied|liedje|serie|preventieles\w*) (?:\w+ ){0,3}over",
    "statistics": r"landelijk|1 op de \d+|algemeen beeld|protocol als|veiligheidsplan|zorgmap|teampresentatie|"
                  r"gemiddeld|per jaar|hoeveel (?:kinderen|jongeren|leerlingen)|scriptie|in een rapport|op een congres",
    "at_me": r"(?:heeft|hebben|had) (?:me|mij) (?:\w+ ){0,4}(?:uitgescholden|bedreigd|uitgemaakt|aangevallen)|"
             r"(?:boos|kwaad|schreeuwen|schreeuwde) (?:\w+ ){0,2}(?:op|tegen) (?:me|mij)|ik voelde me|"
             r"(?:op|tegen) mij (?:\w+ ){0,3}(?:schreeuwen|schreeuwde|boos|kwaad)",
    # a child hurt a member of staff: "juf is geschopt door een kleuter met een driftbui"
    "at_staff": r"(?:juf|meester|leerkracht|collega|leraar|lerares|docent|onderwijsassistent|ik) (?:is|ben|wordt|werd|word) "
                r"(?:\w+ ){0,2}(?:geschopt|geslagen|gebeten|geduwd|gekrabd|geknepen|bespuugd|getrapt|aangevallen) door "
                r"(?:een |de |die )?(?:kleuter|leerling|ll|kind|jongen|meisje|leerlingen)",
    "traffic": r"parkeer\w*|kiss and ride|getoeter|toeteren|verkeer\w*|in de auto s",
}
"""Classes of words that, together, make a concern (see :data:`RULES`)."""


@dataclass(frozen=True)
class Rule:
    """``kind`` when all ``concepts`` occur within ``window`` words, and none of ``unless`` occurs."""

    kind: str
    concepts: tuple[str, ...]
    window: int = 12
    unless: tuple[str, ...] = ()
    unless_near: tuple[str, ...] = ()
    """Look-alike concepts that count only within ``window`` words of the first concept ("vriendjes
    zeggen dat zn moeder hem schopt": the peers tell, they do not fight)."""


RULES: tuple[Rule, ...] = (
    # physical abuse: an adult at home who hurts; an injury with a poor explanation or with fear
    Rule("physical_abuse", ("carer", "hit"), 8, unless=("play",), unless_near=("peer",)),
    Rule("physical_abuse", ("staff_force",), 1, unless=("play",), unless_near=("peer",)),
    Rule("physical_abuse", ("beating",), 6, unless=("play",), unless_near=("peer",)),
    Rule("physical_abuse", ("carer", "beating"), 6, unless=("play",)),  # a stepfather, also on the playground
    Rule("physical_abuse", ("injury", "explained_badly"), 20, unless=("accident",)),
    Rule("physical_abuse", ("injury", "fear"), 14, unless=("accident",)),
    Rule("domestic_violence", ("dread_home",), 1),
    Rule("physical_abuse", ("injury", "carer", "said"), 12, unless=("accident", "peer")),
    # emotional abuse: an adult at home who belittles, threatens to send away, or punishes cruelly
    Rule("emotional_abuse", ("carer", "insult"), 14, unless=("peer",)),
    Rule("emotional_abuse", ("punish", "punish"), 24, unless=("mild_punish",)),
    Rule("emotional_abuse", ("punish", "fear"), 20),
    Rule("emotional_abuse", ("carer", "abandon"), 16),
    Rule("emotional_abuse", ("carer", "punish"), 14, unless=("mild_punish",)),
    Rule("emotional_abuse", ("punish", "insult"), 20),
    Rule("emotional_abuse", ("locked_in", "punish"), 12),
    # neglect: two things a child lacks; care it needs that the parents withhold
    Rule("neglect", ("lack", "lack"), 30, unless=("resolved", "own_forgetting", "fasting")),
    Rule("neglect", ("care_need", "inaction"), 16),
    Rule("neglect", ("lack", "carer"), 12, unless=("resolved", "own_forgetting", "fasting")),
    Rule("neglect", ("lack", "inaction"), 16, unless=("resolved", "own_forgetting", "fasting")),

    # sexual abuse: something intimate with touching, an adult, or a secret
    Rule("sexual_abuse", ("intimate", "touch"), 10, unless=("play",)),
    Rule("sexual_abuse", ("intimate", "carer"), 10),
    Rule("sexual_abuse", ("intimate", "stranger"), 10),
    Rule("sexual_abuse", ("touch", "secret"), 12),
    Rule("sexual_abuse", ("intimate", "secret"), 16),
    Rule("sexual_abuse", ("intimate", "explained_badly"), 12),
    Rule("sexual_abuse", ("touch", "carer"), 6, unless=("play", "medical")),
    Rule("sexual_abuse", ("coerce", "carer"), 8),
    Rule("sexual_abuse", ("coerce", "stranger"), 8),
    Rule("sexual_abuse", ("show", "intimate"), 10),
    # sexual and criminal exploitation: gifts or money from older people, errands, luring
    Rule("sexual_exploitation", ("gifts", "stranger"), 14),
    Rule("sexual_exploitation", ("errands", "stranger"), 16),
    Rule("sexual_exploitation", ("errands", "gifts"), 14),
    Rule("sexual_exploitation", ("errands", "fear"), 14),
    Rule("sexual_exploitation", ("lure", "stranger"), 10),
    Rule("sexual_exploitation", ("lure", "gifts"), 12),
    # domestic violence: one parent against the other
    Rule("domestic_violence", ("partner", "dv_act"), 20),
    Rule("domestic_violence", ("dv_noise", "night"), 20),
    Rule("domestic_violence", ("police", "quarrel"), 16, unless_near=("peer",)),
    Rule("domestic_violence", ("fled", "threatened"), 20, unless_near=("refuge_context",)),
    Rule("domestic_violence", ("unfree", "carer"), 12),
    # honour: a girl's behaviour (a boyfriend, respect) and a family that controls or punishes her
    Rule("honour_violence", ("honour_cause", "control", "carer"), 40),
    Rule("honour_violence", ("honour_cause", "hit", "carer"), 24),
    Rule("honour_violence", ("control", "carer", "fear"), 30),
    Rule("honour_violence", ("honour_cause", "carer", "fear"), 16),
    # forced marriage: a wedding planned for a child
    Rule("forced_marriage", ("marriage", "minor"), 10, unless=("adult_wedding",)),
    # achterlating: a child taken abroad who does not come back
    Rule("achterlating", ("abroad", "no_return"), 24, unless=("whole_family",)),
    Rule("achterlating", ("no_return", "no_return"), 24, unless=("whole_family",)),
    Rule("achterlating", ("one_way",), 1),
    # FGM: a ritual or cutting, or its signs, and a country where it is done
    Rule("fgm", ("fgm_act", "fgm_country"), 30, unless=("boy",)),
    Rule("fgm", ("fgm_sign", "fgm_country"), 30, unless=("boy",)),
    Rule("fgm", ("fgm_act", "fgm_sign"), 20, unless=("boy",)),
    Rule("fgm", ("fgm_strong",), 1, unless=("boy", "asks_meaning")),
    Rule("fgm", ("fgm_act", "holiday"), 20, unless=("boy", "medical")),
    Rule("fgm", ("fgm_sign", "fgm_sign", "holiday"), 20, unless=("boy", "medical")),
    # self-harm: hurting one's own body
    Rule("self_harm", ("self_injury", "body"), 8, unless=("kitchen", "skin_condition")),
    Rule("self_harm", ("self_injury", "self"), 6, unless=("kitchen", "skin_condition")),
    Rule("self_harm", ("hiding_arms", "injury"), 15, unless=("accident", "kitchen")),
    Rule("self_harm", ("search", "self_injury"), 8, unless=("kitchen",)),
    Rule("self_harm", ("tool", "body"), 8, unless=("kitchen", "accident", "weapon")),
    Rule("self_harm", ("self_hurt",), 1),
    Rule("self_harm", ("punish_self", "tool"), 8, unless=("kitchen",)),
    Rule("self_harm", ("cut_self",), 1, unless=("kitchen", "accident", "by_accident")),
    # suicide: a way to die, or a child's words about not being there any more
    Rule("suicide", ("method",), 1, unless=("play", "history")),
    Rule("suicide", ("said", "death"), 14, unless=("hyperbole", "pet_loss", "play", "to_colleagues")),
    Rule("suicide", ("plan", "death"), 8, unless=("hyperbole", "pet_loss", "about_subject")),
    # acute danger: a weapon, a threat to kill, a missing child, an impaired carer, a stranger at the gate
    Rule("acute", ("weapon", "now"), 14, unless=("kitchen", "play")),
    Rule("acute", ("weapon", "aggression"), 14, unless=("kitchen", "play")),
    Rule("acute", ("sharp", "aggression"), 10, unless=("kitchen", "play")),
    Rule("acute", ("kill_threat",), 1, unless=("play", "hyperbole")),
    Rule("acute", ("aggression", "comes_back"), 20),
    Rule("acute", ("missing", "now"), 14, unless=("resolved", "pet", "drill", "lost_thing")),
    Rule("acute", ("missing", "missing"), 20, unless=("resolved", "pet", "drill", "lost_thing")),
    Rule("acute", ("danger",), 1),
    Rule("acute", ("run_off", "danger_place"), 10, unless=("resolved", "pet", "drill", "play")),
    Rule("acute", ("take_away", "not_allowed"), 20, unless=("resolved",)),
    Rule("acute", ("aggression", "fear", "school_place"), 16),
    Rule("acute", ("fire",), 1, unless=("play",)),

    Rule("acute", ("missing", "school_place"), 10, unless=("resolved", "pet", "drill", "lost_thing")),
    # a child missing after the drill itself, near water or a road: the drill is when, not why
    Rule("acute", ("absent_now", "danger_place"), 20, unless=("pet", "lost_thing")),
    Rule("acute", ("impaired", "carer"), 12),
    Rule("acute", ("take_away", "aggression", "now"), 20),
    Rule("acute", ("take_away", "fear", "now"), 16),
    Rule("acute", ("stranger", "lurker"), 12, unless=("resolved",)),
    Rule("acute", ("aggression", "now", "carer"), 10, unless=("pet",)),
    Rule("acute", ("aggression", "now", "stranger"), 10, unless=("pet",)),
    # more indirect signs, each a pair of classes rather than a phrase
    Rule("physical_abuse", ("flinch", "flinch"), 15),
    Rule("physical_abuse", ("flinch", "injury"), 20, unless=("accident",)),
    Rule("physical_abuse", ("injury", "contradiction"), 25),
    Rule("emotional_abuse", ("fear_of_carer",), 1),
    Rule("sexual_abuse", ("intimate_sign", "intimate_sign"), 12),
    Rule("sexual_abuse", ("odd_game", "carer"), 20),
    Rule("sexual_abuse", ("odd_game", "stranger"), 12),
    Rule("sexual_abuse", ("online", "secret"), 14),
    Rule("sexual_abuse", ("online", "intimate"), 12, unless=("play",)),
    Rule("sexual_abuse", ("secret", "stranger"), 8, unless=("play",)),
    Rule("sexual_exploitation", ("online", "gifts"), 12),
    Rule("sexual_exploitation", ("second_phone", "fear"), 20),
    Rule("sexual_exploitation", ("second_phone", "secret"), 20),
    Rule("sexual_exploitation", ("second_phone", "stranger"), 20),
    Rule("sexual_exploitation", ("second_phone", "lure"), 20),
    Rule("sexual_exploitation", ("lure", "stranger"), 10),
    Rule("domestic_violence", ("dv_noise", "carer"), 16),
    Rule("domestic_violence", ("dv_noise", "dv_act"), 20),
    Rule("honour_violence", ("hide", "carer"), 20, unless=("play",)),
    Rule("sexual_exploitation", ("second_phone", "errands"), 20),
    Rule("achterlating", ("no_return", "holiday"), 20, unless=("whole_family",)),
    Rule("honour_violence", ("control", "control", "carer"), 20),
    Rule("fgm", ("turn", "fgm_country"), 20, unless=("boy",)),
    Rule("self_harm", ("hiding_arms", "heat"), 15, unless=("cold",)),
    Rule("self_harm", ("hiding_arms", "marks"), 15),
    Rule("self_harm", ("marks", "body"), 14, unless=("accident", "kitchen", "pet")),
    Rule("self_harm", ("tool", "secret"), 15, unless=("kitchen",)),
    Rule("suicide", ("pills", "ingest", "all_at_once"), 12),
    Rule("acute", ("pills", "ingest", "all_at_once"), 12),
    Rule("suicide", ("give_away", "death"), 30),
    Rule("suicide", ("farewell", "unreachable"), 30, unless=("to_colleagues",)),
    Rule("suicide", ("farewell", "give_away"), 30, unless=("to_colleagues",)),
    Rule("suicide", ("give_away", "no_need"), 20),
    Rule("sexual_abuse", ("wants_pictures", "stranger"), 16, unless=("play",)),
    Rule("sexual_abuse", ("wants_pictures", "secret"), 16, unless=("play",)),
    Rule("domestic_violence", ("parent_doll", "hit"), 6),
    Rule("suicide", ("survive", "high_place"), 12),
    Rule("suicide", ("heaven_wish", "letter"), 12),
    Rule("suicide", ("heaven_wish", "concrete"), 12),
    Rule("acute", ("weapon", "school_place"), 12, unless=("kitchen", "play", "history")),
    Rule("acute", ("aggression", "carer", "school_place"), 10),
    Rule("acute", ("take_away", "stranger", "not_allowed"), 40, unless=("resolved",)),
    Rule("domestic_violence", ("locked_in", "carer"), 16),
    Rule("domestic_violence", ("cover_up", "explained_badly", "carer"), 30),
    Rule("fgm", ("turn", "holiday", "pain"), 25, unless=("boy", "medical")),
    Rule("sexual_abuse", ("night_visit", "secret"), 20),
    Rule("sexual_abuse", ("night_visit", "coerce"), 16),
    Rule("sexual_abuse", ("night_visit", "fear"), 16),
    Rule("sexual_abuse", ("stranger", "locked_in"), 14),
    Rule("self_harm", ("tool", "did_again"), 20, unless=("kitchen",)),
)
"""Concerns told indirectly: concepts together in a window of words."""


GUARDS: dict[str, tuple[str, ...]] = {
    "physical_abuse": ("accident", "peer", "play", "bruised_fruit", "at_staff", "fun_reason"),
    "suicide": ("pet_loss", "play", "history", "to_colleagues"),
    "self_harm": ("kitchen",),
    "acute": ("kitchen", "play", "pet", "resolved", "history", "at_me", "lost_thing", "drill"),
    "achterlating": ("whole_family",),
    "honour_violence": ("whole_family", "hyperbole"),
    "emotional_abuse": ("complaint", "mild_punish", "at_me"),
    "fgm": ("boy", "play", "medical", "asks_meaning"),
    "forced_marriage": ("adult_wedding", "play"),
    "neglect": ("resolved", "own_forgetting", "history", "neglected_thing", "own_hunger", "whole_class", "fasting"),
    "domestic_violence": ("traffic",),
}
"""The concepts that explain a kind's outright sign (:data:`KINDS`) as harmless: a bruise from
skating, a knife in the cooking lesson, a wedding of the teacher. A rule has its own (``unless``)."""

SHARED_GUARDS = ("about_subject", "statistics")
"""Guards of every kind: "een spreekbeurt over kindermishandeling", "landelijk 1 op de 30 kinderen"."""

FIGURES = re.compile(
    r"\b(?:(?:ga|gaat|gaan|ging|doodga|doodgaat)\s+(?:bijna\s+)?dood\s+van|dood(?:gaat|gaan|ga)\s+van|dood\s*moe|"
    r"doodop|(?:ga|gaat|gaan|ging)\s+(?:bijna\s+)?dood\s+aan\s+(?:deze|die|dat|dit|al\s+die|al\s+dat)\b|"
    r"^(?:nee|ja|nope),?\s+alleen\s+thuis\s*$|alleen\s+thuis,?\s+(?:en\s+|maar\s+)?(?:niet|nooit)\s+op\s+school|"
    r"(?:vermoordt|vermoorden) (?:me|mij|ons) nog|moordend\w*|dodelijk\s+(?:saai|vermoeiend)|(?:vermoordt|vermoorden|maakt)\s+(?:me|mij|ons)\s+(?:af\s+)?als|"
    r"(?:mijn|mn|m n) hoofd ontploft|ontploft (?:mijn|mn) hoofd|(?:als )?een zwaard boven|(?:schaam|schaamt|schaamde|schamen) (?:me|mij|zich|ons) dood|"
    r"(?:ga|gaat|gaan) er (?:nog|bijna) aan dood|ik spring (?:zo|nog) uit het raam|zelfmoord(?:actie|missie)|"
    r"spring ik (?:nog |echt )?(?:van|uit|van het|uit het) (?:het |de )?(?:dak|raam|brug)|"
    r"(?:gaat|gaan) (?:me|mij|ons) vermoorden als|"
    r"ik (?:kan|kon) (?!(?:\w+ )?(?:kind|leerling|ll|jongen|meisje|hem|haar)\b)(?:\w+ ){0,2}wel (?:wurgen|vermoorden|doodslaan|killen|villen)|"
    r"moordkuil|doodsaai|doodleuk|doodnormaal|doodstil|lachen\s+me\s+dood|lach\s+me\s+dood|zich\s+dood\s+(?:lachen|schrikken|"
    r"vervelen)|dood\s+(?:schrikken|vervelen|lachen)|"
    # "de medicatie slaat niet goed aan", "slaat zich overal doorheen": nobody is hit
    r"(?:slaat|sloeg|slaan) (?:\w+ ){0,2}aan|(?:slaat|sloeg|slaan) (?:zich|ons|me|mij) (?:\w+ ){0,3}(?:door|doorheen|erdoor\w*))\b")
"""Figures of speech ("ik ga dood van de hitte", "doodmoe", "moordend heet"), and "alleen" that
means "only" ("nee alleen thuis" to "speelt het ook op school?"): read as nothing."""

TOPIC = re.compile(
    r"\b(?:congres|cursus|training|scholing|e learning|elearning|webinar|workshop|voorlichting|netwerkbijeenkomst|"
    r"gastles\w*|bijeenkomst|thema|protocol|beleid|aandachtsfunctionaris|(?:verkeers|gym|zwem|kook|teken|reken|taal|muziek|dans)?lessen?|"
    r"lesbrie(?:f|ven)|lesmateriaal|toets|project|nieuws|"
    r"studiedag|agenda|presentatie|nascholing|godsdienst|geschiedenis|meldplicht|meldcode|e-learning|vacature|"
    r"folders?|posters?|brochures?|boek|vergadering|teamvergadering|nieuwsbrief|week tegen|week van|voorstelling|"
    r"theater\w*|jeugdjournaal|betekent|uitleggen|procedure|geoefend|oefening|activiteit|wet|wetgeving|"
    r"ondersteuningsplan|schoolplan|module|hogeschool|opleiding|casus|casussen|spreekbeurt|werkstuk|"
    # a question about a word or a meeting on the subject: "wat is vgv?", "de netwerkdag huiselijk geweld"
    r"wat is|wat zijn|wat bedoel\w*|wat houdt|intervisie|netwerkdag|handreiking|beleidsplan|zaal)\b")
PERSON = re.compile(r"\b(?:leerling|ll|kind|kindje|kleuter|jongen|meisje|hij|zij|zoon|dochter|broertje|zusje|"
                    r"(?:zeggen|zegt|zei|vertellen|vertelt|vertelde) dat (?:ze|hij|zij)|"
                    r"vader|moeder|papa|mama|gezin)\b")
"""A text about a training, a meeting or a lesson, with nobody in it, is no concern for a child."""

SELF_HARM_KINDS = frozenset({"suicide", "self_harm"})
_CAN_BE_ACUTE = frozenset(KINDS) - {"acute", "emotional_abuse"}
_PATTERNS = {kind: re.compile("|".join(f"(?:{p})" for p in patterns)) for kind, patterns in KINDS.items()}
_ACUTE_TIME = re.compile(rf"\b(?:{_NOW})\b")
_CONCEPTS = {name: re.compile(rf"\b(?:{pattern})\b") for name, pattern in CONCEPTS.items()}
_WORD_START = re.compile(r"\S+")
_NEGATED = re.compile(r"\bgeen (?!idee|zicht|flauw|twijfel)(?:\w+ ){0,2}(?:\w+ (?:of|en) )?$")
"""A sign's outright word denied just before it: "nee geen eer of huwelijksdwang" answers a question."""
_SHORT_DENIAL = re.compile(r"(?:nee|neen|nope)\b(?: \w+){0,5}$")
"""A short "nee …" answers a question ("nee niet nu op dit moment"): only a rule, not the model, finds a concern in it."""
_MODEL_ONLY_GUARDS = ("lost_thing", "drill")
"""What explains a concern that only the model sees: a search for the keys, a fire drill (not a pet:
"ze eet uit de bak van de hond" is neglect)."""
_ANSWERS_NO = re.compile(r"(?:nee|neen|nope)\b")
"""An answer that starts with "nee" ("nee nu geen direct gevaar meer, hij is weg") denies the danger it names."""
_NO_DANGER = re.compile(r"\b(?:geen|niet in) (?:direct |acuut |acute )?(?:gevaar|dreiging)\b|\bniet (?:zo |heel |echt )?acuut\b")
"""Someone who says there is no danger now ("nee nu geen direct gevaar meer, hij is weg") is believed
on the 112; the other kinds of concern stay."""


@dataclass(frozen=True)
class Concern:
    """Concern for a child's safety found in a message: which kinds, and whether danger is acute."""

    kinds: frozenset[str]
    acute: bool = False


@lru_cache(maxsize=2)
def assess(text: str) -> Concern | None:
    """The kinds of safety concern ``text`` shows (see :data:`KINDS` and :data:`RULES`), or None.

    The rules name the signs they know; the learned model (:mod:`wijkwijzer.core.safety_model`)
    adds a concern no rule names (kind ``unspecified``), suicide or self-harm (113) and acute
    danger (112) where the rules missed them.

    Cached for two texts only: the understanding and the agent both ask about the same message
    in one turn; no message lingers in memory beyond that."""
    norm = prepared(text)
    if TOPIC.search(norm) and not PERSON.search(norm):
        return None
    found = _concepts(norm)
    kinds = _ruled(norm, found)
    if not kinds and _NO_DANGER.search(norm) and not _ANSWERS_NO.match(norm) and "acute" in _ruled(
            norm, found, believe_no_danger=False):
        kinds = {"unspecified"}  # "een mes in zijn tas, geen direct gevaar": no 112, still a concern
    learned, words = model(), features(norm)
    if not kinds:
        if _SHORT_DENIAL.match(norm) or any(name in found for name in _MODEL_ONLY_GUARDS) or _injury_explained(found) or not (
                learned.concern.says_yes(words)) or evidence(learned.concern, words) < MIN_EVIDENCE:
            return None
        kinds = {"unspecified"}
    if learned.self_harm.says_yes(words) and evidence(learned.self_harm, words) >= MIN_EVIDENCE:
        kinds.add("self_harm")
    acute = (_acute(kinds, found) or learned.acute.says_yes(words)) and not _NO_DANGER.search(norm)
    return Concern(kinds=frozenset(kinds), acute=acute)


def _injury_explained(found: _Concepts) -> bool:
    """An injury with its own harmless cause and nothing else ("doet wedstrijdjudo en heeft vaak blauwe
    plekken"): what the rules explained away, the model does not bring back."""
    return "injury" in found and "accident" in found and not any(
        name in found for name in ("carer", "secret", "said", "contradiction", "flinch"))  # "zegt gevallen met fietsen"


def ruled(text: str) -> set[str]:
    """The kinds of concern the rules alone find in ``text`` (what the model is trained beside)."""
    norm = prepared(text)
    return set() if TOPIC.search(norm) and not PERSON.search(norm) else _ruled(norm, _concepts(norm))


def _ruled(norm: str, found: _Concepts, believe_no_danger: bool = True) -> set[str]:
    told = {rule.kind for rule in RULES if _fires(rule, found)}
    named = {kind for kind, pattern in _PATTERNS.items()
             if any(not _NEGATED.search(norm, max(0, sign.start() - 40), sign.start()) for sign in pattern.finditer(norm))}
    if named and not named & told and all(_explained(kind, found) for kind in named):
        named = set()
    kinds = named | told
    if believe_no_danger and _NO_DANGER.search(norm):
        kinds.discard("acute")
    return kinds


def _explained(kind: str, found: _Concepts) -> bool:
    """A kind's outright word explained as harmless by its own guards or by what every kind shares:
    a lesson, film or talk about the subject, figures for the whole country."""
    return any(name in found for name in (*GUARDS.get(kind, ()), *SHARED_GUARDS))


def prepared(text: str) -> str:
    """``text`` as the detectors read it: capped, normalised, typos put right, figures of speech out."""
    return _typos_fixed(normalize(capped(text)))


def _acute(kinds: set[str], found: _Concepts) -> bool:
    """Danger now: a weapon, a threat, a missing child …; any concern a rule names with a time word
    ("vanavond", "na school", "om 15.00"); thoughts of suicide with a way or a plan. A concern only
    the model sees is acute when its own head says so or when it is about to happen ("vanavond"):
    "vandaag", "nu" there are mostly when a talk was ("vanochtend een gesprek met moeder")."""
    if "acute" in kinds or (kinds & _CAN_BE_ACUTE - {"unspecified"} and ("now" in found or "bleeding" in found)):
        return True
    if kinds == {"unspecified"} and "soon" in found:
        return True
    return bool(kinds & SELF_HARM_KINDS and any(name in found for name in ("method", "concrete", "unreachable", "missing")))



class _Concepts:
    """Where each concept of :data:`CONCEPTS` occurs in a normalised text, as word positions;
    each concept is looked up only when a rule asks for it (most rules stop at their first)."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.starts = [match.start() for match in _WORD_START.finditer(norm)]
        self.positions: dict[str, list[int]] = {}

    def __getitem__(self, name: str) -> list[int]:
        if name not in self.positions:
            self.positions[name] = [bisect_right(self.starts, match.start()) - 1
                                    for match in _CONCEPTS[name].finditer(self.norm)]
        return self.positions[name]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self[name])


def _concepts(norm: str) -> _Concepts:
    return _Concepts(norm)


def _fires(rule: Rule, found: _Concepts) -> bool:
    """All of the rule's concepts within its window of one occurrence of the first, none of ``unless``."""
    if not all(name in found for name in rule.concepts) or any(name in found for name in rule.unless):
        return False
    first, *others = rule.concepts
    for anchor in found[first]:
        if all(any(abs(position - anchor) <= rule.window and (name != first or position != anchor)
                   for position in found[name]) for name in others) and not any(
                abs(position - anchor) <= rule.window for name in rule.unless_near for position in found[name]):
            return True
    return False


_WORD = re.compile(r"[a-z]{5,}")


_STEM = re.compile(r"(?<![a-z])([a-z]{5,})§")


def _pattern_words() -> frozenset[str]:
    """The literal words of the signs and concepts: what a typo is put right to."""
    words: set[str] = set()
    for pattern in _all_patterns():
        words.update(_WORD.findall(re.sub(r"\\[a-zA-Z]|\(\?[:!=<]+|\{\d+(?:,\d+)?\}", " ", pattern)))
    return frozenset(words)


def _pattern_stems() -> frozenset[str]:
    """The stems of the patterns (``mishandel\\w*``): a word that starts with one is known."""
    return frozenset(stem for pattern in _all_patterns()
                     for stem in _STEM.findall(re.sub(r"\\[a-zA-Z]", " ", pattern.replace(r"\w*", "§"))))



def _all_patterns() -> list[str]:
    return [*(p for patterns in KINDS.values() for p in patterns), *CONCEPTS.values()]


def _deletes(word: str) -> tuple[str, ...]:
    """``word`` with one letter left out, in the order of the letters: the first fit wins, the same
    one in every process (a set's order changes with the hash seed)."""
    return tuple(dict.fromkeys(word[:i] + word[i + 1:] for i in range(len(word))))


_KNOWN = _pattern_words()
_STEMS = _pattern_stems()
_BY_DELETE: dict[str, str] = {}
for _known in sorted(_KNOWN | _STEMS):
    for _variant in _deletes(_known):
        _BY_DELETE.setdefault(_variant, _known)


@lru_cache(maxsize=1)
def _dutch() -> frozenset[str]:
    """Ordinary Dutch words (wordfreq's small list, ~29,000 words; loaded on first use): a word
    that is spelled right is never 'put right' ("vonden" is no typo of "wonden")."""
    from wordfreq import get_frequency_dict

    return frozenset(normalize(word) for word in get_frequency_dict("nl", wordlist="small"))


MAX_WORD_TO_FIX = 40
"""Longer 'words' (a run of digits, a pasted token) are left as they are: the pattern words are
at most 19 letters, and the typo search costs the cube of a word's length (4,000 digits: 9 s)."""


@lru_cache(maxsize=65536)
def _fixed(word: str) -> str:
    """``word``, or the pattern word it is one typo away from (SymSpell with distance 1: a letter
    too many, too few, wrong or swapped; "zelfmord", "mishandelt", "verwaarloost"). The first
    letter is kept: a word typed with another first letter is another word ("pesters" is no
    typo of "westers"). A "y" typed for "ij" ("ontbyt", "blyft") is put right first."""
    if "y" in word and word.replace("y", "ij") in _KNOWN:
        return word.replace("y", "ij")
    fixed = _one_typo_fixed(word)
    return fixed if fixed[:1] == word[:1] else word


def _one_typo_fixed(word: str) -> str:
    if word in _KNOWN or len(word) < 6 or len(word) > MAX_WORD_TO_FIX or word in _dutch() or _stem_of(word):
        return word
    if word in _BY_DELETE:
        return _BY_DELETE[word]
    for variant in _deletes(word):
        if variant in _KNOWN:
            return variant
        if variant in _BY_DELETE:
            return _BY_DELETE[variant]
    return _stem_fixed(word)


def _stem_of(word: str) -> bool:
    return any(word[:length] in _STEMS for length in range(5, len(word) + 1))


def _stem_fixed(word: str) -> str:
    """``word`` with its beginning put right to a stem of the patterns ("verwaarlooosd",
    "mishandld" → "mishandeld"): a letter too many or too few, the ending kept."""
    for length in range(len(word) - 1, 4, -1):
        head, tail = word[:length], word[length:]
        for variant in _deletes(head):
            if variant in _STEMS:
                return variant + tail
        if head in _BY_DELETE and _BY_DELETE[head] in _STEMS:
            return _BY_DELETE[head] + tail
    return word




def _typos_fixed(norm: str) -> str:
    """The words of a message, each put right when typed one letter off a word of the patterns,
    and figures of speech taken out."""
    return " ".join(_fixed(word) for word in FIGURES.sub(" ", norm).split())


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
