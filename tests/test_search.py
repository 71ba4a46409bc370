"""Search on the seed corpus: the queries a researcher types find the right agreement first."""

import re

import pytest

pytestmark = pytest.mark.django_db


def results(client, q, **filters):
    params = {"q": q, **filters}
    response = client.get("/api/agreements/", params)
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("әскери барлаудың", "intelligence_2024"),  # inflected Kazakh
        ("askeri barlau", "intelligence_2024"),  # typed without a Kazakh keyboard
        ('"үкіметтік байланыс"', "communications_2004"),  # a phrase
        ("752", "intelligence_2024"),  # the approving decree's number
        ("527", "communications_2004"),
        ("стратегиялық әріптестік", "treaty_2005"),
        ("шифрлеу құралдары", "communications_2004"),
    ],
)
def test_example_queries_find_the_right_agreement_first(client, seed, query, expected):
    assert results(client, query)[0] == seed[expected].slug


def test_latin_i_in_the_text_is_found_by_a_cyrillic_query(client, seed):
    # 002 writes Үкiметi and мiндеттемелер with a Latin i throughout
    assert seed["treaty_2005"].slug in results(client, "міндеттемелері")
    assert seed["intelligence_2024"].slug in results(client, "Үкіметі")


def test_cross_language_through_the_thesaurus(client, seed):
    for query in ("военная разведка", "military intelligence", "ռազմական հետախուզություն"):
        found = results(client, query)
        assert found[:2] and set(found[:2]) == {seed["intelligence_2024"].slug, seed["am_kz_intelligence"].slug}, query


def test_search_page_says_why_and_links_snippets_to_articles(client, seed):
    html = client.get("/search/", {"q": "военная разведка"}).content.decode()
    assert "topic: military intelligence" in html
    slug = seed["intelligence_2024"].slug
    assert re.search(rf'href="/agreements/{slug}/\?q=[^"#]+#art-\d+"', html)
    assert "<mark>" in html


def test_exclusion_and_or(client, seed):
    with_both = results(client, "ынтымақтастық")
    without = results(client, "ынтымақтастық -барлау")
    assert seed["intelligence_2024"].slug in with_both and seed["intelligence_2024"].slug not in without
    either = results(client, "шифрлеу OR барлау")
    assert {seed["intelligence_2024"].slug, seed["communications_2004"].slug} <= set(either)


def test_search_combines_with_filters(client, seed):
    treaties = results(client, "ынтымақтастық", kind="treaty")
    assert seed["treaty_2005"].slug in treaties and seed["intelligence_2024"].slug not in treaties
    assert results(client, "барлау", pair="AM-KZ") == [seed["am_kz_intelligence"].slug]
    assert results(client, "барлау", signed_to="2000-01-01") == []


def test_facet_counts_equal_the_filtered_counts(client):
    from archive.filters import AgreementFilter
    from archive.models import Agreement

    filterset = AgreementFilter({"q": "ынтымақтастық"}, queryset=Agreement.objects.for_list())
    qs = filterset.qs
    facets = qs.facets()
    total = qs.count()
    assert sum(f.count for f in facets["kind"]) == total
    assert sum(f.count for f in facets["status"]) == total
    for facet in facets["pair"]:
        assert facet.count == qs.filter(pair=facet.value).count()
    for facet in facets["country"]:
        assert facet.count == qs.with_all_parties([facet.value]).count()


def test_highlighting_on_the_agreement_page(client, seed):
    html = client.get(seed["intelligence_2024"].get_absolute_url(), {"q": "барлау"}).content.decode()
    assert html.count('<mark class="hit">') >= 4  # articles 1, 3, 5 and 4 name военная разведка (әскери барлау)


def test_nothing_found_suggests_a_spelling(client):
    html = client.get("/search/", {"q": "әскеры барлаy"}).content.decode()
    assert "Did you mean" in html


@pytest.mark.parametrize(
    "query", ["", "   ", "!!!", "'", "\\", "a & b | !c", "<script>alert(1)</script>", "ы" * 400, '"""', "-x -y"]
)
def test_empty_and_hostile_queries_answer_cleanly(client, query):
    page = client.get("/search/", {"q": query})
    assert page.status_code == 200
    assert b"<script>alert(1)</script>" not in page.content
    assert client.get("/api/agreements/", {"q": query}).status_code == 200


def test_refused_queries_say_why(client):
    assert client.get("/search/", {"q": "ы" * 2000}).status_code == 400  # the query string is over 4 kB
    response = client.get("/api/agreements/", {"q": "\x00"})
    assert response.status_code == 400 and "q" in response.json()["errors"]


def test_search_page_query_count_is_flat(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        client.get("/search/", {"q": "ынтымақтастық", "pair": "AZ-KZ"})


def test_large_result_sets_are_capped_and_say_so(client, monkeypatch):
    import archive.search.engine as engine
    from archive.models import Agreement
    from archive.search.query import search

    compiled = search("ынтымақтастық")
    n = Agreement.objects.filter(engine.Match(compiled.tsquery, tuple(compiled.matched_concepts))).count()
    assert n > 2
    monkeypatch.setattr(engine, "RESULT_CAP", 2)
    html = client.get("/search/", {"q": "ынтымақтастық"}).content.decode()
    assert f"{n} agreements found; the 2 most relevant are listed" in html
    response = client.get("/api/agreements/", {"q": "ынтымақтастық"})
    assert response["X-Count-Is-Lower-Bound"] == "true" and response["X-Total-Matches"] == str(n)
    assert response.json()["count"] == 2
    assert "X-Count-Is-Lower-Bound" not in client.get("/api/agreements/", {"q": "шифрлеу"})


@pytest.mark.parametrize("url", ["/agreements/", "/search/"])
def test_snippets_render_their_marks_on_every_page_that_shows_them(client, seed, url):
    page = client.get(url, {"q": "барлау"}).content.decode()
    assert "<mark>" in page
    assert "&lt;mark&gt;" not in page


@pytest.mark.parametrize("q", ["752", "№ 752", "№752", "N 752", "No. 752", "N752"])
def test_an_act_number_in_any_written_form_finds_the_act_and_its_agreement(client, seed, q):
    rows = client.get("/api/agreements/", {"q": q}).json()["results"]
    assert rows and rows[0]["slug"] == seed["intelligence_2024"].slug


def test_the_text_of_an_act_is_searchable(client, seed):
    # the Prime Minister who signed decree No. 752 is named only in the decree's own text
    rows = client.get("/api/agreements/", {"q": "Бектенов"}).json()["results"]
    assert [r["slug"] for r in rows] == [seed["intelligence_2024"].slug]


@pytest.mark.parametrize(
    "q",
    [
        "trade -trade",
        "военная разведка -разведка",
        "барлау -барлау",
        'барлау -"әскери барлау"',  # an excluded phrase: also what its thesaurus expansions match
        '"әскери барлау" -"military intelligence"',
    ],
)
def test_an_exclusion_excludes_what_its_expansions_and_topics_match(client, seed, q):
    assert client.get("/api/agreements/", {"q": q}).json()["results"] == []
    positive = q.split(" -")[0]
    assert client.get("/api/agreements/", {"q": positive}).json()["results"]  # the positive part alone finds some


def test_an_editors_new_synonym_is_searched_at_once(client, seed):
    """The thesaurus is read from the Topic rows (not only from fixtures/topics.json): a
    synonym an editor adds in the admin expands searches from then on, in any script."""
    from archive.models import Topic

    topic = Topic.objects.get(slug="military-intelligence")
    filed = set(topic.agreements.filter(published_at__isnull=False).values_list("slug", flat=True))
    assert filed >= {seed["intelligence_2024"].slug}
    assert results(client, "спецразведка") == []
    topic.synonyms = {**topic.synonyms, "ru": [*topic.synonyms.get("ru", []), "спецразведка"]}
    topic.save()
    assert set(results(client, "спецразведка")) == filed
    assert set(results(client, "спецразведки")) == filed  # inflected, as the synonym's language inflects it
    topic.delete()
    assert results(client, "спецразведка") == []


def test_query_only_concepts_stay_query_only_when_read_from_the_topic_rows(seed):
    from archive.search import thesaurus

    thesaurus.refresh()
    assert thesaurus._key(None).startswith("db:")  # read from the database, not the file
    assert not thesaurus.get_concept("denunciation").suggest
    assert thesaurus.get_concept("customs").suggest
    assert thesaurus.suggest_topics("Соглашение о порядке разрешения споров", "ru") == []


def test_hits_are_the_best_articles_and_never_a_draft_text_of_a_published_agreement(seed):
    """explain(): at most HITS_PER_AGREEMENT articles an agreement, the one where the words
    weigh most first; a draft translation of a draft agreement gives snippets (to editors),
    and none once the agreement is published while that text is still a draft (its vectors
    written earlier notwithstanding)."""
    from archive.models import Agreement, Article, Text
    from archive.search.engine import HITS_PER_AGREEMENT, explain
    from archive.search.index import reindex_agreements
    from archive.search.query import search

    agreement = Agreement.objects.filter(published_at__isnull=False).order_by("pk").first()
    published_at = agreement.published_at
    Agreement.objects.filter(pk=agreement.pk).update(published_at=None)
    draft = Text.objects.create(agreement=agreement, language="de", title="Abkommen", published_at=None)
    bodies = [
        "Zollkontrolle.",
        "Zollkontrolle und Zollkontrolle der Zollkontrolle.",
        "Nichts davon.",
        "Zollkontrolle, Zollkontrolle.",
    ]
    for i, body in enumerate(bodies):
        Article.objects.create(text=draft, position=i, number=str(i + 1), body=body)
    reindex_agreements([agreement.pk])
    compiled = search("Zollkontrolle")

    def hits():
        [row] = list(Agreement.objects.filter(pk=agreement.pk))
        explain([row], compiled)
        return row

    row = hits()
    assert [h.number for h in row.hits] == ["2", "4", "1"][:HITS_PER_AGREEMENT]
    assert row.hits[0].language == "de" and "<mark>Zollkontrolle</mark>" in row.snippet
    Agreement.objects.filter(pk=agreement.pk).update(published_at=published_at)
    assert hits().hits == []
