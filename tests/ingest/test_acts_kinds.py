"""extract_act: the act's type when no paragraph names it alone — spread over two lines, or
told by what the act does and the country's practice (ratification by law, approval and
signing by government decree)."""

import pytest

from archive.ingest.acts import extract_act


@pytest.mark.parametrize(
    ("paragraphs", "language", "kind", "action"),
    [
        (
            [
                "Кыргыз Республикасы менен Казакстан Республикасынын ортосундагы мамлекеттик чек ара "
                "жөнүндө келишимди ратификациялоо жөнүндө",
                "2001-жылдын 15-декабрында Астана шаарында кол коюлган келишим ратификациялансын.",
            ],
            "ky",
            "law",
            "ratify",
        ),
        (
            [
                "O'zbekiston Respublikasi va Qozog'iston Respublikasi o'rtasidagi davlat chegarasi "
                "to'g'risidagi shartnomani ratifikatsiya qilish haqida",
                "2001-yil 16-noyabrda Astana shahrida imzolangan shartnoma ratifikatsiya qilinsin.",
            ],
            "uz",
            "law",
            "ratify",
        ),
        (
            [
                "Қазақстан Республикасы мен Өзбекстан Республикасы арасындағы көлік туралы келісімді бекіту туралы",
                "2010 жылғы 5 мамырда Ташкент қаласында жасалған келісім бекітілсін.",
            ],
            "kk",
            "government_decree",
            "approve",
        ),
        (
            [
                "O'zbekiston Respublikasi va Qozog'iston Respublikasi o'rtasidagi transport to'g'risidagi bitimni "
                "tasdiqlash haqida",
                "2010-yil 5-mayda Toshkent shahrida imzolangan bitim tasdiqlansin.",
            ],
            "uz",
            "government_decree",
            "approve",
        ),
    ],
)
def test_no_type_named_the_action_and_the_country_tell_it(paragraphs, language, kind, action):
    act = extract_act(paragraphs, None, language)
    assert (act.type, act.action) == (kind, action)


def test_an_operative_part_that_signs_outweighs_a_title_that_approves():
    # "approve the draft" in the title, "approve the draft and sign it" in the operative part
    act = extract_act(
        [
            "ПОСТАНОВЛЕНИЕ ПРАВИТЕЛЬСТВА РЕСПУБЛИКИ КАЗАХСТАН",
            "Об утверждении проекта Соглашения между Правительством Республики Казахстан и Правительством "
            "Республики Узбекистан о транспорте",
            "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
            "1. Одобрить проект Соглашения и подписать его.",
        ],
        None,
        "ru",
    )
    assert (act.type, act.action) == ("government_decree", "sign")
    assert act.title == (
        "Об утверждении проекта Соглашения между Правительством Республики Казахстан и Правительством "
        "Республики Узбекистан о транспорте"
    )
