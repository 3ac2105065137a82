"""The obligation graph in memory: ``load_graph(store) -> networkx.MultiDiGraph``.

Node ids and attributes (every node has ``kind``):

``doc:<key>`` — a document; ``<key>`` is ``SYMBOL|YEAR|ISSUER`` (link.DocKey), or ``#<doc_id>`` for a
document without a number-symbol. A Vietnamese original and its English translation are one node.
    kind="document", key, symbol, year (int|None), issuer (canonical name|None), doc_type, issued_on,
    title, placeholder (bool: cited but not stored; upgraded in place when the document arrives),
    doc_ids, languages, paths (lists, one entry per stored record of the document)

``obl:<id>`` — an obligation (contract ``obligations[].id``).
    kind="obligation", id, doc_id, doc_key, path, action, text, deadline_kind, due (ISO date|None),
    deadline_mention, rrule

``agency:<name>`` — an agency under its canonical Vietnamese name (AgencyRegistry).
    kind="agency", name, name_en, agency_kind

Edges carry ``type`` (equal to the multigraph edge key, except assigned_to whose key is
``assigned_to:<role>``):

- ``issued_by``      document -> agency
- ``contains``       document -> obligation; ``ord`` (position in the document)
- ``assigned_to``    obligation -> agency; ``role`` (lead | support | responsible), ``mention``
- ``reports_to``     obligation -> agency
- ``cites``, ``based_on``, ``implements``, ``follows_up``, ``amends``, ``replaces``
                     document -> document (the reference's relation); ``refs`` (list of
                     "doc_id:ref_id"), ``mentions`` (list), ``method`` (how the target was resolved),
                     ``score`` (resolution confidence 0..1, None for a placeholder target)
- ``refers_to``      obligation -> document; ``ref_id``, ``mention`` (a reference made inside the task)
- ``carries_out``    obligation -> obligation in a cited document (the cascade); ``score`` 0..1 and
                     ``evidence`` (dict: cited, references, reference_in_point, parent_assignee,
                     assignee_match, implementing_body, subject_overlap, shared_terms)
- ``succeeded_by``   agency -> agency (from the registry): ``date`` (first day of the successor),
                     ``share`` (main | part)

Nodes and edges are added in a fixed order, so the same store gives the same graph.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from pipeline.graph.store import Store


def doc_node(key: str) -> str:
    return f"doc:{key}"


def obl_node(obligation_id: str) -> str:
    return f"obl:{obligation_id}"


def agency_node(name: str) -> str:
    return f"agency:{name}"


def load_graph(store: Store, successions: bool = True) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    c = store.conn
    _agencies(g, store)
    members: dict[str, list] = {}
    for r in c.execute("SELECT doc_id, node, language, path FROM documents ORDER BY node, language != 'vi', doc_id"):
        members.setdefault(r["node"], []).append(r)
    for k in c.execute("SELECT * FROM doc_keys ORDER BY key"):
        rows = members.get(k["key"], [])
        g.add_node(
            doc_node(k["key"]), kind="document", key=k["key"], symbol=k["symbol"], year=k["year"],
            issuer=k["issuer"], doc_type=k["doc_type"], issued_on=k["issued_on"], title=k["title"],
            placeholder=bool(k["placeholder"]), doc_ids=[r["doc_id"] for r in rows],
            languages=[r["language"] for r in rows], paths=[r["path"] for r in rows],
        )
        if k["issuer"]:
            _ensure_agency(g, store, k["issuer"])
            g.add_edge(doc_node(k["key"]), agency_node(k["issuer"]), key="issued_by", type="issued_by")
    node_of = {r["doc_id"]: r["node"] for rows in members.values() for r in rows}
    _obligations(g, store, node_of)
    _references(g, store, node_of)
    for r in c.execute("SELECT child, parent, score, evidence FROM cascades ORDER BY child, parent"):
        g.add_edge(obl_node(r["child"]), obl_node(r["parent"]), key="carries_out", type="carries_out",
                   score=r["score"], evidence=json.loads(r["evidence"]))
    if successions:
        _successions(g, store)
    return g


def _agencies(g: nx.MultiDiGraph, store: Store) -> None:
    for a in store.conn.execute("SELECT name, name_en, kind FROM agencies ORDER BY name"):
        g.add_node(agency_node(a["name"]), kind="agency", name=a["name"], name_en=a["name_en"],
                   agency_kind=a["kind"])


def _ensure_agency(g: nx.MultiDiGraph, store: Store, name: str, info: Any = None) -> None:
    node = agency_node(name)
    if node not in g:
        g.add_node(node, kind="agency", name=name, name_en=getattr(info, "name_en", None),
                   agency_kind=getattr(info, "kind", None))


def _obligations(g: nx.MultiDiGraph, store: Store, node_of: dict[str, str]) -> None:
    c = store.conn
    for o in c.execute(
        "SELECT o.id, o.doc_id, o.ord, o.path, o.action, o.text, o.deadline_kind, o.due, o.deadline_mention, "
        "o.rrule FROM obligations o JOIN documents d ON d.doc_id = o.doc_id ORDER BY d.node, o.doc_id, o.ord"
    ):
        key = node_of[o["doc_id"]]
        n = obl_node(o["id"])
        g.add_node(n, kind="obligation", id=o["id"], doc_id=o["doc_id"], doc_key=key, path=o["path"],
                   action=o["action"], text=o["text"], deadline_kind=o["deadline_kind"], due=o["due"],
                   deadline_mention=o["deadline_mention"], rrule=o["rrule"])
        g.add_edge(doc_node(key), n, key="contains", type="contains", ord=o["ord"])
    for a in c.execute("SELECT obligation_id, agency, role, mention FROM assignees ORDER BY obligation_id, ord"):
        _ensure_agency(g, store, a["agency"])
        g.add_edge(obl_node(a["obligation_id"]), agency_node(a["agency"]), key=f"assigned_to:{a['role']}",
                   type="assigned_to", role=a["role"], mention=a["mention"])
    for t in c.execute("SELECT obligation_id, agency FROM reports_to ORDER BY obligation_id, ord"):
        _ensure_agency(g, store, t["agency"])
        g.add_edge(obl_node(t["obligation_id"]), agency_node(t["agency"]), key="reports_to", type="reports_to")


def _references(g: nx.MultiDiGraph, store: Store, node_of: dict[str, str]) -> None:
    c = store.conn
    edges: dict[tuple[str, str, str], dict] = {}
    for r in c.execute(
        "SELECT doc_id, ref_id, relation, mention, target, method, score FROM refs "
        "WHERE target IS NOT NULL ORDER BY doc_id, ord"
    ):
        src = node_of[r["doc_id"]]
        if r["target"] == src:
            continue
        e = edges.setdefault((src, r["target"], r["relation"] or "cites"),
                             {"refs": [], "mentions": [], "method": r["method"], "score": r["score"]})
        e["refs"].append(f"{r['doc_id']}:{r['ref_id']}")
        e["mentions"].append(r["mention"])
        if r["score"] is not None and (e["score"] is None or r["score"] > e["score"]):
            e["score"], e["method"] = r["score"], r["method"]
    for (src, dst, rel), attrs in sorted(edges.items()):
        g.add_edge(doc_node(src), doc_node(dst), key=rel, type=rel, **attrs)
    for r in c.execute(
        "SELECT o.obligation_id, o.ref_id, r.mention, r.target FROM obligation_refs o "
        "JOIN refs r ON r.doc_id = o.doc_id AND r.ref_id = o.ref_id WHERE r.target IS NOT NULL "
        "ORDER BY o.obligation_id, o.ref_id"
    ):
        g.add_edge(obl_node(r["obligation_id"]), doc_node(r["target"]), key=f"refers_to:{r['ref_id']}",
                   type="refers_to", ref_id=r["ref_id"], mention=r["mention"])


def _successions(g: nx.MultiDiGraph, store: Store) -> None:
    registry = store.registry
    names = sorted(d["name"] for _, d in g.nodes(data=True) if d["kind"] == "agency")
    seen: set[str] = set()
    while names:
        name = names.pop(0)
        if name in seen:
            continue
        seen.add(name)
        for succ in registry.successors(name):
            _ensure_agency(g, store, succ.name, succ)
            attrs = {"type": "succeeded_by"}
            when = succession_date(registry, name, succ)
            if when:
                attrs["date"] = when
            share = succession_share(registry, name, succ)
            if share:
                attrs["share"] = share
            g.add_edge(agency_node(name), agency_node(succ.name), key=f"succeeded_by:{succ.name}", **attrs)
            names.append(succ.name)


def succession_date(registry: Any, name: str, successor: Any) -> str | None:
    """The day a body passed to its successor, as the registry records it on the predecessor."""
    agency = registry.lookup(name)
    for step in getattr(agency, "successors", ()) or ():
        if step.name == successor.name:
            return step.date
    return None


def succession_share(registry: Any, name: str, successor: Any) -> str | None:
    """'main' when the successor took over most of the body, 'part' for a share of its work."""
    agency = registry.lookup(name)
    for step in getattr(agency, "successors", ()) or ():
        if step.name == successor.name:
            return getattr(step, "share", None)
    return None
