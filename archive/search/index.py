"""The search index: what is stored for each agreement and article, written in one place.

Every text is analysed in Python (:mod:`archive.search.analysis`: the project's Kazakh,
Azerbaijani and Armenian stemmers, Snowball for the others) and stored with
``to_tsvector('simple', …)``, so index and query are analysed the same way. Per agreement:

* ``search_vector`` — everything, with positions (phrases) and weights: title A; parties,
  place, acts, topics, headings B; texts, notes and act texts C. It decides what matches
  (its GIN index answers without reading the vectors) and ranks the best few finely.
  ~10 kB and more, stored out of line (TOAST): reading it costs ~10 µs a row.
* ``rank_vector`` — small (a few hundred lexemes), in the row: the title (A), the
  descriptive fields (B) and the :data:`RANK_TERMS` lexemes with the most positions in the
  texts (C, at most two positions each: ``ts_rank`` gains next to nothing from more). It
  lets a search score *every* match without reading the big vectors: an agreement where
  the words of a query are frequent or in its title is scored as such whether it is stored
  first or last (:mod:`archive.search.engine`). It is computed from ``search_vector`` by
  the SQL function ``archive_rank_vector`` (migration 0013), so the indexer, the
  benchmark corpus and the migration that filled it in all make it the same way.

Champion lists, ``archive_impact`` (:class:`archive.models.Impact`): for each agreement its
:data:`IMPACT_TERMS` most telling lexemes with a weight (text count; +1000 in the title, +500
in the descriptive fields), made by the SQL function ``archive_impacts`` (migration 0015). Read
by ``(lexeme, n)`` they give, for a word that matches more agreements than the search scores,
the agreements where it weighs most, wherever they are stored.

Per article, ``search_vector``: heading B, body C — it finds the articles to quote for the
agreements of the page shown.

``synth_corpus`` builds the same vectors with the same SQL expressions, and checks a sample
against :func:`reindex_agreements`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, models
from django.db.models import Q

from .analysis import analyse_for_index, number_aliases

#: words offered by "did you mean" (archive_term): letters only, 4 to 40 of them
WORD_RE = re.compile(r"[^\W\d_]{4,40}", re.UNICODE)
#: how many of the texts' most frequent lexemes the rank vector keeps
RANK_TERMS = 48
#: how many of its most telling lexemes an agreement has in the champion lists (archive_impact)
IMPACT_TERMS = 64

#: RANK_TERMS, then (id, title A, descriptive fields B, texts C) of each agreement -> its vectors
AGREEMENT_VECTORS_SQL = """
UPDATE archive_agreement SET search_vector = v.vector, rank_vector = archive_rank_vector(v.vector, %s)
FROM (SELECT u.id, setweight(to_tsvector('simple', u.a), 'A') || setweight(to_tsvector('simple', u.b), 'B')
                   || setweight(to_tsvector('simple', u.c), 'C') AS vector
      FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS u(id, a, b, c)) AS v
WHERE archive_agreement.id = v.id
"""
ARTICLE_VECTORS_SQL = """
UPDATE archive_article SET
    search_vector = setweight(to_tsvector('simple', v.h), 'B') || setweight(to_tsvector('simple', v.b), 'C')
FROM (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS h, unnest(%s::text[]) AS b) AS v
WHERE archive_article.id = v.id
"""
#: the champion-list rows of these agreements (IMPACT_TERMS, then their ids), from their vectors
IMPACTS_DELETE_SQL = "DELETE FROM archive_impact WHERE agreement_id = ANY(%s::bigint[])"
IMPACTS_SQL = """
INSERT INTO archive_impact (agreement_id, lexeme, n)
SELECT a.id, i.lexeme, i.n FROM archive_agreement a, LATERAL archive_impacts(a.search_vector, %s) i
WHERE a.id = ANY(%s::bigint[]) AND a.search_vector IS NOT NULL
"""
TERMS_SQL = "INSERT INTO archive_term (word) SELECT unnest(%s::text[]) ON CONFLICT (word) DO NOTHING"


@dataclass
class Document:
    """What the index stores for one agreement, as analysed strings."""

    id: int
    title: list[str] = field(default_factory=list)
    meta: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    articles: list[tuple[int, str, str]] = field(default_factory=list)  # (id, heading, body)
    words: set[str] = field(default_factory=set)

    def row(self) -> tuple[int, str, str, str]:
        """(id, A, B, C) for :data:`AGREEMENT_VECTORS_SQL`."""
        return (self.id, " ".join(self.title), " ".join(self.meta), " ".join(self.body))


def document(a) -> Document:
    """The analysed strings of one agreement, prefetched as :func:`reindex_agreements` does."""
    doc = Document(a.pk)
    language = a.title_language or None
    doc.title.append(analyse_for_index(a.title, language))
    doc.title.append(analyse_for_index(a.title_en, "en"))
    for act in a.acts.all():
        doc.title.append(analyse_for_index(act.number, None))
        doc.meta.append(analyse_for_index(act.title, act.language or None))
        doc.body.append(analyse_for_index(act.text, act.language or None))  # the act's own words
        doc.words.update(WORD_RE.findall(act.text.lower()))
    for party in a.parties.all():
        doc.meta.append(analyse_for_index(party.as_written, language))
        doc.meta.extend(analyse_for_index(name, lang) for lang, name in party.country.names.items())
    doc.meta.append(analyse_for_index(a.signed_place, language))
    for topic in a.topics.all():
        doc.meta.extend(analyse_for_index(label, lang) for lang, label in topic.labels.items())
    for text in a.texts.all():
        if text.published_at is None and a.published_at is not None:
            continue  # a draft text of a published agreement: found once it is published
        doc.title.append(analyse_for_index(text.title, text.language))
        doc.body.append(analyse_for_index(text.preamble, text.language))
        doc.body.append(analyse_for_index(text.final_clauses, text.language))
        doc.words.update(WORD_RE.findall(text.title.lower()))
        for article in text.articles.all():
            heading = analyse_for_index(article.heading, text.language)
            content = analyse_for_index(article.body, text.language)
            doc.meta.append(heading)
            doc.body.append(content)
            doc.articles.append((article.pk, heading, content))
            doc.words.update(WORD_RE.findall(article.heading.lower()))
            doc.words.update(WORD_RE.findall(article.body.lower()))
    for note in a.sources.all():
        doc.body.append(analyse_for_index(note.text, note.language or None))
        doc.words.update(WORD_RE.findall(note.text.lower()))
    doc.words.update(WORD_RE.findall(a.title.lower()))
    doc.body.append(number_aliases(" ".join(doc.title + doc.body)))  # "1363" finds "N 1363-Ա"
    return doc


def write(documents: list[Document]) -> None:
    """Store the vectors of these documents and their articles, and their words."""
    if not documents:
        return
    articles = [row for doc in documents for row in doc.articles]
    words = set().union(*(doc.words for doc in documents))
    with connection.cursor() as cursor:
        columns = [list(col) for col in zip(*(d.row() for d in documents), strict=True)]
        cursor.execute(AGREEMENT_VECTORS_SQL, [RANK_TERMS, *columns])
        ids = [doc.id for doc in documents]
        cursor.execute(IMPACTS_DELETE_SQL, [ids])
        cursor.execute(IMPACTS_SQL, [IMPACT_TERMS, ids])
        if articles:
            cursor.execute(ARTICLE_VECTORS_SQL, [list(col) for col in zip(*articles, strict=True)])
        if words:
            cursor.execute(TERMS_SQL, [sorted(words)])


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
    write([document(a) for a in agreements])


def reindex_missing(limit: int = 5000) -> int:
    """Index the agreements that lack a vector (a bulk load interrupted between storing a
    file and indexing it); returns how many."""
    from archive.models import Agreement

    missing = Agreement.objects.filter(Q(search_vector__isnull=True) | Q(rank_vector__isnull=True))
    ids = list(missing.values_list("pk", flat=True)[:limit])
    for start in range(0, len(ids), 200):
        reindex_agreements(ids[start : start + 200])
    return len(ids)
