"""find_relations on Russian clauses: a trilateral agreement is multilateral, a date that
names no agreement does not stop the reading, two agreements are two relations, and the same
agreement named twice with the same strength keeps its first place."""

from __future__ import annotations

import datetime as dt

from archive.ingest.relations import find_relations

_GUIDED = (
    "Стороны, руководствуясь Соглашением между Республикой Беларусь, Республикой Казахстан и Российской"
    " Федерацией о единых принципах валютной политики от 25 января 2008 года, согласились о нижеследующем."
)
_ENDS = (
    "Настоящее Соглашение вступает в силу с 1 января 2016 года. С даты вступления в силу настоящего"
    " Соглашения прекращает действие Соглашение между Правительством Республики Казахстан и Правительством"
    " Российской Федерации о сотрудничестве в области культуры от 28 марта 1994 года."
)


def test_two_agreements_named_in_two_chunks():
    rels = find_relations([(_GUIDED, None), (_ENDS, "12")], "ru")
    assert [(r.relation, r.date, r.article_number) for r in rels] == [
        ("based_on", dt.date(2008, 1, 25), None),
        ("supersedes", dt.date(1994, 3, 28), "12"),
    ]
    trilateral, bilateral = rels
    assert trilateral.parties == ["BY", "KZ", "RU"]
    assert trilateral.multilateral
    assert bilateral.parties == ["KZ", "RU"]
    assert not bilateral.multilateral


def test_a_date_of_entry_into_force_does_not_stop_the_reading():
    [r] = find_relations([(_ENDS, "12")], "ru")
    assert r.title == (
        "Соглашение между Правительством Республики Казахстан и Правительством Российской Федерации"
        " о сотрудничестве в области культуры"
    )


def test_the_same_agreement_named_twice_keeps_its_first_article():
    [r] = find_relations([(_GUIDED, "1"), (_GUIDED, "5")], "ru")
    assert (r.relation, r.article_number) == ("based_on", "1")


def test_a_bare_kind_word_before_a_date_does_not_stop_the_reading():
    # "частью Соглашения от 12 мая 2015 года": no name, not a citation; the 1994 agreement is
    text = (
        "Настоящий Протокол является неотъемлемой частью Соглашения от 12 мая 2015 года и вступает в силу"
        " с даты подписания. С даты вступления в силу настоящего Протокола прекращает действие Соглашение"
        " между Правительством Республики Казахстан и Правительством Российской Федерации о сотрудничестве"
        " в области культуры от 28 марта 1994 года."
    )
    [r] = find_relations([(text, "3")], "ru")
    assert (r.relation, r.date) == ("supersedes", dt.date(1994, 3, 28))
