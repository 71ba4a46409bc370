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
