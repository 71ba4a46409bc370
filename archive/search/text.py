"""Text primitives shared by every analyser: cleaning and tokenising (scripts: archive.language).

Everything here is pure Python, has no database or Django dependency and is safe on any
input (control characters, NUL bytes, emoji, RTL marks, 10 kB strings ...).

Token model
-----------
A *token* is either

* a **word**: a run of letters (``str.isalpha``); hyphens and apostrophes split words, so
  ``қарым-қатынас`` gives two tokens, both at index time and at query time;
* a **number**: a run of digits, or an *act number* (digits, a hyphen and an upper-case
  suffix of at most four letters: ``27-ФЗ``, ``117-V``, ``1363-Ա``; or digits with a glued
  suffix of at most four letters: ``12bis``, ``27фз``).  An act number becomes
  ONE lexeme with the hyphen removed and lower-cased (``27фз``, ``117v``, ``1363ա``), so
  that PostgreSQL's own parser, which ``to_tsvector('simple', ...)`` runs over the analysed
  string, sees it as a single ``numword`` token.  A lower-case suffix after a number is an
  inflection (``1-бап``, ``13-бапқа``, ``2-ի``): the number and the word are separate tokens.

Every lexeme an analyser emits consists of letters and digits only, never punctuation, so
the analysed string survives PostgreSQL's parser unchanged and cannot inject tsquery syntax.
"""

from __future__ import annotations

import re
import unicodedata

from archive.language.scripts import detect_script, has_cyrillic, script_of

__all__ = [
    "MAX_TOKEN_LENGTH",
    "NUMBER_SIGN_RE",
    "Token",
    "act_number_digits",
    "act_number_key",
    "clean",
    "detect_script",
    "has_cyrillic",
    "script_of",
    "token_texts",
    "tokenise",
]

#: Longer "words" (base64 blobs, hashes) are dropped: PostgreSQL limits lexemes to 2 kB
#: and such strings are never useful search terms.
MAX_TOKEN_LENGTH = 60

# Characters that are deleted outright (joining the pieces of a word they split):
# soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks and embeddings,
# Armenian emphasis/exclamation/question marks written inside words (՛ ՜ ՞), Armenian
# abbreviation mark (՟), combining acute used as a stress mark.
_DELETE = dict.fromkeys(
    map(
        ord,
        "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069\u055b\u055c\u055e\u055f\u0301",
    )
)


_DELETE_RE = re.compile("[" + "".join(map(chr, _DELETE)) + "]")


def clean(text: str) -> str:
    """NFC-normalise and remove invisible characters; control characters become spaces."""
    if not text:
        return ""
    if not unicodedata.is_normalized("NFC", text):  # a C-speed check: most texts already are
        text = unicodedata.normalize("NFC", text)
    if _DELETE_RE.search(text):  # (str.translate walks every character in Python objects: slow)
        text = _DELETE_RE.sub("", text)
    # Control characters (incl. NUL) -> space; keep ordinary whitespace.
    return _CONTROL_RE.sub(" ", text)


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# word | act number | number.  [^\W\d_] is "a letter" (incl. letters with combining marks
# after NFC).  Numbers: digits, optionally followed by -SUFFIX (checked in tokenise()).
_TOKEN_RE = re.compile(r"(?P<num>\d+)(?:(?P<hyph>-)?(?P<suf>[^\W\d_]{1,4})(?![^\W\d_]))?|(?P<word>[^\W\d_]+)")


class Token(tuple):
    """(text, start, end, kind) where kind is ``"word"`` or ``"number"``."""

    __slots__ = ()

    def __new__(cls, text: str, start: int, end: int, kind: str) -> Token:
        return super().__new__(cls, (text, start, end, kind))

    @property
    def text(self) -> str:
        return self[0]

    @property
    def start(self) -> int:
        return self[1]

    @property
    def end(self) -> int:
        return self[2]

    @property
    def kind(self) -> str:
        return self[3]


def tokenise(text: str) -> list[Token]:
    """Split *already cleaned* text into word and number tokens (original case kept).

    Offsets refer to the string passed in (use them for highlighting).
    """
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN_RE.finditer(text):
        word = m.group("word")
        if word is not None:
            if len(word) <= MAX_TOKEN_LENGTH:
                append(Token(word, m.start(), m.end(), "word"))
            continue
        num = m.group("num")
        suf = m.group("suf")
        if suf is not None and (m.group("hyph") is None or suf.isupper() or _is_latin(suf)):
            # act number: 27-ФЗ, 117-V, 1363-Ա  -> one token "27фз"
            append(Token(num + suf.lower(), m.start(), m.end(), "number"))
            continue
        if len(num) <= MAX_TOKEN_LENGTH:
            append(Token(num, m.start("num"), m.end("num"), "number"))
        if suf is not None:
            # inflected ordinal (1-бап, 2-ի): the suffix is a word of its own
            append(Token(suf, m.start("suf"), m.end("suf"), "word"))
    return tokens


def token_texts(text: str) -> list[tuple[str, bool]]:
    """``(text, is_word)`` of the tokens ``tokenise`` gives, without their offsets (the
    indexer's fast path: the same tokens, no Token objects)."""
    out: list[tuple[str, bool]] = []
    append = out.append
    for num, hyph, suf, word in _TOKEN_RE.findall(text):
        if word:
            if len(word) <= MAX_TOKEN_LENGTH:
                append((word, True))
            continue
        if suf and (not hyph or suf.isupper() or _is_latin(suf)):
            append((num + suf.lower(), False))
            continue
        if len(num) <= MAX_TOKEN_LENGTH:
            append((num, False))
        if suf:
            append((suf, True))
    return out


def _is_latin(s: str) -> bool:
    return all("a" <= c <= "z" or "A" <= c <= "Z" for c in s)


# ----------------------------------------------------------------------------- act numbers
#: The sign written before an act number — "№ 752", "N 527", "No. 527", "Nr. 12", "N° 3", "#4" —
#: is not part of the number. "№" is never a letter; N / No / Nr only count before a digit.
NUMBER_SIGN_RE = re.compile(r"(?<![^\W\d_])(?:№|#|(?:N[°º]|No\.?|NO\.?|Nr\.?|N\.?)(?=\s*\d))\s*")
_NOT_ALNUM_RE = re.compile(r"[\W_]+")
_DIGITS_RE = re.compile(r"\d+")


def act_number_key(number: str) -> str:
    """An act number in one comparable form, whatever way it was written: the sign (№, N,
    No., Nr.) dropped, case folded (Ա → ա, ФЗ → фз, V → v), dashes, dots, slashes and spaces
    removed. ``№ 1363-Ա``, ``N 1363-ա``, ``1363 Ա`` → ``1363ա``; ``N 527`` → ``527``; ``27-ФЗ``
    → ``27фз``. The search tokeniser makes the same lexeme of ``1363-Ա`` and ``27-ФЗ``; the
    citation resolver, the API's ``number`` filter and the act permalinks compare these keys."""
    text = clean(number or "").strip()
    text = NUMBER_SIGN_RE.sub("", text, count=1) if NUMBER_SIGN_RE.match(text) else text
    return _NOT_ALNUM_RE.sub("", text.casefold())


def act_number_digits(number: str) -> str:
    """The first run of digits of an act number (``1363-Ա`` → ``1363``; ``ПП-4567`` → ``4567``),
    which a reader who leaves out the letters (``1363``) still means; ``""`` when none."""
    m = _DIGITS_RE.search(act_number_key(number))
    return m.group(0) if m else ""
