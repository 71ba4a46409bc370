"""Month names of every profile's locale, from CLDR (Babel), plus the profiles' extra forms.

``month_forms()`` maps each lower-cased form (``сентября``, ``қыркүйек``, ``juni``,
``septembre``, ``սեպտեմբերի``, ``sept``) to its month number; ``month_number(word)``
accepts a form followed by an inflectional ending (``қыркүйектегі``, ``наурызда``,
``սեպտեմբերին``) where the form is long enough not to be a prefix of ordinary words.
"""

from __future__ import annotations

import functools
import re

from babel import Locale

from archive.language.profiles import profiles

__all__ = ["month_alternation", "month_forms", "month_number"]

_CYRILLIC_FINAL = "аяьйыиеоюу"


@functools.cache
def month_forms() -> dict[str, int]:
    forms: dict[str, int] = {}

    def add(form: str, month: int) -> None:
        form = form.lower().strip().rstrip(".")
        if len(form) >= 3 and form not in forms:
            forms[form] = month

    for p in profiles().values():
        locales = [p.cldr, *(p.raw.get("cldr_extra") or [])]
        for name in locales:
            if not name:
                continue
            months = Locale.parse(name).months
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for number, form in months[context][width].items():
                        add(form, number)
                        low = form.lower()
                        # Cyrillic names inflect on their last vowel: сентябрь -> сентябр(е)
                        if (
                            width == "wide"
                            and low[-1:] in _CYRILLIC_FINAL
                            and re.search("[а-я]", low)
                            and len(low) >= 5
                        ):
                            add(low[:-1], number)
        for number, extra in (p.raw.get("month_forms") or {}).items():
            for form in extra:
                add(form, int(number))
    return forms


@functools.cache
def month_alternation() -> str:
    """A regex alternation of every form, longest first (for date patterns)."""
    return "|".join(sorted((re.escape(f) for f in month_forms()), key=lambda w: (-len(w), w)))


@functools.cache
def _by_prefix() -> dict[str, list[str]]:
    """First three letters -> the forms that start with them, longest first."""
    out: dict[str, list[str]] = {}
    for form in sorted(month_forms(), key=lambda w: (-len(w), w)):
        out.setdefault(form[:3], []).append(form)
    return out


def month_number(word: str) -> int | None:
    """1–12 for a month name or number (``"09"``, ``сентября``, ``қыркүйектегі``); else None."""
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    return _month_number(word.lower().rstrip("."))


@functools.lru_cache(maxsize=50_000)
def _month_number(w: str) -> int | None:
    forms = month_forms()
    if w in forms:
        return forms[w]
    for form in _by_prefix().get(w[:3], ()):
        if len(form) >= 4 and w.startswith(form):
            rest = w[len(form) :]
            if len(rest) <= 6 and re.fullmatch(r"[^\W\d_'’-]*(?:['’-][^\W\d_]+)?", rest):
                return forms[form]
    return None
