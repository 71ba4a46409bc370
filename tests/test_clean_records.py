"""What ingestion stores from real-shaped texts: language versions as texts, stubs from real
citations only, no bilateral stub for a multilateral agreement, one stub per cited
agreement, and a date conflict sent to review instead of failing the file."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.ingest.pipeline import parse_bytes
from archive.ingest.store import store_result
from archive.models import Agreement, ParseStatus

pytestmark = pytest.mark.django_db

BILINGUAL = """##Agreement between the Kingdom of the Netherlands and the Republic of Finland on cultural cooperation

The Kingdom of the Netherlands and the Republic of Finland, hereinafter referred to as the Parties,

Have agreed as follows:

### Article 1

The Parties shall encourage cultural cooperation between their countries.

### Article 2

This Agreement shall enter into force on the first day of the second month after the last notification.

Done at Helsinki, on 3 March 2009, in duplicate in the English language.

For the Kingdom of the Netherlands:

For the Republic of Finland:

####Verdrag tussen het Koninkrijk der Nederlanden en de Republiek Finland inzake culturele samenwerking

Het Koninkrijk der Nederlanden en de Republiek Finland, hierna te noemen de Partijen,

Zijn het volgende overeengekomen:

### Artikel 1

De Partijen bevorderen de culturele samenwerking tussen hun landen.

### Artikel 2

Dit Verdrag treedt in werking op de eerste dag van de tweede maand na de laatste kennisgeving.

Gedaan te Helsinki, op 3 maart 2009, in tweevoud in de Engelse taal.
"""

CITING = """AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF KAZAKHSTAN AND THE GOVERNMENT OF THE REPUBLIC OF ARMENIA
ON COOPERATION IN CUSTOMS MATTERS

The Government of the Republic of Kazakhstan and the Government of the Republic of Armenia, hereinafter referred to
as the Parties,

Guided by the Agreement between the Government of the Republic of Kazakhstan and the Government of the Republic of
Armenia on mutual assistance in customs matters signed at Astana on 12 May 2010,

Taking into account the Agreement on customs cooperation of the Commonwealth of Independent States signed at
Moscow on 15 April 1994,

Have agreed as follows:

Article 1

The Parties shall cooperate in customs matters.

Article 2

This Agreement shall enter into force on the date of signature.

Done at Yerevan on {day} June 2015 in two originals in the English language.
"""


def _store(text: str, name: str):
    result = parse_bytes(text.encode("utf-8"), name)
    return result, store_result(result, text.encode("utf-8"), name)


def test_a_second_language_version_is_a_second_text_of_the_same_agreement():
    result, outcome = _store(BILINGUAL, "bilingual.md")
    assert result.language == "en"
    assert [v.language for v in result.agreement.versions] == ["nl"]
    agreement = outcome.agreement
    assert agreement.pair == "FI-NL"
    texts = {t.language: t for t in agreement.texts.all()}
    assert set(texts) == {"en", "nl"}
    assert [a.number for a in texts["en"].articles.all()] == ["1", "2"]  # not four
    assert [a.number for a in texts["nl"].articles.all()] == ["1", "2"]
    assert texts["nl"].title.startswith("Verdrag tussen het Koninkrijk der Nederlanden")
    assert agreement.signed_date == dt.date(2009, 3, 3)


def test_a_multilateral_citation_is_not_stored_as_a_bilateral_stub():
    _, outcome = _store(CITING.format(day=10), "citing.txt")
    cited = {r.object.signed_date: r.object for r in outcome.agreement.relations_out.select_related("object")}
    assert set(cited) == {dt.date(2010, 5, 12), dt.date(1994, 4, 15)}, outcome.linked
    assert cited[dt.date(1994, 4, 15)].pair == ""  # no pair: the CIS agreement is not KZ–AM's
    assert not cited[dt.date(1994, 4, 15)].parties.exists()
    bilateral = Agreement.objects.get(signed_date=dt.date(2010, 5, 12))
    assert bilateral.pair == "AM-KZ"


def test_the_same_cited_agreement_is_one_stub():
    _store(CITING.format(day=10), "first.txt")
    _store(CITING.format(day=11), "second.txt")  # another agreement citing the same two
    assert Agreement.objects.filter(signed_date=dt.date(2010, 5, 12), pair="AM-KZ").count() == 1
    assert Agreement.objects.filter(signed_date=dt.date(1994, 4, 15)).count() == 1


def test_entry_into_force_before_signature_goes_to_review_not_to_failure():
    text = (
        "Agreement between the Government of the Republic of Kazakhstan and the Government of Georgia on tourism\n\n"
        "The Government of the Republic of Kazakhstan and the Government of Georgia, hereinafter the Parties,\n\n"
        "Article 1\n\nThe Parties shall cooperate in tourism.\n\n"
        "Article 2\n\nThis Agreement entered into force on 1 January 2001.\n\n"
        "Done at Tbilisi on 5 May 2003 in two originals.\n"
    )
    result, outcome = _store(text, "conflict.txt")
    assert result.agreement.entry_into_force_date == dt.date(2001, 1, 1)
    assert any("before the signature" in w for w in result.warnings)
    source = outcome.source
    assert source.status == ParseStatus.NEEDS_REVIEW
    assert any("before the signature" in r for r in source.report["review"])
    agreement = outcome.agreement
    assert agreement.signed_date == dt.date(2003, 5, 5) and agreement.entry_into_force_date is None


def test_a_weak_reading_goes_to_review_with_its_evidence():
    text = (
        "Article 1\n\nThe Republic of Estonia and the Republic of Latvia shall cooperate. Estonia and Latvia agree.\n\n"
        "Article 2\n\nEstonia and Latvia shall consult each other.\n"
    )
    result, outcome = _store(text, "weak.txt")
    assert result.agreement.confidence["parties"] < 0.7
    review = outcome.source.report["review"]
    assert any(r.startswith("uncertain parties") for r in review)
    evidence = outcome.source.report["agreement"]["evidence"]["parties"]
    assert evidence and evidence[0]["source"] in ("mentions", "preamble", "signature")


def test_a_new_agreement_has_one_creation_record_holding_its_topics():
    _, outcome = _store(CITING.format(day=12), "history.txt")
    agreement = outcome.agreement
    records = list(agreement.history.order_by("history_date"))
    assert records[0].history_type == "+"
    topics = set(agreement.topics.values_list("pk", flat=True))
    assert topics and set(records[0].topics.values_list("topic_id", flat=True)) == topics
    assert [r.history_type for r in records].count("+") == 1
