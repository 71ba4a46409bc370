"""python manage.py stub_titles PATH... — every agreement the files cite, as a stub would be named.

Parses the files (nothing is stored) and prints each cited agreement's title, date,
relation and parties, marking the ones that do not read as an agreement's name
(``archive.ingest.quality``). Exit status 1 when any is junk: a check for a corpus before
it is ingested (``make stub-check`` runs it on the development set).
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from archive.ingest.extract import SUPPORTED_SUFFIXES
from archive.ingest.pipeline import parse_path
from archive.ingest.quality import stub_title_problem


class Command(BaseCommand):
    help = "List the agreements the files cite (future stubs) and fail on titles that are sentence fragments."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--quiet", action="store_true", help="print only the junk ones and the summary")

    def handle(self, *args, paths, quiet=False, **options):
        files: list[Path] = []
        for raw in paths:
            p = Path(raw)
            if p.is_dir():
                files.extend(sorted(x for x in p.rglob("*") if x.suffix.lower() in SUPPORTED_SUFFIXES))
            elif p.is_file():
                files.append(p)
        total = junk = multilateral = 0
        for path in files:
            result = parse_path(path)
            for ref in result.related:
                total += 1
                problem = stub_title_problem(ref.title)
                multilateral += ref.multilateral
                if problem:
                    junk += 1
                if problem or not quiet:
                    when = ref.date.isoformat() if ref.date else "undated"
                    mark = f"JUNK ({problem})" if problem else ("multilateral" if ref.multilateral else "ok")
                    self.stdout.write(
                        f"{mark:<30} {path.name}: {ref.relation} {when} {'-'.join(ref.parties) or '?'} {ref.title!r}"
                    )
        self.stdout.write(
            f"files: {len(files)}  cited agreements: {total}  multilateral: {multilateral}  junk titles: {junk}"
        )
        if junk:
            sys.exit(1)
