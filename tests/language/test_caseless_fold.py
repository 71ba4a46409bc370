"""Folding a pattern (archive.language.caseless): classes, ranges, group names and inline flags
come through so that the fast pattern finds what ``re.IGNORECASE`` finds — and it *is* the fast
pattern that runs, not the fallback."""

import re

import pytest

from archive.language.caseless import caseless


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        # a negated class after other text: "^" negates, "-" right after it is a plain hyphen
        (r"\d[^-а]", "5б 6а 7-", ["5б"]),
        # an escaped class inside a class: \W is "not a word character", the letter W is not in it
        (r"[\W_]+", "Warsaw Convention_1929", [" ", "_"]),
        # a range of digits, then a literal "]" outside the class (a footnote mark)
        (r"\[[0-9]+]", "Статья 5 [12] настоящего Соглашения", ["[12]"]),
        (r"[а-я]+", "СТАТЬЯ 5", ["СТАТЬЯ"]),
        # a range whose upper end is an escape
        (r"[а-\u044f]+", "АБВ где", ["АБВ", "где"]),
        # a named group holding capitals is folded like the rest
        (r"(?P<state>Республика) Казахстан", "РЕСПУБЛИКА КАЗАХСТАН", ["РЕСПУБЛИКА"]),
        # a back-reference ends at its ")", and what follows it is folded too
        (
            r"(?P<w>статья) \d+ и (?P=w) \d+ НАСТОЯЩЕГО (?P<doc>соглашения)",
            "Статья 3 и статья 4 настоящего Соглашения",
            [("Статья", "Соглашения")],
        ),
        # a group name in capitals, and its back-reference
        (r"(?P<Year>\d{4}) и (?P=Year)", "2001 и 2001", ["2001"]),
        # an inline flag, then the rest of the pattern
        (r"(?x) рес  публика", "РЕСПУБЛИКА", ["РЕСПУБЛИКА"]),
        (r"(?s)статья.+?настоящего", "СТАТЬЯ 2\nНАСТОЯЩЕГО", ["СТАТЬЯ 2\nНАСТОЯЩЕГО"]),
    ],
)
def test_the_folded_pattern_runs_fast_and_finds_what_ignorecase_finds(pattern, text, found):
    p = caseless(pattern)
    assert p.fast is not None, "a foldable pattern must not fall back to IGNORECASE"
    assert p.findall(text) == found
    assert re.findall(pattern, text, re.IGNORECASE) == found


def test_a_space_or_hyphen_class_keeps_commas_out():
    # "[ -]" is a space and a hyphen, not the range from space to hyphen (which holds the comma)
    parts = caseless(r"[ -]+").split("Республика Казахстан, Кыргызская Республика, Нур-Султан")
    assert parts == ["Республика", "Казахстан,", "Кыргызская", "Республика,", "Нур", "Султан"]


def test_split_of_a_foldable_text_uses_the_fast_pattern(monkeypatch):
    p = caseless(r",\s*")
    assert p.fast is not None
    monkeypatch.setattr(p, "slow", None)  # the fallback is not to be used for this text
    assert p.split("Казахстан, Армения,Грузия") == ["Казахстан", "Армения", "Грузия"]
    assert p.split("Казахстан, Армения,Грузия", 1) == ["Казахстан", "Армения,Грузия"]


def test_sub_of_a_foldable_text_uses_the_fast_pattern(monkeypatch):
    p = caseless("республика")
    assert p.fast is not None
    monkeypatch.setattr(p, "slow", None)  # the fallback is not to be used for this text
    text = "РЕСПУБЛИКА Казахстан, республика Армения"
    assert p.sub("Р.", text) == "Р. Казахстан, Р. Армения"
    assert p.subn("Р.", text, 1) == ("Р. Казахстан, республика Армения", 1)
