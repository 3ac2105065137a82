"""Finding documents and agencies the way users type them.

A symbol matches with or without Vietnamese letters ("223/CD-TTg", "223/CĐ-TTg"); a type name and a
number ("cong dien 223", "công điện số 223") match the documents of that type and number; anything
else is looked up in the full-text index (title and text, diacritics and đ folded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.graph import query
from pipeline.graph.link import fold
from pipeline.knowledge.doc_types import NORMATIVE_TYPES, PARTY_TYPES, STATE_TYPES
from pipeline.web.db import WebDB

_SYMBOL = re.compile(r"\d+[\w.]*(?:/\d{4})?[/-][\wĐđ.&-]+", re.UNICODE)
_NUMBER = re.compile(r"\b(\d{1,6})\b")
_FTS_WORD = re.compile(r"\w+", re.UNICODE)
DOC_COLS = query._DOC_COLS


@dataclass(frozen=True)
class DocumentQuery:
    q: str = ""
    doc_type: str | None = None
    issuer: str | None = None
    year: int | None = None


@cache
def type_names() -> list[tuple[str, str]]:
    """(folded type name, code), longest first: "cong dien" -> CĐ, "cong van" -> CV."""
    names: dict[str, str] = {"cong van": "CV", "official dispatch": "CĐ", "directive": "CT", "decision": "QĐ",
                             "decree": "NĐ", "resolution": "NQ", "circular": "TT", "plan": "KH", "notice": "TB"}
    for table in (STATE_TYPES, NORMATIVE_TYPES, PARTY_TYPES):
        for code, name in table.items():
            names.setdefault(fold(name), code)
    return sorted(names.items(), key=lambda kv: -len(kv[0]))


def _type_in(text: str) -> tuple[str | None, str]:
    folded = fold(text)
    for name, code in type_names():
        if re.search(rf"\b{re.escape(name)}\b", folded):
            return code, folded.replace(name, " ")
    return None, folded


def symbol_keys(db: WebDB, text: str) -> list[str]:
    """Document nodes whose symbol is the one typed (Đ or not, any case)."""
    conn = db.store.conn
    canonical = query.canonical(text)
    keys = [r[0] for r in conn.execute("SELECT key FROM doc_keys WHERE symbol = ?", (canonical,))]
    if keys:
        return keys
    number = re.match(r"\d+", text)
    if not number:
        return []
    wanted = fold(canonical).replace(" ", "")
    rows = conn.execute("SELECT key, symbol FROM doc_keys WHERE symbol >= ? AND symbol < ?",
                        (number.group(0), number.group(0) + "\uffff"))
    return [r[0] for r in rows if fold(r[1] or "").replace(" ", "") == wanted]


def _type_number_keys(db: WebDB, code: str, number: str) -> list[str]:
    rows = db.store.conn.execute(
        "SELECT key, symbol, doc_type FROM doc_keys WHERE symbol >= ? AND symbol < ?",
        (number + "/", number + "/\uffff")).fetchall()
    rows += db.store.conn.execute(
        "SELECT key, symbol, doc_type FROM doc_keys WHERE symbol >= ? AND symbol < ?",
        (number + "-", number + "-\uffff")).fetchall()
    return [r[0] for r in rows if (r[2] or "") == code or f"/{code}-" in (r[1] or "") or f"-{code}/" in (r[1] or "")]


def fts_doc_ids(db: WebDB, text: str, limit: int = 200) -> list[str]:
    words = [w for w in _FTS_WORD.findall(fold(text)) if w]
    if not words:
        return []
    match = " ".join(f'"{w}"' for w in words)  # each word quoted: user text is never FTS syntax
    rows = db.store.conn.execute(
        "SELECT doc_id FROM web_fts WHERE web_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
    return [r[0] for r in rows]


def _rows_for_keys(db: WebDB, keys: list[str]) -> list[Any]:
    out = []
    for key in dict.fromkeys(keys):
        row = query._node_row(db.store, key)
        if row is not None:
            out.append(row)
    return out


def _keys_for_doc_ids(db: WebDB, doc_ids: list[str]) -> list[str]:
    keys = []
    for doc_id in doc_ids:
        row = db.store.conn.execute("SELECT node FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is not None:
            keys.append(row[0])
    return keys


def search_documents(db: WebDB, dq: DocumentQuery, limit: int = 50, offset: int = 0) -> tuple[list[dict], str]:
    """Matching document nodes (stored first) and how the query was read ("symbol", "type+number", ...)."""
    text = " ".join(dq.q.split())
    how = "all"
    if text:
        symbol = _SYMBOL.search(text)
        code, rest = _type_in(text)
        number = _NUMBER.search(rest)
        keys: list[str] = []
        if symbol:
            keys, how = symbol_keys(db, symbol.group(0)), "symbol"
        if not keys and code and number:
            keys, how = _type_number_keys(db, code, number.group(1)), "type and number"
        if not keys and number and not symbol and len(text.split()) == 1:
            keys, how = symbol_keys(db, number.group(1) + "/"), "number"
            keys = keys or [r[0] for r in db.store.conn.execute(
                "SELECT key FROM doc_keys WHERE symbol >= ? AND symbol < ? LIMIT 200",
                (number.group(1) + "/", number.group(1) + "/\uffff"))]
        if not keys:
            keys, how = _keys_for_doc_ids(db, fts_doc_ids(db, text)), "full text"
        rows = _rows_for_keys(db, keys)
    else:
        rows = _filtered_all(db, dq, limit + offset + 1)
    rows = [r for r in rows if _passes(db, r, dq)]
    rows.sort(key=lambda r: (r["placeholder"], -(r["year"] or 0) if not text else 0))
    return [_doc_dict(r) for r in rows[offset:offset + limit]], how


def _filtered_all(db: WebDB, dq: DocumentQuery, limit: int) -> list[Any]:
    sql, args = f"SELECT {DOC_COLS} FROM doc_keys k WHERE k.placeholder = 0", []
    if dq.doc_type:
        sql += " AND k.doc_type = ?"
        args.append(dq.doc_type)
    if dq.issuer:
        sql += " AND k.issuer = ?"
        args.append(db.store.canonical(dq.issuer))
    if dq.year:
        sql += " AND k.year = ?"
        args.append(dq.year)
    return db.store.conn.execute(sql + " ORDER BY k.issued_on DESC, k.key LIMIT ?", (*args, limit)).fetchall()


def _passes(db: WebDB, row: Any, dq: DocumentQuery) -> bool:
    if dq.doc_type and (row["doc_type"] or "") != dq.doc_type:
        return False
    if dq.issuer and row["issuer"] != db.store.canonical(dq.issuer):
        return False
    return not (dq.year and row["year"] != dq.year)


def _doc_dict(row: Any) -> dict:
    return {"key": row["key"], "symbol": row["symbol"], "doc_id": row["doc_id"], "doc_type": row["doc_type"],
            "issuer": row["issuer"], "issued_on": row["issued_on"], "year": row["year"], "title": row["title"],
            "placeholder": bool(row["placeholder"])}


def search_agencies(db: WebDB, text: str, limit: int = 20) -> list[dict]:
    """Agencies by any alias, English name or abbreviation (registry), or by a stored name."""
    wanted = fold(text)
    if len(wanted) < 2:
        return []

    def index() -> list[tuple[str, str]]:
        pairs = [(fold(alias), name) for alias, name, _lang in db.registry.aliases()]
        pairs += [(fold(r[0]), r[0]) for r in db.store.conn.execute("SELECT name FROM agencies")]
        pairs += [(fold(r[1]), r[0]) for r in db.store.conn.execute(
            "SELECT name, name_en FROM agencies WHERE name_en IS NOT NULL")]
        return pairs

    exact = db.registry.lookup(text)
    names: dict[str, None] = {exact.name: None} if exact is not None else {}
    for alias, name in db.cached("agency-index", index):
        if wanted in alias:
            names.setdefault(name)
        if len(names) >= limit:
            break
    out = []
    for name in names:
        row = db.store.conn.execute("SELECT name_en, kind FROM agencies WHERE name = ?", (name,)).fetchone()
        agency = db.registry.lookup(name)
        out.append({"name": name, "name_en": row["name_en"] if row else getattr(agency, "name_en", None),
                    "kind": row["kind"] if row else getattr(agency, "kind", None), "stored": row is not None})
    return out
