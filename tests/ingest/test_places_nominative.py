"""nominative_city for cities the tables do not list: only the locative ending goes."""

import pytest

from archive.ingest.places import nominative_city


@pytest.mark.parametrize(
    ("word", "language", "city"),
    [
        ("Գյումրիում", None, "Գյումրի"),  # Armenian -ում, whatever the language said
        ("Վանաձորում", "hy", "Վանաձոր"),
        ("Павлодаре", "ru", "Павлодар"),  # Russian prepositional -е
        ("Павлодарда", "kk", "Павлодар"),  # Kazakh -да
        ("Samarqandda", "uz", "Samarqand"),  # Uzbek -da
        ("Namanganda", "uz", "Namangan"),
        ("Gəncədə", "az", "Gəncə"),
    ],
)
def test_an_unlisted_city_loses_its_locative_ending(word, language, city):
    assert nominative_city(word, language) == city
