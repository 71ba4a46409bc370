"""Web-search query syntax → a small AST → a PostgreSQL tsquery string.

Syntax (parsed once by :func:`parse_query`, which never raises)::

    military intelligence          two terms, both required (AND)
    "әскери барлау"                a phrase (also «…», “…”, „…“)
    treaty OR agreement            either (OR in upper case, or |, between terms/phrases)
    -memorandum  -"exchange of notes"   exclusions
    қарым-қатынас                  a hyphenated word is a phrase of its parts
    27-ФЗ  1363-Ա  752             numbers and act numbers are matched exactly

Stray punctuation is ignored, an unbalanced quote is dropped (its words become plain
terms), control characters are removed, at most :data:`MAX_CHARS` characters and
:data:`MAX_TERMS` words are processed (``Query.truncated`` tells).

:func:`compile_query` turns the AST into a string for ``to_tsquery('simple', %s)`` matched
against vectors built with :func:`archive.search.analysis.analyse_for_index`:

* each word is analysed with every plausible analyser for its script — Cyrillic: kk and ru;
  Latin: en, az and the Latin→Kazakh transliteration (``askeri`` → ``әскери``); Armenian:
  hy — and the distinct lexemes are ORed;
* a phrase is a ``<->`` chain of lexemes, per analyser;
* a run of terms naming a thesaurus concept (``военная разведка``) is ORed with the
  concept's labels in all five languages, each analysed with its own analyser, as phrases;
* exclusions become ``!``; a query with no positive term is empty (``tsquery is None``).

Every lexeme is made of letters and digits only and is emitted single-quoted (a ``'``
would be doubled), so no tsquery operator (``& | ! <-> ( ) :``) can come from user input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import thesaurus
from .analysis import SCRIPT_LANGUAGES, analyse
from .text import NUMBER_SIGN_RE, act_number_key, clean, script_of, tokenise
from .translit import latin_to_kazakh

__all__ = [
    "MAX_CHARS",
    "MAX_TERMS",
    "CompiledQuery",
    "Group",
    "Phrase",
    "Query",
    "Term",
    "compile_query",
    "parse_query",
    "quote_lexeme",
    "search",
]

MAX_CHARS = 256
MAX_TERMS = 32
#: longest run of query words tried as one thesaurus term
MAX_CONCEPT_SPAN = 6
#: transliteration candidates tried for a Latin word
TRANSLIT_CANDIDATES = 2


# ----------------------------------------------------------------------------- AST
@dataclass(frozen=True)
class Term:
    """One word (or number) as typed, punctuation removed."""

    text: str


@dataclass(frozen=True)
class Phrase:
    """Words that must appear consecutively."""

    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


Item = Term | Phrase


@dataclass(frozen=True)
class Group:
    """Alternatives joined by OR (a single item when the user wrote no OR)."""

    items: tuple[Item, ...]


@dataclass(frozen=True)
class Query:
    groups: tuple[Group, ...] = ()
    excluded: tuple[Item, ...] = ()
    truncated: bool = False
    raw: str = ""

    @property
    def is_empty(self) -> bool:
        """True when nothing positive is searched for (exclusions alone do not count)."""
        return not self.groups

    def words(self) -> list[str]:
        out: list[str] = []
        for g in self.groups:
            for it in g.items:
                out.extend(it.words if isinstance(it, Phrase) else (it.text,))
        return out


# ----------------------------------------------------------------------------- parsing
_OPEN_QUOTES = {'"': '"', "«": "»", "“": "”", "„": "“", "”": "”", "‟": "”", "＂": "＂"}
_SPACE_RE = re.compile(r"\s+")
# "№ 752", "N 527", "No. 527", "Nr. 12", "N° 3": the sign before an act number is not a word to find
_NUMBER_SIGN_RE = NUMBER_SIGN_RE


def _words_of(chunk: str) -> list[str]:
    return [t.text for t in tokenise(chunk)]


def parse_query(q: str) -> Query:
    """Parse web-search syntax into a :class:`Query`.  Never raises."""
    try:
        return _parse(q)
    except Exception:  # pragma: no cover - belt and braces: a query must never crash a page
        return Query(raw=str(q)[:MAX_CHARS] if q is not None else "")


def _parse(q: str) -> Query:
    if not isinstance(q, str):
        q = "" if q is None else str(q)
    truncated = False
    if len(q) > 4 * MAX_CHARS:  # do not even clean megabytes
        q = q[: 4 * MAX_CHARS]
        truncated = True
    text = clean(q)
    text = _NUMBER_SIGN_RE.sub("", _SPACE_RE.sub(" ", text)).strip()
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        truncated = True

    # 1. lexical scan: ("item", negated, Item) | ("or",)
    tokens: list[tuple] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            i += 1
            continue
        negated = False
        if ch == "-" and i + 1 < n and text[i + 1] != " ":
            negated = True
            i += 1
            ch = text[i]
        if ch in _OPEN_QUOTES:
            close = _OPEN_QUOTES[ch]
            j = text.find(close, i + 1)
            if j == -1 and close != '"':
                j = text.find('"', i + 1)
            if j == -1:  # unbalanced: drop the quote, read on as plain words
                i += 1
                continue
            words = _words_of(text[i + 1 : j])
            if words:
                item: Item = Phrase(tuple(words)) if len(words) > 1 else Term(words[0])
                tokens.append(("item", negated, item))
            i = j + 1
            continue
        j = i
        while j < n and text[j] != " " and text[j] not in _OPEN_QUOTES:
            j += 1
        chunk = text[i:j]
        i = j
        if chunk in ("OR", "|", "||") and not negated:
            tokens.append(("or",))
            continue
        words = _words_of(chunk)
        if not words:
            continue
        item = Phrase(tuple(words)) if len(words) > 1 else Term(words[0])
        tokens.append(("item", negated, item))

    # 2. caps on the number of words
    kept: list[tuple] = []
    count = 0
    for tok in tokens:
        if tok[0] == "item":
            item = tok[2]
            k = len(item.words) if isinstance(item, Phrase) else 1
            if count + k > MAX_TERMS:
                truncated = True
                room = MAX_TERMS - count
                if room >= 1 and isinstance(item, Phrase):
                    words = item.words[:room]
                    item = Phrase(words) if len(words) > 1 else Term(words[0])
                    kept.append(("item", tok[1], item))
                    count = MAX_TERMS
                break
            count += k
        kept.append(tok)

    # 3. groups: items joined by OR; exclusions apart
    groups: list[list[Item]] = []
    excluded: list[Item] = []
    pending_or = False
    for tok in kept:
        if tok[0] == "or":
            pending_or = bool(groups)
            continue
        _, negated, item = tok
        if negated:
            excluded.append(item)
            pending_or = False
            continue
        if pending_or and groups:
            if item not in groups[-1]:
                groups[-1].append(item)
        else:
            groups.append([item])
        pending_or = False
    return Query(
        groups=tuple(Group(tuple(g)) for g in groups),
        excluded=tuple(dict.fromkeys(excluded)),
        truncated=truncated,
        raw=text,
    )


# ----------------------------------------------------------------------------- compiling
@dataclass
class CompiledQuery:
    """The result of :func:`compile_query`.

    ``tsquery`` is for ``to_tsquery('simple', %s)`` (None when the query is empty);
    ``matched_concepts`` are thesaurus slugs the query named; ``highlight_terms`` are the
    words to show as matched; ``lexemes`` are all positive lexemes (for snippets, see
    :mod:`archive.search.snippets`).
    """

    tsquery: str | None
    matched_concepts: list[str] = field(default_factory=list)
    highlight_terms: list[str] = field(default_factory=list)
    lexemes: frozenset[str] = frozenset()
    truncated: bool = False
    query: Query | None = None
    # the exclusions alone ("!a & !b"), for what matches through a topic rather than words
    negative_tsquery: str | None = None
    # the same query with every phrase's words joined by ``&`` instead of ``<->`` and the
    # excluded phrases left out: it matches a superset, and the GIN index answers it without
    # reading a stored vector (positions are needed for phrases only). None: no phrase.
    relaxed_tsquery: str | None = None
    # every positive lexeme joined by ``|``: what ranks an agreement that has only some of
    # them (archive.search.engine's first stage)
    rank_tsquery: str | None = None

    @property
    def is_empty(self) -> bool:
        return self.tsquery is None


def quote_lexeme(lexeme: str) -> str | None:
    """``'lexeme'`` for a tsquery; anything but letters and digits is removed (an
    analyser never emits more), a ``'`` would be doubled.  None if nothing is left."""
    lex = "".join(ch for ch in lexeme if ch.isalnum())
    if not lex:
        return None
    return "'" + lex.replace("'", "''") + "'"


def _script_of_text(s: str) -> str | None:
    for ch in s:
        sc = script_of(ch)
        if sc == "cyrillic":
            return sc
    for ch in s:
        sc = script_of(ch)
        if sc:
            return sc
    return None


def _languages_for(text: str, languages: Sequence[str] | None) -> list[str]:
    script = _script_of_text(text)
    if script is None:
        return ["en"]
    langs = list(SCRIPT_LANGUAGES.get(script, ("en",)))
    if languages:
        restricted = [lang for lang in langs if lang in languages]
        langs = restricted or langs
    return langs


def _readings(text: str, languages: Sequence[str] | None) -> list[tuple[str, tuple[str, ...]]]:
    """Distinct (language, lexemes) analyses of a word or phrase."""
    out: list[tuple[str, tuple[str, ...]]] = []
    seen: set[tuple[str, ...]] = set()

    def add(lang: str, lex: list[str]) -> None:
        t = tuple(lex)
        if t and t not in seen:
            seen.add(t)
            out.append((lang, t))

    toks = tokenise(clean(text))
    if toks and all(t.kind == "number" for t in toks):
        add("number", [t.text.lower() for t in toks])  # numbers are matched exactly
        return out
    if len(toks) == 2 and toks[0].kind == "number" and toks[1].kind == "word" and len(toks[1].text) <= 4:
        # "1363-ա" typed in lower case is the act number 1363-Ա (one lexeme) or "1363" + ending
        add("number", [act_number_key(toks[0].text + toks[1].text)])
    for lang in _languages_for(text, languages):
        add(lang, analyse(text, lang))
    if _script_of_text(text) == "latin" and (not languages or "kk" in languages):
        for cand in latin_to_kazakh(text)[:TRANSLIT_CANDIDATES]:
            add("kk", analyse(cand, "kk"))
    return out


def _seq(lexemes: Sequence[str], joiner: str = " <-> ") -> str | None:
    quoted = [q for q in (quote_lexeme(lex) for lex in lexemes) if q]
    if not quoted:
        return None
    if len(quoted) == 1:
        return quoted[0]
    return "(" + joiner.join(quoted) + ")"


def _or(parts: Sequence[str]) -> str | None:
    parts = list(dict.fromkeys(p for p in parts if p))
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return "(" + " | ".join(parts) + ")"


def _and(parts: Sequence[str]) -> str | None:
    parts = list(dict.fromkeys(p for p in parts if p))
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return "(" + " & ".join(parts) + ")"


def _item_text(item: Item) -> str:
    return item.text


def compile_query(query: Query | str, languages: Sequence[str] | None = None) -> CompiledQuery:
    """Compile a parsed query (or a raw string) into a tsquery string and explanations.

    *languages* optionally restricts the analysers tried (e.g. the language facet). The
    exact form (phrases as ``<->``) and the relaxed one (phrases as ``&``) are built side by
    side from the same readings, so the two never disagree on anything but adjacency.
    """
    if isinstance(query, str):
        query = parse_query(query)
    lexemes: set[str] = set()
    highlight: list[str] = []
    modes = (" <-> ", " & ")  # exact, relaxed
    phrases = False

    def readings(item: Item) -> list[tuple[str, tuple[str, ...]]]:
        return _readings(_item_text(item), languages)

    def alternatives(lexeme_lists: Sequence[Sequence[str]]) -> tuple[str | None, str | None]:
        nonlocal phrases
        phrases |= any(len(lex) > 1 for lex in lexeme_lists)
        return tuple(_or([e for lex in lexeme_lists if (e := _seq(lex, joiner))]) for joiner in modes)

    # positive groups, with thesaurus expansion over runs of single-item groups
    group_exprs: list[tuple[str | None, str | None]] = []
    for g in query.groups:
        per_item = [alternatives([lex for _lang, lex in readings(it)]) for it in g.items]
        group_exprs.append(tuple(_or([e[m] for e in per_item if e[m]]) for m in range(2)))
        for it in g.items:
            highlight.extend(it.words if isinstance(it, Phrase) else (it.text,))
            for _lang, lex in readings(it):
                lexemes.update(lex)

    matched: list[str] = []
    spans = _concept_spans(query.groups, languages)
    out_parts: tuple[list[str], list[str]] = ([], [])
    i = 0
    while i < len(query.groups):
        span = spans.get(i)
        if span:
            j, slugs = span
            label_lexemes = []
            for slug in slugs:
                if slug not in matched:
                    matched.append(slug)
                for _lang, lex in thesaurus.label_lexemes(slug):
                    label_lexemes.append(lex)
                    lexemes.update(lex)
            labels = alternatives(label_lexemes)
            for m in range(2):
                original = _and([e[m] for e in group_exprs[i:j] if e[m]])
                expr = _or([original or "", labels[m] or ""])
                if expr:
                    out_parts[m].append(expr)
            i = j
            continue
        for m in range(2):
            if group_exprs[i][m]:
                out_parts[m].append(group_exprs[i][m])
        i += 1

    positive, relaxed_positive = _and(out_parts[0]), _and(out_parts[1])
    if positive is None:
        return CompiledQuery(None, truncated=query.truncated, query=query)
    has_phrase = phrases
    # An exclusion excludes what its expansions match too: "trade -trade" finds nothing, and
    # an agreement filed under an excluded concept is not found through that topic.
    negative_lexemes = [lex for it in query.excluded for _lang, lex in readings(it)]
    excluded_concepts: list[str] = []
    for it in query.excluded:
        for lang, lex in readings(it):
            excluded_concepts += [s for s in thesaurus.concepts_for_lexemes(lex, lang) if s not in excluded_concepts]
    for slug in excluded_concepts:
        negative_lexemes += [lex for _lang, lex in thesaurus.label_lexemes(slug)]
    negatives = list(dict.fromkeys(e for lex in negative_lexemes if (e := _seq(lex))))
    # relaxed: an excluded phrase cannot be relaxed (not "a & b" is stricter than not "a <-> b")
    relaxed_negatives = list(dict.fromkeys(e for lex in negative_lexemes if len(lex) == 1 and (e := _seq(lex))))
    has_phrase |= any(len(lex) > 1 for lex in negative_lexemes)
    matched = [slug for slug in matched if slug not in excluded_concepts]
    negative_tsquery = " & ".join("!" + e for e in negatives) or None
    tsq = f"{positive} & {negative_tsquery}" if negative_tsquery else positive
    relaxed = None
    if has_phrase:
        relaxed_negative = " & ".join("!" + e for e in relaxed_negatives)
        relaxed = f"{relaxed_positive} & {relaxed_negative}" if relaxed_negative else relaxed_positive
    quoted = sorted(q for q in (quote_lexeme(lex) for lex in lexemes) if q)
    return CompiledQuery(
        tsquery=tsq,
        negative_tsquery=negative_tsquery,
        relaxed_tsquery=relaxed,
        rank_tsquery=" | ".join(quoted) or None,
        matched_concepts=matched,
        highlight_terms=list(dict.fromkeys(w.lower() for w in highlight)),
        lexemes=frozenset(lexemes),
        truncated=query.truncated,
        query=query,
    )


def _concept_spans(groups: Sequence[Group], languages: Sequence[str] | None) -> dict[int, tuple[int, list[str]]]:
    """{start group: (end group, slugs)} for runs of single-item groups naming a concept,
    longest first, left to right."""
    spans: dict[int, tuple[int, list[str]]] = {}
    n = len(groups)
    i = 0
    while i < n:
        found = False
        for j in range(min(n, i + MAX_CONCEPT_SPAN), i, -1):
            if any(len(g.items) != 1 for g in groups[i:j]):
                continue
            text = " ".join(_item_text(g.items[0]) for g in groups[i:j])
            slugs: list[str] = []
            for lang, lex in _readings(text, None):
                for s in thesaurus.concepts_for_lexemes(lex, lang):
                    if s not in slugs:
                        slugs.append(s)
            if slugs:
                spans[i] = (j, slugs)
                i = j
                found = True
                break
        if not found:
            i += 1
    return spans


def search(q: str, languages: Sequence[str] | None = None) -> CompiledQuery:
    """``compile_query(parse_query(q))`` — the one call a view needs."""
    return compile_query(parse_query(q), languages)
