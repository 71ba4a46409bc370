"""Split normalised text into its parts: registry card, act, agreement title, preamble,
articles, final clauses, signature block — and the language versions a file holds.

Works on the paragraphs ``normalise`` produces (one paragraph per line, separated by a
blank line). Article headings are recognised only at the start of a paragraph, in the
heading forms of every language profile (``1-бап``, ``Статья 1``, ``Article 1``,
``Հոդված 1``, ``Artikel 1``, ``Artículo primero``), and only when the numbers run in
sequence (flat ``1, 2, 3``; by chapter ``1.1, 1.2, 2.1``; ``101, 102, 201``; ``12bis``,
``12-1``, ``12a``; small gaps that the next heading confirms), so references such as
``8-бабының`` or ``статьи 15 Соглашения`` never become headings. Numbering that
restarts at 1 in the same language is an annex or protocol (its articles belong to the
text); a restart in another language is a second language version of the agreement,
segmented on its own (``Segments.versions``).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from archive.ingest.patterns import (
    REGISTRY_FIELD,
    TERMINAL,
    article_heading,
    article_label,
    kind_matches,
    section_heading,
    title_connectors,
)
from archive.ingest.titles import recase_all_caps
from archive.ingest.types import ParsedArticle
from archive.language import detect_language, profiles
from archive.language.detect import language_scores
from archive.language.profiles import trie_regex

__all__ = ["Segments", "is_title", "segment", "testimonium_pattern"]


@dataclass
class Segments:
    paragraphs: list[str]
    offsets: list[int] = field(default_factory=list)  # start of each paragraph in the normalised text
    registry: dict[str, str] = field(default_factory=dict)
    registry_end: int = 0  # first paragraph after the record card
    act: list[str] = field(default_factory=list)  # the act's paragraphs (title .. signature)
    act_range: tuple[int, int] | None = None
    stamp: str | None = None  # "... қаулысымен бекітілген" / "УТВЕРЖДЕНО постановлением ..."
    title: str | None = None
    title_index: int | None = None
    title_range: tuple[int, int] | None = None  # paragraphs the title was read from
    headings: list[int] = field(default_factory=list)  # other title-like paragraphs before the text
    preamble: list[str] = field(default_factory=list)
    preamble_range: tuple[int, int] | None = None
    articles: list[ParsedArticle] = field(default_factory=list)
    article_starts: list[int] = field(default_factory=list)
    final_clauses: list[str] = field(default_factory=list)
    signature_block: list[str] = field(default_factory=list)
    tail_range: tuple[int, int] | None = None  # paragraphs holding final clauses and signatures
    translation: bool = False
    note: bool = False
    body: list[str] = field(default_factory=list)  # paragraphs of the agreement text
    body_range: tuple[int, int] | None = None
    language: str | None = None  # language of this version (None: not told apart)
    versions: list[Segments] = field(default_factory=list)  # further language versions

    @property
    def agreement_text(self) -> str:
        return "\n".join(self.body)

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Character offsets in the normalised text of paragraphs ``lo`` .. ``hi - 1``."""
        if not self.offsets or lo >= hi:
            return (0, 0)
        hi = min(hi, len(self.paragraphs))
        return self.offsets[lo], self.offsets[hi - 1] + len(self.paragraphs[hi - 1])


# --- patterns ------------------------------------------------------------------------

_ACT_TITLE = re.compile(
    r"^(?:О|Об|On|О\s+ратификации|Օ)\b|(?:бекіту|ратификациялау|қол\s+қою|қосылу|"
    r"жобасы|енгізу)\s+туралы$|մասին$",
    re.I,
)
_STAMP = re.compile(
    r"(?:қаулысымен|заңымен|Жарлығымен|өкімімен)\s+(?:бекітілген|ратификацияланған|мақұлданған)"
    r"|^(?:УТВЕРЖДЕН[АОЫ]?|Утвержден[аоы]?|ОДОБРЕН[АОЫ]?|Одобрен[аоы]?|ПРИЛОЖЕНИЕ|Приложение|"
    r"Approved|APPROVED|ՀԱՍՏԱՏՎԱԾ|Հաստատված|Հավելված|ՀԱՎԵԼՎԱԾ|Қосымша|ҚОСЫМША)\b"
    r"(?!:?\s*(?:Советом\s+Федерации|Государственной\s+Думой|Палатой|Сенатом|Мажилисом))"
    r"|(?:постановлением|указом|законом|распоряжением)\s+(?:Правительства|Президента|"
    r"Республики|Кабинета)",
    re.I,
)
_NOTE_LINE = re.compile(r"^(?:Ескерту|Примечание|Note|Ծանոթություն)\b", re.I)
_ACT_MARKERS = re.compile(
    r"қаулы\s+етеді|ҚАУЛЫ\s+ЕТЕДІ|қаулысы$|Заңы$|ЗАҢЫ$|ПОСТАНОВЛЯЕТ|постановляет|"
    r"ПОСТАНОВЛЕНИЕ|Постановление\s+(?:Правительства|Кабинета)|^Закон\b|ЗАКОН\b|"
    r"Федеральный\s+закон|^Указ\b|УКАЗ\b|РАСПОРЯЖЕНИЕ|ратификациялансын|бекітілсін|"
    r"мақұлдансын|ратифицировать|Ратифицировать|утвердить|Утвердить|"
    r"որոշում\s+է|ՈՐՈՇՈՒՄ|ՕՐԵՆՔԸ?$|hereby\s+(?:ratif|approv)|DECREE|Decree\s+of|"
    r"Law\s+of\s+the|RESOLUTION|Resolution\s+of\s+the|"
    r"Мәжілісінің\s+қарауына\s+енгізілсін|внести\s+на\s+рассмотрение|"
    r"ҚАРАР|qərar|QƏRAR|Qonun|QONUN|қарар|ПОСТАНОВЛЕНИЕ|токтом|ТОКТОМ|"
    r"[Ққ]онуни|ҚОНУНИ|[Фф]армони|ФАРМОНИ|təsdiq\s+edilsin|[Ss]ərəncam|SƏRƏNCAM|[Ff]ərman|FƏRMAN|"
    r"qərara\s+alır|[Qq]anunu|QANUNU|қўшилинсин|ратификация\s+қилинсин|тасдиқлансин",
    re.M,
)
_TRANSLATION = re.compile(
    r"неофициальный\s+перевод|unofficial\s+translation|бейресми\s+аударма|"
    r"translation\s+from|перевод\s+с\s+\w+\s+языка|ոչ\s+պաշտոնական\s+թարգմանություն|"
    r"rəsmi\s+olmayan\s+tərcümə|norasmiy\s+tarjima|vertaling|traduction",
    re.I,
)
_NOTE_MARK = re.compile(
    r"пояснительная\s+записка|түсіндірме\s+жазба|explanatory\s+(?:note|memorandum)|"
    r"հիմնավորում|տեղեկանք|справка[-\s]обоснование|izahat\s+qeydi|tushuntirish\s+xati",
    re.I,
)
_NOTE_PHRASES = re.compile(
    r"Համաձայնագր\w*\s+(?:ստորագր|դրույթ|նախագ|կնքում)|Համաձայնագրով|Պայմանագր\w*\s+ստորագր|"
    r"проект\w*\s+(?:Соглашения|Договора|Протокола)|(?:Соглашением|Договором)\s+предусматрива|"
    r"подписани\w+\s+(?:Соглашения|Договора|Протокола)|(?:Соглашение|Договор)\s+предусматривает|"
    r"Келісім\w*\s+жобасы|Келісімге\s+қол\s+қою|Келісімде\s+\w+\s+көзделген|"
    r"the\s+draft\s+(?:Agreement|Treaty)|the\s+(?:Agreement|Treaty)\s+provides|"
    r"signing\s+of\s+the\s+(?:Agreement|Treaty)",
)


_ADOPTED_BY = re.compile(r"^(?:Советом\s+Федерации|Государственной\s+Думой|Палатой|Сенатом|Мажилисом)")


def _is_stamp(paras: list[str], j: int) -> bool:
    """ "УТВЕРЖДЕНО постановлением …" opens an annex; "Одобрен / Советом Федерации" is the
    law's own record of its passage."""
    if not _STAMP.search(paras[j]):
        return False
    nxt = paras[j + 1] if j + 1 < len(paras) else ""
    return not (len(paras[j].split()) <= 2 and _ADOPTED_BY.match(nxt))


def _case_variants(phrase: str) -> set[str]:
    """ "Done at" -> "Done at", "DONE AT", "DONE at" (as printed in capitals or not)."""
    first, _, rest = phrase.partition(" ")
    out = {phrase, phrase.upper(), phrase[:1].upper() + phrase[1:]}
    if rest:
        out.add(f"{first.upper()} {rest}")
    return out


@functools.cache
def _testimonium() -> re.Pattern[str]:
    """Phrases that open the final clauses ("Done at", "Совершено в", "Gedaan te", "жасалды"),
    case-sensitively in the forms the profiles give (plus capitals), so "done at" inside a
    sentence does not count."""
    items: set[str] = set()
    for prof in profiles().values():
        for phrase in prof.words("testimonium"):
            items |= _case_variants(phrase)
    return re.compile(rf"(?<![\w-])(?:{trie_regex(sorted(items))})(?![\w-])")


def testimonium_pattern() -> re.Pattern[str]:
    return _testimonium()


@functools.cache
def _signature() -> re.Pattern[str]:
    before: set[str] = set()
    after: set[str] = set()
    for prof in profiles().values():
        b, a = prof.framed("signature_lead")
        before |= {x for p in b for x in _case_variants(p)}
        after |= {x for p in a for x in _case_variants(p)}
    lead = "|".join(re.escape(x) for x in sorted(before, key=lambda w: (-len(w), w)))
    tail = "|".join(re.escape(x) for x in sorted(after, key=lambda w: (-len(w), w)))
    return re.compile(
        rf"^(?:{lead})\s|(?:{tail}):?$|Премьер-[Мм]инистр|Президент|Prime\s+Minister|President|"
        r"Վարչապետ|Նախագահ|^\(?подпись\)?$|^\(?signature\)?$|^М\.\s?П\.|կողմից$",
        re.I,
    )


_MAX_TITLE = 600
# a line that cannot end a title: it stops on a conjunction, preposition or party word
_DANGLING_END = re.compile(
    r"(?:^|\s)(?:и|между|о|об|по|в|с|and|between|of|the|on|for|in|мен|және|և|tussen|en|van|der|het|de|"
    r"entre|et|du|des|la|le|zwischen|und|y|del|"
    r"Правительством|Правительства|Республикой|Республики|Government|Republic|"
    r"Үкіметі|Республикасының|Республикасы|կառավարության|Հանրապետության)$",
    re.I,
)
_DANGLING_CONJ = re.compile(r"(?:^|\s)(?:и|между|and|between|мен|және|և|tussen|en|entre|et|zwischen|und)$", re.I)
# the kind word opens a sentence, not a title: "This Agreement shall …", "Настоящее Соглашение …"
_DETERMINER_BEFORE = re.compile(
    r"(?:^|\s)(?:this|the\s+present|that|each|any|such|dit|deze|het|cet|cette|ce|le\s+présent|la\s+présente|"
    r"dieses|dieser|das|der|die|este|esta|el\s+presente|настоящ\w*|данн\w*|осы|бұл|այս|bu)\s*$",
    re.I,
)
_WORD = re.compile(r"\S+")
_PREAMBLE_WORD = re.compile(r"^(?:PREAMBLE|Preamble|Préambule|PRÉAMBULE|Präambel|Preámbulo|Преамбула|Преамбула)\b")


_NUMBERED_ITEM = re.compile(r"^\(?\d{1,3}[.)]\s")


def _act_lead(p: str) -> bool:
    from archive.ingest.naming import act_lead

    m = act_lead(p)
    return m is not None and m.start() == 0


def is_title(p: str) -> bool:
    """Does this paragraph read as an agreement's title? A kind word as its head noun
    (near its start, followed by a title word — "Agreement *between*", "Verdrag *inzake*"
    — or as its last word), no sentence punctuation at its end, not an act's title."""
    if not p or len(p) > _MAX_TITLE or p[-1] in TERMINAL + ",":
        return False
    if not (p[0].isupper() or p[0] in "«\"“„'(" or p[0].isdigit()):
        return False
    if _NUMBERED_ITEM.match(p) or _act_lead(p):
        return False  # "1. Ратифицировать Договор …", "О ратификации Соглашения …": the act speaking
    words = _WORD.findall(p)
    if len(words) > 80:
        return False
    kinds = kind_matches(p)
    if not kinds:
        return False
    if _ACT_TITLE.search(p) and kinds[0][0] > 0:
        return False
    # head-last (kk, hy, az …): the title ends with the kind word (or a case form of it)
    last_start, last_end, _ = kinds[-1]
    if last_end >= len(p.rstrip(' »"”*')) - 1 and len(words) >= 2:
        before = p[:last_start]
        return not _DETERMINER_BEFORE.search(before)
    # head-first: the kind word is among the first words, its modifiers capitalised
    start, end, _ = kinds[0]
    before = p[:start]
    if _DETERMINER_BEFORE.search(before):
        return False
    lead = before.split()
    if len(lead) > 8:
        return False
    small = {"of", "and", "the", "on", "–", "-", "/", "&", "de", "van", "en", "et", "und", "y", "и"}
    if any(w[:1].islower() and w.lower() not in small for w in lead):
        return False
    rest = p[end:].lstrip(" ,")
    if not rest:
        return True
    nxt = rest.split()[0].strip('(«"“').lower()
    return rest[0] in '(«"“„:–-' or rest[0].isupper() or nxt in title_connectors() or p.isupper()


# --- small helpers ----------------------------------------------------------------------


def _paragraphs(text: str) -> tuple[list[str], list[int]]:
    paras: list[str] = []
    offsets: list[int] = []
    pos = 0
    for chunk in text.split("\n\n"):
        if chunk.strip():
            paras.append(chunk)
            offsets.append(pos)
        pos += len(chunk) + 2
    return paras, offsets


def _registry(paras: list[str]) -> tuple[dict[str, str], int]:
    fields: dict[str, str] = {}
    end = 0
    misses = 0
    for i, p in enumerate(paras[:40]):
        m = REGISTRY_FIELD.match(p)
        if m:
            fields[m.group("label").strip().lower()] = m.group("value").strip()
            end = i + 1
            misses = 0
        elif fields:
            misses += 1
            if misses > 1:
                break
        elif i >= 2:
            break
    if len(fields) < 2:
        return {}, 0
    return fields, end


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SUFFIX = {"bis": 1, "ter": 2, "quater": 3, "quinquies": 4, "sexies": 5}


def _num_key(num: str) -> tuple[int, int, int] | None:
    """(article, sub-article, insertion): "12" (12,0,0), "1.2" (1,2,0), "12bis" (12,0,1),
    "12-1" (12,0,1), "12a" (12,0,1), "IV" (4,0,0)."""
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?(?:[-‐](\d+)|(bis|ter|quater|quinquies|sexies)|([a-h]))?", num)
    if m:
        sub = int(m.group(2)) if m.group(2) else 0
        ins = 0
        if m.group(3):
            ins = int(m.group(3))
        elif m.group(4):
            ins = _SUFFIX[m.group(4)]
        elif m.group(5):
            ins = ord(m.group(5)) - ord("a") + 1
        return int(m.group(1)), sub, ins
    m = re.fullmatch(r"([IVXLC]+)(bis|ter)?", num)
    if m:
        total = 0
        roman = m.group(1)
        for a, b in zip(roman, roman[1:] + " ", strict=True):
            v = _ROMAN[a]
            total += -v if b != " " and _ROMAN[b] > v else v
        return total, 0, _SUFFIX.get(m.group(2) or "", 0)
    return None


@dataclass
class _Heading:
    index: int  # paragraph
    number: str
    key: tuple[int, int, int]
    heading: str | None
    body: str | None = None  # text after the number that is the article's first sentence
    label: str | None = None  # the heading as written: "Article 5", "5-бап"


def _headings(paras: list[str], start: int) -> list[_Heading]:
    out: list[_Heading] = []
    for i in range(start, len(paras)):
        h = article_heading(paras[i])
        if not h:
            continue
        num, heading = h
        key = _num_key(num)
        if key is None:
            continue
        body = None
        if heading and (len(heading) > 150 or (heading[-1] in TERMINAL and len(heading.split()) > 6)):
            body, heading = heading, None  # the body follows the number on the same line
        out.append(_Heading(i, num, key, heading, body, article_label(paras[i])))
    return out


def _hundreds(key: tuple[int, int, int]) -> tuple[int, int, int]:
    return (key[0] // 100, key[0] % 100, key[2]) if key[1] == 0 and key[0] >= 100 else key


def _follows(prev: tuple[int, int, int], cur: tuple[int, int, int], gap: int = 0) -> bool:
    """Is ``cur`` the next article number after ``prev`` (``gap`` numbers may be missing)?"""
    pa, pb, ps = prev
    ca, cb, cs = cur
    if ca == pa and cb == pb and cs == ps + 1:
        return True  # 12 -> 12bis, 12-1 -> 12-2
    if ca == pa and pb + 1 <= cb <= pb + 1 + gap and cs == 0:
        return pb > 0 or cb == 1  # 1.1 -> 1.2 (-> 1.4 over a gap); 12 -> 12.1
    if pa < ca <= pa + 1 + gap and cs == 0:
        return cb == 0 or cb == 1  # 1 -> 2; 1.9 -> 2.1; 3.4 -> 5.1 (a chapter without articles)
    return False


def _is_start(key: tuple[int, int, int]) -> bool:
    return key[0] == 1 and key[1] <= 1 and key[2] == 0


def _runs(heads: list[_Heading]) -> list[list[_Heading]]:
    """Headings in sequence, as runs; a heading out of sequence is a stray reference."""
    runs: list[list[_Heading]] = []
    run: list[_Heading] = []
    scheme_hundreds = False
    for k, h in enumerate(heads):
        key = _hundreds(h.key) if scheme_hundreds else h.key
        if not run:
            if not _is_start(h.key):
                # a truncated text may start later: accept when the next heading follows
                later = [x.key for x in heads[k + 1 : k + 4]]
                if not any(_follows(h.key, x) for x in later) and not (h.key[0] >= 100 and h.key[0] % 100 == 1):
                    continue
            scheme_hundreds = h.key[1] == 0 and h.key[0] >= 100 and h.key[0] % 100 == 1
            run = [h]
            continue
        last = _hundreds(run[-1].key) if scheme_hundreds else run[-1].key
        if _follows(last, key):
            run.append(h)
            continue
        if _is_start(h.key) and len(run) >= 1:
            runs.append(run)
            run = [h]
            scheme_hundreds = False
            continue
        # a small gap, or a number printed twice ("ARTICLE 5" for 4 and 5), is accepted
        # when the heading after it follows on
        nxt = heads[k + 1].key if k + 1 < len(heads) else None
        if scheme_hundreds and nxt:
            nxt = _hundreds(nxt)
        confirmed = nxt is None or _follows(key, nxt) or nxt == key
        if confirmed and (_follows(last, key, gap=2) or (key == last and h.index > run[-1].index + 1)):
            run.append(h)
    if run:
        runs.append(run)
    return [r for r in runs if not _is_contents(r)]


def _is_contents(run: list[_Heading]) -> bool:
    """A table of contents: headings one after another with nothing between them."""
    if len(run) < 3:
        return False
    empty = sum(1 for a, b in itertools.pairwise(run) if b.index == a.index + 1 and not a.body)
    return empty >= 0.8 * (len(run) - 1)


def _known_language(text: str) -> str | None:
    """The language of ``text`` when its function words say so (None when they are silent)."""
    letters = sum(1 for c in text[:4000] if c.isalpha())
    if letters < 40:
        return None
    scores = language_scores(text[:4000])
    if not scores or max(scores.values()) < 3.0:
        return None
    return detect_language(text[:4000])


@dataclass
class _Version:
    language: str | None
    lo: int
    hi: int
    runs: list[list[_Heading]]


def _versions(paras: list[str], runs: list[list[_Heading]], start: int) -> list[_Version]:
    if len(runs) < 2:
        return [_Version(None, start, len(paras), runs)]
    bounds = [r[0].index for r in runs] + [len(paras)]
    langs = [_known_language("\n".join(paras[bounds[k] : bounds[k + 1]])) for k in range(len(runs))]
    groups: list[list[int]] = [[0]]
    for k in range(1, len(runs)):
        current = langs[groups[-1][0]]
        if langs[k] and current and langs[k] != current:
            groups.append([k])
        else:
            groups[-1].append(k)
    if len(groups) == 1:
        return [_Version(langs[0], start, len(paras), runs)]
    versions: list[_Version] = []
    for g, members in enumerate(groups):
        lang = langs[members[0]]
        first = runs[members[0]][0].index
        prev_last = runs[groups[g - 1][-1]][-1].index if g else start
        lo = start if g == 0 else _version_start(paras, prev_last + 1, first, lang)
        versions.append(_Version(lang, lo, len(paras), [runs[k] for k in members]))
    for a, b in itertools.pairwise(versions):
        a.hi = b.lo
    return versions


def _version_start(paras: list[str], lo: int, first: int, lang: str | None) -> int:
    """Where a language version begins: walk back from its first article over paragraphs of
    its language (or of no telling language) to the previous version's last words."""
    j = first
    while j - 1 >= lo:
        other = _known_language(paras[j - 1])
        if other and other != lang:
            break
        j -= 1
    # signatures and names of the previous version say nothing: start at the title
    k = j
    while k < first and not is_title(paras[k]) and _known_language(paras[k]) != lang:
        k += 1
    return k if k < first else j


def _heading_on_next_line(paras: list[str], i: int, hi: int) -> bool:
    if i + 1 >= hi:
        return False
    p = paras[i + 1]
    if len(p) > 120 or not p or p[-1] in TERMINAL + "," or not p[0].isupper():
        return False
    if article_heading(p) or len(p.split()) > 14:
        return False
    return i + 2 < hi and article_heading(paras[i + 2]) is None


# --- one version -------------------------------------------------------------------------


def _find_title(paras: list[str], lo: int, first_art: int, has_heads: bool) -> int | None:
    if has_heads:
        for i in range(first_art - 1, lo - 1, -1):
            if is_title(paras[i]):
                return i
            if _PREAMBLE_WORD.match(paras[i]) and i < first_art - 1:
                continue
        return None
    for i in range(lo, min(first_art, lo + 15)):
        if is_title(paras[i]):
            return i
    return None


def _full_date(text: str) -> bool:
    from archive.ingest.dates import find_dates

    return bool(find_dates(text))


@functools.cache
def _closer_re() -> re.Pattern[str]:
    words = [w for p in profiles().values() for w in p.words("title_closers")]
    return re.compile("(?:^|\\s)(?:" + "|".join(re.escape(w) for w in words) + r")$", re.I)


def _closes_title(p: str) -> bool:
    """ "… туралы", "… haqqında", "… մասին": a head-last title waiting for its head noun."""
    return bool(p) and len(p) < _MAX_TITLE and _closer_re().search(p.rstrip(" ,")) is not None


def _opens_preamble(p: str) -> bool:
    from archive.ingest.parties import opens_preamble

    return opens_preamble(p)


def _name_across(a: str, b: str) -> bool:
    """Does a country's name run from the end of ``a`` into the start of ``b``?"""
    from archive.language.countries import find_country_spans

    if not b or len(b) > 300 or b[-1] in TERMINAL + ",":
        return False
    tail = " ".join(a.split()[-3:])
    head = " ".join(b.split()[:3])
    joined = f"{tail} {head}"
    cut = len(tail)
    return any(s < cut < e for _, s, e in find_country_spans(joined))


def _grow_title(paras: list[str], title_idx: int, lo: int, first_art: int) -> tuple[str, int, int]:
    title = paras[title_idx]
    start_idx = title_idx
    prev_closes = title_idx - 1 >= lo and _closes_title(paras[title_idx - 1])
    # a lone head noun ("СОГЛАШЕНИЕ") followed by the rest of the title
    if len(title.split()) == 1 and title_idx + 1 < first_art and not prev_closes:
        nxt = paras[title_idx + 1]
        if nxt and nxt[-1] not in TERMINAL + "," and len(nxt) < _MAX_TITLE and not _opens_preamble(nxt):
            title = f"{title} {nxt}"
            title_idx += 1
    # a lone head noun after its title ("... haqqında" + "SAZİŞ")
    if len(title.split()) == 1 and title_idx - 1 >= lo:
        prev = paras[title_idx - 1]
        if (
            prev
            and prev[-1] not in TERMINAL + ","
            and len(prev) < _MAX_TITLE
            and not (_ACT_MARKERS.search(prev) or _STAMP.search(prev) or _signature().search(prev))
        ):
            title = f"{prev} {title}"
            start_idx = title_idx - 1
    # a title broken over paragraphs: "... и Правительством" + "Республики ... о ...";
    # "... of THE Russian" + "Federation and ..." (a country's name split by the line)
    while title_idx + 1 < first_art and (_DANGLING_END.search(title) or _name_across(title, paras[title_idx + 1])):
        nxt = paras[title_idx + 1]
        if not nxt or nxt[-1] in TERMINAL + "," or len(nxt) > 300:
            break
        title = f"{title} {nxt}"
        title_idx += 1
    # "(Moscow, 11 November 1992)" under the title: the place and date of signature
    aside = paras[title_idx + 1].strip() if title_idx + 1 < first_art else ""
    if re.fullmatch(r"\([^()]{4,80}\)", aside) and _full_date(aside):
        title = f"{title} {paras[title_idx + 1].strip()}"
        title_idx += 1
    while (
        start_idx > lo
        and _DANGLING_CONJ.search(paras[start_idx - 1])
        and (len(paras[start_idx - 1]) < 300 and not _ACT_MARKERS.search(paras[start_idx - 1]))
    ):
        title = f"{paras[start_idx - 1]} {title}"
        start_idx -= 1
    return title, start_idx, title_idx


def _segment_version(
    seg: Segments, lo: int, hi: int, runs: list[list[_Heading]], *, first: bool, note_hits: int = 0
) -> None:
    paras = seg.paragraphs
    heads = [h for run in runs for h in run]
    first_art = heads[0].index if heads else hi
    seg.article_starts = [h.index for h in heads]

    title_idx = _find_title(paras, lo, first_art, bool(heads))
    limit = first_art if heads else min(hi, lo + 15)
    seg.headings = [i for i in range(lo, limit) if i != title_idx and is_title(paras[i])][:6]
    if title_idx is not None:
        title, t_start, title_idx = _grow_title(paras, title_idx, lo, first_art)
        seg.title = title
        seg.title_index = title_idx
        seg.title_range = (t_start, title_idx + 1)

    # the act: what comes before the title (or the whole file if there is no agreement)
    if first:
        act_end = title_idx if title_idx is not None else (first_art if heads else hi)
        if seg.title_range:
            act_end = seg.title_range[0]
        act_paras = paras[lo:act_end]
        if act_paras and _ACT_MARKERS.search("\n".join(act_paras)):
            kept: list[str] = []
            for j, p in enumerate(act_paras):
                if _is_stamp(act_paras, j) or _NOTE_LINE.match(p):
                    break  # the stamp and the publisher's notes close the act
                kept.append(p)
            stamp_at = next((j for j in range(len(act_paras)) if _is_stamp(act_paras, j)), None)
            if stamp_at is not None:
                # a stamp broken over several short paragraphs: take its pieces around it
                s_lo = stamp_at
                while s_lo > len(kept) and len(act_paras[s_lo - 1].split()) <= 3:
                    s_lo -= 1
                s_hi = stamp_at + 1
                while s_hi < len(act_paras) and len(act_paras[s_hi]) < 40:
                    s_hi += 1
                seg.stamp = " ".join(act_paras[s_lo:s_hi])
            seg.act = kept
            seg.act_range = (lo, lo + len(kept))
        head = "\n".join(paras[:6])
        seg.note = bool(_NOTE_MARK.search(head)) or (not heads and not seg.act and note_hits >= 2)

    if seg.act and not seg.title and heads and _act_articles(paras, runs):
        # "Статья 1. Ратифицировать Соглашение …": the law's own articles, not the agreement's
        end = runs[-1][-1].index + 1
        while end < hi and not _testimonium().search(paras[end]) and len(paras[end]) < 400:
            end += 1
        seg.act = paras[lo:end]
        seg.act_range = (lo, end)
        seg.article_starts = []
        return
    if title_idx is not None:
        seg.preamble = paras[title_idx + 1 : first_art]
        seg.preamble_range = (title_idx + 1, first_art)
    elif heads and not seg.act:
        seg.preamble = paras[lo:first_art]
        seg.preamble_range = (lo, first_art)

    # articles: every run of the version (annexes and protocols included)
    main_cut = False
    chapter = _peel_chapter(seg.preamble) if heads else None
    for r, run in enumerate(runs):
        run_end = runs[r + 1][0].index if r + 1 < len(runs) else hi
        bounds = [h.index for h in run] + [run_end]
        for k, h in enumerate(run):
            body_start = h.index + 1
            heading = h.heading
            if heading is None and h.body is None and _heading_on_next_line(paras, h.index, bounds[k + 1]):
                heading = paras[h.index + 1]
                body_start = h.index + 2
            if heading and sum(c.isalpha() for c in heading) > 3 and heading.isupper():
                heading = recase_all_caps(heading)  # "ENTRY INTO FORCE" -> "Entry into Force"
            body = paras[body_start : bounds[k + 1]]
            if h.body:
                body = [h.body, *body]
            opens = chapter
            chapter = _peel_chapter(body)  # a chapter heading before the next article is not this one's text
            seg.articles.append(
                ParsedArticle(number=h.number, heading=heading, text="\n".join(body), label=h.label, chapter=opens)
            )
        if r == 0 and len(runs) > 1:
            main_cut = _cut_tail(seg, len(seg.articles) - 1, run_end, tail_only=True)
    if seg.articles and (len(runs) == 1 or not main_cut):
        _cut_tail(seg, len(seg.articles) - 1, hi)
    elif seg.title is not None and not seg.note and not heads:
        # an agreement without numbered articles: testimonium and signatures at the end
        tail = paras[(title_idx or lo) + 1 : hi]
        cut = next((j for j, p in enumerate(tail) if _testimonium().search(p)), None)
        if cut is not None:
            sig_from = _signature_start(tail, cut)
            seg.final_clauses = tail[cut:sig_from]
            seg.signature_block = tail[sig_from:]
            base = (title_idx or lo) + 1
            seg.tail_range = (base + cut, hi)

    body_lo = seg.title_range[0] if seg.title_range else (first_art if heads and seg.act else lo)
    if seg.title_range or heads or not seg.act:
        seg.body = paras[body_lo:hi]
        seg.body_range = (body_lo, hi)


def _peel_chapter(paras: list[str]) -> str | None:
    """Take a chapter heading ("ГЛАВА II" / "ПРАВА И ОБЯЗАННОСТИ", "2-тарау. Жалпы ережелер") off
    the end of ``paras`` (in place) and return it, its lines joined by newlines."""
    for j in range(len(paras) - 1, max(len(paras) - 4, -1), -1):
        if section_heading(paras[j]):
            after = paras[j + 1 :]
            if all(len(p) <= 120 and p[-1] not in TERMINAL for p in after):
                chapter = "\n".join(paras[j:])
                del paras[j:]
                return chapter
            return None
    return None


def _act_articles(paras: list[str], runs: list[list[_Heading]]) -> bool:
    """A law with a few articles of its own, the first of which ratifies or approves."""
    heads = [h for run in runs for h in run]
    if len(heads) > 6 or len(runs) > 1:
        return False
    first = heads[0]
    body = first.body or (paras[first.index + 1] if first.index + 1 < len(paras) else "")
    from archive.ingest.naming import act_lead

    m = act_lead(body[:200])
    return m is not None and m.start() < 10


def _cut_tail(seg: Segments, article: int, end: int, *, tail_only: bool = False) -> bool:
    """Move the testimonium and the signatures out of the last article's body; True when a
    testimonium was found."""
    last = seg.articles[article]
    lines = last.text.split("\n") if last.text else []
    cut = next((j for j, p in enumerate(lines) if _testimonium().search(p)), None)
    if cut is None and tail_only:
        return False
    sig_from = _signature_start(lines, cut)
    if cut is not None:
        seg.final_clauses = lines[cut:sig_from]
        seg.signature_block = lines[sig_from:]
        last.text = "\n".join(lines[:cut])
        seg.tail_range = (end - (len(lines) - cut), end)
    else:
        seg.signature_block = lines[sig_from:]
        last.text = "\n".join(lines[:sig_from])
        if sig_from < len(lines):
            seg.tail_range = (end - (len(lines) - sig_from), end)
    return cut is not None


def segment(text: str) -> Segments:
    """Split normalised ``text`` (paragraphs separated by blank lines) into its parts."""
    paras, offsets = _paragraphs(text) if text else ([], [])
    seg = Segments(paragraphs=paras, offsets=offsets)
    if not paras:
        return seg
    head = "\n".join(paras[:6])
    seg.translation = bool(_TRANSLATION.search(head))
    seg.registry, seg.registry_end = _registry(paras)
    start = seg.registry_end

    heads = _headings(paras, start)
    runs = _runs(heads)
    versions = _versions(paras, runs, start)

    main = versions[0]
    # a note: prose about an agreement, no articles, no act
    note_hits = len(_NOTE_PHRASES.findall(text))
    _segment_version(seg, main.lo, main.hi, main.runs, first=True, note_hits=note_hits)
    seg.language = main.language
    for v in versions[1:]:
        other = Segments(paragraphs=paras, offsets=offsets, language=v.language)
        _segment_version(other, v.lo, v.hi, v.runs, first=False)
        seg.versions.append(other)
    return seg


def _signature_start(lines: list[str], cut: int | None) -> int:
    """Index of the first line of the trailing signature block."""
    j = len(lines)
    lo = (cut + 1) if cut is not None else 0
    sig = _signature()
    while j > lo:
        p = lines[j - 1]
        short = len(p) <= 90 and (not p or p[-1] not in ".;:,")
        if (sig.search(p) and len(p) <= 160) or (short and (cut is not None or _caps_or_name(p))):
            j -= 1
            continue
        break
    return j


def _caps_or_name(p: str) -> bool:
    letters = [c for c in p if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    return bool(re.fullmatch(r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?){1,2}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+", p))
