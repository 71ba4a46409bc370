"""python manage.py bench_ingest PATH... [--limit N] [--max-kb K] [--jobs J] — ingestion speed.

Ingests the distinct files found under PATH (e.g. ``../shared/devset/texts``: read where
they are, never copied) into a scratch database created, migrated and dropped here, with
originals written to a temporary folder, through the very code ``manage.py ingest`` runs
(archive.ingest.batch). Prints the parse time (in the parser workers) and the store time
(here) separately, the overall rate, then ingests the same files again and prints the rate
for unchanged files (a hash and a query each, no parse). Figures only: nothing is asserted.

On a shared machine the rates depend on what else runs (the load average is printed), so the
CPU time per file is printed too — the parse's (in the workers), the store's (here) and the
database server's (its backend, when it runs on this machine) — with the rate those allow on
this many dedicated cores: parses overlap each other and the store, the store is serial.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings

from archive.ingest.batch import COUNTED, FileReport, Ingestion, default_jobs, tally
from archive.management.commands.ingest import collect
from archive.models import SourceDocument
from archive.ops.pg import Target


class Command(BaseCommand):
    help = "Measure ingestion (parse and store separately, then unchanged files) in a scratch database."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--limit", type=int, default=None, help="at most N files (the first, by path)")
        parser.add_argument("--max-kb", type=int, default=None, help="only files of at most K kB (seed-sized: 32)")
        parser.add_argument("--jobs", type=int, default=None, help=f"parser workers (default {default_jobs()})")
        parser.add_argument("--parse-seconds", type=float, default=None, help="time budget per file")
        parser.add_argument("--parse-memory-mb", type=int, default=None, help="memory ceiling per parse")
        parser.add_argument("--keep-database", action="store_true", help="do not drop the scratch database")

    def handle(self, *args, paths, limit=None, max_kb=None, jobs=None, keep_database=False, **options):
        files = self.distinct(collect(paths), max_kb)
        if limit is not None:
            files = files[:limit]
        if not files:
            raise CommandError("no files to ingest")
        ingestion = Ingestion(jobs=jobs, seconds=options["parse_seconds"], memory_mb=options["parse_memory_mb"])
        size = sum(p.stat().st_size for p in files)
        target = Target.from_django(dbname=f"bench_ingest_{os.getpid()}")
        self.stdout.write(
            f"{len(files)} distinct files ({size / 2**20:.1f} MB) from {', '.join(paths)}; "
            f"{ingestion.jobs} parser worker(s), {ingestion.seconds:g} s / {ingestion.memory_mb} MB per parse; "
            f"scratch database {target.dbname}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        # the slow-query log would report the scratch database's migration and big inserts
        log = logging.getLogger("archive.db")
        level, name = log.level, connection.settings_dict["NAME"]
        log.setLevel(logging.ERROR)
        target.drop()
        target.create()
        try:
            connection.close()
            connection.settings_dict["NAME"] = target.dbname
            started = time.perf_counter()
            call_command("migrate", verbosity=0, interactive=False)
            self.stdout.write(f"migrated in {time.perf_counter() - started:.1f} s")
            with (
                tempfile.TemporaryDirectory(prefix="bench-ingest-media-") as media,
                override_settings(MEDIA_ROOT=media),
            ):
                self.first(ingestion, files)
                self.again(ingestion, files)
        finally:
            connection.close()
            connection.settings_dict["NAME"] = name
            log.setLevel(level)
            if keep_database:
                self.stdout.write(f"kept the database {target.dbname}")
            else:
                target.drop()

    def distinct(self, files: list[Path], max_kb: int | None) -> list[Path]:
        seen, out = set(), []
        for path in files:
            if max_kb is not None and path.stat().st_size > max_kb * 1024:
                continue
            sha = SourceDocument.digest(path.read_bytes())
            if sha not in seen:
                seen.add(sha)
                out.append(path)
        return out

    def first(self, ingestion: Ingestion, files: list[Path]) -> None:
        backend = _backend_cpu()
        started = time.perf_counter()
        reports = list(ingestion.run(files))
        wall = time.perf_counter() - started
        after = _backend_cpu()
        n = len(reports)
        counts = sum((tally(r) for r in reports), Counter())
        parsed = [r for r in reports if r.parse_seconds]
        parse = sum(r.parse_seconds for r in parsed)
        store = sum(r.store_seconds for r in reports)
        over = Counter(r.over_budget for r in reports if r.over_budget)
        peak = max((r.peak_rss_mb for r in reports), default=0.0)
        self.stdout.write(
            "first ingestion: "
            + ", ".join(f"{k.replace('_', ' ')} {counts[k]}" for k in COUNTED)
            + (f"; over a limit: {', '.join(f'{k} {v}' for k, v in sorted(over.items()))}" if over else "")
        )
        self.stdout.write(
            f"  parse: {parse:.1f} s in all, {_ms(parse, len(parsed))} per file, "
            f"{_rate(len(parsed), parse)} files/s per worker ({len(parsed)} files; peak worker RSS {peak:.0f} MB)"
        )
        self.stdout.write(f"  store: {store:.1f} s in all, {_ms(store, n)} per file, {_rate(n, store)} files/s")
        self.stdout.write(f"  overall: {n} files in {wall:.1f} s, {_rate(n, wall)} files/s")
        parse_cpu = sum(r.parse_cpu_seconds for r in reports) / n
        store_cpu = sum(r.store_cpu_seconds for r in reports) / n
        db_cpu = (after[1] - backend[1]) / n if backend and after and backend[0] == after[0] else None
        serial = store_cpu + (db_cpu or 0.0)
        cores = os.cpu_count() or 1
        bound = min(cores / (parse_cpu + serial), 1 / serial) if serial else 0.0
        self.stdout.write(
            f"  CPU per file: parse {1000 * parse_cpu:.1f} ms, store {1000 * store_cpu:.1f} ms"
            + (f" + database {1000 * db_cpu:.1f} ms" if db_cpu is not None else " (database not measured)")
            + f" -> at most {bound:.1f} files/s on {cores} dedicated cores"
            + (f" (the parse alone allows {cores / parse_cpu:.1f})" if parse_cpu else "")
        )
        self.slowest(reports)
        failed = [r for r in reports if r.error]
        for r in failed[:5]:
            self.stdout.write(f"  failed: {r.path.name}: {' '.join(r.error.split())[:160]}")
        if len(failed) > 5:
            self.stdout.write(f"  failed: … and {len(failed) - 5} more")

    def again(self, ingestion: Ingestion, files: list[Path]) -> None:
        started = time.perf_counter()
        reports = list(ingestion.run(files))
        wall = time.perf_counter() - started
        unchanged = sum(r.outcome == "unchanged" for r in reports)
        self.stdout.write(
            f"unchanged (the same files again): {unchanged} of {len(reports)} files in {wall:.2f} s, "
            f"{_rate(len(reports), wall)} files/s"
        )

    def slowest(self, reports: list[FileReport]) -> None:
        for label, key in (("parse", "parse_seconds"), ("store", "store_seconds")):
            worst = sorted(reports, key=lambda r: getattr(r, key), reverse=True)[:3]
            shown = ", ".join(f"{r.path.name} ({r.size / 1024:.0f} kB) {getattr(r, key) * 1000:.0f} ms" for r in worst)
            self.stdout.write(f"  slowest {label}: {shown}")


def _backend_cpu() -> tuple[int, float] | None:
    """(pid, CPU seconds) of this connection's PostgreSQL backend, if it runs on this machine."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            (pid,) = cursor.fetchone()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (OSError, ValueError, IndexError):
        return None


def _ms(total: float, n: int) -> str:
    return f"{1000 * total / n:.1f} ms" if n else "-"


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:.1f}" if seconds else "-"
