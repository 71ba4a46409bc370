"""Competent / authorised bodies each party designates.

Looked for only in the paragraphs that designate them ("уәкілетті органдар",
"Құзыретті ұйымдар", "компетентные органы", "уполномоченные органы", "competent
authorities", "լիազորված մարմիններ"): ``Қазақстан Республикасының Қорғаныс министрлігі``,
``Министерство обороны Республики Казахстан``, ``the Ministry of Defence of the Republic
of Azerbaijan``.
"""

from __future__ import annotations

import re

from archive.ingest.types import ParsedAuthority
from archive.language.caseless import caseless
from archive.language.countries import find_country_spans

__all__ = ["extract_authorities"]

_CUE = caseless(
    r"уәкілетті\s+орган|құзыретті\s+орган|құзыретті\s+ұйым|орындаушы\s+орган|"
    r"компетентн\w+\s+орган|уполномоченн\w+\s+орган|компетентн\w+\s+организаци|"
    r"исполнительн\w+\s+орган|competent\s+(?:authorit|bod|organi)|authori[sz]ed\s+(?:bod|organ|authorit)|"
    r"executive\s+(?:bod|agenc)|implementing\s+(?:bod|agenc)|լիազոր\w*\s+մարմ|իրավասու\s+մարմ|"
    r"səlahiyyətli\s+orqan|vakolatli\s+organ|ыйгарым\s+укуктуу\s+орган"
)
# nouns that end the name of a body
_KK_BODY = (
    r"министрлігі|комитеті|агенттігі|қызметі|банкі|басқармасы|департаменті|академиясы|"
    r"кеңсесі|күзеті|әкімшілігі|бюросы|орталығы|прокуратурасы|инспекциясы|палатасы"
)
_RU_BODY = (
    r"Министерство|Комитет|Агентство|Служба|Национальный\s+банк|Центральный\s+банк|"
    r"Государственный\s+комитет|Генеральная\s+прокуратура|Администрация|Управление|"
    r"Департамент|Пограничная\s+служба|Министерства|Комитета|Агентства|Службы"
)
_EN_BODY = (
    r"Ministry|Committee|Agency|Service|National\s+Bank|Central\s+Bank|Department|Office|Administration|Prosecutor"
)
_HY_BODY = r"նախարարություն\w*|կոմիտե\w*|ծառայություն\w*|գործակալություն\w*|բանկ\w*"

_FORWARD = caseless(
    rf"^[\w-]+(?:\s+Республикасы(?:ның)?|\s+Հանրապետության|\s+Respublikasının|"
    rf"\s+Respublikasining)?\s+(?:[\w-]+\s+){{0,5}}?(?:{_KK_BODY}|{_HY_BODY}|"
    rf"[\w-]*(?:Nazirliyi|Komitəsi|Xidməti|Agentliyi|vazirligi|qo'mitasi|xizmati))(?![\w-])"
)
_BACKWARD = re.compile(rf".*((?:the\s+)?(?:{_RU_BODY}|{_EN_BODY})\b[^;:–—()\n]*)$", re.S)
# "for the Republic of Armenia, the Ministry of …": the body named after its country
_NAMED_AFTER = re.compile(
    rf"^\s*[,:–—-]+\s*((?:the\s+)?(?:{_RU_BODY}|{_EN_BODY})\b[^;\n]*?)(?=\s*(?:[;\n]|\.(?:\s|$)|$))"
)
_AFTER_COUNTRY = re.compile(r"^(?:\s+(?:Республики|Республикасы|Republic|Federation|Федерации))")


def _paragraphs_with_cue(text: str) -> list[str]:
    out: list[str] = []
    if not _CUE.search(text):
        return out
    paras = text.split("\n")
    for i, p in enumerate(paras):
        if _CUE.search(p):
            # the designation may follow on the next lines ("...органдар:" + one per party)
            out.append(" ".join(paras[i : i + 4]))
    return out


def extract_authorities(text: str, parties: list[str]) -> list[ParsedAuthority]:
    """Bodies designated as competent/authorised, with the country each belongs to."""
    found: list[ParsedAuthority] = []
    seen: set[str] = set()
    for chunk in _paragraphs_with_cue(text):
        for code, s, e in find_country_spans(chunk):
            if parties and code not in parties:
                continue
            name = None
            m = _FORWARD.match(chunk[s : s + 160])
            if m:
                name = m.group(0)
            else:
                window = chunk[max(0, s - 140) : s]
                b = _BACKWARD.search(window)
                after = _NAMED_AFTER.match(chunk[e : e + 200])
                if b:
                    tail = _AFTER_COUNTRY.match(chunk[e:])
                    end = e + (tail.end() if tail else 0)
                    name = chunk[max(0, s - 140) + b.start(1) : end]
                elif after:
                    name = after.group(1)
            if not name:
                continue
            name = re.sub(r"\s+", " ", name).strip(" ,;.")
            name = re.sub(r"^the\s+", "", name)
            if name.endswith("ը") and re.search(r"[\u0561-\u0587]{4}ը$", name):
                name = name[:-1]  # Armenian definite article
            key = name.lower()
            if key in seen:
                continue
            seen.add(key)
            found.append(ParsedAuthority(country=code, name=name))
    if parties:
        found.sort(key=lambda a: parties.index(a.country) if a.country in parties else 99)
    return found
