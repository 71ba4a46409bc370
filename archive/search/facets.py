"""Facet counts (country, pair, topic, kind, status, decade, language) in one query,
computed from the very queryset the page lists, so the counts always add up."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection

# m holds the matching agreements' own facet columns, read once (materialised); the
# per-party, per-topic and per-language counts join to it, through the agreement_id
# indexes when the set is small (a search: at most RESULT_CAP agreements) and by
# hash when it is large. Counts are of agreements: a country, a topic and a language
# appear once per agreement (unique constraints), so count(*) needs no DISTINCT.
FACET_SQL = """
WITH m(mid, kind, status, signed_date, pair) AS MATERIALIZED ({ids})
SELECT 'kind', kind, count(*), NULL::jsonb FROM m GROUP BY kind
UNION ALL
SELECT 'status', status, count(*), NULL FROM m GROUP BY status
UNION ALL
SELECT 'decade', (extract(year FROM signed_date)::int / 10 * 10)::text, count(*), NULL
  FROM m WHERE signed_date IS NOT NULL GROUP BY 2
UNION ALL
SELECT 'pair', pair, count(*), NULL FROM m WHERE pair <> '' GROUP BY pair
UNION ALL
SELECT 'country', p.country_id, count(*), NULL FROM m JOIN archive_party p ON p.agreement_id = m.mid
  GROUP BY p.country_id
UNION ALL
SELECT 'topic', t.slug, c.n, t.labels
  FROM (SELECT l.topic_id, count(*) AS n FROM m JOIN archive_agreement_topics l ON l.agreement_id = m.mid
        GROUP BY l.topic_id) c
  JOIN archive_topic t ON t.id = c.topic_id
UNION ALL
SELECT 'language', x.language, count(*), NULL FROM m JOIN archive_text x ON x.agreement_id = m.mid
  GROUP BY x.language
"""
FACET_NAMES = ("country", "pair", "topic", "kind", "status", "decade", "language")
TOP = 12


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    labels: dict | None = None  # a topic's labels by language


def facet_counts(queryset) -> dict[str, list[FacetValue]]:
    """{facet: [FacetValue, …]}: most frequent first (decades newest first), TOP per facet."""
    columns = queryset.order_by().values("pk", "kind", "status", "signed_date", "pair")
    ids_sql, params = columns.query.sql_with_params()
    sql = FACET_SQL.format(ids=ids_sql)  # columns renamed by the CTE
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    grouped: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row[1:])
    out = {}
    for name in FACET_NAMES:
        values = grouped[name]
        if name == "decade":
            values.sort(key=lambda v: v[0], reverse=True)
        else:
            values.sort(key=lambda v: (-v[1], v[0]))
            values = values[:TOP]
        # labels decoded for the values kept only (Django has psycopg hand jsonb over as text)
        out[name] = [
            FacetValue(v, n, json.loads(labels) if isinstance(labels, str) else labels) for v, n, labels in values
        ]
    return out


# The version of what the unfiltered list's facets count. Reading the rows would cost a scan
# of every agreement (47 ms at 100,000); instead: the newest publication and the newest
# agreement (two index lookups: a publication or an upload shows at once, from any process),
# and PostgreSQL's count of rows written to the tables the facets read, both the flushed
# totals and this transaction's own (any other edit shows within the seconds PostgreSQL
# takes to flush a backend's counts). Under a millisecond whatever the size of the archive.
VERSION_SQL = """
SELECT (SELECT max(published_at) FROM archive_agreement),
       (SELECT max(id) FROM archive_agreement),
       (SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) FROM pg_stat_user_tables WHERE relname = ANY(%(tables)s)),
       (SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) FROM pg_stat_xact_user_tables WHERE relname = ANY(%(tables)s))
"""
FACET_TABLES = ["archive_agreement", "archive_party", "archive_text", "archive_agreement_topics", "archive_topic"]
UNFILTERED_SECONDS = 300  # and whatever the statistics miss (track_counts off) lasts no longer


def archive_version() -> str:
    """A digest of VERSION_SQL's answer: it changes when a row the facets count changes."""
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL, {"tables": FACET_TABLES})
        parts = cursor.fetchone()
    return hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()


def unfiltered_facet_counts(queryset, scope: str) -> dict[str, list[FacetValue]]:
    """:func:`facet_counts` of every agreement ``queryset`` holds (no filter, no words), kept
    in the cache under the reader's ``scope``: the queryset and the scope both come from
    archive.views.visibility, so a reader's counts never include a draft an editor sees."""
    key = f"facets-unfiltered:{scope}:{archive_version()}"
    found = cache.get(key)
    if found is None:
        found = facet_counts(queryset)
        cache.set(key, found, UNFILTERED_SECONDS)
    return found
