"""The agreement page reads like the published text (issue 12): the text's own article
headings, chapters as headings, paragraph permalinks, links between articles and to cited
agreements, find-in-document, and the second title in the interface language."""

import re

import pytest
from django.utils import timezone

from archive.ingest.pipeline import parse_text
from archive.ingest.store import store_result
from archive.models import Text
from tests.reading.test_body import RU_WITH_CHAPTERS

pytestmark = pytest.mark.django_db


def page(client, agreement, **params):
    response = client.get(agreement.get_absolute_url(), params)
    assert response.status_code == 200
    return response.content.decode()


def test_articles_are_headed_as_the_text_heads_them(client, seed):
    agreement = seed["intelligence_2024"]
    html = page(client, agreement)
    text = agreement.texts.get(language="kk")
    for article in text.articles.all():
        assert article.label == f"{article.number}-бап"  # the Kazakh text writes "1-бап"
        assert f'<a class="permalink" href="#art-{article.number}"' in html
        assert re.search(rf'href="#art-{article.number}"[^>]*>{article.number}-бап</a>', html)
    assert "§" not in html


def test_every_paragraph_has_its_permalink(client, seed):
    agreement = seed["intelligence_2024"]
    html = page(client, agreement)
    article = agreement.texts.get(language="kk").articles.get(number="2")
    lines = [line for line in article.body.split("\n") if line.strip()]
    for i in range(1, len(lines) + 1):
        assert f'id="art-2-{i}"' in html and f'href="#art-2-{i}"' in html
    assert f'id="art-2-{len(lines) + 1}"' not in html


def test_references_to_own_articles_are_links(client, seed):
    agreement = seed["intelligence_2024"]
    html = page(client, agreement)
    # 1-бап: "… осы Келісімнің 3-бабында айқындалған нысандарда …"
    first = agreement.texts.get(language="kk").articles.get(number="1").body
    assert "3-бабында" in first
    assert '<a class="xref" href="#art-3">3-бабында</a>' in html


def test_a_cited_agreement_is_linked_where_the_text_cites_it(client, seed):
    agreement, cited = seed["intelligence_2024"], seed["military_2004"]
    relation = agreement.relations_out.get(object=cited)
    assert relation.quote
    html = page(client, agreement)
    assert f'class="xref-agreement" href="{cited.get_absolute_url()}"' in html


def test_find_in_document_counts_and_marks_every_match(client, seed):
    agreement = seed["intelligence_2024"]
    html = page(client, agreement, q="барлау")
    marks = html.count('<mark class="hit">')
    assert marks >= 3
    assert re.search(rf"{marks} matches for “барлау”", html)
    # the list of where they are links to articles that do have marks
    where = re.search(r'<details class="find-hits">(.*?)</details>', html, re.S).group(1)
    for anchor in re.findall(r'href="#(art-[^"]+)"', where):
        section = re.search(rf'<section class="article" id="{anchor}">(.*?)</section>', html, re.S).group(1)
        assert '<mark class="hit">' in section
    assert 'class="find-nav" hidden' in html  # Previous / Next come with the script


def test_find_without_matches_and_hostile_words(client, seed):
    agreement = seed["intelligence_2024"]
    html = page(client, agreement, q='<script>qqzzx</script> "')
    assert "<script>qqzzx" not in html and "&lt;script&gt;qqzzx" in html
    assert "0 matches for" in html and "find-nav" not in html


@pytest.fixture
def chaptered(db):
    result = parse_text(RU_WITH_CHAPTERS, source="chapters.txt")
    outcome = store_result(result, RU_WITH_CHAPTERS.encode(), "chapters.txt", publish=True)
    return outcome.agreement


def test_chapters_are_headings_of_their_own(client, chaptered):
    html = page(client, chaptered)
    assert html.count('<h3 class="chapter">') == 2
    # (the normaliser joins "ГЛАВА I" and its title, set in capitals on the next line)
    assert '<h3 class="chapter">ГЛАВА I ОБЩИЕ ПОЛОЖЕНИЯ</h3>' in html
    assert '<li class="toc-chapter">ГЛАВА II ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ</li>' in html
    body_of_2 = re.search(r'<section class="article" id="art-2">(.*?)</section>', html, re.S).group(1)
    assert "ГЛАВА" not in body_of_2
    assert ">Статья 2</a>" in body_of_2
    assert '<a class="xref" href="#art-1">статьей 1</a>' in body_of_2


def test_second_title_in_the_interface_language(client, seed):
    agreement = seed["treaty_2005"]
    english = agreement.title_en
    assert english and english != agreement.title
    # no Russian text yet: Russian readers see the English title under the Kazakh one
    client.cookies["django_language"] = "ru"
    html = page(client, agreement)
    assert f'<p class="title-en" lang="en">{english}</p>' in html
    russian = "Договор между Республикой Казахстан и Азербайджанской Республикой о стратегическом партнерстве"
    Text.objects.create(agreement=agreement, language="ru", title=russian, published_at=timezone.now())
    for url in (agreement.get_absolute_url(), "/agreements/"):
        html = client.get(url).content.decode()
        assert f'<p class="title-en" lang="ru">{russian}</p>' in html, url
    client.cookies["django_language"] = "en"
    assert f'<p class="title-en" lang="en">{english}</p>' in page(client, agreement)


def test_a_draft_text_in_the_interface_language_is_not_shown_as_the_second_title(client, seed):
    agreement = seed["treaty_2005"]
    Text.objects.create(agreement=agreement, language="ru", title="Черновик названия", published_at=None)
    client.cookies["django_language"] = "ru"
    assert "Черновик названия" not in client.get("/agreements/").content.decode()
