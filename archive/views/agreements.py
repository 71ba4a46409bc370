from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from archive.filters import AgreementFilter
from archive.models import Agreement, SourceDocument

from .paging import paginate, query_without


@require_GET
def agreement_list(request, template: str = "archive/agreement_list.html"):
    filterset = AgreementFilter(request.GET or None, queryset=Agreement.objects.for_list())
    invalid = filterset.is_bound and not filterset.is_valid()
    agreements = Agreement.objects.none() if invalid else filterset.qs
    page = paginate(request, agreements)
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page": page,
            "query": query_without(request, "page"),
            "errors": filterset.errors if filterset.is_bound else {},
        },
    )


@require_GET
def search(request):
    return agreement_list(request, template="archive/search.html")


@require_GET
def agreement_detail(request, slug: str):
    agreement = get_object_or_404(Agreement.objects.for_detail(), slug=slug)
    texts = list(agreement.texts.all())
    return render(
        request,
        "archive/agreement_detail.html",
        {
            "agreement": agreement,
            "texts": texts,
            "parties": list(agreement.parties.all()),
            "acts": list(agreement.acts.all()),
            "relations_out": list(agreement.relations_out.all()),
            "relations_in": list(agreement.relations_in.all()),
            "sources": list(agreement.sources.all()),
            "authorities": list(agreement.authorities.all()),
        },
    )


@require_GET
def source_download(request, sha256: str):
    source = get_object_or_404(SourceDocument, sha256=sha256.lower())
    try:
        handle = source.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The original file is missing from storage.") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=source.filename,
        content_type=source.media_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
