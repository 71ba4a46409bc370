"""/compare/clauses/: one clause (termination, dispute settlement …) of every matching agreement, side by side."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import get_language, gettext, gettext_lazy
from django.views.decorators.http import require_safe

from archive.filters import PairField
from archive.models import Agreement, Article, Country, Text, Topic
from archive.reading.clauses import Evidence, classify, clause_label, clause_labels

from . import visibility

#: at most this many agreements are compared on one page (each is classified at read time)
COMPARE_CAP = 40


class ClauseForm(forms.Form):
    clause = forms.ChoiceField(label=gettext_lazy("Clause"), required=False)
    pair = PairField(label=gettext_lazy("Country pair"), required=False, max_length=5)
    country = forms.ModelChoiceField(
        Country.objects.all(), to_field_name="code", label=gettext_lazy("Country"), required=False
    )
    topic = forms.ModelChoiceField(
        Topic.objects.order_by("slug"),
        to_field_name="slug",
        label=gettext_lazy("Topic"),
        required=False,
        empty_label="—",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = [("", "—"), *clause_labels(gettext)]
        self.fields["country"].widget = forms.TextInput(attrs={"size": 3, "maxlength": 2, "placeholder": "KZ"})
        language = (get_language() or "en")[:2]
        self.fields["topic"].label_from_instance = lambda topic: topic.label(language)
        self.fields["pair"].widget.attrs.update({"size": 6, "placeholder": "AZ-KZ"})


@dataclass
class Found:
    article: Article
    anchor: str  # the article's id on the agreement page
    evidence: Evidence


@dataclass
class Column:
    agreement: Agreement
    text: Text
    found: list[Found]


def article_fragment(texts: list[Text], text: Text, article: Article) -> str:
    """The id the agreement page gives ``article``: the first text's articles are ``art-N``,
    the others' ``<language>-art-N`` (templates/archive/agreement_detail.html)."""
    return article.anchor if texts and texts[0].pk == text.pk else f"{text.language}-{article.anchor}"


def clause_columns(agreement: Agreement, clause: str, language: str) -> Column | None:
    """The articles of ``agreement`` holding ``clause``: in the text of the interface language
    when it has them, else in the first text (authentic first) that does."""
    texts = list(agreement.texts.all())
    ordered = sorted(texts, key=lambda t: t.language != language)
    for text in ordered:
        found = []
        for article in text.articles.all():
            result = classify(article.heading, article.body, text.language)
            if clause in result.clauses:
                found.append(Found(article, article_fragment(texts, text, article), result.evidence_for(clause)))
        if found:
            return Column(agreement, text, found)
    return None


@require_safe
def clause_compare(request):
    form = ClauseForm(request.GET or None)
    context: dict = {"form": form, "columns": [], "without": [], "cap": COMPARE_CAP, "capped": False}
    if not form.is_bound or not form.is_valid():
        return render(request, "archive/clause_compare.html", context)
    data = form.cleaned_data
    clause = data.get("clause") or ""
    agreements = visibility.agreements(request)
    if data.get("pair"):
        agreements = agreements.with_all_parties(data["pair"].split("-"))
    if data.get("country"):
        agreements = agreements.with_all_parties([data["country"].code])
    if data.get("topic"):
        agreements = agreements.with_topic(data["topic"])
    context.update(
        {
            "clause": clause,
            "clause_label": clause_label(clause, gettext) if clause else "",
            "pair": data.get("pair") or "",
            "country": data.get("country"),
            "topic": data.get("topic"),
        }
    )
    if not clause:
        return render(request, "archive/clause_compare.html", context)
    texts = Text.objects.order_by("-is_authentic", "language")
    if not visibility.editor(request):
        texts = texts.filter(published_at__isnull=False)
    rows = list(
        agreements.prefetch_related(
            Prefetch(
                "texts",
                queryset=texts.prefetch_related(Prefetch("articles", queryset=Article.objects.order_by("position"))),
            )
        ).order_by("signed_date", "slug")[: COMPARE_CAP + 1]
    )
    context["capped"] = len(rows) > COMPARE_CAP
    language = (get_language() or "en")[:2]
    for agreement in rows[:COMPARE_CAP]:
        column = clause_columns(agreement, clause, language)
        if column:
            context["columns"].append(column)
        else:
            context["without"].append(agreement)
    return render(request, "archive/clause_compare.html", context)
