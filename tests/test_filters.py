"""Each filter of /agreements/ and /api/agreements/, alone and combined."""

import pytest

pytestmark = pytest.mark.django_db


def slugs(client, query):
    response = client.get("/api/agreements/?" + query)
    assert response.status_code == 200, response.content
    return {row["slug"] for row in response.json()["results"]}


def test_pair_filter_lists_the_kz_az_agreements_and_stubs(client, seed):
    found = slugs(client, "pair=AZ-KZ")
    expected = {
        seed[k].slug
        for k in ("intelligence_2024", "treaty_2005", "communications_2004", "military_2004", "treaty_1996")
    }
    assert found == expected
    assert slugs(client, "pair=kz-az") == expected  # order and case do not matter


def test_party_filter_requires_every_party(client, seed):
    assert seed["am_kz_intelligence"].slug in slugs(client, "party=KZ")
    both = slugs(client, "party=KZ&party=AM")
    assert both == {seed["am_kz_intelligence"].slug, seed["am_kz_treaty_1999"].slug}


def test_kind_status_topic_language_and_dates(client, seed):
    assert slugs(client, "kind=treaty") >= {seed["treaty_2005"].slug, seed["treaty_1996"].slug}
    assert seed["intelligence_2024"].slug not in slugs(client, "kind=treaty")
    assert slugs(client, "status=superseded") == {seed["treaty_1996"].slug}
    assert seed["intelligence_2024"].slug in slugs(client, "topic=military-intelligence")
    assert seed["am_kz_intelligence"].slug in slugs(client, "topic=military-intelligence")
    assert seed["treaty_2005"].slug not in slugs(client, "topic=military-intelligence")
    kk = slugs(client, "language=kk")
    assert kk == {seed[k].slug for k in ("intelligence_2024", "treaty_2005", "communications_2004")}
    assert slugs(client, "signed_from=2004-01-01&signed_to=2004-12-31") == {
        seed["communications_2004"].slug,
        seed["military_2004"].slug,
    }


def test_combined_filters(client, seed):
    assert slugs(client, "pair=AZ-KZ&kind=agreement&signed_from=2005-01-01") == {seed["intelligence_2024"].slug}
    assert slugs(client, "party=AM&language=kk") == set()


def test_ordering(client):
    rows = client.get("/api/agreements/?ordering=signed_date").json()["results"]
    dates = [r["signed_date"] for r in rows if r["signed_date"]]
    assert dates == sorted(dates)
    rows = client.get("/api/agreements/?ordering=-signed_date").json()["results"]
    dates = [r["signed_date"] for r in rows if r["signed_date"]]
    assert dates == sorted(dates, reverse=True)


def test_html_list_keeps_filters_in_the_url(client, seed):
    html = client.get("/agreements/?pair=AZ-KZ&kind=treaty").content.decode()
    assert seed["treaty_2005"].get_absolute_url() in html
    assert seed["intelligence_2024"].get_absolute_url() not in html
    assert 'value="AZ-KZ"' in html


@pytest.mark.parametrize("value", ["kk", "Kazakh", "kazakh", "казахский", "қазақ тілі"])
def test_language_filter_takes_a_code_or_a_name_in_any_interface_language(client, seed, value):
    rows = client.get("/api/agreements/", {"language": value, "page_size": 100}).json()["results"]
    slugs = {r["slug"] for r in rows}
    assert seed["intelligence_2024"].slug in slugs
    assert seed["am_kz_intelligence"].slug not in slugs or value == "kk"


def test_with_words_and_no_order_asked_the_sort_box_says_relevance(client, seed):
    page = client.get("/search/", {"q": "барлау"}).content.decode()
    assert '<option value="relevance" selected>' in page
    page = client.get("/agreements/").content.decode()
    assert '<option value="relevance" selected>' not in page  # no words: the newest first
    page = client.get("/search/", {"q": "барлау", "ordering": "signed_date"}).content.decode()
    assert '<option value="signed_date" selected>' in page
