import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.reading.akoma_ntoso import AKN_NS, AknArticle, AknDocument, article_eid, to_akn

NS = {"a": AKN_NS}

KK = AknDocument(
    slug="kz-az-2024-military-intelligence",
    kind="agreement",
    countries=["KZ", "AZ"],
    signed_date=dt.date(2024, 6, 7),
    language="kk",
    title="Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы "
    "әскери барлау саласындағы ынтымақтастық туралы келісім",
    preamble="Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі,\n\n"
    "төмендегілер туралы келісті:",
    articles=[
        ("1", "Терминдер", "Осы Келісімнің мақсаттары үшін:\nбірінші;\n\nекінші."),
        AknArticle("2", "Ынтымақтастық бағыттары", "Тараптар ынтымақтасады."),
        ("12bis", "", "Қосымша бап."),
    ],
    final_clauses="Баку қаласында 2024 жылғы 7 маусымда екі түпнұсқа данада жасалды.",
    base_url="https://archive.example.org",
    country_names={"KZ": "Kazakhstan", "AZ": "Azerbaijan"},
    generated=dt.date(2026, 11, 22),
)


def parse(doc: AknDocument) -> ET.Element:
    return ET.fromstring(to_akn(doc))


def test_well_formed_with_declaration_and_namespace():
    data = to_akn(KK)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(data)
    assert root.tag == f"{{{AKN_NS}}}akomaNtoso"
    act = root.find("a:act", NS)
    assert act is not None
    assert act.get("name") == "agreement"
    assert [child.tag.split("}")[1] for child in act] == ["meta", "preface", "preamble", "body", "conclusions"]


def test_frbr_identification():
    root = parse(KK)
    ident = root.find("a:act/a:meta/a:identification", NS)
    assert ident.get("source") == "#archive"
    work = ident.find("a:FRBRWork", NS)
    base = "/akn/kz/act/agreement/2024-06-07/kz-az-2024-military-intelligence"
    assert work.find("a:FRBRthis", NS).get("value") == base + "/!main"
    assert work.find("a:FRBRuri", NS).get("value") == base
    date = work.find("a:FRBRdate", NS)
    assert (date.get("date"), date.get("name")) == ("2024-06-07", "signature")
    assert [a.get("href") for a in work.findall("a:FRBRauthor", NS)] == ["#kz", "#az"]
    assert work.find("a:FRBRcountry", NS).get("value") == "kz"
    # FRBR element order matters to the schema: core properties, then the work's own
    tags = [child.tag.split("}")[1] for child in work]
    assert tags.index("FRBRuri") < tags.index("FRBRdate") < tags.index("FRBRauthor") < tags.index("FRBRcountry")

    expression = ident.find("a:FRBRExpression", NS)
    assert expression.find("a:FRBRthis", NS).get("value") == base + "/kaz@/!main"
    assert expression.find("a:FRBRuri", NS).get("value") == base + "/kaz@"
    assert expression.find("a:FRBRlanguage", NS).get("language") == "kaz"
    manifestation = ident.find("a:FRBRManifestation", NS)
    assert manifestation.find("a:FRBRthis", NS).get("value") == base + "/kaz@/!main.xml"
    assert manifestation.find("a:FRBRdate", NS).get("date") == "2026-11-22"


def test_references_name_the_parties_and_the_archive():
    refs = parse(KK).find("a:act/a:meta/a:references", NS)
    orgs = {o.get("eId"): o.get("showAs") for o in refs.findall("a:TLCOrganization", NS)}
    assert orgs == {"archive": "Bilateral Agreements Archive", "kz": "Kazakhstan", "az": "Azerbaijan"}


@pytest.mark.parametrize(
    ("iso1", "iso2"), [("kk", "kaz"), ("ru", "rus"), ("hy", "hye"), ("en", "eng"), ("az", "aze"), ("xx", "und")]
)
def test_language_codes_are_three_letters(iso1, iso2):
    root = parse(AknDocument(slug="s", language=iso1, countries=["KZ"]))
    assert root.find(".//a:FRBRlanguage", NS).get("language") == iso2
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value").endswith(f"/{iso2}@")


def test_articles_structure_and_eids():
    body = parse(KK).find("a:act/a:body", NS)
    articles = body.findall("a:article", NS)
    assert [a.get("eId") for a in articles] == ["art_1", "art_2", "art_12bis"]
    first = articles[0]
    assert first.find("a:num", NS).text == "1"  # no label given: the number

    assert first.find("a:heading", NS).text == "Терминдер"
    assert [p.text for p in first.findall("a:content/a:p", NS)] == [
        "Осы Келісімнің мақсаттары үшін:",
        "бірінші;",
        "екінші.",
    ]
    assert articles[2].find("a:heading", NS) is None  # no empty heading


@pytest.mark.parametrize(
    ("number", "eid"),
    [
        ("1", "art_1"),
        ("12bis", "art_12bis"),
        ("12 bis", "art_12bis"),
        ("12-1", "art_12-1"),
        ("12.1", "art_12-1"),
        ("IV", "art_iv"),
        ("", "art_nn"),
        ("  7 ", "art_7"),
        ("5¹", "art_51"),
    ],
)
def test_article_eid(number, eid):
    assert article_eid(number) == eid


def test_duplicate_article_numbers_keep_eids_unique():
    doc = AknDocument(slug="s", articles=[("3", "", "a"), ("3", "", "b")])
    eids = [a.get("eId") for a in parse(doc).iter(f"{{{AKN_NS}}}article")]
    assert eids == ["art_3", "art_3-2"]


def test_preface_preamble_conclusions():
    act = parse(KK).find("a:act", NS)
    title = act.find("a:preface/a:longTitle/a:p/a:docTitle", NS)
    assert title.text == KK.title
    assert act.find("a:preface/a:longTitle/a:p", NS).text is None  # no stray whitespace before the title
    assert [p.text for p in act.findall("a:preamble/a:p", NS)] == [
        "Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі,",
        "төмендегілер туралы келісті:",
    ]
    assert act.find("a:conclusions/a:p", NS).text.startswith("Баку қаласында")


def test_xml_special_characters_are_escaped_and_round_trip():
    tricky = "A & B <b>not markup</b> \"quoted\" 'single' ]]> end"
    doc = AknDocument(slug="s", title=tricky, articles=[("1", tricky, tricky)], final_clauses=tricky)
    data = to_akn(doc)
    assert b"<b>" not in data
    root = ET.fromstring(data)
    assert root.find(".//a:docTitle", NS).text == tricky
    article = root.find(".//a:article", NS)
    assert article.find("a:heading", NS).text == tricky
    assert article.find("a:content/a:p", NS).text == tricky


def test_control_characters_are_dropped():
    doc = AknDocument(slug="s", articles=[("1", "", "page\x0cbreak\x0bx\x00")])
    assert parse(doc).find(".//a:article/a:content/a:p", NS).text == "pagebreakx"


def test_cyrillic_and_armenian_preserved():
    hy = "Հայաստանի Հանրապետության կառավարության և Ղազախստանի Հանրապետության կառավարության միջև համաձայնագիր"
    doc = AknDocument(
        slug="am-kz", countries=["AM", "KZ"], language="hy", title=hy, articles=[("1", "Հոդված", "Կողմերը")]
    )
    data = to_akn(doc)
    assert hy.encode("utf-8") in data  # as characters, not numeric references
    root = ET.fromstring(data)
    assert root.find(".//a:docTitle", NS).text == hy
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value") == (
        "/akn/am/act/agreement/0001-01-01/am-kz/hye@"
    )


def test_minimal_document_still_has_a_body_and_unknown_date():
    root = parse(AknDocument(slug="stub"))
    act = root.find("a:act", NS)
    assert act.find("a:preface", NS) is None and act.find("a:preamble", NS) is None
    assert act.find("a:body/a:hcontainer", NS) is not None
    work_date = root.find(".//a:FRBRWork/a:FRBRdate", NS)
    assert work_date.get("name") == "unknown"


def test_kind_is_the_subtype_and_jurisdiction_can_be_set():
    root = parse(
        AknDocument(slug="t", kind="exchange_of_notes", countries=["AZ", "KZ"], jurisdiction="kz", language="ru")
    )
    assert root.find("a:act", NS).get("name") == "exchange-of-notes"
    assert root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value").startswith("/akn/kz/act/exchange-of-notes/")


@given(st.text(max_size=80), st.text(max_size=15))
def test_any_text_gives_well_formed_xml(text, number):
    ET.fromstring(to_akn(AknDocument(slug=text, title=text, preamble=text, articles=[(number, text, text)])))


def test_num_is_the_heading_as_written_when_known():
    doc = AknDocument(slug="x", title="T", articles=[AknArticle("5", "Күшіне енуі", "Осы Келісім …", "5-бап")])
    article = ET.fromstring(to_akn(doc)).find(".//a:article", NS)
    assert article.get("eId") == "art_5" and article.find("a:num", NS).text == "5-бап"
