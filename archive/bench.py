"""Helpers for the search benchmark (``manage.py bench_search``): the query mix, percentiles
and EXPLAIN summaries. Measurement only; nothing here is used to serve pages."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

#: The fixed mix: (label, query parameters). Every one runs through the HTML search page
#: and through the API with the same parameters.
SEARCHES: list[tuple[str, dict[str, str]]] = [
    ("kk word", {"q": "барлау"}),
    ("ru word", {"q": "Азербайджан"}),
    ("en word", {"q": "intelligence"}),
    ("hy word", {"q": "համագործակցության"}),
    ("kk inflected", {"q": "әскери барлаудың"}),
    ("homoglyphs", {"q": "Үкiметi"}),
    ("latin-typed kk", {"q": "askeri barlau"}),
    ("phrase", {"q": '"үкіметтік байланыс"'}),
    ("cross-language ru", {"q": "военная разведка"}),
    ("cross-language en", {"q": "military intelligence"}),
    ("number", {"q": "752"}),
    ("or/exclusion", {"q": "барлау OR байланыс -шарт"}),
    ("no hit (did you mean)", {"q": "ынтымақтастыг"}),
    ("filter pair", {"q": "барлау", "pair": "AZ-KZ"}),
    ("filter kind", {"q": "барлау", "kind": "treaty"}),
    ("filter signed_from", {"q": "әскери барлау", "signed_from": "2000-01-01"}),
    ("filter topic", {"q": "байланыс", "topic": "defence"}),
    ("filters combined", {"q": "military intelligence", "kind": "agreement", "signed_from": "2010-01-01"}),
]

#: What researchers type on a corpus of real treaty texts (``synth_corpus --from``): subjects,
#: clauses and terms of art in English, Dutch, French, Russian, Kazakh and Armenian, single
#: words, multi-word queries and phrases, and common words that match most of the corpus.
RESEARCHER_SEARCHES: list[tuple[str, dict[str, str]]] = [
    ("common en: agreement", {"q": "agreement"}),
    ("common en: party", {"q": "party"}),
    ("common nl: overeenkomst", {"q": "overeenkomst"}),
    ("en rules of origin", {"q": "rules of origin"}),
    ("en anti-dumping", {"q": "anti-dumping"}),
    ("en double taxation", {"q": "double taxation"}),
    ("en most-favoured nation", {"q": "most-favoured nation"}),
    ("en phrase dispute settlement", {"q": '"dispute settlement"'}),
    ("en investment protection", {"q": "investment protection"}),
    ("en denunciation", {"q": "denunciation"}),
    ("en phrase entry into force", {"q": '"entry into force"'}),
    ("en national treatment", {"q": "national treatment"}),
    ("en technical barriers to trade", {"q": "technical barriers to trade"}),
    ("en air services", {"q": "air services"}),
    ("en social security", {"q": "social security"}),
    ("en exchange of information", {"q": "exchange of information tax"}),
    ("en or", {"q": 'extradition OR "mutual legal assistance"'}),
    ("en exclusion", {"q": "taxation -pension"}),
    ("nl dubbele belasting", {"q": "dubbele belasting"}),
    ("nl verdragsluitende partijen", {"q": "verdragsluitende partijen"}),
    ("nl phrase inwerkingtreding", {"q": '"in werking treden"'}),
    ("fr règlement des différends", {"q": "règlement des différends"}),
    ("fr double imposition", {"q": "double imposition"}),
    ("fr phrase parties contractantes", {"q": '"parties contractantes"'}),
    ("ru военное сотрудничество", {"q": "военное сотрудничество"}),
    ("ru таможенное сотрудничество", {"q": "таможенное сотрудничество"}),
    ("ru двойное налогообложение", {"q": "двойное налогообложение"}),
    ("kk қорғаныс", {"q": "қорғаныс"}),
    ("kk кеден", {"q": "кеден ынтымақтастығы"}),
    ("hy համագործակցություն", {"q": "համագործակցություն"}),
    ("en filter kind", {"q": "double taxation", "kind": "convention"}),
    ("en filter signed_from", {"q": "investment protection", "signed_from": "2005-01-01"}),
]

#: The whole mix the benchmark runs: the seed corpus's searches, then the researchers'.
MIX: list[tuple[str, dict[str, str]]] = SEARCHES + RESEARCHER_SEARCHES

#: Queries whose main SQL is shown with EXPLAIN (ANALYZE, BUFFERS).
EXPLAINED = ["kk word", "phrase", "cross-language en", "filter pair"]

#: request type -> (p95 budget in ms at 10k, at 100k) and SQL query budget (None: none set)
BUDGETS = {
    "search page": ((100, 300), None),
    "search API": ((100, 300), None),
    "detail page": ((None, None), 10),
    "list page": ((None, None), 10),
}


def url(path: str, params: dict[str, str] | None = None) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0–100), nearest rank: the value below which p% of the samples lie."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class PlanSummary:
    label: str
    execution_ms: float | None
    planning_ms: float | None
    indexes: list[str]
    notes: list[str]
    buffers: str

    def lines(self) -> list[str]:
        timing = f"{self.execution_ms:.1f} ms" if self.execution_ms is not None else "?"
        out = [f"{self.label}: execution {timing} (planning {self.planning_ms or 0:.1f} ms); {self.buffers}"]
        out += [f"    {line}" for line in self.indexes + self.notes]
        return out


_INDEX_LINE = re.compile(r"(Bitmap Index Scan|Index Only Scan|Index Scan|Seq Scan)(?: Backward)? (?:using|on) (\S+)")
_NOTE_LINE = re.compile(
    r"(Rows Removed by Index Recheck: \d+|Heap Blocks: [^\n]+|Recheck Cond|JIT:|Sort Method: [^\n]+|"
    r"Rows Removed by Filter: \d+|Hash Cond|SubPlan \d+|InitPlan \d+|rows=\d+ loops=\d+)"
)


def summarise_plan(label: str, plan_lines: list[str]) -> PlanSummary:
    """The few facts of an EXPLAIN (ANALYZE, BUFFERS) that tell whether it used the index."""
    execution = planning = None
    indexes: list[str] = []
    notes: list[str] = []
    buffers = ""
    for line in plan_lines:
        stripped = line.strip()
        if stripped.startswith("Execution Time:"):
            execution = float(stripped.split()[2])
        elif stripped.startswith("Planning Time:"):
            planning = float(stripped.split()[2])
        elif not buffers and stripped.startswith("Buffers:"):
            buffers = stripped
        match = _INDEX_LINE.search(line)
        if match:
            rows = re.search(r"\(actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+) loops=(\d+)\)", line)
            where = f" — {rows.group(2)} rows × {rows.group(3)} loops, {rows.group(1)} ms" if rows else ""
            indexes.append(f"{match.group(1)} on {match.group(2)}{where}")
        elif stripped.startswith(("Rows Removed by Index Recheck", "Heap Blocks", "JIT:", "Sort Method")):
            notes.append(stripped)
    return PlanSummary(label, execution, planning, list(dict.fromkeys(indexes)), list(dict.fromkeys(notes)), buffers)


def describe_sql(sql: str) -> str:
    """A short name for a captured SQL statement of a search request."""
    flat = " ".join(sql.split())
    head = flat[:400].upper()
    if flat.startswith("WITH m(") or "'kind', kind" in flat:
        return "facets"
    if "archive_article" in flat[:400] and "@@" in flat:
        return "hits (explain)"
    if "archive_term" in flat:
        return "did you mean"
    if "@@ TO_TSQUERY" in head.replace('"', "") or flat.startswith("(SELECT"):
        return "candidates (GIN, capped)"
    if "COUNT(*)" in head:
        return "count"
    if "ts_rank" in flat:
        return "page (ranked)"
    return flat[:60]


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU of process ``pid`` so far (from /proc, in clock ticks: 10 ms steps),
    or None where /proc cannot tell (another host, another OS)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) ": state is field 3
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime: fields 14 and 15


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"
