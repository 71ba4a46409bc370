"""What extract_text tells the uploader, word for word, when a file holds no text once read
(an HTML page with empty paragraphs, a text of ideographic spaces only)."""

from __future__ import annotations

import re

import pytest

from archive.ingest.extract import ExtractionError, extract_text


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"<html><body><p> </p></body></html>", "page.html"),
        ("\u3000\u3000".encode(), "treaty.txt"),
    ],
)
def test_a_file_with_no_text_once_read_is_said_to_be_empty(data, name):
    with pytest.raises(ExtractionError, match=f"^{re.escape('The file is empty')}$"):
        extract_text(data, name)
