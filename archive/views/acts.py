"""Act pages: ``/acts/`` (every act, filtered), ``/acts/<country>/<type>/<key>/`` (one act, see
archive.reading.acts for the address) and ``/acts/resolve/?q=`` (the citation resolver)."""

from __future__ import annotations

from urllib.parse import unquote, urlencode

from django.db.models import F
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.views.decorators.http import require_safe

from archive.filters import MAX_QUERY_CHARS, ActFilter
from archive.models import Act
from archive.reading.acts import act_path, acts_at, find_acts, group_acts

from . import visibility
from .adapters import act_phrase
from .paging import paginate, query_without


def visible_acts(request):
    """The acts of the agreements this request may see (an unpublished agreement's acts are not public)."""
    return Act.objects.filter(agreement__in=visibility.agreements(request))


def _entry(rows: list[Act], request) -> dict:
    """One act for a page: the row that carries the text, and every agreement it concerns."""
    main = next((a for a in rows if a.text), rows[0])
    source = next((a.source for a in rows if a.source_id), None)
    return {
        "act": main,
        "agreements": [a.agreement for a in rows],
        "paragraphs": [p.strip() for p in main.text.splitlines() if p.strip()],
        "source": source,
        "citation": act_phrase(main),
        "url": request.build_absolute_uri(iri_to_uri(act_path(main))),
    }


@require_safe
def act_detail(request, country: str, kind: str, key: str):
    rows = acts_at(visible_acts(request), country, kind, key)
    if not rows:
        raise Http404("No act at this address.")
    canonical = act_path(rows[0])
    if request.path != unquote(canonical):  # "KZ", "1363-Ա", "1363ա": the same act, one address
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(iri_to_uri(canonical) + (f"?{query}" if query else ""))
    entries = [_entry(group, request) for group in group_acts(rows)]
    return render(request, "archive/act_detail.html", {"entries": entries, "act": entries[0]["act"]})


@require_safe
def act_list(request):
    queryset = (
        visible_acts(request)
        .select_related("agreement", "country")
        .order_by(F("date").desc(nulls_last=True), "country", "number", "pk")
    )
    filterset = ActFilter(request.GET or None, queryset=queryset)
    invalid = filterset.is_bound and not filterset.is_valid()
    rows = Act.objects.none() if invalid else filterset.qs
    page = paginate(request, rows)
    return render(
        request,
        "archive/act_list.html",
        {
            "filter": filterset,
            "page": page,
            "entries": [_entry(group, request) for group in group_acts(page.object_list)],
            "query": query_without(request, "page"),
            "errors": filterset.errors if filterset.is_bound else {},
            "q": request.GET.get("q", "")[:MAX_QUERY_CHARS],
        },
    )


@require_safe
def act_resolve(request):
    """A citation or number → the act's page when it names one act; the list of candidates when
    it names several; a search of the texts when no act has that number (``N 1363-Ա`` is cited by
    an explanatory note, not recorded as an act)."""
    q = request.GET.get("q", "")[:MAX_QUERY_CHARS].strip()
    if not q:
        return HttpResponseRedirect(reverse("act_list"))
    groups = group_acts(find_acts(visible_acts(request), q))
    if len(groups) == 1:
        return HttpResponseRedirect(iri_to_uri(act_path(groups[0][0])))
    target = "act_list" if groups else "search"
    return HttpResponseRedirect(reverse(target) + "?" + urlencode({"q": q}))
