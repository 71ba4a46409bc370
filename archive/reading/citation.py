"""How to cite an agreement: a plain-text reference, a BibTeX entry and CSL-JSON (Zotero, Pandoc).

All three are built from one :class:`CitationFacts`; missing facts are left out rather than
printed as blanks. The English title is cited when there is one, else the original title.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .status import format_date

__all__ = ["ARCHIVE_NAME", "CitationFacts", "bibtex", "bibtex_escape", "csl_json", "plain"]

ARCHIVE_NAME = "Bilateral Agreements Archive"


@dataclass(frozen=True)
class CitationFacts:
    """What a citation needs, as plain values."""

    title: str
    title_en: str = ""
    kind: str = "agreement"
    parties: list[str] = field(default_factory=list)  # English country names, in the order the text names them
    signed_date: dt.date | None = None
    signed_place: str = ""
    act: str | None = None  # e.g. "Government decree No. 752 of 16 September 2024"
    url: str = ""
    slug: str = ""
    accessed: dt.date | None = None
    archive: str = ARCHIVE_NAME


def _title(facts: CitationFacts) -> str:
    return " ".join((facts.title_en or facts.title or facts.slug).split())


def _parties(facts: CitationFacts) -> str:
    return "–".join(p.strip() for p in facts.parties if p.strip())


def _signed(facts: CitationFacts) -> str:
    """'signed at Baku, 7 June 2024' / 'signed 7 June 2024' / 'signed at Baku' / ''."""
    place = facts.signed_place.strip()
    date = format_date(facts.signed_date) if facts.signed_date else ""
    if place and date:
        return f"signed at {place}, {date}"
    if place:
        return f"signed at {place}"
    if date:
        return f"signed {date}"
    return ""


def _act_verb(act: str) -> str:
    """'ratified by' for a ratification instrument, 'approved by' for anything else."""
    return "ratified by" if re.search(r"ratif", act, re.IGNORECASE) else "approved by"


def _act(facts: CitationFacts) -> str:
    act = " ".join((facts.act or "").split())
    return f"{_act_verb(act)} {act}" if act else ""


def plain(facts: CitationFacts) -> str:
    """One paragraph, e.g.

    ``Agreement … on cooperation in military intelligence in the field of defence (Kazakhstan–Azerbaijan),
    signed at Baku, 7 June 2024; approved by Government decree No. 752 of 16 September 2024.
    Bilateral Agreements Archive, https://…/ (accessed 22 November 2026).``
    """
    head = _title(facts).rstrip(".")
    parties = _parties(facts)
    if parties:
        head += f" ({parties})"
    details = "; ".join(part for part in (_signed(facts), _act(facts)) if part)
    first = f"{head}, {details}." if details else f"{head}."
    source = facts.archive
    if facts.url:
        source += f", {facts.url}"
    if facts.accessed:
        source += f" (accessed {format_date(facts.accessed)})"
    return f"{first} {source}."


# --- BibTeX ---------------------------------------------------------------------------------------

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_LATEX_RE = re.compile("|".join(re.escape(ch) for ch in _LATEX_SPECIALS))


def bibtex_escape(text: str) -> str:
    """Escape the LaTeX specials ``{}\\%$&#_^~`` in one pass (so nothing is escaped twice)."""
    return _LATEX_RE.sub(lambda m: _LATEX_SPECIALS[m.group(0)], " ".join(text.split()))


def _bibtex_key(facts: CitationFacts) -> str:
    """The slug, reduced to what every BibTeX key parser accepts: ASCII letters, digits, ``-_:.``."""
    key = unicodedata.normalize("NFKD", facts.slug)
    key = re.sub(r"[^A-Za-z0-9_:.-]+", "-", key.encode("ascii", "ignore").decode()).strip("-")
    return key or "agreement"


def _bibtex_url(url: str) -> str:
    # biblatex reads url verbatim (``%`` of percent-encoding is fine there); only braces and
    # whitespace could break the entry, so they are percent-encoded too.
    return url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def bibtex(facts: CitationFacts) -> str:
    """A ``@misc`` entry (understood by BibTeX and biblatex); the title braced to keep its capitals."""
    fields: list[tuple[str, str]] = [("title", "{" + bibtex_escape(_title(facts)) + "}")]
    if facts.parties:
        fields.append(("author", " and ".join("{" + bibtex_escape(p) + "}" for p in facts.parties if p.strip())))
    if facts.signed_date:
        fields.append(("year", str(facts.signed_date.year)))
        fields.append(("date", facts.signed_date.isoformat()))
    note = "; ".join(part for part in (_signed(facts), _act(facts)) if part)
    if note:
        fields.append(("note", bibtex_escape(note[0].upper() + note[1:])))
    fields.append(("howpublished", bibtex_escape(facts.archive)))
    if facts.url:
        fields.append(("url", _bibtex_url(facts.url)))
    if facts.accessed:
        fields.append(("urldate", facts.accessed.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{_bibtex_key(facts)},\n{body}\n}}\n"


# --- CSL-JSON -------------------------------------------------------------------------------------


def _date_parts(day: dt.date) -> dict[str, Any]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_json(facts: CitationFacts) -> dict[str, Any]:
    """One CSL-JSON item of type ``treaty`` (a list of such dicts is what citation managers import)."""
    item: dict[str, Any] = {"id": facts.slug or "agreement", "type": "treaty", "title": _title(facts)}
    if facts.title_en and facts.title and facts.title_en != facts.title:
        item["original-title"] = " ".join(facts.title.split())
    if facts.kind:
        item["genre"] = facts.kind.replace("_", " ").capitalize()
    parties = _parties(facts)
    if parties:
        item["authority"] = parties
    if facts.signed_date:
        item["issued"] = _date_parts(facts.signed_date)
    if facts.signed_place.strip():
        item["publisher-place"] = facts.signed_place.strip()
    act = _act(facts)
    if act:
        item["note"] = act[0].upper() + act[1:]
    item["archive"] = facts.archive
    if facts.url:
        item["URL"] = facts.url
    if facts.accessed:
        item["accessed"] = _date_parts(facts.accessed)
    return item
