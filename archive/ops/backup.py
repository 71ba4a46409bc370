"""Backup and restore: a consistent dump, the media folder, and a manifest to verify against.

A backup folder holds ``db.dump`` (``pg_dump -Fc``), ``media.tar.gz`` (everything under
MEDIA_ROOT) and ``manifest.json``: the row count and a content digest of every table, the
sha256 of every media file, of the dump and of the tar, the applied migrations and the app
version. The dump, the counts and the digests come from ONE snapshot (``pg_export_snapshot``
shared with pg_dump), so the manifest describes exactly what the dump holds even while the
archive keeps taking uploads. The folder is written as ``<name>.partial`` and renamed when
complete: a folder without that suffix is a finished backup.

A table's digest is the md5 of the sorted md5s of its rows' text forms, computed under fixed
session settings (UTC, ISO dates, hex bytea): the same rows give the same digest on any server.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from archive.ops.pg import OpsError, Target, client_program, run_tool, tool_version

MANIFEST = "manifest.json"
DUMP = "db.dump"
MEDIA_TAR = "media.tar.gz"
FORMAT = 1
#: Tables a bare ``migrate`` fills: a database with rows only in these counts as empty.
MIGRATE_TABLES = {"django_migrations", "django_content_type", "auth_permission"}
#: Session settings that fix the text form of timestamps, dates, intervals, floats and bytea.
DIGEST_SETTINGS = [
    "SET TimeZone = 'UTC'",
    "SET DateStyle = 'ISO, MDY'",
    "SET IntervalStyle = 'postgres'",
    "SET extra_float_digits = 1",
    "SET bytea_output = 'hex'",
]
_CHUNK = 1024 * 1024

Log = Callable[[str], None]


def _quiet(_message: str) -> None:
    pass


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# tables ------------------------------------------------------------------------------------


def _ident(key: str) -> sql.Identifier:
    schema, _, name = key.rpartition(".")
    return sql.Identifier(schema or "public", name)


def list_tables(conn: psycopg.Connection) -> list[str]:
    """Ordinary tables outside the system schemas and not owned by an extension;
    ``name`` in public, ``schema.name`` elsewhere."""
    rows = conn.execute(
        """SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
             AND n.nspname NOT LIKE 'pg\\_%%'
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                             AND d.objid = c.oid AND d.deptype = 'e')
           ORDER BY 1, 2"""
    ).fetchall()
    return [name if schema == "public" else f"{schema}.{name}" for schema, name in rows]


def table_stats(conn: psycopg.Connection, tables: list[str]) -> dict[str, dict[str, object]]:
    """``{table: {"rows": n, "digest": md5}}`` in the connection's current snapshot."""
    for statement in DIGEST_SETTINGS:
        conn.execute(statement)
    stats = {}
    for key in tables:
        query = sql.SQL(
            "SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h COLLATE \"C\"), '')) "
            "FROM (SELECT md5(_row::text) AS h FROM {} AS _row) AS hashed"
        ).format(_ident(key))
        rows, digest = conn.execute(query).fetchone()
        stats[key] = {"rows": rows, "digest": digest}
    return stats


def tables_with_data(target: Target) -> list[str]:
    """Tables holding rows, ignoring those a bare ``migrate`` fills."""
    with target.connect(autocommit=True) as conn:
        found = []
        for key in list_tables(conn):
            if key in MIGRATE_TABLES:
                continue
            if conn.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(_ident(key))).fetchone()[0]:
                found.append(key)
        return found


def _applied_migrations(conn: psycopg.Connection, tables: list[str]) -> list[str]:
    if "django_migrations" not in tables:
        return []
    return [f"{app}.{name}" for app, name in conn.execute("SELECT app, name FROM django_migrations ORDER BY 1, 2")]


def _sources(conn: psycopg.Connection, tables: list[str]) -> list[tuple[str, str]]:
    if "archive_sourcedocument" not in tables:
        return []
    return conn.execute("SELECT file, sha256 FROM archive_sourcedocument ORDER BY id").fetchall()


# media -------------------------------------------------------------------------------------


class _HashingReader:
    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


# uploads waiting for an editor's confirm or cancel (archive.uploads): temporary, never backed up
EXCLUDED_MEDIA = ("staging",)


def archive_media(media_root: Path, tar_path: Path, log: Log = _quiet) -> dict[str, dict[str, object]]:
    """Tar every regular file under ``media_root`` (but the staging area), hashing it on the
    way: ``{relpath: {sha256, size}}``."""
    files: dict[str, dict[str, object]] = {}
    media_root = Path(media_root)
    with tarfile.open(tar_path, "w:gz", compresslevel=6) as tar:
        if not media_root.is_dir():
            log(f"  no media folder at {media_root}: the tar is empty")
            return files
        for path in sorted(media_root.rglob("*")):
            if path.is_symlink() or not path.is_file():
                if path.is_symlink():
                    log(f"  skipped a symbolic link: {path}")
                continue
            rel = path.relative_to(media_root).as_posix()
            if rel.split("/", 1)[0] in EXCLUDED_MEDIA:
                continue
            info = tar.gettarinfo(str(path), arcname=rel)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            with open(path, "rb") as handle:
                reader = _HashingReader(handle)
                tar.addfile(info, reader)
            files[rel] = {"sha256": reader.digest.hexdigest(), "size": info.size}
    return files


def _source_problems(sources: list[tuple[str, str]], media: dict[str, dict[str, object]]) -> list[str]:
    problems = []
    for name, sha in sources:
        entry = media.get(name)
        if not name:
            problems.append(f"source {sha[:12]}…: no file recorded")
        elif entry is None:
            problems.append(f"source {sha[:12]}…: {name} is missing from MEDIA_ROOT")
        elif entry["sha256"] != sha:
            problems.append(f"source {sha[:12]}…: {name} does not match its sha256 (truncated or altered original)")
    return problems


# backup ------------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    seconds: float
    problems: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.iterdir() if p.is_file())


def default_destination(root: Path) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    dest, n = Path(root) / stamp, 1
    while dest.exists() or dest.with_name(dest.name + ".partial").exists():
        n += 1
        dest = Path(root) / f"{stamp}-{n}"
    return dest


def app_version() -> dict[str, str]:
    from django.conf import settings

    info = {"name": "treaty-archive"}
    try:
        from importlib.metadata import version

        info["version"] = version("treaty-archive")
    except Exception:
        info["version"] = "unknown"
    try:
        commit = subprocess.run(
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5
        )
        if commit.returncode == 0:
            info["git_commit"] = commit.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return info


def backup(target: Target, media_root: Path, dest: Path, *, log: Log = _quiet) -> BackupResult:
    """Dump ``target`` and tar ``media_root`` into the new folder ``dest``."""
    started = time.monotonic()
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise OpsError(f"{dest} exists and is not an empty folder")
    work = dest.with_name(dest.name + ".partial")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    try:
        server_major = target.server_major()
        pg_dump = client_program("pg_dump", server_major)
        log(f"dumping {target.describe()} with {pg_dump}")
        with target.connect() as conn:
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            conn.read_only = True
            snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
            t0 = time.monotonic()
            run_tool(
                pg_dump,
                ["--format=custom", f"--snapshot={snapshot}", "--lock-wait-timeout=60s", "--file", str(work / DUMP)],
                target,
            )
            log(f"  db.dump: {(work / DUMP).stat().st_size:,} bytes in {time.monotonic() - t0:.1f} s")
            t0 = time.monotonic()
            tables = list_tables(conn)
            stats = table_stats(conn, tables)  # same snapshot as the dump
            migrations = _applied_migrations(conn, tables)
            sources = _sources(conn, tables)
            server_version = conn.info.parameter_status("server_version")
            conn.rollback()
        log(f"  counted and digested {len(tables)} tables in {time.monotonic() - t0:.1f} s")
        t0 = time.monotonic()
        media = archive_media(Path(media_root), work / MEDIA_TAR, log)
        size = (work / MEDIA_TAR).stat().st_size
        log(f"  media.tar.gz: {len(media)} files, {size:,} bytes in {time.monotonic() - t0:.1f} s")
        problems = _source_problems(sources, media)
        manifest = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "app": app_version(),
            "database": {
                "name": target.dbname,
                "server_version": server_version,
                "pg_dump": _tool_version_line(pg_dump),
            },
            "dump": {"file": DUMP, "sha256": sha256_file(work / DUMP), "size": (work / DUMP).stat().st_size},
            "media": {
                "file": MEDIA_TAR,
                "sha256": sha256_file(work / MEDIA_TAR),
                "size": (work / MEDIA_TAR).stat().st_size,
                "files": media,
            },
            "tables": stats,
            "migrations": migrations,
            "sources": {"count": len(sources), "problems": problems},
        }
        manifest["seconds"] = round(time.monotonic() - started, 2)
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if dest.exists():
            dest.rmdir()
        work.rename(dest)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return BackupResult(dest, manifest, time.monotonic() - started, problems)


def _tool_version_line(program: str) -> str:
    return tool_version(program)[1]


# restore -----------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict:
    folder = Path(folder)
    path = folder / MANIFEST
    if folder.name.endswith(".partial"):
        raise OpsError(f"{folder} is an unfinished backup")
    if not path.exists():
        raise OpsError(f"{folder} is not a backup folder: no {MANIFEST}")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise OpsError(f"{path}: unknown manifest format {manifest.get('format')!r}")
    return manifest


def check_backup_files(folder: Path, manifest: dict) -> list[str]:
    """The dump and the tar are what the manifest says (a copy cut short, a flipped bit)."""
    problems = []
    for part in ("dump", "media"):
        entry = manifest[part]
        path = Path(folder) / entry["file"]
        if not path.exists():
            problems.append(f"{entry['file']} is missing")
        elif sha256_file(path) != entry["sha256"]:
            problems.append(f"{entry['file']} does not match its sha256 in the manifest")
    return problems


@dataclass
class Verification:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tables: int = 0
    rows: int = 0
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(target: Target, manifest: dict, media_root: Path) -> Verification:
    """Compare a database and a media folder with a manifest: counts, digests, checksums."""
    result = Verification()
    expected = manifest["tables"]
    with target.connect() as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        present = list_tables(conn)
        missing = [t for t in expected if t not in present]
        result.problems += [f"table {t} is missing" for t in missing]
        stats = table_stats(conn, [t for t in expected if t in present])
        sources = _sources(conn, present)
        conn.rollback()
    for key, want in expected.items():
        got = stats.get(key)
        if got is None:
            continue
        result.tables += 1
        result.rows += int(got["rows"])
        if got["rows"] != want["rows"]:
            result.problems.append(f"table {key}: {got['rows']} rows, the backup had {want['rows']}")
        elif got["digest"] != want["digest"]:
            result.problems.append(f"table {key}: same row count, different content")
    extra = sorted(set(present) - set(expected))
    if extra:
        result.notes.append(f"tables not in the backup (left as they were): {', '.join(extra)}")

    media_root = Path(media_root)
    hashes: dict[str, str | None] = {}

    def file_hash(rel: str) -> str | None:
        if rel not in hashes:
            path = media_root / rel
            hashes[rel] = sha256_file(path) if path.is_file() else None
        return hashes[rel]

    for rel, info in manifest["media"]["files"].items():
        result.files += 1
        got = file_hash(rel)
        if got is None:
            result.problems.append(f"media file {rel} is missing")
        elif got != info["sha256"]:
            result.problems.append(f"media file {rel} does not match its sha256")
    known = set(manifest["sources"].get("problems", []))
    for name, sha in sources:
        got = file_hash(name) if name else None
        if not name or got == sha:
            continue
        message = _source_problems([(name, sha)], {name: {"sha256": got}} if got else {})[0]
        if message in known:
            result.notes.append(f"{message} (already so when backed up)")
        else:
            result.problems.append(message)
    return result


def migration_notes(manifest: dict) -> list[str]:
    """What ``migrate`` would still do after restoring (a backup made by an older version)."""
    from django.db.migrations.loader import MigrationLoader

    on_disk = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    in_backup = set(manifest.get("migrations", []))
    notes = []
    newer = sorted(on_disk - in_backup)
    if newer and in_backup:
        notes.append(f"the code has {len(newer)} migration(s) the backup lacks: run `manage.py migrate`")
    apps_on_disk = {name.split(".", 1)[0] for name in on_disk}
    unknown = sorted(m for m in in_backup - on_disk if m.split(".", 1)[0] in apps_on_disk)
    if unknown:
        notes.append(f"the backup has migrations this code does not know (a newer version made it): {unknown[:5]}")
    return notes


@dataclass
class RestoreResult:
    verification: Verification
    seconds: float
    created_database: bool = False
    notes: list[str] = field(default_factory=list)


def restore(
    folder: Path, target: Target, media_root: Path, *, allow_nonempty: bool = False, log: Log = _quiet
) -> RestoreResult:
    """pg_restore the dump into ``target`` (in one transaction), unpack the media into
    ``media_root`` and verify both against the manifest."""
    started = time.monotonic()
    folder = Path(folder)
    manifest = read_manifest(folder)
    problems = check_backup_files(folder, manifest)
    if problems:
        raise OpsError("the backup is damaged, nothing was restored:\n  " + "\n  ".join(problems))
    created = False
    if not target.exists():
        target.create()
        created = True
        log(f"created the database {target.dbname}")
    elif not allow_nonempty:
        holding = tables_with_data(target)
        if holding:
            shown = ", ".join(holding[:6]) + (f" and {len(holding) - 6} more" if len(holding) > 6 else "")
            raise OpsError(
                f"{target.describe()} is not empty ({shown} hold rows): restoring replaces its contents. "
                "Pass --yes (make restore DIR=… YES=1) to go ahead."
            )
    pg_restore = client_program("pg_restore", target.server_major())
    log(f"restoring {manifest['dump']['file']} into {target.describe()} with {pg_restore}")
    t0 = time.monotonic()
    run_tool(
        pg_restore,
        ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"],
        target,
        positional=[str(folder / manifest["dump"]["file"])],
    )
    log(f"  database restored in {time.monotonic() - t0:.1f} s")
    t0 = time.monotonic()
    media_root = Path(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / manifest["media"]["file"], "r:gz") as tar:
        tar.extractall(media_root, filter="data")
    log(f"  {len(manifest['media']['files'])} media files unpacked into {media_root} in {time.monotonic() - t0:.1f} s")
    t0 = time.monotonic()
    verification = verify(target, manifest, media_root)
    log(f"  verified in {time.monotonic() - t0:.1f} s")
    return RestoreResult(verification, time.monotonic() - started, created, migration_notes(manifest))
