"""Facts combined from several places, each with a confidence and the passage it came from."""

from __future__ import annotations

import datetime as dt

from archive.ingest.evidence import CONFIDENT, Candidates
from archive.ingest.pipeline import parse_text

from .conftest import CORPUS

AGREEMENT = """AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF KAZAKHSTAN AND THE GOVERNMENT OF
THE REPUBLIC OF TURKEY ON COOPERATION IN THE FIELD OF EDUCATION

The Government of the Republic of Kazakhstan and the Government of the Republic of Turkey,
hereinafter referred to as the Parties,

Desiring to develop cooperation in education,

Have agreed as follows:

Article 1

The Parties shall cooperate in the field of education.

Article 2

This Agreement shall enter into force on the date of the last notification.

Done at Ankara on 12 May 2010 in two originals in the Kazakh, Turkish and English languages.

For the Government of the Republic of Kazakhstan

For the Government of the Republic of Turkey
"""


def test_places_that_agree_give_a_confident_value():
    c = Candidates("x" * 100)
    c.add("parties", ["KZ", "TR"], 0.8, "title", 0, 10)
    c.add("parties", ["TR", "KZ"], 0.75, "preamble", 20, 30)
    fact = c.resolve("parties")
    assert fact.value == ["KZ", "TR"]  # the strongest witness's order
    assert fact.confidence >= 0.9 and fact.warning is None
    assert [e.source for e in fact.evidence] == ["title", "preamble"]


def test_one_weak_place_gives_a_warning_and_a_low_confidence():
    c = Candidates("x" * 100)
    c.add("parties", ["KZ", "TR"], 0.35, "mentions", 5, 9)
    fact = c.resolve("parties")
    assert fact.confidence < CONFIDENT
    assert "one weak source" in fact.warning and "mentions" in fact.warning


def test_places_that_disagree_lower_the_confidence_and_say_so():
    c = Candidates("x" * 100)
    c.add("signed_date", dt.date(2010, 5, 12), 0.85, "testimonium", 0, 10)
    c.add("signed_date", dt.date(2010, 5, 21), 0.8, "act", 20, 30)
    fact = c.resolve("signed_date", label="date of signature")
    assert fact.value == dt.date(2010, 5, 12)
    assert fact.confidence < 0.85
    assert "disagree" in fact.warning and "2010-05-21" in fact.warning
    assert {e.source for e in fact.evidence} == {"testimonium", "act"}


def test_the_same_place_read_twice_is_one_witness():
    c = Candidates("x" * 100)
    c.add("signed_place", "Ankara", 0.5, "sentence", 0, 5)
    c.add("signed_place", "Ankara", 0.5, "sentence", 10, 15)
    assert c.resolve("signed_place").confidence == 0.5


def test_every_field_of_a_parsed_agreement_points_into_the_normalised_text():
    result = parse_text(AGREEMENT)
    agreement = result.agreement
    text = result.normalised_text
    assert agreement.parties == ["KZ", "TR"]
    assert agreement.signed_date == dt.date(2010, 5, 12)
    assert agreement.signed_place == "Ankara"
    for name in ("title", "parties", "signed_date", "signed_place"):
        assert name in agreement.confidence, name
        for ev in agreement.evidence[name]:
            assert 0 <= ev.start <= ev.end <= len(text), (name, ev)
            # the quote is the passage (whitespace collapsed)
            passage = " ".join(text[ev.start : ev.end].split())
            assert ev.quote.rstrip("…")[:40] in passage or passage[:40] in ev.quote, (name, ev.quote, passage)
    # title, preamble and signature block name the same pair: a confident value
    assert agreement.confidence["parties"] >= 0.9
    sources = {e.source for e in agreement.evidence["parties"]}
    assert {"title", "preamble"} <= sources


def test_the_contract_carries_confidence_and_evidence():
    contract = parse_text(AGREEMENT).to_contract()
    evidence = contract["agreement"]["evidence"]["signed_date"][0]
    assert evidence["source"] == "testimonium"
    assert "Done at Ankara on 12 May 2010" in evidence["quote"]
    assert contract["agreement"]["confidence"]["signed_date"] >= 0.8


def test_a_seed_act_gives_evidence_for_its_number():
    result = parse_text((CORPUS / "001_814850e4c9e980b5.txt").read_text("utf-8"))
    assert result.act.number == "752"
    ev = result.act.evidence["number"][0]
    assert "752" in result.normalised_text[ev.start : ev.end]
