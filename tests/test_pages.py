"""Every page answers with its content in a bounded number of queries."""

import pytest

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def get(client, url, django_assert_max_num_queries, status=200):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == status, url
    return response


def test_home_shows_figures_latest_and_pairs(client, django_assert_max_num_queries):
    html = get(client, "/", django_assert_max_num_queries).content.decode()
    assert "<title>" in html and 'role="search"' in html
    assert "/countries/AZ-KZ/" in html
    assert "/countries/AM-KZ/" in html
    assert "Агрегат" not in html


def test_agreement_list_paginates_and_counts(client, django_assert_max_num_queries, seed):
    html = get(client, "/agreements/", django_assert_max_num_queries).content.decode()
    assert seed["intelligence_2024"].get_absolute_url() in html
    assert "7 agreements" in html


def test_agreement_detail_has_articles_with_anchors(client, django_assert_max_num_queries, seed):
    agreement = seed["intelligence_2024"]
    html = get(client, agreement.get_absolute_url(), django_assert_max_num_queries).content.decode()
    for n in range(1, 12):
        assert f'id="art-{n}"' in html
    assert "Мақсаты" in html
    assert "752" in html  # the approving decree
    assert seed["military_2004"].get_absolute_url() in html  # based on
    assert "/sources/" in html


def test_stub_detail_shows_reverse_relation(client, django_assert_max_num_queries, seed):
    html = get(client, seed["treaty_1996"].get_absolute_url(), django_assert_max_num_queries).content.decode()
    assert seed["treaty_2005"].get_absolute_url() in html
    assert "superseded by" in html.lower()


def test_country_and_pair_pages(client, django_assert_max_num_queries, seed):
    html = get(client, "/countries/KZ/", django_assert_max_num_queries).content.decode()
    assert "/countries/KZ-AZ/" in html or "/countries/KZ-AM/" in html
    html = get(client, "/countries/az-kz/", django_assert_max_num_queries).content.decode()
    # date order: 1996 before 2004 before 2005 before 2024
    positions = [
        html.index(seed[k].get_absolute_url())
        for k in ("treaty_1996", "communications_2004", "treaty_2005", "intelligence_2024")
    ]
    assert positions == sorted(positions)


# what a broader topic's page takes from its narrower topics: test_regressions.py
# (test_a_broader_topic_page_lists_what_is_filed_under_its_narrower_topics)
def test_topic_page_lists_an_agreement_filed_under_it(client, django_assert_max_num_queries, seed):
    html = get(client, "/topics/military-intelligence/", django_assert_max_num_queries).content.decode()
    assert seed["intelligence_2024"].get_absolute_url() in html


def test_source_download_returns_original_bytes(client, seed):
    source = seed["intelligence_2024"].sources.get()
    response = client.get(source.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == source.file.open("rb").read()
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    "url",
    [
        "/agreements/no-such-agreement/",
        "/countries/QQ/",
        "/countries/KZ-KZ/",
        "/countries/KZ-QQ/",
        "/topics/nothing-here/",
        "/sources/" + "0" * 64 + "/",
        "/nowhere/",
    ],
)
def test_unknown_addresses_give_a_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"Not found" in response.content


def test_pair_page_draws_a_wide_and_a_narrow_timeline_of_its_agreements(client, django_assert_max_num_queries, seed):
    import re
    import xml.etree.ElementTree as ET

    from archive.models import Agreement
    from archive.reading.drawings import NARROW_WIDTH

    html = get(client, "/countries/AZ-KZ/", django_assert_max_num_queries).content.decode()
    drawings = re.findall(r'<div class="drawing-(wide|narrow)">(<svg.*?</svg>)\s*</div>', html, re.S)
    assert [kind for kind, _svg in drawings] == ["wide", "narrow"]
    pair = Agreement.objects.filter(pair="AZ-KZ", published_at__isnull=False)
    for kind, svg in drawings:
        root = ET.fromstring(svg)
        assert float(root.get("width")) == (NARROW_WIDTH if kind == "narrow" else 900)
        links = {a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")}
        assert links == {a.get_absolute_url() for a in pair}
    first, second = (ET.fromstring(svg).get("aria-labelledby") for _kind, svg in drawings)
    assert first != second  # one page, no shared ids
