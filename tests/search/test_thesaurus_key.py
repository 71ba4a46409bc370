"""The cache key of the thesaurus: the Topic rows' version when a source is registered and
answers, else the file; a forked worker keeps the version it inherited."""

from __future__ import annotations

import os

import pytest

from archive.search import thesaurus


@pytest.fixture
def source(monkeypatch):
    def use(version):
        monkeypatch.setattr(thesaurus, "_source", (version, list, os.getpid()))
        monkeypatch.setattr(thesaurus, "_checked", (0.0, None))

    return use


def test_key_is_the_rows_version(source):
    source(lambda: "7")
    assert thesaurus._key(None) == "db:7"


def test_key_is_the_file_when_the_source_has_no_version(source):
    source(lambda: None)
    assert thesaurus._key(None) == str(thesaurus.DEFAULT_PATH)


def test_key_is_the_file_when_the_database_is_down(source):
    def down():
        raise OSError("connection refused")

    source(down)
    assert thesaurus._key(None) == str(thesaurus.DEFAULT_PATH)


def test_forked_worker_keeps_the_version_it_inherited(monkeypatch, source):
    source(lambda: "8")
    monkeypatch.setattr(thesaurus, "_source", (lambda: "9", list, os.getpid() + 1))
    monkeypatch.setattr(thesaurus, "_checked", (0.0, "8"))
    assert thesaurus._key(None) == "db:8"
    monkeypatch.setattr(thesaurus, "_checked", (0.0, None))
    assert thesaurus._key(None) == str(thesaurus.DEFAULT_PATH)


def test_an_explicit_path_is_its_own_key(source):
    source(lambda: "7")
    assert thesaurus._key("/tmp/topics.json") == "/tmp/topics.json"
