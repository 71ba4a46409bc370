"""The thesaurus index: analyser languages of every term, exact lookups, labels without
repeats, terms that analyse to nothing (archive.search.thesaurus)."""

import pytest

from archive.search.analysis import analyse
from archive.search.thesaurus import (
    Concept,
    _Index,
    _index_languages,
    concepts_for_lexemes,
    get_concept,
    label_lexemes,
    load_concepts,
    suggest_topics,
)


@pytest.mark.parametrize(
    ("lang", "term", "languages"),
    [
        ("kk", "әскери барлау", ("kk",)),  # an analysed language: itself
        ("uz", "harbiy hamkorlik", ("en",)),  # Uzbek in Latin letters: indexed like English
        ("uz", "ҳарбий ҳамкорлик", ("en", "ru")),  # in Cyrillic letters: also as Russian, for queries
        ("ky", "аскердик кызматташтык", ("ru",)),  # Kyrgyz texts are analysed as Russian
        ("nl", "defensie", ("en",)),
    ],
)
def test_the_analyser_languages_of_a_term(lang, term, languages):
    assert _index_languages(lang, term) == languages


def test_a_term_is_found_by_its_exact_lexemes_in_its_language():
    assert concepts_for_lexemes(analyse("әскери барлау", "kk"), "kk") == ["military-intelligence"]
    assert concepts_for_lexemes(analyse("аскердик кызматташтык", "ru"), "ru") == ["military-cooperation"]
    assert concepts_for_lexemes(analyse("әскери барлау", "kk"), "ru") == []


def test_the_labels_of_a_concept_are_each_listed_once():
    # the Dutch and the French label of customs are both "douane", both analysed as English
    assert label_lexemes("customs").count(("en", ("douan",))) == 1
    for concept in load_concepts():
        labels = label_lexemes(concept.slug)
        assert len(labels) == len(set(labels)), concept.slug


def test_an_unknown_slug_has_no_labels():
    assert label_lexemes("no-such-topic") == []


def test_a_term_that_analyses_to_nothing_is_left_out():
    # an editor's stray dash among the synonyms must not break the whole index
    concept = Concept("trade", None, {"en": "trade", "ru": "торговля"}, {"en": ("commerce", "—")})
    index = _Index([concept])
    assert index.labels["trade"] == [("en", ("trade",)), ("ru", ("торговл",))]
    assert set(index.exact["en"]) == {("trade",), ("commerc",)}


def test_a_label_falls_back_to_english_then_to_the_slug():
    concept = get_concept("military-intelligence")
    assert concept.label("kk") == "әскери барлау"
    assert concept.label("uz") == "military intelligence"  # no Uzbek label
    assert Concept("archives", None, {}, {}).label("ru") == "archives"


def test_a_title_word_weighs_three_body_words():
    # "trade" once in the title (3 x 1 = 3) against "customs" four times in the body (4 x 1 = 4)
    title = (
        "Agreement between the Government of the Republic of Kazakhstan and the Government of the Kyrgyz Republic"
        " on trade"
    )
    body = (
        "The Parties shall take the measures provided for by this Agreement and shall inform each other through "
        "diplomatic channels of the completion of the internal procedures necessary for its entry into force. "
        "Goods shall be cleared by customs at the points agreed by the Parties. Customs officers of each Party "
        "shall accept the documents of the other Party. The customs of each Party shall publish its rules, and "
        "customs fees shall not exceed the cost of the services rendered."
    )
    assert suggest_topics(title + ". " + body, "en") == ["customs", "economy", "trade"]
