"""Case-insensitive patterns that run fast.

CPython's ``re`` tries every branch of an ``IGNORECASE`` alternation at every position, folding
case character by character: the parser's cue patterns ("entry into force", "competent
authority", the term words, month names …) spent most of a parse there. Folded once with
``str.lower`` (C speed) and matched case-sensitively, the same pattern runs 5–10× faster.

``caseless(pattern)`` compiles such a pattern and returns an object with the methods the parser
uses (``search``, ``match``, ``fullmatch``, ``finditer``, ``findall``, ``sub``, ``split``).
Matches are found in the folded text, but read from the original: ``group()`` returns the
characters as written, so callers cannot tell the difference. The folding keeps every
character in place (one character for one), so offsets agree; a text whose lower case is
longer ("İ" → "i̇") is matched by the ordinary ``IGNORECASE`` pattern instead.

The folding is ``str.lower`` plus the equivalences ``re.IGNORECASE`` itself makes beyond it
(dotless ı, long ſ, final ς …), applied to the pattern's literal characters too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

# characters IGNORECASE treats as one letter though lower() keeps them apart
_EXTRA = (("ı", "i"), ("ſ", "s"), ("ς", "σ"), ("ϐ", "β"), ("ϑ", "θ"), ("ϕ", "φ"), ("ϖ", "π"), ("ϰ", "κ"), ("ϱ", "ρ"))


def fold(text: str) -> str:
    """``text`` in lower case, one character for one (the caller checks the length)."""
    low = text.lower()
    if not low.isascii():  # (str.translate walks every character: far slower than these scans)
        for a, b in _EXTRA:
            if a in low:
                low = low.replace(a, b)
    return low


class _Unfoldable(Exception):
    """The pattern names a cased character in a way folding cannot see (it runs as written)."""


_ESCAPE_WIDTH = {"u": 4, "U": 8, "x": 2}


def _escape_at(pattern: str, i: int) -> tuple[str, str | None, int]:
    """The escape at ``pattern[i]`` (a backslash): its text, the one character it stands for
    (None for classes like ``\\w``), and where it ends."""
    nxt = pattern[i + 1]
    if nxt in _ESCAPE_WIDTH:
        end = i + 2 + _ESCAPE_WIDTH[nxt]
        return pattern[i:end], chr(int(pattern[i + 2 : end], 16)), end
    if nxt == "N" and pattern.startswith("{", i + 2):
        import unicodedata

        end = pattern.index("}", i) + 1
        return pattern[i:end], unicodedata.lookup(pattern[i + 3 : end - 1]), end
    if nxt.isalnum():
        return pattern[i : i + 2], None, i + 2  # \w \b \d \1 … : no letter of their own
    return pattern[i : i + 2], nxt, i + 2  # an escaped punctuation mark


def _one(ch: str) -> str:
    folded = fold(ch)
    return folded if len(folded) == 1 else ch


def _class_member(ch: str) -> str:
    return re.escape(ch) if ch in "\\]^-[" else ch


def _fold_class(pattern: str, i: int) -> tuple[str, int]:
    """The character class opening at ``pattern[i]``, made to accept the folded form of every
    character it accepts (ranges keep their ends and gain the folded members)."""
    out = ["["]
    i += 1
    if pattern.startswith("^", i):
        out.append("^")
        i += 1
    first = True
    while i < len(pattern) and (pattern[i] != "]" or first):
        first = False
        if pattern[i] == "\\":
            text, lo, i = _escape_at(pattern, i)
        else:
            text, lo, i = pattern[i], pattern[i], i + 1
        if lo is not None and pattern.startswith("-", i) and i + 1 < len(pattern) and pattern[i + 1] != "]":
            if pattern[i + 1] == "\\":
                hi_text, hi, i = _escape_at(pattern, i + 1)
            else:
                hi_text, hi, i = pattern[i + 1], pattern[i + 1], i + 2
            if hi is None:
                raise _Unfoldable(pattern)
            members = {chr(c) for c in range(ord(lo), ord(hi) + 1)}
            extra = sorted({_one(c) for c in members} - members)
            out.append(f"{text}-{hi_text}" + "".join(_class_member(c) for c in extra))
            continue
        if lo is None:
            out.append(text)
        else:
            folded = _one(lo)
            out.append(text if folded == lo else text + _class_member(folded))
    if i >= len(pattern):
        raise _Unfoldable(pattern)
    out.append("]")
    return "".join(out), i + 1


def _fold_pattern(pattern: str) -> str:
    """The pattern with its letters folded, so that it finds in folded text what the
    ``IGNORECASE`` pattern finds in the original; group names and inline flags left as they
    are. Raises ``_Unfoldable`` where that cannot be promised."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            text, value, i = _escape_at(pattern, i)
            if value is not None and _one(value) != value:
                raise _Unfoldable(pattern)  # "\u0410": a capital letter spelt as a code
            out.append(text)
            continue
        if ch == "[":
            text, i = _fold_class(pattern, i)
            out.append(text)
            continue
        if pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            end = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        if ch == "(" and pattern.startswith("(?", i) and i + 2 < n and pattern[i + 2].isalpha():
            end = i + 2
            while end < n and pattern[end].isalpha():
                end += 1
            out.append(pattern[i:end])  # inline flags stay as written
            i = end
            continue
        out.append(_one(ch))
        i += 1
    return "".join(out)


class CaselessMatch:
    """A match found in the folded text, read from the original one."""

    __slots__ = ("_m", "string")

    def __init__(self, m: re.Match[str], string: str) -> None:
        self._m, self.string = m, string

    def group(self, *names: int | str) -> Any:
        if len(names) > 1:
            return tuple(self._one(n) for n in names)
        return self._one(names[0] if names else 0)

    def _one(self, name: int | str) -> str | None:
        s, e = self._m.span(name)
        return None if s < 0 else self.string[s:e]

    __getitem__ = _one

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return tuple(default if v is None else v for v in (self._one(i) for i in range(1, self._m.re.groups + 1)))

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        return {k: (default if (v := self._one(k)) is None else v) for k in self._m.re.groupindex}

    def start(self, group: int | str = 0) -> int:
        return self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._m.span(group)

    @property
    def lastindex(self) -> int | None:
        return self._m.lastindex

    @property
    def lastgroup(self) -> str | None:
        return self._m.lastgroup

    @property
    def pos(self) -> int:
        return self._m.pos

    @property
    def endpos(self) -> int:
        return self._m.endpos

    @property
    def re(self) -> Caseless:  # the caller's pattern object is the Caseless one
        return _BY_PATTERN[self._m.re]

    def expand(self, template: str) -> str:
        return re.sub(r"\\(\d+)|\\g<(\w+)>", lambda t: self._one(_key(t.group(1) or t.group(2))) or "", template)

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"<CaselessMatch span={self.span()} match={self.group()!r}>"


def _key(name: str) -> int | str:
    return int(name) if name.isdigit() else name


_BY_PATTERN: dict[re.Pattern[str], Caseless] = {}
COMPILED: list[Caseless] = []  # every caseless pattern made (the tests check each one)
_LAST: list[Any] = [None, None]  # the last text folded, and its folding (None: not foldable)


class Caseless:
    """A case-insensitive compiled pattern (see the module doc)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        flags |= re.IGNORECASE
        self.pattern, self.flags = pattern, flags
        self.slow = re.compile(pattern, flags)  # the reference, and the fallback
        self.groups, self.groupindex = self.slow.groups, self.slow.groupindex
        try:
            fast = re.compile(_fold_pattern(pattern), flags & ~re.IGNORECASE)
        except (re.error, _Unfoldable, ValueError, KeyError):
            fast = None
        if fast is not None and (fast.groups != self.slow.groups or "(?-i" in pattern or "(?i" in pattern):
            fast = None
        self.fast = fast
        COMPILED.append(self)
        if fast is not None:
            _BY_PATTERN[fast] = self
        # anchored matching tries one position: folding the whole text would cost more than
        # it saves, so these are the ordinary pattern's own methods
        self.match, self.fullmatch = self.slow.match, self.slow.fullmatch

    # --- matching ---------------------------------------------------------------------
    def _folded(self, text: str) -> str | None:
        if self.fast is None:
            return None
        # the parser asks many patterns about the same text in a row: fold it once
        if _LAST[0] is not text:
            low = fold(text)
            _LAST[0], _LAST[1] = text, (low if len(low) == len(text) else None)
        return _LAST[1]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> CaselessMatch | re.Match[str] | None:
        low = self._folded(text)
        end = len(text) if endpos is None else endpos
        if low is None:
            return self.slow.search(text, pos, end)
        m = self.fast.search(low, pos, end)
        return CaselessMatch(m, text) if m else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        low = self._folded(text)
        end = len(text) if endpos is None else endpos
        if low is None:
            yield from self.slow.finditer(text, pos, end)
            return
        for m in self.fast.finditer(low, pos, end):
            yield CaselessMatch(m, text)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        out: list[Any] = []
        for m in self.finditer(text, pos, endpos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                out.append(m.group(1) or "")
            else:
                out.append(tuple(g or "" for g in m.groups()))
        return out

    def subn(self, repl: str | Callable[[Any], str], text: str, count: int = 0) -> tuple[str, int]:
        low = self._folded(text)
        if low is None:
            return self.slow.subn(repl, text, count)
        if not callable(repl) and "\\" not in repl:
            literal = repl
            repl = lambda _m: literal  # noqa: E731
        parts: list[str] = []
        last = n = 0
        for m in self.fast.finditer(low):
            cm = CaselessMatch(m, text)
            parts.append(text[last : m.start()])
            parts.append(repl(cm) if callable(repl) else cm.expand(repl))
            last = m.end()
            n += 1
            if count and n >= count:
                break
        parts.append(text[last:])
        return "".join(parts), n

    def sub(self, repl: str | Callable[[Any], str], text: str, count: int = 0) -> str:
        return self.subn(repl, text, count)[0]

    def split(self, text: str, maxsplit: int = 0) -> list[str | None]:
        low = self._folded(text)
        if low is None:
            return self.slow.split(text, maxsplit)
        out: list[str | None] = []
        last = 0
        for n, m in enumerate(self.fast.finditer(low), 1):
            out.append(text[last : m.start()])
            cm = CaselessMatch(m, text)
            out.extend(cm._one(i) for i in range(1, self.groups + 1))
            last = m.end()
            if maxsplit and n >= maxsplit:
                break
        out.append(text[last:])
        return out

    def __repr__(self) -> str:
        return f"caseless({self.pattern[:60]!r})"


@functools.cache
def caseless(pattern: str, flags: int = 0) -> Caseless:
    """A fast case-insensitive pattern (``re.compile(pattern, re.I | flags)`` in behaviour)."""
    return Caseless(pattern, flags)
