from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from archive.models import Act, Agreement, Article, Country, Relation, SourceDocument, Text, Topic, is_editor


class AgreementListSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    parties = serializers.SerializerMethodField()
    topics = serializers.SerializerMethodField()
    snippet = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = [
            "slug",
            "url",
            "title",
            "title_en",
            "kind",
            "parties",
            "signed_date",
            "signed_place",
            "status",
            "topics",
            "snippet",
        ]

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url

    def get_parties(self, obj) -> list[str]:
        return [party.country_id for party in obj.parties.all()]

    def get_topics(self, obj) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    def get_snippet(self, obj) -> str | None:
        return getattr(obj, "snippet", None)


class ArticleSerializer(serializers.ModelSerializer):
    anchor = serializers.CharField(read_only=True)

    class Meta:
        model = Article
        fields = ["number", "label", "heading", "chapter", "body", "anchor"]


class TextSerializer(serializers.ModelSerializer):
    articles = ArticleSerializer(many=True, read_only=True)

    class Meta:
        model = Text
        fields = ["language", "title", "is_authentic", "preamble", "final_clauses", "signature_block", "articles"]


class RelationSerializer(serializers.Serializer):
    predicate = serializers.CharField()
    direction = serializers.CharField()
    label = serializers.CharField()
    agreement = serializers.CharField(
        allow_null=True, help_text="slug of the other agreement; null while it is an unpublished draft"
    )
    title = serializers.CharField()
    signed_date = serializers.DateField(allow_null=True)
    article_number = serializers.CharField(allow_blank=True)
    quote = serializers.CharField(allow_blank=True)


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = SourceDocument
        fields = ["filename", "sha256", "media_type", "size", "kind", "language", "status", "uploaded_at", "url"]

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request else url


class ActSerializer(serializers.ModelSerializer):
    """An act as an agreement's detail lists it, with the address of its own page."""

    url = serializers.SerializerMethodField(help_text="the act's page: /acts/<country>/<type>/<year>-<number>/")

    class Meta:
        model = Act
        fields = ["id", "url", "country", "type", "action", "number", "date", "title"]

    def get_url(self, obj) -> str:
        return _absolute(self.context.get("request"), obj.get_absolute_url())


class ActAgreementSerializer(serializers.Serializer):
    slug = serializers.CharField()
    url = serializers.CharField()
    title = serializers.CharField()
    signed_date = serializers.DateField(allow_null=True)


class ActListSerializer(ActSerializer):
    api_url = serializers.SerializerMethodField()
    agreement = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta(ActSerializer.Meta):
        fields = [
            "id",
            "url",
            "api_url",
            "country",
            "type",
            "action",
            "number",
            "date",
            "title",
            "language",
            "agreement",
        ]

    def get_api_url(self, obj) -> str:
        return _absolute(self.context.get("request"), reverse("api-act-detail", args=[obj.pk]))


class ActDetailSerializer(ActListSerializer):
    agreements = serializers.SerializerMethodField()
    source = serializers.SerializerMethodField()

    class Meta(ActListSerializer.Meta):
        fields = [*ActListSerializer.Meta.fields, "agreements", "text", "source"]

    @extend_schema_field(ActAgreementSerializer(many=True))
    def get_agreements(self, obj) -> list[dict]:
        """Every agreement this act concerns (one decree may approve several), readable by the caller."""
        request = self.context.get("request")
        rows = self.context.get("same_act") or [obj]
        return [
            {
                "slug": a.agreement.slug,
                "url": _absolute(request, a.agreement.get_absolute_url()),
                "title": a.agreement.title,
                "signed_date": a.agreement.signed_date,
            }
            for a in rows
        ]

    @extend_schema_field(SourceSerializer(allow_null=True))
    def get_source(self, obj) -> dict | None:
        return SourceSerializer(obj.source, context=self.context).data if obj.source_id else None


def relation_rows(agreement: Agreement, editor: bool = False) -> list[dict]:
    """Both directions, in one query; labels in English, as stable API values. A draft at the
    other end is named without its address, for readers who are not editors."""
    rows = []
    relations = Relation.objects.filter(Q(subject=agreement) | Q(object=agreement)).select_related("subject", "object")
    with translation.override("en"):
        for rel in relations.order_by("predicate", "pk"):
            if rel.subject_id == agreement.pk:
                rows.append(_row(rel, rel.object, "out", rel.get_predicate_display(), editor))
            else:
                rows.append(_row(rel, rel.subject, "in", rel.reverse_label, editor))
    return rows


def _row(rel: Relation, other: Agreement, direction: str, label, editor: bool) -> dict:
    return {
        "predicate": rel.predicate,
        "direction": direction,
        "label": str(label),
        "agreement": other.slug if editor or other.published_at is not None else None,
        "title": str(other),
        "signed_date": other.signed_date,
        "article_number": rel.article_number,
        "quote": rel.quote,
    }


class AgreementDetailSerializer(AgreementListSerializer):
    parties_as_written = serializers.SerializerMethodField()
    texts = TextSerializer(many=True, read_only=True)
    acts = ActSerializer(many=True, read_only=True)
    relations = serializers.SerializerMethodField()
    sources = SourceSerializer(many=True, read_only=True)
    authorities = serializers.SerializerMethodField()

    class Meta(AgreementListSerializer.Meta):
        fields = [
            *AgreementListSerializer.Meta.fields,
            "level",
            "entry_into_force_date",
            "term_indefinite",
            "term_years",
            "renewal_years",
            "notice_months",
            "authentic_languages",
            "prevailing_language",
            "parties_as_written",
            "authorities",
            "texts",
            "acts",
            "relations",
            "sources",
        ]

    def get_parties_as_written(self, obj) -> list[str]:
        return [party.as_written for party in obj.parties.all()]

    def get_authorities(self, obj) -> list[dict]:
        return [{"country": a.country_id, "name": a.name} for a in obj.authorities.all()]

    def get_relations(self, obj) -> list[dict]:
        request = self.context.get("request")
        return RelationSerializer(relation_rows(obj, is_editor(getattr(request, "user", None))), many=True).data


class CountrySerializer(serializers.ModelSerializer):
    agreements = serializers.IntegerField(source="agreement_count", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Country
        fields = ["code", "name", "names", "agreements", "url"]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()


class TopicSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)  # null: a top concept
    agreements = serializers.IntegerField(source="agreement_count", read_only=True)

    class Meta:
        model = Topic
        fields = ["slug", "parent", "labels", "synonyms", "agreements"]


class PairSerializer(serializers.Serializer):
    pair = serializers.CharField()
    agreements = serializers.IntegerField()
    url = serializers.CharField()
