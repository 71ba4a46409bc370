"""Search-hit snippets computed in Python for the hits on the page shown.

``ts_headline`` cannot be used on the raw text: the index holds *analysed* lexemes
(stems made by :mod:`archive.search.analysis`), which PostgreSQL's ``simple`` config
would not find in the raw text.  :func:`snippet` re-analyses the text of a hit and marks
the words whose lexeme is among the query's positive lexemes (``CompiledQuery.lexemes``).

Bounded: stemming every word of a 400 kB article cost ~0.45 s a hit. The words that can
match are first found by a C-speed scan for each lexeme's first letters (a stem keeps the
word's beginning; the last letters may change: "happy" → "happi"), in the text lower-cased
with look-alike letters folded; only the neighbourhood of those places is tokenised and
stemmed. A snippet looks at most at ``SNIPPET_CANDIDATES`` places; a text where no
candidate shows (a fold the scan cannot see) is analysed up to ``FULL_SCAN_CAP`` characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

from archive.language import fold_lookalikes

from .analysis import stem_word
from .text import clean, tokenise

__all__ = ["highlight_spans", "snippet"]

FULL_SCAN_CAP = 30_000  # characters analysed word by word when the scan finds no candidate
SNIPPET_CANDIDATES = 200  # places a snippet verifies (the densest group is among them)
_CONTEXT = 48  # characters either side of a candidate, widened to whole words


def _matches(tokens, language: str, wanted: set[str], offset: int = 0) -> list[tuple[int, int]]:
    out = []
    for tok in tokens:
        lex = tok.text.lower() if tok.kind == "number" else stem_word(tok.text, language)
        if lex in wanted:
            out.append((tok.start + offset, tok.end + offset))
    return out


def _scan_pattern(wanted: set[str]) -> re.Pattern[str] | None:
    parts = set()
    for lex in wanted:
        digits = re.match(r"\d+", lex)
        if digits:
            parts.add(r"(?<!\d)" + re.escape(digits.group()))
        elif lex:
            parts.add(r"(?<!\w)" + re.escape(lex[: max(3, len(lex) - 2)]))
    if not parts:
        return None
    return re.compile("|".join(sorted(parts, key=lambda w: (-len(w), w))))


def highlight_spans(
    text: str, language: str, lexemes: Iterable[str], *, limit: int | None = None
) -> list[tuple[int, int]]:
    """(start, end) offsets in ``clean(text)`` of the words matching *lexemes*; with
    ``limit``, only among the first ``limit`` candidate places (enough for a snippet)."""
    wanted = set(lexemes)
    if not wanted or not text:
        return []
    low = fold_lookalikes(text).lower().replace("ё", "е")
    pattern = _scan_pattern(wanted)
    if pattern is None or len(low) != len(text):
        return _matches(tokenise(text[:FULL_SCAN_CAP]), language, wanted)
    found: set[tuple[int, int]] = set()
    window_end = -1
    for n, m in enumerate(pattern.finditer(low)):
        if limit is not None and n >= limit:
            break
        if m.start() < window_end:
            continue  # inside the neighbourhood already analysed
        start = text.rfind(" ", 0, max(0, m.start() - _CONTEXT)) + 1
        end = text.find(" ", m.end() + _CONTEXT)
        end = len(text) if end == -1 else end
        found.update(_matches(tokenise(text[start:end]), language, wanted, start))
        window_end = end - _CONTEXT  # a later candidate this close is inside the window
    if not found and pattern.search(low) is None:
        return _matches(tokenise(text[:FULL_SCAN_CAP]), language, wanted)
    return sorted(found)


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
