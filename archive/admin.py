from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from archive.models import (
    Act,
    Agreement,
    Article,
    Authority,
    Country,
    Party,
    Relation,
    SourceDocument,
    Text,
    Topic,
)


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0
    autocomplete_fields = ["country"]


class AuthorityInline(admin.TabularInline):
    model = Authority
    extra = 0
    autocomplete_fields = ["country"]


class ActInline(admin.StackedInline):
    model = Act
    extra = 0
    autocomplete_fields = ["country"]
    raw_id_fields = ["source"]


class RelationInline(admin.TabularInline):
    model = Relation
    fk_name = "subject"
    extra = 0
    raw_id_fields = ["object"]
    verbose_name = "relation to another agreement"


class TextInline(admin.TabularInline):
    model = Text
    extra = 0
    fields = ["language", "title", "is_authentic", "source", "published_at"]
    readonly_fields = ["published_at"]
    raw_id_fields = ["source"]
    show_change_link = True


class PublishedFilter(admin.SimpleListFilter):
    title = _("publication")
    parameter_name = "published"

    def lookups(self, request, model_admin):
        return [("no", _("Draft (not published)")), ("yes", _("Published"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(published_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(published_at__isnull=False)
        return queryset


def _refresh_statuses(*agreements) -> None:
    for agreement in agreements:
        if agreement is not None and agreement.pk:
            agreement.refresh_status()


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title_short", "kind", "pair", "signed_date", "status", "published", "updated_at"]
    list_filter = [PublishedFilter, "kind", "status", "level", "topics"]
    search_fields = ["slug", "title", "title_en", "signed_place"]
    date_hierarchy = "signed_date"
    filter_horizontal = ["topics"]
    readonly_fields = ["pair", "published_at", "created_at", "updated_at"]
    inlines = [PartyInline, TextInline, ActInline, RelationInline, AuthorityInline]
    list_select_related = True
    actions = ["publish_selected", "unpublish_selected"]
    change_form_template = "admin/archive/agreement/change_form.html"

    @admin.display(description="title", ordering="title")
    def title_short(self, obj):
        return (obj.title_en or obj.title)[:90]

    def get_urls(self):
        from functools import partial

        from django.urls import path

        from archive.views import review

        def view(fn):
            return self.admin_site.admin_view(partial(fn, admin_site=self.admin_site))

        custom = [
            path("review/", view(review.queue_view), name="archive_agreement_review_queue"),
            path("<int:pk>/review/", view(review.review_view), name="archive_agreement_review"),
        ]
        return custom + super().get_urls()

    @admin.display(description=_("published"), boolean=True, ordering="published_at")
    def published(self, obj):
        return obj.published_at is not None

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.published_at is not None:
            fields.append("slug")  # a published address never changes
        return fields

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_pair()
        # one status everywhere: the stored status (filters, list, API, feeds) follows the edit
        _refresh_statuses(form.instance, *(rel.object for rel in form.instance.relations_out.select_related("object")))

    def response_change(self, request, obj):
        if "_publish" in request.POST:
            from archive.publication import publish

            published = publish(obj)
            self.message_user(
                request, _("Published at %(url)s.") % {"url": published.get_absolute_url()}, messages.SUCCESS
            )
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    @admin.action(description=_("Publish the selected agreements (and their texts and cited stubs)"))
    def publish_selected(self, request, queryset):
        from archive.publication import publish

        for agreement in queryset:
            publish(agreement)
        self.message_user(request, _("%(n)d published.") % {"n": queryset.count()}, messages.SUCCESS)

    @admin.action(description=_("Withdraw the selected agreements from public view"))
    def unpublish_selected(self, request, queryset):
        from archive.publication import unpublish

        for agreement in queryset:
            unpublish(agreement)
        self.message_user(request, _("%(n)d withdrawn.") % {"n": queryset.count()}, messages.SUCCESS)


class ArticleInline(admin.StackedInline):
    model = Article
    extra = 0
    fields = ["position", "number", "heading", "body"]


@admin.register(Text)
class TextAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agreement", "language", "is_authentic"]
    list_filter = ["language", "is_authentic"]
    search_fields = ["title", "agreement__slug"]
    raw_id_fields = ["agreement", "source"]
    inlines = [ArticleInline]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "heading", "text"]
    search_fields = ["heading", "body"]
    raw_id_fields = ["text"]


@admin.register(Act)
class ActAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "country", "action", "agreement"]
    list_filter = ["type", "action", "country"]
    search_fields = ["number", "title"]
    date_hierarchy = "date"
    raw_id_fields = ["agreement", "source"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _refresh_statuses(obj.agreement)  # a ratification changes the status

    def delete_model(self, request, obj):
        agreement = obj.agreement
        super().delete_model(request, obj)
        _refresh_statuses(agreement)


@admin.register(Relation)
class RelationAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "predicate", "object", "article_number"]
    list_filter = ["predicate"]
    raw_id_fields = ["subject", "object"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _refresh_statuses(obj.subject, obj.object)  # "supersedes" ends the other one

    def delete_model(self, request, obj):
        ends = (obj.subject, obj.object)
        super().delete_model(request, obj)
        _refresh_statuses(*ends)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name", "variants"]


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "label", "parent"]
    list_filter = ["parent"]
    search_fields = ["slug", "labels"]


@admin.register(Authority)
class AuthorityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "country", "agreement"]
    search_fields = ["name"]
    raw_id_fields = ["agreement"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "kind", "language", "status", "agreement", "uploaded_at", "uploaded_by"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["filename", "sha256"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["original", "sha256", "size", "media_type", "uploaded_at", "uploaded_by", "error", "report"]
    exclude = ["file", "text"]
    raw_id_fields = ["agreement"]

    @admin.display(description="original file")
    def original(self, obj):
        # The bytes as uploaded, through the public download view (media is not served directly).
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.filename) if obj.pk else "—"

    def get_urls(self):
        from functools import partial

        from django.urls import path

        from archive.views import upload

        def view(fn):
            bound = partial(fn, admin_site=self.admin_site)
            # carry csrf_exempt through: admin_view reads it to decide on csrf_protect
            bound.csrf_exempt = getattr(fn, "csrf_exempt", False)
            return self.admin_site.admin_view(bound)

        custom = [
            path("upload/", view(upload.upload), name="archive_sourcedocument_upload"),
            path("upload/<str:batch>/", view(upload.preview), name="archive_sourcedocument_preview"),
        ]
        return custom + super().get_urls()
