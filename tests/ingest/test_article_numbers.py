"""Article numbers and their order (archive.ingest.segment): what follows what."""

import pytest

from archive.ingest.segment import _follows, _hundreds, _num_key


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("12", (12, 0, 0)),
        ("1.2", (1, 2, 0)),
        ("12bis", (12, 0, 1)),  # the first inserted after 12, as 12-1 and 12a
        ("12ter", (12, 0, 2)),
        ("12-1", (12, 0, 1)),
        ("12-3", (12, 0, 3)),
        ("12a", (12, 0, 1)),
        ("12c", (12, 0, 3)),
        ("1.2-2", (1, 2, 2)),
        ("IV", (4, 0, 0)),
        ("IX", (9, 0, 0)),
        ("XIV", (14, 0, 0)),
        ("XL", (40, 0, 0)),
        ("LXXXIX", (89, 0, 0)),
        ("IIbis", (2, 0, 1)),
    ],
)
def test_an_article_number_reads_as_article_sub_article_insertion(number, key):
    assert _num_key(number) == key


@pytest.mark.parametrize("number", ["", "twelve", "12z", "1..2", "IIV2"])
def test_what_is_not_an_article_number(number):
    assert _num_key(number) is None


def test_the_suffixes_keep_their_order():
    numbers = ("12", "12bis", "12ter", "12quater", "12quinquies", "12sexies")
    assert [_num_key(n)[2] for n in numbers] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("prev", "cur", "gap"),
    [
        ("1", "2", 0),
        ("12", "12bis", 0),
        ("12-1", "12-2", 0),
        ("1.1", "1.2", 0),
        ("1.1", "1.4", 2),  # over a gap of two missing numbers
        ("12", "12.1", 0),
        ("1.9", "2.1", 0),
        ("3.4", "5.1", 1),  # a chapter without articles
        ("3", "6", 2),
    ],
)
def test_the_next_article(prev, cur, gap):
    assert _follows(_num_key(prev), _num_key(cur), gap)


@pytest.mark.parametrize(
    ("prev", "cur", "gap"),
    [
        ("1", "1", 0),
        ("2", "1", 0),
        ("1", "3", 0),  # a number missing, and no gap allowed
        ("3", "7", 2),
        ("1.1", "1.3", 0),
        ("1.1", "1.5", 2),
        ("12", "12.2", 0),  # a sub-article starts at 1
        ("1.2", "2.2", 0),  # a new article starts at its first sub-article
        ("12", "12ter", 0),
        ("12", "13bis", 0),
        ("1.2", "3.1", 0),
    ],
)
def test_not_the_next_article(prev, cur, gap):
    assert not _follows(_num_key(prev), _num_key(cur), gap)


def test_three_digit_numbers_in_the_hundreds_scheme_are_chapter_and_article():
    # 101, 102 … 201: chapter 1 article 1, chapter 1 article 2 … chapter 2 article 1
    assert _hundreds((101, 0, 0)) == (1, 1, 0)
    assert _hundreds((215, 0, 1)) == (2, 15, 1)
    assert _hundreds((99, 0, 0)) == (99, 0, 0)  # below 100: an article number as it is
    assert _hundreds((101, 2, 0)) == (101, 2, 0)  # already with a sub-article: as it is
    assert _follows(_hundreds((109, 0, 0)), _hundreds((201, 0, 0)))
