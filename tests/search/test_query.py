"""Query parsing (web-search syntax) and compilation to tsquery strings."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.search.query import (
    MAX_CHARS,
    MAX_TERMS,
    Phrase,
    Query,
    Term,
    compile_query,
    parse_query,
    quote_lexeme,
    search,
)

from .tsquery_check import validate


def items(q: Query):
    return [list(g.items) for g in q.groups]


def test_terms_and_phrases():
    q = parse_query('военная "әскери барлау" 752')
    assert items(q) == [[Term("военная")], [Phrase(("әскери", "барлау"))], [Term("752")]]
    assert not q.is_empty and not q.truncated


def test_typographic_quotes():
    assert items(parse_query("«әскери барлау»")) == [[Phrase(("әскери", "барлау"))]]
    assert items(parse_query("“military intelligence”")) == [[Phrase(("military", "intelligence"))]]


def test_or_and_exclusion():
    q = parse_query('treaty OR agreement Azerbaijan -memorandum -"exchange of notes"')
    assert items(q) == [[Term("treaty"), Term("agreement")], [Term("Azerbaijan")]]
    assert q.excluded == (Term("memorandum"), Phrase(("exchange", "of", "notes")))


def test_lowercase_or_is_a_word_and_stray_or_ignored():
    assert items(parse_query("war or peace")) == [[Term("war")], [Term("or")], [Term("peace")]]
    assert items(parse_query("OR peace OR")) == [[Term("peace")]]
    assert items(parse_query("a OR OR b")) == [[Term("a"), Term("b")]]


def test_hyphenated_word_is_a_phrase_and_act_numbers_whole():
    assert items(parse_query("қарым-қатынас")) == [[Phrase(("қарым", "қатынас"))]]
    assert items(parse_query("27-ФЗ 1363-Ա")) == [[Term("27фз")], [Term("1363ա")]]


def test_unbalanced_quote_and_punctuation():
    assert items(parse_query('"unbalanced foo')) == [[Term("unbalanced")], [Term("foo")]]
    assert items(parse_query("!!! ,,, ... ;;;")) == []
    assert parse_query("!!! ...").is_empty


def test_only_exclusions_is_empty():
    q = parse_query("-foo -bar")
    assert q.is_empty
    assert compile_query(q).tsquery is None


def test_caps():
    q = parse_query(" ".join(f"w{i}x" for i in range(100)))
    assert q.truncated
    assert len(q.words()) <= MAX_TERMS
    q = parse_query("a" * 10_000)
    assert q.truncated
    assert len(q.raw) <= MAX_CHARS


HOSTILE = [
    "'; DROP TABLE archive_agreement; --",
    "a & b | !c <-> (d) :* e:A",
    "' '' ''' \\ \\\\ \\'",
    "foo\x00bar \x00\x01\x02",
    "😀🔥 military 😀",
    "\u202eevil\u202c \u200f\u200e rtl",
    "(((((((((((",
    ")))))",
    "<-> <-> <->",
    '"""""',
    "-",
    "--",
    "- - -",
    "OR",
    "OR OR OR",
    "x" * 10_000,
    "war " * 3000,
    "\ud800",  # lone surrogate
    "\\x00",
    "$$ $tag$ E'\\x'",
    "%s %(q)s {} {0}",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_strings(q):
    parsed = parse_query(q)
    compiled = compile_query(parsed)
    if compiled.tsquery is not None:
        validate(compiled.tsquery)
        for ch in ":*\\;$%{}":
            assert ch not in compiled.tsquery


def test_quote_lexeme():
    assert quote_lexeme("барлау") == "'барлау'"
    assert quote_lexeme("a'b") == "'ab'"
    assert quote_lexeme("!&|") is None


def test_compile_term_alternatives_for_script():
    c = search("военная")
    validate(c.tsquery)
    assert "'воен'" in c.tsquery  # Russian analyser
    assert "'военная'" in c.tsquery  # Kazakh analyser (no Russian morphology)
    c = search("askeri")
    assert "'әскери'" in c.tsquery  # Latin-Kazakh transliteration
    c = search("ռազմական")
    assert c.tsquery == "'ռազմակա'"


def test_compile_phrase():
    c = search('"әскери барлау"')
    validate(c.tsquery)
    assert "('әскери' <-> 'барлау')" in c.tsquery


def test_compile_or_and_not():
    c = search("treaty OR agreement -memorandum")
    validate(c.tsquery)
    assert " | " in c.tsquery and "!" in c.tsquery
    assert c.tsquery.index("!") > c.tsquery.index("treati")


def test_numbers_exact():
    c = search("752 27-ФЗ")
    assert c.tsquery == "('752' & '27фз')"


def test_concept_expansion():
    c = search("военная разведка")
    validate(c.tsquery)
    assert c.matched_concepts == ["military-intelligence"]
    for lex in ("('әскери' <-> 'барлау')", "('militari' <-> 'intellig')", "'hərb'"):
        assert lex in c.tsquery
    assert "әскери" in c.lexemes
    assert c.highlight_terms == ["военная", "разведка"]


def test_concept_expansion_with_other_terms():
    c = search("Azerbaijan military intelligence 2024")
    validate(c.tsquery)
    assert c.matched_concepts == ["military-intelligence"]
    assert "'2024'" in c.tsquery


def test_empty():
    for q in ("", "   ", "...", '""', "-x"):
        c = search(q)
        assert c.is_empty and c.tsquery is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_and_compiles(q):
    parsed = parse_query(q)
    assert isinstance(parsed, Query)
    assert len(parsed.words()) <= MAX_TERMS
    compiled = compile_query(parsed)
    if compiled.tsquery is not None:
        validate(compiled.tsquery)
    else:
        assert parsed.is_empty


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(['"', "-", "OR", "|", "(", ")", "'", "&", "!", "<->", ":*", " "]),
            st.text(alphabet="абвәқңүіxyz0123456789ռա", min_size=1, max_size=8),
        ),
        max_size=40,
    )
)
def test_syntax_soup_compiles(parts):
    compiled = search(" ".join(parts))
    if compiled.tsquery is not None:
        validate(compiled.tsquery)
