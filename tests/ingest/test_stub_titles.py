"""Stubs come from real citations only: every agreement a file cites reads as an agreement's name.

The development set is checked by ``make stub-check`` (``manage.py stub_titles``), which
lists every cited title and fails on fragments; it takes a minute, so it is not run here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.ingest.pipeline import parse_path
from archive.ingest.quality import stub_title_problem
from archive.ingest.relations import is_citation

from .conftest import CORPUS, ROOT, VARIANTS


@pytest.mark.parametrize(
    "title",
    [
        "Agreement is effective as",
        "Agreement and for the period it is effective, goods originating in the",
        "[Agreement between unknown parties]",
        "Agreement shall supersede the Administrative Act between Aruba and the Republic of Panama",
        "Agreement on Collaboration in the Area of Foreign Economic Activity, as",
        "Convention",
        "Agreement between them",
        "Protocols",
        "",
    ],
)
def test_fragments_are_not_names(title):
    assert stub_title_problem(title) is not None
    assert not is_citation(title)


@pytest.mark.parametrize(
    "title",
    [
        "Agreement between the Government of the Kingdom of the Netherlands and the Government of the United States",
        "Convention on Offences and Certain Other Acts Committed on Board Aircraft",
        "Treaty on the basics of interstate relations and cooperation between the Russian Federation and Uzbekistan",
        "Қазақстан Республикасы мен Әзербайжан Республикасы арасындағы қарым-қатынастардың негіздері туралы шарт",
        "Договор о дружбе и сотрудничестве между Республикой Армения и Республикой Казахстан",
    ],
)
def test_citations_are_names(title):
    assert stub_title_problem(title) is None
    assert is_citation(title)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def _cited(files: list[Path]) -> list[tuple[str, str | None]]:
    return [(p.name, ref.title) for p in files for ref in parse_path(p).related]


def test_no_junk_stub_from_the_seeds_variants_and_real_documents():
    cited = _cited(_files(CORPUS) + _files(VARIANTS) + _files(ROOT / "tests" / "ingest" / "real"))
    assert len(cited) >= 10  # the seeds alone cite the 1996 treaty, the 1999 treaty, the 2004 military agreement …
    junk = [(name, title, stub_title_problem(title)) for name, title in cited if stub_title_problem(title)]
    assert junk == []
