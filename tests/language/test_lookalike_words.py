"""fold_lookalikes on words made only of look-alike letters: half or more Cyrillic makes the
word Cyrillic; a word mostly Latin is left as typed (it is not made Cyrillic)."""

from archive.language.scripts import fold_lookalikes


def test_a_lookalike_word_mostly_latin_is_not_made_cyrillic():
    # T, X, I Latin and one Cyrillic А: a quarter Cyrillic
    assert fold_lookalikes("Стоянка TАXI") == "Стоянка TАXI"


def test_a_lookalike_word_half_cyrillic_is_made_cyrillic():
    # Т and А Cyrillic, X and I Latin
    assert fold_lookalikes("Стоянка ТАXI") == "Стоянка ТАХІ"
