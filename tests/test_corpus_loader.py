"""The seed corpus, loaded by `load_corpus` through the real parser, holds every fact of its README."""

import datetime as dt

import pytest
from django.core.management import call_command

from archive.models import Act, Agreement, Article, Relation, SourceDocument, Text

pytestmark = pytest.mark.django_db


def headings(agreement):
    text = agreement.texts.get(language="kk")
    return [(a.number, a.heading) for a in text.articles.order_by("position")]


def test_four_sources_are_kept_byte_for_byte(settings):
    from pathlib import Path

    sources = SourceDocument.objects.order_by("filename")
    assert [s.filename for s in sources] == [
        "000_8eaca48331cec965.txt",
        "001_814850e4c9e980b5.txt",
        "002_700c28a48b73b99d.txt",
        "003_966cfad3000587e1.txt",
    ]
    for source in sources:
        original = (Path(settings.BASE_DIR) / "fixtures" / "corpus" / source.filename).read_bytes()
        with source.file.open("rb") as handle:
            assert handle.read() == original
        assert source.sha256 == SourceDocument.digest(original)


def test_2024_military_intelligence_agreement(seed):
    a = seed["intelligence_2024"]
    assert a.kind == "agreement" and a.level == "government"
    assert a.signed_place == "Баку"
    assert [p.country_id for p in a.parties.order_by("order")] == ["KZ", "AZ"]
    assert (a.term_years, a.renewal_years, a.notice_months, a.term_indefinite) == (5, 5, 6, False)
    assert sorted(a.authentic_languages) == ["az", "kk", "ru"] and a.prevailing_language == "ru"
    rows = headings(a)
    assert len(rows) == 11
    assert rows[0] == ("1", "Мақсаты")
    assert rows[1] == ("2", "Уәкілетті органдар")
    assert rows[2] == ("3", "Ынтымақтастық нысандары")
    assert rows[10][0] == "11" and rows[10][1].startswith("Күшіне енуі")
    assert "міндеттемелері" in rows[6][1]  # a heading wrapped onto two lines
    act = a.acts.get()
    assert (act.type, act.action, act.number, act.date, act.country_id) == (
        "government_decree",
        "approve",
        "752",
        dt.date(2024, 9, 16),
        "KZ",
    )
    assert "military-intelligence" in {t.slug for t in a.topics.all()}


def test_2024_agreement_is_based_on_the_military_not_the_communications_agreement(seed):
    rel = Relation.objects.get(subject=seed["intelligence_2024"], predicate="based_on")
    assert rel.object == seed["military_2004"]
    assert rel.object != seed["communications_2004"]
    assert not rel.object.texts.exists()  # a stub, known from the reference only
    assert rel.object.signed_place == "Астана"


def test_2005_treaty_is_ratified_and_supersedes_1996(seed):
    t = seed["treaty_2005"]
    assert t.kind == "treaty" and t.level == "state" and t.signed_place == "Баку"
    rows = headings(t)
    assert len(rows) == 26 and all(not heading for _, heading in rows)
    assert t.term_indefinite is True and t.notice_months == 6
    act = t.acts.get()
    assert (act.type, act.action, act.country_id) == ("law", "ratify", "KZ")
    assert act.number == "" and act.date is None  # cut off in the published text
    rel = Relation.objects.get(subject=t, predicate="supersedes")
    assert rel.object == seed["treaty_1996"]
    assert seed["treaty_1996"].status == "superseded"


def test_2004_communications_agreement(seed):
    a = seed["communications_2004"]
    assert a.level == "government" and a.signed_place == "Астана"
    assert len(headings(a)) == 13
    assert (a.term_years, a.renewal_years, a.notice_months) == (5, 5, 6)
    act = a.acts.get()
    assert (act.number, act.date, act.action) == ("527", dt.date(2004, 5, 12), "approve")
    names = " ".join(a.authorities.values_list("name", flat=True))
    assert "Ұлттық қауіпсіздік комитеті" in names


def test_two_kz_az_agreements_of_1_march_2004_stay_distinct(seed):
    same_day = Agreement.objects.filter(pair="AZ-KZ", signed_date="2004-03-01")
    assert same_day.count() == 2
    assert len({a.slug for a in same_day}) == 2


def test_armenian_note_is_attached_to_the_am_kz_agreement(seed):
    a = seed["am_kz_intelligence"]
    assert a.sources.get().kind == "note"
    assert not a.texts.exists()
    assert "military-intelligence" in {t.slug for t in a.topics.all()}
    rel = Relation.objects.get(subject=a, predicate="references")
    assert rel.object == seed["am_kz_treaty_1999"]


def test_loading_twice_changes_nothing():
    counts = lambda: [m.objects.count() for m in (Agreement, Text, Article, Act, Relation, SourceDocument)]  # noqa: E731
    before = counts()
    call_command("load_corpus", verbosity=0)
    assert counts() == before


def test_stored_status_agrees_with_the_derived_one(seed):
    for agreement in seed.values():
        assert agreement.status == agreement.derive_status().code, agreement.slug
