import logging
import re

from django.http import HttpResponse, JsonResponse

from archive.formats import XML_INVALID

MAX_QUERY_STRING = 4096


# In an address: control characters (tab and newlines too), and what XML cannot carry.
_PATH_FORBIDDEN = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class QueryStringLimitMiddleware:
    """Refuse, with a clear 400 before any view runs: absurdly long query strings, and paths or
    query parameters holding NUL, other control characters or characters XML cannot carry
    (PostgreSQL refuses NUL in text; feeds and XML exports could not be well-formed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        message, errors = None, {}
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            message = f"The query string is longer than {MAX_QUERY_STRING} characters."
        elif _PATH_FORBIDDEN.search(request.path):
            message = "The address holds control characters."
        else:
            errors = {
                key[:100]: ["This parameter holds control characters."]
                for key, values in request.GET.lists()
                if XML_INVALID.search(key) or any(XML_INVALID.search(v) for v in values)
            }
            message = "A parameter holds control characters." if errors else None
        if message:
            if request.path.startswith("/api/"):
                body = {"detail": message, **({"errors": errors} if errors else {})}
                return JsonResponse(body, status=400)
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """While the database is unreachable (a restart, a failover), answer 503 with Retry-After
    instead of a 500: clients and load balancers know to come back in a moment."""

    RETRY_AFTER_SECONDS = 5

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError

        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logging.getLogger("archive.db").error("database unavailable", extra={"error": str(exception)[:300]})
        message = "The archive's database is briefly unavailable; please retry in a few seconds."
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response


class FormerAddressMiddleware:
    """An agreement asked for at the address it had before it was published answers with a
    permanent redirect to its address now (raised by archive.views.visibility)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from archive.views.visibility import Redirect

        return exception.response() if isinstance(exception, Redirect) else None
