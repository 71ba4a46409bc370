"""python manage.py ingest PATH... — parse and store files and folders of agreement texts."""

import sys
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.ingest.extract import SUPPORTED_SUFFIXES
from archive.ingest.pipeline import parse_bytes
from archive.ingest.store import store_failure, store_result
from archive.models import ParseStatus
from archive.reference import ensure_reference_data


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

    def handle(self, *args, paths, quiet_progress=False, verbosity=1, **options):
        files = collect(paths)
        ensure_reference_data()  # a database migrated before 0007 would drop every party
        counts: Counter[str] = Counter()
        started = time.perf_counter()
        show_bar = not quiet_progress and verbosity > 0
        for i, path in enumerate(files, start=1):
            if show_bar:
                self._progress(i, len(files), path.name)
            counts.update(self.ingest_one(path, verbosity))
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

    def ingest_one(self, path: Path, verbosity: int) -> Counter[str]:
        counts: Counter[str] = Counter()
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.stderr.write(f"FAILED {path}: cannot read the file ({exc.strerror})")
            counts["failed"] += 1
            return counts
        try:
            result = parse_bytes(data, path.name, source=str(path))
            outcome = store_result(result, data, path.name)
        except Exception as exc:  # one bad file must not stop the others
            outcome = store_failure(data, path.name, f"parser error: {exc}")
        if outcome.duplicate:
            counts["unchanged"] += 1
            return counts
        status = outcome.source.status
        counts["created"] += outcome.created
        counts["updated"] += outcome.updated
        counts["linked"] += len(outcome.linked)
        if status == ParseStatus.FAILED:
            counts["failed"] += 1
            self.stderr.write(f"FAILED {path}: {outcome.source.error}")
        elif status == ParseStatus.NEEDS_REVIEW:
            counts["needs_review"] += 1
            if verbosity > 1:
                for warning in outcome.source.report.get("warnings", []):
                    self.stderr.write(f"  review {path.name}: {warning}")
        return counts

    def _progress(self, i: int, total: int, name: str) -> None:
        width = 30
        done = int(width * i / total)
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {i}/{total} {name[:40]:<40}")
        sys.stderr.flush()
