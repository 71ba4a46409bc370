"""The JSON API answers with exactly the contract's fields."""

import pytest

pytestmark = pytest.mark.django_db

LIST_FIELDS = {
    "slug",
    "url",
    "title",
    "title_en",
    "kind",
    "parties",
    "signed_date",
    "signed_place",
    "status",
    "topics",
    "snippet",
}


def test_list_has_the_contract_shape(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        body = client.get("/api/agreements/").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 7
    for row in body["results"]:
        assert set(row) == LIST_FIELDS
        assert all(len(code) == 2 for code in row["parties"])


def test_detail_adds_texts_articles_acts_relations_sources(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        body = client.get(f"/api/agreements/{seed['intelligence_2024'].slug}/").json()
    assert set(body) >= LIST_FIELDS
    assert body["parties"] == ["KZ", "AZ"]
    assert len(body["texts"][0]["articles"]) == 11
    assert body["acts"][0]["number"] == "752"
    assert {r["predicate"] for r in body["relations"]} == {"based_on"}
    assert body["sources"][0]["url"].endswith("/")


def test_api_is_read_only_for_anonymous_users(client, seed):
    assert client.post("/api/agreements/", {}).status_code in (401, 403, 405)
    assert client.delete(f"/api/agreements/{seed['treaty_2005'].slug}/").status_code in (401, 403, 405)


def test_unknown_slug_is_404(client):
    assert client.get("/api/agreements/nope/").status_code == 404


def test_schema_is_served(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/agreements/" in response.content


def test_search_results_carry_snippets(client, seed):
    row = client.get("/api/agreements/?q=шифрлеу").json()["results"][0]
    assert row["slug"] == seed["communications_2004"].slug
    assert "<mark>" in row["snippet"]


def test_countries_topics_and_pairs_endpoints(client):
    countries = client.get("/api/countries/").json()["results"]
    assert {c["code"] for c in countries} == {"AM", "AZ", "KZ"}
    kz = client.get("/api/countries/kz/").json()
    assert kz["names"]["hy"] == "Ղազախստան" and kz["agreements"] == 7
    topic = client.get("/api/topics/military-intelligence/").json()
    assert topic["parent"] == "defence" and topic["agreements"] == 2
    assert set(topic["labels"]) >= {"en", "ru", "kk", "hy", "az"}
    pairs = {p["pair"]: p["agreements"] for p in client.get("/api/pairs/").json()}
    assert pairs == {"AZ-KZ": 5, "AM-KZ": 2}
    assert client.get("/api/pairs/?country=AM").json() == [
        {"pair": "AM-KZ", "agreements": 2, "url": "/countries/AM-KZ/"}
    ]


def test_schema_documents_every_endpoint(client):
    import yaml

    schema = yaml.safe_load(client.get("/api/schema/").content)
    paths = set(schema["paths"])
    assert {
        "/api/agreements/",
        "/api/agreements/{slug}/",
        "/api/countries/",
        "/api/countries/{code}/",
        "/api/topics/",
        "/api/topics/{slug}/",
        "/api/pairs/",
    } <= paths
    params = {p["name"] for p in schema["paths"]["/api/agreements/"]["get"]["parameters"]}
    assert {
        "q",
        "party",
        "pair",
        "topic",
        "kind",
        "status",
        "language",
        "signed_from",
        "signed_to",
        "ordering",
        "page",
    } <= params
    assert client.get("/api/docs/").status_code == 200
