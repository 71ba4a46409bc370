"""The reading modules take plain data: their tests need neither Django settings nor a database.

The project-wide autouse fixture ``_media_root`` points uploads at a temporary folder through
``django.conf.settings``; nothing here uploads, so it is replaced by a no-op for these tests,
which then run the same with or without the Django plugin (``-p no:django``).
"""

import pytest


@pytest.fixture(autouse=True)
def _media_root():
    yield
