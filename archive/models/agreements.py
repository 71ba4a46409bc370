from __future__ import annotations

import datetime as dt

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from archive.reading.status import DerivedStatus, StatusFacts, derive_status

from .choices import Kind, Level, Predicate, Status


def is_editor(user) -> bool:
    """Who may see drafts: active staff (the editors' group works through the admin)."""
    return bool(user is not None and getattr(user, "is_active", False) and getattr(user, "is_staff", False))


#: Columns no page shows, written and read by the search engine in SQL only: a page of 20
#: agreements loaded with them moved ~1 MB of vectors into Python (7 ms of a 9 ms query).
SEARCH_COLUMNS = ("search_vector", "rank_vector")


class AgreementQuerySet(models.QuerySet):
    def for_list(self):
        """What a list row shows, in a fixed number of queries whatever the page size."""
        from .texts import Text

        return (
            self.defer(*SEARCH_COLUMNS)
            .prefetch_related(
                Prefetch("parties", queryset=Party.objects.select_related("country").order_by("order")),
                "topics",
            )
            .annotate(
                # a correlated "first text" lookup per row: EXISTS would be planned as a hash of every
                # text in the archive (18 ms a page at 100,000 agreements)
                first_text_id=models.Subquery(Text.objects.filter(agreement=OuterRef("pk")).values("pk")[:1]),
                # the title of its published text in the interface language, for the second title line
                title_local=models.Subquery(
                    Text.objects.filter(
                        agreement=OuterRef("pk"), language=(get_language() or "en")[:2], published_at__isnull=False
                    ).values("title")[:1]
                ),
            )
        )

    def for_detail(self, drafts: bool = True):
        """Everything the agreement page shows; ``drafts=False`` leaves out draft texts."""
        from .acts import Act
        from .sources import SourceDocument
        from .texts import Article, Text

        texts = Text.objects.order_by("-is_authentic", "language")
        if not drafts:
            texts = texts.filter(published_at__isnull=False)
        articles = Article.objects.defer("search_vector").order_by("position")
        return self.defer(*SEARCH_COLUMNS).prefetch_related(
            Prefetch("parties", queryset=Party.objects.select_related("country").order_by("order")),
            "topics",
            Prefetch(
                "texts",
                queryset=texts.prefetch_related(Prefetch("articles", queryset=articles)),
            ),
            Prefetch("acts", queryset=Act.objects.select_related("country").order_by("date")),
            Prefetch("authorities", queryset=Authority.objects.select_related("country")),
            Prefetch("sources", queryset=SourceDocument.objects.defer("report").order_by("uploaded_at")),
        )

    def public(self):
        """What anonymous readers see: published agreements (drafts await an editor)."""
        return self.filter(published_at__isnull=False)

    def visible_to(self, user) -> AgreementQuerySet:
        """Editors see drafts too (marked as such); everyone else the published agreements."""
        return self if is_editor(user) else self.public()

    def with_all_parties(self, codes):
        """Agreements to which every one of ``codes`` is a party."""
        qs = self
        for code in codes:
            qs = qs.filter(Exists(Party.objects.filter(agreement=OuterRef("pk"), country_id=code)))
        return qs

    def with_topic(self, topic):
        """Agreements on ``topic`` or on one of its narrower topics."""
        links = Agreement.topics.through.objects.filter(agreement=OuterRef("pk"))
        return self.filter(Exists(links.filter(models.Q(topic=topic) | models.Q(topic__parent=topic))))

    def search(self, compiled, depth: int | None = None):
        """Agreements matching a compiled query (archive.search.query), most relevant
        first, with ``rank`` (archive.search.engine)."""
        from archive.search.engine import ranked

        return ranked(self, compiled, depth=depth)

    def newest_first(self):
        return self.order_by(models.F("signed_date").desc(nulls_last=True), "slug")

    def facets(self) -> dict:
        from archive.search.facets import facet_counts

        return facet_counts(self)


class Agreement(models.Model):
    """The work: one agreement, whatever the languages its texts exist in.

    An agreement known only from a reference in another text is a stub: it has no
    Text rows yet, and a later upload of its text fills it in.
    """

    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.AGREEMENT)
    level = models.CharField(max_length=12, choices=Level.choices, blank=True)
    title = models.TextField(help_text="Title in the original language, as written")
    title_language = models.CharField(max_length=8, blank=True)
    title_en = models.TextField(blank=True)
    signed_date = models.DateField(null=True, blank=True)
    signed_place = models.CharField(max_length=120, blank=True)
    entry_into_force_date = models.DateField(null=True, blank=True)
    termination_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UNKNOWN)
    term_indefinite = models.BooleanField(null=True, blank=True)
    term_years = models.PositiveSmallIntegerField(null=True, blank=True)
    renewal_years = models.PositiveSmallIntegerField(null=True, blank=True)
    notice_months = models.PositiveSmallIntegerField(null=True, blank=True)
    authentic_languages = ArrayField(models.CharField(max_length=8), default=list, blank=True)
    prevailing_language = models.CharField(max_length=8, blank=True)
    # Sorted ISO pair ("AZ-KZ") of a bilateral agreement, kept in step with its parties
    # by refresh_pair(): the pair filter and the home page's pair counts group on it.
    pair = models.CharField(max_length=5, blank=True, db_index=True)
    topics = models.ManyToManyField("Topic", blank=True, related_name="agreements")
    history = HistoricalRecords(m2m_fields=[topics], excluded_fields=["search_vector", "rank_vector"])
    search_vector = SearchVectorField(null=True, editable=False)
    # A small vector that ranks every match cheaply (archive.search.index): the title and
    # descriptive fields, and the text's most frequent words; kept in the row, not in TOAST.
    rank_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # None: a draft, seen by editors only, until an editor publishes it (archive.publication)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True, editable=False)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_date", "slug"]
        indexes = [
            # list pages sort by signature date and filter by status/kind
            models.Index(fields=["signed_date"], name="agreement_signed_idx"),
            models.Index(fields=["status", "kind"], name="agreement_status_kind_idx"),
            models.Index(fields=["-created_at"], name="agreement_created_idx"),
            GinIndex(fields=["search_vector"], name="agreement_search_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(entry_into_force_date__isnull=True)
                | models.Q(signed_date__isnull=True)
                | models.Q(entry_into_force_date__gte=models.F("signed_date")),
                name="agreement_in_force_after_signature",
            ),
            models.CheckConstraint(
                condition=models.Q(pair="") | models.Q(pair__regex=r"^[A-Z]{2}-[A-Z]{2}$"), name="agreement_pair_format"
            ),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title

    def get_absolute_url(self) -> str:
        return reverse("agreement_detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def refresh_pair(self) -> None:
        codes = sorted(self.parties.values_list("country_id", flat=True))
        self.pair = "-".join(codes) if len(codes) == 2 else ""
        Agreement.objects.filter(pk=self.pk).update(pair=self.pair)

    @property
    def term_display(self) -> str:
        """The term in words: '5 years, renewed for 5-year periods; 6 months' notice'."""
        parts = []
        if self.term_indefinite:
            parts.append(str(_("indefinite")))
        elif self.term_years:
            parts.append(str(_("%(n)d years")) % {"n": self.term_years})
        if self.renewal_years:
            parts.append(str(_("renewed automatically for %(n)d-year periods")) % {"n": self.renewal_years})
        if self.notice_months:
            parts.append(str(_("%(n)d months' notice to terminate")) % {"n": self.notice_months})
        return "; ".join(parts)

    @property
    def has_text(self) -> bool:
        """False for a stub, known only from a reference."""
        if hasattr(self, "first_text_id"):
            return self.first_text_id is not None
        return self.texts.exists()

    def party_codes(self) -> list[str]:
        return [p.country_id for p in self.parties.all()]

    def status_facts(self, superseded_by: list[Agreement] | None = None) -> StatusFacts:
        """The stored facts the status is derived from (archive.reading.status)."""
        if superseded_by is None:
            superseded_by = [
                rel.subject for rel in self.relations_in.select_related("subject") if rel.predicate == "supersedes"
            ]
        return StatusFacts(
            signed_date=self.signed_date,
            entry_into_force_date=self.entry_into_force_date,
            termination_date=self.termination_date,
            term_indefinite=self.term_indefinite,
            term_years=self.term_years,
            renewal_years=self.renewal_years,
            notice_months=self.notice_months,
            superseded_by=[(str(a), a.signed_date, a.entry_into_force_date) for a in superseded_by],
            stored_status=self.status,
            is_draft=self.status == Status.DRAFT,
            ratified_by=tuple(act.phrase() for act in self.acts.all() if act.approves) if self.pk else (),
        )

    def refresh_status(self) -> str:
        """Store the status derived from what is recorded now (dates, acts, relations): called
        on every save path an editor uses (admin, review, publishing), and nightly by
        ``refresh_status`` for the changes only the calendar makes."""
        code = self.derive_status().code
        code = code if code in Status.values else Status.UNKNOWN
        if code != self.status:
            self.status = code
            Agreement.objects.filter(pk=self.pk).update(status=code)
        return code

    def derive_status(self, today: dt.date | None = None, superseded_by=None) -> DerivedStatus:
        """The status today, its reason in the interface language (codes and dates do not depend on it)."""
        from django.utils.translation import get_language, gettext

        return derive_status(
            self.status_facts(superseded_by),
            today or dt.date.today(),
            translate=gettext,
            language=get_language() or "en",
        )


class FormerSlug(models.Model):
    """An address an agreement had before it was published: it redirects to the current one."""

    slug = models.SlugField(max_length=120, unique=True)
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="former_slugs")

    def __str__(self) -> str:
        return self.slug


class Party(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    country = models.ForeignKey("Country", on_delete=models.PROTECT, related_name="parties")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in which the text names it")
    as_written = models.TextField(blank=True, help_text="The party as the text names it")
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "order"]
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(fields=["agreement", "country"], name="party_once_per_agreement"),
        ]
        indexes = [
            # country pages and the party filter go from country to agreements
            models.Index(fields=["country", "agreement"], name="party_country_idx"),
        ]

    def __str__(self) -> str:
        return self.as_written or str(self.country)


class Authority(models.Model):
    """A competent or authorised body a party designates to implement the agreement."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="authorities")
    country = models.ForeignKey("Country", null=True, blank=True, on_delete=models.PROTECT)
    name = models.TextField()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "authorities"
        constraints = [
            models.UniqueConstraint(fields=["agreement", "country", "name"], name="authority_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Relation(models.Model):
    """A typed link ``subject —predicate→ object`` found in the subject's text."""

    subject = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="relations_out")
    object = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="relations_in")
    predicate = models.CharField(max_length=12, choices=Predicate.choices)
    article_number = models.CharField(max_length=20, blank=True, help_text="Article where it was found")
    quote = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subject", "object", "predicate"], name="relation_unique"),
            models.CheckConstraint(condition=~models.Q(subject=models.F("object")), name="relation_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_predicate_display()} {self.object}"

    @property
    def reverse_label(self) -> str:
        return Predicate(self.predicate).reverse_label
