from django.db.models import Count, Q
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from archive.filters import MAX_QUERY_CHARS, AgreementFilter
from archive.models import Agreement, Country, Topic, is_editor
from archive.models.search import explain
from archive.search.query import search

from .serializers import (
    AgreementDetailSerializer,
    AgreementListSerializer,
    CountrySerializer,
    PairSerializer,
    TopicSerializer,
)


@extend_schema(tags=["agreements"])
class AgreementViewSet(viewsets.ReadOnlyModelViewSet):
    """Agreements, filtered with the same parameters as the /agreements/ page; `q` searches
    the texts in every language (web-search syntax: "phrase", OR, -word)."""

    lookup_field = "slug"
    filterset_class = AgreementFilter

    def get_queryset(self):
        visible = Agreement.objects.visible_to(self.request.user)
        if self.action == "retrieve":
            return visible.for_detail(drafts=is_editor(self.request.user))
        return visible.for_list().newest_first()

    def get_serializer_class(self):
        return AgreementDetailSerializer if self.action == "retrieve" else AgreementListSerializer

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        q = self.request.query_params.get("q", "")[:MAX_QUERY_CHARS]
        if page and q.strip():
            explain(page, search(q))  # snippets for this page's results only
        return page


@extend_schema(tags=["countries"])
class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    """Countries that are party to at least one agreement, with their CLDR names."""

    lookup_field = "code"
    serializer_class = CountrySerializer
    filter_backends: list = []

    def get_queryset(self):
        return Country.objects.with_agreement_counts(public=True).filter(agreement_count__gt=0).order_by("name")

    def get_object(self):
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()


@extend_schema(tags=["topics"])
class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    """The topic thesaurus, with labels and synonyms in en, ru, kk, hy, az."""

    lookup_field = "slug"
    serializer_class = TopicSerializer
    filter_backends: list = []

    def get_queryset(self):
        return (
            Topic.objects.select_related("parent")
            .annotate(agreement_count=Count("agreements", filter=Q(agreements__published_at__isnull=False)))
            .order_by("slug")
        )


@extend_schema(tags=["countries"], responses=PairSerializer(many=True))
@api_view(["GET", "HEAD"])
def pairs(request):
    """Country pairs with the number of agreements between them."""
    rows = Agreement.objects.public().exclude(pair="").values("pair").annotate(n=Count("pk")).order_by("-n", "pair")
    country = request.query_params.get("country", "").upper()
    if country:
        rows = rows.filter(Q(pair__startswith=f"{country}-") | Q(pair__endswith=f"-{country}"))
    data = [
        {"pair": r["pair"], "agreements": r["n"], "url": reverse("pair_detail", args=r["pair"].split("-"))}
        for r in rows[:1000]
    ]
    return Response(PairSerializer(data, many=True).data)
