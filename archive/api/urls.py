from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import AgreementViewSet, CountryViewSet, TopicViewSet, pairs

router = DefaultRouter()
router.register("agreements", AgreementViewSet, basename="api-agreement")
router.register("countries", CountryViewSet, basename="api-country")
router.register("topics", TopicViewSet, basename="api-topic")
urlpatterns = [path("pairs/", pairs, name="api-pairs"), *router.urls]
