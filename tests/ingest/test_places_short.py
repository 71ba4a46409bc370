"""find_place and short words: a three-letter city is a place, two letters are not."""

import pytest

from archive.ingest.places import find_place


def test_a_three_letter_city_is_a_place():
    assert find_place("Done at Osh on 12 May 2000 in two originals.") == "Osh"


@pytest.mark.parametrize(
    "sentence",
    ["Совершено в РК 12 мая 2000 года.", "Подписано в РФ 12 мая 2000 года.", "Done at UN Headquarters on 12 May 2000."],
)
def test_two_letters_after_in_or_at_are_no_place(sentence):
    assert find_place(sentence) is None
