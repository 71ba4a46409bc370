"""python manage.py purge_staging [--hours N] — remove uploads left in the staging area.

An admin upload is staged until the editor confirms or cancels its preview; one that was
abandoned (a closed tab) is removed once it is older than ``STAGING_MAX_AGE_HOURS`` (24 by
default). Run it from cron, e.g. hourly: ``0 * * * * cd /srv/archive && .venv/bin/python
manage.py purge_staging``. The staging area is never part of a backup.
"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand

from archive.uploads import purge_staging


class Command(BaseCommand):
    help = "Remove staged uploads that were neither confirmed nor cancelled in time."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=float,
            default=None,
            help="age after which a staged upload is removed (default: STAGING_MAX_AGE_HOURS)",
        )

    def handle(self, *args, hours=None, **options):
        hours = settings.STAGING_MAX_AGE_HOURS if hours is None else hours
        batches, files = purge_staging(dt.timedelta(hours=hours))
        self.stdout.write(
            f"removed {batches} expired upload batch(es) and {files} staged file(s) older than {hours:g} h"
        )
