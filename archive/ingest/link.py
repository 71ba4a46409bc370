"""Match parsed agreements and references to the archive's agreements.

Identity is parties + signature date + kind/subject, never the date alone: two
Kazakhstan–Azerbaijan agreements were signed in Astana on 1 March 2004. Every
decision comes back with a sentence saying why, for the ingest report and the
upload preview.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from archive.models import Agreement, Kind

WORD = re.compile(r"\w{4,}", re.UNICODE)


@dataclass
class Match:
    agreement: Agreement | None
    reason: str


def title_words(title: str | None) -> set[str]:
    # Crude but language-neutral: 5-letter prefixes absorb most inflection.
    return {w[:5].lower() for w in WORD.findall(title or "")}


def similarity(a: str | None, b: str | None) -> float:
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _candidates(parties: list[str], signed_date: dt.date | None):
    qs = Agreement.objects.with_all_parties(parties).prefetch_related("topics", "texts")
    if signed_date:
        return list(qs.filter(signed_date=signed_date))
    return list(qs.filter(signed_date__isnull=True))


def find_agreement(
    *,
    parties: list[str],
    signed_date: dt.date | None,
    kind: str | None,
    title: str | None,
    topics: list[str],
    language: str | None = None,
) -> Match:
    """The existing agreement these facts describe, or None with the reason."""
    if len(parties) < 2:
        return Match(None, "fewer than two parties recognised: not matched to any agreement")
    scored = []
    for cand in _candidates(parties, signed_date):
        if kind and cand.kind not in (kind, Kind.OTHER) and kind != Kind.OTHER:
            continue
        cand_topics = {t.slug for t in cand.topics.all()}
        overlap = len(cand_topics & set(topics)) / len(cand_topics | set(topics)) if topics or cand_topics else 0.0
        same_language_title = any(t.language == language for t in cand.texts.all()) or cand.title_language == language
        sim = similarity(title, cand.title) if same_language_title or not language else 0.0
        score = max(overlap, sim)
        if score >= 0.34:
            scored.append((score, cand))
    if not scored:
        when = signed_date.isoformat() if signed_date else "no date"
        return Match(None, f"no agreement of {'-'.join(sorted(parties))} on {when} with a matching subject")
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.1:
        return Match(None, f"ambiguous: {scored[0][1].slug} and {scored[1][1].slug} fit equally well")
    best_score, best = scored[0]
    return Match(best, f"matched {best.slug}: same parties and date, subject similarity {best_score:.2f}")
