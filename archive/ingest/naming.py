"""How an act names the agreement it ratifies, approves or signs.

Acts name the agreement in their title and in their operative clause, in every
language's own order:

* quoted: «…» / “…” / "…" around the title, the head noun inside (head-first:
  "«Соглашение между …»") or right after the quotes, perhaps past the signing clause
  (az: "“… haqqında” 2017-ci il oktyabrın 27-də Vilnüs şəhərində imzalanmış Saziş təsdiq
  edilsin"; hy: "«…» ՀԱՄԱՁԱՅՆԱԳԻՐԸ … ՎԱՎԵՐԱՑՆԵԼՈՒ ՄԱՍԻՆ");
* head-first, unquoted: after the act's lead or verb ("О ратификации Соглашения между …",
  "Ратифицировать Соглашение между …, подписанное в городе Астане …", "ratify the
  Agreement between … signed at …");
* head-last, unquoted: before the action ("… келісімді ратификациялау туралы", "…
  жасалған … келісім бекітілсін", "… Sazişin təsdiq edilməsi haqqında").

The leads, verbs and actions are the ``act_naming`` entries of the language profiles.
Each reading comes with its offsets, for the evidence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from archive.ingest.patterns import kind_matches
from archive.language import phrase_pattern, profiles

__all__ = ["Naming", "act_lead", "named_agreements", "signing_words"]


@dataclass(frozen=True)
class Naming:
    title: str  # as written (not yet in the nominative)
    start: int
    end: int
    operative: bool  # read from the operative clause (else from the act's title)
    complete: bool  # not cut off by the end of the text


def _naming(key: str) -> list[str]:
    out: list[str] = []
    for p in profiles().values():
        out.extend((p.raw.get("act_naming") or {}).get(key) or [])
    return out


@functools.cache
def _leads() -> re.Pattern[str]:
    return phrase_pattern(_naming("title_leads") + _naming("verbs_before"))


@functools.cache
def _verbs_after() -> re.Pattern[str]:
    """A verb ending a head-first clause ("1. Соглашение между …, совершенное …, одобрить.")."""
    return phrase_pattern(_naming("verbs_after"))


@functools.cache
def _after() -> re.Pattern[str]:
    return phrase_pattern(_naming("after"))


@functools.cache
def _participle() -> re.Pattern[str]:
    """A past participle ending a clause before the title ("… ұсынған, …", "… келісілген
    Қазақстан …"): the title starts after it (head-last languages)."""
    ends = sorted({e for p in profiles().values() for e in p.words("participle_endings")}, key=lambda w: (-len(w), w))
    alts = "|".join(re.escape(e) for e in ends)
    return re.compile(rf"[^\W\d_]+(?:{alts}),?\s+(?=[^\W\d_a-zа-яёәғқңөұүһі\u0561-\u0587])")


@functools.cache
def _skip() -> re.Pattern[str]:
    return re.compile(
        r"\s*(?:" + "|".join(re.escape(w) for w in sorted(_naming("skip_before"), key=lambda w: (-len(w), w))) + r")\s+"
    )


def signing_words() -> re.Pattern[str]:
    """The profiles' words for "signed" (participles and verbs)."""
    return _signed()


@functools.cache
def _closers() -> re.Pattern[str]:
    words = [w for p in profiles().values() for w in p.words("title_closers")]
    return re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + r")$", re.I)


@functools.cache
def _signed() -> re.Pattern[str]:
    words = [w for p in profiles().values() for w in p.words("signed")]
    return phrase_pattern([w if w.endswith("*") else w + "*" for w in words])


_QUOTE = re.compile(r"[«“\"„](?P<q>[^«»“”\"„\n]{12,700})[»”\"“]")
_CUT = re.compile(
    r",?\s+(?:подписанн|совершенн|заключенн|signed|done|concluded|от\s+\d|of\s+\d)|[»\"”]|\.(?:\s|$)|;|\n\n",
    re.I,
)
_CAPS_BREAK = re.compile(r"(?m)(?<=[^\W\d_a-zа-яё])([ \t]*)\n\n(?=[^\W\d_a-zа-яё][^a-zа-яё\n]{3,}$)")
_CLAUSE_END = re.compile(r"[.;!?։]\s|\n\n")
_ENACTING_COLON = re.compile(r":\s")
_NUMBERING = re.compile(r"^\s*\d+[.)]\s*")


def act_lead(text: str) -> re.Match[str] | None:
    """The first act lead or operative verb in ``text`` ("О ратификации", "Ратифицировать")."""
    return _leads().search(text)


def _has_action(text: str) -> bool:
    return bool(_leads().search(text) or _after().search(text))


def named_agreements(text: str) -> list[Naming]:
    """Every place ``text`` (an act) names an agreement, in text order."""
    if not text or not kind_matches(text):
        return []
    # a title in capitals set one line per paragraph ("О РАТИФИКАЦИИ СОГЛАШЕНИЯ" / "МЕЖДУ …")
    # reads on: the break between two capitals lines becomes spaces (offsets unchanged)
    text = _CAPS_BREAK.sub(lambda m: m.group(1) + "  ", text)
    found: list[Naming] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, operative: bool) -> None:
        title = text[start:end].strip(' ,.;:«»“”"„')
        if len(title) < 10 or any(a < end and start < b for a, b in taken):
            return
        lead = len(text[start:end]) - len(text[start:end].lstrip(' ,.;:«»“”"„'))
        complete = end < len(text) - 1
        found.append(Naming(title, start + lead, start + lead + len(title), operative, complete))
        taken.append((start, end))

    # quoted titles
    for m in _QUOTE.finditer(text):
        q = m.group("q")
        inner = kind_matches(q)
        around = text[max(0, m.start() - 120) : m.end() + 160]
        operative = _has_action(around)
        lead = _leads().match(q)
        if lead:  # "«О ратификации Договора …»": the act's title in quotes
            rest = q[lead.end() :].lstrip()
            if kind_matches(rest[:40]):
                s = m.start("q") + (len(q) - len(rest))
                cut = _CUT.search(text, s, m.end("q"))
                add(s, cut.start() if cut else m.end("q"), operative)
                continue
        if inner and (inner[0][0] == 0 or inner[-1][1] >= len(q.rstrip()) - 1):
            add(m.start("q"), m.end("q"), operative)
            continue
        # head-last: the head noun after the quotes, past a signing clause; the quotes hold
        # the title up to its "about" word ("“… haqqında” Saziş", "«… մասին» համաձայնագիր"),
        # not a name inside it ("…арасындағы "Атасу-Алашанькоу" мұнай құбыры … келісім")
        after = text[m.end() : m.end() + 200]
        kinds = kind_matches(after)
        closes = _closers().search(q.rstrip(" ,")[-20:]) is not None
        if (
            closes
            and kinds
            and not _CLAUSE_END.search(after[: kinds[0][0]])
            and not _QUOTE.search(after[: kinds[0][0]])
        ):
            k_start, k_end, _ = kinds[0]
            word_end = m.end() + k_end + len(re.match(r"[^\W\d_]*", after[k_end:]).group(0))
            head = text[m.end() + k_start : word_end]
            found_title = f"{q} {head}"
            if not any(a < word_end and m.start() < b for a, b in taken):
                complete = word_end < len(text) - 1
                found.append(Naming(found_title, m.start("q"), word_end, operative, complete))
                taken.append((m.start(), word_end))

    # head-first, unquoted: "О ратификации Соглашения между …", "Ратифицировать Соглашение …"
    for m in _leads().finditer(text):
        rest = text[m.end() : m.end() + 40]
        gap = re.match(r"\s*(?:прилагаем\w*\s+|the\s+|проект\w*\s+)?", rest)
        k = kind_matches(rest[gap.end() :] if gap else rest)
        if not k or k[0][0] != 0:
            continue
        s = m.end() + (gap.end() if gap else 0)
        cut = _CUT.search(text, s + 5)
        end = cut.start() if cut else len(text)
        if end - s > 700:
            continue
        add(s, end, True)

    # head-first, the verb last: "ПОСТАНОВЛЯЕТ: 1. Соглашение между …, совершенное в городе Баку
    # 12 мая 2015 года, одобрить." — the head noun opens the clause, the verb closes it
    for m in _verbs_after().finditer(text):
        if not re.match(r"\s*(?:[.;,]|\s+и\s|$)", text[m.end() : m.end() + 4]):
            continue  # the verb must end the clause ("одобрить." not "одобрить проект")
        base = max(0, m.start() - 700)
        before = text[base : m.start()]
        start = 0
        for b in (_CLAUSE_END, _ENACTING_COLON, re.compile(r"\n")):
            for x in b.finditer(before):
                start = max(start, x.end())
        numbering = _NUMBERING.match(before, start)
        if numbering:
            start = numbering.end()
        s = base + start + len(before[start:]) - len(before[start:].lstrip())
        k = kind_matches(text[s : s + 40])
        if not k or k[0][0] != 0:
            continue
        cut = _CUT.search(text, s + 5, m.start())
        add(s, cut.start() if cut else m.start(), True)

    # head-last, unquoted: "… келісімді ратификациялау туралы", "… Sazişin təsdiq edilməsi"
    for m in _after().finditer(text):
        before = text[max(0, m.start() - 700) : m.start()]
        kinds = kind_matches(before)
        if not kinds:
            continue
        k_start, k_end, _ = kinds[-1]
        tail = before[k_end:]
        if not re.fullmatch(r"[^\W\d_]*[»”\"]?\s*(?:\([^()]{0,80}\)\s*)?", tail):
            continue  # the action must follow the head noun (and its case ending)
        base = max(0, m.start() - 700)
        start = 0
        # the enacting formula's colon ends a clause too ("… ҚАУЛЫ ЕТЕДІ: … келісім бекітілсін")
        for b in (_CLAUSE_END, _ENACTING_COLON, re.compile(r"\n"), _signed(), _participle(), _NUMBERING):
            for x in b.finditer(before[:k_start]):
                start = max(start, x.end())
        skip = _skip().match(before, start)
        if skip:
            start = skip.end()
        add(base + start, m.start(), True)
    found.sort(key=lambda n: n.start)
    return found
