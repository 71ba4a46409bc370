"""Dates written in words or digits, in every language profile (month names from CLDR).

``find_dates(text)`` returns every date with its position; inflected month names and
case endings are accepted (``2024 жылғы 16 қыркүйектегі``, ``2004 жылдың 1 наурызы``,
``1999 թվականի սեպտեմբերի 2-ի``, ``от 16 сентября 2024 года``, ``«7» июня 2024 г.``,
``16.09.2024``, ``7 June 2024``, ``June 7, 2024``, ``7 iyun 2024-cü il``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from archive.language.caseless import caseless
from archive.language.months import month_number

__all__ = ["DateMatch", "find_dates", "first_date", "parse_date"]


@dataclass(frozen=True)
class DateMatch:
    date: dt.date
    start: int
    end: int
    text: str


# any word where a month stands (кыркүйектегі, наурызда, сентября, սեպտեմբերի, juni): the
# patterns stay small and fast, and month_number() tells a month from another word
_MONTH = r"(?P<month>[^\W\d_]{3,}\.?)"
_Q = r"[«\"“„'‘]?"
_QE = r"[»\"”'’]?"
_DAY = rf"{_Q}(?P<day>\d{{1,2}}){_QE}"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

_PATTERNS = [
    # kk / ky / uz: 2024 жылғы 16 қыркүйектегі ; 2004 жылдың 1 наурызы ; 2024-yil 7-iyun
    caseless(
        rf"{_YEAR}\s*(?:-?\s*(?:жылғы|жылдың|жылы|жыл|ж\.|жылдын|жылы|yil|yilning|il|ildə|йил|йилги|йилнинг|йилда)\b\.?)"
        rf"\s*{_DAY}\s*-?\s*{_MONTH}"
    ),
    # az: 2017-ci il oktyabrın 27-də ; 2015-ci il 30 oktyabr
    caseless(
        rf"{_YEAR}\s*-?\s*(?:ci|cı|cu|cü)\s+il(?:in)?\s+{_MONTH}\s+{_DAY}(?:\s*-?\s*(?:də|da|dən|dan|ə|a|i|ı|u|ü))?"
    ),
    caseless(rf"{_YEAR}\s*-?\s*(?:ci|cı|cu|cü)\s+il(?:in)?\s+{_DAY}\s+{_MONTH}"),
    # hy: 1999 թվականի սեպտեմբերի 2-ի ; 2021թ. օգոստոսի 18-ի
    caseless(rf"{_YEAR}\s*(?:թվականի|թ\.?|թթ\.?)\s*{_MONTH}\s*{_DAY}(?:\s*-?\s*(?:ին|ից|ի|ը))?"),
    # ru / en / az / hy: 16 сентября 2024 года ; «7» июня 2024 г. ; 7 June 2024 ; 7 iyun 2024-cü il
    caseless(
        rf"{_DAY}(?:st|nd|rd|th|er|e|ste|de|º|°|\.)?\s*-?\s*(?:day\s+of\s+(?:the\s+month\s+of\s+)?|of\s+|de\s+|del\s+)?"
        rf"{_MONTH}\s*,?\s*(?:(?:de|del|of(?:\s+the\s+year)?|in\s+the\s+year)\s+)?{_YEAR}"
        rf"(?:\s*(?:года|год|г\.|г\b|year|-?c[iıuü]\s+il|il|yil|թվականի|թ\.))?"
    ),
    # en: June 7, 2024
    caseless(rf"{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\s*,?\s+{_YEAR}"),
    # numeric: 16.09.2024 ; 16/09/2024
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:1[89]|20)\d\d)(?![\d.])"),
    # ISO: 2024-09-16
    re.compile(r"(?<![\d-])(?P<year>(?:1[89]|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])"),
]


def _month_number(word: str) -> int | None:
    return month_number(word)


_DIGIT = re.compile(r"\d")


def find_dates(text: str) -> list[DateMatch]:
    """Every valid date in ``text``, in text order (overlapping matches dropped)."""
    if not text or not _DIGIT.search(text):
        return []
    return list(_find_dates(text))


@functools.lru_cache(maxsize=512)
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            month = _month_number(m.group("month"))
            if month is None:
                continue
            try:
                date = dt.date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
            found.append(DateMatch(date, s, e, m.group(0)))
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return tuple(found)


def first_date(text: str) -> dt.date | None:
    dates = find_dates(text)
    return dates[0].date if dates else None


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` holds (first one), or None."""
    return first_date(text)
