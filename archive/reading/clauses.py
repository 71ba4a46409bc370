"""Which clause an article is: entry into force, termination, dispute settlement …

A small rule-based, multilingual classifier over an article's heading and its sentences. The
vocabulary is data (``archive/language/data/clauses.json``): for each language and clause type,

- ``heading`` cues, looked for in the article's own heading ("Entry into force", "Дауларды шешу");
- ``opening`` cues, looked for in its first sentence, only when the heading names no clause type
  (headingless treaties: "Осы Келісімде мынадай ұғымдар пайдаланылады: …" is a definitions article);
- ``sentence`` cues, phrases strong enough to mark a clause in any sentence ("shall enter into
  force", "мерзімге жасалады"): a final article often holds entry into force, term and amendment
  at once, so an article may carry several clause types;
- ``unless`` cues, which cancel an opening or sentence cue found in the same sentence
  ("amendments … shall enter into force in accordance with Article 12" is the amendment clause).

Only the cues of the text's own language are read (all languages when it is not known), so a
Dutch status note inside an English text does not count. Matching uses the language profiles'
phrase syntax and the fast case-insensitive patterns (:mod:`archive.language.caseless`); Latin
look-alike letters in Cyrillic words are folded first (``Үкiметi``).

:func:`classify` returns the clause types with the evidence for each (which cue matched where);
it is pure Python and fast enough to run at read time (no stored field). Labels are English
templates marked for translation; the caller passes a ``gettext``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from archive.language.profiles import data_file, phrase_pattern
from archive.language.scripts import fold_lookalikes

__all__ = [
    "CLAUSE_TYPES",
    "Classification",
    "Evidence",
    "classify",
    "clause_label",
    "clause_labels",
]


def gettext_noop(message: str) -> str:
    return message


_LABELS = {
    "definitions": gettext_noop("Definitions"),
    "purpose": gettext_noop("Purpose and scope"),
    "competent_authorities": gettext_noop("Competent authorities"),
    "confidentiality": gettext_noop("Confidentiality"),
    "costs": gettext_noop("Costs"),
    "dispute_settlement": gettext_noop("Dispute settlement"),
    "relation_to_other_treaties": gettext_noop("Relation to other treaties"),
    "amendment": gettext_noop("Amendment"),
    "entry_into_force": gettext_noop("Entry into force"),
    "termination": gettext_noop("Term and termination"),
    "languages": gettext_noop("Languages"),
}


@functools.cache
def _data() -> dict:
    return data_file("clauses.json")


CLAUSE_TYPES: tuple[str, ...] = tuple(_data()["types"])
assert set(CLAUSE_TYPES) == set(_LABELS), "clauses.json and the labels name the same clause types"

Translate = Callable[[str], str]


def clause_label(code: str, translate: Translate | None = None) -> str:
    """The clause type's name in the interface language (``translate`` is a gettext)."""
    label = _LABELS.get(code, code)
    return translate(label) if translate else label


def clause_labels(translate: Translate | None = None) -> list[tuple[str, str]]:
    """Every clause type with its label, in the order of ``clauses.json``."""
    return [(code, clause_label(code, translate)) for code in CLAUSE_TYPES]


@dataclass(frozen=True)
class Evidence:
    clause: str
    where: str  # "heading", "opening" or "sentence"
    cue: str  # the words that matched, as written in the article


@dataclass(frozen=True)
class Classification:
    clauses: tuple[str, ...]  # every clause type found, the most telling first
    evidence: tuple[Evidence, ...]

    @property
    def clause(self) -> str | None:
        """The main clause type (the heading's, else the first found), or None."""
        return self.clauses[0] if self.clauses else None

    def evidence_for(self, clause: str) -> Evidence | None:
        return next((e for e in self.evidence if e.clause == clause), None)


_FIELDS = ("heading", "opening", "sentence", "unless")


def _languages(language: str | None) -> tuple[str, ...]:
    known = _data()["languages"]
    code = (language or "").lower()[:2]
    return (code,) if code in known else tuple(sorted(known))


@functools.cache
def _pattern(languages: tuple[str, ...], clause: str, field: str):
    phrases: list[str] = []
    for code in languages:
        phrases += _data()["languages"][code].get(clause, {}).get(field, [])
    return phrase_pattern(phrases) if phrases else None


@functools.cache
def _sentence_pattern(languages: tuple[str, ...]):
    """Every clause type's sentence cues in one pattern, a named group per type: one scan of the text."""
    from archive.language.caseless import caseless

    groups = []
    for clause in CLAUSE_TYPES:
        pattern = _pattern(languages, clause, "sentence")
        if pattern is not None:
            groups.append(f"(?P<{clause}>{pattern.pattern})")
    return caseless("|".join(groups)) if groups else None


_MARKUP = re.compile(r"[*#_`]+")
_SPACE = re.compile(r"\s+")
# a sentence ends at . ; ! ? or the Armenian full stop, before white space; the colon too
# ("… ұғымдар пайдаланылады: …" opens a list, and the opening ends there)
_SENTENCE_END = re.compile(r"(?<=[.;!?։:])\s+")
_ENUMERATOR = re.compile(r"^(?:\(?\d{1,3}\)?[.)]*|\(?[a-zа-я]\)|[IVXLC]{1,6}\.)\s*")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", _MARKUP.sub(" ", fold_lookalikes(text or ""))).strip()


def _sentence_spans(body: str) -> list[tuple[int, int]]:
    """Where each sentence of ``body`` starts and ends."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(body):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(body)))
    return spans


def _first_sentence(body: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        piece = _ENUMERATOR.sub("", body[start:end].strip()).strip()
        if len(piece) > 2:  # "1." alone is a paragraph number, not a sentence
            return piece
    return ""


def classify(heading: str | None, text: str, language: str | None = None) -> Classification:
    """The clause types of an article, from its heading and its sentences, with the evidence.
    About a millisecond for an article of a thousand characters; the last few thousand answers
    are kept, so a page shown again costs nothing."""
    return _classify(heading or "", text or "", (language or "").lower()[:2] or None)


@functools.lru_cache(maxsize=4096)
def _classify(heading: str, text: str, language: str | None) -> Classification:
    langs = _languages(language)
    found: dict[str, Evidence] = {}

    def add(clause: str, where: str, match) -> None:
        found.setdefault(clause, Evidence(clause, where, match.group(0)))

    head = _clean(heading or "")
    if head:
        hits = []
        for clause in CLAUSE_TYPES:
            pattern = _pattern(langs, clause, "heading")
            m = pattern.search(head) if pattern else None
            if m:
                hits.append((m.start(), clause, m))
        for _pos, clause, m in sorted(hits, key=lambda h: h[0]):
            add(clause, "heading", m)

    body = _clean(text)[:20_000]
    spans = _sentence_spans(body)
    starts = [start for start, _end in spans]

    def cancelled(clause: str, sentence: str) -> bool:
        unless = _pattern(langs, clause, "unless")
        return bool(unless and unless.search(sentence))

    first = _first_sentence(body, spans)[:600]
    if not found and first:
        hits = []
        for clause in CLAUSE_TYPES:
            pattern = _pattern(langs, clause, "opening")
            m = pattern.search(first) if pattern else None
            if m and not cancelled(clause, first):
                hits.append((m.start(), clause, m))
        for _pos, clause, m in sorted(hits, key=lambda h: h[0]):
            add(clause, "opening", m)

    # sentence cues: one pass over the whole text, each match judged by its own sentence
    hits = []
    combined = _sentence_pattern(langs)
    wanted = {c for c in CLAUSE_TYPES if c not in found and _pattern(langs, c, "sentence") is not None}
    for m in combined.finditer(body) if combined is not None and wanted else ():
        clause = m.lastgroup
        if clause not in wanted:
            continue
        start, end = spans[bisect.bisect_right(starts, m.start()) - 1]
        if not cancelled(clause, body[start:end]):
            hits.append((m.start(), clause, m))
            wanted.discard(clause)
            if not wanted:
                break
    for _pos, clause, m in sorted(hits, key=lambda h: h[0]):
        add(clause, "sentence", m)

    evidence = tuple(found.values())
    return Classification(tuple(e.clause for e in evidence), evidence)
