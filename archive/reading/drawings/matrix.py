"""A grid of country pairs, each cell the number of agreements between the two, as plain geometry.

The matrix is symmetric, the diagonal blank; each cell with agreements prints its count (the shade
is never the only sign) and links to the pair page. :func:`layout` computes where everything goes;
the markup is ``templates/svg/matrix.svg``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..labels import Words, gettext_noop
from .common import (
    INK,
    MUTED,
    PAD,
    SHADES,
    WHITE_TEXT_FROM,
    Frame,
    Link,
    Text,
    clean,
    empty_frame,
    id_prefix,
    link,
    r1,
    text_width,
    truncate,
)

CELL = 38


@dataclass(frozen=True)
class ColumnHead:
    x: float
    y: float
    code: str
    name: str  # its tooltip


@dataclass(frozen=True)
class Cell:
    """``kind``: ``diagonal``, ``empty`` (no agreement) or ``count`` (with ``link``, ``count`` and ``fill``)."""

    kind: str
    x: float
    y: float
    fill: str = "#ffffff"
    count: Text | None = None
    link: Link | None = None


@dataclass(frozen=True)
class Matrix:
    frame: Frame
    size: int = CELL
    heads: list[ColumnHead] = field(default_factory=list)
    row_labels: list[Text] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    fewer: Text | None = None
    swatches: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, colour
    more: Text | None = None


def shade(count: int, maximum: int) -> int:
    """0-4: the shade of a count, linear up to five agreements, logarithmic beyond."""
    if maximum <= len(SHADES):
        return min(count, len(SHADES)) - 1
    return min(len(SHADES) - 1, int((len(SHADES) - 1) * math.log(count) / math.log(maximum) + 0.5))


def layout(
    countries: Sequence[tuple[str, str]],
    counts: dict[tuple[str, str], int],
    url_for_pair: Callable[[str, str], str],
    words: Words,
    title: str | None = None,
) -> Matrix:
    """``countries`` are (ISO code, name) in display order; ``counts`` may key a pair either way
    round (given both ways, the larger count is used). ``url_for_pair`` is called with the two
    codes in alphabetical order, so both cells of a pair link to the same page."""
    w = words
    title = clean(title or w(gettext_noop("Agreements by country pair")))
    seen: set[str] = set()
    rows: list[tuple[str, str]] = []
    for code, name in countries:
        if code not in seen:
            seen.add(code)
            rows.append((code, clean(name) or clean(code)))
    pair_counts: dict[tuple[str, str], int] = {}
    for (a, b), n in counts.items():
        if a == b or not n or n < 0:
            continue
        key = (min(a, b), max(a, b))
        pair_counts[key] = max(pair_counts.get(key, 0), int(n))
    visible = {k: v for k, v in pair_counts.items() if k[0] in seen and k[1] in seen}
    prefix = id_prefix("pairs", tuple(rows), tuple(sorted(visible.items())), title)
    if len(rows) < 2 or not visible:
        return Matrix(empty_frame(prefix, title, w(gettext_noop("No agreements between these countries yet."))))

    names = dict(rows)
    label_w = min(max(text_width(f"{name} ({clean(code)})", 12) for code, name in rows) + 16, 240)
    grid_x0, grid_y0 = PAD + label_w, 34
    n = len(rows)
    maximum = max(visible.values())
    legend_y = grid_y0 + n * CELL + 26
    width = max(grid_x0 + n * CELL + PAD, 360)

    ordered = sorted(visible.items(), key=lambda kv: (-kv[1], names[kv[0][0]], names[kv[0][1]]))
    desc = (
        w(gettext_noop("Number of agreements for each pair of {count} countries."), count=n)
        + " "
        + "; ".join(f"{names[a]}–{names[b]}: {count}" for (a, b), count in ordered)
        + "."
    )
    heads = [
        ColumnHead(r1(grid_x0 + (j + 0.5) * CELL), grid_y0 - 10, clean(code), name)
        for j, (code, name) in enumerate(rows)
    ]
    row_labels, cells = [], []
    for i, (code, name) in enumerate(rows):
        y = grid_y0 + i * CELL
        label = truncate(f"{name} ({clean(code)})", label_w - 12, 12)
        row_labels.append(Text(r1(grid_x0 - 8), r1(y + CELL / 2 + 4), label, 12, INK, "end"))
        for j, (other, _other_name) in enumerate(rows):
            x = r1(grid_x0 + j * CELL)
            if i == j:
                cells.append(Cell("diagonal", x, r1(y), "#e6e9ed"))
                continue
            a, b = min(code, other), max(code, other)
            count = visible.get((a, b), 0)
            if not count:
                cells.append(Cell("empty", x, r1(y)))
                continue
            level = shade(count, maximum)
            pair = f"{names[a]}–{names[b]}"
            if count == 1:
                tooltip = w(gettext_noop("{pair}: 1 agreement"), pair=pair)
            else:
                tooltip = w(gettext_noop("{pair}: {count} agreements"), pair=pair, count=count)
            number = Text(
                r1(x + CELL / 2),
                r1(y + CELL / 2 + 4.5),
                str(count),
                13,
                "#ffffff" if level >= WHITE_TEXT_FROM else INK,
                "middle",
                bold=True,
            )
            cells.append(Cell("count", x, r1(y), SHADES[level], number, link(url_for_pair(a, b), tooltip)))

    # legend: the shades in use, fewest to most
    fewer = w(gettext_noop("fewer"))
    x = PAD + text_width(fewer, 12) + 8
    used = shade(maximum, maximum) + 1
    swatches = [(r1(x + level * 20), legend_y - 7, colour) for level, colour in enumerate(SHADES[:used])]
    more = w(gettext_noop("more (up to {count})"), count=maximum)
    return Matrix(
        frame=Frame(width, legend_y + 22, prefix, title, clean(desc)),
        heads=heads,
        row_labels=row_labels,
        cells=cells,
        fewer=Text(PAD, legend_y + 4, fewer, 12, MUTED),
        swatches=swatches,
        more=Text(r1(x + used * 20 + 8), legend_y + 4, more, 12, MUTED),
    )
