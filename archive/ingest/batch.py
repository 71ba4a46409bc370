"""Ingesting many files: hash first, parse in bounded workers, store in order.

``Ingestion(...).run(paths)`` yields one :class:`FileReport` per file, in the order given;
``manage.py ingest`` prints them and ``manage.py bench_ingest`` times them.

For each file, in this process: read the bytes; a file larger than the upload form's limit
(``UPLOAD_MAX_BYTES``) is kept as failed without parsing; then its sha256 — bytes already
stored (or met earlier in the run) are "unchanged", at the cost of a hash and one query,
never a parse. The others go to the parser workers (archive.ingest.budget: a memory
ceiling and a time budget per file), ``jobs`` of them parsing ahead of the store while
this process stores the results one by one in the order of the files, so the outcome
does not depend on which parse ends first. The parser touches no database; everything
written is written here, one transaction per file (archive.ingest.store).
"""

from __future__ import annotations

import gc
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from archive.ingest.budget import Bounded, ParserPool, limits
from archive.ingest.store import StoreOutcome, store_failure, store_result
from archive.models import ParseStatus, SourceDocument
from archive.reference import ensure_reference_data
from archive.search.index import reindex_agreements, reindex_missing

__all__ = ["COUNTED", "FileReport", "Ingestion", "default_jobs", "tally", "too_large_message"]

#: what ``tally`` counts, in the order ``ingest`` prints it
COUNTED = ("created", "updated", "linked", "unchanged", "needs_review", "failed")


def default_jobs() -> int:
    """Parser workers: one per core, at most 2 (the store, here, needs a core too)."""
    return max(1, min(2, os.cpu_count() or 1))


def too_large_message(size: int, limit: int) -> str:
    return f"the file is larger than the {limit // (1024 * 1024)} MB limit ({size / (1024 * 1024):.1f} MB); not parsed"


@dataclass
class FileReport:
    path: Path
    outcome: str  # created, updated, parsed (nothing to create), needs_review, unchanged, failed
    size: int = 0
    store: StoreOutcome | None = None
    error: str | None = None
    parse_seconds: float = 0.0  # in the worker
    store_seconds: float = 0.0  # here: store_result / store_failure
    parse_cpu_seconds: float = 0.0  # CPU time of the parse, in the worker
    store_cpu_seconds: float = 0.0  # CPU time of the store, in this process (not the database's)
    over_budget: str | None = None  # "time", "memory", "crash" or "size"
    peak_rss_mb: float = 0.0  # the parser worker's peak resident size

    @property
    def parsed(self) -> bool:
        return self.outcome != "unchanged" and self.over_budget != "size" and self.store is not None


@dataclass
class _Pending:
    path: Path
    data: bytes | None
    sha: str
    future: Future | None = None
    report: FileReport | None = None  # already decided (unchanged, unreadable, too large)


REINDEX_BATCH = 40  # agreements indexed together during a bulk load


class Ingestion:
    """One run of ingestion over files; ``run`` is a generator of reports (see module doc)."""

    def __init__(
        self,
        *,
        jobs: int | None = None,
        seconds: float | None = None,
        memory_mb: int | None = None,
        max_bytes: int | None = None,
        user=None,
        publish: bool = False,
    ) -> None:
        self.publish = publish  # a trusted load: stored public at once, not as drafts
        self.jobs = max(1, jobs or default_jobs())
        self.seconds, self.memory_mb = limits(seconds, memory_mb)
        self.max_bytes = settings.UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
        self.user = user
        self._stale: set[int] = set()  # agreements stored since the last reindex

    def _reindex(self) -> None:
        """Search vectors for the agreements stored since the last call, in one pass (a
        bulk load indexes many files at once; a crash before it is mended by reindex_missing)."""
        if self._stale:
            reindex_agreements(self._stale)
            self._stale = set()

    def run(self, paths: Iterable[Path]) -> Iterator[FileReport]:
        ensure_reference_data()
        gc.freeze()  # what is loaded by now (Django, the models, the tables) stays: not walked per file
        seen: set[str] = set()
        window: deque[_Pending] = deque()
        ahead = 2 * self.jobs  # files parsed ahead of the store: bounds memory, keeps workers busy
        with ParserPool(self.memory_mb, max_idle=self.jobs) as pool, ThreadPoolExecutor(self.jobs) as threads:
            try:
                for path in paths:
                    window.append(self._prepare(Path(path), seen, pool, threads))
                    while len(window) > ahead:
                        yield self._finish(window.popleft())
                while window:
                    yield self._finish(window.popleft())
                self._reindex()
                reindex_missing()
            finally:
                for item in window:
                    if item.future is not None:
                        item.future.cancel()

    def _prepare(self, path: Path, seen: set[str], pool: ParserPool, threads: ThreadPoolExecutor) -> _Pending:
        try:
            data = path.read_bytes()
        except OSError as exc:
            report = FileReport(path, "failed", error=f"cannot read the file ({exc.strerror or exc})")
            return _Pending(path, None, "", report=report)
        sha = SourceDocument.digest(data)
        if sha in seen or SourceDocument.objects.filter(sha256=sha).exists():
            return _Pending(path, None, sha, report=FileReport(path, "unchanged", size=len(data)))
        seen.add(sha)
        if len(data) > self.max_bytes:
            return _Pending(path, data, sha)  # stored as failed by _finish, not parsed
        future = threads.submit(pool.parse, data, path.name, str(path), seconds=self.seconds)
        return _Pending(path, data, sha, future=future)

    def _finish(self, item: _Pending) -> FileReport:
        if item.report is not None:
            return item.report
        data, path = item.data, item.path
        bounded: Bounded | None = item.future.result() if item.future is not None else None
        started, cpu = time.perf_counter(), time.thread_time()
        if bounded is None:
            over, error = "size", too_large_message(len(data), self.max_bytes)
            outcome = store_failure(data, path.name, error, self.user)
        else:
            over = bounded.over_budget
            try:
                outcome = store_result(bounded.result, data, path.name, self.user, reindex=False, publish=self.publish)
            except Exception as exc:  # one bad file must not stop the others
                outcome = store_failure(data, path.name, f"parser error: {exc}", self.user)
            self._stale |= outcome.touched
            if len(self._stale) >= REINDEX_BATCH:
                self._reindex()
        report = FileReport(
            path,
            _outcome(outcome),
            size=len(data),
            store=outcome,
            store_seconds=time.perf_counter() - started,
            store_cpu_seconds=time.thread_time() - cpu,
            over_budget=over,
        )
        if bounded is not None:
            report.parse_seconds, report.peak_rss_mb = bounded.seconds, bounded.peak_rss_mb
            report.parse_cpu_seconds = bounded.cpu_seconds
        if outcome.source.status == ParseStatus.FAILED:
            report.error = outcome.source.error
        return report


def tally(report: FileReport) -> Counter[str]:
    """The file's share of ``ingest``'s counts: created and updated agreements, links made,
    unchanged files, files to review, failed files (a created agreement may need review)."""
    counts: Counter[str] = Counter()
    outcome = report.store
    if report.outcome == "unchanged":
        counts["unchanged"] += 1
    elif outcome is None:  # nothing could be read: nothing stored
        counts["failed"] += 1
    else:
        counts["created"] += outcome.created
        counts["updated"] += outcome.updated
        counts["linked"] += len(outcome.linked)
        if outcome.source.status == ParseStatus.FAILED:
            counts["failed"] += 1
        elif outcome.source.status == ParseStatus.NEEDS_REVIEW:
            counts["needs_review"] += 1
    return counts


def _outcome(outcome: StoreOutcome) -> str:
    if outcome.duplicate:
        return "unchanged"
    if outcome.source.status == ParseStatus.FAILED:
        return "failed"
    if outcome.source.status == ParseStatus.NEEDS_REVIEW:
        return "needs_review"
    if outcome.created:
        return "created"
    if outcome.updated:
        return "updated"
    return "parsed"
