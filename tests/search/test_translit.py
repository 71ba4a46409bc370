"""Latin-alphabet Kazakh → Cyrillic candidates (archive.search.translit)."""

import pytest

from archive.search.kazakh import stem
from archive.search.translit import latin_to_kazakh, looks_like_latin_kazakh

BEST = [
    ("askeri barlau", "әскери барлау"),
    ("äskeri barlau", "әскери барлау"),
    ("ukimet", "үкімет"),
    ("ükımet", "үкімет"),  # 2021 alphabet: ı = і
    ("kazakstan", "қазақстан"),
    ("qazaqstan", "қазақстан"),
    ("Kazakhstan", "Қазақстан"),
    ("Qazaqstan Respublikasy", "Қазақстан Республикасы"),
    ("Qazaqstan Respublikasynyñ Ükımetı", "Қазақстан Республикасының Үкіметі"),
    ("yntymaqtastyq", "ынтымақтастық"),
    ("ulttyq qauipsizdik", "ұлттық қауіпсіздік"),
    ("ukimettik bailanys", "үкіметтік байланыс"),
    ("kelisim", "келісім"),
    ("memlekettik shekara", "мемлекеттік шекара"),
    ("strategialyq ariptestik", "стратегиялық әріптестік"),
    ("ūlttyq", "ұлттық"),
]


@pytest.mark.parametrize(("latin", "cyrillic"), BEST)
def test_best_candidate(latin, cyrillic):
    cands = latin_to_kazakh(latin)
    assert cands[0] == cyrillic, cands
    assert len(cands) <= 4


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("Azerbaijan", "Әзербайжан"), ("askeri", "әскері"), ("kazakstan", "казакстан")],
)
def test_alternatives_offered(latin, cyrillic):
    assert cyrillic in latin_to_kazakh(latin)


def test_vocabulary_reranks():
    vocab = {stem("ұлттық"), stem("әскері")}
    assert latin_to_kazakh("askeri", vocab.__contains__)[0] == "әскері"
    # a failing vocabulary callable is ignored
    assert latin_to_kazakh("ukimet", lambda _w: 1 / 0)[0] == "үкімет"


@pytest.mark.parametrize("text", ["", "   ", "123", "!!!", "\x00", "😀", "әскери"])
def test_never_raises(text):
    assert isinstance(latin_to_kazakh(text), list)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("askeri barlau", True),
        ("Qazaqstan Respublikasy", True),
        ("yntymaqtastyq", True),
        ("military intelligence", False),
        ("the treaty of friendship", False),
        ("военная разведка", False),
        ("", False),
    ],
)
def test_looks_like_latin_kazakh(text, expected):
    assert looks_like_latin_kazakh(text) is expected
