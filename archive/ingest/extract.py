"""Bytes of an uploaded file -> text.

``extract_text(data, filename)`` sniffs the content (not just the extension) and reads
.txt (UTF-8, UTF-8 with BOM, UTF-16 with BOM, Windows-1251 and other legacy encodings
via charset-normalizer), .docx (paragraphs and tables, in document order), .pdf (the
text layer, page by page) and .html/.htm (page chrome such as script, style, nav,
header and footer dropped; block structure kept as line breaks).

Every failure is an ``ExtractionError`` whose message says what is wrong in plain words.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath

__all__ = [
    "ALLOWED_EXTENSIONS",
    "SUPPORTED_SUFFIXES",
    "Extracted",
    "ExtractionError",
    "extract_text",
]

ALLOWED_EXTENSIONS = (".txt", ".text", ".md", ".docx", ".pdf", ".html", ".htm")
SUPPORTED_SUFFIXES = frozenset(ALLOWED_EXTENSIONS)

MEDIA_TYPES = {
    "txt": "text/plain",
    "md": "text/markdown",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html",
}


class ExtractionError(Exception):
    """The file cannot be read as a document; ``message`` says why, in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Extracted:
    text: str
    media_type: str
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


# --- plain text ------------------------------------------------------------------------

_CYRILLIC_LEGACY = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")
_LETTER_SAMPLE = 200_000


# control characters (Unicode category Cc) other than \t \n \v \f \r, and the replacement character
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = len(_BINARY_CHARS.findall(sample))
    return bad > max(3, len(sample) * 0.01)


def _utf16_without_bom(sample: bytes) -> str | None:
    from collections import Counter

    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, low, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        value, count = Counter(high).most_common(1)[0]
        if value in (0x00, 0x04, 0x05) and count >= 0.6 * len(high) and 0 in high and len(set(low)) > 3:
            return name
    return None


def _decode(data: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding). Raises for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace"), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM: every other byte is the same "page" byte (0x00 for Latin,
        # 0x04 for Cyrillic, 0x05 for Armenian)
        guess = _utf16_without_bom(data[:4096])
        if guess:
            return data.decode(guess, errors="replace"), guess
        raise ExtractionError("This looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - library failure: fall back below
        best = None
    candidates: list[str] = []
    if best is not None and best.encoding:
        candidates.append(best.encoding)
    candidates.extend(_CYRILLIC_LEGACY)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        # a legacy Cyrillic guess must produce mostly letters, not box-drawing signs
        # (judged on a sample: counting every character of a 20 MB file takes seconds)
        sample = text[:_LETTER_SAMPLE]
        letters = sum(1 for c in sample if c.isalpha())
        if letters >= 0.5 * sum(1 for c in sample if not c.isspace() and not c.isdigit()):
            return text, enc
    return data.decode("utf-8", errors="replace"), "utf-8 (with errors)"


# --- HTML ------------------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "noscript", "template", "aside",
              "form", "button", "select", "svg", "iframe", "head", "menu"}  # fmt: skip
_BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
               "blockquote", "section", "article", "main", "dt", "dd", "ul", "ol", "pre",
               "center", "title", "address", "figure", "hr"}  # fmt: skip
_VOID_TAGS = {"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "wbr", "source"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if tag in ("br", "hr") and not self.skip:
                self.parts.append("\n")
            return
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif (tag in ("td", "th") and not self.skip) or (tag in _BLOCK_TAGS and not self.skip):
            self.parts.append("\n\n")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        if tag in self.stack:
            while self.stack:
                top = self.stack.pop()
                if top in _SKIP_TAGS:
                    self.skip = max(0, self.skip - 1)
                if top == tag:
                    break
        if tag in _BLOCK_TAGS and not self.skip:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.I)


def _decode_html(data: bytes) -> tuple[str, str]:
    m = _META_CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        enc = m.group(1).decode("ascii", "replace").lower()
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode(data)


# --- DOCX / PDF ----------------------------------------------------------------------------


#: A Word document is opened only if its ZIP directory stays within these (python-docx
#: reads every part into memory): a "zip bomb" of 1 MB can otherwise expand to gigabytes.
DOCX_MAX_ENTRIES = 10_000
DOCX_MAX_UNCOMPRESSED = 100 * 1024 * 1024
DOCX_MAX_RATIO = 200  # uncompressed / compressed size of one entry above DOCX_RATIO_FLOOR
DOCX_RATIO_FLOOR = 1024 * 1024
_XML_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def _check_docx_zip(zf: zipfile.ZipFile) -> None:
    """Refuse a Word document whose parts would take too much memory to read.

    The sizes in the ZIP directory bound what reading can produce (zipfile stops at the
    declared size, and a part that lies fails its CRC check). OOXML parts never carry a
    DTD: one that declares entities is refused too (python-docx's parser does not expand
    entities anyway: lxml with ``resolve_entities=False``)."""
    entries = zf.infolist()
    if len(entries) > DOCX_MAX_ENTRIES:
        raise ExtractionError(
            f"This Word document has too many parts ({len(entries):,}; at most {DOCX_MAX_ENTRIES:,} are read)"
        )
    total = sum(e.file_size for e in entries)
    if total > DOCX_MAX_UNCOMPRESSED:
        raise ExtractionError(
            f"This Word document is too large once unpacked ({total / 2**20:,.0f} MB; "
            f"at most {DOCX_MAX_UNCOMPRESSED // 2**20} MB are read): it may be a zip bomb"
        )
    for entry in entries:
        if entry.file_size > DOCX_RATIO_FLOOR and entry.file_size > DOCX_MAX_RATIO * max(entry.compress_size, 1):
            raise ExtractionError(
                f"This Word document is suspiciously compressed ({entry.filename} expands "
                f"{entry.file_size // max(entry.compress_size, 1):,} times): it may be a zip bomb"
            )
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")) and entry.file_size:
            try:
                with zf.open(entry) as part:
                    head = part.read(4096)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                raise ExtractionError("This Word document is damaged and cannot be opened") from exc
            if _XML_DECLARATIONS.search(head):
                raise ExtractionError(f"This Word document declares XML entities ({entry.filename}); it is not read")


def _docx_text(data: bytes) -> str:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover
        raise ExtractionError("Word documents cannot be read here: python-docx is missing") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ExtractionError("This Word document is damaged and cannot be opened") from exc
    parts: list[str] = []

    def paragraph_text(p: Paragraph) -> str:
        text = p.text
        fmt = p.paragraph_format
        indent = fmt.first_line_indent
        if text and indent is not None and indent > 0:
            text = "      " + text
        return text

    def walk_table(table: Table) -> None:
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat
                    continue
                seen.add(id(cell._tc))
                for p in cell.paragraphs:
                    if p.text.strip():
                        parts.append(paragraph_text(p))
                for inner in cell.tables:
                    walk_table(inner)

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(paragraph_text(Paragraph(child, document)))
        elif tag == "tbl":
            walk_table(Table(child, document))
    return "\n\n".join(p for p in parts if p.strip())


def _pdf_text(data: bytes) -> tuple[str, list[str]]:
    try:
        from pypdf import PasswordType, PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover
        raise ExtractionError("PDF files cannot be read here: pypdf is missing") from exc
    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        # an empty user password opens many "protected" PDFs; decrypt() says when it does not
        # (it raises only for what it cannot decrypt at all)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
            except Exception as exc:
                raise ExtractionError("This PDF is password-protected") from exc
            if not opened:
                raise ExtractionError("This PDF is password-protected; upload a copy without the password")
        pages = []
        for i, page in enumerate(reader.pages):
            try:
                pages.append(page.extract_text() or "")
            except Exception:
                warnings.append(f"page {i + 1} could not be read")
    except ExtractionError:
        raise
    except (PdfReadError, Exception) as exc:
        raise ExtractionError("This PDF is damaged and cannot be read") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise ExtractionError("This PDF has no text layer (a scanned image?); it needs OCR first")
    return text, warnings


# --- entry point ---------------------------------------------------------------------------


def _sniff(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in data[:8192].lower():
        return "html"
    if data.startswith((b"\xd0\xcf\x11\xe0", b"\x7fELF", b"MZ", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "binary"
    return "text"


def extract_text(data: bytes, filename: str) -> Extracted:
    """Read ``data`` (the bytes of ``filename``) as text. Raises ``ExtractionError``."""
    ext = PurePath(filename or "").suffix.lower()
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ExtractionError("The file is empty")
    if ext and ext not in ALLOWED_EXTENSIONS:
        raise ExtractionError(f"Unsupported file type {ext}; allowed: {', '.join(ALLOWED_EXTENSIONS)}")
    kind = _sniff(data)
    if ext == ".pdf" and kind != "pdf":
        raise ExtractionError("This file is named .pdf but is not a PDF document")
    if ext == ".docx":
        if kind != "zip":
            raise ExtractionError("This file is named .docx but is not a Word document")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" not in zf.namelist():
                    raise ExtractionError("This file is named .docx but is not a Word document")
        except zipfile.BadZipFile as exc:
            raise ExtractionError("This Word document is damaged and cannot be opened") from exc
    warnings: list[str] = []
    encoding = None
    if kind == "pdf":
        text, warnings = _pdf_text(data)
        media = MEDIA_TYPES["pdf"]
    elif kind == "zip":
        if ext not in ("", ".docx"):
            raise ExtractionError("This looks like a binary file, not text")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                is_docx = "word/document.xml" in zf.namelist()
                if is_docx:
                    _check_docx_zip(zf)
        except zipfile.BadZipFile as exc:
            raise ExtractionError("This looks like a binary file, not text") from exc
        if not is_docx:
            raise ExtractionError("This is a ZIP archive, not a document; upload the files in it")
        text = _docx_text(data)
        media = MEDIA_TYPES["docx"]
    elif kind == "binary":
        raise ExtractionError("This looks like a binary file, not text")
    elif kind == "html" or ext in (".html", ".htm"):
        raw, encoding = _decode_html(data)
        if _looks_binary(raw):
            raise ExtractionError("This looks like a binary file, not text")
        text = _html_to_text(raw)
        media = MEDIA_TYPES["html"]
    else:
        text, encoding = _decode(data)
        if _looks_binary(text):
            raise ExtractionError("This looks like a binary file, not text")
        media = MEDIA_TYPES["md" if ext == ".md" else "txt"]
        if encoding not in ("utf-8", "utf-8-sig"):
            warnings.append(f"decoded as {encoding}")
    if not text.strip():
        raise ExtractionError("The file is empty")
    return Extracted(text=text, media_type=media, encoding=encoding, warnings=warnings)
