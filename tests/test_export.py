"""Exports, each parsed back with the standard reader of its format; same store -> same bytes."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

import icalendar
import networkx as nx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_store import ALL, BNNMT, DAKLAK, R0129, R223, R234, TTG, build  # noqa: E402

from pipeline.graph.export import (  # noqa: E402
    add_export_command,
    calendar_text,
    export,
    new_calendar,
    obligation_todo,
)

FILES = {"jsonl": "x.jsonl", "csv": "x.csv", "ics": "x.ics", "graphml": "x.graphml", "neo4j": "neo4j"}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    base = tmp_path_factory.mktemp("e")
    with build(base / "s.sqlite") as store:
        for fmt, name in FILES.items():
            export(store, fmt, base / name)
    return base


def test_jsonl_is_the_contract_records(out):
    lines = (out / "x.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert sorted(r["doc_id"] for r in records) == sorted(r["doc_id"] for r in ALL)
    assert {r["doc_id"]: r for r in records}[R223["doc_id"]] == R223


def test_csv_one_row_per_obligation(out):
    with open(out / "x.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(r["obligations"]) for r in ALL)
    row = {r["id"]: r for r in rows}[R234["obligations"][0]["id"]]
    assert (row["document"], row["path"], row["responsible"], row["deadline"]) == (
        "234/CĐ-TTg", "4", BNNMT, "2025-12-05")
    lab = [r for r in rows if r["lead"] == "Bộ Tư pháp"]
    assert len(lab) == 2 and all(r["support"] == "Bộ Lao động - Thương binh và Xã hội" for r in lab)
    assert {r["reports_to"] for r in rows if r["id"] == R0129["obligations"][0]["id"]} == {DAKLAK}


def test_ics_parses_with_icalendar(out):
    raw = (out / "x.ics").read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(raw)
    todos = list(cal.walk("VTODO"))
    dated = [o for r in ALL for o in r["obligations"] if o["deadline"] and o["deadline"].get("date")]
    assert len(todos) == len(dated) == 1
    todo = todos[0]
    assert str(todo["UID"]) == f"{R234['obligations'][0]['id']}@obligraph"
    assert todo.decoded("DUE").isoformat() == "2025-12-05"
    assert str(todo["SUMMARY"]).startswith("234/CĐ-TTg: hướng dẫn các địa phương")
    assert "Bộ Nông nghiệp và Môi trường (responsible)" in str(todo["DESCRIPTION"])
    assert "DTSTAMP" in todo


def test_ics_related_to_for_cascades(tmp_path):
    # give the Đắk Lắk task a date so it becomes a VTODO that points at the task it carries out
    dated = json.loads(json.dumps(R0129))
    obl = dated["obligations"][1]
    obl["deadline"] = {"mention": "trước 19h00’ hằng ngày", "span": [0, 1], "kind": "date", "date": "2025-11-25",
                       "start": None, "end": None, "rrule": None, "flags": [], "duration": None}
    with build(tmp_path / "s.sqlite", [r for r in ALL if r is not R0129] + [dated]) as store:
        export(store, "ics", tmp_path / "c.ics")
    cal = icalendar.Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    todo = {str(t["UID"]): t for t in cal.walk("VTODO")}[f"{obl['id']}@obligraph"]
    assert str(todo["RELATED-TO"]) == f"{R223['obligations'][0]['id']}@obligraph"
    assert todo["RELATED-TO"].params["RELTYPE"] == "PARENT"


@pytest.mark.parametrize("text, expected", [
    ("Khánh Hòa, Đắk Lắk; Gia Lai", "Khánh Hòa\\, Đắk Lắk\\; Gia Lai"),
    ("a\\b\nc", "a\\\\b\\nc"),
])
def test_ics_escape(text, expected):
    assert _summary_line(text) == "SUMMARY:" + expected


def test_ics_fold_keeps_characters_whole():
    summary = "Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai " * 3
    line = "SUMMARY:" + summary.replace(",", "\\,")
    folded = _written_line(summary, "SUMMARY:")
    parts = folded.encode("utf-8").split(b"\r\n")
    assert all(len(p) <= 75 for p in parts) and len(parts) > 1
    assert folded.replace("\r\n ", "") == line


def _written_line(summary: str, prefix: str) -> str:
    """The (folded) content line starting with ``prefix`` in the calendar text the exports write."""
    cal = new_calendar("-//obligraph//test//EN")
    cal.add_component(obligation_todo("o0123456789abcdef", "2025-11-18", "2025-12-01", summary, "d"))
    text = calendar_text(cal)
    start = text.index("\r\n" + prefix) + 2
    end = start
    while True:  # a folded line goes on over the lines that open with a space
        end = text.index("\r\n", end) + 2
        if text[end] != " ":
            return text[start:end - 2]


def _summary_line(summary: str) -> str:
    return _written_line(summary, "SUMMARY:").replace("\r\n ", "")


def test_graphml_reads_back_in_networkx(out):
    g = nx.read_graphml(out / "x.graphml", force_multigraph=True)
    d = g.nodes["doc:223/CĐ-TTg|2025|" + TTG]
    assert d["kind"] == "document" and d["symbol"] == "223/CĐ-TTg" and d["placeholder"] is False
    assert json.loads(d["doc_ids"]) == [R223["doc_id"]]
    types = {data["type"] for *_, data in g.edges(data=True)}
    assert {"issued_by", "contains", "assigned_to", "reports_to", "follows_up", "based_on", "carries_out",
            "succeeded_by"} <= types


def test_neo4j_csv(out):
    folder = out / "neo4j"
    with open(folder / "documents.csv", encoding="utf-8", newline="") as f:
        docs = list(csv.DictReader(f))
    with open(folder / "relationships.csv", encoding="utf-8", newline="") as f:
        rels = list(csv.DictReader(f))
    ids = set()
    for name in ("documents.csv", "obligations.csv", "agencies.csv"):
        with open(folder / name, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames[0] == "id:ID" and reader.fieldnames[-1] == ":LABEL"
            ids.update(row["id:ID"] for row in reader)
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert {"FOLLOWS_UP", "BASED_ON", "CARRIES_OUT", "ASSIGNED_TO"} <= {r[":TYPE"] for r in rels}
    labels = {d["symbol"]: d[":LABEL"] for d in docs}
    assert labels["007/CĐ-UBND"] == "Document;Placeholder" and labels["223/CĐ-TTg"] == "Document"
    script = (folder / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script and "--relationships=relationships.csv" in script


def test_exports_are_byte_identical(out, tmp_path):
    with build(tmp_path / "again.sqlite", list(reversed(ALL))) as store:
        for fmt, name in FILES.items():
            export(store, fmt, tmp_path / name)
    for fmt, name in FILES.items():
        if fmt == "neo4j":
            for f in sorted((out / name).iterdir()):
                assert (tmp_path / name / f.name).read_bytes() == f.read_bytes(), f.name
        else:
            assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), fmt


def test_cli_export_to_stdout(out, tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="obligraph")
    add_export_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["export", "--format", "csv", "--store", str(out / "s.sqlite")])
    assert args.func(args) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == sum(len(r["obligations"]) for r in ALL)
