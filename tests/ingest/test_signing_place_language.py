"""The place of signature read from a sentence or an act's clause is put in the nominative of
the document's language: Russian "в городе Павлодаре" is Павлодар (a city no table lists)."""

from archive.ingest.pipeline import parse_text

SUBJECT = "Соглашение между Правительством Республики Казахстан и Правительством Республики Узбекистан о транспорте"

NOTE = f"""ПОЯСНИТЕЛЬНАЯ ЗАПИСКА

к проекту Закона Республики Казахстан о ратификации соглашения

{SUBJECT} подписано 5 мая 2015 года в городе Павлодаре. Ратификация соглашения позволит развивать транспорт."""

LAW = f"""ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН

О ратификации Соглашения между Правительством Республики Казахстан и Правительством Республики Узбекистан \
о транспорте

Ратифицировать {SUBJECT}, подписанное в городе Павлодаре 5 мая 2015 года.

Президент Республики Казахстан"""


def test_a_note_s_sentence_places_the_signature_in_the_nominative():
    a = parse_text(NOTE).agreement
    assert (a.signed_date.isoformat(), a.signed_place) == ("2015-05-05", "Павлодар")
    assert [e.source for e in a.evidence["signed_place"]] == ["sentence"]


def test_an_act_s_clause_places_the_signature_in_the_nominative():
    a = parse_text(LAW).agreement
    assert (a.signed_date.isoformat(), a.signed_place) == ("2015-05-05", "Павлодар")
    assert [e.source for e in a.evidence["signed_place"]] == ["act"]
