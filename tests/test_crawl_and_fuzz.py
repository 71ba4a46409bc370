"""Every URL pattern, probed with hostile parameters, and the parsers fuzzed: nothing but
clean answers and the documented errors."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.ingest.extract import ExtractionError
from archive.ingest.pipeline import parse_bytes, parse_text
from archive.search.query import compile_query, parse_query

pytestmark = pytest.mark.slow  # not in make test-fast (processes, restarts, budgets, crawls)

HOSTILE_VALUES = [
    "",
    "0",
    "-1",
    "99999999999999999999",
    "'; DROP TABLE archive_agreement; --",
    "<script>x</script>",
    "%00",
    "../../etc/passwd",
    "ы" * 300,
    "\u202e\u200b",
    "{{7*7}}",
    "a:b|c&!d<->e",
    "null",
    "[]",
    "\t\n",
    "a" * 10_240,  # over the query-string limit when sent: a 400 of its own
]
# refused with exactly 400 before any view runs (archive.middleware)
CONTROL_VALUES = ["\x00", "a\x00b", "\x01", "\x1f", "\x0b", "\ufffe", "\uffff"]
# percent-encoded in the raw query string: a lone surrogate and broken UTF-8 decode to U+FFFD
RAW_QUERIES = ["q=%ED%A0%80", "q=%C3", "q=%FF%FE", "party=%ED%BF%BF&q=x"]
LISTS = {
    "/agreements/",
    "/search/",
    "/api/agreements/",
    "/agreements/export.csv",
    "/feeds/search/",
    "/acts/",
    "/api/acts/",
}
PARAMS = [
    "q",
    "party",
    "pair",
    "topic",
    "kind",
    "status",
    "language",
    "signed_from",
    "signed_to",
    "ordering",
    "page",
    "page_size",
    "lang",
    "a",
    "b",
    "format",
    "country",
    "next",
    "number",
    "year",
    "type",
    "agreement",
]


def concrete_urls(seed_slug: str) -> list[str]:
    """One real address per URL pattern of the site (admin and i18n excluded)."""
    samples = {
        "slug": seed_slug,
        "code": "KZ",
        "first": "AZ",
        "second": "KZ",
        "sha256": "0" * 64,
        "fmt": "csv",
        "batch": "0" * 32,
        "country": "kz",  # an act's address: /acts/kz/government-decree/2024-752/
        "kind": "government-decree",
        "key": "2024-752",
    }
    urls = []

    def fill(route: str) -> str | None:
        route = route.replace("^", "").replace("$", "")
        if "(?P<format>" in route:  # DRF's optional .json suffix duplicates of the same views
            return None
        for name, value in samples.items():
            route = re.sub(rf"\(\?P<{name}>[^)]*\)", value, route)  # regex groups first: they contain <name>
            route = re.sub(rf"<(?:\w+:)?{name}>", value, route)
        route = route.replace("\\.", ".")
        return None if re.search(r"[<>(\\]", route) else "/" + route

    def walk(patterns, prefix=""):
        for p in patterns:
            route = prefix + str(p.pattern)
            if route.startswith(("admin/", "i18n/")):
                continue
            if isinstance(p, URLResolver):
                walk(p.url_patterns, route)
            elif isinstance(p, URLPattern) and (url := fill(route)):
                urls.append(url)

    walk(get_resolver().url_patterns)
    return sorted(set(urls))


@pytest.mark.django_db
def test_every_url_answers_hostile_parameters_without_a_500(client, seed):
    urls = concrete_urls(seed["intelligence_2024"].slug)
    assert {"/countries/AZ-KZ/", "/agreements/export.csv", "/api/agreements/", "/sources/" + "0" * 64 + "/"} <= set(
        urls
    )
    assert {
        "/acts/kz/government-decree/2024-752/",
        "/api/acts/kz/government-decree/2024-752/",
        "/acts/resolve/",
    } <= set(urls)
    failures = []
    for url in urls:
        # every parameter at once with each hostile value, then each parameter alone with the worst ones
        probes = [dict.fromkeys(PARAMS, value) for value in HOSTILE_VALUES]
        if url in LISTS:
            probes += [{param: value} for param in PARAMS for value in HOSTILE_VALUES[4:6] + HOSTILE_VALUES[8:9]]
        for params in probes:
            response = client.get(url, params)
            if response.status_code >= 500:
                failures.append((url, params, response.status_code))
    assert failures == []


@pytest.mark.django_db
def test_every_url_refuses_control_characters_with_400_and_answers_head(client, seed, django_user_model):
    urls = concrete_urls(seed["intelligence_2024"].slug)
    wrong = []
    for url in urls:
        for value in CONTROL_VALUES:
            for params in ({"q": value}, dict.fromkeys(PARAMS, value)):
                response = client.get(url, params)
                if response.status_code != 400:
                    wrong.append((url, repr(value), response.status_code))
        for raw in RAW_QUERIES:
            response = client.get(f"{url}?{raw}")
            if response.status_code >= 500:
                wrong.append((url, raw, response.status_code))
        # a control character in the address itself
        broken = url.rstrip("/") + "%00/" if url.endswith("/") else url + "%00"
        if client.get(broken).status_code != 400:
            wrong.append((broken, "path", client.get(broken).status_code))
        head, get = client.head(url), client.get(url)
        if head.status_code != get.status_code or head.content:  # HEAD wherever GET is, and no body
            wrong.append((url, "HEAD", head.status_code, get.status_code))
    assert wrong == []


@pytest.mark.django_db
def test_the_editors_pages_answer_hostile_parameters_without_a_500(client, seed, django_user_model):
    """The admin pages added for uploads and review, probed by a logged-in editor."""
    client.force_login(django_user_model.objects.create_superuser("crawl", "crawl@example.org", "pw-crawl-123"))
    pk = seed["intelligence_2024"].pk
    urls = [
        "/admin/archive/agreement/review/",
        f"/admin/archive/agreement/{pk}/review/",
        "/admin/archive/agreement/999999/review/",
        "/admin/archive/sourcedocument/upload/",
        "/admin/archive/sourcedocument/upload/" + "0" * 32 + "/",
        "/admin/archive/sourcedocument/upload/..%2F..%2Fetc/",
        "/admin/archive/agreement/?published=no",
    ]
    failures = []
    for url in urls:
        for value in HOSTILE_VALUES[:14]:
            response = client.get(url, dict.fromkeys([*PARAMS, "published", "party"], value))
            if response.status_code >= 500:
                failures.append((url, value[:20], response.status_code))
        for value in CONTROL_VALUES:
            if client.get(url, {"q": value}).status_code != 400:
                failures.append((url, repr(value), "not 400"))
    # the review form posted with hostile values: refused or saved, never a 500
    for value in HOSTILE_VALUES[:14]:
        data = dict.fromkeys(("title", "kind", "level", "signed_date", "term_years", "topics", "party"), value)
        response = client.post(f"/admin/archive/agreement/{pk}/review/", {**data, "action": "save"})
        if response.status_code >= 500:
            failures.append(("review POST", value[:20], response.status_code))
    assert failures == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_parser_never_raises_on_any_text(text):
    result = parse_text(text, source="fuzz")
    contract = result.to_contract()
    assert set(contract) >= {"source", "language", "document_kinds", "agreement", "act", "related", "warnings"}


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000), st.sampled_from(["a.txt", "a.pdf", "a.docx", "a.html", "a.htm", "a"]))
def test_parse_bytes_reports_errors_instead_of_raising(data, name):
    try:
        result = parse_bytes(data, name)
    except ExtractionError:  # the one documented error
        return
    assert result.ok or result.error


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_query_parser_never_raises(q):
    compiled = compile_query(parse_query(q))
    assert compiled.tsquery is None or isinstance(compiled.tsquery, str)
