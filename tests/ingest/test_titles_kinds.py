"""Titles: the kind of a head-last (Kazakh) title, and the English title of a memorandum of
understanding or of a title with more than two parties. Expected values read off the titles."""

from __future__ import annotations

import pytest

from archive.ingest.titles import english_title, kind_of

_KK_PROTOCOL = "Келісімге өзгерістер енгізу туралы хаттама"  # "Protocol on amendments to the Agreement"


@pytest.mark.parametrize("language", [None, "kk"])
def test_kazakh_title_takes_its_last_kind_word(language):
    # head-last: the protocol amends an agreement; "Келісімге" (to the Agreement) is not the head
    assert kind_of(_KK_PROTOCOL, language) == "protocol"
    assert kind_of("Шартқа өзгерістер енгізу туралы хаттама", language) == "protocol"


def test_english_title_of_an_armenian_memorandum_of_understanding():
    hy = (
        "Հայաստանի Հանրապետության կառավարության և Ղազախստանի Հանրապետության կառավարության միջև "
        "մշակույթի բնագավառում համագործակցության մասին փոխըմբռնման հուշագիր"
    )
    assert english_title(hy, "memorandum", ["AM", "KZ"], "government", "hy") == (
        "Memorandum of Understanding between the Government of the Republic of Armenia and the Government"
        " of the Republic of Kazakhstan on cooperation in the field of culture"
    )


_RU_AGREEMENT = (
    "Соглашение между Правительством Республики Казахстан и Правительством Республики Армения"
    " о сотрудничестве в области туризма"
)


def test_english_title_of_a_bilateral_agreement():
    assert english_title(_RU_AGREEMENT, "agreement", ["KZ", "AM"], "government", "ru") == (
        "Agreement between the Government of the Republic of Kazakhstan and the Government of the Republic"
        " of Armenia on cooperation in the field of tourism"
    )


def test_no_english_title_for_three_parties():
    assert english_title(_RU_AGREEMENT, "agreement", ["KZ", "AM", "BY"], "government", "ru") is None
    assert english_title(_RU_AGREEMENT, "agreement", ["KZ", "AM", "BY"], "state", "ru") is None
