"""Normalise extracted text: one small function per repair, then paragraphs.

``normalise(text)`` returns a ``Normalised`` with the clean text (paragraphs separated by
a blank line, one paragraph per line, single spaces), the warnings that say what was
repaired, and ``line_map``: for each output paragraph the 0-based range of input lines it
came from (the practical offset map back to the original).

Order matters: character-level repairs first (NFC, spaces, HTML and Markdown residue),
then letter-spaced words (which need the double spaces as word boundaries), look-alike
folding, words displaced by the extraction (which need the double-space "hole"), and
finally the hard-wrap join into paragraphs.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from archive.ingest.patterns import (
    BULLET,
    NUMBERED,
    REGISTRY_FIELD,
    REGISTRY_LABEL_LINE,
    TERMINAL,
    article_heading,
    is_bare_heading,
)
from archive.language import fold_lookalikes, function_words

__all__ = [
    "Normalised",
    "fold",
    "join_letter_spacing",
    "normalise",
    "repair_displaced_words",
    "strip_html",
    "strip_markdown",
    "unicode_nfc",
    "unify_spaces",
    "unwrap_lines",
]


@dataclass
class Normalised:
    text: str
    warnings: list[str] = field(default_factory=list)
    line_map: list[tuple[int, int]] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n\n") if self.text else []


class _Log:
    """Counts what each rule changed; turns the counts into reviewer warnings."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.details: list[str] = []

    def add(self, rule: str, n: int = 1) -> None:
        if n:
            self.counts[rule] += n

    def warnings(self) -> list[str]:
        labels = {
            "html": "removed {n} HTML tag(s)/entit(ies)",
            "markdown": "removed {n} Markdown mark(s)",
            "spaces": "replaced {n} no-break/zero-width/odd space character(s)",
            "letter_spacing": "joined {n} letter-spaced word(s)",
            "letter_spacing_dp": "recovered word boundaries in {n} letter-spaced run(s)",
            "lookalikes": "folded look-alike letters in {n} word(s)",
            "displaced": "moved {n} word(s) displaced by the text extraction",
            "unwrap": "joined {n} hard-wrapped line(s)",
            "lone_punct": "glued {n} stray punctuation mark(s) back",
            "glued": "split {n} word(s) glued to the next one",
            "card": "read {n} record-card field(s) printed label above value",
        }
        out = [labels[k].format(n=v) for k, v in self.counts.items() if k in labels]
        return out + self.details


# --- character-level rules ---------------------------------------------------------------


def unicode_nfc(text: str) -> str:
    """Unicode NFC and LF line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def unify_spaces(text: str, log: _Log | None = None) -> str:
    """No-break, zero-width and other odd spaces become a plain space (or nothing)."""
    n = 0
    if log is not None:
        n = len(_ODD_SPACES.findall(text)) + len(_INVISIBLE.findall(text))
        log.add("spaces", n)
    text = _ODD_SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\f", "\n\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"^\t+", lambda m: "      " * len(m.group(0)), text, flags=re.M)
    text = text.replace("\t", " ")
    return _CONTROL.sub("", text)


_TAG_NAMES = (
    "a|abbr|b|big|blockquote|body|br|center|code|div|em|font|h[1-6]|head|hr|html|i|li|"
    "ol|p|pre|s|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul|"
    "o:p|st1:[a-z]+|meta|link|title|section|article|main|nav|header|footer|dl|dt|dd"
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|tr|h[1-6]|table|blockquote|hr|section|dt|dd)\b", re.I)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def strip_html(text: str, log: _Log | None = None) -> str:
    """Tags that leaked into the text are removed (block tags become line breaks);
    entities (``&nbsp;``, ``&laquo;``, ``&#171;``) are decoded."""
    n = 0
    if "<" in text:

        def tag(m: re.Match[str]) -> str:
            nonlocal n
            n += 1
            return "\n" if _BLOCK_TAG.match(m.group(0)) else ""

        text = _TAG.sub(tag, text)
    if "&" in text:

        def entity(m: re.Match[str]) -> str:
            nonlocal n
            out = html.unescape(m.group(0))
            if out != m.group(0):
                n += 1
            return out

        text = _ENTITY.sub(entity, text)
    if log is not None:
        log.add("html", n)
    return text


_MD_HEADING = re.compile(r"^[ \t]*(?:#{1,6}(?:[ \t]+|(?=[^\W\d_])))+", re.M)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\n\s*\n).){1,600}?)(?<=\S)\1", re.S)
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_MD_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/|#|\.\.?/|[\w-]+(?:/|\.\w+))[^)\s]*\)")
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_MD_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
_MD_LINEBREAK = re.compile(r"(?<=\S)\\$", re.M)


def strip_markdown(text: str, log: _Log | None = None) -> str:
    """Markdown residue: ``**x**``, ``*x*``, ``## ``, ``\\*``, links, rules, quotes.

    Trailing two-space line breaks need nothing here: line ends are re-flowed later.
    """
    n = 0

    def count(pattern: re.Pattern[str], repl: str, s: str) -> str:
        nonlocal n
        s, k = pattern.subn(repl, s)
        n += k
        return s

    if "#" in text:
        text = count(_MD_HEADING, "", text)
    if "*" in text or "_" in text:
        for _ in range(3):  # nested: ***x*** / **_x_**
            before = text
            text = count(_MD_STRONG, r"\2", text)
            text = count(_MD_EM, r"\1", text)
            text = count(_MD_EM_UNDERSCORE, r"\1", text)
            if text == before:
                break
    if "---" in text or "***" in text or "___" in text:
        text = count(_MD_RULE, "", text)
    if "\\" in text:
        text = count(_MD_ESCAPE, r"\1", text)
        text = count(_MD_LINEBREAK, "", text)
    if "](" in text:
        text = count(_MD_LINK, r"\1", text)
    if ">" in text:
        text = _MD_QUOTE.sub("", text)
    if log is not None:
        log.add("markdown", n)
    return text


def fold(text: str, log: _Log | None = None) -> str:
    """Look-alike letters of the other script folded (see ``archive.language.scripts``)."""
    out = fold_lookalikes(text)
    if log is not None and out != text:
        log.add("lookalikes", sum(1 for a, b in zip(text.split(), out.split(), strict=False) if a != b))
    return out


# --- letter-spaced words -----------------------------------------------------------------

# one letter per unit; the Armenian digraph ՈՒ is one letter too ("Ո Ր Ո Շ ՈՒ Մ Ը")
_SPACED_RUN = re.compile(r"(?<!\S)(?:ՈՒ|Ու|\S)(?: +(?:ՈՒ|ու|\S))+(?!\S)")
_UNIT_OK = re.compile(r"ՈՒ|Ու|ու|[^\W\d_]|[.,;:!?»«\"“”()\-–։՝]")
_VOCAB_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SINGLE_LETTER_WORDS = frozenset(["и", "в", "с", "к", "о", "у", "а", "я", "և", "է", "a", "i"])

# A few frequent words, so boundaries can be found even in a short document: the function
# words language detection uses (archive.language) and the genre's own vocabulary.
_BUILTIN_VOCAB = function_words() | frozenset(
    [
        "бен",
        "пен",
        "бар",
        "жоқ",
        "болып",
        "табылады",
        "береді",
        "етеді",
        "жүзеге",
        "асырады",
        "келісім",
        "шарт",
        "тараптар",
        "тарап",
        "тараптардың",
        "мемлекеттерінің",
        "қазақстан",
        "республикасы",
        "республикасының",
        "үкіметі",
        "үкіметінің",
        "әзербайжан",
        "ретінде",
        "кейін",
        "дейін",
        "бастап",
        "сәйкес",
        "негізінде",
        "ынтымақтастық",
        "болады",
        "отырып",
        "а",
        "также",
        "настоящего",
        "соглашения",
        "стороны",
        "сторон",
        "сторона",
        "республики",
        "республика",
        "казахстан",
        "правительство",
        "правительства",
        "между",
        "договора",
        "договор",
        "соглашение",
        "является",
        "будет",
        "parties",
        "party",
        "agreement",
    ]
)


def build_vocabulary(text: str) -> Counter[str]:
    """Word frequencies of the ordinary (not letter-spaced) words of a document."""
    words = _VOCAB_WORD.findall(fold_lookalikes(text).lower())
    return Counter(w for w in words if len(w) >= 2)


_LONE_LETTER = 2.5  # the cost of a one-letter word the document does not use


def _segment(group: str, vocab: Counter[str]) -> list[str]:
    """Split a run of letters whose word boundaries were lost (``құқықтарыбар``).

    Dynamic programming over split points; a piece costs 1 when it is a word of the
    document (a little less when frequent), 2.1 when it is a known word plus a short
    ending, 2 when unknown (at least 4 letters), so the cheapest split uses few,
    frequent words. A run that is all known words splits into them however many there
    are; else, if nothing beats keeping the run whole, it is kept whole.
    """
    low = group.lower()
    n = len(low)
    if n < 4:
        return [group]

    def known(w: str) -> float | None:
        if (w in vocab or w in _BUILTIN_VOCAB) and (len(w) >= 2 or w in _SINGLE_LETTER_WORDS):
            return 1.0 - min(0.3, 0.05 * math.log1p(vocab.get(w, 1)))
        if len(w) == 1 and w in _SINGLE_LETTER_WORDS:
            return _LONE_LETTER
        if len(w) >= 5:
            for k in range(len(w) - 1, max(3, len(w) - 4), -1):
                if w[:k] in vocab and len(w) - k <= 3:
                    return 2.1
        return None

    whole = known(low)
    if whole is not None and whole <= 1.0:
        return [group]

    def split(unknown: bool) -> tuple[float, list[int]]:
        best: list[float] = [0.0] + [math.inf] * n
        back = [0] * (n + 1)
        for end in range(1, n + 1):
            for start in range(max(0, end - 30), end):
                if best[start] == math.inf:
                    continue
                piece = low[start:end]
                cost = known(piece)
                if not unknown and cost is not None and cost >= _LONE_LETTER:
                    continue  # a lone letter is no evidence of a word boundary
                if cost is None:
                    if not unknown or len(piece) < 4 or not piece.isalpha() or (start == 0 and end == n):
                        continue
                    # an unknown tail after a known stem is more likely a suffix chain
                    cost = 3.0 if end == n else 2.0
                total = best[start] + cost
                if total < best[end]:
                    best[end] = total
                    back[end] = start
        return best[n], back

    # a run made wholly of known words splits into them, however many (an unknown piece
    # costs 2 whatever its length: "соглашениевступаетв" + "силу" would beat four words)
    cost, back = split(unknown=False)
    if cost == math.inf or (whole is not None and cost >= whole):
        cost, back = split(unknown=True)
        whole_cost = whole if whole is not None else 3.5
        if cost >= whole_cost:
            return [group]
    pieces: list[str] = []
    end = n
    while end > 0:
        start = back[end]
        pieces.append(group[start:end])
        end = start
    return pieces[::-1]


def join_letter_spacing(text: str, vocab: Counter[str] | None = None, log: _Log | None = None) -> str:
    """``Р е с п у б л и к а с ы н ы ң`` -> ``Республикасының``.

    Runs of single characters separated by single spaces are words; two or more spaces
    separate words. Where a run has no double spaces although it holds several words
    (``қ ұ қ ы қ т а р ы б а р .``), the boundaries are recovered against the
    vocabulary of the rest of the document.
    """
    if vocab is None:
        vocab = build_vocabulary(_SPACED_RUN.sub(" ", text))

    def repl(m: re.Match[str]) -> str:
        run = m.group(0)
        units = run.split()
        if not all(_UNIT_OK.fullmatch(u) for u in units):
            return run
        groups = [g.split(" ") for g in re.split(r" {2,}", run)]
        # word boundaries are marked (double spaces): trust them, no guessing
        guess = len(groups) == 1
        if max(sum(1 for u in g if u.isalpha()) for g in groups) < 3:
            return run
        words: list[str] = []
        for g in groups:
            joined = "".join(g)
            core = joined.rstrip('.,;:!?»"”)։՝')
            tail = joined[len(core) :]
            lead = core[: len(core) - len(core.lstrip('«"“(-–'))]
            core = core[len(lead) :]
            if not core:
                if words:
                    words[-1] += joined
                else:
                    words.append(joined)
                continue
            core = fold_lookalikes(core)
            pieces = _segment(core, vocab) if guess and len(core) >= 6 else [core]
            if len(pieces) > 1 and log is not None:
                log.add("letter_spacing_dp")
            pieces[0] = lead + pieces[0]
            pieces[-1] += tail
            words.extend(pieces)
        if log is not None:
            log.add("letter_spacing", len(words))
        return " ".join(words)

    return _SPACED_RUN.sub(repl, text)


# --- words displaced by the extraction --------------------------------------------------

_LETTER_DOT_LETTER = re.compile(r"[^\W\d_]\.[^\W\d_]")
_GLUED_TAIL = re.compile(r"^(?P<pre>.*?)(?P<verb>[^\W\d_]{4,})\.(?P<noun>[^\W\d_]{3,})[ \t]*$", re.S)
_HOLE = re.compile(r"(?<=\S)( {2,})(?=\S)")
_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$", re.I)
_ABBREV_TAIL = frozenset({"т.б", "т.с.с", "т.е", "т.д", "т.п", "и.о", "с.ш"})


def repair_displaced_words(lines: list[str], log: _Log | None = None) -> list[str]:
    """Put back words the extraction moved to the end of their line.

    * ``бекітілсін.келісім`` at the end of a paragraph: the noun glued after the full
      stop belongs before the verb -> ``келісім бекітілсін.``
    * ``осы Келісімнің  айқындалған нысандарда 3-бабында``: a word at the end of a
      line, with a double-space hole earlier in the same line that shows where it came
      from, goes back into the hole -> ``осы Келісімнің 3-бабында айқындалған нысандарда``.
      Only when the moved word carries a number (``3-бабында``) or the word before the
      hole is a genitive that needs it (``Келісімнің``), and the line does not end a
      sentence.
    """
    out: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        # rule 1: verb.noun at the end of a paragraph
        m = _GLUED_TAIL.match(stripped) if _LETTER_DOT_LETTER.search(stripped) else None
        if m and m.group("noun").islower() and m.group("verb").islower():
            nxt = next((x for x in lines[i + 1 :] if x.strip()), "")
            token = f"{m.group('verb')}.{m.group('noun')}".lower()
            ends_par = not nxt or nxt.startswith("  ") or NUMBERED.match(nxt.strip()) is not None
            if token not in _ABBREV_TAIL and ends_par:
                pre = m.group("pre")
                stripped = f"{pre}{m.group('noun')} {m.group('verb')}."
                if log is not None:
                    log.add("displaced")
                    log.details.append(
                        f"line {i + 1}: '{m.group('verb')}.{m.group('noun')}' read as "
                        f"'{m.group('noun')} {m.group('verb')}.'"
                    )
        # rule 2: the double-space hole
        indent = len(stripped) - len(stripped.lstrip(" "))
        body = stripped[indent:]
        holes = list(_HOLE.finditer(body))
        if len(holes) == 1 and len(holes[0].group(0)) > 3:
            holes = []  # a wide gap separates columns; one word leaves a narrow hole
        if len(holes) == 1 and body and body[-1] not in TERMINAL + ",":
            hole = holes[0]
            left = body[: hole.start()]
            right = body[hole.end() :].split(" ")
            if len(right) >= 2:
                moved = right[-1]
                before = left.split(" ")[-1] if left else ""
                if (
                    len(moved) >= 2
                    and moved[0].isalnum()
                    and (
                        (any(c.isdigit() for c in moved) and re.search(r"[^\W\d_]", moved)) or _GENITIVE.search(before)
                    )
                ):
                    body = f"{left} {moved} {' '.join(right[:-1])}"
                    stripped = " " * indent + body
                    if log is not None:
                        log.add("displaced")
                        log.details.append(f"line {i + 1}: moved '{moved}' after '{before}'")
        out.append(stripped)
    return out


def join_card_labels(lines: list[str], log: _Log | None = None) -> list[str]:
    """A record card printed label above value ("Номер" / "Ն-023-3" / "Тип" / "Որոշում")
    becomes one "label: value" line per field, so the card is read as a card."""
    if sum(1 for x in lines[:80] if REGISTRY_LABEL_LINE.match(x.strip())) < 3:
        return lines  # a card has several fields; a lone "Принят" is the act's own note
    out: list[str] = []
    i = 0
    n = 0
    while i < len(lines):
        line = lines[i].strip()
        m = REGISTRY_LABEL_LINE.match(line) if line and i < 120 else None
        if m:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and not REGISTRY_LABEL_LINE.match(lines[j].strip()) and len(lines[j]) < 200:
                out.extend([f"{m.group('label')}: {lines[j].strip()}", ""])
                n += 1
                i = j + 1
                continue
        out.append(lines[i])
        i += 1
    if log is not None:
        log.add("card", n)
    return out


# --- paragraphs ----------------------------------------------------------------------------

_HEAD_NOUN_LINE = re.compile(
    r"^(?:ШАРТ|КЕЛІСІМ|КЕЛIСIМ|ХАТТАМА|СОГЛАШЕНИЕ|ДОГОВОР|ПРОТОКОЛ|КОНВЕНЦИЯ|МЕМОРАНДУМ|"
    r"AGREEMENT|TREATY|PROTOCOL|CONVENTION|MEMORANDUM|ՀԱՄԱՁԱՅՆԱԳԻՐ|ՊԱՅՄԱՆԱԳԻՐ|"
    r"ԱՐՁԱՆԱԳՐՈՒԹՅՈՒՆ|SAZİŞ|SAZIŞ|BITIM|BİTİM|SHARTNOMA|МҮҚАВИЛӘ|КЕЛИШИМ|MÜQAVİLƏ|"
    r"ANLAŞMA|PROTOKOL|MEMORANDUM|KONVENSIYA|КОНВЕНЦИЯСЫ)$"
)
_LONE_PUNCT = re.compile(r"^[.,;:!?։]+$")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[^\W\d_]) +(?=[.,;:!?։](?:\s|$))")


# a line that is one parenthesised remark ("(2013 жылғы 30 шілдеде күшіне енді - …)")
_ASIDE_LINE = re.compile(r"^\([^()]{10,400}\)\s*$")


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _para_start(line: str) -> bool:
    s = line.strip()
    return bool(BULLET.match(s) or NUMBERED.match(s) or article_heading(s) or REGISTRY_FIELD.match(s))


def _wrap_width(lines: list[str]) -> tuple[int, bool]:
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip())
    if len(lengths) < 4:
        return 0, False
    width = lengths[int(len(lengths) * 0.9) - 1]
    full = sum(1 for n in lengths if n >= 0.6 * width)
    return width, width <= 140 and full >= 0.5 * len(lengths)


def unwrap_lines(lines: list[str], log: _Log | None = None) -> tuple[list[str], list[tuple[int, int]]]:
    """Join hard-wrapped lines into paragraphs.

    A line continues the previous one unless it starts a paragraph: after a blank line,
    an indented line, an article heading, a numbered item (``1.``, ``1)``), a bullet, or
    when the previous line ended a sentence and was short. A line that starts in lower
    case after a line that ended mid-sentence always continues it, even across blank
    lines (page breaks) and indents. A lone ``.`` or ``,`` is glued back.
    """
    width, wrapped = _wrap_width(lines)
    paras: list[list[str]] = []
    spans: list[list[int]] = []
    prev_blank = True
    blank_run = 0
    for idx, raw in enumerate(lines):
        if not raw.strip():
            prev_blank = True
            blank_run += 1
            continue
        indented = raw.startswith("  ")
        line = raw.strip()
        if paras and _LONE_PUNCT.match(line):
            paras[-1][-1] = paras[-1][-1].rstrip() + line
            spans[-1][1] = idx
            if log is not None:
                log.add("lone_punct")
            prev_blank = False
            blank_run = 0
            continue
        join = False
        if paras:
            a = paras[-1][-1]
            a_end = a.rstrip()[-1:]
            a_open = a_end not in TERMINAL
            first = line[:1]
            b_start = _para_start(line)
            a_heading = article_heading(paras[-1][0]) is not None or _ASIDE_LINE.match(paras[-1][0]) is not None
            comma_break = a_end == "," and (indented or blank_run == 1)
            if first.islower() and a_open and not b_start and not is_bare_heading(a):
                # R1: a sentence continues (also across page breaks); but a clause that
                # ends in a comma and is followed by an indented or blank-separated line
                # is a separate preamble clause.
                join = not comma_break
            elif not prev_blank and not indented and not b_start and not a_heading:
                head_noun = _HEAD_NOUN_LINE.match(line) is not None
                caps_break = (_is_caps(a) != _is_caps(line)) and not head_noun
                # a short line before a capitalised one ends a block (title, signature)
                short_break = wrapped and len(a) < 0.5 * width and first.isupper() and not head_noun
                # in text that is not hard-wrapped, a short line before a capitalised one is
                # a line of its own ("Премьер-Министрі" / "Жоба" / the title)
                short_break = short_break or (
                    not wrapped
                    and width > 0
                    and len(a) < 40
                    and first.isupper()
                    and not head_noun
                    and not (_is_caps(a) and _is_caps(line))
                )
                if not caps_break and not short_break and (a_open or (wrapped and len(a) >= 0.75 * width)):
                    join = True  # R2: a hard-wrapped line
                if a_end in ":;":
                    join = False
        if join:
            paras[-1].append(line)
            spans[-1][1] = idx
            if log is not None:
                log.add("unwrap")
        else:
            paras.append([line])
            spans.append([idx, idx])
        prev_blank = False
        blank_run = 0
    out: list[str] = []
    for parts in paras:
        text = parts[0]
        for nxt in parts[1:]:
            if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and nxt[:1].islower():
                text += nxt  # hyphen at a line end: keep it, no space
            else:
                text += " " + nxt
        out.append(text)
    return out, [(a, b) for a, b in spans]


def _tidy(paragraph: str) -> str:
    paragraph = re.sub(r"[ \t]{2,}", " ", paragraph).strip()
    return _SPACE_BEFORE_PUNCT.sub("", paragraph)


_GLUED_CAPS = re.compile(r"(?<![^\W\d_])([A-ZА-ЯЁ]{4,})(?=[A-ZА-ЯЁ][a-zа-яё]{2,}(?![^\W\d_]))")


def split_glued_capitals(text: str, log: _Log | None = None) -> str:
    """A heading word glued to the next one by the extraction: "AGREEMENTBetween" ->
    "AGREEMENT Between" (capitals followed by a capitalised word)."""
    if not _GLUED_CAPS.search(text):
        return text
    out, n = _GLUED_CAPS.subn(r"\1 ", text)
    if log is not None:
        log.add("glued", n)
    return out


def _normalise_once(text: str, log: _Log) -> tuple[str, list[tuple[int, int]]]:
    text = unicode_nfc(text)
    text = strip_html(text, log)
    text = unify_spaces(text, log)
    text = strip_markdown(text, log)
    text = split_glued_capitals(text, log)
    text = fold(text, log)
    text = join_letter_spacing(text, log=log)
    text = fold_lookalikes(text)  # letters of joined words
    lines = text.split("\n")
    lines = join_card_labels(lines, log)
    lines = repair_displaced_words(lines, log)
    paras, spans = unwrap_lines(lines, log)
    paras = [_tidy(p) for p in paras]
    keep = [(p, s) for p, s in zip(paras, spans, strict=True) if p]
    return "\n\n".join(p for p, _ in keep), [s for _, s in keep]


# rules whose output the other rules may act on again (removed markup, joined or moved words)
_RULES_THAT_EXPOSE = ("glued", "letter_spacing", "letter_spacing_dp", "displaced", "card")


# what strip_html / strip_markdown / join_letter_spacing would still act on
_RESIDUE = re.compile(
    r"(?m)^[ \t]*#|^[ \t]*>|\*\*|__(?=\S)|(?<![\w*])\*(?=\S)|(?<![\w_])_(?=\S)|<[a-zA-Z/!]"
    r"|&(?:[a-zA-Z]{2,8}|#x?[0-9a-fA-F]{2,6});|\]\(|\\[\\`*_{}\[\]()#+\-.!>~|]|(?<!\S)\S(?: \S){2,}(?!\S)"
)


def _may_change(text: str) -> bool:
    """Could another pass change ``text``? Markup left, or a letter-spaced run that joining
    lines has made ("а  \nм е на" -> "а м е на")."""
    return bool(_RESIDUE.search(text)) or split_glued_capitals(text) != text


def normalise(text: str) -> Normalised:
    """Run every rule; repeat until nothing changes (at most 5 passes) so the result
    is a fixed point: ``normalise(normalise(x).text).text == normalise(x).text``."""
    log = _Log()
    out, line_map = _normalise_once(text, log)
    # another pass changes something only when markup is left (it can hide behind other
    # markup: "<b>###Verbalnote</b>") or words were joined or moved; else the text is done
    if not any(log.counts.get(rule) for rule in _RULES_THAT_EXPOSE) and not _may_change(out):
        return Normalised(text=out, warnings=log.warnings(), line_map=line_map)
    for _ in range(4):
        again, _spans = _normalise_once(out, _Log())
        if again == out:
            break
        out = again
    return Normalised(text=out, warnings=log.warnings(), line_map=line_map)
