"""Split normalised text into its parts: registry card, act, agreement title, preamble,
articles, final clauses, signature block.

Works on the paragraphs ``normalise`` produces (one paragraph per line, separated by a
blank line). Article headings are recognised only at the start of a paragraph and only
in the exact nominative marker form (``1-бап``, ``Статья 1``, ``Article 1``,
``Հոդված 1``, ``Madde 1``), and only when the numbers run in sequence, so references
such as ``8-бабының`` or ``статьи 15 Соглашения`` never become headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.ingest.patterns import REGISTRY_FIELD, TERMINAL, article_heading
from archive.ingest.titles import recase_all_caps
from archive.ingest.types import ParsedArticle

__all__ = ["Segments", "segment"]


@dataclass
class Segments:
    paragraphs: list[str]
    registry: dict[str, str] = field(default_factory=dict)
    registry_end: int = 0  # first paragraph after the record card
    act: list[str] = field(default_factory=list)  # the act's paragraphs (title .. signature)
    act_range: tuple[int, int] | None = None
    stamp: str | None = None  # "... қаулысымен бекітілген" / "УТВЕРЖДЕНО постановлением ..."
    title: str | None = None
    title_index: int | None = None
    preamble: list[str] = field(default_factory=list)
    articles: list[ParsedArticle] = field(default_factory=list)
    article_starts: list[int] = field(default_factory=list)
    final_clauses: list[str] = field(default_factory=list)
    signature_block: list[str] = field(default_factory=list)
    translation: bool = False
    note: bool = False
    body: list[str] = field(default_factory=list)  # paragraphs of the agreement text

    @property
    def agreement_text(self) -> str:
        return "\n".join(self.body)


# --- patterns ------------------------------------------------------------------------

_HEAD = (
    r"(?:келісім(?:[-‐]шарт)?|шарт|конвенция|хаттама|меморандум|"
    r"համաձայնագիր|պայմանագիր|կոնվենցիա|արձանագրություն|հուշագիր|"
    r"saziş|sazişi|müqavilə|müqaviləsi|protokol|protokolu|memorandum|memorandumu|"
    r"bitim|bitimi|shartnoma|shartnomasi|anlaşma|anlaşması|antlaşma|antlaşması|"
    r"келишим|макулдашуу|келишими)"
)
# A title that ends with its head noun (kk, hy, az, uz, ky, tr word order).
_TITLE_END = re.compile(rf"(?:^|\s){_HEAD}$", re.I)
# A title that starts with its head noun (ru, en; Armenian capitals).
_TITLE_START = re.compile(
    r"^(?:СОГЛАШЕНИЕ|Соглашение|ДОГОВОР|Договор|ПРОТОКОЛ|Протокол|КОНВЕНЦИЯ|Конвенция|"
    r"МЕМОРАНДУМ|Меморандум|AGREEMENT|Agreement|TREATY|Treaty|PROTOCOL|Protocol|"
    r"CONVENTION|Convention|MEMORANDUM|Memorandum|EXCHANGE OF NOTES|Exchange of Notes|"
    r"ՀԱՄԱՁԱՅՆԱԳԻՐ|Համաձայնագիր|ՊԱՅՄԱՆԱԳԻՐ|Պայմանագիր|ԱՐՁԱՆԱԳՐՈՒԹՅՈՒՆ|Արձանագրություն|"
    r"ՀՈՒՇԱԳԻՐ|Հուշագիր)(?:\s+(?:о|об|между|о\s+|between|on|of|concerning|for|"
    r"regarding|among|\(|«|\"|[A-ZА-ЯЁ]|[Ա-Ֆ])|$)"
)
_ACT_TITLE = re.compile(
    r"^(?:О|Об|On|О\s+ратификации|Օ)\b|(?:бекіту|ратификациялау|қол\s+қою|қосылу|"
    r"жобасы|енгізу)\s+туралы$|մասին$",
    re.I,
)
_STAMP = re.compile(
    r"(?:қаулысымен|заңымен|Жарлығымен|өкімімен)\s+(?:бекітілген|ратификацияланған|мақұлданған)"
    r"|^(?:УТВЕРЖДЕН[АОЫ]?|Утвержден[аоы]?|ОДОБРЕН[АОЫ]?|Одобрен[аоы]?|ПРИЛОЖЕНИЕ|Приложение|"
    r"Approved|APPROVED|ՀԱՍՏԱՏՎԱԾ|Հաստատված|Հավելված|ՀԱՎԵԼՎԱԾ|Қосымша|ҚОСЫМША)\b"
    r"|(?:постановлением|указом|законом|распоряжением)\s+(?:Правительства|Президента|"
    r"Республики|Кабинета)",
    re.I,
)
_NOTE_LINE = re.compile(r"^(?:Ескерту|Примечание|Note|Ծանոթություն)\b", re.I)
_ACT_MARKERS = re.compile(
    r"қаулы\s+етеді|ҚАУЛЫ\s+ЕТЕДІ|қаулысы$|Заңы$|ЗАҢЫ$|ПОСТАНОВЛЯЕТ|постановляет|"
    r"ПОСТАНОВЛЕНИЕ|Постановление\s+(?:Правительства|Кабинета)|^Закон\b|ЗАКОН\b|"
    r"Федеральный\s+закон|^Указ\b|УКАЗ\b|РАСПОРЯЖЕНИЕ|ратификациялансын|бекітілсін|"
    r"мақұлдансын|ратифицировать|Ратифицировать|утвердить|Утвердить|"
    r"որոշում\s+է|ՈՐՈՇՈՒՄ|ՕՐԵՆՔԸ?$|hereby\s+(?:ratif|approv)|DECREE|Decree\s+of|"
    r"Law\s+of\s+the|RESOLUTION|Resolution\s+of\s+the|"
    r"Мәжілісінің\s+қарауына\s+енгізілсін|внести\s+на\s+рассмотрение|"
    r"ҚАРАР|qərar|QƏRAR|Qonun|QONUN|қарар|ПОСТАНОВЛЕНИЕ|токтом|ТОКТОМ",
    re.M,
)
_TESTIMONIUM = re.compile(
    r"\bжасалды\b|қол\s+қойылды|\bСовершено\b|\bсовершено\b|\bDone\s+(?:at|in)\b|"
    r"\bDONE\s+(?:at|in|AT|IN)\b|\bSigned\s+(?:at|in)\b|Կատարված\s+է|կատարված\s+է|"
    r"Կնքված\s+է|կնքված\s+է|Ստորագրված\s+է|imzalanmışdır|imzalanmıştır|imzolandi|"
    r"tuzildi|bağlanmışdır|düzenlenmiştir|түзүлдү|кол\s+коюлду|Подписано\s+в\b",
)
_SIGNATURE = re.compile(
    r"\bүшін$|^За\s|^ЗА\s|^For\s|^FOR\s|համար$|ՀԱՄԱՐ$|adından$|ADINDAN$|nomidan$|"
    r"атынан$|Премьер-[Мм]инистр|Президент|Prime\s+Minister|President|Վարչապետ|Նախագահ|"
    r"^\(?подпись\)?$|^\(?signature\)?$|^М\.\s?П\.|կողմից$",
    re.I,
)
_TRANSLATION = re.compile(
    r"неофициальный\s+перевод|unofficial\s+translation|бейресми\s+аударма|"
    r"translation\s+from|перевод\s+с\s+\w+\s+языка|ոչ\s+պաշտոնական\s+թարգմանություն|"
    r"rəsmi\s+olmayan\s+tərcümə|norasmiy\s+tarjima",
    re.I,
)
_NOTE_MARK = re.compile(
    r"пояснительная\s+записка|түсіндірме\s+жазба|explanatory\s+(?:note|memorandum)|"
    r"հիմնավորում|տեղեկանք|справка[-\s]обоснование|izahat\s+qeydi|tushuntirish\s+xati",
    re.I,
)
_NOTE_PHRASES = re.compile(
    r"Համաձայնագր\w*\s+(?:ստորագր|դրույթ|նախագ|կնքում)|Համաձայնագրով|Պայմանագր\w*\s+ստորագր|"
    r"проект\w*\s+(?:Соглашения|Договора|Протокола)|(?:Соглашением|Договором)\s+предусматрива|"
    r"подписани\w+\s+(?:Соглашения|Договора|Протокола)|(?:Соглашение|Договор)\s+предусматривает|"
    r"Келісім\w*\s+жобасы|Келісімге\s+қол\s+қою|Келісімде\s+\w+\s+көзделген|"
    r"the\s+draft\s+(?:Agreement|Treaty)|the\s+(?:Agreement|Treaty)\s+provides|"
    r"signing\s+of\s+the\s+(?:Agreement|Treaty)",
)

_MAX_TITLE = 600
# a line that cannot end a title: it stops on a conjunction, preposition or party word
_DANGLING_END = re.compile(
    r"(?:^|\s)(?:и|между|о|об|по|в|с|and|between|of|the|on|for|in|мен|және|և|"
    r"Правительством|Правительства|Республикой|Республики|Government|Republic|"
    r"Үкіметі|Республикасының|Республикасы|կառավարության|Հանրապետության)$",
    re.I,
)
_DANGLING_CONJ = re.compile(r"(?:^|\s)(?:и|между|and|between|мен|және|և)$", re.I)


def _is_title(p: str) -> bool:
    if len(p) > _MAX_TITLE or not p or p[-1] in TERMINAL + ",":
        return False
    if _ACT_TITLE.search(p) and not _TITLE_START.match(p):
        return False
    if _TITLE_START.match(p):
        return True
    return bool(_TITLE_END.search(p))


def _registry(paras: list[str]) -> tuple[dict[str, str], int]:
    fields: dict[str, str] = {}
    end = 0
    misses = 0
    for i, p in enumerate(paras[:40]):
        m = REGISTRY_FIELD.match(p)
        if m:
            fields[m.group("label").strip().lower()] = m.group("value").strip()
            end = i + 1
            misses = 0
        elif fields:
            misses += 1
            if misses > 1:
                break
        elif i >= 2:
            break
    if len(fields) < 2:
        return {}, 0
    return fields, end


def _num_key(num: str) -> tuple[int, int] | None:
    roman = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    m = re.match(r"(\d+)(?:[-‐.](\d+)|(bis|ter|quater))?$", num)
    if m:
        sub = int(m.group(2)) if m.group(2) else ({"bis": 1, "ter": 2, "quater": 3}.get(m.group(3) or "", 0))
        return int(m.group(1)), sub
    if re.fullmatch(r"[IVXLC]+", num):
        total = 0
        for a, b in zip(num, num[1:] + " ", strict=True):
            v = roman[a]
            total += -v if b != " " and roman[b] > v else v
        return total, 0
    return None


def _find_articles(paras: list[str], start: int) -> list[tuple[int, str, str | None]]:
    """(paragraph index, number, heading) of the article headings, in sequence."""
    found: list[tuple[int, str, str | None]] = []
    last: tuple[int, int] | None = None
    for i in range(start, len(paras)):
        h = article_heading(paras[i])
        if not h:
            continue
        num, heading = h
        key = _num_key(num)
        if key is None:
            continue
        if heading and len(heading) > 250:
            heading = None  # the body follows the number on the same line
        if last is None:
            # the first heading: 1 normally; a truncated text may start later
            nxt = [article_heading(p) for p in paras[i + 1 :]]
            nxt_keys = [_num_key(x[0]) for x in nxt if x]
            if key[0] != 1 and not any(k and k[0] == key[0] + 1 for k in nxt_keys):
                continue
            found.append((i, num, heading))
            last = key
            continue
        if key == (last[0] + 1, 0) or (key[0] == last[0] and key[1] == last[1] + 1):
            found.append((i, num, heading))
            last = key
        elif key[0] == 1 and key[1] == 0 and len(found) >= 2:
            break  # numbering restarts: an annex or a second document
    return found


def _heading_on_next_line(paras: list[str], i: int) -> bool:
    if i + 2 >= len(paras) + 1 or i + 1 >= len(paras):
        return False
    p = paras[i + 1]
    if len(p) > 120 or not p or p[-1] in TERMINAL + "," or not p[0].isupper():
        return False
    if article_heading(p) or len(p.split()) > 14:
        return False
    return i + 2 < len(paras) and article_heading(paras[i + 2]) is None


def segment(text: str) -> Segments:
    """Split normalised ``text`` (paragraphs separated by blank lines) into its parts."""
    paras = [p for p in text.split("\n\n") if p.strip()] if text else []
    seg = Segments(paragraphs=paras)
    if not paras:
        return seg
    head = "\n".join(paras[:6])
    seg.translation = bool(_TRANSLATION.search(head))
    seg.registry, seg.registry_end = _registry(paras)
    start = seg.registry_end

    heads = _find_articles(paras, start)
    first_art = heads[0][0] if heads else len(paras)
    seg.article_starts = [i for i, _, _ in heads]

    # the agreement title: the last title-like paragraph before the first article
    title_idx = None
    for i in range(first_art - 1, start - 1, -1):
        if _is_title(paras[i]):
            title_idx = i
            break
    if title_idx is None and not heads:
        title_idx = None
    if title_idx is not None:
        title = paras[title_idx]
        # a lone head noun ("СОГЛАШЕНИЕ") followed by the rest of the title
        if len(title.split()) == 1 and title_idx + 1 < first_art:
            nxt = paras[title_idx + 1]
            if nxt and nxt[-1] not in TERMINAL + "," and len(nxt) < _MAX_TITLE:
                title = f"{title} {nxt}"
                title_idx += 1
        # a lone head noun after its title ("... haqqında" + "SAZİŞ")
        if len(title.split()) == 1 and title_idx - 1 >= start:
            prev = paras[title_idx - 1]
            if (
                prev
                and prev[-1] not in TERMINAL + ","
                and len(prev) < _MAX_TITLE
                and not (_ACT_MARKERS.search(prev) or _STAMP.search(prev) or _SIGNATURE.search(prev))
            ):
                title = f"{prev} {title}"
        # a title broken over paragraphs: "... и Правительством" + "Республики ... о ..."
        while title_idx + 1 < first_art and _DANGLING_END.search(title):
            nxt = paras[title_idx + 1]
            if not nxt or nxt[-1] in TERMINAL + "," or len(nxt) > 300:
                break
            title = f"{title} {nxt}"
            title_idx += 1
        start_idx = title_idx - (len(title.split("\n")) - 1)
        while (
            start_idx > start
            and _DANGLING_CONJ.search(paras[start_idx - 1])
            and (len(paras[start_idx - 1]) < 300 and not _ACT_MARKERS.search(paras[start_idx - 1]))
        ):
            title = f"{paras[start_idx - 1]} {title}"
            start_idx -= 1
        seg.title = title
        seg.title_index = title_idx

    # the act: what comes before the title (or the whole file if there is no agreement)
    act_end = title_idx if title_idx is not None else (first_art if heads else len(paras))
    act_paras = paras[start:act_end]
    if act_paras and _ACT_MARKERS.search("\n".join(act_paras)):
        kept: list[str] = []
        for p in act_paras:
            if _STAMP.search(p) or _NOTE_LINE.match(p):
                break  # the stamp and the publisher's notes close the act
            kept.append(p)
        stamp_at = next((j for j, p in enumerate(act_paras) if _STAMP.search(p)), None)
        if stamp_at is not None:
            # a stamp broken over several short paragraphs: take its pieces around it
            lo = stamp_at
            while lo > len(kept) and len(act_paras[lo - 1].split()) <= 3:
                lo -= 1
            hi = stamp_at + 1
            while hi < len(act_paras) and len(act_paras[hi]) < 40:
                hi += 1
            seg.stamp = " ".join(act_paras[lo:hi])
        seg.act = kept
        seg.act_range = (start, start + len(kept))

    # the note: prose about an agreement, no articles, no act
    note_hits = len(_NOTE_PHRASES.findall(text))
    seg.note = bool(_NOTE_MARK.search(head)) or (not heads and not seg.act and note_hits >= 2)

    if title_idx is not None:
        seg.preamble = paras[title_idx + 1 : first_art]
    elif heads and not seg.act:
        seg.preamble = paras[start:first_art]

    # articles
    bounds = [i for i, _, _ in heads] + [len(paras)]
    for k, (i, num, heading) in enumerate(heads):
        body_start = i + 1
        if heading is None and _heading_on_next_line(paras, i):
            heading = paras[i + 1]
            body_start = i + 2
        if heading and sum(c.isalpha() for c in heading) > 3 and heading.isupper():
            heading = recase_all_caps(heading)  # "ENTRY INTO FORCE" -> "Entry into Force"
        seg.articles.append(
            ParsedArticle(number=num, heading=heading, text="\n".join(paras[body_start : bounds[k + 1]]))
        )

    # final clauses and signature block: cut from the last article (or the preamble-less tail)
    if seg.articles:
        last = seg.articles[-1]
        lines = last.text.split("\n") if last.text else []
        cut = next((j for j, p in enumerate(lines) if _TESTIMONIUM.search(p)), None)
        sig_from = _signature_start(lines, cut)
        if cut is not None:
            seg.final_clauses = lines[cut:sig_from]
            seg.signature_block = lines[sig_from:]
            last.text = "\n".join(lines[:cut])
        else:
            seg.signature_block = lines[sig_from:]
            last.text = "\n".join(lines[:sig_from])
    elif seg.title is not None and not seg.note:
        # an agreement without numbered articles: testimonium and signatures at the end
        tail = paras[(title_idx or 0) + 1 :]
        cut = next((j for j, p in enumerate(tail) if _TESTIMONIUM.search(p)), None)
        if cut is not None:
            sig_from = _signature_start(tail, cut)
            seg.final_clauses = tail[cut:sig_from]
            seg.signature_block = tail[sig_from:]

    if title_idx is not None:
        seg.body = paras[title_idx:]
    elif heads:
        seg.body = paras[start if not seg.act else first_art :]
    elif not seg.act:
        seg.body = paras[start:]
    return seg


def _signature_start(lines: list[str], cut: int | None) -> int:
    """Index of the first line of the trailing signature block."""
    j = len(lines)
    lo = (cut + 1) if cut is not None else 0
    while j > lo:
        p = lines[j - 1]
        short = len(p) <= 90 and (not p or p[-1] not in ".;:,")
        if (_SIGNATURE.search(p) and len(p) <= 160) or (short and (cut is not None or _caps_or_name(p))):
            j -= 1
            continue
        break
    return j


def _caps_or_name(p: str) -> bool:
    letters = [c for c in p if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    return bool(re.fullmatch(r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?){1,2}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+", p))
