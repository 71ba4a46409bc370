"""Country names (CLDR via Babel) and a tolerant finder for country mentions in text.

Public API (the Country table is seeded from it; keep it stable):

* ``COUNTRY_LANGUAGES`` - the languages names are kept in;
* ``all_country_codes()`` - ISO 3166-1 alpha-2 codes of real countries;
* ``country_names(code)`` - ``{lang: CLDR name}``;
* ``find_countries(text)`` - codes in order of first mention;
* ``find_country_spans(text)`` - ``(code, start, end)`` of every mention;
* ``countries_named(phrase)`` - what a short phrase a reader typed names (codes, names, pairs).

Matching is generic: every name (CLDR in the locale of every language profile, plus the
long forms, spelling variants, abbreviations and former states of ``data/countries.tsv``)
becomes a *stem*; a word matches a stem when the rest
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

from archive.language.profiles import DATA, profiles
from archive.language.scripts import fold_lookalikes

__all__ = [
    "COUNTRY_LANGUAGES",
    "all_country_codes",
    "countries_named",
    "country_names",
    "country_variants",
    "english_long_name",
    "find_countries",
    "find_country_spans",
    "historical_codes",
    "sovereign_of",
]

COUNTRY_LANGUAGES = ("en", "ru", "kk", "hy", "az")
# CLDR territories that are not ISO 3166-1 countries (Kosovo, XK, is kept: treaties name it).
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"})


@functools.cache
def _match_locales() -> tuple[str, ...]:
    """Every locale names are matched in: the profiles' CLDR locales."""
    seen: dict[str, None] = dict.fromkeys(COUNTRY_LANGUAGES)
    for p in profiles().values():
        for name in (p.cldr, *(p.raw.get("cldr_extra") or [])):
            if name:
                seen.setdefault(name, None)
    return tuple(seen)


@dataclass(frozen=True)
class _Data:
    variants: dict[str, tuple[str, ...]]
    abbreviations: dict[str, str]
    english: dict[str, str]
    ambiguous: frozenset[str]
    historical: dict[str, str]  # code -> English name, for states that no longer exist
    territories: dict[str, str]  # territory -> sovereign


@functools.cache
def _data() -> _Data:
    variants: dict[str, list[str]] = {}
    abbreviations: dict[str, str] = {}
    english: dict[str, str] = {}
    ambiguous: set[str] = set()
    historical: dict[str, str] = {}
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, kind, name = line.split("\t", 2)
        name = name.strip()
        if kind in ("variant", "historical"):
            variants.setdefault(code, []).append(name)
            if kind == "historical":
                historical[code] = name
        elif kind == "abbr":
            abbreviations[name] = code
        elif kind == "english":
            english[code] = name
        elif kind == "ambiguous":
            ambiguous.add(name.lower())
    territories: dict[str, str] = {}
    for line in (DATA / "territories.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sovereign, territory = line.split("\t")[:2]
            territories[territory.strip()] = sovereign.strip()
    return _Data(
        {k: tuple(v) for k, v in variants.items()},
        abbreviations,
        english,
        frozenset(ambiguous),
        historical,
        territories,
    )


def historical_codes() -> dict[str, str]:
    """Codes of former states treaties name as parties (SU, YU, CS, DD, AN) -> English name."""
    return dict(_data().historical)


def sovereign_of(territory: str) -> str | None:
    """The state a territory belongs to (AW -> NL), if the data knows it."""
    return _data().territories.get(territory)


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
    """ISO 3166-1 alpha-2 codes of countries (no CLDR regions like 001, EU, ZZ), plus the
    former states treaties name as parties (SU, YU, CS, DD, AN)."""
    territories = Locale.parse("en").territories
    codes = {
        code
        for code in territories
        if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES
    }
    return sorted(codes | set(_data().historical))


@functools.cache
def _names_table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for lang in _match_locales():
        territories = Locale.parse(lang).territories
        for code in all_country_codes():
            name = territories.get(code)
            if name:
                table.setdefault(code, {})[lang] = name
    for code, name in _data().historical.items():
        table.setdefault(code, {}).setdefault("en", name)
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
    for variant in _data().variants.get(code, ()):
        if variant not in names:
            out.add(variant)
    for name in _names_table().get(code, {}).values():
        for stem in _stems_for(name, code)[1:]:
            out.add(" ".join(stem.words))
    out.update(abbr for abbr, c in _data().abbreviations.items() if c == code)
    return sorted(v for v in out if len(v) <= 100)


def english_long_name(code: str) -> str | None:
    """Formal English name for titles: "the Republic of Kazakhstan" (None if unknown)."""
    return _data().english.get(code) or _names_table().get(code, {}).get("en")


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
    out = [_Stem(code, words, script, " ".join(words) in _data().ambiguous)]
    # Cyrillic names ending in a vowel: also the bare stem (Россия -> Росси, Украина -> Украин)
    last = words[-1]
    if script == "cyr" and len(last) > 4 and last[-1] in "аяьй" and len(words) == 1:
        stem = last[:-1]
        if stem.endswith("и") or last.endswith(("ия", "ина")) or last.endswith(("ь", "ай")):
            out.append(_Stem(code, (*words[:-1], stem), script, " ".join(words) in _data().ambiguous, bare=True))
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
        for variant in _data().variants.get(code, ()):
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


# a Russian adjective opening a name takes its own endings ("Соединенное Королевство" ->
# "Соединенным Королевством", "Северная Македония" -> "Северной Македонией")
_RU_ADJ_STEM_END = ("ая", "яя", "ое", "ее", "ый", "ий", "ой", "ые", "ие")
_RU_ADJ_ENDING_WORDS = "ая яя ое ее ый ий ой ые ие ую юю ого его ому ему ым им ыми ими ых их ом ем ей"
_RU_ADJ_ENDINGS = frozenset(_RU_ADJ_ENDING_WORDS.split())


def _word_matches(word: str, stem_word: str, script: str, last: bool, ambiguous: bool, bare: bool = False) -> bool:
    if word == stem_word:
        return True
    if ambiguous:
        return False
    if not last and script == "cyr" and len(stem_word) > 5 and stem_word.endswith(_RU_ADJ_STEM_END):
        base = stem_word[:-2]
        if word.startswith(base) and word[len(base) :] in _RU_ADJ_ENDINGS:
            return True
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
        abbr = _data().abbreviations.get(raw)
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
    if _demonym_index()[0]:
        spans = _with_demonyms(spans, lower, tokens)
    return spans


@functools.cache
def _demonym_index() -> tuple[dict[str, list[tuple[tuple[str, ...], str, bool]]], frozenset[str], frozenset[str]]:
    """first word -> [(words, code, is_stem)], party-noun first words, list glue words."""
    index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    stems: list[tuple[str, str]] = []
    for line in (DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, forms = line.split("\t", 1)
        for form in forms.split("|"):
            form = _fold(form.strip()).lower()
            stem = form.endswith("*")
            words = tuple(form.rstrip("*").split())
            if not words:
                continue
            if stem and len(words) == 1:
                stems.append((words[0], code))
            index.setdefault(words[0], []).append((words, code, stem))
    nouns: set[str] = set()
    glue: set[str] = {"-", "the", "de", "het", "la", "le", "les", "die", "der", "el", "des", "of", "van", "du", "del"}
    for p in profiles().values():
        for noun in p.words("party_nouns"):
            nouns.add(_fold(noun).lower().split()[0])
        glue.update(w.lower() for w in p.words("and"))
    for lst in index.values():
        lst.sort(key=lambda x: -len(x[0]))
    _STEMS_BY_PREFIX.clear()
    for stem, code in stems:
        _STEMS_BY_PREFIX.setdefault(stem[:3], []).append((stem, code))
    return index, frozenset(nouns), frozenset(glue)


_STEMS_BY_PREFIX: dict[str, list[tuple[str, str]]] = {}


def _demonym_at(lower: str, tokens: list[tuple[int, int]], i: int) -> tuple[str, int] | None:
    """(code, number of words) of a nationality adjective starting at token ``i``."""
    index, _, _ = _demonym_index()
    word = lower[tokens[i][0] : tokens[i][1]]
    for words, code, _stem in index.get(word, ()):
        k = len(words)
        if i + k <= len(tokens) and all(lower[tokens[i + j][0] : tokens[i + j][1]] == words[j] for j in range(k)):
            return code, k
    for stem, code in _STEMS_BY_PREFIX.get(word[:3], ()):
        if word.startswith(stem) and len(word) - len(stem) <= 3:
            return code, 1
    return None


def _with_demonyms(spans: list[tuple[str, int, int]], lower: str, tokens: list[tuple[int, int]]):
    """Add "the Dutch Government", "de Nederlandse en Deense Regering", "la République française"."""
    _, nouns, glue = _demonym_index()
    taken = [(s, e) for _, s, e in spans]
    words = [lower[s:e] for s, e in tokens]
    extra: list[tuple[str, int, int]] = []
    for i in range(len(tokens)):
        found = _demonym_at(lower, tokens, i)
        if not found:
            continue
        code, k = found
        s, e = tokens[i][0], tokens[i + k - 1][1]
        if any(a < e and s < b for a, b in taken):
            continue
        # a party noun after it (over "and <adjective>") or right before it
        j = i + k
        ok = False
        while j < len(words) and j <= i + k + 3:
            if words[j] in nouns:
                ok = True
                break
            if words[j] in glue or _demonym_at(lower, tokens, j):
                j += 1
                continue
            break
        if not ok:
            j = i - 1
            while j >= 0 and j >= i - 4:
                if words[j] in nouns:
                    ok = True
                    break
                if words[j] in glue or _demonym_at(lower, tokens, j):
                    j -= 1
                    continue
                break
        if ok:
            extra.append((code, s, e))
    if not extra:
        return spans
    return sorted([*spans, *extra], key=lambda x: x[1])


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


_NAMED_MAX_CHARS = 200


@functools.cache
def _and_words() -> frozenset[str]:
    """The words that join two names in every language profile: and, и, және, мен, և, və …"""
    return frozenset(_fold(w).lower() for p in profiles().values() for w in p.words("and"))


@functools.cache
def _name_words() -> frozenset[str]:
    """Every word of every name we hold ("republic", "республика", "kingdom" …)."""
    return frozenset(word for stems in _index().values() for stem in stems for word in stem.words)


def countries_named(phrase: str) -> tuple[list[str], list[str]]:
    """The countries a short phrase a reader typed names, and the words that named none.

    Each country is an ISO code in any case (``kz``, ``AZ-KZ``) or a name in any language we
    hold, inflected or not (``Kazakhstan``, ``Казахстан-Азербайджан``, ``Հայաստան և Ղազախստան``);
    names are joined by dashes, slashes, commas or "and" in any profile's language. Codes
    come in the order named, each once; a phrase over 200 characters names nothing.
    """
    phrase = (phrase or "").strip()
    if not phrase or len(phrase) > _NAMED_MAX_CHARS:
        return [], [phrase[:40]] if phrase else []
    codes: list[str] = []
    unknown: list[str] = []
    _named(_fold(phrase), codes, unknown, split_hyphens=False)
    if codes:  # a word of a state's name around a name found: "Республика Казахстан"
        unknown = [word for word in unknown if word.lower() not in _name_words()]
    return codes, unknown


def _named(text: str, codes: list[str], unknown: list[str], split_hyphens: bool) -> None:
    if split_hyphens:
        text = re.sub(r"[-‐‑]", " ", text)
    # capitalised words: a name typed in lower case is still a name, while an abbreviation
    # typed in capitals (РК, USA) keeps its case
    text = _WORD_RE.sub(lambda m: m.group()[:1].upper() + m.group()[1:], text)
    spans = find_country_spans(text)
    known = set(all_country_codes())
    for match in _WORD_RE.finditer(text):
        s, e = match.span()
        inside = [code for code, a, b in spans if a <= s and e <= b]
        if inside:
            if inside[0] not in codes and any(a == s for _c, a, _b in spans):
                codes.append(inside[0])
            continue
        word = match.group()
        if word.lower() in _and_words():
            continue
        if len(word) == 2 and word.upper() in known:
            if word.upper() not in codes:
                codes.append(word.upper())
        elif not split_hyphens and re.search(r"[-‐‑]", word):
            _named(word, codes, unknown, split_hyphens=True)  # Казахстан-Азербайджан, kz-az
        else:
            unknown.append(word)
