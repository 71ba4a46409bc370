"""extract_act: of the paragraphs naming the act's type, the dated one is its header (the one
that gives the date), not a bare type line above it."""

from __future__ import annotations

import datetime as dt

from archive.ingest.acts import extract_act

UZ = "Соглашения между Правительством Республики Казахстан и Правительством Республики Узбекистан"


def test_the_dated_type_line_under_a_bare_one_is_the_header_and_dates_the_decree():
    act = extract_act(
        [
            "ПОСТАНОВЛЕНИЕ ПРАВИТЕЛЬСТВА РЕСПУБЛИКИ КАЗАХСТАН",
            "Постановление Правительства Республики Казахстан от 16 сентября 2024 года",
            f"О подписании {UZ} о международном автомобильном сообщении",
            "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
            f"1. Одобрить проект {UZ} о международном автомобильном сообщении.",
        ],
        None,
        "ru",
    )
    assert (act.type, act.date, act.number, act.action) == ("government_decree", dt.date(2024, 9, 16), None, "sign")
