"""python manage.py parse FILE... [--json] — parse without storing anything.

With ``--json``: one object for one file, an array for several (argument order), as
``archive/ingest/contracts/parse-output.schema.json`` describes. Without it: a short
human summary per file. An unreadable file yields an object with nulls and its error in
``warnings``; the exit status is then 1. Touches no database (imports no models).
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from archive.ingest.pipeline import parse_path
from archive.ingest.types import ParseResult


def summary(result: ParseResult) -> str:
    lines = [f"{result.source}"]
    if result.error:
        lines.append(f"  error: {result.error}")
        return "\n".join(lines)
    lines.append(f"  language: {result.language or '?'}   kinds: {', '.join(result.document_kinds)}")
    a = result.agreement
    if a:
        lines.append(f"  title: {a.title or '?'}")
        if a.title_en:
            lines.append(f"  title (en): {a.title_en}")
        lines.append(f"  kind: {a.kind or '?'}   parties: {'-'.join(a.parties) or '?'} ({a.party_level or '?'})")
        lines.append(
            f"  signed: {a.signed_date.isoformat() if a.signed_date else '?'}"
            f" at {a.signed_place or '?'}   articles: {len(a.articles)}"
        )
        if a.term:
            t = a.term
            lines.append(
                f"  term: {'indefinite' if t.indefinite else f'{t.years} years'}"
                f"   renewal: {t.renewal_years}   notice: {t.notice_months} months"
            )
        if a.authentic_languages:
            lines.append(f"  languages: {', '.join(a.authentic_languages)} (prevails: {a.prevailing_language or '-'})")
        if a.topics:
            lines.append(f"  topics: {', '.join(a.topics)}")
    if result.act:
        act = result.act
        lines.append(
            f"  act: {act.type} {act.action or ''} {act.country or ''} "
            f"No {act.number or '?'} of {act.date.isoformat() if act.date else '?'}"
        )
    for r in result.related:
        lines.append(f"  {r.relation}: {r.title} ({r.date.isoformat() if r.date else '?'})")
    for w in result.warnings:
        lines.append(f"  ! {w}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Parse agreement files (txt, docx, pdf, html) and print what was found; stores nothing."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="print the parse-output JSON")

    def handle(self, *args, files, json=False, **options):
        results = [parse_path(f) for f in files]
        if json:
            payload = [r.to_contract() for r in results]
            out = payload[0] if len(payload) == 1 else payload
            self.stdout.write(_dumps(out))
        else:
            for r in results:
                self.stdout.write(summary(r))
        if any(r.error for r in results):
            sys.exit(1)


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
