"""A Kazakh suffix-stripping stemmer written for this project.

PostgreSQL (and Snowball) have no Kazakh stemmer.  Kazakh is agglutinative: a noun takes
suffixes in a fixed order ::

    stem + [derivation] + [plural] + [possessive] + [case] + [-ғы / -дағы]
    үкімет         -тер         -і          -нің
    ынтымақтастық               -ы (қ→ғ)     -н
    сала                        -сы         -ндағы

and each suffix has variants chosen by the last sound of what precedes it (vowel /
voiced / voiceless / nasal) and by vowel harmony (back а-ы vs front ә-е-і).

How the stripper works
----------------------
``stem(word)`` strips suffixes **from the right**, one *slot* at a time, in reverse
morphological order — adjectival ``-дағы/-ғы``, then case, then possessive, then plural —
and repeats that pass until nothing changes (a fixed point).  The fixed point is what makes
the stemmer *consistent*: a form is reduced to the same stem as the shorter form it was
built from, so ``барлау``, ``барлауды``, ``барлаудың``, ``барлауға`` all give ``барлау``
even where the "stem" is not a dictionary word.

Each suffix variant is stripped only after the sounds it really follows (the *allomorph
check*): ``-тың`` only after a voiceless consonant, ``-ның`` only after a vowel or м/н/ң,
``-нда`` / ``-на`` / ``-н`` only after the possessive vowel ы/і, ``-сы`` only after a
vowel, ``-лар`` only after a vowel or р/й/у.  This check, not a dictionary, is what keeps
``бала`` (child) apart from ``бал`` (honey): a bare ``-а`` is never a case ending after a
consonant.  Vowel harmony is *not* enforced: loan words break it (``Бакуде``) and text
with Latin look-alike letters would defeat it; the consonant check is enough.

After every strip a final ``ғ/г/б`` is devoiced to ``қ/к/п`` (the alternation before a
vowel-initial suffix: ``ынтымақтастығы`` → ``ынтымақтастық``, ``бабына`` → ``бап``).
Kazakh native stems do not end in ғ/г/б, so this is safe, and loan words get the same
(devoiced) stem in every form.

A stem is never shorter than 2 letters and must keep a vowel; a two-letter stem ends in a
consonant (``ел``, ``іс``, ``өз``; not ``ке`` out of ``кеден``) except ``су``; after a one-letter suffix
(possessive ``-ы/-і``, accusative ``-н``) it must keep 3 letters (``екі`` "two" is not
``ек`` + ``і``).  Short roots (``іс``, ``ел``, ``үй``, ``су``, ``өз``) have explicit
entries in :data:`IRREGULAR`; function words (``туралы``, ``үшін``, ``басқа``, ``мен``)
are in :data:`EXCEPTIONS` and are never stemmed.

Decisions (linguistic)
----------------------
* **Derivational suffixes are kept**: ``-лық/-лік/-дық/-дік/-тық/-тік`` (``ынтымақтастық``
  is not ``ынтымақ``; ``мемлекеттік`` is not ``мемлекет``), ``-шы/-ші`` agents, ``-сыз``,
  ``-ыс/-іс`` (``қорғаныс`` "defence" is not ``қорған`` "fortress"), ``-у`` verbal nouns
  (``барлау``), ``-ым/-ім`` deverbal nouns (``келісім``, ``шешім``, ``білім``).
* **1st/2nd person singular possessives -ым/-ім/-м, -ың/-ің/-ң are NOT stripped.**  They
  are homophonous with the deverbal noun suffix ``-ым/-ім`` (``келісім`` "agreement",
  ``ұйым`` "organisation", ``шешім`` "decision") and treaty texts never say "my"/"your";
  stripping them would turn ``келісім`` into ``келіс``.  The plural persons are stripped
  only after a consonant (``-ымыз``, ``-ыңыз``); after a vowel (``-мыз``, ``-ңыз``) they
  would cut ``теңіз`` (sea) and ``қымыз``.  The dative ``-а/-е`` that follows those
  persons is therefore never stripped either.
* ``-қы/-кі`` (adjectival after voiceless consonants: ``кешкі``) is not stripped: it would
  cut ``зейнетақы`` (pension), ``жалақы`` (salary).
* Accusative ``-ды/-ты`` also cuts the homophonous adjective suffix (``маңызды`` →
  ``маңыз``, ``тиісті`` → ``тиіс``): a harmless conflation for search.
* Ambiguous ``-сы``: ``республикасы`` is ``республика + сы`` but ``байланысы`` is
  ``байланыс + ы``.  Rule: ``-сы/-сі`` is not stripped after ``ы/і`` (stems in ``-ыс/-іс``
  are frequent deverbal nouns) unless a ``д/л/ш`` precedes (``қорытындысы``,
  ``қатысушысы``); stems in ``-ас/-ес`` listed in :data:`S_STEMS` (``кеңес``, ``күрес``,
  ``қатынас``, ``әріптес`` ...) keep their ``с``.
* Verbs are not analysed (treaty search is about nouns); a verb form gets whatever its
  nominal-looking ending gives, consistently.

Folding (:func:`fold`): lower-case, NFC, Latin look-alike letters inside Cyrillic words
become Kazakh Cyrillic (``i``→``і``, ``y``→``ү``, ``a``→``а``, ``o``→``о``, ``ə``/``ä``→``ә``,
``ö``→``ө``, ``ü``→``ү``...), so ``Үкiметi`` (Latin i) is ``үкіметі``.
"""

from __future__ import annotations

from functools import lru_cache

from archive.language import fold_word

from .text import clean, has_cyrillic, tokenise

__all__ = ["EXCEPTIONS", "IRREGULAR", "S_STEMS", "analyse", "fold", "stem"]

VOWELS = frozenset("аәеёиоөуұүыіэюя")
_VOICELESS = frozenset("пфкқтсшщхцчһбвгд")  # б/в/г/д: loan-word finals, devoiced
_SON_R = frozenset("рйуию")  # take -лар, -дың
_LZJ = frozenset("лзж")  # take -дар, -дың
_NASAL = frozenset("мнң")
_POSS_VOWEL = frozenset("ыі")

_V = VOWELS
_ANY_VOICED = VOWELS | _SON_R | _LZJ | _NASAL
_CONS = _VOICELESS | _SON_R | _LZJ | _NASAL | frozenset("ғ")  # у/и/ю count as both
_S_OK = frozenset("аәеоөэяюи")  # vowels after which possessive -сы/-сі is plain

# --- suffix tables: suffix -> set of letters allowed right before it -------------------
_ADJ: dict[str, frozenset[str]] = {}
_CASE: dict[str, frozenset[str]] = {}
_POSS: dict[str, frozenset[str]] = {}
_PLURAL: dict[str, frozenset[str]] = {}


def _add(table: dict[str, frozenset[str]], suffixes: str, allowed: frozenset[str]) -> None:
    for s in suffixes.split():
        table[s] = allowed


# adjectival -ғы/-гі and locative + ғы (-дағы "that is in/at")
_add(_ADJ, "дағы дегі", _ANY_VOICED)
_add(_ADJ, "тағы тегі", _VOICELESS)
_add(_ADJ, "ндағы ндегі", _POSS_VOWEL)
_add(_ADJ, "ғы гі", frozenset("рйлзжмнң"))
# case
_add(_CASE, "ның нің", _V | _NASAL)  # genitive
_add(_CASE, "дың дің", _SON_R | _LZJ)
_add(_CASE, "тың тің", _VOICELESS)
_add(_CASE, "ны ні", _V)  # accusative
_add(_CASE, "ды ді", _SON_R | _LZJ | _NASAL)
_add(_CASE, "ты ті", _VOICELESS)
_add(_CASE, "н", _POSS_VOWEL)
_add(_CASE, "ға ге", _ANY_VOICED)  # dative
_add(_CASE, "қа ке", _VOICELESS)
_add(_CASE, "на не", _POSS_VOWEL)
_add(_CASE, "да де", _ANY_VOICED)  # locative
_add(_CASE, "та те", _VOICELESS)
_add(_CASE, "нда нде", _POSS_VOWEL)
_add(_CASE, "дан ден", _V | _SON_R | _LZJ)  # ablative
_add(_CASE, "тан тен", _VOICELESS)
_add(_CASE, "нан нен", _POSS_VOWEL | _NASAL)
_add(_CASE, "мен менен", _V | _SON_R | _NASAL | frozenset("л"))  # instrumental
_add(_CASE, "бен бенен", frozenset("жз"))
_add(_CASE, "пен пенен", _VOICELESS)
# possessive (3rd person, 1st/2nd plural; see module doc for why not -ым/-ың)
_add(_POSS, "сы сі", _S_OK)
_add(_POSS, "ы і", _CONS - frozenset("ию"))  # у after a vowel is a consonant: барлауы
_add(_POSS, "ымыз іміз ыңыз іңіз", _CONS)
# plural
_add(_PLURAL, "лар лер", _V | _SON_R)
_add(_PLURAL, "дар дер", _LZJ | _NASAL)
_add(_PLURAL, "тар тер", _VOICELESS)

_SLOTS = tuple((table, tuple(sorted({len(s) for s in table}, reverse=True))) for table in (_ADJ, _CASE, _POSS, _PLURAL))

#: stems in -ас/-ес that keep their с before the possessive -ы/-і (кеңесі = кеңес + і)
S_STEMS = frozenset(
    [
        "кеңес",
        "күрес",
        "бас",
        "тас",
        "ас",
        "ес",
        "қатынас",
        "әріптес",
        "серіктес",
        "одақтас",
        "шекаралас",
        "көршілес",
        "жерлес",
        "қандас",
        "отандас",
        "замандас",
        "тілектес",
        "пікірлес",
        "ынтымақтас",
        "қызметтес",
        "мүдделес",
        "аралас",
        "келіс",
    ]
)

#: function words, irregular short words and names in -стан (whose -тан is not the
#: ablative) that are never stemmed, nor stemmed any further once reached
EXCEPTIONS = frozenset(
    [
        "және",
        "мен",
        "бен",
        "пен",
        "немесе",
        "не",
        "да",
        "де",
        "та",
        "те",
        "ма",
        "ме",
        "ба",
        "бе",
        "па",
        "пе",
        "ғой",
        "ғана",
        "тек",
        "әрі",
        "туралы",
        "арқылы",
        "бойынша",
        "үшін",
        "кейін",
        "дейін",
        "шейін",
        "бұрын",
        "сияқты",
        "қарсы",
        "мүмкін",
        "жақын",
        "алтын",
        "екі",
        "ірі",
        "сары",
        "басқа",
        "осы",
        "бұл",
        "сол",
        "ол",
        "олар",
        "біз",
        "сіз",
        "сен",
        "мен",
        "оның",
        "олардың",
        "біздің",
        "сіздің",
        "өзара",
        "бірге",
        "сайын",
        "тағы",
        "енді",
        "әлі",
        "қазір",
        "емес",
        "жоқ",
        "бар",
        "керек",
        "тиіс",
        "қажет",
        "ретінде",
        "сондай",
        "сонымен",
        "яғни",
        "бірақ",
        "егер",
        "онда",
        "мұнда",
        "сонда",
        "осында",
        "ақы",
        "жалақы",
        "зейнетақы",
        "сауда",
        "тарихи",
        "қазақстан",
        "өзбекстан",
        "тәжікстан",
        "қырғызстан",
        "түрікменстан",
        "ауғанстан",
        "пәкістан",
        "үндістан",
        "дағыстан",
        "татарстан",
        "башқұртстан",
    ]
)

#: explicit stems for short roots the length limits would otherwise leave unstemmed
IRREGULAR: dict[str, str] = {
    "ісі": "іс",
    "елі": "ел",
    "үйі": "үй",
    "суы": "су",
    "өзі": "өз",
    "басы": "бас",
    "ішін": "іш",
    "іші": "іш",
    "аты": "ат",
    "жолы": "жол",
}

#: Two-letter roots ending in a vowel that take case endings (су "water": суды; ая "sphere":
#: аясында; ие "owner": иесі).
OPEN_SHORT_STEMS = frozenset({"су", "ая", "ие", "ұя"})

_DEVOICE = {"ғ": "қ", "г": "к", "б": "п"}


def fold(word: str) -> str:
    """Lower-case a word and turn Latin look-alikes inside Cyrillic words into Kazakh."""
    w = word.lower()
    return fold_word(w, "kk")


def _has_vowel(s: str) -> bool:
    return any(c in VOWELS for c in s)


def _strip_slot(word: str, table: dict[str, frozenset[str]], lengths: tuple[int, ...]) -> str | None:
    n = len(word)
    for k in lengths:
        if k >= n:
            continue
        suf = word[n - k :]
        allowed = table.get(suf)
        if allowed is None:
            continue
        rest = word[: n - k]
        prev = rest[-1]
        # -сы/-сі after ы/і is allowed after д/л/ш (қорытындысы, қатысушысы)
        s_after_i = suf in ("сы", "сі") and prev in _POSS_VOWEL and rest[-2:-1] in ("д", "л", "ш")
        if prev not in allowed and not s_after_i:
            continue
        min_len = 3 if k == 1 else 2
        if len(rest) < min_len or not _has_vowel(rest):
            continue
        if len(rest) == 2 and rest[-1] in VOWELS and rest not in OPEN_SHORT_STEMS:
            continue  # кеден is not ке + ден: two-letter roots end in a consonant (ел, іс), bar су
        if suf in ("сы", "сі") and word[: n - 1] in S_STEMS:
            # кеңесі = кеңес + і (байланысы is handled by the allowed-set check above)
            continue
        return rest
    return None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem one Kazakh word (folded first).  Never raises; non-Cyrillic words are only
    lower-cased."""
    w = fold(word)
    if not w or not has_cyrillic(w) or w in EXCEPTIONS:
        return w
    if w in IRREGULAR:
        return IRREGULAR[w]
    for _ in range(8):
        before = w
        for table, lengths in _SLOTS:
            rest = _strip_slot(w, table, lengths)
            if rest is not None:
                w = rest
                last = w[-1]
                if last in _DEVOICE:
                    w = w[:-1] + _DEVOICE[last]
                if w in IRREGULAR:
                    return IRREGULAR[w]
                if w in EXCEPTIONS:
                    return w
        if w == before:
            break
    return w


def analyse(text: str) -> list[str]:
    """Tokenise, fold and stem Kazakh text; numbers and act numbers stay whole."""
    out: list[str] = []
    for tok in tokenise(clean(text)):
        if tok.kind == "number":
            out.append(tok.text)
        else:
            out.append(stem(tok.text))
    return out
