"""normalise's report: HTML removed, and a record card printed label above value joined
field by field (each label with the value under it)."""

from __future__ import annotations

from archive.ingest.normalise import normalise


def test_html_tags_are_removed_and_reported():
    r = normalise("<p>Соглашение между Правительством Республики Казахстан</p>\n<p>Статья 1</p>")
    assert r.text == "Соглашение между Правительством Республики Казахстан\n\nСтатья 1"
    assert r.warnings == ["removed 4 HTML tag(s)/entit(ies)"]


def test_record_card_label_above_value_is_joined_and_reported():
    r = normalise(
        "Номер\nН-023-3\nТип\nПостановление\nСтатус\nДействует\nДата принятия\n16.09.2016\n\nСОГЛАШЕНИЕ о торговле"
    )
    assert r.text == (
        "Номер: Н-023-3\n\nТип: Постановление\n\nСтатус: Действует\n\nДата принятия: 16.09.2016\n\n"
        "СОГЛАШЕНИЕ о торговле"
    )
    assert r.warnings == ["read 4 record-card field(s) printed label above value"]
