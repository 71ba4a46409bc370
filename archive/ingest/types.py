"""Result types of the parser pipeline (stable names: the store step builds on them).

Unknown values are ``None`` (or ``[]``), never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Allowed values (mirrors contracts/parse-output.schema.json)
DOCUMENT_KINDS = ("act", "agreement", "explanatory_note", "registry_card", "translation", "other")
AGREEMENT_KINDS = (
    "treaty",
    "agreement",
    "convention",
    "protocol",
    "memorandum",
    "exchange_of_notes",
    "other",
)
PARTY_LEVELS = ("state", "government", "agency")
ACT_TYPES = (
    "law",
    "federal_law",
    "government_decree",
    "government_decision",
    "presidential_decree",
    "other",
)
ACT_ACTIONS = ("ratify", "approve", "sign", "accede", "submit", "other")
RELATIONS = ("based_on", "supersedes", "amends", "implements", "references")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _evidence_contract(evidence: dict[str, list[Any]]) -> dict[str, list[dict[str, Any]]]:
    return {name: [e.to_contract() for e in items] for name, items in evidence.items()}


@dataclass
class ParsedArticle:
    number: str  # as numbered in the text: "1", "12bis", "12-1", "IV"
    heading: str | None
    text: str
    label: str | None = None  # the heading as the text writes it: "Article 5", "5-бап", "Статья 5"
    chapter: str | None = None  # the chapter / section heading that opens before this article

    def to_contract(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "heading": self.heading,
            "text": self.text,
            "label": self.label,
            "chapter": self.chapter,
        }


@dataclass
class ParsedAct:
    """The approving / ratifying / signing / submitting instrument."""

    type: str = "other"  # one of ACT_TYPES
    action: str | None = None  # one of ACT_ACTIONS
    country: str | None = None  # ISO alpha-2
    number: str | None = None  # without the № / N sign: "752", "27-ФЗ", "1363-Ա"
    date: dt.date | None = None
    title: str | None = None
    text: str = ""
    confidence: dict[str, float] = field(default_factory=dict)  # field -> 0..1
    evidence: dict[str, list[Any]] = field(default_factory=dict)  # field -> [Evidence]

    def to_contract(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "action": self.action,
            "country": self.country,
            "number": self.number,
            "date": _iso(self.date),
            "title": self.title,
            "confidence": dict(self.confidence),
            "evidence": _evidence_contract(self.evidence),
        }


@dataclass
class ParsedRelation:
    """A reference from the parsed agreement to another agreement."""

    relation: str  # one of RELATIONS
    title: str | None
    date: dt.date | None
    place: str | None = None
    quote: str = ""
    article_number: str | None = None  # None: preamble / act / note
    kind: str | None = None  # kind of the referenced agreement, if its title tells
    parties: list[str] = field(default_factory=list)  # ISO codes named in the reference
    multilateral: bool = False  # three or more parties, or a multilateral frame (CIS, SCO …)

    def to_contract(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "title": self.title,
            "date": _iso(self.date),
            "place": self.place,
            "kind": self.kind,
            "parties": list(self.parties),
            "multilateral": self.multilateral,
            "article_number": self.article_number,
            "quote": self.quote,
        }


@dataclass
class ParsedAuthority:
    country: str | None
    name: str

    def to_contract(self) -> dict[str, Any]:
        return {"country": self.country, "name": self.name}


@dataclass
class ParsedTerm:
    indefinite: bool = False
    years: int | None = None
    renewal_years: int | None = None
    notice_months: int | None = None

    def is_empty(self) -> bool:
        return not self.indefinite and self.years is None and self.notice_months is None

    def to_contract(self) -> dict[str, Any]:
        return {
            "indefinite": self.indefinite,
            "years": self.years,
            "renewal_years": self.renewal_years,
            "notice_months": self.notice_months,
        }


@dataclass
class ParsedVersion:
    """A further language version of the agreement in the same file (a second Text)."""

    language: str | None
    title: str | None = None
    preamble: str = ""
    final_clauses: str = ""
    signature_block: str = ""
    articles: list[ParsedArticle] = field(default_factory=list)
    start: int = 0  # offsets of the version in the normalised text
    end: int = 0

    def to_contract(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "title": self.title,
            "preamble": self.preamble,
            "final_clauses": self.final_clauses,
            "signature_block": self.signature_block,
            "articles": [a.to_contract() for a in self.articles],
            "start": self.start,
            "end": self.end,
        }


@dataclass
class ParsedAgreement:
    title: str | None = None
    title_en: str | None = None
    kind: str | None = None  # one of AGREEMENT_KINDS
    parties: list[str] = field(default_factory=list)  # ISO codes, in the order named
    parties_as_written: list[str] = field(default_factory=list)
    party_level: str | None = None  # one of PARTY_LEVELS
    signed_date: dt.date | None = None
    signed_place: str | None = None  # nominative: "Баку" for "Бакуде"
    entry_into_force_date: dt.date | None = None
    term: ParsedTerm | None = None
    authentic_languages: list[str] = field(default_factory=list)
    prevailing_language: str | None = None
    preamble: str = ""
    final_clauses: str = ""
    signature_block: str = ""
    articles: list[ParsedArticle] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    authorities: list[ParsedAuthority] = field(default_factory=list)
    language: str | None = None  # language of this text of the agreement
    territories: dict[str, str] = field(default_factory=dict)  # party -> territory it acts for (NL -> AW)
    multilateral: bool = False  # three or more parties
    versions: list[ParsedVersion] = field(default_factory=list)  # further language versions in the file
    confidence: dict[str, float] = field(default_factory=dict)  # field -> 0..1
    evidence: dict[str, list[Any]] = field(default_factory=dict)  # field -> [Evidence]

    def to_contract(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "title_en": self.title_en,
            "kind": self.kind,
            "parties": list(self.parties),
            "parties_as_written": list(self.parties_as_written),
            "party_level": self.party_level,
            "signed_date": _iso(self.signed_date),
            "signed_place": self.signed_place,
            "entry_into_force_date": _iso(self.entry_into_force_date),
            "term": self.term.to_contract() if self.term else None,
            "authentic_languages": list(self.authentic_languages),
            "prevailing_language": self.prevailing_language,
            "preamble": self.preamble,
            "final_clauses": self.final_clauses,
            "signature_block": self.signature_block,
            "articles": [a.to_contract() for a in self.articles],
            "topics": list(self.topics),
            "authorities": [a.to_contract() for a in self.authorities],
            "party_territories": dict(self.territories),
            "multilateral": self.multilateral,
            "versions": [v.to_contract() for v in self.versions],
            "confidence": dict(self.confidence),
            "evidence": _evidence_contract(self.evidence),
        }


@dataclass
class ParseResult:
    source: str
    language: str | None = None
    document_kinds: list[str] = field(default_factory=list)
    agreement: ParsedAgreement | None = None
    act: ParsedAct | None = None
    related: list[ParsedRelation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    original_text: str = ""
    normalised_text: str = ""
    sha256: str = ""
    media_type: str | None = None
    error: str | None = None  # set when the file could not be read at all
    registry: dict[str, str] = field(default_factory=dict)  # labelled fields of a record card

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_contract(self) -> dict[str, Any]:
        """The parse-output.schema.json object (plus a few extra keys, which it allows)."""
        return {
            "source": self.source,
            "language": self.language,
            "document_kinds": list(self.document_kinds),
            "agreement": self.agreement.to_contract() if self.agreement else None,
            "act": self.act.to_contract() if self.act else None,
            "related": [r.to_contract() for r in self.related],
            "warnings": list(self.warnings),
            "error": self.error,
            "sha256": self.sha256 or None,
            "media_type": self.media_type,
            "registry": dict(self.registry),
        }
