"""Letter-spaced text: a one-letter preposition the rest of the document never uses ("у")
is still a word of its own when the run it sits in has lost its word breaks."""

from archive.ingest.normalise import _segment, build_vocabulary, join_letter_spacing

DOC = "Статья 5. Права Сторон. Сторон уведомляет депозитарий. Стороны обращаются письменно."


def test_a_lone_preposition_is_split_off_a_letter_spaced_run():
    vocab = build_vocabulary(DOC)
    assert "у" not in vocab
    assert join_letter_spacing("у С т о р о н", vocab) == "у Сторон"
    assert _segment("уСторон", vocab) == ["у", "Сторон"]
