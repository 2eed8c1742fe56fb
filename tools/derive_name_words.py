"""Derive data/surname_words.txt: surnames (deduce's Meertens lists) that are also ordinary Dutch
words (OpenTaal, read from Debian's hunspell-nl), so "de Gouden Koets" or "de Raad" is no name.

Development only; not run by Wijkwijzer or its tests. Needs ``apt-get install hunspell-nl`` and
the deduce package (a dependency). Writes to stdout:

    .venv/bin/python tools/derive_name_words.py > wijkwijzer/core/data/surname_words.txt
"""

from __future__ import annotations

from pathlib import Path

from wijkwijzer.core.privacy import _deduce_list, fold

DIC = Path("/usr/share/hunspell/nl.dic")
SUFFIXES = ("", "s", "en", "e")


def main() -> None:
    stems = {line.split("/", 1)[0] for line in DIC.read_text(encoding="utf-8").splitlines()[1:]}
    words = {fold(stem) + suffix for stem in stems if stem[:1].islower() for suffix in SUFFIXES}
    surnames = _deduce_list("names", "lst_surname") | _deduce_list("names", "lst_interfix_surname")
    print("# Surnames that are also ordinary Dutch words: a capital alone does not make them a name.")
    print("# Derived by tools/derive_name_words.py from deduce's surname lists (Meertens Instituut) and")
    print("# the OpenTaal word list (BSD / CC BY 3.0, via Debian's hunspell-nl). One a line.")
    for word in sorted(w for w in surnames if w in words and len(w) > 2):
        print(word)


if __name__ == "__main__":
    main()
