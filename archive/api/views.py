from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from archive.filters import ActFilter, AgreementFilter
from archive.models import Act, Agreement, Country, Topic, is_editor
from archive.reading.acts import acts_at, group_acts, identity
from archive.search.engine import explain

from .serializers import (
    ActDetailSerializer,
    ActListSerializer,
    AgreementDetailSerializer,
    AgreementListSerializer,
    CountrySerializer,
    PairSerializer,
    TopicSerializer,
)


class KeepingFilterBackend(DjangoFilterBackend):
    """The filter backend, keeping the filterset on the view: the search it ran (its ranking,
    its compiled query) serves the page's count and snippets without running again."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid() and self.raise_exception:
            raise utils.translate_validation(filterset.errors)
        view.filterset = filterset
        return filterset.qs


@extend_schema(tags=["agreements"])
class AgreementViewSet(viewsets.ReadOnlyModelViewSet):
    """Agreements, filtered with the same parameters as the /agreements/ page; `q` searches
    the texts in every language (web-search syntax: "phrase", OR, -word)."""

    lookup_field = "slug"
    filterset_class = AgreementFilter
    filter_backends = [KeepingFilterBackend]

    def get_queryset(self):
        visible = Agreement.objects.visible_to(self.request.user)
        if self.action == "retrieve":
            return visible.for_detail(drafts=is_editor(self.request.user))
        return visible.for_list().newest_first()

    def get_serializer_class(self):
        return AgreementDetailSerializer if self.action == "retrieve" else AgreementListSerializer

    def paginate_queryset(self, queryset):
        filterset = getattr(self, "filterset", None)
        self.paginator.ranking = filterset.ranking if filterset is not None else None
        page = super().paginate_queryset(queryset)
        compiled = filterset.compiled_query if filterset is not None else None
        if page and compiled:
            explain(page, compiled)  # snippets for this page's results only (the query compiled once)
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


def _visible_acts(request):
    return Act.objects.filter(agreement__in=Agreement.objects.visible_to(request.user)).select_related(
        "agreement", "country", "source"
    )


@extend_schema(tags=["acts"])
class ActViewSet(viewsets.ReadOnlyModelViewSet):
    """The acts that approve, ratify or authorise the signing of agreements (those of agreements the
    caller may read). `number` takes any written form of an act number (№ 752, N 527, No. 527,
    1363-Ա, 1363, 27-ФЗ); `q` a whole citation ("Government decree № 752 of 16 September 2024")."""

    filterset_class = ActFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return _visible_acts(self.request).order_by("-date", "country", "number", "pk")

    def get_serializer_class(self):
        return ActDetailSerializer if self.action == "retrieve" else ActListSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "retrieve" and self.kwargs.get("pk"):
            context["same_act"] = _same_act(self.request, self.kwargs["pk"])
        return context


def _same_act(request, pk) -> list[Act]:
    """The rows of the act ``pk`` is one of (one decree approving several agreements)."""
    act = _visible_acts(request).filter(pk=pk).first() if str(pk).isdigit() else None
    if act is None:
        return []
    candidates = _visible_acts(request).filter(country=act.country, type=act.type, date=act.date)
    return [a for a in candidates.order_by("pk") if identity(a) == identity(act)]


@extend_schema_view(get=extend_schema(tags=["acts"], operation_id="acts_retrieve_by_path"))
class ActByPathView(generics.RetrieveAPIView):
    """One act by the path of its page: `/api/acts/kz/government-decree/2024-752/` is the act at
    `/acts/kz/government-decree/2024-752/` (any written form of the number is accepted)."""

    serializer_class = ActDetailSerializer
    filter_backends: list = []

    def get_queryset(self):
        return _visible_acts(self.request)

    def get_object(self):
        rows = acts_at(self.get_queryset(), self.kwargs["country"], self.kwargs["kind"], self.kwargs["key"])
        if not rows:
            raise Http404("No act at this address.")
        self._same = group_acts(rows)[0]
        return next((a for a in self._same if a.text), self._same[0])

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["same_act"] = getattr(self, "_same", None)
        return context
