"""A file that holds the agreement in two languages (kk, then ru): the second version starts at
its own title, not at the first version's signatures, and is read as a version of its own (title
in the nominative, its articles, where it lies in the text)."""

from __future__ import annotations

from archive.ingest.normalise import normalise
from archive.ingest.pipeline import parse_text
from archive.ingest.segment import segment

KK = "\n\n".join(
    [
        (
            "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі арасындағы мәдени "
            "ынтымақтастық туралы КЕЛІСІМ"
        ),
        (
            "Бұдан әрі Тараптар деп аталатын Қазақстан Республикасының Үкіметі мен Ресей Федерациясының "
            "Үкіметі, екі мемлекет халықтары арасындағы достық қатынастарды нығайтуға ұмтыла отырып, "
            "төмендегілер туралы келісті:"
        ),
        "1-бап",
        (
            "Тараптар мәдениет, өнер және білім салаларындағы ынтымақтастықты дамытады және бұл үшін қажетті "
            "жағдайлар жасайды."
        ),
        "2-бап",
        "Осы Келісім қол қойылған күнінен бастап күшіне енеді және белгісіз мерзімге жасалады.",
        ("2010 жылғы 5 мамырда Мәскеу қаласында әрқайсысы қазақ және орыс тілдерінде екі түпнұсқа данада жасалды."),
        "Қазақстан Республикасының Үкіметі үшін",
        "Ресей Федерациясының Үкіметі үшін",
    ]
)
RU = "\n\n".join(
    [
        (
            "СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством Российской Федерации о "
            "культурном сотрудничестве"
        ),
        (
            "Правительство Республики Казахстан и Правительство Российской Федерации, именуемые в дальнейшем "
            "Сторонами, стремясь укреплять дружественные отношения между народами двух государств, "
            "согласились о нижеследующем:"
        ),
        "Статья 1",
        (
            "Стороны развивают сотрудничество в области культуры, искусства и образования и создают для "
            "этого необходимые условия."
        ),
        "Статья 2",
        ("Настоящее Соглашение вступает в силу с даты его подписания и заключается на неопределенный срок."),
        (
            "Совершено в городе Москве 5 мая 2010 года в двух подлинных экземплярах, каждый на казахском и "
            "русском языках."
        ),
        "За Правительство Республики Казахстан",
        "За Правительство Российской Федерации",
    ]
)


def test_the_second_language_version_starts_at_its_title():
    seg = segment(normalise(KK + "\n\n" + RU).text)
    assert seg.language == "kk"
    assert [a.number for a in seg.articles] == ["1", "2"]
    assert seg.signature_block == ["Қазақстан Республикасының Үкіметі үшін", "Ресей Федерациясының Үкіметі үшін"]
    (ru,) = seg.versions
    assert ru.language == "ru"
    assert ru.title == RU.split("\n\n")[0]
    assert ru.preamble == [RU.split("\n\n")[1]]
    assert [a.number for a in ru.articles] == ["1", "2"]


def test_the_parsed_version_has_its_title_articles_and_place_in_the_text():
    result = parse_text(KK + "\n\n" + RU)
    a = result.agreement
    assert a.title == (
        "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі арасындағы "
        "мәдени ынтымақтастық туралы келісім"
    )
    assert a.parties == ["KZ", "RU"]
    assert (a.signed_date.isoformat(), a.signed_place) == ("2010-05-05", "Мәскеу")
    (ru,) = a.versions
    assert ru.language == "ru"
    assert ru.title == (
        "Соглашение между Правительством Республики Казахстан и Правительством Российской Федерации "
        "о культурном сотрудничестве"
    )
    assert [x.number for x in ru.articles] == ["1", "2"]
    text = result.normalised_text
    assert text[ru.start :].startswith("СОГЛАШЕНИЕ между Правительством Республики Казахстан")
    assert text[: ru.end].endswith("За Правительство Российской Федерации")
    assert "the file holds further language versions of the agreement (ru)" in result.warnings
