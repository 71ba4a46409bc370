"""Shared fixtures: the real seed corpus, loaded once per test session through ingestion."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def _media_root(request, tmp_path_factory):
    # Uploaded originals go to a throw-away folder, never to var/media. The parser and
    # search tests also run without Django (-p no:django): then there is nothing to set.
    if not request.config.pluginmanager.hasplugin("django"):
        return
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_corpus", verbosity=0)


@pytest.fixture
def seed(db):
    """The seed corpus as stored: a dict of the agreements the tests talk about."""
    from archive.models import Agreement

    if not Agreement.objects.filter(published_at__isnull=False).exists():
        pytest.fail(
            "the seed corpus is gone: a live-server (transactional) test flushed the database before this "
            "test ran. Browser tests must run last (pytest_collection_modifyitems below orders them so); "
            "an ordering plugin (pytest-randomly) must keep that order: run it with -m 'not browser'.",
            pytrace=False,
        )

    def one(**filters):
        return Agreement.objects.get(**filters)

    return {
        "intelligence_2024": one(pair="AZ-KZ", signed_date="2024-06-07"),
        "treaty_2005": one(pair="AZ-KZ", signed_date="2005-05-24"),
        "communications_2004": one(pair="AZ-KZ", signed_date="2004-03-01", texts__isnull=False),
        "military_2004": one(pair="AZ-KZ", signed_date="2004-03-01", texts__isnull=True),
        "treaty_1996": one(pair="AZ-KZ", signed_date="1996-09-16"),
        "am_kz_intelligence": one(pair="AM-KZ", sources__kind="note"),
        "am_kz_treaty_1999": one(pair="AM-KZ", signed_date="1999-09-02"),
    }


@pytest.hookimpl(trylast=True)  # after any plugin that reorders (pytest-randomly shuffles first)
def pytest_collection_modifyitems(config, items):
    # Browser tests use the live server, which makes pytest-django flush the database
    # after each of them; run them last so the session's seed corpus serves the rest.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
