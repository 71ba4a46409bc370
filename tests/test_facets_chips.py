"""Facets people can use (issue 11, item 6): the pair and the parties by names in any
language, the chosen filters as removable chips, facet counts on /agreements/, the country
picker, and the caches behind a fast filter form (item 4) that never serve a stale name or
a draft to a reader."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django import forms
from django.http import QueryDict
from django.test import Client

from archive.chips import chips, query_keeping, query_without_value
from archive.filters import pair_codes, party_codes

# ---------------------------------------------------------------- names (no database)


@pytest.mark.parametrize(
    "value",
    [
        "AZ-KZ",
        "kz-az",
        "KZ – AZ",
        "Kazakhstan–Azerbaijan",
        "Kazakhstan-Azerbaijan",
        "Казахстан-Азербайджан",
        "казахстан — азербайджан",
        "Azerbaijan and Kazakhstan",
        "Қазақстан мен Әзербайжан",
        "Ադրբեջան և Ղազախստան",
        "Республика Казахстан / Азербайджанская Республика",
        "Azərbaycan və Qazaxıstan",
    ],
)
def test_a_pair_by_codes_or_names_in_any_language(value):
    assert pair_codes(value) == "AZ-KZ"


def test_a_name_with_a_hyphen_of_its_own_stays_one_country():
    assert pair_codes("Guinea-Bissau–Senegal") == "GW-SN"
    assert pair_codes("Timor-Leste - kz") == "KZ-TL"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Kazakhstan", "names two countries"),
        ("KZ-KZ", "names two countries"),
        ("AZ-KZ-AM", "names two countries"),
        ("Narnia-Kazakhstan", "No country is called “Narnia”"),
        ("QQ-KZ", "No country is called “QQ”"),
        ("'; DROP TABLE", "No country is called “DROP”"),
        ("Kazakhstan–" + "Azerbaijan" * 500, "too long"),
    ],
)
def test_a_pair_that_names_no_pair_says_why(value, message):
    with pytest.raises(forms.ValidationError) as raised:
        pair_codes(value)
    assert message in " ".join(raised.value.messages)


def test_parties_by_code_or_name_one_value_may_name_several():
    assert party_codes(["kz", "Армения"]) == ["KZ", "AM"]
    assert party_codes(["Armenia, Kazakhstan", "KZ"]) == ["AM", "KZ"]
    with pytest.raises(forms.ValidationError, match="Atlantis"):
        party_codes(["KZ", "Atlantis"])
    with pytest.raises(forms.ValidationError, match="At most"):
        party_codes(["KZ"] * 20)


# ---------------------------------------------------------------- chips (no HTTP)


def test_a_chips_link_drops_only_its_own_value_and_the_page():
    params = QueryDict("q=treaty&party=KZ&party=AM&pair=AZ-KZ&page=3")
    assert QueryDict(query_without_value(params, "party", "KZ")) == QueryDict("q=treaty&party=AM&pair=AZ-KZ")
    assert QueryDict(query_without_value(params, "pair", "AZ-KZ")) == QueryDict("q=treaty&party=KZ&party=AM")
    assert QueryDict(query_without_value(params, "q", "treaty")) == QueryDict("party=KZ&party=AM&pair=AZ-KZ")
    assert query_keeping(params, ["q"]) == "q=treaty"
    assert query_keeping(QueryDict("party=KZ&q=+"), ["q"]) == ""


def test_chips_one_per_chosen_value_described_and_removable():
    params = QueryDict("party=KZ&party=Narnia&party=KZ&kind=treaty&ordering=title&page=2&status=")
    described = {("party", "KZ"): "Kazakhstan", ("kind", "treaty"): "Treaty"}
    found = chips(
        params,
        {"q": "Words", "party": "Party", "kind": "Kind", "status": "Status", "ordering": "Sort by"},
        lambda name, value: described.get((name, value)),
    )
    assert [(c.label, c.text, c.valid) for c in found] == [
        ("Party", "Kazakhstan", True),
        ("Party", "Narnia", False),  # names nothing: shown as typed, so it can be removed
        ("Kind", "Treaty", True),
    ]
    assert QueryDict(found[0].url[1:]) == QueryDict("party=Narnia&kind=treaty&ordering=title&status=")
    assert QueryDict(found[1].url[1:]) == QueryDict("party=KZ&party=KZ&kind=treaty&ordering=title&status=")
    # the search page's words have their own box: no chip for them there
    assert chips(QueryDict("q=x"), {"q": "Words"}, lambda n, v: v, skip=("q",)) == []


# ---------------------------------------------------------------- pages


def _facet_counts(html: str, param: str) -> dict[str, int]:
    """{value: count} of the facet links that set ``param`` (as the reader sees the page)."""
    out = {}
    for href, count in re.findall(r'<li><a href="\?([^"]*)">[^<]*</a> <span class="count">(\d+)</span>', html):
        values = QueryDict(unescape(href)).getlist(param)
        if values:
            out[values[-1]] = int(count)
    return out


def _slugs(client: Client, url: str, params=None) -> set[str]:
    html = client.get(url, params or {}).content.decode()
    return set(re.findall(r'class="row-title"><a href="/agreements/([^/"?]+)/', html))


@pytest.mark.django_db
def test_the_list_shows_facet_counts_true_to_the_seed_corpus(client, seed):
    from archive.models import Agreement, Party

    public = Agreement.objects.public()
    az_kz = {seed[k].pk for k in ("intelligence_2024", "treaty_2005", "communications_2004", "military_2004")}
    az_kz.add(seed["treaty_1996"].pk)  # the seed corpus's five agreements between Azerbaijan and Kazakhstan
    assert set(public.filter(pair="AZ-KZ").values_list("pk", flat=True)) == az_kz
    html = client.get("/agreements/").content.decode()
    pairs = _facet_counts(html, "pair")
    assert pairs["AZ-KZ"] == 5
    assert pairs["AM-KZ"] == public.filter(pair="AM-KZ").count() == 2
    kz_parties = Party.objects.filter(country="KZ", agreement__published_at__isnull=False).count()
    assert _facet_counts(html, "party")["KZ"] == kz_parties
    # and counted over what is listed: with a pair chosen the kinds add up to its agreements
    html = client.get("/agreements/", {"pair": "Казахстан-Азербайджан"}).content.decode()
    kinds = _facet_counts(html, "kind")
    assert sum(kinds.values()) == 5
    assert kinds["treaty"] == public.filter(pair="AZ-KZ", kind="treaty").count() == 2


@pytest.mark.django_db
def test_pair_and_parties_by_name_list_what_their_codes_list(client, seed):
    by_codes = _slugs(client, "/agreements/", {"pair": "AZ-KZ"})
    assert len(by_codes) == 5
    for name in ("Kazakhstan–Azerbaijan", "Казахстан-Азербайджан", "kz-az", "Әзербайжан – Қазақстан"):
        assert _slugs(client, "/agreements/", {"pair": name}) == by_codes, name
    both = _slugs(client, "/agreements/", {"party": ["KZ", "AM"]})
    assert both == {seed["am_kz_intelligence"].slug, seed["am_kz_treaty_1999"].slug}
    assert _slugs(client, "/agreements/", {"party": ["Казахстан", "Armenia"]}) == both
    rows = client.get("/api/agreements/", {"party": ["Қазақстан", "Հայաստան"]}).json()["results"]
    assert {r["slug"] for r in rows} == both


@pytest.mark.django_db
def test_chosen_filters_are_chips_whose_links_remove_just_them(client, seed):
    html = client.get("/agreements/", {"party": ["Kazakhstan", "AM"], "kind": "treaty", "page": "1"}).content.decode()
    found = dict(re.findall(r'<a class="chip" href="\?([^"]*)" aria-label="Remove filter ([^"]*)"', html))
    assert set(found.values()) == {"Party: Kazakhstan", "Party: Armenia", "Kind: Treaty"}
    removal = {label: QueryDict(unescape(href)) for href, label in found.items()}
    assert removal["Party: Armenia"] == QueryDict("party=Kazakhstan&kind=treaty")
    assert removal["Party: Kazakhstan"] == QueryDict("party=AM&kind=treaty")
    assert removal["Kind: Treaty"] == QueryDict("party=Kazakhstan&party=AM")
    assert 'class="chip-clear" href="?"' in html
    # following a chip lists what the remaining filters list
    assert _slugs(client, "/agreements/?" + unescape(list(found)[list(found.values()).index("Party: Armenia")])) == (
        _slugs(client, "/agreements/", {"party": "KZ", "kind": "treaty"})
    )
    # the picker keeps the chosen parties when the form is sent again
    assert '<input type="hidden" name="party" value="Kazakhstan">' in html
    assert '<input type="hidden" name="party" value="AM">' in html


@pytest.mark.django_db
def test_the_search_page_keeps_its_words_when_all_chips_are_cleared(client, seed):
    html = client.get("/search/", {"q": "барлау", "pair": "AZ-KZ", "language": "kk"}).content.decode()
    assert "Remove filter Country pair: Azerbaijan – Kazakhstan" in html
    assert "Remove filter Language: Kazakh" in html
    assert "Remove filter Words" not in html
    assert 'class="chip-clear" href="?q=%D0%B1%D0%B0%D1%80%D0%BB%D0%B0%D1%83"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"pair": "Kazakhstan–" + "Azerbaijan" * 300}, "too long"),  # under the 4,096-character query limit
        ({"pair": "Narnia-Kazakhstan"}, "No country is called “Narnia”"),
        ({"pair": "Kazakhstan"}, "names two countries"),
        ({"party": "Atlantis"}, "No country is called “Atlantis”"),
        ({"party": ["KZ"] * 50}, "At most 8 countries"),
        ({"party": "x" * 3000}, "too long"),
    ],
)
def test_hostile_names_get_a_clear_message_not_a_500(client, params, message):
    for url in ("/agreements/", "/search/"):
        response = client.get(url, params)
        assert response.status_code == 200
        assert message in unescape(response.content.decode()), url
    response = client.get("/api/agreements/", params)
    assert response.status_code == 400
    assert message in str(response.json())


@pytest.mark.django_db
def test_an_unknown_name_stays_in_the_picker_to_be_corrected(client):
    html = client.get("/agreements/", {"party": ["KZ", "Atlantis"]}).content.decode()
    assert re.search(r'<input id="id_party" type="text" name="party" value="Atlantis"', html)
    assert '<input type="hidden" name="party" value="Atlantis">' not in html
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_the_country_picker_lists_names_in_the_interface_language(client):
    html = client.get("/agreements/").content.decode()
    assert '<datalist id="country-names">' in html
    assert '<option value="Kazakhstan" data-code="KZ">' in html
    assert 'list="country-names"' in html and '<label for="id_party">' in html
    html = client.get("/agreements/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<option value="Казахстан" data-code="KZ">' in html


# ---------------------------------------------------------------- caches


@pytest.fixture
def editor(django_user_model) -> Client:
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-ed-12345"))
    return client


@pytest.mark.django_db
def test_the_cached_unfiltered_facets_never_show_a_draft_to_a_reader(client, editor, seed):
    from archive.publication import publish, unpublish

    assert _facet_counts(client.get("/agreements/").content.decode(), "pair")["AM-KZ"] == 2
    unpublish(seed["am_kz_treaty_1999"])
    # the editor first, so that an editor's counts are in the cache when the reader comes
    assert _facet_counts(editor.get("/agreements/").content.decode(), "pair")["AM-KZ"] == 2
    assert _facet_counts(client.get("/agreements/").content.decode(), "pair")["AM-KZ"] == 1
    assert _facet_counts(client.get("/search/").content.decode(), "pair")["AM-KZ"] == 1
    assert _facet_counts(editor.get("/agreements/").content.decode(), "pair")["AM-KZ"] == 2
    publish(seed["am_kz_treaty_1999"])
    assert _facet_counts(client.get("/agreements/").content.decode(), "pair")["AM-KZ"] == 2


@pytest.mark.django_db
def test_a_new_party_shows_in_the_cached_facets_at_once(client, seed):
    from archive.models import Party

    before = _facet_counts(client.get("/agreements/").content.decode(), "party")
    agreement = seed["treaty_1996"]
    Party.objects.create(agreement=agreement, country_id="TR", order=9)  # no save of the agreement itself
    after = _facet_counts(client.get("/agreements/").content.decode(), "party")
    assert after.get("TR", 0) == before.get("TR", 0) + 1


@pytest.mark.django_db
def test_the_cached_choices_follow_an_editors_change_of_a_name(client):
    from archive.models import Country, Topic

    html = client.get("/agreements/").content.decode()
    topic = Topic.objects.get(slug="military-intelligence")
    assert '<option value="military-intelligence">' in html
    label = re.search(r'<option value="military-intelligence">([^<]*)</option>', html).group(1)
    assert label.strip("\u2003") == topic.label("en")
    topic.labels = {**topic.labels, "en": "Intelligence of armed forces"}
    topic.save()
    country = Country.objects.get(code="KZ")
    country.names = {**country.names, "en": "Kazakhstan (renamed)"}
    country.save()
    html = client.get("/agreements/").content.decode()
    assert re.search(r'<option value="military-intelligence">\u2003*Intelligence of armed forces</option>', html)
    assert '<option value="Kazakhstan (renamed)" data-code="KZ">' in html


@pytest.mark.django_db
def test_the_filter_form_reads_no_topic_or_country_rows_once_drawn(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/agreements/")  # draws the choices once
    with CaptureQueriesContext(connection) as queries:
        client.get("/agreements/")
    read = [q["sql"] for q in queries.captured_queries]
    # the rows' own topics and countries are read for the page's rows; none of the whole tables
    whole = [sql for sql in read if re.search(r'FROM "archive_(topic|country)"', sql) and "agreement_id" not in sql]
    assert not whole, whole


@pytest.mark.parametrize(
    "query, name, value, expected",
    [
        ("q=a+b&party=KZ", "country", "AZ", "q=a+b&party=KZ&party=AZ"),  # a second party, after the first
        ("party=KZ&q=x", "country", "KZ", "party=KZ&q=x"),  # already chosen: unchanged
        ("kind=treaty&q=x", "kind", "protocol", "kind=protocol&q=x"),  # replaced where it stood
        ("q=x&page=3", "decade", "1990", "q=x&page=3&signed_from=1990-01-01&signed_to=1999-12-31"),
        ("q=%22a+b%22&q=c", "topic", "defence", "q=%22a+b%22&q=c&topic=defence"),
        ("", "language", "kk", "language=kk"),
    ],
)
def test_a_facet_link_adds_its_value_to_the_query(query, name, value, expected):
    from archive.templatetags.archive_tags import facet_param

    assert facet_param((query, name), value) == expected
