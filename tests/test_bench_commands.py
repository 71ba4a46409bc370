"""The measurement tools: synth_corpus builds agreements indexed exactly like real ones and
--clear removes only them; bench_search measures the real pages on that corpus."""

import io
import json
import re

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.db import connection

from archive.models import Agreement, Article, Text
from archive.search.index import reindex_agreements

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # not in make test-fast

SYNTH = "synth-"


def vectors(ids):
    """The stored vectors of these agreements and of their articles, as text."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, search_vector::text FROM archive_agreement WHERE id = ANY(%s) ORDER BY id", [ids])
        agreements = cursor.fetchall()
        cursor.execute(
            """SELECT r.id, r.search_vector::text FROM archive_article r JOIN archive_text t ON t.id = r.text_id
               WHERE t.agreement_id = ANY(%s) ORDER BY r.id""",
            [ids],
        )
        return agreements, cursor.fetchall()


@pytest.fixture
def synthetic(seed):
    out = io.StringIO()
    call_command("synth_corpus", agreements=30, seed=7, stdout=out)
    return out.getvalue()


def test_synthetic_agreements_are_indexed_exactly_like_real_ones(synthetic, client):
    agreements = Agreement.objects.filter(slug__startswith=SYNTH)
    assert agreements.count() == 30
    assert "equal the indexer's" in synthetic
    ids = list(agreements.values_list("pk", flat=True))
    assert not agreements.filter(search_vector__isnull=True).exists()
    assert not Article.objects.filter(text__agreement__in=ids, search_vector__isnull=True).exists()
    assert 30 * 10 <= Article.objects.filter(text__agreement__in=ids).count() <= 30 * 35
    before = vectors(ids)
    reindex_agreements(ids)  # the real indexer, on the very same rows
    assert vectors(ids) == before

    for agreement in agreements.prefetch_related("parties", "topics"):
        codes = [p.country_id for p in agreement.parties.all()]
        assert len(codes) == 2 and agreement.pair == "-".join(sorted(codes))
        assert agreement.topics.exists() and agreement.signed_date.year in range(1992, 2027)
    assert set(Text.objects.filter(agreement__in=ids).values_list("language", flat=True)) <= {"kk", "hy"}

    # found by the real search, through the API
    response = client.get("/api/agreements/", {"q": "барлау", "page_size": 100})
    assert any(row["slug"].startswith(SYNTH) for row in response.json()["results"])


def test_clear_removes_only_the_synthetic_agreements(synthetic, seed, client):
    real = set(Agreement.objects.exclude(slug__startswith=SYNTH).values_list("slug", flat=True))
    real_articles = Article.objects.exclude(text__agreement__slug__startswith=SYNTH).count()
    out = io.StringIO()
    call_command("synth_corpus", clear=True, stdout=out)
    assert "deleted 30 agreements" in out.getvalue()
    assert set(Agreement.objects.values_list("slug", flat=True)) == real
    assert Article.objects.count() == real_articles
    assert seed["intelligence_2024"].slug in real
    found = client.get("/api/agreements/", {"q": "әскери барлаудың"}).json()["results"]
    assert found[0]["slug"] == seed["intelligence_2024"].slug


def test_bench_search_reports_percentiles_queries_and_plans(synthetic):
    from archive.management.commands.bench_search import Command

    out = io.StringIO()
    call_command("bench_search", repeat=1, json=True, stdout=out)
    report = json.loads(out.getvalue())
    assert report["corpus"]["synthetic"] == 30
    page = report["types"]["search page"]
    assert page["p50_ms"] <= page["p95_ms"] <= page["max_ms"]
    assert report["types"]["detail page"]["sql_queries_max"] <= 10
    assert report["searches"]["phrase"]["search API"]["count"] >= 1
    plans = [plan for entry in report["explain"].values() for plan in entry["plans"]]
    assert any("agreement_search_gin" in line or "archive_agreement" in line for p in plans for line in p["plan"])

    # the same report as the tables `make bench` prints
    text = io.StringIO()
    Command(stdout=text).print_report(report, per_query=True)
    text = text.getvalue()
    assert re.search(r"p50 ms\s+p95 ms\s+max ms\s+SQL queries", text)
    for kind in ("search page", "search API", "detail page", "list page"):
        assert re.search(rf"^{kind}\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\d+", text, re.M), kind
    assert "EXPLAIN (ANALYZE, BUFFERS)" in text and "execution" in text


def test_search_is_bounded_and_consistent_when_the_cap_is_reached(synthetic, monkeypatch, client):
    """More matches than RESULT_CAP: the count is still exact, the page and the facets agree on
    the same best RESULT_CAP, a deeper request (an export) reaches what it asks for, and small
    searches list everything."""
    from django.core.paginator import Paginator

    from archive.filters import AgreementFilter
    from archive.search import engine

    matching = Agreement.objects.filter(search_vector=SearchQuery("'барла' | 'барлау'", search_type="raw"))
    n = matching.count()
    assert n > 6
    monkeypatch.setattr(engine, "RESULT_CAP", 5)
    filterset = AgreementFilter({"q": "барлау"}, queryset=Agreement.objects.for_list().newest_first())
    qs = filterset.qs
    assert qs.count() == 5 and filterset.ranking.total == n and filterset.ranking.capped
    assert sum(f.count for f in qs.facets()["kind"]) == 5
    page = Paginator(qs, 20).page(1).object_list  # what the views do: count, then that slice
    assert len(page) == 5 and [a.rank for a in page] == sorted((a.rank for a in page), reverse=True)
    assert [a.pk for a in page] == filterset.ranking.ids
    deep = AgreementFilter({"q": "барлау"}, queryset=Agreement.objects.for_list(), depth=12).qs
    assert len(list(deep[:12])) == 12  # an export gets as many as it asks for
    response = client.get("/api/agreements/", {"q": "барлау"})
    assert response["X-Count-Is-Lower-Bound"] == "true" and response["X-Total-Matches"] == str(n)
    assert response.json()["count"] == 5

    monkeypatch.setattr(engine, "RESULT_CAP", 300)
    filterset = AgreementFilter({"q": "барлау"}, queryset=Agreement.objects.for_list())
    assert filterset.qs.count() == n and not filterset.ranking.capped


@pytest.mark.parametrize(
    ("q", "relaxed"),
    [
        ("барлау OR байланыс", None),
        ('"үкіметтік байланыс"', "('үкіметтік' & 'байланыс')"),
        ('барлау -"үкіметтік байланыс"', "('барла' | 'барлау')"),  # an excluded phrase is left out
        ('"үкіметтік байланыс" -шарт', "('үкіметтік' & 'байланыс') & !'шарт'"),
    ],
)
def test_phrases_are_relaxed_for_the_index(q, relaxed):
    from archive.search.query import search

    compiled = search(q)
    assert compiled.relaxed_tsquery == relaxed


def test_the_benchmark_forgets_only_the_throttle_between_requests(seed, client):
    """Each timed request starts with the API's throttle history gone (the mix exceeds its rate)
    and the rest of the cache warm: clearing it all made every timed page render the filter
    form's choices again, which a running server does once."""
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    from archive.management.commands.bench_search import forget_throttle

    cache.clear()
    assert client.get("/api/agreements/", {"q": "барлау"}).status_code == 200
    assert client.get("/search/", {"q": "барлау"}).status_code == 200
    throttle = AnonRateThrottle.cache_format % {"scope": AnonRateThrottle.scope, "ident": "127.0.0.1"}
    assert cache.get(throttle)
    kept = [k for k in cache._cache if "throttle" not in k]  # locmem: the rendered choices, the facets
    assert kept
    forget_throttle()
    assert cache.get(throttle) is None
    assert all(k in cache._cache for k in kept)
