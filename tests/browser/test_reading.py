"""Reading an agreement like a lawyer, in Chromium at desktop and phone widths: the text's own
article headings, a paragraph's permalink, find-in-document with Previous / Next, and the
printed page."""

import pytest

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

URL = "/agreements/az-kz-2024-06-07-military-intelligence/"


@pytest.fixture(autouse=True)
def corpus(transactional_db):
    from django.core.management import call_command

    call_command("load_corpus", verbosity=0)


@pytest.fixture(params=[1280, 390], ids=["desktop", "phone"])
def reader(request, browser, live_server):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 860}, base_url=live_server.url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "load resource" not in m.text else None)
    page.on(
        "response",
        lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 and "favicon" not in r.url else None,
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    yield page, width, errors
    context.close()


def test_read_by_the_texts_own_headings_and_follow_a_paragraph_anchor(reader):
    page, width, errors = reader
    page.goto(URL)
    toc = page.locator(".toc a")
    assert toc.first.inner_text().startswith("1-бап")
    page.locator(".toc a", has_text="5-бап").click()
    assert page.url.endswith("#art-5")
    heading = page.locator("#art-5 h4")
    assert heading.inner_text().startswith("5-бап") and heading.is_visible()

    # a paragraph's ¶ takes the reader there and puts its address on the clipboard
    paragraph = page.locator("#art-5-2")
    paragraph.hover()
    page.locator("#art-5-2 .para-link").click()
    assert page.url.endswith("#art-5-2")
    assert page.evaluate("navigator.clipboard.readText()").endswith("#art-5-2")
    assert paragraph.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"  # :target
    page.screenshot(path=str(SCREENSHOTS / f"paragraph-anchor-{width}.png"))

    # straight to a paragraph from outside
    page.goto(URL + "#art-4-3")
    box = page.locator("#art-4-3").bounding_box()
    assert 0 <= box["y"] < 860
    # the own-article reference in article 1 leads to article 3
    page.goto(URL)
    page.locator("#art-1 a.xref").first.click()
    assert page.url.endswith("#art-3")
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 5
    assert errors == []


def test_find_in_the_document_with_next_and_previous(reader):
    page, width, errors = reader
    page.goto(URL)
    page.get_by_role("searchbox", name="Find in this agreement").fill("барлау")
    page.get_by_role("button", name="Find", exact=True).click()
    assert "q=" in page.url
    marks = page.locator("mark.hit")
    total = marks.count()
    assert total >= 3
    position = page.locator(".find-pos")
    assert position.inner_text() == f"0 of {total}"
    nxt = page.get_by_role("button", name="Next")
    nxt.click()
    nxt.click()
    assert position.inner_text() == f"2 of {total}"
    current = page.locator("mark.hit.current")
    assert current.count() == 1 and current.inner_text().lower().startswith("барлау")
    assert marks.nth(1).evaluate("el => el.classList.contains('current')")
    box = current.bounding_box()
    assert 0 <= box["y"] < 860  # scrolled into view
    page.screenshot(path=str(SCREENSHOTS / f"find-in-document-{width}.png"))
    page.get_by_role("button", name="Previous").click()
    page.get_by_role("button", name="Previous").click()
    assert position.inner_text() == f"{total} of {total}"  # wraps around
    assert errors == []


def test_print_preview_is_a_clean_document_with_citation_and_permalink(reader):
    page, width, _errors = reader
    if width != 1280:
        pytest.skip("printing does not depend on the screen width")
    page.goto(URL)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['header.site-header', 'footer', '.find', '.doc-actions', '.copy-button', '.para-link']
            .map(s => document.querySelector(s))
            .filter(el => el && getComputedStyle(el).display !== 'none')
            .map(el => el.className || el.tagName)"""
    )
    assert hidden == []
    assert page.locator("#art-5 h4").is_visible()
    assert page.locator("#cite-plain").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "agreement-print.png"), full_page=False)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
