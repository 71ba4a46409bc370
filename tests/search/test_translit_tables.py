"""Latin-alphabet Kazakh → Cyrillic: the readings' finer rules (archive.search.translit)."""

import pytest

from archive.search.translit import _word_candidates, latin_to_kazakh, looks_like_latin_kazakh


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # the glide i/y after a/e/o is й and no vowel of its own: "aimagy" has the back
        # vowels a, a, y, so қ/ғ (not the front к/г of a word whose vowels are e/i)
        ("erkin sauda aimagy", "еркін сауда аймағы"),  # free trade zone
        ("zhagdailar", "жағдайлар"),  # (emergency) situations
        ("Bayterek", "Бәйтерек"),  # the glide y is not a back vowel: the vowels are a, e, e
        # a word-final glide: й, the word ends there
        ("Abai oblysy", "Абай облысы"),
        ("Kordai", "Қордай"),  # the border crossing to Kyrgyzstan
        # the apostrophe of the 2017 alphabet (a' = ә) and of a suffix after a name is
        # skipped, the rest of the word is still read
        ("a'skeri barlau", "әскери барлау"),
        ("Qazaqstan'nyñ Ükımetı", "Қазақстанның Үкіметі"),
        # ı anywhere in the text: the 2021 alphabet proper, where i is и (министр, not міністр)
        ("Qorğanys ministrlıgı", "Қорғаныс министрлігі"),
    ],
)
def test_best_reading(latin, cyrillic):
    assert latin_to_kazakh(latin)[0] == cyrillic


def test_a_word_has_at_most_six_readings_most_likely_first():
    # askeri: front (әскери and its final-vowel variants), then loan (аскери ...); the back
    # reading (асқери ...) comes seventh and is not offered
    assert _word_candidates("askeri", None, False) == ["әскери", "әскері", "әскеры", "аскери", "аскері", "аскеры"]


@pytest.mark.parametrize(
    "text",
    [
        "konsuldyk mekeme",  # consular institution: no typical ending, but the cluster "dy"
        "zher koinauyn paidalanu",  # subsoil use: only the cluster "au" tells it is Kazakh
        "auyl",  # village
    ],
)
def test_a_kazakh_letter_cluster_is_enough(text):
    assert looks_like_latin_kazakh(text) is True
