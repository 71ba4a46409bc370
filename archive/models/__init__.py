from .acts import Act
from .agreements import Agreement, AgreementQuerySet, Authority, FormerSlug, Party, Relation, is_editor
from .choices import (
    ActAction,
    ActType,
    Kind,
    Level,
    ParseStatus,
    Predicate,
    SourceKind,
    Status,
)
from .countries import Country
from .sources import Review, SourceDocument
from .terms import Impact, Term
from .texts import Article, Text
from .topics import Topic

__all__ = [
    "Act",
    "ActAction",
    "ActType",
    "Agreement",
    "AgreementQuerySet",
    "Article",
    "Authority",
    "Country",
    "FormerSlug",
    "Impact",
    "Kind",
    "Level",
    "ParseStatus",
    "Party",
    "Predicate",
    "Relation",
    "Review",
    "SourceDocument",
    "SourceKind",
    "Status",
    "Term",
    "Text",
    "Topic",
    "is_editor",
]
