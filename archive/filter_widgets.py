"""The filter form's choices, drawn once per interface language and kept in the cache.

Drawing ~100 topics and ~250 countries option by option through the template engine cost
66-102 ms a page (issue 11). Here a select is drawn in Python, the topic choices and the
country picker's list are built once per language, and their cache keys carry a digest of
the rows they are made of: an editor's change to a topic's label or a country's names makes
a new key, so a stale name is never served (whichever process made the change).
"""

from __future__ import annotations

from django import forms
from django.core.cache import cache
from django.db import connection
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

CACHE_SECONDS = 24 * 3600

# The version of the rows the choices are drawn from: their number and the newest row
# version's transaction id. An insert or an update writes a row version with a newer xmin,
# a delete lowers the count, so any change gives a new key (0.1 ms, against 0.3-0.7 ms for
# an md5 of the rows' text). Ids wrap around after 4 billion transactions: the keys expire
# after CACHE_SECONDS anyway.
_VERSION_SQL = {
    "topics": "SELECT count(*), max(xmin::text::bigint) FROM archive_topic",
    "countries": "SELECT count(*), max(xmin::text::bigint) FROM archive_country",
}


def rows_version(table: str) -> str:
    """The version of the rows the ``table``'s choices are drawn from ("topics", "countries")."""
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL[table])
        count, newest = cursor.fetchone()
    return f"{count}.{newest}"


def _language() -> str:
    return (get_language() or "en")[:2]


def topic_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(slug, label) of every topic in the interface language, broader topics first and
    their narrower ones under them (indented), each level in alphabetical order."""
    language = language or _language()
    key = f"filter-topics:{language}:{rows_version('topics')}"
    found = cache.get(key)
    if found is not None:
        return found
    from archive.models import Topic

    topics = list(Topic.objects.only("slug", "labels", "parent_id"))
    children: dict[int | None, list] = {}
    for topic in topics:
        children.setdefault(topic.parent_id, []).append(topic)
    ids = {t.pk for t in topics}
    out: list[tuple[str, str]] = []

    def walk(parent, depth: int) -> None:
        for topic in sorted(children.get(parent, []), key=lambda t: t.label(language).casefold()):
            out.append((topic.slug, "\u2003" * depth + topic.label(language)))
            if depth < 6:
                walk(topic.pk, depth + 1)

    walk(None, 0)
    # a topic whose parent is gone from the table still has a place
    for topic in topics:
        if topic.parent_id is not None and topic.parent_id not in ids:
            out.append((topic.slug, topic.label(language)))
    cache.set(key, out, CACHE_SECONDS)
    return out


def topic_label(slug: str, language: str | None = None) -> str | None:
    """A topic's label in the interface language, from the cached choices (None if unknown)."""
    for value, label in topic_choices(language):
        if value == slug:
            return label.strip("\u2003")
    return None


def country_datalist(language: str | None = None) -> SafeString:
    """The picker's list of every country, by name in the interface language (its code as the
    hint): ``<datalist id="country-names">``, drawn once per language."""
    language = language or _language()
    key = f"filter-countries:{language}:{rows_version('countries')}"
    found = cache.get(key)
    if found is not None:
        return mark_safe(found)
    from archive.models import Country

    rows = sorted(
        ((c.display_name(language), c.code) for c in Country.objects.only("code", "name", "names")),
        key=lambda row: row[0].casefold(),
    )
    html = (
        '<datalist id="country-names">'
        + "".join(f'<option value="{escape(name)}" data-code="{code}">{code}</option>' for name, code in rows)
        + "</datalist>"
    )
    cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)


class FastSelect(forms.Select):
    """A ``<select>`` drawn in Python in one pass (the template engine takes ~0.1 ms an option)."""

    def options(self) -> list[tuple[str, str]]:
        return [(str(value), str(label)) for value, label in self.choices]

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = set(self.format_value(value))
        attributes = flatatt({**self.build_attrs(self.attrs, attrs), "name": name})
        options = "".join(
            f'<option value="{escape(v)}"{" selected" if v in chosen else ""}>{escape(label)}</option>'
            for v, label in self.options()
        )
        return mark_safe(f"<select{attributes}>{options}</select>")


class FastTextInput(forms.TextInput):
    """A text box drawn in Python (the template engine's widget rendering costs ~0.3 ms each)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        attributes = {"type": self.input_type, "name": name, **self.build_attrs(self.attrs, attrs)}
        shown = self.format_value(value)
        if shown is not None:
            attributes["value"] = shown
        return mark_safe(f"<input{flatatt(attributes)}>")


class FastDateInput(FastTextInput, forms.DateInput):
    input_type = "text"


class TopicSelect(FastSelect):
    """The topic select from the cached choices: no query for the ~100 topics per page."""

    def options(self) -> list[tuple[str, str]]:
        return [("", "---------"), *topic_choices()]
