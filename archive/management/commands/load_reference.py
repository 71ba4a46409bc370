"""Load the reference data every archive needs: countries (CLDR) and the topic thesaurus."""

from django.core.management.base import BaseCommand
from django.db import transaction

from archive.reference import load_reference_data


class Command(BaseCommand):
    help = "Load countries (names from CLDR) and the topic thesaurus (fixtures/topics.json). Idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            countries, topics = load_reference_data()
        self.stdout.write(f"countries added or updated: {countries}; topics: {topics}")
