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
from archive.models.search import reindex_agreements

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
    """More matches than RESULT_CAP: count, page and facets agree on the same capped set,
    a deeper slice (an export) still gets what it asks for, small searches stay exact."""
    from archive.filters import AgreementFilter
    from archive.models import search

    monkeypatch.setattr(search, "RESULT_CAP", 5)
    qs = AgreementFilter({"q": "барлау"}, queryset=Agreement.objects.for_list().newest_first()).qs
    assert qs.count() == 6 and search.is_capped(qs.count())
    facets = qs.facets()
    assert sum(f.count for f in facets["kind"]) == 6
    from django.core.paginator import Paginator

    page = Paginator(qs, 20).page(1).object_list  # what the views do: count, then that slice
    assert len(page) == 6 and [a.rank for a in page] == sorted((a.rank for a in page), reverse=True)
    assert {a.pk for a in page} == set(qs.values_list("pk", flat=True))
    assert len(list(qs[:12])) == 12  # a slice deeper than the cap (an export) gets its rows
    assert search.is_capped(client.get("/api/agreements/", {"q": "барлау"}).json()["count"])

    monkeypatch.setattr(search, "RESULT_CAP", 300)
    exact = AgreementFilter({"q": "барлау"}, queryset=Agreement.objects.for_list()).qs
    matching = Agreement.objects.filter(search_vector=SearchQuery("'барла' | 'барлау'", search_type="raw"))
    assert exact.count() == matching.count() and not search.is_capped(exact.count())


@pytest.mark.parametrize(
    ("tsquery", "relaxed"),
    [
        ("'a' | 'b'", None),
        ("'a' <-> 'b'", "('a' & 'b')"),
        ("('a' | 'b') & !('c' <-> 'd')", "('a' | 'b')"),
        ("'a' & !'c' | 'x' <2> 'y'", "(('a' & !'c') | ('x' & 'y'))"),
        ("('a' <-> 'b'", None),
    ],
)
def test_phrases_are_relaxed_for_the_index(tsquery, relaxed):
    from archive.models.search import relax_phrases

    assert relax_phrases(tsquery) == relaxed
