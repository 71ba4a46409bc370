"""An agreement's text as a reader sees it: articles headed as the text heads them, chapters
as their own headings, a permalink for every paragraph (``#art-5-2``), references to the
agreement's own articles and to the agreements the linker resolved as links, and the words
of a ``?q=`` search marked.

Plain Python (no HTTP, no queries): the view hands in articles and relations it has read.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.ingest.patterns import kind_matches
from archive.language import profile, profiles
from archive.language.caseless import caseless
from archive.language.profiles import phrase_pattern
from archive.search.snippets import highlight_spans
from archive.search.text import clean

__all__ = [
    "Link",
    "Paragraph",
    "Part",
    "article_label",
    "article_references",
    "contents_label",
    "markup",
    "paragraphs",
    "split_chapter",
]

# an article number in a reference: 5, 12bis, 12-1, 1.1, IV
_NUM = r"(?P<num{k}>\d{1,4}(?:\.\d{1,3}(?!\d))?(?:\s?(?:bis|ter|quater)\b|[a-h](?![\w-]))?|[IVXLC]{1,7}(?![\w-]))"
_WINDOW = 80  # characters either side in which a named other instrument takes the reference


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    href: str
    title: str = ""
    css: str = "xref"


@dataclass
class Paragraph:
    anchor: str
    html: SafeString
    hits: int = 0


@dataclass
class Part:
    """One article (or the preamble / final clauses) ready for the template."""

    anchor: str
    label: str = ""
    heading: str = ""
    chapter_title: str = ""
    chapter_note: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    contents: str = ""

    @property
    def hits(self) -> int:
        return sum(p.hits for p in self.paragraphs)


def article_label(number: str, label: str, language: str) -> str:
    """The heading as the text writes it; for texts stored before labels were kept, the
    first article template of the text's language ("{n}-бап" -> "5-бап")."""
    if label:
        return label
    prof = profile(language) if language in profiles() else None
    templates = prof.words("article") if prof else []
    return templates[0].replace("{n}", number) if templates else number


def contents_label(label: str, heading: str, body: str, words: int = 8) -> str:
    """What the contents list shows: the label and the heading; a part without a heading by
    its first words, not by its number alone."""
    if heading:
        return f"{label}. {heading}" if label else heading
    first = " ".join(body.split()[:words])
    if len(body.split()) > words:
        first += " …"
    return f"{label}. {first}" if label and first else (label or first)


def split_chapter(chapter: str) -> tuple[str, str]:
    """A stored chapter ("HOOFDSTUK I\\nINLEIDING\\nTreedt in werking …") as its title (the
    heading line, with the next line when the heading is bare: "HOOFDSTUK I — INLEIDING") and
    a note (what follows)."""
    lines = [line.strip() for line in chapter.split("\n") if line.strip()]
    if not lines:
        return "", ""
    title, rest = lines[0], lines[1:]
    if rest and re.search(r"[\dIVXLC]\s*[.:]?$", title) and len(rest[0]) <= 120:
        title = f"{title.rstrip('.:')} — {rest[0]}"
        rest = rest[1:]
    return title, "\n".join(rest)


@functools.cache
def _reference_pattern(language: str) -> re.Pattern[str] | None:
    prof = profile(language) if language in profiles() else None
    entries = prof.words("article_references") if prof else []
    if not entries:
        return None
    alternatives = []
    for k, entry in enumerate(sorted(entries, key=lambda e: (-len(e), e))):
        head, _, tail = entry.partition("{n}")
        parts = []
        if head.strip():
            parts.append(_words_regex(head.strip()) + r"\s*")
        parts.append(_NUM.replace("{k}", str(k)))
        if tail.strip():
            parts.append(r"\s?" + _words_regex(tail.strip()))
        lead = r"(?<![\w-])" if head.strip() else r"(?<![\w.-])"
        alternatives.append(lead + "".join(parts))
    more = prof.words("and") if prof else []
    # "Articles 5 and 6", "статьями 3, 4 и 7": further numbers after the first
    joiner = r"(?:\s*(?:,|" + "|".join(re.escape(w) for w in more) + r")\s+|\s*,\s*)" if more else r"\s*,\s*"
    return caseless(f"(?:{'|'.join(alternatives)})(?P<more>(?:{joiner}\\d{{1,4}}(?![\\w-]))*)")


def _words_regex(words: str) -> str:
    out = []
    for w in words.split():
        stem = w.endswith("*")
        piece = re.escape(w.rstrip("*")).replace(r"\-", "[-‐]")
        out.append(piece + (r"[^\W\d_]*" if stem else ""))
    return r"\s+".join(out)


@functools.cache
def _self_reference(language: str) -> re.Pattern[str]:
    prof = profile(language) if language in profiles() else None
    return phrase_pattern(prof.words("self_reference") if prof else [])


def _names_other_instrument(text: str, start: int, end: int, language: str) -> bool:
    """True when the instrument named next to a reference is another one ("Article 31 of the
    Vienna Convention", "1990 жылғы Конвенцияның 8-бабы"), not this agreement ("Article 5 of
    this Agreement", "осы Келісімнің 8-бабы"). Where the language puts the owner after the
    article (en, ru, fr …) the nearest kind word after it counts, else the nearest before it;
    the window stops at clause punctuation."""
    prof = profile(language) if language in profiles() else None
    if prof is not None and prof.head == "last":
        lo = max(0, start - _WINDOW)
        lo = max(lo, max(text.rfind(c, lo, start) for c in ",;.:()") + 1)
        found = kind_matches(text[lo:start])
        if not found:
            return False
        k_start = lo + found[-1][0]
    else:
        hi = min(len(text), end + _WINDOW)
        stops = [i for i in (text.find(c, end, hi) for c in ",;.:()") if i != -1]
        hi = min(stops) if stops else hi
        found = kind_matches(text[end:hi])
        if not found:
            return False
        k_start = end + found[0][0]
    return not _self_reference(language).search(text[max(0, k_start - 30) : k_start])


def article_references(text: str, language: str, numbers: Iterable[str]) -> list[tuple[int, int, str]]:
    """``(start, end, number)`` of every reference in ``text`` to one of this agreement's
    articles (``numbers``), in text order; a list ("Articles 5 and 6") gives one per number."""
    rx = _reference_pattern(language)
    known = {n.lower(): n for n in numbers}
    if rx is None or not known:
        return []
    out: list[tuple[int, int, str]] = []
    for m in rx.finditer(text):
        if _names_other_instrument(text, m.start(), m.end(), language):
            continue
        group = next(g for g, v in m.groupdict().items() if g.startswith("num") and v is not None)
        first = re.sub(r"\s+", "", m.group(group)).lower()
        if first in known:
            out.append((m.start(), m.end(group) if m.group("more") else m.end(), known[first]))
        if m.group("more"):
            for extra in re.finditer(r"\d{1,4}", m.group("more")):
                if extra.group().lower() in known:
                    s = m.start("more") + extra.start()
                    out.append((s, s + len(extra.group()), known[extra.group().lower()]))
    return out


def markup(text: str, links: Sequence[Link] = (), marks: Sequence[tuple[int, int]] = ()) -> SafeString:
    """``text`` escaped, with ``links`` as <a> and ``marks`` as <mark>; overlapping links are
    dropped (the first wins), a mark crossing a link's edge is split at it."""
    kept: list[Link] = []
    for link in sorted(links, key=lambda x: (x.start, -x.end)):
        if link.start < link.end and (not kept or link.start >= kept[-1].end):
            kept.append(link)
    cuts = {0, len(text)}
    for link in kept:
        cuts.update((link.start, link.end))
    for s, e in marks:
        cuts.update((s, e))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    li = 0
    for a, b in itertools.pairwise(points):
        if a == b:
            continue
        while li < len(kept) and kept[li].end <= a:
            li += 1
        link = kept[li] if li < len(kept) and kept[li].start <= a < kept[li].end else None
        piece = escape(text[a:b])
        if any(s <= a and b <= e for s, e in marks):
            piece = f'<mark class="hit">{piece}</mark>'
        if link is not None:
            title = f' title="{escape(link.title)}"' if link.title else ""
            piece = f'<a class="{link.css}" href="{escape(link.href)}"{title}>{piece}</a>'
        out.append(piece)
    # adjacent pieces of one link are merged for tidier markup
    html = "".join(out)
    html = re.sub(r"</a><a class=\"[^\"]*\" href=\"[^\"]*\"(?: title=\"[^\"]*\")?>", "", html)
    return mark_safe(html)  # every piece of text went through escape()


def paragraphs(
    body: str,
    anchor: str,
    language: str,
    *,
    numbers: Iterable[str] = (),
    prefix: str = "",
    lexemes: Iterable[str] = (),
    quotes: Sequence[tuple[str, str, str]] = (),
) -> list[Paragraph]:
    """``body`` as paragraphs (one per line) with anchors ``<anchor>-1``, ``<anchor>-2`` …,
    references to the articles ``numbers`` linked to ``#<prefix>art-N``, ``quotes``
    (text, href, title: passages citing another agreement) linked to it, ``lexemes`` marked."""
    numbers = list(numbers)
    lexemes = list(lexemes)
    out: list[Paragraph] = []
    lines = [line for line in clean(body).split("\n") if line.strip()]
    for i, line in enumerate(lines, start=1):
        links = [
            Link(s, e, f"#{prefix}art-{n}", css="xref")
            for s, e, n in article_references(line, language, numbers)
            if f"{prefix}art-{n}" != anchor
        ]
        for quote, href, title in quotes:
            at = _find_quote(line, quote)
            if at is not None:
                links.append(Link(at[0], at[1], href, title, css="xref-agreement"))
        marks = highlight_spans(line, language, lexemes) if lexemes else []
        out.append(Paragraph(f"{anchor}-{i}", markup(line, links, marks), len(marks)))
    return out


def _find_quote(line: str, quote: str) -> tuple[int, int] | None:
    quote = " ".join(quote.split())
    if len(quote) < 20:
        return None
    head = quote[:60]
    at = line.find(head)
    if at == -1:
        return None
    return at, min(len(line), at + len(quote))


def text_parts(
    text, *, prefix: str = "", lexemes: Iterable[str] = (), quotes: dict[str, list[tuple[str, str, str]]] | None = None
) -> dict:
    """A stored Text (its articles read already) as the parts the agreement page shows:
    ``preamble`` and ``final`` (Parts or None) and ``articles`` (a list of Parts). ``quotes``
    maps an article number ("" for the preamble) to passages to link to other agreements."""
    quotes = quotes or {}
    language = text.language
    articles = list(text.articles.all())
    numbers = [a.number for a in articles]
    lexemes = list(lexemes)

    def part(anchor: str, body: str, key: str | None = None) -> Part:
        return Part(
            anchor=f"{prefix}{anchor}",
            paragraphs=paragraphs(
                body,
                f"{prefix}{anchor}",
                language,
                numbers=numbers,
                prefix=prefix,
                lexemes=lexemes,
                quotes=quotes.get(key, []) if key is not None else [],
            ),
        )

    parts = []
    for article in articles:
        p = part(article.anchor, article.body, article.number)
        p.label = article_label(article.number, article.label, language)
        p.heading = article.heading
        p.chapter_title, p.chapter_note = split_chapter(article.chapter)
        p.contents = contents_label(p.label, article.heading, article.body)
        parts.append(p)
    preamble = part("preamble", text.preamble, "") if text.preamble.strip() else None
    final = part("final", text.final_clauses) if text.final_clauses.strip() else None
    return {
        "preamble": preamble,
        "articles": parts,
        "final": final,
        "hits": sum(p.hits for p in parts) + sum(p.hits for p in (preamble, final) if p is not None),
    }
