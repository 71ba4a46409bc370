"""The segmenter: headings, titles, acts, final clauses, notes, registry cards."""

from __future__ import annotations

import pytest

from archive.ingest.normalise import normalise
from archive.ingest.patterns import article_heading
from archive.ingest.pipeline import parse_text
from archive.ingest.segment import segment


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1-бап", ("1", None)),
        ("1-бап Мақсаты", ("1", "Мақсаты")),
        ("12-1-бап Қосымша", ("12-1", "Қосымша")),
        ("Статья 1", ("1", None)),
        ("Статья 1. Цели", ("1", "Цели")),
        ("СТАТЬЯ 12bis", ("12bis", None)),
        ("Article 1", ("1", None)),
        ("ARTICLE 1", ("1", None)),
        ("Article 1 Definitions", ("1", "Definitions")),
        ("ARTICLE IV", ("IV", None)),
        ("Հոդված 1", ("1", None)),
        ("Հոդված 1. Նպատակը", ("1", "Նպատակը")),
        ("Madde 1", ("1", None)),
        ("Maddə 1", ("1", None)),
        ("1-modda", ("1", None)),
        ("1-берене", ("1", None)),
        # in-sentence references are never headings
        ("статьи 15 Соглашения", None),
        ("Статья 5 настоящего Соглашения применяется", None),
        ("8-бабының ережелері", None),
        ("13-бапқа сәйкес", None),
        ("осы Келісімнің 3-бабында", None),
        ("Articles 1 and 2", None),
    ],
)
def test_article_heading(line, expected):
    assert article_heading(line) == expected


def _seg(text: str):
    return segment(normalise(text).text)


def test_heading_text_on_the_next_line():
    seg = _seg("СОГЛАШЕНИЕ о чем-то\n\nСтатья 1\nЦели\n\nСтороны сотрудничают.\n\nСтатья 2\nФинансирование\n\nРасходы.")
    assert [(a.number, a.heading, a.text) for a in seg.articles] == [
        ("1", "Цели", "Стороны сотрудничают."),
        ("2", "Финансирование", "Расходы."),
    ]


def test_numbering_must_run_in_sequence():
    text = "Соглашение о чем-то\n\nСтатья 1\n\nТекст.\n\nСтатья 7 Соглашения о торговле\n\nСтатья 2\n\nЕще текст."
    seg = _seg(text)
    assert [a.number for a in seg.articles] == ["1", "2"]


def test_a_restart_at_one_in_the_same_language_is_an_annex_of_the_text():
    text = "Agreement on X\n\nArticle 1\n\nA.\n\nArticle 2\n\nB.\n\nAnnex\n\nArticle 1\n\nC."
    seg = _seg(text)
    assert [a.number for a in seg.articles] == ["1", "2", "1"]
    assert seg.versions == []


def test_truncated_start_keeps_the_first_heading():
    text = "...соңы.\n\n5-бап\n\nМәтін.\n\n6-бап\n\nМәтін."
    assert [a.number for a in _seg(text).articles] == ["5", "6"]


def test_registry_card_above_the_text():
    text = (
        "Вид документа: Соглашение\nСтатус: Действует\nДата подписания: 16.09.2016\n\n"
        "СОГЛАШЕНИЕ\nмежду ...\n\nСтатья 1\n\nТекст."
    )
    seg = _seg(text)
    assert seg.registry == {"вид документа": "Соглашение", "статус": "Действует", "дата подписания": "16.09.2016"}
    assert seg.articles[0].number == "1"


def test_title_split_over_centred_lines_is_joined():
    text = (
        "                      СОГЛАШЕНИЕ\n"
        "       между Правительством Республики Казахстан и Правительством\n"
        "        Республики Узбекистан о сотрудничестве\n\n"
        "      Правительство Республики Казахстан и Правительство Республики Узбекистан,\n\n"
        "Статья 1\n\nТекст."
    )
    assert _seg(text).title == (
        "СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством Республики Узбекистан о сотрудничестве"
    )


def test_act_only_document_gets_its_agreement_from_the_act():
    text = (
        "О ратификации Договора о дружбе между Республикой Казахстан и Республикой Армения\n\n"
        "Закон Республики Казахстан от 3 июля 2000 года № 77-II\n\n"
        "Ратифицировать Договор о дружбе между Республикой Казахстан и Республикой Армения, "
        "подписанный в Ереване 2 сентября 1999 года.\n\nПрезидент Республики Казахстан"
    )
    result = parse_text(text)
    assert result.document_kinds == ["act"]
    assert (result.act.type, result.act.action, result.act.number) == ("law", "ratify", "77-II")
    a = result.agreement
    assert a.title == "Договор о дружбе между Республикой Казахстан и Республикой Армения"
    assert (a.kind, a.parties, a.signed_place) == ("treaty", ["KZ", "AM"], "Ереван")
    assert a.signed_date.isoformat() == "1999-09-02"


def test_explanatory_note_without_articles():
    text = (
        "ПОЯСНИТЕЛЬНАЯ ЗАПИСКА\nк проекту Соглашения между Правительством Республики Казахстан и "
        "Правительством Республики Узбекистан о сотрудничестве в области образования\n\n"
        "Проект Соглашения предусматривает обмен опытом. Подписание Соглашения отвечает интересам сторон."
    )
    result = parse_text(text)
    assert "explanatory_note" in result.document_kinds
    assert result.agreement.parties == ["KZ", "UZ"]
    assert result.agreement.articles == []


def test_kazakh_amending_protocol_amends_the_dated_agreement():
    text = (
        "2004 жылғы 1 наурыздағы Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі "
        "арасындағы әскери саладағы ынтымақтастық туралы келісімге өзгерістер енгізу туралы хаттама\n\n"
        "Бұдан әрі Тараптар деп аталатын Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының "
        "Үкіметі\n\nтөмендегілер туралы келісті:\n\n1-бап\n\nКелісімге өзгерістер енгізілсін."
    )
    result = parse_text(text)
    assert result.agreement.kind == "protocol"
    assert [(r.relation, r.date.isoformat()) for r in result.related] == [("amends", "2004-03-01")]
    assert result.related[0].title.endswith("ынтымақтастық туралы келісім")
