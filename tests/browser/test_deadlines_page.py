"""The deadlines page in Chromium: desktop and a 390 px phone, filtered, with its feed links."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = dt.date.today()
NEXT = (TODAY.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


@pytest.fixture(autouse=True)
def corpus(transactional_db):
    from django.core.management import call_command

    from archive.models import Agreement, Party

    call_command("load_corpus", verbosity=0)
    for slug, pair, title, fields in (
        (
            "az-kz-yearly-air-transport",
            "AZ-KZ",
            "Соглашение между Правительством Республики Казахстан и Правительством Азербайджанской Республики "
            "о воздушном сообщении",
            {
                "term_years": 1,
                "renewal_years": 1,
                "notice_months": 3,
                "entry_into_force_date": NEXT.replace(year=NEXT.year - 8),
            },
        ),
        (
            "am-kz-fixed-culture",
            "AM-KZ",
            "Agreement on Cooperation in Culture",
            {"term_years": 5, "term_indefinite": False, "entry_into_force_date": NEXT.replace(year=NEXT.year - 5)},
        ),
    ):
        agreement = Agreement.objects.create(slug=slug, title=title, published_at=timezone.now(), **fields)
        for order, code in enumerate(pair.split("-")):
            Party.objects.create(agreement=agreement, country_id=code, order=order)
        agreement.refresh_pair()


def test_deadlines_page_desktop_filter_and_links(page, screenshot):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Deadlines").click()
    assert page.locator("h1").inner_text() == "Upcoming deadlines"
    rows = page.locator(".deadline")
    assert rows.count() == 3  # period end and next notice deadline (AZ–KZ), end of a fixed term (AM–KZ)
    assert page.locator(".deadline-notice_deadline .deadline-what").inner_text().startswith("Last day to give notice")
    assert "day" in rows.first.locator(".days").inner_text()
    screenshot("deadlines")

    page.get_by_label("Country pair").fill("AM-KZ")
    page.get_by_role("button", name="Apply").click()
    assert "pair=AM-KZ" in page.url
    assert page.locator(".deadline").count() == 1
    assert page.locator(".deadline-term_end").is_visible()
    ics = page.get_by_role("link", name="calendar (iCal)")
    assert "pair=AM-KZ" in ics.get_attribute("href")
    response = page.request.get(ics.get_attribute("href"))
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "BEGIN:VEVENT" in response.text()

    page.select_option("#id_months", "3")
    page.get_by_label("Country pair").fill("AZ-KZ")
    page.get_by_role("button", name="Apply").click()
    assert page.locator(".deadline").count() == 1  # the next notice deadline is 9 months later

    page.goto("/countries/AZ-KZ/")
    page.locator(".deadline-links").get_by_role("link", name="list").click()
    assert "pair=AZ-KZ" in page.url and page.locator(".deadline").count() == 2


def test_deadlines_page_on_a_phone(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = context.new_page()
    violations = []
    page.on("console", lambda msg: "Content Security Policy" in msg.text and violations.append(msg.text))
    page.goto("/deadlines/")
    assert page.locator(".deadline").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "deadlines-phone.png"), full_page=True)
    page.goto("/deadlines/?pair=AM-KZ&months=1")
    # the fixed term ends NEXT, inside a one-month horizon unless today is the 1st (then it ends the day after)
    assert page.locator(".deadline").count() == (0 if TODAY.day == 1 else 1)
    page.goto("/deadlines/?party=UZ")
    assert "No notice deadline" in page.locator(".empty").inner_text()
    page.locator(".empty").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "deadlines-empty-phone.png"), full_page=False)
    assert violations == []
    context.close()
