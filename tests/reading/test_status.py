import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.reading.status import CODES, StatusFacts, add_months, derive_status, format_date

D = dt.date


# --- add_months ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap February
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # leap day + 1 year clamps
        (D(2024, 2, 29), 48, D(2028, 2, 29)),  # ... + 4 years does not
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 6, 7), -6, D(2023, 12, 7)),
        (D(2024, 12, 15), 1, D(2025, 1, 15)),
        (D(2024, 1, 15), -1, D(2023, 12, 15)),
        (D(2024, 5, 5), 0, D(2024, 5, 5)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)), st.integers(-1200, 1200))
def test_add_months_lands_in_the_right_month_and_never_later_in_it(day, months):
    moved = add_months(day, months)
    assert moved.year * 12 + moved.month == day.year * 12 + day.month + months
    assert moved.day <= day.day


def test_format_date_is_english_without_leading_zero():
    assert format_date(D(2005, 11, 12)) == "12 November 2005"
    assert format_date(D(2024, 6, 7)) == "7 June 2024"


# --- derive_status -------------------------------------------------------------------------------


def test_indefinite_term_in_force():
    s = derive_status(
        StatusFacts(signed_date=D(2005, 5, 24), entry_into_force_date=D(2005, 11, 12), term_indefinite=True),
        today=D(2026, 11, 22),
    )
    assert s.code == "in_force"
    assert s.label == "In force"
    assert s.reason == "In force since 12 November 2005; indefinite term."
    assert s.next_renewal is None and s.notice_deadline is None and s.expires is None


def test_indefinite_term_mentions_notice():
    s = derive_status(
        StatusFacts(entry_into_force_date=D(2005, 11, 12), term_indefinite=True, notice_months=6),
        today=D(2026, 1, 1),
    )
    assert s.reason == (
        "In force since 12 November 2005; indefinite term. Either party may terminate it by giving 6 months' notice."
    )


def test_expired_by_term_without_renewal():
    facts = StatusFacts(
        signed_date=D(2004, 3, 1), entry_into_force_date=D(2004, 3, 1), term_years=5, stored_status="in_force"
    )
    s = derive_status(facts, today=D(2026, 11, 22))
    assert s.code == "expired"
    assert s.reason == "Expired on 1 March 2009: its 5-year term ended and it has no automatic renewal."
    assert s.expires == D(2009, 3, 1)
    assert s.next_renewal is None


def test_fixed_term_still_running():
    facts = StatusFacts(entry_into_force_date=D(2004, 3, 1), term_years=5)
    s = derive_status(facts, today=D(2009, 2, 28))
    assert s.code == "in_force"
    assert s.expires == D(2009, 3, 1)
    assert "ends on 1 March 2009" in s.reason
    # the last day of the term is the anniversary itself: on it, the agreement has expired
    assert derive_status(facts, today=D(2009, 3, 1)).code == "expired"


def test_within_initial_term_with_renewal():
    facts = StatusFacts(entry_into_force_date=D(2024, 6, 7), term_years=5, renewal_years=5, notice_months=6)
    s = derive_status(facts, today=D(2026, 11, 22))
    assert s.code == "in_force"
    assert s.next_renewal == D(2029, 6, 7)
    assert s.notice_deadline == D(2028, 12, 7)
    assert s.reason == (
        "In force since 7 June 2024. Its initial 5-year term ends on 7 June 2029, after which it is renewed "
        "automatically every 5 years; notice to terminate must be given by 7 December 2028."
    )


def test_renewed_several_times():
    facts = StatusFacts(entry_into_force_date=D(2009, 6, 7), term_years=5, renewal_years=5, notice_months=6)
    # periods: 2009-2014, 2014-2019, 2019-2024, 2024-2029, 2029-2034
    s = derive_status(facts, today=D(2030, 1, 1))
    assert s.code == "in_force"
    assert s.next_renewal == D(2034, 6, 7)
    assert s.notice_deadline == D(2033, 12, 7)
    assert s.reason.endswith(
        "Renewed automatically every 5 years; the current period ends on 7 June 2034; "
        "notice to terminate must be given by 7 December 2033."
    )
    assert s.reason.startswith("In force since 7 June 2009.")


def test_renewal_boundary_day_starts_the_next_period():
    facts = StatusFacts(entry_into_force_date=D(2000, 1, 10), term_years=10, renewal_years=2)
    assert derive_status(facts, today=D(2010, 1, 9)).next_renewal == D(2010, 1, 10)
    assert derive_status(facts, today=D(2010, 1, 10)).next_renewal == D(2012, 1, 10)
    assert derive_status(facts, today=D(2010, 1, 10)).notice_deadline is None


def test_yearly_renewal_wording():
    s = derive_status(StatusFacts(entry_into_force_date=D(2000, 1, 10), term_years=1, renewal_years=1), D(2020, 5, 1))
    assert "Renewed automatically every year; the current period ends on 10 January 2021." in s.reason


def test_renewal_without_stated_term_uses_the_renewal_period():
    s = derive_status(StatusFacts(entry_into_force_date=D(2000, 1, 10), renewal_years=3), D(2001, 5, 1))
    assert s.next_renewal == D(2003, 1, 10)


def test_leap_day_entry_into_force_clamps_without_drifting():
    facts = StatusFacts(entry_into_force_date=D(2000, 2, 29), term_years=5, renewal_years=5, notice_months=6)
    # first period ends 28 Feb 2005 (no 29th); later periods are counted from 2000, so 2020 is the 29th again
    assert derive_status(facts, today=D(2004, 6, 1)).next_renewal == D(2005, 2, 28)
    s = derive_status(facts, today=D(2016, 3, 1))
    assert s.next_renewal == D(2020, 2, 29)
    assert s.notice_deadline == D(2019, 8, 29)
    expired = derive_status(StatusFacts(entry_into_force_date=D(2000, 2, 29), term_years=1), D(2001, 3, 1))
    assert expired.expires == D(2001, 2, 28)


def test_notice_deadline_clamps_to_month_end():
    facts = StatusFacts(entry_into_force_date=D(2001, 8, 31), term_years=5, renewal_years=5, notice_months=6)
    s = derive_status(facts, today=D(2002, 1, 1))
    assert s.next_renewal == D(2006, 8, 31)
    assert s.notice_deadline == D(2006, 2, 28)


def test_terminated():
    facts = StatusFacts(entry_into_force_date=D(1997, 1, 1), term_indefinite=True, termination_date=D(2010, 4, 30))
    s = derive_status(facts, today=D(2026, 1, 1))
    assert s.code == "terminated"
    assert s.reason == "Terminated on 30 April 2010."
    assert s.expires == D(2010, 4, 30)


def test_termination_in_the_future_is_announced():
    facts = StatusFacts(entry_into_force_date=D(1997, 1, 1), term_indefinite=True, termination_date=D(2027, 1, 1))
    s = derive_status(facts, today=D(2026, 1, 1))
    assert s.code == "in_force"
    assert s.expires == D(2027, 1, 1)
    assert s.reason.endswith("It terminates on 1 January 2027.")


def test_superseded_by_agreement_in_force():
    facts = StatusFacts(
        signed_date=D(1996, 9, 16),
        entry_into_force_date=D(1997, 6, 1),
        term_years=10,
        renewal_years=5,
        superseded_by=[("Treaty on Strategic Partnership", D(2005, 5, 24), D(2005, 11, 12))],
    )
    s = derive_status(facts, today=D(2026, 11, 22))
    assert s.code == "superseded"
    assert s.label == "Superseded"
    assert s.reason == "Superseded by the Treaty on Strategic Partnership, in force since 12 November 2005."
    assert s.expires == D(2005, 11, 12)


def test_probably_superseded_when_successor_entry_into_force_unknown():
    facts = StatusFacts(
        signed_date=D(1996, 9, 16), superseded_by=[("Treaty on Strategic Partnership", D(2005, 5, 24), None)]
    )
    s = derive_status(facts, today=D(2026, 11, 22))
    assert s.code == "superseded"
    assert s.label == "Probably superseded"
    assert s.reason.startswith("Probably superseded by the Treaty on Strategic Partnership, signed on 24 May 2005;")
    assert "not recorded" in s.reason


def test_successor_entering_into_force_later_does_not_supersede_yet():
    facts = StatusFacts(
        entry_into_force_date=D(1997, 6, 1),
        term_indefinite=True,
        superseded_by=[("New Agreement", D(2026, 1, 10), D(2027, 3, 1))],
    )
    s = derive_status(facts, today=D(2026, 11, 22))
    assert s.code == "in_force"
    assert s.reason.endswith("The New Agreement supersedes it on 1 March 2027.")


def test_successor_title_in_another_script_takes_no_article():
    facts = StatusFacts(superseded_by=[("Договор о стратегическом партнерстве", None, D(2005, 11, 12))])
    s = derive_status(facts, today=D(2026, 1, 1))
    assert s.reason == "Superseded by Договор о стратегическом партнерстве, in force since 12 November 2005."


def test_signed_not_in_force():
    s = derive_status(StatusFacts(signed_date=D(2024, 6, 7), stored_status="signed"), today=D(2024, 7, 1))
    assert s.code == "signed"
    assert s.label == "Signed"
    assert s.reason == "Signed on 7 June 2024; the date it entered into force is not recorded."


def test_signed_with_future_entry_into_force():
    facts = StatusFacts(signed_date=D(2024, 6, 7), entry_into_force_date=D(2025, 1, 1), term_indefinite=True)
    s = derive_status(facts, today=D(2024, 7, 1))
    assert s.code == "signed"
    assert s.reason == "Signed on 7 June 2024; it enters into force on 1 January 2025."
    assert derive_status(facts, today=D(2025, 1, 1)).code == "in_force"


def test_signed_recorded_in_force_without_date():
    s = derive_status(StatusFacts(signed_date=D(2004, 3, 1), stored_status="in_force"), today=D(2026, 1, 1))
    assert s.code == "in_force"
    assert s.reason == (
        "Signed on 1 March 2004; recorded as in force, but the date it entered into force is not recorded."
    )


def test_draft():
    s = derive_status(StatusFacts(is_draft=True, signed_date=None), today=D(2026, 1, 1))
    assert s.code == "draft"
    assert s.label == "Draft"
    assert derive_status(StatusFacts(stored_status="draft"), today=D(2026, 1, 1)).code == "draft"


def test_unknown_when_nothing_is_recorded():
    s = derive_status(StatusFacts(), today=D(2026, 1, 1))
    assert s.code == "unknown"
    assert s.reason == "Not enough is recorded to tell its status."


def test_stored_status_stands_in_when_dates_are_missing():
    s = derive_status(StatusFacts(stored_status="terminated"), today=D(2026, 1, 1))
    assert (s.code, s.reason) == ("terminated", "Recorded as terminated; the date is not recorded.")
    s = derive_status(StatusFacts(stored_status="in_force"), today=D(2026, 1, 1))
    assert s.code == "in_force"


def test_stored_termination_outweighs_in_force_inferred_from_dates():
    facts = StatusFacts(entry_into_force_date=D(2000, 1, 1), term_indefinite=True, stored_status="terminated")
    assert derive_status(facts, today=D(2026, 1, 1)).code == "terminated"


def test_suspended_stays_in_force_and_says_so():
    facts = StatusFacts(entry_into_force_date=D(2000, 1, 1), term_indefinite=True, stored_status="suspended")
    s = derive_status(facts, today=D(2026, 1, 1))
    assert s.code == "in_force"
    assert s.label == "In force (suspended)"
    assert s.reason.endswith("Its operation is recorded as suspended.")


def test_in_force_with_unknown_term():
    s = derive_status(StatusFacts(entry_into_force_date=D(2000, 1, 1)), today=D(2026, 1, 1))
    assert (s.code, s.reason) == ("in_force", "In force since 1 January 2000; its term is not recorded.")


_dates = st.one_of(st.none(), st.dates(min_value=D(1950, 1, 1), max_value=D(2060, 12, 31)))
_small = st.one_of(st.none(), st.integers(1, 30))


@given(
    signed=_dates,
    eif=_dates,
    term=_small,
    renewal=_small,
    notice=st.one_of(st.none(), st.integers(1, 24)),
    indefinite=st.one_of(st.none(), st.booleans()),
    terminated=_dates,
    successor=st.lists(st.tuples(st.text(max_size=20), _dates, _dates), max_size=2),
    stored=st.sampled_from(["draft", "signed", "in_force", "suspended", "terminated", "superseded", "unknown"]),
    today=st.dates(min_value=D(1990, 1, 1), max_value=D(2050, 12, 31)),
)
def test_any_facts_give_a_known_code_a_sentence_and_consistent_dates(
    signed, eif, term, renewal, notice, indefinite, terminated, successor, stored, today
):
    facts = StatusFacts(
        signed_date=signed,
        entry_into_force_date=eif,
        termination_date=terminated,
        term_indefinite=indefinite,
        term_years=term,
        renewal_years=renewal,
        notice_months=notice,
        superseded_by=successor,
        stored_status=stored,
    )
    s = derive_status(facts, today)
    assert s.code in CODES
    assert s.reason and s.reason.endswith(".") and s.reason[0].isupper()
    if s.next_renewal:
        assert s.code == "in_force"
        assert s.next_renewal > today
    if s.notice_deadline:
        assert s.next_renewal and s.notice_deadline < s.next_renewal


def test_translate_gets_whole_sentence_templates_and_language_formats_dates():
    import datetime as _dt

    from archive.reading.status import StatusFacts as _Facts
    from archive.reading.status import derive_status as _derive

    seen = []

    def translate(template: str) -> str:
        seen.append(template)
        return template.upper().replace("{DATE}", "{date}")

    facts = _Facts(signed_date=_dt.date(2024, 6, 7), termination_date=_dt.date(2025, 6, 7))
    status = _derive(facts, _dt.date(2026, 1, 1), translate=translate, language="ru")
    assert seen == ["Terminated on {date}."]
    assert status.reason == "TERMINATED ON 7 июня 2025."
    assert status.code == "terminated" and status.label == "Terminated"


def test_a_known_ratification_without_entry_into_force_reads_ratified():
    facts = StatusFacts(signed_date=dt.date(2005, 5, 24), ratified_by=("Kazakhstan: Law No. 12 of 1 May 2006",))
    status = derive_status(facts, dt.date(2026, 1, 1))
    assert status.code == "ratified"
    assert "ratified or approved by Kazakhstan: Law No. 12 of 1 May 2006" in status.reason
    # the entry into force outranks it; the ratification alone does not make it in force
    later = StatusFacts(
        signed_date=dt.date(2005, 5, 24), entry_into_force_date=dt.date(2006, 6, 1), ratified_by=facts.ratified_by
    )
    assert derive_status(later, dt.date(2026, 1, 1)).code == "in_force"
    assert derive_status(StatusFacts(signed_date=dt.date(2005, 5, 24)), dt.date(2026, 1, 1)).code == "signed"


def test_provisional_application_is_an_editors_record_until_the_entry_into_force():
    facts = StatusFacts(signed_date=dt.date(2020, 2, 1), stored_status="provisional")
    status = derive_status(facts, dt.date(2021, 1, 1))
    assert status.code == "provisional" and "provisionally" in status.reason
    in_force = StatusFacts(
        signed_date=dt.date(2020, 2, 1), entry_into_force_date=dt.date(2020, 9, 1), stored_status="provisional"
    )
    assert derive_status(in_force, dt.date(2021, 1, 1)).code == "in_force"
    assert "provisional" in CODES and "ratified" in CODES
