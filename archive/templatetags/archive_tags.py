from functools import cache, lru_cache
from urllib.parse import urlencode

from babel import Locale, UnknownLocaleError
from django import template
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from archive.reading.status import LABELS

register = template.Library()


@cache
def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


def _ui_language() -> str:
    return (get_language() or "en")[:2]


@register.filter
def country_name(country) -> str:
    """A Country (or ISO code) named in the interface language, from CLDR."""
    if hasattr(country, "display_name"):
        return country.display_name(_ui_language())
    locale = _locale(_ui_language())
    code = str(country).upper()
    return (locale.territories.get(code) if locale else None) or code


@register.filter
def language_name(code: str) -> str:
    """An ISO 639-1 code ("kk") named in the interface language ("Kazakh"), from CLDR."""
    if not code:
        return ""
    locale = _locale(_ui_language())
    name = locale.languages.get(code) if locale else None
    return (name[:1].upper() + name[1:]) if name else code


@register.filter
def pair_name(pair: str) -> str:
    return " – ".join(country_name(code) for code in pair.split("-"))


FACET_LABELS = {
    "country": _("Country"),
    "pair": _("Country pair"),
    "topic": _("Topic"),
    "kind": _("Kind"),
    "status": _("Status"),
    "decade": _("Decade"),
    "language": _("Language"),
}
FACET_PARAMS = {"country": "party", "decade": "signed_from"}


@register.filter
def facet_label(name: str) -> str:
    return str(FACET_LABELS.get(name, name))


@register.filter
def facet_value(facet, name: str) -> str:
    """A facet value as a reader sees it: country names, topic labels, choice labels."""
    from archive.models import Kind, Status

    value = facet.value
    if name == "country":
        return country_name(value)
    if name == "pair":
        return pair_name(value)
    if name == "language":
        return language_name(value)
    if name == "kind":
        return str(Kind(value).label) if value in Kind.values else value
    if name == "status":
        return str(Status(value).label) if value in Status.values else value
    if name == "decade":
        return gettext("%(decade)ss") % {"decade": value}
    if name == "topic" and facet.labels:
        return facet.labels.get(_ui_language()) or facet.labels.get("en") or value
    return value


@register.filter
def with_param(query: str, name: str) -> tuple[str, str]:
    return (query, name)


@lru_cache(maxsize=64)
def _query_lists(query: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A query string as QueryDict reads it (each key once, in first-seen order, with all its
    values), parsed once a page rather than once a facet value."""
    from django.http import QueryDict

    return tuple((key, tuple(values)) for key, values in QueryDict(query).lists())


@register.filter
def facet_param(pair: tuple[str, str], value: str) -> str:
    """The current query string with this facet value added (decades become a date range);
    as QueryDict's setitem / appendlist and urlencode would make it."""
    query, name = pair
    params = {key: list(values) for key, values in _query_lists(query)}
    if name == "decade":
        params["signed_from"] = [f"{value}-01-01"]
        params["signed_to"] = [f"{int(value) + 9}-12-31"]
    elif name == "country":
        if value not in params.get("party", []):
            params.setdefault("party", []).append(value)
    else:
        params[name] = [value]
    return urlencode([(key, v) for key, values in params.items() for v in values])


@register.filter
def status_label(status) -> str:
    """A derived status's label in the interface language (the reading module speaks English)."""
    from archive.models import Status

    if status.label == LABELS.get(status.code) and status.code in Status.values:
        return str(Status(status.code).label)
    return status.label


@register.filter
def local_date(day) -> str:
    """A date as the interface language writes it (Babel/CLDR): "7 June 2024", "7 июня 2024 г.",
    "2024 жылғы 7 маусым", "7 հունիսի 2024 թ." — not Django's capitalised stand-alone months."""
    if not day:
        return ""
    from archive.reading.status import format_date

    return format_date(day, _ui_language())


@register.filter
def secondary_title(agreement) -> dict | None:
    """The title to show under an agreement's own: its text in the interface language when
    the archive has one (``title_local``, annotated by ``for_list``, or the texts prefetched for
    the agreement page), else the English title; None when that is the title itself."""
    ui = _ui_language()
    local = getattr(agreement, "title_local", None)
    if local is None and "texts" in getattr(agreement, "_prefetched_objects_cache", {}):
        local = next((t.title for t in agreement.texts.all() if t.language == ui and t.title), None)
    for title, language in ((local, ui), (agreement.title_en, "en")):
        if title and title != agreement.title:
            return {"title": title, "language": language}
    return None


@register.filter
def heading_as_written(article, language: str = "") -> str:
    """An article's heading as its text writes it ("13-бап", "Статья 13", "Article 13")."""
    from archive.reading.body import article_label

    return article_label(article.number, article.label, language or getattr(article.text, "language", ""))


@register.simple_tag
def country_datalist():
    """The country picker's list of names in the interface language (drawn once, cached)."""
    from archive.filter_widgets import country_datalist as datalist

    return datalist(_ui_language())
