"""named_agreements on Kazakh decrees: the offsets select the title as written, and the
"attached" words before a head-last title are not part of it."""

from __future__ import annotations

from archive.ingest.naming import named_agreements

_KK_TITLE = (
    "Қазақстан Республикасының Үкіметі мен Армения Республикасының Үкіметі арасындағы "
    "мәдениет саласындағы ынтымақтастық туралы келісім"
)


def test_head_last_title_after_the_signing_participle_has_exact_offsets():
    text = (
        "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
        f"1. 2015 жылғы 2 маусымда Астанада жасалған {_KK_TITLE} бекітілсін."
    )
    [n] = named_agreements(text)
    assert n.title == _KK_TITLE
    assert n.start == text.index(_KK_TITLE)
    assert n.end == n.start + len(_KK_TITLE)
    assert text[n.start : n.end] == _KK_TITLE
    assert n.operative


def test_attached_words_are_not_part_of_the_title():
    # "Қоса беріліп отырған" (attached): the title starts after it, even in lower case
    text = "Қоса беріліп отырған халықаралық автомобиль қатынасы туралы келісім мақұлдансын."
    [n] = named_agreements(text)
    assert n.title == "халықаралық автомобиль қатынасы туралы келісім"
    assert (n.start, n.end) == (21, 67)


def test_title_after_signed_in_lower_case_has_exact_offsets():
    text = (
        "2015 жылғы 2 маусымда Астанада қол қойылған халықаралық автомобиль қатынасы туралы келісім ратификациялансын."
    )
    [n] = named_agreements(text)
    assert n.title == "халықаралық автомобиль қатынасы туралы келісім"
    assert n.start == text.index("халықаралық")
    assert text[n.start : n.end] == n.title
