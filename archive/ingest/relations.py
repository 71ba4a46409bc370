"""References to other agreements, with the relation the context gives them.

A reference needs a date and a head noun next to each other, so generic mentions
("басқа халықаралық шарттар", "other international treaties") never count:

* kk / hy / az: ``2004 жылғы 1 наурызда Астана қаласында қол қойылған <title> келісімді``,
  ``<title> туралы 1996 жылғы 16 қыркүйектегі шарт``,
  ``«<title>» 1999 թվականի սեպտեմբերի 2-ի պայմանագիրը``;
* ru / en: ``Соглашением между ... , подписанным в г. Астане 1 марта 2004 года``,
  ``the Agreement between ... signed at Astana on 1 March 2004``.

Relation from the sentence: based_on ("басшылыққа ала отырып", "руководствуясь",
"guided by"), supersedes ("күшін жояды", "прекращает действие", "shall terminate"),
amends ("өзгерістер енгізу", "о внесении изменений", "amending"), implements ("во
исполнение", "in implementation of"), otherwise references.
"""

from __future__ import annotations

import re

from archive.ingest.dates import DateMatch, find_dates
from archive.ingest.parties import multilateral_frame
from archive.ingest.places import find_place
from archive.ingest.titles import kind_of, nominative_title
from archive.ingest.types import ParsedRelation
from archive.language.countries import find_countries

__all__ = ["find_relations", "is_citation"]


# "… Foreign Economic Activity, as" (as amended …): the sentence's words after a cited title
_TRAILING_GLUE = re.compile(r"(?:[\s,]+(?:as|and|or|of|the|in|for|to|by|with|on|at|which|that))+$", re.I)


def is_citation(title: str) -> bool:
    """Does a cited name read as an agreement's title? Its head noun with a title's words
    ("Agreement *between*", "Treaty *on*", "… *туралы* шарт"), or a title of its own shape;
    never a sentence fragment ("Agreement is effective as", "Agreement and for the period
    it is effective, goods originating in the …")."""
    from archive.ingest.quality import stub_title_problem
    from archive.ingest.segment import is_title

    title = title.strip()
    if stub_title_problem(title) or re.search(r",\s+(?:goods|which|that|it)\b", title):
        return False
    if is_title(title[:1].upper() + title[1:]):
        return True
    words = title.split()
    return len(words) >= 3 and find_countries(title) != [] and kind_of(title) is not None


_HEAD_AFTER = re.compile(
    r"^\s*[»\"]?\s*(?P<head>(?:келісім(?:[-‐]шарт)?|шарт|конвенция|хаттама|меморандум|"
    r"համաձայնագ|պայմանագ|արձանագրությ|կոնվենցի|հուշագ|saziş|müqavilə|protokol|"
    r"bitim|shartnoma)[^\W\d_]*)",
    re.I,
)
_SIGNED_AFTER = re.compile(
    r"^\s*(?:[^\W\d_]+\s+(?:қаласында|шаарында|şəhərində|shahrida|քաղաքում)\s+|"
    r"[^\W\d_]+(?:да|де|та|те|ում)\s+)?(?:қол\s+қойылған|жасалған|ստորագրված|կնքված|"
    r"imzalanmış|imzolangan|кол\s+коюлган|түзүлгөн)\s+",
    re.I,
)
_KK_HEAD_END = re.compile(
    r"(?P<t>.{10,400}?(?:келісім(?:[-‐]шарт)?|шарт|конвенция|хаттама|меморандум|"
    r"համաձայնագ|պայմանագ|արձանագրությ|saziş|müqavilə|protokol)[^\W\d_]*)",
    re.I | re.S,
)
_RU_HEAD = re.compile(
    r"(?:Соглашени|Договор|Протокол|Конвенци|Меморандум|Agreement|Treaty|Protocol|"
    r"Convention|Memorandum)\w*",
)
_RU_BEFORE_DATE = re.compile(
    r"(?:,?\s+(?:подписанн\w+|совершенн\w+|заключенн\w+|signed|done|concluded)"
    r"(?:\s+(?:в|во|at|in)\s+(?:городе\s+|г\.\s*)?[\w-]+)?(?:\s+on)?\s*|\s+от\s+|\s+of\s+|"
    r"\s+dated\s+)$",
    re.I,
)

_RELATION_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "supersedes",
        re.compile(
            r"күшін\s+жояды|күшiн\s+жояды|қолданысын\s+тоқтатады|прекращает\s+(?:сво[её]\s+)?действие|"
            r"утрачивает\s+силу|shall\s+(?:terminate|cease)|replaces|supersedes|"
            r"ուժը\s+կորցն|ուժը\s+կորցնում|qüvvədən\s+düşür|o['ʻ]z\s+kuchini\s+yo['ʻ]qotadi",
            re.I,
        ),
    ),
    (
        "amends",
        re.compile(
            r"өзгерістер\s+(?:мен\s+толықтырулар\s+)?енгізу|толықтырулар\s+енгізу|"
            r"внесении\s+изменени|изменений\s+и\s+дополнений|amending|amendments?\s+to|"
            r"to\s+amend|փոփոխություն|dəyişiklik|o['ʻ]zgartish",
            re.I,
        ),
    ),
    (
        "implements",
        re.compile(
            r"іске\s+асыру\s+мақсатында|орындау\s+мақсатында|во\s+исполнение|в\s+целях\s+реализации|"
            r"in\s+implementation\s+of|implementing|իրականացման\s+նպատակով",
            re.I,
        ),
    ),
    (
        "based_on",
        re.compile(
            r"басшылыққа\s+ала|негізге\s+ала|негізінде|руководствуясь|на\s+основе|на\s+основании|"
            r"based\s+on|guided\s+by|pursuant\s+to|in\s+accordance\s+with|ղեկավարվելով|"
            r"հիմք\s+ընդունելով|հիման\s+վրա|rəhbər\s+tutaraq|əsasında|asosida|amal\s+qilib",
            re.I,
        ),
    ),
]


_ABBREV = re.compile(r"(?:^|\s)(?:г|гг|ст|п|пп|т|No|N|им|ул|обл|р|с|ж|б|art|Art|п.п|т.е|т.б)$")
_BOUNDARY = re.compile(r"[.;։](?=\s|$)|\n")


def _is_boundary(text: str, i: int) -> bool:
    return text[i] != "." or not _ABBREV.search(text[max(0, i - 6) : i])


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = 0
    for m in _BOUNDARY.finditer(text, 0, start):
        if _is_boundary(text, m.start()):
            lo = m.end()
    hi = len(text)
    for m in _BOUNDARY.finditer(text, end):
        if _is_boundary(text, m.start()):
            hi = m.end()
            break
    return text[lo:hi].strip()


def _relation_for(sentence: str, default: str) -> str:
    for name, pattern in _RELATION_CUES:
        if pattern.search(sentence):
            return name
    return default


def _title_before_head(text: str, head_start: int) -> str:
    """kk / hy: the title words before "… туралы <date> шарт" (backwards to the parties)."""
    window = text[max(0, head_start - 400) : head_start]
    quote = re.search(r"[«\"]([^«»\"]{10,400})[»\"]\s*$", window)
    if quote:
        return quote.group(1)
    # take the phrase that starts at the last party mention (a capitalised country word)
    window = re.split(r"[.;:։]\s|,\s+(?=[^\W\d_]+\s+(?:отырып|кейін))", window)[-1]
    words = window.split()
    # go back to "X мен Y арасындағы" / "X և Y միջև": stop at a lower-case word before the first
    # capitalised word that starts the parties
    k = len(words)
    seen_between = False
    while k > 0:
        w = words[k - 1]
        if re.match(r"(?:арасындағы|арасында|միջև|arasında)$", w):
            seen_between = True
        elif seen_between and not (w[:1].isupper() or w in ("мен", "және", "և", "ilə", "va")):
            break
        k -= 1
    return " ".join(words[k:])


def _reference_at(text: str, d: DateMatch, language: str | None) -> tuple[str, str, int] | None:
    """(title, quote-context, anchor) of an agreement the date belongs to, if any."""
    after = text[d.end : d.end + 500]
    # (a) <date> [<place>] қол қойылған <title ... head noun>
    s = _SIGNED_AFTER.match(after)
    if s and _HEAD_AFTER.match(after[s.end() :]):
        # "<title> 1996 թվականի մայիսի 13-ին ստորագրված պայմանագրով": the title is before
        h = _HEAD_AFTER.match(after[s.end() :])
        before = _title_before_head(text, d.start)
        if h and before and len(before.split()) >= 2:
            end = d.end + s.end() + h.end()
            return f"{before} {h.group('head')}", text[d.start - len(before) - 1 : end], d.start
    if s:
        rest = after[s.end() :]
        m = _KK_HEAD_END.match(rest)
        if m:
            title = m.group("t")
            # stop at a nested date / sentence end
            if not re.search(r"[.;։]\s", title):
                return title, text[d.start : d.end + s.end() + m.end()], d.start
    # (d) <date>-attributive <title ... head noun>: "2004 жылғы 1 наурыздағы Қазақстан ... келісімге"
    if re.search(r"(?:ғы|гі|дағы|дегі|тағы|тегі|ի)$", d.text) and re.match(r"\s+[«\"]?[^\W\d_]", after):
        m = _KK_HEAD_END.match(after.lstrip(' «"'))
        clean = m is not None and m.group("t")[:1].isupper() and not re.search(r"[.;։]\s|\n", m.group("t"))
        if m and clean and _HEAD_AFTER.match(after) is None:
            return m.group("t"), text[d.start : d.end + 1 + m.end()], d.start
    # (b) <title> <date> <head noun>  (kk, hy, az)
    h = _HEAD_AFTER.match(after)
    if h:
        before = _title_before_head(text, d.start)
        if before and len(before.split()) >= 2:
            title = f"{before} {h.group('head')}"
            return title, text[d.start - len(before) - 1 : d.end + h.end()], d.start
    # (c) <head noun ... title>, signed at <place> on <date>  (ru, en)
    lead = text[max(0, d.start - 500) : d.start]
    tail = _RU_BEFORE_DATE.search(lead)
    if tail:
        body = lead[: tail.start()]
        heads = list(_RU_HEAD.finditer(body))
        if heads:
            h0 = heads[-1]
            # a head noun right before the title words; go back to the first head noun of a
            # title chain ("Протокола о внесении изменений в Соглашение ...")
            title = body[h0.start() :]
            if len(title) <= 400 and not re.search(r"[.;։]\s|\n", title):
                return title, lead[h0.start() :] + d.text, d.start
    return None


def find_relations(
    chunks: list[tuple[str, str | None]],
    language: str | None,
    own_dates: set | None = None,
    default: str = "references",
) -> list[ParsedRelation]:
    """References in ``chunks`` of (text, article number or None)."""
    out: list[ParsedRelation] = []
    seen: dict[tuple[str, object], ParsedRelation] = {}
    for text, article in chunks:
        if not text:
            continue
        for d in find_dates(text):
            ref = _reference_at(text, d, language)
            if not ref:
                continue
            raw_title, context, _ = ref
            if find_dates(raw_title):
                continue  # a title with another date inside: not a clean reference
            title = _TRAILING_GLUE.sub("", nominative_title(raw_title, language))
            kind = kind_of(title, language)
            if kind is None or not is_citation(title):
                continue  # "Agreement is effective as …": a sentence, not an agreement's name
            sentence = _sentence_around(text, d.start, d.end)
            if own_dates and d.date in own_dates and article is None and default == "references":
                continue  # the act's clause about this very agreement
            relation = _relation_for(sentence, default)
            key = (title.lower(), d.date)
            if key in seen:
                # named twice (a preamble "guided by …" and a final clause ending it): keep the stronger
                earlier = seen[key]
                if STRENGTH[relation] > STRENGTH[earlier.relation]:
                    earlier.relation, earlier.quote, earlier.article_number = relation, sentence[:600], article
                continue
            out.append(
                seen.setdefault(
                    key,
                    ParsedRelation(
                        relation=relation,
                        title=title,
                        date=d.date,
                        place=find_place(context, language),
                        quote=sentence[:600],
                        article_number=article,
                        kind=kind,
                        parties=find_countries(title),
                        multilateral=len(find_countries(title)) >= 3 or multilateral_frame(title) is not None,
                    ),
                )
            )
    return out


# what a reference says about the other agreement, weakest first
STRENGTH = {"references": 0, "implements": 1, "based_on": 2, "amends": 3, "supersedes": 4}
