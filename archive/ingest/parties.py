"""Parties of an agreement: ISO codes in the order named, as written, and their level.

The parties are read from the title ("X мен Y арасындағы", "между X и Y", "between X
and Y", "X և Y միջև", "X ilə Y arasında", "X va Y oʻrtasida") or, failing that, from the
first preamble paragraph ("Бұдан әрі Тараптар деп аталатын X мен Y", "X и Y, именуемые
в дальнейшем Сторонами", "X and Y, hereinafter referred to as the Parties").
Organisations (CSTO, UN, ...) are not countries and never become parties.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from archive.language.countries import find_country_spans

__all__ = ["PartyInfo", "extract_parties", "party_level", "split_parties"]


@dataclass
class PartyInfo:
    codes: list[str] = field(default_factory=list)
    as_written: list[str] = field(default_factory=list)
    level: str | None = None


_BETWEEN_AFTER = re.compile(
    r"\s(?:арасындағы|арасында|арасынд[аы]ғы|ортосундагы|ортосунда|միջև|arasında|"
    r"o['ʻ‘’]rtasida|ўртасида|arasındaki)\b",
    re.I,
)
_BETWEEN_BEFORE = re.compile(r"\b(?:между|between|among|entre)\s", re.I)
_CONJ = re.compile(r"\s(?:мен|бен|пен|және|и|and|և|ու|ilə|ile|va|ve|менен|hamda|жана)\s|,\s*", re.I)
_PREAMBLE_LEAD = re.compile(
    r"^(?:Бұдан\s+әрі|Мындан\s+ары|Bundan\s+sonra|Bundan\s+keyin|Бундан\s+кейин)\s+"
    r"[^,]{0,60}?(?:деп\s+аталатын|деп\s+аталуучу|adlandırılan|deb\s+ataladigan|"
    r"деб\s+аталадиган),?\s*",
    re.I,
)
_PREAMBLE_TAIL = re.compile(
    r",?\s*(?:именуем|hereinafter|այսուհետ|bundan\s+sonra|bundan\s+keyin|"
    r"бундан\s+ары|далее\s+именуем|referred\s+to).*$",
    re.I | re.S,
)

_GOV = re.compile(
    r"Үкімет|Үкiмет|Правительств|Government|GOVERNMENT|կառավարությ|Կառավարությ|Hökumət|"
    r"Hukumat|Hükümet|Өкмөт|Кабинет\w*\s+Министров|Cabinet\s+of\s+Ministers|Vazirlar\s+Mahkamasi|"
    r"Министрлер\s+Кабинеті",
    re.I,
)
_AGENCY = re.compile(
    r"министрлі|Министерств|Ministry|MINISTRY|նախարարությ|Nazirlig|Nazirliy|Nazirliyi|"
    r"комитет|Committee|Agency|агенттіг|Агентств|агентство|Служб|Service\b|Bank\b|Банк|"
    r"банкі|Прокуратур|прокуратур|Office\b|Department|Ведомств|ведомств|Academy|Академи|"
    r"University|Университет|Centre\b|Center\b|Орталығ|Центр|Администраци|Әкімшіліг|"
    r"կոմիտե|գործակալությ|ծառայությ|բանկ|Komitə|Agentliy|Xidmət|Qo['ʻ]mita|Agentlig",
    re.I,
)


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


def _ru_nominative(phrase: str) -> str:
    """Instrumental party phrase (after "между") to nominative: "Правительством
    Республики Казахстан" -> "Правительство Республики Казахстан"."""
    words = phrase.split()
    if not words:
        return phrase

    def conv(w: str) -> str:
        for pattern, repl in _INSTR_WORD:
            if pattern.search(w):
                return pattern.sub(repl, w)
        return w

    first = conv(words[0])
    out = [first]
    if re.search(r"(?:ской|ной|вой|ей|ым|ими|ыми)$", words[0]) and len(words) > 1:
        out.append(conv(words[1]))
        out.extend(words[2:])
    else:
        out.extend(words[1:])
    return " ".join(out)


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


def split_parties(phrase: str, language: str | None) -> PartyInfo:
    """Split "X мен Y" / "X и Y" / "X and Y" into parties, using country mentions."""
    info = PartyInfo()
    spans = find_country_spans(phrase)
    if not spans:
        return info
    # one span per party: consecutive mentions of the same country are one party
    groups: list[tuple[str, int, int]] = []
    for code, s, e in spans:
        if groups and groups[-1][0] == code:
            groups[-1] = (code, groups[-1][1], e)
            continue
        groups.append((code, s, e))
    cuts = [0]
    for (_, _, e1), (_, s2, _) in itertools.pairwise(groups):
        between = phrase[e1:s2]
        conj = list(_CONJ.finditer(between))
        if conj:
            c = conj[-1] if language in ("ru", "en", None) else conj[0]
            cuts.append(e1 + c.start())
            cuts.append(e1 + c.end())
        else:
            cuts.append(s2)
            cuts.append(s2)
    cuts.append(len(phrase))
    for k, (code, _, _) in enumerate(groups):
        part = phrase[cuts[2 * k] : cuts[2 * k + 1]].strip(" ,")
        if code in info.codes:
            continue
        if language == "ru":
            part = _ru_nominative(part)
        elif language == "hy":
            part = _hy_nominative(part)
        elif language == "en":
            part = re.sub(r"^the\s+", "", part, flags=re.I)
        info.codes.append(code)
        info.as_written.append(part)
    info.level = party_level(info.as_written)
    return info


_HEAD_WORD = re.compile(
    r"^(?:Համաձայնագիր|Պայմանագիր|Արձանագրություն|Հուշագիր|Соглашение|Договор|Протокол|"
    r"Конвенция|Меморандум|Agreement|Treaty|Protocol|Convention|Memorandum|Saziş|Bitim|"
    r"Келісім|Шарт|Келишим)$",
    re.I,
)


def _title_phrase(title: str) -> str | None:
    words = title.split(" ", 1)
    if len(words) == 2 and len(words[0]) >= 4 and (words[0].isupper() or _HEAD_WORD.match(words[0])):
        title = words[1]  # "ՀԱՄԱՁԱՅՆԱԳԻՐ Հայաստանի ...", "СОГЛАШЕНИЕ между ..."
    m = _BETWEEN_AFTER.search(title)
    if m:
        return title[: m.start()]
    m = _BETWEEN_BEFORE.search(title)
    if m:
        rest = title[m.end() :]
        spans = find_country_spans(rest)
        if not spans:
            return None
        end = spans[-1][2]
        # the last party's noun phrase may go on: "Кыргызской Республикой", "Republic"
        tail = re.match(
            r"(?:\s+(?:[A-ZА-ЯЁ][\w-]*|of|the|and|и|Республик\w*|Федераци\w*|Republic|"
            r"Federation|Kingdom|Federative))*",
            rest[end:],
        )
        if tail:
            grown = tail.group(0)
            # stop before the topic preposition ("о", "on") when it slipped in
            grown = re.split(r"\s(?:о|об|по|в|on|concerning|regarding|for|in)\s", grown)[0]
            end += len(grown.rstrip())
        return rest[:end]
    return None


def _preamble_phrase(first: str) -> str | None:
    text = _PREAMBLE_LEAD.sub("", first.strip())
    text = _PREAMBLE_TAIL.sub("", text)
    return text if find_country_spans(text) else None


def extract_parties(title: str | None, preamble: list[str], language: str | None) -> PartyInfo:
    """Parties from the title, else from the first preamble paragraph."""
    if title:
        phrase = _title_phrase(title)
        if phrase:
            info = split_parties(phrase, language)
            if len(info.codes) >= 2:
                return info
    for para in preamble[:2]:
        phrase = _preamble_phrase(para)
        if phrase:
            # in kk the preamble names parties in the nominative already
            info = split_parties(phrase, None if language == "ru" else language)
            if len(info.codes) >= 2:
                return info
    if title:
        phrase = _title_phrase(title) or title
        info = split_parties(phrase, language)
        if info.codes:
            return info
    return PartyInfo()
