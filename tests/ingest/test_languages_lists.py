"""authentic_languages: one language named with no word of prevailing is the one authentic
text; of two lists as long, the first (the testimonium's) is the authentic one."""

from __future__ import annotations

from archive.ingest.languages import authentic_languages


def test_one_language_in_the_testimonium_is_the_authentic_one():
    assert authentic_languages("DONE at Astana on 5 May 2015, in duplicate in the English language.") == ["en"]


def test_a_later_list_of_working_languages_as_long_does_not_replace_the_authentic_ones():
    text = (
        "Совершено в городе Астане 7 июня 2012 года в двух экземплярах на казахском и русском языках.\n"
        "Переписка между компетентными органами ведется на английском и русском языках."
    )
    assert authentic_languages(text) == ["kk", "ru"]


def test_an_article_heading_on_the_prevailing_text_does_not_unmake_the_one_authentic_language():
    # the sentence starts on its own line: the heading above it (no full stop) is not part of it
    text = (
        "Article 10\nAuthentic text and prevailing text\n"
        "Done at Astana on 5 May 2015 in one original in the English language."
    )
    assert authentic_languages(text) == ["en"]
