"""Reference data every archive needs: countries (names from CLDR) and the topic thesaurus.

One place for the loading logic, called by the data migration (0007_reference_data) with
the migration's historical models, by ``manage.py load_reference`` and by
:func:`ensure_reference_data`, which ``ingest`` and the admin upload call before storing
anything: a database migrated before that migration, or one whose reference data was
emptied, still keeps every party. All of it is idempotent.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from archive.language.countries import all_country_codes, country_names, country_variants

TOPICS_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "topics.json"


def load_countries(country_model=None) -> int:
    """Add missing countries and refresh changed names; returns how many rows changed.
    ``country_model``: a migration's historical model (default: archive.models.Country)."""
    if country_model is None:
        from archive.models import Country as country_model
    Country = country_model
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


@cache
def _concepts(path: Path) -> tuple[dict, ...]:
    return tuple(json.loads(path.read_text(encoding="utf-8")))


def load_topics(topic_model=None, path: Path = TOPICS_FILE, *, update_existing: bool = True) -> int:
    """Create or update every concept of the thesaurus and its parent link; returns their number.

    ``update_existing=False``: only the concepts missing from the database are added (with
    their parent links); rows already there keep what editors made of them."""
    if topic_model is None:
        from archive.models import Topic as topic_model
    Topic = topic_model
    concepts = _concepts(path)
    by_slug = {}
    created = set()
    existing = {} if update_existing else {t.slug: t for t in Topic.objects.all()}
    for concept in concepts:
        fields = {"labels": concept["labels"], "synonyms": concept.get("synonyms", {})}
        if concept["slug"] in existing:
            by_slug[concept["slug"]] = existing[concept["slug"]]
            continue
        topic, new = Topic.objects.update_or_create(slug=concept["slug"], defaults=fields)
        by_slug[topic.slug] = topic
        if new:
            created.add(topic.slug)
    for concept in concepts:
        if not update_existing and concept["slug"] not in created:
            continue
        parent = by_slug.get(concept.get("parent") or "")
        topic = by_slug[concept["slug"]]
        if topic.parent_id != (parent.pk if parent else None):
            topic.parent = parent
            topic.save(update_fields=["parent"])
    return len(by_slug)


def load_reference_data(country_model=None, topic_model=None) -> tuple[int, int]:
    """(countries added or updated, topics) — what ``manage.py load_reference`` prints."""
    return load_countries(country_model), load_topics(topic_model)


def ensure_reference_data() -> bool:
    """Load the reference data if some of it is missing (two COUNT queries otherwise).

    Returns True when something was loaded. Names that changed in the code are only
    refreshed by ``manage.py load_reference``; this guards against missing rows, which
    would silently drop the parties of every agreement stored meanwhile."""
    from django.db import transaction

    from archive.models import Country, Topic

    loaded = False
    if Country.objects.count() < len(_country_codes()):
        with transaction.atomic():
            load_countries()
        loaded = True
    if Topic.objects.count() < len(_concepts(TOPICS_FILE)):
        with transaction.atomic():  # concepts the file gained; editors' changes to the others stay
            load_topics(update_existing=False)
        loaded = True
    return loaded


@cache
def _country_codes() -> tuple[str, ...]:
    return tuple(all_country_codes())
