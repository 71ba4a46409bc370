"""Admin: upload files, preview what the parser makes of them, then confirm or cancel."""

import logging
import re
import time
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from archive.ingest.budget import Bounded, ParserUnavailable, default_pool
from archive.ingest.extract import SUPPORTED_SUFFIXES
from archive.ingest.link import match_parsed
from archive.ingest.store import store_failure, store_result
from archive.models import Agreement, SourceDocument
from archive.reference import ensure_reference_data
from archive.uploads import (
    BATCH_RE,
    SizeLimitUploadHandler,
    check_upload,
    discard,
    stage,
    staged_files,
    update_staged,
)

MAX_FILES = 20
log = logging.getLogger(__name__)


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
        # a folder's worth: the files of kinds the archive reads; the rest (.DS_Store, images …) are skipped
        folder = request.FILES.getlist("folder")
        readable = [f for f in folder if PurePosixPath(f.name).suffix.lower() in SUPPORTED_SUFFIXES and f.size]
        if len(readable) < len(folder):
            messages.info(
                request,
                _("%(n)d file(s) of the folder skipped: not text, DOCX, PDF or HTML, or empty.")
                % {"n": len(folder) - len(readable)},
            )
        files += readable
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
        "max_files": MAX_FILES,
        "title": _("Upload agreement files"),
        "form": form,
        "errors": errors,
        "opts": SourceDocument._meta,
    }
    return render(request, "admin/archive/upload_form.html", context, status=400 if errors else 200)


class _Deadline:
    """The parsing time one request may spend in all (PARSE_REQUEST_BUDGET): each file gets
    its own budget (PARSE_TIME_LIMIT) or what is left, so a request never outlives the web
    server's timeout however many heavy files a batch holds."""

    def __init__(self) -> None:
        self.end = time.monotonic() + settings.PARSE_REQUEST_BUDGET

    def seconds(self) -> float:
        """The budget of the next file; 0 when too little is left to try."""
        left = self.end - time.monotonic()
        return min(float(settings.PARSE_TIME_LIMIT), left) if left >= 1 else 0.0


def _parse(item, data: bytes, seconds: float) -> Bounded | None:
    """The bounded parse; None when it ran out of the request's time, not of its own budget,
    or when no parser process could be started (the file is then neither judged nor stored:
    the next request gets to it)."""
    try:
        bounded = default_pool().parse(data, item.filename, seconds=seconds)
    except (ParserUnavailable, OSError):
        log.exception("no parser process for %s", item.filename)
        return None
    if bounded.over_budget == "time" and seconds < settings.PARSE_TIME_LIMIT:
        return None
    return bounded


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
    deadline = _Deadline()
    items = [_preview_item(item, deadline) for item in staged]
    if any(entry["refused_now"] for entry in items):
        update_staged(batch, staged)  # confirming will not parse those again
    context = {
        **admin_site.each_context(request),
        "title": _("Preview"),
        "items": items,
        # nothing readable: no "Confirm", only keeping the originals as failed, for the record
        "readable": any(_readable(entry) or entry["not_parsed"] for entry in items),
        "anything_new": any(entry["existing"] is None for entry in items),
        "batch": batch,
        "opts": SourceDocument._meta,
    }
    return render(request, "admin/archive/upload_preview.html", context)


def _preview_item(item, deadline: _Deadline) -> dict:
    entry = {"item": item, "result": None, "contract": None, "match": None, "not_parsed": False, "refused_now": False}
    entry["existing"] = SourceDocument.objects.filter(sha256=item.sha256).select_related("agreement").first()
    if entry["existing"]:  # confirming changes nothing: no need to parse it
        return entry
    if item.refused:
        entry["refused"] = item.refused
        return entry
    seconds = deadline.seconds()
    bounded = _parse(item, item.read(), seconds) if seconds else None
    if bounded is None:
        entry["not_parsed"] = True
        return entry
    result = bounded.result
    if bounded.over_budget:
        item.refused = result.error
        entry["refused_now"] = True
    entry.update(result=result, contract=result.to_contract())
    if result.agreement:
        entry["match"] = match_parsed(result.agreement, result.language)
        entry["term_words"] = term_words(result.agreement.term)
    return entry


def term_words(term) -> str:
    """The parsed term as the agreement page says it ("5 years; renewed automatically for
    5-year periods; 6 months' notice to terminate")."""
    if term is None or term.is_empty():
        return ""
    return Agreement(
        term_indefinite=term.indefinite,
        term_years=term.years,
        renewal_years=term.renewal_years,
        notice_months=term.notice_months,
    ).term_display


def _readable(entry: dict) -> bool:
    """Whether confirming would store something the archive can read."""
    return bool(entry["existing"] is None and not entry.get("refused") and not entry["not_parsed"]) and not (
        entry["result"] is not None and entry["result"].error
    )


def _confirm(request, batch: str, staged) -> object:
    ensure_reference_data()
    deadline = _Deadline()
    stored, left = 0, []
    for item in staged:
        if SourceDocument.objects.filter(sha256=item.sha256).exists():
            messages.info(request, _("%(name)s was already in the archive.") % {"name": item.filename})
            continue
        data = item.read()
        if item.refused:
            outcome = store_failure(data, item.filename, item.refused, user=request.user)
        else:
            seconds = deadline.seconds()
            bounded = _parse(item, data, seconds) if seconds else None
            if bounded is None:
                left.append(item)
                continue
            outcome = store_result(bounded.result, data, item.filename, user=request.user)
        if outcome.duplicate:
            messages.info(request, _("%(name)s was already in the archive.") % {"name": item.filename})
        elif outcome.source.status == "failed":
            messages.error(request, f"{item.filename}: {outcome.source.error}")
        else:
            stored += 1
            if outcome.agreement is not None:
                messages.info(
                    request,
                    format_html(
                        str(
                            _(
                                '{name}: stored as a draft — <a href="{review}">review and publish</a> · <a href="{page}">its page</a>'  # noqa: E501
                            )
                        ),
                        name=item.filename,
                        review=reverse("admin:archive_agreement_review", args=[outcome.agreement.pk]),
                        page=outcome.agreement.get_absolute_url(),
                    ),
                )
    messages.success(request, _("%(n)d file(s) stored.") % {"n": stored})
    if left:
        update_staged(batch, left)
        messages.warning(
            request,
            _("%(n)d file(s) not stored yet: this request ran out of parsing time. Confirm again to store them.")
            % {"n": len(left)},
        )
        return redirect(reverse("admin:archive_sourcedocument_preview", args=[batch]))
    discard(batch)
    return redirect("admin:archive_sourcedocument_changelist")
