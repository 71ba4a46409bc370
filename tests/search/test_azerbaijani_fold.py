"""Azerbaijani folding of the dotted capital İ (archive.search.azerbaijani)."""

import pytest

from archive.search.azerbaijani import fold, stem


@pytest.mark.parametrize(
    ("word", "folded", "stemmed"),
    [
        ("İQTİSADİ", "iqtisadi", "iqtisad"),  # economic
        ("İSTİQLAL", "istiqlal", "istiqlal"),  # independence
    ],
)
def test_a_word_lower_cased_with_its_dots_folds_like_the_word(word, folded, stemmed):
    # str.lower() makes İ an i and a combining dot above ("i̇"): the same word once folded
    lowered = word.lower()
    assert lowered != folded
    assert fold(lowered) == fold(word) == folded
    assert stem(lowered) == stem(word) == stemmed
