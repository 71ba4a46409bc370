"""The script a text is written in (archive.language.scripts)."""

import pytest

from archive.language.scripts import detect_script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Қазақстан Республикасы and Baku", "cyrillic"),  # more Cyrillic letters than Latin
        ("Azərbaycan Respublikası Қ", "latin"),
        ("Հայաստանի Հանրապետություն, 2024", "armenian"),
        ("12 34 — 56", None),  # no letter
        ("", None),
    ],
)
def test_the_script_of_most_letters(text, script):
    assert detect_script(text) == script


def test_only_the_first_20000_characters_count():
    assert detect_script("a" * 20000 + "б" * 30000) == "latin"
