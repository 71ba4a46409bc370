from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from .views import ActByPathView, ActViewSet, AgreementViewSet, CountryViewSet, TopicViewSet, pairs

router = DefaultRouter()
router.register("agreements", AgreementViewSet, basename="api-agreement")
router.register("acts", ActViewSet, basename="api-act")
router.register("countries", CountryViewSet, basename="api-country")
router.register("topics", TopicViewSet, basename="api-topic")
urlpatterns = [
    path("pairs/", pairs, name="api-pairs"),
    re_path(
        r"^acts/(?P<country>[A-Za-z]{2})/(?P<kind>[A-Za-z_-]{1,40})/(?P<key>[^/]{1,160})/$",
        ActByPathView.as_view(),
        name="api-act-by-path",
    ),
    *router.urls,
]
