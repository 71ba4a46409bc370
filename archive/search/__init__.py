"""Search: language analysis, the topic thesaurus, query parsing and compilation.

No Django or database imports here: everything is pure Python and tested without a
database (``tests/search``).  Modules:

* :mod:`.text` — cleaning, tokenising (words, numbers, act numbers), scripts, look-alikes.
* :mod:`.kazakh`, :mod:`.azerbaijani`, :mod:`.armenian` — the project's own stemmers.
* :mod:`.analysis` — per-language analysers; ``analyse_for_index(text, language)`` gives
  the string to store with ``to_tsvector('simple', …)``.
* :mod:`.translit` — Latin-alphabet Kazakh → Cyrillic candidates.
* :mod:`.thesaurus` — topics (``fixtures/topics.json``): ``suggest_topics``,
  ``concepts_in_query``.
* :mod:`.query` — ``parse_query`` / ``compile_query`` (or ``search``) → a string for
  ``to_tsquery('simple', …)``.
* :mod:`.snippets` — highlighted excerpts for the hits on the page shown.

Typical use (SQL on the lead's side)::

    from archive.search.analysis import analyse_for_index
    from archive.search.query import search

    # index: UPDATE … SET search_vector =
    #   setweight(to_tsvector('simple', %(title)s), 'A') ||
    #   setweight(to_tsvector('simple', %(heading)s), 'B') ||
    #   setweight(to_tsvector('simple', %(body)s), 'C')
    # with each value = analyse_for_index(raw_text, text_language)
    compiled = search(request.GET.get("q", ""))
    if not compiled.is_empty:
        qs = qs.extra(where=["search_vector @@ to_tsquery('simple', %s)"],
                      params=[compiled.tsquery])
"""
