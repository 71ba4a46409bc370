"""Atom feeds: what is new in the archive, in a country, or matching any search or filter URL,
and what is coming (the deadlines feed).

Besides the agreements added, the feeds of new agreements carry status changes of the last
:data:`CHANGES_DAYS` days: entered into force, notice window opened (an automatic renewal),
expired, terminated, superseded by … (archive.reading.deadlines), each dated the day it
happened, never a day to come, and identified by its agreement and kind and date.

Titles and places come from uploaded documents: every value goes through archive.formats
(characters XML cannot carry dropped; the HTML summary escaped, so a feed reader shows markup
as text and never runs it)."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext

from archive.filters import AgreementFilter
from archive.formats import feed_html, xml_text
from archive.models import Agreement, Country
from archive.reading import deadlines as dl
from archive.reading.status import format_date
from archive.views.adapters import cached, dated_facts
from archive.views.deadlines import deadlines_url, upcoming, with_agreements

FEED_SIZE = 50
CHANGES_DAYS = 365  # how far back a feed looks for status changes


@dataclass(frozen=True)
class Change:
    """A status change of ``agreement``, as a feed entry."""

    event: dl.Event
    agreement: Agreement

    @property
    def happened(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.event.date, dt.time.min))


def with_changes(added, queryset, today: dt.date | None = None) -> list:
    """The newest of ``added`` (agreements) and of the status changes of ``queryset``'s
    agreements since :data:`CHANGES_DAYS` ago, newest first, at most :data:`FEED_SIZE`."""
    today = today or dt.date.today()
    since = today - dt.timedelta(days=CHANGES_DAYS)
    events = cached(
        "changes",
        queryset,
        (since, today),
        lambda: dl.recent_changes(dated_facts(queryset, since, today), today, since),
    )
    changes = [Change(e, a) for e, a in with_agreements(events[:FEED_SIZE])]
    items = [*added, *changes]
    items.sort(key=lambda item: item.happened if isinstance(item, Change) else item.published_at, reverse=True)
    return items[:FEED_SIZE]


class NewAgreementsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return gettext("Bilateral Agreements Archive: new agreements")

    def subtitle(self):
        return gettext("Agreements and texts added to the archive, newest first.")

    def link(self):
        return reverse("agreement_list")

    def items(self):
        public = Agreement.objects.public()
        return with_changes(public.for_list().order_by("-published_at", "slug")[:FEED_SIZE], public)

    def item_title(self, item):
        if isinstance(item, Change):
            words = dl.label(item.event, gettext, happened=True)
            return xml_text(gettext("%(change)s: %(title)s") % {"change": words, "title": item.agreement})
        return xml_text(item)

    def item_link(self, item):
        if isinstance(item, Change):  # one agreement, many entries: the fragment tells them apart
            return f"{item.agreement.get_absolute_url()}#{item.event.uid}"
        return item.get_absolute_url()

    def item_description(self, item):
        if isinstance(item, Change):
            return feed_html(dl.describe_change(item.event, gettext, get_language() or "en"))
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
        if isinstance(item, Change):
            return item.happened
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        if isinstance(item, Change):
            return item.happened
        return item.updated_at

    def item_categories(self, item):
        agreement = item.agreement if isinstance(item, Change) else item
        return [xml_text(t.slug) for t in agreement.topics.all()]


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
            return []
        return with_changes(filterset.qs.order_by("-published_at", "slug")[:FEED_SIZE], filterset.qs)


class CountryFeed(NewAgreementsFeed):
    def get_object(self, request, code):
        return get_object_or_404(Country, code=code.upper())

    def title(self, country):
        return gettext("Bilateral Agreements Archive: %(country)s") % {"country": xml_text(country.name)}

    def link(self, country):
        return country.get_absolute_url()

    def items(self, country):
        agreements = Agreement.objects.public().with_all_parties([country.code])
        return with_changes(agreements.for_list().order_by("-published_at", "slug")[:FEED_SIZE], agreements)


class DeadlinesFeed(Feed):
    """What is coming, soonest first: /deadlines/feed/ with the page's filters and ?months=."""

    feed_type = Atom1Feed

    def get_object(self, request):
        return request

    def title(self, request):
        return gettext("Bilateral Agreements Archive: upcoming deadlines")

    def subtitle(self, request):
        return gettext("Notice deadlines, period ends and other dates to come, soonest first.")

    def link(self, request):
        return deadlines_url(request)

    def feed_url(self, request):
        return reverse("deadline_feed") + (f"?{request.GET.urlencode()}" if request.GET else "")

    def items(self, request):
        found = upcoming(request)
        return with_agreements(found.events[:FEED_SIZE])

    def item_title(self, item):
        event, agreement = item
        values = {"what": dl.label(event, gettext), "date": format_date(event.date, get_language() or "en")}
        return xml_text(gettext("%(what)s, %(date)s: %(title)s") % {**values, "title": agreement})

    def item_link(self, item):
        event, agreement = item
        return f"{agreement.get_absolute_url()}#{event.uid}"

    def item_description(self, item):
        event, agreement = item
        return feed_html(f"{dl.describe_coming(event, gettext, get_language() or 'en')} {agreement.title}")

    def item_pubdate(self, item):
        return item[1].updated_at  # when the facts that set the date were last changed, not a day to come

    def item_updateddate(self, item):
        return item[1].updated_at

    def item_categories(self, item):
        return [xml_text(t.slug) for t in item[1].topics.all()]
