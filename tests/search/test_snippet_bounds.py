"""Highlighting at the text's edges, of act numbers, within a candidate limit; where a snippet
opens next to a long unbroken run (archive.search.snippets)."""

from archive.search import snippets
from archive.search.analysis import stem_word
from archive.search.query import search

TREATY = [stem_word("treaty", "en")]


def test_the_last_word_of_a_text_is_highlighted():
    title = "Әскери барлау саласындағы ынтымақтастық туралы келісім"
    assert snippets.highlight_spans(title, "kk", [stem_word("келісім", "kk")]) == [(47, 54)]
    assert title[47:54] == "келісім"


def test_an_act_number_is_highlighted_as_the_query_reads_it():
    text = "ՀՀ կառավարության 2017 թվականի N 1363-Ն որոշում"
    lexemes = search("1363-Ն").lexemes
    assert lexemes == {"1363ն"}
    assert snippets.highlight_spans(text, "hy", lexemes) == [(32, 38)]
    assert text[32:38] == "1363-Ն"


def test_highlighting_stops_at_the_candidate_limit():
    text = " ".join(["The treaty"] * 5)  # "treaty" at 4, 15, 26, 37, 48
    assert snippets.highlight_spans(text, "en", TREATY, limit=3) == [(4, 10), (15, 21), (26, 32)]
    assert len(snippets.highlight_spans(text, "en", TREATY)) == 5


# the URL runs from 13 to 55 with no space in it; the match is at 63
PUBLISHED = "Published at https://adilet.zan.kz/eng/docs/Z1500000414 on the treaty of 2015 and its annexes"


def test_a_snippet_opens_on_the_word_boundary_less_than_30_characters_back():
    # width 132: the window would open 132 // 6 = 22 characters before the match, at 41, which
    # is 29 characters after the space at 12: it opens at the URL's beginning
    html = snippets.snippet(PUBLISHED, "en", TREATY, width=132)
    assert html == "…https://adilet.zan.kz/eng/docs/Z1500000414 on the <mark>treaty</mark> of 2015 and its annexes"


def test_a_snippet_opens_inside_a_long_run_30_characters_from_its_boundary():
    # width 126: 21 characters before the match, at 42, 30 characters after the space: not moved
    html = snippets.snippet(PUBLISHED, "en", TREATY, width=126)
    assert html == "…s/Z1500000414 on the <mark>treaty</mark> of 2015 and its annexes"
