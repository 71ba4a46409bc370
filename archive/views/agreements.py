from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from archive.filters import AgreementFilter
from archive.models import Agreement, SourceDocument
from archive.models.search import did_you_mean, explain
from archive.search.query import search as compile_search
from archive.search.snippets import highlight_spans

from .paging import paginate, query_without


def _filtered(request):
    filterset = AgreementFilter(request.GET or None, queryset=Agreement.objects.for_list().newest_first())
    invalid = filterset.is_bound and not filterset.is_valid()
    return filterset, Agreement.objects.none() if invalid else filterset.qs


@require_GET
def agreement_list(request):
    filterset, agreements = _filtered(request)
    page = paginate(request, agreements)
    compiled = filterset.compiled_query
    if compiled:
        explain(page.object_list, compiled)
    return render(
        request,
        "archive/agreement_list.html",
        {"filter": filterset, "page": page, "query": query_without(request, "page"), "errors": filterset.errors
         if filterset.is_bound else {}, "compiled": compiled},
    )


@require_GET
def search(request):
    filterset, agreements = _filtered(request)
    compiled = filterset.compiled_query
    page = paginate(request, agreements)
    explain(page.object_list, compiled) if compiled else None
    suggestion = did_you_mean(request.GET.get("q", "")) if compiled and not page.paginator.count else None
    return render(
        request,
        "archive/search.html",
        {
            "filter": filterset, "page": page, "query": query_without(request, "page"),
            "errors": filterset.errors if filterset.is_bound else {}, "compiled": compiled,
            "facets": agreements.facets() if page.paginator.count else {}, "suggestion": suggestion,
            "facet_query": query_without(request, "page"),
        },
    )


@require_GET
def agreement_detail(request, slug: str):
    agreement = get_object_or_404(Agreement.objects.for_detail(), slug=slug)
    texts = list(agreement.texts.all())
    q = request.GET.get("q", "")[:256]
    if q.strip():
        _highlight(texts, compile_search(q))
    return render(
        request,
        "archive/agreement_detail.html",
        {
            "agreement": agreement, "texts": texts, "parties": list(agreement.parties.all()),
            "acts": list(agreement.acts.all()), "relations_out": list(agreement.relations_out.all()),
            "relations_in": list(agreement.relations_in.all()), "sources": list(agreement.sources.all()),
            "authorities": list(agreement.authorities.all()), "q": q,
        },
    )


def _highlight(texts, compiled) -> None:
    """Mark the query's words in the article bodies (?q= carried over from a search)."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    from archive.search.text import clean

    if compiled.is_empty:
        return
    for text in texts:
        for article in text.articles.all():
            body = clean(article.body)
            spans = highlight_spans(body, text.language, compiled.lexemes)
            if not spans:
                continue
            out, pos = [], 0
            for start, end in spans:
                out += [escape(body[pos:start]), "<mark>", escape(body[start:end]), "</mark>"]
                pos = end
            out.append(escape(body[pos:]))
            article.highlighted = mark_safe("".join(out).replace("\n", "<br>"))


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
