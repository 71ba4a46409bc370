"""Candidates: a weight is a probability (never above 1), a rival value lowers the winner's
confidence by half its own support, and the disagreement names the rival as its strongest
witness spells it."""

from __future__ import annotations

from archive.ingest.evidence import Candidates


def test_a_weight_above_one_counts_as_certainty():
    c = Candidates("Совершено в городе Астане")
    c.add("signed_place", "Астана", 1.5, "testimonium", 0, 25)
    (cand,) = c.get("signed_place")
    assert cand.weight == 1.0
    assert c.resolve("signed_place").confidence == 1.0


def test_a_rival_value_halves_its_support_off_the_winner_and_is_named_as_its_best_witness_spells_it():
    c = Candidates()
    c.add("signed_place", "Астана", 0.8, "testimonium", 0, 10, "Совершено в городе Астане")
    c.add("signed_place", "алматы", 0.3, "sentence", 20, 30, "подписано в алматы")
    c.add("signed_place", "Алматы", 0.6, "act", 40, 50, "подписанное в городе Алматы")
    fact = c.resolve("signed_place", label="place of signature")
    assert fact.value == "Астана"
    # the rival group: 1 - (1 - 0.6) * (1 - 0.3) = 0.72; 0.8 * (1 - 0.5 * 0.72) = 0.512
    assert fact.confidence == 0.51
    assert fact.warning == "sources disagree on the place of signature: Астана (testimonium) vs Алматы (act, sentence)"
