"""derive_status's rules one by one, each on the facts of a real kind of record: the whole reason
a reader sees, so a dropped clause, a wrong date or a swapped rule shows."""

from __future__ import annotations

import datetime as dt

from archive.reading.status import StatusFacts, derive_status

D = dt.date
TODAY = D(2026, 1, 1)

# the acts as the parser writes them (archive/ingest/acts.py): "Country: Kind No. N of date"
KZ_LAW = "Kazakhstan: Law No. 12-IV of 1 May 2006"
AM_DECISION = "Armenia: Decision of the National Assembly No. N-023-3 of 3 March 2006"


def test_ratified_without_any_date_names_every_act():
    s = derive_status(StatusFacts(ratified_by=(KZ_LAW, AM_DECISION)), TODAY)
    assert s.code == "ratified"
    assert s.label == "Ratified / approved"
    assert s.reason == (
        f"Ratified or approved by {KZ_LAW}; {AM_DECISION}; the date it entered into force is not recorded."
    )


def test_signed_and_ratified_gives_the_date_of_signature():
    s = derive_status(StatusFacts(signed_date=D(2005, 5, 24), ratified_by=(KZ_LAW,)), TODAY)
    assert s.code == "ratified"
    assert s.reason == (
        f"Signed on 24 May 2005; ratified or approved by {KZ_LAW}; the date it entered into force is not recorded."
    )


def test_recorded_as_superseded_outweighs_in_force_from_dates():
    # an editor knows a later agreement replaced it, not which: the dates alone say "in force"
    facts = StatusFacts(entry_into_force_date=D(1997, 6, 1), term_indefinite=True, stored_status="superseded")
    s = derive_status(facts, TODAY)
    assert s.code == "superseded"
    assert s.reason == "Recorded as superseded; the superseding agreement is not recorded."


def test_recorded_as_superseded_with_a_known_successor_lets_the_successor_decide():
    # the successor is recorded and not in force yet: the agreement is still in force
    facts = StatusFacts(
        entry_into_force_date=D(1997, 6, 1),
        term_indefinite=True,
        stored_status="superseded",
        superseded_by=[("Agreement on Air Services", D(2025, 10, 1), D(2026, 6, 1))],
    )
    s = derive_status(facts, TODAY)
    assert s.code == "in_force"
    assert s.reason == (
        "In force since 1 June 1997; indefinite term. The Agreement on Air Services supersedes it on 1 June 2026."
    )


def test_recorded_as_terminated_outweighs_a_ratification():
    s = derive_status(StatusFacts(stored_status="terminated", ratified_by=(KZ_LAW,)), TODAY)
    assert s.code == "terminated"
    assert s.reason == "Recorded as terminated; the date is not recorded."
    signed = derive_status(
        StatusFacts(signed_date=D(2005, 5, 24), stored_status="terminated", ratified_by=(KZ_LAW,)), TODAY
    )
    assert signed.code == "terminated"


def test_a_successor_without_a_title_is_the_later_agreement():
    s = derive_status(StatusFacts(superseded_by=[("", None, D(2010, 3, 1))]), TODAY)
    assert s.reason == "Superseded by the later agreement, in force since 1 March 2010."
    s = derive_status(StatusFacts(superseded_by=[("  ", D(2009, 4, 2), None)]), TODAY)
    assert s.label == "Probably superseded"
    assert s.reason == (
        "Probably superseded by the later agreement, signed on 2 April 2009; "
        "the date that agreement entered into force is not recorded."
    )
