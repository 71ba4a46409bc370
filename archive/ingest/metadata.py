"""extract_metadata: segments -> agreement, act, relations, document kinds, warnings.

Each fact is looked for everywhere the genre states it, and the readings are combined
(``archive.ingest.evidence``): the parties in the title's frame, the preamble's opening,
the act's clause that names the agreement, the signature block and a registry card (and,
failing all of them, how often each country is named); the date and place of signature
in the testimonium ("Done at … on …", "Совершено в …", "Gedaan te …", "… жасалды"), the
act's clause ("… 7 июня 2012 года подписанное в городе Астане"), a registry card and a
date in the title; the title from the heading, the act and a registry card. Every value
comes with a confidence and the passages it was read from (offsets into the normalised
text); what no place states stays None / [].
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from archive.ingest.acts import cited_acts, extract_act
from archive.ingest.authorities import extract_authorities
from archive.ingest.dates import find_dates
from archive.ingest.evidence import Candidates, Fact
from archive.ingest.languages import authentic_languages, prevailing_language
from archive.ingest.naming import named_agreements
from archive.ingest.parties import (
    PartyInfo,
    multilateral_frame,
    parties_from_mentions,
    parties_from_preamble,
    parties_from_signatures,
    parties_from_title,
    party_level,
    split_parties,
)
from archive.ingest.patterns import kind_matches, registry_field
from archive.ingest.places import find_place
from archive.ingest.relations import find_relations
from archive.ingest.segment import Segments, testimonium_pattern
from archive.ingest.terms import extract_term
from archive.ingest.titles import english_title, kind_of, nominative_title
from archive.ingest.types import ParsedAct, ParsedAgreement, ParsedRelation, ParsedVersion
from archive.language import detect_language
from archive.language.caseless import caseless
from archive.language.countries import find_countries
from archive.language.profiles import phrase_pattern, profile

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


# How much each place is worth, per field (0..1). Two places that agree give a confident
# value; one place below evidence.CONFIDENT gives a warning.
WEIGHTS = {
    "parties": {
        "registry": 0.85,
        "title": 0.8,
        "heading": 0.7,
        "preamble": 0.75,
        "act": 0.75,
        "note": 0.6,
        "signature": 0.55,
        "mentions": 0.35,
    },
    "signed": {"registry": 0.85, "testimonium": 0.85, "act": 0.8, "title": 0.6, "signature": 0.5},
    "title": {"registry": 0.85, "heading": 0.8, "act": 0.75},
}

_SIGN_VERB = caseless(
    r"жасалған|қол\s+қойылған|совершенн\w*|подписанн\w*|заключенн\w*|signed|done\s+at|"
    r"ստորագրված|կնքված|imzalanmış|imzolangan|ondertekend|signé\w*|unterzeichnet\w*|firmad\w*"
)
_EIF_CUE = caseless(
    r"вступил[оаи]?\s+в\s+силу|вступлени[еяю]\s+в\s+силу|вступает\s+в\s+силу|"
    r"күшіне\s+енді|күшіне\s+енген|күшіне\s+ену|entered\s+into\s+force|entry\s+into\s+force|"
    r"came\s+into\s+force|ուժի\s+մեջ\s+է\s+մտել|ուժի\s+մեջ\s+մտնելու|qüvvəyə\s+minmişdir|"
    r"kuchga\s+kirgan|in\s+werking\s+getreden|entré\w*\s+en\s+vigueur|in\s+Kraft\s+getreten"
)
_TITLE_DATE = re.compile(r"\s*\((?P<inner>[^()]{4,80})\)\s*$")
_DATE_AFTER_VERB = caseless(r"совершенн|подписанн|заключенн|signed|done|ondertekend|sign|unterzeichnet|firmad")


def _readable(title: str) -> str:
    """A title in capitals read in the case its genre writes it (same length), so that the
    party chain stops where the subject begins."""
    from archive.ingest.titles import recase_all_caps

    letters = [ch for ch in title if ch.isalpha()]
    upper = sum(1 for ch in letters if ch.isupper())
    if len(letters) > 12 and upper >= 0.8 * len(letters):
        out = recase_all_caps(title)
        return out if len(out) == len(title) else title
    return title


def _own_language(text: str | None, default: str | None) -> str | None:
    """The language a heading is written in, when its words tell (a file's Dutch database
    heading above an English text); else the text's."""
    if not text:
        return default
    from archive.language.detect import language_scores

    scores = language_scores(text)
    if not scores or max(scores.values()) < 8 or scores.get(default or "", 0) >= max(scores.values()):
        return default
    return detect_language(text)


def _dates_in(text: str, lo: int):
    return [(d, lo + d.start, lo + d.end) for d in find_dates(text)]


def _signature_from_act(act_text: str, language: str | None):
    """(date, place, start, end) next to "жасалған" / "совершенное" / "signed" in the act.

    Kazakh/Armenian put the date before the participle ("2024 жылғы 7 маусымда Баку
    қаласында жасалған"), Russian/English after it ("совершенное в городе Баку 24 мая
    2005 года")."""
    for m in _SIGN_VERB.finditer(act_text):
        b0 = max(0, m.start() - 120)
        before = act_text[b0 : m.start()]
        after = act_text[m.end() : m.end() + 120]
        d_before = find_dates(before)
        d_after = find_dates(after)
        found_before = found_after = None
        if d_before and before[d_before[-1].end :].strip().count(" ") <= 4:
            d = d_before[-1]
            # the place may come before the date ("Алматыда 1997 жылғы 8 сәуірде қол қойылған")
            clause = re.split(r"[.;:]\s|\n", before[: d.start])[-1]
            place = find_place(before[d.start :] + m.group(0), language) or find_place(clause, language)
            found_before = d.date, place, b0 + d.start, m.end()
        if d_after and after[: d_after[0].start].count(" ") <= 6:
            d = d_after[0]
            found_after = d.date, find_place(after[: d.end], language), m.start(), m.end() + d.end
        first, second = (
            (found_after, found_before) if _DATE_AFTER_VERB.match(m.group(0)) else (found_before, found_after)
        )
        if first or second:
            return first or second
    return None


def _entry_into_force(text: str):
    """(date, start, end) of a stated entry into force."""
    for m in _EIF_CUE.finditer(text):
        window_after = text[m.end() : m.end() + 60]
        window_before = text[max(0, m.start() - 60) : m.start()]
        d = find_dates(window_after)
        if d and window_after[: d[0].start].count(" ") <= 4:
            return d[0].date, m.start(), m.end() + d[0].end
        d = find_dates(window_before)
        if d and window_before[d[-1].end :].count(" ") <= 3:
            return d[-1].date, max(0, m.start() - 60) + d[-1].start, m.end()
    return None


def _real_preamble(paragraphs: list[str]) -> bool:
    """The agreement's own opening words, not a publisher's note under its title."""
    from archive.ingest.parties import opens_preamble

    prose = [p for p in paragraphs if not re.fullmatch(r"\s*\(.*\)\s*", p, re.S)]
    return any(opens_preamble(p) for p in prose[:3]) or sum(len(p) for p in prose) >= 300


def _registry_facts(fields: dict[str, str], *, about_act: bool) -> dict[str, object]:
    """Facts of a record card. A card above an act describes the act (its number, its
    date of adoption); above an agreement, the agreement."""
    out: dict[str, object] = {}
    for label, value in fields.items():
        name = registry_field(label)
        d = find_dates(value)
        if name == "number" and value.strip():
            out["act_number" if about_act else "number"] = re.sub(r"^(?:№|N|No\.?)\s*", "", value.strip())
        elif name in ("signed_date", "adopted_date") and d:
            if about_act:
                out.setdefault("act_date", d[0].date)
            elif name == "signed_date" or "signed_date" not in out:
                out["signed_date"] = d[0].date
        elif name == "entry_into_force_date" and d and not about_act:
            out["entry_into_force_date"] = d[0].date
        elif name == "signed_place":
            out["signed_place"] = find_place(value) or value.strip() or None
        elif name == "title":
            out["title"] = value.strip()
        elif name == "kind" and not about_act:
            kind = kind_of(value)
            if kind:
                out["kind"] = kind
        elif name == "parties":
            out["parties"] = find_countries(value)
    return out


def _note_parties(text: str, language: str | None) -> tuple[PartyInfo, int]:
    # "Հայաստանի և Ղազախստանի միջև", "между Казахстаном и ...": the first pair named, read as a
    # title's frame is (the run of names next to the frame word, not the rest of the sentence)
    for rx in (
        r"([^.։:\n]{0,160}?)\s(?:միջև|арасындағы|арасында)\b",
        r"(?:между|between)\s([^.։:\n]{0,200})",
    ):
        for m in re.finditer(rx, text):
            info = parties_from_title(m.group(0), language)
            if len(info.codes) >= 2:
                return info, m.start(0)
            info = split_parties(m.group(1), language)
            if len(info.codes) >= 2:
                return info, m.start(1)
    return PartyInfo(), 0


def _note_kind(text: str) -> str | None:
    """The kind word (capitalised, as a title is cited) the note or report uses most."""
    counts: Counter[str] = Counter(kind for start, _, kind in kind_matches(text[:100000]) if text[start].isupper())
    return counts.most_common(1)[0][0] if counts else None


@functools.cache
def _self_reference(language: str) -> re.Pattern[str] | None:
    prof = profile(language)
    words = prof.words("self_reference") if prof else []
    if not words:
        return None
    return caseless(rf"(?:{phrase_pattern(words).pattern})\s+(?=[^\W\d_])")


def _self_kind(body: str, language: str | None) -> tuple[str, int, int] | None:
    """The kind a text without a title gives itself: "the objectives of *this Agreement*",
    "настоящего Соглашения", "осы Келісімнің" — the kind most of its self-references name,
    with the first of them."""
    rx = _self_reference(language or "")
    if rx is None:
        return None
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for m in rx.finditer(body[:100000]):
        found = kind_matches(body[m.end() : m.end() + 60])
        if found and found[0][0] == 0:
            kind = found[0][2]
            counts[kind] += 1
            first.setdefault(kind, (m.start(), m.end() + found[0][1]))
    if not counts:
        return None
    kind, n = counts.most_common(1)[0]
    if n < 2 or n * 2 < sum(counts.values()):
        return None  # named once, or no clear majority
    return kind, *first[kind]


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


def _locate(text: str, needle: str, lo: int, hi: int) -> tuple[int, int]:
    """Offsets of ``needle`` inside ``text[lo:hi]`` (the whole range when not found)."""
    if needle:
        probe = needle[:80]
        at = text.find(probe, lo, hi)
        if at >= 0:
            return at, at + len(needle)
    return lo, hi


class _Reader:
    """The readings of one file, field by field, with the passages they came from."""

    def __init__(self, seg: Segments, text: str, language: str | None) -> None:
        self.seg = seg
        self.text = text
        self.language = language
        self.c = Candidates(text)
        self.party_readings: list[tuple[str, PartyInfo]] = []

    def span(self, rng: tuple[int, int] | None) -> tuple[int, int]:
        return self.seg.span(*rng) if rng else (0, 0)

    # --- parties -------------------------------------------------------------------
    def add_parties(self, info: PartyInfo, source: str, base: int, quote: str | None = None) -> None:
        if len(info.codes) < 2:
            return
        self.c.add("parties", info.codes, WEIGHTS["parties"][source], source, base + info.start, base + info.end, quote)
        self.party_readings.append((source, info))

    def party_info(self, fact: Fact) -> PartyInfo:
        """The reading (as written, level, territories) that best tells how the parties are
        named: the title's, then the preamble's, the act's … among those that agree."""
        key = tuple(sorted(fact.value))
        order = ["title", "preamble", "act", "heading", "note", "signature", "registry", "mentions"]
        agreeing = [(s, i) for s, i in self.party_readings if tuple(sorted(i.codes)) == key]
        agreeing.sort(key=lambda si: (not si[1].as_written, order.index(si[0]) if si[0] in order else 99))
        return agreeing[0][1] if agreeing else PartyInfo(codes=list(fact.value))


def _testimonium_lines(seg: Segments) -> list[tuple[str, int]]:
    """(line, offset) of the final clauses, else of the last article's closing lines."""
    out: list[tuple[str, int]] = []
    if seg.tail_range:
        lo, hi = seg.tail_range
        out = [(seg.paragraphs[i], seg.offsets[i]) for i in range(lo, min(hi, len(seg.paragraphs)))]
    if not out and seg.articles and seg.article_starts:
        last_start = seg.article_starts[-1]
        end = seg.body_range[1] if seg.body_range else len(seg.paragraphs)
        for i in range(max(last_start, end - 4), end):
            if testimonium_pattern().search(seg.paragraphs[i]):
                out.append((seg.paragraphs[i], seg.offsets[i]))
    return out


def _read_signature(r: _Reader, act_lo: int, act_text: str, registry: dict[str, object]) -> None:
    c = r.c
    lines = _testimonium_lines(r.seg)
    for k, (line, off) in enumerate(lines):
        cue = testimonium_pattern().search(line)
        # a testimonium broken over short lines ("DONE at" / "Riga on" / "22 December" / "1992")
        sentence = line
        j = k + 1
        while cue and j < len(lines) and len(sentence) < 160 and not re.search(r"[.;]\s*$", sentence):
            sentence += " " + lines[j][0]
            j += 1
        dates = find_dates(sentence)
        if dates:
            d = dates[0]
            source = "testimonium" if cue else "signature"
            end = off + min(d.end, len(line)) if d.start < len(line) else off + len(line)
            c.add(
                "signed_date", d.date, WEIGHTS["signed"][source], source, off + min(d.start, len(line)), end, sentence
            )
        if cue:
            place = find_place(sentence, r.language)
            if place:
                c.add("signed_place", place, 0.8, "testimonium", off, off + len(line), sentence)
    if act_text:
        found = _signature_from_act(act_text, r.language)
        if found:
            date, place, s, e = found
            c.add("signed_date", date, WEIGHTS["signed"]["act"], "act", act_lo + s, act_lo + e)
            if place:
                c.add("signed_place", place, 0.75, "act", act_lo + s, act_lo + e)
    if registry.get("signed_date"):
        c.add("signed_date", registry["signed_date"], 0.85, "registry", *r.span((0, r.seg.registry_end)))
    if registry.get("signed_place"):
        c.add("signed_place", registry["signed_place"], 0.85, "registry", *r.span((0, r.seg.registry_end)))


_SENTENCE = re.compile(r"[^.!?։\n]+[.!?։]?")


def _read_signing_sentences(r: _Reader, span: tuple[int, int]) -> None:
    """A sentence anywhere that says the agreement was signed on a date ("Кыргызстан менен
    Орусия бул келишимге 2022-жылдын 16-августунда Москва шаарында кол койгон"): a weak
    witness, used only when no testimonium, act or card dates the signature."""
    from archive.ingest.naming import signing_words
    from archive.ingest.patterns import KIND_ANY

    lo, hi = span
    for m in _SENTENCE.finditer(r.text, lo, min(hi, lo + 20000)):
        sentence = m.group(0)
        if not signing_words().search(sentence) or not KIND_ANY.search(sentence):
            continue
        dates = find_dates(sentence)
        if not dates:
            continue
        d = dates[0]
        r.c.add("signed_date", d.date, 0.4, "sentence", m.start() + d.start, m.start() + d.end, sentence)
        place = find_place(sentence, r.language)
        if place:
            r.c.add("signed_place", place, 0.4, "sentence", m.start(), m.end(), sentence)
        return


def _title_aside(title: str) -> tuple[str, str | None]:
    """A trailing "(Moscow, 11 November, 1992)" is the signature, not part of the title; a
    publisher's dated note after it ("(вступило в силу 30 июля 1993 года)") is neither."""
    while (m := _TITLE_DATE.search(title)) and find_dates(m.group("inner")):
        title = title[: m.start()].rstrip(" ,")
        if not _EIF_CUE.search(m.group("inner")):
            return title, m.group("inner")
    return title, None


def _version(seg: Segments) -> ParsedVersion:
    start, end = seg.span(*seg.body_range) if seg.body_range else (0, 0)
    title = nominative_title(_title_aside(seg.title)[0], seg.language) if seg.title else None
    return ParsedVersion(
        language=seg.language,
        title=title,
        preamble="\n".join(seg.preamble),
        final_clauses="\n".join(seg.final_clauses),
        signature_block="\n".join(seg.signature_block),
        articles=list(seg.articles),
        start=start,
        end=end,
    )


def _set(agreement: ParsedAgreement, name: str, fact: Fact | None, warnings: list[str]) -> object:
    if fact is None:
        return None
    agreement.confidence[name] = fact.confidence
    agreement.evidence[name] = fact.evidence
    if fact.warning:
        warnings.append(fact.warning)
    return fact.value


def extract_metadata(seg: Segments, text: str) -> Metadata:
    warnings: list[str] = []
    agreement_text = seg.agreement_text
    language = seg.language or detect_language(agreement_text or text)
    r = _Reader(seg, text, language)
    c = r.c

    kinds: list[str] = []
    if seg.registry:
        kinds.append("registry_card")
    act = extract_act(seg.act, seg.stamp, language) if seg.act else None
    if act:
        kinds.append("act")
    has_agreement_text = bool(seg.articles) or (seg.title is not None and _real_preamble(seg.preamble))
    if has_agreement_text:
        kinds.append("agreement")
    if seg.note:
        kinds.append("explanatory_note")
    if seg.translation:
        kinds.append("translation")
    if not kinds:
        kinds.append("other")

    registry = _registry_facts(seg.registry, about_act=bool(seg.act)) if seg.registry else {}
    act_lo, act_hi = r.span(seg.act_range)
    act_text = text[act_lo:act_hi] if seg.act_range else ""

    # --- the title ------------------------------------------------------------------
    agreement = ParsedAgreement(language=language)
    heading_title = aside = None
    title_language = _own_language(seg.title, language) if seg.title else language
    if seg.title:
        heading_title, aside = _title_aside(seg.title)
        heading_title = nominative_title(heading_title, title_language)
        lo, hi = r.span(seg.title_range)
        c.add("title", heading_title, WEIGHTS["title"]["heading"], "heading", lo, hi, seg.title)
    act_title = naming = None
    namings = named_agreements(act_text) if act_text else []
    if namings:
        complete = [n for n in namings if n.complete] or namings
        naming = max(complete, key=lambda n: len(n.title.split()))
        act_title = nominative_title(naming.title, language)
        c.add("title", act_title, WEIGHTS["title"]["act"], "act", act_lo + naming.start, act_lo + naming.end)
    if isinstance(registry.get("title"), str):
        c.add("title", registry["title"], WEIGHTS["title"]["registry"], "registry", *r.span((0, seg.registry_end)))
    title_fact = _title_fact(c, heading_title, act_title)
    agreement.title = _set(agreement, "title", title_fact, warnings)  # type: ignore[assignment]
    title = agreement.title

    # --- parties ----------------------------------------------------------------------
    if heading_title:
        lo, _ = r.span(seg.title_range)
        r.add_parties(parties_from_title(_readable(seg.title or ""), title_language), "title", lo, seg.title)
    for i in seg.headings:
        # another heading of the file ("##Briefwisseling tussen X en Y …" above the letters' own title)
        para = seg.paragraphs[i]
        info = parties_from_title(para, _own_language(para, language))
        if len(info.codes) >= 2:
            r.add_parties(info, "heading", seg.offsets[i])
            break
    for n in namings:
        # the act's clause names the agreement: its frame gives the parties
        info = parties_from_title(n.title, language)
        if len(info.codes) >= 2:
            info.start, info.end = n.start, n.end
            r.add_parties(info, "act", act_lo)
            break
    if seg.preamble_range:
        lo_p, hi_p = seg.preamble_range
        for i in range(lo_p, min(hi_p, lo_p + 3)):
            info = parties_from_preamble(seg.paragraphs[i], language)
            if len(info.codes) >= 2:
                r.add_parties(info, "preamble", seg.offsets[i])
                break
    lines = _testimonium_lines(seg)
    if seg.signature_block or lines:
        sig_lines = [line for line, _ in lines] + [x for x in seg.signature_block if x not in {ln for ln, _ in lines}]
        info = parties_from_signatures(sig_lines, language)
        if len(info.codes) >= 2:
            lo, hi = r.span(seg.tail_range) if seg.tail_range else (lines[0][1], lines[-1][1] + len(lines[-1][0]))
            info.start, info.end = 0, hi - lo
            r.add_parties(info, "signature", lo)
    if isinstance(registry.get("parties"), list) and len(registry["parties"]) >= 2:  # type: ignore[arg-type]
        lo, hi = r.span((0, seg.registry_end))
        reg = PartyInfo(codes=list(registry["parties"]), start=0, end=hi - lo)  # type: ignore[arg-type]
        r.add_parties(reg, "registry", lo)
    if seg.note and not has_agreement_text and "parties" not in c:
        info, at = _note_parties(text, language)
        r.add_parties(info, "note", at)
    if "parties" not in c and (agreement_text or act_text):
        pair, firsts = parties_from_mentions(agreement_text or text)
        if pair:
            base = seg.span(*seg.body_range)[0] if seg.body_range and agreement_text else 0
            first = min(firsts, key=lambda f: f[1])
            info = PartyInfo(codes=pair, start=first[1], end=first[2])
            r.add_parties(info, "mentions", base)
    parties_fact = c.resolve("parties")
    if parties_fact is not None:
        info = r.party_info(parties_fact)
        codes = list(info.codes) if info.codes else list(parties_fact.value)
        agreement.parties = codes
        agreement.parties_as_written = list(info.as_written)
        agreement.party_level = info.level or party_level(info.as_written)
        agreement.territories = dict(info.territories)
        agreement.multilateral = len(codes) >= 3
        _set(agreement, "parties", parties_fact, warnings)
        if agreement.party_level:
            agreement.confidence["party_level"] = parties_fact.confidence if info.as_written else 0.4
            agreement.evidence["party_level"] = parties_fact.evidence[:1]

    if not agreement.multilateral and len(agreement.parties) < 2:
        frame = multilateral_frame(title) or multilateral_frame(act_text[:3000])
        if frame:
            agreement.multilateral = True
            agreement.evidence["multilateral"] = [_region(c, "title", *_locate(text, frame.group(0), 0, len(text)))]

    # --- kind ---------------------------------------------------------------------------
    agreement.kind = kind_of(title, language) or registry.get("kind")  # type: ignore[assignment]
    if not agreement.kind and (seg.note or not has_agreement_text):
        agreement.kind = _note_kind(text)  # the kind word the note or report uses most
    if agreement.kind and title_fact:
        agreement.confidence["kind"] = title_fact.confidence
        agreement.evidence["kind"] = title_fact.evidence[:1]
    elif not agreement.kind and has_agreement_text:
        body_lo, body_hi = r.span(seg.body_range)
        own = _self_kind(text[body_lo:body_hi], language) if seg.body_range else None
        if own:
            agreement.kind = own[0]  # type: ignore[assignment]
            agreement.confidence["kind"] = 0.6
            where = _region(c, "body", body_lo + own[1], body_lo + own[2])
            agreement.evidence["kind"] = [dataclasses.replace(where, value=own[0])]

    # --- signature ------------------------------------------------------------------------
    _read_signature(r, act_lo, act_text, registry)
    if aside:
        d = find_dates(aside)
        lo, hi = r.span(seg.title_range)
        if d:
            c.add("signed_date", d[0].date, WEIGHTS["signed"]["title"], "title", lo, hi, aside)
        place = find_place(aside, language) or (aside.split(",")[0].strip() if "," in aside else None)
        if place and not find_dates(place):
            c.add("signed_place", place, 0.6, "title", lo, hi, aside)
    if "signed_date" not in c and not seg.articles:
        # a report or an act without the agreement's text; inside an agreement, sentences
        # about signing are about the agreements it cites ("the WTO Agreement done at Marrakesh …")
        body = r.span(seg.body_range) if agreement_text and seg.body_range else (0, len(text))
        _read_signing_sentences(r, body)
    agreement.signed_date = _set(
        agreement, "signed_date", c.resolve("signed_date", label="date of signature"), warnings
    )  # type: ignore[assignment]
    agreement.signed_place = _set(
        agreement, "signed_place", c.resolve("signed_place", label="place of signature"), warnings
    )  # type: ignore[assignment]

    # the card's own "Дата вступления в силу:" line is the registry's witness, not a clause
    card_end = r.span((0, seg.registry_end))[1] if seg.registry else 0
    eif = _entry_into_force(text[card_end:])
    if eif:
        c.add("entry_into_force_date", eif[0], 0.7, "entry into force clause", card_end + eif[1], card_end + eif[2])
    if registry.get("entry_into_force_date"):
        c.add(
            "entry_into_force_date", registry["entry_into_force_date"], 0.85, "registry", *r.span((0, seg.registry_end))
        )
    agreement.entry_into_force_date = _set(  # type: ignore[assignment]
        agreement,
        "entry_into_force_date",
        c.resolve("entry_into_force_date", label="date of entry into force"),
        warnings,
    )
    if (
        agreement.entry_into_force_date
        and agreement.signed_date
        and agreement.entry_into_force_date < agreement.signed_date
    ):
        warnings.append(
            f"the entry into force ({agreement.entry_into_force_date.isoformat()}) is dated before the signature "
            f"({agreement.signed_date.isoformat()}): one of the two dates is wrong"
        )
        agreement.confidence["entry_into_force_date"] = min(agreement.confidence.get("entry_into_force_date", 0.5), 0.3)

    # --- term, languages, authorities --------------------------------------------------------
    last_articles = "\n".join(a.text for a in seg.articles[-3:])
    final = "\n".join(seg.final_clauses)
    # the final clauses say it; failing them, the text's closing part (never a whole 500 kB treaty)
    closing = agreement_text[-20000:] if agreement_text else ""
    later = "\n".join(a.text for a in seg.articles[-8:-3]) if len(seg.articles) > 3 else closing[-8000:]
    agreement.term = extract_term(last_articles + "\n" + final) or (extract_term(later) if later else None)
    lang_text = final + "\n" + (seg.articles[-1].text if seg.articles else "")
    agreement.authentic_languages = authentic_languages(lang_text) or (
        authentic_languages(closing) if has_agreement_text else []
    )
    agreement.prevailing_language = prevailing_language(lang_text) or (
        prevailing_language(closing) if has_agreement_text else None
    )
    tail_lo, tail_hi = r.span(seg.tail_range) if seg.tail_range else (0, 0)
    if agreement.term:
        lo = seg.offsets[seg.article_starts[-min(3, len(seg.article_starts))]] if seg.article_starts else 0
        agreement.confidence["term"] = 0.7
        agreement.evidence["term"] = [_region(c, "final articles", lo, max(tail_hi, lo + len(last_articles)))]
    if agreement.authentic_languages:
        agreement.confidence["authentic_languages"] = 0.75
        agreement.evidence["authentic_languages"] = [_region(c, "final clauses", tail_lo, tail_hi)] if tail_hi else []
    if has_agreement_text:
        agreement.authorities = extract_authorities(agreement_text, agreement.parties)
        agreement.preamble = "\n".join(seg.preamble)
        agreement.final_clauses = "\n".join(seg.final_clauses)
        agreement.signature_block = "\n".join(seg.signature_block)
        agreement.articles = list(seg.articles)
        agreement.versions = [_version(v) for v in seg.versions if v.articles or v.title]

    agreement.title_en = english_title(
        agreement.title, agreement.kind, agreement.parties, agreement.party_level, language
    )
    if agreement.title_en is None:
        agreement.title_en = next((v.title for v in agreement.versions if v.language == "en" and v.title), None)

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

    # --- the act's evidence --------------------------------------------------------------------
    if act is not None and registry:
        if act.number is None and registry.get("act_number"):
            act.number = str(registry["act_number"])
        if act.date is None and registry.get("act_date"):
            act.date = registry["act_date"]  # type: ignore[assignment]
    if act is not None:
        _act_evidence(c, act, act_text, act_lo, act_hi)

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
        if numbers and numbers[0] not in ("1", "I", "1.1", "101", "1.01"):
            warnings.append(f"articles start at {numbers[0]} (text truncated at the start?)")
    if agreement.versions:
        langs = ", ".join(v.language or "?" for v in agreement.versions)
        warnings.append(f"the file holds further language versions of the agreement ({langs})")
    if agreement.title is None and (has_agreement_text or act):
        warnings.append("the agreement's title was not found")
    if not agreement.parties and (has_agreement_text or act or seg.note):
        warnings.append("no parties recognised")
    if agreement.multilateral:
        warnings.append(f"{len(agreement.parties)} parties: a multilateral agreement")

    has_agreement = bool(has_agreement_text or act or seg.note or agreement.title or agreement.parties or registry)
    return Metadata(
        language=language,
        document_kinds=kinds,
        agreement=agreement if has_agreement else None,
        act=act,
        related=related,
        warnings=warnings,
    )


def _region(c: Candidates, source: str, lo: int, hi: int):
    from archive.ingest.evidence import Evidence

    quote = " ".join(c.text[lo:hi].split())
    return Evidence(source=source, quote=quote[:299] + ("…" if len(quote) > 299 else ""), start=lo, end=hi)


def _title_fact(c: Candidates, heading: str | None, act_title: str | None) -> Fact | None:
    """The title by priority (the agreement's own heading, then how the act or a registry
    card names it); the other places confirm it when they read much the same words."""
    cands = c.get("title")
    if not cands:
        return None
    order = {"heading": 0, "registry": 1, "act": 2}
    cands.sort(key=lambda x: order.get(x.evidence.source, 9))
    best = cands[0]
    head = " ".join(best.value.lower().split()[:-1])
    for x in cands[1:]:
        # the heading cut off by the end of the excerpt: the act names the whole title
        if head and len(x.value) > len(best.value) and " ".join(x.value.lower().split()).startswith(head):
            best = x
            break
    confirm = [x for x in cands if x is not best and _similar(x.value, best.value) >= 0.6]
    confidence = best.weight
    for x in confirm:
        confidence = 1 - (1 - confidence) * (1 - x.weight)
    evidence = [best.evidence, *[x.evidence for x in cands if x is not best]]
    warning = None
    if confidence < 0.7:
        warning = f"the title rests on one weak source: the {best.evidence.source}"
    return Fact(value=best.value, confidence=round(confidence, 2), evidence=evidence, warning=warning)


def _similar(a: str, b: str) -> float:
    wa = {w[:5] for w in re.findall(r"\w{3,}", a.lower())}
    wb = {w[:5] for w in re.findall(r"\w{3,}", b.lower())}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _act_evidence(c: Candidates, act: ParsedAct, act_text: str, lo: int, hi: int) -> None:
    from archive.ingest.evidence import Evidence

    def ev(needle: str | None, source: str = "act header") -> list[Evidence]:
        s, e = _locate(c.text, needle or "", lo, hi)
        if e - s > 300:
            e = s + 300
        return [Evidence(source=source, quote=" ".join(c.text[s:e].split()), start=s, end=e)]

    if act.number:
        act.confidence["number"] = 0.9
        act.evidence["number"] = ev(act.number)
    if act.date:
        act.confidence["date"] = 0.85
        act.evidence["date"] = ev(act_text[:200].strip().split("\n")[0] if act_text else None)
    act.confidence["type"] = 0.85 if act.type != "other" else 0.4
    act.evidence["type"] = ev(act_text[:200].strip().split("\n")[0] if act_text else None)
    if act.country:
        act.confidence["country"] = 0.8
    if act.action:
        act.confidence["action"] = 0.8
