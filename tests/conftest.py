"""Shared fixtures: the real seed corpus, loaded through ingestion into a template database once,
then cloned for each test session (each xdist worker)."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
# What the seeded database is made of: the schema (migrations), the code that ingests (all of
# archive/, to be safe), the corpus and reference data, the dependencies, and this recipe.
SEED_INPUTS = ("archive", "fixtures", "pyproject.toml", "tests/conftest.py")
SEED_LOCK = 7_240_431  # pg_advisory_lock key: one session builds the template, the others wait


def seed_key() -> str:
    """A digest of every file the seeded template database depends on."""
    digest = hashlib.sha256()
    for name in SEED_INPUTS:
        top = ROOT / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def _switch(connection, name: str) -> None:
    from django.conf import settings

    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _ensure_seed_template(connection, base_name: str, rebuild: bool) -> tuple[str, Path]:
    """A migrated, seed-loaded template database for the current inputs and the folder of the
    originals its sources name (MEDIA_ROOT at the time), built now (migrate + load_corpus,
    ~10 s) unless an earlier run left them. Stale templates are dropped."""
    from django.conf import settings
    from django.test import override_settings

    quote = connection.ops.quote_name
    prefix = f"test_{base_name}_seed_"
    template = prefix + seed_key()
    building = template + "_build"
    media_dirs = Path(settings.VAR_DIR) / "test-seed"
    media, media_building = media_dirs / template, media_dirs / building
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [SEED_LOCK])  # released when this connection closes
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix.replace("_", r"\_") + "%"])
        existing = {row[0] for row in cursor.fetchall()}
        if template in existing and media.is_dir() and not rebuild:
            return template, media
        for stale in existing | {template}:  # earlier inputs' templates, a crashed build
            try:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(stale)}")
            except Exception:  # another session of older code is cloning it: it stays
                continue
            shutil.rmtree(media_dirs / stale, ignore_errors=True)
        cursor.execute(f"CREATE DATABASE {quote(building)}")
        _switch(connection, building)
        with override_settings(MEDIA_ROOT=str(media_building)):
            call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
            call_command("load_corpus", verbosity=0)
        _switch(connection, base_name)
        # the parser workers hold no connection, but make sure nothing does before the rename
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [building],
        )
        cursor.execute(f"ALTER DATABASE {quote(building)} RENAME TO {quote(template)}")
        # nobody may connect to it: a connection would make CREATE DATABASE ... TEMPLATE fail
        cursor.execute(f"ALTER DATABASE {quote(template)} WITH ALLOW_CONNECTIONS false")
        media_building.mkdir(parents=True, exist_ok=True)
        media_building.rename(media)
    return template, media


@pytest.fixture(scope="session")
def django_db_setup(
    request, _media_root, django_test_environment, django_db_blocker, django_db_modify_db_settings
) -> Iterator[None]:
    """This session's test database (``test_archive``, ``test_archive_gw0`` under xdist): a copy
    (CREATE DATABASE ... TEMPLATE, a fraction of a second) of a template database that was
    migrated and given the seed corpus through the real ingestion once for the current code,
    fixtures and migrations (see seed_key), instead of migrating and ingesting in every worker;
    the seed originals are copied into this session's MEDIA_ROOT. ``--create-db`` builds the
    template again."""
    from django.conf import settings
    from django.db import connections

    connection = connections["default"]
    base_name = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        template, media = _ensure_seed_template(connection, base_name, rebuild=request.config.getvalue("create_db"))
        test_name = connection.creation._get_test_db_name()
        quote = connection.ops.quote_name
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
            cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        _switch(connection, test_name)
        shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    yield
    with django_db_blocker.unblock():
        connection.creation.destroy_test_db(base_name, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _media_root(request, tmp_path_factory):
    # Uploaded originals go to a throw-away folder, never to var/media. The parser and
    # search tests also run without Django (-p no:django): then there is nothing to set.
    if not request.config.pluginmanager.hasplugin("django"):
        return
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher(request):
    # Users are made in many tests (create_user, create_superuser): with the production
    # hasher (PBKDF2, a million rounds) each costs ~0.3 s of CPU. The tests check who may log
    # in and do what, not the hash's strength: a fast hasher, as Django's documentation advises.
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def _static_files_listed_once(request):
    # WhiteNoise lists and stats every static file (the admin's, the API docs', ours: ~180)
    # when its middleware is made, which in production is once per process; the test client
    # makes the middleware again for every Client, ~370 times a run (a tenth of the suite's
    # CPU). Here the listing is made once per process for the same settings and reused.
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.conf import settings
    from whitenoise.middleware import WhiteNoiseMiddleware

    listed: dict[tuple, dict] = {}
    list_files = WhiteNoiseMiddleware.add_files_from_finders

    def add_files_from_finders(self) -> None:
        key = (
            self.static_prefix,
            self.max_age,
            self.allow_all_origins,
            self.charset,
            self.add_headers_function,
            self.index_file,
            repr(settings.STATICFILES_DIRS),
            tuple(settings.INSTALLED_APPS),
            tuple(getattr(settings, "STATICFILES_FINDERS", ())),
        )
        if key not in listed:
            before = dict(self.files)
            list_files(self)
            listed[key] = {url: found for url, found in self.files.items() if before.get(url) is not found}
        else:
            self.files.update(listed[key])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WhiteNoiseMiddleware, "add_files_from_finders", add_files_from_finders)
        yield


@pytest.fixture(autouse=True)
def _restore_language(request):
    # A request activates its language (LocaleMiddleware) in this thread and nothing turns it
    # off afterwards: without this, a test after one that asked for Russian pages would get
    # Russian messages (an order dependency that pytest-randomly finds).
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.utils import translation

    before = translation.get_language()
    yield
    if before:
        translation.activate(before)
    else:
        translation.deactivate()


@pytest.fixture(autouse=True)
def _thesaurus_read_again(request):
    # The thesaurus trusts the Topic rows' version it read for 5 s (thesaurus.VERSION_TTL). A
    # test that edits a topic has it read the edited rows; its transaction is rolled back, but
    # for those 5 s the next test would search with the edited thesaurus (a topic deleted
    # there is missing here). After each test the version is asked again.
    yield
    if request.config.pluginmanager.hasplugin("django"):
        from archive.search import thesaurus

        thesaurus.refresh()


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
