"""Named constraints hold in the database, not just in forms."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from archive.models import Agreement, Article, Country, Party, Relation, SourceDocument, Text

pytestmark = pytest.mark.django_db


def make_agreement(slug="xx-test", **fields):
    return Agreement.objects.create(slug=slug, title="Test agreement", **fields)


def violates(fn):
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_country_names_come_from_cldr():
    kz = Country.objects.get(code="KZ")
    assert kz.names["en"] == "Kazakhstan"
    assert kz.names["ru"] == "Казахстан"
    assert kz.names["hy"] == "Ղազախստան"
    assert kz.display_name("kk") == "Қазақстан"
    assert Country.objects.count() > 190


def test_entry_into_force_cannot_precede_signature():
    violates(lambda: make_agreement(signed_date=dt.date(2020, 1, 2), entry_into_force_date=dt.date(2019, 1, 1)))


def test_pair_is_sorted_and_kept_in_step_with_parties():
    a = make_agreement()
    Party.objects.create(agreement=a, country_id="KZ", order=0)
    Party.objects.create(agreement=a, country_id="AM", order=1)
    a.refresh_pair()
    assert Agreement.objects.get(pk=a.pk).pair == "AM-KZ"
    violates(lambda: Agreement.objects.filter(pk=a.pk).update(pair="kz-am"))


def test_a_country_is_a_party_once():
    a = make_agreement()
    Party.objects.create(agreement=a, country_id="KZ")
    violates(lambda: Party.objects.create(agreement=a, country_id="KZ", order=1))


def test_one_text_per_language_and_unique_article_numbers():
    a = make_agreement()
    text = Text.objects.create(agreement=a, language="ru", title="Соглашение")
    violates(lambda: Text.objects.create(agreement=a, language="ru", title="again"))
    Article.objects.create(text=text, position=1, number="1", body="…")
    violates(lambda: Article.objects.create(text=text, position=2, number="1", body="…"))


def test_relations_are_unique_and_never_to_self():
    a, b = make_agreement("a"), make_agreement("b")
    Relation.objects.create(subject=a, object=b, predicate="amends")
    violates(lambda: Relation.objects.create(subject=a, object=b, predicate="amends"))
    violates(lambda: Relation.objects.create(subject=a, object=a, predicate="references"))


def test_source_sha256_is_unique_and_hex():
    digest = SourceDocument.digest(b"x")
    SourceDocument.objects.create(sha256=digest, filename="x.txt", media_type="text/plain", size=1)
    violates(lambda: SourceDocument.objects.create(sha256=digest, filename="y.txt", media_type="text/plain", size=1))
    violates(lambda: SourceDocument.objects.create(sha256="not-hex", filename="z", media_type="text/plain", size=1))


def test_reverse_labels_read_the_relation_backwards(seed):
    rel = Relation.objects.get(predicate="supersedes")
    assert rel.reverse_label == "superseded by"
    assert str(rel.get_predicate_display()) == "supersedes"


def test_term_in_words(seed):
    assert seed["intelligence_2024"].term_display == (
        "5 years; renewed automatically for 5-year periods; 6 months' notice to terminate"
    )
    assert seed["treaty_2005"].term_display.startswith("indefinite")
