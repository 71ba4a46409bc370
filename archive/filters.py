"""The FilterSets for agreements and acts, each shared by the HTML list and the JSON API."""

import functools
import re

import django_filters as df
from django import forms
from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext_lazy as _

from archive.models import Act, ActType, Agreement, Country, Kind, Status, Text, Topic
from archive.search.query import search

PAIR_RE = re.compile(r"^([A-Za-z]{2})-([A-Za-z]{2})$")
MAX_QUERY_CHARS = 256


class PairField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        match = PAIR_RE.match(value.strip())
        if not match:
            raise forms.ValidationError(_("A country pair looks like AZ-KZ."))
        return "-".join(sorted(code.upper() for code in match.groups()))


class PairFilter(df.CharFilter):
    field_class = PairField


ORDERINGS = [
    ("-signed_date", _("Newest first")),
    ("signed_date", _("Oldest first")),
    ("title", _("Title")),
    ("relevance", _("Relevance")),
]


class AgreementFilter(df.FilterSet):
    q = df.CharFilter(method="filter_q", label=_("Words"), max_length=2000)
    party = df.ModelMultipleChoiceFilter(
        queryset=Country.objects.all(),
        to_field_name="code",
        method="filter_party",
        label=_("Party"),
    )
    pair = PairFilter(field_name="pair", label=_("Country pair"))
    topic = df.ModelChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="filter_topic",
        label=_("Topic"),
    )
    kind = df.ChoiceFilter(choices=Kind.choices, label=_("Kind"))
    status = df.ChoiceFilter(choices=Status.choices, label=_("Status"))
    language = df.CharFilter(method="filter_language", label=_("Language"), max_length=40)  # a code or a name
    signed_from = df.DateFilter(field_name="signed_date", lookup_expr="gte", label=_("Signed from"))
    signed_to = df.DateFilter(field_name="signed_date", lookup_expr="lte", label=_("Signed to"))
    ordering = df.ChoiceFilter(choices=ORDERINGS, method="filter_ordering", label=_("Sort by"), empty_label=None)

    class Meta:
        model = Agreement
        fields = ["q", "party", "pair", "topic", "kind", "status", "language", "signed_from", "signed_to"]

    def __init__(self, data=None, *args, **kwargs):
        # with words to search and no order asked for, the results come by relevance: the sort
        # box must say so rather than show its first choice ("Newest first")
        if data is not None and (data.get("q") or "").strip() and not data.get("ordering"):
            data = data.copy()
            data["ordering"] = "relevance"
        super().__init__(data, *args, **kwargs)

    @property
    def compiled_query(self):
        """The parsed and analysed ``q`` (None without one), compiled once per request."""
        if not hasattr(self, "_compiled"):
            raw = (self.form.cleaned_data.get("q") or "") if self.is_bound and self.form.is_valid() else ""
            self._compiled = search(raw[:MAX_QUERY_CHARS]) if raw.strip() else None
        return self._compiled

    def filter_q(self, queryset, name, value):
        compiled = self.compiled_query
        if compiled is None:
            return queryset
        if compiled.is_empty:
            return queryset.none()
        return queryset.search(compiled).order_by("-rank", F("signed_date").desc(nulls_last=True), "slug")

    def filter_ordering(self, queryset, name, value):
        if value == "relevance" or not value:
            return queryset  # relevance order is set by the search itself
        if value in ("signed_date", "-signed_date"):
            date = F("signed_date")
            order = date.desc(nulls_last=True) if value.startswith("-") else date.asc(nulls_last=True)
            return queryset.order_by(order, "slug")
        return queryset.order_by(value, "slug")

    def filter_party(self, queryset, name, value: list[str]):  # hint for the OpenAPI schema: codes
        return queryset.with_all_parties([country.code for country in value]) if value else queryset

    def filter_topic(self, queryset, name, value: str):
        if not value:
            return queryset
        # A topic includes its narrower topics: "defence" finds "military intelligence".
        return queryset.with_topic(value)

    def filter_language(self, queryset, name, value):
        code = language_code(value)
        if not code:
            return queryset if not value.strip() else queryset.none()
        return queryset.filter(Exists(Text.objects.filter(agreement=OuterRef("pk"), language=code)))


def language_code(value: str) -> str:
    """A language code from a code or a language's name in any interface language (CLDR):
    "kk", "Kazakh", "казахский", "қазақ тілі" → "kk"; "" when it names no language."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) <= 3 and value.isalpha():
        return value.lower()
    return _language_names().get(value.casefold(), "")


@functools.cache
def _language_names() -> dict[str, str]:
    from babel import Locale
    from django.conf import settings

    names: dict[str, str] = {}
    for ui, _label in settings.LANGUAGES:
        locale = Locale.parse(ui.replace("-", "_"))
        for code, name in locale.languages.items():
            if "_" not in code:
                names.setdefault(name.casefold(), code)
    return names


class ActTypeField(forms.CharField):
    """An act type as its value (``government_decree``) or its address slug (``government-decree``)."""

    def clean(self, value):
        from archive.reading.acts import type_from_slug

        value = super().clean(value)
        if not value:
            return ""
        kind = type_from_slug(value.strip())
        if kind is None:
            raise forms.ValidationError(
                _("Unknown act type; one of: %(types)s.") % {"types": ", ".join(ActType.values)}
            )
        return kind


class ActTypeFilter(df.CharFilter):
    field_class = ActTypeField


class ActFilter(df.FilterSet):
    """Acts, for /acts/ and /api/acts/. ``number`` takes any written form of an act number
    (``№ 752``, ``N 527``, ``No. 527``, ``1363-Ա``, ``1363``, ``27-ФЗ``); ``q`` a whole citation
    ("Government decree № 752 of 16 September 2024")."""

    q = df.CharFilter(
        method="filter_q",
        label=_("Citation or number"),
        max_length=MAX_QUERY_CHARS,
        help_text="a citation as written: Government decree № 752 of 16 September 2024",
    )
    number = df.CharFilter(
        method="filter_number",
        label=_("Number"),
        max_length=60,
        help_text="an act number in any written form: 752, № 752, N 527, No. 527, 1363-Ա, 1363, 27-ФЗ",
    )
    country = df.CharFilter(method="filter_country", label=_("Country"), max_length=2)
    type = ActTypeFilter(field_name="type", label=_("Type of act"), help_text="government_decree or government-decree")
    year = df.NumberFilter(field_name="date__year", label=_("Year"), min_value=1000, max_value=9999)
    agreement = df.CharFilter(field_name="agreement__slug", label=_("Agreement"), max_length=120)

    class Meta:
        model = Act
        fields = ["q", "number", "country", "type", "year", "agreement"]

    def filter_q(self, queryset, name, value):
        from archive.reading.acts import find_acts

        if not value.strip():
            return queryset
        return queryset.filter(pk__in=[a.pk for a in find_acts(queryset, value)])

    def filter_number(self, queryset, name, value):
        from archive.reading.acts import ActCitation, find_acts

        if not value.strip():
            return queryset
        return queryset.filter(pk__in=[a.pk for a in find_acts(queryset, ActCitation(numbers=(value.strip(),)))])

    def filter_country(self, queryset, name, value):
        value = value.strip().upper()
        if not value:
            return queryset
        return queryset.filter(country__isnull=True) if value == "XX" else queryset.filter(country_id=value)


class DeadlineFilter(AgreementFilter):
    """The deadlines page, calendar and feed: the same country, pair and topic filters (no
    words, kinds or dates: the events have dates of their own)."""

    q = kind = status = language = signed_from = signed_to = ordering = None

    class Meta:
        model = Agreement
        fields = ["party", "pair", "topic"]
