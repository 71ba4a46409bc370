"""extract_text at its edges: UTF-16 without a BOM, text after a closing block tag, the Word
document's limits (ratio, entity check, damaged parts), first-line indents, PDF pages that
cannot be read."""

from __future__ import annotations

import io
import zipfile

import pytest

from archive.ingest.extract import (
    DOCX_MAX_RATIO,
    DOCX_RATIO_FLOOR,
    ExtractionError,
    _check_docx_zip,
    extract_text,
)
from tests.ingest.test_extract import _pdf  # the hand-written PDF builder

# --- plain text ---------------------------------------------------------------------------


def test_utf16_without_a_bom_with_four_different_letters_is_text():
    # "Да да": Д а ␠ д — four different low bytes, the high bytes 04 04 00 04 04
    out = extract_text("Да да".encode("utf-16-le"), "vote.txt")
    assert out.text == "Да да"
    assert out.encoding == "utf-16-le"


# --- HTML ---------------------------------------------------------------------------------


def test_text_after_a_closing_heading_starts_a_new_paragraph():
    html = "<html><body><div><h2>Статья 1</h2>Стороны сотрудничают в области образования.</div></body></html>"
    out = extract_text(html.encode("utf-8"), "treaty.html")
    assert out.text == "Статья 1\n\nСтороны сотрудничают в области образования."


# --- DOCX ---------------------------------------------------------------------------------


def _docx(paragraphs: list[tuple[str, float | None]]) -> bytes:
    docx = pytest.importorskip("docx")
    from docx.shared import Cm

    doc = docx.Document()
    for text, indent_cm in paragraphs:
        p = doc.add_paragraph(text)
        if indent_cm is not None:
            p.paragraph_format.first_line_indent = Cm(indent_cm)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _repack(data: bytes, extra: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        for name, body in extra.items():
            dst.writestr(name, body)
    return out.getvalue()


def test_a_first_line_indent_is_kept_as_six_spaces():
    data = _docx([("СОГЛАШЕНИЕ", None), ("Стороны договорились о нижеследующем:", 1.25)])
    assert extract_text(data, "a.docx").text == "СОГЛАШЕНИЕ\n\n      Стороны договорились о нижеследующем:"


def test_a_part_that_is_not_xml_is_not_checked_for_a_dtd():
    # an imported HTML chunk (altChunk) begins with <!DOCTYPE html>: it is not an OOXML part
    chunk = "<!DOCTYPE html><html><body><p>Приложение</p></body></html>"
    data = _repack(_docx([("СОГЛАШЕНИЕ", None)]), {"word/afchunk1.htm": chunk})
    assert extract_text(data, "a.docx").text == "СОГЛАШЕНИЕ"


def test_an_xml_part_that_fails_its_check_is_damaged():
    data = bytearray(_repack(_docx([("СОГЛАШЕНИЕ", None)]), {}, zipfile.ZIP_STORED))
    at = data.index(b"<Relationships")  # the first .rels part, stored as written
    data[at + 1 : at + 2] = b"r"  # one letter changed: its CRC no longer agrees
    with pytest.raises(ExtractionError) as info:
        extract_text(bytes(data), "a.docx")
    assert info.value.message == "This Word document is damaged and cannot be opened"


class _Directory:
    """A ZIP directory as _check_docx_zip sees it (sizes only, no part is opened)."""

    def __init__(self, *sizes: tuple[str, int, int]) -> None:
        self.entries = []
        for name, file_size, compress_size in sizes:
            info = zipfile.ZipInfo(name)
            info.file_size, info.compress_size = file_size, compress_size
            self.entries.append(info)

    def infolist(self) -> list[zipfile.ZipInfo]:
        return self.entries


def test_an_image_that_does_not_compress_is_accepted():
    # a 2 MB photograph barely shrinks in a ZIP: far from a zip bomb
    _check_docx_zip(_Directory(("word/media/image1.jpeg", 2_000_000, 1_950_000)))


def test_a_part_compressed_exactly_at_the_ratio_is_accepted_and_above_refused():
    compressed = 8 * 1024  # 200 × 8 KB = 1.6 MB, above the 1 MB floor
    assert DOCX_MAX_RATIO * compressed > DOCX_RATIO_FLOOR
    _check_docx_zip(_Directory(("word/media/image1.bmp", DOCX_MAX_RATIO * compressed, compressed)))
    with pytest.raises(ExtractionError, match=r"suspiciously compressed \(word/media/image1.bmp expands 200 times\)"):
        _check_docx_zip(_Directory(("word/media/image1.bmp", DOCX_MAX_RATIO * compressed + 1, compressed)))


# --- PDF ----------------------------------------------------------------------------------


def test_pages_are_joined_by_a_blank_line_and_an_unreadable_page_is_named():
    pdf = _pdf(
        [
            ("BT /F1 12 Tf 72 720 Td (AGREEMENT) Tj ET", ""),
            ("BT /F1 12 Tf 72 720 Td (ANNEX) Tj ET", "/Filter /UnknownDecode"),  # no reader for this filter
            ("BT /F1 12 Tf 72 720 Td (ARTICLE 1) Tj ET", ""),
        ]
    )
    out = extract_text(pdf, "a.pdf")
    assert out.text == "AGREEMENT\n\nARTICLE 1"
    assert out.warnings == ["page 2 could not be read"]


RU = "Соглашение между Правительством Республики Казахстан и Правительством Республики Узбекистан"


def test_utf16_big_endian_with_its_bom():
    out = extract_text(b"\xfe\xff" + RU.encode("utf-16-be"), "a.txt")
    assert (out.text, out.encoding) == (RU, "utf-16")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xff\xfe" + RU.encode("utf-16-le") + b"A", "utf-16"),  # a stray last byte (a cut-off upload)
        (b"\xff\xfe\x00\x00" + RU.encode("utf-32-le") + b"AB", "utf-32"),
        (RU.encode("utf-16-le") + b"A", "utf-16-le"),
    ],
)
def test_a_truncated_wide_encoding_reads_with_a_replacement_character(data, encoding):
    out = extract_text(data, "a.txt")
    assert (out.text, out.encoding) == (RU + "\ufffd", encoding)
    assert out.warnings == [f"decoded as {encoding}"]
