import hashlib
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.urls import reverse

from .choices import ParseStatus, SourceKind


def content_path(instance: "SourceDocument", filename: str) -> str:
    # Content-addressed: the name the uploader chose never becomes a path.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"sources/{instance.sha256[:2]}/{instance.sha256}{suffix}"


class SourceDocument(models.Model):
    """Every uploaded file, kept byte for byte; re-uploading the same bytes is a no-op."""

    sha256 = models.CharField(max_length=64, unique=True)
    file = models.FileField(upload_to=content_path, max_length=200)
    filename = models.CharField(max_length=255, help_text="Name as uploaded (display only)")
    media_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=16, choices=SourceKind.choices, default=SourceKind.TEXT)
    language = models.CharField(max_length=8, blank=True)
    agreement = models.ForeignKey("Agreement", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources")
    status = models.CharField(max_length=16, choices=ParseStatus.choices, default=ParseStatus.PARSED)
    error = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="The normalised text, for reading and search (notes)")
    report = models.JSONField(default=dict, blank=True, help_text="The parser's output and warnings")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"), name="source_sha256_hex"),
        ]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("source_download", args=[self.sha256])

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()
