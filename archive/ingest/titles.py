"""Agreement titles: the kind (head noun), the title from an act clause, an English title.

``kind_of("... туралы келісім")`` -> agreement; ``kind_of("Протокол о внесении
изменений в Соглашение ...")`` -> protocol. ``title_from_act`` recovers the agreement's
nominative title from "... туралы келісімді бекіту туралы", "О ратификации Соглашения
между ...", "Ратифицировать Договор ..., совершенный ...". ``english_title`` builds a
title in English only when every part is known (parties, level, kind and a topic from a
small phrase table); otherwise None, never a guess.
"""

from __future__ import annotations

import functools
import re

from archive.ingest.patterns import kind_matches
from archive.language import detect_language, fold_lookalikes, profile, profiles
from archive.language.countries import english_long_name

__all__ = ["english_title", "kind_of", "nominative_title", "title_from_act", "title_from_act_text", "topic_phrase"]


def kind_of(title: str | None, language: str | None = None) -> str | None:
    """The kind from the title's head noun. Head-first languages (ru, en, nl, fr …) open
    the title with it, perhaps after capitalised modifiers ("Free Trade Agreement",
    "Protocol amending the Agreement …" is a protocol); head-last ones (kk, hy, az) end
    with it ("… келісімге өзгерістер енгізу туралы хаттама")."""
    if not title:
        return None
    t = fold_lookalikes(title).strip()
    found = kind_matches(t)
    if not found:
        return None
    if any(k == "exchange_of_notes" for _, _, k in found):
        return "exchange_of_notes"  # "… in the form of an exchange of notes": concluded by notes
    prof = profile(language or detect_language(t))
    if prof is not None and prof.head == "last":
        return found[-1][2]
    start, _, kind = found[0]
    lead = t[:start].split()
    if len(lead) <= 6 and all(w[:1].isupper() or w in ("–", "-", "/", "&") for w in lead):
        return kind
    return found[-1][2]


_RU_GEN_TO_NOM = [
    (r"^Соглашения\b", "Соглашение"),
    (r"^Договора\b", "Договор"),
    (r"^Протокола\b", "Протокол"),
    (r"^Конвенции\b", "Конвенция"),
    (r"^Меморандума\b", "Меморандум"),
    (r"^Соглашением\b", "Соглашение"),
    (r"^Договором\b", "Договор"),
    (r"^Протоколом\b", "Протокол"),
    (r"^Конвенцией\b", "Конвенция"),
    (r"^Меморандумом\b", "Меморандум"),
    (r"^Соглашению\b", "Соглашение"),
    (r"^Договору\b", "Договор"),
]
_KK_HEAD_CASE = re.compile(
    r"(?P<head>келісім(?:[-‐]шарт)?|шарт|конвенция|хаттама|меморандум|"
    r"համաձայնագ(?:ր|ի)|պայմանագ(?:ր|ի)|արձանագրություն|արձանագրությ)"
    r"(?P<suffix>[^\W\d_]*)$",
    re.I,
)
_HY_HEAD_NOM = {"համաձայնագ": "համաձայնագիր", "պայմանագ": "պայմանագիր"}


def nominative_title(title: str, language: str | None) -> str:
    """Strip the case ending of the head noun / put it in the nominative."""
    title = re.sub(r"\s+", " ", title).strip(' ,;:«»"')
    letters = [c for c in title if c.isalpha()]
    if len(letters) > 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        title = recase_all_caps(title)  # "Договор МЕЖДУ РОССИЙСКОЙ ФЕДЕРАЦИЕЙ …" too
    for pattern, repl in _RU_GEN_TO_NOM:
        title = re.sub(pattern, repl, title)
    m = _KK_HEAD_CASE.search(title)
    if m and m.group("suffix"):
        head = m.group("head")
        low = head.lower()
        if low.startswith(("համաձայնագ", "պայմանագ")):
            base = _HY_HEAD_NOM["համաձայնագ" if low.startswith("համաձայնագ") else "պայմանագ"]
            title = title[: m.start()] + base
        else:
            title = title[: m.start("suffix")]
    else:
        title = _head_last_nominative(title, language)
    return _fix_caps(title)


@functools.cache
def _head_bases() -> list[tuple[str, str]]:
    """(stem, nominative) of the head nouns of head-last languages: "saziş" -> "saziş"
    (Sazişin, Sazişi), "արձանագրությ" -> "արձանագրություն" (from the profiles)."""
    out: list[tuple[str, str]] = []
    for p in profiles().values():
        if p.head != "last":
            continue
        table = p.raw.get("kind_nominative") or {}
        for entries in p.kinds().values():
            for entry in entries:
                if " " in entry:
                    continue
                stem = entry.rstrip("*").lower()
                out.append((stem, table.get(stem, stem)))
    return sorted(set(out), key=lambda x: -len(x[0]))


def _head_last_nominative(title: str, language: str | None) -> str:
    """The last word of a head-last title back to the nominative: "… haqqında Sazişin" ->
    "… haqqında Saziş"."""
    words = title.rsplit(" ", 1)
    last = words[-1]
    low = last.lower()
    for stem, nominative in _head_bases():
        if low.startswith(stem) and low != nominative and len(low) - len(stem) <= 6:
            fixed = nominative if last[:1].islower() else nominative[:1].upper() + nominative[1:]
            if last.isupper():
                fixed = nominative.upper()
            return f"{words[0]} {fixed}" if len(words) == 2 else fixed
    return title


# Words written with a capital inside a title (stems), beside country names.
_CAPITALISED = re.compile(
    r"^(?:правительств|республик|федерац|королевств|конфедерац|президент|"
    r"үкімет|республика|федерация|корольдіг|президенті|"
    r"հանրապետ|թագավորությ|դաշնությ|"
    r"gouvernement|république|royaume|gobierno|república|reino|regering|republiek|koninkrijk|"
    r"regierung|republik|königreich|bundesrepublik|governo|repubblica|regno)",
    re.I,
)
_EN_SMALL = {"a", "an", "the", "of", "on", "in", "and", "or", "between", "for", "to", "with", "by", "at",
             "concerning", "regarding", "from", "into", "upon", "as"}  # fmt: skip


def recase_all_caps(title: str) -> str:
    """An all-capitals title ("AGREEMENT BETWEEN THE GOVERNMENT OF …", "СОГЛАШЕНИЕ МЕЖДУ …")
    in the case the genre writes it: English in title case, other languages in sentence
    case with country names and "Правительство/Республика/Үкімет/Հանրապետություն" capitalised."""
    from archive.language.countries import find_country_spans

    lower = title.lower()
    # Armenian capitals spell the ligature և as ԵՎ: "ԵՎ" -> "և", "ՄԻՋԵՎ" -> "միջև" (but "Եվրոպա")
    lower = re.sub(r"(?<=[\u0561-\u0587])եվ|(?<![\u0561-\u0587])եվ(?![\u0561-\u0587])", "և", lower)
    chars = list(lower)
    for _code, start, end in find_country_spans(lower):
        for m in re.finditer(r"[^\W\d_][\w'-]*", lower[start:end]):
            if m.group(0) not in _EN_SMALL:  # "United Kingdom of Great Britain and Northern Ireland"
                chars[start + m.start()] = chars[start + m.start()].upper()
    out = "".join(chars)
    latin = sum(c.isascii() for c in title if c.isalpha()) > len([c for c in title if c.isalpha()]) / 2
    # English titles are in title case; French, Spanish, Dutch, German … in sentence case
    english = latin and detect_language(lower) in (None, "en")
    words = out.split(" ")
    for i, word in enumerate(words):
        if latin and not english:
            if i == 0 or _CAPITALISED.match(word):
                words[i] = word[:1].upper() + word[1:]
            continue
        if latin and i and word in _EN_SMALL:
            continue
        if latin and word[:1].isupper():
            continue  # already capitalised as (part of) a country name
        if latin or _CAPITALISED.match(word) or i == 0:
            words[i] = word[:1].upper() + word[1:]
    return " ".join(words)


def _fix_caps(title: str) -> str:
    """A layout glitch: "СОГЛАШЕНИЕ между ..." / "... туралы ШАРТ" in a mixed-case title."""
    letters = [c for c in title if c.isalpha()]
    if len(letters) > 12 and all(c.isupper() for c in letters):
        return recase_all_caps(title)
    words = title.split(" ")
    if len(words) < 3:
        return title
    lower_rest = any(any(c.islower() for c in w) for w in words[1:-1])
    if lower_rest and words[0].isupper() and len(words[0]) > 3:
        words[0] = words[0].capitalize()
    if lower_rest and words[-1].isupper() and len(words[-1]) > 3:
        words[-1] = words[-1].replace("İ", "i").replace("I", "ı" if "İ" in words[-1] else "I").lower()
    return " ".join(words)


_KK_ACT_TITLE = re.compile(
    r"^(?P<t>.+?(?:келісім(?:[-‐]шарт)?|шарт|конвенция|хаттама|меморандум)[^\W\d_]*)\s+"
    r"(?:бекіту|ратификациялау|қол\s+қою|қосылу|мақұлдау)\s+туралы",
    re.I,
)
_KK_OPERATIVE = re.compile(
    r"(?:жасалған|қол\s+қойылған|қойылған)\s+(?P<t>.+?(?:келісім(?:[-‐]шарт)?|шарт|конвенция|"
    r"хаттама|меморандум))(?:[^\W\d_]*)\s+(?:бекітілсін|ратификациялансын|мақұлдансын)",
    re.I,
)
_RU_ACT_TITLE = re.compile(
    r"(?:О\s+ратификации|Об\s+утверждении|О\s+подписании|О\s+присоединении\s+к|"
    r"Об\s+одобрении)\s+(?P<t>(?:Соглашени|Договор|Протокол|Конвенци|Меморандум)\w*\s.+?)"
    r"(?:[»\"]|$|,\s+(?:совершенн|подписанн|заключенн))",
    re.S,
)
_RU_OPERATIVE = re.compile(
    r"(?:Ратифицировать|Утвердить|Одобрить|ратифицировать|утвердить)\s+(?:прилагаем\w+\s+)?"
    r"(?P<t>(?:Соглашени|Договор|Протокол|Конвенци|Меморандум)\w*\s.+?)"
    r"(?:,\s+(?:совершенн|подписанн|заключенн)|\s+от\s+\d|\.\s|\.$)",
    re.S,
)
_EN_OPERATIVE = re.compile(
    r"(?:ratify|approve|ratification\s+of|approval\s+of)\s+the\s+"
    r"(?P<t>(?:Agreement|Treaty|Protocol|Convention|Memorandum)\s.+?)"
    r"(?:,?\s+(?:signed|done|concluded)\b|\.\s|\.$)",
    re.S,
)


def title_from_act(act_paragraphs: list[str], language: str | None) -> str | None:
    """The agreement's title as an act names it, in the nominative."""
    found = title_from_act_text("\n".join(act_paragraphs), language)
    return found[0] if found else None


def title_from_act_text(text: str, language: str | None) -> tuple[str, int, int] | None:
    """(title in the nominative, start, end of the words read) from an act's text."""
    for pattern in (_KK_OPERATIVE, _RU_OPERATIVE, _EN_OPERATIVE, _RU_ACT_TITLE):
        m = pattern.search(text)
        if m:
            return nominative_title(m.group("t"), language), m.start("t"), m.end("t")
    pos = 0
    for k, p in enumerate(text.split("\n")):
        if k >= 4:
            break
        m = _KK_ACT_TITLE.match(p)
        if m:
            return nominative_title(m.group("t"), language), pos + m.start("t"), pos + m.end("t")
        pos += len(p) + 1
    return None


# --- English titles ----------------------------------------------------------------------

_TOPICS: dict[str, str] = {
    # kk
    "қорғаныс саласында әскери барлау аясындағы ынтымақтастық":
        "cooperation in the field of military intelligence in the sphere of defence",
    "әскери барлау аясындағы ынтымақтастық": "cooperation in the field of military intelligence",
    "әскери барлау саласындағы ынтымақтастық": "cooperation in the field of military intelligence",
    "үкіметтік байланыс саласындағы ынтымақтастық":
        "cooperation in the field of government communications",
    "стратегиялық әріптестік және одақтастық қарым-қатынас":
        "strategic partnership and allied relations",
    "әскери саладағы ынтымақтастық": "military cooperation",
    "әскери ынтымақтастық": "military cooperation",
    "әскери-техникалық ынтымақтастық": "military-technical cooperation",
    "қарым-қатынастардың негіздері": "the foundations of relations",
    "достық және ынтымақтастық": "friendship and cooperation",
    "мәдени ынтымақтастық": "cultural cooperation",
    "білім беру саласындағы ынтымақтастық": "cooperation in the field of education",
    "инвестицияларды өзара көтермелеу және қорғау":
        "the promotion and reciprocal protection of investments",
    "халықаралық автомобиль қатынасы": "international road transport",
    "ақпараттық қауіпсіздік саласындағы ынтымақтастық":
        "cooperation in the field of information security",
    # ru
    "сотрудничестве в области военной разведки":
        "cooperation in the field of military intelligence",
    "сотрудничестве в сфере военной разведки":
        "cooperation in the field of military intelligence",
    "сотрудничестве в области военной разведки в сфере обороны":
        "cooperation in the field of military intelligence in the sphere of defence",
    "военном сотрудничестве": "military cooperation",
    "военно-техническом сотрудничестве": "military-technical cooperation",
    "сотрудничестве в области образования": "cooperation in the field of education",
    "сотрудничестве в области правительственной связи":
        "cooperation in the field of government communications",
    "стратегическом партнерстве и союзнических отношениях":
        "strategic partnership and allied relations",
    "дружбе и сотрудничестве": "friendship and cooperation",
    "основах отношений": "the foundations of relations",
    "культурном сотрудничестве": "cultural cooperation",
    "взаимном поощрении и защите инвестиций":
        "the promotion and reciprocal protection of investments",
    "поощрении и взаимной защите инвестиций":
        "the promotion and reciprocal protection of investments",
    "международном автомобильном сообщении": "international road transport",
    "сотрудничестве в области информационной безопасности":
        "cooperation in the field of information security",
    "торгово-экономическом сотрудничестве": "trade and economic cooperation",
    "сотрудничестве в области ветеринарии": "cooperation in the field of veterinary medicine",
    "сотрудничестве в сфере миграции": "cooperation in the field of migration",
    "сотрудничестве в области туризма": "cooperation in the field of tourism",
    "сотрудничестве в области культуры": "cooperation in the field of culture",
    "сотрудничестве в области здравоохранения": "cooperation in the field of health care",
    "сотрудничестве в области сельского хозяйства": "cooperation in the field of agriculture",
    "туризм саласындағы ынтымақтастық": "cooperation in the field of tourism",
    "мәдениет саласындағы ынтымақтастық": "cooperation in the field of culture",
    "денсаулық сақтау саласындағы ынтымақтастық": "cooperation in the field of health care",
    "ауыл шаруашылығы саласындағы ынтымақтастық": "cooperation in the field of agriculture",
    # hy
    "ռազմական հետախուզության բնագավառում համագործակցության":
        "cooperation in the field of military intelligence",
    "ռազմական հետախուզության ոլորտում համագործակցության":
        "cooperation in the field of military intelligence",
    "բարեկամության և համագործակցության": "friendship and cooperation",
    "կրթության բնագավառում համագործակցության": "cooperation in the field of education",
    "կրթության ոլորտում համագործակցության": "cooperation in the field of education",
    "պաշտպանության բնագավառում համագործակցության": "cooperation in the field of defence",
    "մշակույթի բնագավառում համագործակցության": "cooperation in the field of culture",
    "ռազմական համագործակցության": "military cooperation",
    "ռազմատեխնիկական համագործակցության": "military-technical cooperation",
}  # fmt: skip
_KIND_EN = {
    "agreement": "Agreement",
    "treaty": "Treaty",
    "convention": "Convention",
    "protocol": "Protocol",
    "memorandum": "Memorandum",
    "exchange_of_notes": "Exchange of Notes",
}


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", fold_lookalikes(s).lower().replace("ё", "е")).strip(" ,.")


_TOPIC_KEYS = {_key(k): v for k, v in _TOPICS.items()}


def topic_phrase(title: str, language: str | None) -> str | None:
    """The topic part of a title ("әскери барлау аясындағы ынтымақтастық")."""
    t = fold_lookalikes(title)
    m = re.search(r"(?:арасындағы|арасында)\s+(?P<topic>.+?)\s+туралы\s+\S+$", t, re.I)
    if m:
        return m.group("topic")
    m = re.search(r"\s(?:о|об)\s+(?P<topic>.+)$", t)
    if m:
        return m.group("topic")
    m = re.search(r"միջև\s+(?P<topic>.+?)\s+մասին", t)
    if m:
        return m.group("topic")
    m = re.search(r"\s(?:on|concerning|regarding)\s+(?P<topic>.+)$", t)
    if m:
        return m.group("topic")
    return None


def english_title(
    title: str | None, kind: str | None, parties: list[str], level: str | None, language: str | None
) -> str | None:
    if not title:
        return None
    if language == "en":
        return _fix_caps(title)
    if kind not in _KIND_EN or len(parties) != 2 or level not in ("state", "government"):
        return None
    topic = topic_phrase(title, language)
    english_topic = _TOPIC_KEYS.get(_key(topic)) if topic else None
    if not english_topic:
        return None
    names = [english_long_name(c) for c in parties]
    if not all(names):
        return None
    if level == "government":
        names = [f"the Government of {n}" for n in names]
    head = _KIND_EN[kind]
    if kind == "memorandum" and re.search(r"взаимопонимани|түсіністік|փոխըմբռնման", title, re.I):
        head = "Memorandum of Understanding"
    return f"{head} between {names[0]} and {names[1]} on {english_topic}"
