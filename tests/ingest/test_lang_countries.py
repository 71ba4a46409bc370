"""archive.language (look-alike folding, language detection) and its country names."""

from __future__ import annotations

import pytest

from archive.language import detect_language, fold_lookalikes
from archive.language.countries import (
    COUNTRY_LANGUAGES,
    all_country_codes,
    country_names,
    country_variants,
    find_countries,
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы келісім", "kk"),
        ("Қазақстан Республикасының Үкiметi мен Әзербайжан Республикасының Үкiметi арасындағы", "kk"),
        ("Соглашение между Правительством Республики Казахстан и Правительством Республики Узбекистан", "ru"),
        ("Հայաստանի և Ղազախստանի միջև հարաբերությունները հիմնված են բարեկամության", "hy"),
        ("The Government of the Republic of Kazakhstan and the Government of the Republic of Turkey", "en"),
        ("Azərbaycan Respublikasının Hökuməti ilə Qazaxıstan Respublikasının Hökuməti arasında saziş", "az"),
        ("Oʻzbekiston Respublikasi Hukumati va Qozogʻiston Respublikasi Hukumati oʻrtasida bitim", "uz"),
        ("Кыргыз Республикасынын Өкмөтү менен Казакстан Республикасынын Өкмөтүнүн ортосундагы келишим", "ky"),
        ("", None),
        ("12345 ...", None),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_fold_lookalikes_makes_search_forms_meet():
    assert fold_lookalikes("Үкiметi") == "Үкіметі"
    assert fold_lookalikes(fold_lookalikes("Үкiметi")) == "Үкіметі"


def test_country_codes_are_real_iso_countries():
    codes = all_country_codes()
    assert "KZ" in codes and "AZ" in codes and "AM" in codes
    for bad in ("001", "EU", "ZZ", "QO", "UN", "EZ", "XA"):
        assert bad not in codes
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in codes)
    assert len(codes) > 240


def test_country_names_come_from_cldr():
    names = country_names("KZ")
    assert set(names) == set(COUNTRY_LANGUAGES)
    assert names["ru"] == "Казахстан" and names["kk"] == "Қазақстан" and names["hy"] == "Ղազախստան"
    assert country_names("QQ") == {}


def test_country_variants_hold_spellings_and_stems():
    assert "Әзербайжан" in country_variants("AZ")
    assert "Азербайджанск" in country_variants("AZ")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі", ["KZ", "AZ"]),
        ("Қазақстан Республикасы мен Әзірбайжан Республикасы", ["KZ", "AZ"]),
        ("Үкiметi мен Әзербайжан Республикасының", ["AZ"]),
        ("между Республикой Казахстан и Азербайджанской Республикой", ["KZ", "AZ"]),
        ("Հայաստանի և Ղազախստանի միջև, Ադրբեջանի Հանրապետության", ["AM", "KZ", "AZ"]),
        ("Российской Федерацией", ["RU"]),
        (
            "Республики Узбекистан, Кыргызской Республики, Республики Таджикистан, Туркменистана",
            ["UZ", "KG", "TJ", "TM"],
        ),
        ("Турецкой Республики, Китайской Народной Республики, Грузии, Республики Беларусь", ["TR", "CN", "GE", "BY"]),
        (
            "Исламской Республики Иран, Украины, Федеративной Республики Германия, Французской Республики",
            ["IR", "UA", "DE", "FR"],
        ),
        ("Соединенных Штатов Америки и Соединенного Королевства Великобритании и Северной Ирландии", ["US", "GB"]),
        (
            "Ресей Федерациясы, Өзбекстан, Қырғыз Республикасы, Түркия, Қытай, Грузиямен",
            ["RU", "UZ", "KG", "TR", "CN", "GE"],
        ),
        (
            "the Republic of Turkey, the Russian Federation, China, Georgia, the United States of America",
            ["TR", "RU", "CN", "GE", "US"],
        ),
        ("the United Kingdom of Great Britain and Northern Ireland", ["GB"]),
        ("Ռուսաստանի Դաշնության, Վրաստանի, Իրանի", ["RU", "GE", "IR"]),
        ("ՀՀ կառավարության", ["AM"]),
        ("республика казахстан", ["KZ"]),  # a query typed in lower case
    ],
)
def test_find_countries_inflected_in_order(text, codes):
    assert find_countries(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        "Груз будет погружен: грузить грузовик",  # not Georgia
        "Совершено на казахском, азербайджанском и русском языках",  # languages, not countries
        "Հավաքական անվտանգության պայմանագրի կազմակերպություն",  # CSTO
        "Организация Договора о коллективной безопасности, ООН, СНГ",
        "того же года",
        "В течение того же года Стороны",
    ],
)
def test_find_countries_false_positives(text):
    assert find_countries(text) == []
