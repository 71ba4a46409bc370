"""Request-level safety: the Content-Security-Policy per area, and request ids in the logs."""

import logging
import time
import uuid

from csp.middleware import CSPMiddleware

# Django's admin and the Redoc page style elements from their scripts; only there are
# inline styles allowed. Public pages get the strict policy from settings.
RELAXED_PREFIXES = ("/admin/", "/api/docs/")

log = logging.getLogger("archive.requests")


class ArchiveCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(RELAXED_PREFIXES):
            parts.update = {
                **(parts.update or {}),
                "style-src": ["'self'", "'unsafe-inline'"],
                "worker-src": ["'self'", "blob:"],
            }
        return parts


class RequestIdMiddleware:
    """Give every request an id (or keep the proxy's X-Request-ID), echo it in the response,
    and log one structured line per request with its duration."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = incoming if 8 <= len(incoming) <= 64 and incoming.isascii() else uuid.uuid4().hex
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["X-Request-ID"] = request.id
        log.info(
            "request",
            extra={
                "request_id": request.id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(elapsed_ms, 1),
            },
        )
        return response
