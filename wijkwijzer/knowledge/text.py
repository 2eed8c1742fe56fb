"""Normalising what people type: lowercase, no diacritics, no apostrophes, no punctuation.

Every name in the knowledge base and every message goes through :func:`normalize` before it is
compared, so "Smw'er Ypenbúrg?" and "smwer ypenburg" are the same text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SUFFIX_APOSTROPHE = re.compile(r"(?<=\w)['’`´‘ʼ](?=(er|ers|s|tje|tjes|je|jes)\b)")
_APOSTROPHES = re.compile(r"['’`´‘ʼ]")
_AMPERSAND = re.compile(r"(?<!\s)\s*&\s*")  # starts where the spaces start: linear
_NON_WORD = re.compile(r"[^a-z0-9]+")
_GENITIVE_S = re.compile(r"(?:^| )s (?=[a-z])")
_SHORTHAND = re.compile(r"(?:^| )(?:vd|v d|vh|v h)(?= |$)")
_LONGHAND = {"vd": " van de", "v d": " van de", "vh": " van het", "v h": " van het"}
"""Typed shorthand for 'van de' and 'van het' ("smw vd hangaarduil", "ib v/h spoorwiel")."""


def without_accents(text: str) -> str:
    """'Ypenbúrg' → 'Ypenburg': diacritics dropped, nothing else changed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """'Smw'er Ypenbúrg?' → 'smwer ypenburg'; "'s-Gravenhage" → 'sgravenhage'.

    An apostrophe before a Dutch suffix (smw'er, ib'ers, foto's) disappears; any other
    apostrophe is a typed separator ("wijkagent'ypenburg") and becomes a space, as do hyphens,
    slashes and other punctuation ("De Heuvel/Amstelwijk" → "de heuvel amstelwijk"). The old
    genitive "'s" is glued to the name it belongs to, so "'s-Gravenhage", "s-gravenhage",
    "'s Gravenhage" and "sgravenhage" all read alike. "&" reads as "en"; typed shorthand "vd",
    "v/d", "vh" and "v/h" read as "van de" and "van het".
    """
    plain = without_accents(text.lower())
    plain = _APOSTROPHES.sub(" ", _SUFFIX_APOSTROPHE.sub("", plain))
    plain = _AMPERSAND.sub(" en ", plain)
    spaced = _NON_WORD.sub(" ", plain).strip()
    spaced = _GENITIVE_S.sub(lambda match: match.group(0)[:-2] + "s", spaced)
    return _SHORTHAND.sub(lambda match: _LONGHAND[match.group(0).strip()], spaced).strip()


def tokens(text: str) -> list[str]:
    """The words of ``text`` after :func:`normalize`."""
    return normalize(text).split()
