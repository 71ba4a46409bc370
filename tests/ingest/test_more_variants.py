"""Variants written after the parser, to check it generalises: a Russian decree whose agreement
both cites and ends an older one, an English agreement in capitals with the bodies named after
their countries, an Armenian agreement in capitals whose language list has no closing noun."""

import datetime as dt
from pathlib import Path

import pytest

from archive.ingest.pipeline import parse_path
from archive.ingest.titles import recase_all_caps
from tests.ingest.conftest import parse_scope

VARIANTS = Path(__file__).resolve().parent / "variants"


@pytest.fixture(scope=parse_scope)
def ru():
    return parse_path(VARIANTS / "ru_decree_kz_kg_supersedes.txt")


@pytest.fixture(scope=parse_scope)
def en():
    return parse_path(VARIANTS / "en_caps_am_ge.txt")


@pytest.fixture(scope=parse_scope)
def hy():
    return parse_path(VARIANTS / "hy_caps_am_kz.txt")


def test_a_reference_that_is_also_ended_is_superseded_not_merely_based_on(ru):
    [rel] = ru.related
    assert rel.relation == "supersedes" and rel.date == dt.date(1997, 4, 22)


def test_english_all_caps_title_is_recased(en):
    assert en.agreement.title == (
        "Agreement between the Government of the Republic of Armenia and the Government of Georgia "
        "on International Road Transport"
    )


def test_english_bodies_named_after_their_country(en):
    assert [(x.country, x.name) for x in en.agreement.authorities] == [
        ("AM", "Ministry of Territorial Administration and Infrastructure"),
        ("GE", "Ministry of Economy and Sustainable Development"),
    ]
    assert en.agreement.term.indefinite and en.agreement.term.notice_months == 6
    assert en.agreement.prevailing_language == "en"
    assert en.related[0].relation == "supersedes"


def test_armenian_language_list_without_a_noun_and_compound_renewal(hy):
    a = hy.agreement
    assert a.authentic_languages == ["hy", "kk", "ru"] and a.prevailing_language == "ru"
    assert (a.term.years, a.term.renewal_years, a.term.notice_months) == (5, 5, 6)
    assert a.signed_date == dt.date(2019, 10, 1) and a.parties == ["AM", "KZ"]
    assert a.title.startswith("Համաձայնագիր Հայաստանի Հանրապետության կառավարության և Ղազախստանի")


@pytest.mark.parametrize(
    ("caps", "expected"),
    [
        (
            "СОГЛАШЕНИЕ МЕЖДУ ПРАВИТЕЛЬСТВОМ РЕСПУБЛИКИ КАЗАХСТАН И ПРАВИТЕЛЬСТВОМ РОССИЙСКОЙ ФЕДЕРАЦИИ О ТРАНЗИТЕ",
            "Соглашение между Правительством Республики Казахстан и Правительством Российской Федерации о транзите",
        ),
        (
            "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ҮКІМЕТІ МЕН ӨЗБЕКСТАН РЕСПУБЛИКАСЫНЫҢ ҮКІМЕТІ АРАСЫНДАҒЫ КЕЛІСІМ",
            "Қазақстан Республикасының Үкіметі мен Өзбекстан Республикасының Үкіметі арасындағы келісім",
        ),
        # Armenian capitals spell the ligature և as ԵՎ; the country names and "Republic" keep a capital
        (
            "ՀԱՅԱՍՏԱՆԻ ՀԱՆՐԱՊԵՏՈՒԹՅԱՆ ԵՎ ՂԱԶԱԽՍՏԱՆԻ ՀԱՆՐԱՊԵՏՈՒԹՅԱՆ ՄԻՋԵՎ",
            "Հայաստանի Հանրապետության և Ղազախստանի Հանրապետության միջև",
        ),
    ],
)
def test_recase_all_caps(caps, expected):
    assert recase_all_caps(caps) == expected


def test_armenian_capitals_ev_is_the_ligature_only_where_it_stands_for_it():
    # "ԵՎ" alone is the conjunction "և", word-final "ԵՎ" is the ligature ("ՄԻՋԵՎ" -> "միջև"), a
    # word-initial "ԵՎ" before letters is two letters ("ԵՎՐՈՊԱ" -> "եվրոպա", never "և" + "րոպա").
    # Case aside: which words keep a capital is what test_recase_all_caps pins.
    assert recase_all_caps("ՄԻՋԵՎ ԵՎ ԵՎՐՈՊԱ").lower() == "միջև և եվրոպա"
