"""extract_metadata's witnesses one by one: a record card's title, place and entry into
force (each quoted from the card itself), a card's date of an act the text leaves undated,
a testimonium broken over short lines read as one sentence and no further, and the
warnings a fragment or an act without parties gets."""

from __future__ import annotations

import datetime as dt

from archive.ingest.pipeline import parse_text

UZ_TITLE = (
    "Соглашение между Правительством Республики Казахстан и Правительством Республики Узбекистан "
    "о международном автомобильном сообщении"
)
CARD_LINES = [
    f"Наименование: {UZ_TITLE}",
    "Вид документа: Соглашение",
    "Дата подписания: 16.09.2016",
    "Место подписания: Ташкент",
    "Дата вступления в силу: 12.04.2017",
    "Стороны: Казахстан, Узбекистан",
    "Статус: Действует",
]
CARD = "\n".join(CARD_LINES)

LAW = f"""ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН

О ратификации Соглашения между Правительством Республики Казахстан и Правительством Республики \
Узбекистан о международном автомобильном сообщении

Ратифицировать {UZ_TITLE}, совершенное в городе Ташкенте \
16 сентября 2016 года.

Президент Республики Казахстан"""

LV_EE = """AGREEMENT BETWEEN THE REPUBLIC OF LATVIA AND THE REPUBLIC OF ESTONIA ON VISA-FREE TRAVEL

The Republic of Latvia and the Republic of Estonia, hereinafter referred to as the Parties,

Have agreed as follows:

Article 1

Citizens of either Party may enter the territory of the other Party without a visa.

Article 2

This Agreement shall enter into force on the date of its signature.

DONE at
Riga on
22 December
1992, in two originals in the English language.

For the Republic of Latvia

For the Republic of Estonia"""


def test_a_record_card_s_title_place_and_entry_into_force_are_its_witnesses():
    result = parse_text(CARD)
    a = result.agreement
    assert (a.title, a.signed_place, a.entry_into_force_date) == (UZ_TITLE, "Ташкент", dt.date(2017, 4, 12))
    for fact in ("title", "signed_place", "entry_into_force_date"):
        (ev,) = a.evidence[fact]
        # the whole card, from its first character (each line a paragraph), is the passage
        assert (ev.source, ev.start) == ("registry", 0), fact
        assert result.normalised_text[ev.start : ev.end] == "\n\n".join(CARD_LINES), fact
        assert a.confidence[fact] == 0.85, fact


def test_a_card_above_an_undated_law_dates_it():
    result = parse_text("Номер: № 123-VI\nДата принятия: 12.04.2017\n\n" + LAW)
    assert (result.act.number, result.act.date) == ("123-VI", dt.date(2017, 4, 12))
    assert not any("missing" in w for w in result.warnings)


def test_a_law_without_its_number_and_date_says_both_are_missing():
    result = parse_text(LAW)
    assert (result.act.number, result.act.date) == (None, None)
    assert "the act's number and date are missing (cut off in this text?)" in result.warnings
    assert "the act's number is missing" not in result.warnings
    # the law names the agreement and its signature: title, date and place
    a = result.agreement
    assert (a.title, a.signed_date, a.signed_place) == (UZ_TITLE, dt.date(2016, 9, 16), "Ташкент")


def test_a_testimonium_broken_over_short_lines_is_one_sentence_up_to_its_full_stop():
    a = parse_text(LV_EE).agreement
    assert (a.signed_date, a.signed_place) == (dt.date(1992, 12, 22), "Riga")
    sentence = "DONE at Riga on 22 December 1992, in two originals in the English language."
    (place,) = a.evidence["signed_place"]
    assert (place.source, place.quote) == ("testimonium", sentence)
    assert [(e.source, e.quote) for e in a.evidence["signed_date"]] == [
        ("testimonium", sentence),
        ("signature", sentence.removeprefix("DONE at ")),
    ]


def test_articles_without_a_title_from_article_5_on_are_a_fragment():
    fragment = (
        "Статья 5\n\nНастоящее Соглашение вступает в силу с даты получения последнего письменного "
        "уведомления о выполнении Сторонами внутригосударственных процедур.\n\n"
        "Статья 6\n\nНастоящее Соглашение заключается на неопределенный срок."
    )
    result = parse_text(fragment)
    assert result.document_kinds == ["agreement"]
    assert result.warnings == [
        "articles start at 5 (text truncated at the start?)",
        "the agreement's title was not found",
        "no parties recognised",
    ]


def test_articles_from_article_1_on_are_not_said_to_be_truncated():
    result = parse_text(LV_EE)
    assert not any(w.startswith("articles start at") for w in result.warnings)


def test_a_law_ratifying_a_multilateral_convention_names_no_parties():
    law = (
        "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\n\nО ратификации Конвенции о международной гражданской авиации\n\n"
        "Ратифицировать Конвенцию о международной гражданской авиации, совершенную в городе Чикаго "
        "7 декабря 1944 года.\n\nПрезидент Республики Казахстан"
    )
    result = parse_text(law)
    assert result.document_kinds == ["act"]
    assert result.agreement.parties == []
    assert "no parties recognised" in result.warnings


KZ_KG = """СОГЛАШЕНИЕ
между Правительством Республики Казахстан и Правительством Кыргызской Республики о сотрудничестве \
в области образования

Правительство Республики Казахстан и Правительство Кыргызской Республики, далее именуемые Сторонами,

согласились о нижеследующем:

Статья 1

Стороны развивают сотрудничество в области образования.

Статья 2

Настоящее Соглашение вступает в силу с даты получения последнего письменного уведомления.

Совершено в городе Астане 7 июня 2012 года в двух подлинных экземплярах, каждый на казахском и \
русском языках, причем оба текста имеют одинаковую силу.

За Правительство Республики Казахстан

За Правительство Кыргызской Республики"""


def test_a_russian_title_between_governments_is_given_in_english():
    a = parse_text(KZ_KG).agreement
    assert (a.parties, a.party_level) == (["KZ", "KG"], "government")
    assert a.title_en == (
        "Agreement between the Government of the Republic of Kazakhstan and the Government of the "
        "Kyrgyz Republic on cooperation in the field of education"
    )


def test_the_final_clauses_witness_the_authentic_languages():
    result = parse_text(KZ_KG)
    a = result.agreement
    assert a.authentic_languages == ["kk", "ru"]
    (ev,) = a.evidence["authentic_languages"]
    assert ev.source == "final clauses"
    assert result.normalised_text[ev.start : ev.end].startswith("Совершено в городе Астане 7 июня 2012 года")
    assert a.confidence["authentic_languages"] == 0.75


def test_a_card_that_dates_the_entry_into_force_before_the_signature_is_doubted():
    card = "\n".join(CARD_LINES).replace("12.04.2017", "12.04.2015")
    result = parse_text(card)
    a = result.agreement
    assert (a.signed_date, a.entry_into_force_date) == (dt.date(2016, 9, 16), dt.date(2015, 4, 12))
    assert (
        "the entry into force (2015-04-12) is dated before the signature (2016-09-16): one of the two dates is wrong"
        in result.warnings
    )
    assert a.confidence["entry_into_force_date"] == 0.3


def test_an_english_title_is_its_own_english_title():
    a = parse_text(LV_EE).agreement
    assert (
        a.title_en
        == a.title
        == "Agreement between the Republic of Latvia and the Republic of Estonia on Visa-free Travel"
    )


def test_the_signatures_without_a_testimonium_witness_the_parties_where_they_stand():
    result = parse_text(KZ_KG.replace(KZ_KG[KZ_KG.index("Совершено") : KZ_KG.index("За Правительство")], ""))
    a = result.agreement
    (sig,) = [e for e in a.evidence["parties"] if e.source == "signature"]
    assert result.normalised_text[sig.start : sig.end] == (
        "За Правительство Республики Казахстан\n\nЗа Правительство Кыргызской Республики"
    )


CIS = """СОГЛАШЕНИЕ
о сотрудничестве государств - участников Содружества Независимых Государств в области борьбы с преступностью

Правительства государств - участников настоящего Соглашения, далее именуемые Сторонами,

согласились о нижеследующем:

Статья 1

Стороны сотрудничают в области борьбы с преступностью.

Статья 2

Настоящее Соглашение вступает в силу с даты сдачи на хранение депозитарию третьего уведомления."""


def test_a_cis_agreement_naming_no_pair_is_multilateral_by_the_commonwealth_its_title_names():
    result = parse_text(CIS)
    a = result.agreement
    assert (a.parties, a.multilateral) == ([], True)
    (ev,) = a.evidence["multilateral"]
    assert ev.source == "title"
    assert result.normalised_text[ev.start : ev.end] == "Содружества Независимых Государств"
    assert "0 parties: a multilateral agreement" in result.warnings


NL_KZ = """Verdrag tussen het Koninkrijk der Nederlanden en de Republiek Kazachstan inzake het vervoer door de lucht

AGREEMENT ON AIR SERVICES

The Parties to this Agreement,

Have agreed as follows:

Article 1

The Parties shall develop air services between their territories.

Article 2

This Agreement shall enter into force on the date of its signature.

DONE at Astana on 5 May 2015, in duplicate in the English language."""


def test_a_dutch_database_heading_above_an_english_text_names_its_parties():
    result = parse_text(NL_KZ)
    a = result.agreement
    assert (a.title, a.parties) == ("Agreement on Air Services", ["NL", "KZ"])
    (ev,) = a.evidence["parties"]
    assert ev.source == "heading"
    assert "Koninkrijk der Nederlanden en de Republiek Kazachstan" in result.normalised_text[ev.start : ev.end]
    assert (a.signed_date, a.signed_place) == (dt.date(2015, 5, 5), "Astana")


def test_the_term_of_an_agreement_without_articles_is_read_in_its_closing_text():
    text = (
        "Соглашение между Правительством Республики Казахстан и Правительством Кыргызской Республики "
        "о взаимном признании документов об образовании\n\n"
        "Правительство Республики Казахстан и Правительство Кыргызской Республики, далее именуемые "
        "Сторонами, договорились, что документы об образовании, выданные в одном государстве, "
        "признаются в другом государстве.\n\n"
        "Настоящее Соглашение заключается сроком на пять лет и вступает в силу с даты его подписания."
    )
    result = parse_text(text)
    assert result.document_kinds == ["agreement"]
    assert (result.agreement.term.indefinite, result.agreement.term.years) == (False, 5)
    assert "no article headings found" in result.warnings


def test_a_date_in_the_title_s_aside_is_never_the_place_of_signature():
    text = (
        "Соглашение между Республикой Казахстан и Кыргызской Республикой о сотрудничестве в области "
        "туризма (12 мая 2001 года, Чолпон-Ата)\n\n"
        "Республика Казахстан и Кыргызская Республика, далее именуемые Сторонами,\n\n"
        "согласились о нижеследующем:\n\n"
        "Статья 1\n\nСтороны развивают сотрудничество в области туризма.\n\n"
        "Статья 2\n\nНастоящее Соглашение вступает в силу с даты его подписания."
    )
    a = parse_text(text).agreement
    assert a.signed_date == dt.date(2001, 5, 12)
    assert a.signed_place in (None, "Чолпон-Ата")


def test_a_news_report_on_a_ratification_is_about_the_agreement_it_names_most():
    report = (
        "Сенат ратифицировал соглашение с Узбекистаном\n\n"
        "Астана, 3 октября. Сенат Парламента Республики Казахстан ратифицировал соглашение между "
        "Правительством Республики Казахстан и Правительством Республики Узбекистан о международном "
        "автомобильном сообщении. Соглашение было подписано 16 сентября 2016 года в городе Ташкенте. "
        "Соглашение упрощает перевозки грузов."
    )
    result = parse_text(report)
    a = result.agreement
    assert result.document_kinds == ["other"]
    assert a.kind == "agreement"
    assert (a.signed_date, a.signed_place) == (dt.date(2016, 9, 16), "Ташкент")
    assert sorted(a.parties) == ["KZ", "UZ"]
