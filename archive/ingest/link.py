"""Match parsed agreements and references to the archive's agreements.

Identity is parties + signature date + kind/subject, never the date alone: two
Kazakhstan–Azerbaijan agreements were signed in Astana on 1 March 2004. Titles of one
pair share most of their words ("… the Government of the Republic of Kazakhstan and the
Government of … on cooperation in …"), so they are compared on their *subject* words
only: country names and the genre's boilerplate are taken out first. Every decision
comes back with a sentence saying why, for the ingest report and the upload preview.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Prefetch

from archive.language import fold_lookalikes
from archive.language.countries import find_country_spans
from archive.models import Agreement, Kind, Text

WORD = re.compile(r"\w{3,}", re.UNICODE)
PREFIX = 5  # 5-letter prefixes absorb most inflection in kk, ru, hy, en, az
# Prefixes of words every treaty title has, in the archive's languages.
BOILERPLATE = {
    # kk
    "респу",
    "үкіме",
    "арасы",
    "туралы",
    "турал",
    "келіс",
    "ынтым",
    "шарт",
    "хатта",
    "салас",
    "аясын",
    "мемле",
    "өзара",
    "бойын",
    "жөнін",
    "негіз",
    "салад",
    "мен",
    "және",
    "бен",
    "пен",
    # ru
    "прави",
    "между",
    "согла",
    "догов",
    "сотру",
    "облас",
    "сфере",
    "протоко",
    "прото",
    "госуд",
    "взаим",
    "для",
    "при",
    # en
    "agree",
    "gover",
    "repub",
    "betwe",
    "coope",
    "treat",
    "proto",
    "field",
    "state",
    "mutua",
    "memor",
    "regar",
    "conce",
    "relat",
    "and",
    "the",
    "for",
    "with",
    # hy
    "համաձ",
    "կառավ",
    "միջև",
    "համագ",
    "մասին",
    "հանրա",
    "պայմա",
    "ոլորտ",
    "արձան",
    # az
    "razıl",
    "hökum",
    "arası",
    "sahəs",
    "haqqı",
    "əməkd",
    "müqav",
}
ACCEPT = 0.34  # least subject similarity (or topic overlap) to call two descriptions one agreement


@dataclass
class Match:
    agreement: Agreement | None
    reason: str


def subject_words(title: str | None) -> set[str]:
    """Distinctive word prefixes of a title: no country names, no treaty boilerplate."""
    if not title:
        return set()
    text = fold_lookalikes(title)
    for _, start, end in sorted(find_country_spans(text), key=lambda span: -span[1]):
        text = text[:start] + " " + text[end:]
    prefixes = {w[:PREFIX].lower() for w in WORD.findall(text)}
    return {p for p in prefixes if p not in BOILERPLATE and not p.isdigit()}


def similarity(a: str | None, b: str | None) -> float:
    wa, wb = subject_words(a), subject_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


# the candidates' text titles, without their bodies (a pair may have hundreds of agreements)
_TEXT_TITLES = Prefetch("texts", queryset=Text.objects.only("id", "agreement_id", "title"))


def _candidates(parties: list[str], signed_date: dt.date | None) -> list[Agreement]:
    qs = Agreement.objects.with_all_parties(parties).only("id", "slug", "kind", "title", "signed_date")
    qs = qs.prefetch_related("topics", _TEXT_TITLES)
    qs = qs.filter(signed_date=signed_date) if signed_date else qs.filter(signed_date__isnull=True)
    return list(qs)


def _score(cand: Agreement, kind, title, topics: set[str], language) -> float | None:
    """How well ``cand`` fits; None when it certainly is another agreement."""
    if kind and kind != Kind.OTHER and cand.kind not in (kind, Kind.OTHER):
        return None
    cand_topics = {t.slug for t in cand.topics.all()}
    if topics and cand_topics and not topics & cand_topics:
        return None  # both subjects known and different: same day, another agreement
    overlap = len(cand_topics & topics) / len(cand_topics | topics) if topics and cand_topics else 0.0
    titles = [cand.title] + [t.title for t in cand.texts.all()]
    # Titles in different languages share no words; then only the topics can tell.
    sim = max((similarity(title, other) for other in titles), default=0.0)
    return max(overlap, sim)


# a multilateral or partyless title must match much more closely: many agreements share a date
ACCEPT_WITHOUT_PAIR = 0.6


def _match_without_pair(parties: list[str], signed_date: dt.date | None, kind, title, when: str) -> Match:
    """A multilateral agreement, or one cited without its parties ("the Convention on
    Diplomatic Relations of 18 April 1961"): the same date, kind and subject, and every
    party named is a party."""
    if not signed_date or not title:
        return Match(None, "fewer than two parties and no date or title: not matched to any agreement")
    qs = Agreement.objects.filter(signed_date=signed_date).only("id", "slug", "kind", "title", "signed_date")
    qs = qs.prefetch_related(_TEXT_TITLES, "parties")
    if parties:
        qs = qs.filter(parties__country_id__in=parties).distinct()
    scored = []
    for cand in qs[:50]:
        if kind and kind != Kind.OTHER and cand.kind not in (kind, Kind.OTHER):
            continue
        if len(parties) < 2 and cand.pair:
            continue  # a bilateral agreement is not what a partyless citation names
        sim = max((similarity(title, t) for t in [cand.title] + [x.title for x in cand.texts.all()]), default=0.0)
        if sim >= ACCEPT_WITHOUT_PAIR:
            scored.append((sim, cand))
    if not scored:
        return Match(None, f"no agreement without a pair on {when} with this title")
    return _best(scored, f"same date ({when}), kind and title (similarity {{score:.2f}})")


def _best(scored: list, why: str) -> Match:
    """The best-scored candidate, unless the runner-up fits about as well (then review)."""
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.1:
        return Match(None, f"ambiguous: {scored[0][1].slug} and {scored[1][1].slug} fit equally well")
    best_score, best = scored[0]
    return Match(best, f"matched {best.slug}: " + why.format(score=best_score))


def match_parsed(parsed, language: str | None) -> Match:
    """The existing agreement a parsed text (archive.ingest.types.ParsedAgreement) is about."""
    return find_agreement(
        parties=parsed.parties,
        signed_date=parsed.signed_date,
        kind=parsed.kind,
        title=parsed.title,
        topics=parsed.topics,
        language=language,
    )


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
    match = _find(parties, signed_date, kind, title, topics, language)
    if match.agreement is not None:  # candidates were read with few columns: the whole row
        match = Match(Agreement.objects.get(pk=match.agreement.pk), match.reason)
    return match


def _find(parties, signed_date, kind, title, topics, language) -> Match:
    when = signed_date.isoformat() if signed_date else "no date"
    if len(parties) < 2:
        return _match_without_pair(parties, signed_date, kind, title, when)
    scored = []
    candidates = _candidates(parties, signed_date)
    for cand in candidates:
        score = _score(cand, kind, title, set(topics), language)
        if score is not None and score >= ACCEPT:
            scored.append((score, cand))
    if not scored and signed_date and kind:
        # titles in two languages and no topics to compare: the one agreement of this kind the
        # parties signed that day is the one (two of the same kind on the same day: review)
        same_kind = [
            c for c in candidates if c.kind == kind and _score(c, kind, title, set(topics), language) is not None
        ]
        if len(same_kind) == 1:
            best = same_kind[0]
            return Match(best, f"matched {best.slug}: same parties, same date ({when}), the only {kind} of that day")
        if len(same_kind) > 1:
            slugs = " and ".join(c.slug for c in same_kind[:2])
            return Match(None, f"ambiguous: {slugs} are both {kind}s of {'-'.join(sorted(parties))} signed on {when}")
    if not scored:
        return Match(None, f"no agreement of {'-'.join(sorted(parties))} on {when} with a matching subject")
    return _best(scored, f"same parties, same date ({when}), subject similarity {{score:.2f}}")
