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


class Impact(models.Model):
    """One of an agreement's most telling lexemes and how strongly it tells: its count in the
    texts, plus 1000 in the title or 500 in the descriptive fields. Read in ``(lexeme, n)``
    order these rows are impact-ordered lists ("champion lists"): for a word that matches
    more agreements than the search scores, they bring those where it weighs most
    (archive.search.engine). Written with the search vectors (archive.search.index)."""

    agreement = models.ForeignKey("Agreement", on_delete=models.CASCADE, related_name="+")
    lexeme = models.TextField()
    n = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["lexeme", "-n"], include=["agreement"], name="impact_lexeme_n")]

    def __str__(self) -> str:
        return f"{self.lexeme} {self.n}"
