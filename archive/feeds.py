"""Atom feeds: what is new in the archive, in a country, or matching any search or filter URL."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive.filters import AgreementFilter
from archive.models import Agreement, Country

FEED_SIZE = 50


class NewAgreementsFeed(Feed):
    feed_type = Atom1Feed
    title = "Bilateral Agreements Archive: new agreements"
    subtitle = "Agreements and texts added to the archive, newest first."

    def link(self):
        return reverse("agreement_list")

    def items(self):
        return Agreement.objects.for_list().order_by("-created_at", "slug")[:FEED_SIZE]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        parties = " – ".join(p.country.name for p in item.parties.all())
        signed = f"signed {item.signed_date:%d %B %Y}" if item.signed_date else "date of signature not recorded"
        place = f" at {item.signed_place}" if item.signed_place else ""
        return f"{item.get_kind_display()}, {parties}; {signed}{place}. {item.title}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [t.slug for t in item.topics.all()]


class SearchFeed(NewAgreementsFeed):
    """Any /agreements/ or /search/ query as a feed: follow a search."""

    def get_object(self, request):
        return request

    def title(self, request):
        q = request.GET.get("q", "").strip()[:80]
        return f"Bilateral Agreements Archive: {q}" if q else "Bilateral Agreements Archive: filtered agreements"

    def link(self, request):
        return reverse("search") + (f"?{request.GET.urlencode()}" if request.GET else "")

    def items(self, request):
        filterset = AgreementFilter(request.GET or None, queryset=Agreement.objects.for_list())
        if filterset.is_bound and not filterset.is_valid():
            return Agreement.objects.none()
        return filterset.qs.order_by("-created_at", "slug")[:FEED_SIZE]


class CountryFeed(NewAgreementsFeed):
    def get_object(self, request, code):
        return get_object_or_404(Country, code=code.upper())

    def title(self, country):
        return f"Bilateral Agreements Archive: {country.name}"

    def link(self, country):
        return country.get_absolute_url()

    def items(self, country):
        return Agreement.objects.for_list().with_all_parties([country.code]).order_by("-created_at", "slug")[:FEED_SIZE]
