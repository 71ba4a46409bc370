"""What is coming and what has changed: the dated events of agreements, from their stored facts.

Two questions, one vocabulary of events:

* :func:`upcoming` — what happens between ``today`` and ``until`` (both included): the last day
  to give notice before an automatic renewal, the end of a period (renewed unless notice was
  given), the end of a fixed term, a recorded termination, an entry into force or a supersession
  dated in the future;
* :func:`changes` — what has happened between ``since`` and ``today`` (both included): entry into
  force, the opening of a notice window (an automatic renewal), expiry, termination, supersession.

No term arithmetic lives here: every period end and notice deadline comes from
:func:`archive.reading.status.derive_status`, asked about successive reference days (the day
after a period ends, ``derive_status`` names the next period). A future event is never a change:
``changes`` stops at ``today``.

The notice window for a period opens when that period begins — at entry into force for the
first period, on the day the agreement renews itself for the later ones — and closes on the last
day to give notice (the period end less the notice). The window of the first period opens with
the entry into force and is said in that event; every later one is its own ``notice_window``
event (``renewed`` when no notice period is recorded).

Events carry a caller's ``subject`` (an agreement's id) and a :attr:`Event.uid` stable across
requests and days: kind and date, so one agreement's events never share one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace

from archive.reading.status import StatusFacts, add_months, derive_status, gettext_noop

__all__ = [
    "DEFAULT_MONTHS",
    "KINDS",
    "MAX_MONTHS",
    "Event",
    "changes",
    "horizon",
    "parse_months",
    "recent_changes",
    "upcoming",
    "upcoming_events",
]

DEFAULT_MONTHS = 12
MAX_MONTHS = 60
MAX_PERIODS = 100  # a guard: 60 months of one-year renewals is 6 periods

# kind -> English label (marked for makemessages; the caller translates)
KINDS = {
    "notice_deadline": gettext_noop("Last day to give notice"),
    "period_end": gettext_noop("Period ends"),
    "term_end": gettext_noop("Term ends"),
    "termination": gettext_noop("Terminates"),
    "entry_into_force": gettext_noop("Enters into force"),
    "superseded": gettext_noop("Superseded"),
}
# what has happened, by kind (the feeds' entry titles)
CHANGE_KINDS = {
    "entry_into_force": gettext_noop("Entered into force"),
    "notice_window": gettext_noop("Notice window opened"),
    "renewed": gettext_noop("Renewed automatically"),
    "term_end": gettext_noop("Expired"),
    "termination": gettext_noop("Terminated"),
    "superseded": gettext_noop("Superseded by {agreement}"),
}
# same day: the deadline before the period end it belongs to
_ORDER = {
    kind: n
    for n, kind in enumerate(
        (
            "entry_into_force",
            "notice_deadline",
            "period_end",
            "term_end",
            "termination",
            "superseded",
            "notice_window",
            "renewed",
        )
    )
}


@dataclass(frozen=True)
class Event:
    """``kind`` happens on ``date``. ``period_end`` and ``deadline`` name the period concerned (a
    notice deadline's period end, a period end's deadline, an opened window's end and deadline);
    ``other`` is the superseding agreement's title."""

    kind: str
    date: dt.date
    period_end: dt.date | None = None
    deadline: dt.date | None = None
    other: str = ""
    subject: Hashable = None

    @property
    def uid(self) -> str:
        """Stable for the same event of the same agreement: ``notice_deadline-2027-03-01``."""
        return f"{self.kind.replace('_', '-')}-{self.date.isoformat()}"

    def days_from(self, today: dt.date) -> int:
        return (self.date - today).days

    def sort_key(self) -> tuple:
        return (self.date, _ORDER.get(self.kind, 99), str(self.subject))


def parse_months(value: object, default: int = DEFAULT_MONTHS) -> int:
    """``?months=`` as a horizon: a whole number of months from 1 to :data:`MAX_MONTHS`
    (larger values are capped, garbage gives the default)."""
    text = str(value or "").strip()
    if not text.isdigit() or len(text) > 4:
        return default
    return max(1, min(int(text), MAX_MONTHS))


def horizon(today: dt.date, months: int) -> dt.date:
    """The last day of a ``months``-long horizon starting ``today``."""
    return add_months(today, months) - dt.timedelta(days=1)


def _within(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def upcoming(facts: StatusFacts, today: dt.date, until: dt.date) -> list[Event]:
    """The events of one agreement from ``today`` to ``until`` (both included), in date order."""
    if facts.is_draft or facts.stored_status == "draft":
        return []
    events: list[Event] = []
    eif = facts.entry_into_force_date
    if _within(eif, today, until):
        events.append(Event("entry_into_force", eif))
    if _within(facts.termination_date, today, until):
        events.append(Event("termination", facts.termination_date))
    for title, _signed, later in facts.superseded_by:
        if _within(later, today, until):
            events.append(Event("superseded", later, other=title))
    if eif is not None and _has_periods(facts):
        # from the day before: derive_status counts a period's last day as the next one's first
        events += _periods_ahead(facts, max(today - dt.timedelta(days=1), eif), today, until)
    return sorted(events, key=Event.sort_key)


def _periods_ahead(facts: StatusFacts, ref: dt.date, today: dt.date, until: dt.date) -> list[Event]:
    """Period ends, notice deadlines and the end of a fixed term, asked of ``derive_status``
    from ``ref`` on, period after period, until the horizon or the agreement's end."""
    events: list[Event] = []
    ends = _ends(facts)
    for _ in range(MAX_PERIODS):
        if ref > until:
            break
        status = derive_status(facts, ref)
        if status.code != "in_force":
            break
        end = status.next_renewal
        if end is None:  # not renewed automatically: a fixed term's end, if it has one
            if (
                status.expires is not None
                and (ends is None or status.expires < ends)
                and facts.term_years
                and not facts.term_indefinite
                and _within(status.expires, today, until)
            ):
                events.append(Event("term_end", status.expires))
            break
        if ends is not None and ends <= end:
            break  # it ends (terminated, superseded) on or before that renewal
        deadline = status.notice_deadline
        if _within(deadline, today, until):
            events.append(Event("notice_deadline", deadline, period_end=end, deadline=deadline))
        if end <= until:
            events.append(Event("period_end", end, period_end=end, deadline=deadline))
        ref = end  # on the day a period ends, derive_status names the next one
    return events


def _has_periods(facts: StatusFacts) -> bool:
    """Whether ``derive_status`` can find a period end or a term's end at all (a shortcut, not a rule:
    an indefinite term or none recorded has neither)."""
    return not facts.term_indefinite and bool(facts.term_years or facts.renewal_years)


def _ends(facts: StatusFacts) -> dt.date | None:
    """The day it ends whatever its term says: a termination or a superseding agreement's entry into force."""
    days = [facts.termination_date, *(later for _title, _signed, later in facts.superseded_by)]
    known = [day for day in days if day is not None]
    return min(known) if known else None


def changes(facts: StatusFacts, today: dt.date, since: dt.date | None = None) -> list[Event]:
    """What happened to one agreement from ``since`` (the beginning, if None) to ``today``, in date order."""
    if facts.is_draft or facts.stored_status == "draft":
        return []
    start = since or dt.date.min
    events: list[Event] = []
    eif = facts.entry_into_force_date
    if _within(eif, start, today):
        first = derive_status(facts, eif)
        events.append(Event("entry_into_force", eif, period_end=first.next_renewal, deadline=first.notice_deadline))
    if _within(facts.termination_date, start, today):
        events.append(Event("termination", facts.termination_date))
    for title, signed, later in facts.superseded_by:
        day = later or signed  # without its entry into force, "probably superseded" from its signature
        if _within(day, start, today):
            events.append(Event("superseded", day, other=title))
    if eif is not None and eif <= today and _has_periods(facts):
        if not facts.renewal_years:
            now = derive_status(facts, today)
            if now.code == "expired" and _within(now.expires, start, today):
                events.append(Event("term_end", now.expires))
        else:
            ref = eif if start <= eif else start - dt.timedelta(days=1)  # the first renewal on or after start
            events += _renewals(facts, ref, start, today)
    return sorted(events, key=Event.sort_key)


def _renewals(facts: StatusFacts, ref: dt.date, start: dt.date, today: dt.date) -> list[Event]:
    """Each automatic renewal from ``ref`` to ``today``: a new period begins and, with a notice
    period recorded, its notice window opens."""
    events: list[Event] = []
    ends = _ends(facts)
    for _ in range(MAX_PERIODS):
        status = derive_status(facts, ref)
        began = status.next_renewal
        if status.code != "in_force" or began is None or began > today:
            break
        if ends is not None and ends <= began:
            break
        following = derive_status(facts, began)
        if following.code != "in_force" or following.next_renewal is None:
            break
        if began >= start:
            kind = "notice_window" if following.notice_deadline else "renewed"
            events.append(Event(kind, began, period_end=following.next_renewal, deadline=following.notice_deadline))
        ref = began
    return events


def upcoming_events(
    items: Iterable[tuple[Hashable, StatusFacts]], today: dt.date, months: int = DEFAULT_MONTHS
) -> list[Event]:
    """The upcoming events of many agreements (``(id, facts)`` pairs) within ``months`` of
    ``today``, soonest first, each with its ``subject``."""
    until = horizon(today, months)
    found = [replace(e, subject=key) for key, facts in items for e in upcoming(facts, today, until)]
    return sorted(found, key=Event.sort_key)


def recent_changes(
    items: Iterable[tuple[Hashable, StatusFacts]], today: dt.date, since: dt.date | None = None
) -> list[Event]:
    """The changes of many agreements from ``since`` to ``today``, latest first, each with its ``subject``."""
    found = [replace(e, subject=key) for key, facts in items for e in changes(facts, today, since)]
    return sorted(found, key=Event.sort_key, reverse=True)


# One sentence per kind: what is coming (the deadlines page, calendar, feed) and what happened
# (the feeds' status-change entries). Placeholders: {date} {end} {deadline} {agreement}.
_COMING = {
    "notice_deadline": gettext_noop("Notice given by this day stops its renewal on {end}."),
    "period_end": gettext_noop("Renewed automatically unless notice was given by {deadline}."),
    "period_end/": gettext_noop("Renewed automatically for another period."),
    "term_end": gettext_noop("It has no automatic renewal: it expires."),
    "termination": gettext_noop("Its termination is recorded for this day."),
    "entry_into_force": gettext_noop("Its entry into force is recorded for this day."),
    "superseded": gettext_noop("{agreement} enters into force and supersedes it."),
}
_HAPPENED = {
    "entry_into_force": gettext_noop(
        "Entered into force on {date}; its first period ends on {end}; notice to terminate must be given by {deadline}."
    ),
    "entry_into_force/": gettext_noop("Entered into force on {date}."),
    "notice_window": gettext_noop(
        "Renewed automatically on {date} for a period ending on {end}; notice to terminate must be given by {deadline}."
    ),
    "renewed": gettext_noop("Renewed automatically on {date} for a period ending on {end}."),
    "term_end": gettext_noop("Expired on {date}: its fixed term ended and it has no automatic renewal."),
    "termination": gettext_noop("Terminated on {date}."),
    "superseded": gettext_noop("Superseded by {agreement} on {date}."),
}


def _say(templates: dict[str, str], event: Event, translate, language: str) -> str:
    from archive.reading.status import format_date

    key = event.kind
    if key in ("period_end", "entry_into_force") and (event.deadline is None or event.period_end is None):
        key += "/"
    template = templates.get(key) or templates[event.kind]
    values = {
        "date": format_date(event.date, language),
        "end": format_date(event.period_end, language) if event.period_end else "",
        "deadline": format_date(event.deadline, language) if event.deadline else "",
        "agreement": event.other,
    }
    return (translate or str)(template).format(**values)


def describe_coming(event: Event, translate=None, language: str = "en") -> str:
    """What an upcoming event means, in one sentence of the caller's language."""
    return _say(_COMING, event, translate, language)


def describe_change(event: Event, translate=None, language: str = "en") -> str:
    """What happened, in one sentence of the caller's language."""
    return _say(_HAPPENED, event, translate, language)


def label(event: Event, translate=None, happened: bool = False) -> str:
    """The kind in a few words: "Last day to give notice", "Entered into force"."""
    words = (translate or str)((CHANGE_KINDS if happened else KINDS)[event.kind])
    return words.format(agreement=event.other) if "{agreement}" in words else words
