"""Load the reference data every archive needs: countries (CLDR) and the topic thesaurus."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from archive.language.countries import all_country_codes, country_names, country_variants
from archive.models import Country, Topic

TOPICS_FILE = Path(settings.BASE_DIR) / "fixtures" / "topics.json"


def load_countries() -> int:
    existing = {c.code: c for c in Country.objects.all()}
    new, changed = [], []
    for code in all_country_codes():
        names = country_names(code)
        fields = {"name": names.get("en") or code, "names": names, "variants": country_variants(code)}
        country = existing.get(code)
        if country is None:
            new.append(Country(code=code, **fields))
        elif any(getattr(country, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(country, k, v)
            changed.append(country)
    Country.objects.bulk_create(new)
    Country.objects.bulk_update(changed, ["name", "names", "variants"])
    return len(new) + len(changed)


def load_topics(path: Path = TOPICS_FILE) -> int:
    concepts = json.loads(path.read_text(encoding="utf-8"))
    by_slug = {}
    for concept in concepts:
        topic, _ = Topic.objects.update_or_create(
            slug=concept["slug"],
            defaults={"labels": concept["labels"], "synonyms": concept.get("synonyms", {})},
        )
        by_slug[topic.slug] = topic
    for concept in concepts:
        parent = by_slug.get(concept.get("parent") or "")
        topic = by_slug[concept["slug"]]
        if topic.parent_id != (parent.pk if parent else None):
            topic.parent = parent
            topic.save(update_fields=["parent"])
    return len(by_slug)


class Command(BaseCommand):
    help = "Load countries (names from CLDR) and the topic thesaurus (fixtures/topics.json). Idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            countries = load_countries()
            topics = load_topics()
        self.stdout.write(f"countries added or updated: {countries}; topics: {topics}")
