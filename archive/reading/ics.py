"""An iCalendar (RFC 5545) feed of all-day events, written by hand: each value through
:func:`archive.formats.ical_text`, each line through :func:`archive.formats.ical_line`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from archive.formats import ical_line, ical_text

PRODID = "-//Bilateral Agreements Archive//Deadlines//EN"


@dataclass(frozen=True)
class AllDayEvent:
    uid: str
    day: dt.date
    summary: str
    description: str = ""
    url: str = ""
    stamp: dt.datetime | None = None  # when the facts were last changed (DTSTAMP); UTC


def _utc(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def calendar(name: str, events: Iterable[AllDayEvent], now: dt.datetime, description: str = "") -> str:
    """A VCALENDAR of ``events`` named ``name`` (X-WR-CALNAME); ``now`` stands in for a missing stamp."""
    lines = [
        ical_line("BEGIN", "VCALENDAR"),
        ical_line("VERSION", "2.0"),
        ical_line("PRODID", PRODID),
        ical_line("CALSCALE", "GREGORIAN"),
        ical_line("METHOD", "PUBLISH"),
        ical_line("X-WR-CALNAME", ical_text(name)),
    ]
    if description:
        lines.append(ical_line("X-WR-CALDESC", ical_text(description)))
    for event in events:
        lines += [
            ical_line("BEGIN", "VEVENT"),
            ical_line("UID", ical_text(event.uid)),
            ical_line("DTSTAMP", _utc(event.stamp or now)),
            ical_line("DTSTART;VALUE=DATE", event.day.strftime("%Y%m%d")),
            ical_line("DTEND;VALUE=DATE", (event.day + dt.timedelta(days=1)).strftime("%Y%m%d")),
            ical_line("SUMMARY", ical_text(event.summary)),
            ical_line("TRANSP", "TRANSPARENT"),
        ]
        if event.description:
            lines.append(ical_line("DESCRIPTION", ical_text(event.description)))
        if event.url:
            lines.append(ical_line("URL;VALUE=URI", event.url))
        lines.append(ical_line("END", "VEVENT"))
    lines.append(ical_line("END", "VCALENDAR"))
    return "".join(lines)
