"""The interface speaks Russian, Kazakh and Armenian: complete catalogs, compiled, served.

Nothing here needs GNU gettext: catalogs are read with Babel, and the strings marked in
the sources are found with Django's own template-to-gettext conversion plus Babel's
Python extractor, so a string marked for translation but missing from a catalog fails
here by name (run ``makemessages`` and translate it).
"""

from __future__ import annotations

import html
import io
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "archive" / "locale"
LANGS = ("ru", "kk", "hy")
NPLURALS = {"ru": 3, "kk": 2, "hy": 2}
PLURAL_EXPR = {
    "ru": "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
    "kk": "(n!=1)",
    "hy": "(n != 1)",
}

# What makemessages looks at (domain "django"): templates and Python, minus these.
SKIP_DIRS = {".venv", "var", "tests", "node_modules", "__pycache__"}
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{\{\s*\w+\s*\}\}")
# A Cyrillic word with a Latin look-alike inside (Kazakh "i" typed instead of "і").
MIXED_SCRIPT_WORD = re.compile(r"\b(?=\w*[\u0400-\u04ff])(?=\w*[A-Za-z])\w+\b")

# The navigation as a reader sees it; hard-coded so a broken catalog cannot pass.
NAV = {
    "ru": ("Соглашения", "Поиск"),
    "kk": ("Келісімдер", "Іздеу"),
    "hy": ("Համաձայնագրեր", "Որոնում"),
}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"


def load_po(lang: str):
    with po_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


def key(message) -> tuple:
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def forms(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def placeholders(*texts: str) -> set[str]:
    return {found for text in texts for found in PLACEHOLDER.findall(text)}


# --- (a) catalogs are complete ----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_exists_with_plural_forms(lang):
    catalog = load_po(lang)
    assert not catalog.fuzzy, f"{lang}: the header is marked fuzzy"
    assert catalog.num_plurals == NPLURALS[lang], f"{lang}: Plural-Forms says nplurals={catalog.num_plurals}"
    assert catalog.plural_expr.replace(" ", "") == PLURAL_EXPR[lang].replace(" ", ""), catalog.plural_expr
    assert len([m for m in catalog if m.id]) > 100


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_not_fuzzy(lang):
    catalog = load_po(lang)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = forms(message.string)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if message.pluralizable and len(strings) != NPLURALS[lang]:
            problems.append(f"{len(strings)} plural forms instead of {NPLURALS[lang]}: {message.id!r}")
        for i, text in enumerate(strings):
            if not text.strip():
                problems.append(
                    f"empty msgstr[{i}]: {message.id!r}" if message.pluralizable else f"empty: {message.id!r}"
                )
    assert not problems, f"{po_path(lang)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_placeholders(lang):
    problems = []
    for message in load_po(lang):
        if not message.id:
            continue
        # Every form keeps the English placeholders: %(n)s appears in each plural form too.
        wanted = placeholders(*forms(message.id))
        for text in forms(message.string):
            if placeholders(text) != wanted:
                problems.append(f"{message.id!r} -> {text!r}")
    assert not problems, f"{lang}: placeholders differ:\n" + "\n".join(problems)


def test_kazakh_uses_cyrillic_letters_only():
    bad = []
    for message in load_po("kk"):
        for text in forms(message.string) if message.id else []:
            bad += [f"{word!r} in {text!r}" for word in MIXED_SCRIPT_WORD.findall(text)]
    assert not bad, "Latin look-alikes inside Kazakh words (use і U+0456 etc.):\n" + "\n".join(bad)


@cache  # read once per process: the three languages check the same sources
def marked_strings() -> dict[tuple, str]:
    """Every (context, msgid) marked for translation in templates/ and archive/ -> where."""
    found: dict[tuple, str] = {}
    roots = [BASE_DIR / "templates", BASE_DIR / "archive"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(BASE_DIR)
            if any(part in SKIP_DIRS or part.startswith(".") for part in rel.parts[:-1]):
                continue
            if path.suffix in (".html", ".txt"):
                source = templatize(path.read_text(encoding="utf-8"), origin=str(path)).encode()
            elif path.suffix == ".py":
                source = path.read_bytes()
            else:
                continue
            for lineno, msgid, _comments, context in extract("python", io.BytesIO(source), keywords=KEYWORDS):
                if msgid and forms(msgid)[0]:
                    found.setdefault((context, msgid), f"{rel}:{lineno}")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_marked_string_is_in_the_catalog(lang):
    catalog = load_po(lang)
    present = {key(m) for m in catalog if m.id and not m.fuzzy and all(s.strip() for s in forms(m.string))}
    missing = [f"{where}: {msgid!r}" for (ctx, msgid), where in marked_strings().items() if (ctx, msgid) not in present]
    assert not missing, (
        f"{lang}: marked for translation but not translated in {po_path(lang).relative_to(BASE_DIR)} "
        "(run makemessages, translate, compilemessages):\n" + "\n".join(missing)
    )


# --- (b) compiled catalogs match their sources ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_mo_is_up_to_date_with_po(lang):
    mo = po_path(lang).with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `python manage.py compilemessages`"
    with mo.open("rb") as fh:
        compiled = read_mo(fh)
    source = {key(m): forms(m.string) for m in load_po(lang) if m.id and not m.fuzzy}
    binary = {key(m): forms(m.string) for m in compiled if m.id}
    stale = sorted(repr(k[1]) for k in source.keys() | binary.keys() if source.get(k) != binary.get(k))
    assert not stale, f"{mo} differs from its .po (run compilemessages):\n" + "\n".join(stale)


# --- (c) pages render in each language ---------------------------------------------------


def agreement_urls(client) -> list[str]:
    response = client.get("/api/agreements/?pair=AZ-KZ")
    assert response.status_code == 200
    slugs = [row["slug"] for row in response.json()["results"]]
    assert slugs, "the seed corpus has AZ-KZ agreements"
    return [f"/agreements/{slug}/" for slug in slugs]


# URL -> an English string the page shows whatever the data (beside the navigation).
PAGES = {
    "/": "Latest additions",
    "/agreements/": "Filters",
    "/search/?q=752": "Refine",
    "/countries/AZ-KZ/": "Atom feed of this pair",
    "/acts/": "Find the act",
    "/acts/kz/government-decree/2024-752/": "What it does",
    "/deadlines/": "Upcoming deadlines",
}


def assert_in_language(response, lang: str, url: str, english: tuple[str, ...] = ()) -> str:
    assert response.status_code == 200, url
    page = html.unescape(response.content.decode())
    assert f'<html lang="{lang}">' in page, f"{url}: not served in {lang}"
    agreements, search = NAV[lang]
    assert f">{agreements}</a>" in page, f"{url} [{lang}]: navigation 'Agreements' not translated"
    assert f">{search}</button>" in page, f"{url} [{lang}]: 'Search' button not translated"
    assert ">Agreements</a>" not in page and ">Search</button>" not in page, f"{url} [{lang}]: English left"
    with translation.override(lang):
        for text in english:
            translated = translation.gettext(text)
            assert translated != text, f"{lang}: {text!r} has no translation"
            assert translated in page, f"{url} [{lang}]: {translated!r} ({text!r}) missing"
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_pages_follow_accept_language(client, lang):
    for url, text in PAGES.items():
        assert_in_language(client.get(url, HTTP_ACCEPT_LANGUAGE=lang), lang, url, (text,))
    for url in agreement_urls(client):
        page = assert_in_language(client.get(url, HTTP_ACCEPT_LANGUAGE=lang), lang, url, ("Facts", "How to cite"))
        assert f'<option value="{lang}" lang="{lang}" selected>' in page


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_pages_follow_language_cookie(client, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    for url, text in PAGES.items():
        # The cookie wins over the browser's preference.
        assert_in_language(client.get(url, HTTP_ACCEPT_LANGUAGE="en"), lang, url, (text,))
    for url in agreement_urls(client):
        assert_in_language(client.get(url), lang, url, ("Facts",))


@pytest.mark.django_db
def test_search_results_count_uses_plural_forms(client):
    page = html.unescape(client.get("/search/?q=752", HTTP_ACCEPT_LANGUAGE="ru").content.decode())
    match = re.search(r"Найдено (\d+) соглашени(е|я|й)", page)
    assert match, "the Russian result count is missing"
    n = int(match.group(1))
    ending = "е" if n % 10 == 1 and n % 100 != 11 else "я" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "й"
    assert match.group(2) == ending


@pytest.mark.django_db
def test_english_stays_the_default(client):
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page and ">Agreements</a>" in page


# --- (d) the language switcher -------------------------------------------------------------


@pytest.mark.django_db
def test_switcher_sets_language_and_returns_to_page(client):
    page = client.get("/agreements/").content.decode()
    assert 'action="/i18n/setlang/"' in page
    for lang in ("en", *LANGS):
        assert f'<option value="{lang}"' in page

    response = client.post("/i18n/setlang/", {"language": "kk", "next": "/agreements/"})
    assert response.status_code == 302
    assert response["Location"] == "/agreements/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "kk"
    assert_in_language(client.get("/agreements/"), "kk", "/agreements/", ("Filters",))


# --- (e) words generated in Python: the status reason and the drawings --------------------------

SCRIPT = {"ru": "[\u0400-\u04ff]", "kk": "[\u0400-\u04ff]", "hy": "[\u0531-\u058f]"}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_status_reason_and_timeline_legend_follow_the_language(client, lang):
    from archive.models import Agreement

    for url in agreement_urls(client):
        page = assert_in_language(client.get(url, HTTP_ACCEPT_LANGUAGE=lang), lang, url)
        match = re.search(r'<p class="status-reason">.*?</strong>\s*(.*?)</p>', page, re.S)
        assert match, f"{url}: no status reason"
        reason = match.group(1).strip()
        with translation.override(lang):
            expected = Agreement.objects.get(slug=url.split("/")[2]).derive_status()
        assert reason == html.unescape(html.escape(expected.reason)), f"{url} [{lang}]: {reason!r}"
        words = re.sub(r"«[^»]*»", "", reason)  # titles of other agreements stay as they are written
        assert re.search(SCRIPT[lang], words), f"{url} [{lang}]: status reason not in {lang}: {reason!r}"
        assert not re.search(r"[A-Za-z]{3,}", words), f"{url} [{lang}]: English left in {reason!r}"

    url = "/countries/AZ-KZ/"
    page = assert_in_language(
        client.get(url, HTTP_ACCEPT_LANGUAGE=lang), lang, url, ("still in force", "signed", "expired")
    )
    svg = page[page.index("<svg") : page.index("</svg>")]
    for english in ("still in force", "signed, not in force", "superseded", "terminated", "Date unknown"):
        assert f">{english}<" not in svg, f"{url} [{lang}]: timeline legend {english!r} left in English"
    with translation.override(lang):
        assert f">{translation.gettext('still in force')}</text>" in svg
