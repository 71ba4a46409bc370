"""extract_metadata's readings one by one, each on a small document of its genre (a note, a
news item, a record card) or a real one of tests/ingest/real: how a note names the parties,
a sentence that dates the signing, a card's kind, a title two places confirm. Expected values
are read off the texts."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.pipeline import parse_path, parse_text

REAL = Path(__file__).resolve().parent / "real"

RU_NOTE = """ПОЯСНИТЕЛЬНАЯ ЗАПИСКА

к проекту Закона Республики Казахстан о ратификации соглашения

Соглашение между Республикой Казахстан и Королевством Нидерландов о воздушном сообщении \
подписано 5 мая 2015 года в городе Астане. Ратификация соглашения позволит развивать воздушное сообщение."""

KK_NOTE = """ТҮСІНДІРМЕ ЖАЗБА

2015 жылы Астана қаласында Қазақстан Республикасының Үкіметі мен Нидерланд Корольдігінің Үкіметі \
арасындағы әуе қатынасы туралы келісімге қол қойылды. Келісімді бекіту әуе қатынасын дамытуға мүмкіндік береді."""

KY_NEWS = """Жогорку Кеңеш Кыргызстан менен Орусиянын ортосундагы келишимди ратификациялады

Бишкек, 3-октябрь. Жогорку Кеңештин депутаттары Кыргыз Республикасы менен Россия Федерациясынын \
ортосундагы аба коргонуу системасы жөнүндө келишимди ратификациялоо тууралуу мыйзам долбоорун карашты. \
Кыргызстан менен Орусия бул келишимге 2022-жылдын 16-августунда Москва шаарында кол койгон. \
Мыйзам долбоору үч окууда кабыл алынды."""


def test_a_ru_note_names_the_parties_without_the_rest_of_its_sentence():
    result = parse_text(RU_NOTE)
    assert result.document_kinds == ["explanatory_note"]
    a = result.agreement
    assert a.parties == ["KZ", "NL"]
    assert a.parties_as_written == ["Республика Казахстан", "Королевство Нидерландов"]  # nominative
    (where,) = a.evidence["parties"]
    assert where.source == "note"
    assert where.quote == "Республикой Казахстан и Королевством Нидерландов"
    assert result.normalised_text[where.start : where.end].strip() == where.quote


def test_a_kk_note_names_the_parties_without_the_words_before_them():
    result = parse_text(KK_NOTE)
    a = result.agreement
    assert a.parties == ["KZ", "NL"]
    assert a.parties_as_written == ["Қазақстан Республикасының Үкіметі", "Нидерланд Корольдігінің Үкіметі"]
    assert a.party_level == "government"
    (where,) = a.evidence["parties"]
    assert where.quote == "Қазақстан Республикасының Үкіметі мен Нидерланд Корольдігінің Үкіметі"


def test_a_sentence_that_dates_the_signing_is_a_weak_witness():
    result = parse_text(KY_NEWS)
    text = result.normalised_text
    a = result.agreement
    assert (a.signed_date.isoformat(), a.signed_place) == ("2022-08-16", "Москва")
    sentence = "Кыргызстан менен Орусия бул келишимге 2022-жылдын 16-августунда Москва шаарында кол койгон."
    (date,) = a.evidence["signed_date"]
    (place,) = a.evidence["signed_place"]
    assert (date.source, place.source) == ("sentence", "sentence")
    assert date.quote == place.quote == sentence
    assert text[date.start : date.end] == "2022-жылдын 16-августунда"
    assert text[place.start : place.end].strip() == sentence
    assert a.confidence["signed_date"] == a.confidence["signed_place"] == 0.4
    assert "the date of signature (2022-08-16) rests on one weak source: the sentence" in result.warnings
    assert "the place of signature (Москва) rests on one weak source: the sentence" in result.warnings


def test_a_record_card_alone_gives_the_agreement_its_kind_date_place_and_parties():
    card = "\n".join(
        [
            "Вид документа: Соглашение",
            "Дата подписания: 16.09.2016",
            "Место подписания: Астана",
            "Стороны: Казахстан, Узбекистан",
            "Статус: Действует",
        ]
    )
    result = parse_text(card)
    assert result.document_kinds == ["registry_card"]
    a = result.agreement
    assert a.kind == "agreement"
    assert (a.signed_date.isoformat(), a.signed_place, a.parties) == ("2016-09-16", "Астана", ["KZ", "UZ"])
    assert a.title is None


def test_a_title_the_act_names_alike_is_confirmed():
    # the law's clause and the agreement's own heading read the same title: two witnesses
    result = parse_path(REAL / "kk_01_law_ratify_kz_ru_border_control.txt")
    a = result.agreement
    assert [e.source for e in a.evidence["title"]] == ["heading", "act"]
    assert a.confidence["title"] == 0.95  # 1 - (1 - 0.8) * (1 - 0.75)
    assert a.confidence["kind"] == 0.95


RU_WITH_NOTES = "\n\n".join(
    [
        (
            "СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством Кыргызской Республики "
            "о сотрудничестве в области образования (Бишкек, 11 ноября 1992 года)"
        ),
        "(Соглашение вступило в силу 30 июля 1993 года)",
        (
            "Правительство Республики Казахстан и Правительство Кыргызской Республики, именуемые в дальнейшем "
            "Сторонами, согласились о нижеследующем:"
        ),
        "Статья 1",
        "Стороны сотрудничают в области образования.",
    ]
)

KK_WITH_NOTE = "\n\n".join(
    [
        "Қазақстан Республикасының Үкіметі мен Өзбекстан Республикасының Үкіметі арасындағы көлік туралы келісім",
        "(2013 жылғы 30 шілдеде күшіне енді)",
        (
            "Бұдан әрі Тараптар деп аталатын Қазақстан Республикасының Үкіметі мен Өзбекстан Республикасының "
            "Үкіметі төмендегілер туралы келісті:"
        ),
        "1-бап",
        "Тараптар ынтымақтасады.",
        "2010 жылғы 5 мамырда Ташкент қаласында екі данада жасалды.",
    ]
)


def test_the_aside_after_a_title_dates_the_signature_and_a_note_after_it_does_not():
    result = parse_text(RU_WITH_NOTES)
    a = result.agreement
    assert a.title == (
        "Соглашение между Правительством Республики Казахстан и Правительством Кыргызской Республики "
        "о сотрудничестве в области образования"
    )
    assert (a.signed_date.isoformat(), a.signed_place) == ("1992-11-11", "Бишкек")
    assert [e.source for e in a.evidence["signed_date"]] == ["title"]
    assert a.entry_into_force_date.isoformat() == "1993-07-30"
    (eif,) = a.evidence["entry_into_force_date"]
    assert (eif.source, result.normalised_text[eif.start : eif.end]) == (
        "entry into force clause",
        "вступило в силу 30 июля 1993 года",
    )


def test_a_note_of_the_entry_into_force_under_the_title_is_no_signature():
    result = parse_text(KK_WITH_NOTE)
    a = result.agreement
    assert (a.signed_date.isoformat(), a.signed_place) == ("2010-05-05", "Ташкент")
    assert [e.source for e in a.evidence["signed_date"]] == ["testimonium"]
    assert a.entry_into_force_date.isoformat() == "2013-07-30"
    assert not any("disagree" in w for w in result.warnings)


def test_a_record_card_line_is_one_witness_of_the_entry_into_force():
    # "Ուժի մեջ մտնելու ամսաթիվ: 07.05.1992" is the card's field, not also a clause of the text
    a = parse_path(REAL / "hy_03_card_agreement_am_ir_visa.txt").agreement
    assert a.entry_into_force_date.isoformat() == "1992-05-07"
    assert [e.source for e in a.evidence["entry_into_force_date"]] == ["registry"]
    assert a.confidence["entry_into_force_date"] == 0.85
    # a clause of the text after the card is one
    a = parse_path(REAL / "kk_01_law_ratify_kz_ru_border_control.txt").agreement
    (eif,) = a.evidence["entry_into_force_date"]
    assert (eif.source, eif.quote) == ("entry into force clause", "2013 жылғы 30 шілдеде күшіне енді")


def test_the_act_s_clause_dates_and_places_the_signature():
    # "Ратифицировать Соглашение …, подписанное в городе Астане 7 июня 2012 года"
    a = parse_path(REAL / "ru_01_fz_ratify_ru_kz_stay_of_citizens.txt").agreement
    assert (a.signed_date.isoformat(), a.signed_place) == ("2012-06-07", "Астана")
    (date,) = a.evidence["signed_date"]
    assert (date.source, date.quote) == ("act", "подписанное в городе Астане 7 июня 2012 года")
    assert a.confidence["signed_date"] == 0.8


def test_an_act_of_no_known_type_is_said_to_be_unsure_of_it():
    act = parse_path(REAL / "hy_04_na_decision_ratify_am_ae_tax.txt").act
    assert (act.type, act.number) == ("other", "Ն-023-3")
    assert act.confidence["type"] == 0.4 and act.confidence["number"] == 0.9
    law = parse_path(REAL / "kk_01_law_ratify_kz_ru_border_control.txt").act
    assert (law.type, law.confidence["type"]) == ("law", 0.85)


def test_each_place_that_names_the_parties_is_a_witness_with_its_passage():
    result = parse_path(REAL / "kk_01_law_ratify_kz_ru_border_control.txt")
    a = result.agreement
    sources = [e.source for e in a.evidence["parties"]]
    assert sources[:3] == ["title", "act", "preamble"]
    # the title's reading quotes the whole heading, its span is the run of names
    title = next(e for e in a.evidence["parties"] if e.source == "title")
    assert title.quote == a.evidence["title"][0].quote
    assert result.normalised_text[title.start : title.end].strip() == (
        "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі"
    )
    preamble = next(e for e in a.evidence["parties"] if e.source == "preamble")
    assert preamble.quote == "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі"
