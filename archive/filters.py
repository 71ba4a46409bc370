"""The FilterSets for agreements and acts, each shared by the HTML list and the JSON API."""

import functools

import django_filters as df
from django import forms
from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext_lazy as _

from archive.language.countries import countries_named
from archive.models import Act, ActType, Agreement, Kind, Status, Text, Topic
from archive.search.query import search

from .filter_widgets import FastDateInput, FastSelect, FastTextInput, TopicSelect

MAX_QUERY_CHARS = 256
MAX_NAME_CHARS = 200  # a pair or a party as typed: two long country names and a dash fit
MAX_PARTIES = 8


def pair_codes(value: str) -> str:
    """The sorted pair ("AZ-KZ") a reader's pair names, by codes or by names in any language:
    "AZ-KZ", "kz-az", "Kazakhstan–Azerbaijan", "Казахстан-Азербайджан" → "AZ-KZ".
    Raises ValidationError with a message a reader can act on."""
    value = (value or "").strip()
    if len(value) > MAX_NAME_CHARS:
        raise forms.ValidationError(_("This is too long for two country names."))
    codes, unknown = countries_named(value)
    if unknown:
        raise forms.ValidationError(_("No country is called “%(name)s”.") % {"name": unknown[0][:40]})
    if len(codes) != 2:
        raise forms.ValidationError(
            _("A country pair names two countries: AZ-KZ or Kazakhstan–Azerbaijan."), code="not_a_pair"
        )
    return "-".join(sorted(codes))


def party_codes(values: list[str]) -> list[str]:
    """The countries the party values name, each a code or a name in any language ("KZ",
    "Kazakhstan", "Казахстан"; one value may name several: "Armenia, Kazakhstan")."""
    values = [v for v in values if v and v.strip()]
    if len(values) > MAX_PARTIES:
        raise forms.ValidationError(_("At most %(n)s countries at a time.") % {"n": MAX_PARTIES})
    codes: list[str] = []
    for value in values:
        if len(value) > MAX_NAME_CHARS:
            raise forms.ValidationError(_("This is too long for a country name."))
        found, unknown = countries_named(value)
        if unknown:
            raise forms.ValidationError(_("No country is called “%(name)s”.") % {"name": unknown[0][:40]})
        codes += [code for code in found if code not in codes]
    return codes


class PairField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        return pair_codes(value) if value and value.strip() else ""


class PairFilter(df.CharFilter):
    field_class = PairField


class CountriesField(forms.Field):
    """Repeated ``party=`` values, each a code or a name (the picker's text box sends names)."""

    widget = forms.MultipleHiddenInput  # reads every value of the parameter

    def to_python(self, value):
        if not value:
            return []
        return [value] if isinstance(value, str) else list(value)

    def clean(self, value):
        return party_codes(self.to_python(value))


class PartyFilter(df.MultipleChoiceFilter):  # a multiple choice to the OpenAPI schema: party=KZ&party=AM
    field_class = CountriesField


ORDERINGS = [
    ("-signed_date", _("Newest first")),
    ("signed_date", _("Oldest first")),
    ("title", _("Title")),
    ("relevance", _("Relevance")),
]


class AgreementFilter(df.FilterSet):
    q = df.CharFilter(method="filter_q", label=_("Words"), max_length=2000, widget=FastTextInput)
    party = PartyFilter(method="filter_party", label=_("Party"))
    pair = PairFilter(field_name="pair", label=_("Country pair"), widget=FastTextInput)
    topic = df.ModelChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="filter_topic",
        label=_("Topic"),
        widget=TopicSelect,
    )
    kind = df.ChoiceFilter(choices=Kind.choices, label=_("Kind"), widget=FastSelect)
    status = df.ChoiceFilter(choices=Status.choices, label=_("Status"), widget=FastSelect)
    language = df.CharFilter(  # a code or a name
        method="filter_language", label=_("Language"), max_length=40, widget=FastTextInput
    )
    signed_from = df.DateFilter(
        field_name="signed_date", lookup_expr="gte", label=_("Signed from"), widget=FastDateInput
    )
    signed_to = df.DateFilter(field_name="signed_date", lookup_expr="lte", label=_("Signed to"), widget=FastDateInput)
    ordering = df.ChoiceFilter(
        choices=ORDERINGS, method="filter_ordering", label=_("Sort by"), empty_label=None, widget=FastSelect
    )

    class Meta:
        model = Agreement
        fields = ["q", "party", "pair", "topic", "kind", "status", "language", "signed_from", "signed_to"]

    def __init__(self, data=None, *args, depth: int | None = None, **kwargs):
        # with words to search and no order asked for, the results come by relevance: the sort
        # box must say so rather than show its first choice ("Newest first")
        if data is not None and (data.get("q") or "").strip() and not data.get("ordering"):
            data = data.copy()
            data["ordering"] = "relevance"
        super().__init__(data, *args, **kwargs)
        self.depth = depth  # how many results a search must reach (an export: more than a page's)
        self.ranking = None  # what the search found (archive.search.engine.Ranking), once filtered

    def filter_queryset(self, queryset):
        """Every other filter first, then the search over what they leave, so that the best
        matches are found among the agreements the filters allow (archive.search.engine)."""
        queryset = super().filter_queryset(queryset)
        compiled = self.compiled_query
        if compiled is None:
            return queryset
        if compiled.is_empty:
            return queryset.none()
        from archive.search.engine import rank

        self.ranking = rank(queryset, compiled, self.depth)
        by_relevance = self.form.cleaned_data.get("ordering") in ("relevance", "", None)
        if by_relevance:
            return self.ranking.apply(queryset)
        return self.ranking.apply(queryset, order=False)

    @property
    def compiled_query(self):
        """The parsed and analysed ``q`` (None without one), compiled once per request."""
        if not hasattr(self, "_compiled"):
            raw = (self.form.cleaned_data.get("q") or "") if self.is_bound and self.form.is_valid() else ""
            self._compiled = search(raw[:MAX_QUERY_CHARS]) if raw.strip() else None
        return self._compiled

    def filter_q(self, queryset, name, value):
        return queryset  # the search runs after the other filters: filter_queryset

    def filter_ordering(self, queryset, name, value):
        if value == "relevance" or not value:
            return queryset  # relevance order is set by the search itself
        if value in ("signed_date", "-signed_date"):
            date = F("signed_date")
            order = date.desc(nulls_last=True) if value.startswith("-") else date.asc(nulls_last=True)
            return queryset.order_by(order, "slug")
        return queryset.order_by(value, "slug")

    def filter_party(self, queryset, name, value: list[str]):  # hint for the OpenAPI schema: codes
        return queryset.with_all_parties(value) if value else queryset

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


def describe(name: str, value: str, language: str | None = None) -> str | None:
    """A filter's value as a reader reads it, in the interface language ("KZ" → "Қазақстан",
    "AZ-KZ" → "Azerbaijan – Kazakhstan"); None when it names nothing."""
    from babel import Locale
    from django.utils.translation import get_language

    from archive.language.countries import country_names

    from .filter_widgets import topic_label

    language = (language or get_language() or "en")[:2]
    value = (value or "").strip()

    def country(code: str) -> str:
        return country_names(code).get(language) or country_names(code).get("en") or code

    try:
        if name == "q":
            return value[:80]
        if name == "party":
            return ", ".join(country(code) for code in party_codes([value])) or None
        if name == "pair":
            return " – ".join(country(code) for code in pair_codes(value).split("-"))
        if name == "topic":
            return topic_label(value, language)
        if name in ("kind", "status"):
            choices = dict(Kind.choices if name == "kind" else Status.choices)
            return str(choices[value]) if value in choices else None
        if name == "language":
            code = language_code(value)
            found = Locale.parse(language).languages.get(code) if code else None
            return (found[:1].upper() + found[1:]) if found else None
        if name in ("signed_from", "signed_to"):
            from archive.reading.status import format_date

            return format_date(forms.DateField().clean(value), language)
    except forms.ValidationError:
        return None
    return value[:80]


def picker_context(chips: list) -> dict:
    """What the country picker (includes/country_picker.html) shows: the parties chosen, as
    chips, and what was typed that names no country."""
    party = [c for c in chips if c.name == "party"]
    return {
        "party_chips": [c for c in party if c.valid],
        "party_typed": ", ".join(c.value for c in party if not c.valid),
    }


def filter_chips(params, skip: tuple[str, ...] = ()) -> list:
    """The chosen filters of ``params`` (a QueryDict) as removable chips (archive.chips)."""
    from .chips import chips

    labels = {name: f.label for name, f in AgreementFilter.base_filters.items()}
    return chips(params, labels, describe, skip=skip)
