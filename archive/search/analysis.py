"""Per-language analysis: one function turns text into lexemes, at index AND query time.

The database side is deliberately simple (decision "option b")::

    search_vector = setweight(to_tsvector('simple', %(analysed_title)s), 'A') || ...

where every ``%(analysed_...)s`` is :func:`analyse_for_index` of the text in its language:
a space-separated string of lexemes made only of letters and digits, which PostgreSQL's
``simple`` configuration keeps exactly as they are (lower-case, no stop words, one token
per lexeme, positions preserved for phrase search).  Queries are compiled by
:mod:`archive.search.query` with the *same* analysers into a string for
``to_tsquery('simple', %s)``.  Index-time and query-time analysis are therefore identical
and testable without a database.

Stemmers (pluggable through :func:`register_stemmer`):

=====  ==========================================================================
kk     :mod:`archive.search.kazakh` (project's own suffix stripper)
az     :mod:`archive.search.azerbaijani` (project's own suffix stripper)
hy     :mod:`archive.search.armenian` (project's own; Snowball's is inconsistent)
ru     Snowball ``russian`` (PyPI ``snowballstemmer``), after ``ё`` → ``е``
en     Snowball ``english`` (PyPI ``snowballstemmer``)
=====  ==========================================================================

If ``snowballstemmer`` is not installed, ru/en fall back to lower-casing only (a warning
is logged once); re-index after installing it.

Changing any stemmer changes the lexemes: the search vectors must then be rebuilt
(:data:`ANALYSER_VERSION` is bumped so the lead's re-index command can detect it).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache

from archive.language import detect_language, fold_word, word_script

from . import armenian, azerbaijani, kazakh
from .text import clean, token_texts

__all__ = [
    "ANALYSER_VERSION",
    "LANGUAGES",
    "SCRIPT_LANGUAGES",
    "analyse",
    "analyse_for_index",
    "analyser_language",
    "guess_language",
    "register_stemmer",
    "stem_word",
    "stemmer_for",
]

log = logging.getLogger(__name__)

#: bump when any analyser changes its output (stored vectors must be rebuilt)
ANALYSER_VERSION = 1

LANGUAGES = ("en", "ru", "kk", "hy", "az")

#: script -> languages whose analyser may apply to a word in that script (first = default)
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "cyrillic": ("ru", "kk"),
    "latin": ("en", "az"),
    "armenian": ("hy",),
}
_LANGUAGE_SCRIPT = {"ru": "cyrillic", "kk": "cyrillic", "en": "latin", "az": "latin", "hy": "armenian"}

Stemmer = Callable[[str], str]
_STEMMERS: dict[str, Stemmer] = {}


def register_stemmer(language: str, stemmer: Stemmer, script: str | None = None) -> None:
    """Install or replace the word stemmer for *language* (takes a raw word, returns a
    lexeme of letters/digits).  Re-index after changing a stemmer."""
    _STEMMERS[language] = stemmer
    if script:
        _LANGUAGE_SCRIPT[language] = script
    if "stem_word" in globals() and "_analyse_short" in globals():
        stem_word.cache_clear()
        _analyse_short.cache_clear()


def _snowball(name: str) -> Stemmer | None:
    try:
        import snowballstemmer
    except ImportError:  # pragma: no cover - depends on the environment
        log.warning("snowballstemmer is not installed: %s words are only lower-cased", name)
        return None
    st = snowballstemmer.stemmer(name)
    return st.stemWord


def _make_russian() -> Stemmer:
    sb = _snowball("russian")

    @lru_cache(maxsize=200_000)
    def stem_ru(word: str) -> str:
        w = fold_word(word.lower().replace("ё", "е"), "ru")
        if sb is None or not w.isalpha():
            return w
        return sb(w)

    return stem_ru


def _make_english() -> Stemmer:
    sb = _snowball("english")

    @lru_cache(maxsize=200_000)
    def stem_en(word: str) -> str:
        w = word.lower()
        if sb is None:
            return w
        return sb(w)

    return stem_en


register_stemmer("kk", kazakh.stem, "cyrillic")
register_stemmer("az", azerbaijani.stem, "latin")
register_stemmer("hy", armenian.stem, "armenian")
register_stemmer("ru", _make_russian(), "cyrillic")
register_stemmer("en", _make_english(), "latin")


def stemmer_for(language: str) -> Stemmer:
    """The stemmer of *language*; unknown languages get lower-casing."""
    return _STEMMERS.get(language, str.lower)


@lru_cache(maxsize=500_000)  # indexing: most words of a text recur; their script is found once
def stem_word(word: str, language: str) -> str:
    """Stem one word as a text of *language* would have it stemmed at index time.

    A word in another script than the language's (a Latin name in a Kazakh text) is
    stemmed by the default analyser of its own script, so the query side can find it.
    """
    script = word_script(word)
    if script is not None and _LANGUAGE_SCRIPT.get(language) not in (None, script):
        language = SCRIPT_LANGUAGES[script][0]
    lexeme = stemmer_for(language)(word)
    return lexeme if lexeme else word.lower()


def analyse(text: str, language: str | None) -> list[str]:
    """Text → lexemes (letters and digits only), in order; *language* None → guessed."""
    if not text:
        return []
    lang = language or guess_language(text)
    out: list[str] = []
    append = out.append
    for token, is_word in token_texts(clean(text)):
        if not is_word:
            append(token)
            continue
        lex = stem_word(token, lang)
        if lex.isalnum():
            append(lex)
        else:  # defensive: a stemmer must never emit punctuation
            out.extend(p for p in _split_alnum(lex) if p)
    return out


def _split_alnum(s: str) -> list[str]:
    buf: list[str] = []
    parts: list[str] = []
    for ch in s:
        if ch.isalnum():
            buf.append(ch)
        elif buf:
            parts.append("".join(buf))
            buf = []
    if buf:
        parts.append("".join(buf))
    return parts


def analyse_for_index(text: str, language: str | None) -> str:
    """The string to store with ``to_tsvector('simple', %s)``: space-joined lexemes."""
    if text and len(text) <= 160:
        return _analyse_short(text, language)  # names and labels recur in every agreement
    return " ".join(analyse(text, language))


@lru_cache(maxsize=50_000)
def _analyse_short(text: str, language: str | None) -> str:
    return " ".join(analyse(text, language))


_ACT_NUMBER_LEXEME_RE = re.compile(r"(?<!\S)(\d+)[^\W\d_]+(?!\S)")


def number_aliases(analysed: str) -> str:
    """The bare digits of every act-number lexeme of an analysed string (``1363ա`` → ``1363``,
    ``27фз`` → ``27``), space-joined: indexed after a document's words, so that ``1363`` finds
    ``N 1363-Ա`` while phrases around the number still match the one lexeme in place."""
    return " ".join(dict.fromkeys(_ACT_NUMBER_LEXEME_RE.findall(analysed)))


def guess_language(text: str) -> str:
    """The analyser language of ``text``: archive.language's detection, or the default of
    its script when no analyser of that language exists (Dutch is indexed like English)."""
    return analyser_language(detect_language(text))


def analyser_language(language: str | None) -> str:
    """The language whose analyser indexes texts of *language*: itself when it has a
    stemmer, else the default of its script (Uzbek and Dutch → en, Kyrgyz → ru)."""
    if language in _STEMMERS:
        return language
    script = _LANGUAGE_SCRIPT.get(language or "") or _script_of_language(language)
    return SCRIPT_LANGUAGES.get(script or "latin", ("en",))[0]


def _script_of_language(lang: str | None) -> str | None:
    from archive.language import profile

    p = profile(lang)
    return p.script if p else None
