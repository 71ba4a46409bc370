"""python manage.py export_corrections DIR — what editors fixed, as test cases for the parser.

Each reviewed source becomes ``<stem>.txt`` (the text as the parser read it) and
``<stem>.json`` (the facts as the editor left them), in the format of the parser's
real-document tests (``tests/ingest/real/``): copy a pair there and the next parser change is
tested against it. ``_source`` says which review it came from and which facts were corrected,
with the parser's value beside the editor's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.models import Review, SourceDocument
from archive.review import current_values


def _stem(source: SourceDocument) -> str:
    base = re.sub(r"[^0-9A-Za-z]+", "_", Path(source.filename).stem).strip("_").lower()[:60] or "source"
    return f"review_{source.sha256[:12]}_{base}"


def expected_facts(review: Review) -> dict:
    """The reviewed agreement's facts as dotted contract paths (the real-document test format)."""
    agreement, source = review.agreement, review.source
    values = current_values(agreement)
    facts: dict = {
        "_source": {
            "via": "editor review",
            "filename": source.filename,
            "sha256": source.sha256,
            "review": review.pk,
            "reviewed_at": review.created_at.isoformat(),
            "corrected": {name: {"parser": old, "editor": new} for name, (old, new) in review.changes.items()},
        },
        "language": source.language or None,
    }
    if values["title"] and not values["title"].startswith("["):  # a supplied [bracketed] title is not the text's
        facts["agreement.title"] = values["title"]
    facts["agreement.kind"] = values["kind"]
    if values["parties"]:
        facts["agreement.parties"] = values["parties"]
    if values["level"]:
        facts["agreement.party_level"] = values["level"]
    for name in ("signed_date", "entry_into_force_date"):
        if values[name]:
            facts[f"agreement.{name}"] = values[name].isoformat()
    if values["signed_place"]:
        facts["agreement.signed_place"] = values["signed_place"]
    act = agreement.acts.filter(source=source).first()
    if act is not None:
        facts.update({"act.type": act.type, "act.action": act.action or None, "act.number": act.number or None})
        if act.date:
            facts["act.date"] = act.date.isoformat()
        if act.country_id:
            facts["act.country"] = act.country_id
    return {k: v for k, v in facts.items() if v not in (None, "", [])}


class Command(BaseCommand):
    help = "Write every reviewed source as a text + expected-facts pair (the parser's real-document test format)."

    def add_arguments(self, parser):
        parser.add_argument("dir", metavar="DIR")

    def handle(self, *args, dir, **options):
        out = Path(dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"cannot write to {out}: {exc}") from exc
        latest: dict[int, Review] = {}
        reviews = Review.objects.filter(
            action__in=[Review.Action.SAVE, Review.Action.PUBLISH], agreement__isnull=False, source__isnull=False
        ).select_related("agreement", "source")
        for review in reviews.order_by("created_at"):
            latest[review.source_id] = review  # the last review of a source says what it holds
        written = 0
        for review in latest.values():
            source = review.source
            if not source.text:
                continue
            stem = _stem(source)
            (out / f"{stem}.txt").write_text(source.text, encoding="utf-8")
            facts = expected_facts(review)
            (out / f"{stem}.json").write_text(json.dumps(facts, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written += 1
        self.stdout.write(f"wrote {written} reviewed document(s) to {out}")
