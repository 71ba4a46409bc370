"""segment at its edges: a country's name broken across two lines of a title, a law cut off
after its first article heading."""

import pytest

from archive.ingest.normalise import normalise
from archive.ingest.pipeline import parse_text
from archive.ingest.segment import _name_across, segment

TITLE = "Соглашение между Правительством Республики Казахстан и Правительством Кыргызской"
REST = "Республики о сотрудничестве в области образования"


def test_a_country_name_broken_across_two_lines_runs_on():
    assert _name_across(TITLE, REST)


def test_a_country_name_that_ends_the_first_line_does_not_run_on():
    # "… Республики Казахстан" is whole: "и Правительством …" starts no name of its own
    a = "Соглашение между Правительством Республики Казахстан"
    assert not _name_across(a, "и Правительством Кыргызской Республики о сотрудничестве")


def test_a_next_paragraph_of_300_characters_may_continue_the_title_but_not_of_301():
    b = (REST + " и науки" * 40)[:300]
    assert len(b) == 300 and b[-1] not in ".,"
    assert _name_across(TITLE, b)
    assert not _name_across(TITLE, b + "и")


@pytest.mark.parametrize(
    "text",
    [
        "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\n\nО ратификации Соглашения между Правительством Республики Казахстан и "
        "Правительством Кыргызской Республики о сотрудничестве в области образования\n\nСтатья 1",
        "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\n\nСтатья 1",
        "Статья 1",
    ],
)
def test_a_text_cut_off_after_its_first_article_heading_is_read(text):
    seg = segment(normalise(text).text)
    assert [a.number for a in seg.articles] == ["1"]
    assert parse_text(text).error is None


def _run(bodies: list[str | None]) -> list:
    from archive.ingest.segment import _Heading

    return [
        _Heading(index=10 + k, number=str(k + 1), key=(k + 1, 0, 0), heading=None, body=body, label=f"Статья {k + 1}")
        for k, body in enumerate(bodies)
    ]


def test_a_run_of_headings_four_fifths_empty_is_a_table_of_contents():
    from archive.ingest.segment import _is_contents

    # six headings one after another; one of the five gaps holds a first sentence
    assert _is_contents(_run([None, None, "Стороны сотрудничают.", None, None, None]))
    assert not _is_contents(_run([None, "Стороны сотрудничают.", "Стороны обмениваются.", None, None, None]))


def test_a_title_line_ending_in_a_conjunction_opens_the_title_inside_the_region_only():
    from archive.ingest.segment import _grow_title

    paras = [
        "Соглашение между Правительством Республики Казахстан и",
        "Правительством Кыргызской Республики о сотрудничестве в области образования",
        "Статья 1",
    ]
    assert _grow_title(paras, 1, 0, 2) == (f"{paras[0]} {paras[1]}", 0, 1)
    assert _grow_title(paras, 1, 1, 2) == (paras[1], 1, 1)  # the line before the region is not read


def test_a_paragraph_of_300_characters_before_the_title_is_not_part_of_it():
    from archive.ingest.segment import _grow_title

    first = "Соглашение между Правительством Республики Казахстан"
    long = (first + " и Правительством" * 20)[:298].rstrip() + " и"
    long = long + " и" * ((300 - len(long)) // 2)
    assert len(long) == 300 and long.endswith(" и")
    paras = [long, "Правительством Кыргызской Республики о сотрудничестве в области образования", "Статья 1"]
    assert _grow_title(paras, 1, 0, 2) == (paras[1], 1, 1)
    shorter = [long[:297].rstrip() + " и", *paras[1:]]
    assert len(shorter[0]) < 300
    assert _grow_title(shorter, 1, 0, 2) == (f"{shorter[0]} {paras[1]}", 0, 1)
