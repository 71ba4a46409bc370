"""Backup and restore for real: the test database with the seed corpus is dumped, restored into a
scratch database on the same server and compared row by row and file by file; a restore refuses
a database that holds data, a damaged backup, and reports a mismatch with exit status 1."""

import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from psycopg import sql

from archive.ops.backup import read_manifest
from archive.ops.pg import Target

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # not in make test-fast

# table -> what the comparison reads (ordered, so equal tables give equal digests)
COMPARED = {
    "archive_agreement": "SELECT * FROM archive_agreement ORDER BY id",
    "archive_text": "SELECT * FROM archive_text ORDER BY id",
    "archive_article": "SELECT *, search_vector::text FROM archive_article ORDER BY id",
    "archive_party": "SELECT * FROM archive_party ORDER BY id",
    "archive_relation": "SELECT * FROM archive_relation ORDER BY id",
    "archive_act": "SELECT * FROM archive_act ORDER BY id",
    "archive_sourcedocument": "SELECT * FROM archive_sourcedocument ORDER BY id",
}


def fingerprint(target: Target) -> dict[str, tuple[int, str]]:
    """Row count and md5 of the ordered rows of each compared table."""
    out = {}
    with target.connect(autocommit=True) as conn:
        conn.execute("SET TimeZone = 'UTC'")
        for table, query in COMPARED.items():
            rows = conn.execute(sql.SQL(query)).fetchall()
            out[table] = (len(rows), hashlib.md5(repr(rows).encode()).hexdigest())
    return out


def files(root: Path) -> dict[str, str]:
    """The media a backup must hold: everything but the staging area (temporary uploads)."""
    root = Path(root)
    paths = [p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] != "staging"]
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


@pytest.fixture
def scratch():
    target = Target.from_django(dbname=f"test_archive_restore_{os.getpid()}")
    target.drop()
    yield target
    target.drop()


def run(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue()


def test_round_trip_into_a_scratch_database(scratch, tmp_path):
    source = Target.from_django()
    assert source.dbname.startswith("test_")  # the suite's database, never the dev one
    backup_dir = tmp_path / "backup"
    out = run("backup", output=str(backup_dir))
    assert f"backup written to {backup_dir}" in out
    assert sorted(p.name for p in backup_dir.iterdir()) == ["db.dump", "manifest.json", "media.tar.gz"]
    manifest = read_manifest(backup_dir)
    tables = manifest["tables"]
    assert tables["archive_agreement"]["rows"] >= 7 and tables["archive_article"]["rows"] >= 40
    assert manifest["sources"] == {"count": 4, "problems": []}
    assert manifest["dump"]["sha256"] == hashlib.sha256((backup_dir / "db.dump").read_bytes()).hexdigest()
    media = files(settings.MEDIA_ROOT)
    assert {rel: info["sha256"] for rel, info in manifest["media"]["files"].items()} == media
    assert manifest["app"]["version"] and "0001_initial" in " ".join(manifest["migrations"])
    assert "password" not in json.dumps(manifest).lower()

    restored_media = tmp_path / "restored-media"
    out = run("restore", str(backup_dir), database_name=scratch.dbname, media_root=str(restored_media))
    assert f"created the database {scratch.dbname}" in out and "match the manifest" in out
    assert fingerprint(scratch) == fingerprint(source)
    assert files(restored_media) == media
    with scratch.connect(autocommit=True) as conn:  # the search index came back too
        hits = conn.execute(
            "SELECT count(*) FROM archive_article WHERE search_vector @@ to_tsquery('simple', 'барлау')"
        ).fetchone()[0]
    assert hits > 0

    # a database holding data is only replaced with --yes
    with pytest.raises(CommandError, match="not empty"):
        run("restore", str(backup_dir), database_name=scratch.dbname, media_root=str(restored_media))
    run("restore", str(backup_dir), database_name=scratch.dbname, media_root=str(restored_media), yes=True)
    assert fingerprint(scratch) == fingerprint(source)

    # a difference from the manifest is reported: exit status 1 (CommandError) with the reason
    with scratch.connect(autocommit=True) as conn:
        conn.execute("UPDATE archive_article SET body = body || ' ' WHERE id = (SELECT min(id) FROM archive_article)")
        original = conn.execute("SELECT file FROM archive_sourcedocument ORDER BY id LIMIT 1").fetchone()[0]
    (restored_media / original).write_bytes(b"altered")  # a media file and a source's original: 2 mismatches
    err = io.StringIO()
    with pytest.raises(CommandError, match="verification failed: 3 mismatch"):
        call_command(
            "restore",
            str(backup_dir),
            verify_only=True,
            database_name=scratch.dbname,
            media_root=str(restored_media),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "archive_article: same row count, different content" in err.getvalue()
    assert f"{original} does not match its sha256 (truncated or altered original)" in err.getvalue()


def test_a_damaged_backup_is_refused_before_anything_changes(scratch, tmp_path):
    backup_dir = tmp_path / "backup"
    run("backup", output=str(backup_dir), verbosity=0)
    dump = backup_dir / "db.dump"
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    with pytest.raises(CommandError, match=r"damaged, nothing was restored:\n  db.dump does not match"):
        run("restore", str(backup_dir), database_name=scratch.dbname, media_root=str(tmp_path / "m"))
    assert not scratch.exists()
    with pytest.raises(CommandError, match="not a backup folder"):
        run("restore", str(tmp_path), database_name=scratch.dbname)
    with pytest.raises(CommandError, match="not an empty folder"):
        run("backup", output=str(backup_dir))
