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


class Review(models.Model):
    """An editor's review of what the parser made of a source: which facts were corrected,
    each with the parser's value and the editor's (``changes``: ``{field: [parser, editor]}``).
    ``manage.py export_corrections`` turns them into test cases for the parser."""

    class Action(models.TextChoices):
        SAVE = "save", "saved"
        PUBLISH = "publish", "published"
        MERGE = "merge", "merged into another agreement"
        SEND_BACK = "send_back", "sent back"
        REJECT = "reject", "rejected"

    agreement = models.ForeignKey("Agreement", null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews")
    source = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=10, choices=Action.choices)
    reviewed_fields = models.JSONField(default=list, help_text="The facts the form showed")
    changes = models.JSONField(default=dict, help_text="{field: [parser's value, editor's value]}")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.agreement_id or ''} by {self.editor_id or '?'}"
