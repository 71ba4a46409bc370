"""From models to the plain data the reading modules draw and format (archive.reading)."""

from __future__ import annotations

import datetime as dt

from django.db.models import DateField, Exists, ExpressionWrapper, F, Func, OuterRef, Q
from django.utils import translation

from archive.ingest.places import english_city
from archive.models import Act, Agreement, Predicate, Relation, Status, Text
from archive.reading.akoma_ntoso import AknArticle, AknDocument
from archive.reading.citation import CitationFacts
from archive.reading.drawings import GraphEdge, GraphNode, TimelineItem
from archive.reading.status import StatusFacts


def neighbourhood(agreement: Agreement, editor: bool = False) -> list[Relation]:
    """Relations within two steps of ``agreement`` (both directions), in one query, each
    with ``subject_has_text`` / ``object_has_text`` to draw stubs differently, and
    ``subject_linked`` / ``object_linked``: whether the reader may follow it (a draft is
    named, not linked, for readers who are not editors). Relations between two agreements
    the reader cannot see are left out."""
    near = Relation.objects.filter(Q(subject=agreement) | Q(object=agreement))
    ids = near.values("subject_id").union(near.values("object_id"))
    rows = Relation.objects.filter(Q(subject_id__in=ids) | Q(object_id__in=ids))
    if not editor:
        rows = rows.filter(Q(subject__published_at__isnull=False) | Q(object__published_at__isnull=False))
    relations = list(
        rows.select_related("subject", "object")
        .annotate(
            subject_has_text=Exists(Text.objects.filter(agreement=OuterRef("subject_id"))),
            object_has_text=Exists(Text.objects.filter(agreement=OuterRef("object_id"))),
        )
        .order_by("predicate", "pk")
    )
    for rel in relations:
        rel.subject_linked = editor or rel.subject.published_at is not None
        rel.object_linked = editor or rel.object.published_at is not None
    return relations


def _node(agreement: Agreement, has_text: bool, linked: bool = True) -> GraphNode:
    year = agreement.signed_date.year if agreement.signed_date else None
    url = agreement.get_absolute_url() if linked else ""
    return GraphNode(agreement.slug, str(agreement), url, year, not has_text)


def relation_graph(agreement: Agreement, relations: list[Relation], has_text: bool):
    nodes = {agreement.slug: _node(agreement, has_text)}
    edges = []
    for rel in relations:
        nodes.setdefault(
            rel.subject.slug, _node(rel.subject, rel.subject_has_text, getattr(rel, "subject_linked", True))
        )
        nodes.setdefault(rel.object.slug, _node(rel.object, rel.object_has_text, getattr(rel, "object_linked", True)))
        edges.append(GraphEdge(rel.subject.slug, rel.object.slug, rel.predicate))  # labelled by the drawing
    return nodes[agreement.slug], edges, list(nodes.values())


def act_phrase(act: Act | None) -> str | None:
    """'Government decree No. 752 of 16 September 2024' (English, for citations)."""
    if act is None:
        return None
    with translation.override("en"):  # citations are English whatever the interface language
        kind = str(act.get_type_display())
    words = [f"{act.country.name} " if act.country else "", kind]
    if act.number:
        words.append(f" No. {act.number}")
    if act.date:
        words.append(f" of {act.date.day} {act.date:%B %Y}")
    return "".join(words)


def citation_facts(agreement: Agreement, parties, acts, url: str) -> CitationFacts:
    return CitationFacts(
        title=agreement.title,
        title_en=agreement.title_en,
        kind=agreement.kind,
        parties=[p.country.name for p in parties],
        signed_date=agreement.signed_date,
        signed_place=english_city(agreement.signed_place) or agreement.signed_place,
        act=act_phrase(acts[0] if acts else None),
        url=url,
        slug=agreement.slug,
        accessed=dt.date.today(),
    )


def akn_document(agreement: Agreement, text: Text, parties, base_url: str) -> AknDocument:
    return AknDocument(
        slug=agreement.slug,
        kind=agreement.kind,
        countries=[p.country_id for p in parties],
        signed_date=agreement.signed_date,
        language=text.language,
        title=text.title,
        preamble=text.preamble,
        articles=[AknArticle(a.number, a.heading, a.body, a.label) for a in text.articles.all()],
        final_clauses=text.final_clauses,
        base_url=base_url,
        country_names={p.country_id: p.country.name for p in parties},
        is_authentic=text.is_authentic,
    )


def timeline_items(agreements: list[Agreement], supersessions: dict[int, Agreement]) -> list[TimelineItem]:
    """``supersessions`` maps a superseded agreement's id to the agreement superseding it."""
    items = []
    for a in agreements:
        status = a.derive_status(superseded_by=[supersessions[a.pk]] if a.pk in supersessions else [])
        ended, reason = None, None
        if status.code in ("superseded", "terminated", "expired"):
            ended, reason = status.expires, status.code
            if ended is None and a.pk in supersessions:
                later = supersessions[a.pk]
                ended = later.entry_into_force_date or later.signed_date
        items.append(
            TimelineItem(
                a.slug, str(a), a.get_absolute_url(), a.signed_date, a.entry_into_force_date, ended, reason, status.code
            )
        )
    return items


_FACT_FIELDS = (
    "pk",
    "signed_date",
    "entry_into_force_date",
    "termination_date",
    "term_indefinite",
    "term_years",
    "renewal_years",
    "notice_months",
    "status",
)


def dated_facts(queryset, start: dt.date | None = None, end: dt.date | None = None) -> list[tuple[int, StatusFacts]]:
    """``(id, facts)`` of the agreements of ``queryset`` that may have an event from ``start`` to
    ``end`` (any day when not given), in two queries: the term fields as values, not models (the
    deadlines of a whole archive), and the superseding agreements.

    The database only narrows the candidates, generously (a few days' margin for month-end
    clamping); archive.reading.deadlines decides: an entry into force, a termination or a
    superseding agreement dated in the window, a fixed term ending in it, or any automatic renewal
    in force by its end."""
    supersedes = Relation.objects.filter(predicate=Predicate.SUPERSEDES)
    low = (start - dt.timedelta(days=4)) if start else None
    high = (end + dt.timedelta(days=4)) if end else None

    def within(field: str) -> Q:
        q = Q(**{f"{field}__isnull": False})
        if low:
            q &= Q(**{f"{field}__gte": low})
        if high:
            q &= Q(**{f"{field}__lte": high})
        return q

    term_end = ExpressionWrapper(
        F("entry_into_force_date") + Func(F("term_years"), template="make_interval(years => %(expressions)s)"),
        output_field=DateField(),
    )
    renewing = Q(renewal_years__isnull=False, entry_into_force_date__isnull=False) & ~Q(term_indefinite=True)
    if high:
        renewing &= Q(entry_into_force_date__lte=high)
    later_dated = supersedes.filter(within("subject__entry_into_force_date") | within("subject__signed_date"))
    rows = list(
        queryset.annotate(term_end=term_end)
        .filter(
            within("entry_into_force_date")
            | within("termination_date")
            | Q(pk__in=later_dated.values("object_id"))
            | renewing
            | (Q(renewal_years__isnull=True, term_years__isnull=False) & ~Q(term_indefinite=True) & within("term_end"))
        )
        .order_by()
        .values_list(*_FACT_FIELDS)
    )
    later: dict[int, list] = {}
    ids = {row[0] for row in rows}
    for object_id, title, title_en, signed, eif in (
        supersedes.filter(object__in=queryset.order_by().values("pk"))
        .order_by("subject__signed_date", "subject_id")
        .values_list(
            "object_id", "subject__title", "subject__title_en", "subject__signed_date", "subject__entry_into_force_date"
        )
    ):
        if object_id in ids:
            later.setdefault(object_id, []).append((title_en or title, signed, eif))
    return [
        (
            pk,
            StatusFacts(
                signed_date=signed,
                entry_into_force_date=eif,
                termination_date=ended,
                term_indefinite=indefinite,
                term_years=years,
                renewal_years=renewal,
                notice_months=notice,
                superseded_by=later.get(pk, []),
                stored_status=status,
                is_draft=status == Status.DRAFT,
            ),
        )
        for pk, signed, eif, ended, indefinite, years, renewal, notice, status in rows
    ]


def data_version() -> str:
    """A fingerprint of what events are computed from (agreements, their publication, parties,
    topics, relations), in one query: cached events (:func:`cached`) are recomputed when it changes."""
    from django.db import connection

    from archive.models import Party

    agreements = Agreement._meta.db_table
    tables = [Relation._meta.db_table, Party._meta.db_table, Agreement.topics.through._meta.db_table]
    counts = ", ".join(f"(SELECT count(*) || ':' || coalesce(max(id), 0) FROM {table})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*), max(updated_at), count(published_at), max(published_at), {counts} FROM {agreements}"
        )
        return "|".join(str(value) for value in cursor.fetchone())


CACHE_SECONDS = 300  # a bound on staleness for changes the fingerprint does not see (a bulk update)


def cached(name: str, queryset, window: tuple, compute):
    """``compute()`` for ``queryset`` (by its SQL) and ``window``, cached until the data changes.

    Computing the events of a whole archive takes a noticeable fraction of a second per 10,000
    agreements; a page, a calendar and the feeds that readers poll ask for the same list."""
    import hashlib

    from django.core.cache import cache
    from django.core.exceptions import EmptyResultSet

    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # queryset.none(): nothing to compute, nothing to keep
        return compute()
    raw = repr((name, sql, params, window, data_version()))
    key = "events:" + hashlib.sha256(raw.encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found
