"""Azerbaijani and Armenian light stemmers; the Snowball-backed ru/en analysers."""

import pytest

from archive.search import armenian, azerbaijani
from archive.search.analysis import analyse

AZ_CONFLATE = [
    ("hökumət", "hökuməti"),
    ("hökumət", "hökumətinin"),
    ("hökumət", "Hökumətləri"),
    ("respublika", "Respublikasının"),
    ("respublika", "respublikasında"),
    ("Azərbaycan", "Azərbaycanın"),
    ("Azərbaycan", "Azərbaycana"),
    ("Azərbaycan", "Azərbaycanda"),
    ("Qazaxıstan", "Qazaxıstanın"),
    ("əməkdaşlıq", "əməkdaşlığı"),
    ("əməkdaşlıq", "əməkdaşlığın"),
    ("təhlükəsizlik", "təhlükəsizliyi"),
    ("kəşfiyyat", "kəşfiyyatı"),
    ("kəşfiyyat", "kəşfiyyatın"),
    ("sahə", "sahəsində"),
    ("dövlət", "dövlətlərin"),
    ("ölkə", "ölkənin"),
    ("qanun", "qanunların"),
    ("tərəf", "tərəflərin"),
]
AZ_DISTINCT = [("bala", "bal"), ("ata", "at"), ("əməkdaşlıq", "əməkdaş"), ("dağ", "dağıstan")]


@pytest.mark.parametrize(("a", "b"), AZ_CONFLATE)
def test_azerbaijani_conflates(a, b):
    assert azerbaijani.stem(a) == azerbaijani.stem(b)


@pytest.mark.parametrize(("a", "b"), AZ_DISTINCT)
def test_azerbaijani_distinct(a, b):
    assert azerbaijani.stem(a) != azerbaijani.stem(b)


HY_CONFLATE = [
    ("հետախուզություն", "հետախուզության"),
    ("հետախուզություն", "հետախուզությամբ"),
    ("հետախուզություն", "հետախուզությունը"),
    ("համագործակցություն", "համագործակցության"),
    ("կապ", "կապի"),
    ("կապ", "կապը"),
    ("պայմանագիր", "պայմանագրի"),
    ("համաձայնագիր", "համաձայնագրի"),
    ("համաձայնագիր", "Համաձայնագրով"),
    ("երկիր", "երկրների"),
    ("Կողմ", "Կողմերը"),
    ("Կողմ", "Կողմերն"),
    ("զարգացում", "զարգացման"),
    ("ոլորտ", "ոլորտում"),
    ("հարաբերություն", "հարաբերությունների"),
    ("առևտուր", "առեւտուր"),  # ligature և = ե + ւ
]


@pytest.mark.parametrize(("a", "b"), HY_CONFLATE)
def test_armenian_conflates(a, b):
    assert armenian.stem(a) == armenian.stem(b)


def test_armenian_distinct():
    assert armenian.stem("սահման") != armenian.stem("սահ")
    assert armenian.stem("ռազմական") != armenian.stem("ռազմ")


def test_russian_and_english_via_snowball():
    assert analyse("военной разведки", "ru") == analyse("военная разведка", "ru")
    assert analyse("Военную разведку", "ru") == analyse("военная разведка", "ru")
    assert analyse("ёлка", "ru") == analyse("елка", "ru")
    assert analyse("military intelligence", "en") == analyse("Military Intelligence", "en")
    assert analyse("communications", "en") == analyse("communication", "en")


@pytest.mark.parametrize(
    ("module", "inflected", "plain"),
    [
        # genitive and possessive endings: "of the Republic of Azerbaijan", "its agreement"
        ("azerbaijani", "Azərbaycan Respublikasının 2024 müqaviləsi", "Azərbaycan Respublikası 2024 müqavilə"),
        # genitive and the definite article: "of the Republic of Armenia", "the agreement"
        ("armenian", "Հայաստանի Հանրապետության 2024 համաձայնագիրը", "Հայաստան Հանրապետություն 2024 համաձայնագիր"),
    ],
)
def test_a_text_analyses_to_the_stems_of_its_plain_forms_and_keeps_numbers(module, inflected, plain):
    analyse_in = {"azerbaijani": azerbaijani, "armenian": armenian}[module].analyse
    lexemes = analyse_in(inflected)
    assert lexemes == analyse_in(plain) and len(lexemes) == 4 and lexemes[2] == "2024"
