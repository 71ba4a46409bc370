"""The comparison engine of ``manage.py bench_search --against tantivy``: the same agreements
in a tantivy index (the Python binding of the Lucene-class Rust engine), built in a temporary
directory, and the equivalent of one results page — the total count, the top 20 and a snippet
for each. MEASUREMENT ONLY: tantivy is an optional extra (``pip install -e ".[bench]"``) and is
imported here and nowhere else.

One document per agreement: its title, English title and act numbers (default analyser), its
slug, its pair, kind and topics (raw terms, for the filters), its signature date (an integer,
for ``signed_from``), the text of each language — title, preamble, articles (heading and body),
final clauses, acts — in a stored field of that language, and what the archive indexes as
metadata (the parties' and topics' names in every language, the party as written, the place)
in a metadata field of each language; every language field is analysed with tantivy's stemmer
for the language when it has one (English, Dutch, French, German, Russian …), with the default
analyser otherwise (Kazakh, Armenian, …). A query searches every text field at once, all words required
(as the archive's search), quoted phrases, ``OR`` and ``-word`` in tantivy's own syntax.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

#: archive language code -> tantivy stemmer
STEMMERS = {
    "en": "english",
    "nl": "dutch",
    "fr": "french",
    "de": "german",
    "ru": "russian",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "tr": "turkish",
    "ar": "arabic",
    "el": "greek",
}
OTHER = "other"  # the text field of the languages without a stemmer
PAGE_SIZE = 20
SNIPPET_CHARS = 240


def text_field(language: str | None, kind: str = "text") -> str:
    return f"{kind}_{language if language in STEMMERS else OTHER}"


def day_number(day: dt.date | None) -> int:
    return day.toordinal() if day else 0


def _json(value) -> dict:
    return value if isinstance(value, dict) else json.loads(value)


@dataclass
class Hit:
    slug: str
    title: str
    score: float
    snippet: str


@dataclass
class Page:
    count: int
    hits: list[Hit]


class TantivyIndex:
    """The archive's agreements in a tantivy index under ``directory``."""

    def __init__(self, directory: str | Path):
        import tantivy

        self.tantivy = tantivy
        self.directory = Path(directory)
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("slug", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True)
        builder.add_text_field("pair", tokenizer_name="raw")
        builder.add_text_field("kind", tokenizer_name="raw")
        builder.add_text_field("topic", tokenizer_name="raw")
        builder.add_integer_field("signed", indexed=True, fast=True)
        self.text_fields = [f"text_{lang}" for lang in STEMMERS] + [f"text_{OTHER}"]
        self.meta_fields = [f"meta_{lang}" for lang in STEMMERS] + [f"meta_{OTHER}"]
        for lang in STEMMERS:
            builder.add_text_field(f"text_{lang}", stored=True, tokenizer_name=f"stem_{lang}")
            builder.add_text_field(f"meta_{lang}", tokenizer_name=f"stem_{lang}")
        builder.add_text_field(f"text_{OTHER}", stored=True)
        builder.add_text_field(f"meta_{OTHER}")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema, path=str(self.directory))
        for lang, stemmer in STEMMERS.items():
            analyzer = (
                tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                .filter(tantivy.Filter.remove_long(40))
                .filter(tantivy.Filter.lowercase())
                .filter(tantivy.Filter.stemmer(stemmer))
                .build()
            )
            self.index.register_tokenizer(f"stem_{lang}", analyzer)
        self.documents = 0
        self.build_seconds = 0.0

    # ------------------------------------------------------------------ indexing
    def build(self) -> None:
        """Index every agreement of the database (its texts and articles), then commit."""
        started = time.perf_counter()
        writer = self.index.writer(heap_size=256_000_000, num_threads=2)
        with connection.cursor() as cursor:
            cursor.execute("SELECT code, names FROM archive_country")  # Django's psycopg reads jsonb as text
            self.countries = {code: _json(names) for code, names in cursor.fetchall()}
            cursor.execute("SELECT id, slug, labels FROM archive_topic")
            self.topics = {pk: (slug, _json(labels)) for pk, slug, labels in cursor.fetchall()}
        meta = self.agreements()
        current, fields = None, {}
        for agreement_id, language, text in self.texts():
            if agreement_id != current:
                if current is not None:
                    writer.add_document(self.document(meta.pop(current), fields))
                current, fields = agreement_id, {}
            fields.setdefault(text_field(language), []).append(text)
        if current is not None:
            writer.add_document(self.document(meta.pop(current), fields))
        for rest in meta.values():  # agreements without a text
            writer.add_document(self.document(rest, {}))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.documents = self.index.searcher().num_docs
        self.build_seconds = time.perf_counter() - started

    def agreements(self) -> dict[int, dict]:
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT a.id, a.slug, a.title, a.title_en, a.pair, a.kind, a.signed_date,
                          coalesce((SELECT array_agg(t.topic_id) FROM archive_agreement_topics t
                                    WHERE t.agreement_id = a.id), '{}'),
                          coalesce((SELECT array_agg(x.number) FROM archive_act x WHERE x.agreement_id = a.id), '{}'),
                          coalesce((SELECT array_agg(p.country_id) FROM archive_party p WHERE p.agreement_id = a.id),
                                   '{}'),
                          coalesce((SELECT array_agg(p.as_written) FROM archive_party p WHERE p.agreement_id = a.id),
                                   '{}'),
                          a.signed_place, a.title_language
                   FROM archive_agreement a"""
            )
            return {
                row[0]: {
                    "slug": row[1],
                    "title": row[2],
                    "title_en": row[3],
                    "pair": row[4],
                    "kind": row[5],
                    "signed": row[6],
                    "topics": row[7],
                    "acts": row[8],
                    "parties": row[9],
                    "as_written": row[10],
                    "place": row[11],
                    "language": row[12],
                }
                for row in cursor.fetchall()
            }

    def texts(self):
        """(agreement id, language, text) for each text, agreements in id order: the title,
        preamble, each article's heading and body, final clauses; then each act's title and
        text — streamed from the server."""
        with connection.chunked_cursor() as cursor:
            cursor.execute(
                """SELECT t.agreement_id, t.language,
                          concat_ws(E'\\n', t.title, t.preamble,
                                    (SELECT string_agg(concat_ws(E'\\n', r.heading, r.body), E'\\n' ORDER BY r.position)
                                     FROM archive_article r WHERE r.text_id = t.id),
                                    t.final_clauses)
                   FROM archive_text t
                   UNION ALL
                   SELECT x.agreement_id, x.language, concat_ws(E'\n', x.title, x.text) FROM archive_act x
                   ORDER BY 1, 2"""
            )
            while rows := cursor.fetchmany(500):
                yield from rows

    def document(self, meta: dict, fields: dict[str, list[str]]):
        doc = self.tantivy.Document()
        doc.add_text("slug", meta["slug"])
        doc.add_text("title", meta["title"])
        if meta["title_en"]:
            doc.add_text("title", meta["title_en"])
        for number in meta["acts"]:
            doc.add_text("title", number)
        if meta["pair"]:
            doc.add_text("pair", meta["pair"])
        doc.add_text("kind", meta["kind"])
        # what the archive indexes as metadata (weight B): the parties' names in every language,
        # the topics' labels in every language, the party as written and the place of signature
        language = meta["language"]
        for topic in meta["topics"]:
            slug, labels = self.topics[topic]
            doc.add_text("topic", slug)
            for lang, label in labels.items():
                doc.add_text(text_field(lang, "meta"), label)
        for code in meta["parties"]:
            for lang, name in (self.countries.get(code) or {}).items():
                doc.add_text(text_field(lang, "meta"), name)
        for written in [*meta["as_written"], meta["place"]]:
            if written:
                doc.add_text(text_field(language, "meta"), written)
        doc.add_integer("signed", day_number(meta["signed"]))
        for name, values in fields.items():
            for value in values:
                doc.add_text(name, value)
        return doc

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.directory.rglob("*") if p.is_file())

    # ------------------------------------------------------------------ searching
    def query(self, params: dict[str, str]):
        """The tantivy query of the archive's search parameters (q and the filters)."""
        tantivy = self.tantivy
        fields = ["title", *self.text_fields, *self.meta_fields]
        q = params.get("q", "").strip()
        try:
            text = self.index.parse_query(q, fields, conjunction_by_default=True)
        except ValueError:
            text, _errors = self.index.parse_query_lenient(q, fields, conjunction_by_default=True)
        clauses = [(tantivy.Occur.Must, text)]
        for name in ("pair", "kind", "topic"):
            if params.get(name):
                clauses.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, name, params[name])))
        if params.get("signed_from"):
            lower = day_number(dt.date.fromisoformat(params["signed_from"]))
            clauses.append(
                (
                    tantivy.Occur.Must,
                    tantivy.Query.range_query(self.schema, "signed", tantivy.FieldType.Integer, lower, None),
                )
            )
        return tantivy.Query.boolean_query(clauses) if len(clauses) > 1 else text

    def page(self, params: dict[str, str], snippets: bool = True) -> Page:
        """What a results page needs: the count, the top 20, a snippet of each (``snippets=False``:
        the count and the top 20 with their stored fields only, to show what the snippets cost)."""
        searcher = self.index.searcher()
        query = self.query(params)
        result = searcher.search(query, PAGE_SIZE, count=True)
        generators = {}
        hits = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            snippet = ""
            for name in self.text_fields if snippets else ():  # the first text field with a highlighted fragment
                if not doc.get_first(name):
                    continue
                generator = generators.get(name)
                if generator is None:
                    generator = self.tantivy.SnippetGenerator.create(searcher, query, self.schema, name)
                    generator.set_max_num_chars(SNIPPET_CHARS)
                    generators[name] = generator
                found = generator.snippet_from_doc(doc)
                if found.highlighted():
                    snippet = found.to_html()
                    break
            hits.append(Hit(doc.get_first("slug"), doc.get_first("title") or "", score, snippet))
        return Page(result.count, hits)


def make_index(directory: str | os.PathLike) -> TantivyIndex:
    index = TantivyIndex(directory)
    index.build()
    return index
