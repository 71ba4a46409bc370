"""extract_text: encodings, content sniffing, docx/pdf/html, plain-words errors."""

from __future__ import annotations

import io
import zipfile

import pytest

from archive.ingest.extract import ExtractionError, extract_text
from archive.ingest.pipeline import parse_bytes

KK = "Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы келісім"
RU = "Соглашение между Правительством Республики Казахстан и Правительством Республики Узбекистан"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (KK.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + KK.encode("utf-8"), "utf-8-sig"),
        (KK.encode("utf-16"), "utf-16"),
        (RU.encode("utf-16-le"), "utf-16-le"),
        ((RU + ". " + RU + ".").encode("cp1251"), "cp1251"),
    ],
)
def test_text_encodings(data, encoding):
    out = extract_text(data, "doc.txt")
    assert out.text.lstrip("\ufeff") in (KK, RU, RU + ". " + RU + ".")
    assert out.encoding == encoding
    assert out.media_type == "text/plain"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.txt", "The file is empty"),
        (b"   \n\t \n", "a.txt", "The file is empty"),
        (b"\x00\x01\x02\x03\x04binary\x00\x00\xff\xfe\x00", "a.txt", "This looks like a binary file, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt", "This looks like a binary file, not text"),
        (b"hello", "a.xyz", "Unsupported file type .xyz; allowed:"),
        (b"hello", "a.doc", "Unsupported file type .doc"),
        (b"just text", "a.pdf", "This file is named .pdf but is not a PDF document"),
        (b"just text", "a.docx", "This file is named .docx but is not a Word document"),
    ],
)
def test_refusals_in_plain_words(data, name, message):
    with pytest.raises(ExtractionError) as info:
        extract_text(data, name)
    assert info.value.message.startswith(message)


def test_zip_that_is_not_a_word_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "x")
    with pytest.raises(ExtractionError, match="not a Word document"):
        extract_text(buf.getvalue(), "a.docx")


def test_control_characters_mean_binary():
    data = ("текст" + "\x01\x02\x03\x04\x05" * 20).encode()
    with pytest.raises(ExtractionError, match="binary"):
        extract_text(data, "a.txt")


def test_html_chrome_is_dropped_and_blocks_kept():
    html = (
        "<html><head><title>t</title><style>p{}</style><script>var x=1;</script></head><body>"
        "<header>Site menu</header><nav><a href='/'>Home</a></nav>"
        "<h1>СОГЛАШЕНИЕ</h1><p>между Правительством&nbsp;Республики Казахстан</p>"
        "<p>Статья 1</p><p>Текст &laquo;статьи&raquo;.</p><footer>© 2024</footer></body></html>"
    )
    out = extract_text(html.encode("utf-8"), "page.html")
    assert out.media_type == "text/html"
    assert "Site menu" not in out.text and "Home" not in out.text and "var x" not in out.text
    assert "© 2024" not in out.text
    assert "СОГЛАШЕНИЕ\n\nмежду Правительством" in out.text
    assert "«статьи»" in out.text


def test_docx_paragraphs_and_tables_in_order():
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("КЕЛІСІМ")
    doc.add_paragraph("1-бап Мақсаты")
    doc.add_paragraph("Тараптар ынтымақтасады.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Қазақстан Республикасының Үкіметі үшін"
    table.cell(0, 1).text = "Әзербайжан Республикасының Үкіметі үшін"
    buf = io.BytesIO()
    doc.save(buf)
    out = extract_text(buf.getvalue(), "agreement.docx")
    assert out.media_type.endswith("wordprocessingml.document")
    assert (
        out.text.index("КЕЛІСІМ") < out.text.index("1-бап") < out.text.index("Әзербайжан Республикасының Үкіметі үшін")
    )


def _pdf(pages: list[tuple[str, str]]) -> bytes:
    """A PDF of ``pages`` (content stream, extra stream keys), written by hand."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for content, extra in pages:
        objects.append(f"<< /Length {len(content)} {extra} >>\nstream\n{content}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with an ASCII text layer, written by hand (no PDF library needed)."""
    return _pdf([("BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET", "")])


def test_pdf_text_layer():
    pdf = _minimal_pdf(["AGREEMENT", "between the Government of the Republic of Kazakhstan", "ARTICLE 1"])
    out = extract_text(pdf, "a.pdf")
    assert out.media_type == "application/pdf"
    assert "AGREEMENT" in out.text and "ARTICLE 1" in out.text


def test_pdf_without_text_needs_ocr():
    pdf = _minimal_pdf([])
    with pytest.raises(ExtractionError, match="no text layer"):
        extract_text(pdf, "scan.pdf")


def test_damaged_pdf():
    with pytest.raises(ExtractionError, match="damaged"):
        extract_text(b"%PDF-1.4\n garbage garbage", "a.pdf")


def test_content_sniffing_beats_the_extension():
    # a PDF uploaded as .txt is still read as a PDF
    out = extract_text(_minimal_pdf(["ARTICLE 1"]), "scan.txt")
    assert out.media_type == "application/pdf"


def test_parse_bytes_carries_media_type_and_sha256():
    result = parse_bytes(KK.encode(), "a.txt")
    assert result.media_type == "text/plain" and len(result.sha256) == 64 and result.error is None


def _encrypted(pdf: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_password_protected_pdf_says_so():
    """A PDF that needs a password to open is refused as such (not as damaged), and one that is
    encrypted with an empty user password (opens without one: a common "protected" PDF) is read."""
    pdf = _minimal_pdf(["AGREEMENT", "ARTICLE 1"])
    with pytest.raises(ExtractionError, match="password-protected"):
        extract_text(_encrypted(pdf, "secret"), "a.pdf")
    assert "ARTICLE 1" in extract_text(_encrypted(pdf, ""), "a.pdf").text
