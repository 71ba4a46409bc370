"""extract_metadata: segments -> agreement, act, relations, document kinds, warnings.

Each fact comes from the place the genre puts it: the signature date and place from the
testimonium ("... жасалды", "Совершено в ...", "Done at ..."), else from the act clause
that names the agreement ("2024 жылғы 7 маусымда Баку қаласында жасалған ..."), else from
a registry card; the term and languages from the final articles; parties from the title.
Nothing is guessed: what is not found stays None / [].
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from archive.ingest.acts import cited_acts, extract_act
from archive.ingest.authorities import extract_authorities
from archive.ingest.dates import find_dates
from archive.ingest.languages import authentic_languages, prevailing_language
from archive.ingest.parties import extract_parties, split_parties
from archive.ingest.places import find_place
from archive.ingest.relations import find_relations
from archive.ingest.segment import Segments
from archive.ingest.terms import extract_term
from archive.ingest.titles import english_title, kind_of, nominative_title, title_from_act
from archive.ingest.types import ParsedAct, ParsedAgreement, ParsedRelation
from archive.language import detect_language
from archive.language.countries import find_countries

__all__ = ["Metadata", "extract_metadata", "suggest_topics_safe"]


@dataclass
class Metadata:
    language: str | None
    document_kinds: list[str]
    agreement: ParsedAgreement | None
    act: ParsedAct | None
    related: list[ParsedRelation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def suggest_topics_safe(text: str, language: str | None) -> list[str]:
    """Topic slugs from the project's thesaurus (the search helper's module).

    The one place the parser reaches into search: if the thesaurus is not installed
    yet, there are simply no topics.
    """
    try:
        from archive.search.thesaurus import suggest_topics
    except ImportError:
        return []
    return list(suggest_topics(text, language))


_SIGN_VERB = re.compile(
    r"жасалған|қол\s+қойылған|совершенн\w*|подписанн\w*|заключенн\w*|signed|done\s+at|"
    r"ստորագրված|կնքված|imzalanmış|imzolangan",
    re.I,
)
_EIF_CUE = re.compile(
    r"вступил[оаи]?\s+в\s+силу|вступлени[еяю]\s+в\s+силу|вступает\s+в\s+силу|"
    r"күшіне\s+енді|күшіне\s+енген|күшіне\s+ену|entered\s+into\s+force|entry\s+into\s+force|"
    r"came\s+into\s+force|ուժի\s+մեջ\s+է\s+մտել|ուժի\s+մեջ\s+մտնելու|qüvvəyə\s+minmişdir|"
    r"kuchga\s+kirgan",
    re.I,
)
_NOTE_KIND_WORDS = re.compile(
    r"\b(?:Համաձայնագ\w*|Պայմանագ\w*|Արձանագրությ\w*|Соглашени\w*|Договор\w*|Протокол\w*|"
    r"Конвенци\w*|Меморандум\w*|Келісім\w*|Шарт\w*|Хаттама\w*|Agreement|Treaty|Protocol|"
    r"Convention|Memorandum)"
)


def _signature_from_testimonium(lines: list[str], language: str | None):
    for line in lines:
        dates = find_dates(line)
        if dates:
            return dates[0].date, find_place(line, language)
    return None, None


_DATE_AFTER_VERB = re.compile(r"совершенн|подписанн|заключенн|signed|done", re.I)


def _signature_from_act(act_text: str, language: str | None):
    """Date and place next to "жасалған" / "совершенное" / "signed" in the act.

    Kazakh/Armenian put the date before the participle ("2024 жылғы 7 маусымда Баку
    қаласында жасалған"), Russian/English after it ("совершенное в городе Баку 24 мая
    2005 года")."""
    for m in _SIGN_VERB.finditer(act_text):
        before = act_text[max(0, m.start() - 120) : m.start()]
        after = act_text[m.end() : m.end() + 120]
        d_before = find_dates(before)
        d_after = find_dates(after)
        found_before = found_after = None
        if d_before and before[d_before[-1].end :].strip().count(" ") <= 4:
            d = d_before[-1]
            found_before = d.date, find_place(before[d.start :], language)
        if d_after and after[: d_after[0].start].count(" ") <= 6:
            d = d_after[0]
            found_after = d.date, find_place(after[: d.end], language)
        first, second = (
            (found_after, found_before) if _DATE_AFTER_VERB.match(m.group(0)) else (found_before, found_after)
        )
        if first or second:
            return first or second
    return None, None


def _entry_into_force(text: str) -> object:
    for m in _EIF_CUE.finditer(text):
        window_after = text[m.end() : m.end() + 60]
        window_before = text[max(0, m.start() - 60) : m.start()]
        d = find_dates(window_after)
        if d and window_after[: d[0].start].count(" ") <= 4:
            return d[0].date
        d = find_dates(window_before)
        if d and window_before[d[-1].end :].count(" ") <= 3:
            return d[-1].date
    return None


def _registry_facts(fields: dict[str, str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for label, value in fields.items():
        d = find_dates(value)
        if re.search(r"подписан|signature|signed|қол\s+қойылған\s+күні|ստորագր", label):
            if d:
                out["signed_date"] = d[0].date
        elif re.search(r"вступ|entry\s+into\s+force|күшіне|ուժի", label):
            if d:
                out["entry_into_force_date"] = d[0].date
        elif re.search(r"место|place|жері", label):
            out["signed_place"] = find_place(value) or value.strip() or None
        elif re.search(r"наименование|название|title|атауы", label):
            out["title"] = value.strip()
        elif re.search(r"вид|тип|type|түрі|տեսակ", label):
            out["kind"] = kind_of(value)
        elif re.search(r"сторон|участник|parties|тараптар", label):
            out["parties"] = find_countries(value)
    return out


def _note_parties(text: str, language: str | None) -> list[str]:
    # "Հայաստանի և Ղազախստանի միջև", "между Казахстаном и ...": the first pair named
    for m in re.finditer(r"([^.։:\n]{0,160}?)\s(?:միջև|арасындағы|арасында)\b", text):
        info = split_parties(m.group(1), language)
        if len(info.codes) >= 2:
            return info.codes[:2]
    for m in re.finditer(r"(?:между|between)\s([^.։:\n]{0,200})", text):
        info = split_parties(m.group(1), language)
        if len(info.codes) >= 2:
            return info.codes[:2]
    return find_countries(text)[:2]


def _note_kind(text: str) -> str | None:
    counts: Counter[str] = Counter()
    for m in _NOTE_KIND_WORDS.finditer(text):
        k = kind_of(m.group(0))
        if k:
            counts[k] += 1
    return counts.most_common(1)[0][0] if counts else None


_RELATION_RANK = {"supersedes": 0, "amends": 1, "based_on": 2, "implements": 3, "references": 4}


def _merge(related: list[ParsedRelation], more: list[ParsedRelation]) -> None:
    """Add ``more`` to ``related``; the same agreement (date + title) keeps the most
    specific relation (an amending protocol's title beats a plain reference)."""
    for rel in more:
        same = next(
            (r for r in related if r.date == rel.date and (r.title or "").lower() == (rel.title or "").lower()),
            None,
        )
        if same is None:
            related.append(rel)
        elif _RELATION_RANK[rel.relation] < _RELATION_RANK[same.relation]:
            same.relation = rel.relation
            same.place = same.place or rel.place


def extract_metadata(seg: Segments, text: str) -> Metadata:
    warnings: list[str] = []
    agreement_text = seg.agreement_text
    language = detect_language(agreement_text or text)

    kinds: list[str] = []
    if seg.registry:
        kinds.append("registry_card")
    act = extract_act(seg.act, seg.stamp, language) if seg.act else None
    if act:
        kinds.append("act")
    has_agreement_text = bool(seg.articles) or (seg.title is not None and bool(seg.preamble))
    if has_agreement_text:
        kinds.append("agreement")
    if seg.note:
        kinds.append("explanatory_note")
    if seg.translation:
        kinds.append("translation")
    if not kinds:
        kinds.append("other")

    registry = _registry_facts(seg.registry) if seg.registry else {}

    # --- the agreement -----------------------------------------------------------------
    agreement = ParsedAgreement(language=language)
    title = nominative_title(seg.title, language) if seg.title else None
    act_title = title_from_act(seg.act, language) if seg.act else None
    if title is None:
        title = act_title or (registry.get("title") if isinstance(registry.get("title"), str) else None)
    agreement.title = title
    agreement.kind = kind_of(title) or registry.get("kind")  # type: ignore[assignment]

    parties = extract_parties(title, seg.preamble, language)
    if not parties.codes and act_title and act_title != title:
        parties = extract_parties(act_title, [], language)
    agreement.parties = parties.codes
    agreement.parties_as_written = parties.as_written
    agreement.party_level = parties.level
    if not agreement.parties and registry.get("parties"):
        agreement.parties = list(registry["parties"])  # type: ignore[arg-type]

    if seg.note and not has_agreement_text:
        agreement.parties = agreement.parties or _note_parties(text, language)
        agreement.kind = agreement.kind or _note_kind(text)

    # signature
    signed, place = _signature_from_testimonium(seg.final_clauses, language)
    if signed is None and seg.articles:
        tail = seg.articles[-1].text.split("\n")[-3:]
        signed, place = _signature_from_testimonium(
            [t for t in tail if re.search(r"жасалды|Совершено|Done|Կատարված", t)], language
        )
    if seg.act:
        a_date, a_place = _signature_from_act("\n".join(seg.act), language)
        if signed is None:
            signed, place = a_date, place or a_place
        elif a_date and a_date != signed:
            warnings.append(f"the act dates the signature {a_date.isoformat()}, the text {signed.isoformat()}")
        if place is None:
            place = a_place
    if signed is None and registry.get("signed_date"):
        signed = registry["signed_date"]  # type: ignore[assignment]
    if place is None and registry.get("signed_place"):
        place = registry["signed_place"]  # type: ignore[assignment]
    agreement.signed_date = signed  # type: ignore[assignment]
    agreement.signed_place = place
    agreement.entry_into_force_date = _entry_into_force(text) or registry.get(  # type: ignore[assignment]
        "entry_into_force_date"
    )

    # term, languages, authorities
    last_articles = "\n".join(a.text for a in seg.articles[-3:])
    final = "\n".join(seg.final_clauses)
    agreement.term = extract_term(last_articles + "\n" + final) or (
        extract_term(agreement_text) if agreement_text else None
    )
    lang_text = final + "\n" + (seg.articles[-1].text if seg.articles else "")
    agreement.authentic_languages = authentic_languages(lang_text) or (
        authentic_languages(agreement_text) if has_agreement_text else []
    )
    agreement.prevailing_language = prevailing_language(lang_text) or (
        prevailing_language(agreement_text) if has_agreement_text else None
    )
    if has_agreement_text:
        agreement.authorities = extract_authorities(agreement_text, agreement.parties)
        agreement.preamble = "\n".join(seg.preamble)
        agreement.final_clauses = "\n".join(seg.final_clauses)
        agreement.signature_block = "\n".join(seg.signature_block)
        agreement.articles = list(seg.articles)

    agreement.title_en = english_title(
        agreement.title, agreement.kind, agreement.parties, agreement.party_level, language
    )

    # topics: what the agreement is about (title, preamble, first articles; or the note)
    if seg.note and not has_agreement_text:
        topic_text = text
    else:
        topic_text = "\n".join(
            [agreement.title or "", agreement.preamble] + [(a.heading or "") + "\n" + a.text for a in seg.articles[:4]]
        )
    agreement.topics = suggest_topics_safe(topic_text[:8000], language) if topic_text.strip() else []

    # --- relations ---------------------------------------------------------------------
    own = {agreement.signed_date} if agreement.signed_date else set()
    chunks: list[tuple[str, str | None]] = []
    if seg.note and not has_agreement_text:
        chunks.append(("\n".join(seg.paragraphs), None))
    else:
        chunks.append(("\n".join(seg.preamble), None))
        chunks.extend((a.text, a.number) for a in seg.articles)
        chunks.append(("\n".join(seg.final_clauses), None))
    related = find_relations(chunks, language, own)
    if agreement.title:
        _merge(related, find_relations([(agreement.title, None)], language, set()))
    if seg.act:
        act_own = own | ({act.date} if act and act.date else set())
        _merge(related, find_relations([("\n".join(seg.act), None)], language, act_own))

    # --- warnings ------------------------------------------------------------------------
    if seg.note and not seg.act:
        warnings.extend(cited_acts(text))
    if act is not None:
        if act.number is None and act.date is None:
            warnings.append("the act's number and date are missing (cut off in this text?)")
        elif act.number is None:
            warnings.append("the act's number is missing")
        elif act.date is None:
            warnings.append("the act's date is missing")
    if has_agreement_text and not seg.articles:
        warnings.append("no article headings found")
    if seg.articles:
        last = seg.articles[-1]
        tail = (last.text.rstrip() or "").rstrip()
        if not seg.final_clauses and not seg.signature_block and tail and tail[-1] not in '.;։!?»"':
            warnings.append("the text seems truncated (no closing clauses, last sentence unfinished)")
        numbers = [a.number for a in seg.articles]
        if numbers and numbers[0] not in ("1", "I"):
            warnings.append(f"articles start at {numbers[0]} (text truncated at the start?)")
    if agreement.title is None and (has_agreement_text or act):
        warnings.append("the agreement's title was not found")
    if not agreement.parties and (has_agreement_text or act or seg.note):
        warnings.append("no parties recognised")

    has_agreement = bool(has_agreement_text or act or seg.note or agreement.title or agreement.parties or registry)
    return Metadata(
        language=language,
        document_kinds=kinds,
        agreement=agreement if has_agreement else None,
        act=act,
        related=related,
        warnings=warnings,
    )
