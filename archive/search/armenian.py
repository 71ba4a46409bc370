"""A light Armenian stemmer (Eastern Armenian, reformed orthography).

Why not Snowball's ``armenian``: it is inconsistent on the paradigm that matters most in
treaty titles — ``հետախուզություն`` → ``հետախուզությ`` but ``հետախուզության`` →
``հետախուզ`` — so "military intelligence" in the nominative would not meet its genitive,
and it leaves short words (``կապի``, ``կապը``) unstemmed.  This stripper follows the same
design as :mod:`archive.search.kazakh`: strip from the right, repeat to a fixed point, so
every form reaches the same stem.

Handled:

* definite article ``-ը`` and ``-ն`` (``-ն`` also after consonants before a vowel-initial
  word: ``Կողմերն ապահովում``); only stripped when 4 letters remain;
* cases: genitive/dative ``-ի``, ablative ``-ից``, instrumental ``-ով``, locative ``-ում``;
* plural ``-ներ`` / ``-եր``;
* the ``-ություն`` paradigm (``-ության``, ``-ությամբ``, ``-ություններ``...) → ``…ությ``;
* the ``-ում`` deverbal nouns' genitive ``-ման`` (``զարգացման`` → ``զարգացում``) except
  ``սահման`` (border);
* vowel reduction ``պայմանագիր`` / ``պայմանագրի``: a stem ending in consonant + ``ի`` +
  consonant loses that ``ի`` (``համաձայնագիր`` → ``համաձայնագր``, ``երկիր`` → ``երկր``).

Folding: lower-case, the ligature ``և`` → ``եւ`` (classical and reformed spellings meet).
Derivational suffixes (``-ական``, ``-ային``, ``-ություն`` itself) are kept.
"""

from __future__ import annotations

from functools import lru_cache

from .text import clean, tokenise

__all__ = ["analyse", "fold", "stem"]

_VOWELS = frozenset("աեէըիոօ")
_CASES = ("ից", "ով", "ում", "ի")
_PLURALS = ("ներ", "եր")
_USTYUN = ("ություններ", "ություն", "ության", "ությամբ")
MIN_STEM = 3
EXCEPTIONS = frozenset(
    ["և", "եւ", "ու", "կամ", "այլ", "որ", "իսկ", "նաև", "նաեւ", "էլ", "մեջ", "միջև", "միջեւ", "համար"]
)


def fold(word: str) -> str:
    return word.lower().replace("և", "եւ")


def _has_vowel(s: str) -> bool:
    return any(c in _VOWELS for c in s) or "ու" in s


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    w = fold(word)
    if len(w) <= MIN_STEM or w in EXCEPTIONS:
        return w
    for _ in range(8):
        before = w
        # -ություն paradigm → …ությ
        for s in _USTYUN:
            if w.endswith(s) and len(w) - len(s) >= 2:
                w = w[: -len(s)] + "ությ"
                break
        if w.endswith("ման") and not w.endswith("սահման") and len(w) >= 6:
            w = w[:-3] + "ում"
        # article
        if (w.endswith("ը") and len(w) - 1 >= MIN_STEM) or (
            w.endswith("ն") and len(w) - 1 >= 4 and not w.endswith("ությն")
        ):
            w = w[:-1]
        # case
        for s in _CASES:
            if w.endswith(s) and len(w) - len(s) >= MIN_STEM and _has_vowel(w[: -len(s)]):
                w = w[: -len(s)]
                break
        # plural
        for s in _PLURALS:
            if w.endswith(s) and len(w) - len(s) >= MIN_STEM and _has_vowel(w[: -len(s)]):
                w = w[: -len(s)]
                break
        if w == before:
            break
    # vowel reduction: …C ի C → …CC
    if len(w) >= 5 and w[-2] == "ի" and w[-1] not in _VOWELS and w[-3] not in _VOWELS and w[-3] != "ւ":
        w = w[:-2] + w[-1]
    return w


def analyse(text: str) -> list[str]:
    return [t.text if t.kind == "number" else stem(t.text) for t in tokenise(clean(text))]
