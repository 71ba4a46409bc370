"""Regular expressions shared by the normaliser and the segmenter."""

from __future__ import annotations

import re

from archive.language import profiles
from archive.language.caseless import caseless
from archive.language.profiles import data_file

# Article number: 1, 12, 12bis, 12a, 12-1, 1.1, 1.01, 101, IV (an ordinal word is read apart)
_NUM = (
    r"(?:\d{1,4}(?:\.\d{1,3}(?!\d))?(?:\s?(?:bis|ter|quater|quinquies|sexies)\b|[a-h](?![\w-])|[-‐]\d{1,2}(?![\d.]))?"
    r"|[IVXLC]{1,7}(?![\w-])(?:\s?(?:bis|ter))?)"
)


def _template_regex(template: str) -> str:
    """ "Article {n}" / "{n}-бап" / "{n}-ci maddə" -> a regex with a <num> group."""
    head, _, tail = template.partition("{n}")
    parts = []
    if head.strip():
        words = [re.escape(w) for w in head.split()]
        parts.append(r"\s+".join(words) + r"\s*" if head.endswith(" ") or head.endswith(".") else "".join(words))
    parts.append(f"(?P<num>{_NUM}|(?P<ord>{_ORDINALS}))")
    if tail.strip():
        t = tail.strip()
        sep = r"\s?[-‐–]\s?" if tail.startswith("-") else r"\s?"
        parts.append(sep + r"\s+".join(re.escape(w) for w in t.lstrip("-").split()))
    return "".join(parts) + r"(?![\w-])"


def _ordinal_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for prof in profiles().values():
        for number, words in (prof.raw.get("article_ordinals") or {}).items():
            for w in words:
                table[w.lower()] = number
    return table


_ORDINAL_NUMBERS = _ordinal_table()
_ORDINALS = "|".join(sorted((re.escape(w) for w in _ORDINAL_NUMBERS), key=lambda w: (-len(w), w))) or "(?!x)x"


def _article_regexes() -> list[re.Pattern[str]]:
    out = []
    templates = sorted({t for prof in profiles().values() for t in prof.words("article")}, key=lambda w: (-len(w), w))
    for template in templates:
        out.append(caseless("^" + _template_regex(template)))
    return out


_ARTICLE_RES = _article_regexes()
# cheap pre-check: the line starts with a digit or with the first letters of a template word
_ARTICLE_LEADS = tuple(
    sorted(
        {
            t.split("{n}")[0].strip()[:3].lower()
            for prof in profiles().values()
            for t in prof.words("article")
            if not t.startswith("{n}")
        }
    )
)


def _match_article(line: str) -> re.Match[str] | None:
    if not line:
        return None
    first = line[0]
    if not first.isdigit() and (not first.isupper() or not line[:3].lower().startswith(_ARTICLE_LEADS)):
        return None
    for rx in _ARTICLE_RES:
        m = rx.match(line)
        if m:
            return m
    return None


BULLET = re.compile(r"^(?:[·•▪◦○●■□–—‣⁃*]|-(?=\s))\s*")
NUMBERED = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|\d{1,3}\.\d{1,3}\.?\s|\(?[a-zа-яё]\)\s|[IVX]{1,5}\.\s)")

# Labelled fields of a registry record card ("Статус: Действует"), from the data file.
_REGISTRY = data_file("registry_labels.json")
REGISTRY_LABEL_FIELD: dict[str, str] = {
    label.lower(): name for name, labels in _REGISTRY.items() if not name.startswith("_") for label in labels
}
REGISTRY_LABELS = "|".join(sorted((re.escape(x) for x in REGISTRY_LABEL_FIELD), key=lambda w: (-len(w), w)))
REGISTRY_FIELD = caseless(rf"^(?P<label>{REGISTRY_LABELS})\s*:\s*(?P<value>.*)$")
REGISTRY_LABEL_LINE = caseless(rf"^(?P<label>{REGISTRY_LABELS})\s*:?\s*$")


def registry_field(label: str) -> str | None:
    """The fact a card's label gives (``"дата подписания"`` -> ``signed_date``)."""
    return REGISTRY_LABEL_FIELD.get(label.strip().lower())


# Sentence-final punctuation (Armenian full stop included).
TERMINAL = ".:;!?։…"


def article_heading(line: str) -> tuple[str, str | None] | None:
    """``(number, heading_text_or_None)`` when ``line`` is an article heading.

    The heading words come from every language profile (``Article 1``, ``Статья 1``,
    ``1-бап``, ``Հոդված 1``, ``Artikel 1``, ``Artículo primero``); text after the number
    that starts in lower case makes the line a sentence, not a heading."""
    m = _match_article(line)
    if not m:
        return None
    num = _ORDINAL_NUMBERS[m.group("ord").lower()] if m.group("ord") else re.sub(r"\s+", "", m.group("num"))
    rest = line[m.end() :].strip()
    rest = rest.lstrip(".:-–—)։° ").strip()
    rest = rest.strip("*_ ").strip()
    if not rest:
        return num, None
    first = rest[0]
    if first.islower():
        return None  # "Статья 5 настоящего Соглашения ..." is a sentence, not a heading
    if rest[-1] in ";," or rest.lower().startswith(("and ", "or ", "to ", "of ")):
        return None  # "Article 6 (Country Specific Definitions);": an item of a list
    return num, rest


def article_label(line: str) -> str | None:
    """The article heading as the text writes it: "Article 5", "5-бап", "Статья 5", "Հոդված 5"."""
    m = _match_article(line)
    return line[: m.end()].strip().rstrip(".:") if m else None


def _section_regexes() -> list[re.Pattern[str]]:
    # "Глава" -> "Глава {n}"; "{n}-тарау" and "Գլուխ {n}" as written
    templates = {t if "{n}" in t else f"{t} {{n}}" for prof in profiles().values() for t in prof.words("sections")}
    return [caseless("^" + _template_regex(t)) for t in sorted(templates, key=lambda w: (-len(w), w))]


_SECTION_RES = _section_regexes()


def section_heading(line: str) -> bool:
    """A chapter, section or part heading ("ГЛАВА I. ОБЩИЕ ПОЛОЖЕНИЯ", "2-тарау", "Chapter 3",
    "Բաժին 2"): short, and what follows the number is a title, not a sentence."""
    if not line or len(line) > 160 or line[-1] in ";,":
        return False
    for rx in _SECTION_RES:
        m = rx.match(line)
        if m:
            rest = line[m.end() :].strip().lstrip(".:-–—)։ ").strip()
            return not rest or not rest[0].islower()
    return False


def is_bare_heading(line: str) -> bool:
    h = article_heading(line)
    return h is not None and h[1] is None


# --- treaty kind words (head nouns of titles), from every profile ----------------------

_KIND_ENDINGS = r"(?:s|es|en|e|n|'s)?"


def _kind_regex(entry: str, compound: bool) -> str:
    """A kind entry as a regex: each word a stem when it ends in "*" ("нота* алмасу*"),
    else the word with a plural or case ending."""
    parts = []
    for w in entry.split():
        stem = w.endswith("*")
        piece = re.escape(w.rstrip("*")).replace(r"\-", "[-‐]").replace("'", "['’]")
        parts.append(piece + (r"[^\W\d_]*" if stem else _KIND_ENDINGS + r"(?![\w-])"))
    body = r"\s+".join(parts)
    lead = r"(?<![\w-])" if not compound else ""
    return lead + body


def _kind_patterns() -> dict[str, re.Pattern[str]]:
    by_kind: dict[str, list[str]] = {}
    for prof in profiles().values():
        compound = bool(prof.raw.get("compound_kinds"))
        for kind, entries in prof.kinds().items():
            by_kind.setdefault(kind, []).extend(_kind_regex(e, compound) for e in entries)
    return {k: caseless("|".join(sorted(set(v), key=lambda w: (-len(w), w)))) for k, v in by_kind.items()}


KIND_PATTERNS = _kind_patterns()
KIND_ANY = caseless("|".join(f"(?:{rx.pattern})" for rx in KIND_PATTERNS.values()))


def _word_start(text: str, i: int) -> int:
    """A compound's kind word starts its word: "Kultur|abkommen", "Cultureel-|akkoord"."""
    while i > 0 and (text[i - 1].isalnum() or (text[i - 1] in "-‐" and i > 1 and text[i - 2].isalnum())):
        i -= 1
    return i


def kind_matches(text: str) -> list[tuple[int, int, str]]:
    """Every treaty kind word in ``text`` as ``(start, end, kind)``, in text order; where two
    overlap ("exchange of notes" / "notes"), the longer one."""
    if not text or not KIND_ANY.search(text):
        return []
    found = [
        (_word_start(text, m.start()), m.end(), kind) for kind, rx in KIND_PATTERNS.items() for m in rx.finditer(text)
    ]
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, str]] = []
    for item in found:
        if out and item[0] < out[-1][1]:
            continue
        out.append(item)
    return out


def title_connectors() -> frozenset[str]:
    """Words that follow a head noun in a title ("Agreement *between*", "Verdrag *tussen*")."""
    return frozenset(w.lower() for prof in profiles().values() for w in prof.words("title_connectors"))
