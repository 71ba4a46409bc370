"""python manage.py synth_corpus --agreements N [--from DIR] [--seed S] [--clear] — a synthetic corpus for
MEASUREMENT ONLY.

Recombines the real texts already in the database (the seed corpus: the Kazakh articles of
its agreements, the paragraphs of the Armenian explanatory note as Armenian articles, the
real titles, act titles, places) across invented country pairs (real ISO codes), dates
(1992–2026), kinds, statuses, languages and topics, ~20 articles per agreement. Nothing is
invented as text: no Russian or English bodies are made because the seed has none (English
comes in through the real English titles, Russian through country names and topic labels).

With ``--from DIR`` the material is a folder of real agreement texts instead (read in place,
never copied), parsed by the project's parser (archive.synth_material, in worker processes):
the real articles (heading, body) of each language, titles, preambles, final clauses,
signature blocks and places. Each synthetic agreement then takes the shape of one real file
— its languages and the number of articles of each text — and fills it with articles drawn
from all the files of that language, so vocabulary and sizes are those of real treaties.
Countries and topics still come from the database (the reference data).

Every synthetic agreement has a slug starting with ``synth-``; ``--clear`` deletes those
and nothing else.

Search vectors are exactly what the indexer (archive.search.index.reindex_agreements)
stores — the same analysed strings in the same order through the same SQL expressions —
but each distinct source string is analysed once (archive.search.analysis is the costly
part) and each distinct article vector is computed once in PostgreSQL and copied; rows go
in with COPY. At the end a few agreements are re-indexed by the real indexer inside a
rolled-back transaction and compared, so a drift between the two is reported.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from archive.models import (
    Act,
    ActAction,
    ActType,
    Agreement,
    Article,
    Country,
    Kind,
    Level,
    SourceDocument,
    SourceKind,
    Status,
    Text,
    Topic,
)
from archive.search.analysis import analyse_for_index, number_aliases
from archive.search.index import IMPACT_TERMS, IMPACTS_SQL, RANK_TERMS, WORD_RE, reindex_agreements
from archive.synth_material import Folder, read_folder

SLUG_PREFIX = "synth-"
FIRST_DAY = dt.date(1992, 1, 1)
LAST_DAY = dt.date(2026, 12, 31)
# Above this many agreements the two GIN indexes are dropped during the load and built
# afterwards in one go (much faster than 20 index insertions per agreement).
REBUILD_INDEXES_FROM = 5000
GIN_INDEXES = {
    "agreement_search_gin": "CREATE INDEX IF NOT EXISTS agreement_search_gin ON archive_agreement "
    "USING gin (search_vector)",
    "article_search_gin": "CREATE INDEX IF NOT EXISTS article_search_gin ON archive_article USING gin (search_vector)",
}
SYNTH_TABLES = [
    "archive_agreement",
    "archive_article",
    "archive_text",
    "archive_party",
    "archive_agreement_topics",
    "archive_act",
    "archive_term",
]

KIND_WEIGHTS = {
    Kind.AGREEMENT: 55,
    Kind.PROTOCOL: 12,
    Kind.TREATY: 10,
    Kind.MEMORANDUM: 10,
    Kind.CONVENTION: 6,
    Kind.EXCHANGE_OF_NOTES: 5,
}
STATUS_WEIGHTS = {
    "in_force": 45,
    "signed": 20,
    "terminated": 8,
    "superseded": 8,
    "expired": 4,
    "suspended": 2,
    "unknown": 8,
    "draft": 5,
}
LEVEL_WEIGHTS = {Level.GOVERNMENT: 60, Level.STATE: 25, Level.AGENCY: 15}
IN_FORCE_ONCE = {"in_force", "terminated", "superseded", "expired", "suspended"}
MIN_PARAGRAPH = 80  # characters: shorter note lines (list items) are not used as articles


@dataclass
class Pool:
    """The real material the synthetic corpus is recombined from."""

    articles: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # language -> (heading, body)
    texts: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # preamble, final, signature
    titles: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # language -> (title, title_en)
    titles_en: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    acts: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # type, action, title, text, lang
    countries: list[tuple[str, dict]] = field(default_factory=list)
    topics: list[tuple[int, str, dict]] = field(default_factory=list)  # id, slug, labels
    # --from: the (language, article count) of each real file's texts, its first text first
    shapes: list[list[tuple[str, int]]] = field(default_factory=list)
    # --from: strings already analysed by the workers, (text, language) -> analyse_for_index
    analysed: dict[tuple[str, str | None], str] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        return sorted(lang for lang in self.articles if self.articles[lang] and self.titles.get(lang))


def real_agreements():
    return Agreement.objects.exclude(slug__startswith=SLUG_PREFIX)


def note_paragraphs(source: SourceDocument) -> list[str]:
    """The paragraphs of an explanatory note, normalised as the parser does."""
    text = source.text
    if not text:
        try:
            with source.file.open("rb") as handle:
                raw = handle.read().decode("utf-8", errors="replace")
        except (OSError, ValueError):
            return []
        from archive.ingest.normalise import normalise

        text = normalise(raw).text
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    return [p for p in paragraphs if len(p) >= MIN_PARAGRAPH]


def load_pool() -> Pool:
    pool = Pool()
    real_texts = Text.objects.filter(agreement__in=real_agreements())
    for text in real_texts.order_by("pk"):
        pool.texts.setdefault(text.language, []).append((text.preamble, text.final_clauses, text.signature_block))
    for article in Article.objects.filter(text__in=real_texts).select_related("text").order_by("text_id", "position"):
        pool.articles.setdefault(article.text.language, []).append((article.heading, article.body))
    # Explanatory notes: their paragraphs are real prose in a language the texts may lack.
    notes = SourceDocument.objects.filter(kind=SourceKind.NOTE).exclude(language="").order_by("pk")
    for note in notes:
        if note.language not in pool.articles:
            pool.articles[note.language] = [("", p) for p in note_paragraphs(note)]
    titles = real_agreements().order_by("pk").values_list("title", "title_language", "title_en")
    for title, language, title_en in titles:
        if title and language:
            pool.titles.setdefault(language, []).append((title, title_en))
        if title_en:
            pool.titles_en.append(title_en)
        elif title and language == "en":
            pool.titles_en.append(title)
    pool.places = sorted({p for p in real_agreements().values_list("signed_place", flat=True) if p})
    pool.acts = [
        (a.type, a.action, a.title, a.text, a.language)
        for a in Act.objects.filter(agreement__in=real_agreements()).order_by("pk")
        if a.title
    ]
    pool.countries = list(Country.objects.order_by("code").values_list("code", "names"))
    pool.topics = list(Topic.objects.order_by("slug").values_list("pk", "slug", "labels"))
    return pool


def load_folder_pool(folder: str, jobs: int | None) -> tuple[Pool, Folder]:
    """The pool from a folder of real texts (parsed in ``jobs`` processes), plus the
    database's countries and topics."""
    if jobs != 1:
        connection.close()  # the parsing workers are forked: none of them may share the socket
    parsed = read_folder(folder, jobs)
    pool = Pool()
    places = set()
    for item in parsed.files:
        shape = []
        for text in item.texts:
            lang = text.language
            shape.append((lang, len(text.articles)))
            pool.texts.setdefault(lang, []).append((text.preamble[0], text.final_clauses[0], text.signature_block))
            for (heading, heading_a), (body, body_a) in text.articles:
                pool.articles.setdefault(lang, []).append((heading, body))
                pool.analysed[(heading, lang)] = heading_a
                pool.analysed[(body, lang)] = body_a
            for value, analysed in (text.title, text.preamble, text.final_clauses):
                pool.analysed[(value, lang)] = analysed
            if text is not item.texts[0] and text.title[0]:
                pool.titles.setdefault(lang, []).append((text.title[0], ""))
        pool.shapes.append(shape)
        if item.title:
            pool.titles.setdefault(item.title_language, []).append((item.title, item.title_en))
        if item.title_en:
            pool.titles_en.append(item.title_en)
        elif item.title and item.title_language == "en":
            pool.titles_en.append(item.title)
        if item.signed_place:
            places.add(item.signed_place)
    pool.places = sorted(places)
    usable = set(pool.languages)
    pool.shapes = [shape for shape in pool.shapes if {lang for lang, _ in shape} <= usable]
    pool.countries = list(Country.objects.order_by("code").values_list("code", "names"))
    pool.topics = list(Topic.objects.order_by("slug").values_list("pk", "slug", "labels"))
    return pool, parsed


class Analysed:
    """Analysed strings, each computed once; ids of the distinct strings for the SQL side."""

    def __init__(self, known: dict[tuple[str, str | None], str] | None = None):
        self.cache: dict[tuple[str, str | None], int] = {}
        self.ids: dict[str, int] = {}
        self.strings: list[str] = []
        self.known = known or {}  # (text, language) -> analysed, computed elsewhere (the workers)
        self.aliases: dict[int, list[str]] = {}

    def text(self, text: str, language: str | None) -> str:
        """The analysed string itself."""
        return self.strings[self(text, language)]

    def number_aliases(self, parts: list[int]) -> str:
        """number_aliases() of the parts joined by spaces, each part's digits found once
        (the lexemes never straddle the joining space, and first occurrences keep their
        order, so it is the same string)."""
        found: list[str] = []
        for part in parts:
            digits = self.aliases.get(part)
            if digits is None:
                digits = self.aliases[part] = number_aliases(self.strings[part]).split()
            found.extend(digits)
        return " ".join(dict.fromkeys(found))

    def __call__(self, text: str, language: str | None) -> int:
        key = (text, language)
        part = self.cache.get(key)
        if part is None:
            analysed = self.known.get(key)
            if analysed is None:
                analysed = analyse_for_index(text, language)
            part = self.ids.get(analysed)
            if part is None:
                part = self.ids[analysed] = len(self.strings)
                self.strings.append(analysed)
            self.cache[key] = part
        return part

    def raw(self, analysed: str) -> int:
        """An already analysed string (``number_aliases`` of the others) as a part."""
        part = self.ids.get(analysed)
        if part is None:
            part = self.ids[analysed] = len(self.strings)
            self.strings.append(analysed)
        return part


def dependants(model) -> list[tuple[str, str, str]]:
    """(table, column, "delete" | "null") for every table whose rows point at ``model`` and
    go with it (CASCADE) or lose the link (SET_NULL); texts last (their own dependants,
    the articles, go first). Audit-trail copies (DO_NOTHING) are left alone."""
    from django.db import models

    out = []
    for rel in model._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one)):
            continue
        on_delete = getattr(rel, "on_delete", None)
        if on_delete in (models.CASCADE, models.SET_NULL):
            action = "delete" if on_delete is models.CASCADE else "null"
            out.append((rel.related_model._meta.db_table, rel.field.column, action))
    return sorted(set(out), key=lambda t: (t[0] == Text._meta.db_table, t))


def weighted(rng: random.Random, weights: dict, allowed) -> str:
    items = [(k, w) for k, w in weights.items() if k in allowed]
    return rng.choices([k for k, _ in items], [w for _, w in items])[0]


def days_after(day: dt.date, rng: random.Random, low: int, high: int) -> dt.date:
    return min(LAST_DAY, day + dt.timedelta(days=rng.randint(low, high)))


class Command(BaseCommand):
    help = "Build (or --clear) a synthetic corpus of recombined real texts, for measurement only."

    def add_arguments(self, parser):
        parser.add_argument("--agreements", type=int, default=0, help="how many synthetic agreements to add")
        parser.add_argument(
            "--from",
            dest="from_dir",
            metavar="DIR",
            help="recombine the real texts of this folder (parsed in place) instead of the database's",
        )
        parser.add_argument("--jobs", type=int, default=None, help="parsing processes for --from (default: cores)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
        parser.add_argument("--clear", action="store_true", help="delete the synthetic agreements first")
        parser.add_argument("--batch", type=int, default=2500, help="agreements per transaction")
        parser.add_argument("--no-vacuum", action="store_true", help="skip VACUUM ANALYZE at the end")

    # ------------------------------------------------------------------ entry
    def handle(self, *args, **options):
        # Big statements are the point here: keep the slow-query log (archive.db) quiet meanwhile.
        log = logging.getLogger("archive.db")
        level = log.level
        log.setLevel(logging.ERROR)
        try:
            return self.run(**options)
        finally:
            log.setLevel(level)

    def run(
        self,
        agreements=0,
        seed=1,
        clear=False,
        batch=2500,
        no_vacuum=False,
        verbosity=1,
        from_dir=None,
        jobs=None,
        **opts,
    ):
        self.verbosity = verbosity
        if agreements < 0 or batch < 1:
            raise CommandError("--agreements must be ≥ 0 and --batch ≥ 1")
        if not clear and not agreements:
            raise CommandError("nothing to do: give --agreements N and/or --clear")
        started = time.perf_counter()
        touched = False
        if clear:
            touched |= self.clear()
        if agreements:
            self.build(agreements, seed, batch, from_dir, jobs)
            touched = True
        if touched and not no_vacuum:
            self.vacuum(full=clear and not agreements)
        self.say(f"done in {time.perf_counter() - started:.1f} s; database size {self.database_size()}")

    def say(self, message: str) -> None:
        if self.verbosity:
            self.stdout.write(message)
            self.stdout.flush()

    # ------------------------------------------------------------------ clear
    def clear(self) -> bool:
        """Delete the synthetic agreements and what hangs off them, in plain SQL: no model
        signals (the audit trail must not record 100,000 deletions of test data)."""
        started = time.perf_counter()
        synth = f"SELECT id FROM {Agreement._meta.db_table} WHERE slug LIKE %s"
        like = [SLUG_PREFIX + "%"]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({synth}) s", like)
            (count,) = cursor.fetchone()
            if not count:
                self.say("no synthetic agreements to delete")
                return False
            self.say(f"deleting {count:,} synthetic agreements …")
            texts = f"SELECT id FROM {Text._meta.db_table} WHERE agreement_id IN ({synth})"
            articles = 0
            for model, ids in ((Text, texts), (Agreement, synth)):
                for table, column, action in dependants(model):
                    if action == "delete":
                        cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({ids})", like)
                        articles += cursor.rowcount if table == Article._meta.db_table else 0
                    else:
                        cursor.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IN ({ids})", like)
            cursor.execute(f"DELETE FROM {Agreement._meta.db_table} WHERE slug LIKE %s", like)
            history = getattr(Agreement, "history", None)
            if history is not None:  # django-simple-history: records of synthetic agreements, if any
                cursor.execute(f"DELETE FROM {history.model._meta.db_table} WHERE slug LIKE %s", like)
        self.say(f"deleted {count:,} agreements and {articles:,} articles in {time.perf_counter() - started:.1f} s")
        return True

    # ------------------------------------------------------------------ build
    def build(self, n: int, seed: int, batch: int, from_dir: str | None = None, jobs: int | None = None) -> None:
        started = time.perf_counter()
        if from_dir:
            if connection.in_atomic_block:  # a test's transaction: no forking with the connection open
                jobs = 1
            try:
                pool, parsed = load_folder_pool(from_dir, jobs)
            except NotADirectoryError as exc:
                raise CommandError(f"--from: no such folder: {exc}") from None
            skipped = ", ".join(f"{count} {reason}" for reason, count in sorted(parsed.skipped.items()))
            self.say(
                f"parsed {len(parsed.files) + parsed.skipped_count} files of {from_dir} in "
                f"{time.perf_counter() - started:.1f} s: {len(parsed.files)} used, "
                f"{parsed.skipped_count} skipped{f' ({skipped})' if skipped else ''}"
            )
            if not pool.shapes:
                raise CommandError(f"--from: no agreement with articles in {from_dir}")
        else:
            pool = load_pool()
        if not pool.languages or not pool.countries or not pool.topics:
            raise CommandError("no real texts to recombine: load the seed corpus first (manage.py load_corpus)")
        self.say(
            "material: "
            + ", ".join(f"{len(pool.articles[lang])} {lang} articles" for lang in pool.languages)
            + f", {sum(len(t) for t in pool.titles.values())} titles, {len(pool.countries)} countries, "
            f"{len(pool.topics)} topics"
        )
        rng = random.Random(seed)
        analysed = Analysed(pool.analysed)
        first = self.next_number()
        rebuild = n >= REBUILD_INDEXES_FROM and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")
            self.create_staging(cursor)
        if rebuild:
            self.drop_gin_indexes()
        made_agreements = made_articles = 0
        sample: list[int] = []
        try:
            done = 0
            while done < n:
                size = min(batch, n - done)
                rows = [self.make_agreement(rng, pool, first + done + i) for i in range(size)]
                with transaction.atomic():
                    ids, articles = self.write(rows, analysed, pool)
                done += size
                made_agreements += size
                made_articles += articles
                if not sample:  # a few of each shape: one text, two texts, a text in another language
                    shapes = {}
                    for pk, row in zip(ids, rows, strict=True):
                        shapes.setdefault(tuple(t["language"] for t in row["texts"]), []).append(pk)
                    sample = sorted(pk for pks in shapes.values() for pk in pks[:2])
                elapsed = time.perf_counter() - started
                rate = done / elapsed
                self.say(
                    f"  {done:>9,} / {n:,} agreements, {made_articles:>10,} articles, {elapsed:7.1f} s "
                    f"({rate:,.0f}/s, ~{(n - done) / rate:,.0f} s left)"
                )
            self.add_terms(pool)
        finally:
            if rebuild:
                self.build_gin_indexes()
            with connection.cursor() as cursor:
                cursor.execute("DROP TABLE IF EXISTS synth_part, synth_src, synth_agreement_stage, synth_article_stage")
        elapsed = time.perf_counter() - started
        self.say(
            f"built {made_agreements:,} agreements, {made_articles:,} articles in {elapsed:.1f} s "
            f"({len(analysed.strings):,} distinct analysed strings)"
        )
        self.verify(sample)

    def next_number(self) -> int:
        """Synthetic agreements are numbered on from the highest existing one."""
        last = (
            Agreement.objects.filter(slug__regex=rf"^{SLUG_PREFIX}[0-9]+$")
            .order_by("-slug")
            .values_list("slug", flat=True)
            .first()
        )
        return int(last[len(SLUG_PREFIX) :]) + 1 if last else 1

    def create_staging(self, cursor) -> None:
        cursor.execute(
            """CREATE TEMP TABLE IF NOT EXISTS synth_part (id int PRIMARY KEY, s text NOT NULL);
               CREATE TEMP TABLE IF NOT EXISTS synth_src (id int PRIMARY KEY, heading text, body text,
                                                          vec tsvector);
               CREATE TEMP TABLE IF NOT EXISTS synth_article_stage (text_id bigint, position int, number text,
                                                                    src int);
               CREATE TEMP TABLE IF NOT EXISTS synth_agreement_stage (
                   id bigint, slug text, kind text, level text, title text, title_language text, title_en text,
                   signed_date date, signed_place text, entry_into_force_date date, termination_date date,
                   status text, term_indefinite boolean, term_years int, renewal_years int, notice_months int,
                   authentic_languages text[], prevailing_language text, pair text,
                   a int[], b int[], c int[]);
               TRUNCATE synth_part, synth_src, synth_article_stage, synth_agreement_stage"""
        )
        self.parts_sent = 0
        self.sources: dict[tuple[str, str, str], int] = {}
        self.sources_sent = 0

    def drop_gin_indexes(self) -> None:
        self.say("dropping the GIN indexes for the load (rebuilt at the end)")
        with connection.cursor() as cursor:
            for name in GIN_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")

    def build_gin_indexes(self) -> None:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute("SET max_parallel_maintenance_workers = 2")
            for name, sql in GIN_INDEXES.items():
                t0 = time.perf_counter()
                cursor.execute(sql)
                self.say(f"  built {name} in {time.perf_counter() - t0:.1f} s")
            cursor.execute("RESET maintenance_work_mem")
            cursor.execute("RESET max_parallel_maintenance_workers")
        self.say(f"GIN indexes built in {time.perf_counter() - started:.1f} s")

    # ------------------------------------------------------------------ one agreement (pure Python)
    def make_agreement(self, rng: random.Random, pool: Pool, number: int) -> dict:
        languages = pool.languages
        main = "kk" if "kk" in languages else languages[0]
        others = [lang for lang in languages if lang != main]
        counts: dict[str, int] = {}
        if pool.shapes:  # --from: the languages and article counts of one real file
            shape = rng.choice(pool.shapes)
            langs = [lang for lang, _ in shape]
            counts = dict(shape)
            main = langs[0]
        else:
            roll = rng.random()
            if others and roll < 0.05:
                langs = [rng.choice(others)]
            elif others and roll < 0.15:
                langs = [main, rng.choice(others)]
            else:
                langs = [main]
        title_language = langs[0]
        title, title_en = rng.choice(pool.titles[title_language])
        title_en = title_en or (rng.choice(pool.titles_en) if pool.titles_en else "")
        signed = FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
        status = weighted(rng, STATUS_WEIGHTS, set(Status.values))
        in_force = days_after(signed, rng, 20, 800) if status in IN_FORCE_ONCE else None
        terminated = days_after(in_force, rng, 365, 5000) if in_force and status == "terminated" else None
        indefinite = rng.random() < 0.4
        years = None if indefinite else rng.choice([3, 5, 5, 10, 10, 15, 25])
        codes = [code for code, _ in pool.countries]
        names = dict(pool.countries)
        first = "KZ" if "KZ" in names and rng.random() < 0.5 else rng.choice(codes)
        second = rng.choice(codes)
        while second == first:
            second = rng.choice(codes)
        parties = [(code, names[code].get(title_language) or names[code].get("en") or code) for code in (first, second)]
        topics = sorted(rng.sample(pool.topics, rng.choice([1, 1, 2, 2, 3])), key=lambda t: t[1])
        acts = []
        if pool.acts and rng.random() < 0.7:
            act_type, action, act_title, act_text, act_lang = rng.choice(pool.acts)
            acts.append(
                {
                    "country": first,
                    "type": act_type or ActType.OTHER,
                    "action": action or ActAction.APPROVE,
                    "number": str(rng.randint(1, 1500)),
                    "date": days_after(signed, rng, 10, 400),
                    "title": act_title,
                    "text": act_text,
                    "language": act_lang,
                }
            )
        texts = []
        for lang in sorted(langs):  # the indexer reads texts in language order
            material = pool.articles[lang]
            if counts:
                count = min(len(material), counts[lang])
            elif lang == main or len(langs) == 1:
                count = min(len(material), rng.randint(14, 26))
            else:
                count = min(len(material), rng.randint(3, 8))
            chosen = rng.sample(range(len(material)), count)
            text_title = title if lang == title_language else rng.choice(pool.titles[lang])[0]
            preamble, final, signature = rng.choice(pool.texts[lang]) if pool.texts.get(lang) else ("", "", "")
            texts.append(
                {
                    "language": lang,
                    "title": text_title,
                    "preamble": preamble,
                    "final_clauses": final,
                    "signature_block": signature,
                    "articles": [material[i] for i in chosen],
                }
            )
        return {
            "slug": f"{SLUG_PREFIX}{number:07d}",
            "kind": weighted(rng, KIND_WEIGHTS, set(Kind.values)),
            "level": weighted(rng, LEVEL_WEIGHTS, set(Level.values)),
            "title": title,
            "title_language": title_language,
            "title_en": title_en,
            "signed_date": signed,
            "signed_place": rng.choice(pool.places) if pool.places and rng.random() < 0.8 else "",
            "entry_into_force_date": in_force,
            "termination_date": terminated,
            "status": status,
            "term_indefinite": indefinite,
            "term_years": years,
            "renewal_years": None if indefinite or rng.random() < 0.5 else rng.choice([1, 5]),
            "notice_months": rng.choice([None, 3, 6, 6, 12]),
            "authentic_languages": sorted(langs),
            "prevailing_language": "",
            "pair": "-".join(sorted((first, second))),
            "parties": parties,
            "topics": topics,
            "acts": acts,
            "texts": texts,
        }

    def vector_parts(self, row: dict, analysed: Analysed, pool: Pool) -> tuple[list[int], list[int], list[int]]:
        """The agreement's title (A), meta (B) and body (C) strings, as parts in the order
        archive.search.index.reindex_agreements writes them."""
        names = dict(pool.countries)
        title_language = row["title_language"] or None
        title = [analysed(row["title"], title_language), analysed(row["title_en"], "en")]
        meta, body = [], []
        for act in row["acts"]:  # one act at most, so date order is trivially kept
            title.append(analysed(act["number"], None))
            meta.append(analysed(act["title"], act["language"] or None))
            body.append(analysed(act["text"], act["language"] or None))
        for code, written in row["parties"]:
            meta.append(analysed(written, title_language))
            meta.extend(analysed(name, lang) for lang, name in names[code].items())
        meta.append(analysed(row["signed_place"], title_language))
        for _pk, _slug, labels in row["topics"]:
            meta.extend(analysed(label, lang) for lang, label in labels.items())
        for text in row["texts"]:
            lang = text["language"]
            title.append(analysed(text["title"], lang))
            body.append(analysed(text["preamble"], lang))
            body.append(analysed(text["final_clauses"], lang))
            for heading, content in text["articles"]:
                meta.append(analysed(heading, lang))
                body.append(analysed(content, lang))
        # "1363" finds "N 1363-Ա", as the indexer
        body.append(analysed.raw(analysed.number_aliases([*title, *body])))
        return title, meta, body

    # ------------------------------------------------------------------ one batch (SQL)
    def reserve(self, cursor, table: str, count: int) -> int:
        cursor.execute(
            "SELECT setval(s::regclass, nextval(s::regclass) + %s - 1) - %s + 1 "
            "FROM pg_get_serial_sequence(%s, 'id') AS s",
            [count, count, table],
        )
        return cursor.fetchone()[0]

    def source_id(self, lang: str, heading: str, body: str) -> int:
        key = (lang, heading, body)
        src = self.sources.get(key)
        if src is None:
            src = self.sources[key] = len(self.sources)
        return src

    def write(self, rows: list[dict], analysed: Analysed, pool: Pool) -> tuple[list[int], int]:
        with connection.cursor() as cursor:
            first_agreement = self.reserve(cursor, "archive_agreement", len(rows))
            n_texts = sum(len(r["texts"]) for r in rows)
            first_text = self.reserve(cursor, "archive_text", n_texts)
            stage, parties, topics, acts, texts, articles = [], [], [], [], [], []
            text_id = first_text
            ids = []
            for offset, row in enumerate(rows):
                pk = first_agreement + offset
                ids.append(pk)
                a, b, c = self.vector_parts(row, analysed, pool)
                stage.append(
                    (
                        pk,
                        row["slug"],
                        row["kind"],
                        row["level"],
                        row["title"],
                        row["title_language"],
                        row["title_en"],
                        row["signed_date"],
                        row["signed_place"],
                        row["entry_into_force_date"],
                        row["termination_date"],
                        row["status"],
                        row["term_indefinite"],
                        row["term_years"],
                        row["renewal_years"],
                        row["notice_months"],
                        row["authentic_languages"],
                        row["prevailing_language"],
                        row["pair"],
                        a,
                        b,
                        c,
                    )
                )
                for order, (code, written) in enumerate(row["parties"]):
                    parties.append((pk, code, order, written))
                topics.extend((pk, topic_pk) for topic_pk, _slug, _labels in row["topics"])
                for act in row["acts"]:
                    acts.append(
                        (
                            pk,
                            act["country"],
                            act["type"],
                            act["action"],
                            act["number"],
                            act["date"],
                            act["title"],
                            act["text"],
                            act["language"],
                        )
                    )
                for text in row["texts"]:
                    lang = text["language"]
                    fields = ("title", "preamble", "final_clauses", "signature_block")
                    texts.append((text_id, pk, lang, *(text[name] for name in fields), True))
                    for position, (heading, body) in enumerate(text["articles"], start=1):
                        articles.append((text_id, position, str(position), self.source_id(lang, heading, body)))
                    text_id += 1
            self.send_parts(cursor, analysed)
            self.send_sources(cursor, analysed)
            self.copy(cursor, "synth_agreement_stage", None, stage)
            cursor.execute(
                """INSERT INTO archive_agreement (id, slug, kind, level, title, title_language, title_en, signed_date,
                       signed_place, entry_into_force_date, termination_date, status, term_indefinite, term_years,
                       renewal_years, notice_months, authentic_languages, prevailing_language, pair, search_vector,
                       rank_vector, created_at, updated_at, published_at)
                   SELECT s.id, s.slug, s.kind, s.level, s.title, s.title_language, s.title_en, s.signed_date,
                       s.signed_place, s.entry_into_force_date, s.termination_date, s.status, s.term_indefinite,
                       s.term_years, s.renewal_years, s.notice_months, s.authentic_languages, s.prevailing_language,
                       s.pair, v.vector, archive_rank_vector(v.vector, %s), now(), now(), now()
                   FROM synth_agreement_stage s,
                        LATERAL (SELECT setweight(to_tsvector('simple', {a}), 'A')
                                        || setweight(to_tsvector('simple', {b}), 'B')
                                        || setweight(to_tsvector('simple', {c}), 'C') AS vector) v
                   ORDER BY s.id""".format(
                    **{
                        col: f"array_to_string(ARRAY(SELECT p.s FROM unnest(s.{col}) WITH ORDINALITY AS u(id, o) "
                        "JOIN synth_part p ON p.id = u.id ORDER BY u.o), ' ')"
                        for col in "abc"
                    }
                ),
                [RANK_TERMS],
            )
            cursor.execute(IMPACTS_SQL, [IMPACT_TERMS, ids])
            self.copy(cursor, "archive_party", ["agreement_id", "country_id", '"order"', "as_written"], parties)
            self.copy(cursor, "archive_agreement_topics", ["agreement_id", "topic_id"], topics)
            self.copy(
                cursor,
                "archive_act",
                ["agreement_id", "country_id", "type", "action", "number", "date", "title", "text", "language"],
                acts,
            )
            self.copy(
                cursor,
                "archive_text",
                [
                    "id",
                    "agreement_id",
                    "language",
                    "title",
                    "preamble",
                    "final_clauses",
                    "signature_block",
                    "is_authentic",
                ],
                texts,
                extra="created_at, updated_at, published_at",
            )
            self.copy(cursor, "synth_article_stage", None, articles)
            cursor.execute(
                """INSERT INTO archive_article (text_id, position, number, heading, body, search_vector)
                   SELECT s.text_id, s.position, s.number, src.heading, src.body, src.vec
                   FROM synth_article_stage s JOIN synth_src src ON src.id = s.src ORDER BY s.text_id, s.position"""
            )
            cursor.execute("TRUNCATE synth_agreement_stage, synth_article_stage")
        return ids, len(articles)

    def copy(self, cursor, table: str, columns: list[str] | None, rows: list[tuple], extra: str = "") -> None:
        if not rows:
            return
        if extra:  # columns the COPY cannot default: go through a temporary table
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS synth_copy_{table} AS SELECT {', '.join(columns)} "
                f"FROM {table} WITH NO DATA"
            )
            self.copy(cursor, f"synth_copy_{table}", columns, rows)
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}, {extra}) "
                f"SELECT {', '.join(columns)}, {', '.join('now()' for _ in extra.split(','))} FROM synth_copy_{table}; "
                f"DROP TABLE synth_copy_{table}"
            )
            return
        target = f"{table} ({', '.join(columns)})" if columns else table
        with cursor.copy(f"COPY {target} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def send_parts(self, cursor, analysed: Analysed) -> None:
        new = analysed.strings[self.parts_sent :]
        if new:
            self.copy(cursor, "synth_part", None, [(self.parts_sent + i, s) for i, s in enumerate(new)])
            self.parts_sent = len(analysed.strings)

    def send_sources(self, cursor, analysed: Analysed) -> None:
        """Article vectors, one per distinct source article, by the indexer's expression."""
        new = list(self.sources.items())[self.sources_sent :]
        for start in range(0, len(new), 1000):
            chunk = new[start : start + 1000]
            cursor.execute(
                """INSERT INTO synth_src (id, heading, body, vec)
                   SELECT v.id, v.h, v.b, setweight(to_tsvector('simple', v.ah), 'B')
                                          || setweight(to_tsvector('simple', v.ab), 'C')
                   FROM unnest(%s::int[], %s::text[], %s::text[], %s::text[], %s::text[]) AS v(id, h, b, ah, ab)""",
                [
                    [src for _key, src in chunk],
                    [heading for (_lang, heading, _body), _src in chunk],
                    [body for (_lang, _heading, body), _src in chunk],
                    [analysed.text(heading, lang) for (lang, heading, _body), _src in chunk],
                    [analysed.text(body, lang) for (lang, _heading, body), _src in chunk],
                ],
            )
        self.sources_sent = len(self.sources)

    def add_terms(self, pool: Pool) -> None:
        """The vocabulary did-you-mean checks against, as the indexer collects it."""
        words: set[str] = set()
        for language_titles in pool.titles.values():
            for title, _en in language_titles:
                words.update(WORD_RE.findall(title.lower()))
        for material in pool.articles.values():
            for heading, body in material:
                words.update(WORD_RE.findall(heading.lower()))
                words.update(WORD_RE.findall(body.lower()))
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO archive_term (word) SELECT unnest(%s::text[]) ON CONFLICT (word) DO NOTHING",
                [sorted(words)],
            )
            self.say(f"vocabulary: {len(words):,} words, {cursor.rowcount:,} new")

    # ------------------------------------------------------------------ checks and upkeep
    def verify(self, ids: list[int]) -> bool:
        """Re-index a few synthetic agreements with the real indexer (rolled back) and compare."""
        if not ids:
            return True

        def vectors():
            with connection.cursor() as cursor:
                cursor.execute(
                    """SELECT 'agreement ' || a.slug, a.search_vector::text || ' / ' || a.rank_vector::text
                       FROM archive_agreement a
                       WHERE a.id = ANY(%s)
                       UNION ALL
                       SELECT 'article ' || t.agreement_id || '/' || t.language || '/' || r.position,
                              r.search_vector::text
                       FROM archive_article r JOIN archive_text t ON t.id = r.text_id WHERE t.agreement_id = ANY(%s)
                       ORDER BY 1""",
                    [ids, ids],
                )
                return cursor.fetchall()

        class Rollback(Exception):
            pass

        before = vectors()
        try:
            with transaction.atomic():
                reindex_agreements(ids)
                after = vectors()
                raise Rollback
        except Rollback:
            pass
        same = before == after
        diff = [b[0] for b, a in zip(before, after, strict=False) if b != a]
        self.same_as_indexer = same
        if same:
            self.say(f"check: the vectors of {len(ids)} synthetic agreements and their articles equal the indexer's")
        else:
            self.stderr.write(f"WARNING: synthetic vectors differ from the indexer's: {diff[:5]}")
        return same

    def vacuum(self, full: bool) -> None:
        if connection.in_atomic_block:
            self.say("(inside a transaction: VACUUM skipped)")
            return
        started = time.perf_counter()
        # FULL gives the space back but leaves no visibility map: a plain VACUUM follows.
        command = "VACUUM (FULL, ANALYZE)" if full else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for table in SYNTH_TABLES:
                cursor.execute(f"{command} {table}")
                if full:
                    cursor.execute(f"VACUUM {table}")
        self.say(f"{command} in {time.perf_counter() - started:.1f} s")

    def database_size(self) -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            return cursor.fetchone()[0]
