from drf_spectacular.utils import extend_schema
from rest_framework import viewsets

from archive.filters import AgreementFilter
from archive.models import Agreement

from .serializers import AgreementDetailSerializer, AgreementListSerializer


@extend_schema(tags=["agreements"])
class AgreementViewSet(viewsets.ReadOnlyModelViewSet):
    """Agreements, filtered with the same parameters as the /agreements/ page."""

    lookup_field = "slug"
    filterset_class = AgreementFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return Agreement.objects.for_detail()
        return Agreement.objects.for_list().order_by("-signed_date", "slug")

    def get_serializer_class(self):
        return AgreementDetailSerializer if self.action == "retrieve" else AgreementListSerializer
