from rest_framework.pagination import PageNumberPagination

from archive.models.search import is_capped


class ArchivePagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        # A search counts its matches up to RESULT_CAP + 1; then "count" is a lower bound. Said in
        # a header so that the body keeps exactly the contract's keys.
        if self.request.query_params.get("q", "").strip() and is_capped(self.page.paginator.count):
            response["X-Count-Is-Lower-Bound"] = "true"
        return response
