"""Review: an editor checks what the parser found, beside the passages it found it in.

Plain Python, called by the admin's review views and by ``export_corrections``:

* :func:`queue` — every draft and every source that needs review, oldest first, with why;
* :func:`facts_for_review` — the reviewable facts of an agreement, each with the parser's value,
  its confidence and its evidence (offsets into the source's normalised text);
* :func:`highlight` — that text as HTML, each evidence passage marked;
* :func:`apply_review` — the editor's values saved, every changed fact recorded with the
  parser's value and the editor's (``Review.changes``): the corrections that teach the parser;
* :func:`merge_into`, :func:`reject`, :func:`send_back` — the other decisions;
* :func:`correction_rates` — how often each fact is corrected ("parties: 12 % of reviews").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.ingest.evidence import CONFIDENT
from archive.language.countries import find_countries
from archive.models import (
    Agreement,
    Country,
    Kind,
    Level,
    ParseStatus,
    Party,
    Relation,
    Review,
    SourceDocument,
    Text,
    Topic,
)
from archive.publication import publish

# The facts the review form shows, in its order: form field -> key in the parser's report.
FIELDS: dict[str, str] = {
    "title": "title",
    "title_en": "title_en",
    "kind": "kind",
    "level": "party_level",
    "parties": "parties",
    "signed_date": "signed_date",
    "signed_place": "signed_place",
    "entry_into_force_date": "entry_into_force_date",
    "term_indefinite": "term",
    "term_years": "term",
    "renewal_years": "term",
    "notice_months": "term",
    "authentic_languages": "authentic_languages",
    "prevailing_language": "prevailing_language",
    "topics": "topics",
}
_TERM_KEYS = {"term_indefinite": "indefinite", "term_years": "years", "renewal_years": "renewal_years"}


@dataclass
class Span:
    start: int
    end: int
    quote: str
    where: str  # the part of the document the parser read it in ("title", "act", "signature" …)


@dataclass
class ReviewFact:
    name: str
    parser_value: Any
    current_value: Any
    confidence: float | None
    evidence: list[Span] = field(default_factory=list)

    @property
    def doubtful(self) -> bool:
        """Low confidence, or nothing found: the editor's eye goes here first."""
        if self.confidence is not None and self.confidence < CONFIDENT:
            return True
        return self.name in ("parties", "signed_date", "title") and self.parser_value in (None, "", [])

    @property
    def corrected(self) -> bool:
        return _norm(self.parser_value) != _norm(self.current_value)


@dataclass
class QueueItem:
    agreement: Agreement | None
    sources: list[SourceDocument]
    reasons: list[str]
    since: dt.datetime

    @property
    def title(self) -> str:
        if self.agreement is not None:
            return str(self.agreement)
        return self.sources[0].filename if self.sources else "?"


def queue(limit: int = 500) -> list[QueueItem]:
    """Drafts and sources needing review, oldest first, each with its reasons in words."""
    items: dict[Any, QueueItem] = {}
    sources = Prefetch("sources", queryset=SourceDocument.objects.defer("text").order_by("uploaded_at"))
    drafts = (
        Agreement.objects.filter(published_at__isnull=True)
        .filter(sources__isnull=False)  # not a stub: the draft of a stored document
        .prefetch_related(sources)
        .distinct()
        .order_by("created_at")[:limit]
    )
    for agreement in drafts:
        items[agreement.pk] = QueueItem(agreement, [], ["draft: not published yet"], agreement.created_at)
    # a published agreement with a new (or replaced) text that readers do not see yet
    with_draft_texts = (
        Agreement.objects.filter(published_at__isnull=False)
        .filter(Exists(Text.objects.filter(agreement=OuterRef("pk"), published_at__isnull=True)))
        .prefetch_related("texts", sources)
        .distinct()
        .order_by("updated_at")[:limit]
    )
    for agreement in with_draft_texts:
        languages = sorted(t.language for t in agreement.texts.all() if t.published_at is None)
        oldest = min(t.created_at for t in agreement.texts.all() if t.published_at is None)
        items[agreement.pk] = QueueItem(agreement, [], [f"a text not published yet: {', '.join(languages)}"], oldest)
    waiting = (
        SourceDocument.objects.filter(status=ParseStatus.NEEDS_REVIEW)
        .select_related("agreement")
        .defer("text")
        .order_by("uploaded_at")[:limit]
    )
    for source in waiting:
        key = source.agreement_id or f"source-{source.pk}"
        item = items.get(key) or QueueItem(source.agreement, [], [], source.uploaded_at)
        item.sources.append(source)
        item.reasons += [r for r in (source.report or {}).get("review", []) if r not in item.reasons]
        item.since = min(item.since, source.uploaded_at)
        items[key] = item
    for item in items.values():
        if item.agreement is not None and not item.sources:
            item.sources = list(item.agreement.sources.all())  # prefetched above
        for source in item.sources:
            low = _low_confidence((source.report or {}).get("agreement") or {})
            # the store's own reasons already name uncertain facts ("uncertain parties (0.60 …)")
            low = [name for name in low if not any(name.replace("_", " ") in r for r in item.reasons)]
            if low:
                reason = "low confidence: " + ", ".join(low)
                if reason not in item.reasons:
                    item.reasons.append(reason)
    return sorted(items.values(), key=lambda item: item.since)[:limit]


def _low_confidence(report: dict) -> list[str]:
    return [name for name, value in (report.get("confidence") or {}).items() if value is not None and value < CONFIDENT]


def review_source(agreement: Agreement) -> SourceDocument | None:
    """The source whose parse the review is about: the newest one still needing review, else
    the newest agreement text, else any."""
    sources = list(agreement.sources.order_by("-uploaded_at"))
    for wanted in (
        lambda s: s.status == ParseStatus.NEEDS_REVIEW,
        lambda s: s.kind == "text",
        lambda s: True,
    ):
        for source in sources:
            if wanted(source):
                return source
    return None


def current_values(agreement: Agreement) -> dict[str, Any]:
    return {
        "title": agreement.title,
        "title_en": agreement.title_en,
        "kind": agreement.kind,
        "level": agreement.level,
        "parties": agreement.party_codes(),
        "signed_date": agreement.signed_date,
        "signed_place": agreement.signed_place,
        "entry_into_force_date": agreement.entry_into_force_date,
        "term_indefinite": agreement.term_indefinite,
        "term_years": agreement.term_years,
        "renewal_years": agreement.renewal_years,
        "notice_months": agreement.notice_months,
        "authentic_languages": list(agreement.authentic_languages),
        "prevailing_language": agreement.prevailing_language,
        "topics": sorted(agreement.topics.values_list("slug", flat=True)),
    }


def parser_values(report: dict) -> dict[str, Any]:
    """The parser's reading of each reviewable fact, from a source's stored report."""
    parsed = (report or {}).get("agreement") or {}
    term = parsed.get("term") or {}
    values: dict[str, Any] = {}
    for name, key in FIELDS.items():
        if key == "term":
            values[name] = term.get(_TERM_KEYS.get(name, name))
        elif name == "level":
            values[name] = parsed.get(key) or ""
        elif name in ("signed_date", "entry_into_force_date"):
            values[name] = _date(parsed.get(key))
        elif name in ("parties", "authentic_languages"):
            values[name] = list(parsed.get(key) or [])
        elif name == "topics":
            values[name] = sorted(parsed.get(key) or [])
        else:
            values[name] = parsed.get(key) or ""
    return values


def facts_for_review(agreement: Agreement, source: SourceDocument | None) -> list[ReviewFact]:
    report = (source.report if source else None) or {}
    parsed = report.get("agreement") or {}
    confidence = parsed.get("confidence") or {}
    evidence = parsed.get("evidence") or {}
    parsed_values = parser_values(report) if parsed else current_values(agreement)
    now = current_values(agreement)
    facts = []
    for name, key in FIELDS.items():
        spans = [
            Span(int(e["start"]), int(e["end"]), e.get("quote") or "", e.get("source") or "")
            for e in evidence.get(key, [])
            if isinstance(e, dict) and e.get("start") is not None and e.get("end") is not None
        ]
        facts.append(ReviewFact(name, parsed_values.get(name), now.get(name), confidence.get(key), spans))
    return facts


def highlight(text: str, facts: list[ReviewFact]) -> SafeString:
    """The normalised text as HTML, every evidence passage in a ``<mark>`` naming its facts;
    the first passage of each fact carries the anchor ``ev-<fact>`` the form links to."""
    n = len(text)
    spans = [(max(0, s.start), min(n, s.end), f.name) for f in facts for s in f.evidence if s.end > s.start]
    cuts = sorted({0, n, *(s for s, _e, _f in spans), *(e for _s, e, _f in spans)})
    anchored: set[str] = set()
    out = []
    for a, b in pairwise(cuts):
        names = sorted({name for s, e, name in spans if s <= a and b <= e})
        piece = escape(text[a:b])
        if not names:
            out.append(piece)
            continue
        anchors = "".join(f'<span id="ev-{name}"></span>' for name in names if name not in anchored)
        anchored.update(names)
        out.append(f'{anchors}<mark data-facts="{" ".join(names)}">{piece}</mark>')
    return mark_safe("".join(out))


def country_code(value: str) -> str | None:
    """A country from what the picker sends: its code, or a name in any language we hold."""
    value = (value or "").strip()
    if not value:
        return None
    head = value.split("—")[0].split(" - ")[0].strip()
    if len(head) == 2 and Country.objects.filter(code=head.upper()).exists():
        return head.upper()
    # the parser's own name index: CLDR names in every language, variants, inflected forms
    found = list(dict.fromkeys(find_countries(value)))
    return found[0] if len(found) == 1 and Country.objects.filter(code=found[0]).exists() else None


@transaction.atomic
def apply_review(agreement: Agreement, values: dict[str, Any], editor, action: str = Review.Action.SAVE) -> Review:
    """Save the editor's values; record each fact that now differs from the parser's reading."""
    source = review_source(agreement)
    parser = facts_for_review(agreement, source)
    parser_by_name = {fact.name: fact.parser_value for fact in parser}
    for name in ("title", "title_en", "signed_place", "prevailing_language"):
        if name in values:
            setattr(agreement, name, values[name] or "")
    if "kind" in values:
        agreement.kind = Kind.parse(values["kind"])
    if "level" in values:
        agreement.level = values["level"] if values["level"] in Level.values else ""
    for name in ("signed_date", "entry_into_force_date", "term_indefinite", "term_years", "renewal_years"):
        if name in values:
            setattr(agreement, name, values[name])
    if "notice_months" in values:
        agreement.notice_months = values["notice_months"]
    if "authentic_languages" in values:
        agreement.authentic_languages = list(values["authentic_languages"] or [])
    agreement.save()
    if "parties" in values:
        _set_parties(agreement, values["parties"])
    if "topics" in values:
        agreement.topics.set(Topic.objects.filter(slug__in=values["topics"]))
    agreement.refresh_status()
    now = current_values(agreement)
    changes = {
        name: [_plain(parser_by_name.get(name)), _plain(now[name])]
        for name in FIELDS
        if name in values and _norm(parser_by_name.get(name)) != _norm(now[name])
    }
    review = Review.objects.create(
        agreement=agreement,
        source=source,
        editor=editor if getattr(editor, "pk", None) else None,
        action=action,
        reviewed_fields=[name for name in FIELDS if name in values],
        changes=changes,
    )
    if source is not None and source.status == ParseStatus.NEEDS_REVIEW and action == Review.Action.PUBLISH:
        SourceDocument.objects.filter(pk=source.pk).update(status=ParseStatus.PARSED)
    if action == Review.Action.PUBLISH:
        publish(agreement)
    return review


def needs_second_editor(agreement: Agreement, editor) -> bool:
    """With ``REVIEW_SECOND_APPROVAL`` on, a draft is published only by an editor other than
    one who has already reviewed (saved) it: the first saves, the second publishes."""
    from django.conf import settings

    if not getattr(settings, "REVIEW_SECOND_APPROVAL", False) or agreement.published_at is not None:
        return False
    others = Review.objects.filter(agreement=agreement, action=Review.Action.SAVE).exclude(editor=editor)
    return not others.exclude(editor__isnull=True).exists()


def _set_parties(agreement: Agreement, codes: list[str]) -> None:
    codes = list(dict.fromkeys(c for c in codes if c))
    existing = {p.country_id: p for p in agreement.parties.all()}
    for code in set(existing) - set(codes):
        existing[code].delete()
    for order, code in enumerate(codes):
        party = existing.get(code)
        if party is None:
            Party.objects.create(agreement=agreement, country_id=code, order=order)
        elif party.order != order:
            party.order = order
            party.save()
    agreement.refresh_pair()


@transaction.atomic
def merge_into(draft: Agreement, target: Agreement, editor) -> Agreement:
    """The draft is the same agreement as ``target``: its texts, acts, sources and relations
    move there (a text in a language the target already has is dropped, its source kept), the
    draft goes away and its address redirects to the target's once it is published."""
    from archive.models import FormerSlug

    assert draft.pk != target.pk
    languages = set(target.texts.values_list("language", flat=True))
    for text in draft.texts.all():
        if text.language in languages:
            text.delete()
        else:
            text.agreement = target
            text.save(update_fields=["agreement"])
    draft.acts.update(agreement=target)
    SourceDocument.objects.filter(agreement=draft).update(agreement=target)
    for rel in Relation.objects.filter(subject=draft).exclude(object=target):
        Relation.objects.get_or_create(subject=target, object=rel.object, predicate=rel.predicate)
    for rel in Relation.objects.filter(object=draft).exclude(subject=target):
        Relation.objects.get_or_create(subject=rel.subject, object=target, predicate=rel.predicate)
    Review.objects.create(agreement=target, editor=editor, action=Review.Action.MERGE, note=f"merged {draft.slug}")
    FormerSlug.objects.filter(agreement=draft).update(agreement=target)
    slug = draft.slug
    draft.delete()
    FormerSlug.objects.get_or_create(slug=slug, defaults={"agreement": target})
    target.refresh_status()
    return target


@transaction.atomic
def reject(agreement: Agreement, editor, note: str = "") -> None:
    """Not an agreement worth keeping (a news page, a wrong file): its sources are kept, marked
    rejected; the draft itself is removed if nothing else holds it."""
    if agreement.published_at is not None:
        raise ValueError("a published agreement is withdrawn, not rejected")
    sources = list(agreement.sources.all())
    SourceDocument.objects.filter(pk__in=[s.pk for s in sources]).update(status=ParseStatus.REJECTED, agreement=None)
    Review.objects.create(source=sources[0] if sources else None, editor=editor, action=Review.Action.REJECT, note=note)
    if not agreement.relations_in.exists():
        agreement.delete()


def send_back(agreement: Agreement, editor, note: str) -> Review:
    """Not ready: it stays a draft and in the queue, with the editor's note for the next one."""
    source = review_source(agreement)
    if source is not None:
        report = dict(source.report or {})
        report["review"] = [*report.get("review", []), f"sent back: {note}" if note else "sent back"]
        SourceDocument.objects.filter(pk=source.pk).update(status=ParseStatus.NEEDS_REVIEW, report=report)
    return Review.objects.create(
        agreement=agreement, source=source, editor=editor, action=Review.Action.SEND_BACK, note=note
    )


def correction_rates() -> list[tuple[str, int, int]]:
    """(fact, reviews that corrected it, reviews that showed it), most corrected first."""
    shown: Counter[str] = Counter()
    corrected: Counter[str] = Counter()
    for reviewed, changes in Review.objects.filter(action__in=[Review.Action.SAVE, Review.Action.PUBLISH]).values_list(
        "reviewed_fields", "changes"
    ):
        shown.update(reviewed or [])
        corrected.update(list(changes or {}))
    rows = [(name, corrected[name], shown[name]) for name in FIELDS if shown[name]]
    return sorted(rows, key=lambda row: (-row[1] / row[2], row[0]))


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _norm(value: Any) -> Any:
    value = _plain(value)
    if value in (None, "", []):
        return None
    if isinstance(value, list):
        return sorted(value)
    return value
