from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from simple_history.models import HistoricalRecords


class Topic(models.Model):
    """One concept of the multilingual thesaurus (fixtures/topics.json)."""

    slug = models.SlugField(max_length=80, unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    labels = models.JSONField(default=dict, help_text="Preferred label by language code")
    synonyms = models.JSONField(default=dict, blank=True, help_text="Lists of synonyms by language code")
    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.label()

    def get_absolute_url(self) -> str:
        return reverse("topic_detail", args=[self.slug])

    def label(self, language: str | None = None) -> str:
        language = (language or get_language() or "en")[:2]
        return self.labels.get(language) or self.labels.get("en") or self.slug
