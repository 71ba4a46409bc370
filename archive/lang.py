"""Language helpers shared by the parser and the search: look-alike folding, detection.

``fold_lookalikes`` repairs words typed with letters of the wrong script (Latin ``i`` in
Kazakh ``Үкiметi``, Latin ``Y`` for ``Ү``, Cyrillic ``а`` inside an English word).
``detect_language`` tells kk / ru / ky / uz / hy / en / az / tr apart with cheap
letter and function-word statistics.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["LATIN_TO_CYRILLIC", "detect_language", "fold_lookalikes"]

# Latin letter -> the Cyrillic letter it is mistaken for (inside Cyrillic words).
LATIN_TO_CYRILLIC: dict[str, str] = {
    "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М",
    "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "Ү",
}  # fmt: skip
# Cyrillic letter -> Latin look-alike (inside Latin words).
CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "с": "c", "е": "e", "і": "i", "о": "o", "р": "p", "х": "x", "у": "y",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Т": "T", "Х": "X", "Ү": "Y", "ј": "j", "Ј": "J", "ѕ": "s",
    "Ѕ": "S", "ԁ": "d", "һ": "h",
}  # fmt: skip

_TO_CYR = str.maketrans(LATIN_TO_CYRILLIC)
_TO_LAT = str.maketrans(CYRILLIC_TO_LATIN)

# A run of Latin/Cyrillic letters that contains at least one ASCII letter.
_LATIN_WORD = re.compile(r"(?<![A-Za-z\u0400-\u04FF])[\u0400-\u04FF]*[A-Za-z][A-Za-z\u0400-\u04FF]*")
_HAS_CYR = re.compile(r"[\u0400-\u04FF]")
_HAS_ASCII_LETTER = re.compile(r"[A-Za-z]")
_CYR_LOOK = set(CYRILLIC_TO_LATIN)
_LAT_LOOK = set(LATIN_TO_CYRILLIC)


def _fold_word(m: re.Match[str]) -> str:
    word = m.group(0)
    if word.isascii():
        return word
    cyr_only = lat_only = 0
    for ch in word:
        if "\u0400" <= ch <= "\u04ff":
            if ch not in _CYR_LOOK:
                cyr_only += 1
        elif ch not in _LAT_LOOK:
            lat_only += 1
    if cyr_only > lat_only or (cyr_only == lat_only == 0 and _mostly_cyrillic(word)):
        if lat_only:
            return word  # genuinely both scripts (e.g. "Azərbaycanа"): leave it alone
        return word.translate(_TO_CYR)
    if lat_only > cyr_only:
        if cyr_only:
            return word
        return word.translate(_TO_LAT)
    return word


def _mostly_cyrillic(word: str) -> bool:
    cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    return cyr * 2 >= len(word)


def fold_lookalikes(text: str) -> str:
    """Fold look-alike letters typed in the wrong script, word by word.

    Inside a word that is otherwise Cyrillic, Latin ``a e o p c x y i`` and
    ``A B C E H I K M O P T X Y`` become their Cyrillic twins (``i`` -> Kazakh ``і``,
    ``Y`` -> ``Ү``); inside an otherwise Latin word, Cyrillic twins become Latin.
    Words in one script only are never touched, so this is idempotent and cheap.

    >>> fold_lookalikes("Үкiметi YШIН")
    'Үкіметі ҮШІН'
    """
    if not text or text.isascii() or not _HAS_CYR.search(text):
        return text
    if not _HAS_ASCII_LETTER.search(text):
        return text
    return _LATIN_WORD.sub(_fold_word, text)


# --- language detection -------------------------------------------------------------

_KK_ONLY = set("әғқұһіӘҒҚҰҺІ")
_KY_MARK = set("ңөүҢӨҮ")
_UZ_CYR = set("ўЎҳҲ")
_TG_CYR = set("ҷҶӣӢӯӮ")
_WORD = re.compile(r"[^\W\d_]+")

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "ru": frozenset(
        [
            "и",
            "в",
            "на",
            "о",
            "с",
            "по",
            "от",
            "для",
            "не",
            "что",
            "или",
            "из",
            "к",
            "при",
            "к",
            "об",
            "со",
            "его",
            "их",
            "это",
            "года",
        ]
    ),
    "kk": frozenset(
        [
            "және",
            "мен",
            "туралы",
            "бойынша",
            "үшін",
            "осы",
            "деп",
            "бұл",
            "оның",
            "арасындағы",
            "жылғы",
        ]
    ),
    "ky": frozenset(
        [
            "жана",
            "менен",
            "боюнча",
            "үчүн",
            "бул",
            "анын",
            "ортосундагы",
            "жылдын",
        ]
    ),
    "uz": frozenset(
        [
            "va",
            "bilan",
            "bo'yicha",
            "boʻyicha",
            "uchun",
            "ushbu",
            "o'rtasida",
            "oʻrtasida",
            "haqida",
        ]
    ),
    "az": frozenset(
        [
            "və",
            "ilə",
            "üzrə",
            "üçün",
            "bu",
            "arasında",
            "haqqında",
            "olan",
        ]
    ),
    "tr": frozenset(
        [
            "ve",
            "ile",
            "için",
            "bu",
            "arasında",
            "hakkında",
            "olan",
            "veya",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "for",
            "on",
            "with",
            "by",
            "shall",
            "be",
            "this",
            "that",
        ]
    ),
}


#: Every language's function words, for callers that need a vocabulary rather than a vote.
FUNCTION_WORDS: frozenset[str] = frozenset().union(*_FUNCTION_WORDS.values())


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the main language of ``text`` (kk, ru, ky, uz, tg, hy, en, az, tr).

    None when there are too few letters to tell.
    """
    if not text:
        return None
    sample = text if len(text) <= 12000 else text[:12000]
    armenian = cyrillic = latin = 0
    for ch in sample:
        o = ord(ch)
        if 0x0531 <= o <= 0x058A:
            armenian += 1
        elif 0x0400 <= o <= 0x04FF:
            cyrillic += 1
        elif ch.isascii():
            if ch.isalpha():
                latin += 1
        elif ch.isalpha() and o < 0x0250:
            latin += 1
    total = armenian + cyrillic + latin
    if total < 3:
        return None
    if armenian >= cyrillic and armenian >= latin:
        return "hy"
    if cyrillic >= latin:
        folded = fold_lookalikes(sample)
        letters = Counter(ch for ch in folded if "\u0400" <= ch <= "\u04ff")
        n = max(1, sum(letters.values()))
        kk = sum(letters[c] for c in _KK_ONLY)
        ky = sum(letters[c] for c in _KY_MARK)
        uz = sum(letters[c] for c in _UZ_CYR)
        tg = sum(letters[c] for c in _TG_CYR)
        words = Counter(w.lower() for w in _WORD.findall(folded))
        if tg / n > 0.005:
            return "tg"
        if uz / n > 0.003:
            return "uz"
        score = {lang: sum(words[w] for w in _FUNCTION_WORDS[lang]) for lang in ("ru", "kk", "ky")}
        if kk / n > 0.01 or (kk and score["kk"] > score["ru"] and score["kk"] >= score["ky"]):
            return "kk"
        if ky / n > 0.005 or score["ky"] > score["ru"]:
            return "ky" if score["ky"] >= score["kk"] else "kk"
        return "ru"
    low = sample.lower()
    words = Counter(_WORD.findall(low))
    if "ə" in low:
        return "az"
    uz_marks = low.count("oʻ") + low.count("gʻ") + low.count("o‘") + low.count("g‘")
    uz_marks += low.count("o'") + low.count("g'")
    score = {lang: sum(words[w] for w in _FUNCTION_WORDS[lang]) for lang in ("uz", "tr", "en")}
    if uz_marks and score["uz"] >= score["tr"]:
        return "uz"
    if score["uz"] > max(score["tr"], score["en"]):
        return "uz"
    if any(c in low for c in "ışğ") and score["tr"] >= score["en"]:
        return "tr"
    if score["en"] >= max(score["tr"], 1):
        return "en"
    if score["tr"]:
        return "tr"
    return "en" if latin >= 20 else None
