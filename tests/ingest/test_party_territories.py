"""split_parties: a territory named after its state ("in respect of Aruba") acts for that
state, whether the state comes first or second."""

import pytest

from archive.ingest.parties import split_parties


@pytest.mark.parametrize(
    ("phrase", "codes", "as_written"),
    [
        (
            "the Kingdom of the Netherlands in respect of Aruba and the Republic of Kazakhstan",
            ["NL", "KZ"],
            ["Kingdom of the Netherlands in respect of Aruba", "Republic of Kazakhstan"],
        ),
        (
            "the Republic of Kazakhstan and the Kingdom of the Netherlands in respect of Aruba",
            ["KZ", "NL"],
            ["Republic of Kazakhstan", "Kingdom of the Netherlands in respect of Aruba"],
        ),
    ],
)
def test_a_territory_acts_for_its_state(phrase, codes, as_written):
    info = split_parties(phrase, "en")
    assert (info.codes, info.as_written, info.territories) == (codes, as_written, {"NL": "AW"})
