"""Bounded ingestion: every parse has a memory ceiling and a time budget, a Word document is
opened only if its ZIP directory is sane, `ingest` has the upload form's size limit, and bytes
already stored cost a hash, never a parse. Over a limit, the file is kept as failed with a clear
reason, never lost and never a 500.

The heavy inputs (a 1 MB zip bomb expanding to 1 GB, a 19.9 MB single-line HTML) are built on
the fly, streamed to disk where they are big; nothing binary is committed."""

import io
import json
import resource
import shutil
import sys
import time
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.ingest.budget import TOO_COMPLEX, ParserPool, default_pool, parse_bytes_bounded
from archive.ingest.extract import ExtractionError, extract_text
from archive.ingest.pipeline import parse_bytes
from archive.models import SourceDocument, Text

pytestmark = pytest.mark.slow  # not in make test-fast (processes, restarts, budgets, crawls)

CORPUS = Path(settings.BASE_DIR) / "fixtures" / "corpus"
SEEDS = sorted(CORPUS.iterdir())
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
#: Python's HTMLParser rescans an unclosed attribute value to the end for every "<": quadratic
#: (200 kB of it take about a minute), a cheap way to make a parse that outlives any budget
SLOW_HTML = b"<html><body>" + b"<a href='x " * 20_000


def run_ingest(*paths) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, paths), quiet_progress=True, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return out.getvalue(), err.getvalue(), code


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stored_bytes(source: SourceDocument) -> bytes:
    with source.file.open("rb") as handle:
        return handle.read()


@pytest.fixture
def parse_calls(monkeypatch):
    """How many files went to the bounded parser (a spy on our own function; nothing mocked)."""
    calls = []
    original = ParserPool.parse

    def spy(self, data, filename, *args, **kwargs):
        calls.append(filename)
        return original(self, data, filename, *args, **kwargs)

    monkeypatch.setattr(ParserPool, "parse", spy)
    return calls


# --- DOCX ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """A .docx of ~1 MB whose word/document.xml is 1 GB of zeros, streamed to disk."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = bytes(1 << 20)
            for _ in range(1024):
                part.write(chunk)
    return path


def test_the_zip_bomb_is_what_it_claims(zip_bomb):
    assert zip_bomb.stat().st_size < 1.2 * 2**20
    with zipfile.ZipFile(zip_bomb) as zf:
        assert zf.getinfo("word/document.xml").file_size == 2**30


def test_zip_bomb_is_refused_by_the_extractor_without_unpacking(zip_bomb):
    before = peak_rss_mb()
    started = time.monotonic()
    with pytest.raises(ExtractionError, match=r"too large once unpacked .* zip bomb"):
        extract_text(zip_bomb.read_bytes(), "bomb.docx")
    assert time.monotonic() - started < 5
    assert peak_rss_mb() - before < 50


@pytest.mark.django_db
def test_zip_bomb_given_to_ingest_is_refused_and_kept(zip_bomb):
    before = peak_rss_mb()
    out, err, code = run_ingest(zip_bomb)
    assert code == 1 and "failed: 1" in out
    assert "zip bomb" in err
    source = SourceDocument.objects.get(sha256=SourceDocument.digest(zip_bomb.read_bytes()))
    assert source.status == "failed" and "zip bomb" in source.error
    assert stored_bytes(source) == zip_bomb.read_bytes()  # the original is kept, byte for byte
    assert peak_rss_mb() - before < 100  # this process read 1 MB; the worker refused it unread


def test_zip_bomb_in_the_bounded_parser_stays_within_the_ceiling(zip_bomb):
    with ParserPool(memory_mb=300) as pool:
        bounded = pool.parse(zip_bomb.read_bytes(), "bomb.docx", seconds=30)
    assert "zip bomb" in bounded.result.error
    assert 0 < bounded.peak_rss_mb <= 300


def _docx(tmp_path: Path, **parts: bytes) -> bytes:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Article 1")
    buf = io.BytesIO()
    doc.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, parts.pop(info.filename, None) or src.read(info.filename))
        for name, data in parts.items():
            dst.writestr(name, data)
    return out.getvalue()


def test_a_real_docx_still_reads(tmp_path):
    assert "Article 1" in extract_text(_docx(tmp_path), "a.docx").text


def test_docx_declaring_entities_is_refused(tmp_path):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(ExtractionError, match="declares XML entities"):
        extract_text(_docx(tmp_path, **{"word/document.xml": laughs}), "laughs.docx")


def test_docx_with_too_many_parts_is_refused(tmp_path):
    many = {f"customXml/item{i}.bin": b"" for i in range(10_001)}
    with pytest.raises(ExtractionError, match="too many parts"):
        extract_text(_docx(tmp_path, **many), "many.docx")


def test_docx_with_a_highly_compressed_part_is_refused(tmp_path):
    data = _docx(tmp_path, **{"word/media/blank.bin": bytes(50 * 2**20)})  # 50 MB of zeros, ~50 kB packed
    with pytest.raises(ExtractionError, match="suspiciously compressed"):
        extract_text(data, "packed.docx")


# --- the time and memory budget ------------------------------------------------------------------


def test_the_bounded_parse_gives_what_the_parser_gives():
    data = SEEDS[1].read_bytes()
    assert parse_bytes_bounded(data, SEEDS[1].name) == parse_bytes(data, SEEDS[1].name)


def test_over_the_time_budget_the_parse_is_stopped_and_the_pool_recovers():
    with ParserPool() as pool:
        started = time.monotonic()
        bounded = pool.parse(SLOW_HTML, "slow.html", seconds=2)
        assert time.monotonic() - started < 10
        assert bounded.over_budget == "time"
        assert bounded.result.error == f"{TOO_COMPLEX} (it took more than 2 s)"
        assert bounded.result.sha256 == SourceDocument.digest(SLOW_HTML)
        again = pool.parse(SEEDS[1].read_bytes(), SEEDS[1].name, seconds=30)
        assert again.result.ok and again.result.agreement.parties


def test_over_the_memory_ceiling_the_parse_is_refused_within_it():
    with ParserPool(memory_mb=150) as pool:
        bounded = pool.parse(b"word " * 4_000_000, "words.txt", seconds=60)
        assert bounded.over_budget == "memory"
        assert bounded.result.error == f"{TOO_COMPLEX} (it needed more than 150 MB of memory)"
        assert 0 < bounded.peak_rss_mb <= 150
        assert pool.parse(SEEDS[0].read_bytes(), SEEDS[0].name, seconds=30).result.ok  # a fresh worker


# --- ingest: the size limit, hash before parse --------------------------------------------------


@pytest.mark.django_db
def test_ingest_refuses_a_file_over_the_upload_limit_and_keeps_it(tmp_path, parse_calls):
    big = tmp_path / "huge.html"
    with open(big, "wb") as handle:
        handle.write(b"<html><body><p>")
        handle.write(b"x" * settings.UPLOAD_MAX_BYTES)
    out, err, code = run_ingest(big)
    assert code == 1 and "failed: 1" in out
    assert f"larger than the {settings.UPLOAD_MAX_BYTES // 2**20} MB limit" in err
    assert parse_calls == []  # refused before parsing
    source = SourceDocument.objects.get(filename="huge.html")
    assert source.status == "failed" and source.size == big.stat().st_size
    assert SourceDocument.digest(stored_bytes(source)) == SourceDocument.digest(big.read_bytes())
    out, _, code = run_ingest(big)  # and it is not refused twice: its bytes are known
    assert code == 0 and "unchanged: 1" in out


@pytest.mark.django_db
def test_unchanged_files_are_hashed_not_parsed(tmp_path, parse_calls):
    for seed in SEEDS:  # the session's seed corpus is stored already
        shutil.copy(seed, tmp_path / seed.name)
    before = SourceDocument.objects.count(), Text.objects.count()
    out, _, code = run_ingest(tmp_path)
    assert code == 0 and f"files: {len(SEEDS)}" in out and f"unchanged: {len(SEEDS)}" in out
    assert parse_calls == []
    assert (SourceDocument.objects.count(), Text.objects.count()) == before
    # the spy does see a parse: new bytes are parsed, once, even when named twice
    (tmp_path / "revised.txt").write_bytes(SEEDS[3].read_bytes() + b"\n\n")
    (tmp_path / "revised-copy.txt").write_bytes(SEEDS[3].read_bytes() + b"\n\n")
    out, _, code = run_ingest(tmp_path)
    assert code == 0 and f"unchanged: {len(SEEDS) + 1}" in out
    assert parse_calls == ["revised-copy.txt"]


# --- the admin upload ----------------------------------------------------------------------------


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("erin", "erin@example.org", "pw-erin-123")
    client.force_login(user)
    return client


def single_line_html(size: int) -> bytes:
    """A real treaty text as one line of <p> paragraphs, repeated to ``size`` bytes."""
    paragraphs = [p.strip() for p in SEEDS[2].read_text(encoding="utf-8").splitlines() if p.strip()]
    body = "".join(f"<p>{p}</p>" for p in paragraphs).encode()
    head = b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Treaty</title></head><body>'
    tail = b"</body></html>"
    repeat = (size - len(head) - len(tail)) // len(body)
    data = head + body * repeat
    return data + b" " * (size - len(data) - len(tail)) + tail


@pytest.mark.django_db
def test_20_mb_single_line_html_preview_answers_within_the_budget(editor, settings, parse_calls):
    settings.PARSE_TIME_LIMIT = 4  # the default is 20 s; the same path, a shorter wait
    settings.PARSE_REQUEST_BUDGET = 8
    data = single_line_html(int(19.9 * 2**20))
    assert b"\n" not in data and len(data) <= settings.UPLOAD_MAX_BYTES
    response = editor.post("/admin/archive/sourcedocument/upload/", {"files": [SimpleUploadedFile("big.html", data)]})
    assert response.status_code == 302
    preview_url = response["Location"]
    started = time.monotonic()
    page = editor.get(preview_url)
    assert page.status_code == 200
    assert time.monotonic() - started < settings.PARSE_REQUEST_BUDGET + 5
    text = page.content.decode()
    refused = TOO_COMPLEX in text
    assert refused or "Normalised" in text  # parsed within the budget, or refused in words
    assert parse_calls == ["big.html"]
    response = editor.post(preview_url, {"action": "confirm"})
    assert response.status_code == 302
    source = SourceDocument.objects.get(filename="big.html")
    assert SourceDocument.digest(stored_bytes(source)) == SourceDocument.digest(data)  # kept
    if refused:
        assert source.status == "failed" and source.error.startswith(TOO_COMPLEX)
        assert parse_calls == ["big.html"]  # the preview's verdict was kept: not parsed again


@pytest.mark.django_db
def test_zip_bomb_upload_is_refused_in_the_preview_and_kept(editor, zip_bomb):
    before = peak_rss_mb()
    upload = SimpleUploadedFile("bomb.docx", zip_bomb.read_bytes())
    preview_url = editor.post("/admin/archive/sourcedocument/upload/", {"files": [upload]})["Location"]
    page = editor.get(preview_url)
    assert page.status_code == 200 and "zip bomb" in page.content.decode()
    assert editor.post(preview_url, {"action": "confirm"}).status_code == 302
    source = SourceDocument.objects.get(filename="bomb.docx")
    assert source.status == "failed" and "zip bomb" in source.error
    assert stored_bytes(source) == zip_bomb.read_bytes()
    assert peak_rss_mb() - before < 100  # the web process never unpacked it


@pytest.mark.django_db
def test_a_batch_of_slow_files_never_outlives_the_request_budget(editor, settings):
    settings.PARSE_TIME_LIMIT = 3
    settings.PARSE_REQUEST_BUDGET = 4
    files = [SimpleUploadedFile(f"slow{i}.html", SLOW_HTML + b" " * i) for i in range(3)]
    preview_url = editor.post("/admin/archive/sourcedocument/upload/", {"files": files})["Location"]
    batch = preview_url.rstrip("/").rsplit("/", 1)[1]
    started = time.monotonic()
    page = editor.get(preview_url).content.decode()
    assert time.monotonic() - started < settings.PARSE_REQUEST_BUDGET + 4
    assert page.count(TOO_COMPLEX) == 1 and page.count("Not previewed") == 2  # no time left for those

    # slow0 is stored as refused without parsing, slow1 gets its whole budget, slow2 what is left
    started = time.monotonic()
    response = editor.post(preview_url, {"action": "confirm"})
    assert time.monotonic() - started < settings.PARSE_REQUEST_BUDGET + 4
    assert response.status_code == 302 and response["Location"] == preview_url  # one is left to store
    for name in ("slow0.html", "slow1.html"):
        source = SourceDocument.objects.get(filename=name)
        assert source.status == "failed" and source.error == f"{TOO_COMPLEX} (it took more than 3 s)"
    staged = json.loads((Path(settings.MEDIA_ROOT) / "staging" / f"{batch}.json").read_text())
    assert [item["filename"] for item in staged] == ["slow2.html"]
    assert not SourceDocument.objects.filter(filename="slow2.html").exists()

    response = editor.post(preview_url, {"action": "confirm"})
    assert response.status_code == 302 and response["Location"].endswith("/sourcedocument/")
    assert SourceDocument.objects.get(filename="slow2.html").status == "failed"
    assert editor.get(preview_url).status_code == 404  # the batch is done


@pytest.mark.django_db
def test_without_a_parser_process_nothing_is_judged(tmp_path, monkeypatch, editor):
    """No worker can start (here: no Python to run it): `ingest` stops with a clear error and
    the preview says it did not parse; the file is not stored as failed (a later run does it)."""
    default_pool().close()  # no idle worker left from an earlier test
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))
    new = tmp_path / "new.txt"
    new.write_bytes(SEEDS[3].read_bytes() + b"\n\n\n")
    with pytest.raises(CommandError, match=r"could not be started.*0 of 1 files were done"):
        run_ingest(new)
    assert not SourceDocument.objects.filter(sha256=SourceDocument.digest(new.read_bytes())).exists()
    preview_url = editor.post(
        "/admin/archive/sourcedocument/upload/", {"files": [SimpleUploadedFile("new.txt", new.read_bytes())]}
    )["Location"]
    page = editor.get(preview_url)
    assert page.status_code == 200 and "Not previewed" in page.content.decode()
