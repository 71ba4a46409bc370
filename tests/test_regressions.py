"""Bugs a mutation sample showed the suite let through (issue 14), one test each.

Each was checked by making the bug by hand: the test fails with it and passes without.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from babel.dates import format_date
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from archive.ingest.dates import parse_date
from archive.ingest.link import find_agreement
from archive.language.profiles import profiles
from archive.models import Agreement, Article, Party, Relation, SourceDocument, Text, Topic
from archive.reading.status import StatusFacts, derive_status
from archive.search.index import reindex_agreements
from archive.search.kazakh import stem as kazakh_stem
from archive.uploads import stage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


# --- the web layer's edges ----------------------------------------------------------------------
def test_a_staff_user_outside_the_editors_cannot_preview_or_confirm_an_upload(django_user_model):
    batch = stage([SimpleUploadedFile("kz-tr.txt", b"Agreement between Kazakhstan and Turkey. Article 1. Text.")])
    staff = Client()
    staff.force_login(django_user_model.objects.create_user("sam", password="pw-sam-12345", is_staff=True))
    url = f"/admin/archive/sourcedocument/upload/{batch}/"
    assert staff.get(url).status_code == 403
    assert staff.post(url, {"action": "confirm"}).status_code == 403
    assert not SourceDocument.objects.filter(filename="kz-tr.txt").exists()


@pytest.fixture
def scripted(db) -> Agreement:
    """A published agreement whose article holds markup, indexed for search."""
    agreement = Agreement.objects.create(
        slug="kz-uz-2002-02-02-markup", title="Agreement on markup", published_at=timezone.now()
    )
    Party.objects.create(agreement=agreement, country_id="KZ", order=0)
    Party.objects.create(agreement=agreement, country_id="UZ", order=1)
    text = Text.objects.create(
        agreement=agreement, language="en", title="Agreement on markup", published_at=timezone.now()
    )
    Article.objects.create(
        text=text, position=1, number="1", body="<script>alert(1)</script> The Parties cooperate in zymurgy."
    )
    reindex_agreements([agreement.pk])
    return agreement


@pytest.mark.parametrize("url", ["/search/?q=zymurgy", "/agreements/?q=zymurgy"])
def test_search_snippets_with_hits_escape_the_text(client, scripted, url):
    page = client.get(url).content.decode()
    assert "<mark>zymurgy</mark>" in page
    assert "<script>alert(1)" not in page
    assert "&lt;/script&gt; The Parties cooperate in <mark>zymurgy</mark>" in page


def test_in_document_highlighting_escapes_the_text(client, scripted):
    page = client.get(scripted.get_absolute_url(), {"q": "zymurgy"}).content.decode()
    assert '<mark class="hit">zymurgy</mark>' in page
    assert "<script>alert(1)</script>" not in page


def test_the_api_detail_gives_the_term_and_relations_in_both_directions(client, seed):
    treaty, old = seed["treaty_2005"], seed["treaty_1996"]
    Agreement.objects.filter(pk=treaty.pk).update(term_years=10, renewal_years=5, notice_months=6)
    detail = client.get(f"/api/agreements/{treaty.slug}/").json()
    assert (detail["term_years"], detail["renewal_years"], detail["notice_months"]) == (10, 5, 6)
    relation = Relation.objects.get(subject=treaty, object=old)
    [out] = [r for r in detail["relations"] if r["agreement"] == old.slug]
    assert (out["direction"], out["predicate"]) == ("out", relation.predicate)
    back = client.get(f"/api/agreements/{old.slug}/").json()
    [inward] = [r for r in back["relations"] if r["agreement"] == treaty.slug]
    assert (inward["direction"], inward["predicate"]) == ("in", relation.predicate)


def test_healthz_reports_a_pending_migration(client):
    assert client.get("/healthz").status_code == 200
    with connection.cursor() as cursor:  # as if the latest migration had not been applied
        cursor.execute(
            "DELETE FROM django_migrations WHERE id = (SELECT max(id) FROM django_migrations WHERE app = 'archive')"
        )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "1 pending"


def test_the_new_agreements_feed_is_newest_first(client, seed):
    earlier, later = seed["treaty_1996"], seed["intelligence_2024"]
    now = timezone.now()
    Agreement.objects.filter(pk=earlier.pk).update(published_at=now)
    Agreement.objects.filter(pk=later.pk).update(published_at=now - dt.timedelta(days=30))
    root = ET.fromstring(client.get("/feeds/new/").content)
    links = [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")]
    slugs = [link.rstrip("/").rsplit("/", 1)[-1] for link in links]
    assert slugs.index(earlier.slug) < slugs.index(later.slug)
    dates = [e.find(f"{ATOM}published").text for e in root.iter(f"{ATOM}entry")]
    assert dates == sorted(dates, reverse=True)


def test_a_broader_topic_page_lists_what_is_filed_under_its_narrower_topics(client, seed):
    agreement = seed["intelligence_2024"]
    narrower = agreement.topics.filter(parent__isnull=False).select_related("parent").first()
    assert narrower is not None, "the seed agreement is filed under a narrower topic"
    agreement.topics.remove(narrower.parent)  # filed under the narrower topic only
    page = client.get(f"/topics/{narrower.parent.slug}/").content.decode()
    assert agreement.get_absolute_url() in page
    unrelated = Topic.objects.exclude(pk__in=[narrower.pk, narrower.parent.pk]).exclude(parent=narrower.parent).first()
    assert agreement.get_absolute_url() not in client.get(f"/topics/{unrelated.slug}/").content.decode()


# --- the linker ---------------------------------------------------------------------------------
def test_the_linker_does_not_take_any_same_day_agreement_of_the_pair(seed):
    known = seed["intelligence_2024"]
    same = find_agreement(
        parties=["AZ", "KZ"],
        signed_date=known.signed_date,
        kind="agreement",
        title=known.title,
        topics=[],
        language="kk",
    )
    assert same.agreement == known
    other_subject = find_agreement(
        parties=["AZ", "KZ"],
        signed_date=known.signed_date,
        kind="agreement",
        title="Agreement between Azerbaijan and Kazakhstan on fisheries in the Caspian Sea",
        topics=["fisheries"],
        language="en",
    )
    assert other_subject.agreement != known
    other_pair = find_agreement(
        parties=["AM", "KZ"], signed_date=known.signed_date, kind="agreement", title=None, topics=[], language="kk"
    )
    assert other_pair.agreement != known


def test_the_linker_does_not_match_undated_facts_to_a_dated_agreement(seed):
    known = seed["communications_2004"]
    assert known.signed_date is not None
    # the very title of a dated agreement, but no date: not that agreement (another year's twin may exist)
    undated = find_agreement(parties=["AZ", "KZ"], signed_date=None, kind=known.kind, title=known.title, topics=[])
    assert undated.agreement is None or undated.agreement.signed_date is None


# --- tables of knowledge ------------------------------------------------------------------------
@pytest.mark.parametrize("language", sorted(profiles()))
def test_every_month_of_every_language_the_parser_claims(language):
    for month in range(1, 13):
        day = dt.date(2024, month, 7)
        written = format_date(day, "d MMMM y", locale=language)  # CLDR's own spelling
        assert parse_date(written) == day, written


def test_every_kazakh_month_in_the_kazakh_order():
    for month in range(1, 13):
        day = dt.date(2024, month, 7)
        written = format_date(day, "y 'жылғы' d MMMM", locale="kk")  # "2024 жылғы 7 шілде"
        assert parse_date(written) == day, written


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("Қазақстаннан", "қазақстан"),  # ablative -нан after н
        ("елден", "ел"),  # -ден after a sonorant, front vowels
        ("қаладан", "қала"),  # -дан after a vowel
        ("мектептен", "мектеп"),  # -тен after a voiceless consonant
        ("Парламенттен", "парламент"),
    ],
)
def test_the_kazakh_ablative_is_stripped(word, stem):
    assert kazakh_stem(word) == stem


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_the_termination_day_itself_counts_as_terminated(offset):
    ended = dt.date(2020, 5, 1)
    facts = StatusFacts(
        signed_date=dt.date(2010, 1, 1), entry_into_force_date=dt.date(2010, 2, 1), termination_date=ended
    )
    status = derive_status(facts, ended + dt.timedelta(days=offset))
    assert status.code == ("in_force" if offset < 0 else "terminated")


def test_a_later_out_of_sequence_heading_does_not_end_the_article_list():
    from archive.ingest.pipeline import parse_text

    def article(n: int) -> list[str]:
        return [f"Article {n}", f"The Parties shall cooperate in matter number {n} of tourism policy.", ""]

    lines = ["Agreement between the Government of Kazakhstan and the Government of Turkey on tourism", ""]
    lines += article(1) + article(2) + article(3)
    lines += ["Article 9", "A misplaced line that refers to another article.", ""]  # a stray heading
    lines += article(4) + article(5) + article(6) + ["Done at Ankara on 12 October 2019 in two originals."]
    articles = parse_text("\n".join(lines)).agreement.articles
    assert [a.number for a in articles] == ["1", "2", "3", "4", "5", "6"]
    assert "misplaced line" in articles[2].text


def test_the_search_feed_self_link_keeps_the_query(client, seed):
    root = ET.fromstring(client.get("/feeds/search/", {"q": "барлау", "pair": "AZ-KZ"}).content)
    [self_link] = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link.get("href").endswith("/feeds/search/?q=%D0%B1%D0%B0%D1%80%D0%BB%D0%B0%D1%83&pair=AZ-KZ")
