"""A light Azerbaijani (Latin script) suffix stripper, same design as the Kazakh one.

Strip from the right — adjectival ``-dakı`` and copula ``-dır``, then case, then
possessive, then plural — and repeat to a fixed point so every form reaches one stem.
Suffix variants are checked against what precedes them (vowel or consonant):

* plural ``-lar/-lər``;
* possessive ``-ı/-i/-u/-ü`` after a consonant, ``-sı/-si/-su/-sü`` after a vowel,
  ``-ımız``/``-ınız`` (our/your plural); 1st/2nd singular ``-ım``/``-ın`` are not stripped
  (``-ın`` is the genitive anyway);
* cases: genitive ``-ın/-nın``, accusative ``-nı`` (the bare ``-ı`` is taken by the
  possessive rule), dative ``-a/-ə`` after a consonant (only if 4 letters remain, so
  ``bala`` "child" stays apart from ``bal`` "honey"), ``-ya/-yə``, ``-na/-nə``, locative
  ``-da/-də/-nda``, ablative ``-dan/-dən/-ndan``, instrumental ``-yla/-ylə``;
* consonant alternation: ``-lığı`` → ``-lıq`` (final ``ğ`` → ``q`` in words of 5+
  letters; ``dağ`` keeps its ``ğ``), ``köməyi`` → ``kömək`` (``y`` → ``k`` after a
  vowel-initial suffix was removed).

Derivational suffixes (``-lıq/-lik``, ``-çı/-çi``, ``-sız``) are kept: ``əməkdaşlıq`` is
not ``əməkdaş``.  Folding: lower-case with Turkish-style dotted/dotless i handled (``I`` →
``ı``, ``İ`` → ``i``), ``ä`` → ``ə``.
"""

from __future__ import annotations

from functools import lru_cache

from .text import clean, tokenise

__all__ = ["analyse", "fold", "stem"]

VOWELS = frozenset("aıoueəiöü")
_C = "consonant"
_V = "vowel"
_A = "any"

_ADJ = dict.fromkeys(
    ["dakı", "dəki", "dəkı", "ndakı", "ndəki", "dır", "dir", "dur", "dür", "tır", "tir", "tur", "tür"], _A
)
_CASE: dict[str, str] = {}
for _s in [
    "nın",
    "nin",
    "nun",
    "nün",
    "nı",
    "ni",
    "nu",
    "nü",
    "ya",
    "yə",
    "na",
    "nə",
    "nda",
    "ndə",
    "ndan",
    "ndən",
    "yla",
    "ylə",
]:
    _CASE[_s] = _V
for _s in ["ın", "in", "un", "ün"]:
    _CASE[_s] = _C
for _s in ["da", "də", "dan", "dən", "ta", "tə", "tan", "tən"]:
    _CASE[_s] = _A
_CASE["a"] = _C
_CASE["ə"] = _C
_POSS: dict[str, str] = {}
for _s in ["sı", "si", "su", "sü", "mız", "miz", "muz", "müz", "nız", "niz", "nuz", "nüz"]:
    _POSS[_s] = _V
for _s in ["ı", "i", "u", "ü", "ımız", "imiz", "umuz", "ümüz", "ınız", "iniz", "unuz", "ünüz"]:
    _POSS[_s] = _C
_PLURAL = {"lar": _A, "lər": _A}

_SLOTS = tuple((t, tuple(sorted({len(s) for s in t}, reverse=True))) for t in (_ADJ, _CASE, _POSS, _PLURAL))

#: stems ending in -n whose genitive/accusative/locative (-ın, -ı, -da) would otherwise
#: be read as a vowel stem + -nın/-nı/-nda (``Azərbaycanın`` is Azərbaycan + ın, while
#: ``ölkənin`` is ölkə + nin).  Names in -stan are covered by a pattern.
N_STEMS = frozenset(
    [
        "azərbaycan",
        "qanun",
        "orqan",
        "plan",
        "zaman",
        "insan",
        "vətən",
        "meydan",
        "divan",
        "ekran",
        "iran",
        "yapon",
        "bədən",
    ]
)

EXCEPTIONS = frozenset(
    [
        "və",
        "ilə",
        "üçün",
        "üzrə",
        "kimi",
        "görə",
        "qədər",
        "sonra",
        "əvvəl",
        "bu",
        "o",
        "onlar",
        "onun",
        "onların",
        "isə",
        "həm",
        "ya",
        "yaxud",
        "da",
        "də",
        "ki",
        "nə",
        "bəzi",
        "hər",
        "bütün",
        "olan",
        "olaraq",
    ]
)


def fold(word: str) -> str:
    return word.replace("I", "ı").replace("İ", "i").lower().replace("ä", "ə").replace("i̇", "i")


def _has_vowel(s: str) -> bool:
    return any(c in VOWELS for c in s)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    w = fold(word)
    if len(w) < 3 or w in EXCEPTIONS:
        return w
    for _ in range(8):
        before = w
        if w in N_STEMS or w.endswith("stan"):
            break
        for table, lengths in _SLOTS:
            if w in N_STEMS or w.endswith("stan"):
                break
            n = len(w)
            for k in lengths:
                if k >= n:
                    continue
                suf = w[n - k :]
                cond = table.get(suf)
                if cond is None:
                    continue
                rest = w[: n - k]
                if suf[0] == "n" and (rest + "n" in N_STEMS or (rest + "n").endswith("stan")):
                    continue
                prev_vowel = rest[-1] in VOWELS
                if (cond == _V and not prev_vowel) or (cond == _C and prev_vowel):
                    continue
                min_len = 4 if suf in ("a", "ə") else (3 if k == 1 else 2)
                if len(rest) < min_len or not _has_vowel(rest):
                    continue
                if suf[0] in VOWELS and rest[-1] == "y" and len(rest) >= 5 and rest[-2] in VOWELS:
                    rest = rest[:-1] + "k"
                w = rest
                break
        if len(w) >= 5 and w.endswith("ğ"):
            w = w[:-1] + "q"
        if w == before:
            break
    return w


def analyse(text: str) -> list[str]:
    return [t.text if t.kind == "number" else stem(t.text) for t in tokenise(clean(text))]
