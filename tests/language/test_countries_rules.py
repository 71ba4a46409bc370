"""The country finder's rules one by one, on treaty phrases in kk/ru/hy/en/az/nl/fr: the stems a
name is matched by, inflected forms, the names that are also common words, the adjectives of
nationality, and what a reader's typed phrase names (countries_named). Expected codes and
offsets are read off the phrases."""

from __future__ import annotations

import pytest

from archive.language.countries import (
    all_country_codes,
    countries_named,
    country_variants,
    english_long_name,
    find_countries,
    find_country_spans,
    historical_codes,
    sovereign_of,
)

# --- the stems a name is matched by -------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "stem"),
    [
        ("RU", "росси"),  # Россия: the bare stem takes Россией, России, Россию
        ("UA", "украин"),  # Украина
        ("CN", "кита"),  # Китай: Китаем, Китая
        ("BY", "беларус"),  # Беларусь: Беларусью
        ("FR", "ֆրանսի"),  # Ֆրանսիա: Ֆրանսիայի
        ("IT", "իտալի"),
    ],
)
def test_names_ending_in_a_vowel_also_give_their_bare_stem(code, stem):
    assert stem in country_variants(code)


def test_variants_of_a_country_the_data_says_nothing_more_about():
    # Tuvalu: only its CLDR names, no spelling variants, no stem
    assert "TV" in all_country_codes()
    assert country_variants("TV") == []
    assert country_variants("tv") == []


def test_variants_hold_long_forms_and_abbreviations_not_the_cldr_names():
    kz = country_variants("kz")
    assert {"Republic of Kazakhstan", "РК", "ҚР", "Qazaqstan"} <= set(kz)
    assert "Kazakhstan" not in kz and "Казахстан" not in kz  # CLDR names are country_names'


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Россией", "RU"),
        ("Украиной", "UA"),
        ("Китаем", "CN"),
        ("Беларусью", "BY"),
        ("Ֆրանսիայի", "FR"),
        ("Қазақстанмен", "KZ"),
        ("Нидерландов", "NL"),
        ("Türkiyənin", "TR"),
        ("Turkey's Government", "TR"),
    ],
)
def test_an_inflected_name_is_the_whole_word(text, code):
    word = text.split()[0]
    assert find_country_spans(text) == [(code, 0, len(word))]


def test_spans_cover_the_whole_name_and_only_it():
    text = "Соглашение между Республикой Казахстан и Азербайджанской Республикой"
    spans = find_country_spans(text)
    assert [(c, text[s:e]) for c, s, e in spans] == [("KZ", "Казахстан"), ("AZ", "Азербайджанской")]
    text = "Agreement between the Republic of Chile and the Republic of Peru"
    assert [(c, text[s:e]) for c, s, e in find_country_spans(text)] == [("CL", "Chile"), ("PE", "Peru")]
    text = "Democratic People's Republic of Korea and Republic of Korea"
    assert [(c, text[s:e]) for c, s, e in find_country_spans(text)] == [
        ("KP", "Democratic People's Republic of Korea"),
        ("KR", "Republic of Korea"),
    ]


def test_punctuation_between_the_words_of_a_name_ends_it():
    assert find_country_spans("Российская Федерация") == [("RU", 0, 20)]
    assert find_country_spans("Российская, Федерация") == [("RU", 0, 10)]  # only the adjective
    assert find_country_spans("Russian. Federation") == [("RU", 0, 7)]


# --- names that are also words ------------------------------------------------------------


def test_a_name_that_is_a_common_word_needs_its_capital():
    assert find_countries("He bought a guinea pig and some chile peppers in the Market") == []
    assert find_countries("Turkmenistan and Oman") == ["TM", "OM"]
    assert find_countries("Чад и Мали") == ["TD", "ML"]


def test_an_adjective_in_lower_case_is_not_the_country_in_a_capitalised_text():
    assert find_countries("Совершено на азербайджанском языке Настоящее Соглашение") == []
    assert find_countries("Азербайджанской Республикой") == ["AZ"]


# --- adjectives of nationality ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("the Dutch Government and the Government of Kazakhstan", [("NL", "Dutch"), ("KZ", "Kazakhstan")]),
        ("de Nederlandse en Deense Regering", [("NL", "Nederlandse"), ("DK", "Deense")]),
        ("la République française et la République du Kazakhstan", [("FR", "française"), ("KZ", "Kazakhstan")]),
    ],
)
def test_an_adjective_names_a_country_next_to_a_party_noun(text, named):
    assert [(c, text[s:e]) for c, s, e in find_country_spans(text)] == named


def test_an_adjective_opening_the_text_looks_forward_for_its_noun():
    # the adjective is the text's first word: its noun follows, nothing precedes it
    text = "Dutch Government and the Government of the Republic of Kazakhstan"
    assert [(c, text[s:e]) for c, s, e in find_country_spans(text)] == [
        ("NL", "Dutch"),
        ("KZ", "Republic of Kazakhstan"),
    ]


def test_a_list_of_adjectives_reaches_back_over_each_of_them_to_the_noun():
    # the Benelux treaties: one noun before three adjectives of nationality, one word at a time
    text = "les Gouvernements belge, luxembourgeois et néerlandais"
    assert [(c, text[s:e]) for c, s, e in find_country_spans(text)] == [
        ("BE", "belge"),
        ("LU", "luxembourgeois"),
        ("NL", "néerlandais"),
    ]


def test_an_upper_case_yo_is_read_as_ye():
    # Russian titles in capitals write Ё as often as Е: ОБЪЕДИНЁННЫХ = Объединенных
    text = "СОГЛАШЕНИЕ МЕЖДУ ПРАВИТЕЛЬСТВОМ РЕСПУБЛИКИ КАЗАХСТАН И ПРАВИТЕЛЬСТВОМ ОБЪЕДИНЁННЫХ АРАБСКИХ ЭМИРАТОВ"
    assert [(c, text[s:e]) for c, s, e in find_country_spans(text)] == [
        ("KZ", "КАЗАХСТАН"),
        ("AE", "ОБЪЕДИНЁННЫХ АРАБСКИХ ЭМИРАТОВ"),
    ]
    assert find_countries("ДОГОВОР МЕЖДУ РЕСПУБЛИКОЙ КАЗАХСТАН И СОЕДИНЁННЫМ КОРОЛЕВСТВОМ") == ["KZ", "GB"]


def test_an_adjective_without_a_party_noun_names_nothing():
    assert find_countries("Dutch cheese is sold in Almaty") == []


# --- territories and former states --------------------------------------------------------


def test_a_territory_is_found_and_knows_its_state():
    text = "Agreement between the Kingdom of the Netherlands, in respect of Aruba, and Kazakhstan"
    assert find_countries(text) == ["NL", "AW", "KZ"]
    assert sovereign_of("AW") == "NL"
    assert sovereign_of("KZ") is None


def test_former_states_are_codes_with_english_names():
    old = historical_codes()
    assert old["SU"] == "Union of Soviet Socialist Republics"
    assert old["YU"] == "Yugoslavia"
    assert set(old) <= set(all_country_codes())
    assert english_long_name("KZ") == "the Republic of Kazakhstan"
    assert english_long_name("TV") == "Tuvalu"  # no formal name recorded: the CLDR one
    assert english_long_name("QQ") is None


# --- what a reader's phrase names -----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("kz", ["KZ"]),
        ("AZ-KZ", ["AZ", "KZ"]),
        ("kz-az", ["KZ", "AZ"]),
        ("Казахстан-Азербайджан", ["KZ", "AZ"]),
        ("Հայաստան և Ղազախստան", ["AM", "KZ"]),
        ("Қазақстан мен Ресей", ["KZ", "RU"]),
        ("казахстан и беларусь", ["KZ", "BY"]),
        ("Kazakhstan / Turkey", ["KZ", "TR"]),
        ("Азербайджан и Kazakhstan", ["AZ", "KZ"]),
        ("Kazakhstan and Kazakhstan", ["KZ"]),
    ],
)
def test_countries_named_in_a_typed_phrase(phrase, codes):
    assert countries_named(phrase) == (codes, [])


def test_countries_named_keeps_the_words_that_name_nothing():
    assert countries_named("Kazakhstan, Narnia") == (["KZ"], ["Narnia"])
    assert countries_named("ZZ kz") == (["KZ"], ["ZZ"])  # ZZ is no country code
    # a word of a state's name is no unknown word next to a name, but is one alone
    assert countries_named("Республика Казахстан") == (["KZ"], [])
    assert countries_named("Республика Нарния") == ([], ["Республика", "Нарния"])


def test_countries_named_of_nothing_or_too_much():
    assert countries_named("") == ([], [])
    assert countries_named("   ") == ([], [])
    long = "Kazakhstan " * 20
    assert countries_named(long) == ([], [long.strip()[:40]])


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Соединенным Королевством Великобритании и Северной Ирландии", "GB"),  # not GB and Ireland
        ("Соединенного Королевства Великобритании и Северной Ирландии", "GB"),
        ("Северной Македонией", "MK"),
        ("Объединенными Арабскими Эмиратами", "AE"),
    ],
)
def test_the_adjective_opening_a_ru_name_takes_its_own_ending(text, code):
    assert find_country_spans(text) == [(code, 0, len(text))]
