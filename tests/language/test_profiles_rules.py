"""The language profiles and the phrase patterns compiled from them: frames before and after the
parties (между X и Y, X мен Y арасындағы), phrases gathered over languages, and how a phrase
matches real text (any run of spaces, either hyphen, stems, the longest phrase first)."""

from __future__ import annotations

import re

from archive.language.profiles import all_phrases, phrase_pattern, profile, profiles, trie_regex


def test_a_frame_has_words_before_or_after_the_parties():
    # "между X и Y" / "X мен Y арасындағы" / "X և Y միջև"
    assert profile("ru").framed("between") == (["между"], [])
    assert profile("kk").framed("between") == ([], ["арасындағы", "арасында", "арасынғы"])
    assert profile("hy").framed("between")[1] == ["միջև", "միջեւ"]
    assert profile("kk").framed("signature_lead") == ([], ["үшін", "атынан"])  # "Қазақстан Республикасы үшін"


def test_a_list_entry_reads_as_words_before():
    before, after = profile("en").framed("testimonium")
    assert "Done at" in before and "IN WITNESS WHEREOF" in before
    assert after == []


def test_profile_lookup():
    assert profile("nl").name == "Dutch" and profile("nl").head == "first"
    assert profile("kk").head == "last" and profile("ru").cldr == "ru"
    assert profile("hy").script == "armenian"
    assert profile(None) is None and profile("xx") is None
    assert {"kk", "ru", "hy", "en", "az", "nl", "fr"} <= set(profiles())


def test_all_phrases_in_profile_order_without_repeats():
    assert all_phrases("between", ["kk", "ru"]) == ["арасындағы", "арасында", "арасынғы", "между"]
    assert all_phrases("and", ["hy", "kk"]) == ["և", "եւ", "ու", "мен", "бен", "пен", "және"]
    everyone = all_phrases("between")
    assert {"между", "арасындағы", "միջև", "between", "tussen", "entre"} <= set(everyone)
    assert len(everyone) == len(set(everyone))
    assert all_phrases("between", []) == []


def test_a_phrase_matches_over_any_run_of_white_space():
    m = phrase_pattern(["Done at"]).search("DONE   at Astana on 7 June 2024")
    assert m and m.group(0) == "DONE   at"
    m = phrase_pattern(["in respect of"]).search("the Kingdom of the Netherlands, in\nrespect of Aruba")
    assert m and m.group(0) == "in\nrespect of"


def test_a_hyphen_in_a_phrase_matches_either_hyphen():
    rx = phrase_pattern(["премьер-министр"])
    assert rx.search("Премьер‐Министр Республики Казахстан").group(0) == "Премьер‐Министр"  # U+2010
    assert rx.search("Премьер-министр Республики Казахстан").group(0) == "Премьер-министр"


def test_a_phrase_that_is_the_start_of_another_still_matches_alone():
    rx = phrase_pattern(["protocol", "protocols"])
    assert rx.search("the Protocol shall enter into force").group(0) == "Protocol"
    assert rx.search("the Protocols thereto").group(0) == "Protocols"
    assert rx.search("protocolled") is None  # whole words only


def test_a_stem_takes_any_ending():
    rx = phrase_pattern(["соглашени*"])
    assert rx.search("настоящего Соглашения").group(0) == "Соглашения"


def test_phrases_opening_with_punctuation_match_the_longest_first():
    rx = phrase_pattern(["(hereinafter", "(hereinafter referred to as"])
    text = 'the Republic of Kazakhstan (hereinafter  referred\nto as "Kazakhstan")'
    assert rx.search(text).group(0) == "(hereinafter  referred\nto as"
    assert rx.search("the Parties (hereinafter jointly)").group(0) == "(hereinafter"


def test_no_phrases_match_nothing():
    assert phrase_pattern([]).search("anything") is None
    assert phrase_pattern(["  "]).search("anything") is None


def test_trie_regex_matches_exactly_its_strings():
    rx = re.compile(rf"(?:{trie_regex(['мен', 'менен', 'бен', 'және'])})$")
    for word in ("мен", "менен", "бен", "және"):
        assert rx.match(word)
    for word in ("ме", "мене", "бенен", "жән"):
        assert not rx.match(word)
    assert re.fullmatch(trie_regex(["келісім-шарт"]), "келісім‐шарт")
    assert re.fullmatch(trie_regex(["o'z"]), "o’z")
    assert re.fullmatch(trie_regex(["келісім*"]), "келісімнің")
