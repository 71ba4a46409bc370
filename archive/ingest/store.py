"""Store a parse result: one transaction per file, idempotent by sha256.

Takes already-parsed data (see archive.ingest.types) and writes it; it never
parses. The admin upload, ``ingest`` and ``load_corpus`` all come through here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.db import IntegrityError, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from archive.ingest.evidence import CONFIDENT
from archive.ingest.link import find_agreement, match_parsed
from archive.ingest.types import ParsedAgreement, ParsedRelation, ParseResult
from archive.models import (
    Act,
    ActAction,
    ActType,
    Agreement,
    Article,
    Authority,
    Country,
    Kind,
    Level,
    ParseStatus,
    Party,
    Predicate,
    Relation,
    SourceDocument,
    SourceKind,
    Status,
    Text,
    Topic,
)
from archive.models.sources import content_path
from archive.search.index import reindex_agreements
from archive.search.thesaurus import suggest_topics
from archive.slugs import agreement_slug
from archive.storage import save_content_addressed

log = logging.getLogger(__name__)


@dataclass
class StoreOutcome:
    source: SourceDocument
    agreement: Agreement | None = None
    created: bool = False
    updated: bool = False
    duplicate: bool = False
    linked: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)  # agreements whose search vectors are stale

    @property
    def status(self) -> str:
        return self.source.status


def _save_file(source: SourceDocument, data: bytes, filename: str) -> None:
    path = content_path(source, filename)
    save_content_addressed(path, data, source.sha256)
    source.file.name = path


def store_failure(data: bytes, filename: str, error: str, user=None) -> StoreOutcome:
    """Keep an unreadable file with its error, so nothing uploaded is lost."""
    sha = SourceDocument.digest(data)
    existing = SourceDocument.objects.filter(sha256=sha).first()
    if existing:
        return StoreOutcome(source=existing, duplicate=True)
    source = SourceDocument(
        sha256=sha,
        filename=PurePosixPath(filename).name[:255],
        media_type="application/octet-stream",
        size=len(data),
        status=ParseStatus.FAILED,
        error=error,
        kind=SourceKind.OTHER,
        uploaded_by=user,
    )
    _save_file(source, data, filename)
    try:
        with transaction.atomic():
            source.save()
    except IntegrityError:  # a concurrent upload of the same bytes won
        return StoreOutcome(source=SourceDocument.objects.get(sha256=sha), duplicate=True)
    return StoreOutcome(source=source)


def store_result(
    result: ParseResult, data: bytes, filename: str, user=None, *, reindex: bool = True, publish: bool = False
) -> StoreOutcome:
    """Write everything the parser found in one transaction; a re-upload is a no-op.

    What it creates is a draft (texts too, and a text it replaces), seen by editors only,
    unless ``publish`` says the load is trusted (the seed corpus, ``ingest --publish``).

    ``reindex=False`` leaves the search vectors of ``outcome.touched`` to the caller: a bulk
    load recomputes them for many files at once (``reindex_agreements``), and any left
    without (``search_vector IS NULL``) after a crash are found by ``reindex_missing``."""
    if not result.ok:
        return store_failure(data, filename, result.error or "unreadable", user)
    sha = result.sha256 or SourceDocument.digest(data)
    existing = SourceDocument.objects.filter(sha256=sha).first()
    if existing:
        return StoreOutcome(source=existing, agreement=existing.agreement, duplicate=True)
    try:
        with transaction.atomic():
            outcome = _store(result, sha, data, filename, user)
            if publish:
                _publish_stored(outcome)
    except IntegrityError:
        existing = SourceDocument.objects.filter(sha256=sha).first()
        if existing is None:
            raise
        return StoreOutcome(source=existing, agreement=existing.agreement, duplicate=True)
    if reindex and outcome.touched:
        reindex_agreements(outcome.touched)
        outcome.touched = set()
    return outcome


def _publish_stored(outcome: StoreOutcome) -> None:
    """A trusted load: what this file created or added is public at once (addresses as made)."""
    now = timezone.now()
    if outcome.agreement is None:
        return
    ids = (outcome.touched or set()) | {outcome.agreement.pk}
    # the agreement itself, and the stubs this file created (agreements without a text)
    Agreement.objects.filter(pk=outcome.agreement.pk, published_at__isnull=True).update(published_at=now)
    Agreement.objects.filter(pk__in=ids, published_at__isnull=True, texts__isnull=True).update(published_at=now)
    Text.objects.filter(source=outcome.source, published_at__isnull=True).update(published_at=now)
    outcome.agreement.published_at = outcome.agreement.published_at or now


def _source_kind(result: ParseResult) -> str:
    kinds = set(result.document_kinds)
    if "explanatory_note" in kinds:
        return SourceKind.NOTE
    if "agreement" in kinds or "translation" in kinds:
        return SourceKind.TEXT
    if "registry_card" in kinds:
        return SourceKind.REGISTRY_CARD
    if "act" in kinds:
        return SourceKind.ACT
    return SourceKind.OTHER


def _store(result: ParseResult, sha: str, data: bytes, filename: str, user) -> StoreOutcome:
    kind = _source_kind(result)
    warnings = list(result.warnings)
    source = SourceDocument(
        sha256=sha,
        filename=PurePosixPath(filename).name[:255],
        media_type=result.media_type or "text/plain",
        size=len(data),
        kind=kind,
        language=result.language or "",
        uploaded_by=user,
        # the text the evidence offsets point into: the review page highlights it
        text=result.normalised_text,
    )
    contract = result.to_contract()  # the report; written once, by _finish
    _save_file(source, data, filename)
    source.save()
    outcome = StoreOutcome(source=source)

    parsed = result.agreement
    if parsed is None:
        _finish(source, warnings, outcome, ["no agreement recognised"], contract)
        return outcome

    match = match_parsed(parsed, result.language)
    outcome.decisions.append(match.reason)
    agreement = match.agreement
    has_articles = bool(parsed.articles) and kind == SourceKind.TEXT
    if agreement is None:
        agreement = _create_agreement(parsed, result.language, is_draft=kind == SourceKind.NOTE)
        outcome.created = True
        outcome.decisions.append(f"created {agreement.slug}")
    else:
        _fill_agreement(agreement, parsed, result.language, authoritative=has_articles)
        outcome.updated = True

    if has_articles:
        _store_text(agreement, parsed, result.language or "", source, outcome)
        for version in parsed.versions:
            # a second language version in the same file: a Text of its own, not more articles
            if version.articles and version.language and version.language != result.language:
                _store_text(agreement, version, version.language, source, outcome, parsed=parsed)
                outcome.decisions.append(f"stored the {version.language} version as a text of its own")
    elif kind == SourceKind.TEXT:
        warnings.append("no articles found: the text was kept, not split")
    if result.act:
        _store_act(agreement, result, source)
    touched = {agreement.pk}
    for ref in result.related:
        linked = _store_relation(agreement, parsed, ref)
        if linked:
            outcome.linked.append(linked[0])
            touched.add(linked[1].pk)
    # an agreement created from this file is nobody's object yet: nothing supersedes it
    status = stored_status(agreement, superseded_by=[] if outcome.created else None)
    if status != agreement.status or not outcome.created:
        agreement.status = status
        agreement.save()
    source.agreement = agreement
    outcome.agreement = agreement
    _finish(source, warnings, outcome, review_reasons(result, kind), contract)
    outcome.touched = touched
    return outcome


def review_reasons(result: ParseResult, kind: str) -> list[str]:
    """What a reviewer must look at. The parser's repair notes ("joined 61 hard-wrapped
    lines") are information, not doubts: only missing or uncertain facts count here."""
    reasons = []
    parsed = result.agreement
    if parsed is None:
        return ["no agreement recognised"]
    if len(parsed.parties) < 2:
        reasons.append("fewer than two parties recognised")
    if kind == SourceKind.TEXT:
        if not parsed.articles:
            reasons.append("no articles found")
        if not parsed.signed_date:
            reasons.append("no date of signature found")
        if not parsed.title:
            reasons.append("no title found")
    if result.act and (not result.act.number or not result.act.date):
        reasons.append("the act's number or date is missing")
    eif, signed = parsed.entry_into_force_date, parsed.signed_date
    if eif and signed and eif < signed:
        reasons.append(
            f"entry into force ({eif.isoformat()}) before the signature ({signed.isoformat()}): "
            "the entry into force was not stored"
        )
    for name, confidence in parsed.confidence.items():
        if confidence < CONFIDENT and getattr(parsed, name, None) not in (None, "", []):
            sources = ", ".join(dict.fromkeys(e.source for e in parsed.evidence.get(name, [])))
            reasons.append(f"uncertain {name.replace('_', ' ')} ({confidence:.2f}; read from: {sources or '?'})")
    if parsed.multilateral:
        reasons.append(f"a multilateral agreement ({len(parsed.parties)} parties named)")
    return reasons


def _finish(source: SourceDocument, warnings: list[str], outcome: StoreOutcome, reasons=(), contract=None) -> None:
    review = list(reasons) + [d for d in outcome.decisions if d.startswith("ambiguous")]
    source.report = {
        **(source.report if contract is None else contract),
        "warnings": warnings,
        "review": review,
        "decisions": outcome.decisions + outcome.linked,
    }
    source.status = ParseStatus.NEEDS_REVIEW if review or outcome.agreement is None else ParseStatus.PARSED
    source.save(update_fields=["report", "status", "agreement"])


def _subject(topics: list[str], kind: str | None) -> str:
    return topics[0] if topics else (kind or "agreement")


def _create_agreement(parsed: ParsedAgreement, language: str | None, *, is_draft: bool = False) -> Agreement:
    slug = agreement_slug(
        parsed.parties,
        parsed.signed_date,
        _subject(parsed.topics, parsed.kind),
        taken=lambda s: Agreement.objects.filter(slug=s).exists(),
    )
    agreement = Agreement(slug=slug, title=parsed.title or "", title_language=language or "")
    _apply_fields(agreement, parsed, overwrite=True)
    if not agreement.title:
        agreement.title = agreement.title_en = supplied_title(parsed)
        agreement.title_language = "en"
    if is_draft and not parsed.signed_date:
        agreement.status = Status.DRAFT
    # a stub known from a dated reference is "signed"; nothing can supersede a new agreement yet
    agreement.status = stored_status(agreement, superseded_by=[])
    # One history record for the new agreement, written once its topics are there (so it
    # holds them): saved without one, topics inserted as rows, then the post_save that
    # simple_history listens to (no other receiver listens to Agreement).
    agreement.save_without_historical_record()
    _set_parties(agreement, parsed.parties, parsed.parties_as_written, new=True)
    if parsed.topics:
        through = Agreement.topics.through
        ids = Topic.objects.filter(slug__in=parsed.topics).values_list("pk", flat=True)
        through.objects.bulk_create([through(agreement_id=agreement.pk, topic_id=pk) for pk in ids])
    post_save.send(sender=Agreement, instance=agreement, created=True, update_fields=None, raw=False, using="default")
    return agreement


def supplied_title(parsed: ParsedAgreement) -> str:
    """An editor's title in square brackets (the archival convention) for an agreement
    whose own title the source does not give, e.g. one described by an explanatory note."""
    names = dict(Country.objects.filter(code__in=parsed.parties).values_list("code", "name"))
    parties = " and ".join(names.get(code, code) for code in parsed.parties) or "unknown parties"
    kind = Kind.parse(parsed.kind).label if parsed.kind else "Agreement"
    topic = Topic.objects.filter(slug__in=parsed.topics[:1]).first()
    subject = f" on {topic.label('en').lower()}" if topic else ""
    return f"[{kind} between {parties}{subject}]"


def _apply_fields(agreement: Agreement, parsed: ParsedAgreement, *, overwrite: bool) -> None:
    """Copy parsed facts; without ``overwrite`` only blanks are filled."""
    values = {
        "kind": Kind.parse(parsed.kind) if parsed.kind else None,
        "level": Level.parse(parsed.party_level) or None,
        "title_en": parsed.title_en,
        "signed_date": parsed.signed_date,
        "signed_place": parsed.signed_place,
        "entry_into_force_date": parsed.entry_into_force_date,
        "authentic_languages": parsed.authentic_languages or None,
        "prevailing_language": parsed.prevailing_language,
    }
    if parsed.term and not parsed.term.is_empty():
        values.update(
            term_indefinite=parsed.term.indefinite,
            term_years=parsed.term.years,
            renewal_years=parsed.term.renewal_years,
            notice_months=parsed.term.notice_months,
        )
    signed = values["signed_date"] or agreement.signed_date
    eif = values["entry_into_force_date"]
    if eif and signed and eif < signed:
        values["entry_into_force_date"] = None  # one of the two is wrong: a reviewer decides (not stored)
    for name, value in values.items():
        if value in (None, "", []):
            continue
        current = getattr(agreement, name)
        if overwrite or current in (None, "", []) or (name == "kind" and current == Kind.OTHER):
            setattr(agreement, name, value)


def _fill_agreement(agreement: Agreement, parsed: ParsedAgreement, language: str | None, *, authoritative: bool):
    # A stub (known from a reference) takes the full text's facts; an agreement that
    # already has a text only gets its blanks filled by a second language version.
    is_stub = not agreement.texts.exists()
    _apply_fields(agreement, parsed, overwrite=is_stub and authoritative)
    if is_stub and authoritative and parsed.title:
        agreement.title, agreement.title_language = parsed.title, language or ""
    agreement.save()
    if not agreement.parties.exists():
        _set_parties(agreement, parsed.parties, parsed.parties_as_written)
    elif is_stub and authoritative and parsed.parties_as_written:
        for party in agreement.parties.all():
            if party.country_id in parsed.parties:
                idx = parsed.parties.index(party.country_id)
                if idx < len(parsed.parties_as_written):
                    party.as_written, party.order = parsed.parties_as_written[idx], idx
                    party.save()
    _set_topics(agreement, parsed.topics)


def _set_parties(agreement: Agreement, codes: list[str], as_written: list[str], *, new: bool = False) -> None:
    """``new``: the agreement was created in this transaction and has no parties yet, so
    they are inserted without looking them up first (the same rows, a third of the queries)."""
    known = set(Country.objects.filter(code__in=codes).values_list("code", flat=True))
    added: list[str] = []
    rows: list[Party] = []
    for order, code in enumerate(codes):
        if code in known:
            written = as_written[order] if order < len(as_written) else ""
            if not new:
                Party.objects.get_or_create(
                    agreement=agreement, country_id=code, defaults={"order": order, "as_written": written}
                )
            elif code not in added:  # the first mention wins, as get_or_create would have it
                rows.append(Party(agreement=agreement, country_id=code, order=order, as_written=written))
                added.append(code)
    if rows:
        bulk_create_with_history(rows, Party)  # the rows and their history in two statements
    if not new:
        agreement.refresh_pair()
        return
    agreement.pair = "-".join(sorted(added)) if len(added) == 2 else ""  # what refresh_pair computes
    Agreement.objects.filter(pk=agreement.pk).update(pair=agreement.pair)


def _set_topics(agreement: Agreement, slugs: list[str]) -> None:
    if slugs:
        agreement.topics.add(*Topic.objects.filter(slug__in=slugs))


def _store_text(agreement: Agreement, text_part, language: str, source, outcome, *, parsed=None) -> None:
    """Store one language text: ``text_part`` is the ParsedAgreement (its first text) or a
    ParsedVersion of it; ``parsed`` is then the agreement it belongs to."""
    # an agreement created from this file has no text and no authority yet: they are
    # inserted without looking them up first (the same rows, fewer queries)
    agreement_part = parsed or text_part
    new = outcome.created and (
        parsed is None or not Text.objects.filter(agreement=agreement, language=language).exists()
    )
    authentic = agreement_part.authentic_languages
    fields = {
        "title": text_part.title or agreement.title,
        "preamble": text_part.preamble,
        "final_clauses": text_part.final_clauses,
        "signature_block": text_part.signature_block,
        "is_authentic": not authentic or language in authentic,
        "source": source,
        "published_at": None,  # a new or replaced text waits for review (or a trusted load)
    }
    if new:
        text, created = Text.objects.create(agreement=agreement, language=language, **fields), True
    else:
        text, created = Text.objects.update_or_create(agreement=agreement, language=language, defaults=fields)
    if not created:
        outcome.decisions.append(f"replaced the {language} text of {agreement.slug}")
        text.articles.all().delete()
    articles = [
        Article(
            text=text,
            position=i,
            number=number,
            heading=a.heading or "",
            label=(a.label or "")[:80],
            chapter=a.chapter or "",
            body=a.text,
        )
        for i, (number, a) in enumerate(zip(_unique_numbers(text_part), text_part.articles, strict=True), start=1)
    ]
    bulk_create_with_history(articles, Article)
    if parsed is not None:
        return  # the authorities come from the first text
    party_codes = agreement.party_codes() if text_part.authorities else []
    seen: set[tuple[str | None, str]] = set()
    for auth in text_part.authorities:
        key = (auth.country if auth.country in party_codes else None, auth.name)
        if not new:
            Authority.objects.get_or_create(agreement=agreement, country_id=key[0], name=key[1])
        elif key not in seen:
            Authority.objects.create(agreement=agreement, country_id=key[0], name=key[1])
        seen.add(key)


def _unique_numbers(parsed) -> list[str]:
    # Published texts repeat numbers ("1. … 1."); permalinks need each to be unique.
    seen: dict[str, int] = {}
    numbers = []
    for article in parsed.articles:
        number = (article.number or "").strip()[:16] or "?"
        seen[number] = seen.get(number, 0) + 1
        numbers.append(number if seen[number] == 1 else f"{number}-{seen[number]}")
    return numbers


def _store_act(agreement: Agreement, result: ParseResult, source) -> None:
    act = result.act
    country = act.country if act.country and Country.objects.filter(code=act.country).exists() else None
    Act.objects.update_or_create(
        agreement=agreement,
        country_id=country,
        type=ActType.parse(act.type),
        number=act.number or "",
        date=act.date,
        defaults={
            "action": ActAction.parse(act.action) if act.action else "",
            "title": act.title or "",
            "text": act.text,
            "language": result.language or "",
            "source": source,
        },
    )


def _store_relation(agreement: Agreement, parsed: ParsedAgreement, ref: ParsedRelation) -> tuple[str, Agreement] | None:
    """Link ``agreement`` to the one ``ref`` names, creating a stub if it is not known yet."""
    parties = cited_parties(ref, parsed)
    topics = suggest_topics(ref.title or "", parsed.language) if ref.title else []
    match = find_agreement(
        parties=parties, signed_date=ref.date, kind=ref.kind, title=ref.title, topics=topics, language=parsed.language
    )
    target = match.agreement
    if target is None:
        if not ref.date and not ref.title:
            return None
        target = _create_agreement(
            ParsedAgreement(
                title=ref.title,
                kind=ref.kind or Kind.AGREEMENT,
                parties=parties,
                signed_date=ref.date,
                signed_place=ref.place,
                topics=topics,
                language=parsed.language,
            ),
            parsed.language,
        )
        what = f"created stub {target.slug}"
    else:
        what = f"linked to {target.slug}"
    if target.pk == agreement.pk:
        return None
    Relation.objects.get_or_create(
        subject=agreement,
        object=target,
        predicate=Predicate(ref.relation),
        defaults={"article_number": ref.article_number or "", "quote": ref.quote[:2000]},
    )
    if ref.relation == Predicate.SUPERSEDES:
        target.status = stored_status(target)
        target.save(update_fields=["status", "updated_at"])
    return f"{ref.relation}: {what}", target


def cited_parties(ref: ParsedRelation, parsed: ParsedAgreement) -> list[str]:
    """The parties of a cited agreement: those its title names; a multilateral one (or a
    convention cited without parties: the Vienna Convention …) is never given the citing
    agreement's pair; an agreement cited without parties in a bilateral one ("the Agreement on
    military cooperation of 1 March 2004") is taken to be between the same parties."""
    if ref.multilateral or len(ref.parties) >= 2:
        return list(ref.parties)
    if not ref.parties and ref.kind == Kind.CONVENTION:
        return []
    if ref.parties and not set(ref.parties) <= set(parsed.parties):
        return list(ref.parties)
    return list(parsed.parties) if not parsed.multilateral else list(ref.parties)


def stored_status(agreement: Agreement, superseded_by: list[Agreement] | None = None) -> str:
    """The status to store (and filter on) as of today; ``refresh_status`` keeps it current.
    ``superseded_by``: the agreements superseding it, when the caller knows (else a query)."""
    code = agreement.derive_status(superseded_by=superseded_by).code
    return code if code in Status.values else Status.UNKNOWN
