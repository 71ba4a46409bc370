"""Recompute every agreement's stored status as of today (terms expire, renewals pass).

Run it daily (cron or a scheduler): pages derive the status live, but the status filter
and facets read the stored value.
"""

from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from archive.models import Act, Agreement, Relation, Status


class Command(BaseCommand):
    help = "Recompute stored statuses from the recorded dates and relations."

    def handle(self, *args, **options):
        supersessions = Prefetch(
            "relations_in",
            queryset=Relation.objects.filter(predicate="supersedes").select_related("subject"),
            to_attr="supersessions",
        )
        changed = []
        acts = Prefetch("acts", queryset=Act.objects.select_related("country"))  # a ratification counts
        for agreement in Agreement.objects.prefetch_related(supersessions, acts).iterator(chunk_size=2000):
            code = agreement.derive_status(superseded_by=[r.subject for r in agreement.supersessions]).code
            code = code if code in Status.values else Status.UNKNOWN
            if code != agreement.status:
                agreement.status = code
                changed.append(agreement)
        Agreement.objects.bulk_update(changed, ["status"], batch_size=2000)
        self.stdout.write(f"statuses changed: {len(changed)}")
