"""python manage.py ingest PATH... — parse and store files and folders of agreement texts.

Bytes already stored are skipped before parsing (sha256); a file larger than the upload
limit is kept as failed without parsing; every parse runs within a memory ceiling and a
time budget, in parser workers that parse ahead while this process stores the results in
file order (archive.ingest.batch).

What it stores is a draft, seen by editors only until one publishes it (archive.publication);
``--publish`` makes a trusted bulk load public at once.
"""

import sys
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.ingest.batch import FileReport, Ingestion, default_jobs, tally
from archive.ingest.budget import ParserUnavailable
from archive.ingest.extract import SUPPORTED_SUFFIXES


def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"No such file or folder: {raw}")
    return files


class Command(BaseCommand):
    help = "Parse and store agreement files (txt, docx, pdf, html); idempotent by sha256."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--quiet-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish what is stored at once (a trusted bulk load); without it everything is a draft for review",
        )
        parser.add_argument(
            "--jobs", type=int, default=None, help=f"parser worker processes (default {default_jobs()})"
        )
        parser.add_argument(
            "--parse-seconds", type=float, default=None, help="time budget per file (default: PARSE_TIME_LIMIT)"
        )
        parser.add_argument(
            "--parse-memory-mb",
            type=int,
            default=None,
            help="memory ceiling per parse (default: PARSE_MEMORY_LIMIT_MB)",
        )

    def handle(
        self,
        *args,
        paths,
        quiet_progress=False,
        verbosity=1,
        jobs=None,
        parse_seconds=None,
        parse_memory_mb=None,
        publish=False,
        **options,
    ):
        files = collect(paths)
        counts: Counter[str] = Counter()
        started = time.perf_counter()
        show_bar = not quiet_progress and verbosity > 0
        ingestion = Ingestion(jobs=jobs, seconds=parse_seconds, memory_mb=parse_memory_mb, publish=publish)
        done = 0
        try:
            for done, report in enumerate(ingestion.run(files), start=1):
                if show_bar:
                    self._progress(done, len(files), report.path.name)
                counts.update(self.count(report, verbosity))
        except ParserUnavailable as exc:  # the files not stored yet are stored by the next run
            raise CommandError(f"{exc}; {done} of {len(files)} files were done, run it again") from exc
        if show_bar and files:
            sys.stderr.write("\n")
        elapsed = time.perf_counter() - started
        rate = len(files) / elapsed if elapsed else 0.0
        self.stdout.write(
            f"files: {len(files)}  created: {counts['created']}  updated: {counts['updated']}  "
            f"linked: {counts['linked']}  unchanged: {counts['unchanged']}  "
            f"needs review: {counts['needs_review']}  failed: {counts['failed']}  "
            f"({elapsed:.2f} s, {rate:.1f} files/s)"
        )
        if counts["failed"]:
            sys.exit(1)

    def count(self, report: FileReport, verbosity: int) -> Counter[str]:
        counts = tally(report)
        if counts["failed"]:
            self.stderr.write(f"FAILED {report.path}: {report.error}")
        elif counts["needs_review"] and verbosity > 1:
            for warning in report.store.source.report.get("warnings", []):
                self.stderr.write(f"  review {report.path.name}: {warning}")
        return counts

    def _progress(self, i: int, total: int, name: str) -> None:
        width = 30
        done = int(width * i / total)
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {i}/{total} {name[:40]:<40}")
        sys.stderr.flush()
