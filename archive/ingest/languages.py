"""Authentic languages and the prevailing text, from the testimonium clauses.

``қазақ, әзербайжан және орыс тілдерінде`` -> ``["kk", "az", "ru"]``;
``орыс тіліндегі мәтінге жүгінеді`` -> ``"ru"``; also Russian, English, Armenian,
Azerbaijani and Uzbek wordings.
"""

from __future__ import annotations

import functools
import re

from archive.language import fold_lookalikes, phrase_pattern, profiles
from archive.language.caseless import caseless
from archive.language.names import language_code

__all__ = ["authentic_languages", "language_code", "prevailing_language"]


@functools.cache
def _list_end() -> re.Pattern[str]:
    """The word for "language(s)" that closes a list ("… and Russian languages", "… тілдерінде")."""
    return phrase_pattern([w for p in profiles().values() for w in p.words("language_words")])


@functools.cache
def _prevail() -> re.Pattern[str]:
    words = [w for p in profiles().values() for w in p.words("prevail")]
    extra = [r"обраща\w+\s+к\s+текст", r"использ\w+\s+текст", r"применя\w+\s+текст"]
    return caseless("|".join([phrase_pattern(words).pattern, *extra]))


@functools.cache
def _authentic() -> re.Pattern[str]:
    return phrase_pattern([w for p in profiles().values() for w in p.words("authentic")])


_WORD = re.compile(r"[^\W\d_][\w'ʻ‘’-]*")


def _codes_before(text: str, end: int, window: int = 180) -> list[str]:
    chunk = text[max(0, end - window) : end]
    # only the list right before the keyword: stop at a sentence break
    chunk = re.split(r"[.;:։]\s", chunk)[-1]
    words = _WORD.findall(chunk)
    codes: list[str] = []
    # walk back from the keyword while words are language names or list glue
    glue = {"и", "және", "мен", "and", "the", "և", "ու", "və", "va", "hamda", "ve", "жана",
            "на", "in", "each", "both", "all", "of", "also", "a"}  # fmt: skip
    for w in reversed(words):
        code = language_code(w)
        if code:
            codes.append(code)
        elif w.lower() in glue:
            continue
        else:
            break
    seen: list[str] = []
    for c in reversed(codes):
        if c not in seen:
            seen.append(c)
    return seen


def _listed_in_authenticity_sentence(text: str) -> list[str]:
    """Languages named in a sentence that declares the texts authentic, for lists that no
    word for "languages" closes (Armenian "հայերեն, ղազախերեն և ռուսերեն")."""
    if not _authentic().search(text):
        return []
    for sentence in re.split(r"(?<=[.։;])\s+|\n", text):
        if _authentic().search(sentence) and not _prevail().search(sentence):
            codes: list[str] = []
            for w in _WORD.findall(sentence):
                code = language_code(w)
                if code and code not in codes:
                    codes.append(code)
            if len(codes) >= 2:
                return codes
    return []


def authentic_languages(text: str) -> list[str]:
    """Languages the texts are authentic in, in the order named (empty if not stated)."""
    if not text:
        return []
    text = fold_lookalikes(text)
    best: list[str] = _listed_in_authenticity_sentence(text)
    for m in _list_end().finditer(text):
        codes = _codes_before(text, m.start())
        sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()))
        sentence = text[sentence_start + 1 : m.end() + 200]
        if (len(codes) >= 2 or (codes and not _prevail().search(sentence))) and len(codes) > len(best):
            best = codes
    return best


def prevailing_language(text: str) -> str | None:
    """The language whose text prevails in case of divergence, if stated."""
    if not text:
        return None
    text = fold_lookalikes(text)
    if not _prevail().search(text):
        return None
    for sentence in re.split(r"(?<=[.։;])\s+|\n", text):
        if not _prevail().search(sentence):
            continue
        codes: list[str] = []
        for w in _WORD.findall(sentence):
            code = language_code(w)
            if code and code not in codes:
                codes.append(code)
        if len(codes) == 1:
            return codes[0]
    return None
