"""Dates in words and digits (archive.ingest.dates), checked against the dates the phrases say."""

import datetime as dt

import pytest

from archive.ingest.dates import find_dates, first_date, parse_date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("от 16 сентября 2024 года", dt.date(2024, 9, 16)),
        ("«7» июня 2024 г.", dt.date(2024, 6, 7)),
        ("2024 жылғы 7 шілдеде", dt.date(2024, 7, 7)),  # July in Kazakh, locative
        ("2004 жылдың 1 наурызы", dt.date(2004, 3, 1)),
        ("1999 թվականի սեպտեմբերի 2-ի", dt.date(1999, 9, 2)),
        ("2017-ci il oktyabrın 27-də", dt.date(2017, 10, 27)),
        ("2015-ci il 30 oktyabr", dt.date(2015, 10, 30)),
        ("June 7, 2024", dt.date(2024, 6, 7)),
        ("done on the 7th day of June 2024", dt.date(2024, 6, 7)),
        ("16.09.2024", dt.date(2024, 9, 16)),
        ("16/09/2024", dt.date(2024, 9, 16)),
        ("2024-09-16", dt.date(2024, 9, 16)),
    ],
)
def test_a_written_date_is_the_day_it_says(text, day):
    assert parse_date(text) == first_date(text) == day
    (found,) = find_dates(text)
    assert found.date == day and text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "без даты",  # no digit at all
        "31 февраля 2024 года",  # no such day
        "32.01.2024",
        "16.13.2024",  # no thirteenth month
        "16 сентябрь-ноябрь",  # no year
        "7 Junk 2024",  # not a month
        "16.09.1624",  # outside the years an agreement of this archive has
    ],
)
def test_no_date_where_there_is_none(text):
    assert parse_date(text) is None and find_dates(text) == []


def test_dates_come_in_text_order_with_their_places():
    text = "подписано 16.09.2024 в Баку, вступает в силу 7 June 2025"
    found = find_dates(text)
    assert [d.date for d in found] == [dt.date(2024, 9, 16), dt.date(2025, 6, 7)]
    assert [d.text for d in found] == ["16.09.2024", "7 June 2025"]
    assert [text[d.start : d.end] for d in found] == [d.text for d in found]
    assert first_date(text) == dt.date(2024, 9, 16)  # the first in the text, not the first pattern's


def test_a_date_is_found_once_even_where_two_patterns_read_it():
    # "2024 жылғы 16 қыркүйек" is also "16 қыркүйек 2024"-shaped for the words after it: one date
    assert [d.date for d in find_dates("2024 жылғы 16 қыркүйек 2024 жылы")] == [dt.date(2024, 9, 16)]
