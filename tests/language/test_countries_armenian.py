"""Armenian country names in -ա lose the vowel before some case endings: the dative
"Ֆրանսիային" (to France) is the stem "Ֆրանսի" + "ային", not "Ֆրանսիա" + an ending."""

import pytest

from archive.language.countries import find_countries, find_country_spans


@pytest.mark.parametrize(
    ("word", "code"),
    [("Ֆրանսիային", "FR"), ("Կանադային", "CA"), ("Գերմանիային", "DE"), ("Ավստրիային", "AT")],
)
def test_the_armenian_dative_is_found(word, code):
    assert find_country_spans(word) == [(code, 0, len(word))]


def test_the_dative_in_a_sentence():
    text = "Հայաստանի Հանրապետության կառավարությունը Ֆրանսիային տրամադրում է վարկ"
    assert find_countries(text) == ["AM", "FR"]
