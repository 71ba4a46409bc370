"""_title_fact: the agreement's heading comes first, then a record card, then the act; a
longer title replaces the heading only when it continues the heading's words (a heading cut
off by the excerpt), not when it merely begins the same way."""

from __future__ import annotations

from archive.ingest.evidence import Candidates
from archive.ingest.metadata import _title_fact


def test_a_record_card_s_title_comes_before_the_act_s():
    c = Candidates()
    card = "Соглашение с Республикой Узбекистан о международном автомобильном сообщении"
    act = (
        "Соглашение между Правительством Республики Казахстан и Правительством Республики Узбекистан "
        "о международном автомобильном сообщении"
    )
    c.add("title", act, 0.75, "act", 200, 320)
    c.add("title", card, 0.85, "registry", 0, 90)
    fact = _title_fact(c, None, act)
    assert fact.value == card
    assert [e.source for e in fact.evidence] == ["registry", "act"]


def test_a_longer_act_title_on_another_field_does_not_replace_the_heading():
    c = Candidates()
    heading = "Соглашение о сотрудничестве в области образования"
    act = "Соглашение о сотрудничестве в сфере культуры и искусства"
    c.add("title", heading, 0.8, "heading", 0, 48)
    c.add("title", act, 0.75, "act", 200, 260)
    assert _title_fact(c, heading, act).value == heading


def test_a_heading_cut_off_by_the_excerpt_takes_the_act_s_whole_title():
    c = Candidates()
    heading = "Соглашение о сотрудничестве в области образо"
    act = "Соглашение о сотрудничестве в области образования и науки"
    c.add("title", heading, 0.8, "heading", 0, 44)
    c.add("title", act, 0.75, "act", 200, 260)
    assert _title_fact(c, heading, act).value == act
