"""Checks on what the parser would store, independent of the rules that produced it.

``stub_title_problem`` judges a cited agreement's name the way a cataloguer would (not
with the parser's own citation test): a stub is created from every reference the linker
cannot resolve, so a sentence fragment here would become a junk record.
"""

from __future__ import annotations

import re

from archive.ingest.patterns import KIND_ANY
from archive.language.countries import find_countries

__all__ = ["stub_title_problem"]

_MARKUP = re.compile(r"<[a-z/!]|#{2,}|\*\*|https?://|\|", re.I)
# words a title never ends on (it would go on in the sentence): English, Russian, Dutch, French …
_DANGLING = re.compile(
    r"(?:^|\s)(?:as|and|or|of|the|in|for|to|by|with|on|at|is|are|be|which|that|и|в|с|по|о|для|или|"
    r"en|van|de|het|der|te|et|du|des|la|le|und|von|mit|y|del)$",
    re.I,
)
_VERB_AFTER_HEAD = re.compile(
    r"\b(?:agreement|treaty|convention|protocol)s?\s+(?:is|are|was|were|shall|will|has|have|may|and\s+for|it)\b", re.I
)


def stub_title_problem(title: str | None) -> str | None:
    """Why ``title`` cannot name a stub (None: it reads as an agreement's name)."""
    t = (title or "").strip(" «»\"“”„'")
    if not t:
        return "no title"
    if t.startswith("["):
        return "a supplied title, not a citation"
    if len(t) < 8:
        return "too short"
    if len(t) > 500:
        return "too long"
    if _MARKUP.search(t):
        return "markup"
    if t[0].islower() and not re.match(r"[^\W\d_]+\s", t):
        return "starts mid-word"
    if not KIND_ANY.search(t):
        return "no treaty word"
    if _VERB_AFTER_HEAD.search(t):
        return "a sentence, not a name"
    if re.search(r"[.;!?]\s+\S", t):
        return "more than one sentence"
    if _DANGLING.search(t):
        return "cut off mid-sentence"
    if t.endswith("…") or t.endswith("..."):
        return "cut off"
    rest = _STOP.sub(" ", KIND_ANY.sub(" ", t))
    if not re.search(r"[^\W\d_]{3,}", rest) and not find_countries(t):
        return "only a kind word"  # "the Convention of 6 November 1982", "Agreement between them"
    return None


# words that name nothing on their own, beside a kind word
_STOP = re.compile(
    r"(?<![\w-])(?:between|them|the|of|and|this|that|these|those|said|present|aforementioned|same|"
    r"between\s+the\s+parties|parties|contracting|sides|its|their|new|первоначальн\w*|настоящ\w*|"
    r"указанн\w*|вышеуказанн\w*|между|ними|сторон\w*|тараптар\w*|осы|аталған)(?![\w-])",
    re.I,
)
