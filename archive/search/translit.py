"""Latin-alphabet Kazakh input → Kazakh Cyrillic candidates.

Users type Kazakh in Latin letters: the official alphabet of 2021 (``äskeri barlau``,
``Qazaqstan``, ``ūlttyq``, ``ükımet``...) or plain ASCII (``askeri barlau``, ``ukimet``,
``kazakstan``).  ASCII is ambiguous — ``a`` is а/ә, ``o`` о/ө, ``u`` у/ұ/ү, ``i`` і/и/ы,
``k`` к/қ, ``g`` г/ғ, ``y`` ы/й — so each word gets a few readings:

* **back** (а о ұ ы қ ғ): the word's vowels are back (``barlau``, ``kazakstan``);
* **front** (ә ө ү і к г): the vowels after the first are e/i (``ukimet``, ``askeri``);
* **loan** (Russian-like а о у и к г, ``e`` = е): mixed words (``respublika``).

In both the 2021 alphabet and the informal spelling ``y`` is ы (``Qazaqstan
Respublikasy``).  Letters of the 2021 alphabet steer the reading (``q ğ ū`` back,
``ä ö ü ı`` front); when the text has ``ı`` (= і) or ``ū`` (= ұ) it is read as the 2021
alphabet proper, where ``i`` is и/й and ``u`` is у.  ``ia``/``iu`` are я-like ия/ию.
A fourth reading, **mixed**, keeps a/o/y back and e/i front as written (``qauipsizdik`` →
``қауіпсіздік``).  Digraphs: ``sh`` ш, ``ch`` ч, ``zh`` ж, ``gh`` ғ, ``ng`` ң,
``kh`` қ (back words; х in loans).  A final ``i`` also gets its и / ы variants.

Candidates of the words are combined into at most four phrase spellings, best first.  A
*vocabulary* callable (the search layer passes "is this lexeme in the index?") re-ranks
each word's readings: it is called with the **Kazakh stem** of a candidate word
(:func:`archive.search.kazakh.stem`), because that is what the index stores.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .kazakh import stem as kk_stem

__all__ = ["latin_to_kazakh", "looks_like_latin_kazakh"]

MAX_CANDIDATES = 4
_WORD_RE = re.compile(r"[A-Za-zÄäÖöÜüŪūİıĞğÑñŞşÇç']+|[^A-Za-zÄäÖöÜüŪūİıĞğÑñŞşÇç']+")
_NEW_LETTERS = set("äöüūıiğñşqÄÖÜŪİĞÑŞQ") - {"i"}

# common letters in every reading
_COMMON = {
    "b": "б", "d": "д", "e": "е", "f": "ф", "h": "х", "j": "ж", "l": "л", "m": "м",
    "n": "н", "p": "п", "r": "р", "s": "с", "t": "т", "v": "в", "z": "з", "c": "с",
    "x": "х", "w": "у", "ä": "ә", "ö": "ө", "ü": "ү", "ū": "ұ", "ı": "і", "ğ": "ғ",
    "ñ": "ң", "ş": "ш", "ç": "ч", "q": "қ",
}  # fmt: skip
_DIGRAPHS = {"sh": "ш", "ch": "ч", "zh": "ж", "gh": "ғ", "ng": "ң", "ia": "ия", "iu": "ию"}
_READINGS = {
    "back": {"a": "а", "o": "о", "u": "ұ", "i": "ы", "y": "ы", "k": "қ", "g": "ғ", "kh": "қ"},
    "front": {"a": "ә", "o": "ө", "u": "ү", "i": "і", "y": "і", "k": "к", "g": "г", "kh": "х"},
    "loan": {"a": "а", "o": "о", "u": "у", "i": "и", "y": "ы", "k": "к", "g": "г", "kh": "х"},
    # back vowels as back, front as front (қауіпсіздік, әскери): compounds and loans
    "mixed": {"a": "а", "o": "о", "u": "у", "i": "і", "y": "ы", "k": "к", "g": "г", "kh": "х"},
}
_VOWELS_ASCII = set("aeiouyäöüūı")
_ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "to",
        "with",
        "between",
        "by",
        "from",
        "an",
        "a",
        "is",
        "are",
        "be",
        "on",
        "at",
        "as",
        "or",
        "not",
        "this",
        "that",
        "agreement",
        "treaty",
        "government",
        "republic",
        "convention",
        "protocol",
        "cooperation",
        "military",
        "intelligence",
        "security",
        "defence",
        "defense",
        "law",
    ]
)
_KAZAKH_ENDINGS = (
    "lyq", "lik", "dyq", "dik", "tyq", "tik", "lar", "ler", "dar", "der", "tar", "ter",
    "nyn", "nin", "dyn", "din", "tyn", "tin", "ga", "ge", "qa", "ke", "da", "de", "ta",
    "te", "dan", "den", "tan", "ten", "men", "ben", "pen", "au", "eu", "y", "i", "dagy",
    "degi", "tagy", "tegi", "ndagy", "ndegi", "stan", "qa", "ly", "li", "sy", "si",
)  # fmt: skip


def _classify(word: str) -> list[str]:
    """Reading names for one lower-case Latin word, most likely first."""
    if any(c in "äöüı" for c in word):
        return ["front", "mixed"]
    if any(c in "qğū" for c in word):
        return ["mixed", "back"] if any(c in "ei" for c in word) else ["back", "mixed"]
    # vowels, not counting the glide i/y of ai/ei/oi (= й)
    vowels = [c for k, c in enumerate(word) if c in "aeioy" and not (c in "iy" and k and word[k - 1] in "aeo")]
    rest = vowels[1:] if vowels and vowels[0] == "a" else vowels
    if "kh" in word and not any(c in "ei" for c in vowels):
        return ["back", "loan"]
    if vowels and all(v in "ei" for v in rest) and any(v in "ei" for v in vowels):
        return ["front", "loan", "back"]
    if vowels and all(v in "aoy" for v in vowels):
        return ["back", "loan", "front"]
    if vowels and all(v in "ei" for v in vowels):
        return ["front", "loan"]
    return ["loan", "back", "front", "mixed"]


def _render(word: str, reading: str, new_alphabet: bool) -> str:
    table = _READINGS[reading]
    out: list[str] = []
    i = 0
    n = len(word)
    while i < n:
        two = word[i : i + 2]
        if two == "kh":
            out.append(table["kh"])
            i += 2
            continue
        if (
            two in _DIGRAPHS
            and not (two == "ng" and i + 2 < n and word[i + 2] in "aeiouy")
            and not (two[0] == "i" and i and word[i - 1] in "aeo")
        ):
            out.append(_DIGRAPHS[two])
            i += 2
            continue
        c = word[i]
        prev = word[i - 1] if i else ""
        if c == "'":
            i += 1
            continue
        if new_alphabet and c == "u":
            out.append("у")
        elif new_alphabet and c == "i":
            out.append("й" if prev and prev in _VOWELS_ASCII else "и")
        elif c == "u" and prev in _VOWELS_ASCII:
            out.append("у")  # barlau, äuе: u after a vowel is the semivowel у
        elif c in "yi" and prev and prev in "aeo" and (i + 1 == n or word[i + 1] not in _VOWELS_ASCII):
            out.append("й")  # aymaq, bailanys, bay
        elif c in table:
            out.append(table[c])
        elif c in _COMMON:
            out.append(_COMMON[c])
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _word_candidates(word: str, vocabulary: Callable[[str], bool] | None, new_alphabet: bool) -> list[str]:
    lower = word.lower()
    cands: list[str] = []
    for reading in _classify(lower):
        base = _render(lower, reading, new_alphabet)
        variants = [base]
        if lower.endswith("i") and base[-1:] in "іиы":
            # final -и first: әскери, саяси, ғылыми, ресми (base forms users type)
            variants = []
            for alt in ("и", base[-1], "і", "ы"):
                v = base[:-1] + alt
                if v not in variants:
                    variants.append(v)
        if lower.startswith("a") and reading != "front":
            # word-initial ә in otherwise mixed words: Әзербайжан, әуе, әлеуметтік
            variants += ["ә" + v[1:] for v in variants[:1]]
        for v in variants:
            if v not in cands:
                cands.append(v)
    if word[:1].isupper():
        cands = [c[:1].upper() + c[1:] for c in cands]
    if vocabulary is not None:
        known = [c for c in cands if _safe_vocab(vocabulary, kk_stem(c))]
        cands = known + [c for c in cands if c not in known]
    return cands[:6]


def _safe_vocab(vocabulary: Callable[[str], bool], lexeme: str) -> bool:
    try:
        return bool(vocabulary(lexeme))
    except Exception:
        return False


def latin_to_kazakh(text: str, vocabulary: Callable[[str], bool] | None = None) -> list[str]:
    """Up to four Cyrillic spellings of Latin-alphabet Kazakh *text*, best first.

    Non-letter parts (spaces, digits, punctuation) are kept; Cyrillic text is returned
    unchanged.  Never raises.
    """
    if not text:
        return []
    text = text[:512]
    parts = _WORD_RE.findall(text)
    # the 2021 alphabet proper (ı = і, i = и/й, u = у, ū = ұ) is recognised by ı / ū;
    # otherwise i is і/и/ы and u is у/ұ/ү as in the common informal spelling
    new_alphabet = any(c in "ıūŪ" for c in text)
    slots: list[list[str]] = []
    for p in parts:
        if p[0].isalpha() or p[0] == "'":
            slots.append(_word_candidates(p, vocabulary, new_alphabet) or [p])
        else:
            slots.append([p])
    best = [s[0] for s in slots]
    results = ["".join(best)]
    # vary one word at a time, words with the most readings first
    order = sorted(range(len(slots)), key=lambda k: -len(slots[k]))
    for rank in range(1, 6):
        for k in order:
            if len(results) >= MAX_CANDIDATES:
                return results
            if rank < len(slots[k]):
                alt = best.copy()
                alt[k] = slots[k][rank]
                s = "".join(alt)
                if s not in results:
                    results.append(s)
    return results[:MAX_CANDIDATES]


def looks_like_latin_kazakh(text: str) -> bool:
    """Heuristic: Latin letters, no English stop words, and Kazakh-looking words
    (2021 letters such as q/ğ/ä/ū, or typical Kazakh endings)."""
    if not text:
        return False
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words or not all(w.isascii() or any(c in _NEW_LETTERS for c in w) for w in words):
        return False
    if any(w in _ENGLISH_STOPWORDS for w in words):
        return False
    if any(any(c in _NEW_LETTERS for c in w) for w in words):
        return True
    hits = sum(1 for w in words if len(w) >= 3 and w.endswith(_KAZAKH_ENDINGS))
    has_kazakh_cluster = any(x in w for w in words for x in ("qa", "qy", "yq", "aq", "ty", "dy", "ly", "au", "eu"))
    return hits >= max(1, len(words) // 2) or has_kazakh_cluster
