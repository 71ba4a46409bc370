"""parties_from_signatures on a signature block whose two columns ran into one line: the
second lead waits for its party on the next line."""

from __future__ import annotations

from archive.ingest.parties import parties_from_signatures, split_parties


def test_second_columns_party_on_the_next_line():
    info = parties_from_signatures(
        ["For the Government of the Republic of Kazakhstan    For the Government of", "the Kyrgyz Republic"], "en"
    )
    assert info.codes == ["KZ", "KG"]
    assert info.level == "government"


def test_second_columns_party_on_the_next_line_in_russian():
    lines = ["За Правительство Республики Казахстан За Правительство", "Кыргызской Республики"]
    info = parties_from_signatures(lines, "ru")
    assert info.codes == ["KZ", "KG"]


def test_a_party_named_twice_in_a_row_is_one_party():
    # "Kyrgyz Republic (Kyrgyzstan)": two mentions of one country, and no conjunction between the parties
    info = split_parties("Republic of Kazakhstan – Kyrgyz Republic (Kyrgyzstan)", "en")
    assert info.codes == ["KZ", "KG"]
    assert info.as_written == ["Republic of Kazakhstan", "Kyrgyz Republic (Kyrgyzstan)"]
