from django.core.paginator import Paginator

PAGE_SIZE = 20
MAX_PAGES = 500  # deep pages are for crawlers; filters are the way in


def paginate(request, queryset, per_page: int = PAGE_SIZE, count: int | None = None):
    """A page of ``queryset``; an out-of-range or garbage ?page= gives the nearest real page.
    ``count``: the number of rows when it is already known (a search's), saving the COUNT."""
    paginator = Paginator(queryset, per_page, orphans=3)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: this is its value
    raw = request.GET.get("page", "1")
    number = int(raw) if raw.isdigit() and len(raw) < 6 else 1
    return paginator.get_page(min(number, MAX_PAGES))


def query_without(request, *names: str) -> str:
    """The current query string minus ``names`` (for pagination and facet links)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
