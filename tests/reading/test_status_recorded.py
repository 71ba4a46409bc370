"""derive_status: a recorded end outweighs a ratification read from dates, and a successor
whose dates are both unknown still supersedes."""

import datetime as dt

from archive.reading.status import StatusFacts, derive_status

D = dt.date
TODAY = D(2026, 1, 1)
KZ_LAW = "Kazakhstan: Law No. 12-IV of 1 May 2006"


def test_signed_ratified_and_recorded_as_terminated_is_terminated():
    facts = StatusFacts(signed_date=D(2005, 5, 24), ratified_by=(KZ_LAW,), stored_status="terminated")
    s = derive_status(facts, TODAY)
    assert (s.code, s.label) == ("terminated", "Terminated")
    assert s.reason == "Signed on 24 May 2005; recorded as terminated; the date is not recorded."


def test_a_successor_with_no_dates_recorded_probably_supersedes():
    facts = StatusFacts(
        entry_into_force_date=D(1997, 6, 1),
        term_indefinite=True,
        superseded_by=[("Agreement on Air Services", None, None)],
    )
    s = derive_status(facts, TODAY)
    assert (s.code, s.label) == ("superseded", "Probably superseded")
    assert s.reason == (
        "Probably superseded by the Agreement on Air Services; "
        "the date that agreement entered into force is not recorded."
    )
