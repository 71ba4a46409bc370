"""python manage.py bench_search [--repeat R] [--json] — server time of search and browsing.

Runs a fixed mix of requests through the real code paths (django.test.Client: middleware,
filters, search, explain(), facets, templates, the API's serializers) against the
database as it is — build a corpus first with ``manage.py synth_corpus`` — and prints
p50 / p95 / max per request type, the SQL queries each request type makes (they must not
grow with the corpus), and EXPLAIN (ANALYZE, BUFFERS) summaries of the main search SQL.
Each URL is requested once as a warm-up, which is not counted.

``--against tantivy`` compares instead: the same agreements indexed by tantivy (archive.bench_tantivy,
in a temporary directory), then the query mix timed interleaved — for each repeat, for each query:
the search page, the API, tantivy's equivalent of a results page (count, top 20, snippets) — with
wall time and CPU time per request. The Django side's CPU is this process's (time.process_time)
plus its PostgreSQL backend's (/proc/<pg_backend_pid()>/stat, utime + stime, 10 ms steps).
"""

from __future__ import annotations

import gc
import json
import logging
import statistics
import tempfile
import time
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.bench import (
    BUDGETS,
    EXPLAINED,
    MIX,
    SEARCHES,
    describe_sql,
    load_average,
    percentile,
    process_cpu_seconds,
    summarise_plan,
    url,
)
from archive.models import Agreement, Article, Text

SYNTH_PREFIX = "synth-"


def forget_throttle() -> None:
    """Forget the API's anonymous throttle history for the test client's address (the mix makes
    more requests a minute than it allows). Only that key: the rest of the cache (the filter
    form's rendered choices, the unfiltered facets) stays warm, as it is on a running server."""
    from rest_framework.throttling import AnonRateThrottle

    cache.delete(AnonRateThrottle.cache_format % {"scope": AnonRateThrottle.scope, "ident": "127.0.0.1"})


class Command(BaseCommand):
    help = "Measure search, API, detail and list pages: p50/p95/max server time and SQL queries."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5, help="timed runs of each URL (after one warm-up)")
        parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
        parser.add_argument("--no-explain", action="store_true", help="skip the EXPLAIN (ANALYZE, BUFFERS) part")
        parser.add_argument("--per-query", action="store_true", help="also print each search's own timings")
        parser.add_argument(
            "--against",
            choices=["tantivy"],
            help="compare with another engine on the same agreements and queries (tantivy: the bench extra)",
        )
        parser.add_argument(
            "--gc-freeze",
            action="store_true",
            help="gc.freeze() after the warm-up, as a server would after loading the app: the objects loaded so "
            "far are no longer scanned by full garbage collections (~60 ms each otherwise, every ~16 searches)",
        )

    def handle(self, *args, **options):
        # Big statements are the point here: keep the slow-query log (archive.db) quiet meanwhile.
        log = logging.getLogger("archive.db")
        level = log.level
        log.setLevel(logging.ERROR)
        try:
            return self.run(**options)
        finally:
            log.setLevel(level)

    def run(self, repeat=5, json=False, no_explain=False, per_query=False, gc_freeze=False, against=None, **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1")
        # a host the settings allow (outside the test runner 'testserver' is not one of them)
        host = next((h for h in settings.ALLOWED_HOSTS if h != "*" and not h.startswith(".")), "localhost")
        self.client = Client(HTTP_HOST=host)
        if against:
            return self.compare(repeat, json, per_query)
        corpus = self.corpus()
        requests = self.requests()
        if not json:
            self.stdout.write(
                f"corpus: {corpus['agreements']:,} agreements ({corpus['synthetic']:,} synthetic), "
                f"{corpus['texts']:,} texts, {corpus['articles']:,} articles; database {corpus['database']}"
            )
            frozen = "; gc.freeze() after the warm-up" if gc_freeze else ""
            self.stdout.write(f"{len(requests)} URLs, 1 warm-up + {repeat} timed runs each{frozen}")
        timings, queries, hits = self.measure(requests, repeat, gc_freeze)
        report = {"corpus": corpus, "repeat": repeat, "gc_freeze": gc_freeze, "types": {}, "searches": {}}
        for kind in dict.fromkeys(k for k, _, _ in requests):
            samples = [t for (k, _label, _u), ts in timings.items() if k == kind for t in ts]
            counts = [queries[(k, label, u)] for (k, label, u) in timings if k == kind]
            report["types"][kind] = {
                "requests": len(samples),
                "p50_ms": round(percentile(samples, 50), 1),
                "p95_ms": round(percentile(samples, 95), 1),
                "max_ms": round(max(samples), 1),
                "mean_ms": round(statistics.fmean(samples), 1),
                "sql_queries_min": min(counts),
                "sql_queries_max": max(counts),
            }
        for (kind, label, address), samples in timings.items():
            if kind in ("search page", "search API"):
                entry = report["searches"].setdefault(label, {"url": address.split("?", 1)[1]})
                entry[kind] = {
                    "p50_ms": round(percentile(samples, 50), 1),
                    "max_ms": round(max(samples), 1),
                    "sql_queries": queries[(kind, label, address)],
                    "count": hits.get((kind, label, address)),
                }
        if not no_explain:
            report["explain"] = self.explain()
        if json:
            self.stdout.write(__import__("json").dumps(report, ensure_ascii=False, indent=2))
            return
        self.print_report(report, per_query)

    # ------------------------------------------------------------------ what is measured
    def corpus(self) -> dict:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            (size,) = cursor.fetchone()
        return {
            "agreements": Agreement.objects.count(),
            "synthetic": Agreement.objects.filter(slug__startswith=SYNTH_PREFIX).count(),
            "texts": Text.objects.count(),
            "articles": Article.objects.count(),
            "database": size,
        }

    def requests(self) -> list[tuple[str, str, str]]:
        """(request type, label, URL) in a fixed order."""
        out = []
        for label, params in MIX:
            out.append(("search page", label, url("/search/", params)))
        for label, params in MIX:
            out.append(("search API", label, url("/api/agreements/", params)))
        details = self.detail_slugs()
        for slug in details:
            out.append(("detail page", slug, f"/agreements/{slug}/"))
        if details:
            out.append(("detail page", f"{details[0]} ?q=", url(f"/agreements/{details[0]}/", {"q": "барлау"})))
            for slug in details:
                out.append(("detail API", slug, f"/api/agreements/{slug}/"))
        for label, params in [
            ("all", {}),
            ("pair", {"pair": "AZ-KZ"}),
            ("kind, page 5", {"kind": "treaty", "page": "5"}),
            ("topic", {"topic": "defence"}),
            ("signed from, oldest first", {"signed_from": "2000-01-01", "ordering": "signed_date"}),
        ]:
            out.append(("list page", label, url("/agreements/", params)))
        out.append(("list API", "all", "/api/agreements/"))
        out.append(("home page", "home", "/"))
        return out

    def detail_slugs(self) -> list[str]:
        """A real agreement with its text, and the synthetic agreements with the most articles."""
        slugs = []
        real = (
            Agreement.objects.exclude(slug__startswith=SYNTH_PREFIX)
            .filter(texts__isnull=False)
            .order_by("-signed_date", "slug")
            .values_list("slug", flat=True)
            .first()
        )
        if real:
            slugs.append(real)
        synthetic = Agreement.objects.filter(slug__startswith=SYNTH_PREFIX).order_by("slug")
        biggest = (
            Text.objects.filter(agreement__in=synthetic.values("pk")[:500])
            .values("agreement__slug")
            .order_by()
            .annotate(n=Count("articles"))
            .order_by("-n", "agreement__slug")
            .values_list("agreement__slug", flat=True)[:2]
        )
        slugs.extend(biggest)
        return list(dict.fromkeys(slugs))

    def get(self, address: str):
        forget_throttle()
        started = time.perf_counter()
        response = self.client.get(address)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise CommandError(f"{address} answered {response.status_code}")
        return response, elapsed

    def measure(self, requests, repeat, gc_freeze=False):
        timings: dict[tuple, list[float]] = defaultdict(list)
        queries: dict[tuple, int] = {}
        hits: dict[tuple, object] = {}
        for key in requests:
            address = key[2]
            with CaptureQueriesContext(connection) as captured:  # the warm-up run counts the SQL
                response, _ = self.get(address)
            queries[key] = len(captured.captured_queries)
            hits[key] = self.hit_count(key[0], response)
        if gc_freeze:
            gc.collect()
            gc.freeze()
        try:
            for _ in range(repeat):
                for key in requests:
                    _, elapsed = self.get(key[2])
                    timings[key].append(elapsed)
        finally:
            if gc_freeze:
                gc.unfreeze()
        return timings, queries, hits

    def hit_count(self, kind: str, response):
        if kind == "search API":
            return json.loads(response.content).get("count")
        if kind == "search page":
            page = response.context["page"] if response.context else None
            return page.paginator.count if page is not None else None
        return None

    # ------------------------------------------------------------------ EXPLAIN
    def explain(self) -> dict:
        out = {}
        params = dict(SEARCHES)
        for label in EXPLAINED:
            address = url("/search/", params[label])
            with CaptureQueriesContext(connection) as captured:
                self.get(address)
            plans = []
            for query in captured.captured_queries:
                sql = query["sql"]
                if "@@" not in sql and "ts_rank" not in sql and not sql.lstrip().startswith("WITH m("):
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    lines = [row[0] for row in cursor.fetchall()]
                summary = summarise_plan(describe_sql(sql), lines)
                plans.append({"sql": describe_sql(sql), "summary": summary.lines(), "plan": lines})
            out[label] = {"url": address, "plans": plans}
        return out

    # ------------------------------------------------------------------ output
    def print_report(self, report: dict, per_query: bool) -> None:
        corpus = report["corpus"]
        large = corpus["agreements"] >= 50_000
        w = self.stdout.write
        w("")
        w(f"{'request type':<14} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'SQL queries':>12}   budget")
        for kind, row in report["types"].items():
            (budget_10k, budget_100k), sql_budget = BUDGETS.get(kind, ((None, None), None))
            limit = budget_100k if large else budget_10k
            notes = []
            if limit is not None:
                notes.append(f"p95 ≤ {limit} ms: {'ok' if row['p95_ms'] <= limit else 'OVER'}")
            if sql_budget is not None:
                notes.append(f"≤ {sql_budget} queries: {'ok' if row['sql_queries_max'] <= sql_budget else 'OVER'}")
            q = row["sql_queries_min"], row["sql_queries_max"]
            queries = f"{q[0]}" if q[0] == q[1] else f"{q[0]}–{q[1]}"
            w(
                f"{kind:<14} {row['requests']:>5} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['max_ms']:>8.1f} "
                f"{queries:>12}   {'; '.join(notes)}"
            )
        if per_query:
            w("")
            w(f"{'search':<24} {'page p50':>9} {'page max':>9} {'API p50':>8} {'SQL':>4} {'hits':>8}  query")
            for label, entry in report["searches"].items():
                page, api = entry.get("search page", {}), entry.get("search API", {})
                w(
                    f"{label:<24} {page.get('p50_ms', 0):>9.1f} {page.get('max_ms', 0):>9.1f} "
                    f"{api.get('p50_ms', 0):>8.1f} {page.get('sql_queries', 0):>4} {api.get('count')!s:>8}  "
                    f"{entry['url']}"
                )
        for label, entry in report.get("explain", {}).items():
            w("")
            w(f"EXPLAIN (ANALYZE, BUFFERS) — {label}: {entry['url']}")
            for plan in entry["plans"]:
                for line in plan["summary"]:
                    w(f"  {line}")

    # ------------------------------------------------------------------ --against tantivy
    def compare(self, repeat: int, as_json: bool, per_query: bool) -> None:
        try:
            from archive.bench_tantivy import TantivyIndex
        except ImportError:
            raise CommandError('--against tantivy needs the bench extra: pip install -e ".[bench]"') from None
        w = self.stdout.write
        report: dict = {"corpus": self.corpus(), "repeat": repeat, "load_average_start": load_average()}
        if not as_json:
            c = report["corpus"]
            w(
                f"corpus: {c['agreements']:,} agreements ({c['synthetic']:,} synthetic), {c['texts']:,} texts, "
                f"{c['articles']:,} articles; database {c['database']}"
            )
            w(f"load average at start: {report['load_average_start']}")
        with tempfile.TemporaryDirectory(prefix="bench-tantivy-") as directory:
            index = TantivyIndex(directory)
            index.build()
            report["tantivy"] = {
                "documents": index.documents,
                "build_s": round(index.build_seconds, 1),
                "size_mb": round(index.size_bytes() / 1e6, 1),
            }
            if not as_json:
                t = report["tantivy"]
                w(f"tantivy index: {t['documents']:,} documents in {t['build_s']} s, {t['size_mb']} MB")
                w(f"{len(MIX)} queries × (page, API, tantivy), 1 warm-up + {repeat} timed runs, interleaved")
            engines = {
                "search page": lambda params: self.get(url("/search/", params))[0],
                "search API": lambda params: self.get(url("/api/agreements/", params))[0],
                "tantivy": index.page,
                "tantivy search": lambda params: index.page(params, snippets=False),  # information only
            }
            counts: dict[tuple[str, str], object] = {}
            for label, params in MIX:  # warm-up, and the counts each engine finds
                for engine, call in engines.items():
                    answer = call(params)
                    counts[(engine, label)] = (
                        answer.count if engine.startswith("tantivy") else self.hit_count(engine, answer)
                    )
            samples: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
            for _ in range(repeat):
                for label, params in MIX:
                    for engine, call in engines.items():
                        samples[(engine, label)].append(
                            self.timed(call, params, django=not engine.startswith("tantivy"))
                        )
        report["load_average_end"] = load_average()
        report["engines"] = {}
        for engine in engines:
            walls = [wall for (e, _), runs in samples.items() if e == engine for wall, _cpu in runs]
            cpus = [cpu for (e, _), runs in samples.items() if e == engine for _wall, cpu in runs]
            slowest = max(
                (label for label, _ in MIX), key=lambda label, e=engine: max(x[0] for x in samples[(e, label)])
            )
            report["engines"][engine] = {
                "requests": len(walls),
                "wall_p50_ms": round(percentile(walls, 50), 1),
                "wall_p95_ms": round(percentile(walls, 95), 1),
                "cpu_p50_ms": round(percentile(cpus, 50), 1),
                "cpu_p95_ms": round(percentile(cpus, 95), 1),
                "slowest": slowest,
                "slowest_ms": round(max(x[0] for x in samples[(engine, slowest)]), 1),
            }
        base = report["engines"]["tantivy"]
        report["ratios"] = {
            engine: {
                "cpu_p95": round(report["engines"][engine]["cpu_p95_ms"] / max(base["cpu_p95_ms"], 0.01), 1),
                "wall_p95": round(report["engines"][engine]["wall_p95_ms"] / max(base["wall_p95_ms"], 0.01), 1),
            }
            for engine in ("search page", "search API")
        }
        report["queries"] = {
            label: {
                "params": params,
                **{
                    engine: {
                        "wall_p50_ms": round(percentile([x[0] for x in samples[(engine, label)]], 50), 1),
                        "cpu_p50_ms": round(percentile([x[1] for x in samples[(engine, label)]], 50), 1),
                        "count": counts[(engine, label)],
                    }
                    for engine in engines
                },
            }
            for label, params in MIX
        }
        if as_json:
            w(json.dumps(report, ensure_ascii=False, indent=2))
            return
        self.print_comparison(report, per_query)

    def timed(self, call, params: dict, django: bool) -> tuple[float, float]:
        """(wall ms, CPU ms) of one call; for the Django side the CPU of its PostgreSQL backend too."""
        backend = None
        if django:
            forget_throttle()
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                backend = cursor.fetchone()[0]
        backend_before = process_cpu_seconds(backend) if backend else None
        cpu_before = time.process_time()
        started = time.perf_counter()
        call(params)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu_before
        if backend_before is not None:
            backend_after = process_cpu_seconds(backend)
            if backend_after is not None:
                cpu += backend_after - backend_before
        return wall * 1000, cpu * 1000

    def print_comparison(self, report: dict, per_query: bool) -> None:
        w = self.stdout.write
        w("")
        w(
            f"{'engine':<14} {'n':>5} {'wall p50':>9} {'wall p95':>9} {'CPU p50':>8} {'CPU p95':>8}   "
            "slowest query (max wall)"
        )
        for engine, row in report["engines"].items():
            w(
                f"{engine:<14} {row['requests']:>5} {row['wall_p50_ms']:>9.1f} {row['wall_p95_ms']:>9.1f} "
                f"{row['cpu_p50_ms']:>8.1f} {row['cpu_p95_ms']:>8.1f}   {row['slowest']} ({row['slowest_ms']:.1f} ms)"
            )
        w(
            "(ms; CPU of the Django side = this process + its PostgreSQL backend; 'tantivy search': the count "
            "and top 20 without snippets, for information)"
        )
        for engine, short in (("search page", "page"), ("search API", "API")):
            ratio = report["ratios"][engine]
            w(f"ratio {short}/tantivy: CPU p95 {ratio['cpu_p95']:.1f}×, wall p95 {ratio['wall_p95']:.1f}×")
        slowest = max(
            ((e, row) for e, row in report["engines"].items() if not e.startswith("tantivy")),
            key=lambda x: x[1]["slowest_ms"],
        )
        params = report["queries"][slowest[1]["slowest"]]["params"]
        w(
            f"slowest query of the mix: {slowest[1]['slowest']} {params} — "
            f"{slowest[1]['slowest_ms']:.1f} ms ({slowest[0]})"
        )
        w(f"load average at end: {report['load_average_end']}")
        if per_query:
            w("")
            w("(wall p50 ms; the archive's count stops at its result cap, tantivy counts every match)")
            w(f"{'query':<34} {'page p50':>9} {'API p50':>8} {'tantivy':>8} {'hits':>8} {'tantivy hits':>12}")
            for label, row in report["queries"].items():
                w(
                    f"{label:<34} {row['search page']['wall_p50_ms']:>9.1f} {row['search API']['wall_p50_ms']:>8.1f} "
                    f"{row['tantivy']['wall_p50_ms']:>8.1f} {row['search API']['count']!s:>8} "
                    f"{row['tantivy']['count']!s:>12}"
                )
