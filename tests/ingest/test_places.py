"""English names of the places agreements are signed in (citations in English)."""

import pytest

from archive.ingest.places import english_city


@pytest.mark.parametrize(
    ("name", "english"),
    [("Баку", "Baku"), (" Астана ", "Astana"), ("Ереван", "Yerevan"), ("Москва", "Moscow")],
)
def test_a_known_city_has_its_english_name(name, english):
    assert english_city(name) == english


@pytest.mark.parametrize("name", [None, "", "Нигдебург"])
def test_an_unknown_or_missing_city_has_none(name):
    assert english_city(name) is None
