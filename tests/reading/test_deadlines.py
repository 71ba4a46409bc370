"""Upcoming events and status changes of agreements, with dates worked out by hand (no Django)."""

import datetime as dt

import pytest

from archive.reading.deadlines import (
    MAX_MONTHS,
    Event,
    changes,
    describe_change,
    describe_coming,
    horizon,
    label,
    parse_months,
    recent_changes,
    upcoming,
    upcoming_events,
)
from archive.reading.status import StatusFacts

D = dt.date
TODAY = D(2026, 12, 2)
YEAR_AHEAD = D(2027, 12, 1)  # horizon(TODAY, 12)

# Renewed every year from 31 January 2016, 3 months' notice: the period ending 31 January 2027
# had its last day for notice on 31 October 2026 (past); the next one ends 31 January 2028 and its
# notice must be given by 31 October 2027.
YEARLY = StatusFacts(entry_into_force_date=D(2016, 1, 31), term_years=1, renewal_years=1, notice_months=3)
# 5 years from 15 March 2020, renewed for 5 years, 6 months' notice: first end 15 March 2025,
# then 15 March 2030 (deadline 15 September 2029).
FIVE_YEARLY = StatusFacts(entry_into_force_date=D(2020, 3, 15), term_years=5, renewal_years=5, notice_months=6)
# a fixed 5-year term from 30 June 2022, no renewal: ends 30 June 2027
FIXED = StatusFacts(entry_into_force_date=D(2022, 6, 30), term_years=5, term_indefinite=False)


def kinds_and_dates(events):
    return [(e.kind, e.date) for e in events]


def test_horizon_and_months_parameter():
    assert horizon(TODAY, 12) == YEAR_AHEAD
    assert horizon(D(2024, 1, 31), 1) == D(2024, 2, 28)  # 29 February is the clamped end, excluded
    assert parse_months("6") == 6
    assert parse_months("0") == 1
    assert parse_months("999") == MAX_MONTHS
    assert parse_months("-3") == 12  # garbage: the default
    assert parse_months("") == 12
    assert parse_months(None) == 12
    assert parse_months("1e9") == 12


def test_yearly_renewal_gives_period_end_and_next_deadline():
    events = upcoming(YEARLY, TODAY, YEAR_AHEAD)
    assert kinds_and_dates(events) == [("period_end", D(2027, 1, 31)), ("notice_deadline", D(2027, 10, 31))]
    period_end, deadline = events
    assert period_end.deadline == D(2026, 10, 31)  # the deadline of that period, already past
    assert deadline.period_end == D(2028, 1, 31)


def test_several_periods_within_a_long_horizon():
    until = horizon(TODAY, 36)  # 1 December 2029
    assert kinds_and_dates(upcoming(YEARLY, TODAY, until)) == [
        ("period_end", D(2027, 1, 31)),
        ("notice_deadline", D(2027, 10, 31)),
        ("period_end", D(2028, 1, 31)),
        ("notice_deadline", D(2028, 10, 31)),
        ("period_end", D(2029, 1, 31)),
        ("notice_deadline", D(2029, 10, 31)),
    ]


def test_nothing_within_the_horizon_and_the_deadline_further_out():
    assert upcoming(FIVE_YEARLY, TODAY, YEAR_AHEAD) == []
    far = upcoming(FIVE_YEARLY, TODAY, horizon(TODAY, 60))
    assert kinds_and_dates(far) == [("notice_deadline", D(2029, 9, 15)), ("period_end", D(2030, 3, 15))]


def test_fixed_term_ends():
    assert kinds_and_dates(upcoming(FIXED, TODAY, YEAR_AHEAD)) == [("term_end", D(2027, 6, 30))]
    assert upcoming(FIXED, D(2027, 7, 1), D(2028, 7, 1)) == []  # expired: nothing more


def test_a_termination_cuts_the_renewals():
    facts = StatusFacts(
        entry_into_force_date=D(2016, 1, 31),
        term_years=1,
        renewal_years=1,
        notice_months=3,
        termination_date=D(2027, 1, 15),
    )
    assert kinds_and_dates(upcoming(facts, TODAY, YEAR_AHEAD)) == [("termination", D(2027, 1, 15))]


def test_a_future_supersession_cuts_the_renewals():
    facts = StatusFacts(
        entry_into_force_date=D(2016, 1, 31),
        term_years=1,
        renewal_years=1,
        notice_months=3,
        superseded_by=[("Agreement of 2027", D(2026, 11, 1), D(2027, 6, 1))],
    )
    events = upcoming(facts, TODAY, YEAR_AHEAD)
    assert kinds_and_dates(events) == [("period_end", D(2027, 1, 31)), ("superseded", D(2027, 6, 1))]
    assert events[1].other == "Agreement of 2027"


def test_future_entry_into_force_then_its_periods():
    facts = StatusFacts(
        signed_date=D(2026, 10, 1), entry_into_force_date=D(2027, 1, 15), term_years=1, renewal_years=1, notice_months=1
    )
    assert kinds_and_dates(upcoming(facts, TODAY, YEAR_AHEAD)) == [("entry_into_force", D(2027, 1, 15))]
    assert kinds_and_dates(upcoming(facts, TODAY, horizon(TODAY, 14))) == [
        ("entry_into_force", D(2027, 1, 15)),
        ("notice_deadline", D(2027, 12, 15)),
        ("period_end", D(2028, 1, 15)),
    ]


def test_events_on_today_count_and_drafts_have_none():
    facts = StatusFacts(entry_into_force_date=D(2016, 3, 2), term_years=1, renewal_years=1, notice_months=9)
    # period ends 2 March 2027, notice by 2 June 2026 (past); next: 2 March 2028, notice 2 June 2027
    events = upcoming(facts, D(2027, 3, 2), D(2027, 6, 2))
    assert kinds_and_dates(events) == [("period_end", D(2027, 3, 2)), ("notice_deadline", D(2027, 6, 2))]
    assert events[0].days_from(D(2027, 3, 2)) == 0
    assert upcoming(StatusFacts(entry_into_force_date=D(2016, 1, 31), term_years=1, renewal_years=1, is_draft=True),
                    TODAY, YEAR_AHEAD) == []  # fmt: skip


def test_indefinite_term_has_no_deadline():
    facts = StatusFacts(entry_into_force_date=D(2010, 5, 1), term_indefinite=True, notice_months=6)
    assert upcoming(facts, TODAY, horizon(TODAY, 60)) == []


def test_many_agreements_soonest_first_with_subjects():
    events = upcoming_events([("yearly", YEARLY), ("fixed", FIXED), ("five", FIVE_YEARLY)], TODAY, 12)
    assert [(e.subject, e.kind, e.date) for e in events] == [
        ("yearly", "period_end", D(2027, 1, 31)),
        ("fixed", "term_end", D(2027, 6, 30)),
        ("yearly", "notice_deadline", D(2027, 10, 31)),
    ]
    assert len({(e.subject, e.uid) for e in events}) == 3
    assert events[2].uid == "notice-deadline-2027-10-31"


# --- changes: what has happened -----------------------------------------------------------------


def test_changes_of_a_yearly_renewal_within_a_year():
    found = changes(YEARLY, TODAY, since=D(2025, 12, 2))
    assert kinds_and_dates(found) == [("notice_window", D(2026, 1, 31))]
    [window] = found
    assert (window.period_end, window.deadline) == (D(2027, 1, 31), D(2026, 10, 31))


def test_all_changes_since_entry_into_force():
    found = changes(YEARLY, TODAY)
    assert found[0] == Event("entry_into_force", D(2016, 1, 31), period_end=D(2017, 1, 31), deadline=D(2016, 10, 31))
    windows = [e.date for e in found if e.kind == "notice_window"]
    assert windows == [D(year, 1, 31) for year in range(2017, 2027)]


def test_future_events_do_not_appear_as_changes():
    facts = StatusFacts(
        signed_date=D(2026, 10, 1), entry_into_force_date=D(2027, 1, 15), termination_date=D(2030, 1, 1)
    )
    assert changes(facts, TODAY) == []
    assert kinds_and_dates(changes(facts, D(2027, 1, 15))) == [("entry_into_force", D(2027, 1, 15))]


def test_expiry_termination_and_supersession_as_changes():
    assert kinds_and_dates(changes(FIXED, D(2027, 7, 1), since=D(2027, 1, 1))) == [("term_end", D(2027, 6, 30))]
    ended = StatusFacts(entry_into_force_date=D(2010, 1, 1), term_indefinite=True, termination_date=D(2026, 5, 4))
    assert kinds_and_dates(changes(ended, TODAY, since=D(2026, 1, 1))) == [("termination", D(2026, 5, 4))]
    # the seed's 1996 treaty: superseded by the 2005 treaty, whose entry into force is not recorded
    old = StatusFacts(signed_date=D(1996, 9, 16), superseded_by=[("Treaty of 2005", D(2005, 5, 24), None)])
    [event] = changes(old, TODAY)
    assert (event.kind, event.date, event.other) == ("superseded", D(2005, 5, 24), "Treaty of 2005")
    assert changes(old, TODAY, since=D(2025, 12, 2)) == []


def test_renewals_stop_at_a_termination():
    facts = StatusFacts(
        entry_into_force_date=D(2016, 1, 31),
        term_years=1,
        renewal_years=1,
        notice_months=3,
        termination_date=D(2026, 1, 31),
    )
    found = changes(facts, TODAY, since=D(2025, 1, 1))
    assert kinds_and_dates(found) == [("notice_window", D(2025, 1, 31)), ("termination", D(2026, 1, 31))]


def test_recent_changes_latest_first():
    found = recent_changes([("yearly", YEARLY), ("fixed", FIXED)], D(2027, 7, 1), since=D(2026, 7, 1))
    assert [(e.subject, e.kind, e.date) for e in found] == [
        ("fixed", "term_end", D(2027, 6, 30)),
        ("yearly", "notice_window", D(2027, 1, 31)),
    ]


def test_sentences():
    deadline = Event("notice_deadline", D(2027, 10, 31), period_end=D(2028, 1, 31), deadline=D(2027, 10, 31))
    assert describe_coming(deadline) == "Notice given by this day stops its renewal on 31 January 2028."
    assert label(deadline) == "Last day to give notice"
    window = Event("notice_window", D(2026, 1, 31), period_end=D(2027, 1, 31), deadline=D(2026, 10, 31))
    assert describe_change(window) == (
        "Renewed automatically on 31 January 2026 for a period ending on 31 January 2027; "
        "notice to terminate must be given by 31 October 2026."
    )
    assert label(Event("superseded", D(2005, 5, 24), other="Treaty"), happened=True) == "Superseded by Treaty"
    # dates by Babel in the language asked for
    assert describe_coming(deadline, language="kk").endswith("stops its renewal on 2028 жылғы 31 қаңтар.")


@pytest.mark.parametrize("months", [1, 12, 60])
def test_no_event_outside_the_horizon(months):
    until = horizon(TODAY, months)
    for facts in (YEARLY, FIVE_YEARLY, FIXED):
        for event in upcoming(facts, TODAY, until):
            assert TODAY <= event.date <= until
