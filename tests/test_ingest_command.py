"""`ingest`: files and folders, idempotent, bad files fail one by one with clear messages."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.models import Agreement, ParseStatus, SourceDocument

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

RUSSIAN = """СОГЛАШЕНИЕ
между Правительством Республики Казахстан и Правительством Республики Узбекистан
о сотрудничестве в области карантина растений

Правительство Республики Казахстан и Правительство Республики Узбекистан, именуемые в дальнейшем Сторонами,
согласились о нижеследующем:

Статья 1. Цели
Стороны сотрудничают в области карантина растений.

Статья 2. Компетентные органы
Компетентными органами Сторон являются министерства сельского хозяйства.

Статья 3. Срок действия
Настоящее Соглашение заключается на неопределенный срок.

Совершено в городе Ташкенте 12 апреля 2019 года в двух подлинных экземплярах, каждый на казахском,
узбекском и русском языках, причем все тексты имеют одинаковую силу.
"""


def run(*paths) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return out.getvalue(), err.getvalue(), code


def test_good_and_bad_files_in_one_folder(tmp_path):
    (tmp_path / "ru-agreement.txt").write_bytes(RUSSIAN.encode("cp1251"))  # a wrong (non-UTF-8) encoding
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "fake.pdf").write_bytes(b"this is not a PDF at all")
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    out, err, code = run(tmp_path)
    assert code == 1
    assert "failed: 4" in out and "created: 1" in out
    assert "empty" in err.lower() and "binary" in err.lower() and "pdf" in err.lower()
    failed = SourceDocument.objects.filter(status=ParseStatus.FAILED)
    assert failed.count() == 4 and all(s.error for s in failed)  # kept, with the reason
    agreement = Agreement.objects.get(pair="KZ-UZ")
    assert agreement.texts.get().articles.count() == 3
    assert agreement.signed_place == "Ташкент" and str(agreement.signed_date) == "2019-04-12"


def test_ingest_is_idempotent(tmp_path):
    for name in ("001_814850e4c9e980b5.txt", "003_966cfad3000587e1.txt"):
        shutil.copy(CORPUS / name, tmp_path / name)
    before = SourceDocument.objects.count()
    out, _, code = run(tmp_path)
    assert code == 0 and "unchanged: 2" in out
    assert SourceDocument.objects.count() == before


def test_missing_path_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such file"):
        call_command("ingest", "/nonexistent/folder")
