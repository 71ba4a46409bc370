"""Reference data always there: a database that was only migrated has every country and topic,
and `ingest` right after keeps every party. A database whose reference data is missing (one
migrated before migration 0007, or emptied) gets it back from `ingest` itself.

Each test runs `manage.py` in a child process against a scratch database on the suite's
server (created and dropped here), as an operator would on a fresh install."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from archive.language.countries import all_country_codes
from archive.ops.pg import Target

pytestmark = pytest.mark.slow  # not in make test-fast (processes, restarts, budgets, crawls)

ROOT = Path(settings.BASE_DIR)
SEED = ROOT / "fixtures" / "corpus" / "001_814850e4c9e980b5.txt"  # the Kazakh–Azerbaijani intelligence agreement
TOPICS = len(json.loads((ROOT / "fixtures" / "topics.json").read_text(encoding="utf-8")))


class Scratch:
    def __init__(self, target: Target, media: Path):
        self.target = target
        self.env = {**os.environ, "DATABASE_URL": target.url(), "MEDIA_ROOT": str(media)}

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=180
        )
        assert done.returncode == 0, done.stderr
        return done

    def query(self, sql: str, params=()) -> list[tuple]:
        with self.target.connect(autocommit=True) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def parties(self) -> set[str]:
        rows = self.query(
            "SELECT p.country_id FROM archive_party p JOIN archive_agreement a ON a.id = p.agreement_id "
            "JOIN archive_text t ON t.agreement_id = a.id"
        )
        return {code for (code,) in rows}


@pytest.fixture
def scratch(tmp_path):
    target = Target.from_django(dbname=f"test_archive_reference_{os.getpid()}")
    target.drop()
    target.create()
    try:
        yield Scratch(target, tmp_path / "media")
    finally:
        target.drop()


def test_migrate_then_ingest_keeps_every_party(scratch):
    scratch.manage("migrate", "--noinput")
    assert scratch.query("SELECT count(*) FROM archive_country") == [(len(all_country_codes()),)]
    assert scratch.query("SELECT count(*) FROM archive_topic") == [(TOPICS,)]
    assert scratch.query("SELECT names->>'ru' FROM archive_country WHERE code = 'KZ'") == [("Казахстан",)]
    done = scratch.manage("load_reference")  # idempotent: the migration loaded the same
    assert f"countries added or updated: 0; topics: {TOPICS}" in done.stdout

    done = scratch.manage("ingest", "--quiet-progress", str(SEED))
    assert "created: 1" in done.stdout, done.stdout
    assert scratch.parties() == {"AZ", "KZ"}
    # the agreement and the stub of the agreement it names: both between the two countries
    assert {pair for (pair,) in scratch.query("SELECT pair FROM archive_agreement")} == {"AZ-KZ"}
    # the topics the parser found were filed too
    assert scratch.query("SELECT count(*) FROM archive_agreement_topics")[0][0] >= 1


def test_ingest_restores_missing_reference_data(scratch):
    scratch.manage("migrate", "--noinput")
    scratch.query("DELETE FROM archive_country")  # as if migrated before 0007 (nothing refers to them yet)
    scratch.query("DELETE FROM archive_topic")
    scratch.manage("ingest", "--quiet-progress", str(SEED))
    assert scratch.query("SELECT count(*) FROM archive_country") == [(len(all_country_codes()),)]
    assert scratch.query("SELECT count(*) FROM archive_topic") == [(TOPICS,)]
    assert scratch.parties() == {"AZ", "KZ"}


def test_concepts_added_to_the_thesaurus_reach_a_migrated_database(scratch):
    """A database migrated when the thesaurus had 96 concepts: the next `ingest` adds the
    concepts the file gained, with their parents, before it files anything under them, and
    leaves the others as editors made them; `load_reference` refreshes everything from the
    file. No new migration needed."""
    scratch.manage("migrate", "--noinput")
    added = ("customs-valuation", "border-delimitation", "dispute-settlement", "cis")  # leaves of the tree
    scratch.query("DELETE FROM archive_topic WHERE slug = ANY(%s)", (list(added),))
    assert scratch.query("SELECT count(*) FROM archive_topic") == [(TOPICS - len(added),)]
    # an editor's change to a concept already there (made in the admin) survives the addition
    scratch.query("UPDATE archive_topic SET labels = labels || '{\"en\": \"customs affairs\"}' WHERE slug = 'customs'")
    scratch.manage("ingest", "--quiet-progress", str(SEED))
    assert scratch.query("SELECT count(*) FROM archive_topic") == [(TOPICS,)]
    parents = scratch.query(
        "SELECT t.slug, p.slug FROM archive_topic t JOIN archive_topic p ON p.id = t.parent_id WHERE t.slug = ANY(%s)",
        (list(added),),
    )
    assert sorted(parents) == [
        ("border-delimitation", "security"),
        ("cis", "international-organisations"),
        ("customs-valuation", "economy"),
        ("dispute-settlement", "treaty-provisions"),
    ]
    assert scratch.query("SELECT labels->>'kk' FROM archive_topic WHERE slug = 'border-delimitation'") == [
        ("мемлекеттік шекараны делимитациялау",)
    ]
    assert scratch.query("SELECT labels->>'en' FROM archive_topic WHERE slug = 'customs'") == [("customs affairs",)]
    scratch.query("DELETE FROM archive_topic WHERE slug = 'baikonur'")
    done = scratch.manage("load_reference")
    assert f"topics: {TOPICS}" in done.stdout
    assert scratch.query("SELECT count(*) FROM archive_topic WHERE slug = 'baikonur'") == [(1,)]
