"""Mutation testing of the database-free modules (make mutate): mutmut 3, a score per module.

    make mutate                                   every module listed in pyproject's [tool.mutmut]
    make mutate MODULES="archive/ingest/dates.py archive/search/query.py"
    make mutate SAMPLE=10                         a deterministic tenth of the mutants (by name)
    make mutate RETRY=1                           judge the survivors again (after writing tests)
    make mutate FRESH=1                           forget earlier results (mutants/ is rebuilt)

mutmut copies the package into mutants/, rewrites each function of the listed files into a
trampoline to its mutants, runs the tests that need no database (-p no:django) once to learn which
tests reach which function, then runs only those tests against each mutant. Results are kept in
mutants/ and a mutant already judged is not run again (its function's code unchanged); this
script picks the mutants, runs mutmut on them and prints killed / total per module.

Mutants of the functions in EXCLUDED are neither run nor counted: each says why.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import hashlib
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Functions that run only while the modules are imported (they build the pattern and word tables
# the parser then uses). mutmut switches a mutant on after the import, in a process forked from
# one that imported the unmutated code, so their mutants can never take effect: they would be
# counted as survivors although any change to them changes every table (and the tests of those
# tables: tests/ingest/test_caseless.py, test_variants.py, tests/search/test_*stemmer*.py ...).
# Functions called at import *and* later (caseless(), fold_lookalikes(), trie_regex(), ...) are not
# listed. (Found by tracing the calls made while the tests are collected and while they run.)
IMPORT_ONLY = "runs only at import, before mutmut can switch a mutant on"
EXCLUDED: dict[str, str] = {
    "archive.ingest.patterns.x__article_regexes__mutmut_*": IMPORT_ONLY,
    "archive.ingest.patterns.x__kind_patterns__mutmut_*": IMPORT_ONLY,
    "archive.ingest.patterns.x__kind_regex__mutmut_*": IMPORT_ONLY,
    "archive.ingest.patterns.x__ordinal_table__mutmut_*": IMPORT_ONLY,
    "archive.ingest.patterns.x__template_regex__mutmut_*": IMPORT_ONLY,
    "archive.ingest.terms.x__number_tables__mutmut_*": IMPORT_ONLY,
    "archive.language.detect.x__function_words__mutmut_*": IMPORT_ONLY,
    "archive.language.detect.x_function_words__mutmut_*": IMPORT_ONLY,
    "archive.search.analysis.x_register_stemmer__mutmut_*": IMPORT_ONLY,
    "archive.search.analysis.x__make_english__mutmut_*": IMPORT_ONLY,
    "archive.search.analysis.x__make_russian__mutmut_*": IMPORT_ONLY,
    "archive.search.analysis.x__snowball__mutmut_*": IMPORT_ONLY,
    "archive.search.kazakh.x__add__mutmut_*": IMPORT_ONLY,
    # equivalent mutants: they cannot change what the function returns
    "archive.ingest.dates.x_find_dates__mutmut_1": "equivalent: `or` -> `and` in the no-digit fast path; "
    "every date pattern needs a digit, so the full scan finds nothing either",
    "archive.language.countries.x__stems_for__mutmut_87": "equivalent: `words[:-1]` -> `words[:-2]` under "
    "`len(words) == 1`; both slices are empty",
    "archive.search.analysis.x_analyse_for_index__mutmut_2": "equivalent: `<= 160` -> `< 160` only decides "
    "whether a 160-character text goes through the lru-cached _analyse_short, which returns the same join",
    "archive.language.profiles.x_trie_regex__mutmut_42": "equivalent: a single alternative also wrapped in "
    "`(?:...)`; a non-capturing group around one sequence, with no quantifier of its own, matches the same",
    "archive.language.caseless.x__fold_pattern__mutmut_70": "equivalent: "
    + '`ch != "("` with `startswith("(?", i)` never holds: flags copied by `_one`, all lower case already',
    "archive.language.caseless.x__fold_pattern__mutmut_76": "equivalent: "
    + '`"XX(?XX"` never matches, so the flag letters are copied unchanged (as in _70)',
    "archive.language.caseless.xǁCaselessǁsplit__mutmut_11": "equivalent: " + "`text[None:x]` is `text[0:x]`",
    "archive.language.countries.x__script__mutmut_6": "equivalent: "
    + "the bound 0x04FF -> 1280 adds only U+0500, a capital letter; _script sees words of `_fold(name).lower()`",
    "archive.language.countries.x__script__mutmut_17": "equivalent: "
    + '"other" is never compared (callers test "cyr", "hy", "lat") and _WORD_RE words start with a letter',
    "archive.language.countries.x__stems_for__mutmut_48": "equivalent: "
    + "`> 4` -> `>= 4`: no single-word Cyrillic name or variant of 4 letters (all checked) passes the stem test",
    "archive.language.countries.x__stems_for__mutmut_116": "equivalent: "
    + "`bare` is read only in the Cyrillic branch of _word_matches; these stems are Armenian",
    "archive.language.scripts.x__fold_word__mutmut_15": "equivalent: "
    + "only lat_only == 0 matters: both non-zero keep the word; cyr_only == 0 is Latin for any lat_only",
    "archive.ingest.extract.x__docx_text__mutmut_39": "equivalent: "
    + "a Clark tag `{uri}local` holds one `}`: split and rsplit give the same last part",
    "archive.ingest.metadata.x__self_kind__mutmut_34": "equivalent: "
    + "`most_common(None)[0]` equals `most_common(1)[0]` (both keep the first of the top counts)",
    "archive.ingest.metadata.x__version__mutmut_10": "equivalent: "
    + "nominative_title passes the language only to _head_last_nominative, which does not read it",
    "archive.ingest.metadata.x__note_parties__mutmut_31": "equivalent: "
    + "the offset returned with an empty PartyInfo is dropped: add_parties returns early below 2 codes",
    "archive.ingest.metadata.x__read_signing_sentences__mutmut_61": "equivalent: "
    + "with quote None, Candidates.add quotes text[m.start():m.end()], which is m.group(0)",
    "archive.ingest.metadata.x__read_signing_sentences__mutmut_68": "equivalent: "
    + "as _61: the quote defaults to the same sentence",
    "archive.ingest.metadata.xǁ_Readerǁparty_info__mutmut_41": "equivalent: "
    + "every parties candidate is added by add_parties with a reading of the same codes: `agreeing` is never empty",
    "archive.ingest.acts.x__operative__mutmut_9": "equivalent: "
    + "the pattern runs with re.I: the upper- and lower-case alternatives are the same",
    "archive.ingest.acts.x_extract_act__mutmut_69": "equivalent: "
    + 'when operative is "approve", action is None or "approve", and `operative or action` gives "approve" too',
    "archive.ingest.authorities.x_extract_authorities__mutmut_8": "equivalent: "
    + '"" and None are both skipped by `if not name: continue`',
    "archive.ingest.titles.x__key__mutmut_20": "equivalent: "
    + "the string is lower-cased before strip: no X can be there",
    "archive.ingest.normalise.x__segment__mutmut_56": "equivalent: "
    + "inside the loop k >= max(4, len(w) - 3), so len(w) - k <= 3 always holds",
    "archive.reading.status.x__with_pending__mutmut_7": "equivalent: "
    + 'a termination date equal to today has returned "terminated" at the top of derive_status already',
    "archive.reading.status.x_derive_status__mutmut_120": "equivalent: "
    + '"ratified" cannot reach that check with a stored end: _signed returns the stored end first',
    "archive.search.translit.x__classify__mutmut_31": "equivalent: "
    + 'c is one character of a lower-cased word: `c in "XXaeioyXX"` equals `c in "aeioy"`',
    "archive.search.translit.x__classify__mutmut_98": "equivalent: "
    + "unreachable: when every vowel is e/i the earlier all-e/i test has returned already",
    "archive.search.translit.x__word_candidates__mutmut_42": "equivalent: "
    + "the front reading renders a word-initial a as ә already: the added variant is a duplicate",
    "archive.search.translit.x_looks_like_latin_kazakh__mutmut_38": "equivalent: "
    + 'a word with "qy" holds q, a 2021-alphabet letter: True was returned already',
    "archive.search.translit.x_looks_like_latin_kazakh__mutmut_40": "equivalent: "
    + 'a word with "yq" holds q, a 2021-alphabet letter: True was returned already',
    "archive.search.query.x_quote_lexeme__mutmut_12": "equivalent: "
    + "lex keeps only alphanumeric characters: it holds no ' to replace",
    "archive.search.query.x_quote_lexeme__mutmut_13": "equivalent: " + "as _12: no ' in lex",
    "archive.search.query.x__parse__mutmut_188": "equivalent: "
    + 'a kept entry\'s tag is only compared with "or": "XXitemXX" behaves as "item"',
    "archive.search.snippets.x_highlight_spans__mutmut_11": "equivalent: "
    + 'pattern is None only when every lexeme is "", and stem_word never gives "" (it falls back to the word)',
    "archive.search.snippets.x_snippet__mutmut_50": "equivalent: "
    + 'a start of 1 is snapped back to 0: rfind(" ", 0, 1) is -1 and 1 - (-1) < 30',
    "archive.search.snippets.x_snippet__mutmut_123": "equivalent: "
    + "start is never 1: a snapped start is 0 or >= 2 (no leading space), an unsnapped one >= 29",
    "archive.search.analysis.x_analyser_language__mutmut_13": "equivalent: "
    + 'the fallback ("en",) and SCRIPT_LANGUAGES["latin"][0] are both "en"',
    "archive.search.thesaurus.x_suggest_topics__mutmut_108": "equivalent: "
    + "every scored slug passed by_slug[m.slug] in the matches filter: `s in by_slug` always holds",
    "archive.ingest.segment.x__find_title__mutmut_14": "equivalent: "
    + "`and` -> `or` only decides whether to reach a `continue` that ends the loop body anyway",
    "archive.ingest.segment.x__segment_version__mutmut_53": "equivalent: "
    + "with title_idx set, title_range is set too and act_end is overwritten with title_range[0]",
    "archive.ingest.segment.x__segment_version__mutmut_162": "equivalent: "
    + "main_cut is only read as `not main_cut`: None and False are both falsy",
    "archive.ingest.naming.x_named_agreements__mutmut_161": "equivalent: "
    + "taken holds spans of earlier quotes, each starting before word_end: `<=` equals `<`",
    "archive.ingest.places.x_find_place__mutmut_37": "equivalent: "
    + "every _GENERIC group(1) holds at most two words: split()[1] is split()[-1]",
    "archive.language.scripts.x_script_of__mutmut_46": "equivalent: "
    + "U+02BB..U+02BD are modifier letters: ch.isalpha() holds already and the tuple never decides",
    "archive.ingest.metadata.x_extract_metadata__mutmut_69": "equivalent: "
    + "_own_language(None, language) returns language, as the else branch",
    "archive.ingest.metadata.x_extract_metadata__mutmut_314": "equivalent: "
    + "PartyInfo.start defaults to 0: leaving out start=0 changes nothing",
    "archive.ingest.metadata.x_extract_metadata__mutmut_733": "equivalent: "
    + "entry-into-force weights are 0.7/0.85: the confidence is >= 0.45 and min(x, 0.3) is 0.3 either way",
    "archive.ingest.metadata.x_extract_metadata__mutmut_915": "equivalent: "
    + "{None} holds no date find_dates returns; find_relations only tests `d.date in own_dates`",
    "archive.ingest.metadata.x_extract_metadata__mutmut_942": "equivalent: "
    + "find_relations treats own_dates=None (its default) as set()",
    "archive.ingest.metadata.x_extract_metadata__mutmut_945": "equivalent: "
    + "the dropped argument defaults to None, read as set() (as _942)",
    "archive.ingest.metadata.x__title_fact__mutmut_61": "equivalent: "
    + "title weights are 0.75-0.85 and confirmations only raise them: `confidence < 0.7` never holds",
    "archive.ingest.metadata.x__title_fact__mutmut_68": "equivalent: " + "as _61: the warning is always None",
    "archive.ingest.metadata.x__title_fact__mutmut_72": "equivalent: "
    + "as _61: the dropped argument's default is None, the warning always None",
    "archive.ingest.extract.x__decode__mutmut_9": "equivalent: " + '"UTF-8" and "utf-8" name the same codec',
    "archive.ingest.languages.x_authentic_languages__mutmut_34": "equivalent: "
    + 'the only newline rfind("\\n", 1, ...) can miss is at 0; no prevail pattern depends on it',
    "archive.ingest.evidence.x__default_key__mutmut_4": "equivalent: "
    + '"XX XX" cannot occur in lower-cased tokens: the key groups values the same; it is never shown',
}

KILLED = {1, 3, 36, -24, 24, 152, 255}  # a failing test, pytest's internal error, a timeout (mutmut's codes)
NO_TESTS = {5, 33}


def _module_of(name: str) -> str:
    return name.split(".x_", 1)[0].split(".xǁ", 1)[0]


def _excluded(name: str) -> str | None:
    return next((why for pattern, why in EXCLUDED.items() if fnmatch.fnmatchcase(name, pattern)), None)


def _sampled(name: str, sample: int) -> bool:
    return sample <= 1 or int(hashlib.sha1(name.encode()).hexdigest(), 16) % sample == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="files to test (default: every file mutmut is told to mutate)")
    parser.add_argument("--sample", type=int, default=1, help="test one mutant in N (by a hash of its name)")
    parser.add_argument("--fresh", action="store_true", help="start again from an empty mutants/")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--retry", action="store_true", help="judge the surviving mutants again (after new tests)")
    parser.add_argument("--only-judged", action="store_true", help="run no mutant that was never run (with --retry)")
    parser.add_argument("--report-only", action="store_true", help="print the score of what was run, run nothing")
    args = parser.parse_args(argv)

    os.chdir(ROOT)
    os.environ.pop("DJANGO_SETTINGS_MODULE", None)  # the tests run without Django (-p no:django)
    if args.fresh:
        shutil.rmtree("mutants", ignore_errors=True)

    from mutmut import __main__ as mutmut
    from mutmut.mutation.data import SourceFileMutationData

    if not args.report_only:
        # generate the mutants (files whose source is unchanged are kept as they are)
        Path("mutants").mkdir(exist_ok=True)
        with (
            open("mutants/generate.log", "w") as log,
            contextlib.redirect_stdout(log),
            contextlib.redirect_stderr(log),
        ):
            mutmut.copy_src_dir()
            mutmut.copy_also_copy_files()
            mutmut.setup_source_paths()
            mutmut.create_mutants(args.jobs)

    wanted = {str(Path(m)) for m in args.modules}
    data = {}
    for path in mutmut.walk_mutatable_files():
        if wanted and str(path) not in wanted:
            continue
        m = SourceFileMutationData(path=path)
        m.load()
        data[str(path)] = m
    if wanted - set(data):
        print("not a file mutmut mutates (see [tool.mutmut] only_mutate):", " ".join(sorted(wanted - set(data))))
        return 2

    chosen = {
        name: m
        for m in data.values()
        for name in m.exit_code_by_key
        if _sampled(name, args.sample) and not _excluded(name)
    }
    if args.only_judged:
        chosen = {name: m for name, m in chosen.items() if m.exit_code_by_key[name] is not None}
    if args.retry and not args.report_only:
        for name, m in chosen.items():
            if m.exit_code_by_key[name] is not None and m.exit_code_by_key[name] not in KILLED:
                m.exit_code_by_key[name] = None
        for m in data.values():
            m.save()
    todo = sorted(name for name, m in chosen.items() if m.exit_code_by_key[name] is None)
    if todo and not args.report_only:
        print(f"{len(todo)} mutants to run ({len(chosen) - len(todo)} already judged); mutmut's log: mutants/run.log")
        log = open("mutants/run.log", "w")  # noqa: SIM115  (open for the whole run)
        stdout, stderr = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = log
        try:
            mutmut._run(todo, args.jobs)
        except SystemExit as stop:
            if stop.code:
                sys.stdout, sys.stderr = stdout, stderr
                print(f"mutmut stopped ({stop.code}): see mutants/run.log")
                return 1
        finally:
            sys.stdout, sys.stderr = stdout, stderr
            log.close()
        for m in data.values():
            m.load()

    return report(data, chosen, args.sample)


def report(data: dict, chosen: dict, sample: int) -> int:
    per: dict[str, Counter] = {}
    survivors: list[str] = []
    excluded = Counter()
    for path, m in sorted(data.items()):
        count = per.setdefault(path, Counter())
        for name, code in m.exit_code_by_key.items():
            if name not in chosen:
                if _excluded(name):
                    excluded[path] += 1
                continue
            if code is None:
                count["not run"] += 1
            elif code in KILLED:
                count["killed"] += 1
            elif code in NO_TESTS:
                count["no tests"] += 1
                survivors.append(name)
            else:
                count["survived"] += 1
                survivors.append(name)
    print()
    print(f"{'module':40} {'killed':>7} {'total':>6} {'score':>7}  survived  no tests  excluded")
    total = Counter()
    for path, count in per.items():
        judged = count["killed"] + count["survived"] + count["no tests"]
        if not judged and not excluded[path]:
            continue
        total += count
        score = f"{100 * count['killed'] / judged:.1f}%" if judged else "-"
        line = f"{path:40} {count['killed']:7} {judged:6} {score:>7}  {count['survived']:8}  {count['no tests']:8}"
        print(line + f"  {excluded[path]:8}" + (f"  ({count['not run']} not run)" if count["not run"] else ""))
    judged = total["killed"] + total["survived"] + total["no tests"]
    if judged:
        print(
            f"{'overall':40} {total['killed']:7} {judged:6} {100 * total['killed'] / judged:6.1f}%"
            f"  {total['survived']:8}  {total['no tests']:8}  {sum(excluded.values()):8}"
            + (f"   (one mutant in {sample})" if sample > 1 else "")
        )
    if survivors:
        print()
        print(f"{len(survivors)} surviving mutants (mutmut show NAME for the change; mutmut results for all):")
        for name in sorted(survivors):
            print("   ", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
