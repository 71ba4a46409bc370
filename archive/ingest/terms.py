"""Duration, renewal and notice period from the final clauses.

Numbers may be digits, words or both (``5 (бес) жыл``, ``бес жыл``, ``сроком на пять
лет``, ``for a period of five (5) years``, ``հինգ տարի``); renewal periods may be
compounds (``бесжылдық кезеңдерге``, ``пятилетние периоды``, ``five-year periods``,
``հնգամյա``).
"""

from __future__ import annotations

import re

from archive.ingest.types import ParsedTerm
from archive.language import profiles
from archive.language.caseless import caseless
from archive.language.profiles import trie_regex

__all__ = ["extract_term", "number_value"]


def _number_tables() -> tuple[dict[str, int], dict[str, int]]:
    """Number words ("бес", "пяти", "five", "հինգ") and compound prefixes ("бес|жылдық",
    "пяти|летний", "five-|year", "հնգ|ամյա"), from the language profiles."""
    words: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    for prof in profiles().values():
        for value, forms in (prof.raw.get("numbers") or {}).items():
            for form in forms:
                words.setdefault(form.lower(), int(value))
        for form, value in (prof.raw.get("number_prefixes") or {}).items():
            prefixes.setdefault(form.lower(), int(value))
    return words, prefixes


_NUMBER_WORDS, _COMPOUND_PREFIX = _number_tables()

_NUM_ALT = trie_regex(sorted(_NUMBER_WORDS))
# "5 (бес)", "бес (5)", "five (5)", "5", "бес"
_N = rf"(?P<n>\d{{1,3}}|{_NUM_ALT})(?:\s*\((?:\d{{1,3}}|[^\W\d_][^()]{{0,25}})\))?"


def number_value(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _num(m: re.Match[str]) -> int | None:
    return number_value(m.group("n"))


_INDEFINITE = caseless(
    r"белгіленбеген\s+мерзімге|белгiленбеген\s+мерзiмге|мерзімсіз|шектеусіз\s+мерзімге|"
    r"неопределенный\s+срок|неопределённый\s+срок|бессрочн|"
    r"indefinite\s+period|unlimited\s+(?:period|duration)|indefinitely|"
    r"անժամկետ|անորոշ\s+ժամկետ|müddətsiz|qeyri-müəyyən\s+müddət|muddatsiz|"
    r"белгисиз\s+мөөнөткө|мөөнөтсүз"
)
_RENEW_CUE = (
    r"кейінгі|келесі|әрбір\s+келесі|последующ|следующ|очередн|каждый\s+последующий|successive|"
    r"subsequent|further|additional|consecutive|հաջորդ|növbəti|keyingi|кийинки"
)
_YEARS = [
    caseless(rf"{_N}\s*жыл(?:ға|дық)?\s+(?:мерзімге|мерзiмге|мерзімі|мерзім|бойы)"),
    caseless(rf"(?:срок(?:ом)?|период)\s+(?:на\s+|в\s+)?{_N}\s*(?:лет|года|год)\b"),
    caseless(rf"(?:заключается|заключено|действует|действовать)\s+(?:на\s+|в\s+течение\s+){_N}\s*(?:лет|года|год)\b"),
    caseless(rf"\bна\s+{_N}\s*(?:лет|года|год)\b"),
    caseless(rf"(?:period|term)\s+of\s+{_N}\s*years?\b"),
    caseless(rf"\bfor\s+{_N}\s*years?\b"),
    caseless(rf"{_N}\s*(?:տարի|տարով|տարվա)\s*(?:ժամկետով|ժամկետ)?"),
    caseless(rf"{_N}\s*(?:il|yil)\s*(?:müddətinə|muddatga|müddətə)"),
]
_RENEWAL = [
    caseless(rf"(?:{_RENEW_CUE})[^\W\d_]*\s+(?P<c>[^\W\d_]{{2,8}}?)\s*[-‐]?\s*(?:жылдық|летн\w+|year|ամյա)"),
    caseless(
        rf"(?:{_RENEW_CUE})[^\W\d_]*\s+(?:periods?\s+of\s+)?{_N}\s*[-‐]?\s*(?:жыл\w*|лет\w*|год\w*|years?|տար\w*|il|yil)"
    ),
    caseless(rf"(?:продлевается|продлевается\s+автоматически|продлено)\s+на\s+{_N}\s*(?:лет|года|год)"),
    caseless(
        rf"(?:extended|renewed|prolonged)\s+(?:automatically\s+)?(?:for\s+)?(?:(?:a|an)\s+)?(?:further\s+|additional\s+|successive\s+)?(?:periods?\s+of\s+)?{_N}\s*[-‐]?\s*years?"
    ),
    caseless(rf"(?:each|further|additional)\s+(?:periods?\s+of\s+)?{_N}\s*[-‐]?\s*years?"),
]
_RENEW_SAME = caseless(
    r"(?:продлевается|продлевается\s+автоматически)\s+на\s+(?:такой\s+же|тот\s+же|аналогичный)\s+срок|"
    r"(?:сондай|осындай|дәл\s+сондай)\s+(?:мерзімге|кезеңге)\s+(?:ұзартылады|автоматты)|"
    r"(?:renewed|extended)\s+(?:automatically\s+)?for\s+(?:the\s+same|a\s+similar|an\s+equal)\s+period"
)
_NOTICE = [
    caseless(rf"{_N}\s*ай(?:\s+(?:бұрын|өт|қалғанға|ішінде|мерзім)|\s*бұрын)"),
    caseless(rf"(?:за|не\s+менее\s+чем\s+за|не\s+позднее\s+чем\s+за|через|по\s+истечении)\s+{_N}\s*месяц\w*"),
    caseless(rf"{_N}\s*месяц\w*\s+(?:с\s+даты|со\s+дня|после|до)"),
    caseless(
        rf"{_N}\s*months?(?:['’]s?)?\s+(?:written\s+|prior\s+|advance\s+)?(?:notice|after|from|following|before|prior|of\s+(?:the\s+)?receipt)"
    ),
    caseless(rf"(?:at\s+least|not\s+less\s+than|no\s+later\s+than)\s+{_N}\s*months?"),
    caseless(rf"{_N}\s*(?:ամիս|ամսվա|ամսից)"),
    caseless(rf"{_N}\s*(?:ay|oy)\s*(?:əvvəl|sonra|oldin|keyin)"),
]
_TERM_SECTION = caseless(
    "(?:"
    + trie_regex(
        [
            "мерзім",
            "мерзiм",
            "срок",
            "term",
            "duration",
            "period",
            "ժամկետ",
            "müddət",
            "muddat",
            "мөөнөт",
            "indefinite",
            "неопредел",
            "бессрочн",
            "белгіленбеген",
            "անժամկետ",
            "действ",
            "remain",
            "күшінде",
            "қолданыл",
            "тоқтат",
            "прекращ",
            "terminat",
            "denounc",
            "денонс",
            "դադարեց",
            "ұзарт",
            "продл",
            "renew",
            "extend",
            "երկարաձգ",
        ]
    )
    + r")|in\s+force"
)


_HAS_NUMBER = caseless(rf"\d|(?<![^\W\d_])(?:{_NUM_ALT})|жылдық|летн|year|ամյա|տարի")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;։!?])\s+|\n", text) if s.strip()]


def extract_term(text: str) -> ParsedTerm | None:
    """The agreement's term from ``text`` (best: its final articles). None if not stated."""
    if not text:
        return None
    term = ParsedTerm()
    found = False
    for sentence in _sentences(text):
        if not _TERM_SECTION.search(sentence):
            continue
        if _INDEFINITE.search(sentence):
            term.indefinite = True
            found = True
        if not _HAS_NUMBER.search(sentence):
            if term.renewal_years is None and _RENEW_SAME.search(sentence):
                term.renewal_years = -1  # the same period again (resolved below)
            continue  # every other clause needs a number (digits, a number word, "бесжылдық")
        renew_spans: list[tuple[int, int]] = []
        for pattern in _RENEWAL:
            for m in pattern.finditer(sentence):
                value = None
                if "c" in m.groupdict() and m.group("c"):
                    value = _COMPOUND_PREFIX.get(m.group("c").lower())
                elif "n" in m.groupdict() and m.group("n"):
                    value = _num(m)
                if value and term.renewal_years is None:
                    term.renewal_years = value
                    found = True
                if value:
                    renew_spans.append(m.span())
        if term.renewal_years is None and _RENEW_SAME.search(sentence):
            renew_spans.append((0, 0))
            term.renewal_years = -1  # resolved below: the same period again
        if term.years is None and not term.indefinite:
            for pattern in _YEARS:
                for m in pattern.finditer(sentence):
                    if any(a <= m.start() < b for a, b in renew_spans):
                        continue
                    before = sentence[max(0, m.start() - 30) : m.start()].lower()
                    if re.search(_RENEW_CUE, before):
                        continue
                    value = _num(m)
                    if value and value < 100:
                        term.years = value
                        found = True
                        break
                if term.years is not None:
                    break
        if term.notice_months is None:
            for pattern in _NOTICE:
                m = pattern.search(sentence)
                if m:
                    value = _num(m)
                    if value and value <= 24:
                        term.notice_months = value
                        found = True
                        break
    if term.renewal_years == -1:
        term.renewal_years = term.years
    if not found:
        return None
    if term.indefinite:
        term.years = None
        term.renewal_years = None
    return term
