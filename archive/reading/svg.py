"""Server-drawn inline SVG: a country pair's timeline, an agreement's relation graph, the pair matrix.

The pictures need no JavaScript, no web font and no stylesheet: every colour and size is an
attribute, the only font is ``font-family="sans-serif"``. Each ``<svg>`` has ``role="img"`` and
``aria-labelledby`` pointing at its ``<title>`` (a name) and ``<desc>`` (the whole content as
sentences, for screen readers). Because ``role="img"`` makes its children presentational for
assistive technology, the desc carries everything the drawing shows; the links inside (``<a href>``,
each with its own ``<title>`` tooltip) serve pointer and keyboard users, and the page should list
the same agreements as HTML too.

All text goes through :func:`_esc`; URLs other than relative, http and https ones are dropped.
Output is deterministic: the same input gives the same bytes (ids are derived from a hash of the
input, so two pictures on one page do not share ids). Text widths are estimated from a
per-character table measured on a wide sans-serif (DejaVu Sans, as headless Chromium renders it),
so labels fit whatever sans-serif the browser picks; long labels are cut with "…" and the full
text is in the tooltip.

Colours are chosen for contrast on white: text at least 4.5:1, bars, arrows and markers at least
4:1 (3:1 is the bar for graphics), and the status is never told by colour alone (end markers
differ in shape, the legend names them; matrix cells print their count).

Words follow the caller's language: each function takes ``translate`` (a ``gettext``; identity by
default, so this module needs no Django) and ``language`` (for dates). Every English text is a
whole template marked with the local ``gettext_noop`` (so ``makemessages`` finds it), translated
before its named placeholders are filled.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from archive.formats import xml_escaped

__all__ = [
    "GraphEdge",
    "GraphNode",
    "TimelineItem",
    "gettext_noop",
    "pair_matrix_svg",
    "relation_graph_svg",
    "shorten_title",
    "text_width",
    "timeline_svg",
]

Translate = Callable[[str], str]


def gettext_noop(message: str) -> str:
    """Marks an English template for ``makemessages``; translated later by the caller's ``translate``."""
    return message


INK = "#1f2328"  # body text: 15.8:1 on white
MUTED = "#57606a"  # secondary text: 6.4:1
LINK = "#0b4f9c"  # link text: 8.2:1
GRID = "#c9d1d9"  # gridlines (decorative)
ZEBRA = "#f3f5f8"  # alternate row background
FONT = "sans-serif"

# Bar and marker colour by status code (>= 4.5:1 on white, >= 4:1 on the zebra rows).
STATUS_COLOURS = {
    "in_force": "#1a7f37",
    "expired": "#5f6b76",
    "terminated": "#b3261e",
    "superseded": "#9a4f00",
    "signed": "#0b5cad",
    "ratified": "#0b5cad",
    "provisional": "#1a7f37",
    "draft": "#6e7781",
    "unknown": "#6e7781",
}
STATUS_WORDS = {
    "in_force": gettext_noop("in force"),
    "expired": gettext_noop("expired"),
    "terminated": gettext_noop("terminated"),
    "superseded": gettext_noop("superseded"),
    "signed": gettext_noop("signed, not yet in force"),
    "ratified": gettext_noop("ratified or approved, not yet in force"),
    "provisional": gettext_noop("applied provisionally"),
    "draft": gettext_noop("draft"),
    "unknown": gettext_noop("status unknown"),
}
# "<status>, date not recorded", by status (a whole phrase each: the status word may change form)
_DATE_NOT_RECORDED = {
    "expired": gettext_noop("expired, date not recorded"),
    "terminated": gettext_noop("terminated, date not recorded"),
    "superseded": gettext_noop("superseded, date not recorded"),
}
# "<how it ended> <date>" in an item's sentence
_ENDED_ON = {
    "expired": gettext_noop("expired {date}"),
    "terminated": gettext_noop("terminated {date}"),
    "superseded": gettext_noop("superseded {date}"),
}
# Relation arrows and their labels: colour by predicate (>= 5:1 on white).
PREDICATE_COLOURS = {
    "based_on": "#0b5cad",
    "supersedes": "#9a4f00",
    "amends": "#6f42c1",
    "implements": "#1a7f37",
    "references": "#57606a",
}
PREDICATE_LABELS = {
    "based_on": gettext_noop("based on"),
    "supersedes": gettext_noop("supersedes"),
    "amends": gettext_noop("amends"),
    "implements": gettext_noop("implements"),
    "references": gettext_noop("references"),
}
# Matrix shades, light to dark: dark text on the first three (>= 9:1), white on the last two (>= 5.2:1).
SHADES = ("#deebf7", "#c6dbef", "#9ecae1", "#2f6fb0", "#08457e")
_WHITE_TEXT_FROM = 3

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- text helpers ---------------------------------------------------------------------------------


def _esc(text: object) -> str:
    """Text or attribute value, safe in XML: invalid characters dropped, ``& < > " '`` escaped."""
    return xml_escaped(text)


def _safe_url(url: str) -> str:
    url = (url or "").strip()
    if url.startswith(("/", "#", "?", "http://", "https://")) and not url.startswith("//"):
        return url
    if url and re.match(r"^[A-Za-z0-9._~-]+(/|$)", url):  # relative path without a scheme
        return url
    return ""


def _n(x: float) -> str:
    """A coordinate with at most one decimal, without a trailing '.0'."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


_NARROW = set("ijlI.,:;'|!()[]{}ftr\"`-Ііј")
_WIDE = set("mwMWШЩЖшщжЮюМмФфЫыOQGDHNUCАДФШЩЖЮЫЪ@%")


_ARMENIAN_WIDE = set("աթխպտփֆԱԽՊՏՓՖՄՇ")
_ARMENIAN_NARROW = set("լյւչ")


def _char_width(ch: str) -> float:
    if ch == "…":
        return 1.0
    if "\u0530" <= ch <= "\u058f":  # Armenian: many letters are as wide as an "m"
        return 1.0 if ch in _ARMENIAN_WIDE else 0.45 if ch in _ARMENIAN_NARROW else 0.68
    if ch == " ":
        return 0.32
    if ch in _NARROW:
        return 0.36
    if ch in _WIDE:
        return 0.9
    if ch.isdigit():
        return 0.64
    if ch.isupper():
        return 0.72
    return 0.62


def text_width(text: str, size: float) -> float:
    """Estimated rendered width of ``text`` at font size ``size`` (errs on the wide side)."""
    return sum(_char_width(ch) for ch in text) * size


def _truncate(text: str, max_width: float, size: float) -> str:
    text = " ".join(text.split())
    if text_width(text, size) <= max_width:
        return text
    budget = max_width - text_width("…", size)
    width = 0.0
    for i, ch in enumerate(text):
        width += _char_width(ch) * size
        if width > budget:
            return text[:i].rstrip(" ,;:–-") + "…"
    return text


def _wrap(text: str, max_width: float, size: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines; the last one cut with '…' if needed."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            rest = " ".join(words[i:])
            lines.append(_truncate(rest, max_width, size))
            return lines
    if current:
        lines.append(_truncate(current, max_width, size))
    return lines[:max_lines]


def _date(day: dt.date, language: str = "en") -> str:
    """'7 Jun 2024'; Babel's abbreviated month for other languages."""
    lang = (language or "en").replace("-", "_")
    if lang.split("_")[0] != "en":
        try:
            from babel.dates import format_date

            return format_date(day, "d MMM y", locale=lang)
        except Exception:  # unknown locale: English rather than an error page
            pass
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


class _Words:
    """Translation and dates for one picture."""

    def __init__(self, translate: Translate | None = None, language: str = "en") -> None:
        self.translate = translate or (lambda message: message)
        self.language = language or "en"

    def __call__(self, template: str, **values: object) -> str:
        return self.translate(template).format(**values) if values else self.translate(template)

    def date(self, day: dt.date) -> str:
        return _date(day, self.language)


_ENGLISH = _Words()


# Words that introduce the subject of an agreement after the parties' names.
_SUBJECT_EN = r"(?:on|concerning|regarding|relating to|in the field of|for|about|to)"
_SHORTEN = [
    # English: "<Kind> between <parties> on <subject>" -> "<Kind> on <subject>"
    (re.compile(rf"^(?P<head>.+?)\s+between\s+.+?\s+(?P<tail>{_SUBJECT_EN}\s.+)$", re.S), "{head} {tail}"),
    (re.compile(r"^(?P<head>.+?)\s+between\s+.+$", re.S), "{head}"),
    # Russian: "<Вид> между <сторонами> о/об/по <предмет>"
    (re.compile(r"^(?P<head>.+?)\s+между\s+.+?\s+(?P<tail>(?:о|об|обо|по|в области)\s.+)$", re.S), "{head} {tail}"),
    (re.compile(r"^(?P<head>.+?)\s+между\s+.+$", re.S), "{head}"),
    # Kazakh, Azerbaijani, Armenian put the parties first: "<parties> арасындағы / arasında / միջև <rest>"
    (re.compile(r"^.+?\s+(?:арасындағы|arasında|միջև)\s+(?P<tail>.+)$", re.S), "{tail}"),
]


def shorten_title(title: str) -> str:
    """Drop the parties from a title, which on a pair page are the same for every agreement.

    'Agreement between the Government of the Republic of Kazakhstan and the Government of the
    Republic of Azerbaijan on cooperation in military intelligence' -> 'Agreement on cooperation
    in military intelligence'; the same for Russian (между), Kazakh (арасындағы), Azerbaijani
    (arasında) and Armenian (միջև) titles. A title without parties is returned as it is.
    """
    title = " ".join(title.split())
    for pattern, template in _SHORTEN:
        m = pattern.match(title)
        if m:
            short = template.format(**m.groupdict()).strip()
            if len(short) >= 8:
                return short[0].upper() + short[1:]
    return title


# --- SVG frame ------------------------------------------------------------------------------------


def _id_prefix(kind: str, *parts: object) -> str:
    digest = hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{kind}-{digest}"


def _open(width: float, height: float, prefix: str, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'font-family="{FONT}" font-size="13" fill="{INK}">',
        f'<title id="{prefix}-title">{_esc(title)}</title>',
        f'<desc id="{prefix}-desc">{_esc(desc)}</desc>',
        f'<rect width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
    ]


def _empty(prefix: str, title: str, message: str, width: float = 420) -> str:
    """A small picture that says there is nothing to draw (and why)."""
    lines = _open(width, 48, prefix, title, message)
    lines.append(f'<text x="16" y="29" fill="{MUTED}">{_esc(_truncate(message, width - 32, 13))}</text>')
    lines.append("</svg>")
    return "\n".join(lines)


def _text(
    x: float, y: float, text: str, *, size: float = 13, fill: str = INK, anchor: str = "start", extra: str = ""
) -> str:
    anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
    size_attr = f' font-size="{_n(size)}"' if size != 13 else ""
    fill_attr = f' fill="{fill}"' if fill != INK else ""
    return f'<text x="{_n(x)}" y="{_n(y)}"{size_attr}{fill_attr}{anchor_attr}{extra}>{_esc(text)}</text>'


# --- timeline -------------------------------------------------------------------------------------


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


_ROW_H = 46
_UNDATED_ROW_H = 24
_PAD = 16
_ENDED_CODES = ("expired", "terminated", "superseded")


def _was_ended(item: TimelineItem) -> bool:
    return item.status_code in _ENDED_CODES or item.end_reason in _ENDED_CODES


def _start(item: TimelineItem) -> dt.date | None:
    return item.in_force or item.signed


def _span_text(item: TimelineItem, w: _Words = _ENGLISH) -> str:
    """'1996–2006', 'in force since 2006', 'signed 2024' — the right-hand summary of a row."""
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
    if start and item.status_code in _ENDED_CODES:
        return f"{start.year}–?"
    return str(start.year) if start else ""


def _item_sentence(item: TimelineItem, w: _Words = _ENGLISH) -> str:
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
    elif item.status_code in _ENDED_CODES:
        parts.append(w(_DATE_NOT_RECORDED[item.status_code]))
    elif item.status_code == "in_force":
        parts.append(w(gettext_noop("still in force")))
    elif item.status_code in STATUS_WORDS and item.status_code != "unknown":
        parts.append(w(STATUS_WORDS[item.status_code]))
    if not parts:
        parts.append(w(gettext_noop("dates not recorded")))
    return f"{' '.join(item.label.split())}: {', '.join(parts)}"


def _year_step(span_years: int, plot_width: float) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if math.ceil(span_years / step) * 46 <= plot_width:
            return step
    return 1000


def _end_marker(kind: str, x: float, cy: float, colour: str) -> str:
    if kind == "superseded":  # filled diamond with a white rim, so it stands out from the bar it ends
        r = 8
        return (
            f'<path d="M{_n(x)} {_n(cy - r)}L{_n(x + r)} {_n(cy)}L{_n(x)} {_n(cy + r)}L{_n(x - r)} {_n(cy)}Z" '
            f'fill="{colour}" stroke="#ffffff" stroke-width="2" stroke-linejoin="round"/>'
        )
    if kind == "terminated":  # cross
        return (
            f'<path d="M{_n(x - 6)} {_n(cy - 6)}L{_n(x + 6)} {_n(cy + 6)}M{_n(x + 6)} {_n(cy - 6)}L{_n(x - 6)} '
            f'{_n(cy + 6)}" stroke="#ffffff" stroke-width="5" stroke-linecap="round"/>'
            f'<path d="M{_n(x - 6)} {_n(cy - 6)}L{_n(x + 6)} {_n(cy + 6)}M{_n(x + 6)} {_n(cy - 6)}L{_n(x - 6)} '
            f'{_n(cy + 6)}" stroke="{colour}" stroke-width="2.5" stroke-linecap="round"/>'
        )
    if kind == "expired":  # end cap
        return f'<rect x="{_n(x - 1.5)}" y="{_n(cy - 8)}" width="3" height="16" fill="{colour}"/>'
    if kind == "open":  # still in force: arrow head beyond the bar
        return f'<path d="M{_n(x)} {_n(cy - 7)}L{_n(x + 10)} {_n(cy)}L{_n(x)} {_n(cy + 7)}Z" fill="{colour}"/>'
    if kind == "unknown_end":
        return _text(x + 4, cy + 4.5, "?", size=13, fill=colour, extra=' font-weight="bold"')
    return ""


def _signature_marker(x: float, cy: float, colour: str) -> str:
    return f'<circle cx="{_n(x)}" cy="{_n(cy)}" r="4.5" fill="#ffffff" stroke="{colour}" stroke-width="2"/>'


def _legend(entries: list[tuple[str, str]], x0: float, y0: float, width: float) -> tuple[list[str], float]:
    """Lay out (symbol-svg-at-origin, text) pairs in lines; returns the elements and the height used."""
    out: list[str] = []
    x, y = x0, y0
    for symbol, label in entries:
        w = 26 + text_width(label, 12) + 18
        if x + w > x0 + width and x > x0:
            x, y = x0, y + 20
        out.append(f'<g transform="translate({_n(x)} {_n(y)})">{symbol}</g>')
        out.append(_text(x + 26, y + 4, label, size=12, fill=MUTED))
        x += w
    return out, y - y0 + 20


def timeline_svg(
    items: Sequence[TimelineItem],
    width: int = 900,
    today: dt.date | None = None,
    title: str | None = None,
    shorten: bool = True,
    translate: Translate | None = None,
    language: str = "en",
) -> str:
    """A horizontal timeline, one row per agreement, with year ticks spanning the items.

    A ring marks signature; a bar runs from entry into force (or signature) to the end — a diamond
    if superseded, a cross if terminated, a cap if expired — or to today with an arrow head if
    still in force; a dashed line means signed but not (known to be) in force. Items with no date
    are listed under "Date unknown". ``shorten`` drops the parties from the labels shown
    (:func:`shorten_title`); tooltips keep the full label. ``translate`` and ``language``: see
    the module's docstring.
    """
    w = _Words(translate, language)
    title = title or w(gettext_noop("Timeline of agreements"))
    today = today or dt.date.today()
    prefix = _id_prefix("timeline", tuple(items), width, today, title)
    if not items:
        return _empty(prefix, title, w(gettext_noop("No agreements to show on a timeline.")))

    def key(item: TimelineItem) -> tuple:
        start = item.signed or item.in_force or item.ended
        return (start or dt.date.max, item.in_force or dt.date.max, " ".join(item.label.split()), item.slug)

    dated = sorted((i for i in items if i.signed or i.in_force or i.ended), key=key)
    undated = sorted((i for i in items if not (i.signed or i.in_force or i.ended)), key=key)

    plot_x0, plot_x1 = _PAD + 14, width - _PAD - 16
    plot_w = plot_x1 - plot_x0
    years = [d.year for i in dated for d in (i.signed, i.in_force, i.ended) if d]
    ongoing = any(not i.ended for i in dated)
    first_year = min(years) if years else today.year
    last_year = max([*years, today.year] if ongoing else years) if years else today.year
    step = _year_step(last_year + 1 - first_year, plot_w)
    axis_start = first_year - first_year % step
    axis_end = last_year + 1
    axis_end += (-(axis_end - axis_start)) % step
    if axis_end == axis_start:
        axis_end += step
    t0 = dt.date(axis_start, 1, 1).toordinal()
    t1 = dt.date(axis_end, 1, 1).toordinal()

    def x_of(day: dt.date) -> float:
        return plot_x0 + (day.toordinal() - t0) / (t1 - t0) * plot_w

    top = 40 if dated else 0
    rows_end = top + len(dated) * _ROW_H
    y = rows_end + (22 if dated else 4)
    undated_top = y
    if undated:
        y += 22 + len(undated) * _UNDATED_ROW_H + 8
    legend_elements: list[str] = []
    legend_h = 0.0
    if dated:  # the legend explains the bars and markers: none without dated rows
        legend_elements, legend_h = _legend(_timeline_legend_entries(w), _PAD + 4, y + 14, width - 2 * _PAD)
    height = y + legend_h + (12 if dated else 0)

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
    desc = head + ". " + ". ".join(_item_sentence(i, w) for i in [*dated, *undated]) + "."
    out = _open(width, height, prefix, title, desc)

    if dated:
        # zebra rows, gridlines and year labels
        for index in range(len(dated)):
            if index % 2 == 0:
                out.append(
                    f'<rect x="{_PAD / 2}" y="{_n(top + index * _ROW_H)}" width="{_n(width - _PAD)}" '
                    f'height="{_ROW_H}" fill="{ZEBRA}"/>'
                )
        out.append(f'<line x1="{_n(plot_x0)}" y1="32" x2="{_n(plot_x1)}" y2="32" stroke="{MUTED}" stroke-width="1"/>')
        for year in range(axis_start, axis_end + 1):
            x = x_of(dt.date(year, 1, 1))
            if (year - axis_start) % step == 0:
                out.append(
                    f'<line x1="{_n(x)}" y1="27" x2="{_n(x)}" y2="{_n(rows_end)}" stroke="{GRID}" stroke-width="1"/>'
                )
                out.append(_text(x, 20, str(year), size=12, fill=MUTED, anchor="middle"))
            elif plot_w / (axis_end - axis_start) >= 4:  # minor tick for each year when there is room
                out.append(f'<line x1="{_n(x)}" y1="29" x2="{_n(x)}" y2="32" stroke="{MUTED}" stroke-width="1"/>')
        # today
        tx = x_of(today)
        if plot_x0 <= tx <= plot_x1:
            out.append(
                f'<line x1="{_n(tx)}" y1="32" x2="{_n(tx)}" y2="{_n(rows_end + 4)}" stroke="{INK}" '
                'stroke-width="1" stroke-dasharray="3 3"/>'
            )
            label_x = min(max(tx, plot_x0 + 20), plot_x1 - 20)
            out.append(_text(label_x, rows_end + 16, w(gettext_noop("today")), size=11, fill=MUTED, anchor="middle"))
        for index, item in enumerate(dated):
            background = ZEBRA if index % 2 == 0 else "#ffffff"
            out.extend(_timeline_row(item, top + index * _ROW_H, width, x_of, today, shorten, background, w))

    if undated:
        out.append(
            _text(
                _PAD,
                undated_top + 14,
                w(gettext_noop("Date unknown")),
                size=12,
                fill=MUTED,
                extra=' font-weight="bold"',
            )
        )
        for index, item in enumerate(undated):
            row_y = undated_top + 22 + index * _UNDATED_ROW_H
            status = w(STATUS_WORDS[item.status_code]) if item.status_code in STATUS_WORDS else ""
            label_w = width - 2 * _PAD - 12 - (text_width(status, 12) + 16 if status else 0)
            label = shorten_title(item.label) if shorten else item.label
            out.append(_link_open(item.url, _item_sentence(item, w)))
            out.append(_text(_PAD + 12, row_y + 15, _truncate(label, label_w, 13), fill=LINK if item.url else INK))
            out.append(_link_close(item.url))
            if status:
                out.append(_text(width - _PAD, row_y + 15, status, size=12, fill=MUTED, anchor="end"))

    out.extend(legend_elements)
    out.append("</svg>")
    return "\n".join(out)


def _link_open(url: str, tooltip: str) -> str:
    href = _safe_url(url)
    if href:
        return f'<a href="{_esc(href)}"><title>{_esc(tooltip)}</title>'
    return f"<g><title>{_esc(tooltip)}</title>"


def _link_close(url: str) -> str:
    return "</a>" if _safe_url(url) else "</g>"


def _timeline_row(
    item: TimelineItem,
    y: float,
    width: float,
    x_of: Callable[[dt.date], float],
    today: dt.date,
    shorten: bool,
    background: str,
    w: _Words = _ENGLISH,
) -> list[str]:
    colour = STATUS_COLOURS.get(item.status_code, STATUS_COLOURS["unknown"])
    # a halo of the row's own background keeps gridlines and the today line from crossing the text
    halo = f' stroke="{background}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'
    cy = y + 31
    out = [_link_open(item.url, _item_sentence(item, w))]

    summary = _span_text(item, w)
    summary_w = text_width(summary, 12) + 14 if summary else 0
    label = shorten_title(item.label) if shorten else item.label
    label = _truncate(label, width - 2 * _PAD - summary_w, 13)
    out.append(_text(_PAD, y + 16, label, fill=LINK if item.url else INK, extra=halo))
    if summary:
        out.append(_text(width - _PAD, y + 16, summary, size=12, fill=MUTED, anchor="end", extra=halo))

    start = _start(item)
    was_in_force = bool(item.in_force) or item.status_code in ("in_force", *_ENDED_CODES)
    end = item.ended
    if end is not None:  # a known end: its marker by reason (a plain cap when no reason is given)
        end_kind = item.end_reason if item.end_reason in _ENDED_CODES else "expired"
    else:  # drawn up to today: open-ended if in force, with a "?" if it ended on a date not recorded
        end = max(today, start) if start else today
        end_kind = {"in_force": "open"}.get(item.status_code, "unknown_end" if _was_ended(item) else "")
    if start and end < start:
        end = start
    if start:
        x_start, x_end = x_of(start), x_of(end)
        if was_in_force and end_kind != "unknown_end":
            bar_w = max(x_end - x_start, 3)
            out.append(
                f'<rect x="{_n(x_start)}" y="{_n(cy - 5)}" width="{_n(bar_w)}" height="10" rx="2" fill="{colour}"/>'
            )
        elif was_in_force:  # ended at a date not recorded: an outlined, dashed bar up to today
            out.append(
                f'<rect x="{_n(x_start)}" y="{_n(cy - 5)}" width="{_n(max(x_end - x_start, 3))}" height="10" rx="2" '
                f'fill="#ffffff" stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 3"/>'
            )
        else:  # signed, not (known to be) in force
            out.append(
                f'<line x1="{_n(x_start)}" y1="{_n(cy)}" x2="{_n(max(x_end, x_start + 3))}" y2="{_n(cy)}" '
                f'stroke="{colour}" stroke-width="2" stroke-dasharray="5 4"/>'
            )
        if end_kind:
            out.append(_end_marker(end_kind, x_end, cy, colour))
    elif item.ended:  # only the end is known
        out.append(_end_marker(end_kind or "expired", x_of(item.ended), cy, colour))
    if item.signed:
        out.append(_signature_marker(x_of(item.signed), cy, colour))
    out.append(_link_close(item.url))
    return out


def _timeline_legend_entries(w: _Words = _ENGLISH) -> list[tuple[str, str]]:
    green, grey = STATUS_COLOURS["in_force"], STATUS_COLOURS["expired"]
    return [
        (_signature_marker(8, 0, INK), w(gettext_noop("signed"))),
        (f'<rect x="0" y="-5" width="20" height="10" rx="2" fill="{green}"/>', w(gettext_noop("in force"))),
        (
            f'<rect x="0" y="-5" width="12" height="10" rx="2" fill="{green}"/>' + _end_marker("open", 12, 0, green),
            w(gettext_noop("still in force")),
        ),
        (
            f'<line x1="0" y1="0" x2="20" y2="0" stroke="{STATUS_COLOURS["signed"]}" stroke-width="2" '
            'stroke-dasharray="5 4"/>',
            w(gettext_noop("signed, not in force")),
        ),
        (_end_marker("superseded", 10, 0, STATUS_COLOURS["superseded"]), w(gettext_noop("superseded"))),
        (_end_marker("terminated", 10, 0, STATUS_COLOURS["terminated"]), w(gettext_noop("terminated"))),
        (_end_marker("expired", 10, 0, grey), w(gettext_noop("expired"))),
    ]


# --- relation graph -------------------------------------------------------------------------------


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
    label: str = ""  # shown on the arrow; the predicate in words when empty


_BOX_LINES = 4  # label lines in a box at most
_BOX_GAP = 30
_GRAPH_TOP = 34


def _node_sort_key(node: GraphNode) -> tuple:
    return (node.year if node.year is not None else 9999, " ".join(node.label.split()), node.slug)


def relation_graph_svg(
    center: GraphNode,
    edges: Iterable[GraphEdge],
    nodes: Iterable[GraphNode] = (),
    width: int = 900,
    title: str | None = None,
    shorten: bool = True,
    translate: Translate | None = None,
    language: str = "en",
) -> str:
    """The agreements related to ``center``, up to two steps away, in layered columns.

    Columns run from the agreements that ``center`` names (left: what it is based on, supersedes,
    amends …) through ``center`` (middle) to those that name it (right); a second step goes one
    column further out. A node reached by an edge from a node on its right sits left of it and
    vice versa, so arrows point left: from the later agreement to the one it names. ``nodes``
    supplies labels, years and links for the slugs the edges mention (an unknown slug is drawn
    with the slug as its label). Stubs are drawn dashed. Parallel edges are merged, labels joined.
    """
    by_slug: dict[str, GraphNode] = {n.slug: n for n in nodes}
    by_slug[center.slug] = center
    w = _Words(translate, language)
    title = title or w(gettext_noop("Agreements related to {agreement}"), agreement=" ".join(center.label.split()))

    # merge edges: one arrow per (source, target), labels joined in a stable order
    merged: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for edge in edges:
        if edge.source_slug == edge.target_slug:
            continue
        if edge.label:
            label = edge.label
        elif edge.predicate in PREDICATE_LABELS:
            label = w(PREDICATE_LABELS[edge.predicate])
        else:
            label = edge.predicate.replace("_", " ")
        labels = merged.setdefault((edge.source_slug, edge.target_slug), [])
        if (edge.predicate, label) not in labels:
            labels.append((edge.predicate, label))
    prefix = _id_prefix("graph", center, tuple(sorted(merged.items())), tuple(sorted(by_slug.items())), width)
    if not merged:
        return _empty(prefix, title, w(gettext_noop("No related agreements are recorded.")))
    for slug in {s for pair in merged for s in pair}:
        by_slug.setdefault(slug, GraphNode(slug=slug, label=slug))

    # breadth-first from the centre, two steps, assigning a column (layer) to each node
    adjacency: dict[str, list[tuple[str, int]]] = {}
    for source, target in merged:
        adjacency.setdefault(source, []).append((target, -1))  # the target sits left of the source
        adjacency.setdefault(target, []).append((source, +1))
    layer: dict[str, int] = {center.slug: 0}
    distance: dict[str, int] = {center.slug: 0}
    frontier = [center.slug]
    for step in (1, 2):
        following = []
        for slug in frontier:
            neighbours = sorted(adjacency.get(slug, []), key=lambda n: (_node_sort_key(by_slug[n[0]]), n[1]))
            for other, direction in neighbours:
                if other in layer:
                    continue
                layer[other] = max(-2, min(2, layer[slug] + direction))
                distance[other] = step
                following.append(other)
        frontier = following
    kept_edges = [(s, t, labels) for (s, t), labels in sorted(merged.items()) if s in layer and t in layer]
    if not kept_edges:
        return _empty(prefix, title, w(gettext_noop("No related agreements are recorded.")))

    # Only the columns in use: the centre is in the middle of its neighbours, not of empty space.
    low, high = min(layer.values()), max(layer.values())
    columns = high - low + 1
    widest_label = max(text_width(_truncate(lb, 140, 12), 12) for *_e, labels in kept_edges for _p, lb in labels)
    gap = min(max(widest_label + 28, 64), 150)  # room between boxes for the arrow and its label
    col_w = (width - 2 * _PAD) / columns
    box_w = min(col_w - gap, 250)
    if box_w < 130:  # too many columns for the width: widen the picture rather than crush the boxes
        box_w = 130
        col_w = box_w + gap
        width = math.ceil(2 * _PAD + columns * col_w)

    # one height for all boxes: the year line plus as many label lines as the longest label needs
    def node_text(node: GraphNode) -> str:
        return shorten_title(node.label) if shorten else node.label

    lines_needed = max(len(_wrap(node_text(by_slug[slug]), box_w - 20, 12, _BOX_LINES)) for slug in layer)
    box_h = 30 + 14 * max(lines_needed, 1)

    # Columns are filled from the centre outwards; in each, nodes are ordered by the mean height
    # of their neighbours in the column nearer the centre (fewer crossings), then by year.
    column_nodes: dict[int, list[GraphNode]] = {}
    for slug, col in layer.items():
        column_nodes.setdefault(col, []).append(by_slug[slug])
    neighbours: dict[str, set[str]] = {}
    for source, target, _labels in kept_edges:
        neighbours.setdefault(source, set()).add(target)
        neighbours.setdefault(target, set()).add(source)
    tallest = max(len(v) for v in column_nodes.values())
    plot_h = tallest * box_h + (tallest - 1) * _BOX_GAP
    placed: dict[str, tuple[float, float]] = {}  # slug -> (centre x, top y)
    for col in sorted(column_nodes, key=lambda c: (abs(c), c)):
        members = sorted(column_nodes[col], key=_node_sort_key)
        if col == 0:  # the centre in the middle of its column
            others = [m for m in members if m.slug != center.slug]
            half = len(others) // 2
            members = [*others[:half], center, *others[half:]]
        else:
            inner = col - 1 if col > 0 else col + 1

            def barycentre(node: GraphNode, inner: int = inner) -> float:
                ys = [placed[o][1] for o in sorted(neighbours.get(node.slug, ())) if layer.get(o) == inner]
                return sum(ys) / len(ys) if ys else math.inf

            members.sort(key=lambda m: (barycentre(m), _node_sort_key(m)))
        col_h = len(members) * box_h + (len(members) - 1) * _BOX_GAP
        y = _GRAPH_TOP + 22 + (plot_h - col_h) / 2
        cx = _PAD + (col - low + 0.5) * col_w
        for member in members:
            placed[member.slug] = (cx, y)
            y += box_h + _BOX_GAP

    legend_y = _GRAPH_TOP + 22 + plot_h + 26
    legend_entries = [
        (
            f'<rect x="0" y="-8" width="20" height="16" rx="3" fill="#ffffff" stroke="{MUTED}" '
            'stroke-width="1.5" stroke-dasharray="4 3"/>',
            w(gettext_noop("known only from a reference (no text yet)")),
        ),
        (
            f'<rect x="0" y="-8" width="20" height="16" rx="3" fill="#fff5d6" stroke="{INK}" stroke-width="2.5"/>',
            w(gettext_noop("this agreement")),
        ),
        (
            f'<path d="M2 0H16" stroke="{MUTED}" stroke-width="1.5"/><path d="M14 -4L20 0L14 4Z" fill="{MUTED}"/>',
            w(gettext_noop("an arrow goes from the agreement that names the other; its label says how")),
        ),
    ]
    legend_elements, legend_h = _legend(legend_entries, _PAD + 4, legend_y, width - 2 * _PAD)
    height = legend_y + legend_h + 6

    sentences = []
    for source, target, labels in kept_edges:
        words = labels[0][1]
        for _p, label in labels[1:]:
            words = w(gettext_noop("{first} and {second}"), first=words, second=label)
        sentences.append(
            w(
                gettext_noop("{source} {relation} {target}"),
                source=_node_phrase(by_slug[source]),
                relation=words,
                target=_node_phrase(by_slug[target]),
            )
        )
    if len(layer) == 2:
        head = w(gettext_noop("1 related agreement, up to two steps away."))
    else:
        head = w(gettext_noop("{count} related agreements, up to two steps away."), count=len(layer) - 1)
    desc = head + " " + ". ".join(sentences) + "."
    out = _open(width, height, prefix, title, desc)

    # arrow heads, one per colour
    out.append("<defs>")
    for predicate, colour in sorted({**PREDICATE_COLOURS, "other": MUTED}.items()):
        out.append(
            f'<marker id="{prefix}-arrow-{predicate}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
            f'markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M0 0L10 5L0 10Z" fill="{colour}"/></marker>'
        )
    out.append("</defs>")

    # column headings
    centre_alone = len(column_nodes[0]) == 1
    headings = {
        -2: w(gettext_noop("Named by those")),
        -1: w(gettext_noop("Named by this agreement")),
        0: w(gettext_noop("This agreement")) if columns > 1 and centre_alone else "",
        1: w(gettext_noop("Naming this agreement")),
        2: w(gettext_noop("Naming those")),
    }
    for col in range(low, high + 1):
        text = headings.get(col, "")
        if text:
            cx = _PAD + (col - low + 0.5) * col_w
            out.append(_text(cx, _GRAPH_TOP, _truncate(text, col_w - 8, 12), size=12, fill=MUTED, anchor="middle"))

    # edges first (under the boxes), labels collected and drawn last (over everything)
    obstacles = [(cx - box_w / 2, y, cx + box_w / 2, y + box_h) for cx, y in placed.values()]
    label_boxes: list[tuple[float, float, float, float]] = []
    label_elements: list[str] = []

    # Where an edge meets a box: several edges on one side of a box are spread along it,
    # in the order of the heights of their other ends, so their arrow heads do not pile up.
    def side(slug: str, other: str) -> str:
        return "right" if placed[other][0] > placed[slug][0] or placed[other][0] == placed[slug][0] else "left"

    ports: dict[tuple[str, str], list[tuple[float, str, str]]] = {}
    for source, target, _labels in kept_edges:
        ports.setdefault((source, side(source, target)), []).append((placed[target][1], target, "out"))
        ports.setdefault((target, side(target, source)), []).append((placed[source][1], source, "in"))
    offsets: dict[tuple[str, str, str], float] = {}
    for (slug, _side), ends in ports.items():
        ends.sort()
        spacing = min(12.0, (box_h - 16) / max(len(ends) - 1, 1))
        for k, (_y, other, way) in enumerate(ends):
            offsets[(slug, other, way)] = (k - (len(ends) - 1) / 2) * spacing

    for source, target, labels in kept_edges:
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
        out.append(
            f'<path d="M{_n(p1[0])} {_n(p1[1])}C{_n(c1[0])} {_n(c1[1])} {_n(c2[0])} {_n(c2[1])} '
            f'{_n(p2[0])} {_n(p2[1])}" fill="none" stroke="{colour}" stroke-width="1.8" '
            f'marker-end="url(#{prefix}-arrow-{predicate})"/>'
        )
        lines = [label for _p, label in labels]
        label_elements.append(
            _place_edge_label(lines, (p1, c1, c2, p2), colour, obstacles, label_boxes, max(gap - 8, 60))
        )

    for slug, (cx, y) in sorted(placed.items()):
        node = by_slug[slug]
        out.extend(_graph_node(node, node_text(node), cx, y, box_w, box_h, is_center=slug == center.slug, w=w))
    out.extend(label_elements)
    out.extend(legend_elements)
    out.append("</svg>")
    return "\n".join(out)


def _node_phrase(node: GraphNode) -> str:
    label = " ".join(node.label.split())
    return f"{label} ({node.year})" if node.year else label


def _bezier(points: tuple, t: float) -> tuple[float, float]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    u = 1 - t
    x = u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3
    y = u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3
    return x, y


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_edge_label(
    lines: list[str],
    curve: tuple,
    colour: str,
    obstacles: list[tuple[float, float, float, float]],
    placed: list[tuple[float, float, float, float]],
    max_width: float,
) -> str:
    """The label on the curve where it hits neither a box nor another label (else at the middle).

    Several labels of one arrow ('based on', 'references') are stacked one per line.
    """
    lines = [_truncate(line, max_width, 12) for line in lines]
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
    halo = ' stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'
    first_baseline = y - h / 2 + 12
    if len(lines) == 1:
        return _text(x, first_baseline, lines[0], size=12, fill=colour, anchor="middle", extra=halo)
    spans = "".join(
        f'<tspan x="{_n(x)}" y="{_n(first_baseline + 15 * k)}">{_esc(line)}</tspan>' for k, line in enumerate(lines)
    )
    return f'<text font-size="12" fill="{colour}" text-anchor="middle"{halo}>{spans}</text>'


def _graph_node(
    node: GraphNode,
    label: str,
    cx: float,
    y: float,
    box_w: float,
    box_h: float,
    *,
    is_center: bool,
    w: _Words = _ENGLISH,
) -> list[str]:
    x = cx - box_w / 2
    dash = ' stroke-dasharray="5 3"' if node.is_stub else ""
    if is_center:
        rect = f'fill="#fff5d6" stroke="{INK}" stroke-width="2.5"{dash}'
    else:
        rect = f'fill="#ffffff" stroke="{MUTED}" stroke-width="1.5"{dash}'
    tooltip = _node_phrase(node)
    if node.is_stub:
        tooltip = w(gettext_noop("{agreement} — known only from a reference; no text yet"), agreement=tooltip)
    url = "" if is_center else node.url
    out = [_link_open(url, tooltip)]
    out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(box_w)}" height="{_n(box_h)}" rx="6" {rect}/>')
    year = str(node.year) if node.year else w(gettext_noop("year unknown"))
    out.append(_text(x + 10, y + 18, year, size=12, fill=MUTED if node.is_stub else INK, extra=' font-weight="bold"'))
    colour = INK if is_center or not _safe_url(node.url) else LINK
    style = ' font-style="italic"' if node.is_stub else ""
    for i, line in enumerate(_wrap(label, box_w - 20, 12, _BOX_LINES)):
        out.append(_text(x + 10, y + 35 + i * 14, line, size=12, fill=colour, extra=style))
    out.append(_link_close(url))
    return out


# --- pair matrix ----------------------------------------------------------------------------------

_CELL = 38


def _shade(count: int, maximum: int) -> int:
    """0-4: the shade of a count, linear up to five agreements, logarithmic beyond."""
    if maximum <= len(SHADES):
        return min(count, len(SHADES)) - 1
    return min(len(SHADES) - 1, int((len(SHADES) - 1) * math.log(count) / math.log(maximum) + 0.5))


def pair_matrix_svg(
    countries: Sequence[tuple[str, str]],
    counts: dict[tuple[str, str], int],
    url_for_pair: Callable[[str, str], str],
    title: str | None = None,
    translate: Translate | None = None,
    language: str = "en",
) -> str:
    """A grid of country pairs, each cell the number of agreements between the two, linking to the pair page.

    ``countries`` are (ISO code, name) in display order; ``counts`` may key a pair either way round
    (given both ways, the larger count is used). ``url_for_pair`` is called with the two codes in
    alphabetical order, so both cells of a pair link to the same page. The matrix is symmetric;
    the diagonal is blank. ``translate`` and ``language``: see the module's docstring.
    """
    w = _Words(translate, language)
    title = title or w(gettext_noop("Agreements by country pair"))
    seen: set[str] = set()
    rows: list[tuple[str, str]] = []
    for code, name in countries:
        if code not in seen:
            seen.add(code)
            rows.append((code, " ".join(str(name).split()) or code))
    pair_counts: dict[tuple[str, str], int] = {}
    for (a, b), n in counts.items():
        if a == b or not n or n < 0:
            continue
        key = (min(a, b), max(a, b))
        pair_counts[key] = max(pair_counts.get(key, 0), int(n))
    visible = {k: v for k, v in pair_counts.items() if k[0] in seen and k[1] in seen}
    prefix = _id_prefix("pairs", tuple(rows), tuple(sorted(visible.items())), title)
    if len(rows) < 2 or not visible:
        return _empty(prefix, title, w(gettext_noop("No agreements between these countries yet.")))

    names = dict(rows)
    label_w = min(max(text_width(f"{name} ({code})", 12) for code, name in rows) + 16, 240)
    grid_x0, grid_y0 = _PAD + label_w, 34
    n = len(rows)
    maximum = max(visible.values())
    legend_y = grid_y0 + n * _CELL + 26
    width = max(grid_x0 + n * _CELL + _PAD, 360)
    height = legend_y + 22

    ordered = sorted(visible.items(), key=lambda kv: (-kv[1], names[kv[0][0]], names[kv[0][1]]))
    desc = (
        w(gettext_noop("Number of agreements for each pair of {count} countries."), count=n)
        + " "
        + "; ".join(f"{names[a]}–{names[b]}: {count}" for (a, b), count in ordered)
        + "."
    )
    out = _open(width, height, prefix, title, desc)

    for j, (code, name) in enumerate(rows):  # column heads: codes, full names in tooltips
        cx = grid_x0 + (j + 0.5) * _CELL
        out.append(
            f'<text x="{_n(cx)}" y="{grid_y0 - 10}" font-size="12" fill="{MUTED}" text-anchor="middle" '
            f'font-weight="bold"><title>{_esc(name)}</title>{_esc(code)}</text>'
        )
    for i, (code, name) in enumerate(rows):
        y = grid_y0 + i * _CELL
        out.append(
            _text(grid_x0 - 8, y + _CELL / 2 + 4, _truncate(f"{name} ({code})", label_w - 12, 12), size=12,
                  anchor="end")
        )  # fmt: skip
        for j, (other, _other_name) in enumerate(rows):
            x = grid_x0 + j * _CELL
            cell = f'x="{_n(x)}" y="{_n(y)}" width="{_CELL}" height="{_CELL}"'
            if i == j:
                out.append(f'<rect {cell} fill="#e6e9ed" stroke="#ffffff"/>')
                continue
            a, b = min(code, other), max(code, other)
            count = visible.get((a, b), 0)
            if not count:
                out.append(f'<rect {cell} fill="#ffffff" stroke="{GRID}"/>')
                continue
            level = _shade(count, maximum)
            href = _safe_url(url_for_pair(a, b))
            pair = f"{names[a]}–{names[b]}"
            if count == 1:
                tooltip = w(gettext_noop("{pair}: 1 agreement"), pair=pair)
            else:
                tooltip = w(gettext_noop("{pair}: {count} agreements"), pair=pair, count=count)
            text_fill = "#ffffff" if level >= _WHITE_TEXT_FROM else INK
            body = (
                f'<rect {cell} fill="{SHADES[level]}" stroke="#ffffff"/>'
                + _text(x + _CELL / 2, y + _CELL / 2 + 4.5, str(count), fill=text_fill, anchor="middle",
                        extra=' font-weight="bold"')
            )  # fmt: skip
            if href:
                out.append(f'<a href="{_esc(href)}"><title>{_esc(tooltip)}</title>{body}</a>')
            else:
                out.append(f"<g><title>{_esc(tooltip)}</title>{body}</g>")

    # legend: the shades in use, fewest to most
    x = _PAD
    fewer = w(gettext_noop("fewer"))
    out.append(_text(x, legend_y + 4, fewer, size=12, fill=MUTED))
    x += text_width(fewer, 12) + 8
    for level, colour in enumerate(SHADES[: _shade(maximum, maximum) + 1]):
        out.append(f'<rect x="{_n(x + level * 20)}" y="{legend_y - 7}" width="20" height="14" fill="{colour}"/>')
    x += (_shade(maximum, maximum) + 1) * 20 + 8
    out.append(_text(x, legend_y + 4, w(gettext_noop("more (up to {count})"), count=maximum), size=12, fill=MUTED))
    out.append("</svg>")
    return "\n".join(out)
