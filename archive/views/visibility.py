"""What a request may see: published agreements for readers, drafts too for editors.

Every page, export and API view starts its agreements from :func:`agreements`, so a draft
cannot reach a reader through a view that forgot to filter (archive.publication).
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect

from archive.models import Agreement, AgreementQuerySet, FormerSlug, Text, is_editor


def editor(request) -> bool:
    return is_editor(getattr(request, "user", None))


def agreements(request) -> AgreementQuerySet:
    """The agreements this request may see."""
    return Agreement.objects.visible_to(getattr(request, "user", None))


def scope(request) -> str:
    """What a cached answer is keyed by: "editor" (drafts included) or "public"."""
    return "editor" if editor(request) else "public"


def texts(request):
    """A Prefetch of the texts this request may read (draft texts for editors only)."""
    queryset = Text.objects.all() if editor(request) else Text.objects.filter(published_at__isnull=False)
    return Prefetch("texts", queryset=queryset)


def agreement_or_404(request, slug: str):
    """The visible agreement at ``slug`` with everything its page shows; an address it had
    before it was published answers with a permanent redirect to the current one."""
    found = agreements(request).for_detail(drafts=editor(request)).filter(slug=slug).first()
    if found is not None:
        return found
    former = FormerSlug.objects.select_related("agreement").filter(slug=slug).first()
    if former is not None and agreements(request).filter(pk=former.agreement_id).exists():
        target = request.get_full_path().replace(f"/{slug}", f"/{former.agreement.slug}", 1)
        raise Redirect(target)
    raise Http404("No agreement at this address.")


class Redirect(Exception):
    """Raised by :func:`agreement_or_404`; ``archive.middleware`` answers it with a 301."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url

    def response(self) -> HttpResponsePermanentRedirect:
        return HttpResponsePermanentRedirect(self.url)
