"""A reader's path through the archive, in a real browser."""

import pytest

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def corpus(transactional_db):
    # The live server needs committed data, and each live-server test ends with a flush.
    from django.core.management import call_command

    call_command("load_corpus", verbosity=0)


def test_home_filter_open_and_follow_an_article_anchor(page, screenshot):
    page.goto("/")
    assert "Agreements Archive" in page.title()
    assert page.get_by_role("search").first.is_visible()
    screenshot("home")

    page.get_by_role("link", name="Agreements", exact=True).click()
    page.get_by_label("Country pair").fill("AZ-KZ")
    page.get_by_role("button", name="Apply").click()
    assert "pair=AZ-KZ" in page.url
    assert page.locator(".agreement-row").count() == 5
    screenshot("list-az-kz")

    page.locator(".agreement-row a", has_text="әскери барлау").first.click()
    assert page.locator("h1").inner_text().startswith("Қазақстан Республикасының Үкіметі")
    page.locator(".toc a").nth(4).click()
    assert page.url.endswith("#art-5")
    assert page.locator("#art-5").is_visible()
    screenshot("agreement-art-5")


def test_pair_page_lists_agreements_in_date_order(page, screenshot):
    page.goto("/countries/AZ-KZ/")
    years = page.locator(".timeline .when").all_inner_texts()
    assert years == sorted(years)
    assert years[0] == "1996"
    screenshot("pair-az-kz")


def test_mobile_layout_has_no_horizontal_scroll(browser, live_server):
    context = browser.new_context(viewport={"width": 375, "height": 800}, base_url=live_server.url)
    page = context.new_page()
    for url in (
        "/agreements/",
        "/countries/",
        "/countries/AZ-KZ/",
        "/topics/",
        "/agreements/az-kz-2024-06-07-military-intelligence/",
    ):
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 380, url
    page.goto("/topics/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "topics-phone.png"), full_page=False)
    page.goto("/countries/")
    page.screenshot(path=str(SCREENSHOTS / "countries-phone.png"), full_page=False)
    context.close()


def test_pictures_render_in_chromium(page, screenshot):
    """The server-drawn SVGs: relation graph, pair timeline, pair matrix."""
    page.goto("/agreements/az-kz-2024-06-07-military-intelligence/")
    graph = page.locator("figure.graph svg")
    assert graph.count() == 1 and graph.bounding_box()["height"] > 80
    assert "based on" in graph.text_content()
    screenshot("agreement-graph")
    graph.screenshot(path=str(SCREENSHOTS / "agreement-graph-figure.png"))
    page.goto("/countries/AZ-KZ/")
    timeline = page.locator("figure.graph .drawing-wide svg")
    assert timeline.bounding_box()["width"] > 400
    assert page.locator("figure.graph .drawing-narrow svg").bounding_box() is None  # hidden on a desktop
    screenshot("pair-timeline")
    page.goto("/")
    assert page.locator("figure.matrix svg a").count() >= 2
    page.locator("figure.matrix svg").screenshot(path=str(SCREENSHOTS / "home-matrix.png"))


def test_no_csp_violations_in_chromium(page):
    """The strict Content-Security-Policy holds: Chromium reports no violation on any page."""
    violations = []
    page.on("console", lambda msg: "Content Security Policy" in msg.text and violations.append(msg.text))
    for url in (
        "/",
        "/agreements/?pair=AZ-KZ",
        "/search/?q=военная+разведка",
        "/countries/AZ-KZ/",
        "/agreements/az-kz-2024-06-07-military-intelligence/?q=барлау",
        "/api/",  # the header's "API" link and what it leads to: JSON, even for a browser
        "/api/agreements/",
        "/api/agreements/az-kz-2024-06-07-military-intelligence/",
        "/api/docs/",
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert violations == []
    assert page.locator("#swagger-ui .opblock").count() >= 7  # the API docs really rendered
    response = page.goto("/api/agreements/")
    assert response.headers["content-type"].startswith("application/json")


def test_the_copy_citation_button_copies_the_citation(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto("/agreements/az-kz-2024-06-07-military-intelligence/")
    button = page.locator("button.copy-button")
    button.click()
    page.wait_for_function("document.querySelector('button.copy-button').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#cite-plain").inner_text().strip()
    assert "Bilateral Agreements Archive" in copied
    context.close()


# The smallest text of the timeline shown, in CSS pixels: its font size times the drawing's scale,
# and the height of its box as laid out; and whether any text sticks out of the drawing.
_TIMELINE_TEXT = """() => {
  const svgs = [...document.querySelectorAll('figure.timeline-figure svg')]
    .filter(s => s.getBoundingClientRect().width > 0);
  if (svgs.length !== 1) return {shown: svgs.length};
  const svg = svgs[0], box = svg.getBoundingClientRect(), scale = svg.getScreenCTM().a;
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
  const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const heights = texts.map(t => t.getBoundingClientRect().height);
  const outside = texts.filter(t => {
    const r = t.getBoundingClientRect();
    return r.left < box.left - 1 || r.right > box.right + 1;
  }).map(t => t.textContent);
  return {shown: 1, count: texts.length, size: Math.min(...sizes), height: Math.min(...heights),
          width: box.width, outside: outside};
}"""


@pytest.mark.parametrize(("viewport", "lang"), [(390, "en"), (390, "hy"), (390, "ru"), (1280, "en")])
def test_pair_timeline_text_is_legible(browser, live_server, viewport, lang):
    """The pair timeline's smallest text is at least 11 CSS px, on a phone and on a desktop, and
    no label runs out of the drawing (Armenian letters are the widest)."""
    context = browser.new_context(
        viewport={"width": viewport, "height": 900},
        base_url=live_server.url,
        extra_http_headers={"Accept-Language": lang},
    )
    page = context.new_page()
    page.goto("/countries/AZ-KZ/")
    measured = page.evaluate(_TIMELINE_TEXT)
    assert measured["shown"] == 1, measured  # one layout shown, the other hidden
    assert measured["count"] > 10, measured  # labels, years, legend
    assert measured["size"] >= 11, measured
    assert measured["height"] >= 11, measured
    assert measured["outside"] == [], measured
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("figure.timeline-figure").screenshot(path=str(SCREENSHOTS / f"pair-timeline-{viewport}-{lang}.png"))
    context.close()
