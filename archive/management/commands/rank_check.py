"""python manage.py rank_check [--k 20] [--q QUERY …] — how close the engine's ranking is to
ranking every match on its full vector, and what each costs.

For each query of the benchmark mix (archive.bench.MIX, or the ``--q`` given) it runs the
engine (archive.search.engine.rank: every match scored on its rank vector, the best re-ranked
on the full one) and the exhaustive ranking (``ts_rank_cd`` on the full vector of every
match, plus the topic boost: what the engine's second step computes, applied to all), and
prints the matches, the overlap of the two top-k lists (recall@k), whether the first result is
the same, and the time of each. Measurement only.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from archive.bench import MIX
from archive.filters import AgreementFilter
from archive.models import Agreement
from archive.search import engine


def exhaustive_top(queryset, compiled, k: int) -> list[int]:
    """The k best matches by the engine's second-step score, computed on every match."""
    match = engine.Match(compiled.tsquery, tuple(compiled.matched_concepts), compiled.negative_tsquery)
    ids = list(queryset.order_by().filter(match).values_list("pk", flat=True))
    if not ids:
        return []
    on_topic = set(
        Agreement.topics.through.objects.filter(agreement_id__in=ids, topic__slug__in=compiled.matched_concepts)
        .values_list("agreement_id", flat=True)
        .distinct()
    )
    scores = engine.fine_scores(ids, compiled, on_topic)
    return sorted(scores, key=lambda pk: (-scores[pk], pk))[:k]


class Command(BaseCommand):
    help = "Compare the engine's top k with ranking every match on its full vector (recall@k, time)."

    def add_arguments(self, parser):
        parser.add_argument("--k", type=int, default=20)
        parser.add_argument("--q", action="append", default=[], help="a query (repeatable); default: the bench mix")

    def handle(self, *args, k=20, q=(), **options):
        queries = [(text, {"q": text}) for text in q] or MIX
        w = self.stdout.write
        w(f"{'query':<28} {'matches':>8} {'recall@' + str(k):>9} {'same 1st':>8} {'engine ms':>10} {'all ms':>9}")
        recalls = []
        for label, params in queries:
            filterset = AgreementFilter(params, queryset=Agreement.objects.public())
            if not filterset.is_valid() or not filterset.compiled_query or filterset.compiled_query.is_empty:
                continue
            compiled = filterset.compiled_query
            base = Agreement.objects.public()
            started = time.perf_counter()
            list(filterset.qs.values_list("pk", flat=True)[:k])
            mid = time.perf_counter()
            # the exhaustive ranking over the same filtered set
            unfiltered = AgreementFilter({**params, "q": ""}, queryset=base)
            best = exhaustive_top(unfiltered.qs, compiled, k)
            end = time.perf_counter()
            got = filterset.ranking.ids[:k]
            recall = len(set(got) & set(best)) / len(best) if best else 1.0
            recalls.append(recall)
            same = bool(got and best and got[0] == best[0]) or not best
            w(
                f"{label[:28]:<28} {filterset.ranking.total:>8} {recall:>9.2f} {'yes' if same else 'no':>8} "
                f"{(mid - started) * 1000:>10.1f} {(end - mid) * 1000:>9.1f}"
            )
        if recalls:
            w(f"mean recall@{k}: {sum(recalls) / len(recalls):.3f} over {len(recalls)} queries")
