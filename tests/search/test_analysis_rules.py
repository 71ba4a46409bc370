"""Index-time analysis rule by rule, on treaty words: short labels (cached) and long texts give
the same lexemes, a word in another script is stemmed by its own script's analyser, languages
without a stemmer are indexed by their script's default, act numbers get their digits as an
alias, and a plugged-in stemmer that emits punctuation is split into letters and digits."""

from __future__ import annotations

import pytest

from archive.search import analysis
from archive.search.analysis import (
    analyse,
    analyse_for_index,
    analyser_language,
    guess_language,
    number_aliases,
    register_stemmer,
    stem_word,
    stemmer_for,
)


@pytest.mark.parametrize(
    ("text", "language", "lexemes"),
    [
        ("Республика Казахстан", "ru", "республик казахста"),
        ("Қазақстан Республикасының Үкіметі", "kk", "қазақстан республика үкімет"),
        ("Agreements between the Governments", "en", "agreement between the govern"),
        ("Ёлка", "ru", "елк"),  # ё is е
    ],
)
def test_a_short_label_is_analysed(text, language, lexemes):
    assert analyse_for_index(text, language) == lexemes
    assert analyse(text, language) == lexemes.split()


def test_short_and_long_texts_are_analysed_alike():
    label = "Соглашение между Правительством Республики Казахстан"
    long = " ".join([label] * 4)  # over 160 characters: not through the cache
    assert len(label) <= 160 < len(long)
    assert analyse_for_index(long, "ru") == " ".join([analyse_for_index(label, "ru")] * 4)
    assert analyse_for_index("", "ru") == "" and analyse("", "ru") == []


def test_no_language_is_guessed_from_the_text():
    assert analyse("Соглашение между Правительством", None) == ["соглашен", "межд", "правительств"]
    assert guess_language("Настоящее Соглашение вступает в силу с даты получения последнего уведомления") == "ru"
    # Dutch has no stemmer of its own: indexed like English
    assert guess_language("Het Koninkrijk der Nederlanden en de Republiek Kazachstan, hierna te noemen") == "en"


def test_a_word_in_another_script_is_stemmed_by_its_own_script():
    assert stem_word("Kazakhstan", "kk") == "kazakhstan"  # Latin in a Kazakh text: English analyser
    assert stem_word("Казахстана", "en") == "казахста"  # Cyrillic in an English text: Russian
    assert stem_word("Հայաստանի", "ru") == "հայաստա"  # Armenian in a Russian text: Armenian
    assert stem_word("governments", "xx") == "governments"  # no analyser: lower case only


@pytest.mark.parametrize(
    ("language", "analyser"),
    [("kk", "kk"), ("ru", "ru"), ("nl", "en"), ("uz", "en"), ("ky", "ru"), ("tg", "ru"), (None, "en"), ("zz", "en")],
)
def test_analyser_language(language, analyser):
    assert analyser_language(language) == analyser


def test_unknown_language_is_lower_cased():
    assert stemmer_for("xx")("ABC") == "abc"
    assert stemmer_for("ru")("Соглашения") == "соглашен"


def test_act_numbers_are_one_lexeme_with_their_digits_as_alias():
    assert analyse("Закон N 1363-Ա от 27-ФЗ", "ru") == ["закон", "n", "1363ա", "от", "27фз"]
    assert number_aliases(analyse_for_index("N 1363-Ա և 27-ФЗ 2005 года", "hy")) == "1363 27"
    assert number_aliases("1363ա 1363ա 2005") == "1363"  # each once; plain numbers need none


@pytest.fixture
def plugged():
    """A stemmer plugged in for a language of its own, removed afterwards."""
    saved = dict(analysis._STEMMERS), dict(analysis._LANGUAGE_SCRIPT)
    yield register_stemmer
    analysis._STEMMERS.clear()
    analysis._STEMMERS.update(saved[0])
    analysis._LANGUAGE_SCRIPT.clear()
    analysis._LANGUAGE_SCRIPT.update(saved[1])
    stem_word.cache_clear()


def test_a_stemmer_that_emits_punctuation_is_split_into_lexemes(plugged):
    plugged("x-test", lambda word: f"-{word.lower()}.{len(word)}-", "latin")
    assert analyser_language("x-test") == "x-test"
    assert analyse("Treaty Protocol", "x-test") == ["treaty", "6", "protocol", "8"]
    assert analyse_for_index("Treaty", "x-test") == "treaty 6"


def test_a_stemmer_that_emits_nothing_keeps_the_word(plugged):
    plugged("x-empty", lambda word: "", "latin")
    assert analyse("Treaty", "x-empty") == ["treaty"]
