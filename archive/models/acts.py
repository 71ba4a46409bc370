from django.contrib.postgres.indexes import GinIndex
from django.db import models
from simple_history.models import HistoricalRecords

from .choices import ActAction, ActType


class Act(models.Model):
    """The domestic instrument that approves, ratifies or authorises an agreement."""

    agreement = models.ForeignKey("Agreement", on_delete=models.CASCADE, related_name="acts")
    country = models.ForeignKey("Country", null=True, blank=True, on_delete=models.PROTECT)
    type = models.CharField(max_length=20, choices=ActType.choices, default=ActType.OTHER)
    action = models.CharField(max_length=10, choices=ActAction.choices, blank=True)
    number = models.CharField(max_length=40, blank=True, help_text="As printed, without № / N")
    date = models.DateField(null=True, blank=True)
    title = models.TextField(blank=True)
    text = models.TextField(blank=True)
    language = models.CharField(max_length=8, blank=True)
    source = models.ForeignKey("SourceDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="acts")
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        constraints = [
            # one decree per number and date in a country; a law whose number was cut off
            # from the published text is still recorded (number blank).
            models.UniqueConstraint(
                fields=["agreement", "country", "type", "number", "date"],
                name="act_unique_per_agreement",
                nulls_distinct=False,
            ),
        ]
        indexes = [
            models.Index(fields=["number"], name="act_number_idx"),
            # a number's digits anywhere in it ("752" in "752-р"): LIKE '%…%' through trigrams
            GinIndex(fields=["number"], name="act_number_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        bits = [self.get_type_display()]
        if self.number:
            bits.append(f"№ {self.number}")
        if self.date:
            bits.append(f"of {self.date:%d %B %Y}")
        return " ".join(bits)

    def get_absolute_url(self) -> str:
        """``/acts/kz/government-decree/2024-752/`` (archive.reading.acts: computed from the facts)."""
        from archive.reading.acts import act_path

        return act_path(self)

    @property
    def approves(self) -> bool:
        """A ratification or an approval (not an authorisation to sign, not a draft law)."""
        return self.action in (ActAction.RATIFY, ActAction.APPROVE)

    def phrase(self) -> str:
        """'Kazakhstan: Law No. 12 of 1 May 2006' in the interface language."""
        from django.utils.translation import get_language, gettext

        from archive.reading.status import format_date

        words = str(self.get_type_display())
        if self.number:
            words = gettext("%(act)s No. %(number)s") % {"act": words, "number": self.number}
        if self.date:
            words = gettext("%(act)s of %(date)s") % {
                "act": words,
                "date": format_date(self.date, get_language() or "en"),
            }
        if self.country_id and self.country:
            return f"{self.country.display_name((get_language() or 'en').split('-')[0])}: {words}"
        return words
