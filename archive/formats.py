"""Encoding values for each output format, in one place per format.

Titles, places and texts come from third-party documents: whatever they hold must reach a
reader as text. XML (feeds, Akoma Ntoso, SVG) cannot carry some characters at all; a feed
summary is read as HTML by feed readers; a spreadsheet evaluates a CSV cell that looks like a
formula. Each format's rule lives here and every writer of that format calls it.
"""

from __future__ import annotations

import html
import re

# Characters XML 1.0 forbids (C0 controls but tab, newline and carriage return; lone
# surrogates; the non-characters U+FFFE and U+FFFF). Also refused in URLs (archive.middleware).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# A cell starting with one of these is a formula to Excel and LibreOffice (OWASP: CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_text(value: object) -> str:
    """Text that XML 1.0 can carry: the forbidden characters dropped (escaping is the writer's)."""
    return XML_INVALID.sub("", "" if value is None else str(value))


def xml_escaped(value: object) -> str:
    """Text or attribute value for hand-written XML: forbidden characters dropped, ``& < > " '`` escaped."""
    return html.escape(xml_text(value), quote=True)


def feed_html(value: object) -> str:
    """A feed summary (Atom ``type="html"``, RSS description): the text, HTML-escaped, so a feed
    reader shows ``<script>`` as those characters instead of running it."""
    return html.escape(xml_text(value), quote=False)


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading formula character is quoted with
    an apostrophe (the OWASP recommendation); forbidden control characters are dropped."""
    text = "" if value is None else str(value)
    text = XML_INVALID.sub("", text)
    return "'" + text if text.startswith(_FORMULA_START) else text


# iCalendar (RFC 5545) TEXT cannot carry control characters but tab (section 3.3.11); line
# breaks are written as the two characters "\n" instead.
_ICAL_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_ICAL_SPECIAL = re.compile(r"([\\;,])")
ICAL_LINE_OCTETS = 75


def ical_text(value: object) -> str:
    """An iCalendar TEXT value: ``\\ ; ,`` escaped with a backslash, line breaks as ``\\n``,
    control characters dropped (RFC 5545, 3.3.11)."""
    text = _ICAL_CONTROL.sub("", "" if value is None else str(value))
    text = _ICAL_SPECIAL.sub(r"\\\1", text)
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ical_line(name: str, value: str) -> str:
    """One content line ``NAME:value``, folded at 75 octets (a CRLF and a space before each
    continuation; a UTF-8 character is never split) and ended with CRLF (RFC 5545, 3.1)."""
    line = f"{name}:{value}"
    chunks, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        limit = ICAL_LINE_OCTETS if not chunks else ICAL_LINE_OCTETS - 1  # a continuation starts with a space
        if size + octets > limit:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += octets
    chunks.append("".join(current))
    return "\r\n ".join(chunks) + "\r\n"
