"""Country names (CLDR via Babel) and a tolerant finder for country mentions in text.

Public API (the Country table is seeded from it; keep it stable):

* ``COUNTRY_LANGUAGES`` - the languages names are kept in;
* ``all_country_codes()`` - ISO 3166-1 alpha-2 codes of real countries;
* ``country_names(code)`` - ``{lang: CLDR name}``;
* ``find_countries(text)`` - codes in order of first mention;
* ``find_country_spans(text)`` - ``(code, start, end)`` of every mention.

Matching is generic: every name (CLDR in en/ru/kk/hy/az/uz/ky/tr plus the official long
forms and spelling variants below) becomes a *stem*; a word matches a stem when the rest
of the word is an inflectional ending of that script (Russian case and adjective endings,
Kazakh/Kyrgyz case suffixes, Armenian case endings, English possessive). Folding of
look-alike letters makes ``Әзербайжан``/``Әзірбайжан``/``Әзербайжан`` with Latin letters
all match.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from babel import Locale

from archive.lang import fold_lookalikes

__all__ = [
    "COUNTRY_LANGUAGES",
    "all_country_codes",
    "country_names",
    "country_variants",
    "english_long_name",
    "find_countries",
    "find_country_spans",
]

COUNTRY_LANGUAGES = ("en", "ru", "kk", "hy", "az")
# Extra languages used only for matching (documents in these must not crash the parser).
_MATCH_LANGUAGES = (*COUNTRY_LANGUAGES, "uz", "ky", "tr")

# CLDR territories that are not ISO 3166-1 countries.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})

# Official long forms and common variants, per country (any language; matched like names).
_VARIANTS: dict[str, tuple[str, ...]] = {
    "KZ": ("Republic of Kazakhstan", "Казахстан", "Қазақстан", "Казакстан", "Qazaqstan",
           "Qozogʻiston", "Qozog'iston", "Qozog‘iston", "Kazakhstan", "Kazakstan"),
    "AZ": ("Әзербайжан", "Әзірбайжан", "Азербайджан", "Azerbaijan", "Azərbaycan",
           "Ozarbayjon", "Азербайжан", "Ադրբեջան", "Азербайджанск"),
    "AM": ("Армения", "Армян", "Armenia", "Հայաստան", "Ermənistan", "Арменистан"),
    "RU": ("Российская Федерация", "Российск", "Russian Federation", "Ресей",
           "Ռուսաստան", "Rusiya", "Rossiya", "Россия", "Орусия", "Russia"),
    "UZ": ("Узбекистан", "Өзбекстан", "Uzbekistan", "O'zbekiston", "Oʻzbekiston",
           "O‘zbekiston", "Özbəkistan", "Ուզբեկստան", "Өзбекстан"),
    "KG": ("Кыргызская Республика", "Кыргызск", "Киргизск", "Кыргызстан", "Киргизия",
           "Қырғыз Республикасы", "Қырғызстан", "Kyrgyz Republic", "Kyrgyzstan",
           "Qırğızıstan", "Ղրղզստան", "Кыргыз Республикасы", "Қырғыз"),
    "TJ": ("Таджикистан", "Тәжікстан", "Tajikistan", "Տաջիկստան", "Tacikistan"),
    "TM": ("Туркменистан", "Түрікменстан", "Turkmenistan", "Թուրքմենստան", "Türkmənistan"),
    "TR": ("Турецкая Республика", "Турецк", "Турция", "Түркия", "Republic of Turkey",
           "Republic of Türkiye", "Turkey", "Türkiye", "Թուրքիա", "Türkiyə"),
    "CN": ("Китайская Народная Республика", "Китайск", "Китай", "Қытай",
           "People's Republic of China", "China", "Չինաստան", "Çin"),
    "GE": ("Грузия", "Грузин", "Georgia", "Վրաստան", "Gürcüstan", "Gruziya"),
    "BY": ("Беларусь", "Белорусс", "Республика Беларусь", "Belarus", "Беларус",
           "Բելառուս", "Belarus"),
    "UA": ("Украина", "Украин", "Ukraine", "Ուկրաինա", "Ukrayna"),
    "IR": ("Исламская Республика Иран", "Иран", "Islamic Republic of Iran", "Iran",
           "Իրան", "İran"),
    "DE": ("Федеративная Республика Германия", "Германия", "Германск", "Федеративтік",
           "Federal Republic of Germany", "Germany", "Գերմանիա", "Almaniya"),
    "FR": ("Французская Республика", "Французск", "Франция", "French Republic", "France",
           "Ֆրանսիա", "Fransa"),
    "US": ("Соединенные Штаты Америки", "Соединённые Штаты Америки",
           "Америка Құрама Штаттары", "United States of America", "United States",
           "Ամերիկայի Միացյալ Նահանգներ", "Amerika Birləşmiş Ştatları"),
    "GB": ("Соединенное Королевство", "Соединённое Королевство", "Великобритания",
           "Ұлыбритания", "United Kingdom", "Great Britain", "Մեծ Բրիտանիա",
           "Միացյալ Թագավորություն", "Böyük Britaniya", "Құрама Корольдігі",
           "United Kingdom of Great Britain and Northern Ireland",
           "Соединенное Королевство Великобритании и Северной Ирландии",
           "Ұлыбритания және Солтүстік Ирландия Құрама Корольдігі"),
    "KR": ("Республика Корея", "Корея Республикасы", "Republic of Korea", "South Korea",
           "Կորեայի Հանրապետություն"),
    "KP": ("Корейская Народно-Демократическая Республика",
           "Democratic People's Republic of Korea"),
    "MD": ("Республика Молдова", "Молдова", "Молдавия", "Moldova"),
    "AE": ("Объединенные Арабские Эмираты", "Біріккен Араб Әмірліктері",
           "United Arab Emirates"),
    "IN": ("Республика Индия", "Индия", "Үндістан", "India"),
    "PK": ("Пакистан", "Pakistan"),
    "AF": ("Афганистан", "Ауғанстан", "Afghanistan"),
    "MN": ("Монголия", "Моңғолия", "Mongolia"),
    "LT": ("Литва", "Литовск", "Lithuania"),
    "LV": ("Латвия", "Латвийск", "Latvia"),
    "EE": ("Эстония", "Эстонск", "Estonia"),
    "PL": ("Польша", "Польск", "Poland"),
    "CZ": ("Чешская Республика", "Чехия", "Czech Republic", "Czechia"),
    "SK": ("Словацкая Республика", "Словакия", "Slovak Republic", "Slovakia"),
    "HU": ("Венгрия", "Венгерск", "Hungary"),
    "IT": ("Итальянская Республика", "Италия", "Italian Republic", "Italy"),
    "ES": ("Королевство Испания", "Испания", "Kingdom of Spain", "Spain"),
    "JP": ("Япония", "Жапония", "Japan"),
    "SA": ("Королевство Саудовская Аравия", "Сауд Арабиясы", "Kingdom of Saudi Arabia"),
    "EG": ("Арабская Республика Египет", "Египет", "Мысыр", "Arab Republic of Egypt"),
    "VN": ("Социалистическая Республика Вьетнам", "Вьетнам", "Viet Nam", "Vietnam"),
    "NL": ("Королевство Нидерландов", "Нидерланды", "Kingdom of the Netherlands"),
    "BE": ("Королевство Бельгия", "Бельгия", "Kingdom of Belgium"),
}  # fmt: skip

# Abbreviations matched as whole tokens, case-sensitively.
_ABBREVIATIONS: dict[str, str] = {
    "ҚР": "KZ", "РК": "KZ", "RK": "KZ", "ՀՀ": "AM", "РФ": "RU", "АҚШ": "US", "США": "US",
    "USA": "US", "U.S.A.": "US", "ҚХР": "CN", "КНР": "CN", "PRC": "CN", "ОАЭ": "AE",
    "UAE": "AE", "БАӘ": "AE", "КР": "KG", "ФРГ": "DE", "FRG": "DE", "UK": "GB", "АР": "AZ",
}  # fmt: skip

# Names that are also common words: matched only as the exact word, never inflected.
_AMBIGUOUS = frozenset(
    {"того", "перу", "мали", "чад", "куба", "гана", "нигер", "габон", "бенин", "чили",
     "chad", "togo", "jordan", "guinea", "niger", "chile", "oman", "mali", "peru", "cuba"}
)  # fmt: skip

# Inflectional endings allowed after a stem, per script.
_RU_ENDINGS = (
    "а у ом е ой ей и ы ю я ию ии ией ия ью ем ям ями ах ам ами ов ев ь "
    "ский ская ской ское ских ским скими скую ского скому ском ская "
    "йский йская йской йское йских йским йскими йскую йского йскому йском "
    "ая ой ую ое ые ых ым ыми ого ому "
    "ец ца цу цем це цы цев цам х м ми го му "
)
_KK_ENDINGS = (
    "ның нің дың дің тың тің ға ге қа ке на не ны ні ды ді ты ті да де та те нда нде "
    "дан ден тан тен нан нен мен бен пен ғы гі қы кі дағы дегі тағы тегі ндағы ндегі "
    "лық лік дық дік тық тік лар лер дар дер тар тер а е ы і н сы сі ын ін м "
    "нын нин дын дин тын тин га ка го ко нын нун дун тун дагы деги тагы теги "
    "менен бенен пенен нан дан тан дон тон нон нан "
    "ның-да дағы-ға мен-да "
)
_RU_SET = frozenset(_RU_ENDINGS.split())
_KK_SET = frozenset(_KK_ENDINGS.split())
_CYR_SET = _RU_SET | _KK_SET | frozenset(a + b for a in _KK_SET for b in _KK_SET if len(a + b) <= 7)
_HY_ENDING = re.compile(r"(?:ի|ը|ն|ում|ից|ով|ին|ու|ին|ներ|ների|ի՝|յի|ից|ային|յան|ցի|ցիներ|ցին)?$")
_LAT_ENDING = re.compile(
    r"(?:'s|’s|ʼs|ı|i|u|ü|ın|in|un|ün|nın|nin|nun|nün|da|də|ta|tə|dan|dən|la|lə|a|ə|ya|yə|ning|ga|ka|da|dagi|ni|ning|li|lı|lu|lü|la)?$"
)

_WORD_RE = re.compile(r"[^\W\d_][^\W_]*(?:[-‐'’ʼʻ][^\W\d_]+)*", re.UNICODE)


def _script(word: str) -> str:
    for ch in word:
        o = ord(ch)
        if 0x0400 <= o <= 0x04FF:
            return "cyr"
        if 0x0531 <= o <= 0x058A:
            return "hy"
        if ch.isalpha():
            return "lat"
    return "other"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = fold_lookalikes(text)
    return text.replace("ё", "е").replace("Ё", "Е").replace("’", "'").replace("ʼ", "'")


@functools.cache
def all_country_codes() -> list[str]:
    """ISO 3166-1 alpha-2 codes of real countries (no CLDR regions like 001, EU, ZZ)."""
    territories = Locale.parse("en").territories
    return sorted(
        code
        for code in territories
        if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES
    )


@functools.cache
def _names_table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for lang in _MATCH_LANGUAGES:
        territories = Locale.parse(lang).territories
        for code in all_country_codes():
            name = territories.get(code)
            if name:
                table.setdefault(code, {})[lang] = name
    return table


def country_names(code: str) -> dict[str, str]:
    """``{lang: CLDR name}`` for ``COUNTRY_LANGUAGES`` (empty dict for unknown codes)."""
    names = _names_table().get(code.upper(), {})
    return {lang: names[lang] for lang in COUNTRY_LANGUAGES if lang in names}


def country_variants(code: str) -> list[str]:
    """Spelling variants, long forms and inflection stems the parser matches for ``code``
    (beyond the CLDR names): ``Әзербайжан``, ``Азербайджанск``, ``Republic of Kazakhstan``."""
    code = code.upper()
    names = set(country_names(code).values())
    out: set[str] = set()
    for variant in _VARIANTS.get(code, ()):
        if variant not in names:
            out.add(variant)
    for name in _names_table().get(code, {}).values():
        for stem in _stems_for(name, code)[1:]:
            out.add(" ".join(stem.words))
    out.update(abbr for abbr, c in _ABBREVIATIONS.items() if c == code)
    return sorted(v for v in out if len(v) <= 100)


_ENGLISH_LONG = {
    "KZ": "the Republic of Kazakhstan", "AZ": "the Republic of Azerbaijan",
    "AM": "the Republic of Armenia", "UZ": "the Republic of Uzbekistan",
    "TJ": "the Republic of Tajikistan", "KG": "the Kyrgyz Republic",
    "TM": "Turkmenistan", "RU": "the Russian Federation", "TR": "the Republic of Türkiye",
    "CN": "the People's Republic of China", "GE": "Georgia", "BY": "the Republic of Belarus",
    "UA": "Ukraine", "IR": "the Islamic Republic of Iran", "DE": "the Federal Republic of Germany",
    "FR": "the French Republic", "US": "the United States of America",
    "GB": "the United Kingdom of Great Britain and Northern Ireland",
    "KR": "the Republic of Korea", "MD": "the Republic of Moldova", "IN": "the Republic of India",
    "PK": "the Islamic Republic of Pakistan", "MN": "Mongolia", "AE": "the United Arab Emirates",
    "IT": "the Italian Republic", "PL": "the Republic of Poland", "HU": "Hungary",
    "LT": "the Republic of Lithuania", "LV": "the Republic of Latvia",
    "EE": "the Republic of Estonia", "CZ": "the Czech Republic", "JP": "Japan",
}  # fmt: skip


def english_long_name(code: str) -> str | None:
    """Formal English name for titles: "the Republic of Kazakhstan" (None if unknown)."""
    if code in _ENGLISH_LONG:
        return _ENGLISH_LONG[code]
    name = _names_table().get(code, {}).get("en")
    return name


@dataclass(frozen=True)
class _Stem:
    code: str
    words: tuple[str, ...]  # folded, lower-cased words of the name
    script: str
    ambiguous: bool
    bare: bool = False  # already a truncated stem (Росси): no further ending change


def _stems_for(name: str, code: str) -> list[_Stem]:
    name = re.sub(r"\s*\(.*?\)", "", name).replace("&", "and")
    folded = _fold(name).lower()
    words = tuple(w for w in _WORD_RE.findall(folded))
    if not words:
        return []
    script = _script(words[0])
    out = [_Stem(code, words, script, " ".join(words) in _AMBIGUOUS)]
    # Cyrillic names ending in a vowel: also the bare stem (Россия -> Росси, Украина -> Украин)
    last = words[-1]
    if script == "cyr" and len(last) > 4 and last[-1] in "аяьй" and len(words) == 1:
        stem = last[:-1]
        if stem.endswith("и") or last.endswith(("ия", "ина")) or last.endswith(("ь", "ай")):
            out.append(_Stem(code, (*words[:-1], stem), script, " ".join(words) in _AMBIGUOUS, bare=True))
    if script == "hy" and len(words) == 1 and last.endswith("ա"):
        out.append(_Stem(code, (last[:-1],), script, False, bare=True))
    return out


# Country names that are generic words we must not treat as names in multi-word contexts.
_SKIP_NAMES = frozenset({"и", "and", "of", "the"})


@functools.cache
def _index() -> dict[str, list[_Stem]]:
    """First word of each stem -> stems (longest first)."""
    stems: list[_Stem] = []
    names = _names_table()
    for code in all_country_codes():
        for name in names.get(code, {}).values():
            stems.extend(_stems_for(name, code))
        for variant in _VARIANTS.get(code, ()):
            stems.extend(_stems_for(variant, code))
    index: dict[str, list[_Stem]] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for stem in stems:
        key = (stem.code, stem.words)
        if key in seen or stem.words[0] in _SKIP_NAMES:
            continue
        seen.add(key)
        index.setdefault(stem.words[0], []).append(stem)
    for lst in index.values():
        lst.sort(key=lambda s: (-len(s.words), -len(s.words[-1])))
    return index


def _ending_ok(ending: str, script: str, stem_word: str) -> bool:
    if not ending:
        return True
    if script == "cyr":
        return ending in _CYR_SET
    if script == "hy":
        return bool(_HY_ENDING.fullmatch(ending))
    return bool(_LAT_ENDING.fullmatch(ending))


def _word_matches(word: str, stem_word: str, script: str, last: bool, ambiguous: bool, bare: bool = False) -> bool:
    if word == stem_word:
        return True
    if ambiguous:
        return False
    if not word.startswith(stem_word):
        # The name's own ending may change: Федерация -> Федерации, Штаты -> Штатами
        if script == "cyr" and len(stem_word) > 4 and not bare:
            base = stem_word[:-1] if stem_word[-1] in "аяьйыиеоюу" else stem_word
            if len(base) < 4 or not word.startswith(base):
                return False
            return _ending_ok(word[len(base) :], script, stem_word)
        return False
    if not last and script == "lat":
        return False
    if not last and script == "cyr" and len(stem_word) <= 4:
        return False
    return _ending_ok(word[len(stem_word) :], script, stem_word)


_PREFIX_LEN = 3


@functools.cache
def _prefix_index() -> dict[str, list[str]]:
    """3-letter prefix -> first words of stems starting with it (for inflected lookups)."""
    out: dict[str, list[str]] = {}
    for first in _index():
        out.setdefault(first[:_PREFIX_LEN], []).append(first)
    return out


def find_country_spans(text: str) -> list[tuple[str, int, int]]:
    """Every country mention in ``text`` as ``(code, start, end)``, in text order."""
    if not text:
        return []
    folded = _fold(text)
    if len(folded) != len(text):  # NFC changed the length: offsets refer to the folded text
        text = folded
    lower = folded.lower()
    # In a normal document names are capitalised ("Грузия" the country, "грузить" the
    # verb; "Азербайджанской Республики" but "азербайджанском языке"); a query typed in
    # lower case is matched case-insensitively.
    need_capital = lower != folded
    tokens = [(m.start(), m.end()) for m in _WORD_RE.finditer(lower)]
    index = _index()
    prefixes = _prefix_index()
    spans: list[tuple[str, int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        s, e = tokens[i]
        word = lower[s:e]
        raw = text[s:e]
        abbr = _ABBREVIATIONS.get(raw)
        if abbr:
            spans.append((abbr, s, e))
            i += 1
            continue
        candidates = index.get(word, [])
        if len(word) >= _PREFIX_LEN:
            extra = [
                st
                for first in prefixes.get(word[:_PREFIX_LEN], ())
                if first != word and word.startswith(first[: max(3, len(first) - 2)])
                for st in index[first]
            ]
            if extra:
                candidates = sorted([*candidates, *extra], key=lambda st: (-len(st.words), -len(st.words[-1])))
        matched = False
        for stem in candidates:
            k = len(stem.words)
            if i + k > n:
                continue
            ok = True
            for j, sw in enumerate(stem.words):
                ts, te = tokens[i + j]
                if j and lower[tokens[i + j - 1][1] : ts].strip(" \n\t") not in ("",):
                    ok = False  # punctuation between the words of a name
                    break
                if not _word_matches(lower[ts:te], sw, stem.script, j == k - 1, stem.ambiguous, stem.bare):
                    ok = False
                    break
            if not ok:
                continue
            if (need_capital or stem.ambiguous) and not folded[s].isupper():
                continue
            spans.append((stem.code, s, tokens[i + k - 1][1]))
            i += k
            matched = True
            break
        if not matched:
            i += 1
    return spans


def find_countries(text: str) -> list[str]:
    """ISO codes of the countries ``text`` names, in order of first mention.

    Case-insensitive, tolerant of look-alike letters and of inflection
    ("Қазақстан Республикасының", "Азербайджанской Республикой", "Հայաստանի").
    """
    seen: list[str] = []
    for code, _, _ in find_country_spans(text):
        if code not in seen:
            seen.append(code)
    return seen
