"""What the three drawings share: colours, text measurement and shortening, safe links, the frame, legends.

Geometry only: numbers and already-cleaned strings in dataclasses, no markup (that is in
``templates/svg/``). Every string that reaches a drawing passes :func:`clean`
(:func:`archive.formats.xml_text`: the characters XML 1.0 forbids are dropped); escaping is the
template engine's (Django's autoescaping turns ``& < > " '`` into entities, which XML reads).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from archive.formats import xml_text

INK = "#1f2328"  # body text: 15.8:1 on white
MUTED = "#57606a"  # secondary text: 6.4:1
LINK = "#0b4f9c"  # link text: 8.2:1
GRID = "#c9d1d9"  # gridlines (decorative)
ZEBRA = "#f3f5f8"  # alternate row background

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
# Relation arrows and their labels: colour by predicate (>= 5:1 on white).
PREDICATE_COLOURS = {
    "based_on": "#0b5cad",
    "supersedes": "#9a4f00",
    "amends": "#6f42c1",
    "implements": "#1a7f37",
    "references": "#57606a",
}
# Matrix shades, light to dark: dark text on the first three (>= 9:1), white on the last two (>= 5.2:1).
SHADES = ("#deebf7", "#c6dbef", "#9ecae1", "#2f6fb0", "#08457e")
WHITE_TEXT_FROM = 3

PAD = 16


def clean(text: object) -> str:
    """Text a drawing may carry: XML's forbidden characters dropped, runs of white space made one space."""
    return " ".join(xml_text(text).split())


def r1(x: float) -> float | int:
    """A coordinate with at most one decimal, an int when it is whole (so '12', not '12.0')."""
    value = round(x, 1)
    return int(value) if value == int(value) else value


def safe_url(url: str) -> str:
    """Relative, http and https links; anything else (``javascript:``, ``//host``) is dropped."""
    url = clean(url)
    if url.startswith(("/", "#", "?", "http://", "https://")) and not url.startswith("//"):
        return url
    if url and re.match(r"^[A-Za-z0-9._~-]+(/|$)", url):  # relative path without a scheme
        return url
    return ""


# --- text measurement ----------------------------------------------------------------------------
# Widths per character measured on a wide sans-serif (DejaVu Sans, as headless Chromium renders
# it), so labels fit whatever sans-serif the browser picks; long labels are cut with "…".

_NARROW = set("ijlI.,:;'|!()[]{}ftr\"`-Ііј")
_WIDE = set("mwMWШЩЖшщжЮюМмФфЫыOQGDHNUCАДФШЩЖЮЫЪ@%")
_ARMENIAN_WIDE = set("աթխպտփֆԱԽՊՏՓՖՄՇ")
_ARMENIAN_NARROW = set("լյւչ")


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=8192)
def _em_width(text: str) -> float:
    return sum(map(_char_width, text))


def text_width(text: str, size: float) -> float:
    """Estimated rendered width of ``text`` at font size ``size`` (errs on the wide side)."""
    return _em_width(text) * size


def truncate(text: str, max_width: float, size: float) -> str:
    """``text`` cut with '…' to fit ``max_width``."""
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


def wrap(text: str, max_width: float, size: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines; the last one cut with '…' if needed."""
    words = text.split()
    lines: list[str] = []
    current, current_w, space = "", 0.0, text_width(" ", size)
    for i, word in enumerate(words):
        word_w = text_width(word, size)
        candidate_w = current_w + space + word_w if current else word_w
        if candidate_w <= max_width:
            current, current_w = (f"{current} {word}" if current else word), candidate_w
            continue
        if current:
            if len(lines) == max_lines - 1:  # the last line: the rest of the words, cut
                lines.append(truncate(" ".join([current, *words[i:]]), max_width, size))
                return lines
            lines.append(current)
        current, current_w = word, word_w
    if current:
        lines.append(truncate(current, max_width, size))
    return lines[:max_lines]


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


# --- frame and legend ----------------------------------------------------------------------------


def id_prefix(kind: str, *parts: object) -> str:
    """Ids derived from the input, so the same input gives the same bytes and two drawings differ."""
    digest = hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{kind}-{digest}"


@dataclass(frozen=True)
class Frame:
    """The ``<svg>`` itself: its size, the ids of its ``<title>`` and ``<desc>``, and their text."""

    width: float
    height: float
    prefix: str
    title: str
    desc: str
    message: str = ""  # set when there is nothing to draw: the only text shown, and why

    @property
    def title_id(self) -> str:
        return f"{self.prefix}-title"

    @property
    def desc_id(self) -> str:
        return f"{self.prefix}-desc"


def empty_frame(prefix: str, title: str, message: str, width: float = 420) -> Frame:
    """A small drawing that says there is nothing to draw (and why)."""
    return Frame(width, 48, prefix, clean(title), clean(message), truncate(clean(message), width - 32, 13))


@dataclass(frozen=True)
class Text:
    """One ``<text>``: its baseline start (or middle, or end: ``anchor``), words, size and colour."""

    x: float
    y: float
    text: str
    size: float = 13
    fill: str = INK
    anchor: str = "start"
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Link:
    """A link (or, without a safe URL, a group) with a tooltip around some shapes."""

    href: str
    tooltip: str


def link(url: str, tooltip: str) -> Link:
    return Link(safe_url(url), clean(tooltip))


@dataclass(frozen=True)
class LegendEntry:
    """A symbol (drawn by the template from ``symbol``, at ``x``/``y``) and its words."""

    symbol: str
    label: str
    x: float = 0
    y: float = 0

    @property
    def text_x(self) -> float:
        return r1(self.x + 26)

    @property
    def text_y(self) -> float:
        return r1(self.y + 4)


@dataclass(frozen=True)
class Legend:
    entries: list[LegendEntry] = field(default_factory=list)
    height: float = 0


def legend(entries: list[tuple[str, str]], x0: float, y0: float, width: float) -> Legend:
    """Lay out (symbol, label) pairs in lines of at most ``width``."""
    placed: list[LegendEntry] = []
    x, y = x0, y0
    for symbol, label in entries:
        label = clean(label)
        w = 26 + text_width(label, 12) + 18
        if x + w > x0 + width and x > x0:
            x, y = x0, y + 20
        placed.append(LegendEntry(symbol, label, r1(x), r1(y)))
        x += w
    return Legend(placed, y - y0 + 20)
