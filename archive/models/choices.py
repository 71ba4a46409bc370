"""Controlled vocabularies shared by the models, the parser's output and the API."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from archive.reading.labels import RELATION_LABELS, REVERSE_RELATION_LABELS, STATUS_LABELS


class ParsedChoices(models.TextChoices):
    @classmethod
    def parse(cls, value: str | None):
        """The member a parser's value names; OTHER (or "" where there is none) otherwise."""
        return cls(value) if value in cls.values else getattr(cls, "OTHER", "")


class Kind(ParsedChoices):
    TREATY = "treaty", _("Treaty")
    AGREEMENT = "agreement", _("Agreement")
    CONVENTION = "convention", _("Convention")
    PROTOCOL = "protocol", _("Protocol")
    MEMORANDUM = "memorandum", _("Memorandum")
    EXCHANGE_OF_NOTES = "exchange_of_notes", _("Exchange of notes")
    OTHER = "other", _("Other")


class Level(ParsedChoices):
    STATE = "state", _("State")
    GOVERNMENT = "government", _("Government")
    AGENCY = "agency", _("Agency")


class Status(models.TextChoices):
    DRAFT = "draft", _(STATUS_LABELS["draft"])
    RATIFIED = "ratified", _(STATUS_LABELS["ratified"])  # an approving or ratifying act known, entry into force not
    SIGNED = "signed", _(STATUS_LABELS["signed"])  # entry into force not recorded (yet)
    IN_FORCE = "in_force", _(STATUS_LABELS["in_force"])
    PROVISIONAL = "provisional", _(STATUS_LABELS["provisional"])  # set by an editor; the entry into force ends it
    SUSPENDED = "suspended", _(STATUS_LABELS["suspended"])
    EXPIRED = "expired", _(STATUS_LABELS["expired"])
    TERMINATED = "terminated", _(STATUS_LABELS["terminated"])
    SUPERSEDED = "superseded", _(STATUS_LABELS["superseded"])
    UNKNOWN = "unknown", _(STATUS_LABELS["unknown"])


class ActType(ParsedChoices):
    LAW = "law", _("Law")
    FEDERAL_LAW = "federal_law", _("Federal law")
    GOVERNMENT_DECREE = "government_decree", _("Government decree")
    GOVERNMENT_DECISION = "government_decision", _("Government decision")
    PRESIDENTIAL_DECREE = "presidential_decree", _("Presidential decree")
    OTHER = "other", _("Other act")


class ActAction(ParsedChoices):
    RATIFY = "ratify", _("Ratification")
    APPROVE = "approve", _("Approval")
    SIGN = "sign", _("Authorisation to sign")
    ACCEDE = "accede", _("Accession")
    SUBMIT = "submit", _("Submission of a draft law")
    OTHER = "other", _("Other")


class Predicate(models.TextChoices):
    """A relation read subject → object; ``reverse_label`` reads it object → subject."""

    BASED_ON = "based_on", _(RELATION_LABELS["based_on"])
    SUPERSEDES = "supersedes", _(RELATION_LABELS["supersedes"])
    AMENDS = "amends", _(RELATION_LABELS["amends"])
    IMPLEMENTS = "implements", _(RELATION_LABELS["implements"])
    REFERENCES = "references", _(RELATION_LABELS["references"])

    @property
    def reverse_label(self) -> str:
        return str(REVERSE_LABELS[self])


REVERSE_LABELS = {
    Predicate.BASED_ON: _(REVERSE_RELATION_LABELS["based_on"]),
    Predicate.SUPERSEDES: _(REVERSE_RELATION_LABELS["supersedes"]),
    Predicate.AMENDS: _(REVERSE_RELATION_LABELS["amends"]),
    Predicate.IMPLEMENTS: _(REVERSE_RELATION_LABELS["implements"]),
    Predicate.REFERENCES: _(REVERSE_RELATION_LABELS["references"]),
}


class ParseStatus(models.TextChoices):
    PARSED = "parsed", _("Parsed")
    NEEDS_REVIEW = "needs_review", _("Needs review")
    FAILED = "failed", _("Failed")
    REJECTED = "rejected", _("Rejected by an editor")  # kept, byte for byte, but not used


class SourceKind(models.TextChoices):
    TEXT = "text", _("Agreement text")
    ACT = "act", _("Act")
    NOTE = "note", _("Explanatory note")
    REGISTRY_CARD = "registry_card", _("Registry card")
    OTHER = "other", _("Other")


# Languages an agreement text may be in; names for display come from CLDR (Babel).
TEXT_LANGUAGES = ["kk", "ru", "hy", "en", "az", "uz", "ky", "tg", "tk", "tr", "ka", "be", "uk", "zh", "fa", "de", "fr"]
