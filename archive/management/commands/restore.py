"""python manage.py restore DIR [--yes] — restore a backup folder and verify it against its manifest."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.ops.backup import read_manifest, restore, verify
from archive.ops.pg import OpsError, Target


class Command(BaseCommand):
    help = (
        "Restore a folder made by `backup` into the configured database (pg_restore --clean --if-exists "
        "--no-owner, in one transaction) and MEDIA_ROOT, then verify row counts, table digests and file "
        "checksums against its manifest; exit 1 on any mismatch."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", help="a backup folder (with manifest.json)")
        parser.add_argument("--yes", action="store_true", help="replace the contents of a database that is not empty")
        parser.add_argument(
            "--database-name",
            metavar="NAME",
            help="restore into this database on the same server instead (created if missing)",
        )
        parser.add_argument("--media-root", metavar="DIR", help="unpack the media here instead of MEDIA_ROOT")
        parser.add_argument(
            "--verify-only", action="store_true", help="only compare the database and media with the manifest"
        )
        parser.add_argument("--database", default="default", help="Django database alias (default: default)")

    def handle(self, *args, folder, yes=False, database_name=None, media_root=None, verify_only=False, **options):
        verbosity = options.get("verbosity", 1)
        log = self.stdout.write if verbosity > 0 else (lambda _m: None)
        target = Target.from_django(options.get("database", "default"), dbname=database_name)
        media = Path(media_root or settings.MEDIA_ROOT)
        try:
            if verify_only:
                verification = verify(target, read_manifest(Path(folder)), media)
                notes = []
            else:
                result = restore(Path(folder), target, media, allow_nonempty=yes, log=log)
                verification, notes = result.verification, result.notes
        except OpsError as exc:
            raise CommandError(str(exc)) from exc
        for note in [*verification.notes, *notes]:
            self.stdout.write(f"note: {note}")
        if not verification.ok:
            for problem in verification.problems:
                self.stderr.write(f"MISMATCH {problem}")
            raise CommandError(f"verification failed: {len(verification.problems)} mismatch(es) with the manifest")
        self.stdout.write(
            self.style.SUCCESS(
                f"verified {target.describe()}: {verification.tables} tables, {verification.rows:,} rows "
                f"and {verification.files} media files match the manifest"
            )
        )
