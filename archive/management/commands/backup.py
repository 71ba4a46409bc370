"""python manage.py backup [--output DIR] — dump the database and MEDIA_ROOT, with a manifest."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.ops.backup import backup, default_destination
from archive.ops.pg import OpsError, Target

SUMMARY_TABLES = {
    "archive_agreement": "agreements",
    "archive_text": "texts",
    "archive_article": "articles",
    "archive_sourcedocument": "source files",
}


class Command(BaseCommand):
    help = (
        "Back up the configured database (pg_dump -Fc, one consistent snapshot) and MEDIA_ROOT (tar) "
        "into a new folder with a manifest.json of row counts, table digests and sha256 checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", metavar="DIR", help="the backup folder to create (default: var/backups/<UTC timestamp>)"
        )
        parser.add_argument("--database", default="default", help="Django database alias (default: default)")

    def handle(self, *args, output=None, database="default", verbosity=1, **options):
        dest = Path(output) if output else default_destination(Path(settings.VAR_DIR) / "backups")
        log = self.stdout.write if verbosity > 0 else (lambda _m: None)
        try:
            result = backup(Target.from_django(database), Path(settings.MEDIA_ROOT), dest, log=log)
        except OpsError as exc:
            raise CommandError(str(exc)) from exc
        tables = result.manifest["tables"]
        counts = ", ".join(f"{tables[t]['rows']:,} {label}" for t, label in SUMMARY_TABLES.items() if t in tables)
        for problem in result.problems:
            self.stderr.write(self.style.WARNING(f"WARNING {problem}"))
        if verbosity > 0:
            self.stdout.write(f"  {len(tables)} tables: {counts}")
        self.stdout.write(
            self.style.SUCCESS(
                f"backup written to {result.path} ({result.size / 1e6:.1f} MB in {result.seconds:.1f} s)"
            )
        )
