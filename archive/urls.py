from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from archive import feeds, views
from archive.sitemaps import SITEMAPS
from archive.views import deadlines, exports, health

urlpatterns = [
    path("", views.home, name="home"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    re_path(r"^agreements/export\.(?P<fmt>csv|json)$", exports.list_export, name="list_export"),
    path("agreements/<slug:slug>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<slug:slug>/export.json", exports.agreement_json, name="agreement_json"),
    path("agreements/<slug:slug>/akn.xml", exports.agreement_akn, name="agreement_akn"),
    path("agreements/<slug:slug>/cite.bib", exports.agreement_cite, {"fmt": "bib"}, name="agreement_bibtex"),
    path("agreements/<slug:slug>/cite.json", exports.agreement_cite, {"fmt": "csl"}, name="agreement_csl"),
    path("agreements/<slug:slug>/compare/", exports.compare, name="agreement_compare"),
    path("acts/", views.act_list, name="act_list"),
    path("acts/resolve/", views.act_resolve, name="act_resolve"),
    re_path(
        r"^acts/(?P<country>[A-Za-z]{2})/(?P<kind>[A-Za-z_-]{1,40})/(?P<key>[^/]{1,160})/$",
        views.act_detail,
        name="act_detail",
    ),
    path("feeds/new/", feeds.NewAgreementsFeed(), name="feed_new"),
    path("feeds/search/", feeds.SearchFeed(), name="feed_search"),
    re_path(r"^countries/(?P<code>[A-Za-z]{2})/feed/$", feeds.CountryFeed(), name="feed_country"),
    path("deadlines/", deadlines.deadline_list, name="deadline_list"),
    path("deadlines.ics", deadlines.deadline_ics, name="deadline_ics"),
    path("deadlines/feed/", feeds.DeadlinesFeed(), name="deadline_feed"),
    path("search/", views.search, name="search"),
    path("compare/clauses/", views.clause_compare, name="clause_compare"),
    re_path(r"^countries/(?P<first>[A-Za-z]{2})-(?P<second>[A-Za-z]{2})/$", views.pair_detail, name="pair_detail"),
    path("countries/", views.country_index, name="country_index"),
    re_path(r"^countries/(?P<code>[A-Za-z]{2})/$", views.country_detail, name="country_detail"),
    path("topics/", views.topic_index, name="topic_index"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    re_path(r"^sources/(?P<sha256>[0-9a-fA-F]{64})/$", views.source_download, name="source_download"),
    path("healthz", health.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("api/", include("archive.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # The split view serves its start-up script as a file: no inline script for the CSP to refuse.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
