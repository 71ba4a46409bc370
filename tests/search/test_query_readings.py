"""Query parsing limits, readings of numbers and scripts, and compiled exclusions
(archive.search.query)."""

import pytest

from archive.search import query as query_module
from archive.search.query import (
    MAX_TERMS,
    Phrase,
    Query,
    Term,
    _readings,
    _script_of_text,
    compile_query,
    parse_query,
)
from archive.search.text import clean, tokenise


def items(q: Query):
    return [list(g.items) for g in q.groups]


# ----------------------------------------------------------------------------- parsing
def test_one_quoted_word_is_a_term():
    assert items(parse_query('"барлау"')) == [[Term("барлау")]]


def test_a_typographic_quote_closed_by_a_straight_one_is_a_phrase():
    assert items(parse_query('«әскери барлау" келісім')) == [[Phrase(("әскери", "барлау"))], [Term("келісім")]]


def test_the_sign_before_a_number_is_dropped():
    assert items(parse_query("Приказ № 752")) == [[Term("Приказ")], [Term("752")]]


# a 31-word title: one word of room is left for the phrase that follows it
TITLE = (
    "Agreement between the Government of the Republic of Kazakhstan and the Government of the Republic"
    " of Armenia on cooperation in the field of training of military personnel and exchange of information"
)


def test_a_phrase_cut_at_the_word_limit_to_one_word_is_a_term():
    words = TITLE.split()
    assert len(words) == MAX_TERMS - 1
    q = parse_query(TITLE + ' "military intelligence"')
    assert q.truncated
    assert len(q.groups) == MAX_TERMS
    assert items(q)[-1] == [Term("military")]
    assert q.words() == [*words, "military"]


PHRASES = [
    "free trade",
    "air defence",
    "state border",
    "war graves",
    "road haulage",
    "customs union",
    "visa regime",
    "arms supplies",
    "border guard",
    "energy sector",
    "tax evasion",
    "dual taxation",
    "gas supply",
    "joint exercises",
    "legal aid",
    "mutual aid",
    "civil aviation",
]


def test_the_words_of_quoted_phrases_count_towards_the_limit():
    text = " ".join(f'"{p}"' for p in PHRASES)  # 17 phrases, 34 words, under MAX_CHARS
    q = parse_query(text)
    assert q.truncated
    assert items(q) == [[Phrase(tuple(p.split()))] for p in PHRASES[:16]]  # 32 words


def test_parse_query_falls_back_to_an_empty_query(monkeypatch):
    def broken(_q):
        raise RuntimeError("a bug")

    monkeypatch.setattr(query_module, "_parse", broken)
    assert parse_query("military intelligence") == Query(raw="military intelligence")
    assert parse_query(None) == Query(raw="")


# ----------------------------------------------------------------------------- readings
def test_a_number_is_read_as_a_number_only():
    assert _readings("752", None) == [("number", ("752",))]
    # an act number with a Latin suffix is matched exactly, not transliterated into Kazakh
    assert _readings("153-VI", None) == [("number", ("153vi",))]
    assert compile_query("153-VI").tsquery == "'153vi'"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("1363-ա", "1363-Ա"),  # an Armenian decision
        ("27-фз", "27-ФЗ"),  # a Russian federal law
        ("1-фкз", "1-ФКЗ"),  # a Russian federal constitutional law
        ("1-бап", "1-БАП"),  # a Kazakh heading in capitals: article 1
        ("1-бабы", "1-БАБЫ"),  # four letters: still one token in capitals
        ("1-бапта", "1-БАПТА"),  # five letters: never an act number
    ],
)
def test_a_number_with_a_lower_case_suffix_is_also_read_as_the_act_number(typed, written):
    tokens = tokenise(clean(written))
    number_readings = [lex for lang, lex in _readings(typed, None) if lang == "number"]
    if len(tokens) == 1:  # the tokeniser makes one act-number lexeme of the text in capitals
        assert tokens[0].kind == "number"
        assert number_readings == [(tokens[0].text,)]
    else:
        assert number_readings == []


def test_a_word_in_no_analysed_script_is_read_as_english():
    assert _readings("Ελλάδα", None) == [("en", ("ελλάδα",))]


def test_any_cyrillic_letter_makes_the_text_cyrillic():
    assert _script_of_text("NATO мен ынтымақтастық") == "cyrillic"
    # a Latin K typed for the Cyrillic one: read by the Cyrillic analysers, like the word itself
    assert _script_of_text("Kазақстан") == "cyrillic"
    assert compile_query("Kазақстан").tsquery == compile_query("Казақстан").tsquery


# ----------------------------------------------------------------------------- compiling
def test_an_excluded_synonym_excludes_its_own_words_and_its_concept():
    # "intelligence cooperation" is a synonym of military-intelligence, not one of its labels
    cq = compile_query('agreement -"intelligence cooperation"')
    negatives = cq.negative_tsquery.split(" & ")
    assert "!('intellig' <-> 'cooper')" in negatives  # the words excluded, as typed (en)
    assert "!('militari' <-> 'intellig')" in negatives  # and the concept's labels
    assert "!('әскери' <-> 'барлау')" in negatives
    assert "!('воен' <-> 'разведк')" in negatives
    assert cq.tsquery.startswith("('agreement' | ")


def test_only_exclusions_keep_the_parsed_query():
    cq = compile_query("-меморандум")
    assert cq.is_empty
    assert cq.query == parse_query("-меморандум")
    assert cq.query.excluded == (Term("меморандум"),)


def test_no_phrase_no_relaxed_query():
    assert compile_query("752").relaxed_tsquery is None
    assert compile_query("сотрудничество").relaxed_tsquery is None


def test_the_relaxed_query_joins_a_phrase_with_and():
    cq = compile_query('"әскери барлау"')
    assert "('әскери' <-> 'барлау')" in cq.tsquery
    assert cq.relaxed_tsquery == cq.tsquery.replace(" <-> ", " & ")


def test_a_truncated_query_says_so_when_compiled():
    assert compile_query(TITLE + ' "military intelligence"').truncated is True
    assert compile_query(TITLE).truncated is False
