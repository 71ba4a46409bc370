"""The review queue and page: evidence beside each fact, corrections recorded and exported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from archive import review
from archive.ingest.pipeline import parse_bytes, parse_path
from archive.ingest.store import store_result
from archive.models import Agreement, ParseStatus, Review, SourceDocument

pytestmark = pytest.mark.django_db

REAL = Path(__file__).parent / "ingest" / "real"
LAW = REAL / "ru_01_fz_ratify_ru_kz_stay_of_citizens.txt"


@pytest.fixture
def editor(django_user_model) -> Client:
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("rev", "rev@example.org", "pw-rev-123"))
    return client


def _ingest(path: Path) -> Agreement:
    """Stored as ``ingest`` stores it (a draft), in this process: the command's own behaviour
    is tested in test_publication.py and test_ingest_command.py."""
    data = path.read_bytes()
    store_result(parse_bytes(data, path.name), data, path.name)
    return SourceDocument.objects.get(filename=path.name).agreement


def _form(agreement: Agreement, **changes) -> dict:
    values = review.current_values(agreement)
    data = {
        "title": values["title"],
        "title_en": values["title_en"],
        "kind": values["kind"],
        "level": values["level"],
        "signed_date": values["signed_date"].isoformat() if values["signed_date"] else "",
        "signed_place": values["signed_place"],
        "entry_into_force_date": "",
        "term_indefinite": "unknown",
        "authentic_languages": ", ".join(values["authentic_languages"]),
        "prevailing_language": values["prevailing_language"],
        "topics": values["topics"],
        "party": values["parties"],
        "action": "save",
    }
    data.update(changes)
    return data


def test_the_queue_lists_drafts_with_why_oldest_first(editor):
    first = _ingest(LAW)
    second = _ingest(REAL / "ru_02_fz_ratify_ru_by_migration_card.txt")
    items = review.queue()
    ids = [item.agreement.pk for item in items if item.agreement]
    assert ids.index(first.pk) < ids.index(second.pk)
    assert all(item.reasons for item in items)
    page = editor.get("/admin/archive/agreement/review/").content.decode()
    assert f"/admin/archive/agreement/{first.pk}/review/" in page and "draft: not published yet" in page


def test_each_fact_stands_beside_its_passage_in_the_original(editor):
    agreement = _ingest(LAW)
    source = agreement.sources.get()
    result = parse_path(LAW)
    assert source.text == result.normalised_text  # the text the evidence offsets point into
    facts = {f.name: f for f in review.facts_for_review(agreement, source)}
    span = facts["signed_date"].evidence[0]
    assert source.text[span.start : span.end] == "подписанное в городе Астане 7 июня 2012 года"
    page = editor.get(f"/admin/archive/agreement/{agreement.pk}/review/").content.decode()
    assert '<span id="ev-signed_date"></span>' in page
    assert '<mark data-facts="signed_date signed_place">подписанное в городе Астане 7 июня 2012 года</mark>' in page
    assert 'href="#ev-signed_date"' in page


def test_a_correction_is_recorded_with_the_parsers_value_and_exported(editor, tmp_path):
    agreement = _ingest(LAW)
    url = f"/admin/archive/agreement/{agreement.pk}/review/"
    response = editor.post(url, _form(agreement, party=["RU", "Kyrgyzstan"], action="publish"))
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement.refresh_from_db()
    assert agreement.published_at is not None and agreement.pair == "KG-RU"
    assert agreement.slug.startswith("kg-ru-2012-06-07")  # the address is made from the reviewed facts
    done = Review.objects.get(agreement=agreement)
    assert done.action == "publish"
    assert done.changes == {"parties": [["RU", "KZ"], ["RU", "KG"]]}
    assert ("parties", 1, 1) in review.correction_rates()
    assert "100 %" in editor.get("/admin/archive/agreement/review/").content.decode()

    call_command("export_corrections", str(tmp_path), verbosity=0)
    [expected] = list(tmp_path.glob("*.json"))
    facts = json.loads(expected.read_text(encoding="utf-8"))
    assert facts["agreement.parties"] == ["RU", "KG"]
    assert facts["_source"]["corrected"] == {"parties": {"parser": ["RU", "KZ"], "editor": ["RU", "KG"]}}
    assert facts["agreement.signed_date"] == "2012-06-07" and facts["act.number"] == "27-ФЗ"
    text = expected.with_suffix(".txt")
    assert parse_path(text).agreement.signed_date.isoformat() == "2012-06-07"  # a usable test case


def test_an_unknown_country_or_a_date_conflict_is_refused_and_nothing_saved(editor):
    agreement = _ingest(LAW)
    url = f"/admin/archive/agreement/{agreement.pk}/review/"
    page = editor.post(url, _form(agreement, party=["RU", "Atlantis"])).content.decode()
    assert "Unknown country: Atlantis" in page
    page = editor.post(url, _form(agreement, entry_into_force_date="2000-01-01")).content.decode()
    assert "cannot come before the signature" in page
    assert not Review.objects.exists()
    agreement.refresh_from_db()
    assert agreement.pair == "KZ-RU" and agreement.published_at is None


def test_reject_keeps_the_source_and_removes_the_draft(editor):
    agreement = _ingest(LAW)
    source = agreement.sources.get()
    editor.post(f"/admin/archive/agreement/{agreement.pk}/review/", _form(agreement, action="reject"))
    source.refresh_from_db()
    assert source.status == ParseStatus.REJECTED and source.agreement is None
    assert not Agreement.objects.filter(pk=agreement.pk).exists()
    assert source.file.open("rb").read() == LAW.read_bytes()  # the original is never lost


def test_merge_moves_the_draft_into_the_agreement_it_is(editor, seed):
    agreement = _ingest(LAW)
    target = seed["treaty_2005"]
    response = editor.post(
        f"/admin/archive/agreement/{agreement.pk}/review/", _form(agreement, action="merge", merge_into=target.slug)
    )
    assert response.status_code == 302
    assert not Agreement.objects.filter(pk=agreement.pk).exists()
    assert SourceDocument.objects.get(filename=LAW.name).agreement == target


def test_send_back_keeps_it_a_draft_in_the_queue_with_the_note(editor):
    agreement = _ingest(LAW)
    editor.post(
        f"/admin/archive/agreement/{agreement.pk}/review/", _form(agreement, action="send_back", note="check the act")
    )
    agreement.refresh_from_db()
    assert agreement.published_at is None
    [item] = [i for i in review.queue() if i.agreement and i.agreement.pk == agreement.pk]
    assert "sent back: check the act" in item.reasons


def test_with_second_approval_on_the_first_editor_saves_and_another_publishes(editor, django_user_model, settings):
    settings.REVIEW_SECOND_APPROVAL = True
    agreement = _ingest(LAW)
    url = f"/admin/archive/agreement/{agreement.pk}/review/"
    page = editor.post(url, _form(agreement, action="publish"), follow=True).content.decode()
    assert "A second editor" in page
    agreement.refresh_from_db()
    assert agreement.published_at is None
    second = Client()
    second.force_login(django_user_model.objects.create_superuser("two", "two@example.org", "pw-two-123"))
    second.post(url, _form(agreement, action="publish"))
    agreement.refresh_from_db()
    assert agreement.published_at is not None


def test_a_new_text_of_a_published_agreement_waits_in_the_queue_and_is_published_from_the_review(editor, seed):
    treaty = seed["intelligence_2024"]
    text = treaty.texts.first()
    type(text).objects.filter(pk=text.pk).update(published_at=None)  # as a new upload leaves it
    assert text.language not in [t["language"] for t in Client().get(f"/api/agreements/{treaty.slug}/").json()["texts"]]
    [item] = [i for i in review.queue() if i.agreement and i.agreement.pk == treaty.pk]
    assert f"a text not published yet: {text.language}" in item.reasons
    editor.post(f"/admin/archive/agreement/{treaty.pk}/review/", _form(treaty, action="publish"))
    text.refresh_from_db()
    assert text.published_at is not None
    treaty.refresh_from_db()
    assert treaty.slug == seed["intelligence_2024"].slug  # a published address never changes
