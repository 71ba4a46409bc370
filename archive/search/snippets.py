"""Search-hit snippets computed in Python for the hits on the page shown.

``ts_headline`` cannot be used on the raw text: the index holds *analysed* lexemes
(stems made by :mod:`archive.search.analysis`), which PostgreSQL's ``simple`` config
would not find in the raw text.  :func:`snippet` re-analyses the text of a hit and marks
the words whose lexeme is among the query's positive lexemes (``CompiledQuery.lexemes``).

Bounded: stemming every word of a 400 kB article cost ~0.45 s a hit. The words that can
match are first found by a C-speed scan for each lexeme's first letters (a stem keeps the
word's beginning; the last letters may change: "happy" → "happi"), in the text lower-cased
with look-alike letters folded; only the neighbourhood of those places is tokenised and
stemmed: the one token starting at each of those places (the candidate is a whole token's
beginning), so a hit costs a C-speed scan and one stemmed word per candidate — and once per
query and language for a run of letters that recurs (the same words recur in every hit of a
page: 30 % of a page's snippet time, measured on the bench mix's hits). A snippet looks
at most at ``SNIPPET_CANDIDATES`` places; a text where no candidate shows (a fold the scan
cannot see) is analysed up to ``FULL_SCAN_CAP`` characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

from archive.language import fold_lookalikes
from archive.language.profiles import trie_regex

from .analysis import stem_word
from .text import MAX_TOKEN_LENGTH, clean, tokenise

__all__ = ["highlight_spans", "snippet"]

FULL_SCAN_CAP = 30_000  # characters analysed word by word when the scan finds no candidate
SCAN_CHUNK = 20_000  # characters lower-cased and scanned at a time
SNIPPET_CANDIDATES = 200  # places a snippet verifies (the densest group is among them)
_TOKEN_SPAN = MAX_TOKEN_LENGTH + 8  # characters read at a candidate: its token (a number's suffix included)


def _matches(tokens, language: str, wanted: set[str], offset: int = 0) -> list[tuple[int, int]]:
    out = []
    for tok in tokens:
        lex = tok.text.lower() if tok.kind == "number" else stem_word(tok.text, language)
        if lex in wanted:
            out.append((tok.start + offset, tok.end + offset))
    return out


@functools.lru_cache(maxsize=256)  # the same query's lexemes for every hit of a page
def _scan_pattern(wanted: frozenset[str]) -> re.Pattern[str] | None:
    """Where a word matching one of ``wanted`` can start: a number's digits, or a stem's first
    letters, as one prefix trie (a plain alternation of 50 expansions scanned 15 times slower)."""
    digits, words = set(), set()
    for lex in wanted:
        number = re.match(r"\d+", lex)
        if number:
            digits.add(number.group())
        elif lex:
            words.add(lex[: max(3, len(lex) - 2)])
    # a prefix that another one starts already adds no place
    words = {w for w in words if not any(w != v and w.startswith(v) for v in words)}
    # no look-behind in the pattern: a pattern that starts with its letters is scanned for its
    # first letters at C speed (with "(?<!\w)" first, every position was tried: twice as slow);
    # what a candidate follows is checked on the match (_starts_a_token)
    parts = []
    if digits:
        parts.append(f"(?P<d>{trie_regex(digits)})")
    if words:
        parts.append(f"(?P<w>{trie_regex(words)})")
    return re.compile("|".join(parts)) if parts else None


def _candidates(pattern: re.Pattern[str], low: str):
    """The matches of ``pattern`` in ``low`` that start a token, as ``finditer`` with the
    look-behind would find them (after a match that starts no token, the search goes on from
    its next character, not from its end)."""
    m = pattern.search(low)
    while m is not None:
        if _starts_a_token(low, m):
            yield m
            m = pattern.search(low, m.end())
        else:
            m = pattern.search(low, m.start() + 1)


def _starts_a_token(low: str, m: re.Match[str]) -> bool:
    """A number's digits follow no digit; a word's letters follow no letter, digit or "_"."""
    start = m.start()
    if not start:
        return True
    before = low[start - 1]
    return not before.isdecimal() if m.lastgroup == "d" else not (before.isalnum() or before == "_")


def _chunks(text: str):
    """(offset, chunk) pieces of about SCAN_CHUNK characters, cut at spaces (a word is never
    cut: the scan's "no letter before" and the look-alike folding see whole words)."""
    pos, n = 0, len(text)
    while pos < n:
        end = text.find(" ", pos + SCAN_CHUNK)
        end = n if end == -1 else end
        yield pos, text[pos:end]
        pos = end


def _run(text: str, start: int) -> str:
    run = text[start : start + _TOKEN_SPAN]
    space = run.find(" ")
    return run if space == -1 else run[:space]


def _run_token(run: str):
    tokens = tokenise(run)
    return tokens[0] if tokens and tokens[0].start == 0 else None


#: how many runs a query's memo keeps (the same words recur in every hit of a page)
RUN_MEMO = 4096


@functools.lru_cache(maxsize=64)
def _run_memo(wanted: frozenset[str], language: str) -> dict[str, tuple[int, int] | None]:
    """{run: the (start, end) of its matching token, or None} for one query and language."""
    return {}


def _run_match(run: str, language: str, wanted: frozenset[str]) -> tuple[int, int] | None:
    """Where the token a run starts with matches ``wanted`` (offsets in the run), or None:
    tokenised and stemmed once per query, language and run."""
    memo = _run_memo(wanted, language)
    if run in memo:
        return memo[run]
    token = _run_token(run)
    spans = _matches((token,), language, wanted) if token is not None else []
    found = spans[0] if spans else None
    if len(memo) < RUN_MEMO:
        memo[run] = found
    return found


def highlight_spans(
    text: str, language: str, lexemes: Iterable[str], *, limit: int | None = None
) -> list[tuple[int, int]]:
    """(start, end) offsets in ``clean(text)`` of the words matching *lexemes*; with
    ``limit``, only among the first ``limit`` candidate places (enough for a snippet): the
    text is scanned a chunk at a time, and not beyond the chunk where the limit is reached."""
    wanted = set(lexemes)
    if not wanted or not text:
        return []
    frozen = frozenset(wanted)
    pattern = _scan_pattern(frozen)
    if pattern is None:
        return _matches(tokenise(text[:FULL_SCAN_CAP]), language, wanted)
    found: list[tuple[int, int]] = []
    candidates = 0
    for offset, chunk in _chunks(text):
        low = fold_lookalikes(chunk).lower().replace("ё", "е")
        if len(low) != len(chunk):  # a fold that changes lengths: this chunk word by word
            found += _matches(tokenise(chunk[:FULL_SCAN_CAP]), language, wanted, offset)
            candidates += 1
            continue
        for m in _candidates(pattern, low):
            if limit is not None and candidates >= limit:
                return sorted(set(found))
            candidates += 1
            # the candidate starts a token (the scan asks for no letter or digit before it):
            # only that token is analysed
            span = _run_match(_run(chunk, m.start()), language, frozen)
            if span is not None:
                at = offset + m.start()
                found.append((at + span[0], at + span[1]))
    if not candidates:  # nothing the scan can see (a fold it does not know): the text's beginning
        return _matches(tokenise(text[:FULL_SCAN_CAP]), language, wanted)
    return sorted(set(found))


def snippet(
    text: str,
    language: str,
    lexemes: Iterable[str],
    *,
    width: int = 240,
    mark: tuple[str, str] = ("<mark>", "</mark>"),
) -> SafeString:
    """An HTML-escaped excerpt of about *width* characters around the densest group of
    matches, matches wrapped in *mark*; the text's beginning if nothing matches. Safe HTML:
    every template renders it as is (the text in it is escaped here, once)."""
    text = clean(text or "")
    text = " ".join(text.split())
    spans = highlight_spans(text, language, lexemes, limit=SNIPPET_CANDIDATES)
    if not spans:
        cut = text[:width]
        return mark_safe(escape(cut) + ("…" if len(text) > width else ""))
    # window start maximising the number of matches inside [start, start+width)
    best_i, best_n, j = 0, 0, 0
    for i, (s, _e) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= s + width:
            j += 1
        if j - i > best_n:
            best_i, best_n = i, j - i
    start = max(0, spans[best_i][0] - width // 6)
    # on a word boundary within 30 characters; the text's beginning and end are boundaries too
    # (no "…rd00" where the match is in the first words, no "wor…" where it is in the last)
    if start:
        sp = text.rfind(" ", 0, start)
        start = sp + 1 if start - sp < 30 else start
    end = min(len(text), start + width)
    if end < len(text):
        sp = text.find(" ", end)
        sp = len(text) if sp == -1 else sp
        end = sp if sp - end < 30 else end
    out = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        out.append(escape(text[pos:s]))
        out.append(mark[0] + escape(text[s:e]) + mark[1])
        pos = e
    out.append(escape(text[pos:end]))
    return mark_safe(("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else ""))
