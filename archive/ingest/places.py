"""Places of signature: city names with their inflected forms, back to the nominative.

``find_place(text, language)`` looks for the city in a testimonium ("Done at ...") or an
act clause ("... Баку қаласында жасалған", "совершенное в городе Баку") and returns it in
the nominative of the text's language: ``Бакуде`` -> ``Баку``, ``в г. Астане`` ->
``Астана``, ``Երևանում`` -> ``Երևան``. A city missing from the table is returned as
written minus its case ending.
"""

from __future__ import annotations

import functools
import re

from archive.language import fold_lookalikes, profiles

__all__ = ["english_city", "find_place", "nominative_city", "place_after_lead"]

# nominative: inflected forms (any language; the nominative itself is matched too)
_CITY_TABLE = """
Баку: Бакуде Бакуда Бакуге Баку
Baku: Baku
Bakı: Bakı Bakıda Bakıdа
Բաքու: Բաքու Բաքվում Բաքուում
Астана: Астанада Астане Астану Астаны Астана
Astana: Astana
Աստանա: Աստանա Աստանայում
Нұр-Сұлтан: Нұр-Сұлтан Нұр-Сұлтанда
Нур-Султан: Нур-Султане Нур-Султан
Nur-Sultan: Nur-Sultan
Алматы: Алматыда Алматы
Алма-Ата: Алма-Ате Алма-Ата Алматы
Almaty: Almaty
Ереван: Ереванда Ереване Ереван
Yerevan: Yerevan
Երևան: Երևանում Երևան Երեւանում Երեւան
Москва: Москве Москва
Мәскеу: Мәскеуде Мәскеу
Moscow: Moscow
Մոսկվա: Մոսկվայում Մոսկվա
Ташкент: Ташкентте Ташкенте Ташкент
Tashkent: Tashkent
Toshkent: Toshkent Toshkentda
Бишкек: Бишкекте Бишкеке Бишкек
Bishkek: Bishkek
Бішкек: Бішкекте Бішкек
Душанбе: Душанбеде Душанбе
Dushanbe: Dushanbe
Ашгабат: Ашгабатта Ашгабате Ашгабат Ашхабаде Ашхабад
Ashgabat: Ashgabat
Анкара: Анкарада Анкаре Анкара
Ankara: Ankara Ankarada
Тбилиси: Тбилисиде Тбилиси
Tbilisi: Tbilisi
Թբիլիսի: Թբիլիսիում Թբիլիսի
Минск: Минскіде Минскте Минске Минск
Minsk: Minsk
Киев: Киевте Киеве Киев
Kyiv: Kyiv Kiev
Пекин: Пекине Пекин
Бейжің: Бейжіңде Бейжің Пекинде
Beijing: Beijing
Стамбул: Стамбулда Стамбуле Стамбул
Istanbul: Istanbul İstanbul
Берлин: Берлинде Берлине Берлин
Berlin: Berlin
Париж: Парижде Париже Париж
Paris: Paris
Лондон: Лондонда Лондоне Лондон
London: London
Вашингтон: Вашингтонда Вашингтоне Вашингтон
Washington: Washington
Тегеран: Тегеранда Тегеране Тегеран
Tehran: Tehran
Женева: Женевада Женеве Женева
Geneva: Geneva
Вена: Венада Вене
Vienna: Vienna
Нью-Йорк: Нью-Йоркте Нью-Йорке Нью-Йорк
New York: New York
Сеул: Сеулде Сеуле Сеул
Seoul: Seoul
Токио: Токиода Токио
Tokyo: Tokyo
Абу-Даби: Абу-Дабиде Абу-Даби
Abu Dhabi: Abu Dhabi
Дубай: Дубайда Дубае Дубай
Астрахань: Астраханда Астрахани Астрахань
Санкт-Петербург: Санкт-Петербургте Санкт-Петербурге Санкт-Петербург
Saint Petersburg: Saint Petersburg St. Petersburg
Самарканд: Самаркандта Самарканде Самарканд
Samarkand: Samarkand Samarqand
Бухара: Бухарада Бухаре Бухара
Туркестан: Түркістанда Туркестане Туркестан
Түркістан: Түркістан
Шымкент: Шымкентте Шымкенте Шымкент
Актау: Ақтауда Актау Ақтау
Атырау: Атырауда Атырау
Кишинев: Кишиневте Кишиневе Кишинев Кишинёве
Рига: Ригада Риге Рига
Вильнюс: Вильнюсте Вильнюсе Вильнюс
Таллин: Таллинде Таллине Таллин
Варшава: Варшавада Варшаве Варшава
Прага: Прагада Праге Прага
Будапешт: Будапештте Будапеште Будапешт
Рим: Римде Риме
Rome: Rome
Мадрид: Мадридте Мадриде Мадрид
Нью-Дели: Нью-Делиде Нью-Дели
New Delhi: New Delhi
Исламабад: Исламабадта Исламабаде Исламабад
Кабул: Кабулда Кабуле Кабул
Улан-Батор: Улан-Баторда Улан-Баторе Улан-Батор
Эр-Рияд: Эр-Риядта Эр-Рияде Эр-Рияд
Каир: Каирде Каире Каир
Ханой: Ханойда Ханое Ханой
"""


# English names of the cities above, keyed by every nominative the table gives them,
# for citations and English titles ("signed at Baku").
_ENGLISH_GROUPS = """
Baku: Баку Bakı Բաքու
Astana: Астана Աստանա
Nur-Sultan: Нұр-Сұлтан Нур-Султан
Almaty: Алматы Алма-Ата
Yerevan: Ереван Երևան
Moscow: Москва Мәскеу Մոսկվա
Tashkent: Ташкент Toshkent
Bishkek: Бишкек Бішкек
Dushanbe: Душанбе
Ashgabat: Ашгабат
Ankara: Анкара
Tbilisi: Тбилиси Թբիլիսի
Minsk: Минск
Kyiv: Киев
Beijing: Пекин Бейжің
Istanbul: Стамбул
Berlin: Берлин
Paris: Париж
London: Лондон
Washington: Вашингтон
Tehran: Тегеран
Geneva: Женева
Vienna: Вена
New York: Нью-Йорк
Seoul: Сеул
Tokyo: Токио
Abu Dhabi: Абу-Даби
Dubai: Дубай
Astrakhan: Астрахань
Saint Petersburg: Санкт-Петербург
Samarkand: Самарканд
Bukhara: Бухара
Turkestan: Туркестан Түркістан
Shymkent: Шымкент
Aktau: Актау
Atyrau: Атырау
Chisinau: Кишинев
Riga: Рига
Vilnius: Вильнюс
Tallinn: Таллин
Warsaw: Варшава
Prague: Прага
Budapest: Будапешт
Rome: Рим
Madrid: Мадрид
New Delhi: Нью-Дели
Islamabad: Исламабад
Kabul: Кабул
Ulaanbaatar: Улан-Батор
Riyadh: Эр-Рияд
Cairo: Каир
Hanoi: Ханой
"""


@functools.cache
def _english() -> dict[str, str]:
    out = {}
    for line in _ENGLISH_GROUPS.strip().splitlines():
        english, _, names = line.partition(":")
        out[english.strip()] = english.strip()
        for name in names.split():
            out[name] = english.strip()
    return out


def english_city(name: str | None) -> str | None:
    """``Баку`` -> ``Baku``; None for a city the table does not know."""
    return _english().get((name or "").strip()) if name else None


@functools.cache
def _forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _CITY_TABLE.strip().splitlines():
        nom, _, forms = line.partition(":")
        nom = nom.strip()
        out[nom.lower()] = nom
        for form in forms.split():
            out.setdefault(form.lower(), nom)
    return out


_FORM_RE: re.Pattern[str] | None = None


def _form_re() -> re.Pattern[str]:
    global _FORM_RE
    if _FORM_RE is None:
        alts = sorted(_forms(), key=lambda w: (-len(w), w))
        _FORM_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])", re.I)
    return _FORM_RE


_KK_LOC = re.compile(r"(?:ында|інде|нда|нде|да|де|та|те)$")
_HY_LOC = re.compile(r"(?:յում|ում)$")
_RU_PREPOSITIONAL = re.compile(r"[бвгджзкмнпрстфхцшщ]е$")
_AZ_LOC = re.compile(r"(?:'?da|'?də|'?ta|'?tə|'?de|'?te)$")


def nominative_city(word: str, language: str | None = None) -> str:
    """``Бакуде`` -> ``Баку``; unknown cities lose their locative ending only."""
    known = _forms().get(word.lower())
    if known:
        return known
    script_hy = any("\u0531" <= c <= "\u058a" for c in word)
    if script_hy:
        return _HY_LOC.sub("", word) or word
    if language == "ru":
        # the prepositional -е after a hard consonant ("Павлодаре", "Минске"); not "-ле" ("Гомеле" is
        # Гомель, "Сеуле" Сеул: kept as written rather than guessed), and no Kazakh rule: a Russian
        # name in the nominative after "в городе" ("Джакарта") has no locative ending to lose
        if len(word) > 4 and _RU_PREPOSITIONAL.search(word):
            return word[:-1]
        return word
    if re.search(r"[\u0400-\u04FF]", word):
        return _KK_LOC.sub("", word) if len(word) > 5 else word
    return _AZ_LOC.sub("", word) if language in ("az", "tr", "uz") and len(word) > 5 else word


_GENERIC = [
    re.compile(r"([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)\s+қаласында"),
    re.compile(r"в\s+(?:городе|гор\.|г\.)\s*([А-ЯЁ][\w-]+(?:\s[А-ЯЁ][\w-]+)?)"),
    re.compile(r"(?:ք\.|քաղաքում)\s*([Ա-Ֆ][\u0561-\u0587]+)"),
    re.compile(r"((?:[Ա-Ֆ][\u0561-\u0587]*(?<!ի)(?<!ության)\s+)?[Ա-Ֆ][\u0561-\u0587]+)\s+քաղաքում"),
    re.compile(
        r"((?:[A-ZƏÇŞĞÜÖİ][\wəçşğüöı-]*(?<!sı)(?<!si)(?<!su)(?<!sü)(?<!ın)(?<!in)\s+)?[A-ZƏÇŞĞÜÖİ][\wəçşğüöı-]+)"
        r"\s+(?:şəhərində|shahrida|şehrinde|шаҳрида)"
    ),
    re.compile(r"([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)\s+шаарында"),
    re.compile(r"([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:да|де|та|те))\s+(?:жасалған|жасалды|қол\s+қойылған|қол\s+қойылды)"),
]


@functools.cache
def _lead_place() -> re.Pattern[str]:
    """ "… at Paris", "… te 's-Gravenhage", "… à Bruxelles", "… zu Bonn", "… en Madrid": a
    capitalised name after a profile's place word (used on testimonium sentences)."""
    leads = sorted({w for p in profiles().values() for w in p.words("place_lead")}, key=lambda w: (-len(w), w))
    alts = "|".join(re.escape(w) for w in leads)
    cap = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*"
    name = rf"(?:'s-|’s-)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*(?:[ -](?:(?:de|del|am|an|der|sur|upon)[ -])?{cap})*"
    city_of = r"(?:the\s+[Cc]ity\s+of\s+|la\s+ville\s+de\s+|de\s+stad\s+|der\s+Stadt\s+|la\s+ciudad\s+de\s+)?"
    return re.compile(rf"(?<![\w'’])(?:{alts})\s+{city_of}(?P<place>{name})")


def _plausible_place(name: str) -> bool:
    from archive.language.months import month_number
    from archive.language.names import language_code

    first = name.split()[0].strip(".,")
    if len(first) < 3 or language_code(first) or month_number(first):
        return False
    return first.lower() not in _NOT_PLACES


_NOT_PLACES = frozenset(
    [
        "witness",
        "faith",
        "duplicate",
        "two",
        "three",
        "four",
        "the",
        "this",
        "these",
        "original",
        "originals",
        "triplicate",
        "quadruplicate",
        "accordance",
        "respect",
        "case",
        "order",
        "force",
        "addition",
        "each",
        "both",
        "all",
    ]
)


def place_after_lead(text: str) -> tuple[str, int, int] | None:
    """(place, start, end) of the first plausible "at <Place>" in ``text``."""
    for m in _lead_place().finditer(text):
        place = m.group("place").rstrip(".,’'-")
        if _plausible_place(place):
            return place, m.start("place"), m.start("place") + len(place)
    return None


def find_place(text: str, language: str | None = None) -> str | None:
    """The city ``text`` names (first one), in the nominative of the text's language."""
    if not text:
        return None
    text = fold_lookalikes(text)
    hits: list[tuple[int, str]] = []
    for m in _form_re().finditer(text):
        if m.group(1)[0].isupper():  # a city is capitalised ("вене" is not Vienna)
            hits.append((m.start(), _forms()[m.group(1).lower()]))
            break
    for pattern in _GENERIC:
        g = pattern.search(text)
        if g:
            name = g.group(1)
            start = g.start(1)
            if " " in name and _forms().get(name.split()[-1].lower()):
                start += name.rindex(" ") + 1  # "… Bakı şəhərində": the known city, not its neighbour
                name = name.split()[-1]
            hits.append((start, nominative_city(name, language)))
    lead = place_after_lead(text)
    if lead:
        hits.append((lead[1], nominative_city(lead[0], language)))
    if not hits:
        return None
    hits.sort()
    return hits[0][1]
