"""stub_title_problem says in words why a cited title cannot name a stub."""

import pytest

from archive.ingest.quality import stub_title_problem


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        (None, "no title"),
        ("«»", "no title"),
        ("Договор", "too short"),
        ("глашением", "starts mid-word"),  # the end of "Соглашением"
        ("ement between the Republic of Kazakhstan and Japan", "no treaty word"),
        ("This Agreement shall enter into force on the date of signature", "a sentence, not a name"),
        ("Соглашение о сотрудничестве. Стороны договорились", "more than one sentence"),
        ("Соглашение между Республикой Казахстан и", "cut off mid-sentence"),
    ],
)
def test_the_reason_a_title_is_refused(title, reason):
    assert stub_title_problem(title) == reason


def test_a_title_in_the_genitive_after_a_cut_is_still_a_name():
    # "… соглашения между …": a lower-case first word that is whole reads on
    assert stub_title_problem("соглашения между Республикой Казахстан и Кыргызской Республикой") is None
