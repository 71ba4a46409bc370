"""Facets in a real browser: on a phone the results come first and the filters fold behind
a button; the country picker filters its list as one types; a chip removes its filter."""

import re

import pytest

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def corpus(transactional_db):
    from django.core.management import call_command

    call_command("load_corpus", verbosity=0)


def _page(browser, live_server, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=live_server.url)
    violations: list[str] = []
    page = context.new_page()
    page.on("console", lambda msg: "Content Security Policy" in msg.text and violations.append(msg.text))
    return context, page, violations


def _shot(page, name: str, full: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full)


def test_on_a_phone_the_first_result_comes_before_the_folded_filters(browser, live_server):
    context, page, violations = _page(browser, live_server, 390, 844)
    page.goto("/agreements/")
    first = page.locator(".agreement-row").first.bounding_box()
    assert first["y"] + 40 < 844, first  # the first result's title is on the first screen
    toggle = page.locator(".filter-toggle")
    assert toggle.is_visible()
    assert not page.get_by_label("Party").is_visible()  # folded
    assert not page.locator(".facet").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, "facets-phone-folded")
    toggle.click()
    assert page.locator(".facet").first.is_visible()
    assert page.get_by_label("Party").is_visible()
    _shot(page, "facets-phone-open", full=True)
    assert not violations
    context.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_pick_a_country_with_the_picker_then_remove_its_chip(browser, live_server, width, height):
    from archive.models import Agreement

    armenia = Agreement.objects.public().filter(parties__country="AM").count()
    assert armenia >= 2
    context, page, violations = _page(browser, live_server, width, height)
    page.goto("/agreements/")
    total = page.locator(".agreement-row").count()
    if width < 800:
        page.locator(".filter-toggle").click()
    else:
        assert not page.locator(".filter-toggle").is_visible()  # a sidebar: nothing to unfold
    picker = page.get_by_role("combobox", name="Party")
    picker.fill("arm")
    option = page.get_by_role("option", name=re.compile("^Armenia"))
    assert option.is_visible()
    picker.scroll_into_view_if_needed()
    page.mouse.wheel(0, 200)  # the list under the box in the picture
    _shot(page, f"picker-{width}")
    picker.press("ArrowDown")
    assert picker.get_attribute("aria-activedescendant") == option.get_attribute("id")
    picker.press("Enter")
    page.wait_for_url(re.compile(r"party=Armenia"))
    assert page.locator(".agreement-row").count() == armenia
    chip = page.get_by_role("link", name="Remove filter Party: Armenia")
    assert chip.is_visible()
    _shot(page, f"picked-armenia-{width}", full=True)
    chip.click()
    page.wait_for_url(lambda url: "party=" not in url)
    assert page.locator(".agreement-row").count() == total
    assert page.get_by_role("link", name=re.compile("^Remove filter")).count() == 0
    assert not violations
    context.close()


def test_without_javascript_a_typed_name_filters_and_a_facet_link_adds_a_chip(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/agreements/")
    page.get_by_label("Party").fill("Казахстан")
    page.get_by_label("Country pair").fill("Армения – Казахстан")
    page.get_by_role("button", name="Apply").click()
    assert page.locator(".agreement-row").count() == 2
    assert page.get_by_role("link", name="Remove filter Party: Kazakhstan").is_visible()
    page.locator(".facet a", has_text="Treaty").first.click()
    assert page.get_by_role("link", name="Remove filter Kind: Treaty").is_visible()
    _shot(page, "facets-no-js", full=True)
    context.close()
