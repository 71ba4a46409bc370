"""The snippet scan: candidates found without a look-behind in the pattern, and the runs
stemmed once per query (archive.search.snippets)."""

from archive.search.analysis import stem_word
from archive.search.snippets import highlight_spans, snippet


def test_a_word_inside_another_word_is_no_candidate_but_the_next_word_is():
    text = "Subagreement agreements; co-agreement and agreement"
    spans = highlight_spans(text, "en", {stem_word("agreement", "en")})
    assert [text[s:e] for s, e in spans] == ["agreements", "agreement", "agreement"]


def test_a_number_inside_a_longer_number_is_no_candidate():
    text = "Decree 91752 and decree 752, of 7520 pages"
    spans = highlight_spans(text, "en", {"752"})
    assert [text[s:e] for s, e in spans] == ["752"] and spans[0][0] == text.index(" 752,") + 1


def test_a_rejected_place_does_not_hide_a_candidate_that_starts_inside_it():
    # the scan for "anti-du…" meets it inside "xanti-dumping" (rejected: a letter before); the
    # candidate "dum…" that starts inside that place, after its hyphen, is still tried
    text = "dump xanti-dumping"
    spans = highlight_spans(text, "en", {"anti-dump", "dump"})
    assert [text[s:e] for s, e in spans] == ["dump", "dumping"]


def test_the_same_run_is_judged_by_the_query_it_is_scanned_for():
    text = "the agreement on trade"
    assert "<mark>agreement</mark>" in snippet(text, "en", {stem_word("agreement", "en")})
    assert "<mark>trade</mark>" in snippet(text, "en", {stem_word("trade", "en")})
    assert "<mark>" not in snippet(text, "en", {stem_word("agreed", "en") + "x"})
    assert "<mark>" not in snippet(text, "fr", {stem_word("agreement", "en") + "zz"})
