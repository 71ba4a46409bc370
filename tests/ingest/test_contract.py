"""to_contract() output validates against the parse-output schema; the parse command."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest

from archive.ingest.pipeline import parse_bytes, parse_path

from .conftest import CORPUS, SCHEMA, VARIANTS

FILES = sorted(CORPUS.glob("*.txt")) + sorted(VARIANTS.glob("*.txt"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_contract_validates(path, validator):
    contract = parse_path(path).to_contract()
    validator.validate(contract)
    json.dumps(contract, ensure_ascii=False)  # serialisable as is


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"", "empty.txt"), (b"\x00\x01\x02\x03binary\x00\x00", "x.txt"), (b"hello", "x.xyz"), (b"not a pdf", "x.pdf")],
)
def test_unreadable_files_give_an_error_object_not_a_traceback(data, name, validator):
    result = parse_bytes(data, name)
    assert result.error
    contract = result.to_contract()
    validator.validate(contract)
    assert contract["agreement"] is None and contract["warnings"] == [result.error]


def test_unknowns_are_null_not_guessed():
    contract = parse_bytes("Просто текст без договора.".encode(), "note.txt").to_contract()
    assert contract["act"] is None
    assert contract["related"] == []
    assert contract["document_kinds"] == ["other"]


def _run_command(*files, as_json=True):
    from archive.management.commands.parse import Command

    out = io.StringIO()
    cmd = Command(stdout=out, stderr=io.StringIO())
    code = 0
    try:
        cmd.handle(files=[str(f) for f in files], json=as_json)
    except SystemExit as exc:
        code = exc.code
    return out.getvalue(), code


def test_parse_command_json_one_and_many(validator):
    one, code = _run_command(CORPUS / "001_814850e4c9e980b5.txt")
    assert code == 0
    obj = json.loads(one)
    assert isinstance(obj, dict) and obj["agreement"]["signed_place"] == "Баку"
    assert "Қазақстан" in one  # ensure_ascii=False
    many, code = _run_command(CORPUS / "002_700c28a48b73b99d.txt", CORPUS / "000_8eaca48331cec965.txt")
    arr = json.loads(many)
    assert [o["source"].rsplit("/", 1)[-1] for o in arr] == ["002_700c28a48b73b99d.txt", "000_8eaca48331cec965.txt"]
    for o in arr:
        validator.validate(o)


def test_parse_command_unreadable_file_exits_1(tmp_path, validator):
    out, code = _run_command(tmp_path / "missing.txt", CORPUS / "003_966cfad3000587e1.txt")
    assert code == 1
    arr = json.loads(out)
    assert arr[0]["error"] and arr[0]["agreement"] is None
    assert arr[1]["error"] is None
    validator.validate(arr[0])


def test_parse_command_human_summary():
    out, code = _run_command(CORPUS / "003_966cfad3000587e1.txt", as_json=False)
    assert code == 0 and "527" in out and "Астана" in out


def test_parse_command_imports_no_models():
    import ast
    from pathlib import Path

    import archive.management.commands.parse as module

    tree = ast.parse(Path(module.__file__).read_text("utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(m and m.startswith("archive.models") for m in imported)
