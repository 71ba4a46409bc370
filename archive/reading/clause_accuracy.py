"""How well :mod:`archive.reading.clauses` classifies articles, against hand-labelled articles.

The labels (``tests/reading/clause_labels.json``) name files and article numbers only; each file
is parsed by the ingest pipeline, as an upload would be, and every labelled article is classified
from its parsed heading and text. A set whose folder is missing (the development set lives outside
the project, in ``../shared/devset``) is skipped and said to be.

Measures, per set and language: *accuracy*, the share of articles whose predicted set of clause
types is exactly the labelled one (an article with no clause type counts, and must be predicted
empty); per clause type, *precision* and *recall* over (article, type) decisions; and the micro
precision/recall over all types.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from archive.reading.clauses import CLAUSE_TYPES, classify

__all__ = ["Counts", "Result", "evaluate", "report"]


@dataclass
class Counts:
    articles: int = 0
    exact: int = 0
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, predicted: set[str], labelled: set[str]) -> None:
        self.articles += 1
        self.exact += predicted == labelled
        for c in predicted & labelled:
            self.tp[c] += 1
        for c in predicted - labelled:
            self.fp[c] += 1
        for c in labelled - predicted:
            self.fn[c] += 1

    def merge(self, other: Counts) -> None:
        self.articles += other.articles
        self.exact += other.exact
        for mine, theirs in ((self.tp, other.tp), (self.fp, other.fp), (self.fn, other.fn)):
            for k, v in theirs.items():
                mine[k] += v

    @property
    def accuracy(self) -> float:
        return self.exact / self.articles if self.articles else 0.0

    def precision(self, clause: str | None = None) -> float | None:
        tp = self.tp[clause] if clause else sum(self.tp.values())
        fp = self.fp[clause] if clause else sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else None

    def recall(self, clause: str | None = None) -> float | None:
        tp = self.tp[clause] if clause else sum(self.tp.values())
        fn = self.fn[clause] if clause else sum(self.fn.values())
        return tp / (tp + fn) if tp + fn else None


@dataclass
class Result:
    by_set: dict[str, dict[str, Counts]]  # set → language → counts
    skipped: list[str]  # sets whose folder is absent
    missing: list[str]  # labelled articles the parser did not produce
    errors: list[tuple[str, str, list[str], list[str]]]  # (file, number, labelled, predicted)

    def total(self, name: str | None = None) -> Counts:
        out = Counts()
        for set_name, langs in self.by_set.items():
            if name is None or name == set_name:
                for counts in langs.values():
                    out.merge(counts)
        return out


def evaluate(labels_path: Path, root: Path, sets: list[str] | None = None) -> Result:
    """Parse every labelled file under ``root`` and score the classifier on its articles."""
    from archive.ingest.pipeline import parse_path

    data = json.loads(Path(labels_path).read_text(encoding="utf-8"))
    result = Result(by_set={}, skipped=[], missing=[], errors=[])
    for name, spec in data["sets"].items():
        if sets and name not in sets:
            continue
        base = (root / spec["base"]).resolve()
        if not base.is_dir():
            result.skipped.append(name)
            continue
        langs: dict[str, Counts] = defaultdict(Counts)
        for filename, labels in spec["files"].items():
            parsed = parse_path(base / filename)
            language = parsed.language or "?"
            articles = {a.number: a for a in (parsed.agreement.articles if parsed.agreement else [])}
            for number, labelled in labels.items():
                article = articles.get(number)
                if article is None:
                    result.missing.append(f"{name}/{filename}#{number}")
                    continue
                predicted = set(classify(article.heading, article.text, parsed.language).clauses)
                langs[language].add(predicted, set(labelled))
                if predicted != set(labelled):
                    result.errors.append((filename, number, sorted(labelled), sorted(predicted)))
        result.by_set[name] = dict(langs)
    return result


def _pct(value: float | None) -> str:
    return "   –" if value is None else f"{100 * value:4.0f}"


def report(result: Result) -> str:
    """The figures as plain-text tables."""
    lines: list[str] = []
    lines.append("Accuracy (articles whose clause types are exactly the labelled ones)")
    lines.append(f"{'set':8} {'lang':4} {'articles':>8} {'exact':>6} {'acc %':>6} {'P %':>5} {'R %':>5}")
    for name, langs in result.by_set.items():
        for language, c in sorted(langs.items()):
            lines.append(
                f"{name:8} {language:4} {c.articles:8} {c.exact:6} {100 * c.accuracy:6.1f}"
                f" {_pct(c.precision()):>5} {_pct(c.recall()):>5}"
            )
        c = result.total(name)
        lines.append(
            f"{name:8} {'all':4} {c.articles:8} {c.exact:6} {100 * c.accuracy:6.1f}"
            f" {_pct(c.precision()):>5} {_pct(c.recall()):>5}"
        )
    lines.append("")
    lines.append("Per clause type (P = precision, R = recall, n = labelled articles)")
    names = list(result.by_set)
    lines.append(f"{'clause type':28}" + "".join(f" {n[:8]:>8} P/R/n    " for n in names))
    for clause in CLAUSE_TYPES:
        row = f"{clause:28}"
        for n in names:
            c = result.total(n)
            row += f" {_pct(c.precision(clause))}/{_pct(c.recall(clause))}/{c.tp[clause] + c.fn[clause]:<3}  "
        lines.append(row)
    if result.skipped:
        lines.append("")
        lines.append("skipped (folder absent): " + ", ".join(result.skipped))
    if result.missing:
        lines.append("")
        lines.append("labelled articles the parser did not produce: " + ", ".join(result.missing))
    return "\n".join(lines)
