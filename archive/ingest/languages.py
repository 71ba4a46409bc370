"""Authentic languages and the prevailing text, from the testimonium clauses.

``қазақ, әзербайжан және орыс тілдерінде`` -> ``["kk", "az", "ru"]``;
``орыс тіліндегі мәтінге жүгінеді`` -> ``"ru"``; also Russian, English, Armenian,
Azerbaijani and Uzbek wordings.
"""

from __future__ import annotations

import re

from archive.language import fold_lookalikes

__all__ = ["authentic_languages", "language_code", "prevailing_language"]

# language-name stem -> ISO 639-1 (adjective / noun stems in kk, ru, en, hy, az, uz, ky)
_STEMS: list[tuple[str, str]] = [
    # Kazakh
    ("қазақ", "kk"), ("орыс", "ru"), ("әзербайжан", "az"), ("әзірбайжан", "az"),
    ("ағылшын", "en"), ("армян", "hy"), ("түрік", "tr"), ("өзбек", "uz"), ("қырғыз", "ky"),
    ("тәжік", "tg"), ("түрікмен", "tk"), ("қытай", "zh"), ("неміс", "de"), ("француз", "fr"),
    ("грузин", "ka"), ("беларусь", "be"), ("белорус", "be"), ("украин", "uk"), ("араб", "ar"),
    ("испан", "es"), ("парсы", "fa"), ("корей", "ko"), ("жапон", "ja"), ("итальян", "it"),
    ("моңғол", "mn"), ("поляк", "pl"), ("венгр", "hu"), ("чех", "cs"), ("үнді", "hi"),
    ("хинди", "hi"), ("урду", "ur"), ("литва", "lt"), ("латыш", "lv"), ("эстон", "et"),
    # Russian
    ("казахск", "kk"), ("русск", "ru"), ("азербайджанск", "az"), ("английск", "en"),
    ("армянск", "hy"), ("турецк", "tr"), ("узбекск", "uz"), ("кыргызск", "ky"),
    ("киргизск", "ky"), ("таджикск", "tg"), ("туркменск", "tk"), ("китайск", "zh"),
    ("немецк", "de"), ("французск", "fr"), ("грузинск", "ka"), ("белорусск", "be"),
    ("украинск", "uk"), ("арабск", "ar"), ("испанск", "es"), ("персидск", "fa"),
    ("фарси", "fa"), ("корейск", "ko"), ("японск", "ja"), ("итальянск", "it"),
    ("монгольск", "mn"), ("польск", "pl"), ("венгерск", "hu"), ("чешск", "cs"),
    ("литовск", "lt"), ("латышск", "lv"), ("эстонск", "et"), ("румынск", "ro"),
    ("молдавск", "ro"), ("сербск", "sr"), ("болгарск", "bg"), ("греческ", "el"),
    # English
    ("kazakh", "kk"), ("russian", "ru"), ("azerbaijani", "az"), ("azeri", "az"),
    ("english", "en"), ("armenian", "hy"), ("turkish", "tr"), ("uzbek", "uz"),
    ("kyrgyz", "ky"), ("kirghiz", "ky"), ("tajik", "tg"), ("turkmen", "tk"),
    ("chinese", "zh"), ("german", "de"), ("french", "fr"), ("georgian", "ka"),
    ("belarusian", "be"), ("ukrainian", "uk"), ("arabic", "ar"), ("spanish", "es"),
    ("persian", "fa"), ("farsi", "fa"), ("korean", "ko"), ("japanese", "ja"),
    ("italian", "it"), ("mongolian", "mn"), ("polish", "pl"), ("hungarian", "hu"),
    ("czech", "cs"), ("hindi", "hi"), ("urdu", "ur"), ("lithuanian", "lt"),
    ("latvian", "lv"), ("estonian", "et"), ("romanian", "ro"), ("greek", "el"),
    # Armenian
    ("հայերեն", "hy"), ("ռուսերեն", "ru"), ("ղազախերեն", "kk"), ("ադրբեջաներեն", "az"),
    ("անգլերեն", "en"), ("թուրքերեն", "tr"), ("վրացերեն", "ka"), ("ֆրանսերեն", "fr"),
    ("գերմաներեն", "de"), ("պարսկերեն", "fa"), ("չինարեն", "zh"), ("ուզբեկերեն", "uz"),
    ("ղրղզերեն", "ky"), ("բելառուսերեն", "be"), ("ուկրաիներեն", "uk"), ("արաբերեն", "ar"),
    # Azerbaijani / Uzbek / Turkish / Kyrgyz
    ("azərbaycan", "az"), ("qazax", "kk"), ("rus", "ru"), ("ingilis", "en"), ("türk", "tr"),
    ("özbək", "uz"), ("qırğız", "ky"), ("erməni", "hy"), ("gürcü", "ka"),
    ("o'zbek", "uz"), ("oʻzbek", "uz"), ("o‘zbek", "uz"), ("qozoq", "kk"), ("ingliz", "en"),
    ("ozarbayjon", "az"), ("turk", "tr"), ("кыргыз", "ky"), ("казак", "kk"), ("орус", "ru"),
    ("англис", "en"), ("kazakça", "kk"), ("rusça", "ru"), ("ingilizce", "en"), ("türkçe", "tr"),
]  # fmt: skip
_STEMS.sort(key=lambda x: len(x[0]), reverse=True)

# the word for "languages" that closes the list
_LIST_END = re.compile(
    r"тілдерінде|тілдерде|тілінде|языках|языке|languages|language|լեզուներով|լեզվով|"
    r"dillərində|dilində|tillarida|tilida|dillerinde|тилдеринде|тилинде",
    re.I,
)
_PREVAIL = re.compile(
    r"жүгінеді|жүгінетін|басшылыққа\s+ал|басымдық|артықшылық|"
    r"преимуществ|преимущественн|руководствуются|использ\w+\s+текст|применя\w+\s+текст|"
    r"prevail|shall\s+be\s+used|\bgovern(?:s|ing)?\b|"
    r"գերակա|նախապատվ|ուժ\s+ունի|կիրառվում\s+է|դիմում\s+են|обраща\w+\s+к\s+текст|üstünlük|üstün|ustunlik|"
    r"кайрылышат|артыкчылык",
    re.I,
)
_WORD = re.compile(r"[^\W\d_][\w'ʻ‘’-]*")


def language_code(word: str) -> str | None:
    """ISO code for a language name or adjective in any supported language."""
    w = word.lower().replace("’", "'")
    for stem, code in _STEMS:
        if w.startswith(stem):
            rest = w[len(stem) :]
            if rest and stem.isascii() and stem not in ("rus", "turk", "ingliz", "qozoq"):
                continue  # English names take no endings: "Kazakhstan" is not "Kazakh"
            if stem in ("rus", "turk", "türk", "казак", "кыргыз") and len(rest) > 6:
                continue
            if stem in ("араб", "чех", "рус") and rest and rest[0] not in "сск":
                continue
            return code
    return None


def _codes_before(text: str, end: int, window: int = 180) -> list[str]:
    chunk = text[max(0, end - window) : end]
    # only the list right before the keyword: stop at a sentence break
    chunk = re.split(r"[.;:։]\s", chunk)[-1]
    words = _WORD.findall(chunk)
    codes: list[str] = []
    # walk back from the keyword while words are language names or list glue
    glue = {"и", "және", "мен", "and", "the", "և", "ու", "və", "va", "hamda", "ve", "жана",
            "на", "in", "each", "both", "all", "of", "also", "a"}  # fmt: skip
    for w in reversed(words):
        code = language_code(w)
        if code:
            codes.append(code)
        elif w.lower() in glue:
            continue
        else:
            break
    seen: list[str] = []
    for c in reversed(codes):
        if c not in seen:
            seen.append(c)
    return seen


# "all texts being equally authentic", "все тексты имеют одинаковую силу", "հավասարազոր են"
_AUTHENTIC = re.compile(
    r"authentic|одинаков\w+\s+сил|равн\w+\s+сил|аутентичн|бірдей\s+күш|күші\s+бірдей|"
    r"теңтүпнұсқа|түпнұсқалы|հավասարազոր|նույն\s+ուժ|eyni\s+(?:hüquqi\s+)?qüvvə|bir\s+xil\s+kuch",
    re.I,
)


def _listed_in_authenticity_sentence(text: str) -> list[str]:
    """Languages named in a sentence that declares the texts authentic, for lists that no
    word for "languages" closes (Armenian "հայերեն, ղազախերեն և ռուսերեն")."""
    for sentence in re.split(r"(?<=[.։;])\s+|\n", text):
        if _AUTHENTIC.search(sentence) and not _PREVAIL.search(sentence):
            codes: list[str] = []
            for w in _WORD.findall(sentence):
                code = language_code(w)
                if code and code not in codes:
                    codes.append(code)
            if len(codes) >= 2:
                return codes
    return []


def authentic_languages(text: str) -> list[str]:
    """Languages the texts are authentic in, in the order named (empty if not stated)."""
    if not text:
        return []
    text = fold_lookalikes(text)
    best: list[str] = _listed_in_authenticity_sentence(text)
    for m in _LIST_END.finditer(text):
        codes = _codes_before(text, m.start())
        sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()))
        sentence = text[sentence_start + 1 : m.end() + 200]
        if (len(codes) >= 2 or (codes and not _PREVAIL.search(sentence))) and len(codes) > len(best):
            best = codes
    return best


def prevailing_language(text: str) -> str | None:
    """The language whose text prevails in case of divergence, if stated."""
    if not text:
        return None
    text = fold_lookalikes(text)
    for sentence in re.split(r"(?<=[.։;])\s+|\n", text):
        if not _PREVAIL.search(sentence):
            continue
        codes: list[str] = []
        for w in _WORD.findall(sentence):
            code = language_code(w)
            if code and code not in codes:
                codes.append(code)
        if len(codes) == 1:
            return codes[0]
    return None
