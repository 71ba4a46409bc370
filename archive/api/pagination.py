from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination


class ArchivePagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ranking = None  # set by the view when the request searched (archive.search.engine.Ranking)

    def django_paginator_class(self, queryset, page_size):
        """Django's paginator; a search's count is the ranking's (no COUNT query)."""
        paginator = Paginator(queryset, page_size)
        if self.ranking is not None:
            paginator.count = len(self.ranking.ids)  # Paginator.count is a cached property
        return paginator

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        # A search lists the RESULT_CAP best of its matches: "count" is what can be paged through.
        # How many matched is said in headers, so that the body keeps exactly the contract's keys.
        ranking = self.ranking
        if ranking is not None and ranking.capped:
            response["X-Count-Is-Lower-Bound"] = "true"
            response["X-Total-Matches"] = str(ranking.total)
            if not ranking.exact:
                response["X-Total-Matches-Is-Lower-Bound"] = "true"
        return response
