"""Search-hit snippets computed in Python for the hits on the page shown.

``ts_headline`` cannot be used on the raw text: the index holds *analysed* lexemes
(stems made by :mod:`archive.search.analysis`), which PostgreSQL's ``simple`` config
would not find in the raw text.  :func:`snippet` re-analyses only the text of a hit,
word by word, and marks the words whose lexeme is among the query's positive lexemes
(``CompiledQuery.lexemes``).  Cost: linear in the text; run it for ~20 hits per page.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .analysis import stem_word
from .text import clean, tokenise

__all__ = ["highlight_spans", "snippet"]


def highlight_spans(text: str, language: str, lexemes: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) offsets in ``clean(text)`` of the words matching *lexemes*."""
    wanted = set(lexemes)
    if not wanted or not text:
        return []
    out = []
    for tok in tokenise(text):
        lex = tok.text.lower() if tok.kind == "number" else stem_word(tok.text, language)
        if lex in wanted:
            out.append((tok.start, tok.end))
    return out


def snippet(
    text: str,
    language: str,
    lexemes: Iterable[str],
    *,
    width: int = 240,
    mark: tuple[str, str] = ("<mark>", "</mark>"),
) -> str:
    """An HTML-escaped excerpt of about *width* characters around the densest group of
    matches, matches wrapped in *mark*; the text's beginning if nothing matches."""
    text = clean(text or "")
    text = " ".join(text.split())
    spans = highlight_spans(text, language, lexemes)
    if not spans:
        cut = text[:width]
        return escape(cut) + ("…" if len(text) > width else "")
    # window start maximising the number of matches inside [start, start+width)
    best_i, best_n, j = 0, 0, 0
    for i, (s, _e) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= s + width:
            j += 1
        if j - i > best_n:
            best_i, best_n = i, j - i
    start = max(0, spans[best_i][0] - width // 6)
    if start:
        sp = text.rfind(" ", 0, start)
        start = sp + 1 if sp != -1 and start - sp < 30 else start
    end = min(len(text), start + width)
    if end < len(text):
        sp = text.find(" ", end)
        end = sp if sp != -1 and sp - end < 30 else end
    out = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        out.append(escape(text[pos:s]))
        out.append(mark[0] + escape(text[s:e]) + mark[1])
        pos = e
    out.append(escape(text[pos:end]))
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")
