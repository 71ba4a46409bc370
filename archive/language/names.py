"""Language names as texts write them, to ISO 639-1 codes.

``language_code("казахском")`` -> ``kk``; ``language_code("Nederlandse")`` -> ``nl``;
``language_code("anglaise")`` -> ``en``. The names are CLDR's (Babel) for the languages
listed in ``data/language_names.json``, in every profile's locale, plus that file's stems
for adjective forms CLDR does not list.
"""

from __future__ import annotations

import functools
import re

from babel import Locale

from archive.language.profiles import data_file, profiles

__all__ = ["language_code", "language_forms"]

_ADJ_END = re.compile(r"(?:ий|ый|ой|ая|ое)$")


@functools.cache
def _config() -> dict:
    return data_file("language_names.json")


@functools.cache
def _fixed_forms() -> frozenset[str]:
    """Forms that take no ending: names only English spells so ("German" is not
    "Germany"; French "kazakh" is "kazakhe" too), and the ``exact`` stems of the data file."""

    def first_words(locale: str) -> set[str]:
        names = Locale.parse(locale).languages
        return {names[c].lower().split()[0] for c in _config()["languages"] if c in names}

    others: set[str] = set()
    for p in profiles().values():
        for loc in (p.cldr, *(p.raw.get("cldr_extra") or [])):
            if loc and loc != "en":
                others |= first_words(loc)
    return frozenset((first_words("en") - others) | set(_config()["exact"]))


@functools.cache
def language_forms() -> dict[str, str]:
    """Every known form (lower case) -> code; longer forms first when iterated."""
    cfg = _config()
    codes = sorted(cfg["languages"])
    forms: dict[str, str] = {}
    for p in profiles().values():
        for loc in (p.cldr, *(p.raw.get("cldr_extra") or [])):
            if not loc:
                continue
            names = Locale.parse(loc).languages
            for code in codes:
                name = names.get(code)
                if not name:
                    continue
                first = name.lower().split()[0].strip("()")
                if len(first) >= 3:
                    forms.setdefault(first, code)
                    if _ADJ_END.search(first) and len(first) > 6:
                        forms.setdefault(first[:-2], code)  # английский -> английск(ом)
    for code, stems in cfg["stems"].items():
        for stem in stems:
            forms.setdefault(stem.lower(), code)
    return dict(sorted(forms.items(), key=lambda kv: -len(kv[0])))


@functools.cache
def _by_prefix() -> dict[str, list[tuple[str, str]]]:
    """First three letters -> (form, code), longest form first; a form shorter than three
    letters is exact and listed under itself."""
    out: dict[str, list[tuple[str, str]]] = {}
    for form, code in language_forms().items():
        out.setdefault(form[:3], []).append((form, code))
    return out


@functools.lru_cache(maxsize=20000)
def language_code(word: str) -> str | None:
    """The ISO code of a language name or adjective in any profile's language, else None."""
    w = word.lower().replace("’", "'")
    cfg = _config()
    exact = _fixed_forms()
    max_ending = int(cfg.get("max_ending", 3))
    for form, code in _by_prefix().get(w[:3], ()):
        if not w.startswith(form):
            continue
        rest = w[len(form) :]
        if not rest:
            return code
        if form in exact or len(form) < 4:
            continue
        if len(rest) <= max_ending and rest.isalpha():
            return code
    return None
