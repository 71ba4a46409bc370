"""token_texts: a number and the letters after it are one token when the letters are glued
on ("2015ж", "12bis"), in capitals ("27-ФЗ", "1363-Ա") or Latin ("12-bis"); a lower-case word
after a hyphen ("5-бап": article 5) is a word of its own."""

from __future__ import annotations

import pytest

from archive.search.text import token_texts


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("5-бап", [("5", False), ("бап", True)]),
        ("1363-Ա", [("1363ա", False)]),
        ("27-ФЗ", [("27фз", False)]),
        ("2015ж", [("2015ж", False)]),
        ("12bis", [("12bis", False)]),
        ("12-bis", [("12bis", False)]),
    ],
)
def test_number_suffixes(text, tokens):
    assert token_texts(text) == tokens
