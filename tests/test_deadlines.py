"""The deadlines page, its calendar and feed, and the status-change entries of the Atom feeds.

The seed corpus records no entry into force, so the agreements here are made in the test with
dates relative to today: ``NEXT`` is the first day of next month (1 to 31 days ahead)."""

import datetime as dt
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from archive.models import Agreement, Party, Predicate, Relation, Topic

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()
NEXT = (TODAY.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def years(day: dt.date, n: int) -> dt.date:
    return day.replace(year=day.year + n)  # day 1: no 29 February


def months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return day.replace(year=index // 12, month=index % 12 + 1)


def make(slug, pair, published=True, **fields) -> Agreement:
    agreement = Agreement.objects.create(
        slug=slug,
        title=fields.pop("title", slug.replace("-", " ").title()),
        published_at=timezone.now() if published else None,
        **fields,
    )
    for order, code in enumerate(pair.split("-")):
        Party.objects.create(agreement=agreement, country_id=code, order=order)
    agreement.refresh_pair()
    return agreement


@pytest.fixture
def dated(seed):
    """Renewed every year on NEXT (3 months' notice), a fixed term ending NEXT, one in force
    for 10 days, one entering into force in 30 days, one superseded 5 days ago, a draft."""
    yearly = make(
        "kz-uz-yearly", "KZ-UZ", entry_into_force_date=years(NEXT, -10), term_years=1, renewal_years=1, notice_months=3
    )
    yearly.topics.add(Topic.objects.get(slug="defence"))
    fixed = make("am-kz-fixed", "AM-KZ", entry_into_force_date=years(NEXT, -5), term_years=5, term_indefinite=False)
    recent = make("kz-uz-recent", "KZ-UZ", entry_into_force_date=TODAY - dt.timedelta(days=10), term_indefinite=True)
    coming = make("kz-uz-coming", "KZ-UZ", signed_date=TODAY, entry_into_force_date=TODAY + dt.timedelta(days=30))
    old = make("kz-uz-old", "KZ-UZ", entry_into_force_date=years(NEXT, -20), term_indefinite=True)
    new = make("kz-uz-new", "KZ-UZ", title="Successor", entry_into_force_date=TODAY - dt.timedelta(days=5))
    Relation.objects.create(subject=new, object=old, predicate=Predicate.SUPERSEDES)
    draft = make(
        "kz-uz-draft",
        "KZ-UZ",
        published=False,
        entry_into_force_date=years(NEXT, -3),
        term_years=1,
        renewal_years=1,
        notice_months=1,
    )
    return {
        "yearly": yearly,
        "fixed": fixed,
        "recent": recent,
        "coming": coming,
        "old": old,
        "new": new,
        "draft": draft,
    }


def test_the_page_lists_upcoming_dates_soonest_first(client, dated, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get("/deadlines/")
    html = response.content.decode()
    assert response.status_code == 200
    rows = html.split('<li class="deadline ')[1:]
    found = [(row.split('"', 1)[0], row.split('datetime="', 1)[1][:10]) for row in rows]
    expected = [
        ("deadline-period_end", NEXT.isoformat()),  # yearly
        ("deadline-term_end", NEXT.isoformat()),  # fixed
        ("deadline-entry_into_force", (TODAY + dt.timedelta(days=30)).isoformat()),  # coming
        ("deadline-notice_deadline", months(NEXT, 9).isoformat()),  # the next period's deadline
    ]
    assert sorted(found) == sorted(expected)
    assert [d for _k, d in found] == sorted(d for _k, d in found)
    assert dated["draft"].get_absolute_url() not in html  # unpublished: never listed
    assert dated["yearly"].get_absolute_url() in html and "/countries/KZ-UZ/" in html
    assert f"in {(NEXT - TODAY).days} day" in html
    assert "in 30 days" in html
    assert "Last day to give notice" in html


def test_filters_and_horizon(client, dated):
    def dates(url):
        html = client.get(url).content.decode()
        return [row.split('"', 1)[0] for row in html.split('<li class="deadline ')[1:]], html

    kinds, _ = dates("/deadlines/?pair=AM-KZ")
    assert kinds == ["deadline-term_end"]
    kinds, _ = dates("/deadlines/?party=UZ")
    assert sorted(kinds) == ["deadline-entry_into_force", "deadline-notice_deadline", "deadline-period_end"]
    kinds, _ = dates("/deadlines/?topic=defence")
    assert sorted(kinds) == ["deadline-notice_deadline", "deadline-period_end"]
    kinds, _ = dates("/deadlines/?topic=defence&months=2")  # NEXT is at most 31 days ahead
    assert kinds == ["deadline-period_end"]
    kinds, html = dates("/deadlines/?pair=nonsense")
    assert kinds == [] and "No country is called “Nonsense”." in html
    kinds, html = dates("/deadlines/?party=Uzbekistan")  # the picker: a name as typed
    assert sorted(kinds) == ["deadline-entry_into_force", "deadline-notice_deadline", "deadline-period_end"]
    assert 'name="party" value="Uzbekistan"' in html and 'class="chip"' in html
    kinds, _ = dates("/deadlines/?months=junk")  # the default horizon
    assert len(kinds) == 4


def test_empty_state_on_the_seed_corpus(client, seed):
    html = client.get("/deadlines/?pair=AZ-KZ").content.decode()
    assert "No notice deadline, period end or other date to come is recorded within the next 12 months." in html


def test_the_calendar_validates_and_keeps_its_uids(client, dated):
    response = client.get("/deadlines.ics?party=UZ")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode("utf-8")
    assert "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    parsed = Calendar.from_ical(body)
    assert "Uzbekistan" in parsed.decoded("X-WR-CALNAME")
    events = parsed.walk("VEVENT")
    assert sorted((e.decoded("DTSTART"), str(e["SUMMARY"]).split(":")[0]) for e in events) == sorted(
        [
            (NEXT, "Period ends"),
            (TODAY + dt.timedelta(days=30), "Enters into force"),
            (months(NEXT, 9), "Last day to give notice"),
        ]
    )
    for event in events:
        assert isinstance(event.decoded("DTSTART"), dt.date) and not isinstance(event.decoded("DTSTART"), dt.datetime)
        assert event.decoded("DTEND") == event.decoded("DTSTART") + dt.timedelta(days=1)
        assert event.get("DTSTAMP") is not None and str(event["URL"]).startswith("http")
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 3
    again = Calendar.from_ical(client.get("/deadlines.ics?party=UZ").content)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids
    assert client.head("/deadlines.ics").status_code == 200


def test_hostile_titles_reach_the_calendar_as_text(client, dated):
    Agreement.objects.filter(pk=dated["yearly"].pk).update(title_en="A, B; C\\D\nE <script>alert(1)</script>")
    parsed = Calendar.from_ical(client.get("/deadlines.ics?topic=defence").content)
    summaries = {str(e["SUMMARY"]) for e in parsed.walk("VEVENT")}
    assert "Last day to give notice: A, B; C\\D\nE <script>alert(1)</script>" in summaries


def test_the_deadlines_feed_parses(client, dated):
    feed = feedparser.parse(client.get("/deadlines/feed/?pair=KZ-UZ").content)
    assert not feed.bozo
    assert len(feed.entries) == 3
    assert feed.entries[-1].title.startswith("Last day to give notice")  # soonest first: the deadline is 9 months out
    assert len({e.id for e in feed.entries}) == 3
    assert "pair=KZ-UZ" in feed.feed.links[0].href or any("pair=KZ-UZ" in link.href for link in feed.feed.links)


def _entries(client, url):
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, url
    return {e.title: e for e in feed.entries}


def test_atom_feeds_carry_status_changes(client, dated):
    entries = _entries(client, "/feeds/new/")
    recent = entries["Entered into force: Kz Uz Recent"]
    assert recent.updated_parsed[:3] == (TODAY - dt.timedelta(days=10)).timetuple()[:3]
    window = entries["Notice window opened: Kz Uz Yearly"]
    assert window.updated_parsed[:3] == years(NEXT, -1).timetuple()[:3]
    assert f"must be given by {months(NEXT, -3).day}" in window.summary
    superseded = entries["Superseded by Successor: Kz Uz Old"]
    assert superseded.updated_parsed[:3] == (TODAY - dt.timedelta(days=5)).timetuple()[:3]
    assert "Kz Uz Yearly" in entries  # the agreement added is still an entry of its own
    # a day to come is not a change: the agreement entering into force in 30 days has none
    assert not any(title.startswith("Entered into force: Kz Uz Coming") for title in entries)
    assert not any("Draft" in title for title in entries)
    ids = [e.id for e in entries.values()]
    assert len(ids) == len(set(ids))
    assert ids == [e.id for e in _entries(client, "/feeds/new/").values()]  # stable

    country = _entries(client, "/countries/UZ/feed/")
    assert "Entered into force: Kz Uz Recent" in country and "Expired: Am Kz Fixed" not in country
    pair = _entries(client, "/feeds/search/?pair=KZ-UZ")
    assert "Superseded by Successor: Kz Uz Old" in pair
    assert not any(title.startswith("Entered") for title in _entries(client, "/feeds/search/?pair=AM-KZ"))


def test_every_deadline_url_answers_head_and_is_linked(client, dated):
    for url in ("/deadlines/", "/deadlines.ics", "/deadlines/feed/", "/deadlines/?party=KZ&months=6"):
        assert client.head(url).status_code == 200, url
        assert client.post(url).status_code == 405 or url.endswith("/feed/"), url
    assert 'href="/deadlines/?party=KZ"' in client.get("/countries/KZ/").content.decode()
    assert 'href="/deadlines.ics?pair=AZ-KZ"' in client.get("/countries/AZ-KZ/").content.decode()
    assert 'href="/deadlines/feed/?topic=defence"' in client.get("/topics/defence/").content.decode()
    assert 'href="/deadlines/"' in client.get("/").content.decode()  # the site navigation
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    assert any(
        loc.text.endswith("/deadlines/") for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    )


def test_the_database_narrowing_drops_no_event(dated):
    """dated_facts with a window only narrows: the events are those of every agreement."""
    from archive.reading import deadlines as dl
    from archive.views.adapters import dated_facts

    # a fixed term ending inside the window, from 29 February (clamped), and one long over
    make("kz-uz-leap", "KZ-UZ", entry_into_force_date=dt.date(2024, 2, 29), term_years=3, term_indefinite=False)
    make("kz-uz-over", "KZ-UZ", entry_into_force_date=dt.date(1990, 1, 1), term_years=5, term_indefinite=False)
    everything = Agreement.objects.all()
    for today in (TODAY, dt.date(2027, 2, 27), dt.date(2030, 6, 1)):
        for months in (1, 12, 60):
            until = dl.horizon(today, months)
            narrowed = dated_facts(everything, today, until)
            assert dl.upcoming_events(narrowed, today, months) == dl.upcoming_events(
                dated_facts(everything), today, months
            )
            assert len(narrowed) < len(dated_facts(everything))
        since = today - dt.timedelta(days=365)
        assert dl.recent_changes(dated_facts(everything, since, today), today, since) == dl.recent_changes(
            dated_facts(everything), today, since
        )


def test_cached_events_follow_publication_and_edits(client, dated):
    from archive.publication import publish, unpublish

    def listed():
        return client.get("/deadlines/?party=UZ").content.decode()

    draft = dated["draft"]
    assert draft.slug not in listed()
    publish(draft)
    draft.refresh_from_db()
    assert draft.get_absolute_url() in listed()  # published: listed at once, not after the cache expires
    unpublish(draft)
    assert draft.get_absolute_url() not in listed()
    yearly = dated["yearly"]
    yearly.notice_months = None  # an editor's change: no notice deadline any more
    yearly.save()
    assert "deadline-notice_deadline" not in listed()
    Relation.objects.create(subject=dated["recent"], object=yearly, predicate=Predicate.SUPERSEDES)
    assert "Superseded by Kz Uz Recent: Kz Uz Yearly" in _entries(client, "/feeds/new/")


def test_a_search_matching_nothing_gives_an_empty_feed(client, seed):
    # an empty compiled query makes the filter's queryset .none(): no SQL to key a cache on
    response = client.get("/feeds/search/", {"q": "ы" * 300})
    assert response.status_code == 200
    assert feedparser.parse(response.content).entries == []
