"""Party phrases: Armenian nominatives, preamble openings (archive.ingest.parties)."""

import pytest

from archive.ingest.parties import _hy_nominative, opens_preamble


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        # the last word takes the nominative; the genitives before it stay ("of the Republic of …")
        ("Հայաստանի Հանրապետության կառավարության", "Հայաստանի Հանրապետության կառավարություն"),
        ("Ղազախստանի Հանրապետությունը", "Ղազախստանի Հանրապետություն"),  # the article -ը dropped
        ("Հայաստանի", "Հայաստան"),  # the genitive -ի dropped
        ("Ղազախստանի Հանրապետություն", "Ղազախստանի Հանրապետություն"),  # already nominative
        ("ՀՀԻ", "ՀՀԻ"),  # too short to carry an ending
        ("", ""),
    ],
)
def test_an_armenian_party_phrase_in_the_nominative(phrase, nominative):
    assert _hy_nominative(phrase) == nominative


@pytest.mark.parametrize(
    ("paragraph", "opens"),
    [
        ("Бұдан әрі Тараптар деп аталатын Қазақстан Республикасының Үкіметі мен", True),
        (
            "The Government of the Republic of Kazakhstan and the Government of the Republic of Armenia, "
            "hereinafter referred to as the Parties,",
            True,
        ),
        ("hereinafter referred to as the Parties", False),  # no party named
        ("Статья 1", False),
    ],
)
def test_a_preamble_opens_with_the_parties(paragraph, opens):
    assert opens_preamble(paragraph) is opens
