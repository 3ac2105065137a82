"""The record contract: the checked-in JSON Schema is the one generated from pipeline.records, and the
schema and the CLI's validator accept and reject the same records."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from pipeline import cli
from pipeline.records import Assignee, Deadline, DocumentRecord, Metadata, Obligation, Reference, Source
from pipeline.schema import InvalidRecord, RecordValidator, checked_in_schema, document_schema, schema_text

TEXT = "Căn cứ Nghị định số 15/2020/NĐ-CP. Bộ Tài chính chủ trì, hoàn thành trước ngày 30/6/2025."


def _record() -> DocumentRecord:
    agency = Assignee("Bộ Tài chính", (35, 47), "Bộ Tài chính", "Ministry of Finance", "lead")
    deadline = Deadline("trước ngày 30/6/2025", (69, 89), "date", date="2025-06-30", flags=["before"])
    return DocumentRecord(
        doc_id="d0123456789abcdef", source=Source("a.txt", "txt", "0" * 64), language="vi",
        metadata=Metadata(symbol="1/CT-TTg", issued_on="2025-01-02"), text=TEXT,
        references=[Reference("r1", (7, 34), "Nghị định số 15/2020/NĐ-CP", "15/2020/NĐ-CP", year=2020)],
        obligations=[Obligation("o0123456789abcdef", "1", (35, 90), TEXT[35:90], "hoàn thành",
                                assignees=[agency], deadline=deadline, references=["r1"], deadlines=[deadline])])


def test_a_records_text_opens_with_its_schema_and_falls_back_to_json_where_orjson_refuses():
    record = _record()
    assert record.to_json() == json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert list(json.loads(record.to_json()))[:3] == ["schema", "doc_id", "source"]
    record.text = "lone \udc80 surrogate"  # orjson refuses it; json writes it as an escape
    assert record.to_json() == json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":"))


def test_checked_in_schema_is_the_generated_one():
    assert checked_in_schema() == document_schema(), "run: python -m pipeline.schema"
    assert json.loads(schema_text()) == document_schema()


def test_schema_requires_contract_fields_but_not_extras():
    defs = document_schema()["$defs"]
    assert defs["Reference"]["required"] == ["id", "span", "mention", "symbol", "doc_type", "number", "year",
                                              "issuer_code", "issued_on"]
    assert "deadlines" not in defs["Obligation"]["required"] and "deadline" in defs["Obligation"]["required"]
    assert document_schema()["required"] == ["doc_id", "source", "language", "metadata", "text", "references",
                                             "obligations", "schema"]


def _set(path: str, value):
    def change(record: dict) -> None:
        *parents, last = path.split(".")
        for part in parents:
            record = record[int(part)] if part.isdigit() else record[part]
        if value is KeyError:
            del record[last]
        else:
            record[last] = value
    return change


VALID = [
    ("as extracted", _set("language", "vi")),
    ("no addressees (extra)", _set("addressees", KeyError)),
    ("no relation (extra)", _set("references.0.relation", KeyError)),
    ("no deadlines (extra)", _set("obligations.0.deadlines", KeyError)),
    ("no deadline", _set("obligations.0.deadline", None)),
    ("unknown field", _set("note", "allowed")),
]
INVALID = [
    ("doc id", _set("doc_id", "d12")),
    ("language", _set("language", "fr")),
    ("schema id", _set("schema", "obligraph/document/v2")),
    ("format", _set("source.format", "rtf")),
    ("zero pages", _set("source.pages", 0)),
    ("ocr as text", _set("source.ocr", "yes")),
    ("date format", _set("metadata.issued_on", "2/1/2025")),
    ("reference id", _set("references.0.id", "x1")),
    ("relation", _set("references.0.relation", "likes")),
    ("year as text", _set("references.0.year", "2020")),
    ("empty mention", _set("references.0.mention", "")),
    ("three-part span", _set("obligations.0.span", [1, 2, 3])),
    ("negative offset", _set("obligations.0.span", [-1, 2])),
    ("obligation id", _set("obligations.0.id", "o12")),
    ("empty task", _set("obligations.0.text", "")),
    ("role", _set("obligations.0.assignees.0.role", "boss")),
    ("deadline kind", _set("obligations.0.deadline.kind", "soon")),
    ("deadline as text", _set("obligations.0.deadline", "tomorrow")),
    ("reference link", _set("obligations.0.references", ["1"])),
    ("no text", _set("text", KeyError)),
    ("no schema id", _set("schema", KeyError)),
    ("no page count", _set("source.pages", KeyError)),
    ("no signer", _set("metadata.signer", KeyError)),
    ("no reference year", _set("references.0.year", KeyError)),
    ("no deadline field", _set("obligations.0.deadline", KeyError)),
    ("no assignee list", _set("obligations.0.assignees", KeyError)),
]


@pytest.mark.parametrize("change", [c for _, c in VALID], ids=[n for n, _ in VALID])
def test_valid_records(change):
    record = _record().to_dict()
    change(record)
    jsonschema.validate(record, checked_in_schema())
    RecordValidator().check(record)


@pytest.mark.parametrize("change", [c for _, c in INVALID], ids=[n for n, _ in INVALID])
def test_invalid_records_are_rejected_by_schema_and_validator(change):
    record = copy.deepcopy(_record().to_dict())
    change(record)
    assert not jsonschema.Draft202012Validator(checked_in_schema()).is_valid(record)
    with pytest.raises(InvalidRecord):
        RecordValidator().check(record)


def test_validator_names_the_failing_field():
    record = _record().to_dict()
    record["obligations"][0]["assignees"][0]["role"] = "boss"
    with pytest.raises(InvalidRecord, match=r"obligations\.0\.assignees\.0\.role"):
        RecordValidator().check(record)


def test_extract_reports_an_invalid_record_instead_of_writing_it(monkeypatch, capsys, tmp_path):
    def broken(name, **_):
        record = _record()
        record.language = "fr"
        return record
    monkeypatch.setattr(cli, "extract_file", broken)
    assert cli.main(["extract", str(tmp_path / "a.txt")]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "invalid record: language" in err
    monkeypatch.setattr(cli, "extract_file", lambda name, **_: _record())
    assert cli.main(["extract", str(tmp_path / "a.txt")]) == 0
    assert json.loads(capsys.readouterr().out) == _record().to_dict()
