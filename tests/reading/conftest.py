"""Reading tests run with and without Django (``make mutate`` runs them with -p no:django);
the drawings are Django templates, so their tests need the plugin's settings."""

from __future__ import annotations

from pathlib import Path

NEEDS_DJANGO = {"test_svg.py"}


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    if collection_path.name in NEEDS_DJANGO and not config.pluginmanager.hasplugin("django"):
        return True
    return None
