"""Admin: the review queue and the review page (domain logic in archive.review)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive import review
from archive.models import Agreement, Country, Kind, Level, Review, Topic


def _require_permission(request) -> None:
    if not request.user.has_perm("archive.change_agreement"):
        raise PermissionDenied


class ReviewForm(forms.Form):
    title = forms.CharField(label=_("Title"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    title_en = forms.CharField(label=_("Title in English"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    level = forms.ChoiceField(label=_("Level"), choices=[("", "—"), *Level.choices], required=False)
    signed_date = forms.DateField(label=_("Signed on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    signed_place = forms.CharField(label=_("Signed at"), required=False, max_length=120)
    entry_into_force_date = forms.DateField(
        label=_("Entered into force on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    term_indefinite = forms.NullBooleanField(label=_("Indefinite term"), required=False)
    term_years = forms.IntegerField(label=_("Term (years)"), required=False, min_value=0, max_value=999)
    renewal_years = forms.IntegerField(label=_("Renewed for (years)"), required=False, min_value=0, max_value=999)
    notice_months = forms.IntegerField(label=_("Notice (months)"), required=False, min_value=0, max_value=999)
    authentic_languages = forms.CharField(
        label=_("Authentic languages"), required=False, help_text=_("codes, comma-separated: kk, ru, en")
    )
    prevailing_language = forms.CharField(label=_("Prevailing language"), required=False, max_length=8)
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.SelectMultiple(attrs={"size": 6})
    )
    merge_into = forms.CharField(
        label=_("Merge into"), required=False, help_text=_("the address (slug) of the agreement this one is")
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, parties: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(t.slug, t.label()) for t in Topic.objects.order_by("slug")]
        self.party_values = parties
        self.party_codes: list[str] = []

    def clean_authentic_languages(self) -> list[str]:
        raw = self.cleaned_data.get("authentic_languages") or ""
        return [code.strip().lower() for code in raw.replace(";", ",").split(",") if code.strip()][:10]

    def clean(self):
        data = super().clean()
        unknown = []
        for value in self.party_values:
            if value.strip():
                code = review.country_code(value)
                if code is None:
                    unknown.append(value)
                else:
                    self.party_codes.append(code)
        if unknown:
            self.add_error(None, _("Unknown country: %(names)s") % {"names": ", ".join(unknown)})
        signed, eif = data.get("signed_date"), data.get("entry_into_force_date")
        if signed and eif and eif < signed:
            self.add_error("entry_into_force_date", _("The entry into force cannot come before the signature."))
        return data

    def values(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("merge_into", "note")}
        data["parties"] = self.party_codes
        data["topics"] = sorted(data.get("topics") or [])
        return data


def queue_view(request, admin_site):
    _require_permission(request)
    context = {
        **admin_site.each_context(request),
        "title": _("Review queue"),
        "items": review.queue(),
        "rates": [(name, n, total, round(100 * n / total)) for name, n, total in review.correction_rates()],
        "opts": Agreement._meta,
    }
    return render(request, "admin/archive/review_queue.html", context)


def review_view(request, pk: int, admin_site):
    _require_permission(request)
    agreement = get_object_or_404(Agreement, pk=pk)
    source = review.review_source(agreement)
    facts = review.facts_for_review(agreement, source)
    by_name = {fact.name: fact for fact in facts}
    current = review.current_values(agreement)
    if request.method == "POST":
        form = ReviewForm(request.POST, parties=request.POST.getlist("party"))
        action = request.POST.get("action", "save")
        if action == "reject":
            review.reject(agreement, request.user, request.POST.get("note", ""))
            messages.success(request, _("Rejected; its source is kept, marked rejected."))
            return redirect("admin:archive_agreement_review_queue")
        if action == "send_back":
            review.send_back(agreement, request.user, request.POST.get("note", ""))
            messages.info(request, _("Sent back: it stays a draft in the queue."))
            return redirect("admin:archive_agreement_review_queue")
        if form.is_valid():
            if action == "merge":
                target = Agreement.objects.filter(slug=form.cleaned_data["merge_into"].strip()).first()
                if target is None or target.pk == agreement.pk:
                    form.add_error("merge_into", _("No other agreement at this address."))
                else:
                    review.merge_into(agreement, target, request.user)
                    messages.success(request, _("Merged into %(title)s.") % {"title": target})
                    return redirect(reverse("admin:archive_agreement_review", args=[target.pk]))
            else:
                publishing = action == "publish"
                if publishing and review.needs_second_editor(agreement, request.user):
                    publishing = False
                    messages.warning(
                        request, _("Saved. A second editor's approval is required: another editor publishes it.")
                    )
                review.apply_review(
                    agreement,
                    form.values(),
                    request.user,
                    action=Review.Action.PUBLISH if publishing else Review.Action.SAVE,
                )
                if publishing:
                    agreement.refresh_from_db()
                    messages.success(request, _("Published at %(url)s.") % {"url": agreement.get_absolute_url()})
                    return redirect("admin:archive_agreement_review_queue")
                if action != "publish":
                    messages.success(request, _("Saved; still a draft.") if not agreement.published_at else _("Saved."))
                return redirect(reverse("admin:archive_agreement_review", args=[agreement.pk]))
    else:
        initial = {**current, "authentic_languages": ", ".join(current["authentic_languages"])}
        form = ReviewForm(initial=initial, parties=current["parties"])
    rows = [(form[name], by_name.get(name)) for name in review.FIELDS if name in form.fields]
    names = dict(Country.objects.values_list("code", "name"))
    parties = [f"{code} — {names.get(code, code)}" for code in (form.party_codes or current["parties"])]
    context = {
        **admin_site.each_context(request),
        "title": _("Review: %(title)s") % {"title": str(agreement)[:120]},
        "agreement": agreement,
        "source": source,
        "form": form,
        "rows": rows,
        "parties_fact": by_name["parties"],
        "party_inputs": [*parties, ""],
        "countries": sorted(names.items(), key=lambda item: item[1]),
        "highlighted": review.highlight(source.text, facts) if source and source.text else "",
        "reasons": (source.report or {}).get("review", []) if source else [],
        "warnings": (source.report or {}).get("warnings", []) if source else [],
        "decisions": (source.report or {}).get("decisions", []) if source else [],
        "opts": Agreement._meta,
        "original": agreement,
    }
    return render(request, "admin/archive/review.html", context)
