"""detect_language: one Kazakh letter in a Russian sentence (a name) does not make it Kazakh;
a short Latin line with no function words is not told apart."""

from __future__ import annotations

from archive.language import detect_language


def test_russian_sentence_with_a_kazakh_initial_is_russian():
    text = (
        "Соглашение подписано в городе Астане Президентом Республики Казахстан Н. Ә. Назарбаевым"
        " и вступает в силу с даты подписания."
    )
    assert detect_language(text) == "ru"


def test_short_latin_line_without_function_words_is_not_told():
    assert detect_language("Astana, 2 June 2015") is None
    assert detect_language("Baku Tashkent") is None
