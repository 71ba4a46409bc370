"""The whole parser: bytes -> ParseResult (no database).

``parse_bytes(data, filename)`` runs extract -> normalise -> segment -> extract_metadata;
``parse_path(path)`` reads a file first. A file that cannot be read gives a ParseResult
with ``error`` set (and nulls elsewhere), never an exception.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from archive.ingest.extract import ExtractionError, extract_text
from archive.ingest.metadata import extract_metadata
from archive.ingest.normalise import normalise
from archive.ingest.segment import segment
from archive.ingest.types import ParseResult

__all__ = ["parse_bytes", "parse_path", "parse_text"]


def parse_text(text: str, source: str = "<text>") -> ParseResult:
    """Parse already-extracted text."""
    norm = normalise(text)
    seg = segment(norm.text)
    meta = extract_metadata(seg, norm.text)
    return ParseResult(
        source=source,
        language=meta.language,
        document_kinds=meta.document_kinds,
        agreement=meta.agreement,
        act=meta.act,
        related=meta.related,
        warnings=[*norm.warnings, *meta.warnings],
        original_text=text,
        normalised_text=norm.text,
        registry=dict(seg.registry),
    )


def parse_bytes(data: bytes, filename: str, source: str | None = None) -> ParseResult:
    """Parse the bytes of an uploaded file named ``filename``."""
    sha = hashlib.sha256(data).hexdigest()
    src = source if source is not None else filename
    try:
        extracted = extract_text(data, filename)
    except ExtractionError as exc:
        return ParseResult(source=src, warnings=[exc.message], error=exc.message, sha256=sha)
    result = parse_text(extracted.text, src)
    result.sha256 = sha
    result.media_type = extracted.media_type
    result.warnings = [*extracted.warnings, *result.warnings]
    return result


def parse_path(path: str | Path) -> ParseResult:
    """Parse the file at ``path`` (the path as given is the result's ``source``)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = f"The file cannot be read: {reason}"
        return ParseResult(source=str(path), warnings=[message], error=message)
    return parse_bytes(data, p.name, source=str(path))
