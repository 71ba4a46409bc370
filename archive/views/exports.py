"""Take the data away: filtered lists as CSV/JSON, one agreement as JSON, Akoma Ntoso, citations."""

import csv
import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive.api.serializers import AgreementDetailSerializer
from archive.filters import AgreementFilter
from archive.formats import csv_cell
from archive.reading.akoma_ntoso import to_akn
from archive.reading.citation import bibtex, csl_json

from . import visibility
from .adapters import akn_document, citation_facts

EXPORT_CAP = 1000
CSV_FIELDS = [
    "slug",
    "url",
    "title",
    "title_en",
    "kind",
    "level",
    "parties",
    "signed_date",
    "signed_place",
    "entry_into_force_date",
    "status",
    "topics",
    "languages",
]


def _rows(request):
    filterset = AgreementFilter(
        request.GET or None, queryset=visibility.agreements(request).for_list().newest_first(), depth=EXPORT_CAP + 1
    )
    if filterset.is_bound and not filterset.is_valid():
        return None, filterset.errors
    agreements = list(filterset.qs.prefetch_related(visibility.texts(request))[: EXPORT_CAP + 1])
    rows = [
        {
            "slug": a.slug,
            "url": request.build_absolute_uri(a.get_absolute_url()),
            "title": a.title,
            "title_en": a.title_en,
            "kind": a.kind,
            "level": a.level,
            "parties": [p.country_id for p in a.parties.all()],
            "signed_date": a.signed_date.isoformat() if a.signed_date else None,
            "signed_place": a.signed_place,
            "entry_into_force_date": a.entry_into_force_date.isoformat() if a.entry_into_force_date else None,
            "status": a.status,
            "topics": [t.slug for t in a.topics.all()],
            "languages": sorted(t.language for t in a.texts.all()),
        }
        for a in agreements[:EXPORT_CAP]
    ]
    return rows, len(agreements) > EXPORT_CAP


@require_safe
def list_export(request, fmt: str):
    rows, truncated = _rows(request)
    if rows is None:
        return JsonResponse({"detail": "Invalid parameters.", "errors": truncated}, status=400)
    if fmt == "json":
        body = {"cap": EXPORT_CAP, "truncated": truncated, "count": len(rows), "results": rows}
        response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # a BOM so spreadsheet programs read UTF-8 as such
        writer = csv.DictWriter(response, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: csv_cell(";".join(v) if isinstance(v, list) else v) for k, v in row.items()})
    response["Content-Disposition"] = f'attachment; filename="agreements.{fmt}"'
    response["X-Export-Cap"] = str(EXPORT_CAP)
    response["X-Export-Truncated"] = "true" if truncated else "false"
    return response


def _agreement(request, slug):
    return visibility.agreement_or_404(request, slug)


@require_safe
def agreement_json(request, slug: str):
    data = AgreementDetailSerializer(_agreement(request, slug), context={"request": request}).data
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1, default=str), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{slug}.json"'
    return response


@require_safe
def agreement_akn(request, slug: str):
    agreement = _agreement(request, slug)
    texts = {t.language: t for t in agreement.texts.all()}
    if not texts:
        raise Http404("This agreement has no text yet, so there is no Akoma Ntoso document.")
    text = texts.get(request.GET.get("lang", "")) or next(iter(texts.values()))
    base = request.build_absolute_uri("/").rstrip("/")
    xml = to_akn(akn_document(agreement, text, list(agreement.parties.all()), base))
    response = HttpResponse(xml, content_type="application/akn+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}.{text.language}.akn.xml"'
    return response


@require_safe
def agreement_cite(request, slug: str, fmt: str):
    agreement = _agreement(request, slug)
    facts = citation_facts(
        agreement,
        list(agreement.parties.all()),
        list(agreement.acts.all()),
        request.build_absolute_uri(agreement.get_absolute_url()),
    )
    if fmt == "bib":
        response = HttpResponse(bibtex(facts), content_type="application/x-bibtex; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{slug}.bib"'
        return response
    return JsonResponse(
        [csl_json(facts)],
        safe=False,
        json_dumps_params={"ensure_ascii": False, "indent": 1},
        content_type="application/vnd.citationstyles.csl+json",
    )


@require_safe
def compare(request, slug: str):
    """Two language versions side by side, aligned article by article."""
    agreement = _agreement(request, slug)
    texts = {t.language: t for t in agreement.texts.all()}
    langs = list(texts)
    left = texts.get(request.GET.get("a", "")) or (texts[langs[0]] if langs else None)
    right = texts.get(request.GET.get("b", "")) or next((texts[code] for code in langs if texts[code] != left), None)
    rows = []
    if left and right:
        by_number = {a.number: a for a in right.articles.all()}
        seen = set()
        for article in left.articles.all():
            rows.append((article.number, article, by_number.get(article.number)))
            seen.add(article.number)
        rows += [(a.number, None, a) for a in right.articles.all() if a.number not in seen]
    return render(
        request,
        "archive/compare.html",
        {
            "agreement": agreement,
            "texts": list(texts.values()),
            "left": left,
            "right": right,
            "rows": rows,
        },
    )
