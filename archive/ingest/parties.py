"""Parties of an agreement: ISO codes in the order named, as written, their level, and
where the text says so.

Each place a genre names the parties has its finder, and each returns a ``PartyInfo``
with the character span of the phrase it read:

* the title's frame: "X мен Y арасындағы", "между X и Y", "between X and Y", "X և Y
  միջև", "tussen X en Y", "entre X et Y", "zwischen X und Y", "X–Y Free Trade Agreement";
* the preamble's opening: "Бұдан әрі Тараптар деп аталатын X мен Y", "X и Y, именуемые в
  дальнейшем Сторонами", "The Government of X and the Government of Y, hereinafter …",
  "Het Koninkrijk der Nederlanden en de Bondsrepubliek Duitsland, Geleid door …";
* the signature block: "For the Government of X", "Voor het Koninkrijк …", "… үшін";
* how often each country is named (a weak fallback).

The frames, conjunctions and "hereinafter" words come from the language profiles. A
territory named after its state with a territory phrase ("the Kingdom of the Netherlands,
in respect of Aruba") is noted on that party, not made a party of its own; organisations
(CSTO, UN, …) are not countries and never become parties.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from archive.ingest.patterns import kind_matches
from archive.language import phrase_pattern, profiles
from archive.language.countries import find_country_spans, sovereign_of

__all__ = [
    "PartyInfo",
    "extract_parties",
    "multilateral_frame",
    "parties_from_mentions",
    "parties_from_preamble",
    "parties_from_signatures",
    "parties_from_title",
    "party_level",
    "split_parties",
]


@dataclass
class PartyInfo:
    codes: list[str] = field(default_factory=list)
    as_written: list[str] = field(default_factory=list)
    level: str | None = None
    territories: dict[str, str] = field(default_factory=dict)  # party code -> territory it acts for
    start: int = 0  # the phrase read, as offsets into the string given to the finder
    end: int = 0


def _framed(key: str) -> tuple[list[str], list[str]]:
    before: list[str] = []
    after: list[str] = []
    for p in profiles().values():
        b, a = p.framed(key)
        before += b
        after += a
    return before, after


@functools.cache
def _frames() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before, after = _framed("between")
    return phrase_pattern(before), phrase_pattern(after)


@functools.cache
def _conjunction() -> re.Pattern[str]:
    words = sorted({w for p in profiles().values() for w in p.words("and")}, key=lambda w: (-len(w), w))
    alts = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:,\s*|\s)(?:{alts}|ilə|ile|hamda|жана)\s|,\s*", re.I)


@functools.cache
def _territory() -> re.Pattern[str]:
    return phrase_pattern([w for p in profiles().values() for w in p.words("territory")])


@functools.cache
def _topic_words(language: str | None = None) -> re.Pattern[str]:
    """Words that open a title's subject ("on", "inzake", "sur", "о"): the language's own,
    or, when it is not known, every profile's except those that are another's "and" (en)."""
    profs = profiles()
    if language in profs and profs[language].words("topic_words"):
        return phrase_pattern(profs[language].words("topic_words"), flags=0)
    conj = {w for p in profs.values() for w in p.words("and")}
    return phrase_pattern([w for p in profs.values() for w in p.words("topic_words") if w not in conj], flags=0)


@functools.cache
def _hereinafter() -> re.Pattern[str]:
    return phrase_pattern([w for p in profiles().values() for w in p.words("hereinafter")])


@functools.cache
def _one_part() -> re.Pattern[str]:
    return phrase_pattern([w for p in profiles().values() for w in p.words("of_the_one_part")])


_GOV = re.compile(
    r"Үкімет|Үкiмет|Правительств|Government|GOVERNMENT|կառավարությ|Կառավարությ|Hökumət|"
    r"Hukumat|Hükümet|Өкмөт|Кабинет\w*\s+Министров|Cabinet\s+of\s+Ministers|Vazirlar\s+Mahkamasi|"
    r"Министрлер\s+Кабинеті|Regering|Gouvernement|Regierung|Gobierno|Governo",
    re.I,
)
_AGENCY = re.compile(
    r"министрлі|Министерств|Ministry|MINISTRY|նախարարությ|Nazirlig|Nazirliy|Nazirliyi|"
    r"комитет|Committee|Agency|агенттіг|Агентств|агентство|Служб|Service\b|Bank\b|Банк|"
    r"банкі|Прокуратур|прокуратур|Office\b|Department|Ведомств|ведомств|Academy|Академи|"
    r"University|Университет|Centre\b|Center\b|Орталығ|Центр|Администраци|Әкімшіліг|"
    r"կոմիտե|գործակալությ|ծառայությ|բանկ|Komitə|Agentliy|Xidmət|Qo['ʻ]mita|Agentlig|"
    r"Ministerie|Ministère|Ministerium|Ministerio|Minister\s+(?:of|for|van|voor)",
    re.I,
)


@functools.cache
def _multilateral() -> re.Pattern[str]:
    from archive.language.profiles import DATA

    names = [
        line.strip()
        for line in (DATA / "multilateral.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return phrase_pattern(names)


def multilateral_frame(text: str | None) -> re.Match[str] | None:
    """A multilateral body or frame the text names ("Содружества Независимых Государств",
    "Xəzəryanı dövlətlər", "States Parties"): its agreements have members, not a pair."""
    return _multilateral().search(text) if text else None


def party_level(as_written: list[str]) -> str | None:
    """agency if any party is a ministry/agency; government; else state."""
    if not as_written:
        return None
    text = " ".join(as_written)
    if _AGENCY.search(text):
        # "Government of X" + "Ministry of Y"? the lowest level decides
        return "agency"
    if _GOV.search(text):
        return "government"
    return "state"


_INSTR_WORD = [
    (re.compile(r"ством$"), "ство"),
    (re.compile(r"(?<=[сцк])кой$"), "кая"),
    (re.compile(r"ской$"), "ская"),
    (re.compile(r"ией$"), "ия"),
    (re.compile(r"ьей$"), "ья"),
    (re.compile(r"ыми$"), "ые"),
    (re.compile(r"ими$"), "ие"),
    (re.compile(r"ами$"), "ы"),
    (re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])ой$"), "а"),
    (re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])ом$"), ""),
    (re.compile(r"ем$"), "ь"),
]


# an adjective in the instrumental before its noun ("Кыргызской", "Народной", "Национальным",
# "Объединенными"), told from a noun by the instrumental word that follows it
_RU_ADJECTIVE = re.compile(r"(?:ыми|ими|[сц]кой|[нв]ой|ым|[кгхн]им)$")
_RU_INSTRUMENTAL = re.compile(r"(?:ой|ей|ом|ем|ами|ями|ыми|ими|ым|им|ью)$")


def _ru_adjective(word: str, noun: str) -> str:
    """An instrumental adjective in the nominative, agreeing with its noun (already nominative)."""
    if word.endswith(("ыми", "ими")):
        return word[:-3] + ("ые" if word.endswith("ыми") else "ие")
    if word.endswith("ой"):
        return word[:-2] + "ая"
    neuter = noun.endswith(("о", "е"))  # Королевство, Герцогство
    if word.endswith("ним"):
        return word[:-2] + ("ее" if neuter else "ий")
    if word.endswith(("ым", "им")):
        return word[:-2] + ("ое" if neuter else ("ый" if word.endswith("ым") else "ий"))
    return word


def _ru_nominative(phrase: str) -> str:
    """Instrumental party phrase (after "между") to nominative: "Правительством
    Республики Казахстан" -> "Правительство Республики Казахстан", "Китайской Народной
    Республикой" -> "Китайская Народная Республика", "Национальным банком" -> "Национальный банк"."""
    words = phrase.split()
    if not words:
        return phrase

    def conv(w: str) -> str:
        for pattern, repl in _INSTR_WORD:
            if pattern.search(w):
                return pattern.sub(repl, w)
        return w

    i = 0
    while i + 1 < len(words) and _RU_ADJECTIVE.search(words[i]) and _RU_INSTRUMENTAL.search(words[i + 1]):
        i += 1
    noun = conv(words[i])
    return " ".join([*(_ru_adjective(w, noun) for w in words[:i]), noun, *words[i + 1 :]])


def _hy_nominative(phrase: str) -> str:
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if last.endswith("ության"):
        last = last[: -len("ության")] + "ություն"
    elif (last.endswith("ը") and len(last) > 3) or (last.endswith("ի") and len(last) > 3):
        last = last[:-1]
    return " ".join([*words[:-1], last])


_ARTICLE = re.compile(r"^(?:the|het|de|der|die|das|den|la|le|les|l['’]|el|los|las)\s+", re.I)


def split_parties(phrase: str, language: str | None) -> PartyInfo:
    """Split "X мен Y" / "X и Y" / "X and Y" into parties, using country mentions."""
    info = PartyInfo(end=len(phrase))
    spans = find_country_spans(phrase)
    if not spans:
        return info
    # one span per party: consecutive mentions of the same country are one party, and a
    # territory named after its state with a territory phrase acts for that state
    groups: list[tuple[str, int, int]] = []
    territories: dict[str, str] = {}
    for code, s, e in spans:
        if groups and groups[-1][0] == code:
            groups[-1] = (code, groups[-1][1], e)
            continue
        if groups and sovereign_of(code) == groups[-1][0] and _territory().search(phrase[groups[-1][2] : s]):
            territories[groups[-1][0]] = code
            groups[-1] = (groups[-1][0], groups[-1][1], e)
            continue
        groups.append((code, s, e))
    cuts = [0]
    for (_, _, e1), (_, s2, _) in itertools.pairwise(groups):
        between = phrase[e1:s2]
        conj = list(_conjunction().finditer(between))
        if conj:
            c = conj[-1] if language in ("ru", "en", "nl", "fr", "de", "es", "it", "pt", None) else conj[0]
            cuts.append(e1 + c.start())
            cuts.append(e1 + c.end())
        else:
            cuts.append(s2)
            cuts.append(s2)
    cuts.append(len(phrase))
    for k, (code, _, _) in enumerate(groups):
        part = phrase[cuts[2 * k] : cuts[2 * k + 1]].strip(" ,–—-/&")  # "UNITED STATES – SINGAPORE"
        part = _one_part().sub("", part).strip(" ,")
        if code in info.codes:
            continue
        if language == "ru":
            part = _ru_nominative(part)
        elif language == "hy":
            part = _hy_nominative(part)
        elif language in ("en", "nl", "fr", "de", "es", "it", "pt"):
            part = _ARTICLE.sub("", part)
        info.codes.append(code)
        info.as_written.append(part)
    info.territories = territories
    info.level = party_level(info.as_written)
    return info


def _party_chain(text: str, language: str | None = None) -> tuple[int, int] | None:
    """The span of the run of party names at the start of ``text``: country mentions whose
    gaps hold only party words ("the Government of", ", and", "in respect of Aruba"),
    stopping at the first gap with sentence punctuation or a topic word ("on", "inzake")."""
    spans = find_country_spans(text)
    if not spans:
        return None
    first_start = spans[0][1]
    end = spans[0][2]
    for _, s, e in spans[1:]:
        gap = text[end:s]
        clean = _territory().sub(" ", _one_part().sub(" ", gap))
        if (
            len(gap) > 90
            or re.search(r"[.;:!?։]", clean)
            or _topic_words(language).search(clean)
            or _hereinafter().search(gap)
        ):
            break
        end = e
    # the last party's noun phrase may go on: "Кыргызской Республикой", "Republic", "Үкіметі"
    tail = re.match(
        r"(?:\s+(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎҲƏÖÜŞÇĞİ\u0531-\u0556][\w'’-]*|of|the|and|и|Республик\w*|Федераци\w*|"
        r"Republic|Federation|Kingdom|Federative))*",
        text[end:],
    )
    if tail:
        grown = re.split(r"\s(?:о|об|по|в|on|concerning|regarding|for|in)\s", tail.group(0))[0]
        end += len(grown.rstrip())
    return first_start, end


def _chain_back(text: str, language: str | None) -> int:
    """Where the run of party names that ends ``text`` begins (0 when it is all of it)."""
    spans = find_country_spans(text)
    if len(spans) < 2:
        return 0
    start = spans[-1][1]
    for k in range(len(spans) - 2, -1, -1):
        gap = text[spans[k][2] : start]
        clean = _territory().sub(" ", gap)
        if len(gap) > 90 or re.search(r"[.;:!?։\"«»“”]", clean) or _topic_words(language).search(clean):
            break
        if _closer_word().search(gap):
            break
        start = spans[k][1]
    # the first party's own words before its country ("Ресей Федерациясы Үкіметі"): none in kk
    line_start = max(text.rfind("\n", 0, start), -1) + 1
    lead = text[line_start:start]
    words = lead.split()
    keep = 0
    for w in reversed(words):
        if w[:1].isupper() and not _closer_word().search(w):
            keep += len(w) + 1
        else:
            break
    return max(line_start, start - keep) if keep else start


@functools.cache
def _closer_word() -> re.Pattern[str]:
    words = [w for p in profiles().values() for w in p.words("title_closers")]
    return re.compile("(?<![\\w-])(?:" + "|".join(re.escape(w) for w in words) + ")(?![\\w-])", re.I)


_HEAD_WORD = re.compile(
    r"^(?:Համաձայնագիր|Պայմանագիր|Արձանագրություն|Հուշագիր|Соглашение|Договор|Протокол|"
    r"Конвенция|Меморандум|Agreement|Treaty|Protocol|Convention|Memorandum|Saziş|Bitim|"
    r"Келісім|Шарт|Келишим)$",
    re.I,
)


def parties_from_title(title: str, language: str | None) -> PartyInfo:
    """Parties the title's frame names ("between X and Y", "X мен Y арасындағы", "X–Y …")."""
    offset = 0
    words = title.split(" ", 1)
    first_is_kind = bool(kind_matches(words[0])) if words else False
    if (
        len(words) == 2
        and len(words[0]) >= 4
        and ((words[0].isupper() and first_is_kind) or _HEAD_WORD.match(words[0]))
    ):
        offset = len(words[0]) + 1  # "ՀԱՄԱՁԱՅՆԱԳԻՐ Հայաստանի ...", "СОГЛАШЕНИЕ между ..."
    # asides ("(as authorised by the Government of the United Kingdom)") name no party
    body = _PARENS.sub(lambda m: " " * len(m.group(0)), title[offset:])
    before, after = _frames()
    m = after.search(body)
    if m:
        # "… туралы Қазақстан Республикасының Үкіметі мен Ресей Федерациясы Үкіметі арасында":
        # the parties are the run of names right before the frame word
        s = _chain_back(body[: m.start()], language)
        info = split_parties(body[s : m.start()], language)
        info.start, info.end = offset + s, offset + m.start()
        if len(info.codes) >= 2:
            return info
    m = before.search(body)
    if m:
        rest = body[m.end() :]
        chain = _party_chain(rest, language)
        if chain:
            s, e = chain
            info = split_parties(rest[:e], language)
            info.start, info.end = offset + m.end(), offset + m.end() + e
            if len(info.codes) >= 2:
                return info
    # "UNITED STATES – SINGAPORE FREE TRADE AGREEMENT", "Indo-Nepal Treaty": names before the kind word
    spans = find_country_spans(body)
    first_kind = kind_matches(body)
    if (
        len(spans) >= 2
        and not before.search(body)
        and not after.search(body)
        and first_kind
        and spans[1][2] <= first_kind[0][0]
        and len(body[spans[0][2] : spans[1][1]].strip(" -–—/&")) <= 3
    ):
        info = split_parties(body[: spans[-1][2]], language)
        info.start, info.end = offset + spans[0][1], offset + spans[-1][2]
        if len(info.codes) >= 2:
            return info
    return PartyInfo()


_PREAMBLE_LEAD = re.compile(
    r"^(?:Бұдан\s+әрі|Мындан\s+ары|Bundan\s+sonra|Bundan\s+keyin|Бундан\s+кейин)\s+"
    r"[^,]{0,60}?(?:деп\s+аталатын|деп\s+аталуучу|adlandırılan|deb\s+ataladigan|"
    r"деб\s+аталадиган),?\s*",
    re.I,
)
_PARENS = re.compile(r"\s*\([^()]{0,160}\)")
_LEAD_OK = frozenset(
    [
        "the",
        "of",
        "het",
        "de",
        "der",
        "van",
        "la",
        "le",
        "les",
        "l'",
        "el",
        "los",
        "las",
        "die",
        "das",
        "des",
        "du",
        "et",
        "and",
        "en",
        "und",
        "y",
        "и",
        "a",
        "an",
    ]
)


def opens_preamble(paragraph: str) -> bool:
    """Does the paragraph open a preamble ("Бұдан әрі Тараптар деп аталатын …", "X and Y,
    hereinafter referred to as …")?"""
    if _PREAMBLE_LEAD.match(paragraph):
        return True
    head = paragraph[:400]
    return bool(_hereinafter().search(head)) and len(find_country_spans(head)) >= 1


def parties_from_preamble(paragraph: str, language: str | None) -> PartyInfo:
    """Parties a preamble names at its very start ("X and Y, hereinafter referred to as …")."""
    lead = _PREAMBLE_LEAD.match(paragraph)
    offset = lead.end() if lead else 0
    text = paragraph[offset : offset + 600]
    # "(hereinafter referred to as 'India')": blank out asides, keeping offsets
    text = _PARENS.sub(lambda m: " " * len(m.group(0)), text)
    chain = _party_chain(text, language)
    if not chain:
        return PartyInfo()
    s, e = chain
    words = re.findall(r"[^\W\d_][\w'’]*", text[:s])
    if len(words) > 8 or any(w[:1].islower() and w.lower() not in _LEAD_OK for w in words):
        return PartyInfo()  # "Desiring to strengthen relations between X and Y": not the parties
    info = split_parties(text[:e].strip(), None if language == "ru" else language)
    info.start, info.end = offset + s, offset + e
    return info


@functools.cache
def _signature_lead() -> re.Pattern[str]:
    before, after = _framed("signature_lead")
    b = "|".join(re.escape(x) for x in sorted(set(before), key=lambda w: (-len(w), w)))
    a = "|".join(re.escape(x) for x in sorted(set(after), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:^|\s{{2,}}|\*)(?:{b})\s|(?:{a}):?(?:$|\s{{2,}})", re.I | re.M)


@functools.cache
def _signature_lead_inline() -> re.Pattern[str]:
    """A capitalised lead in the middle of a line whose columns lost their spacing:
    "For the Republic of Albania For Romania", "FOR ROMANIA FOR SERBIA" (case-sensitive:
    "for" is prose)."""
    before, _ = _framed("signature_lead")
    leads = {x[:1].upper() + x[1:] for x in before if x[:1].isalpha()}
    leads = sorted(leads | {x.upper() for x in leads}, key=lambda w: (-len(w), w))
    return re.compile(rf"(?<=[^\W\d_])\s+(?:{'|'.join(re.escape(x) for x in leads)})\s(?=[^\W\d_])")


def parties_from_signatures(lines: list[str], language: str | None) -> PartyInfo:
    """Parties of the signature block: "For the Government of X:", "X үшін"."""
    codes: list[str] = []
    written: list[str] = []
    lead = _signature_lead()
    pending = 0  # leads still waiting for their party ("FOR THE GOVERNMENT OF" over a column)
    for line in lines:
        leads = len(lead.findall(line)) + (len(_signature_lead_inline().findall(line)) if lead.search(line) else 0)
        has_lead = leads > 0
        if not has_lead and not pending:
            continue
        pending += leads
        # "For the Republic of Albania  For Romania": each lead opens its own party
        pieces = [q for p in lead.split(line) for q in (_signature_lead_inline().split(p) if has_lead else [p])]
        for piece in pieces:
            if not piece.strip():
                continue
            info = split_parties(piece, language)
            for code, w in zip(info.codes, info.as_written, strict=False):
                if code not in codes:
                    codes.append(code)
                    written.append(lead.sub(" ", w).strip(" :*"))
                    pending = max(0, pending - 1)
    info = PartyInfo(codes=codes, as_written=written)
    info.level = party_level(written)
    return info


def parties_from_mentions(text: str) -> tuple[list[str], list[tuple[str, int, int]]]:
    """The two countries the text names most often (a weak hint), with their first mentions."""
    spans = find_country_spans(text[:200000])
    counts = Counter(code for code, _, _ in spans)
    top = [code for code, n in counts.most_common(3) if n >= 2]
    if len(top) < 2:
        return [], []
    if len(top) == 3 and counts[top[2]] * 2 > counts[top[1]]:
        return [], []  # no clear pair
    firsts = sorted((next(sp for sp in spans if sp[0] == code) for code in top[:2]), key=lambda sp: sp[1])
    return [sp[0] for sp in firsts], firsts


def extract_parties(title: str | None, preamble: list[str], language: str | None) -> PartyInfo:
    """Parties from the title, else from the first preamble paragraphs (for callers that
    need one reading; the parser combines every place with its evidence)."""
    if title:
        info = parties_from_title(title, language)
        if len(info.codes) >= 2:
            return info
    for para in preamble[:3]:
        info = parties_from_preamble(para, language)
        if len(info.codes) >= 2:
            return info
    if title:
        info = split_parties(title, language)
        if info.codes:
            return info
    return PartyInfo()
