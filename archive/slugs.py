"""Readable, stable slugs: ``az-kz-2024-06-07-military-intelligence``."""

from __future__ import annotations

import datetime as dt

from django.utils.text import slugify


def agreement_slug(parties: list[str], signed_date: dt.date | None, subject: str | None, taken) -> str:
    """Build a slug from the sorted parties, the date and a subject (topic slug or kind).

    ``taken`` is a callable telling whether a slug is already used; a numeric suffix
    keeps two agreements of the same pair, day and subject apart.
    """
    pair = "-".join(sorted(code.lower() for code in parties)) or "xx"
    when = signed_date.isoformat() if signed_date else "undated"
    base = slugify(f"{pair}-{when}-{subject or 'agreement'}")[:110].strip("-")
    slug, n = base, 2
    while taken(slug):
        slug, n = f"{base}-{n}", n + 1
    return slug
