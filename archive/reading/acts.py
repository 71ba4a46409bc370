"""Acts as documents of their own: their permalinks, and finding one however its number is written.

Permalink: ``/acts/<country>/<type>/<key>/``, the country's ISO code in lower case (``xx`` when
the act names none), the type's slug (``government-decree``) and a key made of the act's own
facts, so that the address is computed, never stored, and a reader can guess it from a citation:

* number and date: ``2024-752`` (the year and the number; decrees are numbered per year);
* number, no date: ``undated-27-iii``;
* date, no number: ``2005-05-24`` (a law whose number was cut off from the published text);
* neither: ``on-<agreement slug>``: the act is known only as "the law that ratified this agreement"
  (the unique constraint on acts allows one such act per agreement, country and type).

The number is kept in its own script, lower-cased, with any run of other characters written
``-``: ``1363-Ա`` → ``1363-ա``, ``27-ФЗ`` → ``27-фз``. A transliteration (``1363-a``, ``27-fz``)
would lose what the number is — Latin ``V`` and Cyrillic ``В`` are different numbers — while
browsers show these addresses as written. Resolving compares :func:`act_number_key`, so
``/acts/am/government-decision/2021-1363-Ա/`` or ``…/2021-1363ա/`` find the act too (the view
redirects them to the canonical address).

One decree may approve several agreements: each is an :class:`~archive.models.Act` row with the
same country, type, number and date. They share one address and one page.

:func:`find_acts` is the citation resolver: ``Government decree № 752 of 16 September 2024``,
``№ 752``, ``N 527``, ``No. 527``, ``1363-Ա``, ``1363`` give the acts of that number, narrowed by
the date, year, type and country the citation states, when that leaves any.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import translation

from archive.ingest.acts import act_type
from archive.ingest.dates import find_dates
from archive.language.countries import find_countries
from archive.models import Act, ActType
from archive.search.text import NUMBER_SIGN_RE, act_number_digits, act_number_key, clean

__all__ = [
    "NO_COUNTRY",
    "ActCitation",
    "act_path",
    "acts_at",
    "find_acts",
    "group_acts",
    "identity",
    "number_slug",
    "parse_citation",
    "path_key",
    "type_from_slug",
    "type_slug",
]

NO_COUNTRY = "xx"
#: candidates read for one number; a number shared by more acts than this is narrowed in SQL by the
#: digits only, which no real corpus comes near
MAX_CANDIDATES = 500
_RUN_RE = re.compile(r"[\W_]+")
_DIGIT_RE = re.compile(r"\d")
_DATE_KEY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR_KEY_RE = re.compile(r"^(\d{4})-(.+)$")
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# a number as written after its sign, or standing alone: "752", "1363-Ա", "27-ФЗ", "12/345"
_WRITTEN_NUMBER_RE = re.compile(r"[^\W_]+(?:[-‐‑–—/.][^\W_]+)*")
_BARE_NUMBER_RE = re.compile(r"(?<![^\W_])\d[^\W_]*(?:[-‐‑–—/.][^\W_]+)*")


def type_slug(kind: str) -> str:
    """``government_decree`` → ``government-decree``."""
    return (kind or ActType.OTHER).replace("_", "-")


def type_from_slug(slug: str) -> str | None:
    value = (slug or "").lower().replace("-", "_")
    return value if value in ActType.values else None


def number_slug(number: str) -> str:
    """The number for an address, in its own script: ``1363-Ա`` → ``1363-ա``, ``12/345`` → ``12-345``."""
    return _RUN_RE.sub("-", clean(number or "").casefold()).strip("-")


def path_key(act: Act) -> str:
    """The last part of the act's address (see the module's docstring)."""
    number = number_slug(act.number)
    if number and act.date:
        return f"{act.date.year}-{number}"
    if number:
        return f"undated-{number}"
    if act.date:
        return act.date.isoformat()
    return f"on-{act.agreement.slug}"


def act_path(act: Act) -> str:
    country = (act.country_id or NO_COUNTRY).lower()
    return reverse("act_detail", kwargs={"country": country, "kind": type_slug(act.type), "key": path_key(act)})


def identity(act: Act) -> tuple:
    """What makes two act rows the same act (one decree approving two agreements)."""
    key = act_number_key(act.number)
    return (act.country_id, act.type, key, act.date, None if key or act.date else act.agreement_id)


def group_acts(acts: Iterable[Act]) -> list[list[Act]]:
    """Rows grouped by :func:`identity`, in the order first seen."""
    groups: dict[tuple, list[Act]] = {}
    for act in acts:
        groups.setdefault(identity(act), []).append(act)
    return list(groups.values())


def _with_number(acts: QuerySet, written: str) -> list[Act]:
    key, digits = act_number_key(written), act_number_digits(written)
    if not key:
        return []
    rows = acts.filter(number__contains=digits) if digits else acts.exclude(number="")
    return [a for a in rows[:MAX_CANDIDATES] if act_number_key(a.number) == key]


def acts_at(acts: QuerySet, country: str, kind: str, key: str) -> list[Act]:
    """The acts (of ``acts``, the ones the reader may see) an address names; every reading of an
    ambiguous key is tried (``2005-05-24`` is a date, or number ``05-24`` of 2005)."""
    kind_value = type_from_slug(kind)
    if kind_value is None or not key:
        return []
    country = country.upper()
    acts = acts.filter(type=kind_value).select_related("agreement", "country")
    acts = acts.filter(country__isnull=True) if country == NO_COUNTRY.upper() else acts.filter(country_id=country)
    found: list[Act] = []
    if key.startswith("on-"):
        found += acts.filter(number="", date__isnull=True, agreement__slug=key[3:])
    if m := _DATE_KEY_RE.match(key):
        try:
            day = dt.date(*map(int, m.groups()))
        except ValueError:
            day = None
        if day:
            found += acts.filter(number="", date=day)
    if key.startswith("undated-"):
        found += _with_number(acts.filter(date__isnull=True), key[len("undated-") :])
    if m := _YEAR_KEY_RE.match(key):
        found += _with_number(acts.filter(date__year=int(m.group(1))), m.group(2))
    seen: set[int] = set()
    unique = [a for a in found if not (a.pk in seen or seen.add(a.pk))]
    return sorted(unique, key=lambda a: (a.date or dt.date.min, a.agreement.signed_date or dt.date.min, a.pk))


# ----------------------------------------------------------------------------- the citation resolver
@dataclass(frozen=True)
class ActCitation:
    """What a citation of an act says: its number(s) as written (without the sign), the dates,
    years, type and countries it names."""

    numbers: tuple[str, ...] = ()
    dates: tuple[dt.date, ...] = ()
    years: tuple[int, ...] = ()
    type: str | None = None
    countries: tuple[str, ...] = ()


def _type_named(text: str) -> str | None:
    """The act type a citation names, by the parser's patterns (in the languages of the texts) or
    by the type's label in an interface language ("Government decree", "Постановление …")."""
    found = act_type(text)
    if found:
        return found
    folded = text.casefold()
    return next((value for label, value in _type_labels() if label in folded), None)


@functools.cache
def _type_labels() -> list[tuple[str, str]]:
    """(folded label, type) in every interface language, longest first ("federal law" before "law")."""
    from django.conf import settings

    labels: list[tuple[str, str]] = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            labels += [(str(label).casefold(), value) for value, label in ActType.choices if value != ActType.OTHER]
    return sorted({pair for pair in labels if pair[0]}, key=lambda pair: (-len(pair[0]), pair))


def parse_citation(text: str) -> ActCitation:
    """Read a citation of an act (never raises; a citation without a number gives no numbers)."""
    text = clean(text or "")[:500]
    dates = find_dates(text)
    covered = [(d.start, d.end) for d in dates]
    signed: list[str] = []
    for sign in NUMBER_SIGN_RE.finditer(text):
        if m := _WRITTEN_NUMBER_RE.match(text, sign.end()):
            signed.append(m.group(0))
    numbers = signed
    years = [int(y) for y in _YEAR_RE.findall(text)]
    if not numbers:
        bare = [
            m.group(0)
            for m in _BARE_NUMBER_RE.finditer(text)
            if not any(start <= m.start() < end for start, end in covered)
        ]
        # "of 2004" is a year; "2004" typed alone may be a number
        numbers = [n for n in bare if not _YEAR_RE.fullmatch(n)] or [n for n in bare if n == text.strip()]
    return ActCitation(
        numbers=tuple(dict.fromkeys(numbers)),
        dates=tuple(d.date for d in dates),
        years=tuple(dict.fromkeys(y for y in years if str(y) not in numbers)),
        type=_type_named(text),
        countries=tuple(find_countries(text)) if text else (),
    )


def _narrow(acts: list[Act], keep) -> list[Act]:
    kept = [a for a in acts if keep(a)]
    return kept or acts


def find_acts(acts: QuerySet, citation: str | ActCitation) -> list[Act]:
    """The acts of ``acts`` a citation names. Numbers match by :func:`act_number_key`; a number
    written without its letters (``1363`` for ``1363-Ա``) or with an inflection (``527-ші``)
    matches by its digits when nothing matches exactly. Stated facts narrow the result when some
    act agrees with them (a date in the citation may be the agreement's, not the act's)."""
    if isinstance(citation, str) and not _DIGIT_RE.search(citation):
        return []  # no number, nothing to look up (most searches: no date, country or type parsing)
    cited = parse_citation(citation) if isinstance(citation, str) else citation
    if not cited.numbers:
        return []
    keys = {act_number_key(n) for n in cited.numbers} - {""}
    digits = {act_number_digits(n) for n in cited.numbers} - {""}
    if not keys:
        return []
    condition = Q()
    for d in digits:
        condition |= Q(number__contains=d)
    rows = list(acts.filter(condition).select_related("agreement", "country")[:MAX_CANDIDATES]) if digits else []
    found = [a for a in rows if act_number_key(a.number) in keys]
    if not found:
        # "1363" for "1363-Ա": a number written without its letters, or with a case ending
        loose = {act_number_digits(n) for n in cited.numbers if act_number_key(n) == act_number_digits(n)}
        loose |= {act_number_digits(n) for n in cited.numbers if _inflected(n)}
        found = [a for a in rows if act_number_digits(a.number) in loose]
    if cited.dates:
        found = _narrow(found, lambda a: a.date in cited.dates)
    if cited.years:
        found = _narrow(found, lambda a: a.date is not None and a.date.year in cited.years)
    if cited.type:
        found = _narrow(found, lambda a: a.type == cited.type)
    if cited.countries:
        found = _narrow(found, lambda a: a.country_id in cited.countries)
    return sorted(found, key=lambda a: (a.date or dt.date.min, a.pk))


def _inflected(number: str) -> bool:
    """``527-ші``, ``2-ի``: digits, a hyphen and a lower-case ending (not ``27-ФЗ``, not ``117-V``)."""
    m = re.fullmatch(r"\d+[-‐‑–—]([^\W\d_]+)", number)
    return bool(m) and m.group(1).islower() and not m.group(1).isascii()
