"""Load the seed corpus (fixtures/corpus) through the real ingestion pipeline, published:
the seeds are reviewed documents (their facts are the tests' expectations)."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

CORPUS_DIR = Path(settings.BASE_DIR) / "fixtures" / "corpus"


class Command(BaseCommand):
    help = "Load reference data and ingest the seed corpus. Idempotent."

    def handle(self, *args, **options):
        call_command("load_reference", stdout=self.stdout)
        call_command(
            "ingest", str(CORPUS_DIR), quiet_progress=True, publish=True, stdout=self.stdout, stderr=self.stderr
        )
