"""Server-drawn inline SVG: a country pair's timeline, an agreement's relation graph, the pair matrix.

The geometry is plain Python (:mod:`.timeline`, :mod:`.graph`, :mod:`.matrix`: dataclasses of
numbers and words, testable without templates); the markup is ``templates/svg/*.svg``, rendered by
Django's template engine here. The words are the interface language's: ``translate`` and
``language`` default to Django's active ones, and the labels are :mod:`archive.reading.labels`'.

The pictures need no JavaScript, no web font and no stylesheet: every colour and size is an
attribute, the only font is ``font-family="sans-serif"``. Each ``<svg>`` has ``role="img"`` and
``aria-labelledby`` pointing at its ``<title>`` (a name) and ``<desc>`` (the whole content as
sentences, for screen readers). Because ``role="img"`` makes its children presentational for
assistive technology, the desc carries everything the drawing shows; the links inside (``<a href>``,
each with its own ``<title>`` tooltip) serve pointer and keyboard users, and the page lists the
same agreements as HTML too.

All text is cleaned of the characters XML forbids (:func:`archive.formats.xml_text`) by the
geometry and escaped by the template engine; URLs other than relative, http and https ones are
dropped. Output is deterministic: the same input gives the same bytes (ids are derived from a hash
of the input, so two pictures on one page do not share ids). Colours are chosen for contrast on
white (text at least 4.5:1, bars, arrows and markers at least 4:1), and a status is never told by
colour alone (end markers differ in shape, the legend names them; matrix cells print their count).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ..labels import Translate, Words
from . import graph, matrix, timeline
from .common import GRID, INK, LINK, MUTED, SHADES, STATUS_COLOURS, shorten_title, text_width
from .graph import GraphEdge, GraphNode
from .timeline import NARROW_WIDTH, TimelineItem

__all__ = [
    "NARROW_WIDTH",
    "SHADES",
    "GraphEdge",
    "GraphNode",
    "TimelineItem",
    "pair_matrix_svg",
    "relation_graph_svg",
    "shorten_title",
    "text_width",
    "timeline_svg",
]

_PALETTE = {"ink": INK, "muted": MUTED, "link": LINK, "grid": GRID}


def _words(translate: Translate | None, language: str | None) -> Words:
    """The caller's words, else the interface language's."""
    if translate is None or language is None:
        from django.utils.translation import get_language, gettext

        translate = translate or gettext
        language = language or get_language() or "en"
    return Words(translate, language)


def _render(template: str, drawing: object) -> SafeString:
    return render_to_string(
        f"svg/{template}", {"d": drawing, "frame": drawing.frame, "c": _PALETTE, "colours": STATUS_COLOURS}
    )


def timeline_svg(
    items: Sequence[TimelineItem],
    width: int = 900,
    today: dt.date | None = None,
    title: str | None = None,
    shorten: bool = True,
    translate: Translate | None = None,
    language: str | None = None,
) -> SafeString:
    """A pair's timeline (:func:`.timeline.layout`); ``width=NARROW_WIDTH`` for a phone.

    A pair may have hundreds of agreements, and the template engine takes about half a
    millisecond a row: in the interface language (no ``translate`` given), the drawing is kept in
    the cache for the day, under a hash of everything it is drawn from.
    """
    words = _words(translate, language)
    today = today or dt.date.today()
    if translate is not None:
        return _render("timeline.svg", timeline.layout(items, words, width, today, title, shorten))
    from django.core.cache import cache

    inputs = repr((tuple(items), width, today, title, shorten, words.language))
    key = "drawing:timeline:" + hashlib.sha256(inputs.encode("utf-8", "surrogatepass")).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = str(_render("timeline.svg", timeline.layout(items, words, width, today, title, shorten)))
        cache.set(key, svg, 24 * 3600)
    return mark_safe(svg)  # rendered by the template engine, which escaped every value


def relation_graph_svg(
    center: GraphNode,
    edges: Iterable[GraphEdge],
    nodes: Iterable[GraphNode] = (),
    width: int = 900,
    title: str | None = None,
    shorten: bool = True,
    translate: Translate | None = None,
    language: str | None = None,
) -> SafeString:
    """The agreements related to ``center``, up to two steps away (:func:`.graph.layout`)."""
    drawing = graph.layout(center, edges, nodes, _words(translate, language), width, title, shorten)
    return _render("graph.svg", drawing)


def pair_matrix_svg(
    countries: Sequence[tuple[str, str]],
    counts: dict[tuple[str, str], int],
    url_for_pair: Callable[[str, str], str],
    title: str | None = None,
    translate: Translate | None = None,
    language: str | None = None,
) -> SafeString:
    """Agreements by country pair (:func:`.matrix.layout`), each cell linking to its pair page."""
    return _render("matrix.svg", matrix.layout(countries, counts, url_for_pair, _words(translate, language), title))
