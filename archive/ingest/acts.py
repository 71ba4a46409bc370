"""The act in front of an agreement: type, number, date, country, action, title.

``Қазақстан Республикасы Үкіметінің 2024 жылғы 16 қыркүйектегі № 752 қаулысы`` ->
government_decree 752 2024-09-16 KZ; ``Закон Республики Казахстан от ... № 27-III`` ->
law; ``Федеральный закон от ... № 27-ФЗ`` -> federal_law; ``ՀՀ կառավարության ... N
1363-Ա որոշում`` -> government_decision. The action comes from the operative verb
(бекітілсін / утвердить = approve, ратификациялансын / ратифицировать = ratify, внести
на рассмотрение Мажилиса проект Закона = submit, подписать = sign, присоединиться =
accede).
"""

from __future__ import annotations

import re

from archive.ingest.dates import find_dates
from archive.ingest.types import ParsedAct
from archive.language.countries import find_countries

__all__ = ["act_action", "act_type", "cited_acts", "extract_act"]

_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("federal_law", re.compile(r"Федеральн\w+\s+закон|FEDERAL\s+LAW|Federal\s+Law", re.I)),
    (
        "other",  # a parliament's decision or resolution, an order: not among the named types
        re.compile(
            r"Ազգային\s+ժողով\w*\s+որոշում|ԱԶԳԱՅԻՆ\s+ԺՈՂՈՎԻ\s+(?:\S+\s+)?ՈՐՈՇՈՒՄ|"
            r"Постановлени\w+\s+(?:Верховного\s+Совета|Государственной\s+Думы|Палаты|Сената|Мажилиса)|"
            r"Sərəncam\w*|SƏRƏNCAM\w*|Распоряжени\w+\s+Президента|Prime\s+Minister'?s?\s+Decision|"
            r"Վարչապետի\s+որոշում|ՎԱՐՉԱՊԵՏԻ\s+ՈՐՈՇՈՒՄ",
            re.I,
        ),
    ),
    (
        "presidential_decree",
        re.compile(
            r"Президентінің\s+(?:[^\n]{0,60}\s)?Жарлығы|Жарлығы\b|ЖАРЛЫҒЫ|Указ\s+Президента|"
            r"^УКАЗ\b|^Указ\b|Decree\s+of\s+the\s+President|Presidential\s+Decree|"
            r"Նախագահի\s+հրամանագիր|Fərmanı|Farmoni|ФАРМАНИ|Жарлыгы",
            re.I | re.M,
        ),
    ),
    (
        "government_decree",
        re.compile(
            r"Үкіметінің\s+(?:[^\n]{0,80}\s)?[Ққ]аулысы|ҮКІМЕТІНІҢ\s+ҚАУЛЫСЫ|[Ққ]аулысы$|ҚАУЛЫСЫ|Үкіметінің\s+қаулысы|"
            r"Постановлени\w+\s+(?:Правительства|Кабинета)|ПОСТАНОВЛЕНИЕ|"
            r"Decree\s+of\s+the\s+Government|Government\s+Decree|Resolution\s+of\s+the\s+"
            r"(?:Government|Cabinet)|DECREE|RESOLUTION|Nazirlər\s+Kabinetinin\s+qərarı|"
            r"Vazirlar\s+Mahkamasining\s+qarori|Өкмөтүнүн\s+токтому|ТОКТОМУ",
            re.M,
        ),
    ),
    (
        "government_decision",
        re.compile(r"[Ոո]րոշում|ՈՐՈՇՈՒՄ|Решение\s+Правительства|Government\s+Decision", re.M),
    ),
    (
        "law",
        re.compile(
            r"Заңы\b|ЗАҢЫ|^Закон\b|ЗАКОН\b|Закон\s+Республики|Закон\s+Кыргызской|[Ққ]онуни|ҚОНУНИ|"
            r"Law\s+of\s+the|^LAW\b|ՕՐԵՆՔ|օրենքը|Qanunu|QANUNU|Qonuni|QONUNI|Мыйзамы|МЫЙЗАМЫ",
            re.M,
        ),
    ),
    ("other", re.compile(r"Распоряжение|РАСПОРЯЖЕНИЕ|өкімі|ӨКІМІ|Order\s+of", re.M)),
]

_ACTIONS: list[tuple[str, re.Pattern[str]]] = [
    (
        "submit",
        re.compile(
            r"Мәжілісінің\s+қарауына|қарауына\s+енгізілсін|внести\s+на\s+рассмотрение|"
            r"Жарлығының\s+жобасы\s+туралы|О\s+проекте\s+Указа|проект\w*\s+Указа|"
            r"на\s+рассмотрение\s+(?:Мажилиса|Парламента|Жогорку|Олий|Милли)|"
            r"Заңының\s+жобасы|проект\w*\s+Закона|draft\s+law|submit\w*\s+(?:to|for)|"
            r"Ազգային\s+ժողով\w*\s+(?:քննարկման|ներկայացնել)|Milli\s+Məclisin\w*\s+müzakirəsinə",
            re.I,
        ),
    ),
    (
        "ratify",
        re.compile(
            r"ратификациялансын|ратификациялау|ратифицировать|ратификаци|ratif|վավերաց|"
            r"ratifikasiya|ratifikatsiya|ратификациялансын",
            re.I,
        ),
    ),
    (
        "accede",
        re.compile(
            r"қосылсын|қосылу\s+туралы|присоединиться|присоединени|accede|accession|միանալ|қўшилинсин|қўшилиш|qo['ʻ]shil|"
            r"qoşulmaq|qoşulsun",
            re.I,
        ),
    ),
    (
        "sign",
        re.compile(
            r"қол\s+қою\s+туралы|қол\s+қойылсын|қол\s+қоюға\s+өкілеттік|жасасу\s+туралы|жасасуға\s+өкілеттік|подписать|"
            r"О\s+подписании|о\s+подписании|authori[sz]\w+\s+to\s+sign|sign\s+the|ստորագրել|"
            r"imzalanmasına|imzalansın",
        ),
    ),
    (
        "approve",
        re.compile(
            r"бекітілсін|бекіту\s+туралы|мақұлдансын|утвердить|утверждени|одобрить|approv|"
            r"հաստատել|hաստատ|təsdiq|tasdiq",
            re.I,
        ),
    ),
]
_NUMBER = re.compile(
    r"(?:№|N|No\.?|Nr\.?|#)\s*(?P<num>(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎҲ\u0531-\u0556]{1,4}[—–-])*\d[\w./-]*"
    r"(?:-[\wА-Яа-яЁёІіӘәҒғҚқҢңӨөҰұҮүҺһ\u0531-\u0587]+)?(?:\s(?:ЗРК|ҚРЗ|ЗРУ|ҚР)(?![\w-]))?)"
)
_ACT_TITLE = re.compile(
    r"^(?:О|Об|On|Оn)\s|(?:бекіту|ратификациялау|қол\s+қою|қосылу|жобасы|мақұлдау|"
    r"енгізу|жасасу)\s+туралы$|մասին$|haqqında$|barədə$",
    re.I,
)
_SIGNING = re.compile(
    r"жасалған|қол\s+қойылған|совершенн|подписанн|signed|done\s+at|ստորագրված|imzalanmış",
    re.I,
)
_SIGN_OFF = re.compile(
    r"Премьер-[Мм]инистр|Президент|Prime\s+Minister|President|Վարչապետ|Նախագահ|Baş\s+nazir|Prezident|Президенти",
    re.I,
)


def act_type(text: str) -> str | None:
    for name, pattern in _TYPES:
        if pattern.search(text):
            return name
    return None


def act_action(text: str) -> str | None:
    for name, pattern in _ACTIONS:
        if pattern.search(text):
            return name
    return None


def _clean_number(num: str) -> str:
    num = num.rstrip('.,;:)»"')
    # "752 қаулысы" is excluded by the pattern; drop a trailing case ending glued by OCR
    return re.sub(r"(?<=\d)(?:-?(?:қаулысы|қаулысымен|шешімі))$", "", num)


def extract_act(paragraphs: list[str], stamp: str | None, language: str | None) -> ParsedAct | None:
    """The act from its paragraphs (title, header, operative part, signature)."""
    if not paragraphs:
        return None
    text = "\n".join(paragraphs)
    head = paragraphs[:4]
    # header: the paragraph that names the act type (and usually its date and number)
    header = None
    kind = None
    typed = [(p, act_type(p)) for p in head]
    typed = [(p, t) for p, t in typed if t and not _SIGNING.search(p)]
    # the header names the act's type with its number or date ("… 2024 жылғы 16 қыркүйектегі
    # № 752 қаулысы"); a title "On the draft Decree of the President …" names another act
    dated = [(p, t) for p, t in typed if _NUMBER.search(p) or find_dates(p)]
    if dated or typed:
        header, kind = (dated or typed)[0]
    if kind is None:
        kind = act_type("\n".join(head))
    if kind in ("government_decision", "government_decree", "law") and _TYPES[1][1].search("\n".join(head)):
        kind = "other"  # "ԱԶԳԱՅԻՆ ԺՈՂՈՎԻ / ՈՐՈՇՈՒՄԸ" over two lines: a parliament's decision
    own_title = next((p for p in paragraphs[:3] if _ACT_TITLE.search(p) and p is not header), None)
    action = act_action(own_title) if own_title else None
    if action in (None, "approve"):
        # the act's own title says what it does ("… қол қою туралы" = on signing); an operative
        # "approve the draft" next to "authorise to sign" is still about signing
        operative = act_action(_operative(paragraphs) or text)
        action = action if action and operative in (None, "approve") else operative or action
    if action is None and header:
        action = act_action(header)
    if kind is None:
        if action == "ratify" and language in ("kk", "ru", "ky", "uz", "hy"):
            kind = "law"  # ratification is by law in these countries
        elif action in ("approve", "sign", "submit"):
            kind = "government_decree" if language in ("kk", "ru", "ky", "uz") else "other"
        else:
            kind = "other"
    number = date = None
    number_src = [p for p in head if _NUMBER.search(p) and not _SIGNING.search(p)]
    # a federal law signs off with its place, date and number: "Москва, Кремль / 3 декабря 2012 года / N 222-ФЗ"
    tail_src = [_sign_off_lines(paragraphs)] if len(paragraphs) > 3 else []
    for p in ([header] if header else []) + number_src + ([stamp] if stamp else []) + tail_src:
        if p is None:
            continue
        m = _NUMBER.search(p)
        dates = find_dates(p)
        if m and number is None:
            number = _clean_number(m.group("num"))
        if dates and date is None and (m or p is header or p in tail_src):
            date = dates[0].date
        if number and date:
            break
    country = None
    for p in ([header] if header else []) + [x for x in paragraphs if _SIGN_OFF.search(x)]:
        codes = find_countries(p)
        if codes:
            country = codes[0]
            break
    if country is None:
        codes = find_countries(text)
        country = codes[0] if codes else None
    if kind == "federal_law" and country is None:
        country = "RU"
    title = own_title
    return ParsedAct(type=kind, action=action, country=country, number=number, date=date, title=title, text=text)


def _sign_off_lines(paragraphs: list[str]) -> str:
    """The short lines after the signer ("Президент … В.ПУТИН / Москва, Кремль / 3 декабря
    2012 года / N 222-ФЗ"; "İlham Əliyev / … Prezidenti / Bakı şəhəri, 1 fevral 2018-ci il")."""
    sign = next((i for i, p in enumerate(paragraphs) if i > 0 and _SIGN_OFF.search(p) and len(p) < 120), None)
    if sign is None:
        return ""
    lines = []
    for p in paragraphs[sign : sign + 6]:
        if len(p) < 120 and (_NUMBER.fullmatch(p.strip()) or find_dates(p) or _SIGN_OFF.search(p)):
            lines.append(p)
    return "\n".join(lines)


def _operative(paragraphs: list[str]) -> str:
    """The operative part: after "ҚАУЛЫ ЕТЕДІ:" / "ПОСТАНОВЛЯЕТ:" etc., else numbered items."""
    for i, p in enumerate(paragraphs):
        if re.search(
            r"қаулы\s+етеді|ПОСТАНОВЛЯЕТ|постановляет|որոշում\s+է|hereby|DECIDES|decides|"
            r"QƏRARA\s+ALIR|qaror\s+qiladi|ТОКТОМ\s+КЫЛАТ",
            p,
            re.I,
        ):
            return "\n".join(paragraphs[i:])
    items = [p for p in paragraphs if re.match(r"^\d+[.)]\s", p)]
    if items:
        return "\n".join(items)
    return "\n".join(p for p in paragraphs if not _ACT_TITLE.search(p))


_CITED = re.compile(
    r"(?P<body>(?:ՀՀ\s+)?կառավարության|Правительства\s+[\w\s]{0,40}?|Үкіметінің)\s+"
    r"(?P<rest>[^\n]{0,60}?)(?:№|N)\s*(?P<num>\d[\w-]*)\s+(?P<kind>որոշ\w*|постановлени\w*|"
    r"қаулы\w*|распоряжени\w*)"
)


def cited_acts(text: str) -> list[str]:
    """Acts a document merely cites ("... N 1363-Ա որոշմամբ հաստատված ..."), as warnings."""
    out = []
    for m in _CITED.finditer(text):
        dates = find_dates(m.group(0))
        when = f" of {dates[0].date.isoformat()}" if dates else ""
        out.append(
            f"cites act N {m.group('num')}{when} ('{m.group(0)[:80]}'); "
            "not an act on this agreement, not recorded as its act"
        )
    return out
