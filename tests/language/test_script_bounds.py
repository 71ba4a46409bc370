"""script_of at the edges of the Latin Extended-B block: U+024F (ɏ) is its last letter."""

from __future__ import annotations

import pytest

from archive.language.scripts import script_of


@pytest.mark.parametrize("ch", ["\u00c0", "\u024e", "\u024f", "\u0259", "\u1e00", "\u1eff"])
def test_extended_latin_letters(ch):
    assert script_of(ch) == "latin"
