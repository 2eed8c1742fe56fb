"""The glossary: the VO and OT terms IB'ers ask about are found as people type them.

The glossary dialog reads the ``begrip`` the resolver found in the message (``kb.resolver.scan``)
and looks the term up with ``query.glossary_term``; these tests go through the same two calls.
"""

from __future__ import annotations

from datetime import date

import pytest

from wijkwijzer.knowledge import query
from wijkwijzer.knowledge.loader import load_knowledge_base
from wijkwijzer.knowledge.text import normalize

TODAY = date(2026, 11, 22)
TRUSTED = 85.0
"""The understanding trusts a fuzzy match from this score on (``core.understanding.MIN_FUZZY_SCORE``)."""

TYPED = {
    "Zorgcoördinator (VO)": ["zorgcoördinator", "zorgcoordinator", "Zorgcoordinator", "zoco", "ZOCO", "zorgco",
                             "zorg coordinator", "zorgcoordinater", "zorgcoordnator", "wat doet een zorgcoordinator eigenlijk",
                             "wie is de zoco"],
    "Ondersteuningscoördinator (OCO)": ["ondersteuningscoördinator", "ondersteuningscoordinator", "oco", "OCO",
                                        "ondersteuningscoordnator", "wat is een oco"],
    "Mentor (VO)": ["mentor", "de mentor", "mentoren", "Mentor"],
    "Orthopedagoog": ["orthopedagoog", "Orthopedagoog", "ortho", "orthopedagogen", "ortopedagoog", "orthopedagog",
                      "wat doet de orthopedagoog in het ot"],
    "Schoolpsycholoog": ["schoolpsycholoog", "school psycholoog", "psycholoog", "gedragswetenschapper"],
    "Gedragsspecialist": ["gedragsspecialist", "gedragspecialist", "wat is een gedragsspecialist"],
    "Casusregisseur": ["casusregisseur", "casus regisseur", "casusregiseur", "casusregie", "regiehouder",
                       "wie is de casusregisseur bij een thuiszitter"],
    "Kinderdagcentrum (KDC)": ["kdc", "KDC", "k.d.c.", "kinderdagcentrum", "kinderdagcentra", "kinder dagcentrum",
                               "kinderdagcentum", "wat is een kdc"],
    "JOS (Jeugdhulp op School)": ["jos", "JOS", "jeugdhulp op school", "wat is jos", "jos team"],
    "OOS": ["oos", "OOS", "wat is oos"],
    "Basis op orde": ["basis op orde", "de basis op orde", "Basis op orde", "basisondersteuning op orde",
                      "wat bedoelen ze met de basis op orde"],
    "Reboundvoorziening": ["rebound", "reboundvoorziening", "rebound voorziening", "trajectvoorziening", "trajectklas",
                           "reboundvoorzienig"],
    "Praktijkonderwijs (pro)": ["praktijkonderwijs", "praktijk onderwijs", "pro", "praktijkschool", "praktijkondewijs"],
}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(today=TODAY)


def begrip(kb, text: str):
    """The glossary term the resolver reads in ``text``, as the understanding takes it (the best begrip mention)."""
    mentions = [m for m in kb.resolver.scan(text, ("begrip",)) if m.best.score >= TRUSTED]
    return mentions[0].best if mentions else None


@pytest.mark.parametrize(("term", "text"), [(term, text) for term, texts in TYPED.items() for text in texts])
def test_new_terms_are_found_as_people_type_them(kb, term, text):
    found = begrip(kb, text)
    assert found is not None and found.id == term, (text, found)
    assert not kb.resolver.scan(text, ("begrip",))[0].ambiguous, text
    assert query.glossary_term(kb, found.id) is not None


@pytest.mark.parametrize("term", TYPED)
def test_new_terms_are_complete(kb, term):
    found = query.glossary_term(kb, term)
    assert found is not None
    assert 1 <= found.uitleg.count(".") <= 3, "1-3 sentences"
    assert found.synoniemen and all(s == s.lower() for s in found.synoniemen), "synonyms as people type them"
    assert not found.wettelijk or found.bron, "a legal term names a source"
    assert found.route_stap is None or found.route_stap in kb.steps


def test_no_typed_form_belongs_to_two_terms(kb):
    owners: dict[str, str] = {}
    for term in kb.terms:
        for word in (term.term, *term.synoniemen):
            key = normalize(word)
            assert owners.setdefault(key, term.term) == term.term, (word, owners[key], term.term)


@pytest.mark.parametrize("text", ["kinderdagverblijf", "de basis", "kindcentrum", "ortheopedagoogisch centrum",
                                  "ik ben best moe", "promotie"])
def test_near_words_do_not_become_new_terms(kb, text):
    found = begrip(kb, text)
    assert found is None or found.id not in TYPED, (text, found)
