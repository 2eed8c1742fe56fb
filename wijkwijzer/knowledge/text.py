"""Normalising what people type: lowercase, no diacritics, no apostrophes, no punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SUFFIX_APOSTROPHE = re.compile(r"(?<=\w)['’`´‘ʼ](?=(er|ers|s|tje|tjes|je|jes)\b)")
_APOSTROPHES = re.compile(r"['’`´‘ʼ]")
_AMPERSAND = re.compile(r"\s*&\s*")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """'Smw'er Ypenbúrg?' → 'smwer ypenburg'; "'s-Gravenhage" → 's gravenhage'.

    An apostrophe before a Dutch suffix (smw'er, ib'ers, foto's) disappears; any other
    apostrophe is a typed separator ("wijkagent'ypenburg") and becomes a space. "&" reads as "en".
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _APOSTROPHES.sub(" ", _SUFFIX_APOSTROPHE.sub("", plain))
    plain = _AMPERSAND.sub(" en ", plain)
    return _NON_WORD.sub(" ", plain).strip()


def tokens(text: str) -> list[str]:
    return normalize(text).split()
