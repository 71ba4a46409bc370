from django.db import connection
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from archive.models import Agreement, Article, Country, Party, Predicate, Relation, Text, Topic
from archive.reading.drawings import NARROW_WIDTH, pair_matrix_svg, timeline_svg

from . import visibility
from .adapters import timeline_items
from .paging import paginate


def estimated_count(model, exact_below: int = 100_000) -> int:
    """The planner's row estimate for big tables (exact counts cost a scan), else COUNT(*)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    estimate = row[0] if row else -1
    return estimate if estimate >= exact_below else model.objects.count()


@require_safe
def home(request):
    visible = visibility.agreements(request)
    figures = visible.aggregate(
        agreements=Count("pk"),
        with_text=Count("pk", filter=Q(texts__isnull=False), distinct=True),
    )
    figures["countries"] = Party.objects.filter(agreement__in=visible).values("country").distinct().count()
    figures["articles"] = estimated_count(Article)
    figures["languages"] = Text.objects.filter(agreement__in=visible).values("language").distinct().count()
    pairs = visible.exclude(pair="").values("pair").annotate(n=Count("pk")).order_by("-n", "pair")[:30]
    latest = visible.for_list().order_by("-created_at")[:8]
    pairs = list(pairs)
    codes = sorted({code for row in pairs for code in row["pair"].split("-")})
    names = dict(Country.objects.filter(code__in=codes).values_list("code", "name"))
    matrix = (
        pair_matrix_svg(
            [(code, names.get(code, code)) for code in codes],
            {tuple(row["pair"].split("-")): row["n"] for row in pairs},
            lambda a, b: reverse("pair_detail", args=[a, b]),
        )
        if pairs
        else ""
    )
    return render(
        request,
        "archive/home.html",
        {
            "figures": figures,
            "pairs": pairs,
            "matrix_svg": matrix,
            "latest": list(latest),
        },
    )


@require_safe
def country_detail(request, code: str):
    country = get_object_or_404(Country, code=code.upper())
    visible = visibility.agreements(request)
    agreements = visible.for_list().with_all_parties([country.code]).order_by("-signed_date", "slug")
    partners = (
        Party.objects.filter(agreement__parties__country=country, agreement__in=visible)
        .exclude(country=country)
        .values("country", "country__name", "country__names")
        .annotate(n=Count("agreement", distinct=True))
        .order_by("-n", "country__name")
    )
    return render(
        request,
        "archive/country_detail.html",
        {
            "country": country,
            "page": paginate(request, agreements),
            "partners": list(partners),
        },
    )


@require_safe
def pair_detail(request, first: str, second: str):
    codes = sorted({first.upper(), second.upper()})
    if len(codes) != 2:
        raise Http404("A pair needs two different countries.")
    countries = {c.code: c for c in Country.objects.filter(code__in=codes)}
    if len(countries) != 2:
        raise Http404("Unknown country code.")
    agreements = list(
        visibility.agreements(request)
        .for_list()
        .prefetch_related("acts__country")  # the timeline derives each status (a ratification counts)
        .with_all_parties(codes)
        .order_by("signed_date", "slug")
    )
    supersessions = {
        rel.object_id: rel.subject
        for rel in Relation.objects.filter(predicate=Predicate.SUPERSEDES, object__in=agreements).select_related(
            "subject"
        )
    }
    names = " – ".join(countries[c].name for c in codes)
    items = timeline_items(agreements, supersessions)
    title = gettext("Agreements %(countries)s: timeline") % {"countries": names}
    # two layouts, one shown by the stylesheet: wide for a desktop, narrow (legible) for a phone
    timelines = [timeline_svg(items, title=title), timeline_svg(items, width=NARROW_WIDTH, title=title)]
    return render(
        request,
        "archive/pair_detail.html",
        {
            "countries": [countries[c] for c in codes],
            "pair": "-".join(codes),
            "agreements": agreements,
            "timeline_svg": timelines[0],
            "timeline_narrow_svg": timelines[1],
        },
    )


@require_safe
def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic.objects.select_related("parent"), slug=slug)
    agreements = visibility.agreements(request).for_list().with_topic(topic).order_by("-signed_date", "slug")
    return render(
        request,
        "archive/topic_detail.html",
        {
            "topic": topic,
            "children": list(topic.children.all()),
            "page": paginate(request, agreements),
        },
    )


@require_safe
def country_index(request):
    """Every country party to a visible agreement, with how many, by name in the interface language."""
    visible = visibility.agreements(request)
    counts = dict(
        Party.objects.filter(agreement__in=visible).values_list("country").annotate(n=Count("agreement", distinct=True))
    )
    language = (get_language() or "en")[:2]
    countries = sorted(
        (c for c in Country.objects.filter(code__in=counts)),
        key=lambda c: c.display_name(language).casefold(),
    )
    rows = [(c, counts[c.code]) for c in countries]
    return render(request, "archive/country_index.html", {"rows": rows, "total": len(rows)})


@require_safe
def topic_index(request):
    """The thesaurus as a tree: each topic with the visible agreements filed under it or a narrower one."""
    visible = visibility.agreements(request)
    links = Agreement.topics.through.objects.filter(agreement__in=visible)
    direct: dict[int, set[int]] = {}
    for topic_id, agreement_id in links.values_list("topic_id", "agreement_id"):
        direct.setdefault(topic_id, set()).add(agreement_id)
    topics = list(Topic.objects.order_by("slug"))
    children: dict[int | None, list[Topic]] = {}
    for topic in topics:
        children.setdefault(topic.parent_id, []).append(topic)
    language = (get_language() or "en")[:2]

    def node(topic: Topic) -> dict:
        kids = [node(c) for c in sorted(children.get(topic.pk, []), key=lambda t: t.label(language).casefold())]
        ids = set(direct.get(topic.pk, set())).union(*(k["ids"] for k in kids)) if kids else direct.get(topic.pk, set())
        return {"topic": topic, "children": kids, "ids": ids, "count": len(ids)}

    roots = [node(t) for t in sorted(children.get(None, []), key=lambda t: t.label(language).casefold())]
    return render(request, "archive/topic_index.html", {"roots": roots})
