"""Scripts and look-alike letters: the one place that tells Cyrillic from Latin.

``fold_lookalikes`` repairs words typed with letters of the wrong script (Latin ``i`` in
Kazakh ``Үкiметi``, Latin ``Y`` for ``Ү``, Cyrillic ``а`` inside an English word) in
document text; ``fold_word`` does the same for one lower-cased search word, with what the
word's language makes of a Latin look-alike (Kazakh ``y`` is ``ү``, Russian ``i`` is
``и``). The tables are data (``data/lookalikes.json``).
"""

from __future__ import annotations

import functools
import re

from archive.language.profiles import data_file

__all__ = [
    "CYRILLIC_TO_LATIN",
    "LATIN_TO_CYRILLIC",
    "detect_script",
    "fold_lookalikes",
    "fold_word",
    "has_cyrillic",
    "script_of",
    "word_script",
]

_TABLES = data_file("lookalikes.json")
LATIN_TO_CYRILLIC: dict[str, str] = dict(_TABLES["latin_to_cyrillic"])
CYRILLIC_TO_LATIN: dict[str, str] = dict(_TABLES["cyrillic_to_latin"])
_LOWER_TO_CYRILLIC: dict[str, str] = dict(_TABLES["lower_latin_to_cyrillic"])
_BY_LANGUAGE: dict[str, dict[str, str]] = {k: dict(v) for k, v in _TABLES["by_language"].items()}

_TO_CYR = str.maketrans(LATIN_TO_CYRILLIC)
_TO_LAT = str.maketrans(CYRILLIC_TO_LATIN)
_CYR_LOOK = frozenset(CYRILLIC_TO_LATIN)
_LAT_LOOK = frozenset(LATIN_TO_CYRILLIC)

# A run of Latin/Cyrillic letters that contains at least one ASCII letter.
_LATIN_WORD = re.compile(r"(?<![A-Za-z\u0400-\u04FF])[\u0400-\u04FF]*[A-Za-z][A-Za-z\u0400-\u04FF]*")
_HAS_CYR = re.compile(r"[\u0400-\u04FF]")
_HAS_ASCII_LETTER = re.compile(r"[A-Za-z]")


def script_of(ch: str) -> str | None:
    """``"cyrillic"``, ``"latin"``, ``"armenian"`` or None for one character."""
    o = ord(ch)
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x0530 <= o <= 0x058F or 0xFB13 <= o <= 0xFB17:
        return "armenian"
    if ch.isascii():
        return "latin" if ch.isalpha() else None
    if 0x00C0 <= o <= 0x024F or 0x1E00 <= o <= 0x1EFF or o in (0x0259, 0x018F, 0x02BB, 0x02BC):
        return "latin" if ch.isalpha() or o in (0x02BB, 0x02BC) else None
    return None


def detect_script(text: str) -> str | None:
    """The dominant script of the letters of ``text`` (first 20,000 characters)."""
    counts: dict[str, int] = {}
    for ch in text[:20000]:
        s = script_of(ch)
        if s is not None:
            counts[s] = counts.get(s, 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)


def has_cyrillic(word: str) -> bool:
    return any(script_of(c) == "cyrillic" for c in word)


def word_script(word: str) -> str | None:
    """Script of a word; a word with any Cyrillic letter is Cyrillic (look-alikes)."""
    first = None
    for ch in word:
        s = script_of(ch)
        if s == "cyrillic":
            return s
        if first is None:
            first = s
    return first


def _mostly_cyrillic(word: str) -> bool:
    cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    return cyr * 2 >= len(word)


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


def fold_lookalikes(text: str) -> str:
    """Fold look-alike letters typed in the wrong script, word by word.

    Inside a word that is otherwise Cyrillic, Latin look-alikes become their Cyrillic
    twins (``i`` -> Kazakh ``і``, ``Y`` -> ``Ү``); inside an otherwise Latin word,
    Cyrillic twins become Latin. Words in one script are never touched, so this is
    idempotent and cheap.

    >>> fold_lookalikes("Үкiметi YШIН")
    'Үкіметі ҮШІН'
    """
    if not text or text.isascii() or not _HAS_CYR.search(text):
        return text
    if not _HAS_ASCII_LETTER.search(text):
        return text
    return _LATIN_WORD.sub(_fold_word, text)


_LATIN_LOWER = re.compile(r"[a-zı]")


@functools.cache
def _word_table(language: str | None) -> dict[str, str]:
    return {**_LOWER_TO_CYRILLIC, **_BY_LANGUAGE.get(language or "", {})}


def fold_word(word: str, language: str | None = None) -> str:
    """Latin look-alikes inside a lower-cased mixed-script word become Cyrillic, as the
    word's ``language`` writes them (``үкiметi`` -> ``үкіметі``; Russian ``i`` -> ``и``)."""
    if word.isascii() or not _LATIN_LOWER.search(word) or not has_cyrillic(word):
        return word
    table = _word_table(language)
    return "".join(table.get(c, c) for c in word)
