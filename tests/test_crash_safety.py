"""A crash in the middle of ingesting a file leaves nothing half-written.

``manage.py ingest`` runs in a child process against a scratch database (created, migrated and
dropped here) whose ``archive.ingest.store._store_text`` is wrapped to SIGKILL the process right
after it has bulk-created a text's articles: inside the file's transaction, the worst moment.
The database must then be exactly what it was before that file (every table's digest equal),
consistent (no text without articles, no article outside the search index, every stored source
tied to its agreement), and a re-run must complete cleanly.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from archive.ops.backup import list_tables, sha256_file, table_stats
from archive.ops.pg import Target

pytestmark = pytest.mark.slow  # not in make test-fast (processes, restarts, budgets, crawls)


ROOT = Path(settings.BASE_DIR)
CORPUS = ROOT / "fixtures" / "corpus"
NOTE, INTELLIGENCE, TREATY, COMMUNICATIONS = sorted(CORPUS.iterdir())  # 000 … 003

# The child: `manage.py ingest` whose N-th _store_text call (CRASH_AT_STORE_TEXT) kills the
# process once the articles are written; or, with CRASH_IN_FILE_WRITE, which dies leaving half
# an original at its content-addressed path (the re-run must notice and write it whole).
CHILD = """
import os, signal, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()
from archive.ingest import store
from archive.models import Article

def die(message):
    print(message, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

if os.environ.get("CRASH_AT_STORE_TEXT"):
    crash_at, calls, original = int(os.environ["CRASH_AT_STORE_TEXT"]), [], store._store_text
    def store_text_then_die(agreement, parsed, language, source, outcome):
        original(agreement, parsed, language, source, outcome)
        calls.append(source.filename)
        if len(calls) == crash_at:
            written = Article.objects.filter(text__agreement=agreement, text__language=language).count()
            die(f"KILLED in {source.filename} with {written} uncommitted articles")
    store._store_text = store_text_then_die

if os.environ.get("CRASH_IN_FILE_WRITE"):
    # the worst a crash (or a disk) can leave: half the bytes at the content-addressed path
    from django.core.files.storage import default_storage

    def save_half_then_die(name, data, sha256=None):
        path = default_storage.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data[: len(data) // 2])
        die(f"KILLED writing {name}")
    store.save_content_addressed = save_half_then_die

from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "ingest", "--quiet-progress", *sys.argv[1:]])
"""


#: What a consistent archive never holds: each query returns the offending rows.
INVARIANTS = {
    "a text without articles": "SELECT t.id FROM archive_text t "
    "WHERE NOT EXISTS (SELECT 1 FROM archive_article a WHERE a.text_id = t.id)",
    "an article outside the search index": "SELECT id FROM archive_article WHERE search_vector IS NULL",
    "an agreement outside the search index": "SELECT slug FROM archive_agreement WHERE search_vector IS NULL",
    "an agreement without parties": "SELECT a.slug FROM archive_agreement a "
    "WHERE NOT EXISTS (SELECT 1 FROM archive_party p WHERE p.agreement_id = a.id)",
    # every stored file is tied to its agreement: texts with articles, or a note or stub by design
    "a source without its agreement": "SELECT filename FROM archive_sourcedocument "
    "WHERE status <> 'failed' AND agreement_id IS NULL",
    "an agreement text stored without its text": "SELECT s.filename FROM archive_sourcedocument s "
    "WHERE s.kind = 'text' AND NOT EXISTS (SELECT 1 FROM archive_text t WHERE t.agreement_id = s.agreement_id)",
}


class Scratch:
    def __init__(self, target: Target, media: Path):
        self.target, self.media = target, media
        self.env = {
            **os.environ,
            "DATABASE_URL": target.url(),
            "MEDIA_ROOT": str(media),
            "DJANGO_SETTINGS_MODULE": "archive.settings",
        }

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120
        )

    def ingest(self, folder: Path, **crash: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", CHILD, str(folder)],
            cwd=ROOT,
            env={**self.env, **crash},
            capture_output=True,
            text=True,
            timeout=120,
        )

    def state(self) -> dict:
        """Row count and content digest of every archive table."""
        with self.target.connect() as conn:
            tables = [t for t in list_tables(conn) if t.startswith("archive_")]
            return table_stats(conn, tables)

    def query(self, sql: str, params=()) -> list[tuple]:
        with self.target.connect(autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()

    def check_consistent(self) -> None:
        for what, query in INVARIANTS.items():
            assert self.query(query) == [], what
        for name, sha in self.query("SELECT file, sha256 FROM archive_sourcedocument"):
            assert sha256_file(self.media / name) == sha, f"the stored original {name} is not what was uploaded"

    def stored(self, path: Path) -> bool:
        return bool(self.query("SELECT 1 FROM archive_sourcedocument WHERE sha256 = %s", [sha256_file(path)]))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    target = Target.from_django(dbname=f"test_archive_crash_{os.getpid()}")  # same server as the suite
    target.drop()
    target.create()
    db = Scratch(target, tmp_path_factory.mktemp("crash-media"))
    try:
        for command in (["migrate", "--noinput"], ["load_reference"]):
            done = db.manage(*command)
            assert done.returncode == 0, done.stderr
        yield db
    finally:
        target.drop()


def folder(base: Path, name: str, files: dict[str, bytes]) -> Path:
    path = base / name
    path.mkdir()
    for filename, data in files.items():
        (path / filename).write_bytes(data)
    return path


def killed(run: subprocess.CompletedProcess, filename: str) -> int:
    """The child died of SIGKILL inside ``filename``; the number of articles it had written."""
    assert run.returncode == -signal.SIGKILL, (run.returncode, run.stdout, run.stderr)
    line = next(line for line in run.stdout.splitlines() if line.startswith("KILLED"))
    assert f"KILLED in {filename} with " in line, line
    return int(line.split(" with ")[1].split()[0])


def test_sigkill_inside_the_transaction_leaves_no_trace(scratch, tmp_path):
    note, intelligence = NOTE.read_bytes(), INTELLIGENCE.read_bytes()
    revised = intelligence + b"\n\n"  # new bytes, same agreement: its Kazakh text is replaced
    everything = folder(
        tmp_path,
        "all",
        {
            "a_note.txt": note,
            "b_intelligence.txt": intelligence,
            "c_intelligence_revised.txt": revised,
            "d_treaty.txt": TREATY.read_bytes(),
            "e_communications.txt": COMMUNICATIONS.read_bytes(),
        },
    )

    # 1. two files stored cleanly: the state the crash must leave untouched
    done = scratch.ingest(folder(tmp_path, "first", {"a_note.txt": note, "b_intelligence.txt": intelligence}))
    assert done.returncode == 0, done.stderr
    before = scratch.state()
    assert before["archive_article"]["rows"] > 0

    # 2. killed while replacing that agreement's text: its old articles deleted, new ones written, uncommitted
    run = scratch.ingest(everything, CRASH_AT_STORE_TEXT="1")
    assert killed(run, "c_intelligence_revised.txt") > 0
    assert scratch.state() == before  # nothing of the killed file, nothing lost either
    assert not scratch.stored(everything / "c_intelligence_revised.txt")
    scratch.check_consistent()

    # 3. killed while storing a file that creates a new agreement
    done = scratch.ingest(folder(tmp_path, "revised", {"c_intelligence_revised.txt": revised}))
    assert done.returncode == 0, done.stderr
    before = scratch.state()
    slugs = {row[0] for row in scratch.query("SELECT slug FROM archive_agreement")}
    run = scratch.ingest(everything, CRASH_AT_STORE_TEXT="1")
    assert killed(run, "d_treaty.txt") > 0
    assert scratch.state() == before
    assert {row[0] for row in scratch.query("SELECT slug FROM archive_agreement")} == slugs
    scratch.check_consistent()

    # 4. the re-run completes: the two files not stored yet are, the others are unchanged
    done = scratch.ingest(everything)
    assert done.returncode == 0, done.stderr
    assert "files: 5  created: 2  updated: 0" in done.stdout and "unchanged: 3" in done.stdout, done.stdout
    assert all(scratch.stored(path) for path in everything.iterdir())
    scratch.check_consistent()


def test_sigkill_while_writing_the_original(scratch, tmp_path):
    data = COMMUNICATIONS.read_bytes() + b"\n"
    files = folder(tmp_path, "one", {"communications_rescan.txt": data})
    run = scratch.ingest(files, CRASH_IN_FILE_WRITE="1")
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert not scratch.stored(files / "communications_rescan.txt")  # the database is clean either way
    done = scratch.ingest(files)
    assert done.returncode == 0, done.stderr
    scratch.check_consistent()  # the truncated original was replaced by the real bytes
