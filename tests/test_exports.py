"""Taking the data away: exports round-trip, Akoma Ntoso is well-formed, citations and feeds parse."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_csv_and_json_exports_match_the_filtered_list(client):
    api = client.get("/api/agreements/?pair=AZ-KZ").json()
    body = client.get("/agreements/export.json?pair=AZ-KZ").json()
    assert body["count"] == api["count"] == 5 and body["truncated"] is False and body["cap"] == 1000
    assert {r["slug"] for r in body["results"]} == {r["slug"] for r in api["results"]}
    response = client.get("/agreements/export.csv?pair=AZ-KZ")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["slug"] for r in rows} == {r["slug"] for r in body["results"]}
    assert all(r["parties"] in ("KZ;AZ", "AZ;KZ") for r in rows)


def test_an_export_stops_at_the_cap_and_says_so(client, monkeypatch):
    # the cap itself, not the constant: with a cap of 3 the five AZ-KZ agreements are cut to the
    # three newest, and both formats say the list was truncated
    from archive.views import exports

    monkeypatch.setattr(exports, "EXPORT_CAP", 3)
    full = client.get("/api/agreements/?pair=AZ-KZ&ordering=-signed_date").json()["results"]
    body = client.get("/agreements/export.json?pair=AZ-KZ").json()
    assert (body["count"], body["truncated"], body["cap"]) == (3, True, 3)
    assert [r["signed_date"] for r in body["results"]] == sorted((r["signed_date"] for r in full), reverse=True)[:3]
    response = client.get("/agreements/export.csv?pair=AZ-KZ")
    assert (response["X-Export-Cap"], response["X-Export-Truncated"]) == ("3", "true")
    assert len(list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))) == 3
    monkeypatch.setattr(exports, "EXPORT_CAP", 5)  # exactly as many as there are: nothing is cut
    body = client.get("/agreements/export.json?pair=AZ-KZ").json()
    assert (body["count"], body["truncated"]) == (5, False)


def test_export_follows_the_search(client, seed):
    body = client.get("/agreements/export.json?q=752").json()
    assert [r["slug"] for r in body["results"]] == [seed["intelligence_2024"].slug]


def test_invalid_export_filters_are_a_clear_400(client):
    response = client.get("/agreements/export.csv?signed_from=never")
    assert response.status_code == 400 and "signed_from" in response.json()["errors"]


def test_agreement_json_export(client, seed):
    body = json.loads(client.get(f"/agreements/{seed['treaty_2005'].slug}/export.json").content)
    assert body["kind"] == "treaty" and len(body["texts"][0]["articles"]) == 26


def test_akoma_ntoso_is_well_formed_with_articles(client, seed):
    response = client.get(f"/agreements/{seed['intelligence_2024'].slug}/akn.xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{AKN}akomaNtoso"
    articles = root.findall(f".//{AKN}article")
    assert [a.get("eId") for a in articles] == [f"art_{n}" for n in range(1, 12)]
    assert articles[0].find(f"{AKN}heading").text == "Мақсаты"
    this = root.find(f".//{AKN}FRBRWork/{AKN}FRBRthis").get("value")
    assert "2024-06-07" in this
    assert root.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage").get("language") == "kaz"


def test_stub_has_no_akoma_ntoso(client, seed):
    assert client.get(f"/agreements/{seed['treaty_1996'].slug}/akn.xml").status_code == 404


def test_citations(client, seed):
    agreement = seed["intelligence_2024"]
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "signed at Baku, 7 June 2024" in page and "Kazakhstan–Azerbaijan" in page
    assert "No. 752 of 16 September 2024" in page
    bib = client.get(f"/agreements/{agreement.slug}/cite.bib").content.decode()
    assert bib.startswith("@misc{") and bib.count("{") == bib.count("}")
    csl = client.get(f"/agreements/{agreement.slug}/cite.json").json()
    assert csl[0]["type"] == "treaty" and csl[0]["issued"]["date-parts"] == [[2024, 6, 7]]


def _atom_entries(response):
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]


def test_feeds_parse_and_follow_filters(client, seed):
    assert len(_atom_entries(client.get("/feeds/new/"))) == 7
    pair = _atom_entries(client.get("/feeds/search/?pair=AM-KZ"))
    assert len(pair) == 2
    found = _atom_entries(client.get("/feeds/search/?q=военная+разведка"))
    assert str(seed["intelligence_2024"]) in found and str(seed["am_kz_intelligence"]) in found
    assert len(_atom_entries(client.get("/countries/AM/feed/"))) == 2
    assert client.get("/countries/QQ/feed/").status_code == 404


def test_compare_view_with_one_text_says_so(client, seed):
    response = client.get(f"/agreements/{seed['treaty_2005'].slug}/compare/")
    assert response.status_code == 200 and b"only one language version" in response.content
