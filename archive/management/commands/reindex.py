"""python manage.py reindex [--all] — recompute search vectors (archive.search.index).

Without ``--all``, only the agreements missing a vector (an interrupted bulk load, or an
archive from before the rank vector); with it, every agreement (after a stemmer change).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from archive.models import Agreement
from archive.search.index import reindex_agreements, reindex_missing

BATCH = 200


class Command(BaseCommand):
    help = "Recompute the search vectors of the agreements missing one (--all: of every agreement)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="every agreement, not only those missing a vector")

    def handle(self, *args, all=False, **options):
        if not all:
            total = 0
            while n := reindex_missing():
                total += n
            self.stdout.write(f"re-indexed {total} agreements missing a vector")
            return
        ids = list(Agreement.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            reindex_agreements(ids[start : start + BATCH])
        self.stdout.write(f"re-indexed {len(ids)} agreements")
