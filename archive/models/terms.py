from django.contrib.postgres.indexes import GinIndex
from django.db import models


class Term(models.Model):
    """A word of the indexed texts, as written (folded, lower case): the vocabulary that
    "did you mean" suggestions and Latin-to-Kazakh transliteration are checked against."""

    word = models.CharField(max_length=64, unique=True)

    class Meta:
        indexes = [
            # did-you-mean: word % 'query' (trigram similarity)
            GinIndex(fields=["word"], name="term_word_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.word
