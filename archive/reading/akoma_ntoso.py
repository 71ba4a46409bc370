"""One language text of an agreement as Akoma Ntoso 3.0 XML (OASIS LegalDocML).

Document type: ``<act name="<kind>">``, not ``<doc name="treaty">``. A bilateral agreement is a
normative instrument (it binds its parties) divided into numbered articles, and ``act`` is the
AKN type whose content model fits that: ``preface``, ``preamble``, a ``body`` of hierarchical
``article`` elements (with eIds that permalinks can target) and ``conclusions`` for the final
clauses. ``doc`` is the generic type for non-normative documents; its ``mainBody`` has no article
hierarchy, so the articles would lose their structure. The kind (treaty, agreement, protocol …)
is the subtype: the ``name`` attribute and ``FRBRsubtype``, as the AKN naming convention does.

Identifiers follow the AKN naming convention::

    work          /akn/kz/act/agreement/2024-06-07/kz-az-2024-military-intelligence/!main
    expression    /akn/kz/act/agreement/2024-06-07/kz-az-2024-military-intelligence/kaz@/!main
    manifestation /akn/kz/act/agreement/2024-06-07/kz-az-2024-military-intelligence/kaz@/!main.xml

A bilateral agreement has no single jurisdiction and the convention has no code for a pair, so the
URI uses the first party in the order the text names it (``jurisdiction`` overrides that); all the
parties are listed as ``FRBRauthor`` of the work, each a ``TLCOrganization`` in ``references``.
Languages are ISO 639-2/T three-letter codes, as the convention requires.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from archive.formats import XML_INVALID

from .citation import ARCHIVE_NAME

__all__ = ["AKN_NS", "ISO639_2", "AknArticle", "AknDocument", "article_eid", "to_akn"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# ISO 639-1 -> ISO 639-2/T (terminological) for the languages the archive holds texts in.
ISO639_2 = {
    "kk": "kaz",
    "ru": "rus",
    "hy": "hye",
    "en": "eng",
    "az": "aze",
    "uz": "uzb",
    "ky": "kir",
    "tg": "tgk",
    "tk": "tuk",
    "tr": "tur",
    "ka": "kat",
    "be": "bel",
    "uk": "ukr",
    "zh": "zho",
    "fa": "fas",
    "de": "deu",
    "fr": "fra",
    "es": "spa",
    "ar": "ara",
    "mn": "mon",
    "ro": "ron",
    "pl": "pol",
    "it": "ita",
}

# Characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return; lone surrogates; U+FFFE/F).


@dataclass(frozen=True)
class AknArticle:
    number: str  # as numbered in the text: "1", "12bis", "IV"
    heading: str = ""
    body: str = ""  # paragraphs separated by line breaks
    label: str = ""  # the heading as written ("1-бап", "Article 1"): <num> when known


@dataclass(frozen=True)
class AknDocument:
    """One language text of an agreement, as plain values."""

    slug: str
    kind: str = "agreement"
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2, in the order the text names them
    signed_date: dt.date | None = None
    language: str = "en"  # ISO 639-1
    title: str = ""
    preamble: str = ""
    articles: list[AknArticle | tuple[str, str, str]] = field(default_factory=list)
    final_clauses: str = ""
    base_url: str = ""  # the archive's address, e.g. "https://archive.example.org"
    country_names: dict[str, str] = field(default_factory=dict)  # code -> display name for TLCOrganization
    jurisdiction: str | None = None  # overrides the first party in the URI
    is_authentic: bool = True
    generated: dt.date | None = None  # manifestation date; today when not given


def _clean(text: str) -> str:
    return XML_INVALID.sub("", unicodedata.normalize("NFC", text or ""))  # one rule for all XML (archive.formats)


def _paragraphs(text: str) -> list[str]:
    """One paragraph per non-blank line, inner whitespace collapsed."""
    return [" ".join(line.split()) for line in _clean(text).splitlines() if line.strip()]


def _token(text: str, default: str) -> str:
    """Lower-case ASCII letters, digits and hyphens: safe in an eId or a URI component."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    token = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return token or default


def article_eid(number: str) -> str:
    """``art_<number>`` with the number reduced to ``[a-z0-9-]``: '12 bis' -> 'art_12bis', '12.1' -> 'art_12-1'."""
    compact = re.sub(r"(?<=\d)\s+(?=[A-Za-z])", "", number.strip())  # "12 bis" -> "12bis"
    return "art_" + _token(compact, "nn")


def _language3(code: str) -> str:
    code = (code or "").lower()
    if len(code) == 3:
        return code
    return ISO639_2.get(code[:2], "und")


def _sub(parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs or {})
    if text is not None:
        element.text = text
    return element


def _blocks(parent: ET.Element, text: str, empty_ok: bool = False) -> None:
    paragraphs = _paragraphs(text)
    if not paragraphs and not empty_ok:
        _sub(parent, "p")  # the content models need at least one block
    for paragraph in paragraphs:
        _sub(parent, "p", text=paragraph)


def to_akn(doc: AknDocument) -> bytes:
    """The document as UTF-8 Akoma Ntoso 3.0 XML, with an XML declaration."""
    kind = _token(doc.kind or "agreement", "agreement")
    countries = [c.lower() for c in doc.countries if c]
    jurisdiction = _token(doc.jurisdiction or (countries[0] if countries else ""), "int")
    date = doc.signed_date.isoformat() if doc.signed_date else "0001-01-01"
    language = _language3(doc.language)
    work_uri = f"/akn/{jurisdiction}/act/{kind}/{date}/{_token(doc.slug, 'agreement')}"
    expression_uri = f"{work_uri}/{language}@"
    generated = (doc.generated or dt.date.today()).isoformat()

    # Unqualified tags under a literal xmlns: ElementTree's default_namespace option refuses
    # unqualified attributes, and every AKN attribute is unqualified.
    root = ET.Element("akomaNtoso", {"xmlns": AKN_NS})
    act = _sub(root, "act", {"name": kind, "contains": "originalVersion"})
    meta = _sub(act, "meta")

    identification = _sub(meta, "identification", {"source": "#archive"})
    work = _sub(identification, "FRBRWork")
    _sub(work, "FRBRthis", {"value": f"{work_uri}/!main"})
    _sub(work, "FRBRuri", {"value": work_uri})
    if doc.title:
        _sub(work, "FRBRalias", {"value": " ".join(_clean(doc.title).split()), "name": "title"})
    _sub(work, "FRBRdate", {"date": date, "name": "signature" if doc.signed_date else "unknown"})
    for code in countries or [jurisdiction]:
        _sub(work, "FRBRauthor", {"href": f"#{_token(code, 'party')}", "as": "#party"})
    _sub(work, "FRBRcountry", {"value": jurisdiction})
    _sub(work, "FRBRsubtype", {"value": kind})

    expression = _sub(identification, "FRBRExpression")
    _sub(expression, "FRBRthis", {"value": f"{expression_uri}/!main"})
    _sub(expression, "FRBRuri", {"value": expression_uri})
    _sub(expression, "FRBRdate", {"date": date, "name": "signature" if doc.signed_date else "unknown"})
    _sub(expression, "FRBRauthor", {"href": "#archive"})
    _sub(expression, "FRBRauthoritative", {"value": "true" if doc.is_authentic else "false"})
    _sub(expression, "FRBRlanguage", {"language": language})

    manifestation = _sub(identification, "FRBRManifestation")
    _sub(manifestation, "FRBRthis", {"value": f"{expression_uri}/!main.xml"})
    _sub(manifestation, "FRBRuri", {"value": f"{expression_uri}.akn"})
    _sub(manifestation, "FRBRdate", {"date": generated, "name": "generation"})
    _sub(manifestation, "FRBRauthor", {"href": "#archive"})
    _sub(manifestation, "FRBRformat", {"value": "application/akn+xml"})

    references = _sub(meta, "references", {"source": "#archive"})
    base = doc.base_url.rstrip("/")
    _sub(
        references,
        "TLCOrganization",
        {"eId": "archive", "href": base + "/" if base else "/ontology/organization/archive", "showAs": ARCHIVE_NAME},
    )
    for code in countries or [jurisdiction]:
        token = _token(code, "party")
        name = doc.country_names.get(code.upper()) or doc.country_names.get(code) or code.upper()
        _sub(
            references,
            "TLCOrganization",
            {"eId": token, "href": f"/ontology/organization/{token}", "showAs": _clean(name)},
        )
    _sub(references, "TLCRole", {"eId": "party", "href": "/ontology/role/party", "showAs": "Party"})

    if doc.title:
        preface = _sub(act, "preface")
        long_title = _sub(preface, "longTitle")
        title_p = _sub(long_title, "p")
        _sub(title_p, "docTitle", text=" ".join(_clean(doc.title).split()))

    if _paragraphs(doc.preamble):
        _blocks(_sub(act, "preamble"), doc.preamble)

    body = _sub(act, "body")
    seen: dict[str, int] = {}
    articles = [a if isinstance(a, AknArticle) else AknArticle(*a) for a in doc.articles]
    for article in articles:
        eid = article_eid(article.number)
        seen[eid] = seen.get(eid, 0) + 1
        if seen[eid] > 1:  # two articles numbered alike (a parsing slip): keep eIds unique
            eid = f"{eid}-{seen[eid]}"
        element = _sub(body, "article", {"eId": eid})
        _sub(element, "num", text=_clean(article.label or article.number).strip())
        heading = " ".join(_clean(article.heading).split())
        if heading:
            _sub(element, "heading", text=heading)
        _blocks(_sub(element, "content"), article.body)
    if not articles:  # body needs one hierarchical element; an unstructured text is one container
        container = _sub(body, "hcontainer", {"eId": "hcontainer_1", "name": "text"})
        _sub(_sub(container, "content"), "p")

    if _paragraphs(doc.final_clauses):
        _blocks(_sub(act, "conclusions"), doc.final_clauses)

    ET.indent(root, space="  ")
    if doc.title:  # indent() put whitespace around the inline docTitle: that would become text of the title
        title_p.text = None
        title_p[0].tail = None
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"
