"""The words for statuses and relations, and how the reading modules speak the interface language.

One place for them: the model choices (``archive.models.choices``), the status reasons
(:mod:`archive.reading.status`) and the drawings (:mod:`archive.reading.drawings`) take their labels
from here. Every English text is a whole template marked with the local :func:`gettext_noop` (so
``makemessages`` finds it) and translated by the caller's ``translate`` (a ``gettext``; identity by
default, so nothing here needs Django) before its named placeholders are filled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

__all__ = [
    "RELATION_LABELS",
    "REVERSE_RELATION_LABELS",
    "STATUS_LABELS",
    "STATUS_PHRASES",
    "Translate",
    "Words",
    "format_date",
    "gettext_noop",
]

Translate = Callable[[str], str]


def gettext_noop(message: str) -> str:
    """Marks an English template for ``makemessages``; translated later by the caller's ``translate``."""
    return message


def _identity(message: str) -> str:
    return message


# A status as a heading or badge ("In force"): the labels of ``archive.models.choices.Status``.
STATUS_LABELS = {
    "draft": gettext_noop("Draft"),
    "ratified": gettext_noop("Ratified / approved"),  # an approving or ratifying act known, no entry into force
    "signed": gettext_noop("Signed"),  # entry into force not recorded (yet)
    "in_force": gettext_noop("In force"),
    "provisional": gettext_noop("Provisionally applied"),  # set by an editor; the entry into force ends it
    "suspended": gettext_noop("Suspended"),
    "expired": gettext_noop("Expired"),
    "terminated": gettext_noop("Terminated"),
    "superseded": gettext_noop("Superseded"),
    "unknown": gettext_noop("Unknown"),
}

# A status inside a sentence or a legend ("… applied provisionally"), lower case.
STATUS_PHRASES = {
    "in_force": gettext_noop("in force"),
    "expired": gettext_noop("expired"),
    "terminated": gettext_noop("terminated"),
    "superseded": gettext_noop("superseded"),
    "signed": gettext_noop("signed, not yet in force"),
    "ratified": gettext_noop("ratified or approved, not yet in force"),
    "provisional": gettext_noop("applied provisionally"),
    "draft": gettext_noop("draft"),
    "unknown": gettext_noop("status unknown"),
}

# A relation read subject → object ("2024 agreement" based on "2004 agreement"): the labels of
# ``archive.models.choices.Predicate``; the reverse ones read it object → subject.
RELATION_LABELS = {
    "based_on": gettext_noop("based on"),
    "supersedes": gettext_noop("supersedes"),
    "amends": gettext_noop("amends"),
    "implements": gettext_noop("implements"),
    "references": gettext_noop("references"),
}
REVERSE_RELATION_LABELS = {
    "based_on": gettext_noop("basis for"),
    "supersedes": gettext_noop("superseded by"),
    "amends": gettext_noop("amended by"),
    "implements": gettext_noop("implemented by"),
    "references": gettext_noop("referenced by"),
}

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Babel patterns for a date inside a sentence; ends with the month or year, never with an
# abbreviation's dot (a sentence's own full stop follows).
_DATE_PATTERNS = {"kk": "y 'жылғы' d MMMM"}  # "2024 жылғы 7 маусым", as Kazakh documents write it


def format_date(day: dt.date, language: str = "en") -> str:
    """'7 June 2024' in English (without depending on the process locale); Babel for other languages."""
    lang = (language or "en").replace("-", "_")
    if lang.split("_")[0] != "en":
        try:
            from babel.dates import format_date as babel_format_date

            return babel_format_date(day, _DATE_PATTERNS.get(lang.split("_")[0], "d MMMM y"), locale=lang)
        except Exception:  # unknown locale: English rather than an error page
            pass
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


class Words:
    """Translation and dates in one language: ``words(template, **values)`` and ``words.date(day)``."""

    def __init__(self, translate: Translate | None = None, language: str | None = "en") -> None:
        self.translate = translate or _identity
        self.language = language or "en"

    def __call__(self, template: str, **values: object) -> str:
        """A whole sentence: the template translated, then its named placeholders filled."""
        return self.translate(template).format(**values) if values else self.translate(template)

    def date(self, day: dt.date) -> str:
        return format_date(day, self.language)

    def status(self, code: str) -> str:
        """A status inside a sentence ("applied provisionally"); "" for a code of no one's."""
        return self(STATUS_PHRASES[code]) if code in STATUS_PHRASES else ""

    def relation(self, predicate: str) -> str:
        """A relation's label ("based on"); an unknown predicate with its underscores as spaces."""
        return self(RELATION_LABELS[predicate]) if predicate in RELATION_LABELS else predicate.replace("_", " ")
