"""Dates, places, terms, languages, parties, acts, authorities, relations, titles."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.ingest.acts import act_action, act_type, extract_act
from archive.ingest.authorities import extract_authorities
from archive.ingest.dates import find_dates
from archive.ingest.languages import authentic_languages, prevailing_language
from archive.ingest.parties import extract_parties
from archive.ingest.places import find_place
from archive.ingest.relations import find_relations
from archive.ingest.terms import extract_term
from archive.ingest.titles import english_title, kind_of, title_from_act
from archive.ingest.types import ParsedTerm

D = dt.date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024 жылғы 16 қыркүйектегі", D(2024, 9, 16)),
        ("2004 жылғы 1 наурызда", D(2004, 3, 1)),
        ("2004 жылдың 1 наурызы", D(2004, 3, 1)),
        ('2024 жылғы "7" маусымда', D(2024, 6, 7)),
        ("1996 жылғы 16 қыркүйектегi", D(1996, 9, 16)),
        ("1999 թվականի սեպտեմբերի 2-ի", D(1999, 9, 2)),
        ("2021թ. օգոստոսի 18-ի", D(2021, 8, 18)),
        ("от 16 сентября 2024 года", D(2024, 9, 16)),
        ("«7» июня 2024 г.", D(2024, 6, 7)),
        ("1 марта 2004 года", D(2004, 3, 1)),
        ("16.09.2024", D(2024, 9, 16)),
        ("2024-09-16", D(2024, 9, 16)),
        ("7 June 2024", D(2024, 6, 7)),
        ("June 7, 2024", D(2024, 6, 7)),
        ("the 12th day of October 2019", D(2019, 10, 12)),
        ("7 iyun 2024-cü il", D(2024, 6, 7)),
        ("2024-yil 7-iyun", D(2024, 6, 7)),
        ("2022-жылдын 14-сентябрында", D(2022, 9, 14)),
    ],
)
def test_dates_in_words(text, date):
    found = find_dates(f"… {text} …")
    assert [d.date for d in found] == [date]


@pytest.mark.parametrize("text", ["31.02.2020", "Mart 2020", "статьи 15 Соглашения", "N 1363-Ա"])
def test_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("2024 жылғы 7 маусымда Баку қаласында жасалған", "Баку"),
        ("2005 жылғы 24 мамырда Бакуде жасалған", "Баку"),
        ("Совершено в г. Баку 24 мая 2005 года", "Баку"),
        ("подписанное в городе Астане 1 марта 2004 года", "Астана"),
        ("Done at Ankara on 12 October 2019", "Ankara"),
        ("Done at Kuala Lumpur on 1 May 2020", "Kuala Lumpur"),
        ("Կատարված է Երևանում 2019 թվականի", "Երևան"),
        ("Шымкент қаласында 2020 жылғы", "Шымкент"),
        ("Bakı şəhərində 7 iyun 2024-cü il", "Bakı"),
    ],
)
def test_places_in_the_nominative(text, place):
    assert find_place(text) == place


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "Осы Келісім 5 (бес) жыл мерзімге жасалады. Егер Тараптардың ешқайсысы кемінде 6 (алты) ай бұрын "
            "өзінің оның қолданысын тоқтату ниеті туралы жазбаша хабардар етпесе, оның қолданысы кейінгі "
            "бесжылдық кезеңдерге автоматты түрде ұзартылады.",
            ParsedTerm(False, 5, 5, 6),
        ),
        (
            "Осы Шарт белгіленбеген мерзімге жасалады. Осы Шарт ... қолданысын тоқтату ниеті туралы "
            "хабарламасын алған күннен бастап алты ай өтісімен өзінің қолданысын тоқтатады.",
            ParsedTerm(True, None, None, 6),
        ),
        (
            "Настоящее Соглашение заключается сроком на пять лет и автоматически продлевается на "
            "последующие пятилетние периоды, если ни одна из Сторон не уведомит другую Сторону не менее "
            "чем за шесть месяцев до истечения соответствующего периода о намерении прекратить его действие.",
            ParsedTerm(False, 5, 5, 6),
        ),
        (
            "Настоящий Договор заключается на неопределенный срок. Договор прекращает действие по "
            "истечении 6 (шести) месяцев с даты получения уведомления.",
            ParsedTerm(True, None, None, 6),
        ),
        (
            "This Agreement shall remain in force for a period of five years and shall be automatically "
            "extended for successive periods of five years unless either Party notifies the other of its "
            "intention to terminate it at least six months before the expiry of the respective period.",
            ParsedTerm(False, 5, 5, 6),
        ),
        (
            "This Agreement is concluded for an indefinite period. Either Party may terminate it by "
            "giving six months' notice.",
            ParsedTerm(True, None, None, 6),
        ),
        (
            "Սույն Համաձայնագիրը կնքվում է հինգ տարի ժամկետով և ինքնաբերաբար երկարաձգվում է հաջորդ "
            "հնգամյա ժամկետներով, եթե Կողմերից ոչ մեկը վեց ամիս առաջ չի տեղեկացնում դադարեցնելու մասին։",
            ParsedTerm(False, 5, 5, 6),
        ),
        (
            "Настоящее Соглашение вступает в силу через 30 дней после даты получения последнего уведомления "
            "и будет действовать в течение 5 лет. Его действие будет автоматически продлеваться на следующие "
            "пятилетние периоды, если ни одна из Сторон не уведомит другую Сторону за 6 месяцев до истечения "
            "очередного периода о своем намерении прекратить его действие.",
            ParsedTerm(False, 5, 5, 6),
        ),
        ("Кездесу күні мен күн тәртібі оны өткізгенге дейін бір ай бұрын келісіледі.", None),
    ],
)
def test_term(text, term):
    assert extract_term(text) == term


@pytest.mark.parametrize(
    ("text", "langs", "prevails"),
    [
        (
            "әрқайсысы қазақ, әзербайжан және орыс тілдерінде екі данада жасалды. Тараптар орыс "
            "тіліндегі мәтінге жүгінеді.",
            ["kk", "az", "ru"],
            "ru",
        ),
        (
            "каждый на казахском, азербайджанском и русском языках. В случае разногласий Стороны "
            "руководствуются текстом на русском языке.",
            ["kk", "az", "ru"],
            "ru",
        ),
        (
            "each in the Kazakh, Turkish, English and Russian languages. In case of divergence the "
            "English text shall prevail.",
            ["kk", "tr", "en", "ru"],
            "en",
        ),
        (
            "հայերեն, ղազախերեն և ռուսերեն լեզուներով։ Տարաձայնությունների դեպքում գերակայություն ունի "
            "ռուսերեն տեքստը։",
            ["hy", "kk", "ru"],
            "ru",
        ),
        (
            "каждый на казахском, украинском и русском языках. Для целей толкования положений настоящего "
            "Соглашения будет использоваться текст на русском языке.",
            ["kk", "uk", "ru"],
            "ru",
        ),
        ("Жұмыс тілі - орыс тілі болып табылады.", [], None),
    ],
)
def test_languages(text, langs, prevails):
    assert authentic_languages(text) == langs
    assert prevailing_language(text) == prevails


@pytest.mark.parametrize(
    ("title", "lang", "codes", "level", "written"),
    [
        (
            "Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы ... туралы келісім",
            "kk",
            ["KZ", "AZ"],
            "government",
            ["Қазақстан Республикасының Үкіметі", "Әзербайжан Республикасының Үкіметі"],
        ),
        (
            "Договор между Республикой Казахстан и Кыргызской Республикой о союзнических отношениях",
            "ru",
            ["KZ", "KG"],
            "state",
            ["Республика Казахстан", "Кыргызская Республика"],
        ),
        (
            "Соглашение между Министерством обороны Республики Казахстан и Министерством обороны "
            "Российской Федерации о военном сотрудничестве",
            "ru",
            ["KZ", "RU"],
            "agency",
            ["Министерство обороны Республики Казахстан", "Министерство обороны Российской Федерации"],
        ),
        (
            "Agreement between the Government of the Republic of Kazakhstan and the Government of the "
            "Republic of Turkey on cooperation",
            "en",
            ["KZ", "TR"],
            "government",
            ["Government of the Republic of Kazakhstan", "Government of the Republic of Turkey"],
        ),
        (
            "ՀԱՄԱՁԱՅՆԱԳԻՐ Հայաստանի Հանրապետության կառավարության և Ղազախստանի Հանրապետության "
            "կառավարության միջև համագործակցության մասին",
            "hy",
            ["AM", "KZ"],
            "government",
            ["Հայաստանի Հանրապետության կառավարություն", "Ղազախստանի Հանրապետության կառավարություն"],
        ),
    ],
)
def test_parties(title, lang, codes, level, written):
    info = extract_parties(title, [], lang)
    assert (info.codes, info.level, info.as_written) == (codes, level, written)


def test_parties_from_the_preamble_when_the_title_has_none():
    info = extract_parties(
        "ШАРТ", ["Бұдан әрі Тараптар деп аталатын Қазақстан Республикасы мен Әзербайжан Республикасы,"], "kk"
    )
    assert info.codes == ["KZ", "AZ"] and info.level == "state"


def test_organisations_are_not_parties():
    info = extract_parties(
        "Հավաքական անվտանգության պայմանագրի կազմակերպության և Հայաստանի Հանրապետության միջև համաձայնագիր", [], "hy"
    )
    assert info.codes == ["AM"]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("… туралы келісім", "agreement"),
        ("… туралы ШАРТ", "treaty"),
        ("… келісімге өзгерістер енгізу туралы хаттама", "protocol"),
        ("Протокол о внесении изменений в Соглашение между …", "protocol"),
        ("Договор о дружбе", "treaty"),
        ("Конвенция об избежании двойного налогообложения", "convention"),
        ("Меморандум о взаимопонимании", "memorandum"),
        ("Agreement between …", "agreement"),
        ("Exchange of Notes concerning …", "exchange_of_notes"),
        ("… մասին համաձայնագիր", "agreement"),
        ("… մասին պայմանագիր", "treaty"),
        ("… haqqında saziş", "agreement"),
        ("Рахмет", None),
    ],
)
def test_kind(title, kind):
    assert kind_of(title) == kind


def test_act_types_and_actions():
    assert act_type("Қазақстан Республикасы Үкіметінің 2024 жылғы 16 қыркүйектегі № 752 қаулысы") == "government_decree"
    assert act_type("Закон Республики Казахстан от 10 января 2006 года № 117-III") == "law"
    assert act_type("Федеральный закон от 3 июня 2009 г. № 27-ФЗ") == "federal_law"
    assert act_type("ՀՀ կառավարության որոշում") == "government_decision"
    assert act_type("Указ Президента Республики Казахстан") == "presidential_decree"
    assert act_action("... келісім бекітілсін.") == "approve"
    assert act_action("... шарт ратификациялансын.") == "ratify"
    assert act_action("Утвердить прилагаемое Соглашение") == "approve"
    assert act_action("Ратифицировать Договор") == "ratify"
    assert act_action("внести на рассмотрение Мажилиса Парламента проект Закона «О ратификации ...»") == "submit"
    assert act_action("Одобрить проект Соглашения и подписать его") == "sign"
    assert act_action("присоединиться к Конвенции") == "accede"


def test_kazakh_ratification_law_header():
    act = extract_act(
        [
            "Қазақстан Республикасы мен Түрікменстан арасындағы шекара туралы шартты ратификациялау туралы",
            "Қазақстан Республикасының 2018 жылғы 5 сәуірдегі № 148-VI ҚРЗ Заңы",
            "2017 жылғы 5 маусымда Астанада жасалған ... шарт ратификациялансын.",
        ],
        None,
        "kk",
    )
    # the number as printed: the type suffix (ҚРЗ, ЗРК) is part of the registered number
    assert (act.type, act.action, act.country, act.number, act.date) == (
        "law",
        "ratify",
        "KZ",
        "148-VI ҚРЗ",
        D(2018, 4, 5),
    )


def test_federal_law_number_and_country():
    act = extract_act(
        [
            "Федеральный закон от 3 июня 2009 г. № 27-ФЗ",
            "О ратификации Соглашения ...",
            "Ратифицировать Соглашение ...",
        ],
        None,
        "ru",
    )
    assert (act.type, act.number, act.date, act.country, act.action) == (
        "federal_law",
        "27-ФЗ",
        D(2009, 6, 3),
        "RU",
        "ratify",
    )


def test_title_from_act():
    assert (
        title_from_act(
            [
                "2005 жылғы 24 мамырда Бакуде жасалған Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы "
                "стратегиялық әріптестік туралы шарт ратификациялансын."
            ],
            "kk",
        )
        == "Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы стратегиялық әріптестік туралы шарт"
    )
    assert title_from_act(
        ["О ратификации Договора о дружбе между Республикой Казахстан и Республикой Армения"], "ru"
    ) == ("Договор о дружбе между Республикой Казахстан и Республикой Армения")


def test_english_title_only_when_confident():
    kk = (
        "Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы "
        "үкіметтік байланыс саласындағы ынтымақтастық туралы келісім"
    )
    assert english_title(kk, "agreement", ["KZ", "AZ"], "government", "kk") == (
        "Agreement between the Government of the Republic of Kazakhstan and the Government of the Republic "
        "of Azerbaijan on cooperation in the field of government communications"
    )
    unknown = kk.replace("үкіметтік байланыс", "ерекше бір сала")
    assert english_title(unknown, "agreement", ["KZ", "AZ"], "government", "kk") is None


def test_authorities():
    text = (
        "Компетентными органами, ответственными за реализацию настоящего Соглашения, являются:\n"
        "с казахстанской стороны - Министерство образования и науки Республики Казахстан;\n"
        "с узбекской стороны - Министерство народного образования Республики Узбекистан."
    )
    names = [(a.country, a.name) for a in extract_authorities(text, ["KZ", "UZ"])]
    assert names == [
        ("KZ", "Министерство образования и науки Республики Казахстан"),
        ("UZ", "Министерство народного образования Республики Узбекистан"),
    ]


def test_authorities_need_a_designating_clause():
    assert extract_authorities("Министерство обороны Республики Казахстан проводит учения.", ["KZ"]) == []


@pytest.mark.parametrize(
    ("text", "relation", "date", "title_start"),
    [
        (
            "руководствуясь Соглашением между Правительством Республики Казахстан и Правительством "
            "Азербайджанской Республики о военном сотрудничестве, подписанным в г. Астане 1 марта 2004 года,",
            "based_on",
            D(2004, 3, 1),
            "Соглашение между Правительством",
        ),
        (
            "Договор об основах отношений между Республикой Казахстан и Азербайджанской Республикой от "
            "16 сентября 1996 года прекращает свое действие.",
            "supersedes",
            D(1996, 9, 16),
            "Договор об основах",
        ),
        (
            "This Agreement replaces the Agreement between the Government of the Republic of Kazakhstan and "
            "the Government of the Republic of Turkey on air services signed at Ankara on 5 May 1995.",
            "supersedes",
            D(1995, 5, 5),
            "Agreement between the Government",
        ),
    ],
)
def test_relations(text, relation, date, title_start):
    rels = find_relations([(text, None)], None)
    assert len(rels) == 1
    assert (rels[0].relation, rels[0].date) == (relation, date)
    assert rels[0].title.startswith(title_start)


def test_generic_mentions_are_not_relations():
    text = (
        "Осы Келісім Тараптардың мемлекеттері қатысушылар болып табылатын басқа халықаралық "
        "шарттардан туындайтын құқықтарын қозғамайды."
    )
    assert find_relations([(text, "7")], "kk") == []


@pytest.mark.parametrize(
    ("line", "codes", "written"),
    [
        ("For the Republic of Albania  For Romania", ["AL", "RO"], ["Republic of Albania", "Romania"]),
        ("For the Republic of Albania For Romania", ["AL", "RO"], ["Republic of Albania", "Romania"]),
        ("FOR ROMANIA FOR THE REPUBLIC OF MOLDOVA", ["RO", "MD"], ["ROMANIA", "REPUBLIC OF MOLDOVA"]),
    ],
)
def test_signature_columns_that_lost_their_spacing(line, codes, written):
    from archive.ingest.parties import parties_from_signatures

    info = parties_from_signatures([line], "en")
    assert (info.codes, info.as_written) == (codes, written)


def test_government_columns_keep_their_level():
    from archive.ingest.parties import parties_from_signatures

    info = parties_from_signatures(["For the Government of Georgia For the Government of Armenia"], "en")
    assert info.as_written == ["Government of Georgia", "Government of Armenia"]
    assert info.level == "government"


UNTITLED = """ARTICLE 1
The objectives of this Agreement are to establish a free trade area between Turkey and Georgia.

ARTICLE 2
This Agreement shall apply to products originating in the Parties, as the Agreement establishing the WTO provides.

ARTICLE 3
This Agreement shall enter into force on the first day of the second month after notification.
"""


def test_a_text_without_title_takes_the_kind_it_calls_itself():
    from archive.ingest.pipeline import parse_text

    agreement = parse_text(UNTITLED, "untitled.txt").agreement
    assert agreement.title is None  # no title is invented
    assert agreement.kind == "agreement"
    assert agreement.evidence["kind"][0].quote == "this Agreement"
    assert agreement.confidence["kind"] < 0.7  # weak: an editor confirms it


def test_self_references_without_a_majority_give_no_kind():
    from archive.ingest.pipeline import parse_text

    text = (
        UNTITLED.replace("this Agreement shall apply", "this Protocol shall apply")
        .replace("This Agreement shall enter", "This Protocol shall enter")
        .replace("The objectives of this Agreement", "The objectives of this Convention")
    )
    assert parse_text(text, "untitled.txt").agreement.kind in (None, "protocol")


def test_a_relation_found_twice_is_kept_once_with_its_most_specific_kind():
    # the title and the act both name the agreement: one relation, the amending one wins
    from archive.ingest.metadata import _merge
    from archive.ingest.types import ParsedRelation

    air = (
        "Соглашение между Правительством Республики Казахстан и Правительством Российской Федерации"
        " о воздушном сообщении"
    )
    related = [ParsedRelation("references", air, D(1995, 5, 12))]
    _merge(
        related,
        [
            ParsedRelation("amends", air.upper(), D(1995, 5, 12), place="Алматы"),  # the same: case aside
            ParsedRelation("references", air, D(1997, 3, 1)),  # same title, another date
            ParsedRelation("references", "Конвенция об избежании двойного налогообложения", D(1995, 5, 12)),
            ParsedRelation("based_on", None, D(2001, 1, 1)),  # no title: the date alone
            ParsedRelation("references", None, D(2001, 1, 1)),
        ],
    )
    assert [(r.relation, r.date, r.place) for r in related] == [
        ("amends", D(1995, 5, 12), "Алматы"),
        ("references", D(1997, 3, 1), None),
        ("references", D(1995, 5, 12), None),
        ("based_on", D(2001, 1, 1), None),
    ]
