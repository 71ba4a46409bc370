"""The status shown is derived from the stored facts and dates, with its reason."""

import datetime as dt

import pytest
from django.utils import timezone

from archive.models import Agreement, Party

pytestmark = pytest.mark.django_db


def make(slug, **fields):
    a = Agreement.objects.create(slug=slug, title=f"Agreement {slug}", published_at=timezone.now(), **fields)
    Party.objects.create(agreement=a, country_id="KZ", order=0)
    Party.objects.create(agreement=a, country_id="UZ", order=1)
    return a


def test_expired_by_term(client):
    a = make(
        "kz-uz-expired",
        signed_date=dt.date(2000, 1, 1),
        entry_into_force_date=dt.date(2000, 6, 1),
        term_years=5,
        term_indefinite=False,
    )
    html = client.get(a.get_absolute_url()).content.decode()
    assert "Expired on 1 June 2005" in html
    assert a.derive_status(dt.date(2004, 1, 1)).code == "in_force"


def test_renewed_agreement_shows_the_current_period_and_notice_deadline(client):
    a = make(
        "kz-uz-renewed",
        signed_date=dt.date(2010, 3, 1),
        entry_into_force_date=dt.date(2010, 4, 15),
        term_years=5,
        renewal_years=5,
        notice_months=6,
    )
    status = a.derive_status(dt.date(2026, 11, 22))
    assert status.code == "in_force"
    assert status.next_renewal == dt.date(2030, 4, 15)
    assert status.notice_deadline == dt.date(2029, 10, 15)
    html = client.get(a.get_absolute_url()).content.decode()
    assert "Last day to give notice" in html


def test_superseded_by_a_later_treaty(seed):
    status = seed["treaty_1996"].derive_status()
    assert status.code == "superseded"
    assert "Probably superseded" in status.label  # the 2005 treaty's entry into force is not recorded


def test_refresh_status_command_updates_stored_statuses():
    from django.core.management import call_command

    a = make(
        "kz-uz-stale",
        signed_date=dt.date(2000, 1, 1),
        entry_into_force_date=dt.date(2000, 6, 1),
        term_years=5,
        status="in_force",
    )
    call_command("refresh_status", verbosity=0)
    a.refresh_from_db()
    assert a.status == "expired"
