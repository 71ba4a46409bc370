"""Staged uploads are temporary: abandoned ones expire, live ones stay, backups leave them out."""

import datetime as dt
import os
import tarfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from archive.ops.backup import archive_media
from archive.uploads import STAGING, discard, stage, staged_files

pytestmark = pytest.mark.django_db


def _age(batch: str, hours: float) -> None:
    """Make a batch (its list and its files) look ``hours`` old."""
    past = (dt.datetime.now() - dt.timedelta(hours=hours)).timestamp()
    for path in [f"{STAGING}/{batch}.json", *(item.path for item in staged_files(batch))]:
        os.utime(default_storage.path(path), (past, past))


def test_purge_staging_removes_expired_batches_and_keeps_live_ones(capsys):
    old = stage([SimpleUploadedFile("old.txt", b"Agreement old"), SimpleUploadedFile("shared.txt", b"shared bytes")])
    new = stage([SimpleUploadedFile("new.txt", b"Agreement new"), SimpleUploadedFile("shared.txt", b"shared bytes")])
    _age(old, 30)
    old_only = next(i.path for i in staged_files(old) if i.filename == "old.txt")
    shared = next(i.path for i in staged_files(new) if i.filename == "shared.txt")

    call_command("purge_staging")
    assert "removed 1 expired upload batch(es)" in capsys.readouterr().out
    assert staged_files(old) == [] and not default_storage.exists(old_only)
    assert len(staged_files(new)) == 2 and default_storage.exists(shared)  # still listed by the live batch

    call_command("purge_staging", hours=0)
    assert staged_files(new) == [] and not default_storage.exists(shared)


def test_backups_leave_the_staging_area_out(tmp_path, settings):
    batch = stage([SimpleUploadedFile("pending.txt", b"waiting for confirmation")])
    kept = Path(settings.MEDIA_ROOT) / "sources" / "kept.txt"
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(b"an original")
    files = archive_media(Path(settings.MEDIA_ROOT), tmp_path / "media.tar.gz")
    assert "sources/kept.txt" in files
    assert not any(name.startswith(f"{STAGING}/") for name in files)
    with tarfile.open(tmp_path / "media.tar.gz") as tar:
        assert not any(name.startswith(f"{STAGING}/") for name in tar.getnames())
    assert staged_files(batch)  # the backup does not touch the staging area itself
    discard(batch)
