"""A PDF whose encryption pypdf cannot even try to undo (decrypt raises, e.g. AES without
its cryptography backend) is reported as password-protected, with that message."""

from __future__ import annotations

import pytest

from archive.ingest.extract import ExtractionError, extract_text
from tests.ingest.test_extract import _encrypted, _minimal_pdf


def test_a_pdf_pypdf_cannot_decrypt_is_said_to_be_password_protected(monkeypatch):
    from pypdf import PdfReader

    def refuse(self, password):
        raise NotImplementedError("AES algorithm requires the cryptography package")

    monkeypatch.setattr(PdfReader, "decrypt", refuse)
    pdf = _encrypted(_minimal_pdf(["AGREEMENT", "ARTICLE 1"]), "")
    with pytest.raises(ExtractionError, match=r"^This PDF is password-protected$"):
        extract_text(pdf, "a.pdf")


def test_when_charset_detection_fails_a_windows_1251_text_is_still_read(monkeypatch):
    import charset_normalizer

    from archive.ingest.extract import _decode

    def broken(data):
        raise RuntimeError("detector failure")

    monkeypatch.setattr(charset_normalizer, "from_bytes", broken)
    title = "Соглашение между Республикой Казахстан и Кыргызской Республикой"
    assert _decode(title.encode("cp1251")) == (title, "cp1251")
