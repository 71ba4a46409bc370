"""Language detection from the profiles: script, tell-tale letters, function words.

One detector for the parser and the search indexer, so a text gets one label. It is
cheap (one pass over at most 12,000 characters) and explainable: the script narrows the
candidates to the profiles written in it; a profile's own letters (Kazakh ``әғқұһі``,
Azerbaijani ``ə``), when frequent enough, narrow them further; the function words of
each candidate decide.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from archive.language.profiles import profiles
from archive.language.scripts import fold_lookalikes

__all__ = ["detect_language", "function_words", "language_scores"]

_SAMPLE = 12000
_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʻʼ‘][^\W\d_]+)*")
# the language a script falls back to when no function word decides
_SCRIPT_DEFAULT = {"armenian": "hy", "cyrillic": "ru", "latin": "en"}


@functools.cache
def _function_words() -> dict[str, frozenset[str]]:
    return {
        code: frozenset(w.lower().replace("’", "'") for w in p.words("function_words"))
        for code, p in profiles().items()
    }


@functools.cache
def _word_weights() -> dict[str, float]:
    """A function word counts 1/k when k profiles list it ("de" is Dutch, French, Spanish …)."""
    counts: Counter[str] = Counter()
    for words in _function_words().values():
        counts.update(words)
    return {w: 1.0 / n for w, n in counts.items()}


def _score(words: Counter[str], vocabulary: frozenset[str]) -> float:
    weights = _word_weights()
    return sum(words[w] * weights[w] for w in vocabulary if w in words)


def function_words() -> frozenset[str]:
    """Every language's function words (a vocabulary, not a vote)."""
    return frozenset().union(*_function_words().values())


def language_scores(text: str) -> dict[str, float]:
    """Function-word hits per 100 words, for every profile of the text's main script."""
    script, _, words, _ = _profile_text(text)
    if script is None:
        return {}
    total = max(1, sum(words.values()))
    return {
        code: 100.0 * _score(words, fw) / total
        for code, fw in _function_words().items()
        if script in profiles()[code].scripts
    }


_SCRIPT_RES = {
    "armenian": re.compile(r"[\u0530-\u058F\uFB13-\uFB17]"),
    "cyrillic": re.compile(r"[\u0400-\u052F]"),
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0259\u018F]"),
}


@functools.cache
def _marker_letters() -> str:
    return "".join(sorted({ch for p in profiles().values() for ch in p.letters}))


@functools.lru_cache(maxsize=2048)
def _profile_text(text: str) -> tuple[str | None, Counter[str], Counter[str], int]:
    sample = text if len(text) <= _SAMPLE else text[:_SAMPLE]
    scripts = {name: len(rx.findall(sample)) for name, rx in _SCRIPT_RES.items()}
    if sum(scripts.values()) < 3:
        return None, Counter(), Counter(), 0
    script = max(scripts, key=scripts.__getitem__)
    folded = fold_lookalikes(sample) if script == "cyrillic" else sample
    low = folded.lower().replace("’", "'").replace("ʼ", "'")
    letters = Counter({ch: low.count(ch) for ch in _marker_letters()})
    words = Counter(_TOKEN.findall(low))
    return script, letters, words, scripts[script]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the main language of ``text``; None when there are too few letters."""
    if not text:
        return None
    script, letters, words, n_letters = _profile_text(text)
    if script is None:
        return None
    fw = _function_words()
    candidates = [p for p in profiles().values() if script in p.scripts]
    if not candidates:
        return None
    n = max(1, n_letters)

    def letter_share(p) -> float:
        return sum(letters[c] for c in p.letters) / n if p.letters else 0.0

    marked = [p for p in candidates if p.letters and letter_share(p) > p.letter_share]
    pool = marked or candidates
    score = {p.code: _score(words, fw[p.code]) for p in pool}
    best = max(pool, key=lambda p: (score[p.code], letter_share(p)))
    if score[best.code] == 0 and not marked:
        default = _SCRIPT_DEFAULT.get(script)
        if script == "latin" and n_letters < 20:
            return None
        return default
    return best.code
