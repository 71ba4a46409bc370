"""is_title on the first lines of treaty files: the act speaking, a sentence that opens with
the agreement, capitalised modifiers before the head noun, and what follows the head noun."""

from __future__ import annotations

import pytest

from archive.ingest.segment import is_title


@pytest.mark.parametrize(
    "p",
    [
        "Trade and Economic Cooperation Agreement between the Government of the Republic of Kazakhstan"
        " and the Government of the Kyrgyz Republic",
        "Соглашение (в редакции Протокола от 12 мая 2015 года)",
        "Agreement (with Annexes) between the Republic of Kazakhstan and the Republic of Armenia",
        "СОГЛАШЕНИЕ «О сотрудничестве в области культуры»",
        "Рамочная конвенция ООН об изменении климата",
    ],
)
def test_titles(p):
    assert is_title(p)


@pytest.mark.parametrize(
    "p",
    [
        # the act speaking: a numbered item, an operative verb
        "1. Соглашение между Правительством Республики Казахстан и Правительством Российской Федерации"
        " о сотрудничестве в области культуры",
        "Ратифицировать Соглашение между Правительством Республики Казахстан и Правительством Российской"
        " Федерации о сотрудничестве в области культуры",
        # a sentence about the agreement
        "This Agreement shall enter into force on the date of receipt of the last notification",
        "Настоящее Соглашение вступает в силу с даты его подписания",
        # more than eight words before the head noun
        "The Parties shall in accordance with their national legislation apply the Agreement between the"
        " Republic of Kazakhstan and the Kyrgyz Republic",
    ],
)
def test_not_titles(p):
    assert not is_title(p)
