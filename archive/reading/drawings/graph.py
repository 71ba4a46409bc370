"""An agreement's relations up to two steps away, in layered columns, as plain geometry.

Columns run from the agreements the centre names (left: what it is based on, supersedes,
amends …) through the centre (middle) to those that name it (right); a second step goes one column
further out. A node reached by an edge from a node on its right sits left of it and vice versa, so
arrows point left: from the later agreement to the one it names. Stubs (known only from a
reference) are drawn dashed; parallel edges are merged, their labels stacked. :func:`layout`
computes where everything goes; the markup is ``templates/svg/graph.svg``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..labels import Words, gettext_noop
from .common import (
    INK,
    LINK,
    MUTED,
    PAD,
    PREDICATE_COLOURS,
    Frame,
    Legend,
    Link,
    Text,
    clean,
    empty_frame,
    id_prefix,
    legend,
    link,
    r1,
    safe_url,
    shorten_title,
    text_width,
    truncate,
    wrap,
)

_BOX_LINES = 4  # label lines in a box at most
_BOX_GAP = 30
_TOP = 34


@dataclass(frozen=True)
class GraphNode:
    slug: str
    label: str
    url: str = ""
    year: int | None = None
    is_stub: bool = False  # known only from a reference: no text yet


@dataclass(frozen=True)
class GraphEdge:
    """``source —predicate→ target``, read subject to object: '2024 agreement' based on '2004 agreement'."""

    source_slug: str
    target_slug: str
    predicate: str
    label: str = ""  # shown on the arrow; the predicate in words (archive.reading.labels) when empty


@dataclass(frozen=True)
class Box:
    """A node: its rectangle, year and label lines, and the link (none for the centre itself)."""

    link: Link
    x: float
    y: float
    width: float
    height: float
    centre: bool
    stub: bool
    year: Text
    lines: list[Text]


@dataclass(frozen=True)
class Arrow:
    d: str  # a cubic Bézier path
    colour: str
    marker: str  # the id of its arrow head


@dataclass(frozen=True)
class ArrowLabel:
    lines: list[Text]  # one per relation when several arrows were merged
    colour: str


@dataclass(frozen=True)
class Graph:
    frame: Frame
    heads: list[tuple[str, str]] = field(default_factory=list)  # (arrow head id, colour)
    headings: list[Text] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    labels: list[ArrowLabel] = field(default_factory=list)
    legend: Legend = field(default_factory=Legend)


def _sort_key(node: GraphNode) -> tuple:
    return (node.year if node.year is not None else 9999, clean(node.label), node.slug)


def node_phrase(node: GraphNode) -> str:
    label = clean(node.label)
    return f"{label} ({node.year})" if node.year else label


def layout(
    center: GraphNode,
    edges: Iterable[GraphEdge],
    nodes: Iterable[GraphNode],
    words: Words,
    width: int = 900,
    title: str | None = None,
    shorten: bool = True,
) -> Graph:
    """Where each box, arrow, label and legend entry goes. ``nodes`` supplies labels, years and
    links for the slugs the edges mention (an unknown slug is drawn with the slug as its label)."""
    w = words
    by_slug: dict[str, GraphNode] = {n.slug: n for n in nodes}
    by_slug[center.slug] = center
    title = clean(title or w(gettext_noop("Agreements related to {agreement}"), agreement=clean(center.label)))

    # merge edges: one arrow per (source, target), labels joined in a stable order
    merged: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for edge in edges:
        if edge.source_slug == edge.target_slug:
            continue
        label = clean(edge.label) or w.relation(edge.predicate)
        labels = merged.setdefault((edge.source_slug, edge.target_slug), [])
        if (edge.predicate, label) not in labels:
            labels.append((edge.predicate, label))
    prefix = id_prefix("graph", center, tuple(sorted(merged.items())), tuple(sorted(by_slug.items())), width)
    nothing = w(gettext_noop("No related agreements are recorded."))
    if not merged:
        return Graph(empty_frame(prefix, title, nothing))
    for slug in {s for pair in merged for s in pair}:
        by_slug.setdefault(slug, GraphNode(slug=slug, label=slug))

    # breadth-first from the centre, two steps, assigning a column (layer) to each node
    adjacency: dict[str, list[tuple[str, int]]] = {}
    for source, target in merged:
        adjacency.setdefault(source, []).append((target, -1))  # the target sits left of the source
        adjacency.setdefault(target, []).append((source, +1))
    layer: dict[str, int] = {center.slug: 0}
    frontier = [center.slug]
    for _step in (1, 2):
        following = []
        for slug in frontier:
            around = sorted(adjacency.get(slug, []), key=lambda n: (_sort_key(by_slug[n[0]]), n[1]))
            for other, direction in around:
                if other in layer:
                    continue
                layer[other] = max(-2, min(2, layer[slug] + direction))
                following.append(other)
        frontier = following
    kept = [(s, t, labels) for (s, t), labels in sorted(merged.items()) if s in layer and t in layer]
    if not kept:
        return Graph(empty_frame(prefix, title, nothing))

    # Only the columns in use: the centre is in the middle of its neighbours, not of empty space.
    low, high = min(layer.values()), max(layer.values())
    columns = high - low + 1
    widest_label = max(text_width(truncate(lb, 140, 12), 12) for *_e, labels in kept for _p, lb in labels)
    gap = min(max(widest_label + 28, 64), 150)  # room between boxes for the arrow and its label
    col_w = (width - 2 * PAD) / columns
    box_w = min(col_w - gap, 250)
    if box_w < 130:  # too many columns for the width: widen the picture rather than crush the boxes
        box_w = 130
        col_w = box_w + gap
        width = math.ceil(2 * PAD + columns * col_w)

    def node_text(node: GraphNode) -> str:
        return shorten_title(clean(node.label)) if shorten else clean(node.label)

    # one height for all boxes: the year line plus as many label lines as the longest label needs
    lines_needed = max(len(wrap(node_text(by_slug[slug]), box_w - 20, 12, _BOX_LINES)) for slug in layer)
    box_h = 30 + 14 * max(lines_needed, 1)

    # Columns are filled from the centre outwards; in each, nodes are ordered by the mean height
    # of their neighbours in the column nearer the centre (fewer crossings), then by year.
    column_nodes: dict[int, list[GraphNode]] = {}
    for slug, col in layer.items():
        column_nodes.setdefault(col, []).append(by_slug[slug])
    neighbours: dict[str, set[str]] = {}
    for source, target, _labels in kept:
        neighbours.setdefault(source, set()).add(target)
        neighbours.setdefault(target, set()).add(source)
    tallest = max(len(v) for v in column_nodes.values())
    plot_h = tallest * box_h + (tallest - 1) * _BOX_GAP
    placed: dict[str, tuple[float, float]] = {}  # slug -> (centre x, top y)
    for col in sorted(column_nodes, key=lambda c: (abs(c), c)):
        members = sorted(column_nodes[col], key=_sort_key)
        if col == 0:  # the centre in the middle of its column
            others = [m for m in members if m.slug != center.slug]
            half = len(others) // 2
            members = [*others[:half], center, *others[half:]]
        else:
            inner = col - 1 if col > 0 else col + 1

            def barycentre(node: GraphNode, inner: int = inner) -> float:
                ys = [placed[o][1] for o in sorted(neighbours.get(node.slug, ())) if layer.get(o) == inner]
                return sum(ys) / len(ys) if ys else math.inf

            members.sort(key=lambda m: (barycentre(m), _sort_key(m)))
        col_h = len(members) * box_h + (len(members) - 1) * _BOX_GAP
        y = _TOP + 22 + (plot_h - col_h) / 2
        cx = PAD + (col - low + 0.5) * col_w
        for member in members:
            placed[member.slug] = (cx, y)
            y += box_h + _BOX_GAP

    drawn_legend = legend(
        [
            ("stub", w(gettext_noop("known only from a reference (no text yet)"))),
            ("centre", w(gettext_noop("this agreement"))),
            ("arrow", w(gettext_noop("an arrow goes from the agreement that names the other; its label says how"))),
        ],
        PAD + 4,
        _TOP + 22 + plot_h + 26,
        width - 2 * PAD,
    )
    height = _TOP + 22 + plot_h + 26 + drawn_legend.height + 6

    sentences = []
    for source, target, labels in kept:
        relation = labels[0][1]
        for _p, label in labels[1:]:
            relation = w(gettext_noop("{first} and {second}"), first=relation, second=label)
        sentences.append(
            w(
                gettext_noop("{source} {relation} {target}"),
                source=node_phrase(by_slug[source]),
                relation=relation,
                target=node_phrase(by_slug[target]),
            )
        )
    if len(layer) == 2:
        head = w(gettext_noop("1 related agreement, up to two steps away."))
    else:
        head = w(gettext_noop("{count} related agreements, up to two steps away."), count=len(layer) - 1)
    desc = head + " " + ". ".join(sentences) + "."

    heads = [(f"{prefix}-arrow-{p}", c) for p, c in sorted({**PREDICATE_COLOURS, "other": MUTED}.items())]

    centre_alone = len(column_nodes[0]) == 1
    heading_words = {
        -2: w(gettext_noop("Named by those")),
        -1: w(gettext_noop("Named by this agreement")),
        0: w(gettext_noop("This agreement")) if columns > 1 and centre_alone else "",
        1: w(gettext_noop("Naming this agreement")),
        2: w(gettext_noop("Naming those")),
    }
    headings = []
    for col in range(low, high + 1):
        if heading_words.get(col):
            cx = PAD + (col - low + 0.5) * col_w
            headings.append(Text(r1(cx), _TOP, truncate(heading_words[col], col_w - 8, 12), 12, MUTED, "middle"))

    arrows, arrow_labels = _arrows(kept, placed, box_w, box_h, gap, prefix)
    boxes = [
        _box(by_slug[slug], node_text(by_slug[slug]), cx, y, box_w, box_h, slug == center.slug, w)
        for slug, (cx, y) in sorted(placed.items())
    ]
    return Graph(
        frame=Frame(width, r1(height), prefix, title, clean(desc)),
        heads=heads,
        headings=headings,
        arrows=arrows,
        boxes=boxes,
        labels=arrow_labels,
        legend=drawn_legend,
    )


def _arrows(
    kept: list[tuple[str, str, list[tuple[str, str]]]],
    placed: dict[str, tuple[float, float]],
    box_w: float,
    box_h: float,
    gap: float,
    prefix: str,
) -> tuple[list[Arrow], list[ArrowLabel]]:
    obstacles = [(cx - box_w / 2, y, cx + box_w / 2, y + box_h) for cx, y in placed.values()]
    label_boxes: list[tuple[float, float, float, float]] = []

    # Where an edge meets a box: several edges on one side of a box are spread along it,
    # in the order of the heights of their other ends, so their arrow heads do not pile up.
    def side(slug: str, other: str) -> str:
        return "right" if placed[other][0] >= placed[slug][0] else "left"

    ports: dict[tuple[str, str], list[tuple[float, str, str]]] = {}
    for source, target, _labels in kept:
        ports.setdefault((source, side(source, target)), []).append((placed[target][1], target, "out"))
        ports.setdefault((target, side(target, source)), []).append((placed[source][1], source, "in"))
    offsets: dict[tuple[str, str, str], float] = {}
    for (slug, _side), ends in ports.items():
        ends.sort()
        spacing = min(12.0, (box_h - 16) / max(len(ends) - 1, 1))
        for k, (_y, other, way) in enumerate(ends):
            offsets[(slug, other, way)] = (k - (len(ends) - 1) / 2) * spacing

    arrows, labels_out = [], []
    for source, target, labels in kept:
        predicate = labels[0][0] if labels[0][0] in PREDICATE_COLOURS else "other"
        colour = PREDICATE_COLOURS.get(predicate, MUTED)
        (sx, sy), (tx, ty) = placed[source], placed[target]
        sy += box_h / 2 + offsets[(source, target, "out")]
        ty += box_h / 2 + offsets[(target, source, "in")]
        if abs(sx - tx) < 1:  # same column: an arc out to the right
            x1 = x2 = sx + box_w / 2
            bulge = min(gap - 12, 60)
            p1, p2 = (x1, sy), (x2 + 1, ty)
            c1, c2 = (x1 + bulge, sy), (x2 + bulge, ty)
        else:
            direction = 1 if tx > sx else -1
            x1, x2 = sx + direction * box_w / 2, tx - direction * (box_w / 2 + 1)
            dx = (x2 - x1) / 2
            p1, p2 = (x1, sy), (x2, ty)
            c1, c2 = (x1 + dx, sy), (x2 - dx, ty)
        d = f"M{r1(p1[0])} {r1(p1[1])}C{r1(c1[0])} {r1(c1[1])} {r1(c2[0])} {r1(c2[1])} {r1(p2[0])} {r1(p2[1])}"
        arrows.append(Arrow(d, colour, f"{prefix}-arrow-{predicate}"))
        words = [label for _p, label in labels]
        labels_out.append(_arrow_label(words, (p1, c1, c2, p2), colour, obstacles, label_boxes, max(gap - 8, 60)))
    return arrows, labels_out


def _bezier(points: tuple, t: float) -> tuple[float, float]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    u = 1 - t
    x = u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3
    y = u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3
    return x, y


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _arrow_label(
    lines: list[str],
    curve: tuple,
    colour: str,
    obstacles: list[tuple[float, float, float, float]],
    placed: list[tuple[float, float, float, float]],
    max_width: float,
) -> ArrowLabel:
    """The label on the curve where it hits neither a box nor another label (else at the middle)."""
    lines = [truncate(line, max_width, 12) for line in lines]
    w, h = max(text_width(line, 12) for line in lines), 15 * len(lines) + 1

    def box_at(x: float, y: float) -> tuple[float, float, float, float]:
        return (x - w / 2 - 2, y - h / 2, x + w / 2 + 2, y + h / 2)

    best = None
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        x, y = _bezier(curve, t)
        if not any(_overlaps(box_at(x, y), o) for o in obstacles + placed):
            best = (x, y)
            break
    if best is None:  # nowhere free on the curve: at the middle, below any label already there
        x, y = _bezier(curve, 0.5)
        while any(_overlaps(box_at(x, y), o) for o in placed):
            y += h
        best = (x, y)
    x, y = best
    placed.append(box_at(x, y))
    first = y - h / 2 + 12
    return ArrowLabel(
        [Text(r1(x), r1(first + 15 * k), line, 12, colour, "middle") for k, line in enumerate(lines)], colour
    )


def _box(node: GraphNode, label: str, cx: float, y: float, box_w: float, box_h: float, centre: bool, w: Words) -> Box:
    x = cx - box_w / 2
    tooltip = node_phrase(node)
    if node.is_stub:
        tooltip = w(gettext_noop("{agreement} — known only from a reference; no text yet"), agreement=tooltip)
    url = "" if centre else node.url
    year = str(node.year) if node.year else w(gettext_noop("year unknown"))
    colour = INK if centre or not safe_url(node.url) else LINK
    return Box(
        link(url, tooltip),
        r1(x),
        r1(y),
        r1(box_w),
        r1(box_h),
        centre,
        node.is_stub,
        Text(r1(x + 10), r1(y + 18), year, 12, MUTED if node.is_stub else INK, bold=True),
        [
            Text(r1(x + 10), r1(y + 35 + i * 14), line, 12, colour, italic=node.is_stub)
            for i, line in enumerate(wrap(label, box_w - 20, 12, _BOX_LINES))
        ],
    )
