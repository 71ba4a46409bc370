"""Regular expressions shared by the normaliser and the segmenter."""

from __future__ import annotations

import re

# Article number: 1, 12, 12bis, 12-1, 12.1, IV
_NUM = r"(?:\d{1,3}(?:\s?(?:bis|ter|quater)\b|[-‐]\d{1,2}(?!\d)|\.\d{1,2}(?!\d))?|[IVXLC]{1,7}\b)"

# A line that *starts* with an article marker in the exact nominative form.
ARTICLE_HEADING = re.compile(
    r"^(?:"
    rf"(?P<n1>{_NUM})\s?[-‐–]\s?(?:бап|берене|modda|bap)(?![\w-])"  # kk, ky, uz: 1-бап
    rf"|(?:Статья|СТАТЬЯ|Стаття|СТАТТЯ)\s+(?P<n2>{_NUM})(?![\w-])"  # ru
    rf"|(?:Article|ARTICLE|Art\.)\s+(?P<n3>{_NUM})(?![\w-])"  # en
    rf"|(?:Հոդված|ՀՈԴՎԱԾ)\s+(?P<n4>{_NUM})(?![\w-])"  # hy
    rf"|(?:Maddə|MADDƏ|Madde|MADDE|Modda|MODDA)\s+(?P<n5>{_NUM})(?![\w-])"  # az, tr, uz
    rf"|(?:Бап|БАП)\s+(?P<n6>{_NUM})(?![\w-])"  # kk, alternative order
    r")"
)

BULLET = re.compile(r"^(?:[·•▪◦○●■□–—‣⁃*]|-(?=\s))\s*")
NUMBERED = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|\d{1,3}\.\d{1,3}\.?\s|\(?[a-zа-яё]\)\s|[IVX]{1,5}\.\s)")

# Labelled fields of a registry record card ("Статус: Действует").
REGISTRY_LABELS = (
    "вид документа|тип документа|тип|статус|состояние|дата подписания|место подписания|"
    "дата вступления в силу|вступление в силу|дата принятия|дата ратификации|номер|"
    "регистрационный номер|наименование|название|стороны|участники|язык|языки|"
    "орган|принявший орган|источник|источник публикации|опубликован|дата прекращения|"
    "срок действия|депозитарий|уровень|вид|категория|"
    "document type|type|status|date of signature|signature date|signed|place of signature|"
    "entry into force|date of entry into force|parties|title|languages|source|number|"
    "registration number|depositary|level|category|"
    "құжат түрі|түрі|мәртебесі|мәртебе|қол қойылған күні|қол қойылған жері|"
    "күшіне енген күні|күшіне енуі|тараптар|атауы|тілдері|"
    "փաստաթղթի տեսակը|տեսակը|կարգավիճակը|ստորագրման ամսաթիվը|ուժի մեջ մտնելու ամսաթիվը"
)
REGISTRY_FIELD = re.compile(rf"^(?P<label>{REGISTRY_LABELS})\s*:\s*(?P<value>.*)$", re.I)

# Sentence-final punctuation (Armenian full stop included).
TERMINAL = ".:;!?։…"


def article_heading(line: str) -> tuple[str, str | None] | None:
    """``(number, heading_text_or_None)`` when ``line`` is an article heading."""
    m = ARTICLE_HEADING.match(line)
    if not m:
        return None
    num = next(g for g in m.groups() if g is not None)
    num = re.sub(r"\s+", "", num)
    rest = line[m.end() :].strip()
    rest = rest.lstrip(".:-–—)։ ").strip()
    rest = rest.strip("*_ ").strip()
    if not rest:
        return num, None
    first = rest[0]
    if first.islower():
        return None  # "Статья 5 настоящего Соглашения ..." is a sentence, not a heading
    return num, rest


def is_bare_heading(line: str) -> bool:
    h = article_heading(line)
    return h is not None and h[1] is None


# Head nouns of agreement titles, per language, with the kind they mean.
KIND_WORDS: list[tuple[str, str]] = [
    # Kazakh
    (r"келісім[-‐]шарт", "agreement"),
    (r"келісім", "agreement"),
    (r"шарт", "treaty"),
    (r"конвенция", "convention"),
    (r"хаттама", "protocol"),
    (r"меморандум", "memorandum"),
    (r"нота(?:лар)?\s+алмасу", "exchange_of_notes"),
    # Russian
    (r"соглашени", "agreement"),
    (r"договор", "treaty"),
    (r"конвенци", "convention"),
    (r"протокол", "protocol"),
    (r"меморандум", "memorandum"),
    (r"обмен\w*\s+нотами", "exchange_of_notes"),
    # English
    (r"agreement", "agreement"),
    (r"treaty", "treaty"),
    (r"convention", "convention"),
    (r"protocol", "protocol"),
    (r"memorandum", "memorandum"),
    (r"exchange\s+of\s+notes", "exchange_of_notes"),
    # Armenian
    (r"համաձայնագ", "agreement"),
    (r"պայմանագ", "treaty"),
    (r"կոնվենցի", "convention"),
    (r"արձանագրությ", "protocol"),
    (r"հուշագ", "memorandum"),
    (r"փոխըմբռնման\s+հուշագ", "memorandum"),
    # Azerbaijani / Uzbek / Turkish / Kyrgyz
    (r"saziş", "agreement"),
    (r"müqavilə", "treaty"),
    (r"protokol", "protocol"),
    (r"memorandum", "memorandum"),
    (r"konvensiya", "convention"),
    (r"bitim", "agreement"),
    (r"shartnoma", "treaty"),
    (r"anlaşma", "agreement"),
    (r"antlaşma", "treaty"),
    (r"келишим", "agreement"),
    (r"макулдашуу", "agreement"),
]
