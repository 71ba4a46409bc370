from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from archive import views

urlpatterns = [
    path("", views.home, name="home"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/<slug:slug>/", views.agreement_detail, name="agreement_detail"),
    path("search/", views.search, name="search"),
    re_path(r"^countries/(?P<first>[A-Za-z]{2})-(?P<second>[A-Za-z]{2})/$", views.pair_detail, name="pair_detail"),
    re_path(r"^countries/(?P<code>[A-Za-z]{2})/$", views.country_detail, name="country_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    re_path(r"^sources/(?P<sha256>[0-9a-fA-F]{64})/$", views.source_download, name="source_download"),
    path("api/", include("archive.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", SpectacularRedocView.as_view(url_name="api_schema"), name="api_docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
