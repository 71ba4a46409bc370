from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language


class CountryQuerySet(models.QuerySet):
    def with_agreement_counts(self, public: bool = True):
        """Counts real agreements (with a text) and stubs alike: a stub is still a known treaty;
        ``public``: only the published ones (what readers see)."""
        published = models.Q(parties__agreement__published_at__isnull=False) if public else None
        return self.annotate(agreement_count=models.Count("parties", distinct=True, filter=published))


class Country(models.Model):
    """A state, by ISO 3166-1 alpha-2 code. Names come from CLDR (see archive.language.countries)."""

    code = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=100, help_text="English name (CLDR)")
    names = models.JSONField(default=dict, help_text="CLDR names by language code")
    variants = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        help_text="Spelling variants and inflected stems the parser matches",
    )

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso2"),
        ]

    def __str__(self) -> str:
        return self.display_name()

    def get_absolute_url(self) -> str:
        return reverse("country_detail", args=[self.code])

    def display_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "en")[:2]
        return self.names.get(language) or self.name
