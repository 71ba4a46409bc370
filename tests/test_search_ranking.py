"""The search ranks every match, not the first ones it meets (archive.search.engine).

Each test stores the agreement that should come first *last* (highest id, last in the
heap), behind more matches than a page of results reaches: an engine that ranked only the
first RESULT_CAP matches in storage order would never show it."""

import pytest
from django.utils import timezone

from archive.filters import AgreementFilter
from archive.models import Agreement, Article, Impact, Party, Text
from archive.search import engine
from archive.search.index import IMPACT_TERMS, RANK_TERMS, reindex_agreements

pytestmark = pytest.mark.django_db

CAP = 8
FILLER = [f"q{chr(97 + i // 26)}{chr(97 + i % 26)}x" for i in range(RANK_TERMS + 20)]  # distinct, unstemmed


def make(n: int, title: str, body: str) -> Agreement:
    agreement = Agreement.objects.create(
        slug=f"kz-uz-2001-01-{n:02d}-ranking", title=title, title_language="en", published_at=timezone.now()
    )
    Party.objects.create(agreement=agreement, country_id="KZ", order=0)
    Party.objects.create(agreement=agreement, country_id="UZ", order=1)
    text = Text.objects.create(agreement=agreement, language="en", title=title, published_at=timezone.now())
    Article.objects.create(text=text, position=1, number="1", body=body)
    return agreement


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(engine, "RESULT_CAP", CAP)
    monkeypatch.setattr(engine, "RERANK", 4)


def search(q: str) -> tuple[list[str], engine.Ranking]:
    filterset = AgreementFilter({"q": q}, queryset=Agreement.objects.all())
    return list(filterset.qs.values_list("slug", flat=True)), filterset.ranking


def test_the_agreement_titled_with_a_common_word_comes_first_though_stored_last(small_cap):
    ordinary = " ".join(FILLER) + " The Parties shall exchange information on zymurgy. " + " ".join(FILLER)
    ids = [make(i, "Agreement on cooperation", ordinary).pk for i in range(3 * CAP)]
    best = make(3 * CAP, "Agreement on zymurgy", ordinary)
    reindex_agreements([*ids, best.pk])
    slugs, ranking = search("zymurgy")
    assert slugs[0] == best.slug
    assert ranking.total == 3 * CAP + 1 and len(slugs) == CAP and ranking.capped and ranking.exact


def test_the_agreement_where_a_word_is_frequent_comes_first_though_stored_last(small_cap):
    once = " ".join(FILLER * 3) + " zymurgy"  # a passing mention, below the frequent words
    ids = [make(i, "Agreement on cooperation", once).pk for i in range(3 * CAP)]
    often = make(3 * CAP, "Agreement on cooperation", " ".join(FILLER) + " zymurgy" * 12)
    reindex_agreements([*ids, often.pk])
    assert "zymurgi" in rank_lexemes(often) and "zymurgi" not in rank_lexemes(Agreement.objects.get(pk=ids[0]))
    slugs, _ranking = search("zymurgy")
    assert slugs[0] == often.slug


def test_beyond_the_window_the_champion_lists_bring_the_agreement_where_the_word_weighs_most(small_cap, monkeypatch):
    monkeypatch.setattr(engine, "SCORE_WINDOW", CAP)  # more matches than are scored
    once = " ".join(FILLER * 3) + " zymurgy"
    ids = [make(i, "Agreement on cooperation", once).pk for i in range(3 * CAP)]
    often = make(3 * CAP, "Agreement on cooperation", " ".join(FILLER) + " zymurgy" * 12)
    reindex_agreements([*ids, often.pk])
    slugs, ranking = search("zymurgy")
    assert slugs[0] == often.slug  # stored last, beyond the window: found through its champion row
    assert ranking.total == CAP and not ranking.exact  # counted up to the window: "more than"


def test_beyond_the_window_an_agreement_filed_under_the_concept_named_comes_first(small_cap, monkeypatch):
    from archive.models import Topic

    monkeypatch.setattr(engine, "SCORE_WINDOW", CAP)
    # the champion lists may miss it (its topic's labels are cut among 64 lexemes at 100k): none here
    monkeypatch.setattr(engine, "champion_ids", lambda lexemes: [])
    once = " ".join(FILLER * 3) + " taxation"
    # more than a phrase's window too (the concept's labels in other languages are phrases);
    # which rows the window sees is the heap's order, so the filed one is last and one in 10
    ids = [make(i, "Agreement on cooperation", once).pk for i in range(10 * CAP)]
    filed = make(10 * CAP, "Agreement on cooperation", once)
    filed.topics.add(Topic.objects.get(slug="taxation"))
    reindex_agreements([*ids, filed.pk])
    slugs, ranking = search("taxation")
    assert filed.pk in engine.filed_ids(("taxation",))
    assert slugs[0] == filed.slug and not ranking.exact  # stored last, beyond the window


def test_beyond_the_window_the_count_is_a_lower_bound_even_without_champions(small_cap, monkeypatch):
    monkeypatch.setattr(engine, "SCORE_WINDOW", CAP)
    once = " ".join(FILLER * 3) + " zymurgy"  # a passing mention everywhere: in no champion list
    ids = [make(i, "Agreement on cooperation", once).pk for i in range(3 * CAP)]
    reindex_agreements(ids)
    assert not Impact.objects.filter(lexeme="zymurgi").exists()
    slugs, ranking = search("zymurgy")
    assert len(slugs) == CAP and ranking.total == CAP and not ranking.exact and ranking.capped


def test_the_champion_rows_are_written_with_the_vectors_and_go_with_the_agreement():
    agreement = make(1, "Agreement on zymurgy", " ".join(FILLER) + " often" * 5)
    reindex_agreements([agreement.pk])
    rows = dict(Impact.objects.filter(agreement=agreement).values_list("lexeme", "n"))
    assert len(rows) == IMPACT_TERMS
    assert rows["zymurgi"] == 1000 and rows["often"] == 5  # the title weighs most, then the text's count
    assert min(rows.values()) == 1  # ties among the fillers: the rest in byte order
    reindex_agreements([agreement.pk])  # again: replaced, not added
    assert Impact.objects.filter(agreement=agreement).count() == IMPACT_TERMS
    agreement.delete()
    assert not Impact.objects.filter(lexeme="zymurgi").exists()


def test_a_phrase_is_ranked_over_its_window_and_checked_a_cap_at_a_time(small_cap):
    body = " ".join(FILLER) + " rules of origin apply. "
    ids = [make(i, "Agreement on trade", body).pk for i in range(2 * CAP)]
    scattered = [make(2 * CAP + i, "Agreement on trade", "origin " + " ".join(FILLER) + " rules").pk for i in range(3)]
    best = make(2 * CAP + 3, "Agreement on rules of origin", body)
    reindex_agreements([*ids, *scattered, best.pk])
    slugs, ranking = search('"rules of origin"')
    assert slugs[0] == best.slug and len(slugs) == CAP
    # the check stopped once a cap's worth held the phrase: more may, so the count is a lower bound
    assert ranking.total == CAP and not ranking.exact and ranking.capped


def test_a_phrase_is_counted_exactly_when_every_relaxed_match_was_checked(small_cap):
    body = " ".join(FILLER) + " rules of origin apply. "
    ids = [make(i, "Agreement on trade", body).pk for i in range(CAP - 2)]
    # the words apart, each in the title: these come first in the relaxed order, and fail
    scattered = [
        make(CAP + i, "Agreement on rules and origin", "origin " + " ".join(FILLER) + " rules").pk for i in range(3)
    ]
    reindex_agreements([*ids, *scattered])
    slugs, ranking = search('"rules of origin"')
    # CAP + 1 relaxed matches: the first cap's worth held CAP - 5 phrases, so the rest was checked too
    assert ranking.exact and ranking.total == CAP - 2 and len(slugs) == CAP - 2
    assert set(slugs) == set(Agreement.objects.filter(pk__in=ids).values_list("slug", flat=True))


def rank_lexemes(agreement: Agreement, weight: str = "C") -> dict[str, int]:
    """{lexeme: positions} of the agreement's rank vector with that weight."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT u.lexeme, cardinality(u.positions), u.weights FROM archive_agreement a, unnest(a.rank_vector) u "
            "WHERE a.id = %s",
            [agreement.pk],
        )
        return {lex: n for lex, n, weights in cursor.fetchall() if weight in weights}


def test_the_rank_vector_keeps_the_title_and_the_most_frequent_text_lexemes_twice_at_most():
    body = " ".join(FILLER) + " " + "often " * 5 + "twice twice"
    agreement = make(1, "Agreement on zymurgy", body)
    reindex_agreements([agreement.pk])
    text = rank_lexemes(agreement)
    assert len(text) == RANK_TERMS
    assert text["often"] == 2 and text["twice"] == 2  # the most frequent first, two positions at most
    kept = sorted(lexeme for lexeme, n in text.items() if n == 1)
    assert kept == sorted(FILLER)[: RANK_TERMS - 2]  # ties: in byte order, the same every time
    assert "zymurgi" in rank_lexemes(agreement, "A")  # the title, with its weight


def test_reindex_recomputes_every_vector(seed):
    import io

    from django.core.management import call_command

    Agreement.objects.update(rank_vector=None, search_vector=None)
    assert search("барлау")[0] == []
    call_command("reindex", stdout=io.StringIO())
    assert not Agreement.objects.filter(rank_vector__isnull=True).exists()
    assert search("барлау")[0][0] == seed["intelligence_2024"].slug
