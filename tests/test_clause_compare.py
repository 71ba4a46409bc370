"""/compare/clauses/: one clause of every matching agreement side by side (seed corpus, real database)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("clause_compare")


def cards(html: str) -> list[str]:
    return re.findall(r'<section class="clause-card".*?</section>', html, re.S)


def test_termination_clauses_of_the_az_kz_agreements_link_to_their_articles(client, seed):
    response = client.get(URL, {"pair": "AZ-KZ", "clause": "termination"})
    assert response.status_code == 200
    html = response.content.decode()
    found = cards(html)
    # the three AZ–KZ agreements with a text, in order of signature; each shows its final article
    expected = [
        (seed["communications_2004"], "13"),
        (seed["treaty_2005"], "26"),
        (seed["intelligence_2024"], "11"),
    ]
    assert len(found) == len(expected)
    for card, (agreement, number) in zip(found, expected, strict=True):
        assert agreement.get_absolute_url() in card
        link = f'href="{agreement.get_absolute_url()}#art-{number}"'
        assert link in card
        # the anchor is a real id on the agreement page
        page = client.get(agreement.get_absolute_url()).content.decode()
        assert f'id="art-{number}"' in page
    assert "Күшіне енуі, қолданылу мерзімі және қолданысын тоқтату" in found[2]  # the article's own heading
    assert "мерзімге жасалады" in found[0]  # its text, and the evidence
    # the agreements without a text are listed as having no such article
    rest = html.split("clause-grid", 1)[1]
    assert seed["military_2004"].title[:40] in rest and "no text in the archive yet" in rest


def test_another_clause_picks_other_articles(client, seed):
    html = client.get(URL, {"pair": "AZ-KZ", "clause": "dispute_settlement"}).content.decode()
    found = cards(html)
    numbers = sorted(re.findall(r'#art-(\d+)"', "".join(found)))
    assert numbers == sorted(["11", "23", "10"])


def test_by_country_and_by_topic(client, seed):
    by_country = cards(client.get(URL, {"country": "KZ", "clause": "costs"}).content.decode())
    assert len(by_country) == 2  # the 2024 intelligence agreement (art. 6) and the 2004 communications (art. 5)
    topic = seed["intelligence_2024"].topics.first()
    by_topic = client.get(URL, {"topic": topic.slug, "clause": "costs"}).content.decode()
    assert seed["intelligence_2024"].get_absolute_url() + "#art-6" in by_topic


def test_drafts_are_not_compared_for_readers(client, seed):
    agreement = seed["intelligence_2024"]
    agreement.published_at = None
    agreement.save(update_fields=["published_at"])
    html = client.get(URL, {"pair": "AZ-KZ", "clause": "termination"}).content.decode()
    assert agreement.get_absolute_url() not in html
    assert len(cards(html)) == 2


def test_head_answers_and_bad_input_is_an_error_not_a_crash(client, seed):
    assert client.head(URL, {"pair": "AZ-KZ", "clause": "termination"}).status_code == 200
    assert client.head(URL).status_code == 200
    bad = client.get(URL, {"pair": "AZERBAIJAN", "clause": "nonsense"})
    assert bad.status_code == 200
    assert 'class="error"' in bad.content.decode() and not cards(bad.content.decode())
    assert client.post(URL).status_code == 405


def test_clause_names_in_the_interface_language(client, seed):
    html = client.get(URL, {"pair": "AZ-KZ", "clause": "termination"}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Срок действия и прекращение" in html
    assert "Сравнить положения" in html


def test_the_pair_page_links_to_the_comparison(client, seed):
    html = client.get(reverse("pair_detail", args=["AZ", "KZ"])).content.decode()
    assert f'href="{URL}?pair=AZ-KZ&amp;clause=termination"' in html
