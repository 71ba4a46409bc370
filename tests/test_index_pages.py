"""Index pages, sitemap and sharing metadata: what a reader and a search engine find."""

import xml.etree.ElementTree as ET

import pytest

from archive.models import Agreement, Topic

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_country_index_lists_every_party_with_its_count(client, seed):
    page = client.get("/countries/").content.decode()
    for code in ("AZ", "KZ", "AM"):
        assert f'href="/countries/{code}/"' in page
    published = Agreement.objects.public().filter(parties__country_id="AZ").distinct().count()
    assert f'href="/countries/AZ/">Azerbaijan</a> <span class="count">{published}</span>' in page


def test_the_country_index_speaks_the_interface_language(client, seed):
    page = client.get("/countries/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert ">Азербайджан</a>" in page


def test_the_topic_index_is_the_thesaurus_tree_with_counts_including_narrower_topics(client, seed):
    page = client.get("/topics/").content.decode()
    agreement = seed["intelligence_2024"]
    narrower = agreement.topics.filter(parent__isnull=False).select_related("parent").first()
    agreement.topics.remove(narrower.parent)
    page = client.get("/topics/").content.decode()
    parent_at = page.index(f'href="{narrower.parent.get_absolute_url()}"')
    child_at = page.index(f'href="{narrower.get_absolute_url()}"')
    assert parent_at < child_at  # the narrower topic is listed under its broader one
    parent_count = int(page[parent_at:].split('class="count">', 1)[1].split("<", 1)[0])
    assert parent_count >= 1  # counted through the narrower topic alone
    assert page.count("<li>") >= Topic.objects.count()


def test_the_sitemap_lists_published_agreements_and_never_a_draft(client, seed):
    draft = seed["treaty_1996"]
    Agreement.objects.filter(pk=draft.pk).update(published_at=None)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert any(u.endswith(seed["intelligence_2024"].get_absolute_url()) for u in urls)
    assert not any(u.endswith(draft.get_absolute_url()) for u in urls)
    assert any(u.endswith("/countries/KZ/") for u in urls) and any(u.endswith("/topics/") for u in urls)


def test_an_agreement_page_carries_canonical_and_sharing_metadata(client, seed):
    agreement = seed["intelligence_2024"]
    page = client.get(agreement.get_absolute_url(), {"q": "барлау"}).content.decode()
    assert f'<link rel="canonical" href="http://testserver{agreement.get_absolute_url()}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert f'<meta property="og:title" content="{agreement.title[:60]}' in page
    assert 'media="print"' in page


@pytest.mark.parametrize(
    ("language", "written"),
    [("kk", "2024 жылғы 7 маусым"), ("ru", "7 июня 2024"), ("en", "7 June 2024"), ("hy", "7 հունիսի 2024")],
)
def test_dates_are_written_as_the_interface_language_writes_them(client, seed, language, written):
    agreement = seed["intelligence_2024"]
    page = client.get(agreement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<time datetime="2024-06-07">{written}' in page
    assert "Маусым" not in page  # not Django's capitalised stand-alone month


def test_every_reading_page_has_breadcrumbs_back_to_its_index(client, seed):
    agreement = seed["intelligence_2024"]
    topic = agreement.topics.filter(parent__isnull=False).select_related("parent").first()
    pages = {
        agreement.get_absolute_url(): ['href="/agreements/"', 'href="/countries/AZ-KZ/"'],
        "/countries/KZ/": ['href="/countries/"'],
        "/countries/AZ-KZ/": ['href="/countries/"', 'href="/countries/AZ/"', 'href="/countries/KZ/"'],
        topic.get_absolute_url(): ['href="/topics/"', f'href="{topic.parent.get_absolute_url()}"'],
    }
    for url, links in pages.items():
        page = client.get(url).content.decode()
        crumbs = page.split('<nav class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
        assert 'href="/"' in crumbs, url
        for link in links:
            assert link in crumbs, (url, link)


def test_the_citation_offers_a_copy_button_without_inline_script(client, seed):
    page = client.get(seed["intelligence_2024"].get_absolute_url()).content.decode()
    assert 'id="cite-plain" data-copy="Copy citation"' in page
    assert '<script src="/static/js/copy.js" defer></script>' in page
    assert "<script>" not in page  # the strict CSP allows no inline script
