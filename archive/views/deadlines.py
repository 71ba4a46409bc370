"""Upcoming deadlines: the page, the iCalendar feed and the Atom feed share one list of events
(archive.reading.deadlines), filtered like the rest of the site (?party= ?pair= ?topic=) and
bounded by ?months= (1 to 60, 12 by default)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from archive.filters import DeadlineFilter
from archive.models import Agreement
from archive.reading import deadlines as dl
from archive.reading.ics import AllDayEvent, calendar

from . import visibility
from .adapters import cached, dated_facts
from .paging import paginate, query_without

MONTH_CHOICES = (3, 6, 12, 24, 36, 60)
CALENDAR_CAP = 2_000  # events in one calendar file; the page pages through all of them


@dataclass
class Upcoming:
    """The events of one request, with what the page, calendar and feed say about them."""

    filter: DeadlineFilter
    months: int
    today: dt.date
    until: dt.date
    events: list[dl.Event]

    @property
    def invalid(self) -> bool:
        return self.filter.is_bound and not self.filter.is_valid()


def upcoming(request, today: dt.date | None = None) -> Upcoming:
    """The request's upcoming events: visible agreements only, the filters applied."""
    today = today or dt.date.today()
    months = dl.parse_months(request.GET.get("months"))
    data = request.GET.copy()
    data.pop("months", None)
    data.pop("page", None)
    filterset = DeadlineFilter(data or None, queryset=visibility.agreements(request))
    events: list[dl.Event] = []
    until = dl.horizon(today, months)
    if not (filterset.is_bound and not filterset.is_valid()):
        qs = filterset.qs
        events = cached(
            "upcoming", qs, (today, months), lambda: dl.upcoming_events(dated_facts(qs, today, until), today, months)
        )
    return Upcoming(filterset, months, today, until, events)


def with_agreements(events: list[dl.Event], lean: bool = False) -> list[tuple[dl.Event, Agreement]]:
    """Each event with its agreement (parties and topics prefetched, or with ``lean`` only what a
    calendar entry names), in one query per relation."""
    agreements = (
        Agreement.objects.only("slug", "title", "title_en", "updated_at") if lean else Agreement.objects.for_list()
    )
    found = agreements.in_bulk({e.subject for e in events})
    return [(e, found[e.subject]) for e in events if e.subject in found]


def describe(event: dl.Event) -> str:
    return dl.describe_coming(event, gettext, get_language() or "en")


def label(event: dl.Event) -> str:
    return dl.label(event, gettext)


def place_query(request) -> str:
    """The filters as a query string for the calendar and feed links (no page)."""
    return query_without(request, "page")


@require_safe
def deadline_list(request):
    found = upcoming(request)
    page = paginate(request, found.events)
    rows = [
        {
            "event": event,
            "agreement": agreement,
            "label": label(event),
            "what": describe(event),
            "days": event.days_from(found.today),
        }
        for event, agreement in with_agreements(list(page.object_list))
    ]
    query = place_query(request)
    from archive.filters import filter_chips, picker_context

    return render(
        request,
        "archive/deadlines.html",
        {
            **picker_context(filter_chips(request.GET)),  # the country picker, as on /agreements/
            "filter": found.filter,
            "errors": found.filter.errors if found.invalid else {},
            "months": found.months,
            "month_choices": sorted({*MONTH_CHOICES, found.months}),
            "today": found.today,
            "until": found.until,
            "page": page,
            "rows": rows,
            "query": query_without(request, "page"),
            "suffix": f"?{query}" if query else "",
        },
    )


def calendar_name(request, found: Upcoming) -> str:
    """ "Agreements Archive: deadlines" with the filters in words."""
    parts = []
    cleaned = found.filter.form.cleaned_data if found.filter.is_bound and not found.invalid else {}
    parties = cleaned.get("party") or []
    if parties:
        from archive.templatetags.archive_tags import country_name

        parts.append(", ".join(country_name(code) for code in parties))
    if cleaned.get("pair"):
        parts.append(cleaned["pair"])
    if cleaned.get("topic"):
        parts.append(cleaned["topic"].label())
    name = gettext("Agreements Archive: deadlines")
    return f"{name} ({'; '.join(parts)})" if parts else name


@require_safe
def deadline_ics(request):
    found = upcoming(request)
    now = timezone.now()
    host = request.get_host().split(":")[0] or "localhost"
    events = []
    for event, agreement in with_agreements(found.events[:CALENDAR_CAP], lean=True):
        url = request.build_absolute_uri(agreement.get_absolute_url())
        events.append(
            AllDayEvent(
                uid=f"{agreement.slug}/{event.uid}@{host}",
                day=event.date,
                summary=f"{label(event)}: {agreement}",
                description=f"{describe(event)}\n{agreement.title}\n{url}",
                url=url,
                stamp=agreement.updated_at,
            )
        )
    body = calendar(
        calendar_name(request, found),
        events,
        now,
        description=gettext("Notice deadlines and period ends of the agreements in the archive."),
    )
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    return response


def deadlines_url(request) -> str:
    query = place_query(request)
    return reverse("deadline_list") + (f"?{query}" if query else "")
