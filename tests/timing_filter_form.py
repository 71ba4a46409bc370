"""Timing, not a test of the suite (not collected: run it by name, -s to see the figures):

    .venv/bin/python -m pytest -q -p no:randomly -s tests/timing_filter_form.py

CPU time of this process (the template work) for the filter form alone and for the pages
that show it, N requests each after 3 warm-ups."""

import statistics
import time

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from archive.filters import AgreementFilter
from archive.models import Agreement

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production_rendering(monkeypatch):
    """Templates rendered as in production: without the test runner's per-template signal."""
    from django.template.base import Template
    from django.test.utils import _TestState

    monkeypatch.setattr(Template, "_render", _TestState.saved_data.template_render)


N = 60


def _stats(times):
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    return f"CPU min {times[0] * 1000:.1f} p50 {statistics.median(times) * 1000:.1f} p95 {p95 * 1000:.1f} ms"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_time_form_alone(seed, lang):
    rf = RequestFactory()
    with translation.override(lang):
        times = []
        for i in range(N + 3):
            request = rf.get("/agreements/", {"party": "KZ"})
            t = time.process_time()
            f = AgreementFilter(request.GET, queryset=Agreement.objects.public())
            render_to_string("includes/filter_form.html", {"filter": f, "reset": True, "request": request})
            if i >= 3:
                times.append(time.process_time() - t)
    print(f"\nFORM {lang}: {_stats(times)}")


@pytest.mark.parametrize("url", ["/agreements/", "/agreements/?party=KZ", "/search/?q=барлау", "/search/?q=agreement"])
def test_time_pages(client, seed, url):
    times = []
    for i in range(N + 3):
        t = time.process_time()
        r = client.get(url)
        assert r.status_code == 200
        if i >= 3:
            times.append(time.process_time() - t)
    print(f"\nPAGE {url}: {_stats(times)}")
