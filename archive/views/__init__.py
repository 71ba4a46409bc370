from .acts import act_detail, act_list, act_resolve
from .agreements import agreement_detail, agreement_list, search, source_download
from .browse import country_detail, country_index, home, pair_detail, topic_detail, topic_index
from .clauses import clause_compare

__all__ = [
    "act_detail",
    "act_list",
    "act_resolve",
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
