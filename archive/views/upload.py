"""Admin: upload files, preview what the parser makes of them, then confirm or cancel."""

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from archive.ingest.link import match_parsed
from archive.ingest.pipeline import parse_bytes
from archive.ingest.store import store_result
from archive.models import SourceDocument
from archive.reference import ensure_reference_data
from archive.uploads import BATCH_RE, SizeLimitUploadHandler, check_upload, discard, stage, staged_files

MAX_FILES = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    files = forms.FileField(
        label=_("Files"),
        widget=MultipleFileInput(attrs={"multiple": True, "accept": ".txt,.docx,.pdf,.html,.htm"}),
        help_text=_("Plain text, DOCX, PDF or HTML; up to 20 MB each; the originals are always kept."),
    )


def _require_permission(request) -> None:
    if not request.user.has_perm("archive.add_sourcedocument"):
        raise PermissionDenied


@csrf_exempt  # handlers must be set before CSRF reads the body; checked right below
def upload(request, admin_site):
    request.upload_handlers.insert(0, SizeLimitUploadHandler(request))
    return _upload(request, admin_site)


@csrf_protect
def _upload(request, admin_site):
    _require_permission(request)
    errors: list[str] = []
    form = UploadForm()
    if request.method == "POST":
        files = request.FILES.getlist("files")
        too_large = getattr(request, "upload_too_large", None)
        if too_large:
            errors.append(check_upload(too_large, 1 << 62) or f"{too_large}: too large")
        if not files and not errors:
            errors.append(str(_("Choose at least one file.")))
        if len(files) > MAX_FILES:
            errors.append(str(_("At most %(n)d files at once.")) % {"n": MAX_FILES})
        for upload_file in files:
            problem = check_upload(upload_file.name, upload_file.size)
            if problem:
                errors.append(problem)
        if not errors:
            batch = stage(files)
            return redirect(reverse("admin:archive_sourcedocument_preview", args=[batch]))
    context = {
        **admin_site.each_context(request),
        "title": _("Upload agreement files"),
        "form": form,
        "errors": errors,
        "opts": SourceDocument._meta,
    }
    return render(request, "admin/archive/upload_form.html", context, status=400 if errors else 200)


def preview(request, batch: str, admin_site):
    _require_permission(request)
    staged = staged_files(batch) if re.fullmatch(BATCH_RE, batch) else []
    if not staged:
        raise Http404("This upload has been confirmed, cancelled, or never existed.")
    if request.method == "POST":
        if request.POST.get("action") == "confirm":
            return _confirm(request, batch, staged)
        discard(batch)
        messages.info(request, _("Upload cancelled; nothing was stored."))
        return redirect("admin:archive_sourcedocument_upload")
    items = [_preview_item(item) for item in staged]
    context = {
        **admin_site.each_context(request),
        "title": _("Preview"),
        "items": items,
        "batch": batch,
        "opts": SourceDocument._meta,
    }
    return render(request, "admin/archive/upload_preview.html", context)


def _preview_item(item) -> dict:
    data = item.read()
    existing = SourceDocument.objects.filter(sha256=item.sha256).select_related("agreement").first()
    result = parse_bytes(data, item.filename)
    match = match_parsed(result.agreement, result.language) if result.agreement else None
    return {"item": item, "result": result, "contract": result.to_contract(), "existing": existing, "match": match}


def _confirm(request, batch: str, staged) -> object:
    ensure_reference_data()
    stored = 0
    for item in staged:
        data = item.read()
        outcome = store_result(parse_bytes(data, item.filename), data, item.filename, user=request.user)
        if outcome.duplicate:
            messages.info(request, _("%(name)s was already in the archive.") % {"name": item.filename})
        elif outcome.source.status == "failed":
            messages.error(request, f"{item.filename}: {outcome.source.error}")
        else:
            stored += 1
    discard(batch)
    messages.success(request, _("%(n)d file(s) stored.") % {"n": stored})
    return redirect("admin:archive_sourcedocument_changelist")
