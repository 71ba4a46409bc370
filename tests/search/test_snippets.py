"""Snippets and highlighting: the same words as a full word-by-word analysis, found by
looking only near the places that can match, and safe HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.search import snippets
from archive.search.analysis import stem_word
from archive.search.query import search
from archive.search.text import clean, tokenise

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
REAL = Path(__file__).resolve().parents[1] / "ingest" / "real"


def _full(text: str, language: str, lexemes) -> list[tuple[int, int]]:
    """The reference: every word of the text stemmed."""
    return snippets._matches(tokenise(text), language, set(lexemes))


def _texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = clean(path.read_text(encoding="utf-8"))
        out.append((text, "hy" if "Հ" in text[:5000] else "kk"))
    for path in sorted(REAL.glob("ru_0*.txt"))[:4]:
        out.append((clean(path.read_text(encoding="utf-8")), "ru"))
    return out


QUERIES = ["военная разведка", "барлау", "келісім", "համաձայնագիր", "752", "ратифицировать соглашение", "Астане"]


@pytest.mark.parametrize("q", QUERIES)
def test_highlighting_finds_exactly_what_a_full_analysis_finds(q):
    lexemes = search(q).lexemes
    found_any = False
    for text, language in _texts():
        got = snippets.highlight_spans(text, language, lexemes)
        assert got == _full(text, language, lexemes), (q, text[:60])
        found_any = found_any or bool(got)
    assert found_any, q


def test_damaged_words_with_latin_look_alikes_are_still_highlighted():
    text = "Қазақстан Республикасының Үкiметi мен Әзiрбайжан Республикасының Үкiметi арасындағы келiсiм"
    lexemes = [stem_word("үкіметі", "kk")]
    assert snippets.highlight_spans(text, "kk", lexemes) == _full(text, "kk", lexemes) != []


def test_a_huge_article_is_analysed_only_near_the_matches(monkeypatch):
    filler = "The Parties shall cooperate in the field of trade and investment. " * 6000  # ~400 kB
    text = filler + " the rules of origin apply. " + filler
    lexemes = [stem_word("origin", "en")]
    calls = []
    real = snippets.stem_word
    monkeypatch.setattr(snippets, "stem_word", lambda w, lang: calls.append(w) or real(w, lang))
    html = snippets.snippet(text, "en", lexemes)
    assert "<mark>origin</mark>" in html
    assert len(calls) < 100  # of ~60,000 words
    assert snippets.highlight_spans(clean(text), "en", lexemes) == _full(clean(text), "en", lexemes)


def test_a_snippet_is_safe_html_with_the_text_escaped():
    html = snippets.snippet("<b>x</b> military intelligence & co", "en", [stem_word("intelligence", "en")])
    assert html.__html__() == html  # a SafeString: templates render it as is
    assert "&lt;b&gt;" in html and "<mark>intelligence</mark>" in html and "&amp;" in html


def test_a_text_where_no_candidate_shows_is_analysed_only_up_to_the_cap(monkeypatch):
    text = "слово " * 20_000  # 120,000 characters, no candidate for the lexeme
    calls = []
    real = snippets.stem_word
    monkeypatch.setattr(snippets, "stem_word", lambda w, lang: calls.append(w) or real(w, lang))
    assert snippets.highlight_spans(text, "ru", ["зzzz"]) == []
    assert 0 < len(calls) <= snippets.FULL_SCAN_CAP // 6 + 1  # the capped full scan, not 20,000 words


def _words(n: int, **put: str) -> str:
    # "word00 word01 …": every word 6 letters and a space, so word i starts at 7 * i
    return " ".join(put.get(f"w{i}", f"word{i:02d}") for i in range(n))


TREATY = [stem_word("treaty", "en")]


def test_a_snippet_starts_a_few_words_before_the_match_and_ends_on_whole_words():
    # width 70: the window opens 70 // 6 = 11 characters before the match (at 350), moved back to
    # the word boundary (word 48 at 336), and closes after 70 characters (406) at the end of that
    # word (412, word 58); text is cut on both sides: an ellipsis on both
    html = snippets.snippet(_words(100, w50="treaty"), "en", TREATY, width=70)
    inner = " ".join(f"word{i:02d}" for i in range(51, 59))
    assert html == f"…word48 word49 <mark>treaty</mark> {inner}…"


def test_a_snippet_at_the_start_or_the_end_of_the_text_has_no_ellipsis_there():
    # the window would open 35 // 6 = 5 characters before the match (at 7), inside the first word:
    # it opens at the text's beginning, not "…rd00"
    head = snippets.snippet(_words(20, w1="treaty"), "en", TREATY, width=35)
    assert head == "word00 <mark>treaty</mark> word02 word03 word04 word05…"
    # it would close at 98 + 38 = 136, inside the last word (133-139): it closes at the text's end
    tail = snippets.snippet(_words(20, w15="treaty"), "en", TREATY, width=38)
    assert tail == "…word14 <mark>treaty</mark> word16 word17 word18 word19"


def test_a_snippet_shows_the_densest_group_of_matches():
    text = _words(100, w10="treaty", w70="treaty", w72="treaty", w74="treaty")
    html = snippets.snippet(text, "en", TREATY, width=70)
    assert html.count("<mark>treaty</mark>") == 3 and "word10" not in html and "word69" in html


def test_without_a_match_the_snippet_is_the_beginning():
    assert snippets.snippet(_words(20), "en", TREATY, width=20) == "word00 word01 word02…"
    assert snippets.snippet("word00 word01", "en", TREATY, width=20) == "word00 word01"
