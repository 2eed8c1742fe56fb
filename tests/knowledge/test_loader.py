

def test_a_version_stored_as_texts_keeps_the_optional_loket():
    from wijkwijzer.knowledge.loader import BUNDLED_DIR, FILES, OPTIONAL_FILES, check_knowledge_texts

    texts = {name: (BUNDLED_DIR / name).read_text(encoding="utf-8") for name in (*FILES, *OPTIONAL_FILES)}
    kb, problems = check_knowledge_texts(texts)
    assert not problems and kb is not None and kb.loket is not None and kb.loket.telefoon == "070 010 2030"
    without, problems = check_knowledge_texts({name: texts[name] for name in FILES})
    assert not problems and without is not None and without.loket is None
