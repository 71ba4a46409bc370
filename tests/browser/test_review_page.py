"""An editor's path: the review queue, a fact's evidence highlighted in the original, a party
corrected with the country picker, published; the correction comes out of export_corrections."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAW = Path(__file__).resolve().parents[1] / "ingest" / "real" / "ru_01_fz_ratify_ru_kz_stay_of_citizens.txt"


@pytest.fixture(autouse=True)
def draft(transactional_db, django_user_model):
    call_command("load_reference", verbosity=0)
    call_command("ingest", str(LAW), quiet_progress=True, verbosity=0)  # a draft, for review
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")


def _log_in(page) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_review_evidence_correct_a_party_publish_and_export(page, screenshot, tmp_path):
    from archive.models import Agreement, SourceDocument

    page.set_viewport_size({"width": 1366, "height": 900})
    _log_in(page)
    page.goto("/admin/archive/agreement/review/")
    assert "draft: not published yet" in page.content()
    screenshot("review-queue")
    draft = SourceDocument.objects.get(filename=LAW.name).agreement
    page.click(f"a[href='/admin/archive/agreement/{draft.pk}/review/']")
    page.wait_for_selector("#rv-text")

    # the evidence of the signing date, highlighted in the original and scrolled into view
    page.click(".rv-row[data-fact=signed_date] a.rv-show")
    mark = page.locator("#rv-text mark.current").first
    assert "7 июня 2012 года" in mark.inner_text()
    pane, box = page.locator("#rv-text").bounding_box(), mark.bounding_box()
    assert pane["y"] <= box["y"] <= pane["y"] + pane["height"]
    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour == "rgb(255, 224, 138)"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scroll at 1366
    screenshot("review-page")

    # the editor corrects a party with the picker, then publishes
    page.fill("#party-1", "KG — Kyrgyzstan")
    with page.expect_navigation():
        page.click("button[value=publish]")
    assert "/admin/archive/agreement/review/" in page.url and "Published at" in page.content()
    agreement = SourceDocument.objects.get(filename=LAW.name).agreement
    assert agreement.pair == "KG-RU" and agreement.published_at is not None
    assert not Agreement.objects.filter(published_at__isnull=True, sources__isnull=False).exists()

    page.goto(agreement.get_absolute_url())
    assert "Kyrgyzstan" in page.content()
    screenshot("review-published-agreement")

    call_command("export_corrections", str(tmp_path), verbosity=0)
    [facts] = [json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.json")]
    assert facts["agreement.parties"] == ["RU", "KG"]
    assert facts["_source"]["corrected"]["parties"] == {"parser": ["RU", "KZ"], "editor": ["RU", "KG"]}
