"""Real material for ``manage.py synth_corpus --from DIR``: a folder of agreement texts read
in place (never copied) through the project's own parser (archive.ingest.pipeline.parse_path,
what ``manage.py parse`` runs), kept as the store step would keep it — one text per language,
its articles (heading, body), preamble, final clauses and signature block, the title, the
English title and the place of signature. Measurement only; nothing here serves pages.

Parsing (~20 files/s) and analysing (archive.search.analysis, the costly part of indexing)
run in worker processes; the analysed strings travel back with the texts so the command
does not analyse them again. A file that cannot be read, or has no agreement with articles,
is skipped and counted.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

#: A string with its analysed form: (text, analyse_for_index(text, language)).
Analysed = tuple[str, str]


@dataclass
class MaterialText:
    language: str
    title: Analysed
    preamble: Analysed
    final_clauses: Analysed
    signature_block: str
    articles: list[tuple[Analysed, Analysed]]  # (heading, body)


@dataclass
class MaterialFile:
    """One parsed file: what its agreement contributes to the pool."""

    source: str
    title: str
    title_language: str
    title_en: str
    signed_place: str
    texts: list[MaterialText]


@dataclass
class Folder:
    files: list[MaterialFile] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> files

    @property
    def skipped_count(self) -> int:
        return sum(self.skipped.values())


PARSED_SUFFIXES = {".txt", ".docx", ".pdf", ".html", ".htm"}


def folder_files(folder: str | Path) -> list[Path]:
    """The files the parser can read in ``folder`` (and below it), in name order."""
    root = Path(folder)
    if not root.is_dir():
        raise NotADirectoryError(str(folder))
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in PARSED_SUFFIXES)


def _pair(text: str | None, language: str | None) -> Analysed:
    from archive.search.analysis import analyse_for_index

    text = text or ""
    return text, analyse_for_index(text, language or None)


def _text(part, language: str, title: str) -> MaterialText:
    return MaterialText(
        language=language,
        title=_pair(part.title or title, language),
        preamble=_pair(part.preamble, language),
        final_clauses=_pair(part.final_clauses, language),
        signature_block=part.signature_block or "",
        articles=[(_pair(a.heading, language), _pair(a.text, language)) for a in part.articles],
    )


def read_file(path: str) -> MaterialFile | str:
    """Parse one file; its material, or the reason it is skipped."""
    from archive.ingest.pipeline import parse_path

    try:
        result = parse_path(path)
    except Exception as exc:  # a parser bug on one file must not stop the build
        return f"parser error ({type(exc).__name__})"
    if result.error:
        return "unreadable"
    parsed = result.agreement
    if parsed is None or not parsed.articles:
        return "no articles"
    language = result.language or ""
    if not language:
        return "no language"
    title = parsed.title or ""
    texts = [_text(parsed, language, title)]
    for version in parsed.versions:  # as the store step: a further language, a text of its own
        if version.articles and version.language and version.language not in {t.language for t in texts}:
            texts.append(_text(version, version.language, title))
    return MaterialFile(
        source=path,
        title=title,
        title_language=language,
        title_en=parsed.title_en or "",
        signed_place=parsed.signed_place or "",
        texts=texts,
    )


def read_folder(folder: str | Path, jobs: int | None = None) -> Folder:
    """Parse every file of ``folder``, in ``jobs`` worker processes (default: one per core)."""
    paths = [str(p) for p in folder_files(folder)]
    jobs = max(1, jobs or os.cpu_count() or 1)
    out = Folder()
    if jobs == 1 or len(paths) < 4:
        results = map(read_file, paths)
        _collect(out, results)
        return out
    # fork: the workers inherit Django's settings; they touch no database (the caller closes its
    # connection first so no child holds a copy of the socket)
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        _collect(out, pool.imap(read_file, paths, chunksize=4))
    return out


def _collect(out: Folder, results) -> None:
    for item in results:
        if isinstance(item, str):
            out.skipped[item] = out.skipped.get(item, 0) + 1
        else:
            out.files.append(item)
