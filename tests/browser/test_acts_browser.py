"""From an agreement to the act that approved it, in a real browser (desktop and a 390 px phone)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def corpus(transactional_db):
    from django.core.management import call_command

    call_command("load_corpus", verbosity=0)


@pytest.mark.parametrize("width", [1280, 390])
def test_open_the_approving_decree_from_the_agreement_page(browser, live_server, width):
    from tests.browser.conftest import SCREENSHOTS

    context = browser.new_context(viewport={"width": width, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/agreements/az-kz-2024-06-07-military-intelligence/")
    link = page.locator("a.act-link").first
    assert "752" in link.inner_text()
    link.click()
    page.wait_for_url("**/acts/kz/government-decree/2024-752/")
    assert "№\xa0752" in page.locator("h1").inner_text()  # the sign kept with its number
    assert page.locator(".act-agreements a").first.get_attribute("href") == (
        "/agreements/az-kz-2024-06-07-military-intelligence/"
    )
    assert page.locator(".act-text p").count() >= 5  # the decree's own text, paragraph by paragraph
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"act-752-{width}.png"), full_page=True)
    # the resolver: a number as a reader writes it leads to the same page
    page.goto("/acts/")
    page.get_by_label("An act's number or citation", exact=False).fill("N 527")
    page.get_by_role("button", name="Find the act").click()
    page.wait_for_url("**/acts/kz/government-decree/2004-527/")
    page.locator(".act-agreements a").first.click()
    assert page.locator("h1").inner_text().startswith("Қазақстан Республикасының Үкіметі")
    page.goto("/acts/")
    page.screenshot(path=str(SCREENSHOTS / f"acts-{width}.png"), full_page=True)
    # a search for the number shows the act beside the agreement it approved
    page.goto("/search/?q=" + "1363-Ա")
    assert page.locator(".search-results .agreement-row").count() == 1  # the AM–KZ note cites it
    page.goto("/search/?q=N+527")
    box = page.locator(".matched-acts a.act-link")
    assert box.count() == 1
    page.screenshot(path=str(SCREENSHOTS / f"search-act-{width}.png"), full_page=False)
    box.click()
    page.wait_for_url("**/acts/kz/government-decree/2004-527/")
    context.close()
