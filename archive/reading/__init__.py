"""Reading aids computed from plain data: no ORM, no request, no database.

Each module takes small dataclasses it defines, so it can be tested without Django;
the views adapt model instances to them.

- :mod:`archive.reading.status` — an agreement's legal status derived from its dates and term, with a reason.
- :mod:`archive.reading.citation` — how to cite an agreement: plain text, BibTeX, CSL-JSON.
- :mod:`archive.reading.akoma_ntoso` — one language text as Akoma Ntoso 3.0 XML.
- :mod:`archive.reading.labels` — status and relation labels, dates and translation, shared by the others.
- :mod:`archive.reading.drawings` — server-drawn inline SVG (geometry here, markup in templates/svg/): a
  pair's timeline, the relation graph, the pair matrix.
"""
