"""Per-language vocabularies, read from ``data/languages/<code>.json``.

A profile is what the parser and the search need to know about one language and nothing
else: its script, the Babel/CLDR locale that supplies month, country and language names,
function words (language detection), treaty kind words, article-heading templates,
"between X and Y" frames, testimonium and signature phrases, and so on. Adding a language
means adding a JSON file; the code compiles what it needs from the union of all profiles.

Phrase syntax inside the files: words are matched case-insensitively as whole words; a
word ending in ``*`` is a stem that may take any ending (``соглашени*``); a space matches
any run of white space; ``{n}`` in an article template stands for the article number.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "DATA",
    "Profile",
    "all_phrases",
    "data_file",
    "phrase_pattern",
    "profile",
    "profiles",
]

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Profile:
    code: str
    name: str
    script: str
    cldr: str | None
    head: str  # "first": the head noun opens a title (ru, en, nl); "last": it closes it (kk, hy, az)
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)

    def words(self, key: str) -> list[str]:
        """A list-valued entry (``function_words``, ``testimonium`` …); [] if absent."""
        value = self.raw.get(key) or []
        return list(value) if isinstance(value, list) else []

    def framed(self, key: str) -> tuple[list[str], list[str]]:
        """A ``{"before": [...], "after": [...]}`` entry: words before / after the thing."""
        value = self.raw.get(key) or {}
        if isinstance(value, list):
            return list(value), []
        return list(value.get("before") or []), list(value.get("after") or [])

    def kinds(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in (self.raw.get("kinds") or {}).items()}

    @property
    def letters(self) -> str:
        return self.raw.get("letters") or ""

    @property
    def letter_share(self) -> float:
        return float(self.raw.get("letter_share") or 0.005)

    @property
    def scripts(self) -> tuple[str, ...]:
        extra = self.raw.get("also_scripts") or []
        return (self.script, *extra)


def data_file(name: str) -> Any:
    """A JSON data file of the package (``data/<name>``)."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@functools.cache
def profiles() -> dict[str, Profile]:
    """Every language profile, by ISO 639-1 code."""
    out: dict[str, Profile] = {}
    for path in sorted((DATA / "languages").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        code = raw["code"]
        out[code] = Profile(
            code=code,
            name=raw.get("name", code),
            script=raw.get("script", "latin"),
            cldr=raw.get("cldr"),
            head=raw.get("head", "first"),
            raw=raw,
        )
    return out


def profile(code: str | None) -> Profile | None:
    return profiles().get(code or "")


def all_phrases(key: str, languages: Iterable[str] | None = None) -> list[str]:
    """The entries under ``key`` of every profile (or of ``languages``), without repeats."""
    seen: dict[str, None] = {}
    for code, p in profiles().items():
        if languages is not None and code not in languages:
            continue
        value = p.raw.get(key)
        if isinstance(value, dict) and key != "kinds":
            items = [*(value.get("before") or []), *(value.get("after") or [])]
        else:
            items = value or []
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


_WORD_CHARS = r"[^\W\d_]"


def _phrase_regex(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        stem = word.endswith("*")
        word = word.rstrip("*")
        piece = re.escape(word).replace(r"\-", "[-‐]").replace("‐", "[-‐]").replace("'", "['’ʼ‘ʻ]")
        if stem:
            piece += rf"{_WORD_CHARS}*"
        parts.append(piece)
    body = r"\s+".join(parts)
    lead = r"(?<![\w-])" if re.match(r"\w", phrase) else ""
    tail = r"(?![\w-])" if (re.search(r"\w$", phrase) and not phrase.endswith("*")) else ""
    return f"{lead}{body}{tail}"


def phrase_pattern(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One compiled pattern of profile phrases, as whole words, merged into a trie (one
    branch per shared prefix), so hundreds of phrases cost little more than one."""
    items = {" ".join(p.split()) for p in phrases if p.strip()}
    if not items:
        return re.compile(r"(?!x)x")
    worded = [p for p in items if re.match(r"\w", p)]
    other = [p for p in items if p not in worded]
    parts = []
    if worded:
        keys = sorted({p.lower() if flags & re.IGNORECASE else p for p in worded})
        parts.append(rf"(?<![\w-])(?:{trie_regex(keys)})(?!\w)")
    parts.extend(f"(?:{_phrase_regex(p)})" for p in sorted(other, key=lambda w: (-len(w), w)))
    if flags & re.IGNORECASE:
        from archive.language.caseless import caseless

        return caseless("|".join(parts), flags & ~re.IGNORECASE)  # type: ignore[return-value]
    return re.compile("|".join(parts), flags)


def trie_regex(strings: Iterable[str]) -> str:
    """A regex matching exactly these strings, factored by common prefixes. A space matches
    any run of white space; a ``*`` at a word's end, any further letters (a stem)."""
    trie: dict = {}
    for text in strings:
        node = trie
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if ch == "*":
            return r"[^\W\d_]*"
        if ch in "-‐":
            return "[-‐]"
        if ch in "'’ʼ‘ʻ":
            return "['’ʼ‘ʻ]"
        return re.escape(ch)

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(ch, sub) for ch, sub in node.items() if ch != ""]
        if not branches:
            return ""
        # a stem ("*") is tried last: the literal continuations are more specific
        branches.sort(key=lambda kv: (kv[0] == "*", kv[0]))
        alts = [atom(ch) + build(sub) for ch, sub in branches]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
