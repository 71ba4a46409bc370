"""A strict validator for the tsquery strings compile_query emits (no database)."""

import re

_TOKEN = re.compile(r"\s*(<->|\(|\)|&|\||!|'(?:[^'\\]|'')+')")
_LEXEME = re.compile(r"'([^\W_]+)'")


def tokens(s: str) -> list[str]:
    out, pos = [], 0
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m:
            if s[pos:].strip() == "":
                break
            raise ValueError(f"bad char at {pos}: {s[pos : pos + 20]!r}")
        out.append(m.group(1))
        pos = m.end()
    return out


def validate(s: str) -> None:
    """Raise ValueError unless *s* is: expr := and ('|' and)*; and := un ('&' un)*;
    un := '!' un | seq; seq := prim ('<->' prim)*; prim := '(' expr ')' | 'lexeme'
    with lexemes of letters/digits only."""
    toks = tokens(s)
    i = 0

    def peek():
        return toks[i] if i < len(toks) else None

    def take(expected=None):
        nonlocal i
        t = peek()
        if t is None or (expected and t != expected):
            raise ValueError(f"expected {expected} at {i}, got {t}")
        i += 1
        return t

    def expr():
        conj()
        while peek() == "|":
            take()
            conj()

    def conj():
        unary()
        while peek() == "&":
            take()
            unary()

    def unary():
        if peek() == "!":
            take()
            unary()
        else:
            seq()

    def seq():
        prim()
        while peek() == "<->":
            take()
            prim()

    def prim():
        t = peek()
        if t == "(":
            take()
            expr()
            take(")")
        elif t and t.startswith("'"):
            if not _LEXEME.fullmatch(t):
                raise ValueError(f"bad lexeme {t!r}")
            take()
        else:
            raise ValueError(f"unexpected {t!r}")

    expr()
    if i != len(toks):
        raise ValueError(f"trailing tokens {toks[i:]}")
