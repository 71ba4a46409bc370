"""The benchmark on real texts: synth_corpus --from builds agreements out of the articles the
parser finds in a folder (indexed exactly like real ones), and bench_search --against tantivy
times the archive's search next to tantivy's on the same agreements."""

import io
import json
import os
import re
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from archive.ingest.pipeline import parse_path
from archive.models import Agreement, Article, Text
from archive.search.index import reindex_agreements
from tests.test_bench_commands import vectors

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # not in make test-fast

REAL = Path(__file__).parent / "ingest" / "real"
SYNTH = "synth-"


@pytest.fixture
def folder(tmp_path):
    """The repository's real texts (linked, not copied) and one file the parser cannot use."""
    for path in sorted(REAL.glob("*.txt")):
        (tmp_path / path.name).symlink_to(path)
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def test_from_folder_builds_agreements_of_its_articles_indexed_like_real_ones(seed, folder):
    seed_bodies = set(Article.objects.values_list("body", flat=True))
    # what the parser itself finds in those files, read independently of the command
    parsed = {}
    for path in sorted(REAL.glob("*.txt")):
        result = parse_path(path)
        if result.agreement and result.agreement.articles:
            parsed.setdefault(result.language, set()).update(a.text for a in result.agreement.articles)
            for version in result.agreement.versions:
                if version.articles and version.language and version.language != result.language:
                    parsed.setdefault(version.language, set()).update(a.text for a in version.articles)
    used = sum(1 for path in REAL.glob("*.txt") if (r := parse_path(path)).agreement and r.agreement.articles)

    out = io.StringIO()
    call_command("synth_corpus", agreements=25, from_dir=str(folder), seed=5, stdout=out)
    text = out.getvalue()
    assert f"{used} used, {len(list(folder.iterdir())) - used} skipped" in text
    assert "equal the indexer's" in text

    agreements = Agreement.objects.filter(slug__startswith=SYNTH)
    ids = list(agreements.values_list("pk", flat=True))
    assert len(ids) == 25
    articles = Article.objects.filter(text__agreement__in=ids).select_related("text")
    assert articles.exists()
    for article in articles:  # every body is an article the parser found in that language in the folder
        assert article.body in parsed[article.text.language], article.body[:80]
    assert {a.body for a in articles} - seed_bodies  # not the database's own articles
    assert set(Text.objects.filter(agreement__in=ids).values_list("language", flat=True)) <= set(parsed)

    before = vectors(ids)
    reindex_agreements(ids)  # the real indexer on the same rows
    assert vectors(ids) == before


def test_from_needs_a_folder_with_agreements(tmp_path, seed):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="no agreement with articles"):
        call_command("synth_corpus", agreements=2, from_dir=str(tmp_path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="no such folder"):
        call_command("synth_corpus", agreements=2, from_dir=str(tmp_path / "missing"), stdout=io.StringIO())


def test_process_cpu_seconds_reads_this_process_and_the_database_backend():
    from archive.bench import process_cpu_seconds

    before = process_cpu_seconds(os.getpid())
    deadline = time.process_time() + 0.05
    while time.process_time() < deadline:
        pass
    assert process_cpu_seconds(os.getpid()) >= before + 0.03
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
        start = process_cpu_seconds(backend)
        cursor.execute("SELECT count(*) FROM generate_series(1, 3000000)")
    assert process_cpu_seconds(backend) > start


def test_bench_search_against_tantivy_prints_both_engines_and_the_ratios(seed):
    pytest.importorskip("tantivy")  # the dev extra installs it
    call_command("synth_corpus", agreements=6, seed=2, stdout=io.StringIO())
    out = io.StringIO()
    call_command("bench_search", against="tantivy", repeat=1, per_query=True, stdout=out)
    text = out.getvalue()
    total = Agreement.objects.count()
    assert f"tantivy index: {total:,} documents" in text
    for engine in ("search page", "search API", "tantivy"):
        assert re.search(rf"^{engine}\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\S", text, re.M), engine
    assert re.search(r"^ratio page/tantivy: CPU p95 [\d.]+×, wall p95 [\d.]+×$", text, re.M)
    assert re.search(r"^ratio API/tantivy: CPU p95 [\d.]+×, wall p95 [\d.]+×$", text, re.M)
    assert re.search(r"^load average at start: [\d.]+ [\d.]+ [\d.]+$", text, re.M)
    assert re.search(r"^load average at end: [\d.]+ [\d.]+ [\d.]+$", text, re.M)
    assert re.search(r"^slowest query of the mix: .+ — [\d.]+ ms \(search (page|API)\)$", text, re.M)

    out = io.StringIO()
    call_command("bench_search", against="tantivy", repeat=1, json=True, stdout=out)
    report = json.loads(out.getvalue())
    from archive.bench import MIX

    assert set(report["queries"]) == {label for label, _ in MIX}
    assert report["engines"]["tantivy"]["requests"] == len(MIX)
    # both engines find the seed's intelligence agreements and the synthetic copies of their articles
    word = report["queries"]["kk word"]
    assert word["tantivy"]["count"] >= 1 and word["search API"]["count"] >= 1
    # a filter narrows tantivy's answer as it narrows the archive's
    assert 1 <= report["queries"]["filter pair"]["tantivy"]["count"] < word["tantivy"]["count"]
    assert report["queries"]["no hit (did you mean)"]["tantivy"]["count"] == 0
    for engine in ("search page", "search API"):
        row = report["engines"][engine]
        assert 0 < row["cpu_p50_ms"] <= row["cpu_p95_ms"] and row["wall_p50_ms"] <= row["wall_p95_ms"]
