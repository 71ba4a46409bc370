"""Content-addressed files: written whole or not at all, never overwritten by other bytes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage


def save_content_addressed(path: str, data: bytes, sha256: str | None = None) -> None:
    """Store ``data`` at ``path`` (a name derived from its sha256).

    An existing file is reused only if its bytes hash to the same digest: a process killed
    while writing must not leave a truncated original that a later run would trust. On a
    local disk the bytes go to a temporary file that is fsynced and renamed into place.
    """
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as handle:
            if hashlib.sha256(handle.read()).hexdigest() == sha256:
                return
        default_storage.delete(path)  # damaged: replace it with the real bytes
    if isinstance(default_storage, FileSystemStorage):
        target = Path(default_storage.path(path))
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    else:  # object stores write whole objects
        default_storage.save(path, ContentFile(data))
