"""Tables the parser builds from the language profiles, built again here (the module builds
them once at import): the act leads and actions, the chapter headings, and the Russian
adjectives put back in the nominative."""

import pytest

from archive.ingest.naming import _naming
from archive.ingest.parties import _ru_adjective
from archive.ingest.patterns import _section_regexes


@pytest.mark.parametrize(
    ("key", "entry"),
    [
        ("title_leads", "On the ratification of"),
        ("after", "təsdiq edilməsi"),
        ("skip_before", "Қоса берілген"),
    ],
)
def test_the_act_naming_words_come_from_every_profile(key, entry):
    assert entry in _naming(key)


@pytest.mark.parametrize(
    "line",
    ["2-тарау. Жалпы ережелер", "3-бөлім", "Глава 3. Заключительные положения", "Գլուխ 2", "Chapter 4", "Fəsil 1"],
)
def test_every_profile_s_chapter_heading_is_read(line):
    assert any(rx.search(line) for rx in _section_regexes())


@pytest.mark.parametrize(
    ("word", "noun", "nominative"),
    [
        ("Папским", "Престол", "Папский"),
        ("Европейским", "Союз", "Европейский"),
        ("Суверенным", "Мальтийский орден", "Суверенный"),
        ("Соединённым", "Королевство", "Соединённое"),
        ("Великим", "Герцогство", "Великое"),
        ("Российской", "Федерация", "Российская"),
        ("Объединенными", "Эмираты", "Объединенные"),
    ],
)
def test_an_instrumental_adjective_agrees_with_its_noun(word, noun, nominative):
    assert _ru_adjective(word, noun) == nominative
