"""The fast case-insensitive patterns find exactly what ``re.IGNORECASE`` finds.

Every caseless pattern the parser compiles is run, both ways, over the real documents kept
under ``tests/ingest/real/`` (six languages, three scripts) and over texts made to be awkward:
upper case, mixed case, the dotless ı, the Turkish İ (whose lower case is two characters, so
the text falls back to the ordinary pattern), the final ς.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import archive.ingest.pipeline  # noqa: F401  (compiles the parser's patterns)
from archive.language import caseless as cl

REAL = Path(__file__).parent / "real"

AWKWARD = [
    "THE CONTRACTING PARTIES AGREED THAT THIS AGREEMENT SHALL ENTER INTO FORCE ON 1 JANUARY 2001.",
    "Настоящее СОГЛАШЕНИЕ вступает в силу с даты получения последнего уведомления. Статья 12",
    "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ мен Әзірбайжан Республикасы арасындағы КЕЛІСІМ. 3-бап",
    "Azərbaycan Respublikası İLƏ Qazaxıstan Respublikası arasında SAZİŞ. Maddə 5. İmzalanmışdır",
    "Hər iki tərəf razılaşdılar ki, bu Saziş qüvvəyə minir. MADDƏ 7 ıI",
    "ՀԱՅԱՍՏԱՆԻ ՀԱՆՐԱՊԵՏՈՒԹՅԱՆ և Ղազախստանի միջև ՀԱՄԱՁԱՅՆԱԳԻՐ Հոդված 4",
    "ΣΥΜΦΩΝΊΑ μεταξύ της Ελληνικής Δημοκρατίας και ... ς σ Σ",
    "Artikel 9 — Dit VERDRAG treedt in werking op de eerste dag van de tweede maand.",
    "ARTICLE PREMIER Le présent ACCORD entre en vigueur le 1er janvier 1999. ſ",
]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt"))]
    return texts + AWKWARD + [t.upper() for t in AWKWARD] + [t.swapcase() for t in texts[:6]]


PARSER_PATTERNS = sorted(cl.COMPILED, key=lambda p: (p.pattern, p.flags))  # one order in every process


def test_the_parser_uses_caseless_patterns_and_nearly_all_run_fast() -> None:
    assert len(PARSER_PATTERNS) >= 40
    slow = [p.pattern[:60] for p in PARSER_PATTERNS if p.fast is None]
    assert len(slow) <= len(PARSER_PATTERNS) // 10, slow


@pytest.mark.parametrize("pattern", PARSER_PATTERNS, ids=lambda p: p.pattern[:30])
def test_every_parser_pattern_finds_what_ignorecase_finds(pattern: cl.Caseless) -> None:
    for text in _texts():
        got = [(m.span(), m.group(0), m.groups()) for m in pattern.finditer(text)]
        want = [(m.span(), m.group(0), m.groups()) for m in pattern.slow.finditer(text)]
        assert got == want, (pattern.pattern[:80], text[:80])
        found, expected = pattern.search(text), pattern.slow.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_groups_are_read_from_the_original_text() -> None:
    p = cl.caseless(r"(?P<word>entry) into (force)")
    m = p.search("The ENTRY INTO Force of it")
    assert m.group() == "ENTRY INTO Force"
    assert m.group("word", 2) == ("ENTRY", "Force")
    assert m["word"] == "ENTRY" and m.groupdict() == {"word": "ENTRY"}
    assert m.span(2) == (15, 20)
    assert m.re is p


def test_sub_split_and_findall_agree_with_ignorecase() -> None:
    text = "Article 1. ARTICLE 2 article 3 Artikel 4"
    pattern = r"(article) (\d)"
    fast, slow = cl.caseless(pattern), re.compile(pattern, re.I)
    assert fast.findall(text) == slow.findall(text)
    assert fast.split(text) == slow.split(text)
    assert fast.sub(r"<\2:\1>", text) == slow.sub(r"<\2:\1>", text)
    upper = lambda m: m.group(1).upper()  # noqa: E731
    assert fast.sub(upper, text, count=1) == slow.sub(upper, text, count=1)
    assert fast.subn("X", text) == slow.subn("X", text)


def test_classes_and_ranges_accept_both_cases() -> None:
    for pattern, text in [
        (r"[A-Z]{3}\d", "abc1 ABC2"),
        (r"[^А-Я]+", "абв123ГДЕ"),
        (r"[À-Þ]x", "àx Àx"),
        (r"\bQ[\u0430-\u044f]+", "qабв Qгде"),
    ]:
        assert [m.span() for m in cl.caseless(pattern).finditer(text)] == [
            m.span() for m in re.finditer(pattern, text, re.I)
        ], pattern


def test_a_capital_written_as_a_code_runs_the_ordinary_pattern() -> None:
    p = cl.caseless(r"\u0410\w+")  # "А…" spelt as a code: folding cannot see it
    assert p.fast is None
    assert p.search("абв").group() == "абв"


def test_text_whose_lower_case_is_longer_falls_back() -> None:
    p = cl.caseless(r"saziş")
    text = "İmza. SAZİŞ"  # "İ".lower() is two characters
    assert len(cl.fold(text)) != len(text)
    assert p.search(text).group() == re.search("saziş", text, re.I).group()
