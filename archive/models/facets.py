"""Facet counts (country, pair, topic, kind, status, decade, language) in one query,
computed from the very queryset the page lists, so the counts always add up."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection

FACET_SQL = """
WITH m(mid) AS ({ids})
SELECT 'kind', kind, count(*), NULL::jsonb FROM archive_agreement WHERE id IN (SELECT mid FROM m) GROUP BY kind
UNION ALL
SELECT 'status', status, count(*), NULL FROM archive_agreement WHERE id IN (SELECT mid FROM m) GROUP BY status
UNION ALL
SELECT 'decade', (extract(year FROM signed_date)::int / 10 * 10)::text, count(*), NULL
  FROM archive_agreement WHERE id IN (SELECT mid FROM m) AND signed_date IS NOT NULL GROUP BY 2
UNION ALL
SELECT 'pair', pair, count(*), NULL FROM archive_agreement WHERE id IN (SELECT mid FROM m) AND pair <> '' GROUP BY pair
UNION ALL
SELECT 'country', country_id, count(DISTINCT agreement_id), NULL FROM archive_party
  WHERE agreement_id IN (SELECT mid FROM m) GROUP BY country_id
UNION ALL
SELECT 'topic', t.slug, count(DISTINCT at.agreement_id), t.labels FROM archive_agreement_topics at
  JOIN archive_topic t ON t.id = at.topic_id WHERE at.agreement_id IN (SELECT mid FROM m) GROUP BY t.slug, t.labels
UNION ALL
SELECT 'language', language, count(DISTINCT agreement_id), NULL FROM archive_text
  WHERE agreement_id IN (SELECT mid FROM m) GROUP BY language
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
    ids_sql, params = queryset.order_by().values("pk").query.sql_with_params()
    sql = FACET_SQL.format(ids=ids_sql)  # one column, renamed mid by the CTE
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    facets: dict[str, list[FacetValue]] = defaultdict(list)
    for name, value, count, labels in rows:
        # Django has psycopg hand jsonb over as text (its JSONField decodes it)
        facets[name].append(FacetValue(value, count, json.loads(labels) if isinstance(labels, str) else labels))
    return {
        name: sorted(facets[name], key=lambda f: f.value, reverse=True)
        if name == "decade"
        else sorted(facets[name], key=lambda f: (-f.count, f.value))[:TOP]
        for name in FACET_NAMES
    }
