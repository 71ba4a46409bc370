from django.http import HttpResponse, JsonResponse

MAX_QUERY_STRING = 4096


class QueryStringLimitMiddleware:
    """Refuse absurdly long query strings with a clear 400 before any view parses them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            message = f"The query string is longer than {MAX_QUERY_STRING} characters."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
