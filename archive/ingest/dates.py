"""Dates written in words or digits, in kk / ru / hy / en / az / uz / ky / tr.

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

__all__ = ["DateMatch", "find_dates", "first_date", "parse_date"]


@dataclass(frozen=True)
class DateMatch:
    date: dt.date
    start: int
    end: int
    text: str


_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("қаңтар", "январ", "january", "jan", "հունվար", "yanvar", "ocak", "үчтүн айы"),
    2: ("ақпан", "феврал", "february", "feb", "փետրվար", "fevral", "şubat", "бирдин айы"),
    3: ("наурыз", "март", "march", "mar", "մարտ", "mart"),
    4: ("сәуір", "апрел", "april", "apr", "ապրիլ", "aprel", "nisan"),
    5: ("мамыр", "мая", "май", "мае", "may", "մայիս", "mayıs"),
    6: ("маусым", "июн", "june", "jun", "հունիս", "iyun", "haziran"),
    7: ("шілде", "июл", "july", "jul", "հուլիս", "iyul", "temmuz"),
    8: ("тамыз", "август", "august", "aug", "օգոստոս", "avqust", "avgust", "ağustos"),
    9: ("қыркүйек", "сентябр", "september", "sept", "sep", "սեպտեմբեր", "sentyabr", "sentabr", "eylül"),
    10: ("қазан", "октябр", "october", "oct", "հոկտեմբեր", "oktyabr", "oktabr", "ekim"),
    11: ("қараша", "ноябр", "november", "nov", "նոյեմբեր", "noyabr", "kasım"),
    12: ("желтоқсан", "декабр", "december", "dec", "դեկտեմբեր", "dekabr", "aralık"),
}  # fmt: skip
_STEM_TO_MONTH = {stem: m for m, stems in _MONTHS.items() for stem in stems}
_MONTH_ALT = "|".join(sorted((re.escape(s) for s in _STEM_TO_MONTH), key=len, reverse=True))
# month stem + any inflection (кыркүйектегі, наурызда, сентября, սեպտեմբերի)
_MONTH = rf"(?P<month>(?:{_MONTH_ALT})[^\W\d_]*)"
_Q = r"[«\"“„'‘]?"
_QE = r"[»\"”'’]?"
_DAY = rf"{_Q}(?P<day>\d{{1,2}}){_QE}"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

_PATTERNS = [
    # kk / ky / uz: 2024 жылғы 16 қыркүйектегі ; 2004 жылдың 1 наурызы ; 2024-yil 7-iyun
    re.compile(
        rf"{_YEAR}\s*(?:-?\s*(?:жылғы|жылдың|жылы|жыл|ж\.|жылдын|жылы|yil|yilning|il|ildə)\b\.?)"
        rf"\s*{_DAY}\s*-?\s*{_MONTH}",
        re.I,
    ),
    # hy: 1999 թվականի սեպտեմբերի 2-ի ; 2021թ. օգոստոսի 18-ի
    re.compile(
        rf"{_YEAR}\s*(?:թվականի|թ\.?|թթ\.?)\s*{_MONTH}\s*{_DAY}(?:\s*-?\s*(?:ին|ից|ի|ը))?",
        re.I,
    ),
    # ru / en / az / hy: 16 сентября 2024 года ; «7» июня 2024 г. ; 7 June 2024 ; 7 iyun 2024-cü il
    re.compile(
        rf"{_DAY}(?:st|nd|rd|th)?\s*-?\s*(?:day\s+of\s+)?{_MONTH}\s*,?\s*{_YEAR}"
        rf"(?:\s*(?:года|год|г\.|г\b|year|-?c[iıuü]\s+il|il|yil|թվականի|թ\.))?",
        re.I,
    ),
    # en: June 7, 2024
    re.compile(rf"{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\s*,?\s+{_YEAR}", re.I),
    # numeric: 16.09.2024 ; 16/09/2024
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:1[89]|20)\d\d)(?![\d.])"),
    # ISO: 2024-09-16
    re.compile(r"(?<![\d-])(?P<year>(?:1[89]|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])"),
]
_AMBIGUOUS_SHORT = {"mar", "may", "jun", "jul", "jan", "feb", "apr", "aug", "sep", "oct", "nov", "dec"}


def _month_number(word: str) -> int | None:
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    w = word.lower()
    for stem in sorted(_STEM_TO_MONTH, key=len, reverse=True):
        if w.startswith(stem):
            rest = w[len(stem) :]
            if stem in _AMBIGUOUS_SHORT and rest not in ("", "."):
                # short English abbreviations only as such ("Mar", not "marriage")
                if stem == "may" and rest == "":
                    return 5
                continue
            if stem == "март" and rest not in ("", "а", "е", "ы", "та", "тта", "ында"):
                continue
            if stem in ("мая", "май", "мае") and rest not in ("", "ы", "да", "ға"):
                continue
            if stem == "mart" and rest not in ("", "da", "ta", "ın", "ın"):
                continue
            return _STEM_TO_MONTH[stem]
    return None


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
