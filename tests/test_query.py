"""Queries as Python functions and as `obligraph query ... --json`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_store import (  # noqa: E402
    ALL,
    BNNMT,
    DAKLAK,
    R0129,
    R223,
    R234,
    R556,
    R2351_VI,
    TTG,
    build,
)

from pipeline.graph import query  # noqa: E402
from pipeline.graph.query import add_query_command  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "s.sqlite"
    build(path).close()
    return path


@pytest.fixture
def store(db):
    from pipeline.graph.store import Store

    with Store(db) as s:
        yield s


def ids(rows):
    return [r["id"] for r in rows]


@pytest.mark.parametrize("agency", [BNNMT, "MAE", "Bộ NN&MT", "Ministry of Agriculture and Environment"])
def test_obligations_of_an_agency_by_any_alias(store, agency):
    rows = query.obligations(store, agency=agency, as_of="2025-12-01")
    assert ids(rows) == [R234["obligations"][0]["id"], R223["obligations"][1]["id"]]  # dated first
    assert rows[0]["deadline"]["date"] == "2025-12-05" and rows[0]["document"] == "234/CĐ-TTg"
    assert rows[0]["status"] == "open" and rows[1]["status"] == "no-deadline"
    assert {"id", "path", "span", "text", "action", "assignees", "deadline", "reports_to", "references"} <= set(rows[0])


@pytest.mark.parametrize("kwargs, expected", [
    ({"status": "overdue", "as_of": "2025-12-06"}, [0]),
    ({"status": "overdue", "as_of": "2025-12-05"}, []),
    ({"status": "open", "as_of": "2025-12-05"}, [0]),
    ({"status": "no-deadline"}, [1]),
    ({"due_before": "2025-12-06"}, [0]),
    ({"due_before": "2025-12-05"}, []),
    ({"due_after": "2025-12-01"}, [0]),
    ({"role": "lead"}, []),
    ({"role": "responsible", "document": "223/CĐ-TTg"}, [1]),
    ({"document": "234/CD-TTg"}, [0]),
])
def test_obligation_filters(store, kwargs, expected):
    bnnmt = [R234["obligations"][0]["id"], R223["obligations"][1]["id"]]
    assert ids(query.obligations(store, agency=BNNMT, **kwargs)) == [bnnmt[i] for i in expected]


def test_predecessors_and_successors(store):
    moj_labour = R2351_VI["obligations"][0]["id"]
    assert moj_labour not in ids(query.obligations(store, agency="Bộ Nội vụ"))
    assert moj_labour in ids(query.obligations(store, agency="Bộ Nội vụ", predecessors=True))
    names = query.agency_names(store, "Bộ Lao động - Thương binh và Xã hội", successors=True)
    assert {"Bộ Nội vụ", BNNMT} <= set(names)


def test_cited_by_direct_and_transitive(store):
    direct = query.cited_by(store, "217/CĐ-TTg")
    assert [(d["symbol"], d["depth"]) for d in direct] == [("223/CĐ-TTg", 1)]
    assert direct[0]["doc_id"] == R223["doc_id"] and direct[0]["relations"] == ["follows_up"]
    chain = query.cited_by(store, "217/CD-TTg", transitive=True)
    assert [(d["symbol"], d["depth"]) for d in chain] == [("223/CĐ-TTg", 1), ("0129/KH-UBND", 2)]


def test_cited_by_keeps_310_apart(store):
    assert query.cited_by(store, "310/KH-UBND", year=2025) == []
    dong_thap = query.cited_by(store, "310/KH-UBND", year=2024)
    assert [d["doc_id"] for d in dong_thap] == [R556["doc_id"]]


def test_based_on(store):
    rows = query.based_on(store, "0129/KH-UBND")
    assert [(r["symbol"], r["relations"], r["placeholder"]) for r in rows] == [
        ("223/CĐ-TTg", ["based_on"], False), ("007/CĐ-UBND", ["based_on"], True)]
    assert rows[1]["issuer"] == DAKLAK  # "của UBND tỉnh" in a Đắk Lắk plan


def test_cascade_tree(store):
    tree = query.cascade(store, "217/CĐ-TTg")
    assert [(t["symbol"], t["depth"], t["cites"]) for t in tree] == [
        ("217/CĐ-TTg", 0, None), ("223/CĐ-TTg", 1, "217/CĐ-TTg|2025|" + TTG),
        ("0129/KH-UBND", 2, "223/CĐ-TTg|2025|" + TTG)]
    links = tree[2]["links"]
    assert [(lk["obligation"], lk["carries_out"]) for lk in links] == [
        (R0129["obligations"][1]["id"], R223["obligations"][0]["id"])]


def test_top_cited_and_busiest(store):
    top = query.top_cited(store, limit=3)
    assert top[0]["cited_by"] == 1 and len(top) == 3
    busy = query.busiest_agencies(store, limit=50)
    counts = {b["name"]: b["obligations"] for b in busy}
    assert counts[BNNMT] == 2 and counts["Bộ Tư pháp"] == 2  # the EN and VI copies of 2351/QĐ-TTg
    assert busy == sorted(busy, key=lambda b: (-b["obligations"], b["name"]))


def test_without_deadline(store):
    rows = query.without_deadline(store)
    n = sum(1 for r in ALL for o in r["obligations"] if not o["deadline"])
    assert len(rows) == n and all(r["deadline"] is None for r in rows)


def run_cli(argv, capsys):
    parser = argparse.ArgumentParser(prog="obligraph")
    add_query_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    status = args.func(args)
    return status, capsys.readouterr().out


@pytest.mark.parametrize("argv, check", [
    (["query", "cited-by", "217/CĐ-TTg", "--transitive"], lambda rows: [r["symbol"] for r in rows] ==
     ["223/CĐ-TTg", "0129/KH-UBND"]),
    (["query", "obligations", "--agency", BNNMT, "--due-before", "2026-01-01"],
     lambda rows: [r["id"] for r in rows] == [R234["obligations"][0]["id"]]),
    (["query", "obligations", "--agency", BNNMT, "--status", "overdue", "--as-of", "2026-01-01"],
     lambda rows: [r["status"] for r in rows] == ["overdue"]),
    (["query", "obligations", "--agency", BNNMT, "--role", "responsible", "--status", "no-deadline"],
     lambda rows: [r["document"] for r in rows] == ["223/CĐ-TTg"]),
    (["query", "cascade", "223/CĐ-TTg"], lambda rows: [r["depth"] for r in rows] == [0, 1]),
    (["query", "top-cited", "--limit", "2"], lambda rows: len(rows) == 2 and all("doc_id" in r for r in rows)),
    (["query", "based-on", "223/CĐ-TTg"], lambda rows: "217/CĐ-TTg" in [r["symbol"] for r in rows]),
    (["query", "busiest-agencies", "--limit", "1"], lambda rows: len(rows) == 1),
    (["query", "no-deadline", "--agency", DAKLAK], lambda rows: len(rows) == 1),
])
def test_cli_json(db, capsys, argv, check):
    status, out = run_cli(argv + ["--store", str(db), "--json"], capsys)
    rows = json.loads(out)
    assert status == 0 and isinstance(rows, list) and check(rows)


def test_cli_text_and_missing_store(db, tmp_path, capsys):
    status, out = run_cli(["query", "cited-by", "223/CĐ-TTg", "--store", str(db)], capsys)
    assert status == 0 and "0129/KH-UBND" in out
    status, _ = run_cli(["query", "top-cited", "--store", str(tmp_path / "none.sqlite")], capsys)
    assert status == 2 and not (tmp_path / "none.sqlite").exists()
