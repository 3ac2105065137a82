"""load_graph: node and edge kinds and attributes as documented in pipeline/graph/build.py."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_store import (  # noqa: E402
    ALL,
    BCH,
    BNNMT,
    DAKLAK,
    R0129,
    R223,
    R234,
    R310_HN,
    R2351_EN,
    R2351_VI,
    TTG,
    build,
)

from pipeline.graph.build import load_graph  # noqa: E402


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    with build(tmp_path_factory.mktemp("g") / "s.sqlite") as store:
        yield load_graph(store)


def edges(g, u, v):
    return {k: d for k, d in g.get_edge_data(u, v, default={}).items()}


@pytest.mark.parametrize("node, kind", [
    ("doc:223/CĐ-TTg|2025|" + TTG, "document"),
    ("doc:310/KH-UBND|2025|Ủy ban nhân dân thành phố Hà Nội", "document"),
    ("doc:310/KH-UBND|2024|Ủy ban nhân dân tỉnh Đồng Tháp", "document"),
    ("doc:18-NQ/TW|2017|" + BCH, "document"),
    ("doc:18-NQ/TW|2022|" + BCH, "document"),
    (f"obl:{R234['obligations'][0]['id']}", "obligation"),
    (f"agency:{BNNMT}", "agency"),
])
def test_node_kinds(graph, node, kind):
    assert graph.nodes[node]["kind"] == kind


def test_document_node_attributes(graph):
    d = graph.nodes["doc:2351/QĐ-TTg|2010|" + TTG]
    assert d["symbol"] == "2351/QĐ-TTg" and d["year"] == 2010 and d["placeholder"] is False
    assert sorted(d["languages"]) == ["en", "vi"]
    assert set(d["doc_ids"]) == {R2351_EN["doc_id"], R2351_VI["doc_id"]}
    placeholder = graph.nodes["doc:310/KH-UBND|2024|Ủy ban nhân dân tỉnh Đồng Tháp"]
    assert placeholder["placeholder"] is True and placeholder["doc_ids"] == []
    assert R310_HN["doc_id"] in graph.nodes["doc:310/KH-UBND|2025|Ủy ban nhân dân thành phố Hà Nội"]["doc_ids"]


def test_document_edges(graph):
    d223, d217 = "doc:223/CĐ-TTg|2025|" + TTG, "doc:217/CĐ-TTg|2025|" + TTG
    d0129 = "doc:0129/KH-UBND|2025|" + DAKLAK
    follows = edges(graph, d223, d217)["follows_up"]
    assert follows["type"] == "follows_up" and follows["refs"] == [f"{R223['doc_id']}:r1"]
    assert 0 < follows["score"] <= 1
    assert "based_on" in edges(graph, d0129, d223)
    assert "issued_by" in edges(graph, d223, f"agency:{TTG}")
    assert "issued_by" in edges(graph, d0129, f"agency:{DAKLAK}")
    assert not graph.has_edge("doc:556/KH-UBND|2025|Ủy ban nhân dân tỉnh Đồng Tháp",
                              "doc:310/KH-UBND|2025|Ủy ban nhân dân thành phố Hà Nội")


def test_obligation_edges(graph):
    o = f"obl:{R234['obligations'][0]['id']}"
    assert graph.nodes[o]["due"] == "2025-12-05" and graph.nodes[o]["deadline_kind"] == "date"
    assert edges(graph, "doc:234/CĐ-TTg|2025|" + TTG, o)["contains"]["ord"] == 0
    assert edges(graph, o, f"agency:{BNNMT}")["assigned_to:responsible"]["role"] == "responsible"
    sct = f"obl:{R0129['obligations'][0]['id']}"
    assert "reports_to" in edges(graph, sct, f"agency:{DAKLAK}")


def test_cascade_edge(graph):
    child, parent = f"obl:{R0129['obligations'][1]['id']}", f"obl:{R223['obligations'][0]['id']}"
    e = edges(graph, child, parent)["carries_out"]
    assert e["evidence"]["parent_assignee"] == DAKLAK and 0 < e["score"] <= 1


def test_succession_edges_from_registry(graph):
    # the 2010 decision assigns the ministry dissolved on 01/03/2025
    e = edges(graph, "agency:Bộ Lao động - Thương binh và Xã hội", "agency:Bộ Nội vụ")
    assert e["succeeded_by:Bộ Nội vụ"]["date"] == "2025-03-01"


def test_every_node_and_edge_has_kind_and_type(graph):
    """The fixture's documents make a graph of every node kind and edge type (an empty graph fails here)."""
    kinds = Counter(d.get("kind") for _, d in graph.nodes(data=True))
    types = Counter(d.get("type") for *_, d in graph.edges(data=True))
    assert set(kinds) == {"document", "obligation", "agency"}
    assert kinds["obligation"] == sum(len(r["obligations"]) for r in ALL)
    assert {"issued_by", "contains", "assigned_to", "follows_up", "based_on", "reports_to", "carries_out",
            "succeeded_by"} <= set(types)
    assert None not in kinds and None not in types
    assert types["contains"] == kinds["obligation"]  # each obligation hangs from its document
    assert graph.is_multigraph() and graph.is_directed()


def test_same_store_same_graph(tmp_path):
    with build(tmp_path / "a.sqlite") as a, build(tmp_path / "b.sqlite") as b:
        ga, gb = load_graph(a), load_graph(b)
    assert list(ga.nodes(data=True)) == list(gb.nodes(data=True))
    assert list(ga.edges(keys=True, data=True)) == list(gb.edges(keys=True, data=True))
