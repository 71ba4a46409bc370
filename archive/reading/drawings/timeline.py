"""A country pair's timeline: one row per agreement on a shared axis of years, as plain geometry.

A ring marks signature; a bar runs from entry into force (or signature) to the end — a diamond if
superseded, a cross if terminated, a cap if expired — or to today with an arrow head if still in
force; a dashed line means signed but not (known to be) in force. Agreements with no date are
listed under "Date unknown". :func:`layout` computes where everything goes; the markup is
``templates/svg/timeline.svg``.

Two layouts: ``width=900`` for a desktop, and a narrow one (``NARROW_WIDTH``) for a phone, drawn
at its own size (no scaling down) so its smallest text is 12 px: there the labels wrap onto two
lines and the years are fewer.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..labels import Words, gettext_noop
from .common import (
    INK,
    LINK,
    MUTED,
    PAD,
    STATUS_COLOURS,
    ZEBRA,
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
    shorten_title,
    text_width,
    wrap,
)

NARROW_WIDTH = 340
ENDED_CODES = ("expired", "terminated", "superseded")

# "<how it ended> <date>" and "<status>, date not recorded": whole phrases (the word may change form)
_ENDED_ON = {
    "expired": gettext_noop("expired {date}"),
    "terminated": gettext_noop("terminated {date}"),
    "superseded": gettext_noop("superseded {date}"),
}
_DATE_NOT_RECORDED = {
    "expired": gettext_noop("expired, date not recorded"),
    "terminated": gettext_noop("terminated, date not recorded"),
    "superseded": gettext_noop("superseded, date not recorded"),
}

_LABEL_SIZE = 13
_SMALL = 12
_LINE = 15  # baseline to baseline
_UNDATED_ROW_H = 24


@dataclass(frozen=True)
class TimelineItem:
    """One agreement on a pair's timeline."""

    slug: str
    label: str
    url: str = ""
    signed: dt.date | None = None
    in_force: dt.date | None = None
    ended: dt.date | None = None
    end_reason: str | None = None  # 'superseded', 'terminated' or 'expired'
    status_code: str = "unknown"


@dataclass(frozen=True)
class Marker:
    """A shape centred on (x, y): ``signature`` (ring), ``superseded`` (diamond), ``terminated``
    (cross), ``expired`` (end cap), ``open`` (arrow head: still in force), ``unknown_end`` ("?")."""

    kind: str
    x: float
    y: float
    colour: str

    @property
    def d(self) -> str:
        x, y = self.x, self.y
        if self.kind == "superseded":
            return f"M{r1(x)} {r1(y - 8)}L{r1(x + 8)} {r1(y)}L{r1(x)} {r1(y + 8)}L{r1(x - 8)} {r1(y)}Z"
        if self.kind == "terminated":
            return f"M{r1(x - 6)} {r1(y - 6)}L{r1(x + 6)} {r1(y + 6)}M{r1(x + 6)} {r1(y - 6)}L{r1(x - 6)} {r1(y + 6)}"
        if self.kind == "open":
            return f"M{r1(x)} {r1(y - 7)}L{r1(x + 10)} {r1(y)}L{r1(x)} {r1(y + 7)}Z"
        return ""

    @property
    def cap_x(self) -> float:  # the expired cap's rectangle, and the "?" of an end not recorded
        return r1(self.x - 1.5) if self.kind == "expired" else r1(self.x + 4)

    @property
    def cap_y(self) -> float:
        return r1(self.y - 8) if self.kind == "expired" else r1(self.y + 4.5)


@dataclass(frozen=True)
class Bar:
    """The period: ``solid`` (in force), ``outline`` (ended on a date not recorded) or ``dashed`` (signed only)."""

    style: str
    x: float
    y: float  # its centre line
    width: float
    colour: str

    @property
    def top(self) -> float:
        return r1(self.y - 5)

    @property
    def x2(self) -> float:
        return r1(self.x + self.width)


@dataclass(frozen=True)
class Row:
    link: Link
    top: float
    height: float
    background: str  # the zebra stripe, or white: also the halo that keeps lines off the text
    labels: list[Text]
    summary: Text | None = None
    bar: Bar | None = None
    markers: list[Marker] = field(default_factory=list)
    status: Text | None = None  # undated rows: the status in words


@dataclass(frozen=True)
class Tick:
    x: float
    year: int
    major: bool  # a gridline and the year; else a short tick


@dataclass(frozen=True)
class Timeline:
    frame: Frame
    rows: list[Row] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    axis: tuple[float, float] = (0, 0)  # x from, x to (at y=32)
    grid_bottom: float = 0
    today: Text | None = None
    today_line: tuple[float, float] = (0, 0)  # x, bottom y
    undated_heading: Text | None = None
    undated: list[Row] = field(default_factory=list)
    legend: Legend = field(default_factory=Legend)

    @property
    def stripe_x(self) -> float:
        return PAD / 2

    @property
    def stripe_width(self) -> float:
        return r1(self.frame.width - PAD)


def _start(item: TimelineItem) -> dt.date | None:
    return item.in_force or item.signed


def _was_ended(item: TimelineItem) -> bool:
    return item.status_code in ENDED_CODES or item.end_reason in ENDED_CODES


def span_text(item: TimelineItem, w: Words) -> str:
    """'1996–2006', 'in force since 2006', 'signed 2024' — a row's summary."""
    start = _start(item)
    if item.ended and start:
        return f"{start.year}–{item.ended.year}" if item.ended.year != start.year else str(start.year)
    if item.status_code == "in_force" and start:
        if item.in_force:
            return w(gettext_noop("in force since {year}"), year=item.in_force.year)
        return w(gettext_noop("signed {year}, in force"), year=start.year)
    if (
        item.signed
        and item.status_code in ("signed", "ratified", "provisional", "draft", "unknown")
        and not item.in_force
    ):
        return w(gettext_noop("signed {year}"), year=item.signed.year)
    if start and item.status_code in ENDED_CODES:
        return f"{start.year}–?"
    return str(start.year) if start else ""


def item_sentence(item: TimelineItem, w: Words) -> str:
    """'<title>: signed 1 March 2004, in force from 20 July 2004, still in force' (tooltips and the desc)."""
    parts = []
    if item.signed:
        parts.append(w(gettext_noop("signed {date}"), date=w.date(item.signed)))
    if item.in_force:
        parts.append(w(gettext_noop("in force from {date}"), date=w.date(item.in_force)))
    if item.ended:
        if item.end_reason in _ENDED_ON:
            parts.append(w(_ENDED_ON[item.end_reason], date=w.date(item.ended)))
        elif item.end_reason:  # not one of ours: as given
            parts.append(f"{item.end_reason} {w.date(item.ended)}")
        else:
            parts.append(w(gettext_noop("ended {date}"), date=w.date(item.ended)))
    elif item.status_code in ENDED_CODES:
        parts.append(w(_DATE_NOT_RECORDED[item.status_code]))
    elif item.status_code == "in_force":
        parts.append(w(gettext_noop("still in force")))
    elif item.status_code != "unknown" and w.status(item.status_code):
        parts.append(w.status(item.status_code))
    if not parts:
        parts.append(w(gettext_noop("dates not recorded")))
    return f"{clean(item.label)}: {', '.join(parts)}"


def year_step(span_years: int, plot_width: float) -> int:
    """Years between labelled ticks: the smallest round step whose labels (46 px each) fit."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if math.ceil(span_years / step) * 46 <= plot_width:
            return step
    return 1000


def _legend_entries(w: Words) -> list[tuple[str, str]]:
    return [
        ("signature", w(gettext_noop("signed"))),
        ("in_force", w(gettext_noop("in force"))),
        ("open", w(gettext_noop("still in force"))),
        ("dashed", w(gettext_noop("signed, not in force"))),
        ("superseded", w(gettext_noop("superseded"))),
        ("terminated", w(gettext_noop("terminated"))),
        ("expired", w(gettext_noop("expired"))),
    ]


def _sort_key(item: TimelineItem) -> tuple:
    start = item.signed or item.in_force or item.ended
    return (start or dt.date.max, item.in_force or dt.date.max, clean(item.label), item.slug)


def layout(
    items: Sequence[TimelineItem],
    words: Words,
    width: int = 900,
    today: dt.date | None = None,
    title: str | None = None,
    shorten: bool = True,
) -> Timeline:
    """Where each row, bar, marker, tick and legend entry goes. ``shorten`` drops the parties from
    the labels shown (:func:`~archive.reading.drawings.common.shorten_title`); tooltips keep the
    full label. A width under 600 wraps labels onto two lines."""
    w = words
    title = clean(title or w(gettext_noop("Timeline of agreements")))
    today = today or dt.date.today()
    prefix = id_prefix("timeline", tuple(items), width, today, title)
    if not items:
        return Timeline(empty_frame(prefix, title, w(gettext_noop("No agreements to show on a timeline."))))
    narrow = width < 600
    label_lines = 2 if narrow else 1
    small = _SMALL

    dated = sorted((i for i in items if i.signed or i.in_force or i.ended), key=_sort_key)
    undated = sorted((i for i in items if not (i.signed or i.in_force or i.ended)), key=_sort_key)

    plot_x0, plot_x1 = PAD + 14, width - PAD - 16
    plot_w = plot_x1 - plot_x0
    years = [d.year for i in dated for d in (i.signed, i.in_force, i.ended) if d]
    ongoing = any(not i.ended for i in dated)
    first_year = min(years) if years else today.year
    last_year = max([*years, today.year] if ongoing else years) if years else today.year
    step = year_step(last_year + 1 - first_year, plot_w)
    axis_start = first_year - first_year % step
    axis_end = last_year + 1
    axis_end += (-(axis_end - axis_start)) % step
    if axis_end == axis_start:
        axis_end += step
    t0 = dt.date(axis_start, 1, 1).toordinal()
    t1 = dt.date(axis_end, 1, 1).toordinal()

    def x_of(day: dt.date) -> float:
        return plot_x0 + (day.toordinal() - t0) / (t1 - t0) * plot_w

    def label_of(item: TimelineItem) -> str:
        return shorten_title(clean(item.label)) if shorten else clean(item.label)

    top = 40 if dated else 0
    rows: list[Row] = []
    y = float(top)
    for index, item in enumerate(dated):
        background = ZEBRA if index % 2 == 0 else "#ffffff"
        row = _row(item, y, width, x_of, today, label_of(item), background, w, label_lines)
        rows.append(row)
        y += row.height
    rows_end = y

    ticks: list[Tick] = []
    today_text, today_line = None, (0.0, 0.0)
    if dated:
        for year in range(axis_start, axis_end + 1):
            x = r1(x_of(dt.date(year, 1, 1)))
            if (year - axis_start) % step == 0:
                ticks.append(Tick(x, year, True))
            elif plot_w / (axis_end - axis_start) >= 4:  # minor tick for each year when there is room
                ticks.append(Tick(x, year, False))
        tx = x_of(today)
        if plot_x0 <= tx <= plot_x1:
            label_x = min(max(tx, plot_x0 + 20), plot_x1 - 20)
            size = small if narrow else 11
            today_text = Text(r1(label_x), r1(rows_end + 16), w(gettext_noop("today")), size, MUTED, "middle")
            today_line = (r1(tx), r1(rows_end + 4))

    y = rows_end + (22 if dated else 4)
    heading, undated_rows = None, []
    if undated:
        heading = Text(PAD, r1(y + 14), w(gettext_noop("Date unknown")), small, MUTED, bold=True)
        row_y = y + 22
        for item in undated:
            row = _undated_row(item, row_y, width, label_of(item), w, label_lines)
            undated_rows.append(row)
            row_y += row.height
        y = row_y + 8
    drawn_legend = Legend()
    if dated:  # the legend explains the bars and markers: none without dated rows
        drawn_legend = legend(_legend_entries(w), PAD + 4, y + 14, width - 2 * PAD)
    height = y + drawn_legend.height + (12 if dated else 0)

    if dated and len(items) == 1:
        head = w(gettext_noop("1 agreement from {first} to {last}"), first=first_year, last=last_year)
    elif dated:
        head = w(
            gettext_noop("{count} agreements from {first} to {last}"),
            count=len(items),
            first=first_year,
            last=last_year,
        )
    elif len(items) == 1:
        head = w(gettext_noop("1 agreement"))
    else:
        head = w(gettext_noop("{count} agreements"), count=len(items))
    desc = head + ". " + ". ".join(item_sentence(i, w) for i in [*dated, *undated]) + "."
    return Timeline(
        frame=Frame(width, r1(height), prefix, title, clean(desc)),
        rows=rows,
        ticks=ticks,
        axis=(r1(plot_x0), r1(plot_x1)),
        grid_bottom=r1(rows_end),
        today=today_text,
        today_line=today_line,
        undated_heading=heading,
        undated=undated_rows,
        legend=drawn_legend,
    )


def _label_and_summary(
    label: str, summary: str, y: float, width: float, max_lines: int, colour: str, indent: float = 0
) -> tuple[list[Text], Text | None, float]:
    """The label's lines and the summary at the right of the last one, or on a line of its own
    below when it does not fit there; returns them and the last baseline."""
    summary_w = text_width(summary, _SMALL) + 14 if summary else 0
    full = width - 2 * PAD - indent
    if max_lines == 1:
        lines = wrap(label, full - summary_w, _LABEL_SIZE, 1)
    else:
        lines = wrap(label, full, _LABEL_SIZE, max_lines)
    texts = [Text(PAD + indent, r1(y + 16 + _LINE * i), line, _LABEL_SIZE, colour) for i, line in enumerate(lines)]
    baseline = y + 16 + _LINE * (len(lines) - 1)
    if not summary:
        return texts, None, baseline
    if lines and text_width(lines[-1], _LABEL_SIZE) + summary_w > full:
        baseline += _LINE
    return texts, Text(width - PAD, r1(baseline), summary, _SMALL, MUTED, "end"), baseline


def _row(
    item: TimelineItem,
    y: float,
    width: float,
    x_of: Callable[[dt.date], float],
    today: dt.date,
    label: str,
    background: str,
    w: Words,
    max_lines: int,
) -> Row:
    colour = STATUS_COLOURS.get(item.status_code, STATUS_COLOURS["unknown"])
    url_colour = LINK if link(item.url, "").href else INK
    labels, summary, baseline = _label_and_summary(label, span_text(item, w), y, width, max_lines, url_colour)
    cy = baseline + 15

    start = _start(item)
    was_in_force = bool(item.in_force) or item.status_code in ("in_force", *ENDED_CODES)
    end = item.ended
    if end is not None:  # a known end: its marker by reason (a plain cap when no reason is given)
        end_kind = item.end_reason if item.end_reason in ENDED_CODES else "expired"
    else:  # drawn up to today: open-ended if in force, with a "?" if it ended on a date not recorded
        end = max(today, start) if start else today
        end_kind = {"in_force": "open"}.get(item.status_code, "unknown_end" if _was_ended(item) else "")
    if start and end < start:
        end = start
    bar, markers = None, []
    if start:
        x_start, x_end = x_of(start), x_of(end)
        if was_in_force and end_kind != "unknown_end":
            bar = Bar("solid", r1(x_start), r1(cy), r1(max(x_end - x_start, 3)), colour)
        elif was_in_force:  # ended at a date not recorded: an outlined, dashed bar up to today
            bar = Bar("outline", r1(x_start), r1(cy), r1(max(x_end - x_start, 3)), colour)
        else:  # signed, not (known to be) in force
            bar = Bar("dashed", r1(x_start), r1(cy), r1(max(x_end - x_start, 3)), colour)
        if end_kind:
            markers.append(Marker(end_kind, x_end, cy, colour))
    elif item.ended:  # only the end is known
        markers.append(Marker(end_kind or "expired", x_of(item.ended), cy, colour))
    if item.signed:
        markers.append(Marker("signature", r1(x_of(item.signed)), r1(cy), colour))
    return Row(
        link(item.url, item_sentence(item, w)),
        r1(y),
        r1(cy + 15 - y),
        background,
        labels,
        summary,
        bar,
        markers,
    )


def _undated_row(item: TimelineItem, y: float, width: float, label: str, w: Words, max_lines: int) -> Row:
    status = w.status(item.status_code)
    url_colour = LINK if link(item.url, "").href else INK
    labels, status_text, baseline = _label_and_summary(label, status, y - 1, width, max_lines, url_colour, 12)
    return Row(
        link(item.url, item_sentence(item, w)),
        r1(y),
        r1(baseline + 9 - y),
        "#ffffff",
        labels,
        None,
        status=status_text,
    )
