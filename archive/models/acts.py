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
        indexes = [models.Index(fields=["number"], name="act_number_idx")]

    def __str__(self) -> str:
        bits = [self.get_type_display()]
        if self.number:
            bits.append(f"№ {self.number}")
        if self.date:
            bits.append(f"of {self.date:%d %B %Y}")
        return " ".join(bits)
