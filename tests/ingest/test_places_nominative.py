"""nominative_city for cities the tables do not list: only the locative ending goes."""

import pytest

from archive.ingest.places import nominative_city


@pytest.mark.parametrize(
    ("word", "language", "city"),
    [
        ("Գյումրիում", None, "Գյումրի"),  # Armenian -ում, whatever the language said
        ("Վանաձորում", "hy", "Վանաձոր"),
        ("Павлодаре", "ru", "Павлодар"),  # Russian prepositional -е
        ("Минске", "ru", "Минск"),
        ("Джакарта", "ru", "Джакарта"),  # a Russian nominative after "в городе": nothing to lose
        ("Гомеле", "ru", "Гомеле"),  # Гомель or Гомел? kept as written, not guessed
        ("Брюсселе", "ru", "Брюсселе"),
        ("Павлодарда", "kk", "Павлодар"),  # Kazakh -да
        ("Samarqandda", "uz", "Samarqand"),  # Uzbek -da
        ("Namanganda", "uz", "Namangan"),
        ("Gəncədə", "az", "Gəncə"),
    ],
)
def test_an_unlisted_city_loses_its_locative_ending(word, language, city):
    assert nominative_city(word, language) == city


def test_a_russian_city_after_v_gorode_keeps_its_nominative():
    from archive.ingest.places import find_place

    assert find_place("Совершено в городе Джакарта 5 мая 2015 года", "ru") == "Джакарта"
    assert find_place("Совершено в городе Павлодаре 5 мая 2015 года", "ru") == "Павлодар"
