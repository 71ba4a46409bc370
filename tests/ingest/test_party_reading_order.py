"""Which reading tells how the parties are named: the preamble's before the signatures'."""

from archive.ingest.pipeline import parse_text

TEXT = "\n\n".join(
    [
        "СОГЛАШЕНИЕ о сотрудничестве в области образования",
        "Правительство Республики Казахстан и Правительство Кыргызской Республики, именуемые в дальнейшем "
        "Сторонами, согласились о нижеследующем:",
        "Статья 1",
        "Стороны сотрудничают в области образования.",
        "Совершено в городе Бишкеке 11 ноября 1992 года в двух экземплярах на русском языке.",
        "За Республику Казахстан",
        "За Кыргызскую Республику",
    ]
)


def test_the_preamble_names_the_parties_before_the_signatures_do():
    # the signatures name the states, the preamble the governments that conclude it
    a = parse_text(TEXT).agreement
    assert a.parties == ["KZ", "KG"]
    assert [e.source for e in a.evidence["parties"]] == ["preamble", "signature"]
    assert a.parties_as_written == ["Правительство Республики Казахстан", "Правительство Кыргызской Республики"]
    assert a.party_level == "government"
