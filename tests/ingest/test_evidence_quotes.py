"""Candidates keep a passage of at most 300 characters as the quote, cut with an ellipsis."""

from archive.ingest.evidence import Candidates

SENTENCE = (
    "Настоящее Соглашение вступает в силу с даты получения по дипломатическим каналам последнего "
    "письменного уведомления о выполнении Сторонами внутригосударственных процедур, необходимых для его "
    "вступления в силу, и действует в течение пяти лет. Его действие автоматически продлевается на "
    "последующие пятилетние периоды, если ни одна из Сторон не уведомит в письменной форме другую Сторону."
)


def test_a_long_passage_is_cut_to_300_characters_with_an_ellipsis():
    assert len(SENTENCE) > 300
    c = Candidates(SENTENCE)
    c.add("entry_into_force", "notification", 0.6, "article", 0, len(SENTENCE))
    (candidate,) = c.get("entry_into_force")
    assert candidate.evidence.quote == SENTENCE[:299] + "…"
    assert len(candidate.evidence.quote) == 300
