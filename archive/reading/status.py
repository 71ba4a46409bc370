"""An agreement's legal status, derived from the facts stored about it, with the reason in words.

The stored ``Agreement.status`` is what a parser or an editor once wrote down; the facts (dates,
term, renewal, superseding agreements) let us say what the status is *today*. ``derive_status``
applies these rules, first match wins:

1. a draft is a draft;
2. terminated, if a termination date is on or before today;
3. superseded, if a superseding agreement is in force (its entry into force known and on or before
   today) — or *probably* superseded when that agreement's entry into force is not recorded;
4. in force, if it entered into force on or before today and its term is indefinite, has not ended,
   or is renewed automatically (the current period ends at entry into force + term + k·renewal);
5. expired, if its fixed term ended and it has no automatic renewal;
6. signed (not yet in force), if it was signed and its entry into force is unknown or in the future;
7. otherwise the stored status stands in, if it says anything ("recorded as …"), else unknown.

Dates are added with :func:`add_months`, which clamps the day to the end of the month
(29 February + 1 year = 28 February). Periods are always counted from the date of entry into force,
not from the previous period end, so a clamp never drifts (29 February 2000 + 20 years is
29 February 2020, not 28 February).

Codes are a closed set: ``in_force``, ``expired``, ``terminated``, ``superseded``, ``signed``,
``draft``, ``unknown``. A stored status of *suspended* maps to ``in_force`` (under the Vienna
Convention a suspended treaty is still in force; only its operation stops), and the label and
reason say it is suspended.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field, replace

__all__ = [
    "CODES",
    "DerivedStatus",
    "StatusFacts",
    "add_months",
    "derive_status",
    "format_date",
]

CODES = ("in_force", "expired", "terminated", "superseded", "signed", "draft", "unknown")

LABELS = {
    "in_force": "In force",
    "expired": "Expired",
    "terminated": "Terminated",
    "superseded": "Superseded",
    "signed": "Signed",  # entry into force not recorded: the reason says so
    "draft": "Draft",
    "unknown": "Status unknown",
}

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# (title, signed date, entry-into-force date) of an agreement that supersedes this one.
Superseding = tuple[str, "dt.date | None", "dt.date | None"]


@dataclass(frozen=True)
class StatusFacts:
    """What is stored about one agreement, as plain values (the view adapts the model)."""

    signed_date: dt.date | None = None
    entry_into_force_date: dt.date | None = None
    termination_date: dt.date | None = None
    term_indefinite: bool | None = None
    term_years: int | None = None
    renewal_years: int | None = None
    notice_months: int | None = None
    superseded_by: list[Superseding] = field(default_factory=list)
    stored_status: str = "unknown"
    is_draft: bool = False


@dataclass(frozen=True)
class DerivedStatus:
    """The status today.

    ``next_renewal`` is the end of the current period of an automatically renewed agreement,
    ``notice_deadline`` the last day to give notice so that it is not renewed then, and
    ``expires`` the day it ends or ended: a fixed term without renewal, a termination date, or the
    entry into force of the agreement that superseded it.
    """

    code: str
    label: str
    reason: str
    next_renewal: dt.date | None = None
    notice_deadline: dt.date | None = None
    expires: dt.date | None = None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (negative goes back), the day clamped to the end of the month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def format_date(day: dt.date) -> str:
    """'7 June 2024' — English, without depending on the process locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _years(n: int) -> str:
    return f"{n}-year"


def _every(n: int) -> str:
    return "every year" if n == 1 else f"every {n} years"


def _notice_clause(facts: StatusFacts) -> str:
    if facts.notice_months:
        unit = "month" if facts.notice_months == 1 else "months"
        return f" Either party may terminate it by giving {facts.notice_months} {unit}' notice."
    return ""


def _status(code: str, reason: str, label: str | None = None, **dates: dt.date | None) -> DerivedStatus:
    return DerivedStatus(code=code, label=label or LABELS[code], reason=reason, **dates)


def derive_status(facts: StatusFacts, today: dt.date) -> DerivedStatus:
    """The status of the agreement described by ``facts`` on ``today``, with a one- or two-sentence reason."""
    if facts.is_draft or facts.stored_status == "draft":
        return _status("draft", "A draft: it has not been signed.")

    if facts.termination_date and facts.termination_date <= today:
        return _status(
            "terminated", f"Terminated on {format_date(facts.termination_date)}.", expires=facts.termination_date
        )

    superseded = _superseded(facts, today)
    if superseded:
        return superseded

    eif = facts.entry_into_force_date
    if eif and eif <= today:
        status = _in_force_or_expired(facts, eif, today)
    elif facts.signed_date:
        status = _signed(facts)
    else:
        status = _from_stored(facts, prefix="") or _status("unknown", "Not enough is recorded to tell its status.")

    # An editor may know an agreement ended without knowing when: a stored terminal status
    # outweighs "in force" or "signed" inferred from dates alone (a dated expiry stands).
    stored = facts.stored_status
    stored_end = stored == "terminated" or (stored == "superseded" and not facts.superseded_by)
    if status.code in ("in_force", "signed") and stored_end:
        recorded = _from_stored(facts, prefix="")
        assert recorded is not None
        return recorded

    status = _with_pending(status, facts, today)
    if facts.stored_status == "suspended" and status.code == "in_force":
        status = replace(
            status,
            label="In force (suspended)",
            reason=status.reason + " Its operation is recorded as suspended.",
        )
    return status


def _superseded(facts: StatusFacts, today: dt.date) -> DerivedStatus | None:
    in_force = sorted(
        ((eif, title) for title, _signed, eif in facts.superseded_by if eif and eif <= today),
        key=lambda pair: pair[0],
    )
    if in_force:
        eif, title = in_force[0]
        return _status("superseded", f"Superseded by {_name(title)}, in force since {format_date(eif)}.", expires=eif)
    undated = [
        (title, signed)
        for title, signed, eif in facts.superseded_by
        if eif is None and (signed is None or signed <= today)
    ]
    if undated:
        title, signed = undated[0]
        signed_part = f", signed on {format_date(signed)}" if signed else ""
        return _status(
            "superseded",
            f"Probably superseded by {_name(title)}{signed_part}; "
            "the date that agreement entered into force is not recorded.",
            label="Probably superseded",
        )
    return None


def _name(title: str) -> str:
    """The title after "by"/"The": 'the Agreement on …' in English, a title in another script as it is."""
    title = title.strip() or "later agreement"
    if title.lower().startswith("the "):
        title = title[4:]
    return f"the {title}" if title[0].isascii() else title


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _in_force_or_expired(facts: StatusFacts, eif: dt.date, today: dt.date) -> DerivedStatus:
    since = f"In force since {format_date(eif)}"
    pending_end = facts.termination_date  # after today here (earlier ones returned "terminated")
    if facts.term_indefinite:
        reason = f"{since}; indefinite term." + _notice_clause(facts)
        return _status("in_force", reason, expires=pending_end)

    term = facts.term_years or facts.renewal_years  # a renewal with no stated term: periods of that length
    if not term:
        return _status("in_force", f"{since}; its term is not recorded.", expires=pending_end)

    first_end = add_months(eif, 12 * term)
    renewal = facts.renewal_years
    if not renewal:
        if today < first_end:
            return _status(
                "in_force",
                f"{since}; its {_years(term)} term ends on {format_date(first_end)} and it has no automatic renewal.",
                expires=min(first_end, pending_end) if pending_end else first_end,
            )
        return _status(
            "expired",
            f"Expired on {format_date(first_end)}: its {_years(term)} term ended and it has no automatic renewal.",
            expires=first_end,
        )

    # Renewed automatically: the current period is the first one whose end is after today.
    if today < first_end:
        period_end = first_end
        head = (
            f"{since}. Its initial {_years(term)} term ends on {format_date(period_end)}, "
            f"after which it is renewed automatically {_every(renewal)}"
        )
    else:
        k, period_end = 0, first_end
        while period_end <= today:
            k += 1
            period_end = add_months(eif, 12 * (term + k * renewal))
        head = f"{since}. Renewed automatically {_every(renewal)}; the current period ends on {format_date(period_end)}"
    deadline = add_months(period_end, -facts.notice_months) if facts.notice_months else None
    tail = f"; notice to terminate must be given by {format_date(deadline)}." if deadline else "."
    return _status("in_force", head + tail, next_renewal=period_end, notice_deadline=deadline, expires=pending_end)


def _signed(facts: StatusFacts) -> DerivedStatus:
    assert facts.signed_date is not None
    signed = f"Signed on {format_date(facts.signed_date)}"
    eif = facts.entry_into_force_date
    if eif:  # in the future
        return _status("signed", f"{signed}; it enters into force on {format_date(eif)}.")
    stored = _from_stored(facts, prefix=f"{signed}; ")
    if stored and stored.code != "signed":
        return stored
    return _status("signed", f"{signed}; the date it entered into force is not recorded.")


# stored status -> (derived code, what to say), when the dates decide nothing
_STORED = {
    "in_force": ("in_force", "recorded as in force, but the date it entered into force is not recorded"),
    "suspended": ("in_force", "recorded as in force, but the date it entered into force is not recorded"),
    "terminated": ("terminated", "recorded as terminated; the date is not recorded"),
    "superseded": ("superseded", "recorded as superseded; the superseding agreement is not recorded"),
    "signed": ("signed", "recorded as signed; the dates are not recorded"),
}


def _from_stored(facts: StatusFacts, prefix: str) -> DerivedStatus | None:
    """The status as stored, saying so, or None when the stored status says nothing."""
    if facts.stored_status not in _STORED:
        return None
    code, clause = _STORED[facts.stored_status]
    sentence = f"{prefix}{clause}." if prefix else clause[0].upper() + clause[1:] + "."
    return _status(code, sentence)


def _with_pending(status: DerivedStatus, facts: StatusFacts, today: dt.date) -> DerivedStatus:
    """Add what is already known to come: a termination date or a supersession dated after today."""
    notes = []
    if status.code == "in_force" and facts.termination_date and facts.termination_date > today:
        notes.append(f"It terminates on {format_date(facts.termination_date)}.")
    if status.code in ("in_force", "signed"):
        later = sorted((eif, title) for title, _s, eif in facts.superseded_by if eif and eif > today)
        if later:
            eif, title = later[0]
            notes.append(f"{_cap(_name(title))} supersedes it on {format_date(eif)}.")
    if not notes:
        return status
    return replace(status, reason=" ".join([status.reason, *notes]))
