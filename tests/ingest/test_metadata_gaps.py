"""Small readings of extract_metadata one by one: a record card's number and kind (above an
agreement, above an act), the kind a text calls itself when half its self-references agree, a
title that names nothing confirms nothing, a mixed-case title is read as written."""

from __future__ import annotations

import pytest

from archive.ingest.metadata import _readable, _registry_facts, _self_kind, _similar


def test_a_card_above_an_agreement_gives_its_number_without_the_sign_and_its_kind():
    card = {"Номер": "№ 123-IV", "Вид документа": "Соглашение"}
    assert _registry_facts(card, about_act=False) == {"number": "123-IV", "kind": "agreement"}


def test_a_card_above_an_act_gives_the_act_s_number_and_not_the_agreement_s_kind():
    # "Закон о ратификации соглашения" names an agreement, but it is the act's own type
    card = {"Номер": "№ 123-IV", "Вид документа": "Закон о ратификации соглашения"}
    assert _registry_facts(card, about_act=True) == {"act_number": "123-IV"}


def test_half_of_the_self_references_with_the_most_is_a_majority():
    body = (
        "The objectives of this Agreement are set out below. This Agreement shall apply to trade. "
        "The Annex to this Protocol lists the goods. The Parties to this Convention meet yearly."
    )
    # two of four name the Agreement, one each the others: the first "this Agreement" is the witness
    assert _self_kind(body, "en") == ("agreement", 18, 32)
    assert body[18:32] == "this Agreement"


@pytest.mark.parametrize("empty", ["", "—", "№ 5"])
def test_a_title_with_no_words_is_like_no_other(empty):
    title = "Соглашение о сотрудничестве в области образования"
    assert _similar(empty, title) == 0.0
    assert _similar(title, empty) == 0.0


@pytest.mark.parametrize(
    "title",
    [
        "Договор о Евразийском экономическом союзе",
        "Agreement between the Government of the Republic of Kazakhstan and the Government of the USA",
    ],
)
def test_a_title_not_in_capitals_is_read_as_written(title):
    assert _readable(title) == title
