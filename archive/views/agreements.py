from urllib.parse import quote

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from archive.chips import NOT_FILTERS, query_keeping
from archive.filters import AgreementFilter, filter_chips, picker_context
from archive.models import Agreement, Predicate, SourceDocument, SourceKind
from archive.reading.body import text_parts
from archive.reading.citation import bibtex
from archive.reading.citation import plain as cite_plain
from archive.reading.drawings import relation_graph_svg
from archive.search import engine
from archive.search.engine import did_you_mean, explain
from archive.search.facets import unfiltered_facet_counts
from archive.search.query import search as compile_search

from . import visibility
from .adapters import citation_facts, neighbourhood, relation_graph
from .exports import EXPORT_CAP
from .paging import paginate, query_without


def _results(request, keep: tuple[str, ...] = ()) -> dict:
    """What the list and the search pages share: the filters, a page of agreements with
    their hits explained and the facets of all of them, the chosen filters as chips, and
    the links to page, export and follow them. ``keep``: parameters that are no chip (the
    search page's words have their own box) and that "Clear all" keeps."""
    filterset = AgreementFilter(request.GET or None, queryset=visibility.agreements(request).for_list().newest_first())
    invalid = filterset.is_bound and not filterset.is_valid()
    agreements = Agreement.objects.none() if invalid else filterset.qs
    ranking = None if invalid else filterset.ranking  # what a search found, counted already
    page = paginate(request, agreements, count=len(ranking.ids) if ranking is not None else None)
    compiled = filterset.compiled_query
    if compiled:
        explain(page.object_list, compiled)
    acts = _matched_acts(request, page.object_list) if compiled else []
    unfiltered = not any(v.strip() for k, values in request.GET.lists() if k not in NOT_FILTERS for v in values)
    if not page.paginator.count:
        facets = {}
    elif unfiltered:
        facets = unfiltered_facet_counts(visibility.agreements(request), visibility.scope(request))
    else:
        facets = agreements.facets()
    chosen = filterset.form.cleaned_data.get("party") if filterset.is_bound and not invalid else None
    if chosen and facets.get("country"):  # a chosen party is a chip, not a value to add again
        facets = {**facets, "country": [f for f in facets["country"] if f.value not in chosen]}
    chips = filter_chips(request.GET, skip=keep)
    return {
        "facets": facets,
        "chips": chips,
        **picker_context(chips),
        "clear_all": "?" + query_keeping(request.GET, keep),
        "filter": filterset,
        "agreements": agreements,
        "page": page,
        "query": query_without(request, "page"),
        "export_cap": EXPORT_CAP,
        "errors": filterset.errors if filterset.is_bound else {},
        "compiled": compiled,
        # a search reaches the RESULT_CAP best of all its matches (archive.search.engine)
        "capped": ranking is not None and ranking.capped,
        "total": ranking.total if ranking is not None else page.paginator.count,
        "total_exact": ranking is None or ranking.exact,
        "result_cap": engine.RESULT_CAP,
        "matched_acts": acts,
    }


def _matched_acts(request, agreements) -> list[dict]:
    """The acts a query's number names (``№ 752``, ``N 527``, ``1363-Ա``), each with its page; the
    agreements of this page that one of them concerns get ``.matched_acts`` (shown on their row)."""
    from archive.reading.acts import find_acts, group_acts

    from .acts import visible_acts

    q = request.GET.get("q", "")[:256]
    groups = group_acts(find_acts(visible_acts(request), q))
    by_agreement: dict[int, list] = {}
    for group in groups:
        for act in group:
            by_agreement.setdefault(act.agreement_id, []).append(act)
    for agreement in agreements:
        agreement.matched_acts = by_agreement.get(agreement.pk, [])
    return [{"act": group[0], "agreements": [a.agreement for a in group]} for group in groups]


@require_safe
def agreement_list(request):
    return render(request, "archive/agreement_list.html", _results(request))


@require_safe
def search(request):
    context = _results(request, keep=("q",))
    found = context["page"].paginator.count
    context["q_encoded"] = quote(request.GET.get("q", ""))  # as the urlencode filter does, once a page
    context["suggestion"] = did_you_mean(request.GET.get("q", "")) if context["compiled"] and not found else None
    return render(request, "archive/search.html", context)


@require_safe
def agreement_detail(request, slug: str):
    agreement = visibility.agreement_or_404(request, slug)
    texts = list(agreement.texts.all())
    parties, acts = list(agreement.parties.all()), list(agreement.acts.all())
    relations = neighbourhood(agreement, editor=visibility.editor(request))
    relations_out = [r for r in relations if r.subject_id == agreement.pk]
    relations_in = [r for r in relations if r.object_id == agreement.pk]
    status = agreement.derive_status(
        superseded_by=[r.subject for r in relations_in if r.predicate == Predicate.SUPERSEDES]
    )
    q = request.GET.get("q", "")[:256]
    compiled = compile_search(q) if q.strip() else None
    lexemes = compiled.lexemes if compiled is not None and not compiled.is_empty else ()
    quotes: dict[str, list[tuple[str, str, str]]] = {}
    for rel in relations_out:
        if rel.quote and rel.object_linked:
            quotes.setdefault(rel.article_number, []).append(
                (rel.quote, rel.object.get_absolute_url(), str(rel.object))
            )
    for i, text in enumerate(texts):
        prefix = "" if i == 0 else f"{text.language}-"
        text.parts = text_parts(text, prefix=prefix, lexemes=lexemes, quotes=quotes)
    hits = sum(text.parts["hits"] for text in texts)
    citation = citation_facts(agreement, parties, acts, request.build_absolute_uri(agreement.get_absolute_url()))
    graph = relation_graph_svg(*relation_graph(agreement, relations, bool(texts))) if relations else ""
    return render(
        request,
        "archive/agreement_detail.html",
        {
            "agreement": agreement,
            "texts": texts,
            "parties": parties,
            "acts": acts,
            "relations_out": relations_out,
            "relations_in": relations_in,
            "sources": list(agreement.sources.all()),
            "notes": [s for s in agreement.sources.all() if s.kind == SourceKind.NOTE and s.text.strip()],
            "authorities": list(agreement.authorities.all()),
            "q": q,
            "hits": hits,
            "status": status,
            "cite_plain": cite_plain(citation),
            "cite_bibtex": bibtex(citation),
            "graph_svg": graph,
        },
    )


@require_safe
def source_download(request, sha256: str):
    source = get_object_or_404(SourceDocument, sha256=sha256.lower())
    if not visibility.editor(request) and not (
        source.agreement_id and visibility.agreements(request).filter(pk=source.agreement_id).exists()
    ):
        raise Http404("No such file.")  # the original of a draft is for editors until it is published
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
