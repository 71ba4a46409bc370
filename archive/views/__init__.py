from .agreements import agreement_detail, agreement_list, search, source_download
from .browse import country_detail, country_index, home, pair_detail, topic_detail, topic_index
from .clauses import clause_compare

__all__ = [
    "agreement_detail",
    "agreement_list",
    "clause_compare",
    "country_detail",
    "country_index",
    "home",
    "pair_detail",
    "search",
    "source_download",
    "topic_detail",
    "topic_index",
]
