"""sitemap.xml: every published agreement, act, country and topic page (drafts never appear)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.models import Act, Agreement, Country, Topic


class AgreementSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Agreement.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ActSitemap(Sitemap):
    """One entry per act page (a decree approving two agreements is one page)."""

    changefreq = "monthly"
    limit = 10_000

    def items(self):
        from archive.reading.acts import group_acts

        acts = Act.objects.filter(agreement__published_at__isnull=False).select_related("agreement").order_by("pk")
        return [group[0] for group in group_acts(acts)]


class CountrySitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        public = Agreement.objects.public()
        return Country.objects.filter(parties__agreement__in=public).distinct().order_by("code")


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.order_by("slug")


class IndexSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "agreement_list", "act_list", "country_index", "topic_index", "deadline_list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": IndexSitemap,
    "agreements": AgreementSitemap,
    "acts": ActSitemap,
    "countries": CountrySitemap,
    "topics": TopicSitemap,
}
