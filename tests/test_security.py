"""Only editors write; logins are throttled; pages carry a strict CSP; every change is recorded."""

import subprocess
import sys

import pytest
from django.contrib.auth.models import Group

from archive.models import Agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("carol", password="pw-carol-12345", is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    client.force_login(user)
    return client


def test_editor_group_can_edit_and_upload(editor):
    assert editor.get("/admin/archive/agreement/").status_code == 200
    assert editor.get("/admin/archive/sourcedocument/upload/").status_code == 200


def test_staff_without_the_group_cannot(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("dave", password="pw-dave-12345", is_staff=True))
    assert client.get("/admin/archive/agreement/").status_code == 403
    assert client.get("/admin/archive/sourcedocument/upload/").status_code == 403


def test_anonymous_cannot_write_anywhere(client, seed):
    assert client.post("/api/agreements/", {"slug": "x"}).status_code in (401, 403, 405)
    assert client.get("/admin/archive/agreement/add/").status_code == 302


@pytest.mark.slow  # waits out the lockout
def test_login_is_throttled(client, django_user_model):
    django_user_model.objects.create_user("erin", password="right-password-1", is_staff=True)
    for _ in range(5):
        client.post("/admin/login/?next=/admin/", {"username": "erin", "password": "wrong"})
    response = client.post("/admin/login/?next=/admin/", {"username": "erin", "password": "right-password-1"})
    assert response.status_code == 429  # locked out even with the right password


def test_public_pages_carry_a_strict_csp_and_security_headers(client, seed):
    for url in ("/", "/agreements/", "/search/?q=752", seed["intelligence_2024"].get_absolute_url()):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert len(response["X-Request-ID"]) == 32


def test_no_inline_script_or_style_in_public_pages(client, seed):
    import re

    for url in (
        "/",
        "/agreements/",
        "/search/?q=барлау",
        "/countries/AZ-KZ/",
        seed["intelligence_2024"].get_absolute_url(),
    ):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "<style" not in html and " style=" not in html, url


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "migrations": "ok"}}


def test_changes_are_recorded_with_who_and_what(editor, seed):
    agreement = seed["treaty_2005"]
    data = {
        "slug": agreement.slug,
        "kind": agreement.kind,
        "level": agreement.level,
        "title": agreement.title,
        "title_language": agreement.title_language,
        "title_en": "Edited English title",
        "signed_date": "2005-05-24",
        "signed_place": agreement.signed_place,
        "status": agreement.status,
        "prevailing_language": "ru",
        "authentic_languages": "kk,az,ru",
    }
    for prefix in ("parties", "texts", "acts", "relations_out", "authorities"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = editor.post(f"/admin/archive/agreement/{agreement.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    record = agreement.history.first()
    assert record.title_en == "Edited English title" and record.history_user.username == "carol"
    assert editor.get(f"/admin/archive/agreement/{agreement.pk}/history/").status_code == 200
    before_edit = agreement.history.exclude(title_en="Edited English title").first()
    before_edit.instance.save()  # revert, as the admin's history view does
    assert Agreement.objects.get(pk=agreement.pk).title_en != "Edited English title"


@pytest.mark.slow  # starts a Python process
def test_check_deploy_is_clean_in_production_settings():
    import secrets

    env = {
        "PRODUCTION": "true",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "archive.example.org",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_database_outage_is_a_503_with_retry_after(client, monkeypatch):
    from django.db import OperationalError

    from archive.models import AgreementQuerySet

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(AgreementQuerySet, "aggregate", down)
    response = client.get("/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
