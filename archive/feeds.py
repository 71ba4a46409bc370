"""Atom feeds: what is new in the archive, in a country, or matching any search or filter URL.

Titles and places come from uploaded documents: every value goes through archive.formats
(characters XML cannot carry dropped; the HTML summary escaped, so a feed reader shows markup
as text and never runs it)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext

from archive.filters import AgreementFilter
from archive.formats import feed_html, xml_text
from archive.models import Agreement, Country
from archive.reading.status import format_date

FEED_SIZE = 50


class NewAgreementsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return gettext("Bilateral Agreements Archive: new agreements")

    def subtitle(self):
        return gettext("Agreements and texts added to the archive, newest first.")

    def link(self):
        return reverse("agreement_list")

    def items(self):
        return Agreement.objects.public().for_list().order_by("-published_at", "slug")[:FEED_SIZE]

    def item_title(self, item):
        return xml_text(item)

    def item_description(self, item):
        parties = " – ".join(p.country.name for p in item.parties.all())
        values = {"kind": item.get_kind_display(), "parties": parties, "place": item.signed_place, "title": item.title}
        return feed_html(self._description(item, values))

    def _description(self, item, values: dict) -> str:
        if item.signed_date:
            values["date"] = format_date(item.signed_date, get_language() or "en")
            if item.signed_place:
                return gettext("%(kind)s, %(parties)s; signed %(date)s at %(place)s. %(title)s") % values
            return gettext("%(kind)s, %(parties)s; signed %(date)s. %(title)s") % values
        if item.signed_place:
            return gettext("%(kind)s, %(parties)s; signed at %(place)s, date not recorded. %(title)s") % values
        return gettext("%(kind)s, %(parties)s; date of signature not recorded. %(title)s") % values

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [xml_text(t.slug) for t in item.topics.all()]


class SearchFeed(NewAgreementsFeed):
    """Any /agreements/ or /search/ query as a feed: follow a search."""

    def get_object(self, request):
        return request

    def title(self, request):
        q = xml_text(request.GET.get("q", "")).strip()[:80]
        if q:
            return gettext("Bilateral Agreements Archive: %(query)s") % {"query": q}
        return gettext("Bilateral Agreements Archive: filtered agreements")

    def link(self, request):
        return reverse("search") + (f"?{request.GET.urlencode()}" if request.GET else "")

    def feed_url(self, request):
        """The feed's self link is the followed search itself, query included."""
        return reverse("feed_search") + (f"?{request.GET.urlencode()}" if request.GET else "")

    def items(self, request):
        filterset = AgreementFilter(request.GET or None, queryset=Agreement.objects.public().for_list())
        if filterset.is_bound and not filterset.is_valid():
            return Agreement.objects.none()
        return filterset.qs.order_by("-published_at", "slug")[:FEED_SIZE]


class CountryFeed(NewAgreementsFeed):
    def get_object(self, request, code):
        return get_object_or_404(Country, code=code.upper())

    def title(self, country):
        return gettext("Bilateral Agreements Archive: %(country)s") % {"country": xml_text(country.name)}

    def link(self, country):
        return country.get_absolute_url()

    def items(self, country):
        return (
            Agreement.objects.public()
            .for_list()
            .with_all_parties([country.code])
            .order_by("-published_at", "slug")[:FEED_SIZE]
        )
