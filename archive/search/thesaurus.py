"""The topic thesaurus: a small multilingual two-level tree of treaty-practice concepts.

Data: the Topic rows editors maintain (once the app registers them, ``use_source``), else
``fixtures/topics.json``, which also seeds those rows — a list of ``{"slug", "parent", "labels": {en, ru, kk, hy,
az}, "synonyms": {en: [...], ...}}``.  Labels are the preferred terms as they appear in
agreement titles; synonyms are other real terms (inflected set phrases included).  A concept
with ``"suggest": false`` (the treaty provisions: dispute settlement, denunciation, ...,
present in nearly every text) expands queries but is never suggested as a document's topic.

Matching is done on *lexemes* (see :mod:`archive.search.analysis`), so inflected forms
match: ``әскери барлау аясындағы`` contains ``әскери барлау``; ``военной разведки`` is
``военная разведка``.  Every term is analysed once, when the index is built (cached).

Public API
----------
* :func:`load_concepts` — the concepts (cached).
* :func:`get_concept`, :func:`concepts_by_slug`, :func:`children`.
* :func:`suggest_topics` — slugs for a document text, best first (parents included).
* :func:`concepts_in_query` — concepts a user query names, in any language.
* :func:`find_matches` — concept spans in a lexeme sequence (used by the query compiler).
* :func:`label_lexemes` — the labels of a concept in all languages, as lexeme tuples.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .analysis import LANGUAGES, SCRIPT_LANGUAGES, analyse, analyser_language, guess_language
from .text import clean, script_of

__all__ = [
    "DEFAULT_PATH",
    "Concept",
    "Match",
    "children",
    "concepts_by_slug",
    "concepts_for_lexemes",
    "concepts_in_query",
    "find_matches",
    "get_concept",
    "label_lexemes",
    "load_concepts",
    "suggest_topics",
]

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "topics.json"

#: lexemes at the start of a text that count as its title (weight x3)
TITLE_ZONE = 40
#: suggestions returned at most (parents added on top of these are not counted)
MAX_SUGGESTIONS = 6


@dataclass(frozen=True)
class Concept:
    slug: str
    parent: str | None
    labels: dict[str, str]
    synonyms: dict[str, tuple[str, ...]]
    #: False: found in queries, never suggested as a document's topic
    suggest: bool = True

    def __hash__(self) -> int:
        return hash(self.slug)

    def label(self, language: str = "en") -> str:
        """The label in *language*, falling back to English, then to the slug."""
        return self.labels.get(language) or self.labels.get("en") or self.slug

    def terms(self, language: str | None = None) -> Iterator[tuple[str, str, bool]]:
        """(language, term, is_label) for the labels and synonyms (of one language; all:
        the analysed languages first, then others such as uz and ky)."""
        if language is None:
            extra = sorted((set(self.labels) | set(self.synonyms)) - set(LANGUAGES))
            languages: Sequence[str] = (*LANGUAGES, *extra)
        else:
            languages = (language,)
        for lang in languages:
            label = self.labels.get(lang)
            if label:
                yield lang, label, True
            for syn in self.synonyms.get(lang, ()):
                yield lang, syn, False


@dataclass(frozen=True)
class Match:
    """A concept term found in a lexeme sequence: lexemes[start:end]."""

    slug: str
    start: int
    end: int
    language: str
    is_label: bool


# ----------------------------------------------------------------------------- loading
_lock = threading.Lock()


#: Where the concepts come from when no path is given: the file, or (once the Django app
#: registers it, see ``use_source``) the Topic rows editors maintain. A source is a pair of
#: callables: ``version()`` -> a string that changes whenever the rows do (None: use the
#: file), ``rows()`` -> the concepts as dicts shaped like the file's items.
_source: tuple[Callable[[], str | None], Callable[[], Iterable[dict]], int] | None = None
_checked: tuple[float, str | None] = (0.0, None)
#: How long a process trusts the version it read before asking again (editors' changes
#: reach every worker within this many seconds; the saving process at once, see refresh()).
VERSION_TTL = 5.0


def use_source(version: Callable[[], str | None], rows: Callable[[], Iterable[dict]]) -> None:
    """Read the thesaurus through ``rows()`` whenever ``version()`` changes (the Topic
    table); only in this process — a forked parser worker keeps what it inherited."""
    global _source
    _source = (version, rows, os.getpid())
    refresh()


def refresh() -> None:
    """Forget the version read last: the next lookup asks the source again."""
    global _checked
    _checked = (0.0, None)


def _key(path: str | Path | None) -> str:
    """The cache key of the concepts to use: the file's path, or ``db:<version>``."""
    global _checked
    if path is not None or _source is None:
        return str(path or DEFAULT_PATH)
    version, _rows, pid = _source
    at, known = _checked
    if os.getpid() != pid:
        return f"db:{known}" if known else str(DEFAULT_PATH)
    if time.monotonic() - at > VERSION_TTL:
        try:
            known = version()
        except Exception:  # no database yet (first migrate), or it is down: the file
            known = None
        _checked = (time.monotonic(), known)
    return f"db:{known}" if known else str(DEFAULT_PATH)


def _raw(key: str) -> list[dict]:
    if key.startswith("db:"):
        assert _source is not None
        return list(_source[1]())
    with open(key, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=8)
def _load(key: str) -> tuple[Concept, ...]:
    raw = _raw(key)
    concepts = []
    for item in raw:
        syn = item.get("synonyms") or {}
        concepts.append(
            Concept(
                slug=item["slug"],
                parent=item.get("parent"),
                labels=dict(item.get("labels") or {}),
                synonyms={lang: tuple(v) for lang, v in syn.items()},
                suggest=bool(item.get("suggest", True)),
            )
        )
    return tuple(concepts)


def load_concepts(path: str | Path | None = None) -> list[Concept]:
    """All concepts, in file order (parsed once per path and cached)."""
    return list(_load(_key(path)))


def concepts_by_slug(path: str | Path | None = None) -> dict[str, Concept]:
    return {c.slug: c for c in _load(_key(path))}


def get_concept(slug: str, path: str | Path | None = None) -> Concept | None:
    return concepts_by_slug(path).get(slug)


def children(slug: str, path: str | Path | None = None) -> list[Concept]:
    return [c for c in _load(_key(path)) if c.parent == slug]


# ----------------------------------------------------------------------------- index
def _index_languages(lang: str, term: str) -> tuple[str, ...]:
    """The analyser languages a term of *lang* is indexed under: its own, or for a language
    without an analyser (uz, ky) the one its texts are analysed with and, for queries, the
    default of the term's own script (Uzbek is written in Latin and in Cyrillic letters)."""
    if lang in LANGUAGES:
        return (lang,)
    first = analyser_language(lang)
    scripts = {script_of(ch) for ch in term if ch.isalpha()} - {None}
    own = SCRIPT_LANGUAGES.get(scripts.pop(), (first,))[0] if len(scripts) == 1 else first
    return (first,) if own == first else (first, own)


class _Index:
    """language -> first lexeme -> [(lexeme tuple, slug, is_label)], longest first.  Keyed
    by analyser language: an Uzbek term is found in a text analysed as ``en``."""

    def __init__(self, concepts: Sequence[Concept]) -> None:
        self.by_lang: dict[str, dict[str, list[tuple[tuple[str, ...], str, bool]]]] = {}
        self.labels: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self.exact: dict[str, dict[tuple[str, ...], list[str]]] = {}
        for c in concepts:
            seen: set[tuple[str, tuple[str, ...]]] = set()
            for term_lang, term, is_label in c.terms():
                for lang in _index_languages(term_lang, term):
                    self._add(c.slug, lang, tuple(analyse(term, lang)), is_label, seen)
        for table in self.by_lang.values():
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))

    def _add(
        self, slug: str, lang: str, lex: tuple[str, ...], is_label: bool, seen: set[tuple[str, tuple[str, ...]]]
    ) -> None:
        if not lex or (lang, lex) in seen:
            return
        seen.add((lang, lex))
        slugs = self.exact.setdefault(lang, {}).setdefault(lex, [])
        if slug not in slugs:
            slugs.append(slug)
        self.by_lang.setdefault(lang, {}).setdefault(lex[0], []).append((lex, slug, is_label))
        if is_label:
            self.labels.setdefault(slug, []).append((lang, lex))


@lru_cache(maxsize=8)
def _index(path: str) -> _Index:
    with _lock:
        return _Index(_load(path))


def _idx(path: str | Path | None) -> _Index:
    return _index(_key(path))


def find_matches(
    lexemes: Sequence[str],
    language: str,
    path: str | Path | None = None,
    *,
    maximal: bool = True,
) -> list[Match]:
    """Concept terms of *language* occurring in *lexemes* (analysed with that language).

    With *maximal*, a match lying inside a longer match of another concept is dropped
    (``еркін сауда`` is free-trade, not also trade); one match per concept per position.
    """
    table = _idx(path).by_lang.get(language)
    if not table:
        return []
    found: list[Match] = []
    n = len(lexemes)
    for i, lex in enumerate(lexemes):
        entries = table.get(lex)
        if not entries:
            continue
        seen: set[str] = set()
        for terms, slug, is_label in entries:
            k = len(terms)
            if slug in seen or i + k > n:
                continue
            if k == 1 or tuple(lexemes[i : i + k]) == terms:
                seen.add(slug)
                found.append(Match(slug, i, i + k, language, is_label))
    if not maximal or len(found) < 2:
        return found
    keep = []
    for m in found:
        inside = any(
            o.slug != m.slug and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
            for o in found
        )
        if not inside:
            keep.append(m)
    return keep


def concepts_for_lexemes(lexemes: Sequence[str], language: str, path: str | Path | None = None) -> list[str]:
    """Slugs of the concepts having a term of *language* whose lexemes are exactly
    *lexemes* (the whole sequence, not a part of it)."""
    return list(_idx(path).exact.get(language, {}).get(tuple(lexemes), ()))


def label_lexemes(slug: str, path: str | Path | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """[(language, lexemes)] of the concept's labels, each analysed in its language."""
    return list(_idx(path).labels.get(slug, ()))


# ----------------------------------------------------------------------------- suggestions
def suggest_topics(text: str, language: str | None = None, path: str | Path | None = None) -> list[str]:
    """Slugs of the concepts a document is about, best first; parents of matched children
    are included, right after their first child (a chosen child always precedes its
    parent: specific before general).

    Weight of one occurrence: 2 for a multi-word term, 1 for a single word; x3 inside the
    first :data:`TITLE_ZONE` lexemes (the title).  A concept needs a real signal: a title
    or multi-word match and a score of 3 (one word of a title is enough: works for a
    reference's title alone), or three single-word matches and a score of 4; and at least
    1/8 of the best concept's score.  At most :data:`MAX_SUGGESTIONS` concepts
    (plus their parents).
    """
    if not text or not text.strip():
        return []
    lang = language if language in LANGUAGES else guess_language(text)
    lexemes = analyse(text, lang)
    by_slug = concepts_by_slug(path)
    matches = [m for m in find_matches(lexemes, lang, path) if by_slug[m.slug].suggest]
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    strong: dict[str, bool] = {}
    singles: dict[str, int] = {}
    for m in matches:
        multi = (m.end - m.start) > 1
        w = (2.0 if multi else 1.0) * (3.0 if m.start < TITLE_ZONE else 1.0)
        scores[m.slug] = scores.get(m.slug, 0.0) + w
        first.setdefault(m.slug, m.start)
        if multi or m.start < TITLE_ZONE:
            strong[m.slug] = True
        else:
            singles[m.slug] = singles.get(m.slug, 0) + 1
    if not scores:
        return []
    best = max(scores.values())
    ranked = sorted(scores, key=lambda s: (-scores[s], first[s]))
    chosen = [
        s
        for s in ranked
        if scores[s] >= best / 8 and ((strong.get(s) and scores[s] >= 3) or (scores[s] >= 4 and singles.get(s, 0) >= 3))
    ][:MAX_SUGGESTIONS]
    out: list[str] = []
    for s in chosen:
        # the specific before the general: a chosen child goes before its parent
        for child in chosen:
            c = by_slug.get(child)
            if c is not None and c.parent == s and child not in out:
                out.append(child)
        if s not in out:
            out.append(s)
        parent = by_slug[s].parent if s in by_slug else None
        if parent and parent not in out:
            out.append(parent)
    return out


# ----------------------------------------------------------------------------- queries
def _query_readings(query: str) -> Iterable[tuple[str, list[str]]]:
    """(language, lexemes) readings of a free-text query: every plausible analyser for the
    scripts present, plus Latin-alphabet Kazakh transliterations."""
    text = clean(query)
    scripts = {script_of(ch) for ch in text if ch.isalpha()} - {None}
    for script in sorted(scripts):
        for lang in SCRIPT_LANGUAGES.get(script, ()):
            yield lang, analyse(text, lang)
    if "latin" in scripts:
        from .translit import latin_to_kazakh

        # always tried: an English query's transliteration simply matches nothing
        for candidate in latin_to_kazakh(text)[:2]:
            yield "kk", analyse(candidate, "kk")


def concepts_in_query(query: str, path: str | Path | None = None) -> list[Concept]:
    """Concepts whose label or synonym occurs in *query*, in any language, in order of
    first appearance (``"военная разведка"`` → military-intelligence)."""
    if not query or not query.strip():
        return []
    by_slug = concepts_by_slug(path)
    hits: dict[str, int] = {}
    for lang, lexemes in _query_readings(query[:512]):
        for m in find_matches(lexemes, lang, path):
            if m.slug not in hits or m.start < hits[m.slug]:
                hits[m.slug] = m.start
    return [by_slug[s] for s in sorted(hits, key=hits.__getitem__) if s in by_slug]
