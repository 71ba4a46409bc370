from functools import cache

from babel import Locale, UnknownLocaleError
from django import template
from django.utils.translation import get_language

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
