"""How the segmenter grows a title over paragraphs (ru/kk): a lone head noun takes the rest of
the title after it, or the title before it; a title broken mid-name goes on; the aside under it
is kept; a preamble clause after a lone head noun is not part of the title."""

from __future__ import annotations

from archive.ingest.segment import segment

RU_PREAMBLE = (
    "Правительство Республики Казахстан и Правительство Российской Федерации, именуемые в дальнейшем "
    "Сторонами, согласились о нижеследующем:"
)
KK_PREAMBLE = (
    "Бұдан әрі Тараптар деп аталатын Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі "
    "төмендегілер туралы келісті:"
)


def _seg(*paras: str):
    return segment("\n\n".join(paras))


def test_a_lone_head_noun_takes_the_rest_of_the_title():
    seg = _seg(
        "СОГЛАШЕНИЕ",
        "между Правительством Республики Казахстан и Правительством Российской Федерации о торговле",
        RU_PREAMBLE,
        "Статья 1",
        "Стороны развивают торговлю.",
    )
    assert seg.title == (
        "СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством Российской Федерации о торговле"
    )
    assert seg.title_range == (0, 2)
    assert seg.preamble == [RU_PREAMBLE]


def test_a_lone_head_noun_closes_a_kk_title():
    seg = _seg(
        "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі арасындағы сауда туралы",
        "КЕЛІСІМ",
        KK_PREAMBLE,
        "1-бап",
        "Тараптар сауданы дамытады.",
    )
    assert seg.title == (
        "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі арасындағы сауда туралы КЕЛІСІМ"
    )
    assert seg.title_range == (0, 2)


def test_a_clause_after_a_lone_head_noun_is_the_preamble_not_the_title():
    clause = (
        "Высокие Договаривающиеся Стороны, стремясь развивать торговлю и экономическое сотрудничество, "
        "согласились о нижеследующем:"
    )
    seg = _seg("СОГЛАШЕНИЕ", clause, "Статья 1", "Стороны развивают торговлю.", "Статья 2", "Текст.")
    assert seg.title == "СОГЛАШЕНИЕ"
    assert seg.title_range == (0, 1)
    assert seg.preamble == [clause]
    assert [a.number for a in seg.articles] == ["1", "2"]


def test_a_title_broken_inside_a_name_goes_on_with_its_aside():
    seg = _seg(
        "Соглашение между Правительством Республики Казахстан и Правительством",
        "Российской Федерации о торговле",
        "(Москва, 11 ноября 1992 года)",
        "Статья 1",
        "Стороны развивают торговлю.",
    )
    assert seg.title == (
        "Соглашение между Правительством Республики Казахстан и Правительством Российской Федерации о торговле "
        "(Москва, 11 ноября 1992 года)"
    )
    assert seg.title_range == (0, 3)
