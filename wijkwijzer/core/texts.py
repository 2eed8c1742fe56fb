"""Dutch copy for the short replies that need no dialog (B1, phone-sized)."""

from __future__ import annotations

from wijkwijzer.knowledge.loader import KnowledgeBase

EXAMPLES = ["Wie is de SMW'er voor Ypenburg?", "Hoe vraag ik een TLV aan?", "Signaal doorgeven", "Wat is een OPP?"]

WELCOME = (
    "Hoi! Ik ben Wijkwijzer, de assistent van het samenwerkingsverband.\n"
    "Ik help je met:\n"
    "• wie de ketenpartner is voor een wijk of school (SMW, JGZ, leerplicht, jeugdteam, wijkagent)\n"
    "• welke school welke expertise heeft\n"
    "• de ondersteuningsroute, verzuim en de meldcode, stap voor stap\n"
    "• snel een anoniem signaal doorgeven\n"
    "Typ je vraag, of kies een voorbeeld."
)
HELP = (
    "Dit kan ik voor je doen:\n"
    "• Ketenpartner zoeken: 'smw'er ypenburg', 'leerplicht De Vliegerwolk', 'welk jeugdteam als de leerling in Rijswijk woont'\n"
    "• Expertise: 'welke school in Centrum heeft NT2?'\n"
    "• Route: 'hoe vraag ik een TLV aan', 'thuiszitter, wat nu?', 'zorgen over veiligheid'\n"
    "• Begrippen: 'wat is een OPP?'\n"
    "• Signaal: 'signaal: veel angstklachten in groep 8'\n"
    "Typ 'stop' om een gesprek te stoppen."
)
ONLY_TEXT = "Ik kan alleen tekst lezen. Typ je vraag, of typ 'help'."
CANCELLED = "Oké, gestopt. Vraag gerust iets anders."
REPORT_ONLY_ADVISEURS = "Het overzicht van signalen is alleen voor adviseurs van het samenwerkingsverband."

SIMPLE: dict[str, tuple[str, list[str]]] = {
    "greeting": ("Hoi! Waar kan ik je mee helpen?", EXAMPLES),
    "thanks": ("Graag gedaan! Succes.", []),
    "help": (HELP, EXAMPLES),
    "cancel": ("Er loopt nu niets om te stoppen. Waar kan ik je mee helpen?", EXAMPLES),
}


def unknown(kb: KnowledgeBase, text: str) -> str:
    """Never a confident wrong answer: say what was recognised and offer the closest questions."""
    mentions = kb.resolver.scan(text)
    named = [m.best for m in mentions if m.best.kind in ("wijk", "gemeente", "school", "begrip", "rol")]
    if named:
        first = named[0]
        hint = {
            "begrip": f"Bedoel je 'wat is {first.name}'?",
            "rol": f"Zoek je {first.name}? Noem dan ook de wijk of school.",
        }.get(first.kind, f"Gaat je vraag over {first.name}? Zeg dan welke ketenpartner je zoekt, bijvoorbeeld 'smw {first.name}'.")
        return f"Dat begrijp ik niet helemaal. {hint}"
    return "Dat begrijp ik niet. Je kunt me bijvoorbeeld dit vragen:"
