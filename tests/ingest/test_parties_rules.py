"""The party finders' rules one by one, on title, signature and prose lines of kk/hy/en
treaties: a kk/hy title names its parties right before its frame word (after its subject, at
times), each signature lead opens a party and a line without one adds none, and the mentions
fallback wants a clear pair. Expected values are read off the lines."""

from __future__ import annotations

import pytest

from archive.ingest.parties import (
    parties_from_mentions,
    parties_from_preamble,
    parties_from_signatures,
    parties_from_title,
    party_level,
    split_parties,
)


def _read(text: str, info) -> str:
    return text[info.start : info.end].strip()


def test_kk_title_with_its_subject_before_the_parties():
    title = (
        "Кеден істеріндегі ынтымақтастық туралы Қазақстан Республикасының Үкіметі мен "
        "Ресей Федерациясының Үкіметі арасындағы келісім"
    )
    info = parties_from_title(title, "kk")
    assert info.codes == ["KZ", "RU"]
    assert info.as_written == ["Қазақстан Республикасының Үкіметі", "Ресей Федерациясының Үкіметі"]
    assert info.level == "government"
    assert _read(title, info) == "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі"


def test_kk_title_that_opens_with_the_parties():
    title = "Қазақстан Республикасының Үкіметі мен Қырғыз Республикасының Үкіметі арасындағы шекара туралы келісім"
    info = parties_from_title(title, "kk")
    assert info.codes == ["KZ", "KG"]
    assert info.as_written == ["Қазақстан Республикасының Үкіметі", "Қырғыз Республикасының Үкіметі"]
    assert _read(title, info) == "Қазақстан Республикасының Үкіметі мен Қырғыз Республикасының Үкіметі"


def test_hy_title_gives_the_parties_in_the_nominative():
    title = (
        "Հայաստանի Հանրապետության կառավարության և Ռուսաստանի Դաշնության կառավարության միջև "
        "արտակարգ իրավիճակների ոլորտում համագործակցության մասին համաձայնագիր"
    )
    info = parties_from_title(title, "hy")
    assert info.codes == ["AM", "RU"]
    assert info.as_written == ["Հայաստանի Հանրապետության կառավարություն", "Ռուսաստանի Դաշնության կառավարություն"]
    assert info.level == "government"


def test_each_signature_line_with_a_lead_opens_a_party():
    info = parties_from_signatures(["For the Republic of Kazakhstan:", "For the Republic of Turkey:"], "en")
    assert info.codes == ["KZ", "TR"]
    assert info.as_written == ["Republic of Kazakhstan", "Republic of Turkey"]
    assert info.level == "state"
    kk = parties_from_signatures(["Қазақстан Республикасының Үкіметі үшін", "Ресей Федерациясының Үкіметі үшін"], "kk")
    assert kk.codes == ["KZ", "RU"]
    assert kk.as_written == ["Қазақстан Республикасының Үкіметі", "Ресей Федерациясының Үкіметі"]


def test_a_line_after_the_signatures_without_a_lead_names_no_party():
    lines = [
        "FOR THE GOVERNMENT OF THE REPUBLIC OF KAZAKHSTAN",
        "FOR THE GOVERNMENT OF THE REPUBLIC OF TURKEY",
        "Certified true copy: Embassy of the Federal Republic of Germany",
    ]
    info = parties_from_signatures(lines, "en")
    assert info.codes == ["KZ", "TR"]
    assert info.as_written == ["GOVERNMENT OF THE REPUBLIC OF KAZAKHSTAN", "GOVERNMENT OF THE REPUBLIC OF TURKEY"]
    assert info.level == "government"


def test_leads_over_a_column_wait_for_their_parties():
    lines = ["For the Government of the", "For the Government of the", "Republic of Kazakhstan  Republic of Turkey"]
    assert parties_from_signatures(lines, "en").codes == ["KZ", "TR"]


def test_mentions_give_a_pair_only_when_it_is_clear():
    def text(*counts: tuple[str, int]) -> str:
        return " ".join(name for name, n in counts for _ in range(n))

    pair, firsts = parties_from_mentions(text(("Kazakhstan", 5), ("Russia", 4), ("China", 1)))
    assert pair == ["KZ", "RU"]
    assert [code for code, _, _ in firsts] == ["KZ", "RU"]
    assert parties_from_mentions(text(("Kazakhstan", 5), ("Russia", 4), ("China", 2)))[0] == ["KZ", "RU"]
    # a third country named nearly as often as the second: no clear pair, even with a fourth
    assert parties_from_mentions(text(("Kazakhstan", 5), ("Russia", 4), ("China", 3))) == ([], [])
    assert parties_from_mentions(text(("Kazakhstan", 5), ("Russia", 4), ("China", 3), ("Turkey", 2))) == ([], [])
    assert parties_from_mentions(text(("Kazakhstan", 5), ("Russia", 1))) == ([], [])


@pytest.mark.parametrize(
    ("phrase", "codes", "written", "level"),
    [
        (
            "Правительством Республики Казахстан и Правительством Российской Федерации",
            ["KZ", "RU"],
            ["Правительство Республики Казахстан", "Правительство Российской Федерации"],
            "government",
        ),
        (
            "Республикой Казахстан и Китайской Народной Республикой",
            ["KZ", "CN"],
            ["Республика Казахстан", "Китайская Народная Республика"],
            "state",
        ),
        (
            "Федеративной Республикой Германия и Турецкой Республикой",
            ["DE", "TR"],
            ["Федеративная Республика Германия", "Турецкая Республика"],
            "state",
        ),
        (
            "Национальным банком Республики Казахстан и Национальным банком Республики Таджикистан",
            ["KZ", "TJ"],
            ["Национальный банк Республики Казахстан", "Национальный банк Республики Таджикистан"],
            "agency",
        ),
        (
            "Соединенными Штатами Америки и Объединенными Арабскими Эмиратами",
            ["US", "AE"],
            ["Соединенные Штаты Америки", "Объединенные Арабские Эмираты"],
            "state",
        ),
        (
            "Кабинетом Министров Украины и Правительством Республики Казахстан",
            ["UA", "KZ"],
            ["Кабинет Министров Украины", "Правительство Республики Казахстан"],
            "government",
        ),
        ("Украиной и Туркменистаном", ["UA", "TM"], ["Украина", "Туркменистан"], "state"),
    ],
)
def test_ru_parties_after_mezhdu_are_written_in_the_nominative(phrase, codes, written, level):
    info = split_parties(phrase, "ru")
    assert (info.codes, info.as_written, info.level) == (codes, written, level)


def test_a_territory_named_after_its_state_acts_for_it():
    phrase = (
        "the Government of the Republic of Kazakhstan and the Government of the Kingdom of the Netherlands, "
        "in respect of Aruba"
    )
    info = split_parties(phrase, "en")
    assert info.codes == ["KZ", "NL"]
    assert info.territories == {"NL": "AW"}
    assert info.as_written[0] == "Government of the Republic of Kazakhstan"  # no article


def test_party_level_is_the_lowest_named():
    assert party_level(["Министерство обороны Республики Казахстан", "Правительство Кыргызской Республики"]) == "agency"
    assert party_level(["Қазақстан Республикасының Үкіметі", "Ресей Федерациясының Үкіметі"]) == "government"
    assert party_level(["Koninkrijk der Nederlanden", "Republiek Kazachstan"]) == "state"
    assert party_level([]) is None


def test_a_kk_preamble_names_the_whole_last_party():
    paragraph = (
        "Бұдан әрі Тараптар деп аталатын Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі, "
        "екі мемлекет арасындағы достықты нығайта отырып,"
    )
    info = parties_from_preamble(paragraph, "kk")
    assert info.codes == ["KZ", "RU"]
    assert info.as_written == ["Қазақстан Республикасының Үкіметі", "Ресей Федерациясының Үкіметі"]
    assert info.level == "government"
    assert paragraph[info.start : info.end] == ("Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі")


def test_an_en_preamble_names_the_parties_before_hereinafter():
    paragraph = (
        "The Government of the Republic of Kazakhstan and the Government of the Kingdom of the Netherlands, "
        "hereinafter referred to as the Parties, desiring to develop air transport,"
    )
    info = parties_from_preamble(paragraph, "en")
    assert info.codes == ["KZ", "NL"]
    assert info.as_written == [
        "Government of the Republic of Kazakhstan",
        "Government of the Kingdom of the Netherlands",
    ]
    assert paragraph[info.start : info.end].endswith("the Government of the Kingdom of the Netherlands")
    # a preamble clause that mentions two countries in passing names no parties
    assert parties_from_preamble("Desiring to strengthen relations between Kazakhstan and Turkey,", "en").codes == []


def test_a_kind_word_in_capitals_heading_the_title_is_no_party_word():
    # "ХАТТАМА" (protocol) printed before a kk title on the same line
    title = "ХАТТАМА Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі арасындағы"
    info = parties_from_title(title, "kk")
    assert info.as_written == ["Қазақстан Республикасының Үкіметі", "Ресей Федерациясының Үкіметі"]
    assert title[info.start :].startswith("Қазақстан")
    hy = "ՀԱՄԱՁԱՅՆԱԳԻՐ Հայաստանի Հանրապետության կառավարության և Ռուսաստանի Դաշնության կառավարության միջև"
    assert parties_from_title(hy, "hy").as_written[0] == "Հայաստանի Հանրապետության կառավարություն"


@pytest.mark.parametrize(
    ("phrase", "language", "codes", "written"),
    [
        (
            "het Koninkrijk der Nederlanden en de Republiek Kazachstan",
            "nl",
            ["NL", "KZ"],
            ["Koninkrijk der Nederlanden", "Republiek Kazachstan"],
        ),
        (
            "la République du Kazakhstan et la République française",
            "fr",
            ["KZ", "FR"],
            ["République du Kazakhstan", "République française"],
        ),
        (
            "el Reino de España y la República de Kazajistán",
            "es",
            ["ES", "KZ"],
            ["Reino de España", "República de Kazajistán"],
        ),
        (
            # the last conjunction joins the parties: the commas before it belong to the first
            "die Regierung der Bundesrepublik Deutschland, vertreten durch den Botschafter, "
            "und die Regierung der Republik Kasachstan",
            "de",
            ["DE", "KZ"],
            [
                "Regierung der Bundesrepublik Deutschland, vertreten durch den Botschafter",
                "Regierung der Republik Kasachstan",
            ],
        ),
        (
            "the Government of the Republic of Kazakhstan, of the one part, and the Government of the Republic "
            "of Turkey, of the other part",
            "en",
            ["KZ", "TR"],
            ["Government of the Republic of Kazakhstan", "Government of the Republic of Turkey"],
        ),
    ],
)
def test_parties_are_written_without_articles_and_side_words(phrase, language, codes, written):
    info = split_parties(phrase, language)
    assert (info.codes, info.as_written) == (codes, written)


@pytest.mark.parametrize(
    ("title", "codes", "written"),
    [
        ("UNITED STATES – SINGAPORE FREE TRADE AGREEMENT", ["US", "SG"], ["UNITED STATES", "SINGAPORE"]),
        ("Kazakhstan–Turkey Agreement on Trade", ["KZ", "TR"], ["Kazakhstan", "Turkey"]),
    ],
)
def test_names_joined_by_a_dash_before_the_kind_word(title, codes, written):
    info = parties_from_title(title, "en")
    assert (info.codes, info.as_written) == (codes, written)
    assert title[info.start : info.end] == title.split(" FREE")[0].split(" Agreement")[0]
