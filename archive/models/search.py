"""Full-text search in PostgreSQL: keeping the vectors, running queries, explaining hits.

Every text is analysed in Python (archive.search.analysis: the project's Kazakh,
Azerbaijani and Armenian stemmers, Snowball for Russian and English) and stored with
``to_tsvector('simple', …)``, so index and query are analysed the same way. Two vectors:
one per agreement (title A; parties, place, acts, topics, headings B; texts and notes C)
ranks agreements; one per article finds the articles to show for the agreements on the
page shown.

Cost at scale (``manage.py bench_search`` on ``manage.py synth_corpus``): an agreement's
vector is ~10 kB, stored out of line (TOAST), and every row PostgreSQL evaluates
``@@`` or ``ts_rank_cd`` on costs a read of it (~10 µs). So a search never evaluates them
on every match: the GIN index finds the candidates without reading a vector, at most
RESULT_CAP + 1 of them are kept (SearchMatch), and only those are ranked, counted and
given facets. Migration 0005 keeps planner statistics off the column so that the index is
always the way in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import RowNumber
from django.utils.translation import get_language, gettext

from archive.search.analysis import analyse_for_index, number_aliases
from archive.search.query import CompiledQuery
from archive.search.snippets import snippet

WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A
TOPIC_BOOST = 0.3
WORD_RE = re.compile(r"[^\W\d_]{4,40}", re.UNICODE)
HITS_PER_AGREEMENT = 3


def reindex_missing(limit: int = 5000) -> int:
    """Index the agreements that have no search vector yet (a bulk load interrupted between
    storing a file and indexing it); returns how many."""
    from archive.models import Agreement

    ids = list(Agreement.objects.filter(search_vector__isnull=True).values_list("pk", flat=True)[:limit])
    for start in range(0, len(ids), 200):
        reindex_agreements(ids[start : start + 200])
    return len(ids)


def reindex_agreements(ids: Iterable[int]) -> None:
    """Recompute the search vectors of these agreements and their articles."""
    from archive.models import Agreement, SourceDocument, SourceKind

    ids = list(ids)
    if not ids:
        return
    agreements = Agreement.objects.filter(pk__in=ids).prefetch_related(
        "parties__country",
        "texts__articles",
        "acts",
        "topics",
        models.Prefetch(
            "sources",
            queryset=SourceDocument.objects.filter(kind=SourceKind.NOTE).only("pk", "agreement_id", "text", "language"),
        ),
    )
    agreement_rows, article_rows, words = [], [], set()
    for a in agreements:
        title, meta, body = [], [], []
        title.append(analyse_for_index(a.title, a.title_language or None))
        title.append(analyse_for_index(a.title_en, "en"))
        for act in a.acts.all():
            title.append(analyse_for_index(act.number, None))
            meta.append(analyse_for_index(act.title, act.language or None))
            body.append(analyse_for_index(act.text, act.language or None))  # the act's own words
            words.update(WORD_RE.findall(act.text.lower()))
        for party in a.parties.all():
            meta.append(analyse_for_index(party.as_written, a.title_language or None))
            meta.extend(analyse_for_index(name, lang) for lang, name in party.country.names.items())
        meta.append(analyse_for_index(a.signed_place, a.title_language or None))
        for topic in a.topics.all():
            meta.extend(analyse_for_index(label, lang) for lang, label in topic.labels.items())
        for text in a.texts.all():
            if text.published_at is None and a.published_at is not None:
                continue  # a draft text of a published agreement: found once it is published
            title.append(analyse_for_index(text.title, text.language))
            body.append(analyse_for_index(text.preamble, text.language))
            body.append(analyse_for_index(text.final_clauses, text.language))
            words.update(WORD_RE.findall(text.title.lower()))
            for article in text.articles.all():
                heading = analyse_for_index(article.heading, text.language)
                content = analyse_for_index(article.body, text.language)
                meta.append(heading)
                body.append(content)
                article_rows.append((article.pk, heading, content))
                words.update(WORD_RE.findall(article.heading.lower()))
                words.update(WORD_RE.findall(article.body.lower()))
        for note in a.sources.all():
            body.append(analyse_for_index(note.text, note.language or None))
            words.update(WORD_RE.findall(note.text.lower()))
        words.update(WORD_RE.findall(a.title.lower()))
        body.append(number_aliases(" ".join(title + body)))  # "1363" finds "N 1363-Ա"
        agreement_rows.append((a.pk, " ".join(title), " ".join(meta), " ".join(body)))
    with connection.cursor() as cursor:
        cursor.execute(
            """UPDATE archive_agreement SET search_vector =
                   setweight(to_tsvector('simple', v.a), 'A') || setweight(to_tsvector('simple', v.b), 'B')
                   || setweight(to_tsvector('simple', v.c), 'C')
               FROM (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS a,
                            unnest(%s::text[]) AS b, unnest(%s::text[]) AS c) AS v
               WHERE archive_agreement.id = v.id""",
            [list(col) for col in zip(*agreement_rows, strict=True)],
        )
        if article_rows:
            cursor.execute(
                """UPDATE archive_article SET search_vector =
                       setweight(to_tsvector('simple', v.h), 'B') || setweight(to_tsvector('simple', v.b), 'C')
                   FROM (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS h,
                                unnest(%s::text[]) AS b) AS v
                   WHERE archive_article.id = v.id""",
                [list(col) for col in zip(*article_rows, strict=True)],
            )
        if words:
            cursor.execute(
                "INSERT INTO archive_term (word) SELECT unnest(%s::text[]) ON CONFLICT (word) DO NOTHING",
                [sorted(words)],
            )


#: A search ranks, counts and gives facets for at most this many matching agreements (plus
#: one, to know there are more), so a word found in 90,000 agreements costs what one found
#: in 300 does. Below the cap everything is exact. Above it ``count`` is a lower bound —
#: ``is_capped(count)``: say "more than RESULT_CAP" — the facets count that many, and the
#: candidates ranked are the agreements filed under a topic the query names, then the
#: others as the GIN index hands them over. A slice deeper than the cap (an export of
#: 1,000 rows, a far page) gets as many candidates as it asks for.
RESULT_CAP = 300


def is_capped(count: int) -> bool:
    """True when a search's ``count`` is the capped lower bound: show "more than RESULT_CAP"."""
    return count > RESULT_CAP


#: A phrase is checked (on the stored vector) on at most this many times the cap of the
#: agreements having all its words; see SearchMatch._candidates.
PHRASE_WINDOW = 10

_TSQUERY_TOKEN = re.compile(r"\s*('(?:[^']|'')*'|<->|<\d+>|[&|!()])")


def relax_phrases(tsquery: str) -> str | None:
    """The query with every phrase (``a <-> b``) turned into ``a & b`` and every negated
    phrase dropped: a query matching a superset, that the GIN index answers without
    reading the stored vectors. None when the query has no phrase (or cannot be parsed)."""
    if "<" not in tsquery:
        return None
    tokens, pos = [], 0
    while pos < len(tsquery):
        match = _TSQUERY_TOKEN.match(tsquery, pos)
        if not match:
            if tsquery[pos:].strip():
                return None
            break
        tokens.append(match.group(1))
        pos = match.end()

    def parse(i: int, level: int):  # levels: 0 OR, 1 AND, 2 phrase; returns (tree, next index)
        if level == 3:
            if i < len(tokens) and tokens[i] == "!":
                node, i = parse(i + 1, 3)
                return ("!", node), i
            if i < len(tokens) and tokens[i] == "(":
                node, i = parse(i + 1, 0)
                if i >= len(tokens) or tokens[i] != ")":
                    raise ValueError("unbalanced")
                return node, i + 1
            if i < len(tokens) and tokens[i].startswith("'"):
                return tokens[i], i + 1
            raise ValueError("operand expected")
        left, i = parse(i, level + 1)
        ops = {0: ("|",), 1: ("&",), 2: ("<->",)}[level]
        while i < len(tokens) and (tokens[i] in ops or (level == 2 and tokens[i].startswith("<"))):
            right, i = parse(i + 1, level + 1)
            left = (ops[0], left, right)
        return left, i

    def has_phrase(node) -> bool:
        return not isinstance(node, str) and (node[0] == "<->" or any(has_phrase(n) for n in node[1:]))

    def relax(node):  # None stands for "true" (a dropped negated phrase)
        if isinstance(node, str):
            return node
        if node[0] == "!":
            return None if has_phrase(node[1]) else node
        left, right = relax(node[1]), relax(node[2])
        if node[0] == "|":
            return None if left is None or right is None else ("|", left, right)
        if left is None or right is None:
            return left if right is None else right
        return ("&", left, right)

    def text(node) -> str:
        if isinstance(node, str):
            return node
        if node[0] == "!":
            return "!" + text(node[1])
        return f"({text(node[1])} {node[0]} {text(node[2])})"

    try:
        tree, end = parse(0, 0)
        if end != len(tokens):
            return None
    except (ValueError, RecursionError):
        return None
    relaxed = relax(tree)
    return text(relaxed) if relaxed is not None else None


def _topic_links_sql() -> str:
    from archive.models import Agreement, Topic

    through = Agreement.topics.through._meta.db_table
    topic = Topic._meta.db_table
    return f"SELECT l.agreement_id FROM {through} l JOIN {topic} t ON t.id = l.topic_id WHERE t.slug = ANY(%s::text[])"


class _Match(models.Expression):
    """The plain match: ``search_vector @@ query``, or filed under a concept the query names.

    The topic part comes first and as ``id = ANY(ARRAY(…))`` so that PostgreSQL can OR the
    two index scans (BitmapOr) and never reads a vector for an agreement already in."""

    conditional = True
    output_field = models.BooleanField()

    def __init__(
        self, tsquery: str, concepts: tuple[str, ...] = (), topics_only: bool = False, negative: str | None = None
    ):
        super().__init__()
        self.tsquery, self.concepts, self.topics_only = tsquery, tuple(concepts), topics_only
        self.negative = negative  # the query's exclusions hold for topic matches too

    def as_sql(self, compiler, connection):
        return self.sql_for(compiler.quote_name_unless_alias(compiler.query.base_table))

    def sql_for(self, table: str) -> tuple[str, list]:
        topics, topic_params = f"{table}.id = ANY(ARRAY({_topic_links_sql()}))", [list(self.concepts)]
        if self.negative:
            topics = f"({topics} AND {table}.search_vector @@ to_tsquery('simple', %s))"
            topic_params.append(self.negative)
        if self.topics_only:
            return topics, topic_params
        sql, params = f"{table}.search_vector @@ to_tsquery('simple', %s)", [self.tsquery]
        if self.concepts:
            sql, params = f"({topics} OR {sql})", [*topic_params, *params]
        return sql, params


class SearchMatch(models.Expression):
    """``filter(SearchMatch(compiled))``: the agreements matching a query, bounded.

    When the queryset is compiled, this node takes the query it is part of — with every
    other filter, added before or after it (django-filter applies ``q`` first) — runs it
    once with the plain match and ``LIMIT cap + 1`` (see ``_candidates``), and stands for
    ``id = ANY(those ids)``. The count, the page and the facets of a request compile the
    same query and share the result (the memo is shared by the queryset's clones): the
    costly part happens once per request, and is bounded whatever the archive's size.
    Note: compiling such a queryset (``str(qs.query)``) runs that query.
    """

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, compiled: CompiledQuery, cap: int | None = None):
        super().__init__()
        self.tsquery = compiled.tsquery
        self.concepts = tuple(compiled.matched_concepts)
        self.negative = compiled.negative_tsquery
        self.cap = RESULT_CAP if cap is None else cap
        self._memo: dict[str, list[int]] = {}  # shallow copies (clones) share it

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return self

    def get_group_by_cols(self):
        return []

    def as_sql(self, compiler, connection):
        outer = compiler.query
        inner = outer.clone()
        if not _remove_search_match(inner.where):
            # Not a plain AND filter (inside OR / NOT): no bound, the plain match inline.
            return _Match(self.tsquery, self.concepts, negative=self.negative).as_sql(compiler, connection)
        # The pool is cap + 1 rows; only a slice reaching beyond it (an export) gets a bigger one.
        high = outer.high_mark or 0
        wanted = high if high > self.cap + 1 else self.cap
        ids = self._candidates(inner, connection, wanted)
        table = compiler.quote_name_unless_alias(outer.base_table)
        return f"{table}.id = ANY(%s::bigint[])", ["{" + ",".join(map(str, ids)) + "}"]

    def _candidates(self, inner, connection, wanted: int) -> list[int]:
        """Up to wanted + 1 matching ids: those filed under a concept the query names first,
        then the others in the order the GIN index hands them over (storage order). No
        ORDER BY: the scan stops after wanted + 1 rows, so a word in every agreement costs
        what a rarer one does — any order would first have to visit all the matches."""
        from archive.models import Agreement

        inner.subquery = False
        inner.clear_limits()
        inner.clear_ordering(force=True)
        inner.select_related = False
        base = Agreement.objects.using(connection.alias).all()
        base.query = inner
        base = base.order_by()
        cap = wanted + 1
        parts = []
        if self.concepts:  # their rank has the topic boost: they go first
            on_topic = base.filter(_Match(self.tsquery, self.concepts, topics_only=True, negative=self.negative))
            parts.append(on_topic.values_list("id", flat=True)[:cap].query.sql_with_params())
        relaxed = relax_phrases(self.tsquery)
        if relaxed is None:
            # No phrase: the GIN index answers exactly, no stored vector is read.
            plain = base.filter(_Match(self.tsquery, self.concepts, negative=self.negative))
            parts.append(plain.values_list("id", flat=True)[:cap].query.sql_with_params())
        else:
            # A phrase needs the positions, i.e. the stored vector: the index finds up to
            # PHRASE_WINDOW × cap agreements having all the words, and the phrase is then
            # checked on those, one by one, until cap are found.
            window = base.filter(_Match(relaxed, self.concepts, negative=self.negative))
            window = window.values_list("id", "search_vector")[: PHRASE_WINDOW * cap]
            window_sql, window_params = window.query.sql_with_params()
            exact_sql, exact_params = _Match(self.tsquery, self.concepts, negative=self.negative).sql_for("s")
            parts.append(
                (f"SELECT s.id FROM ({window_sql}) s WHERE {exact_sql} LIMIT {cap}", (*window_params, *exact_params))
            )
        sql = " UNION ALL ".join(f"({part_sql})" for part_sql, _ in parts)
        params = [param for _, part_params in parts for param in part_params]
        key = repr((sql, params))
        if key not in self._memo:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                self._memo[key] = list(dict.fromkeys(row[0] for row in cursor.fetchall()))[:cap]
        return self._memo[key]


def _remove_search_match(node) -> bool:
    """Drop SearchMatch conditions from the AND part of a (cloned) WHERE tree, in place."""
    from django.db.models.sql.where import AND, WhereNode

    found, kept = False, []
    for child in node.children:
        if isinstance(child, SearchMatch) or isinstance(getattr(child, "lhs", None), SearchMatch):
            found = True
            continue
        if isinstance(child, WhereNode) and child.connector == AND and not child.negated:
            found |= _remove_search_match(child)
        kept.append(child)
    node.children = kept
    return found


def search_queryset(queryset, compiled: CompiledQuery):
    """Agreements matching ``compiled``, with a ``rank``; the caller orders.

    Bounded: at most RESULT_CAP + 1 candidates (see SearchMatch), so ranking, counting and
    facets read at most that many stored vectors whatever the archive's size."""
    from archive.models import Agreement

    query = SearchQuery(compiled.tsquery, search_type="raw", config="simple")
    rank = SearchRank(F("search_vector"), query, weights=WEIGHTS, cover_density=True, normalization=Value(1))
    if compiled.matched_concepts:
        # Cross-language: an agreement filed under a concept the query names is a hit even
        # when its texts are in a language the query's words do not reach.
        links = Agreement.topics.through.objects.filter(agreement=OuterRef("pk"))
        on_topic = Exists(links.filter(topic__slug__in=compiled.matched_concepts))
        queryset = queryset.annotate(on_topic=on_topic)
        rank = rank + models.Case(models.When(on_topic=True, then=Value(TOPIC_BOOST)), default=Value(0.0))
    # The page never shows the vector: ~10 kB per row not read out of TOAST and sent over.
    return queryset.filter(SearchMatch(compiled)).annotate(rank=rank).defer("search_vector")


@dataclass
class Hit:
    number: str
    heading: str
    language: str
    snippet: str
    anchor: str


def explain(agreements: list, compiled: CompiledQuery) -> None:
    """Attach ``.hits`` (best articles with snippets), ``.snippet`` and ``.reasons`` to
    each agreement of a page: one query, whatever the page size."""
    from archive.models import Article

    if not agreements or compiled.is_empty:
        return
    query = SearchQuery(compiled.tsquery, search_type="raw", config="simple")
    # Only the best HITS_PER_AGREEMENT articles of each agreement leave the database.
    rows = (
        Article.objects.filter(text__agreement__in=[a.pk for a in agreements], search_vector=query)
        # no snippet from a draft text of a published agreement (drafts are seen by editors only)
        .filter(Q(text__published_at__isnull=False) | Q(text__agreement__published_at__isnull=True))
        .annotate(
            rank=SearchRank(F("search_vector"), query, weights=WEIGHTS, cover_density=True),
            agreement_id=F("text__agreement_id"),
            language=F("text__language"),
        )
        .annotate(
            nth=models.Window(
                RowNumber(), partition_by=[F("text__agreement_id")], order_by=[F("rank").desc(), F("position").asc()]
            )
        )
        .filter(nth__lte=HITS_PER_AGREEMENT)
        .order_by("agreement_id", "nth")
        .values("agreement_id", "number", "heading", "body", "language", "rank")
    )
    by_agreement: dict[int, list[Hit]] = defaultdict(list)
    for row in rows:
        hits = by_agreement[row["agreement_id"]]
        if len(hits) < HITS_PER_AGREEMENT:
            hits.append(
                Hit(
                    row["number"],
                    row["heading"],
                    row["language"],
                    snippet(row["body"], row["language"], compiled.lexemes),
                    f"art-{row['number']}",
                )
            )
    language = (get_language() or "en")[:2]
    for agreement in agreements:
        agreement.hits = by_agreement.get(agreement.pk, [])
        agreement.snippet = agreement.hits[0].snippet if agreement.hits else None
        reasons = []
        topics = {t.slug: t for t in agreement.topics.all()}
        for slug in compiled.matched_concepts:
            if slug in topics:
                reasons.append(gettext("topic: %(topic)s") % {"topic": topics[slug].label(language).lower()})
        if agreement.hits:
            reasons.append(gettext("articles %(numbers)s") % {"numbers": ", ".join(h.number for h in agreement.hits)})
        agreement.reasons = reasons


def did_you_mean(q: str) -> str | None:
    """A spelling the archive knows, for a query that found nothing (trigram similarity);
    None when every word is already known or nothing close exists. One query."""
    words = WORD_RE.findall(q.lower())[:8]
    if not words:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT q.w, (SELECT t.word FROM archive_term t WHERE t.word %% q.w
                            ORDER BY t.word = q.w DESC, similarity(t.word, q.w) DESC, t.word LIMIT 1)
               FROM unnest(%s::text[]) WITH ORDINALITY AS q(w, i) ORDER BY q.i""",
            [words],
        )
        rows = cursor.fetchall()
    suggestion = [best or word for word, best in rows]
    return " ".join(suggestion) if suggestion != words else None
