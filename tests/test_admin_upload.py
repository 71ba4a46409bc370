"""Admin upload: preview first, confirm stores, cancel stores nothing; bad files explained."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Agreement, SourceDocument

pytestmark = pytest.mark.django_db

TEXT = """Agreement between the Government of the Republic of Kazakhstan and the Government of the Republic of Turkey
on cooperation in the field of tourism

The Government of the Republic of Kazakhstan and the Government of the Republic of Turkey, hereinafter the Parties,
have agreed as follows:

Article 1
The Parties shall develop cooperation in tourism.

Article 2
This Agreement is concluded for an indefinite period.

Done at Ankara on 12 October 2019 in two originals in the Kazakh, Turkish and English languages.
"""


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("alice", "alice@example.org", "pw-alice-123")
    client.force_login(user)
    return client


def upload(client, *files):
    return client.post("/admin/archive/sourcedocument/upload/", {"files": list(files)})


def test_upload_preview_then_confirm(editor):
    response = upload(editor, SimpleUploadedFile("kz-tr.txt", TEXT.encode(), "text/plain"))
    assert response.status_code == 302
    preview_url = response["Location"]
    page = editor.get(preview_url).content.decode()
    assert "KZ, TR" in page and "2019-10-12" in page and "Ankara" in page
    assert "<td>indefinite</td>" in page  # the term in words, not a dict
    assert "Confirm and store as drafts" in page
    assert SourceDocument.objects.filter(filename="kz-tr.txt").count() == 0  # nothing stored yet
    response = editor.post(preview_url, {"action": "confirm"})
    assert response.status_code == 302
    source = SourceDocument.objects.get(filename="kz-tr.txt")
    assert source.agreement.pair == "KZ-TR"
    assert source.agreement.published_at is None  # a draft, for review
    assert (
        f"/admin/archive/agreement/{source.agreement.pk}/review/" in editor.get(response["Location"]).content.decode()
    )
    assert source.agreement.texts.get().articles.count() == 2
    with source.file.open("rb") as handle:
        assert handle.read() == TEXT.encode()
    assert editor.get(preview_url).status_code == 404  # the batch is gone after confirming


def test_cancel_stores_nothing(editor):
    before = (Agreement.objects.count(), SourceDocument.objects.count())
    preview_url = upload(editor, SimpleUploadedFile("kz-tr.txt", TEXT.encode()))["Location"]
    editor.post(preview_url, {"action": "cancel"})
    assert (Agreement.objects.count(), SourceDocument.objects.count()) == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("program.exe", b"MZ\x90\x00", "not accepted"),
        ("no-extension", b"text", "not accepted"),
    ],
)
def test_refused_before_parsing(editor, name, data, message):
    response = upload(editor, SimpleUploadedFile(name, data))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_too_large_is_refused(editor, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    response = upload(editor, SimpleUploadedFile("big.txt", b"x" * 5000))
    assert response.status_code == 400
    assert "larger than" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "data"),
    [("fake.pdf", b"not a pdf"), ("binary.txt", bytes(range(256)) * 20), ("fake.docx", b"PK\x03\x04junk")],
)
def test_unreadable_files_are_explained_in_the_preview_and_kept_as_failed(editor, name, data):
    preview_url = upload(editor, SimpleUploadedFile(name, data))["Location"]
    page = editor.get(preview_url).content.decode()
    assert "cannot be read" in page
    assert "Confirm and store" not in page  # nothing readable: no "Confirm" on offer
    assert "Keep the originals as failed" in page
    editor.post(preview_url, {"action": "confirm"})
    source = SourceDocument.objects.get(filename=name)
    assert source.status == "failed" and source.error


def test_only_editors_can_upload(client, django_user_model):
    assert client.get("/admin/archive/sourcedocument/upload/").status_code == 302  # to the login page
    user = django_user_model.objects.create_user("bob", password="pw-bob-12345", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/archive/sourcedocument/upload/").status_code == 403


def test_bogus_batch_ids_are_404(editor):
    assert editor.get("/admin/archive/sourcedocument/upload/" + "0" * 32 + "/").status_code == 404
    assert editor.get("/admin/archive/sourcedocument/upload/not-a-batch/").status_code == 404


def test_a_folder_is_uploaded_file_by_file_and_what_cannot_be_read_is_skipped(editor):
    response = editor.post(
        "/admin/archive/sourcedocument/upload/",
        {
            "folder": [
                SimpleUploadedFile("treaties/kz-tr.txt", TEXT.encode()),
                SimpleUploadedFile("treaties/.DS_Store", b"\x00\x01junk"),
                SimpleUploadedFile("treaties/photo.png", b"\x89PNG\r\n"),
            ]
        },
    )
    assert response.status_code == 302
    page = editor.get(response["Location"]).content.decode()
    assert "kz-tr.txt" in page and "photo.png" not in page
    assert "2 file(s) of the folder skipped" in page
