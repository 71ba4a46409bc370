"""Normalising rule by rule, on lines of kk/ru/hy/en treaties: word boundaries a letter-spaced
run lost are found again from the document's own words (however many words the run holds),
and what is not evidence of a boundary (a lone letter, a stem and its endings) is not split."""

from __future__ import annotations

from collections import Counter

from archive.ingest.normalise import _segment, build_vocabulary, join_letter_spacing, normalise

RU_DOC = "Настоящее Соглашение вступает в силу с даты подписания."
KK_DOC = "Тараптардың бірдей құқықтары бар. Осы Келісім қол қойылған күнінен бастап күшіне енеді."


def test_a_spaced_run_of_many_words_splits_into_all_of_them():
    # a letter-spaced line that lost its double spaces: five words of the document
    doc = RU_DOC + "\n\nН а с т о я щ е е С о г л а ш е н и е в с т у п а е т в с и л у"
    out = join_letter_spacing(doc, build_vocabulary(doc))
    assert out.endswith("\n\nНастоящее Соглашение вступает в силу")


def test_four_known_words_beat_keeping_the_run_whole():
    vocab = build_vocabulary(KK_DOC)
    assert _segment("тараптардыңбірдейқұқықтарыбар", vocab) == ["тараптардың", "бірдей", "құқықтары", "бар"]
    assert _segment("ОсыКелісімкүшінеенеді", vocab) == ["Осы", "Келісім", "күшіне", "енеді"]


def test_a_run_of_unknown_letters_stays_whole():
    assert _segment("белгісізсөздер", build_vocabulary(KK_DOC)) == ["белгісізсөздер"]


def test_a_known_stem_with_a_long_ending_stays_one_word():
    # "келісімдерінің": the stem is a word of the document, the ending chain is not split off
    assert _segment("келісімдерінің", build_vocabulary(KK_DOC)) == ["келісімдерінің"]


def test_a_lone_letter_is_no_word_boundary():
    # "казахстан" + "а" + "я": one-letter words the document never uses do not cut a name
    assert _segment("казахстаная", Counter({"казахстан": 3})) == ["казахстаная"]


def test_the_spaced_heading_is_joined_in_the_whole_text():
    text = "С О Г Л А Ш Е Н И Е\n\n" + RU_DOC + "\n\nН а с т о я щ е е  С о г л а ш е н и е  в с т у п а е т"
    result = normalise(text)
    assert result.paragraphs == ["СОГЛАШЕНИЕ", RU_DOC, "Настоящее Соглашение вступает"]
    assert "joined 4 letter-spaced word(s)" in result.warnings
