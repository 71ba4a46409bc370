"""Nothing goes public unreviewed: uploads and ingestion make drafts, an editor publishes them.

A real Russian federal ratification law (tests/ingest/real/ru_01_…) is uploaded through the
admin as an editor; every public surface is then asked, as an anonymous reader, whether it
knows the agreement: the home page, the list, search, the API, the feeds, the exports, the
pair page and the original file. None may, until the editor publishes; all do after.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from archive.models import Act, Agreement, FormerSlug, SourceDocument
from archive.publication import publish

pytestmark = pytest.mark.django_db

REAL = Path(__file__).parent / "ingest" / "real"
LAW = REAL / "ru_01_fz_ratify_ru_kz_stay_of_citizens.txt"
WORD = "пребывания"  # a word of its title: the search looks for it


@pytest.fixture
def editor(django_user_model) -> Client:
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("erin", "erin@example.org", "pw-erin-123"))
    return client


def _upload(editor: Client, path: Path) -> Agreement:
    response = editor.post(
        "/admin/archive/sourcedocument/upload/", {"files": [SimpleUploadedFile(path.name, path.read_bytes())]}
    )
    assert response.status_code == 302, response.content[:500]
    assert editor.post(response["Location"], {"action": "confirm"}).status_code == 302
    return SourceDocument.objects.get(filename=path.name).agreement


def _public_surfaces(agreement: Agreement, source: SourceDocument) -> dict[str, str]:
    """What an anonymous reader gets from each public surface, as text."""
    reader = Client()
    pages = {
        "home": "/",
        "list": "/agreements/",
        "search": f"/search/?q={WORD}",
        "api list": "/api/agreements/?page_size=100",
        "api search": f"/api/agreements/?q={WORD}",
        "feed": "/feeds/new/",
        "search feed": f"/feeds/search/?q={WORD}",
        "country feed": "/countries/RU/feed/",
        "export": "/agreements/export.json",
        "country": "/countries/RU/",
        "pair": "/countries/KZ-RU/",
        "api pairs": "/api/pairs/",
    }
    out = {name: reader.get(url).content.decode() for name, url in pages.items()}
    out["detail status"] = str(reader.get(f"/agreements/{agreement.slug}/").status_code)
    out["api detail status"] = str(reader.get(f"/api/agreements/{agreement.slug}/").status_code)
    out["source status"] = str(reader.get(source.get_absolute_url()).status_code)
    return out


def test_an_uploaded_real_text_is_a_draft_until_an_editor_publishes_it(editor):
    agreement = _upload(editor, LAW)
    source = agreement.sources.get()
    assert agreement.published_at is None and agreement.pair == "KZ-RU"

    before = _public_surfaces(agreement, source)
    for name in ("home", "list", "search", "api list", "api search", "feed", "search feed", "country feed", "export"):
        assert agreement.slug not in before[name], name
    assert "KZ-RU" not in before["api pairs"] and "KZ-RU" not in before["home"]
    assert agreement.slug not in before["country"] and agreement.slug not in before["pair"]
    assert before["detail status"] == before["api detail status"] == before["source status"] == "404"

    # the editor sees it, marked as a draft
    page = editor.get(f"/agreements/{agreement.slug}/").content.decode()
    assert "not published; only editors see it" in page
    assert "Draft, not published" in editor.get("/agreements/").content.decode()

    publish(agreement)
    agreement.refresh_from_db()
    after = _public_surfaces(agreement, source)
    for name in ("list", "search", "api list", "api search", "feed", "search feed", "country feed", "export", "pair"):
        assert agreement.slug in after[name], name
    assert "KZ-RU" in after["api pairs"]
    assert after["detail status"] == after["api detail status"] == after["source status"] == "200"


def test_the_address_is_made_on_publishing_from_the_reviewed_facts_and_the_draft_address_redirects(editor):
    agreement = _upload(editor, LAW)
    draft_slug = agreement.slug
    assert draft_slug.startswith("kz-ru-2012-06-07")
    # the editor corrects the date of signature before publishing (a made-up correction)
    agreement.signed_date = dt.date(2012, 6, 8)
    agreement.save()
    published = publish(agreement)
    assert published.slug.startswith("kz-ru-2012-06-08") and published.slug != draft_slug
    assert FormerSlug.objects.filter(slug=draft_slug, agreement=published).exists()
    response = Client().get(f"/agreements/{draft_slug}/")
    assert response.status_code == 301 and response["Location"] == f"/agreements/{published.slug}/"

    # published: the address never changes again, whatever is corrected later
    published.signed_date = dt.date(2012, 6, 7)
    published.save()
    assert publish(published).slug == published.slug


def test_the_admin_save_and_publish_button_publishes(editor):
    agreement = _upload(editor, LAW)
    change = f"/admin/archive/agreement/{agreement.pk}/change/"
    page = editor.get(change).content.decode()
    assert 'name="_publish"' in page
    form = _admin_form(editor, change)
    form["_publish"] = "Save and publish"
    assert editor.post(change, form).status_code == 302
    agreement.refresh_from_db()
    assert agreement.published_at is not None
    assert Client().get(agreement.get_absolute_url()).status_code == 200


def _admin_form(client: Client, url: str) -> dict:
    """The admin change form's current values, as a browser would post them back."""
    from html.parser import HTMLParser

    class Form(HTMLParser):
        def __init__(self):
            super().__init__()
            self.values: dict[str, list[str]] = {}
            self._select: str | None = None
            self._textarea: str | None = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            name = a.get("name")
            if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
                if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                    return
                self.values.setdefault(name, []).append(a.get("value", ""))
            elif tag == "select" and name:
                self._select = name
            elif tag == "option" and self._select and "selected" in a:
                self.values.setdefault(self._select, []).append(a.get("value", ""))
            elif tag == "textarea" and name:
                self._textarea = name
                self.values.setdefault(name, []).append("")

        def handle_endtag(self, tag):
            if tag == "select":
                self._select = None
            if tag == "textarea":
                self._textarea = None

        def handle_data(self, data):
            if self._textarea:
                self.values[self._textarea][-1] += data

    parser = Form()
    parser.feed(client.get(url).content.decode())
    return {k: v if len(v) > 1 else v[0] for k, v in parser.values.items()}


def test_ingest_makes_drafts_unless_told_the_load_is_trusted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / LAW.name).write_bytes(LAW.read_bytes())
    call_command("ingest", str(folder), quiet_progress=True, verbosity=0)
    agreement = SourceDocument.objects.get(filename=LAW.name).agreement
    assert agreement.published_at is None
    assert not agreement.texts.filter(published_at__isnull=False).exists()

    other = REAL / "ru_02_fz_ratify_ru_by_migration_card.txt"
    (folder / other.name).write_bytes(other.read_bytes())
    call_command("ingest", str(folder), quiet_progress=True, verbosity=0, publish=True)
    trusted = SourceDocument.objects.get(filename=other.name).agreement
    assert trusted.published_at is not None
    agreement.refresh_from_db()
    assert agreement.published_at is None  # already stored: --publish does not publish it unseen


def test_a_relation_to_a_draft_is_shown_without_a_link(seed):
    treaty, old = seed["treaty_2005"], seed["treaty_1996"]
    assert treaty.relations_out.filter(object=old).exists()
    Agreement.objects.filter(pk=old.pk).update(published_at=None)
    page = Client().get(treaty.get_absolute_url()).content.decode()
    assert f'href="{old.get_absolute_url()}"' not in page
    assert "not published yet" in page
    api = Client().get(f"/api/agreements/{treaty.slug}/").json()
    assert any(r["agreement"] is None for r in api["relations"])


def test_the_seed_corpus_is_published(seed):
    assert not Agreement.objects.filter(published_at__isnull=True, texts__isnull=False).exists()
    assert seed["treaty_2005"].published_at is not None


def test_status_agrees_on_page_list_filter_and_api_right_after_an_admin_edit(editor, seed):
    agreement = seed["communications_2004"]
    assert agreement.entry_into_force_date is None or agreement.status == "in_force"
    Act.objects.filter(agreement=agreement).delete()  # no ratification recorded: "signed"
    agreement.refresh_status()
    assert agreement.status == "signed"
    change = f"/admin/archive/agreement/{agreement.pk}/change/"
    form = _admin_form(editor, change)
    form["entry_into_force_date"] = "2004-06-01"
    response = editor.post(change, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    agreement.refresh_from_db()
    assert agreement.status == "in_force"
    reader = Client()
    assert "In force" in reader.get(agreement.get_absolute_url()).content.decode()
    listed = reader.get("/agreements/", {"status": "in_force"}).content.decode()
    assert agreement.get_absolute_url() in listed
    api = reader.get("/api/agreements/", {"status": "in_force", "page_size": 100}).json()["results"]
    assert agreement.slug in [row["slug"] for row in api]
    assert reader.get(f"/api/agreements/{agreement.slug}/").json()["status"] == "in_force"


def test_the_ratified_2005_treaty_reads_ratified_and_the_1996_one_superseded(seed):
    treaty, old = seed["treaty_2005"], seed["treaty_1996"]
    treaty.refresh_status()
    old.refresh_status()
    expected = "in_force" if treaty.entry_into_force_date else "ratified"
    assert treaty.status == expected
    assert old.status == "superseded"
    page = Client().get(treaty.get_absolute_url()).content.decode()
    assert ("Ratified / approved" if expected == "ratified" else "In force") in page
