"""detect_script counts every letter: the first letters do not decide."""

import pytest

from archive.language.scripts import detect_script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("UNESCO и Республика Казахстан", "cyrillic"),  # 6 Latin letters, 20 Cyrillic
        ("ЮНЕСКО and the Republic of Kazakhstan", "latin"),
        ("ЕАЭС Հայաստանի Հանրապետություն", "armenian"),
    ],
)
def test_the_majority_script_wins_whatever_comes_first(text, script):
    assert detect_script(text) == script
