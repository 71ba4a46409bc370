"""Admin uploads: size-capped reception, a staging area, preview, then store on confirmation.

An upload is staged (bytes kept under MEDIA_ROOT/staging/, content-addressed) before it
is parsed, so the preview can be shown, reloaded or confirmed without uploading again;
confirming stores it through the same pipeline as ``ingest``; cancelling removes the
staged copy and stores nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils import timezone

from archive.ingest.extract import SUPPORTED_SUFFIXES
from archive.models import SourceDocument
from archive.storage import save_content_addressed

STAGING = "staging"
BATCH_RE = r"[0-9a-f]{32}"


class UploadTooLarge(Exception):
    pass


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops reading an uploaded file as soon as it passes UPLOAD_MAX_BYTES."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            self.request.upload_too_large = self.file_name
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


@dataclass
class StagedFile:
    sha256: str
    filename: str
    #: why the parser refused it in a preview ("too large or too complex to parse …"):
    #: confirming then keeps it as failed without parsing it a second time
    refused: str = ""

    @property
    def path(self) -> str:
        return f"{STAGING}/{self.sha256}{PurePosixPath(self.filename).suffix.lower()[:10]}"

    def read(self) -> bytes:
        with default_storage.open(self.path, "rb") as handle:
            return handle.read()


def check_upload(filename: str, size: int) -> str | None:
    """A plain-words reason to refuse the file before reading it, or None."""
    suffix = PurePosixPath(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        return f"{filename}: files of type '{suffix or 'without extension'}' are not accepted (allowed: {allowed})."
    if size == 0:
        return f"{filename}: the file is empty."
    if size > settings.UPLOAD_MAX_BYTES:
        limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
        return f"{filename}: the file is larger than the {limit} MB limit."
    return None


def stage(files) -> str:
    """Keep the uploaded files in the staging area; return the batch id."""
    batch = secrets.token_hex(16)
    staged = []
    for upload in files:
        data = upload.read()
        item = StagedFile(SourceDocument.digest(data), PurePosixPath(upload.name).name[:255])
        save_content_addressed(item.path, data, item.sha256)
        staged.append(item.__dict__)
    default_storage.save(f"{STAGING}/{batch}.json", ContentFile(json.dumps(staged).encode()))
    return batch


def staged_files(batch: str) -> list[StagedFile]:
    try:
        with default_storage.open(f"{STAGING}/{batch}.json", "rb") as handle:
            return [StagedFile(**item) for item in json.load(handle)]
    except FileNotFoundError:
        return []


def update_staged(batch: str, items: list[StagedFile]) -> None:
    """Rewrite the batch's list (what is left of it, or what a preview learnt about it);
    the staged copies of files no longer listed are removed."""
    kept = {item.path for item in items}
    for item in staged_files(batch):
        if item.path not in kept:
            default_storage.delete(item.path)
    name = f"{STAGING}/{batch}.json"
    default_storage.delete(name)
    default_storage.save(name, ContentFile(json.dumps([item.__dict__ for item in items]).encode()))


def discard(batch: str) -> None:
    for item in staged_files(batch):
        default_storage.delete(item.path)
    default_storage.delete(f"{STAGING}/{batch}.json")


def purge_staging(older_than: dt.timedelta, now: dt.datetime | None = None) -> tuple[int, int]:
    """Remove the batches neither confirmed nor cancelled for longer than ``older_than``, and
    staged copies no live batch lists (a file staged by two batches stays while one lives).
    Returns (batches removed, files removed)."""
    now = now or timezone.now()
    try:
        _dirs, names = default_storage.listdir(STAGING)
    except FileNotFoundError:
        return 0, 0
    batches = [n[:-5] for n in names if n.endswith(".json") and re.fullmatch(BATCH_RE, n[:-5])]
    expired = {b for b in batches if now - default_storage.get_modified_time(f"{STAGING}/{b}.json") > older_than}
    live_files = {item.path for b in batches if b not in expired for item in staged_files(b)}
    files = 0
    for name in names:
        path = f"{STAGING}/{name}"
        if name.endswith(".json") or path in live_files:
            continue
        if now - default_storage.get_modified_time(path) > older_than or any(
            path in {i.path for i in staged_files(b)} for b in expired
        ):
            default_storage.delete(path)
            files += 1
    for batch in expired:
        default_storage.delete(f"{STAGING}/{batch}.json")
    return len(expired), files
