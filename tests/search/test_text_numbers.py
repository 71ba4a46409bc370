"""Act numbers: one key whatever way they are written (archive.search.text), and one lexeme
in every analyser (archive.search.kazakh, archive.search.armenian), as the query has it."""

import string

import pytest

from archive.search import armenian, kazakh
from archive.search.query import _readings
from archive.search.text import _is_latin, act_number_digits, act_number_key, tokenise


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("№ 752", "752"),
        ("N 527", "527"),
        ("No. 527", "527"),
        ("Nr. 12", "12"),
        ("N° 3", "3"),
        ("#4", "4"),
        ("N527", "527"),
        ("1363-Ա", "1363ա"),
        ("N 1363-ա", "1363ա"),
        ("N 1363-Ն", "1363ն"),
        ("1363 Ա", "1363ա"),
        ("117-V", "117v"),
        ("27-ФЗ", "27фз"),
        ("№ 27–фз", "27фз"),
        ("№ ПП-4567", "пп4567"),
    ],
)
def test_the_sign_before_a_number_is_not_part_of_its_key(written, key):
    assert act_number_key(written) == key


@pytest.mark.parametrize("nothing", ["", None, "   "])
def test_no_number_has_the_empty_key(nothing):
    assert act_number_key(nothing) == ""
    assert act_number_digits(nothing) == ""


@pytest.mark.parametrize(
    ("analyse", "text", "number"),
    [
        # an Armenian government decision "N 1363-Ն" (Ն: normative): not the article -ն
        (armenian.analyse, "ՀՀ կառավարության 2017 թվականի N 1363-Ն որոշում", "1363-Ն"),
        # a year glued to its word, as OCR leaves it: not the possessive -ы of жыл
        (kazakh.analyse, "1997жылы 12 қарашада жасалды", "1997жылы"),
    ],
)
def test_a_number_token_is_one_lexeme_in_the_analyser_as_in_the_query(analyse, text, number):
    ((kind, (lexeme,)),) = _readings(number, None)
    assert kind == "number"
    assert lexeme in analyse(text)
    assert lexeme == number.replace("-", "").lower()


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("13-бапқа", [("13", 0, 2, "number"), ("бапқа", 3, 8, "word")]),  # to article 13
        ("2-ի", [("2", 0, 1, "number"), ("ի", 2, 3, "word")]),  # of the 2nd
        ("27-ФЗ", [("27фз", 0, 5, "number")]),
    ],
)
def test_a_lower_case_ending_after_a_number_is_a_word_of_its_own(text, tokens):
    assert tokenise(text) == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("12-bis", [("12bis", 0, 6, "number")]),  # Article 12-bis: a Latin suffix in lower case too
        ("117-v", [("117v", 0, 5, "number")]),  # the Kazakh law 117-V typed in lower case
    ],
)
def test_a_latin_suffix_after_a_number_makes_an_act_number(text, tokens):
    assert tokenise(text) == tokens


@pytest.mark.parametrize("letter", list(string.ascii_letters))
def test_every_ascii_letter_is_latin(letter):
    assert _is_latin(letter)
    assert _is_latin("bis" + letter)


@pytest.mark.parametrize("suffix", ["ФЗ", "фз", "ա", "Ա", "ä", "ß", "1", "-"])
def test_other_letters_are_not_latin(suffix):
    assert not _is_latin(suffix)
