"""The search engine: which agreements match a compiled query, and in what order.

Two explicit steps through the public ORM and plain SQL (no compiler hooks):

1. **Up to SCORE_WINDOW matches are scored.** The GIN index on ``search_vector`` finds the
   matching agreements without reading their vectors (for a phrase, the relaxed query with
   ``&`` between its words: positions need the vector); each is scored with ``ts_rank`` on
   its small ``rank_vector`` (title, descriptive fields, the texts' most frequent words:
   :mod:`archive.search.index`), which lies in the row — no TOAST read — plus a boost when
   it is filed under a concept the query names, as the row is read. The at most
   SCORE_WINDOW + 1 small rows (id, score, topic, date) are sorted here: their number is
   the count (exact up to the window). When more match, the window is what the index handed
   over first, so the **champion lists** (``archive_impact``: each agreement's most telling
   lexemes, read in impact order; :func:`champion_ids`) and the agreements filed under a
   concept the query names (:func:`filed_ids`) join it: the agreements where the query
   weighs most, wherever they are stored. The best :data:`RESULT_CAP` (or the depth asked
   for: an export) go on.
2. **The best are re-ranked finely.** The first :data:`RERANK` and :data:`RERANK_CHAMPIONS`
   champions among the others (all of them when at most :data:`RERANK_ALL` remain) are
   scored with ``ts_rank_cd`` (cover density: the words close together count more) on their
   full vector and sorted by it; the others keep the first step's order. A phrase is
   checked here on the stored vectors of the relaxed matches, best first, a cap's worth at a
   time until the cap is reached (at most :data:`PHRASE_WINDOW` × the cap); beyond what was
   checked the count is a lower bound.

Why this technique (measured with ``manage.py bench_search`` and ``manage.py rank_check`` on
real-text corpora, see the README): ranking every match on its full vector reads ~10 kB of
TOAST per match — seconds for a common word at 100k agreements; the small vector costs a
few µs a row in the heap, and the champion lists a short index range per query word.

The result is a :class:`Ranking` (ordered ids, the total, whether it is exact) that
restricts any queryset to those agreements in that order (:meth:`Ranking.apply`), so the
page, the count, the facets, the exports and the API read the same set.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.contrib.postgres.fields import ArrayField
from django.db import connection, models
from django.db.models import F, Func, Value
from django.utils.translation import get_language, gettext

from .index import WORD_RE
from .query import CompiledQuery
from .snippets import snippet

WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A
_WEIGHTS_ARRAY = "{" + ",".join(map(str, WEIGHTS)) + "}"  # as ts_rank takes them (float4[])
TOPIC_BOOST = 0.3
HITS_PER_AGREEMENT = 3

#: A page of results reaches at most this many agreements (the best), and the facets
#: count those; the number of matches is exact whatever it is (phrases: see PHRASE_WINDOW).
RESULT_CAP = 300
#: how many matches the first step scores at most (as the GIN index hands them over); beyond,
#: the count is a lower bound. Scoring costs ~40 µs a match at 100k real-text agreements
#: (bench_search): all 40,000 matches of a common phrase took 1.5–2 s. 1,000 rather than 2,000:
#: the same recall@20 at 10k (rank_check: 0.868 against 0.866; the champion lists carry what lies
#: beyond) for a search page p95 of 116 ms instead of 139 (bench_search --against tantivy, idle)
SCORE_WINDOW = 1000
#: how many of the best are re-ranked on their full vector (ts_rank_cd); all of them when
#: they are at most RERANK_ALL (rank_check at 10k: 100 + 100 champions gave the same recall)
RERANK = 50
RERANK_ALL = 300
#: and at most this many champions among the others (see CHAMPIONS)
RERANK_CHAMPIONS = 50
#: a phrase is checked on at most this many times the cap of the relaxed matches
PHRASE_WINDOW = 3
#: when a query matches more than SCORE_WINDOW, the champion lists (archive_impact) add at most
#: this many agreements, shared among the query's lexemes, at least CHAMPIONS_EACH for each, and
#: at most FILED_CHAMPIONS filed under a concept it names (manage.py rank_check at 10k: recall@20
#: of the exhaustive ranking 0.65 without them, 0.87 with them)
CHAMPIONS = 600
CHAMPIONS_EACH = 20
FILED_CHAMPIONS = 2000


def _topic_links_sql() -> str:
    from archive.models import Agreement, Topic

    through = Agreement.topics.through._meta.db_table
    topic = Topic._meta.db_table
    return f"SELECT l.agreement_id FROM {through} l JOIN {topic} t ON t.id = l.topic_id WHERE t.slug = ANY(%s::text[])"


def _filed_under_sql(pk: str) -> str:
    """Whether the row ``pk`` is filed under one of the concepts (%s): one index probe a row.
    (``pk = ANY(ARRAY(links))`` would scan the whole list for every row: a concept filed on
    20,000 agreements made scoring 2,000 matches cost a second.)"""
    return f"EXISTS ({_topic_links_sql()} AND l.agreement_id = {pk})"


class _OnColumns(models.Expression):
    """An expression over the agreement's own columns, given to it as source expressions
    (``F("pk")``, ``F("search_vector")``…) that the ORM resolves and compiles."""

    columns: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(output_field=self.output_field)
        self.sources = [F(c) for c in self.columns]

    def get_source_expressions(self):
        return self.sources

    def set_source_expressions(self, exprs):
        self.sources = list(exprs)

    def compiled_columns(self, compiler, connection) -> list[str]:
        out = []
        for expression in self.sources:
            sql, params = compiler.compile(expression)
            assert not params
            out.append(sql)
        return out


class Match(_OnColumns):
    """``search_vector @@ query``, or filed under a concept the query names (and not
    excluded by the query's exclusions: ``-word`` holds for topic matches too).

    The topic part comes first and as ``id = ANY(ARRAY(…))`` so that PostgreSQL can OR the
    two index scans (BitmapOr) and never reads a vector for an agreement already in."""

    conditional = True
    output_field = models.BooleanField()
    columns = ("pk", "search_vector")

    def __init__(self, tsquery: str, concepts: tuple[str, ...] = (), negative: str | None = None):
        super().__init__()
        self.tsquery, self.concepts, self.negative = tsquery, tuple(concepts), negative

    def as_sql(self, compiler, connection):
        return self.sql_for(*self.compiled_columns(compiler, connection))

    def sql_for(self, pk: str, vector: str, probe: bool = False) -> tuple[str, list]:
        """``probe``: test the topics row by row (a few given rows) rather than as a list
        the index scan ORs in (every match)."""
        sql, params = f"{vector} @@ to_tsquery('simple', %s)", [self.tsquery]
        if not self.concepts:
            return sql, params
        topic_params: list = [list(self.concepts)]
        if probe:
            topics = _filed_under_sql(pk)
            if self.negative:
                topics = f"({topics} AND {vector} @@ to_tsquery('simple', %s))"
                topic_params.append(self.negative)
        else:
            links = _topic_links_sql()
            if self.negative:
                # the exclusions tested on the filed agreements only, inside the list: outside it,
                # "(filed AND vector @@ not-these) OR vector @@ query" is no index condition and
                # every match's vector was read (37 ms for 2,000 matches of "taxation -pension")
                links += (
                    " AND EXISTS (SELECT 1 FROM archive_agreement x WHERE x.id = l.agreement_id"
                    " AND x.search_vector @@ to_tsquery('simple', %s))"
                )
                topic_params.append(self.negative)
            topics = f"{pk} = ANY(ARRAY({links}))"
        return f"({topics} OR {sql})", [*topic_params, *params]


class FirstStageScore(_OnColumns):
    """``ts_rank`` of the agreement's rank vector (its full vector until it is re-indexed)
    for any of the query's positive lexemes, plus TOPIC_BOOST when it is filed under a
    concept the query names."""

    output_field = models.FloatField()
    columns = ("pk", "rank_vector", "search_vector")

    def __init__(self, rank_tsquery: str, concepts: tuple[str, ...]):
        super().__init__()
        self.rank_tsquery, self.concepts = rank_tsquery, tuple(concepts)

    def as_sql(self, compiler, connection):
        pk, rank_vector, vector = self.compiled_columns(compiler, connection)
        sql = f"ts_rank(%s::float4[], coalesce({rank_vector}, {vector}), to_tsquery('simple', %s))"
        params: list = [_WEIGHTS_ARRAY, self.rank_tsquery]
        if self.concepts:
            sql = f"({sql} + CASE WHEN {_filed_under_sql(pk)} THEN %s ELSE 0 END)"
            params += [list(self.concepts), TOPIC_BOOST]
        return sql, params


class OnTopic(_OnColumns):
    """True when the agreement is filed under one of these concepts (one InitPlan)."""

    output_field = models.BooleanField()
    columns = ("pk",)

    def __init__(self, concepts: tuple[str, ...]):
        super().__init__()
        self.concepts = tuple(concepts)

    def as_sql(self, compiler, connection):
        if not self.concepts:
            return "false", []
        (pk,) = self.compiled_columns(compiler, connection)
        return _filed_under_sql(pk), [list(self.concepts)]


def _ids(ids: list[int]) -> Value:
    """A list of agreement ids as one array parameter."""
    return Value(ids, output_field=ArrayField(models.BigIntegerField()))


class _AnyOf(Func):
    """``column = ANY(array)``: membership in a list given as one array parameter."""

    conditional = True
    output_field = models.BooleanField()
    arg_joiner = " = ANY("
    template = "(%(expressions)s))"


@dataclass
class Ranking:
    """The agreements a query found, best first, and how many matched."""

    ids: list[int] = field(default_factory=list)
    total: int = 0
    exact: bool = True  # False: ``total`` is a lower bound (a phrase beyond its window)

    @property
    def capped(self) -> bool:
        """More agreements match than the results reach (or their number is a lower bound)."""
        return self.total > len(self.ids) or not self.exact

    def apply(self, queryset, order: bool = True):
        """``queryset`` restricted to these agreements, with ``rank`` (higher is better) and,
        with ``order``, in this order."""
        if not self.ids:
            return queryset.none()
        ids = _ids(self.ids)
        position = Func(ids, F("pk"), function="array_position", output_field=models.IntegerField())
        # one array parameter, not 300 (each adapted and sent: ~1 ms a query)
        queryset = queryset.filter(_AnyOf(F("pk"), ids)).annotate(rank=Value(len(self.ids) + 1) - position)
        return queryset.order_by("-rank") if order else queryset


def rank(queryset, compiled: CompiledQuery, depth: int | None = None) -> Ranking:
    """The agreements of ``queryset`` matching ``compiled``, best first (see the module's
    docstring); ``depth``: how many to reach when more than RESULT_CAP are wanted."""
    if compiled.is_empty:
        return Ranking()
    cap = max(RESULT_CAP, depth or 0)
    concepts = tuple(compiled.matched_concepts)
    phrase = compiled.relaxed_tsquery is not None
    first = Match(compiled.relaxed_tsquery or compiled.tsquery, concepts, compiled.negative_tsquery)
    window = PHRASE_WINDOW * cap if phrase else cap
    # the matches as the GIN index hands them over (no vector read), up to the bound, each
    # scored as it is read (no second visit, no sort in SQL: the rows are small and sorted here)
    scored = max(SCORE_WINDOW, window)
    scoring = queryset.order_by().annotate(
        first_score=FirstStageScore(compiled.rank_tsquery or compiled.tsquery, concepts), on_topic=OnTopic(concepts)
    )
    columns = ("pk", "first_score", "on_topic", "signed_date")
    rows = list(scoring.filter(first).values_list(*columns)[: scored + 1])
    champions: set[int] = set()
    overflow = len(rows) > scored
    if overflow:
        # more matches than the window: add those where the query's words weigh most
        seen = {r[0] for r in rows}
        champions = set(champion_ids(compiled.lexemes)) | set(filed_ids(concepts))
        # the match tested on their own vectors (_where), then the other filters and the score
        new = _where([pk for pk in champions if pk not in seen], first)
        if new:
            rows += scoring.filter(_AnyOf(F("pk"), _ids(new))).values_list(*columns)
    if not rows:
        return Ranking()
    total, exact = (scored, False) if overflow else (len(rows), True)
    # best first; ties: the newest, then the first stored (the same order every time)
    rows.sort(key=lambda r: (-r[1], -(r[3] or date.min).toordinal(), r[0]))
    rows = rows[:window]
    ids, on_topic = [r[0] for r in rows], {r[0] for r in rows if r[2]}
    if phrase:
        # the phrase itself, on the stored vectors of the best relaxed matches, a cap's worth at
        # a time until the cap is reached (a vector read and a position check cost ~0.1 ms)
        exact_match = Match(compiled.tsquery, concepts, compiled.negative_tsquery)
        kept: list[int] = []
        checked = 0
        while checked < len(ids) and len(kept) < cap:
            chunk = ids[checked : checked + cap]
            found = set(_where(chunk, exact_match))
            kept += [i for i in chunk if i in found]
            checked += len(chunk)
        # beyond what was checked (or the window), relaxed matches may hold the phrase too
        exact = exact and checked == len(ids) and total <= window
        ids, total = kept, len(kept)
    return Ranking(_rerank(ids[:cap], compiled, on_topic, champions), total, exact)


def _where(ids: list[int], match: Match) -> list[int]:
    """The ids among ``ids`` for which ``match`` holds (on the stored vectors)."""
    if not ids:
        return []
    sql, params = match.sql_for("a.id", "a.search_vector", probe=True)
    # OFFSET 0 keeps the rows found by id: given the choice, PostgreSQL estimates a phrase to
    # match one row and takes the GIN index instead, rechecking every agreement with the
    # words (46,000 vectors, 1.2 s for "entry into force" at 100,000 agreements; 27 ms so)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.id FROM (SELECT id, search_vector FROM archive_agreement"
            f" WHERE id = ANY(%s::bigint[]) OFFSET 0) a WHERE {sql}",
            [ids, *params],
        )
        return [row[0] for row in cursor.fetchall()]


def fine_scores(ids: list[int], compiled: CompiledQuery, on_topic: set[int]) -> dict[int, float]:
    """{id: score} of the second step: ``ts_rank_cd`` on the full vector, plus the topic boost."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.id, ts_rank_cd(%s::float4[], a.search_vector, to_tsquery('simple', %s), 1) "
            "FROM archive_agreement a WHERE a.id = ANY(%s::bigint[])",
            [_WEIGHTS_ARRAY, compiled.tsquery, ids],
        )
        return {pk: score + (TOPIC_BOOST if pk in on_topic else 0.0) for pk, score in cursor.fetchall()}


def _rerank(
    ids: list[int], compiled: CompiledQuery, on_topic: set[int], champions: set[int] = frozenset()
) -> list[int]:
    """The first RERANK and RERANK_CHAMPIONS champions among the next, sorted by their fine
    score; all of them when they are at most RERANK_ALL (a rare word, or what held a phrase:
    the first step's order is coarse there, and re-ranking all of them counts most)."""
    few = len(ids) <= RERANK_ALL
    head = list(ids) if few else ids[:RERANK] + [pk for pk in ids[RERANK:] if pk in champions][:RERANK_CHAMPIONS]
    if len(head) < 2:
        return ids
    fine = fine_scores(head, compiled, on_topic)
    position = {pk: i for i, pk in enumerate(ids)}
    head.sort(key=lambda pk: (-fine.get(pk, 0.0), position[pk]))
    chosen = set(head)
    return head + [pk for pk in ids if pk not in chosen]


def filed_ids(concepts: tuple[str, ...]) -> list[int]:
    """The agreements filed under these concepts (their topic boost puts them first), at most
    FILED_CHAMPIONS of them."""
    if not concepts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(_topic_links_sql() + " LIMIT %s", [list(concepts), FILED_CHAMPIONS])
        return [row[0] for row in cursor.fetchall()]


def champion_ids(lexemes: Iterable[str]) -> list[int]:
    """The agreements where these lexemes weigh most (archive_impact, read in impact order):
    CHAMPIONS in all, shared among the lexemes, at least CHAMPIONS_EACH for each."""
    lexemes = sorted(lexemes)
    if not lexemes:
        return []
    each = max(CHAMPIONS_EACH, CHAMPIONS // len(lexemes))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT c.agreement_id FROM unnest(%s::text[]) AS q(lexeme), LATERAL ("
            " SELECT i.agreement_id FROM archive_impact i WHERE i.lexeme = q.lexeme"
            " ORDER BY i.n DESC, i.agreement_id LIMIT %s) c",
            [lexemes, each],
        )
        return [row[0] for row in cursor.fetchall()]


def ranked(queryset, compiled: CompiledQuery, depth: int | None = None):
    """``queryset`` restricted to what ``compiled`` finds, most relevant first, with ``rank``."""
    return rank(queryset, compiled, depth).apply(queryset)


# ----------------------------------------------------------------------------- explaining hits
@dataclass
class Hit:
    """An article that matched, with its snippet made when first asked for: the API and the
    list page show one snippet an agreement, the search page all its hits."""

    number: str
    heading: str
    language: str
    body: str = field(repr=False)
    lexemes: frozenset = field(repr=False)
    anchor: str = ""

    @cached_property
    def snippet(self) -> str:
        return snippet(self.body, self.language, self.lexemes)


#: the best articles of each agreement on a page, by cover density then order in the text.
#: The query is tested on the articles' own vectors behind OFFSET 0 (given the choice,
#: PostgreSQL estimates a phrase to match a few rows and takes the GIN index, rechecking every
#: article with the words in the archive: 21,000 for "most-favoured nation" at 100,000
#: agreements, 0.3 s); no snippet from a draft text of a published agreement (drafts are seen
#: by editors only); the bodies are read for the chosen articles only. Plain SQL: the ORM's
#: form of it (a window over a subquery) cost more to compile than to run.
_HITS_SQL = """
SELECT h.agreement_id, a.number, a.heading, a.body, h.language
FROM (
    SELECT m.id, m.agreement_id, m.language, row_number() OVER (
        PARTITION BY m.agreement_id
        ORDER BY ts_rank_cd(%(weights)s::float4[], m.search_vector, q.q) DESC, m.position, m.id) AS nth
    FROM (
        SELECT a.id, a.search_vector, a.position, t.agreement_id, t.language
        FROM archive_text t
        JOIN archive_agreement g ON g.id = t.agreement_id
        JOIN archive_article a ON a.text_id = t.id
        WHERE t.agreement_id = ANY(%(ids)s::bigint[]) AND (t.published_at IS NOT NULL OR g.published_at IS NULL)
        OFFSET 0
    ) m, to_tsquery('simple', %(tsquery)s) AS q(q)
    WHERE m.search_vector @@ q.q
) h
JOIN archive_article a ON a.id = h.id
WHERE h.nth <= %(per)s
ORDER BY h.agreement_id, h.nth
"""


def explain(agreements: list, compiled: CompiledQuery) -> None:
    """Attach ``.hits`` (best articles with snippets), ``.snippet`` and ``.reasons`` to
    each agreement of a page: one query, whatever the page size."""
    if not agreements or compiled.is_empty:
        return
    params = {
        "weights": _WEIGHTS_ARRAY,
        "ids": [a.pk for a in agreements],
        "tsquery": compiled.tsquery,
        "per": HITS_PER_AGREEMENT,
    }
    with connection.cursor() as cursor:
        cursor.execute(_HITS_SQL, params)
        rows = cursor.fetchall()
    by_agreement: dict[int, list[Hit]] = defaultdict(list)
    for agreement_id, number, heading, body, language in rows:
        by_agreement[agreement_id].append(Hit(number, heading, language, body, compiled.lexemes, f"art-{number}"))
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
