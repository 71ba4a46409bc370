"""Publication: drafts become public only when an editor publishes them.

Everything the parser stores is a draft (``published_at`` is None) unless the caller says the
load is trusted (``load_corpus``, ``ingest --publish``). A draft is seen by editors only, on
every page, in search, the API, feeds and exports; a text added to a published agreement is
a draft of its own until published.

Publishing gives the agreement its permanent address, made from the reviewed facts (parties,
date, subject): the address it had as a draft is kept as a redirect, and the address never
changes afterwards. The stubs a published agreement cites (agreements known only from its
references) are published with it: a reader following the relation finds them.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from archive.models import Agreement, FormerSlug, Text
from archive.search.index import reindex_agreements
from archive.slugs import agreement_slug


def permanent_slug(agreement: Agreement) -> str:
    """The slug the agreement's current facts make (its own current slug does not count as taken)."""
    topic = agreement.topics.order_by("slug").first()
    subject = topic.slug if topic else agreement.kind or "agreement"
    return agreement_slug(
        agreement.party_codes(),
        agreement.signed_date,
        subject,
        taken=lambda s: (
            Agreement.objects.filter(slug=s).exclude(pk=agreement.pk).exists()
            or FormerSlug.objects.filter(slug=s).exclude(agreement=agreement).exists()
        ),
    )


def _give_permanent_slug(agreement: Agreement) -> None:
    slug = permanent_slug(agreement)
    if slug != agreement.slug:
        FormerSlug.objects.get_or_create(slug=agreement.slug, defaults={"agreement": agreement})
        FormerSlug.objects.filter(slug=slug, agreement=agreement).delete()  # back to an earlier address
        agreement.slug = slug


@transaction.atomic
def publish(agreement: Agreement, *, texts: bool = True, stubs: bool = True) -> Agreement:
    """Publish a draft (and, by default, its draft texts and the stubs it cites).

    Idempotent: a published agreement keeps its address; only its unpublished texts (and
    stubs) are published."""
    now = timezone.now()
    touched = {agreement.pk}
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.published_at is None:
        _give_permanent_slug(agreement)
        agreement.published_at = now
        agreement.save(update_fields=["slug", "published_at", "updated_at"])
    if texts:
        Text.objects.filter(agreement=agreement, published_at__isnull=True).update(published_at=now)
    if stubs:
        for stub in Agreement.objects.filter(
            relations_in__subject=agreement, published_at__isnull=True, texts__isnull=True
        ).distinct():
            publish(stub, texts=False, stubs=False)
            touched.add(stub.pk)
    transaction.on_commit(lambda: reindex_agreements(touched))
    return agreement


@transaction.atomic
def unpublish(agreement: Agreement) -> Agreement:
    """Withdraw an agreement from public view (its address is kept for when it returns)."""
    Agreement.objects.filter(pk=agreement.pk).update(published_at=None, updated_at=timezone.now())
    agreement.refresh_from_db()
    return agreement


def publish_text(text: Text) -> Text:
    """Publish one draft text of an agreement (the agreement itself must be published to be seen)."""
    if text.published_at is None:
        text.published_at = timezone.now()
        text.save(update_fields=["published_at", "updated_at"])
        reindex_agreements([text.agreement_id])
    return text
