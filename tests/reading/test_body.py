"""The agreement text as the reader sees it (archive.reading.body): article headings as
written, chapters, paragraph anchors, links to the agreement's own articles, marks."""

import pytest

from archive.ingest.segment import segment
from archive.reading.body import (
    Link,
    article_label,
    article_references,
    contents_label,
    markup,
    paragraphs,
    split_chapter,
)
from archive.search.query import search


def refs(text, language, numbers):
    return [(text[s:e], n) for s, e, n in article_references(text, language, numbers)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "in accordance with Article 5 of this Agreement", [("Article 5", "5")]),
        ("en", "as provided in Articles 6 and 7,", [("Articles 6", "6"), ("7", "7")]),
        ("en", "Article 31 of the Vienna Convention on the Law of Treaties", []),
        ("en", "under Article 12 of the present Agreement", [("Article 12", "12")]),
        ("ru", "в соответствии со статьей 5 настоящего Соглашения", [("статьей 5", "5")]),
        ("ru", "предусмотренных статьями 3 и 4,", [("статьями 3", "3"), ("4", "4")]),
        ("ru", "согласно статье 7 Конвенции о правовой помощи", []),
        ("kk", "осы Келісімнің 8-бабына сәйкес", [("8-бабына", "8")]),
        ("kk", "осы Келісімнің 3-бабында айқындалған", [("3-бабында", "3")]),
        ("kk", "1993 жылғы Конвенцияның 3-бабы бойынша", []),
        ("hy", "սույն Համաձայնագրի 5-րդ հոդվածի համաձայն", [("5-րդ հոդվածի", "5")]),
        ("fr", "conformément à l'article 9 du présent Accord", [("article 9", "9")]),
        ("nl", "bedoeld in artikel 4 van dit Verdrag", [("artikel 4", "4")]),
    ],
)
def test_references_to_own_articles(language, text, expected):
    assert refs(text, language, ["3", "4", "5", "6", "7", "8", "9", "12", "31"]) == expected


def test_a_reference_to_an_article_the_text_does_not_have_is_not_linked():
    assert refs("in accordance with Article 40 of this Agreement", "en", ["1", "2", "4"]) == []
    # "Article 4" must not be read out of "Article 40"
    assert refs("Article 40", "en", ["4"]) == []


def test_markup_escapes_text_and_keeps_links_and_marks_apart():
    text = "<b>Article 5</b> & more"
    html = markup(text, [Link(3, 12, "#art-5")], [(11, 12), (19, 23)])
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert '<a class="xref" href="#art-5">Article <mark class="hit">5</mark></a>' in html
    assert '<mark class="hit">more</mark>' in html


def test_markup_escapes_link_attributes():
    html = markup("quoted", [Link(0, 6, '/a/"onmouseover=x', title='"><script>')])
    assert "<script>" not in html and 'href="/a/&quot;onmouseover=x"' in html


def test_paragraph_anchors_and_own_article_links():
    body = "1. The Parties shall cooperate.\n2. In the cases of Article 3, they consult.\n\n3. Done."
    paras = paragraphs(body, "art-2", "en", numbers=["1", "2", "3"])
    assert [p.anchor for p in paras] == ["art-2-1", "art-2-2", "art-2-3"]
    assert '<a class="xref" href="#art-3">Article 3</a>' in paras[1].html
    # a second language version's anchors and links carry its prefix
    ru = paragraphs("См. статью 3.", "ru-art-2", "ru", numbers=["3"], prefix="ru-")
    assert ru[0].anchor == "ru-art-2-1" and 'href="#ru-art-3"' in ru[0].html


def test_an_article_does_not_link_to_itself():
    paras = paragraphs("This Article 2 applies.", "art-2", "en", numbers=["2"])
    assert "<a" not in paras[0].html


def test_marks_are_counted_per_paragraph():
    lexemes = search("барлау").lexemes  # what a search for the word looks for
    paras = paragraphs("Әскери барлау.\nБарлау ақпараты және барлаудың.", "art-1", "kk", lexemes=lexemes)
    assert [p.hits for p in paras] == [1, 2]


def test_label_as_written_else_the_languages_own_heading():
    assert article_label("5", "Статья 5", "ru") == "Статья 5"
    assert article_label("5", "", "kk") == "5-бап"
    assert article_label("5", "", "hy") == "Հոդված 5"
    assert article_label("5", "", "xx") == "5"


def test_contents_of_a_headingless_part_use_its_first_words():
    assert contents_label("Article 3", "Entry into force", "…") == "Article 3. Entry into force"
    body = "The Parties shall exchange information on matters of common interest without delay."
    assert contents_label("3", "", body) == "3. The Parties shall exchange information on matters of …"
    assert contents_label("3", "", "Short body.") == "3. Short body."


def test_chapter_title_and_note():
    assert split_chapter("ГЛАВА I\nОБЩИЕ ПОЛОЖЕНИЯ") == ("ГЛАВА I — ОБЩИЕ ПОЛОЖЕНИЯ", "")
    assert split_chapter("2-тарау. Жалпы ережелер") == ("2-тарау. Жалпы ережелер", "")
    assert split_chapter("HOOFDSTUK II\nDefinities\nTreedt in werking op 1-1-2020") == (
        "HOOFDSTUK II — Definities",
        "Treedt in werking op 1-1-2020",
    )
    assert split_chapter("") == ("", "")


RU_WITH_CHAPTERS = """СОГЛАШЕНИЕ
между Правительством Республики Казахстан и Правительством Азербайджанской Республики
о сотрудничестве в области таможенного дела

Правительство Республики Казахстан и Правительство Азербайджанской Республики, далее именуемые Сторонами,

согласились о нижеследующем:

ГЛАВА I
ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Определения

Для целей настоящего Соглашения применяются следующие термины.

Статья 2. Сфера применения

Стороны сотрудничают в соответствии со статьей 1 настоящего Соглашения.

ГЛАВА II
ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ

Статья 3. Вступление в силу

Настоящее Соглашение вступает в силу с даты получения последнего уведомления.
"""

KK_WITH_CHAPTERS = """Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы
кеден ісі саласындағы ынтымақтастық туралы келісім

Тараптар төмендегілер туралы келісті:

1-тарау. Жалпы ережелер

1-бап. Анықтамалар

Осы Келісімнің мақсаттары үшін мынадай терминдер пайдаланылады.

2-тарау. Қорытынды ережелер

2-бап. Күшіне енуі

Осы Келісім соңғы хабарлама алынған күннен бастап күшіне енеді.
"""


def test_segment_keeps_chapters_apart_from_article_bodies():
    seg = segment(RU_WITH_CHAPTERS)
    chapters = [a.chapter for a in seg.articles]
    assert chapters == ["ГЛАВА I\nОБЩИЕ ПОЛОЖЕНИЯ", None, "ГЛАВА II\nЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ"]
    assert "ГЛАВА" not in seg.articles[1].text and "ГЛАВА" not in "\n".join(seg.preamble)
    assert [a.label for a in seg.articles] == ["Статья 1", "Статья 2", "Статья 3"]

    kk = segment(KK_WITH_CHAPTERS)
    assert [a.chapter for a in kk.articles] == ["1-тарау. Жалпы ережелер", "2-тарау. Қорытынды ережелер"]
    assert [a.label for a in kk.articles] == ["1-бап", "2-бап"]
    assert kk.articles[0].text == "Осы Келісімнің мақсаттары үшін мынадай терминдер пайдаланылады."


def test_a_sentence_opening_with_a_section_word_stays_in_the_article():
    text = RU_WITH_CHAPTERS.replace(
        "Стороны сотрудничают в соответствии со статьей 1 настоящего Соглашения.",
        "Стороны сотрудничают.\n\nЧасть 2 настоящей статьи применяется с учетом национального законодательства.",
    )
    seg = segment(text)
    assert "Часть 2 настоящей статьи" in seg.articles[1].text
