"""Search, the whole path: analysis, the thesaurus, query parsing, the index, the engine.

Pure Python, tested without a database (``tests/search``):

* :mod:`.text` — cleaning, tokenising (words, numbers, act numbers), scripts, look-alikes.
* :mod:`.kazakh`, :mod:`.azerbaijani`, :mod:`.armenian` — the project's own stemmers.
* :mod:`.analysis` — per-language analysers; ``analyse_for_index(text, language)`` gives
  the string to store with ``to_tsvector('simple', …)``.
* :mod:`.translit` — Latin-alphabet Kazakh → Cyrillic candidates.
* :mod:`.thesaurus` — topics (the Topic rows; ``fixtures/topics.json`` seeds them):
  ``suggest_topics``, ``concepts_in_query``.
* :mod:`.query` — ``parse_query`` / ``compile_query`` (or ``search``) → the tsquery, its
  relaxed form (phrases as ``&``) and the lexemes to rank and highlight.
* :mod:`.snippets` — highlighted excerpts and in-document highlighting (one function).

On the database (PostgreSQL, through the ORM):

* :mod:`.index` — what is stored per agreement and article (``reindex_agreements``).
* :mod:`.engine` — matching and ranking (``rank`` → a ``Ranking``), ``explain`` (the hits
  of a page), ``did_you_mean``.
* :mod:`.facets` — facet counts of a result set.

Typical use::

    from archive.search.engine import explain, rank
    from archive.search.query import search

    compiled = search(request.GET.get("q", ""))
    ranking = rank(queryset, compiled)        # every match scored, the best RESULT_CAP kept
    page = ranking.apply(queryset)[:20]       # with .rank, best first
    explain(page, compiled)                   # .hits, .snippet, .reasons
"""
