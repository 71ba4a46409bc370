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

Words follow the caller's language: ``translate`` (a ``gettext``; identity by default, so this
module needs no Django) turns each whole English sentence template into the interface language
before its named placeholders are filled, and ``language`` picks how dates are written. The
templates are marked with ``gettext_noop`` so that ``makemessages`` finds them; the labels and the
date formatting are :mod:`archive.reading.labels`', shared with the drawings and the model choices.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field, replace

from .labels import STATUS_LABELS, Translate, Words, format_date, gettext_noop

__all__ = [
    "CODES",
    "LABELS",
    "DerivedStatus",
    "StatusFacts",
    "Translate",
    "add_months",
    "derive_status",
    "format_date",
    "gettext_noop",
]

CODES = ("in_force", "provisional", "expired", "terminated", "superseded", "ratified", "signed", "draft", "unknown")

# Plain labels stay English here: the ``status_label`` template filter maps them to the
# translated Status choices. Labels of their own ("Probably superseded") are translated.
LABELS = {code: STATUS_LABELS[code] for code in CODES}
LABELS["unknown"] = "Status unknown"  # shown as the Status choice "Unknown" (status_label)

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
    # the approving or ratifying acts known, in words ("Law of Kazakhstan No. 12 of 1 May 2006")
    ratified_by: tuple[str, ...] = ()


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


class _Words(Words):
    """Translation and date formatting for one call of :func:`derive_status`."""

    def every(self, n: int) -> str:
        return self(gettext_noop("every year")) if n == 1 else self(gettext_noop("every {years} years"), years=n)

    def name(self, title: str) -> str:
        """The title after "by": 'the Agreement on …' in English, a title in another script as it is."""
        title = title.strip()
        if not title:
            return self(gettext_noop("the later agreement"))
        if self.language.split("-")[0] != "en":
            return title
        if title.lower().startswith("the "):
            title = title[4:]
        return f"the {title}" if title[0].isascii() else title


def _notice_clause(facts: StatusFacts, w: _Words) -> str:
    if facts.notice_months == 1:
        return " " + w(gettext_noop("Either party may terminate it by giving 1 month' notice."))
    if facts.notice_months:
        return " " + w(
            gettext_noop("Either party may terminate it by giving {months} months' notice."), months=facts.notice_months
        )
    return ""


def _status(code: str, reason: str, label: str | None = None, **dates: dt.date | None) -> DerivedStatus:
    return DerivedStatus(code=code, label=label or LABELS[code], reason=reason, **dates)


def derive_status(
    facts: StatusFacts, today: dt.date, translate: Translate | None = None, language: str = "en"
) -> DerivedStatus:
    """The status of the agreement described by ``facts`` on ``today``, with a one- or two-sentence reason.

    ``translate`` (identity by default) translates each English sentence template, ``language``
    formats the dates: pass ``gettext`` and the interface language to speak it.
    """
    w = _Words(translate, language)
    if facts.is_draft or facts.stored_status == "draft":
        return _status("draft", w(gettext_noop("A draft: it has not been signed.")))

    if facts.termination_date and facts.termination_date <= today:
        return _status(
            "terminated",
            w(gettext_noop("Terminated on {date}."), date=w.date(facts.termination_date)),
            expires=facts.termination_date,
        )

    superseded = _superseded(facts, today, w)
    if superseded:
        return superseded

    eif = facts.entry_into_force_date
    if eif and eif <= today:
        status = _in_force_or_expired(facts, eif, today, w)
    elif facts.signed_date:
        status = _signed(facts, w)
    else:
        status = _from_stored(facts, w)
        if status is None and facts.ratified_by:
            status = _status(
                "ratified",
                w(
                    gettext_noop("Ratified or approved by {acts}; the date it entered into force is not recorded."),
                    acts="; ".join(facts.ratified_by),
                ),
            )
        status = status or _status("unknown", w(gettext_noop("Not enough is recorded to tell its status.")))

    # An editor may know an agreement ended without knowing when: a stored terminal status
    # outweighs "in force" or "signed" inferred from dates alone (a dated expiry stands).
    stored = facts.stored_status
    stored_end = stored == "terminated" or (stored == "superseded" and not facts.superseded_by)
    if status.code in ("in_force", "signed", "ratified") and stored_end:
        recorded = _from_stored(facts, w)
        assert recorded is not None
        return recorded

    status = _with_pending(status, facts, today, w)
    if facts.stored_status == "suspended" and status.code == "in_force":
        status = replace(
            status,
            label=w(gettext_noop("In force (suspended)")),
            reason=status.reason + " " + w(gettext_noop("Its operation is recorded as suspended.")),
        )
    return status


def _superseded(facts: StatusFacts, today: dt.date, w: _Words) -> DerivedStatus | None:
    in_force = sorted(
        ((eif, title) for title, _signed, eif in facts.superseded_by if eif and eif <= today),
        key=lambda pair: pair[0],
    )
    if in_force:
        eif, title = in_force[0]
        reason = w(
            gettext_noop("Superseded by {agreement}, in force since {date}."), agreement=w.name(title), date=w.date(eif)
        )
        return _status("superseded", reason, expires=eif)
    undated = [
        (title, signed)
        for title, signed, eif in facts.superseded_by
        if eif is None and (signed is None or signed <= today)
    ]
    if undated:
        title, signed = undated[0]
        if signed:
            reason = w(
                gettext_noop(
                    "Probably superseded by {agreement}, signed on {date}; "
                    "the date that agreement entered into force is not recorded."
                ),
                agreement=w.name(title),
                date=w.date(signed),
            )
        else:
            reason = w(
                gettext_noop(
                    "Probably superseded by {agreement}; the date that agreement entered into force is not recorded."
                ),
                agreement=w.name(title),
            )
        return _status("superseded", reason, label=w(gettext_noop("Probably superseded")))
    return None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _in_force_or_expired(facts: StatusFacts, eif: dt.date, today: dt.date, w: _Words) -> DerivedStatus:
    since = w.date(eif)
    pending_end = facts.termination_date  # after today here (earlier ones returned "terminated")
    if facts.term_indefinite:
        reason = w(gettext_noop("In force since {date}; indefinite term."), date=since) + _notice_clause(facts, w)
        return _status("in_force", reason, expires=pending_end)

    term = facts.term_years or facts.renewal_years  # a renewal with no stated term: periods of that length
    if not term:
        reason = w(gettext_noop("In force since {date}; its term is not recorded."), date=since)
        return _status("in_force", reason, expires=pending_end)

    first_end = add_months(eif, 12 * term)
    renewal = facts.renewal_years
    if not renewal:
        if today < first_end:
            reason = w(
                gettext_noop(
                    "In force since {date}; its {years}-year term ends on {end} and it has no automatic renewal."
                ),
                date=since,
                years=term,
                end=w.date(first_end),
            )
            return _status("in_force", reason, expires=min(first_end, pending_end) if pending_end else first_end)
        reason = w(
            gettext_noop("Expired on {date}: its {years}-year term ended and it has no automatic renewal."),
            date=w.date(first_end),
            years=term,
        )
        return _status("expired", reason, expires=first_end)

    # Renewed automatically: the current period is the first one whose end is after today.
    deadline: dt.date | None
    if today < first_end:
        period_end = first_end
        deadline = add_months(period_end, -facts.notice_months) if facts.notice_months else None
        values = {"date": since, "years": term, "end": w.date(period_end), "every": w.every(renewal)}
        if deadline:
            reason = w(
                gettext_noop(
                    "In force since {date}. Its initial {years}-year term ends on {end}, after which it is renewed "
                    "automatically {every}; notice to terminate must be given by {deadline}."
                ),
                deadline=w.date(deadline),
                **values,
            )
        else:
            reason = w(
                gettext_noop(
                    "In force since {date}. Its initial {years}-year term ends on {end}, after which it is renewed "
                    "automatically {every}."
                ),
                **values,
            )
    else:
        # start a period or so before today (every earlier period ended before it), not at the first:
        # a yearly renewal since 1950 is then a step or two, not seventy
        months_past = (today.year - first_end.year) * 12 + today.month - first_end.month
        k = max(0, months_past // (12 * renewal) - 1)
        period_end = add_months(eif, 12 * (term + k * renewal))
        while period_end <= today:
            k += 1
            period_end = add_months(eif, 12 * (term + k * renewal))
        deadline = add_months(period_end, -facts.notice_months) if facts.notice_months else None
        values = {"date": since, "end": w.date(period_end), "every": w.every(renewal)}
        if deadline:
            reason = w(
                gettext_noop(
                    "In force since {date}. Renewed automatically {every}; the current period ends on {end}; "
                    "notice to terminate must be given by {deadline}."
                ),
                deadline=w.date(deadline),
                **values,
            )
        else:
            reason = w(
                gettext_noop("In force since {date}. Renewed automatically {every}; the current period ends on {end}."),
                **values,
            )
    return _status("in_force", reason, next_renewal=period_end, notice_deadline=deadline, expires=pending_end)


def _signed(facts: StatusFacts, w: _Words) -> DerivedStatus:
    assert facts.signed_date is not None
    signed = w.date(facts.signed_date)
    eif = facts.entry_into_force_date
    if eif:  # in the future
        return _status(
            "signed", w(gettext_noop("Signed on {date}; it enters into force on {eif}."), date=signed, eif=w.date(eif))
        )
    stored = _from_stored(facts, w, signed=signed)
    if stored and stored.code != "signed":
        return stored
    if facts.ratified_by:
        return _status(
            "ratified",
            w(
                gettext_noop(
                    "Signed on {date}; ratified or approved by {acts}; the date it entered into force is not recorded."
                ),
                date=signed,
                acts="; ".join(facts.ratified_by),
            ),
        )
    return _status(
        "signed", w(gettext_noop("Signed on {date}; the date it entered into force is not recorded."), date=signed)
    )


# stored status -> (derived code, the sentence alone, the sentence after the date of signature),
# when the dates decide nothing
_IN_FORCE_STORED = (
    "in_force",
    gettext_noop("Recorded as in force, but the date it entered into force is not recorded."),
    gettext_noop("Signed on {date}; recorded as in force, but the date it entered into force is not recorded."),
)
_STORED = {
    "provisional": (
        "provisional",
        gettext_noop("Recorded as applied provisionally, pending its entry into force."),
        gettext_noop("Signed on {date}; recorded as applied provisionally, pending its entry into force."),
    ),
    "in_force": _IN_FORCE_STORED,
    "suspended": _IN_FORCE_STORED,
    "terminated": (
        "terminated",
        gettext_noop("Recorded as terminated; the date is not recorded."),
        gettext_noop("Signed on {date}; recorded as terminated; the date is not recorded."),
    ),
    "superseded": (
        "superseded",
        gettext_noop("Recorded as superseded; the superseding agreement is not recorded."),
        gettext_noop("Signed on {date}; recorded as superseded; the superseding agreement is not recorded."),
    ),
    # after a date of signature "recorded as signed" adds nothing: the caller says it itself
    "signed": ("signed", gettext_noop("Recorded as signed; the dates are not recorded."), None),
}


def _from_stored(facts: StatusFacts, w: _Words, signed: str | None = None) -> DerivedStatus | None:
    """The status as stored, saying so, or None when the stored status says nothing."""
    if facts.stored_status not in _STORED:
        return None
    code, alone, after_signature = _STORED[facts.stored_status]
    if signed is None:
        return _status(code, w(alone))
    if after_signature is None:
        return _status(code, "")  # discarded by the caller
    return _status(code, w(after_signature, date=signed))


def _with_pending(status: DerivedStatus, facts: StatusFacts, today: dt.date, w: _Words) -> DerivedStatus:
    """Add what is already known to come: a termination date or a supersession dated after today."""
    notes = []
    if status.code == "in_force" and facts.termination_date and facts.termination_date > today:
        notes.append(w(gettext_noop("It terminates on {date}."), date=w.date(facts.termination_date)))
    if status.code in ("in_force", "signed", "ratified"):
        later = sorted((eif, title) for title, _s, eif in facts.superseded_by if eif and eif > today)
        if later:
            eif, title = later[0]
            notes.append(
                w(gettext_noop("{agreement} supersedes it on {date}."), agreement=_cap(w.name(title)), date=w.date(eif))
            )
    if not notes:
        return status
    return replace(status, reason=" ".join([status.reason, *notes]))
