from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Text(models.Model):
    """One language version (expression) of an agreement."""

    agreement = models.ForeignKey("Agreement", on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=8)
    title = models.TextField(help_text="Title as written in this text")
    preamble = models.TextField(blank=True)
    final_clauses = models.TextField(blank=True)
    signature_block = models.TextField(blank=True)
    is_authentic = models.BooleanField(default=True, help_text="Authentic text, not a translation")
    source = models.ForeignKey("SourceDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="texts")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # None: a text not reviewed yet (a new upload, or a replaced text); readers do not see it
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "language"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "language"], name="text_one_per_language"),
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"

    def get_absolute_url(self) -> str:
        return reverse("agreement_detail", args=[self.agreement.slug]) + f"?lang={self.language}"


class Article(models.Model):
    """An article of a text: the unit of search hits and of permalinks (#art-N)."""

    text = models.ForeignKey(Text, on_delete=models.CASCADE, related_name="articles")
    position = models.PositiveIntegerField()
    number = models.CharField(max_length=20, help_text="As numbered in the text: 1, 12bis")
    heading = models.TextField(blank=True)
    label = models.CharField(
        max_length=80,
        blank=True,
        default="",
        db_default="",
        help_text="The heading as written: Article 5, 5-бап, Статья 5",
    )
    chapter = models.TextField(
        blank=True, default="", db_default="", help_text="The chapter or section heading that opens before this article"
    )
    body = models.TextField()
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["text", "position"]
        constraints = [
            models.UniqueConstraint(fields=["text", "position"], name="article_position_unique"),
            models.UniqueConstraint(fields=["text", "number"], name="article_number_unique"),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="article_search_gin")]

    def __str__(self) -> str:
        return f"Article {self.number}"

    @property
    def anchor(self) -> str:
        return f"art-{self.number}"
