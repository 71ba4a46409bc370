from django.contrib import admin
from django.utils.html import format_html
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
    fields = ["language", "title", "is_authentic", "source"]
    raw_id_fields = ["source"]
    show_change_link = True


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title_short", "kind", "pair", "signed_date", "status", "updated_at"]
    list_filter = ["kind", "status", "level", "topics"]
    search_fields = ["slug", "title", "title_en", "signed_place"]
    date_hierarchy = "signed_date"
    filter_horizontal = ["topics"]
    readonly_fields = ["pair", "created_at", "updated_at"]
    inlines = [PartyInline, TextInline, ActInline, RelationInline, AuthorityInline]
    list_select_related = True

    @admin.display(description="title", ordering="title")
    def title_short(self, obj):
        return (obj.title_en or obj.title)[:90]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_pair()


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


@admin.register(Relation)
class RelationAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "predicate", "object", "article_number"]
    list_filter = ["predicate"]
    raw_id_fields = ["subject", "object"]


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
