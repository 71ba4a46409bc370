"""The clause comparison for AZ–KZ in a real browser, on a desktop and on a 390 px phone."""

import pytest

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def corpus(transactional_db):
    from django.core.management import call_command

    call_command("load_corpus", verbosity=0)


def test_compare_termination_clauses_of_az_kz_side_by_side_and_follow_one(page, screenshot):
    page.goto("/countries/AZ-KZ/")
    page.get_by_role("link", name="Compare clauses").click()
    assert "pair=AZ-KZ" in page.url and "clause=termination" in page.url
    assert page.get_by_label("Clause").input_value() == "termination"
    cards = page.locator(".clause-card")
    assert cards.count() == 3
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1  # side by side
    screenshot("clauses-az-kz-termination")

    # another clause through the form, without JavaScript's help
    page.get_by_label("Clause").select_option("dispute_settlement")
    page.get_by_role("button", name="Compare").click()
    assert "clause=dispute_settlement" in page.url
    assert page.locator(".clause-card").count() == 3
    link = page.locator(".clause-article h3 a", has_text="11-бап").first  # headed as the Kazakh text heads it
    href = link.get_attribute("href")
    link.click()
    assert page.url.endswith(href.split("/")[-1]) and "#art-11" in page.url
    assert page.locator("#art-11").is_visible()
    assert "даулар" in page.locator("#art-11").inner_text().lower() or "дау" in page.locator("#art-11").inner_text()


def test_clause_comparison_on_a_phone_stacks_the_agreements(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/compare/clauses/?pair=AZ-KZ&clause=termination")
    cards = page.locator(".clause-card")
    assert cards.count() == 3
    boxes = [cards.nth(i).bounding_box() for i in range(3)]
    assert all(abs(b["x"] - boxes[0]["x"]) < 2 for b in boxes)  # one column
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "clauses-az-kz-phone.png"), full_page=False)
    page.evaluate("window.scrollTo(0, document.querySelector('.clause-card').offsetTop - 8)")
    page.screenshot(path=str(SCREENSHOTS / "clauses-az-kz-phone-cards.png"), full_page=False)
    context.close()
