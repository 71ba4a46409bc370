"""_chain_back: where the run of party names that ends a text begins — with the first party's
own words before its country, and not past a sentence break."""

import pytest

from archive.ingest.parties import _chain_back


@pytest.mark.parametrize(
    ("text", "language", "chain"),
    [
        (
            "Соглашение между Правительством Республики Казахстан и Правительством Кыргызской Республики",
            "ru",
            "Правительством Республики Казахстан и Правительством Кыргызской Республики",
        ),
        (
            "Қазақстан Республикасы, Қырғыз Республикасы және Тәжікстан Республикасы",
            "kk",
            "Қазақстан Республикасы, Қырғыз Республикасы және Тәжікстан Республикасы",
        ),
        (  # the sentence before is not part of the run
            "Шекара туралы Қазақстан Республикасы мен Қырғыз Республикасы келісті. Тәжікстан Республикасы",
            "kk",
            "Тәжікстан Республикасы",
        ),
    ],
)
def test_the_run_of_parties_that_ends_the_text(text, language, chain):
    assert text[_chain_back(text, language) :] == chain
