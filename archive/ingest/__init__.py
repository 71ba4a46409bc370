"""Ingestion pipeline: extract -> normalise -> segment -> extract_metadata.

Pure Python, no database. ``archive.ingest.pipeline.parse_bytes`` / ``parse_path``
run the whole chain and return an ``archive.ingest.types.ParseResult``.
"""
