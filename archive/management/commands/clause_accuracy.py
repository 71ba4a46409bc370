"""python manage.py clause_accuracy [--set NAME] [--errors] — the clause classifier, measured.

Parses the files named in ``tests/reading/clause_labels.json`` (the seed corpus, the real
documents of tests/ingest/real, a sample of ../shared/devset when it is there), classifies every
labelled article and prints accuracy, precision and recall per set, language and clause type
(``archive.reading.clause_accuracy``). Stores nothing; needs no database.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from archive.reading.clause_accuracy import evaluate, report

LABELS = Path(settings.BASE_DIR) / "tests" / "reading" / "clause_labels.json"


class Command(BaseCommand):
    help = "Measure the clause classifier against the hand-labelled articles."

    def add_arguments(self, parser):
        parser.add_argument("--labels", default=str(LABELS), help="the labels file (JSON)")
        parser.add_argument("--set", action="append", dest="sets", help="only this set (seeds, real, devset)")
        parser.add_argument("--errors", action="store_true", help="list every misclassified article")

    def handle(self, *args, labels, sets=None, errors=False, **options):
        result = evaluate(Path(labels), Path(settings.BASE_DIR), sets)
        self.stdout.write(report(result))
        if errors and result.errors:
            self.stdout.write("\nmisclassified (file, article: labelled → predicted)")
            for filename, number, labelled, predicted in result.errors:
                self.stdout.write(
                    f"  {filename} #{number}: {', '.join(labelled) or '–'} → {', '.join(predicted) or '–'}"
                )
